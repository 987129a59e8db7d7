using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using Baiqiang.Core.Regions;
using Baiqiang.Extraction;
using Baiqiang.Storage.Sample;

namespace Baiqiang.Benchmarks;

/// <summary>
/// Drivers for extraction work that must not change behaviour (bench/extract-diff.sh) and for instruction-count profiling:
/// <c>extract-facts REPO SHARED OUT</c> writes every fact of every labelled corpus document, held-out document and seed,
/// each read four ways (sample regions with and without a document date, the national tables, and the text on one line),
/// plus the corpus concatenated to 1 MB, as JSON Lines; two builds' files must be byte-identical.
/// <c>extract-run REPO MB ROUNDS</c> extracts the corpus concatenated to MB megabytes ROUNDS times (for callgrind or
/// <c>/usr/bin/time</c>: one process, one small driver, so instruction counts compare build against build).
/// </summary>
internal static class ExtractionCheck
{
    public static void WriteFacts(string repo, string shared, string outPath)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // records' ToString formats decimals
        var sample = new FactExtractor(new RegionMatcher(new RegionRegistry(SampleData.Regions)));
        var national = new FactExtractor(NationalMatcher(Path.Combine(shared, "data", "divisions")));
        var bare = new FactExtractor();
        using var w = new StreamWriter(outPath, append: false, new UTF8Encoding(false));
        foreach (var (name, text) in Documents(repo, shared))
        {
            Write(w, "sample-undated", sample.Extract(name, text));
            Write(w, "sample-dated", sample.Extract(name, text, new DateOnly(2024, 7, 20)));
            Write(w, "national", national.Extract(name, text));
            Write(w, "bare-one-line", bare.Extract(name, text.Replace('\n', ',').Replace('。', ','), new DateOnly(2023, 7, 31)));
        }

