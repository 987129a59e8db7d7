using System.Text;
using MiniExcelLibs;

namespace Baiqiang.Cli.Tests;

/// <summary>
/// Issue 18 from the command line: an office's sheet without codes (<c>--write-codes</c>), a June form carrying its
/// 1–6月累计, <c>projects report</c>'s 亮灯 and 亮灯原因 columns, <c>light-thresholds</c> and <c>honor-roll</c>.
/// </summary>
public sealed class ProjectsAdoptCommandTests
{
    private const string OfficeSheet =
        "序号,项目名称,所属地区,计划年度,年度计划投资(万元),责任单位,挂点领导,工作推进组\n"
        + "1,城东物流园,320612,2023,200000,区发改委,张副区长,物流推进组\n"
        + "2,高新区芯片厂,320612,2023,100000,区工信局,李副区长,工业推进组\n";

    private const string JuneForm =
        "序号,项目名称,所属地区,填报月份,本月完成投资(万元),1-6月累计完成投资(万元)\n"
        + "1,城东物流园,320612,2023-06,20000,110000\n"
        + "2,高新区芯片厂,320612,2023-06,5000,20000\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<CliRunner> AdoptedAsync(TempStore store)
    {
        var cli = new CliRunner(store.Path);
        await File.WriteAllTextAsync(store.File("台账.csv"), OfficeSheet, Encoding.UTF8, Ct);
        await File.WriteAllTextAsync(store.File("6月.csv"), JuneForm, Encoding.UTF8, Ct);
        var ledger = await cli.OkAsync("projects", "import", store.File("台账.csv"), "--write-codes");
        Assert.Contains("第2行 row 2: 320612-2023-001 城东物流园", ledger, StringComparison.Ordinal);
        Assert.Contains("第3行 row 3: 320612-2023-002 高新区芯片厂", ledger, StringComparison.Ordinal);
        Assert.Contains("台账.coded.csv", ledger, StringComparison.Ordinal);
        var june = await cli.OkAsync("projects", "import", store.File("6月.csv"));
        Assert.Contains("新增 added 2", june, StringComparison.Ordinal);
        return cli;
    }

    [Fact]
    public async Task ImportWithoutCodes_WriteCodesAndJuneForm_ReportHasLightColumns()
    {
        using var store = new TempStore();
        var cli = await AdoptedAsync(store);

        var coded = await File.ReadAllLinesAsync(store.File("台账.coded.csv"), Ct);
        var report = await cli.OkAsync("projects", "report", "--period", "2023-01..06", "--by", "project", "--format", "csv", "--today", "2023-07-05");
        var june = await cli.OkAsync("projects", "report", "--period", "2023-06", "--by", "work-group", "--format", "csv", "--today", "2023-07-05");

        Assert.Equal("序号,项目编号,项目名称,所属地区,计划年度,年度计划投资(万元),责任单位,挂点领导,工作推进组", coded[0].TrimStart('\uFEFF'));
        Assert.StartsWith("1,320612-2023-001,城东物流园,", coded[1], StringComparison.Ordinal);
        var lines = report.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(",计算式,亮灯,亮灯原因,", lines[0], StringComparison.Ordinal); // the 前期手续 columns follow
        Assert.Contains(lines, l => l.StartsWith("project,320612-2023-001,", StringComparison.Ordinal) && l.Contains(",绿,完成率55.0%，不低于序时进度50.0%(高5.0个百分点),", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("project,320612-2023-002,", StringComparison.Ordinal) && l.Contains(",红,完成率20.0%，低于序时进度50.0%达30.0个百分点(红灯线-15个百分点),", StringComparison.Ordinal));
        // June alone: 20,000 of the opening report, not its 1–6月 110,000.
        Assert.Contains(june.Split("\r\n"), l => l.StartsWith("workgroup,物流推进组,物流推进组,1,", StringComparison.Ordinal) && l.Contains(",200000,20000,110000,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LightThresholds_SetForYear_ChangesTheColour()
    {
        using var store = new TempStore();
        var cli = await AdoptedAsync(store);

        var set = await cli.OkAsync("projects", "light-thresholds", "--year", "2023", "--yellow", "-10", "--red", "-40");
        var shown = await cli.OkAsync("projects", "light-thresholds", "--year", "2023");
        var report = await cli.OkAsync("projects", "report", "--period", "2023-01..06", "--by", "project", "--format", "csv", "--today", "2023-07-05");
        var (exit, _, error) = await cli.RunAsync("projects", "light-thresholds", "--year", "2023", "--yellow", "-40", "--red", "-10");

        Assert.Contains("低于-40为红", set, StringComparison.Ordinal);
        Assert.Contains("差距≥-10个百分点为绿", shown, StringComparison.Ordinal);
        Assert.Contains(report.Split("\r\n"), l => l.StartsWith("project,320612-2023-002,", StringComparison.Ordinal) && l.Contains(",黄,", StringComparison.Ordinal));
        Assert.Equal(2, exit);
        Assert.Contains("红灯线-10不能高于黄灯线-40", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HonorRoll_ByUnitTableAndXlsx_RanksBothEnds()
    {
        using var store = new TempStore();
        var cli = await AdoptedAsync(store);

        var table = await cli.OkAsync("projects", "honor-roll", "--period", "2023-01..06", "--by", "unit", "--top", "1", "--today", "2023-07-05");
        await cli.OkAsync("projects", "honor-roll", "--period", "2023-01..06", "--by", "group", "--top", "2", "--format", "xlsx", "--out", store.File("红黑榜.xlsx"), "--today", "2023-07-05");

        var sections = table.Split("\n\n");
        Assert.Contains(sections, s => s.StartsWith("红榜·序时进度", StringComparison.Ordinal) && s.Contains("区发改委", StringComparison.Ordinal));
        Assert.Contains(sections, s => s.StartsWith("黑榜·序时进度", StringComparison.Ordinal) && s.Contains("区工信局", StringComparison.Ordinal) && s.Contains('红', StringComparison.Ordinal));
        var rows = (await MiniExcel.QueryAsync(store.File("红黑榜.xlsx"), useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(("红榜·序时进度", "物流推进组", "绿"), (rows[0]["榜单"], rows[0]["名称"], rows[0]["亮灯"]));
        Assert.Equal(("黑榜·序时进度", "工业推进组", "红"), (rows[2]["榜单"], rows[2]["名称"], rows[2]["亮灯"]));
    }
}
