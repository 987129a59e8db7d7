using Baiqiang.Storage.Export;

namespace Baiqiang.Cli.Tests;

/// <summary><c>import --dry-run</c> / <c>--layout bulletin</c> on statistics-bureau workbooks, <c>export --layout bulletin</c> and <c>--lang en</c>.</summary>
public sealed class BulletinCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>江阳区's 2021 half-year sheet (the sample holds no 2021 figures), with a traditional-character indicator name
    /// and a two-row header whose top cell is merged over 绝对值 | 同比增长%.</summary>
    private static async Task<string> WorkbookAsync(TempStore store, string name = "月报.xlsx", string secondHeader = "同比增长%")
    {
        var sheet = new WorkbookSheet("江阳区");
        sheet.Rows.Add(["2021年1-6月江阳区主要经济指标"]);
        sheet.Rows.Add(["指标名称", "计量单位", "1-6月累计", "1-6月累计"]);
        sheet.Rows.Add([null, null, "绝对值", secondHeader]);
        sheet.Rows.Add(["地區生產總值", "亿元", 700.25m, 6.4m]);
        sheet.Rows.Add(["一般公共预算收入", "万元", 312000m, "—"]);
        sheet.Rows.Add(["注：地区生产总值增速按可比价计算。", null, null, null]);
        sheet.Merge(0, 0, 1, 4);
        sheet.Merge(1, 0, 2, 1);
        sheet.Merge(1, 1, 2, 1);
        sheet.Merge(1, 2, 1, 2);
        var path = store.File(name);
        await using var stream = File.Create(path);
        WorkbookWriter.Write(stream, [sheet]);
        return path;
    }

    [Fact]
    public async Task Import_DryRunOnBulletin_PrintsTheMappingAndStoresNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = await WorkbookAsync(store);

        var output = await cli.OkAsync("import", file, "--dry-run");
        var series = await cli.OkAsync("series", "510502", "gdp");

        Assert.Contains("江阳区!C2 “1-6月累计 / 绝对值” →", output, StringComparison.Ordinal);
        Assert.Contains("510502", output, StringComparison.Ordinal);
        Assert.Contains("2021-01..06", output, StringComparison.Ordinal);
        Assert.Contains("累计 cumulative", output, StringComparison.Ordinal);
        Assert.Contains("增速 growth", output, StringComparison.Ordinal);
        Assert.Contains("valid: 2 rows", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2021-01..06", series, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnmappableBulletinHeader_IsRefusedNamingTheCellAndStoresNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var file = await WorkbookAsync(store, "bad.xlsx", secondHeader: "填报人");

        var (exit, _, error) = await cli.RunAsync("import", file, "--layout", "bulletin");
        var series = await cli.OkAsync("series", "510502", "gdp");

        Assert.Equal(1, exit);
        Assert.Contains("江阳区!D3", error, StringComparison.Ordinal);
        Assert.Contains("cannot be mapped", error, StringComparison.Ordinal);
        Assert.Contains("nothing stored", error, StringComparison.Ordinal);
        Assert.DoesNotContain("2021-01..06", series, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("region")]
    [InlineData("topic")]
    public async Task ExportLayoutBulletin_ReimportedUnchanged_ChangesNothing(string by)
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var stored = await cli.OkAsync("import", await WorkbookAsync(store), "--layout", "bulletin");
        var exported = store.File("bulletin.xlsx");

        await cli.OkAsync("export", "--layout", "bulletin", "--by", by, "--period", "2021-01..06", "--out", exported);
        var again = await cli.OkAsync("import", exported);
        var series = await cli.OkAsync("series", "510502", "budget_revenue");

        Assert.Contains("inserted 2", stored, StringComparison.Ordinal);
        Assert.Contains("inserted 0, 修订 revised 0, 未变 unchanged 2", again, StringComparison.Ordinal);
        Assert.Contains("31.2亿元", series, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_DefaultAndLangEn_WriteChineseThenEnglishHeadersThatBothImport()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var zh = store.File("zh.csv");
        var en = store.File("en.csv");

        await cli.OkAsync("export", "--indicator", "gdp", "--region", "320612", "--out", zh);
        await cli.OkAsync("export", "--indicator", "gdp", "--region", "320612", "--lang", "en", "--out", en);
        var zhAgain = await cli.OkAsync("import", zh);
        var enAgain = await cli.OkAsync("import", en);

        Assert.StartsWith("地区代码,地区名称,指标代码,指标名称,统计期,数值,单位,同比增长%,限定词,来源,增速口径,同比增长(现价)%\r\n", await File.ReadAllTextAsync(zh, Ct), StringComparison.Ordinal);
        Assert.StartsWith("region,region_name,indicator,indicator_name,period,value,unit,growth,qualifier,source,growth_basis,growth_current_price_percent\r\n", await File.ReadAllTextAsync(en, Ct), StringComparison.Ordinal);
        Assert.Contains("inserted 0, 修订 revised 0", zhAgain, StringComparison.Ordinal);
        Assert.Contains("inserted 0, 修订 revised 0", enAgain, StringComparison.Ordinal);
    }
}
