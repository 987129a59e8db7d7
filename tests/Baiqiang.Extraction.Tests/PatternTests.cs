namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The ten constructions of issue 17 that a reading by roles must get right, each on sentences written for these tests
/// (after the constructions county bulletins use; not copied from any report).
/// </summary>
public sealed class PatternTests
{
    private static readonly DateOnly July = new(2024, 7, 20);

    private static IReadOnlyList<ExtractedFact> Facts(string text, DateOnly? date = null)
        => new FactExtractor(Regions.SampleOnly).Extract("t.txt", text, date ?? July).Facts;

    // 1. A comparison or rank after a growth belongs to that growth's indicator and region; the comparator is not a region.
    [Fact]
    public void Pattern1_ComparisonAndRankAfterGrowth_BelongToTheGrowthsIndicatorAndRegion()
    {
        var facts = Facts("上半年,江阳区规上工业增加值同比增长8.2%,增速高于全市平均1.5个百分点,低于全省0.4个百分点,位居全市第二。");
        var growth = Assert.Single(facts, f => f.Kind == FactKind.Growth);
        Assert.Equal(8.2m, growth.GrowthPct);
        var comparisons = facts.Where(f => f.Kind == FactKind.Comparison).ToList();
        Assert.Equal([("全市平均", 1.5m), ("全省", -0.4m)], comparisons.Select(c => (c.Comparator!, c.Value!.Value)));
        var rank = Assert.Single(facts, f => f.Kind == FactKind.Rank);
        Assert.Equal(2m, rank.Value);
        Assert.All(facts, f => Assert.Equal("industrial_value_added", f.IndicatorCode?.Value));
        Assert.All(facts, f => Assert.Equal(510502, f.RegionCode?.Value)); // 江阳区, not 泸州市 (全市 is the comparator and the group)
        Assert.All(facts, f => Assert.Equal("2024-01..06", f.Period?.ToString()));
    }

    [Fact]
    public void Pattern1_ComparisonWithAnEarlierPeriod_IsAComparisonNamingIt()
    {
        var c = Assert.Single(Facts("1-6月,江阳区固定资产投资增长4.6%,增速比一季度回落2.3个百分点。"), f => f.Kind == FactKind.Comparison);
        Assert.Equal(("一季度", -2.3m, "fixed_asset_investment"), (c.Comparator, c.Value!.Value, c.IndicatorCode?.Value));
    }

    // 2. A name separated from its figure by a verb, a count or a bracket keeps its subject.
    [Fact]
    public void Pattern2_CountBeforeAVerb_KeepsTheSubjectAndCountsIt()
    {
        var facts = Facts("上半年,全县136个续建项目完成投资58.2亿元。");
        var count = Assert.Single(facts, f => f.Kind == FactKind.Count);
        Assert.Equal(("续建项目", 136m), (count.Indicator, count.Value!.Value));
        var value = Assert.Single(facts, f => f.Kind == FactKind.Value);
        Assert.Equal(("续建项目完成投资", 58.2m), (value.Indicator, value.Value!.Value));
    }

    [Fact]
    public void Pattern2_BracketBetweenNameAndRate_DoesNotCutTheName()
    {
        var fact = Assert.Single(Facts("上半年,全县规上工业增加值(按可比价计算)增长7.1%。"));
        Assert.Equal(("industrial_value_added", 7.1m), (fact.IndicatorCode?.Value, fact.GrowthPct!.Value));
    }

    // 3. Periods: N月…累计 is 1..N月; 占全年计划 keeps the period; 当月 does not carry; a heading's period carries.
    [Fact]
    public void Pattern3_MonthThenCumulative_IsTheYearToDate()
    {
        var fact = Assert.Single(Facts("6月份,全县累计完成固定资产投资45.3亿元,占全年计划的51.2%。"));
        Assert.Equal("2024-01..06", fact.Period?.ToString());
        Assert.Equal((FactKind.PlanCompletion, 51.2m), (fact.Kind, fact.PlanSharePct!.Value));
    }

    [Fact]
    public void Pattern3_CurrentMonthClause_DoesNotSetTheNextSentencesPeriod()
    {
        var facts = Facts("上半年,全县社会消费品零售总额60.2亿元。6月当月,全县社会消费品零售总额10.4亿元。全县一般公共预算收入9.1亿元。");
        Assert.Equal(["2024-01..06", "2024-06", "2024-01..06"], facts.Select(f => f.Period?.ToString()));
    }

