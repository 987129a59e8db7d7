using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Core.Tests.Indicators;

public sealed class IndicatorCatalogueTests
{
    [Theory]
    [InlineData("gdp", "gdp")]
    [InlineData("GDP", "gdp")]
    [InlineData("地区生产总值", "gdp")]
    [InlineData("生产总值", "gdp")]
    [InlineData("一般公共预算收入", "budget_revenue")]
    [InlineData("地方一般公共预算收入", "budget_revenue")]
    [InlineData("规模以上工业增加值", "industrial_value_added")]
    [InlineData("规模以上工业总产值", "industrial_output")]
    [InlineData("工业总产值", "industrial_output_total")]
    [InlineData("社消零", "retail_sales")]
    [InlineData("社会消费品零售额", "retail_sales")]
    [InlineData("全社会固定资产投资", "fixed_asset_investment")]
    [InlineData("进出口总额", "trade_total")]
    [InlineData("税收收入", "tax_revenue")]
    [InlineData("高新产值占比", "high_tech_output_share")]
    [InlineData("城区首位度", "urban_primacy")]
    [InlineData("城区贡献度", "urban_contribution")]
    [InlineData(" 常住人口 ", "resident_population")]
    [InlineData("重点项目完成投资", "key_project_investment_completed")]
    [InlineData("存款余额", "deposits_balance")]
    public void Find_CodeNameOrAlias_ReturnsIndicator(string key, string code)
        => Assert.Equal(code, Catalogue.Shipped.Find(key)!.Code.Value);

    [Theory]
    [InlineData("地区生产")]
    [InlineData("")]
    [InlineData("第四产业增加值")]
    public void Find_Unknown_ReturnsNull(string key)
        => Assert.Null(Catalogue.Shipped.Find(key));

    [Fact]
    public void Default_HasRequiredCodesOnce()
    {
        var codes = IndicatorCatalogue.Default.Select(i => i.Code.Value).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        string[] required =
        [
            "gdp", "budget_revenue", "industrial_value_added", "industrial_output", "industrial_output_total", "retail_sales",
            "services_value_added", "fixed_asset_investment", "industrial_investment", "trade_total", "exports", "operating_revenue",
            "tax_revenue", "urban_primacy", "urban_contribution", "resident_population", "high_tech_output_share",
            "enterprises_above_scale", "key_projects_count", "key_project_investment_completed", "key_project_annual_plan",
            "general_budget_expenditure", "per_capita_disposable_income", "loans_balance", "deposits_balance",
        ];
        Assert.All(required, c => Assert.Contains(c, codes));
    }

    [Fact]
    public void Find_ReturnsSameInstanceAsDefault()
        => Assert.Same(IndicatorCatalogue.Default[0], Catalogue.Shipped.Find("gdp"));

    [Theory]
    [InlineData("國內生產總值", "gdp")]
    [InlineData("Gdp", "gdp")]
    [InlineData("規模以上工業增加值", "industrial_value_added")]
    [InlineData("社 消 零", "retail_sales")]
    [InlineData("固定資產投資（不含農戶）", "fixed_asset_investment_excl_rural")]
    [InlineData("gross regional product", "gdp")]
    [InlineData("橡膠和塑料製品業增加值", "industrial_value_added.rubber_plastics")]
    public void Find_TraditionalCaseSpacesOrEnglish_ResolvesThroughOneDictionary(string key, string code)
        => Assert.Equal(code, Catalogue.Shipped.Find(key)!.Code.Value);

    [Fact]
    public void Shipped_AtLeast150EntriesWithKnownParentsAndCategories()
    {
        var shipped = IndicatorCatalogue.Shipped;
        Assert.True(shipped.Count >= 150, $"{shipped.Count} entries");
        Assert.All(shipped, i => Assert.NotEmpty(i.Category));
        Assert.All(shipped, i => Assert.NotEmpty(i.Description));
        Assert.All(shipped.Where(i => i.Parent is not null), i => Assert.NotNull(Catalogue.Shipped.Get(i.Parent!.Value)));
        Assert.Equal("secondary_industry_value_added", Catalogue.Shipped.Find("工业增加值")!.Parent!.Value.Value);
        Assert.True(Catalogue.Shipped.Children(new IndicatorCode("industrial_value_added.manufacturing")).Count >= 20);
        Assert.Contains("地區生產總值", Catalogue.Shipped.Find("gdp")!.Aliases);
    }

    [Theory]
    [InlineData("地区生产总值", "地區生產總值")]
    [InlineData("采矿业增加值", "採礦業增加值")]
    [InlineData("GDP", "GDP")]
    [InlineData("核心产业营业收入", "核心產業營業收入")]
    public void ToTraditionalForm_UnambiguousOrPreferredCharacters_Converted(string simplified, string traditional)
        => Assert.Equal(traditional, IndicatorCatalogue.ToTraditionalForm(simplified));

    [Fact]
    public void Parse_BadKind_NamesTheLine()
    {
        var text = "code\tname_zh\tname_en\tunit\tkind\taccumulation\tdirection\tcategory\tparent\tcomparable_growth\tallows_negative\taliases\tdescription\n"
            + "x_ok\t甲\ta\t亿元\tflow\tcumulative\tup\t工业\t\tno\tno\t\t说明\n"
            + "x_bad\t乙\tb\t亿元\twave\tcumulative\tup\t工业\t\tno\tno\t\t说明\n";
        var e = Assert.Throws<FormatException>(() => IndicatorCatalogue.Parse(new StringReader(text)));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("wave", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gdp", "亿元", IndicatorKind.Flow, true)]
    [InlineData("resident_population", "万人", IndicatorKind.Stock, false)]
    [InlineData("urban_primacy", "%", IndicatorKind.Rate, false)]
    [InlineData("enterprises_above_scale", "家", IndicatorKind.Stock, false)]
    [InlineData("key_projects_count", "个", IndicatorKind.Stock, false)]
    [InlineData("loans_balance", "亿元", IndicatorKind.Stock, false)]
    [InlineData("per_capita_disposable_income", "元", IndicatorKind.Flow, true)]
    [InlineData("key_project_investment_completed", "亿元", IndicatorKind.Flow, true)]
    public void Default_UnitKindCumulative(string code, string unit, IndicatorKind kind, bool cumulative)
    {
        var i = Catalogue.Shipped.Find(code)!;
        Assert.Equal(Unit.Find(unit), i.Unit);
        Assert.Equal(kind, i.Kind);
        Assert.Equal(cumulative, i.PublishedCumulatively);
    }

    [Fact]
    public void Default_AliasesAreUniqueAcrossCatalogue()
    {
        var keys = IndicatorCatalogue.Default.SelectMany(i => i.Aliases.Append(i.NameZh).Append(i.Code.Value).Select(Catalogue.Key).Distinct(StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Default_GdpCannotBeNegative_ContributionCan()
    {
        Assert.False(Catalogue.Shipped.Find("gdp")!.AllowsNegative);
        Assert.True(Catalogue.Shipped.Find("urban_contribution")!.AllowsNegative);
        Assert.Equal(Direction.HigherIsBetter, Catalogue.Shipped.Find("gdp")!.Direction);
    }
}
