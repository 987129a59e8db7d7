using Baiqiang.Core.Indicators;

namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The error kinds the hand-judged real reports showed (docs/extraction.md, "The honest figure" and "A second hand-judged set"),
/// each on sentences written for these tests: a period stated once, subjects after 实现/完成, a park's organisation name, 分别 lists
/// of abbreviated items and of levels, a comparator's figure in brackets, livestock, names cut at 有, reductions, long industry
/// lists, 持平.
/// </summary>
public sealed partial class CorpusMissTests
{
    [Fact]
    public void Period_StatedOnlyInTheFirstLine_HoldsUnderTheHeadingsBelow()
    {
        var facts = Facts("江阳区经济运行简况\n\n一季度,江阳区地区生产总值152.3亿元,增长5.6%。\n\n一、工业生产\n\n全区规模以上工业增加值增长6.8%。从主要行业看:非金属矿物制品业增长9.1%,医药制造业下降2.4%。\n\n二、固定资产投资\n\n全区固定资产投资增长4.2%,其中工业投资增长10.5%。");
        Assert.Equal(6, facts.Count);
        Assert.All(facts, f => Assert.Equal("2024-01..03", f.Period?.ToString()));
    }

    [Fact]
    public void Period_StatedOnlyInTheFirstLine_HoldsAfterALongParagraph_UntilAnotherIsStated()
    {
        var longParagraph = "1-5月,全区规模以上工业增加值增长7.7%,其中制造业增长8.2%,采矿业下降1.3%,电力、热力、燃气及水生产和供应业增长4.0%;全区规上工业企业产品销售率为96.4%,比上年同期提高0.6个百分点,工业生产总体平稳,企业订单有所回升,重点企业生产稳定。";
        var facts = Facts("1-5月江阳区经济运行\n\n" + longParagraph + "\n\n按构成分:税收收入增长3.5%,非税收入下降8.1%。\n\n6月末,全区金融机构存款余额612.4亿元,增长7.9%。");
        Assert.Equal("2024-01..05", Assert.Single(facts, f => f.GrowthPct == 3.5m).Period?.ToString());
        Assert.Equal("2024-01..05", Assert.Single(facts, f => f.GrowthPct == -8.1m).Period?.ToString());
        Assert.Equal("2024-01..06", Assert.Single(facts, f => f.Value == 612.4m).Period?.ToString());
    }

    [Theory]
    [InlineData("上半年,江阳区第一产业实现增加值18.4亿元,增长3.6%。", "primary_industry_value_added")]
    [InlineData("上半年,江阳区规模以上工业实现总产值402.7亿元,增长8.0%。", "industrial_output")]
    [InlineData("上半年,江阳区规模以上服务业实现营业收入36.2亿元,增长11.2%。", "services_revenue_above_scale")]
    [InlineData("上半年,江阳区医药制造业完成产值21.5亿元,增长6.6%。", "industrial_output.pharmaceuticals")]
    public void Subject_BeforeTheVerb_NamesTheMeasureTheVerbCompletes(string sentence, string code)
    {
        // The store's whole catalogue, as the CLI reads it (the built-in 25 have no 第一产业增加值).
        var fact = Assert.Single(new FactExtractor(Regions.SampleOnly, IndicatorCatalogue.Shipped).Extract("t.txt", sentence, June).Facts);
        Assert.Equal(code, fact.IndicatorCode?.Value);
    }

