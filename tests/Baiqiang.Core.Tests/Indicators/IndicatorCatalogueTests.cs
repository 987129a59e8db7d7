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
        => Assert.Equal(code, IndicatorCatalogue.Find(key)!.Code.Value);

    [Theory]
    [InlineData("Gdp")]
    [InlineData("地区生产")]
    [InlineData("")]
    [InlineData("國內生產總值")]
    public void Find_Unknown_ReturnsNull(string key)
        => Assert.Null(IndicatorCatalogue.Find(key));

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
        => Assert.Same(IndicatorCatalogue.Default[0], IndicatorCatalogue.Find("gdp"));

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
        var i = IndicatorCatalogue.Find(code)!;
        Assert.Equal(Unit.Find(unit), i.Unit);
        Assert.Equal(kind, i.Kind);
        Assert.Equal(cumulative, i.PublishedCumulatively);
    }

    [Fact]
    public void Default_AliasesAreUniqueAcrossCatalogue()
    {
        var keys = IndicatorCatalogue.Default.SelectMany(i => i.Aliases.Append(i.NameZh).Distinct(StringComparer.Ordinal)).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Default_GdpCannotBeNegative_ContributionCan()
    {
        Assert.False(IndicatorCatalogue.Find("gdp")!.AllowsNegative);
        Assert.True(IndicatorCatalogue.Find("urban_contribution")!.AllowsNegative);
        Assert.Equal(Direction.HigherIsBetter, IndicatorCatalogue.Find("gdp")!.Direction);
    }
}
