using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Baiqiang.Core.Regions;
using Baiqiang.Extraction;
using Baiqiang.Storage.Sample;

namespace Baiqiang.Benchmarks;

/// <summary>
/// Extraction throughput: the five seeds concatenated (≈40 KB UTF-8), the same repeated to 1 MB and 10 MB (linearity), a
/// 10 MB single-line input, and adversarial repetitions (数字 after 数字, an endless 、 list). MB here = UTF-8 bytes of input.
/// </summary>
/// <remarks>
/// Issue 17's target is ≥ 20 MB/s per core on the corpus concatenated to 10 MB (<see cref="CorpusTenMb"/>); the extractor is
/// single-threaded, so the <c>MB/s</c> column (input UTF-8 bytes ÷ mean time, MB = 10⁶ bytes) is the per-core figure.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    private FactExtractor _extractor = null!;
    private string _seeds = string.Empty;
    private string _oneMb = string.Empty;
    private string _tenMb = string.Empty;
    private string _tenMbOneLine = string.Empty;
    private string _oneMbOneLine = string.Empty;
    private string _digits = string.Empty;
    private string _list = string.Empty;
    private string _corpusOneMb = string.Empty;
    private string _corpusTenMb = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _extractor = new FactExtractor(new RegionMatcher(new RegionRegistry(SampleData.Regions)));
        var folder = SharedData.Folder("seeds") ?? throw new DirectoryNotFoundException("shared/seeds");
        _seeds = string.Concat(Directory.GetFiles(folder, "0*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        _oneMb = Repeat(_seeds, 1_000_000);
        _tenMb = Repeat(_seeds, 10_000_000);
        _tenMbOneLine = _tenMb.Replace('\n', ',').Replace('。', ',');
        _oneMbOneLine = _oneMb.Replace('\n', ',').Replace('。', ',');
        _digits = Repeat("1234567890", 1_000_000);
        _list = Repeat("企业、", 1_000_000);
        // Issue 17's measure: the labelled corpus's documents (tests/…/Corpus, text and HTML) concatenated, repeated to 1 and 10 MB.
        var corpus = CorpusFolder() is { } cf
            ? string.Concat(Directory.GetFiles(cf).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Select(f => File.ReadAllText(f) + "\n"))
            : _seeds;
        _corpusOneMb = Repeat(corpus, 1_000_000);
        _corpusTenMb = Repeat(corpus, 10_000_000);
    }

    private static string? CorpusFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Baiqiang.Extraction.Tests", "Corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [Benchmark(Description = "corpus documents concatenated to 1 MB")]
    public int CorpusOneMb() => _extractor.Extract("corpus-1mb", _corpusOneMb, new DateOnly(2024, 7, 20)).Facts.Count;

    [Benchmark(Description = "corpus documents concatenated to 10 MB")]
    public int CorpusTenMb() => _extractor.Extract("corpus-10mb", _corpusTenMb, new DateOnly(2024, 7, 20)).Facts.Count;

    /// <summary>Bytes of UTF-8 in the seeds, for turning time into MB/s.</summary>
    public int SeedBytes => Encoding.UTF8.GetByteCount(_seeds);

    private static readonly Lazy<ExtractionBenchmarks> Inputs = new(() =>
    {
        var b = new ExtractionBenchmarks();
        b.Setup();
        return b;
    });

    /// <summary>UTF-8 bytes of the input a benchmark method extracts (the same strings <see cref="Setup"/> builds), or null.</summary>
    internal static long? InputBytes(string method)
    {
        var b = Inputs.Value;
        string? input = method switch
        {
            nameof(Seeds) => b._seeds,
            nameof(OneMb) => b._oneMb,
            nameof(TenMb) => b._tenMb,
            nameof(OneMbOneLine) => b._oneMbOneLine,
            nameof(TenMbOneLine) => b._tenMbOneLine,
            nameof(Digits) => b._digits,
            nameof(EndlessList) => b._list,
            nameof(CorpusOneMb) => b._corpusOneMb,
            nameof(CorpusTenMb) => b._corpusTenMb,
            _ => null,
        };
        return input is null ? null : Encoding.UTF8.GetByteCount(input);
    }

    /// <summary>Adds the MB/s column.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>Input megabytes (10⁶ UTF-8 bytes) per second of mean time: one extraction runs on one core, so this is per core.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "ExtractionMBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "input MB (10^6 UTF-8 bytes) extracted per second of mean time, on one core";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var bytes = InputBytes(benchmarkCase.Descriptor.WorkloadMethod.Name);
            return mean is > 0 && bytes is { } b ? (b / 1e6 / (mean.Value / 1e9)).ToString("0.00", CultureInfo.InvariantCulture) : "-";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }

    private static string Repeat(string unit, int utf8Bytes)
    {
        var sb = new StringBuilder();
        var bytes = 0;
        var unitBytes = Encoding.UTF8.GetByteCount(unit);
        while (bytes < utf8Bytes)
        {
            sb.Append(unit).Append('\n');
            bytes += unitBytes + 1;
        }

        return sb.ToString();
    }

    [Benchmark(Baseline = true, Description = "seeds concatenated (40.6 KB)")]
    public int Seeds() => _extractor.Extract("seeds", _seeds, new DateOnly(2023, 7, 31)).Facts.Count;

    [Benchmark(Description = "seeds repeated to 1 MB")]
    public int OneMb() => _extractor.Extract("1mb", _oneMb, new DateOnly(2023, 7, 31)).Facts.Count;

    [Benchmark(Description = "seeds repeated to 10 MB")]
    public int TenMb() => _extractor.Extract("10mb", _tenMb, new DateOnly(2023, 7, 31)).Facts.Count;

    [Benchmark(Description = "1 MB on one line")]
    public int OneMbOneLine() => _extractor.Extract("1mb-line", _oneMbOneLine, new DateOnly(2023, 7, 31)).Facts.Count;

    [Benchmark(Description = "10 MB on one line")]
    public int TenMbOneLine() => _extractor.Extract("10mb-line", _tenMbOneLine, new DateOnly(2023, 7, 31)).Facts.Count;

    [Benchmark(Description = "1 MB of digits")]
    public int Digits() => _extractor.Extract("digits", _digits, new DateOnly(2023, 7, 31)).Facts.Count;

    [Benchmark(Description = "1 MB of 企业、 list")]
    public int EndlessList() => _extractor.Extract("list", _list, new DateOnly(2023, 7, 31)).Facts.Count;
}
