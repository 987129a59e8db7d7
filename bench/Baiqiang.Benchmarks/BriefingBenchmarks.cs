using Baiqiang.Briefing;
using Baiqiang.Briefing.Rendering;
using Baiqiang.Briefing.Templates;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Baiqiang.Benchmarks;

/// <summary>
/// The briefing targets: one briefing with 6 charts rendered to .docx (&lt; 2 s) and 100 counties' briefings in a batch
/// (&lt; 2 min). Store: SQLite with the real division tables, 100 county-level units of 江苏省 with 2019–2023 上半年 figures
/// of six indicators (so every trend chart has five points) and their prefectures' peer groups (so ranks are computed).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class BriefingBenchmarks
{
    private static readonly string[] Indicators = ["gdp", "budget_revenue", "industrial_output", "retail_sales", "fixed_asset_investment", "exports"];
    private string _dir = string.Empty;
    private StoreOptions _options = null!;
    private List<RegionCode> _regions = [];
    private BriefingOptions _briefing = null!;
    private readonly StatPeriod _period = StatPeriod.CumulativeTo(2023, 6);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _dir = Directory.CreateTempSubdirectory("baiqiang-bench-briefing-").FullName;
        _options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={Path.Combine(_dir, "bench.db")}");
        await BaiqiangStore.MigrateAsync(_options, CancellationToken.None);
        await using var db = BaiqiangStore.Open(_options);
        await IndicatorStore.SeedCatalogueAsync(db, CancellationToken.None);
        await RegionStore.ImportDivisionTablesAsync(db, SharedData.Path("divisions"), CancellationToken.None);
        var all = await RegionStore.LoadAllAsync(db);
        _regions = [.. all.Where(r => r.Code.Level == RegionLevel.County && r.Code.ProvinceDigits == 32 && r.ValidTo is null && !r.IsPark).Take(100).Select(r => r.Code)];
        var records = new List<ObservationRecord>();
        foreach (var r in _regions)
        {
            for (var year = 2019; year <= 2023; year++)
            {
                foreach (var (ind, i) in Indicators.Select((x, i) => (x, i)))
                {
                    var v = 50m + (r.Value % 97) + (i * 13) + ((year - 2019) * 7.5m);
                    var g = 3m + ((r.Value + year + i) % 90 / 10m);
                    records.Add(new ObservationRecord(r, new IndicatorCode(ind), StatPeriod.CumulativeTo(year, 6), v, Unit.YiYuan, g, Qualifier.Exact, new ObservationSource(SourceKind.Import, "bench")));
                }
            }
        }

        await ObservationWriter.WriteAsync(db, records, "bench", TimeProvider.System, CancellationToken.None);
        foreach (var prefecture in _regions.Select(r => r.Parent).OfType<RegionCode>().Distinct())
        {
            await PeerGroupStore.CreatePrefectureGroupAsync(db, prefecture, CancellationToken.None);
        }

        var t = BriefingTemplate.Default();
        var economy = t.Sections[0];
        _briefing = new BriefingOptions
        {
            Template = t with
            {
                Sections = [economy with
                {
                    Charts = [new ChartTemplate("growth_bars", "{period_full}主要指标增速"), .. Indicators.Take(5).Select(i => new ChartTemplate("trend", "{indicator}走势", i))],
                }, .. t.Sections.Skip(1)],
            },
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public async Task<int> OneBriefingSixChartsDocx()
    {
        await using var db = BaiqiangStore.Open(_options);
        var doc = await BriefingGenerator.GenerateAsync(db, _regions[0], _period, _briefing, CancellationToken.None);
        var bytes = DocxRenderer.Render(doc);
        return doc.Figures.Count() == 6 ? bytes.Length : throw new InvalidOperationException("expected 6 charts");
    }

    [Benchmark]
    public async Task<long> HundredCountiesBatchDocx()
    {
        await using var db = BaiqiangStore.Open(_options);
        long total = 0;
        foreach (var r in _regions)
        {
            var doc = await BriefingGenerator.GenerateAsync(db, r, _period, _briefing, CancellationToken.None);
            total += DocxRenderer.Render(doc).Length;
        }

        return total;
    }
}
