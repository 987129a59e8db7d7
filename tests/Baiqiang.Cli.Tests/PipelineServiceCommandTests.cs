namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang pipeline …</c> and <c>baiqiang service …</c> against the sample store.</summary>
public sealed class PipelineServiceCommandTests
{
    [Fact]
    public async Task PipelineReport_AnyiSample_StartRate100AndProduction8405ByAmount()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var output = await cli.OkAsync("pipeline", "report", "--period", "2023");

        Assert.Contains("开工率(按个数,基数:本期签约项目) = 38 ÷ 38 × 100 = 100.00%", output, StringComparison.Ordinal);
        Assert.Contains("投产率(按金额,基数:本期签约项目投资额) = 2158320 ÷ 2567900 万元 × 100 = 84.05%", output, StringComparison.Ordinal);
        Assert.Contains("256.79", output, StringComparison.Ordinal);
        var bySource = await cli.OkAsync("pipeline", "report", "--period", "2023", "--by", "source", "--format", "csv");
        Assert.Contains("以商招商,", bySource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineToProject_SignedSampleDeal_ProjectInLedgerWithInvestmentAndTag()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var converted = await cli.OkAsync("pipeline", "to-project", "AY2023-01", "--project-code", "KP-AY01");
        var report = await cli.OkAsync("projects", "report", "--period", "2023", "--by", "tag");
        var ledger = await cli.OkAsync("projects", "report", "--period", "2023", "--by", "project", "--region", "360123401");
        var csv = store.File("ledger.csv");
        await cli.OkAsync("projects", "export", "--out", csv, "--period", "2023");

        Assert.Contains("KP-AY01", converted, StringComparison.Ordinal);
        Assert.Contains("招商引资", report, StringComparison.Ordinal);
        Assert.Contains("KP-AY01", ledger, StringComparison.Ordinal);
        var row = Assert.Single(await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken), l => l.Contains(",KP-AY01,", StringComparison.Ordinal));
        Assert.Contains(",67447.5,", row, StringComparison.Ordinal);
        Assert.Contains("招商引资", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineToProject_UnsignedOrRepeated_ExitOneWithBilingualReason()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        await cli.OkAsync("pipeline", "to-project", "AY2023-02");

        var unsigned = await cli.RunAsync("pipeline", "to-project", "AY2023-L2");
        var again = await cli.RunAsync("pipeline", "to-project", "AY2023-02", "--project-code", "OTHER");

        Assert.Equal(1, unsigned.Exit);
        Assert.Contains("签约后才能转为重点项目", unsigned.Err, StringComparison.Ordinal);
        Assert.Contains("only a signed deal", unsigned.Err, StringComparison.Ordinal);
        Assert.Equal(1, again.Exit);
        Assert.Contains("已转为重点项目", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineScoreboard_Sample2023_EveryMonthHasSigningsAndNoFlag()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var full = await cli.OkAsync("pipeline", "scoreboard", "--year", "2023");
        var empty = await cli.OkAsync("pipeline", "scoreboard", "--year", "2024", "--through", "3");

        Assert.DoesNotContain("⚠", full, StringComparison.Ordinal);
        Assert.Contains("⚠ 无签约、无落地、无开工", empty, StringComparison.Ordinal);
        Assert.Contains("3个月未做到", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceReport_JiangyangMarch_ResolutionRate3529()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var output = await cli.OkAsync("service", "report", "--period", "2023-03", "--today", "2023-03-31");
        var tongzhou = await cli.OkAsync("service", "report", "--period", "2023-05", "--today", "2023-05-31", "--format", "csv");

        Assert.Contains("走访 visits 25 次", output, StringComparison.Ordinal);
        Assert.Contains("解决率 = 已解决 6 ÷ 受理诉求 17 × 100 = 35.29%", output, StringComparison.Ordinal);
        var year = await cli.OkAsync("service", "report", "--period", "2023", "--today", "2023-12-31");
        var relief = Assert.Single(year.Split('\n'), l => l.StartsWith("国有房屋租金减免", StringComparison.Ordinal));
        Assert.Equal(["国有房屋租金减免", "减免", "336", "76", "779.19"], relief.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(39, tongzhou.Split('\n').Where(l => l.Contains(",技术改造,", StringComparison.Ordinal)).Sum(l => int.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ServiceImport_DuplicateAndBadCode_NothingStoredAndRowsNamed()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var file = store.File("firms.csv");
        await File.WriteAllTextAsync(file, "统一社会信用代码,企业名称,地区代码\n91110000600037341L,甲,510502\n91110000600037341L,甲二,510502\n91110000600037341X,乙,510502\n", TestContext.Current.CancellationToken);

        var (exit, _, err) = await cli.RunAsync("service", "import", file, "--kind", "enterprises");
        Assert.Equal(1, exit);
        Assert.Contains("firms.csv 第4行 “统一社会信用代码”列", err, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, "统一社会信用代码,企业名称,地区代码\n91110000600037341L,甲,510502\n91110000600037341L,甲二,510502\n", TestContext.Current.CancellationToken);
        (exit, _, err) = await cli.RunAsync("service", "import", file, "--kind", "enterprises");
        Assert.Equal(1, exit);
        Assert.Contains("重复", err, StringComparison.Ordinal);

        var export = store.File("out.csv");
        await cli.OkAsync("service", "export", "--kind", "enterprises", "--out", export);
        Assert.Single(await File.ReadAllLinesAsync(export, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PipelineExportImport_RoundTrip_UpdatesWithoutDuplicates()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("deals.xlsx");

        await cli.OkAsync("pipeline", "export", "--out", file);
        var output = await cli.OkAsync("pipeline", "import", file);

        Assert.Contains("新增 added 0, 更新 updated 40", output, StringComparison.Ordinal);
    }
}
