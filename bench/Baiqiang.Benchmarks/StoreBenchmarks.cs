using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Regions;
using BenchmarkDotNet.Attributes;

namespace Baiqiang.Benchmarks;

/// <summary>
/// The two reads every dashboard makes, on a SQLite store holding all county-level regions and a 10-year monthly
/// series: loading every region (target &lt; 1 s) and one region's 10-year monthly series (target &lt; 5 ms).
/// </summary>
[MemoryDiagnoser]
public class StoreReadBenchmarks
{
    private string _dir = string.Empty;
    private StoreOptions _options = null!;
    private readonly RegionCode _jiangyang = new(510502);
    private readonly IndicatorCode _gdp = new("gdp");

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _dir = Directory.CreateTempSubdirectory("baiqiang-bench-").FullName;
        _options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={Path.Combine(_dir, "bench.db")}");
        await BaiqiangStore.MigrateAsync(_options, CancellationToken.None);
        await using var db = BaiqiangStore.Open(_options);
        await IndicatorStore.SeedCatalogueAsync(db, CancellationToken.None);
        await RegionStore.ImportDivisionTablesAsync(db, SharedData.Path("divisions"), CancellationToken.None);

        // 10 years × 12 months of single-month and cumulative GDP for every county-level unit of Sichuan (≈ 46,000 rows),
        // so the series query runs against a realistically filled table rather than an empty one.
        var regions = (await RegionStore.LoadAllAsync(db)).Where(r => r.Code.Level == RegionLevel.County && r.Code.ProvinceDigits == 51 && r.ValidTo is null).ToList();
        var records = new List<ObservationRecord>();
        foreach (var r in regions)
        {
            for (var year = 2015; year < 2025; year++)
            {
                for (var month = 1; month <= 12; month++)
                {
                    var v = 10m + month + (year - 2015) + (r.Code.Value % 97);
                    records.Add(new ObservationRecord(r.Code, _gdp, StatPeriod.ForMonth(year, month), v, Unit.YiYuan, 5.1m, Qualifier.Exact, new ObservationSource(SourceKind.Import, "bench")));
                    if (month > 1)
                    {
                        records.Add(new ObservationRecord(r.Code, _gdp, StatPeriod.CumulativeTo(year, month), v * month, Unit.YiYuan, 5.2m, Qualifier.Exact, new ObservationSource(SourceKind.Import, "bench")));
                    }
                }
            }
        }

        await ObservationWriter.WriteAsync(db, records, "bench", TimeProvider.System, CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "load all regions (2,978 county-level + vintages)")]
    public async Task<int> LoadAllRegions()
    {
        await using var db = BaiqiangStore.Open(_options);
        return (await RegionStore.LoadAllAsync(db)).Count;
    }

    [Benchmark(Description = "one region's 10-year monthly series")]
    public async Task<int> Series()
    {
        await using var db = BaiqiangStore.Open(_options);
        return (await ObservationQueries.SeriesAsync(db, _jiangyang, _gdp, CancellationToken.None)).Count;
    }
}
