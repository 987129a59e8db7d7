using Baiqiang.Briefing.Charts;
using Baiqiang.Briefing.Model;
using Baiqiang.Briefing.Sections;
using Baiqiang.Briefing.Templates;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using SkiaSharp;

namespace Baiqiang.Briefing;

/// <summary>How to generate a briefing.</summary>
public sealed record BriefingOptions
{
    /// <summary>The template; null → the built-in one for <see cref="Language"/>.</summary>
    public BriefingTemplate? Template { get; init; }

    /// <summary>"zh" (default) or "en", used when <see cref="Template"/> is null.</summary>
    public string Language { get; init; } = "zh";

    /// <summary>Section sources that replace the store-backed default of their kind (e.g. <see cref="KeyProjectsSource"/>).</summary>
    public IReadOnlyList<IBriefingSectionSource> Sources { get; init; } = [];

    /// <summary>False to skip charts (faster text-only briefings).</summary>
    public bool Charts { get; init; } = true;

    /// <summary>Clock for the date printed under the title.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>
/// Builds a briefing (成绩单 / 经济运行简报) for a region and period from the store: the entry point for the CLI and the web
/// dashboard. Render the result with <see cref="Rendering.DocxRenderer"/>, <see cref="Rendering.HtmlRenderer"/> or
/// <see cref="Rendering.PdfRenderer"/>.
/// </summary>
public static class BriefingGenerator
{
    private static readonly Lazy<HashSet<string>> InstalledFamilies = new(LoadFamilies);

    /// <summary>The default source of each section kind: key projects, investment and service read their modules' tables
    /// (project ledger, pipeline, service desk) and fall back to stored observations when those hold nothing for the region.</summary>
    public static IReadOnlyList<IBriefingSectionSource> DefaultSources { get; } =
    [
        new EconomySource(), new TargetsSource(), new StoredKeyProjectsSource(), new PipelineInvestmentSource(), new DeskServiceSource(), new PipelineScoreboardSource(), new WarningsSource(),
    ];

    public static async Task<BriefingDocument> GenerateAsync(BaiqiangDbContext db, RegionCode region, StatPeriod period, BriefingOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        options ??= new BriefingOptions();
        var template = options.Template ?? BriefingTemplate.Default(options.Language);
        var context = await BriefingContext.LoadAsync(db, region, period, template, ct);
        var english = context.English;
        var charts = new ChartRenderer();
        var sections = new List<BriefingSection>();
        foreach (var st in template.Sections)
        {
            var source = options.Sources.LastOrDefault(s => s.Kind == st.Kind) ?? DefaultSources.First(s => s.Kind == st.Kind);
            var data = await source.LoadAsync(context, ct);
            if (data is null)
            {
                continue; // nothing stored for this section: leave it out rather than print empty claims
            }

            var writer = new SectionWriter(context, options.Charts ? st : st with { Charts = [] }, charts);
            var blocks = english ? [.. writer.Write(data).Select(Capitalize)] : writer.Write(data);
            if (blocks.Count == 0)
            {
                continue;
            }

            var number = sections.Count < template.Numbering.Count ? template.Numbering[sections.Count] : string.Empty;
            sections.Add(new BriefingSection(st.Kind, number + st.Heading, blocks));
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["region"] = context.RegionName,
            ["period"] = Text.PeriodFull(period, english),
            ["date"] = english
                ? options.Clock.GetUtcNow().ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
                : options.Clock.GetUtcNow().ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture),
        };
        var fonts = new BriefingFonts(
            Pick(template.BodyFonts), Pick(template.HeadingFonts), Css(template.BodyFonts, "serif"), Css(template.HeadingFonts, "sans-serif"));
        var doc = new BriefingDocument(Text.Fill(template.Title, values), Text.Fill(template.Subtitle, values), region, context.RegionName, period,
            template.Language, sections, fonts, template.Phrase("sources_heading", "数据来源"));
        return doc with { SourceNotes = SourceNotes.Build(context, doc.AllSources) };
    }

    /// <summary>English sentences start with a capital even when they open with an indicator name ("general public budget revenue").</summary>
    private static Block Capitalize(Block block) => block is ParagraphBlock p
        ? new ParagraphBlock([.. p.Sentences.Select(s => s.Text.Length > 0 && char.IsLower(s.Text[0])
            ? s with { Text = char.ToUpperInvariant(s.Text[0]) + s.Text[1..] }
            : s)])
        : block;

    /// <summary>The first installed family of <paramref name="families"/>, else the first listed (Word substitutes on the reader's machine).</summary>
    private static string Pick(IReadOnlyList<string> families)
        => families.FirstOrDefault(f => InstalledFamilies.Value.Contains(f)) ?? (families.Count > 0 ? families[0] : "SimSun");

    private static string Css(IReadOnlyList<string> families, string generic)
        => string.Join(", ", families.Select(f => f.Contains(' ', StringComparison.Ordinal) ? $"'{f}'" : f).Append(generic));

    private static HashSet<string> LoadFamilies()
    {
        try
        {
            return new HashSet<string>(SKFontManager.Default.GetFontFamilies(), StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            return [];
        }
    }
}
