using Baiqiang.Core.Indicators;
using Baiqiang.Extraction.Checks;
using Baiqiang.Extraction.Discourse;
using Baiqiang.Extraction.Facts;
using Baiqiang.Extraction.Places;
using Baiqiang.Extraction.Sections;
using Baiqiang.Extraction.Statements;
using Baiqiang.Extraction.Tables;
using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction;

/// <summary>
/// Reads indicator facts from Chinese economic reports and bulletins, in stages (docs/extraction.md reads them one at a time):
/// <list type="number">
/// <item><see cref="DocumentText"/>: HTML stripped, text normalised (simplified, ASCII digits) with a map back, page furniture dropped;</item>
/// <item><see cref="SectionSplitter"/>: lines, and the headings that open a scope (title, 一、, (一), ——);</item>
/// <item><c>ClauseSplitter</c>: sentences (。;!?) and clauses (commas that start a new predicate);</item>
/// <item>tokens: <see cref="NumberScanner"/>, <see cref="PeriodScanner"/>, <see cref="RegionMatcher"/> and the catalogue's
/// <see cref="IndicatorNames"/> (one automaton over every name and alias);</item>
/// <item><see cref="TableReader"/>: HTML and aligned text tables, read by header roles (value, unit, growth, period columns);</item>
/// <item><see cref="StatementReader"/>: each figure's roles (subject measure, value, growth, comparison, share, plan share, rank, increment, target);</item>
/// <item><see cref="DiscourseState"/>: the period, region and subject carried from headings, the first line and earlier clauses;</item>
/// <item><see cref="FactBuilder"/>: facts with a confidence and the rule that produced them; <see cref="CrossChecker"/> checks them.</item>
/// </list>
/// Every stage is linear in its input (bounded look-back and look-ahead, no regular expressions); never throws for non-null input.
/// </summary>
public sealed class FactExtractor
{
    private readonly RegionMatcher? _regions;
    private readonly IndicatorNames _dictionary;

    /// <summary>Creates an extractor; without a matcher, regions are reported as written and never resolved.</summary>
    /// <param name="regions">The region registry's matcher, or null.</param>
    /// <param name="catalogue">The indicators to recognise (the store's, <c>IndicatorStore.LoadAllAsync</c>); <see cref="IndicatorCatalogue.Default"/> when null.</param>
    public FactExtractor(RegionMatcher? regions = null, IReadOnlyList<Indicator>? catalogue = null)
    {
        _regions = regions;
        _dictionary = catalogue is null ? IndicatorNames.Default : new IndicatorNames(catalogue);
    }

    /// <summary>The indicator names this extractor recognises.</summary>
    public IndicatorNames Dictionary => _dictionary;

    /// <summary>Extracts the facts of one document.</summary>
    /// <param name="doc">The document's name, copied into every fact.</param>
    /// <param name="raw">Its text or HTML.</param>
    /// <param name="documentDate">The publication date (<c>--date</c>); inferred from the text when null.</param>
    public ExtractionResult Extract(string doc, string raw, DateOnly? documentDate = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(raw);
        var text = DocumentText.Create(raw);
        var reference = documentDate ?? ReferenceDate.Infer(text);
        int? undatedYear = documentDate is null && reference is { Month: 12, Day: 31 } r ? r.Year : null;
        var regions = RegionContext.Build(_regions, text);
        var builder = new FactBuilder(doc, text, reference, undatedYear);
        var checks = new CrossChecker();
        var discourse = new DiscourseState(reference);
        var reader = new StatementReader(text, _dictionary, regions, discourse, builder, checks, reference);
        var paragraphs = SectionSplitter.Split(text);
        var tables = new TableReader(text, _dictionary, regions, discourse, builder, reference);
        var found = TableReader.Find(text.Normalized, paragraphs);
        var nextTable = 0;
        for (var k = 0; k < paragraphs.Count; k++)
        {
            if (nextTable < found.Count && found[nextTable].HeaderFirst == k)
            {
                if (found[nextTable].PipeAt > paragraphs[k].Start)
                {
                    var p = paragraphs[k];
                    reader.Paragraph(p with { End = found[nextTable].PipeAt, HeadingEnd = Math.Min(p.HeadingEnd, found[nextTable].PipeAt) }); // the prose before a piped table's first |
                }

                tables.Read(paragraphs, found[nextTable]); // header and rows: read by columns, not as sentences
                k = found[nextTable++].End - 1;
                continue;
            }

            reader.Paragraph(paragraphs[k]);
        }

        var all = checks.Finish(builder.Facts);
        return new ExtractionResult(doc, text, builder.Facts, all, regions.MainText, regions.Main?.Code, reference, documentDate is null && reference is not null);
    }
}
