namespace Baiqiang.Cli.Tests;

public sealed class ImportExportCommandTests
{
    private const string Header = "region,indicator,period,value,unit,growth";

    [Fact]
    public async Task Import_WanYuanFileTwice_ConvertsAndSecondRunChangesNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("nantong.csv");
        await File.WriteAllTextAsync(file, $"{Header}\n320612,budget_revenue,2022-01..06,320000,万元,5\n", TestContext.Current.CancellationToken);

        var first = await cli.OkAsync("import", file);
        var second = await cli.OkAsync("import", file);
        var series = await cli.OkAsync("series", "320612", "budget_revenue");

        Assert.Contains("inserted 1", first, StringComparison.Ordinal);
        Assert.Contains("inserted 0", second, StringComparison.Ordinal);
        Assert.Contains("unchanged 1", second, StringComparison.Ordinal);
        Assert.Contains("32亿元", series, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FileWithOneBadRow_StoresNothingAndNamesRowAndColumn()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("bad.csv");
        await File.WriteAllTextAsync(file, $"{Header}\n320612,budget_revenue,2022-01..06,32,亿元,5\n320612,gdp,2022-01..06,12,家,\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await cli.RunAsync("import", file);
        var series = await cli.OkAsync("series", "320612", "budget_revenue");

        Assert.Equal(1, exit);
        Assert.Contains("第3行", error, StringComparison.Ordinal);
        Assert.Contains("row 3", error, StringComparison.Ordinal);
        Assert.Contains("nothing stored", error, StringComparison.Ordinal);
        Assert.DoesNotContain("2022-01..06", series, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CorrectedFigure_BecomesRevisionAndSeriesShowsNewValue()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("fix.csv");
        await File.WriteAllTextAsync(file, $"{Header}\n510502,retail_sales,2022年1-6月,228.19,亿元,5.8\n", TestContext.Current.CancellationToken);

        var output = await cli.OkAsync("import", file);
        var series = await cli.OkAsync("series", "510502", "retail_sales");

        Assert.Contains("revised 1", output, StringComparison.Ordinal);
        Assert.Contains("228.19亿元", series, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_PeerGroupToCsv_ReimportsUnchanged()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("nantong.csv");

        await cli.OkAsync("export", "--indicator", "gdp", "--peers", "pref:320600", "--out", file);
        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var reimport = await cli.OkAsync("import", file);

        Assert.Contains("320612,通州区,gdp,地区生产总值,2023-01..06,880.5,亿元,7.8", text, StringComparison.Ordinal);
        Assert.Contains("320613,崇川区,gdp,地区生产总值,2022,1676.93,亿元,2.1", text, StringComparison.Ordinal);
        // 通州区's half year (seed 004) and 崇川区's 2021 first quarter, 2022 and 2023 years (docs/sample-data.md).
        Assert.Contains("inserted 0, 修订 revised 0, 未变 unchanged 4", reimport, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ToXlsx_WritesAZipPackage()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("all.xlsx");

        await cli.OkAsync("export", "--region", "江阳区", "--out", file);

        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }
}
