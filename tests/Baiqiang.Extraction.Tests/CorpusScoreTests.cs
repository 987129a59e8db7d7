using System.Globalization;
using System.Text;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;

namespace Baiqiang.Extraction.Tests;

/// <summary>
/// Precision and recall of indicator facts (value, growth, share, plan_completion, pull) on the written corpus
/// (Corpus/manifest.tsv: documents written for this purpose on the constructions of real public reports, labelled by hand,
/// never tuned against). Matching follows <see cref="LabelScore.Matches"/> with strict names: every field equal, the indicator
/// by catalogue code when the label has one, else the extracted name must contain the label's (Corpus/README.md).
/// </summary>
public sealed class CorpusScoreTests
{
    // The issue's target is P ≥ 0.90 and R ≥ 0.90. These floors are a ratchet at the extractor's measured overall figures
    // (rounded down to 0.01) when the corpus landed, so the test passes today and fails on a regression; raise them as the
    // extractor improves, until they reach the target.
    private const double PrecisionFloor = 0.92;
    private const double RecallFloor = 0.92;

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>The manifest rows: file, document date, genre, script, source of figures.</summary>
    internal static IReadOnlyList<CorpusDocument> Manifest()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "manifest.tsv"));
        Assert.Equal("file\tdate\tgenre\tscript\tsource", lines[0]);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c => new CorpusDocument(
            c[0], DateOnly.ParseExact(c[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), c[2], c[3], c[4]))];
    }

    /// <summary>Runs the extractor on one corpus document, as the CLI does with <c>--date</c>.</summary>
    internal static ExtractionResult Extract(CorpusDocument d)
        => new FactExtractor(Regions.National).Extract(d.File, File.ReadAllText(Path.Combine(Folder, d.File)), d.Date);

    internal static IReadOnlyList<LabelledFact> Labels(CorpusDocument d) => LabelScore.LoadTsv(Path.Combine(Folder, Path.ChangeExtension(d.File, ".tsv")));

    [Fact]
    public void Corpus_IndicatorFacts_MeetPrecisionAndRecallFloors()
    {
        var total = new Score(0, 0, 0);
        var table = new StringBuilder();
        var details = new StringBuilder();
        table.AppendLine("document                                   extracted labelled matched     P      R");
        foreach (var d in Manifest())
        {
            var misses = new List<string>();
            var s = LabelScore.Compare(Extract(d).Facts, Labels(d), k => LabelScore.IndicatorKinds.Contains(k), misses, strictNames: true);
            total += s;
            table.AppendLine(CultureInfo.InvariantCulture, $"{d.File,-42} {s.Extracted,9} {s.Labelled,8} {s.Matched,7} {s.Precision,6:0.000} {s.Recall,6:0.000}");
            details.AppendLine(d.File);
            foreach (var m in misses)
            {
                details.AppendLine("    " + m);
            }
        }

        table.AppendLine(CultureInfo.InvariantCulture, $"{"TOTAL",-42} {total.Extracted,9} {total.Labelled,8} {total.Matched,7} {total.Precision,6:0.000} {total.Recall,6:0.000}");
        var report = table + "\n" + details;
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-scores.txt"), report);
        Assert.True(total.Precision >= PrecisionFloor, $"precision {total.Precision:0.000} below the floor {PrecisionFloor}\n{table}");
        Assert.True(total.Recall >= RecallFloor, $"recall {total.Recall:0.000} below the floor {RecallFloor}\n{table}");
    }

    [Fact]
    public void Corpus_Manifest_CoversTheGenresTheIssueNames()
    {
        var docs = Manifest();
        Assert.True(docs.Count >= 40, $"{docs.Count} documents");
        Assert.Equal(docs.Count, docs.Select(d => d.File).Distinct().Count());
        Assert.True(docs.Count(d => d.File.EndsWith(".html", StringComparison.Ordinal)) >= 2);
        Assert.Contains(docs, d => d.Script == "繁");
        foreach (var genre in (string[])["月报", "季报", "园区", "财政", "政府工作报告"])
        {
            Assert.Contains(docs, d => d.Genre == genre);
        }

        foreach (var d in docs)
        {
            Assert.True(File.Exists(Path.Combine(Folder, d.File)), d.File);
            Assert.True(d.Script is "简" or "繁", d.File);
            Assert.False(string.IsNullOrWhiteSpace(d.Source), d.File);
        }
    }

    [Fact]
    public void Corpus_Labels_AreWellFormed()
    {
        // A wrong label costs whoever tunes against it hours: every cell is checked against the types it names.
        var registry = Regions.National.Registry;
        var problems = new List<string>();
        foreach (var d in Manifest())
        {
            var labels = Labels(d);
            if (labels.Count == 0)
            {
                problems.Add($"{d.File}: no labels");
            }

            foreach (var l in labels)
            {
                var at = $"{d.File}: {l}";
                if (!LabelScore.IndicatorKinds.Contains(l.Kind))
                {
                    problems.Add($"{at}: kind '{l.Kind}' is not an indicator kind");
                }

                if (l.RegionCode is { } rc && (!RegionCode.TryParse(rc, out var code) || !registry.TryGet(code, out _)))
                {
                    problems.Add($"{at}: region code {rc} is not in the division tables");
                }

                if (l.IndicatorCode is { } ic && IndicatorCatalogue.Default.All(i => i.Code.Value != ic))
                {
                    problems.Add($"{at}: indicator code {ic} is not catalogued");
                }

                if (l.Period is { } p && (StatPeriod.TryParseCanonical(p) is not { Success: true } parsed || parsed.Value.ToString() != p))
                {
                    problems.Add($"{at}: period {p} is not canonical");
                }

                var wellShaped = l.Kind switch
                {
                    "value" => l.Value is not null && l.Unit.Length > 0 && l.PlanSharePct is null,
                    "growth" => l.Value is null && l.Unit.Length == 0 && l.GrowthPct is not null,
                    "share" => l.Value is not null && l.Unit == "%" && l.PlanSharePct is null,
                    "plan_completion" => l.PlanSharePct is not null,
                    "pull" => l.Value is not null && l.Unit == "个百分点",
                    _ => true,
                };
                if (!wellShaped)
                {
                    problems.Add($"{at}: cells do not fit kind {l.Kind}");
                }

                if (l.Indicator.Length == 0)
                {
                    problems.Add($"{at}: no indicator name");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}

/// <summary>One corpus document as the manifest lists it.</summary>
internal sealed record CorpusDocument(string File, DateOnly Date, string Genre, string Script, string Source);
