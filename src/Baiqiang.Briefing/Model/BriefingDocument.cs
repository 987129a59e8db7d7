using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;

namespace Baiqiang.Briefing.Model;

/// <summary>Where one number in the text came from: the indicator (or subject), its period and the stored source reference.</summary>
public sealed record SourceRef(string Subject, string Period, string Reference);

/// <summary>One generated sentence with the sources of every number it states. <paramref name="Key"/> names what it is about (an indicator code, a target id …).</summary>
public sealed record Sentence(string Key, string Text, IReadOnlyList<SourceRef> Sources);

/// <summary>A block of a section: a paragraph, a table or a figure.</summary>
public abstract record Block;

/// <summary>A paragraph made of sentences, printed one after another.</summary>
public sealed record ParagraphBlock(IReadOnlyList<Sentence> Sentences) : Block
{
    public string Text => string.Concat(Sentences.Select(s => s.Text));
}

/// <summary>A table with a caption, a header row and body rows (all cells already formatted).</summary>
public sealed record TableBlock(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

/// <summary>A chart drawn server-side as PNG.</summary>
public sealed record FigureBlock(string Caption, byte[] Png, int WidthPx, int HeightPx) : Block;

/// <summary>One numbered section (一、经济运行 …).</summary>
public sealed record BriefingSection(string Kind, string Heading, IReadOnlyList<Block> Blocks);

/// <summary>
/// A generated briefing: title, numbered sections and the fonts chosen for it. Renderers
/// (<see cref="Rendering.DocxRenderer"/>, <see cref="Rendering.HtmlRenderer"/>, <see cref="Rendering.PdfRenderer"/>) only print it.
/// </summary>
public sealed record BriefingDocument(
    string Title,
    string Subtitle,
    RegionCode Region,
    string RegionName,
    StatPeriod Period,
    string Language,
    IReadOnlyList<BriefingSection> Sections,
    BriefingFonts Fonts,
    string SourcesHeading)
{
    /// <summary>Every sentence in document order.</summary>
    public IEnumerable<Sentence> Sentences => Sections.SelectMany(s => s.Blocks).OfType<ParagraphBlock>().SelectMany(p => p.Sentences);

    /// <summary>The figures in document order.</summary>
    public IEnumerable<FigureBlock> Figures => Sections.SelectMany(s => s.Blocks).OfType<FigureBlock>();

    /// <summary>Distinct sources of all sentences, in first-use order.</summary>
    public IReadOnlyList<SourceRef> AllSources => [.. Sentences.SelectMany(s => s.Sources).Distinct()];

    /// <summary>The sources note as printed: one line per document by title and date, periods in words
    /// (<see cref="Sections.SourceNotes"/>). Empty: the renderers print <see cref="AllSources"/> as stored.</summary>
    public IReadOnlyList<string> SourceNotes { get; init; } = [];

    /// <summary>The lines of the sources note.</summary>
    public IReadOnlyList<string> SourceLines => SourceNotes.Count > 0 ? SourceNotes : [.. AllSources.Select(s => $"{s.Subject} · {s.Period} · {s.Reference}")];
}

/// <summary>Fonts: the family written into .docx (first installed of the template's list, else the first listed) and the CSS stacks.</summary>
public sealed record BriefingFonts(string Body, string Heading, string BodyCss, string HeadingCss);
