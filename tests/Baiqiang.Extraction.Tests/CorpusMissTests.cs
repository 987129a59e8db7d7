namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The corpus scorer's systematic misses (docs/extraction.md), each on sentences written for these tests: fiscal plan shares,
/// shares named after their subject, qualified catalogue names, industry names with 、, points that are comparisons, a month
/// inside a cumulative sentence, 同口径.
/// </summary>
public sealed class CorpusMissTests
{
    private static readonly DateOnly June = new(2024, 6, 20);

    private static IReadOnlyList<ExtractedFact> Facts(string text)
        => new FactExtractor(Regions.SampleOnly).Extract("t.txt", text, June).Facts;

    [Fact]
    public void PlanShare_OfTheBudgetWithItsFigure_GoesToTheLevelAndTheBudgetIsNoFact()
    {
        var facts = Facts("截至5月,江阳区一般公共预算收入累计完成31200万元,为年初预算数80500万元的38.8%,与上年相比减收830万元,下降2.6%。");
        var revenue = Assert.Single(facts, f => f.Kind == FactKind.PlanCompletion);
        Assert.Equal(("budget_revenue", 31200m, "万元", 38.8m, -2.6m), (revenue.IndicatorCode?.Value, revenue.Value!.Value, revenue.Unit, revenue.PlanSharePct!.Value, revenue.GrowthPct!.Value));
        Assert.DoesNotContain(facts, f => f.Value == 80500m);
        Assert.DoesNotContain(facts, f => f.Kind is FactKind.Value or FactKind.Share && f.Unit == "%");
    }

    [Fact]
    public void PlanShare_CompletedOfTheYearsBudget_AfterTheGrowth_IsThePlanShareOfTheLevel()
    {
        var fact = Assert.Single(Facts("1-5月,江阳区一般公共预算支出52.4亿元,增长3.9%,完成年度预算的47.1%。"));
        Assert.Equal((FactKind.PlanCompletion, 52.4m, 3.9m, 47.1m, "2024-01..05"), (fact.Kind, fact.Value!.Value, fact.GrowthPct!.Value, fact.PlanSharePct!.Value, fact.Period?.ToString()));
    }

    [Fact]
    public void Share_OfAMeasureWhoseNameHoldsBudget_IsAShareNotAPlanShare()
    {
        var facts = Facts("1-5月,江阳区税收收入30.2亿元,增长2.2%,占一般公共预算收入的71.4%。");
        var tax = Assert.Single(facts, f => f.Kind == FactKind.Value);
        Assert.Equal(("tax_revenue", 30.2m, 2.2m, (decimal?)null), (tax.IndicatorCode?.Value, tax.Value!.Value, tax.GrowthPct!.Value, tax.PlanSharePct));
        var share = Assert.Single(facts, f => f.Kind == FactKind.Share);
        Assert.Equal(71.4m, share.Value);
        Assert.StartsWith("税收收入", share.Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void Share_WithNoWordsOfItsOwn_IsOfTheSubjectBeforeIt_AndTheWholesScopeIsNotTheRegion()
    {
        var share = Assert.Single(Facts("1-5月,江阳区民间投资同比增长4.7%,占全市民间投资的比重为55.2%。"), f => f.Kind == FactKind.Share);
        Assert.StartsWith("民间投资", share.Indicator, StringComparison.Ordinal);
        Assert.Equal((55.2m, 510502), (share.Value!.Value, share.RegionCode?.Value)); // 全市 after 占 is the whole, not the region
    }

    [Theory]
    [InlineData("上半年,江阳区城镇常住居民人均可支配收入26810元,增长4.5%。", "城镇常住居民人均可支配收入")]
    [InlineData("上半年,江阳区人均地区生产总值41200元,增长5.1%。", "人均地区生产总值")]
    [InlineData("上半年,江阳区规模以上服务业企业实现营业收入12.6亿元,增长7.7%。", "规模以上服务业企业实现营业收入")]
    public void QualifiedCatalogueName_IsItsOwnMeasure(string sentence, string name)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.Equal((name, (string?)null), (fact.Indicator, fact.IndicatorCode?.Value));
    }

    [Theory]
    [InlineData("上半年,江阳区地方一般公共预算收入18.6亿元,增长3.3%。", "budget_revenue")]
    [InlineData("6月末,江阳区金融机构人民币存款余额812.5亿元,增长9.1%。", "deposits_balance")]
    [InlineData("上半年,江阳区全体居民人均可支配收入24300元,增长5.0%。", "per_capita_disposable_income")]
    public void NeutralWordsBeforeACatalogueName_KeepItsCode(string sentence, string code)
        => Assert.Equal(code, Assert.Single(Facts(sentence)).IndicatorCode?.Value);

    [Fact]
    public void IndustryNameWithEnumerationComma_BeforeItsGrowth_IsNotCut()
    {
        var facts = Facts("1-5月,江阳区计算机、通信和其他电子设备制造业增长12.5%,酒、饮料和精制茶制造业增长6.1%,汽车制造业下降1.2%。");
        Assert.Equal(["计算机、通信和其他电子设备制造业", "酒、饮料和精制茶制造业", "汽车制造业"], facts.Select(f => f.Indicator));
        Assert.Equal([12.5m, 6.1m, -1.2m], facts.Select(f => f.GrowthPct!.Value));
    }

    [Fact]
    public void PointsThatPullNothing_AreComparisonsOfTheRateBefore_AndDownwardPullsAreNegative()
    {
        var facts = Facts("1-5月,江阳区固定资产投资下降3.2%,降幅比1-4月收窄1.5个百分点。采矿业增加值下降4.0%,下拉全区规上工业增加值增长0.6个百分点。");
        Assert.DoesNotContain(facts, f => f.Kind == FactKind.Growth && f.Unit == "个百分点");
        var comparison = Assert.Single(facts, f => f.Kind == FactKind.Comparison);
        Assert.Equal(("fixed_asset_investment", 1.5m), (comparison.IndicatorCode?.Value, comparison.Value!.Value));
        var pull = Assert.Single(facts, f => f.Kind == FactKind.Pull);
        Assert.Equal(("industrial_value_added", -0.6m), (pull.IndicatorCode?.Value, pull.Value!.Value));
    }

    [Fact]
    public void SingleMonthInsideACumulativeSentence_DoesNotSetTheNextSentencesPeriod()
    {
        var facts = Facts("1-5月,江阳区规上工业增加值同比增长6.8%,其中5月份增长8.1%。社会消费品零售总额增长4.2%。");
        Assert.Equal("2024-01..05", Assert.Single(facts, f => f.IndicatorCode?.Value == "retail_sales").Period?.ToString());
        Assert.Equal("2024-01..05", facts[0].Period?.ToString());
    }

    [Fact]
    public void GrowthOnTheSameBasis_JoinsItsLevel()
    {
        var fact = Assert.Single(Facts("前三季度,江阳区一般公共预算收入70.1亿元,同口径下降9.4%。"));
        Assert.Equal(("budget_revenue", 70.1m, -9.4m), (fact.IndicatorCode?.Value, fact.Value!.Value, fact.GrowthPct!.Value));
    }
}
