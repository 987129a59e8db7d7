using System.Globalization;

namespace Baiqiang.Cli.Tests;

public sealed class EvaluationCommandTests
{
    // pymcdm tests/test_mcdm.py TestTOPSIS matrix (Opricovic & Tzeng 2004): price (cost), quality (benefit).
    private const string Opricovic = "unit,price,quality\nA1,1,3000\nA2,2,3750\nA3,5,4500\n";

    private static async Task<string> WriteAsync(TempStore store, string name, string text)
    {
        var path = store.File(name);
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Weights_Equal_PrintsIndicatorWeightCsv()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var m = await WriteAsync(store, "m.csv", Opricovic);

        var output = await cli.OkAsync("weights", "--input", m, "--method", "equal");

        Assert.Equal(["indicator,weight", "price,0.5", "quality,0.5"], Lines(output));
    }

    [Fact]
    public async Task Weights_EntropyOnElsayedMatrix_MatchesPymcdm()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var rows = new[]
        {
            "7,312,1891,6613,163", "72,88,728,941804,1078", "10,252,2594,3466,117471", "10,145,980,2371,86329",
            "65,54,350,501,29897", "29,48,380,912,34051", "7,476,3300,78470,2212", "70,87,650,733,819000",
            "4,86,591,3015,103", "12,79,579,3240,96098", "21,45,261,1253,453", "1,72,530,4333,0.104800",
        };
        var m = await WriteAsync(store, "e.csv", "unit,c1,c2,c3,c4,c5\n" + string.Join('\n', rows.Select((r, i) => $"u{i},{r}")));

