namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang series REGION INDICATOR --derived</c>: 占比, 贡献率, 拉动 and 首位度 from the catalogue's parent, each with its
/// formula and inputs. Test figures, not published statistics.</summary>
public sealed class SeriesDerivedCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Series_Derived_PrintsFormulasAndInputs_AndNamesWhatIsMissing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("regions", "import", SharedData.Path("divisions"));
        var file = store.File("parts.csv");
        await File.WriteAllTextAsync(file, """
            region,indicator,period,value,unit,growth
            510502,gdp,2022,1100,亿元,
            510502,gdp,2023,1200,亿元,
            510502,第二产业增加值,2022,450,亿元,
            510502,第二产业增加值,2023,500,亿元,
            510500,第二产业增加值,2023,2000,亿元,
            510503,gdp,2022,300,亿元,
            510503,gdp,2023,330,亿元,
            510503,第一产业增加值,2023,60,亿元,20
            """ + "\n", Ct);
        await cli.OkAsync("import", file);

        var output = await cli.OkAsync("series", "江阳区", "第二产业增加值", "--derived");
        var other = await cli.OkAsync("series", "510503", "第一產業增加值", "--derived", "--period", "2023");
        var badPeriod = await cli.RunAsync("series", "510502", "gdp", "--derived", "--period", "二〇二三");

        Assert.Contains("派生指标 derived figures · 2023 · 上级 parent: gdp", output, StringComparison.Ordinal);
        Assert.Contains("占比 share: 41.67%", output, StringComparison.Ordinal);
        Assert.Contains("公式 formula: (500 − 450) ÷ (1200 − 1100) × 100 = 50 ÷ 100 × 100 = 50.00%", output, StringComparison.Ordinal);
        Assert.Contains("拉动 pull: 4.55个百分点 points", output, StringComparison.Ordinal);
        Assert.Contains("首位度 primacy: 25.00%", output, StringComparison.Ordinal);
        Assert.Contains("数据 inputs: part 510502 secondary_industry_value_added 2023 = 500亿元; prefecture 510500 secondary_industry_value_added 2023 = 2000亿元", output, StringComparison.Ordinal);
        Assert.Contains("part_previous 510503 primary_industry_value_added 2022 = 50亿元（由增速推算 from growth）", other, StringComparison.Ordinal);
        Assert.Contains("贡献率 contribution: 33.33%", other, StringComparison.Ordinal);
        Assert.Contains("未计算 not computed: 所属市2023第一产业增加值无数据，不计算首位度", other, StringComparison.Ordinal);
        Assert.Equal(2, badPeriod.Exit);
    }
}
