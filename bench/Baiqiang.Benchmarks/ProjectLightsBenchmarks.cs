using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using BenchmarkDotNet.Attributes;

namespace Baiqiang.Benchmarks;

/// <summary>
/// Issue 18's target: the ledger with 亮灯 for 100,000 projects × 12 reports in under 2 s — the store read, the per-year
/// thresholds and red flags, consolidation by project with a light per row, and every row's reason put into words
/// (what an export of the whole ledger does).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ProjectBenchConfig))]
public class ProjectLightsBenchmarks
{
    private StoreOptions _options = null!;
    private readonly StatPeriod _year = StatPeriod.CumulativeTo(2022, 7);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var path = await ProjectBenchData.StoreAsync(100_000, 12);
        _options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={path}");
        // A store cached by an older build upgrades in place (work_group_name, is_opening_balance).
        await BaiqiangStore.MigrateAsync(_options, CancellationToken.None);
    }

    [Benchmark(Description = "ledger with 亮灯 by project: 100k projects × 12 reports, every reason in words")]
    public async Task<int> LedgerWithLightsByProject()
    {
        await using var db = BaiqiangStore.Open(_options);
        var view = (await ProjectLedgerQuery.LedgerAsync(db, _year, [LedgerGrouping.Project], null, new DateOnly(2022, 8, 10), CancellationToken.None))[0];
        var length = 0;
        foreach (var r in view.Report.Rows)
        {
            length += r.Light!.Reason.Zh.Length;
        }

        return length;
    }

    [Benchmark(Description = "ledger with 亮灯 by project, region and work group (read once)")]
    public async Task<int> LedgerWithLightsThreeViews()
    {
        await using var db = BaiqiangStore.Open(_options);
        var views = await ProjectLedgerQuery.LedgerAsync(db, _year, [LedgerGrouping.Project, LedgerGrouping.Region, LedgerGrouping.WorkGroup], null,
            new DateOnly(2022, 8, 10), CancellationToken.None);
        return views.Sum(v => v.Report.Rows.Count(r => r.Light!.Color == LightColor.Red));
    }
}
