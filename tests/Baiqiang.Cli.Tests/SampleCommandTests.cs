namespace Baiqiang.Cli.Tests;

/// <summary>The done-when line: <c>baiqiang init &amp;&amp; baiqiang sample &amp;&amp; baiqiang series 510502 gdp</c>.</summary>
public sealed class SampleCommandTests
{
    [Fact]
    public async Task InitSampleSeries_Jiangyang_PrintsPublishedGdpGrowth()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);

        await cli.OkAsync("init");
        await cli.OkAsync("sample");
        var output = await cli.OkAsync("series", "510502", "gdp");

        Assert.Contains("江阳区(510502)", output, StringComparison.Ordinal);
        Assert.Contains("地区生产总值", output, StringComparison.Ordinal);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("2021 ", StringComparison.Ordinal) && l.Contains("增长9.8%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2022-01..06", StringComparison.Ordinal) && l.Contains("增长3.7%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Series_ByChineseNames_PrintsTongzhouReportCard()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var output = await cli.OkAsync("series", "通州区", "一般公共预算收入");

        Assert.Contains("2023-01..06", output, StringComparison.Ordinal);
        Assert.Contains("41亿元", output, StringComparison.Ordinal);
        Assert.Contains("增长27.8%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_LoadedTwice_ChangesNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var second = await cli.OkAsync("sample");

        Assert.Contains("observations +0", second, StringComparison.Ordinal);
        Assert.Contains("targets +0", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_UrbanPrimacy_ShowsBothYears()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var output = await cli.OkAsync("series", "江阳区", "城区首位度", "--format", "csv");

        Assert.Contains("510502,江阳区,urban_primacy,2020,28.6,%,", output, StringComparison.Ordinal);
        Assert.Contains("510502,江阳区,urban_primacy,2021,34.5,%,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_UnknownIndicator_FailsWithBilingualMessage()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var (exit, _, error) = await cli.RunAsync("series", "510502", "no_such_thing");

        Assert.Equal(1, exit);
        Assert.Contains("未知指标", error, StringComparison.Ordinal);
        Assert.Contains("unknown indicator", error, StringComparison.Ordinal);
    }
}
