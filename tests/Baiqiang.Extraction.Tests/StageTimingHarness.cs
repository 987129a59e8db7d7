using System.Diagnostics;
using System.Globalization;
using System.Text;
using Baiqiang.Extraction.Checks;
using Baiqiang.Extraction.Discourse;
using Baiqiang.Extraction.Facts;
using Baiqiang.Extraction.Places;
using Baiqiang.Extraction.Sections;
using Baiqiang.Extraction.Statements;
using Baiqiang.Extraction.Tables;

namespace Baiqiang.Extraction.Tests;

/// <summary>
/// A timing harness run by hand (explicit: never in a normal test run, and it asserts nothing): the extractor's stages timed
/// one by one on each fuzz generator at 1, 2, 4 and 8 MB, to find a stage that grows faster than its input. Run with
/// <c>BAIQIANG_STAGE_TIMING=digits-then-unit dotnet test tests/Baiqiang.Extraction.Tests -c Release --filter "FullyQualifiedName~StageTimingHarness"</c>
/// (the variable picks generators, comma-separated; all when empty); the table goes to standard output and the test log.
/// </summary>
public sealed class StageTimingHarness
{
    [Fact(Explicit = true)]
    public void Stages_FuzzInputsAtOneToEightMegabytes_PrintsTimes()
    {
        var pick = Environment.GetEnvironmentVariable("BAIQIANG_STAGE_TIMING");
        var generators = string.IsNullOrWhiteSpace(pick) ? [.. ExtractorFuzzTests.Pathological.Keys] : pick.Split(',', StringSplitOptions.TrimEntries);
        var report = new StringBuilder();
        foreach (var g in generators)
        {
            var make = ExtractorFuzzTests.Pathological[g];
            Run(make(50_000)); // warm-up: JIT and the dictionaries
            report.AppendLine(CultureInfo.InvariantCulture, $"{g}: MB  text  date  regions  sections  tables  statements  checks  total(ms)  gen0/gen2 GCs  MB allocated  GC pause(ms)  process CPU(ms)");
            var sizes = (Environment.GetEnvironmentVariable("BAIQIANG_STAGE_SIZES") ?? "1,2,4,8").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture));
            var inputs = sizes.Select(mb => (mb, make(mb << 20))).ToList(); // all alive at once, as in the ratio test
            foreach (var (mb, input) in inputs)
            {
                var best = Enumerable.Repeat(double.MaxValue, 8).ToArray();
                var (gen0, gen2, allocated) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetAllocatedBytesForCurrentThread());
                var (pause, cpu) = (double.MaxValue, double.MaxValue);
                for (var round = 0; round < 2; round++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var (pause0, cpu0) = (GC.GetTotalPauseDuration(), Process.GetCurrentProcess().TotalProcessorTime);
                    var t = Run(input);
                    pause = Math.Min(pause, (GC.GetTotalPauseDuration() - pause0).TotalMilliseconds);
                    cpu = Math.Min(cpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds);
                    for (var k = 0; k < t.Length; k++)
                    {
                        best[k] = Math.Min(best[k], t[k]);
                    }
                }

                (gen0, gen2, allocated) = ((GC.CollectionCount(0) - gen0) / 2, (GC.CollectionCount(2) - gen2 - 2) / 2, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 2 >> 20);
                report.AppendLine(CultureInfo.InvariantCulture, $"  {mb}  {string.Join("  ", best.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))}  {gen0}/{gen2}  {allocated}  {pause:F0}  {cpu:F0}");
            }
        }

        Console.WriteLine(report);
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
    }

    /// <summary>The stages of <see cref="FactExtractor.Extract"/>, each timed: ms per stage, then the total.</summary>
    private static double[] Run(string raw)
    {
        var times = new double[8];
        var sw = Stopwatch.StartNew();
        var lap = 0.0;
        void Mark(int k)
        {
            var now = sw.Elapsed.TotalMilliseconds;
            times[k] = now - lap;
            lap = now;
        }

        var reference = new DateOnly(2023, 7, 31);
        var text = DocumentText.Create(raw);
        Mark(0);
        _ = ReferenceDate.Infer(text);
        Mark(1);
        var regions = RegionContext.Build(Regions.SampleOnly, text);
        Mark(2);
        var paragraphs = SectionSplitter.Split(text);
        Mark(3);
        var dictionary = new FactExtractor(Regions.SampleOnly).Dictionary;
        var builder = new FactBuilder("t.txt", text, reference, null);
        var checks = new CrossChecker();
        var discourse = new DiscourseState(reference);
        var found = TableReader.Find(text.Normalized, paragraphs);
        Mark(4);
        var reader = new StatementReader(text, dictionary, regions, discourse, builder, checks, reference);
        var tables = new TableReader(text, dictionary, regions, discourse, builder, reference);
        var nextTable = 0;
        for (var k = 0; k < paragraphs.Count; k++)
        {
            if (nextTable < found.Count && found[nextTable].HeaderFirst == k)
            {
                tables.Read(paragraphs, found[nextTable]);
                k = found[nextTable++].End - 1;
                continue;
            }

            reader.Paragraph(paragraphs[k]);
        }

        Mark(5);
        _ = checks.Finish(builder.Facts);
        Mark(6);
        times[7] = sw.Elapsed.TotalMilliseconds;
        return times;
    }
}
