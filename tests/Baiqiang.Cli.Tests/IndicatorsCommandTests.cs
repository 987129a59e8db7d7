namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang indicators</c> end to end on a fresh store: add, show, update, retire, export and re-import,
/// and an import of figures for a retired indicator refused in both languages.</summary>
public sealed class IndicatorsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddShowRetire_OwnIndicator_TakesFiguresUntilRetiredThenRefusesThem()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var added = await cli.OkAsync("indicators", "add", "pv_output", "--name", "光伏产值", "--name-en", "photovoltaic output", "--unit", "亿元",
            "--kind", "flow", "--category", "工业", "--parent", "industrial_output", "--aliases", "光伏产业产值");
        var show = await cli.OkAsync("indicators", "show", "光伏產業產值");
        var file = store.File("pv.csv");
        await File.WriteAllTextAsync(file, "region,indicator,period,value,unit\n510502,光伏产值,2023,12.5,亿元\n", Ct);
        await cli.OkAsync("import", file);
        await cli.OkAsync("indicators", "retire", "pv_output", "--on", "2024-01-01");
        var late = store.File("pv2024.csv");
        await File.WriteAllTextAsync(late, "region,indicator,period,value,unit\n510502,光伏产值,2024,13,亿元\n", Ct);
        var refused = await cli.RunAsync("import", late);
        var collide = await cli.RunAsync("indicators", "add", "pv_output", "--name", "光伏产值二");
        var list = await cli.OkAsync("indicators", "list", "--category", "工业");

        Assert.Contains("已添加 / added pv_output 光伏产值", added, StringComparison.Ordinal);
        Assert.Contains("上级 parent: 规上工业总产值 (industrial_output)", show, StringComparison.Ordinal);
        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("已于2024-01-01停用", refused.Out + refused.Err, StringComparison.Ordinal);
        Assert.Contains("retired on 2024-01-01", refused.Out + refused.Err, StringComparison.Ordinal);
        Assert.Equal(1, collide.Exit);
        Assert.Contains("already exists", collide.Err, StringComparison.Ordinal);
        Assert.Contains("停用 retired 2024-01-01", Assert.Single(list.Split('\n'), l => l.StartsWith("pv_output ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("制造业增加值", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportImport_EditedCatalogue_RoundTripsAndABadRowStoresNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var file = store.File("catalogue.tsv");

        await cli.OkAsync("indicators", "export", file);
        var text = await File.ReadAllTextAsync(file, Ct);
        Assert.StartsWith("代码\t中文名称\t英文名称", text, StringComparison.Ordinal);
        var edited = text.Replace("\t货运量\t", "\t货物运输总量\t", StringComparison.Ordinal) + "own_a\t本县甲指标\town a\t万元\tflow\tcumulative\tup\t工业\t\tno\tno\t\t自定义\t\n";
        await File.WriteAllTextAsync(file, edited, Ct);
        var imported = await cli.OkAsync("indicators", "import", file);
        var bad = store.File("bad.tsv");
        await File.WriteAllTextAsync(bad, edited + "own_b\t本县乙指标\town b\t万元\tflow\tcumulative\tup\t工业\tno_such_parent\tno\tno\t\t\t\n", Ct);
        var refused = await cli.RunAsync("indicators", "import", bad);
        var show = await cli.OkAsync("indicators", "show", "freight_volume");

        Assert.Contains("新增 added 1", imported, StringComparison.Ordinal);
        Assert.Contains("货物运输总量", show, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("no_such_parent", refused.Err, StringComparison.Ordinal);
        Assert.Equal(1, (await cli.RunAsync("indicators", "show", "own_b")).Exit);
    }
}