    [Fact]
    public void Pattern3_HeadingPeriod_CarriesIntoLongParagraphsUnderIt()
    {
        var filler = string.Concat(Enumerable.Repeat("全县上下坚持稳中求进工作总基调,扎实推进各项工作,", 7)); // ≥ 150 characters: a long paragraph
        var facts = Facts($"一、上半年主要经济指标\n{filler}全县地区生产总值152.6亿元,同比增长6.3%。\n{filler}全县一般公共预算收入9.6亿元。");
        Assert.All(facts, f => Assert.Equal("2024-01..06", f.Period?.ToString()));
        Assert.Equal(2, facts.Count);
    }

    // 4. Industry names keep their 和/及/、; an alias never matches inside a longer different name.
    [Fact]
    public void Pattern4_IndustryNamesWithConjunctions_AreNotCut()
    {
        var facts = Facts("上半年,全县橡胶和塑料制品业增加值增长9.6%,电力、热力、燃气及水生产和供应业增加值增长4.2%。");
        Assert.Equal(["橡胶和塑料制品业增加值", "电力、热力、燃气及水生产和供应业增加值"], facts.Select(f => f.Indicator));
    }

    [Fact]
    public void Pattern4_AliasInsideALongerName_IsNotThatIndicator()
    {
        var fact = Assert.Single(Facts("上半年,全县非税收入2.3亿元。"));
        Assert.Null(fact.IndicatorCode); // 税收 is tax revenue; 非税收入 is not
        Assert.Equal("非税收入", fact.Indicator);
    }

    // 5. 分别占年计划的a%、b%、c% pairs in order; 为年计划的X% is the plan share of the item before it.
    [Fact]
    public void Pattern5_RespectivePlanShares_PairWithTheListedItemsInOrder()
    {
        var facts = Facts("上半年,全县工业投资、基础设施投资、民生投资分别完成12.4亿元、8.6亿元、5.2亿元,分别占年计划的52.1%、48.3%、61.0%。");
        Assert.Equal(
            [("工业投资", 12.4m, 52.1m), ("基础设施投资", 8.6m, 48.3m), ("民生投资", 5.2m, 61.0m)],
            facts.Select(f => (f.Indicator, f.Value!.Value, f.PlanSharePct!.Value)));
        Assert.All(facts, f => Assert.Equal(FactKind.PlanCompletion, f.Kind));
    }

    [Fact]
    public void Pattern5_PlanShareAfterAFigure_IsThatFiguresNotANewFact()
    {
        var fact = Assert.Single(Facts("上半年,全县重点项目完成投资25.6亿元,为年计划的55.0%。"));
        Assert.Equal((25.6m, 55.0m), (fact.Value!.Value, fact.PlanSharePct!.Value));
        Assert.Empty(Facts("上半年,为年计划的55.0%。"));
    }

    // 6. X占比为a%,同比增长b%: the growth goes to X's level, or to X, never to the share.
    [Fact]
    public void Pattern6_GrowthAfterAShare_GoesToTheLevelBeforeIt()
    {
        var facts = Facts("上半年,全县高新技术产业产值86.4亿元,占规上工业产值比重为41.2%,同比增长12.3%。");
        var level = Assert.Single(facts, f => f.Kind == FactKind.Value);
        Assert.Equal((86.4m, 12.3m), (level.Value!.Value, level.GrowthPct!.Value));
        var share = Assert.Single(facts, f => f.Kind == FactKind.Share);
        Assert.Equal(41.2m, share.Value);
        Assert.Null(share.GrowthPct);
    }

    [Fact]
    public void Pattern6_GrowthAfterAShareWithoutLevel_GoesToTheSharesSubject()
    {
        var facts = Facts("上半年,全县数字经济核心产业增加值占GDP比重为9.8%,同比增长11.5%。");
        var share = Assert.Single(facts, f => f.Kind == FactKind.Share);
        Assert.Null(share.IndicatorCode); // not GDP: GDP is the whole
        var growth = Assert.Single(facts, f => f.Kind == FactKind.Growth);
        Assert.Equal(("数字经济核心产业增加值", 11.5m), (growth.Indicator, growth.GrowthPct!.Value));
    }

