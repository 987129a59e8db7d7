using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>Excel/CSV round trip and bad input of the project sheet, against each provider. Each test uses its own codes.</summary>
public abstract class ProjectFileImporterTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly Actor Admin = Actor.LocalAdmin("tester");
    private static readonly RegionCode Longmatan = new(510504);
    private static readonly RegionCode Hejiang = new(510522);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ProjectImportOptions Approve => new(Approve: true);

    private static Task<ProjectImportResult> ImportCsvAsync(BaiqiangDbContext db, string csv, ProjectImportOptions? options = null, Actor? actor = null) =>
        ProjectFileImporter.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "form.csv", options ?? Approve, actor ?? Admin, Ct);

    private static async Task SeedAsync(BaiqiangDbContext db, string prefix, RegionCode region, int count = 2)
    {
        for (var i = 1; i <= count; i++)
        {
            await ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample($"{prefix}-{i}", region), Admin, Ct);
        }
    }

    private static ImportError Single(ProjectImportResult r)
    {
        Assert.False(r.Success);
        return Assert.Single(r.Errors);
    }

    [Fact]
    public async Task XlsxRoundTrip_ExportLedgerThenFilledForm_ImportsBackAndConsolidates()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "X", Hejiang, 3);
        var period = StatPeriod.ForMonth(2022, 1);
        var ledger = await ProjectSheetBuilder.BuildAsync(db, period, Hejiang, form: false, blank: false, Ct);
        using var ledgerFile = new MemoryStream();
        await ProjectSheet.WriteXlsxAsync(ledgerFile, ledger, 1, null, Ct);
        var blank = await ProjectSheetBuilder.BuildAsync(db, period, Hejiang, form: true, blank: true, Ct);
        var filled = blank.Select((r, i) => r with { ThisMonth = 1000m + i, Cumulative = 1000m + i, Progress = "主体施工" }).ToList();
        using var formFile = new MemoryStream();
        await ProjectSheet.WriteXlsxAsync(formFile, filled, 1, "2022-01", Ct);

        ledgerFile.Position = 0;
        var again = await ProjectFileImporter.ImportAsync(db, ledgerFile, "ledger.xlsx", new ProjectImportOptions(), Admin, Ct);
        formFile.Position = 0;
        var form = await ProjectFileImporter.ImportAsync(db, formFile, "form.xlsx", Approve, Admin, Ct);
        var view = await ProjectLedgerQuery.LedgerAsync(db, period, LedgerGrouping.Project, Hejiang, Ct);

        Assert.True(again.Success, string.Join("\n", again.Errors));
        Assert.Equal((ProjectFileKind.Ledger, 0, 0, 3), (again.Kind, again.Added, again.Updated, again.Unchanged));
        Assert.True(form.Success, string.Join("\n", form.Errors));
        Assert.Equal((ProjectFileKind.Form, 3), (form.Kind, form.Added));
        Assert.Equal(1001m, view.Report.Row("X-2")!.CompletedYearToDate);
        Assert.Equal(3003m, view.Report.Total.CompletedYearToDate);
        var exported = await ProjectSheetBuilder.BuildAsync(db, period, Hejiang, form: false, blank: false, Ct);
        Assert.Equal("主体施工", exported.Single(r => r.Code == "X-1").Progress);
        Assert.Equal(1000m / 12_000m * 100m, exported.Single(r => r.Code == "X-1").PercentOfPlan);
    }

    [Fact]
    public async Task CsvLedger_NewProjectsWithYiYuanHeader_ConvertedToWanYuan()
    {
        await using var db = fixture.Open();
        var csv = "序号,项目编号,项目名称,所属地区,总投资(亿元),计划年度,年度计划投资(亿元),项目状态,项目性质,标签,开工时间,责任领导,责任单位\n"
            + "1,LC-1,白酒产业园,510504,12.5,2022,3.2,在建,技改,省重点、5020,2022年3月15日,李副区长,区经信局\n"
            + "2,LC-2,物流园,510504,4,2022,1,签约,新开工,,2022-05,王副区长,区商务局\n";

        var result = await ImportCsvAsync(db, csv, new ProjectImportOptions());
        var p = await ProjectStore.FindAsync(db, "LC-1", Ct);

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal((ProjectFileKind.Ledger, 2), (result.Kind, result.Added));
        Assert.Equal(125_000m, p!.TotalInvestment);
        Assert.Equal(32_000m, p.AnnualPlanFor(2022));
        Assert.Equal((ProjectStatus.UnderConstruction, ProjectKind.TechnicalRenovation), (p.Status, p.Kind));
        Assert.True(p.Tags.SetEquals(["省重点", "5020"]));
        Assert.Equal(new DateOnly(2022, 3, 15), p.PlannedStart);
        Assert.Equal(new DateOnly(2022, 5, 1), (await ProjectStore.FindAsync(db, "LC-2", Ct))!.PlannedStart);
    }

    [Fact]
    public async Task Form_UnknownProject_ErrorNamesRowAndCodeColumnAndStoresNothing()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "UP", Longmatan, 1);
        var csv = "项目编号,项目名称,本月完成投资(万元),1月累计完成投资(万元),填报月份\nUP-1,甲,100,100,2022-01\nNOPE-9,乙,100,100,2022-01\n";

        var result = await ImportCsvAsync(db, csv);

        var e = Single(result);
        Assert.Equal((3, "项目编号"), (e.Row, e.Column));
        Assert.Contains("不存在", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("no project", e.Message.En, StringComparison.Ordinal);
        Assert.Empty(await ProjectStore.RevisionsAsync(db, "UP-1", 2022, 1, Ct));
    }

    [Fact]
    public async Task Form_MatchesByNameWithinRegionWhenCodeEmpty()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "NM", Longmatan, 1);
        var csv = "项目编号,项目名称,所属地区,本月完成投资(万元),1月累计完成投资(万元),填报月份\n,酒城大道改造NM-1,510504,100,100,2022-01\n";

        var result = await ImportCsvAsync(db, csv);

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(100m, Assert.Single(await ProjectStore.RevisionsAsync(db, "NM-1", 2022, 1, Ct)).CumulativeThisYear);
    }

    [Fact]
    public async Task Form_CumulativeLowerThanLastMonth_ErrorNamesCumulativeColumn()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "CL", Longmatan, 1);
        Assert.True((await ImportCsvAsync(db, "项目编号,本月完成投资(万元),1月累计完成投资(万元),填报月份\nCL-1,1000,1000,2022-01\n")).Success);

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(万元),1-2月累计完成投资(万元),填报月份\nCL-1,0,800,2022-02\n");

        var e = Single(result);
        Assert.Equal((2, "1-2月累计完成投资(万元)"), (e.Row, e.Column));
        Assert.Contains("低于上月累计", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("lower than last month", e.Message.En, StringComparison.Ordinal);
        Assert.Empty(await ProjectStore.RevisionsAsync(db, "CL-1", 2022, 2, Ct));
    }

    [Fact]
    public async Task Form_ThisMonthOnly_CumulativeDerivedFromLastMonth()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "DV", Longmatan, 1);
        Assert.True((await ImportCsvAsync(db, "项目编号,本月完成投资(万元),1月累计完成投资(万元),填报月份\nDV-1,1000,1000,2022-01\n")).Success);

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(万元),1-2月累计完成投资(万元),填报月份\nDV-1,250,,2022-02\n");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(1250m, Assert.Single(await ProjectStore.RevisionsAsync(db, "DV-1", 2022, 2, Ct)).CumulativeThisYear);
    }

    [Fact]
    public async Task Form_ClosedMonth_ErrorNamesMonthColumn()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(510521);
        await SeedAsync(db, "CM", region, 1);
        await ProjectStore.CloseMonthAsync(db, region, 2021, 12, Admin, new FakeTimeProvider(), Ct);

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(万元),1-12月累计完成投资(万元),填报月份\nCM-1,10,10,2021-12\n");

        var e = Single(result);
        Assert.Equal((2, "填报月份"), (e.Row, e.Column));
        Assert.Contains("已关账", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("closed", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_MoneyInYiYuanHeader_ConvertedExactly()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "YY", Longmatan, 1);

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(亿元),1月累计完成投资(亿元),填报月份\nYY-1,0.1234,0.1234,2022-01\n");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(1234m, Assert.Single(await ProjectStore.RevisionsAsync(db, "YY-1", 2022, 1, Ct)).CumulativeThisYear);
    }

    [Fact]
    public async Task Form_NonMoneyUnitInHeader_RefusedNamingHeader()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "NU", Longmatan, 1);

        var result = await ImportCsvAsync(db, "项目编号,总投资(个),本月完成投资(万元),1月累计完成投资(万元),填报月份\nNU-1,5,10,10,2022-01\n");

        var e = Single(result);
        Assert.Equal((1, "总投资(个)"), (e.Row, e.Column));
        Assert.Contains("不是金额单位", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("not a money unit", e.Message.En, StringComparison.Ordinal);
        Assert.Empty(await ProjectStore.RevisionsAsync(db, "NU-1", 2022, 1, Ct));
    }

    [Fact]
    public async Task Form_DateThatDoesNotParse_ErrorNamesDateColumn()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "BD", Longmatan, 1);

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(万元),1月累计完成投资(万元),开工时间,填报月份\nBD-1,10,10,2022-13-45,2022-01\n");

        var e = Single(result);
        Assert.Equal((2, "开工时间"), (e.Row, e.Column));
        Assert.Contains("无法识别", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("cannot be read", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_DuplicateProjectMonth_RefusedOnSecondRow()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "DP", Longmatan, 1);

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(万元),1月累计完成投资(万元),填报月份\nDP-1,10,10,2022-01\nDP-1,10,10,2022-01\n");

        var e = Single(result);
        Assert.Equal((3, "项目编号"), (e.Row, e.Column));
        Assert.Contains("重复", e.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_EditorOfAnotherRegion_RefusedPerRow()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "RG", Longmatan, 1);

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(万元),1月累计完成投资(万元),填报月份\nRG-1,10,10,2022-01\n",
            new ProjectImportOptions(), Actor.EditorOf("通州编辑", new RegionCode(320612)));

        var e = Single(result);
        Assert.Contains("无权", e.Message.Zh, StringComparison.Ordinal);
        Assert.Equal(ImportErrorKind.OutOfScope, e.Kind);
        Assert.True(result.OutOfScope);
        Assert.Empty(await ProjectStore.RevisionsAsync(db, "RG-1", 2022, 1, Ct));
    }

    [Fact]
    public async Task Form_OutOfScopeRowBesideAContentError_KindTellsThemApartNotTheText()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "KS", Longmatan, 1);
        var hejiangEditor = Actor.EditorOf("合江编辑", Hejiang);
        // Row 2's code contains "无权" and is unknown: a content error whose text reads like a refusal.
        const string Header = "项目编号,本月完成投资(万元),1月累计完成投资(万元),填报月份\n";

        var result = await ImportCsvAsync(db, Header + "无权-9,10,10,2022-01\nKS-1,10,10,2022-01\n", new ProjectImportOptions(), hejiangEditor);

        Assert.Equal(2, result.Errors.Count);
        var content = result.Errors.Single(x => x.Row == 2);
        Assert.Contains("无权", content.Message.Zh, StringComparison.Ordinal);
        Assert.Equal(ImportErrorKind.Content, content.Kind);
        Assert.Equal(ImportErrorKind.OutOfScope, result.Errors.Single(x => x.Row == 3).Kind);
        Assert.True(result.OutOfScope);

        var contentOnly = await ImportCsvAsync(db, Header + "无权-9,10,10,2022-01\n", new ProjectImportOptions(), hejiangEditor);
        Assert.Equal(ImportErrorKind.Content, Single(contentOnly).Kind);
        Assert.False(contentOnly.OutOfScope);
    }

    [Fact]
    public async Task Form_ApproveWithoutReviewRights_RefusedAsOutOfScope()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "AP", Longmatan, 1);

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(万元),1月累计完成投资(万元),填报月份\nAP-1,10,10,2022-01\n",
            Approve, Actor.EditorOf("龙马潭编辑", Longmatan));

        var e = Single(result);
        Assert.Contains("无权审核", e.Message.Zh, StringComparison.Ordinal);
        Assert.Equal(ImportErrorKind.OutOfScope, e.Kind);
    }

    [Fact]
    public async Task Form_RefusalAfterTheErrorCap_StillReportedAsOutOfScope()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "CP", Longmatan, 1);
        var csv = new StringBuilder("项目编号,本月完成投资(万元),1月累计完成投资(万元),填报月份\n");
        for (var i = 0; i < 1001; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"NOPE-{i},1,1,2022-01\n");
        }

        csv.Append("CP-1,10,10,2022-01\n");

        var result = await ImportCsvAsync(db, csv.ToString(), new ProjectImportOptions(), Actor.EditorOf("合江编辑", Hejiang));

        Assert.True(result.OutOfScope);
        Assert.Equal(1003, Assert.Single(result.Errors, x => x.Kind == ImportErrorKind.OutOfScope).Row);
        Assert.Contains(result.Errors, x => x.Message.En == "…and 1 more errors");
    }

    [Fact]
    public async Task Ledger_EditorOfAnotherRegion_RefusedAsOutOfScope()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "LS", Longmatan, 1);

        var result = await ImportCsvAsync(db, "项目编号,项目名称\nLS-1,改名LS-1\n", new ProjectImportOptions(), Actor.EditorOf("通州编辑", new RegionCode(320612)));

        var e = Single(result);
        Assert.Contains("无权修改", e.Message.Zh, StringComparison.Ordinal);
        Assert.Equal(ImportErrorKind.OutOfScope, e.Kind);
        Assert.NotEqual("改名LS-1", (await ProjectStore.FindAsync(db, "LS-1", Ct))!.Name);
    }

    [Fact]
    public async Task Form_MultiMonthFileWithApproval_ChainsCumulatives()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "MM", Longmatan, 1);

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(万元),累计完成投资(万元),填报月份\nMM-1,100,300,2022-02\nMM-1,200,200,2022-01\n");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        var view = await ProjectLedgerQuery.LedgerAsync(db, StatPeriod.CumulativeTo(2022, 2), LedgerGrouping.Project, Longmatan, Ct);
        Assert.Equal(300m, view.Report.Row("MM-1")!.CompletedYearToDate);
    }

    [Fact]
    public async Task Form_ThousandsOfRows_BulkPathStoresApprovedCurrentReportsWithOneAuditRow()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(510524);
        var ledger = new StringBuilder("项目编号,项目名称,所属地区,计划年度,年度计划投资(万元)\n");
        var form = new StringBuilder("项目编号,本月完成投资(万元),1月累计完成投资(万元),填报月份\n");
        for (var i = 0; i < 1200; i++)
        {
            ledger.Append(System.Globalization.CultureInfo.InvariantCulture, $"BK-{i},项目{i},510524,2022,1000\n");
            form.Append(System.Globalization.CultureInfo.InvariantCulture, $"BK-{i},{i % 10},{i % 10},2022-01\n");
        }

        Assert.True((await ImportCsvAsync(db, ledger.ToString(), new ProjectImportOptions())).Success);
        var result = await ImportCsvAsync(db, form.ToString());
        var view = await ProjectLedgerQuery.LedgerAsync(db, StatPeriod.ForMonth(2022, 1), LedgerGrouping.Region, region, Ct);

        Assert.True(result.Success, string.Join("\n", result.Errors.Take(3)));
        Assert.Equal(1200, result.Added);
        Assert.Equal(5400m, view.Report.Total.CompletedYearToDate);
        Assert.Equal(ReportState.Approved, Assert.Single(await ProjectStore.RevisionsAsync(db, "BK-7", 2022, 1, Ct)).State);
        Assert.Contains(await db.AuditEntries.Where(a => a.Entity == "monthly_report" && a.Field == "bulk_insert").ToListAsync(Ct),
            a => a.NewValue == "1200 reports from form.csv");
    }

    [Fact]
    public async Task Import_OversizedFile_RefusedBeforeReading()
    {
        await using var db = fixture.Open();

        var result = await ImportCsvAsync(db, "项目编号,本月完成投资(万元)\n" + new string('x', 2000), new ProjectImportOptions(MaxBytes: 1000));

        Assert.Contains("超过上限", Single(result).Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MalformedXlsx_RefusedClearly()
    {
        await using var db = fixture.Open();

        var result = await ProjectFileImporter.ImportAsync(db, new MemoryStream([1, 2, 3, 4, 5]), "form.xlsx", Approve, Admin, Ct);

        Assert.Contains("不是有效的 XLSX", Single(result).Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NoHeader_Refused()
    {
        await using var db = fixture.Open();

        var result = await ImportCsvAsync(db, "a,b,c\n1,2,3\n");

        Assert.Contains("找不到表头", Single(result).Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_StatusChangedInFile_RefusedPointingToTransition()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "ST", Longmatan, 1);

        var result = await ImportCsvAsync(db, "项目编号,项目名称,项目状态\nST-1,酒城大道改造ST-1,竣工\n", new ProjectImportOptions());

        var e = Single(result);
        Assert.Equal((2, "项目状态"), (e.Row, e.Column));
        Assert.Contains("transition", e.Message.En, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.UnderConstruction, (await ProjectStore.FindAsync(db, "ST-1", Ct))!.Status);
        Assert.Equal(0, await db.Projects.CountAsync(p => p.Code == "ST-2", Ct));
    }
}

public sealed class SqliteProjectFileImporterTests(SqliteFixture fixture) : ProjectFileImporterTests<SqliteFixture>(fixture);

public sealed class PostgresProjectFileImporterTests(PostgresFixture fixture) : ProjectFileImporterTests<PostgresFixture>(fixture);