        Write(w, "corpus-1mb", sample.Extract("corpus-1mb", Corpus(repo, 1_000_000), new DateOnly(2024, 7, 20)));
    }

    public static void Run(string repo, int megabytes, int rounds)
    {
        var extractor = new FactExtractor(new RegionMatcher(new RegionRegistry(SampleData.Regions)));
        var input = Corpus(repo, megabytes * 1_000_000);
        using var sampler = Environment.GetEnvironmentVariable("BAIQIANG_ALLOC_TYPES") == "1" ? new AllocationSampler() : null;
        var facts = 0;
        if (Environment.GetEnvironmentVariable("BAIQIANG_FACT_STRINGS") == "1")
        {
            PrintFactStrings(extractor.Extract("corpus", input, new DateOnly(2024, 7, 20)).Facts);
        }

        var clock = Stopwatch.StartNew();
        using var self = Process.GetCurrentProcess();
        var cpu = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            self.Refresh();
            var (cpu0, bytes0) = (self.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
            var (gen0, gen1, gen2, pause0) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            facts += extractor.Extract("corpus", input, new DateOnly(2024, 7, 20)).Facts.Count;
            self.Refresh();
            cpu.Add((self.TotalProcessorTime - cpu0).TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {i + 1}: {cpu[^1]:0} ms process CPU, {(GC.GetTotalAllocatedBytes(precise: true) - bytes0) / 1e6:0.0} MB allocated, GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2), {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:0} ms GC pause"));
        }

        // The rounds after the first two (JIT tiering done), as process CPU time: comparable whatever the machine's load.
        var steady = cpu.Skip(Math.Min(2, rounds - 1)).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median CPU of rounds {Math.Min(3, rounds)}..{rounds}: {steady[steady.Count / 2]:0} ms"));

        sampler?.Print();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} × {Encoding.UTF8.GetByteCount(input)} bytes: {facts} facts, {clock.Elapsed.TotalMilliseconds:0} ms wall, {GC.GetTotalAllocatedBytes() / 1e6:0.0} MB allocated"));
    }

    /// <summary>What the facts of one extraction keep alive, by member: distinct strings (by reference) and their characters.</summary>
    private static void PrintFactStrings(IReadOnlyList<ExtractedFact> facts)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{facts.Count} facts"));
        foreach (var (member, of) in new (string, Func<ExtractedFact, string?>)[]
        {
            ("Sentence (cut when read, since a fact keeps only its window)", f => f.Sentence), ("Indicator", f => f.Indicator), ("IndicatorRaw", f => f.IndicatorRaw), ("Rule", f => f.Rule),
            ("Region", f => f.Region), ("Comparator", f => f.Comparator),
        })
        {
            var distinct = new HashSet<string>(ReferenceEqualityComparer.Instance);
            foreach (var f in facts)
            {
                if (of(f) is { } text)
                {
                    distinct.Add(text);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {member}: {distinct.Count} distinct strings, {distinct.Sum(t => t.Length)} chars, ≈{distinct.Sum(t => 22 + (2L * t.Length + 7) / 8 * 8) / 1e6:0.0} MB"));
        }
    }

    private static void Write(StreamWriter w, string how, ExtractionResult result)
    {
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {how} {result.Doc} inferred={result.ReferenceDateInferred} main={result.MainRegion} code={result.MainRegionCode} reference={result.ReferenceDate} facts={result.Facts.Count} checks={result.Checks.Count}"));
        foreach (var fact in result.Facts)
        {
            w.WriteLine(FactWriter.ToJsonLine(fact));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {fact}")); // every member, High, Length and SentenceOffset too
        }

        foreach (var check in result.Checks)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check {check.Kind} {check.Consistent} {check.Message.Zh} | {check.Message.En} [{string.Join(",", check.FactOffsets)}]"));
        }
    }

    private static IEnumerable<(string Name, string Text)> Documents(string repo, string shared)
    {
        var folders = new[]
        {
            Path.Combine(repo, "tests", "Baiqiang.Extraction.Tests", "Corpus"),
            Path.Combine(repo, "tests", "Baiqiang.Extraction.Tests", "Heldout"),
            Path.Combine(shared, "seeds"),
        };
        foreach (var folder in folders)
        {
            foreach (var f in Directory.GetFiles(folder).Where(IsDocument).Order(StringComparer.Ordinal))
            {
                yield return (Path.GetFileName(f), File.ReadAllText(f));
            }
        }
    }

    private static bool IsDocument(string f) => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>The benchmark's input: the labelled corpus's documents concatenated, repeated to <paramref name="utf8Bytes"/>.</summary>
    private static string Corpus(string repo, int utf8Bytes)
    {
        var folder = Path.Combine(repo, "tests", "Baiqiang.Extraction.Tests", "Corpus");
        var unit = string.Concat(Directory.GetFiles(folder).Where(IsDocument).Order(StringComparer.Ordinal).Select(f => File.ReadAllText(f) + "\n"));
        var sb = new StringBuilder();
        var unitBytes = Encoding.UTF8.GetByteCount(unit);
        for (var bytes = 0; bytes < utf8Bytes; bytes += unitBytes + 1)
        {
            sb.Append(unit).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Provinces, prefectures and county-level units of shared/data/divisions, plus the sample's parks (as the tests' <c>Regions.National</c>).</summary>
    private static RegionMatcher NationalMatcher(string folder)
        => new(new RegionRegistry(NationalRegions.Load(folder)), SampleData.Regions.Select(r => r.Code));

    /// <summary>The runtime's allocation ticks (one per ≈100 KB allocated) by type: where the bytes go, without a profiler.</summary>
    private sealed class AllocationSampler : EventListener
    {
        private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);

        public void Print()
        {
            lock (_bytes)
            {
                var total = _bytes.Values.Sum();
                foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(40))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6,10:0.0} MB {100.0 * bytes / total,5:0.0} %  {type}"));
                }
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
            {
                return;
            }

            var type = eventData.PayloadNames?.IndexOf("TypeName") is int t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
            var amount = eventData.PayloadNames?.IndexOf("AllocationAmount64") is int a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 100_000;
            lock (_bytes)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