    // 7. A bracketed earlier rate is the earlier period's growth; an increment is not a level and takes no growth.
    [Fact]
    public void Pattern7_BracketedEarlierRate_IsTheEarlierPeriodsGrowth()
    {
        var facts = Facts("1-6月,全县固定资产投资增长5.2%,增速较一季度(-10.8%)回升16.0个百分点。");
        Assert.Contains(facts, f => f.Kind == FactKind.Growth && f.GrowthPct == 5.2m && f.Period?.ToString() == "2024-01..06");
        Assert.Contains(facts, f => f.Kind == FactKind.Growth && f.GrowthPct == -10.8m && f.Period?.ToString() == "2024-01..03" && f.IndicatorCode?.Value == "fixed_asset_investment");
        Assert.Contains(facts, f => f.Kind == FactKind.Comparison && f.Value == 16.0m && f.Comparator == "一季度");
    }

    [Fact]
    public void Pattern7_IncrementAfterALevel_IsAnIncrementAndTheGrowthStaysWithTheLevel()
    {
        var facts = Facts("6月末,全县金融机构贷款余额182.0亿元,比年初增加12.6亿元,同比增长7.4%。");
        var level = Assert.Single(facts, f => f.Kind == FactKind.Value);
        Assert.Equal((182.0m, 7.4m), (level.Value!.Value, level.GrowthPct!.Value));
        var increment = Assert.Single(facts, f => f.Kind == FactKind.Increment);
        Assert.Equal((12.6m, "loans_balance"), (increment.Value!.Value, increment.IndicatorCode?.Value));
        Assert.Null(increment.GrowthPct);
    }

    // 8. A place inside a name is not the region; a heading naming another zone switches the region until the next heading.
    [Fact]
    public void Pattern8_PlaceInsideAnOrganisationsName_IsNotTheRegion()
    {
        var facts = Facts("上半年,江阳区规上工业总产值增长9.1%。江阳区人民医院门诊楼项目完成投资2.1亿元。", July);
        Assert.All(facts, f => Assert.Equal(510502, f.RegionCode?.Value));
        var facts2 = Facts("上半年,安义县地区生产总值增长6.1%。江阳区人民医院门诊楼项目完成投资2.1亿元。");
        Assert.All(facts2, f => Assert.Equal(360123, f.RegionCode?.Value));
    }

    [Fact]
    public void Pattern8_HeadingNamingAZone_SwitchesTheRegionUntilTheNextHeading()
    {
        var facts = Facts("一、安义县\n上半年,全县地区生产总值125.0亿元。\n二、安义高新园区\n上半年,园区实现营业收入45.2亿元。\n规上工业增加值增长9.0%。\n三、安义县财政\n全县一般公共预算收入6.1亿元。");
        Assert.Equal([360123, 360123401, 360123401, 360123], facts.Select(f => f.RegionCode!.Value.Value));
    }

    // 9. A goal word governing the clause or paragraph makes targets; 以上/不低于 stay as qualifiers.
    [Fact]
    public void Pattern9_GoalWordLeadingTheParagraph_MakesEveryFigureATargetWithItsQualifier()
    {
        var facts = Facts("今年主要预期目标:全县地区生产总值增长6%以上;一般公共预算收入增长不低于5%;固定资产投资完成80亿元。", July);
        Assert.Equal(3, facts.Count);
        Assert.All(facts, f => Assert.Equal(FactKind.Target, f.Kind));
        Assert.Equal(["以上", "以上", null], facts.Select(f => f.QualifierText));
    }

    [Fact]
    public void Pattern9_WillAndExpected_AreTargetsObservationsAreNot()
    {
        var facts = Facts("上半年,全县工业投资增长9.2%。预计全年工业投资将超过50亿元。");
        Assert.Equal([FactKind.Growth, FactKind.Target], facts.Select(f => f.Kind));
        Assert.Equal("超", facts[1].QualifierText);
    }

    // 10. List sizes, one-of-N and malformed numbers are not facts.
    [Theory]
    [InlineData("全县围绕5个产业生态圈,出台2个文件。")]
    [InlineData("全县是全省10个试点县之一。")]
    [InlineData("全县规上工业增加值增长14..3%。")]
    public void Pattern10_ListSizesOneOfNAndMalformedNumbers_AreNotFacts(string text) => Assert.Empty(Facts(text));
}