    [Fact]
    public void Subject_BeforeTheVerb_StaysInTheNameWhenTheCatalogueHasNoSuchMeasure()
    {
        var fact = Assert.Single(Facts("上半年,江阳区第一产业实现增加值18.4亿元,增长3.6%。"));
        Assert.StartsWith("第一产业", fact.Indicator, StringComparison.Ordinal);
        Assert.EndsWith("增加值", fact.Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotaQualifier_BeforeTheTotal_IsNotTheTotal()
    {
        var fact = Assert.Single(Facts("上半年,江阳区限额以上社会消费品零售总额58.3亿元,增长4.4%。"));
        Assert.NotEqual("retail_sales", fact.IndicatorCode?.Value);
        Assert.Contains("限额以上", fact.Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void CityNameInsideAParksName_IsNotTheRegion()
    {
        var facts = National("泸州高新区管委会发布:1-9月,高新区规上工业增加值增长9.2%,固定资产投资增长12.6%。");
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.NotEqual(510500, f.RegionCode?.Value));
    }

    [Fact]
    public void Respectively_AfterAbbreviatedOrdinalIndustries_GivesEachItsRate()
    {
        var facts = Facts("1-5月,江阳区二、三产业投资分别增长6.9%、0.4%。");
        Assert.Equal([("第二产业投资", 6.9m), ("第三产业投资", 0.4m)], facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
        Assert.All(facts, f => Assert.Equal(FactKind.Growth, f.Kind));
    }

    [Fact]
    public void Respectively_WithNoNamesOfItsOwn_PairsTheRatesWithTheLevelsBefore()
    {
        var facts = Facts("1-5月,江阳区财政总收入42.6亿元,其中一般公共预算收入15.1亿元,分别增长8.8%和5.2%。上半年,江阳区城镇常住居民人均可支配收入23120元,农村常住居民人均可支配收入11470元,分别增长4.9%和6.3%。");
        Assert.Equal([(42.6m, 8.8m), (15.1m, 5.2m), (23120m, 4.9m), (11470m, 6.3m)], facts.Select(f => (f.Value!.Value, f.GrowthPct!.Value)));
        Assert.All(facts, f => Assert.Equal(FactKind.Value, f.Kind));
    }

    [Fact]
    public void ComparatorsFigure_InBrackets_IsNotTheRegionsFact()
    {
        var facts = Facts("1-5月,江阳区规上工业增加值增长8.3%(全市9.6%),固定资产投资增长4.1%(全市平均3.0%)。");
        Assert.Equal([8.3m, 4.1m], facts.Select(f => f.GrowthPct!.Value));
        Assert.All(facts, f => Assert.Equal(510502, f.RegionCode?.Value));
    }

    [Fact]
    public void LivestockStocks_AreValuesNotCounts()
    {
        var facts = Facts("3月末,江阳区生猪存栏12.6万头,同比增长2.1%;牛存栏8400头,下降1.5%。");
        Assert.Equal([(12.6m, "万头", 2.1m), (8400m, "头", -1.5m)], facts.Select(f => (f.Value!.Value, f.Unit, f.GrowthPct!.Value)));
        Assert.All(facts, f => Assert.Equal(FactKind.Value, f.Kind));
    }

    [Fact]
    public void NameHoldingYou_IsNotCutThere()
    {
        var facts = Facts("1-5月,江阳区常用有色金属冶炼增长4.2%,十种有色金属产量增长3.0%。");
        Assert.Equal(2, facts.Count);
        Assert.Equal("常用有色金属冶炼", facts[0].Indicator);
        Assert.Contains("有色金属产量", facts[1].Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void Reduction_IsAChangeNotALevel()
    {
        var facts = Facts("1-5月,江阳区化学需氧量排放削减1200吨,规上工业增加值增长6.1%。");
        Assert.DoesNotContain(facts, f => f.Value == 1200m && f.Kind is FactKind.Value or FactKind.Count);
    }

    [Fact]
    public void LongListOfIndustries_BeforeRespectively_KeepsEachNameWhole()
    {
        var facts = Facts("1-5月,全区产值排前五的行业中,酒、饮料和精制茶制造业、非金属矿物制品业、计算机、通信和其他电子设备制造业、医药制造业、电力、热力生产和供应业分别增长10.2%、6.5%、15.1%、-2.3%、4.4%。");
        Assert.Equal(
            [("酒、饮料和精制茶制造业", 10.2m), ("非金属矿物制品业", 6.5m), ("计算机、通信和其他电子设备制造业", 15.1m), ("医药制造业", -2.3m), ("电力、热力生产和供应业", 4.4m)],
            facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Fact]
    public void SameAsLastYear_IsAGrowthOfZero_ButARateEqualToLastYearsIsNoFact()
    {
        var facts = Facts("1-5月,江阳区规上工业总产值128.4亿元,与去年同期持平;社会消费品零售总额与上年持平。地区生产总值增长7.1%,增幅与去年同期持平。");
        Assert.Equal([("industrial_output", 0m), ("retail_sales", 0m), ("gdp", 7.1m)], facts.Select(f => (f.IndicatorCode?.Value, f.GrowthPct!.Value)));
        Assert.Equal(128.4m, facts[0].Value);
    }
}
