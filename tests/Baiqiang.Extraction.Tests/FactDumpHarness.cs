using Baiqiang.Core.Indicators;
using System.Globalization;
using System.Text;

namespace Baiqiang.Extraction.Tests;

/// <summary>
/// A harness run by hand (explicit: never in a normal test run, and it asserts nothing): every fact the extractor reads from the
/// corpus, the seeds and the held-out bulletin, one line each, written to the file <c>BAIQIANG_FACT_DUMP</c> names, so two
/// commits can be diffed fact by fact. Run with
/// <c>BAIQIANG_FACT_DUMP=/tmp/facts.txt dotnet test tests/Baiqiang.Extraction.Tests --filter "FullyQualifiedName~FactDumpHarness"</c>.
/// </summary>
public sealed class FactDumpHarness
{
    [Fact(Explicit = true)]
    public void Facts_CorpusSeedsAndHeldout_WrittenOneLineEach()
    {
        var path = Environment.GetEnvironmentVariable("BAIQIANG_FACT_DUMP");
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var sb = new StringBuilder();
        if (Environment.GetEnvironmentVariable("BAIQIANG_FACT_TEXT") is { Length: > 0 } probe)
        {
            // One text of one's own (a file path or the text itself), read against the national tables on BAIQIANG_FACT_DATE
            // (yyyy-MM-dd), else 2024-09-20.
            var text = File.Exists(probe) ? File.ReadAllText(probe) : probe;
            var date = Environment.GetEnvironmentVariable("BAIQIANG_FACT_DATE") is { Length: > 0 } given
                ? DateOnly.ParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : new DateOnly(2024, 9, 20);
            // BAIQIANG_FACT_SHIPPED=1 reads with the whole shipped catalogue, as the CLI does with a fresh store.
            var catalogue = Environment.GetEnvironmentVariable("BAIQIANG_FACT_SHIPPED") == "1" ? IndicatorCatalogue.Shipped : null;
            var result = new FactExtractor(Regions.National, catalogue).Extract("probe.txt", text, date);
            Write(sb, result);
            File.WriteAllText(path, sb.ToString());
            return;
        }

        foreach (var d in CorpusScoreTests.Manifest())
        {
            Write(sb, CorpusScoreTests.Extract(d));
        }

        foreach (var name in Seeds.Names)
        {
            Write(sb, Seeds.Extract(name));
        }

        var held = "anyi_h1_bulletin_synthetic";
        Write(sb, new FactExtractor(Regions.National).Extract(held + ".txt", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Heldout", held + ".txt")), new DateOnly(2024, 7, 20)));
        File.WriteAllText(path, sb.ToString());
    }

    private static void Write(StringBuilder sb, ExtractionResult r)
    {
        foreach (var f in r.Facts)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{f.Doc}\t{f.Offset}\t{f.Kind}\t{f.Region}\t{f.RegionCode}\t{f.Indicator}\t{f.IndicatorCode}\t{f.Period}\t{f.Amount}\t{f.High}\t{f.GrowthPct}\t{f.PlanSharePct}\t{f.Comparator}\t{f.Rule}\t{f.IndicatorRaw}");
        }
    }
}
