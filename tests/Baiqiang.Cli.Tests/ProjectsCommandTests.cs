using System.Text;

namespace Baiqiang.Cli.Tests;

/// <summary>The done-when: import a filled form, then <c>projects report --period 2022-01..06 --format csv</c> and <c>projects warnings</c>.</summary>
public sealed class ProjectsCommandTests
{
    private const string Ledger =
        "序号,项目编号,项目名称,所属地区,建设单位,总投资(万元),计划年度,年度计划投资(万元),项目状态,责任领导,责任单位\n"
        + "1,T-1,白酒产业园,510502,泸州酒业,50000,2022,10000,在建,张副区长,区经信局\n"
        + "2,T-2,酒城大道改造,510502,江阳城投,30000,2022,8000,在建,李副区长,区住建局\n"
        + "3,T-3,铝材技改,360123401,安义铝业,9000,2022,3000,开工,园区主任,园区经发局\n";

    private static string Form(string t2June) =>
        "项目编号,项目名称,本月完成投资(万元),1-6月累计完成投资(万元),形象进度,存在问题,填报月份\n"
        + "T-1,白酒产业园,,5500,主体封顶,,2022-06\n"
        + $"T-2,酒城大道改造,,{t2June},路基施工,拆迁未完成,2022-06\n"
        + "T-3,铝材技改,,1500,设备安装,,2022-06\n";

    private static async Task<CliRunner> LoadedAsync(TempStore store)
    {
        var cli = new CliRunner(store.Path);
        await File.WriteAllTextAsync(store.File("ledger.csv"), Ledger, Encoding.UTF8, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(store.File("form.csv"), Form("1200"), Encoding.UTF8, TestContext.Current.CancellationToken);
        var ledger = await cli.OkAsync("projects", "import", store.File("ledger.csv"));
        var form = await cli.OkAsync("projects", "import", store.File("form.csv"));
        Assert.Contains("台账 ledger", ledger, StringComparison.Ordinal);
        Assert.Contains("新增 added 3", ledger, StringComparison.Ordinal);
        Assert.Contains("月报表 monthly form", form, StringComparison.Ordinal);
        return cli;
    }

    [Fact]
    public async Task ImportFormThenReportCsv_PrintsCompletionPerProjectAndPerRegion()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);

        var csv = await cli.OkAsync("projects", "report", "--period", "2022-01..06", "--format", "csv");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("分组方式,分组,名称,项目数", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("project,T-1,白酒产业园,1,", StringComparison.Ordinal) && l.Contains(",5500,55,50,5,是,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("project,T-2,酒城大道改造,1,", StringComparison.Ordinal) && l.Contains(",1200,15,50,-35,否,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("region,510502,", StringComparison.Ordinal) && l.Contains(",6700,37.22,50,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("region,360123401,", StringComparison.Ordinal) && l.Contains(",1500,50,50,0,是,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("region,,合计,3,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Warnings_LaggingProject_ListedWithReasonAndDesk()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);

        var output = await cli.OkAsync("projects", "warnings", "--period", "2022-01..06", "--today", "2022-07-05");

        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("T-2 ", StringComparison.Ordinal));
        Assert.Contains("进度滞后", line, StringComparison.Ordinal);
        Assert.Contains("李副区长", line, StringComparison.Ordinal);
        Assert.Contains("慢于时间进度", line, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("T-1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportTable_ByDepartment_ShowsGroups()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);

        var output = await cli.OkAsync("projects", "report", "--period", "2022-01..06", "--by", "department");

        Assert.Contains("按牵头部门", output, StringComparison.Ordinal);
        Assert.Contains("区住建局", output, StringComparison.Ordinal);
        Assert.Contains("8000万元", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportBadForm_FailsNamingRowAndColumnAndStoresNothing()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);
        var bad = "项目编号,本月完成投资(万元),1-7月累计完成投资(万元),开工时间,填报月份\nT-1,100,5600,2022-01-01,2022-07\nT-2,0,900,2022-02-30,2022-07\n";
        await File.WriteAllTextAsync(store.File("bad.csv"), bad, Encoding.UTF8, TestContext.Current.CancellationToken);

        var (exit, _, error) = await cli.RunAsync("projects", "import", store.File("bad.csv"));
        var report = await cli.OkAsync("projects", "report", "--period", "2022-01..07", "--by", "project", "--format", "csv");

        Assert.Equal(1, exit);
        Assert.Contains("bad.csv 第3行 “开工时间”列", error, StringComparison.Ordinal);
        Assert.Contains("row 3, column '开工时间'", error, StringComparison.Ordinal);
        Assert.Contains("nothing stored", error, StringComparison.Ordinal);
        Assert.Contains(report.Split("\r\n"), l => l.StartsWith("project,T-1,", StringComparison.Ordinal) && l.Contains(",5500,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FormAndExport_WriteXlsxThatImportsBackUnchanged()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);

        await cli.OkAsync("projects", "form", "--period", "2022-07", "--out", store.File("form-07.xlsx"));
        await cli.OkAsync("projects", "export", "--period", "2022-01..06", "--out", store.File("ledger.xlsx"));
        var again = await cli.OkAsync("projects", "import", store.File("ledger.xlsx"));
        var blank = await cli.OkAsync("projects", "import", store.File("form-07.xlsx"));

        Assert.Contains("未变 unchanged 3", again, StringComparison.Ordinal);
        Assert.Contains("未填 skipped 3", blank, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleThenReport_ShowsJiangyangAt52Point7()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var output = await cli.OkAsync("projects", "report", "--period", "2022-01..06", "--by", "region");

        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("510502 ", StringComparison.Ordinal));
        Assert.Contains("江阳区", line, StringComparison.Ordinal);
        Assert.Contains("335.7亿元", line, StringComparison.Ordinal);
        Assert.Contains("176.8亿元", line, StringComparison.Ordinal);
        Assert.Contains("52.7%", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transition_Illegal_FailsWithBilingualReason()
    {
        using var store = new TempStore();
        var cli = await LoadedAsync(store);

        var (exit, _, error) = await cli.RunAsync("projects", "transition", "T-1", "储备", "--on", "2022-07-01");

        Assert.Equal(1, exit);
        Assert.Contains(" / ", error, StringComparison.Ordinal);
    }
}
