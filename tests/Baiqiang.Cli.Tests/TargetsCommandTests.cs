namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang targets list|add|update|remove</c> against the sample store.</summary>
public sealed class TargetsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_DoublingOfIndustrialOutputFrom2020_ListShowsProgressAndCagrNeeded()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("jy.csv");
        await File.WriteAllTextAsync(file, "region,indicator,period,value,unit\n510502,industrial_output,2020,5000000,万元\n", Ct);
        await cli.OkAsync("import", file);

        var added = await cli.OkAsync("targets", "add", "--region", "510502", "--indicator", "industrial_output", "--deadline", "2025", "--multiple", "2", "--base", "2020",
            "--description", "工业总产值在2020年基础上翻一番");
        var list = await cli.OkAsync("targets", "list", "--region", "江阳区");

        Assert.Contains("已添加目标 / target added: 510502-industrial_output-2025 · 江阳区(510502) · 工业总产值在2020年基础上翻一番", added, StringComparison.Ordinal);
        Assert.Contains("((1000 ÷ 500)^(1/5) − 1) × 100 = 14.87%", added, StringComparison.Ordinal);
        var row = Assert.Single(list.Split('\n'), l => l.StartsWith("510502-industrial_output-2025 ", StringComparison.Ordinal));
        Assert.Contains("≥ 2 × 2020", row, StringComparison.Ordinal);
        Assert.Contains("500亿元（2020）", row, StringComparison.Ordinal);
        // Only the base year is stored: no growth shown yet against 14.87% a year needed is 滞后, not 正常; one year without a
        // published growth gives no trend to forecast.
        Assert.Matches(@"50\.00%\s+0\.00%\s+14\.87%\s+滞后 behind", row);
        Assert.Contains("判定：基期以来 0.00% < 尚需 14.87%，滞后", list, StringComparison.Ordinal);
        Assert.Contains("预测 forecast: 数据不足，无法预测", list, StringComparison.Ordinal);
        Assert.DoesNotContain("ziyang", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_JiangyangDoublingWithNoGrowthSince2020_ReadsBehindWithItsForecast()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("jy-gdp.csv");
        await File.WriteAllTextAsync(file, "region,indicator,period,value,unit\n510502,gdp,2020,500,亿元\n510502,gdp,2021,500,亿元\n510502,gdp,2022,500,亿元\n", Ct);
        await cli.OkAsync("import", file);
        await cli.OkAsync("targets", "add", "--region", "江阳区", "--indicator", "gdp", "--deadline", "2025", "--multiple", "2", "--base", "2020", "--key", "jy-gdp-x2");

        var list = await cli.OkAsync("targets", "list", "--region", "510502", "--today", "2023-03-01");

        var row = Assert.Single(list.Split('\n'), l => l.StartsWith("jy-gdp-x2 ", StringComparison.Ordinal));
        Assert.Matches(@"50\.00%\s+40\.00%\s+25\.99%\s+滞后 behind\s+500亿元\s+无法达成（按此趋势30年内达不到） / not within 30 years", row);
        Assert.Contains("判定：基期以来 0.00% < 尚需 25.99%，滞后", list, StringComparison.Ordinal);
        Assert.Contains("预测 forecast: 按2020—2022年（2年）年均增速0.00%外推; 趋势 ((500 ÷ 500)^(1/2) − 1) × 100 = 0.00%; 2025年预计 500 × (1 + 0.00%)^3 = 500; 按此趋势30年内达不到目标1000，无法达成",
            list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_GrowthAndIncreaseTargets_ListJudgesThemAsOfToday()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("jy-change.csv");
        await File.WriteAllTextAsync(file,
            "region,indicator,period,value,unit,growth\n510502,fixed_asset_investment,2023-01..06,150,亿元,12.5\n510502,enterprises_above_scale,2024,120,家,\n510502,enterprises_above_scale,2025-06,128,家,\n", Ct);
        await cli.OkAsync("import", file);

        var growth = await cli.OkAsync("targets", "add", "--region", "江阳区", "--indicator", "固定资产投资", "--deadline", "2023", "--growth", "16%", "--key", "jy-fai-g16");
        var increase = await cli.OkAsync("targets", "add", "--region", "510502", "--indicator", "规上企业数", "--deadline", "2025", "--increase", "20家", "--key", "jy-firms-20");
        var list = await cli.OkAsync("targets", "list", "--region", "510502", "--today", "2025-07-15");

        Assert.Contains("jy-fai-g16 · 江阳区(510502) · 固定资产投资 2023年 增长 ≥ 16%", growth, StringComparison.Ordinal);
        Assert.Contains("jy-firms-20 · 江阳区(510502) · 规上工业企业数 2025年 新增 ≥ 20家", increase, StringComparison.Ordinal);
        // 12.5 ÷ 16 = 78.13% of the rate with half the year gone; judged on the rate: 12.50% < 16%, 滞后.
        var g = Assert.Single(list.Split('\n'), l => l.StartsWith("jy-fai-g16 ", StringComparison.Ordinal));
        Assert.Matches(@"增长 ≥ 16%\s+2023\s+增长12\.5%（2023-01\.\.06）\s+78\.13%\s+50\.00%\s+—\s+滞后 behind", g);
        Assert.Contains("判定：增长 12.50% < 16%（期中），滞后", list, StringComparison.Ordinal);
        // 128 − 120 = 8 of 20 = 40% against 50% of 2025 gone: behind.
        var i = Assert.Single(list.Split('\n'), l => l.StartsWith("jy-firms-20 ", StringComparison.Ordinal));
        Assert.Matches(@"新增 ≥ 20家\s+2025\s+新增8家（2025-06）\s+40\.00%\s+50\.00%\s+—\s+滞后 behind", i);
        Assert.Contains("新增 128 − 120（2024年） = 8家", list, StringComparison.Ordinal);
        Assert.Contains("增速目标按同比增速判断，不作总量外推", list, StringComparison.Ordinal);

        var both = await cli.RunAsync("targets", "add", "--region", "510502", "--indicator", "gdp", "--deadline", "2025", "--growth", "8", "--increase", "100亿元");
        Assert.Equal(1, both.Exit);
        Assert.Contains("value: 目标值、倍数、增速、新增量只能填一个 / give only one of a target value, a multiple, a growth rate or an increase", both.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ValueInChineseUnits_ConvertedIntoTheIndicatorsUnit()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var gdp = await cli.OkAsync("targets", "add", "--region", "江阳区", "--indicator", "地区生产总值", "--deadline", "2025年", "--value", "1.2万亿元");
        var retail = await cli.OkAsync("targets", "add", "--region", "510502", "--indicator", "retail_sales", "--deadline", "2022", "--value", "4500000万元", "--key", "jy-retail-2022");
        var list = await cli.OkAsync("targets", "list", "--region", "510502");

        Assert.Contains("510502-gdp-2025 · 江阳区(510502) · 地区生产总值 2025年 ≥ 12000亿元", gdp, StringComparison.Ordinal);
        Assert.Contains("暂无2025年口径的数据 / no figure yet for 2025", gdp, StringComparison.Ordinal);
        Assert.Contains("目标 450亿元; 进度 228.09 ÷ 450 × 100 = 50.69%; 时间进度 50.00%", retail, StringComparison.Ordinal);
        var row = Assert.Single(list.Split('\n'), l => l.StartsWith("jy-retail-2022 ", StringComparison.Ordinal));
        Assert.Contains("228.09亿元（2022-01..06）", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_RefusedInput_ExitsOneWithFieldAndBothLanguagesAndStoresNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var both = await cli.RunAsync("targets", "add", "--region", "510502", "--indicator", "gdp", "--deadline", "2025", "--value", "1000亿元", "--multiple", "2", "--base", "2020");
        var dimension = await cli.RunAsync("targets", "add", "--region", "510502", "--indicator", "gdp", "--deadline", "2025", "--value", "100个");
        var unreadable = await cli.RunAsync("targets", "add", "--region", "510502", "--indicator", "gdp", "--deadline", "今年", "--value", "1000亿元", "--comparator", ">>");
        var list = await cli.OkAsync("targets", "list", "--region", "510502");

        Assert.Equal(1, both.Exit);
        Assert.Contains("value: 目标值与倍数只能填一个", both.Err, StringComparison.Ordinal);
        Assert.Contains("not both", both.Err, StringComparison.Ordinal);
        Assert.Equal(1, dimension.Exit);
        Assert.Contains("unit: 单位“个”不能换算为指标“地区生产总值”的单位“亿元” / unit '个' cannot be converted", dimension.Err, StringComparison.Ordinal);
        Assert.Equal(1, unreadable.Exit);
        Assert.Contains("deadline: 目标期限“今年”无法识别", unreadable.Err, StringComparison.Ordinal);
        Assert.Contains("comparator: ", unreadable.Err, StringComparison.Ordinal);
        Assert.Contains("无目标 / no targets", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ValueOnly_KeepsOtherFieldsAndRegeneratesTheGeneratedWording()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        await cli.OkAsync("targets", "add", "--region", "510502", "--indicator", "retail_sales", "--deadline", "2022", "--value", "450亿元", "--key", "jy-retail-2022");

        var updated = await cli.OkAsync("targets", "update", "jy-retail-2022", "--value", "5000000万元");
        var list = await cli.OkAsync("targets", "list", "--region", "510502");

        Assert.Contains("已修改目标 / target updated: jy-retail-2022 · 江阳区(510502) · 社会消费品零售总额 2022年 ≥ 500亿元", updated, StringComparison.Ordinal);
        Assert.Contains("目标 500亿元; 进度 228.09 ÷ 500 × 100 = 45.62%", updated, StringComparison.Ordinal);
        var row = Assert.Single(list.Split('\n'), l => l.StartsWith("jy-retail-2022 ", StringComparison.Ordinal));
        Assert.Contains("≥ 500亿元", row, StringComparison.Ordinal);
        Assert.DoesNotContain("450亿元", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_MultipleReplacesValue_OwnWordingKeptUntilClearedWithEmptyDescription()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        await cli.OkAsync("targets", "add", "--region", "510502", "--indicator", "industrial_output", "--deadline", "2025", "--value", "1000亿元",
            "--description", "工业总产值突破千亿", "--key", "jy-io");

        var toMultiple = await cli.OkAsync("targets", "update", "jy-io", "--multiple", "2", "--base", "2020");
        var cleared = await cli.OkAsync("targets", "update", "jy-io", "--description", "");

        Assert.Contains("jy-io · 江阳区(510502) · 工业总产值突破千亿", toMultiple, StringComparison.Ordinal);
        Assert.Contains("≥ 2 × 2020", toMultiple, StringComparison.Ordinal);
        Assert.Matches(@"jy-io · 江阳区\(510502\) · \S*工业总产值 2025年 ≥ 2020年的2倍", cleared);
    }

    [Fact]
    public async Task Update_RefusedOrUnknown_ExitsWithReasonAndChangesNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        await cli.OkAsync("targets", "add", "--region", "510502", "--indicator", "retail_sales", "--deadline", "2022", "--value", "450亿元", "--key", "jy-retail-2022");

        var badUnit = await cli.RunAsync("targets", "update", "jy-retail-2022", "--value", "100个");
        var badDeadline = await cli.RunAsync("targets", "update", "jy-retail-2022", "--deadline", "明年");
        var unknown = await cli.RunAsync("targets", "update", "no-such-target", "--value", "1亿元");
        var list = await cli.OkAsync("targets", "list", "--region", "510502");

        Assert.Equal(1, badUnit.Exit);
        Assert.Contains("unit: 单位“个”不能换算", badUnit.Err, StringComparison.Ordinal);
        Assert.Contains("未保存目标(1处错误) / target not stored (1 errors)", badUnit.Err, StringComparison.Ordinal);
        Assert.Equal(1, badDeadline.Exit);
        Assert.Contains("deadline: ", badDeadline.Err, StringComparison.Ordinal);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("找不到目标“no-such-target” / no target 'no-such-target'", unknown.Err, StringComparison.Ordinal);
        var row = Assert.Single(list.Split('\n'), l => l.StartsWith("jy-retail-2022 ", StringComparison.Ordinal));
        Assert.Contains("≥ 450亿元", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_StoredTarget_GoneAndSecondRemoveExitsOne()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var removed = await cli.OkAsync("targets", "remove", "tongzhou-new-major-starts-2023");
        var again = await cli.RunAsync("targets", "remove", "tongzhou-new-major-starts-2023");
        var list = await cli.OkAsync("targets", "list");

        Assert.Contains("已删除目标 / target removed: tongzhou-new-major-starts-2023", removed, StringComparison.Ordinal);
        Assert.Equal(1, again.Exit);
        Assert.Contains("找不到目标“tongzhou-new-major-starts-2023”", again.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("tongzhou-new-major-starts-2023", list, StringComparison.Ordinal);
        Assert.Contains("ziyang-hitech-signed-projects-2023", list, StringComparison.Ordinal);
    }
}
