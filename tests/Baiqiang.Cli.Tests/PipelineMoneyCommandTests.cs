namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang pipeline import-funds|import-milestones</c> and <c>pipeline report --rates stage</c> against a fresh store.</summary>
public sealed class PipelineMoneyCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TempStore Store, CliRunner Cli)> WithDealsAsync()
    {
        var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var deals = store.File("deals.csv");
        await File.WriteAllTextAsync(deals, string.Join("\n",
            "项目编号,项目名称,地区代码,投资方,投资方类型,计划投资(万元),线索日期,签约日期,落地日期,开工日期,合同投资(万元),合同签订日期",
            "PM-A,电子元件项目,360123,甲公司,民企,10000,2026-01-01,2026-01-11,2026-02-10,,10000,",
            "PM-B,新材料项目,360123,乙公司,民企,6000,2026-01-01,2026-01-31,,2026-03-01,6000,2026-02-05",
            "PM-C,储备线索,360123,丙公司,民企,0,2026-02-01,,,,,") + "\n", Ct);
        await cli.OkAsync("pipeline", "import", deals);
        return (store, cli);
    }

    [Fact]
    public async Task ImportFunds_ThenReport_ShowsFundsRateFormulaAndPerformance()
    {
        var (store, cli) = await WithDealsAsync();
        using var _ = store;
        var funds = store.File("funds.csv");
        await File.WriteAllTextAsync(funds, "deal code,填报月份,本月到位(万元),累计到位(万元),备注\nPM-A,2026-03,2000,2000,\nPM-A,2026-05,3000,5000,\nPM-B,2026-04,1000,4000,\n", Ct);
        var milestones = store.File("milestones.csv");
        await File.WriteAllTextAsync(milestones, "项目编号,节点,约定日期,约定金额(万元),实际日期\nPM-A,注册,2026-02-28,,2026-02-10\nPM-B,开工,2026-02-28,,2026-03-01\n", Ct);

        var imported = await cli.OkAsync("pipeline", "import-funds", funds);
        await cli.OkAsync("pipeline", "import-milestones", milestones);
        var report = await cli.OkAsync("pipeline", "report", "--period", "2026-01..06", "--today", "2026-06-30");

        Assert.Contains("新增 added 3", imported, StringComparison.Ordinal);
        // (5000 + 4000) ÷ (10000 + 6000) = 56.25%
        Assert.Contains("资金到位率(基数:本期签约项目合同投资) = 实际到位资金 9000 ÷ 合同投资 16000 万元 × 100 = 56.25%(2个项目)", report, StringComparison.Ordinal);
        Assert.Contains("本期到位资金 / funds arrived in the period: 6000万元", report, StringComparison.Ordinal);
        Assert.Contains("履约率(基数:截至2026-06-30已到约定日期的合同节点) = 按期完成 1 ÷ 应完成 2 × 100 = 50.00%", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFunds_DecreasingCumulative_ExitOneNamingRowColumnInBothLanguages()
    {
        var (store, cli) = await WithDealsAsync();
        using var _ = store;
        var funds = store.File("funds.csv");
        await File.WriteAllTextAsync(funds, "项目编号,填报月份,本月到位(万元),累计到位(万元)\nPM-A,2026-03,2000,2000\nPM-A,2026-04,0,1500\n", Ct);

        var r = await cli.RunAsync("pipeline", "import-funds", funds);

        Assert.Equal(1, r.Exit);
        Assert.Contains("3", r.Err, StringComparison.Ordinal);
        Assert.Contains("累计到位1500万元低于上月累计2000万元", r.Err, StringComparison.Ordinal);
        Assert.Contains("is lower than last month's cumulative", r.Err, StringComparison.Ordinal);
        Assert.Contains("导入失败,未写入任何数据", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RatesStage_FourPairsWithMedianDays()
    {
        var (store, cli) = await WithDealsAsync();
        using var _ = store;

        var table = await cli.OkAsync("pipeline", "report", "--period", "2026-01..06", "--rates", "stage");
        var csv = await cli.OkAsync("pipeline", "report", "--period", "2026-01..06", "--rates", "stage", "--format", "csv");

        Assert.Contains("线索→签约(基数:本期到达线索的项目) = 到达签约 2 ÷ 3 × 100 = 66.67%; 间隔天数中位数 20 天(2个项目)", table, StringComparison.Ordinal);
        Assert.Contains("落地→开工(基数:本期到达落地的项目) = 到达开工 1 ÷ 2 × 100 = 50.00%", table, StringComparison.Ordinal);
        Assert.Contains("开工→投产", csv, StringComparison.Ordinal);
        var bad = await cli.RunAsync("pipeline", "report", "--period", "2026", "--rates", "stages");
        Assert.NotEqual(0, bad.Exit);
    }
}