        var lines = Lines(await cli.OkAsync("weights", "--input", m, "--method", "entropy"));
        var w = lines.Skip(1).Select(l => Math.Round(double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture), 6)).ToArray();

        Assert.Equal([0.104991, 0.069124, 0.071373, 0.449937, 0.304575], w);
    }

    [Fact]
    public async Task Rank_TopsisMinMax_MatchesPymcdmAndTies()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var m = await WriteAsync(store, "m.csv", Opricovic);

        var lines = Lines(await cli.OkAsync("rank", "--input", m, "--method", "topsis", "--directions", "-,+"));

        Assert.Equal("unit,score,rank", lines[0]);
        Assert.Equal("A1,0.5,2", lines[1]);
        Assert.StartsWith("A2,0.6172", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",1", lines[2], StringComparison.Ordinal);
        Assert.Equal("A3,0.5,2", lines[3]);
    }

    [Fact]
    public async Task Rank_Vikor_ScoreIsQ_LowerIsBetter()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var m = await WriteAsync(store, "m.csv", Opricovic);

        var lines = Lines(await cli.OkAsync("rank", "--input", m, "--method", "vikor", "--directions", "-,+"));

        Assert.Equal(["unit,score,rank", "A1,1,2", "A2,0,1", "A3,1,2"], lines);
    }

    [Fact]
    public async Task Rank_WeightsFileFromWeightsCommand_RoundTrips()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var m = await WriteAsync(store, "m.csv", Opricovic);
        var w = await WriteAsync(store, "w.csv", await cli.OkAsync("weights", "--input", m, "--method", "critic", "--directions", "-,+"));

        var byFile = await cli.OkAsync("rank", "--input", m, "--method", "wsm", "--weights", w, "--directions", "-,+");
        var byMethod = await cli.OkAsync("rank", "--input", m, "--method", "wsm", "--weights-method", "critic", "--directions", "-,+");

        Assert.Equal(byMethod, byFile);
    }

    [Theory]
    [InlineData("topsis-vector")]
    [InlineData("copeland")]
    [InlineData("wsm")]
    public async Task Rank_EveryMethod_DominantUnitFirst(string method)
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var m = await WriteAsync(store, "m.csv", "unit,a,b\nbest,10,1\nmid,5,5\nworst,1,9\n");

        var lines = Lines(await cli.OkAsync("rank", "--input", m, "--method", method, "--directions", "+,-"));

        Assert.EndsWith(",1", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",3", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_MismatchedDirections_ErrorsBilingual()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var m = await WriteAsync(store, "m.csv", Opricovic);

        var (exit, _, error) = await cli.RunAsync("rank", "--input", m, "--method", "topsis", "--directions", "+,-,+");

        Assert.Equal(1, exit);
        Assert.Contains("方向个数", error, StringComparison.Ordinal);
        Assert.Contains("3 directions for 2 indicators", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weights_EntropyWithNegativeValue_ErrorsNotNaN()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var m = await WriteAsync(store, "m.csv", "unit,a,b\nx,-1,2\ny,3,4\n");

        var (exit, output, error) = await cli.RunAsync("weights", "--input", m, "--method", "entropy");

        Assert.Equal(1, exit);
        Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
        Assert.Contains("/", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weights_ConstantColumn_NoNaN()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var m = await WriteAsync(store, "m.csv", "unit,a,b\nx,1,2\ny,1,4\nz,1,5\n");

        foreach (var method in new[] { "entropy", "entropy-minmax", "critic", "std", "equal" })
        {
            var output = await cli.OkAsync("weights", "--input", m, "--method", method);
            Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rank_MalformedMatrix_NamesRowAndColumnAndReadsNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var m = await WriteAsync(store, "m.csv", "unit,a,b\nx,1,2\ny,abc,4\nx,3\n");

        var (exit, _, error) = await cli.RunAsync("rank", "--input", m, "--method", "wsm");

        Assert.Equal(1, exit);
        Assert.Contains("第3行第2列", error, StringComparison.Ordinal);
        Assert.Contains("row 3, column 2", error, StringComparison.Ordinal);
        Assert.Contains("重复", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankFramework_PrefectureGroupFromStore_RanksAllCountyUnits()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("regions", "import", SharedData.Path("divisions"));
        string[] codes = ["510502", "510503", "510504", "510521", "510522", "510524", "510525"];
        var rows = codes.Select((c, i) =>
            $"{c},gdp,2024,{(900 - (100 * i)).ToString(CultureInfo.InvariantCulture)},亿元,\n{c},budget_revenue,2024,{(50 - (5 * i)).ToString(CultureInfo.InvariantCulture)},亿元,");
        var data = await WriteAsync(store, "luzhou.csv", "region,indicator,period,value,unit,growth\n" + string.Join('\n', rows) + "\n");
        await cli.OkAsync("import", data);
        var fw = await WriteAsync(store, "fw.json", """
            {"name":"luzhou-test","dimensions":[
              {"code":"size","nameZh":"经济实力","weight":1,"children":[
                {"code":"gdp","indicator":"gdp","weight":0.5},
                {"code":"rev","indicator":"budget_revenue","weight":0.5}]}]}
            """);

        var csv = Lines(await cli.OkAsync("rank", "--framework", fw, "--period", "2024", "--group", "pref:510500", "--lang", "en"));
        var chinese = Lines(await cli.OkAsync("rank", "--framework", fw, "--period", "2024", "--group", "pref:510500"));
        var json = await cli.OkAsync("rank", "--framework", fw, "--period", "2024", "--group", "pref:510500", "--format", "json");
        var xlsx = store.File("rank.xlsx");
        await cli.OkAsync("rank", "--framework", fw, "--period", "2024", "--group", "pref:510500", "--format", "xlsx", "--out", xlsx);

        Assert.Equal("code,name,score,rank,tier,size", csv[0]);
        Assert.Equal("地区代码,地区名称,综合得分,排名,档次,经济实力", chinese[0]);
        Assert.Equal(csv[1..], chinese[1..]);
        Assert.Equal(8, csv.Length);
        Assert.StartsWith("510502,江阳区,100,1,1", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("510525,古蔺县,1,7,", csv[7], StringComparison.Ordinal);
        Assert.Contains("\"framework\": \"luzhou-test\"", json, StringComparison.Ordinal);
        Assert.True(new FileInfo(xlsx).Length > 0);
    }

    [Fact]
    public async Task RankFramework_SampleAloneTooSparse_SaysWhichFiguresToImport()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var (exit, output, error) = await cli.RunAsync("rank", "--framework", "top100-illustration", "--period", "2023", "--group", "pref:510500");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("数据完整度达标的单元不足2个", error, StringComparison.Ordinal);
        var hint = Assert.Single(error.Split('\n'), l => l.StartsWith("提示/hint:", StringComparison.Ordinal));
        Assert.Contains("pref:510500", hint, StringComparison.Ordinal);
        Assert.Contains("baiqiang import", hint, StringComparison.Ordinal);
        Assert.Contains("gdp", hint, StringComparison.Ordinal);
        Assert.Contains("docs/sample-data.md", hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Framework_SaveTwiceThenExportXlsxAndReimport_KeepsVersions()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        var json = store.File("top100.json");
        var xlsx = store.File("top100.xlsx");
        await cli.OkAsync("framework", "export", "top100-illustration", "--out", json);
        await cli.OkAsync("framework", "export", "top100-illustration", "--out", xlsx);

        var first = await cli.OkAsync("framework", "save", json);
        var same = await cli.OkAsync("framework", "save", xlsx);
        await File.WriteAllTextAsync(json, (await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken)).Replace("\"weight\": 0.35", "\"weight\": 0.4", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var second = await cli.OkAsync("framework", "save", json);
        var list = Lines(await cli.OkAsync("framework", "list"));

        Assert.Contains("top100-illustration v1", first, StringComparison.Ordinal);
        Assert.Contains("top100-illustration v1", same, StringComparison.Ordinal);
        Assert.Contains("top100-illustration v2", second, StringComparison.Ordinal);
        Assert.Equal(3, list.Length);
    }
}
