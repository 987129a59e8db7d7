namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang units list|add</c>, an office unit used by an import, the growth basis through import, series and
/// export, and <c>import --add-indicators</c>.</summary>
public sealed class UnitsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnitsAdd_ThenImportInThatUnit_ConvertsExactlyAndListShowsIt()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var added = await cli.OkAsync("units", "add", "兆瓦时", "--code", "mwh", "--dimension", "energy", "--factor", "1000", "--name-en", "MWh", "--aliases", "MWh");
        var duplicate = await cli.RunAsync("units", "add", "萬元", "--code", "wy", "--dimension", "money", "--factor", "10000");
        var list = await cli.OkAsync("units", "list", "--dimension", "energy");
        var json = await cli.OkAsync("units", "list", "--format", "json");
        var file = store.File("power.csv");
        await File.WriteAllTextAsync(file, "region,indicator,period,value,unit\n510502,全社会用电量,2023,250000,兆瓦时\n510502,全社会用电量,2022,2,亿元\n", Ct);
        var refused = await cli.RunAsync("import", file);
        await File.WriteAllTextAsync(file, "region,indicator,period,value,unit\n510502,全社会用电量,2023,250000,兆瓦时\n", Ct);
        await cli.OkAsync("import", file);
        var series = await cli.OkAsync("series", "510502", "electricity_consumption", "--format", "csv");

        Assert.Contains("已添加 / added mwh 兆瓦时", added, StringComparison.Ordinal);
        Assert.Equal(1, duplicate.Exit);
        Assert.Contains("wan_yuan", duplicate.Err, StringComparison.Ordinal);
        Assert.Contains("兆瓦时", list, StringComparison.Ordinal);
        Assert.Contains("万千瓦时", list, StringComparison.Ordinal);
        Assert.DoesNotContain("亿元", list, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"mu\"", json, StringComparison.Ordinal);
        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("第3行", refused.Err, StringComparison.Ordinal);
        Assert.Contains("different dimensions: money vs energy", refused.Err, StringComparison.Ordinal);
        Assert.Contains(",2023,2.5,亿千瓦时,", series, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_GrowthBasisAndUnknownIndicators_WarnsRefusesThenAddsWithAddIndicators()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("month.csv");
        await File.WriteAllTextAsync(file,
            "地区,指标,期别,数值,单位,同比增长,增速口径\n" +
            "510502,规上工业增加值,2024-01..06,70,亿元,6.5,现价\n" +
            "510502,测试新能源汽车产量,2024-01..06,1.2,万辆,30,\n",
            Ct);

        var refused = await cli.RunAsync("import", file);
        var units = await cli.RunAsync("import", file, "--add-indicators");
        await cli.OkAsync("units", "add", "万辆", "--code", "wan_liang", "--dimension", "count", "--factor", "10000", "--count-noun", "辆");
        var imported = await cli.OkAsync("import", file, "--add-indicators");
        var series = await cli.OkAsync("series", "510502", "industrial_value_added", "--format", "csv");
        var export = store.File("out.csv");
        await cli.OkAsync("export", "--out", export, "--region", "510502", "--indicator", "industrial_value_added");

        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("未知计量单位“万辆”", refused.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, units.Exit);
        Assert.Contains("已添加指标 / added indicator own_001 测试新能源汽车产量 (万辆)", imported, StringComparison.Ordinal);
        Assert.Contains("增速通常按可比价计算", imported, StringComparison.Ordinal);
        Assert.Contains("新增 inserted 2", imported, StringComparison.Ordinal);
        Assert.Contains(",2024-01..06,70,亿元,6.5,exact,", series, StringComparison.Ordinal);
        Assert.Contains(",current", series, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(export, Ct);
        Assert.EndsWith(",增速口径,同比增长(现价)%", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("2024-01..06", StringComparison.Ordinal) && l.EndsWith(",现价,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_MapIndicatorBesideAddIndicators_RecordsTheAliasAddsTheRestAndStoresTheFile()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("office.csv");
        await File.WriteAllTextAsync(file,
            "地区,指标,期别,数值,单位\n" +
            "510502,测试规上营收合计,2024-01..06,512.5,亿元\n" +
            "510502,测试充电桩数量,2024-01..06,1200,个\n",
            Ct);

        var malformed = await cli.RunAsync("import", file, "--map-indicator", "测试规上营收合计");
        var mapOnly = await cli.RunAsync("import", file, "--map-indicator", "测试规上营收合计=operating_revenue");
        var imported = await cli.OkAsync("import", file, "--map-indicator", "测试规上营收合计=operating_revenue", "--add-indicators");
        var again = await cli.OkAsync("import", file);
        var series = await cli.OkAsync("series", "510502", "operating_revenue", "--format", "csv");

        Assert.Equal(2, malformed.Exit);
        Assert.Contains("NAME=CODE", malformed.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, mapOnly.Exit);
        Assert.Contains("测试充电桩数量", mapOnly.Err, StringComparison.Ordinal);
        Assert.Contains("has no decision", mapOnly.Err, StringComparison.Ordinal);
        Assert.Contains("测试规上营收合计 → operating_revenue", imported, StringComparison.Ordinal);
        Assert.Contains("已添加指标 / added indicator own_001 测试充电桩数量 (个)", imported, StringComparison.Ordinal);
        Assert.Contains("新增 inserted 2", imported, StringComparison.Ordinal);
        Assert.Contains("未变 unchanged 2", again, StringComparison.Ordinal);
        Assert.Contains(",2024-01..06,512.5,亿元", series, StringComparison.Ordinal);
    }
}
