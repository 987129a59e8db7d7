using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>
/// An office adopting Baiqiang from its own sheet (issue 18): a ledger without codes, name matching, region names, a
/// mid-year first form with an opening balance, 亮灯 and 红黑榜 — against each provider. Each test uses its own region.
/// </summary>
public abstract class ProjectAdoptionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly Actor Admin = Actor.LocalAdmin("tester");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ProjectImportResult> ImportAsync(BaiqiangDbContext db, string csv, string name = "ledger.csv", bool approve = true) =>
        ProjectFileImporter.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), name, new ProjectImportOptions(Approve: approve), Admin, Ct);

    private static async Task RegionsAsync(BaiqiangDbContext db)
    {
        var stored = (await db.Regions.Select(r => r.Code).ToListAsync(Ct)).ToHashSet();
        foreach (var (code, name, kind, parent) in new (int, string, RegionKind, int?)[]
        {
            (320000, "江苏省", RegionKind.Province, null), (320600, "南通市", RegionKind.PrefectureCity, 320000), (320612, "通州区", RegionKind.MunicipalDistrict, 320600),
            (110000, "北京市", RegionKind.Province, null), (110112, "通州区", RegionKind.MunicipalDistrict, 110000),
            (510000, "四川省", RegionKind.Province, null), (510500, "泸州市", RegionKind.PrefectureCity, 510000), (510521, "泸县", RegionKind.County, 510500),
        })
        {
            if (!stored.Contains(new RegionCode(code)))
            {
                db.Regions.Add(new RegionEntity { Code = new RegionCode(code), Name = name, Kind = kind, ParentCode = parent is { } p ? new RegionCode(p) : null });
            }
        }

        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task ImportLedger_NoCodesRegionByName_AssignsRegionYearSerialAndMatchesByNameLater()
    {
        await using var db = fixture.Open();
        await RegionsAsync(db);
        const string csv = "序号,项目名称,所属地区,计划年度,年度计划投资(万元),责任单位,挂点领导,工作推进组\n"
            + "1,泸县酒业技改,泸县,2023,50000,县经信局,张副县长,工业推进组\n"
            + "2,泸县物流港,510521,2023,30000,县商务局,李副县长,物流推进组\n";

        var first = await ImportAsync(db, csv);
        var again = await ImportAsync(db, csv.Replace("50000,县经信局", "60000,县经信局", StringComparison.Ordinal));

        Assert.True(first.Success, string.Join("\n", first.Errors));
        Assert.Equal(2, first.Added);
        Assert.Equal(
            [(2, "510521-2023-001", "泸县酒业技改"), (3, "510521-2023-002", "泸县物流港")],
            first.AssignedCodes.Select(c => (c.Row, c.Code, c.Name)).ToList());
        Assert.True(again.Success, string.Join("\n", again.Errors));
        Assert.Equal((0, 1, 1), (again.Added, again.Updated, again.Unchanged));
        Assert.Empty(again.AssignedCodes);
        var third = await ImportAsync(db, "序号,项目名称,所属地区,计划年度\n1,泸县新材料产业园,泸县,2023\n");
        Assert.Equal("510521-2023-003", Assert.Single(third.AssignedCodes).Code);
        var p = await ProjectStore.FindAsync(db, "510521-2023-001", Ct);
        Assert.Equal((new RegionCode(510521), 60000m, "工业推进组"), (p!.Region, p.AnnualPlanFor(2023), p.WorkGroupName));
    }

    [Fact]
    public async Task ImportLedger_AmbiguousRegionName_RefusedNamingCandidates()
    {
        await using var db = fixture.Open();
        await RegionsAsync(db);

        var r = await ImportAsync(db, "序号,项目名称,所属地区,计划年度\n1,通州新城,通州区,2023\n");
        var qualified = await ImportAsync(db, "序号,项目名称,所属地区,计划年度\n1,通州新城,南通市通州区,2023\n");

        var e = Assert.Single(r.Errors);
        Assert.Equal((2, "所属地区"), (e.Row, e.Column));
        Assert.Contains("320612", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("110112", e.Message.Zh, StringComparison.Ordinal);
        Assert.True(qualified.Success, string.Join("\n", qualified.Errors));
        Assert.Equal("320612-2023-001", Assert.Single(qualified.AssignedCodes).Code);
    }

    [Fact]
    public async Task ImportForm_NoCodeRegionByName_UniqueNameMatchesSharedNameRefusedNamingCandidates()
    {
        await using var db = fixture.Open();
        await RegionsAsync(db);
        var ledger = await ImportAsync(db, "序号,项目编号,项目名称,所属地区,计划年度,年度计划投资(万元)\n1,LX-F1,泸县物流园,510521,2023,50000\n2,TZ-F1,通州物流园,320612,2023,40000\n");
        Assert.True(ledger.Success, string.Join("\n", ledger.Errors));

        var byName = await ImportAsync(db, "项目名称,所属地区,填报月份,本月完成投资(万元)\n泸县物流园,泸县,2023-03,3000\n", "form.csv");
        var shared = await ImportAsync(db, "项目名称,所属地区,填报月份,本月完成投资(万元)\n通州物流园,通州区,2023-03,1000\n", "form.csv");

        Assert.True(byName.Success, string.Join("\n", byName.Errors));
        Assert.Equal(3000m, (await db.MonthlyReports.AsNoTracking().SingleAsync(r => r.ProjectCode == "LX-F1" && r.Month == 3, Ct)).CompletedThisMonth);
        var e = Assert.Single(shared.Errors);
        Assert.Equal((2, "所属地区"), (e.Row, e.Column));
        Assert.Contains("320612", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("110112", e.Message.Zh, StringComparison.Ordinal);
        Assert.False(await db.MonthlyReports.AnyAsync(r => r.ProjectCode == "TZ-F1", Ct));
    }

    [Fact]
    public async Task ImportLedger_SameNameTwiceInOneRegion_RefusedNamingBothRows()
    {
        await using var db = fixture.Open();
        var r = await ImportAsync(db, "序号,项目名称,所属地区,计划年度\n1,城南标准厂房,510522,2023\n2,城北路网,510522,2023\n3,城南标准厂房,510522,2023\n");

        var e = Assert.Single(r.Errors);
        Assert.Equal((4, "项目名称"), (e.Row, e.Column));
        Assert.Contains("第2行和第4行", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("rows 2 and 4", e.Message.En, StringComparison.Ordinal);
        Assert.False(await db.Projects.AnyAsync(p => p.RegionCode == new RegionCode(510522), Ct));
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".xlsx")]
    public async Task WriteCodes_OfficeSheet_CopyCarriesCodesAndImportsByCode(string ext)
    {
        await using var db = fixture.Open();
        var region = ext == ".csv" ? "510523" : "510524";
        var folder = Directory.CreateTempSubdirectory("baiqiang-codes-").FullName;
        try
        {
            var input = Path.Combine(folder, "台账" + ext);
            var header = new[] { "序号", "项目名称", "所属地区", "计划年度" };
            string[][] rows = [["1", "产业园一期", region, "2024"], ["2", "产业园二期", region, "2024"]];
            if (ext == ".csv")
            {
                await File.WriteAllTextAsync(input, string.Join("\n", rows.Prepend(header).Select(r => string.Join(",", r))) + "\n", Ct);
            }
            else
            {
                await MiniExcel.SaveAsAsync(input, rows.Select(r => header.Zip(r).ToDictionary(x => x.First, x => (object)x.Second)), cancellationToken: Ct);
            }

            var result = await ProjectFileImporter.ImportAsync(db, input, new ProjectImportOptions(), Admin, Ct);
            Assert.True(result.Success, string.Join("\n", result.Errors));
            var coded = ProjectCodeWriter.CodedPath(input);
            Assert.Null(await ProjectCodeWriter.WriteAsync(input, result.RowCodes, coded, Ct));
            var again = await ProjectFileImporter.ImportAsync(db, coded, new ProjectImportOptions(), Admin, Ct);

            Assert.Equal(Path.Combine(folder, "台账.coded" + ext), coded);
            Assert.True(again.Success, string.Join("\n", again.Errors));
            Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
            Assert.Equal([$"{region}-2024-001", $"{region}-2024-002"], again.RowCodes.Select(c => c.Code).ToList());
            Assert.All(again.RowCodes, c => Assert.False(c.Assigned));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ImportForm_FirstFormInJune_StoresOpeningBalanceAndChecksFromThen()
    {
        await using var db = fixture.Open();
        await ImportAsync(db, "序号,项目编号,项目名称,所属地区,计划年度,年度计划投资(万元)\n1,YC-1,宜宾港扩能,511502,2023,200000\n");

        // The example: a first form in June, 1–6月累计 110,000万元 with 20,000万元 this month.
        var june = await ImportAsync(db, "项目编号,填报月份,本月完成投资(万元),1-6月累计完成投资(万元)\nYC-1,2023-06,20000,110000\n", "form.csv");
        var badJuly = await ImportAsync(db, "项目编号,填报月份,本月完成投资(万元),1-7月累计完成投资(万元)\nYC-1,2023-07,15000,130000\n", "form.csv");
        var july = await ImportAsync(db, "项目编号,填报月份,本月完成投资(万元),1-7月累计完成投资(万元)\nYC-1,2023-07,15000,125000\n", "form.csv");

        Assert.True(june.Success, string.Join("\n", june.Errors));
        var stored = await db.MonthlyReports.AsNoTracking().SingleAsync(r => r.ProjectCode == "YC-1" && r.Month == 6, Ct);
        Assert.Equal((true, 90000m, 110000m, 20000m), (stored.IsOpeningBalance, stored.PreviousCumulative, stored.CumulativeThisYear, stored.CompletedThisMonth));
        Assert.Contains("不等于上月累计110000万元加本月15000万元", Assert.Single(badJuly.Errors).Message.Zh, StringComparison.Ordinal);
        Assert.True(july.Success, string.Join("\n", july.Errors));
        Assert.False((await db.MonthlyReports.AsNoTracking().SingleAsync(r => r.ProjectCode == "YC-1" && r.Month == 7, Ct)).IsOpeningBalance);

        // June alone: the month's own 20,000, not the opening balance; the fast path and Core's agree.
        var juneOnly = StatPeriod.ForMonth(2023, 6);
        var fast = (await ProjectLedgerQuery.LedgerAsync(db, juneOnly, LedgerGrouping.Project, new RegionCode(511502), Ct)).Report.Row("YC-1")!;
        var (projects, reports) = await ProjectLedgerQuery.LoadLightAsync(db, juneOnly, new RegionCode(511502), Ct);
        var full = Ledger.Consolidate(projects, reports, juneOnly, LedgerGrouping.Project).Row("YC-1")!;
        Assert.Equal((20000m, 110000m), (fast.CompletedInPeriod, fast.CompletedYearToDate));
        Assert.Equal((20000m, 110000m), (full.CompletedInPeriod, full.CompletedYearToDate));
    }

    [Fact]
    public async Task FillReport_WebFormFirstReportInJune_OpeningBalanceMarked()
    {
        await using var db = fixture.Open();
        await ProjectStore.CreateAsync(db, new Project("WF-1", "江安园区道路", new RegionCode(511523)) { AnnualPlans = new Dictionary<int, decimal> { [2023] = 200000m } }, Admin, Ct);

        var r = await ProjectStore.FillReportAsync(db, "WF-1", 2023, 6, 20000m, 110000m, "路基完成", null, Admin, Ct);

        Assert.Equal((true, 90000m), (r.IsOpeningBalance, r.PreviousCumulative));
        var again = await ProjectStore.FillReportAsync(db, "WF-1", 2023, 6, 20000m, 20000m, "路基完成", null, Admin, Ct);
        Assert.Equal((false, 0m), (again.IsOpeningBalance, again.PreviousCumulative));
        await Assert.ThrowsAsync<ProjectRuleException>(() => ProjectStore.FillReportAsync(db, "WF-1", 2023, 1, 100m, 500m, null, null, Admin, Ct));
    }

    [Fact]
    public async Task LedgerWithLights_ThresholdsPerYearAndOverdueProblem_ColourWithReason()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(511524);
        await ImportAsync(db, "序号,项目编号,项目名称,所属地区,计划年度,年度计划投资(万元),责任单位\n"
            + "1,LT-1,长宁竹产业园,511524,2031,100000,县林业局\n2,LT-2,长宁旅游环线,511524,2031,100000,县文旅局\n3,LT-3,长宁污水厂,511524,2031,100000,县住建局\n");
        await ImportAsync(db, "项目编号,填报月份,本月完成投资(万元),1-7月累计完成投资(万元)\nLT-1,2031-07,60000,60000\nLT-2,2031-07,42000,42000\nLT-3,2031-07,55000,55000\n", "form.csv");
        await ProjectStore.AddProblemAsync(db, new ProjectProblem("LT-3-Q1", "LT-3", "用地", "管网用地未落实", "县自然资源局", new DateOnly(2031, 6, 1), new DateOnly(2031, 7, 15)), Admin, Ct);
        var period = StatPeriod.CumulativeTo(2031, 7);

        var rows = (await ProjectLedgerQuery.LedgerAsync(db, period, [LedgerGrouping.Project], region, new DateOnly(2031, 7, 31), Ct))[0].Report;
        await StoreSettings.SetAsync(db, StoreSettings.LightKey(2031), "-10,-20", "test", Ct);
        var relaxed = (await ProjectLedgerQuery.LedgerAsync(db, period, [LedgerGrouping.Project], region, new DateOnly(2031, 7, 10), Ct))[0].Report;

        Assert.Equal(LightColor.Green, rows.Row("LT-1")!.Light!.Color);
        Assert.Equal(LightColor.Red, rows.Row("LT-2")!.Light!.Color);
        Assert.Equal("完成率42.0%，低于序时进度58.3%达16.3个百分点(红灯线-15个百分点)", rows.Row("LT-2")!.Light!.Reason.Zh);
        Assert.Equal(LightColor.Red, rows.Row("LT-3")!.Light!.Color);
        Assert.Contains("问题“管网用地未落实”办结期限2031-07-15，已逾期16天", rows.Row("LT-3")!.Light!.Reason.Zh, StringComparison.Ordinal);
        Assert.Equal(LightColor.Yellow, rows.Total.Light!.Color);
        Assert.Equal(LightColor.Yellow, relaxed.Row("LT-2")!.Light!.Color);
        Assert.Equal(LightColor.Green, relaxed.Row("LT-3")!.Light!.Color);
        Assert.False((await StoreSettings.SetAsync(db, StoreSettings.LightKey(2031), "-30,-20", "test", Ct)).Success);
    }

    [Fact]
    public async Task HonorRoll_ByUnit_TopAndBottomByProgressAndStarts()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(511525);
        await ImportAsync(db, "序号,项目编号,项目名称,所属地区,计划年度,年度计划投资(万元),责任单位,项目状态\n"
            + "1,HR-1,高县港口,511525,2032,100000,县交通局,签约\n2,HR-2,高县园区,511525,2032,100000,县经信局,签约\n3,HR-3,高县水厂,511525,2032,100000,县水务局,签约\n");
        await ImportAsync(db, "项目编号,填报月份,本月完成投资(万元),1-6月累计完成投资(万元)\nHR-1,2032-06,70000,70000\nHR-2,2032-06,30000,30000\nHR-3,2032-06,50000,50000\n", "form.csv");
        await ProjectStore.TransitionAsync(db, "HR-2", ProjectStatus.Started, new DateOnly(2032, 3, 1), null, Admin, Ct);

        var roll = await HonorRollQuery.RankAsync(db, StatPeriod.CumulativeTo(2032, 6), HonorRollBy.Unit, 1, region, new DateOnly(2032, 6, 30), Ct);

        Assert.Equal("县交通局", Assert.Single(roll.Of(HonorList.ProgressTop)).Row.GroupKey);
        Assert.Equal("县经信局", Assert.Single(roll.Of(HonorList.ProgressBottom)).Row.GroupKey);
        Assert.Equal(LightColor.Red, Assert.Single(roll.Of(HonorList.ProgressBottom)).Row.Light!.Color);
        Assert.Equal("县经信局", Assert.Single(roll.Of(HonorList.StartsTop)).Row.GroupKey);
        Assert.Equal(0, Assert.Single(roll.Of(HonorList.StartsBottom)).Row.NewStarts);
        using var xlsx = new MemoryStream();
        await HonorRollQuery.WriteXlsxAsync(xlsx, HonorRollQuery.Cells(roll, r => r.GroupLabel), Ct);
        xlsx.Position = 0;
        var sheet = (await MiniExcel.QueryAsync(xlsx, useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(4, sheet.Count);
        Assert.Equal(("黑榜·序时进度", "红"), (sheet[1]["榜单"], sheet[1]["亮灯"]));
        Assert.StartsWith("完成率30.0%，低于序时进度50.0%达20.0个百分点", (string)sheet[1]["亮灯原因"], StringComparison.Ordinal);
    }
}

public sealed class SqliteProjectAdoptionTests(SqliteFixture fixture) : ProjectAdoptionTests<SqliteFixture>(fixture);

public sealed class PostgresProjectAdoptionTests(PostgresFixture fixture) : ProjectAdoptionTests<PostgresFixture>(fixture);
