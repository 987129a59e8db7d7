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

/// <summary><c>baiqiang regions peers list|show|create|update|delete</c>: custom groups end to end, refusals on stderr in both languages.</summary>
public sealed class PeersCommandTests
{
    [Fact]
    public async Task PeersCreateShowUpdateDelete_CustomGroup_RoundTrips()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var created = await cli.OkAsync("regions", "peers", "create", "--name", "川南测试各区", "--members", "510502,纳溪区、龙马潭区,510502", "--id", "chuannan", "--name-en", "South Sichuan");
        var list = await cli.OkAsync("regions", "peers", "list");
        var shown = await cli.OkAsync("regions", "peers", "show", "custom:chuannan");
        var updated = await cli.OkAsync("regions", "peers", "update", "custom:chuannan", "--name", "川南各区", "--members", "江阳区,510503,510504,泸县");
        var deleted = await cli.OkAsync("regions", "peers", "delete", "custom:chuannan");
        var (exit, _, error) = await cli.RunAsync("regions", "peers", "show", "custom:chuannan");

        Assert.Contains("已创建对比组 / created peer group custom:chuannan: 川南测试各区 (South Sichuan), 自定义 custom, 3 个成员 / members", created, StringComparison.Ordinal);
        Assert.Contains("江阳区(510502)、纳溪区(510503)、龙马潭区(510504)", created, StringComparison.Ordinal);
        Assert.Contains("pref:510500", list, StringComparison.Ordinal);
        Assert.Contains("泸州市各县市区", list, StringComparison.Ordinal);
        Assert.Matches(@"custom:chuannan\s+川南测试各区\s+South Sichuan\s+自定义 custom\s+3", list);
        Assert.Matches(@"510504\s+龙马潭区", shown);
        Assert.Contains("已修改对比组 / updated peer group custom:chuannan: 川南各区 (South Sichuan), 自定义 custom, 4 个成员", updated, StringComparison.Ordinal);
        Assert.Contains("已删除对比组 / deleted peer group custom:chuannan: 川南各区", deleted, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        Assert.Contains("对比组“custom:chuannan”不存在 / peer group 'custom:chuannan' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeersCreate_BadMembers_ListsEachOnStderrAndStoresNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var (exit, output, error) = await cli.RunAsync("regions", "peers", "create", "--name", "坏组", "--members", "江阳区,江阳,510599");
        var list = await cli.OkAsync("regions", "peers", "list");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("第2项：未知地区“江阳” / entry 2: unknown region '江阳'", error, StringComparison.Ordinal);
        Assert.Contains("第3项：", error, StringComparison.Ordinal);
        Assert.Contains("entry 3: unknown region code '510599'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("坏组", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeersUpdateOrDelete_PrefectureGroupOrNoChange_IsRefused()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var (deleteExit, _, deleteError) = await cli.RunAsync("regions", "peers", "delete", "pref:510500");
        var (updateExit, _, updateError) = await cli.RunAsync("regions", "peers", "update", "pref:510500");
        var shown = await cli.OkAsync("regions", "peers", "show", "pref:510500");

        Assert.Equal((1, 1), (deleteExit, updateExit));
        Assert.Contains("由区划表生成", deleteError, StringComparison.Ordinal);
        Assert.Contains("cannot be edited or deleted by hand", deleteError, StringComparison.Ordinal);
        Assert.Contains("give at least one of --name, --name-en, --members", updateError, StringComparison.Ordinal);
        Assert.Contains("7 个成员", shown, StringComparison.Ordinal);
    }
}
