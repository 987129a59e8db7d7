namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The corpus scorer's systematic misses (docs/extraction.md), each on sentences written for these tests: fiscal plan shares,
/// shares named after their subject, qualified catalogue names, industry names with 、, points that are comparisons, a month
/// inside a cumulative sentence, 同口径.
/// </summary>
public sealed partial class CorpusMissTests
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

    private static IReadOnlyList<ExtractedFact> National(string text)
        => new FactExtractor(Regions.National).Extract("t.txt", text, new DateOnly(2023, 10, 20)).Facts;

    [Fact]
    public void PrefectureScopeWord_WithThePrefectureNamed_IsThePrefectureNotItsNamesakeCounty()
    {
        // 阿坝日报 names the county 阿坝县 by its stem; 全州 says the page is about the whole autonomous prefecture.
        var facts = National("阿坝藏族羌族自治州1-9月重点项目推进情况\n阿坝日报 2023年10月20日\n\n全州共安排重点项目180个,年度计划投资215.6亿元。1-9月累计完成投资160.2亿元,完成年度计划的74.3%。");
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.Equal(513200, f.RegionCode?.Value));
    }

    [Fact]
    public void CountyLevelCity_SayingQuanShi_StaysTheCity()
    {
        var facts = National("阆中市2023年1-9月经济运行简况\n\n1-9月,全市地区生产总值201.3亿元,增长6.2%。全市规上工业增加值增长7.4%。");
        Assert.All(facts, f => Assert.Equal(511381, f.RegionCode?.Value));
    }

    [Fact]
    public void TraditionalPlaceName_OutsideTheCommonTable_Resolves()
    {
        var facts = National("瀏陽市1-9月財政收支情況\n\n1-9月,全市一般公共預算收入40.2億元,增長3.1%。");
        var revenue = Assert.Single(facts);
        Assert.Equal(("budget_revenue", 430181, 40.2m, 3.1m), (revenue.IndicatorCode?.Value, revenue.RegionCode?.Value, revenue.Value!.Value, revenue.GrowthPct!.Value));
    }

    [Fact]
    public void RespectivelyListOfRegions_GivesEachRegionTheMeasureInForce()
    {
        var facts = National("泸州市2023年1-9月工业运行\n\n1-9月,全市规上工业增加值增长7.5%。其中,江阳区、纳溪区和龙马潭区分别增长8.2%、5.1%和6.4%。");
        var byRegion = facts.Where(f => f.Kind == FactKind.Growth).ToDictionary(f => f.RegionCode!.Value.Value, f => (f.IndicatorCode?.Value, f.GrowthPct!.Value));
        Assert.Equal(("industrial_value_added", 8.2m), byRegion[510502]);
        Assert.Equal(("industrial_value_added", 5.1m), byRegion[510503]);
        Assert.Equal(("industrial_value_added", 6.4m), byRegion[510504]);
        Assert.DoesNotContain(facts, f => f.Indicator.Contains('区', StringComparison.Ordinal));
    }

    [Fact]
    public void CompletionRate_AfterAnInvestmentLevel_IsItsPlanShare()
    {
        var facts = Facts("1-5月,全区重点项目累计完成投资64.8亿元,投资完成率47.5%。其中,18个续建项目完成投资40.2亿元,投资完成率55.0%。");
        Assert.DoesNotContain(facts, f => f.Unit == "%");
        var key = Assert.Single(facts, f => f.IndicatorCode?.Value == "key_project_investment_completed");
        Assert.Equal((FactKind.PlanCompletion, 64.8m, 47.5m), (key.Kind, key.Value!.Value, key.PlanSharePct!.Value));
        var continuing = Assert.Single(facts, f => f.Value == 40.2m);
        Assert.Equal((FactKind.PlanCompletion, "续建项目完成投资", 55.0m), (continuing.Kind, continuing.Indicator, continuing.PlanSharePct!.Value));
    }

    [Fact]
    public void BareProjectMeasures_AfterACountOfAProjectClass_AreThatClasss()
    {
        var facts = Facts("今年,全区共安排重点项目64个,年度计划投资92.5亿元。其中,新开工项目21个,年度计划投资30.4亿元。1-5月,新开工项目完成投资11.6亿元,为年度计划的38.2%。");
        Assert.Equal("key_project_annual_plan", Assert.Single(facts, f => f.Value == 92.5m).IndicatorCode?.Value);
        Assert.Equal("新开工项目年度计划投资", Assert.Single(facts, f => f.Value == 30.4m).Indicator);
        var started = Assert.Single(facts, f => f.Value == 11.6m);
        Assert.Equal(("新开工项目完成投资", 38.2m), (started.Indicator, started.PlanSharePct!.Value));
    }

    [Fact]
    public void HeadingSubject_NamesTheBareInvestmentUnderIt()
    {
        var facts = Facts("1-5月江阳区重点项目推进情况\n\n今年以来,各项目单位倒排工期,加快推进建设。\n\n——重大交通项目\n累计完成投资12.3亿元,完成年度计划的41.0%。\n\n——重大产业项目\n累计完成投资20.6亿元,完成年度计划的45.2%。");
        Assert.Equal(["重大交通项目完成投资", "重大产业项目完成投资"], facts.Where(f => f.Kind == FactKind.PlanCompletion).Select(f => f.Indicator));
    }

    [Fact]
    public void ShareOfTheGoalAlreadyCompleted_IsAPlanShareNotATarget()
    {
        var fact = Assert.Single(Facts("1-5月,江阳区规上工业总产值96.4亿元,同比增长6.3%,完成年初目标的40.1%。"));
        Assert.Equal((FactKind.PlanCompletion, 96.4m, 6.3m, 40.1m), (fact.Kind, fact.Value!.Value, fact.GrowthPct!.Value, fact.PlanSharePct!.Value));
    }
}
