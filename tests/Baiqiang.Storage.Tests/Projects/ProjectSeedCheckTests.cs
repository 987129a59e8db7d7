using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Tests.Support;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>
/// The seed check: 江阳区's and 安义高新园区's 2022 programmes, built from generated ledger rows and monthly forms whose
/// totals match the seeds (/work/shared/seeds/000_*, 001_*), imported through the CSV sheet and consolidated by the store.
/// </summary>
public sealed class ProjectSeedCheckTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private static readonly Actor Admin = Actor.LocalAdmin("seed");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Splits an integral total over n parts around base + (i % 7) × step; the last part takes the rest.</summary>
    private static decimal[] Split(decimal total, int n, decimal step)
    {
        var parts = new decimal[n];
        var baseValue = decimal.Floor(total / n) - (3 * step);
        var sum = 0m;
        for (var i = 0; i < n - 1; i++)
        {
            parts[i] = baseValue + ((i % 7) * step);
            sum += parts[i];
        }

        parts[n - 1] = total - sum;
        return parts;
    }

    /// <summary>Imports a ledger (one row per project) and one multi-month form (months 1..lastMonth, approved).</summary>
    private static async Task ImportProgrammeAsync(
        BaiqiangDbContext db, string prefix, RegionCode region, int n, decimal totalWan, decimal planWan, decimal doneWan, int lastMonth,
        Func<int, (string Status, string Kind)> statusKind)
    {
        var totals = Split(totalWan, n, 1000m);
        var plans = Split(planWan, n, 100m);
        var done = Split(doneWan, n, 50m);
        var ledger = new List<ProjectSheetRow>(n);
        var form = new System.Text.StringBuilder("项目编号,本月完成投资(万元),累计完成投资(万元),填报月份,形象进度\n");
        for (var i = 0; i < n; i++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i + 1:D3}");
            var (status, kind) = statusKind(i);
            ledger.Add(new ProjectSheetRow(code, $"{prefix}重点项目{i + 1}", region.ToString(), "业主" + i, "建设内容", totals[i], 2022, plans[i],
                null, null, null, string.Empty, string.Empty, i % 2 == 0 ? "张副区长" : "李副区长", "发改局", new DateOnly(2021, 12, 1), null,
                "产业", kind, string.Empty, status, i % 3 == 0 ? "省重点" : "市重点", string.Empty));
            var monthly = decimal.Floor(done[i] / lastMonth);
            var cumulative = 0m;
            for (var m = 1; m <= lastMonth; m++)
            {
                var amount = m == lastMonth ? done[i] - cumulative : monthly;
                cumulative += amount;
                form.Append(CultureInfo.InvariantCulture, $"{code},{amount},{cumulative},2022-{m:D2},按计划推进\n");
            }
        }

        using var ledgerFile = new MemoryStream();
        await ProjectSheet.WriteCsvAsync(ledgerFile, ledger, lastMonth, null, Ct);
        ledgerFile.Position = 0;
        var l = await ProjectFileImporter.ImportAsync(db, ledgerFile, prefix + "台账.csv", new ProjectImportOptions(), Admin, Ct);
        Assert.True(l.Success, string.Join("\n", l.Errors.Take(5)));
        Assert.Equal(n, l.Added);
        var f = await ProjectFileImporter.ImportAsync(db, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(form.ToString())), prefix + "月报.csv",
            new ProjectImportOptions(Approve: true), Admin, Ct);
        Assert.True(f.Success, string.Join("\n", f.Errors.Take(5)));
        Assert.Equal(n * lastMonth, f.Added);
    }

    [Fact]
    public async Task Jiangyang2022_H1_Computes52Point7AndFlagsThePrinted54Point3()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(510502);
        await ImportProgrammeAsync(db, "JY", region, 134, 31_976_000m, 3_357_000m, 1_768_000m, 6, i => ("在建", i % 2 == 0 ? "新开工" : "续建"));
        var period = StatPeriod.CumulativeTo(2022, 6);

        var view = await ProjectLedgerQuery.LedgerAsync(db, period, LedgerGrouping.Region, region, Ct);
        var warnings = await ProjectWarningQuery.WarningsAsync(db, period, WarningRules.Default, new DateOnly(2022, 7, 10), region, 54.3m, "区发改局", Ct);

        var total = view.Report.Total;
        Assert.Equal(134, total.ProjectCount);
        Assert.Equal(31_976_000m, total.TotalInvestment);          // 3,197.6亿元
        Assert.Equal(3_357_000m, total.AnnualPlan);                // 335.7亿元
        Assert.Equal(1_768_000m, total.CompletedYearToDate);       // 176.8亿元
        Assert.Equal(52.7m, Math.Round(total.CompletionPercent!.Value, 1));
        Assert.Equal(50m, total.TimeElapsedPercent);
        Assert.Equal("176.8亿元 ÷ 335.7亿元 = 52.67%", total.Formula);
        var w = Assert.Single(warnings, w => w.Rule == WarningRule.ReportedFigureInconsistent);
        Assert.Contains("54.3", w.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("52.67", w.Reason.Zh, StringComparison.Ordinal);
        Assert.Equal("区发改局", w.Desk);
    }

    [Fact]
    public async Task Anyi2022_JanToMay_Computes51Point6With27UnderConstructionAnd27Renovations()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(360123401);
        await ImportProgrammeAsync(db, "AY", region, 54, 4_119_300m, 1_373_100m, 708_500m, 5, i => i < 27 ? ("在建", i % 2 == 0 ? "新开工" : "续建") : ("开工", "技改"));
        var period = StatPeriod.CumulativeTo(2022, 5);

        var byKind = (await ProjectLedgerQuery.LedgerAsync(db, period, LedgerGrouping.Kind, region, Ct)).Report;

        var total = byKind.Total;
        Assert.Equal(54, total.ProjectCount);
        Assert.Equal(1_373_100m, total.AnnualPlan);      // 137.31亿元
        Assert.Equal(708_500m, total.CompletedYearToDate); // 70.85亿元
        Assert.Equal(51.6m, Math.Round(total.CompletionPercent!.Value, 1));
        Assert.Equal(27, total.CountByStatus[ProjectStatus.UnderConstruction]);
        Assert.Equal(27, byKind.Row(nameof(ProjectKind.TechnicalRenovation))!.ProjectCount);
    }
}
