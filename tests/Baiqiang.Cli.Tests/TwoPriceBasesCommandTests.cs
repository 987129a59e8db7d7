namespace Baiqiang.Cli.Tests;

/// <summary>One figure with a comparable and a current-price growth, through <c>import</c>, <c>series</c> and <c>export</c>.</summary>
public sealed class TwoPriceBasesCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportSeriesExport_TwoGrowths_KeepsBothAndNamesEachBasis()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = store.File("two.csv");
        await File.WriteAllTextAsync(file,
            "地区,指标,期别,数值,单位,同比增长%,增速口径,同比增长(现价)%\n" +
            "510502,地区生产总值,2024-01..06,1300.5,亿元,7.8,可比价,6.1\n",
            Ct);

        await cli.OkAsync("import", file);
        var text = await cli.OkAsync("series", "510502", "gdp");
        var csv = await cli.OkAsync("series", "510502", "gdp", "--format", "csv");
        var export = store.File("out.csv");
        await cli.OkAsync("export", "--indicator", "gdp", "--region", "510502", "--period", "2024-01..06", "--out", export);
        var again = await cli.OkAsync("import", export);

        Assert.Contains("按可比价计算增长7.8%；按现价计算增长6.1%", text, StringComparison.Ordinal);
        Assert.Contains(",2024-01..06,1300.5,亿元,7.8,exact,", csv, StringComparison.Ordinal);
        Assert.Contains(",comparable,6.1", csv, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(export, Ct);
        Assert.EndsWith(",同比增长(现价)%", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",1300.5,亿元,7.8,,", row, StringComparison.Ordinal);
        Assert.EndsWith(",可比价,6.1", row, StringComparison.Ordinal);
        Assert.Contains("未变 unchanged 1", again, StringComparison.Ordinal);
    }
}
