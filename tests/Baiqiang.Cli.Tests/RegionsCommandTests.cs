namespace Baiqiang.Cli.Tests;

public sealed class RegionsCommandTests
{
    [Fact]
    public async Task RegionsImport_ThenAmbiguousName_ListsBothTongzhous()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        await cli.OkAsync("regions", "import", SharedData.Path("divisions"));

        var (exit, _, error) = await cli.RunAsync("series", "通州区", "gdp");
        var byCode = await cli.OkAsync("series", "320612", "gdp");

        Assert.Equal(1, exit);
        Assert.Contains("110112", error, StringComparison.Ordinal);
        Assert.Contains("320612", error, StringComparison.Ordinal);
        Assert.Contains("880.5亿元", byCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionsFind_AbolishedCode_ShowsSuccessor()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("regions", "import", SharedData.Path("divisions", "areas.csv"));

        var output = await cli.OkAsync("regions", "find", "龙海市");

        Assert.Contains("350681", output, StringComparison.Ordinal);
        Assert.Contains("2021-01-01", output, StringComparison.Ordinal);
        Assert.Contains("350604", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeersImport_Top100Districts_ExportsMembers()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        await cli.OkAsync("regions", "import", SharedData.Path("divisions"));

        var output = await cli.OkAsync("regions", "peers", "import", SharedData.Path("rankings", "ccid_2025_top100_districts.tsv"));

        Assert.Contains("ccid_2025_top100_districts", output, StringComparison.Ordinal);
        Assert.Contains("100 个成员", output, StringComparison.Ordinal);
    }
}
