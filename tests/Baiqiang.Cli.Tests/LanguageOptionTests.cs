namespace Baiqiang.Cli.Tests;

/// <summary>The root command's <c>--lang</c>: Chinese by default everywhere a person reads, English with <c>--lang en</c>
/// before or after the subcommand; a command's own <c>--lang</c> still overrides it.</summary>
public sealed class LanguageOptionTests
{
    [Fact]
    public async Task GlobalLang_RegionKindsAndExportHeaders_ChineseByDefaultEnglishOnRequest()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var zh = await cli.OkAsync("regions", "find", "江阳区");
        Assert.Contains("市辖区", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("MunicipalDistrict", zh, StringComparison.Ordinal);
        Assert.Contains("district", await cli.OkAsync("regions", "find", "江阳区", "--lang", "en"), StringComparison.Ordinal);
        Assert.DoesNotContain("市辖区", await cli.OkAsync("--lang", "en", "regions", "find", "江阳区"), StringComparison.Ordinal);

        var file = store.File("figures.csv");
        await cli.OkAsync("export", "--indicator", "gdp", "--out", file);
        Assert.StartsWith("地区代码,地区名称", Header(file), StringComparison.Ordinal);
        await cli.OkAsync("--lang", "en", "export", "--indicator", "gdp", "--out", file);
        Assert.StartsWith("region,region_name", Header(file), StringComparison.Ordinal);
        await cli.OkAsync("--lang", "en", "export", "--indicator", "gdp", "--out", file, "--lang", "zh"); // the command's own wins
        Assert.StartsWith("地区代码,地区名称", Header(file), StringComparison.Ordinal);

        var (exit, _, error) = await cli.RunAsync("--lang", "fr", "regions", "find", "江阳区");
        Assert.NotEqual(0, exit);
        Assert.Contains("fr", error, StringComparison.Ordinal);
    }

    private static string Header(string file) => File.ReadLines(file).First().TrimStart('\uFEFF');
}
