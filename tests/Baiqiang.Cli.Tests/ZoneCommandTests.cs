namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang regions add-zone|update-zone|retire-zone|zones</c>, refusals of figures for abolished codes and
/// <c>series --follow-successor</c>.</summary>
public sealed class ZoneCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddZone_ThenImportFiguresForTheNewCode_SeriesShowsThem()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        // The sample already holds 360123401 安义高新园区, so the next park under 安义县 is 402.
        var added = await cli.OkAsync("regions", "add-zone", "--parent", "360123", "--name", "安义新材料产业园", "--kind", "开发区");
        var file = store.File("park.csv");
        await File.WriteAllTextAsync(file, "region,indicator,period,value,unit,growth\n360123402,工业总产值,2023,20.5,亿元,12.3\n", Ct);
        await cli.OkAsync("import", file);
        var series = await cli.OkAsync("series", "360123402", "industrial_output_total");
        var zones = await cli.OkAsync("regions", "zones", "--parent", "360123");

        Assert.Contains("已新设园区 / zone added: 360123402 安义新材料产业园 · 开发区 development zone · 上级 parent 360123", added, StringComparison.Ordinal);
        Assert.Contains("安义新材料产业园(360123402)", series, StringComparison.Ordinal);
        Assert.Contains("20.5亿元", series, StringComparison.Ordinal);
        Assert.Contains("360123401", zones, StringComparison.Ordinal);
        Assert.Contains("360123402", zones, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAndRetireZone_LaterFiguresRefusedNamingTheSuccessor()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        await cli.OkAsync("regions", "add-zone", "--parent", "360123", "--name", "安义老园区");

        var bad = await cli.RunAsync("regions", "add-zone", "--parent", "360123", "--name", "某园区", "--kind", "工业区");
        var updated = await cli.OkAsync("regions", "update-zone", "360123402", "--name", "安义城南园区", "--kind", "功能区");
        var retired = await cli.OkAsync("regions", "retire-zone", "360123402", "--date", "2024-01-01", "--successor", "360123401");
        var file = store.File("late.csv");
        await File.WriteAllTextAsync(file, "region,indicator,period,value,unit\n360123402,工业总产值,2024,3,亿元\n", Ct);
        var refused = await cli.RunAsync("import", file);

        Assert.Equal(1, bad.Exit);
        Assert.Contains("园区类型“工业区”无效", bad.Err, StringComparison.Ordinal);
        Assert.Contains("zone kind '工业区' is not one of", bad.Err, StringComparison.Ordinal);
        Assert.Contains("360123402 安义城南园区 · 功能区 functional zone", updated, StringComparison.Ordinal);
        Assert.Contains("撤销 retired 2024-01-01 → 360123401", retired, StringComparison.Ordinal);
        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("360123402 安义城南园区已于2024-01撤销，请使用继任区划 360123401 安义高新园区", refused.Err, StringComparison.Ordinal);
        Assert.Contains("was abolished in 2024-01; use its successor 360123401 安义高新园区", refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_FollowSuccessor_JoinsLonghaiCityYearsToLonghaiDistrictMarkingEachCode()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("regions", "import", SharedData.Path("divisions"));
        var file = store.File("longhai.csv");
        await File.WriteAllTextAsync(file, "region,indicator,period,value,unit\n350681,gdp,2019,600,亿元\n350681,gdp,2020,640,亿元\n350604,gdp,2021,700,亿元\n", Ct);
        await cli.OkAsync("import", file);
        var late = store.File("late.csv");
        await File.WriteAllTextAsync(late, "region,indicator,period,value,unit\n350681,gdp,2022,730,亿元\n", Ct);

        var refused = await cli.RunAsync("import", late);
        var plain = await cli.OkAsync("series", "350604", "gdp");
        var joined = await cli.OkAsync("series", "350604", "gdp", "--follow-successor");
        var csv = await cli.OkAsync("series", "龙海区", "gdp", "--follow-successor", "--format", "csv");

        Assert.Contains("350681 龙海市已于2021-01撤销，请使用继任区划 350604 龙海区", refused.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("2019", plain, StringComparison.Ordinal);
        Assert.Contains("注/note: 已接续 350681 龙海市 → 350604 龙海区（350681止于2021-01-01）", joined, StringComparison.Ordinal);
        Assert.Matches(@"2019\s+600亿元.*350681 龙海市", joined);
        Assert.Matches(@"2021\s+700亿元.*350604 龙海区", joined);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("region,region_name,indicator,period,value,unit,growth,qualifier,source,growth_basis,growth_current_price_percent,from_region", lines[0]);
        Assert.Equal(["350681", "350681", "350604"], lines.Skip(1).Select(l => l.Split(',')[^1].Trim()));
    }
}
