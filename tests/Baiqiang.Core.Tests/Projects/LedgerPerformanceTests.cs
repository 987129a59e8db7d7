using System.Diagnostics;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Projects;

/// <summary>Runs alone (after the parallel tests) so the process CPU time it measures is its own.</summary>
[CollectionDefinition(nameof(LedgerPerformanceGroup), DisableParallelization = true)]
public sealed class LedgerPerformanceGroup;

[Collection(nameof(LedgerPerformanceGroup))]
public sealed class LedgerPerformanceTests
{
    [Fact]
    public void Consolidate_100kProjectsTimes12Reports_UnderTwoSeconds()
    {
        const int n = 100_000;
        var projects = new List<Project>(n);
        var reports = new List<MonthlyReport>(n * 12);
        string[] tags = ["省重点", "市重点", "5020"];
        for (var i = 0; i < n; i++)
        {
            var code = "P" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            projects.Add(new Project(code, code, new RegionCode(510502), ProjectStatus.UnderConstruction)
            {
                AnnualPlans = new Dictionary<int, decimal> { [2022] = 1200m },
                Tags = new HashSet<string>(StringComparer.Ordinal) { tags[i % 3], tags[(i + 1) % 3] },
                Leader = "L" + (i % 50).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            for (var m = 1; m <= 12; m++)
            {
                reports.Add(LedgerTestsHelpers.Approved(code, m, 100m, 100m * m, 100m * (m - 1)));
            }
        }

        _ = Ledger.Consolidate(projects.Take(1000), reports.Take(12_000), StatPeriod.CumulativeTo(2022, 6), LedgerGrouping.Project); // warm up the JIT
        // CPU time of the process rather than wall time: the 2-core CI box is often shared, and wall time then measures
        // the neighbours. Both calls together (a 4-group and a 100,000-group ledger) must stay under 2 s.
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var byTag = Ledger.Consolidate(projects, reports, StatPeriod.CumulativeTo(2022, 6), LedgerGrouping.Tag);
        var tagTime = sw.Elapsed;
        var byProject = Ledger.Consolidate(projects, reports, StatPeriod.ForYear(2022), LedgerGrouping.Project);
        sw.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        Assert.True(cpu < TimeSpan.FromSeconds(2), $"took {cpu} CPU, {sw.Elapsed} wall (by tag {tagTime})");
        Assert.Equal(60_000_000m, byTag.Total.CompletedInPeriod);
        Assert.Equal(50m, byTag.Total.CompletionPercent);
        Assert.Equal(n, byProject.Rows.Count);
        Assert.Equal(2 * n, byTag.Rows.Sum(r => r.ProjectCount));
    }
}

internal static class LedgerTestsHelpers
{
    private static readonly ProjectLedgerCalendar Open = new();

    public static MonthlyReport Approved(string code, int month, decimal thisMonth, decimal cumulative, decimal previous)
    {
        var r = MonthlyReport.Create(code, 2022, month, thisMonth, cumulative, previous, Open);
        r.Submit(Open);
        r.Approve("审核人");
        return r;
    }
}
