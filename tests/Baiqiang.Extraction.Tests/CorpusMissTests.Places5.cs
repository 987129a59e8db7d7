namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The fifth hand-judged set's error kinds that branch rules-places reads (docs/extraction.md, "Rules for the fifth set's error
/// kinds, rules-places"), each on sentences written for these tests: a zone name the registry holds for another place, year-less
/// months on a page published early in the next year, 累计 under a single month, structures and time-plan comparisons that are
/// not facts, a growth after a time-plan comparison, and names listed in the sentence before 分别.
/// </summary>
public sealed partial class CorpusMissTests
{
    private static IReadOnlyList<ExtractedFact> NoPreferenceOn(string text, DateOnly date)
        => new FactExtractor(Regions.NationalNoPreference).Extract("t.txt", text, date).Facts;

    private static readonly DateOnly MidNovember = new(2023, 11, 15);

    [Theory]
    [InlineData("前三季度,滨海新区实现地区生产总值512.4亿元,同比增长7.1%,增速居全省新区第二位。")]
    [InlineData("前三季度,滨海新区实现地区生产总值512.4亿元,同比增长7.1%。")]
    [InlineData("绍兴滨海新区前三季度经济运行情况\n\n前三季度,滨海新区实现地区生产总值512.4亿元,同比增长7.1%。")]
    public void Region_AZoneNameSharedWithOtherPlacesAndNoParentNamed_IsNoRegion(string text)
    {
        // 滨海 is also 滨海县 (320922), and provinces name their own zones 滨海新区: without 天津 on the page the zone is not 120116 —
        // and with 绍兴 glued before it, it is 绍兴's own zone, not 绍兴市 (330600) either.
        var fact = Assert.Single(NationalOn(text, MidNovember), f => f.Kind == FactKind.Value);
        Assert.Equal(512.4m, fact.Value);
        Assert.All(NationalOn(text, MidNovember), f => Assert.Null(f.RegionCode));
    }

    [Theory]
    [InlineData("前三季度,天津市滨海新区实现地区生产总值512.4亿元,同比增长7.1%。")]
    [InlineData("天津滨海新区前三季度经济运行情况\n\n前三季度,滨海新区实现地区生产总值512.4亿元,同比增长7.1%。")]
    public void Region_AZoneNameSharedWithOtherPlacesWithItsMunicipalityNamed_IsTheRegistrysZone(string text)
    {
        var fact = Assert.Single(NationalOn(text, MidNovember));
        Assert.Equal("120116", fact.RegionCode?.ToString());
    }

    [Fact]
    public void Region_AUniqueNewZoneName_StaysResolvedWithoutItsParent()
    {
        // 浦东 names no other place: 浦东新区 is 310115 though the page does not say 上海.
        var fact = Assert.Single(NationalOn("前三季度,浦东新区实现地区生产总值1.2万亿元,同比增长5.1%。", MidNovember));
        Assert.Equal("310115", fact.RegionCode?.ToString());
    }

    [Theory]
    [InlineData("1-6月,通州区地区生产总值612.3亿元,同比增长6.4%,增速居全省第三。", "320612")]
    [InlineData("1-6月,通州区地区生产总值612.3亿元,同比增长6.4%,高于全省平均1.2个百分点。", "320612")]
    [InlineData("1-6月,通州区地区生产总值612.3亿元,同比增长6.4%。", null)]
    public void Region_AnAmbiguousNameOnAPageThatSpeaksOfItsProvince_IsNotTheMunicipalitysDistrict(string sentence, string? code)
    {
        // 通州区 is 北京's 110112 and 南通's 320612; a page that speaks of 全省 is in a province, so not 北京. Without such a word
        // (and with no preferred region) the name stays unresolved.
        var fact = Assert.Single(NoPreferenceOn(sentence, new DateOnly(2024, 7, 25)), f => f.Kind == FactKind.Value);
        Assert.Equal(code, fact.RegionCode?.ToString());
    }

    [Theory]
    [InlineData("1-12月,全市规模以上工业增加值同比增长4.3%。", 2025, 3, 31, "2024")]
    [InlineData("1-11月,全县固定资产投资同比下降2.6%。", 2025, 1, 18, "2024-01..11")]
    [InlineData("12月份,全县社会消费品零售总额同比增长3.2%。", 2025, 2, 10, "2024-12")]
    [InlineData("一至十二月,全县一般公共预算收入同比增长1.8%。", 2025, 3, 5, "2024")]
    public void Period_YearlessMonthsEndingAfterThePublicationMonth_AreLastYears(string sentence, int y, int m, int d, string period)
    {
        var fact = Assert.Single(Facts(sentence, new DateOnly(y, m, d)));
        Assert.Equal(period, fact.Period?.ToString());
        Assert.NotEqual(FactKind.Target, fact.Kind);
    }

    [Theory]
    [InlineData("1-3月,全市规模以上工业增加值同比增长4.3%。", 2025, 3, 31, "2025-01..03")]
    [InlineData("1-2月,全县固定资产投资同比下降2.6%。", 2025, 3, 12, "2025-01..02")]
    [InlineData("1-12月,全市规模以上工业增加值同比增长4.3%。", 2024, 12, 31, "2024")]
    [InlineData("2024年1-12月,全市规模以上工业增加值同比增长4.3%。", 2025, 3, 31, "2024")]
    public void Period_YearlessMonthsUpToThePublicationMonth_StayInItsYear(string sentence, int y, int m, int d, string period)
    {
        var fact = Assert.Single(Facts(sentence, new DateOnly(y, m, d)));
        Assert.Equal(period, fact.Period?.ToString());
    }

    [Fact]
    public void Period_YearlessMonthsEndingAfterAMidYearDate_KeepTheirYear()
    {
        // Only a date in the first four months makes late months last year's: in June, 1-9月 is more likely a goal or a stated date.
        var fact = Assert.Single(Facts("1-9月,全县规模以上工业增加值同比增长4.3%。", new DateOnly(2025, 6, 20)));
        Assert.Equal("2025-01..09", fact.Period?.ToString());
    }

    [Fact]
    public void Period_累计InASentenceUnderASingleMonth_IsTheYearToDateForTheFigureAfterIt()
    {
        var facts = Facts("2024年5月份,全县税收收入4210万元,同比下降12.5%;非税收入累计完成9870万元,同比下降20.1%。", June);
        Assert.Equal("2024-05", Assert.Single(facts, f => f.Value == 4210m).Period?.ToString());
        Assert.Equal("2024-01..05", Assert.Single(facts, f => f.Value == 9870m).Period?.ToString());
    }

    [Fact]
    public void Period_累计UnderASingleMonth_HoldsForItsSentenceOnly()
    {
        var facts = Facts("2024年5月份,全县税收收入4210万元,同比下降12.5%;非税收入累计完成9870万元。全县契税收入650万元,同比增长3.1%。", June);
        Assert.Equal("2024-01..05", Assert.Single(facts, f => f.Value == 9870m).Period?.ToString());
        Assert.Equal("2024-05", Assert.Single(facts, f => f.Value == 650m).Period?.ToString());
    }

    [Theory]
    [InlineData("2023年,江阳区地区生产总值321.5亿元,增长6.1%。三次产业结构由12.4%、38.7%和48.9%调整为11.8%、37.9%和50.3%。")]
    [InlineData("2023年,江阳区地区生产总值321.5亿元,增长6.1%。产业结构构成由12.4%:38.7%:48.9%调整为11.8%:37.9%:50.3%。")]
    [InlineData("2023年,江阳区地区生产总值321.5亿元,增长6.1%。三次产业结构为11.8%、37.9%和50.3%。")]
    public void NonFact_TheIndustrialStructuresParts_AreNoValues(string text)
    {
        var fact = Assert.Single(Facts(text, new DateOnly(2024, 4, 15)));
        Assert.Equal(321.5m, fact.Value);
    }

    [Fact]
    public void NonFact_AShareOfGDPAfterAStructureClause_IsStillAShare()
    {
        var facts = Facts("2023年,江阳区产业结构持续优化,第三产业增加值占地区生产总值的比重为50.3%。", new DateOnly(2024, 4, 15));
        Assert.Equal(50.3m, Assert.Single(facts, f => f.Kind == FactKind.Share).Value);
    }

    [Theory]
    [InlineData("1-2月,江阳区一般公共预算收入17056万元,完成预算的16.18%,较均衡进度慢0.48%,较上年同期增收2113万元,增长14.14%。", -0.48)]
    [InlineData("1-2月,江阳区一般公共预算收入17056万元,完成预算的16.18%,比时序进度快1.2%,增长14.14%。", 1.2)]
    public void PlanShare_ComparedWithTheTimePlan_IsAComparisonAndTheGrowthAfterItIsThePlanCompletions(string sentence, double pace)
    {
        var facts = Facts(sentence, new DateOnly(2024, 3, 11));
        var completion = Assert.Single(facts, f => f.Kind == FactKind.PlanCompletion);
        Assert.Equal((17056m, 16.18m, 14.14m), (completion.Value!.Value, completion.PlanSharePct!.Value, completion.GrowthPct!.Value));
        var comparison = Assert.Single(facts, f => f.Kind == FactKind.Comparison);
        Assert.Equal((decimal)pace, comparison.Value);
        Assert.Equal(completion.Indicator, comparison.Indicator);
        Assert.DoesNotContain(facts, f => f.Kind is FactKind.Value or FactKind.Growth);
    }

    [Theory]
    [InlineData("1-6月,江阳区规上工业增加值增长9.2%,其中通用设备制造、酒的制造、家具制造3个中类增长超150%。")]
    [InlineData("1-6月,江阳区规上工业增加值增长9.2%,其中12家企业增长50%以上。")]
    public void NonFact_AThresholdOverACountedGroup_IsNoGrowth(string sentence)
    {
        var facts = Facts(sentence, June);
        var growth = Assert.Single(facts, f => f.GrowthPct is not null);
        Assert.Equal((9.2m, "industrial_value_added"), (growth.GrowthPct!.Value, growth.IndicatorCode?.Value));
        Assert.DoesNotContain(facts, f => f.Kind is FactKind.Value or FactKind.Growth or FactKind.Share && f != growth);
    }

    [Fact]
    public void NonFact_ACountOfMonthsBeforeAGrowth_IsAPeriodNotAGroup()
    {
        var facts = Facts("江阳区前4个月进出口增长9.4%。", June);
        Assert.Equal(9.4m, Assert.Single(facts, f => f.Kind == FactKind.Growth).GrowthPct);
    }

    [Fact]
    public void Respectively_NamesListedAsACountedGroupInTheClausesBefore_TakeTheFiguresInOrder()
    {
        var facts = Facts("1-6月,江阳区产值最大的三个行业是酒、饮料和精制茶制造业,化学原料和化学制品制造业,专用设备制造业,累计产值分别为88.6亿元、41.2亿元、20.5亿元。", June);
        Assert.Equal(
            [("酒、饮料和精制茶制造业产值", 88.6m), ("化学原料和化学制品制造业产值", 41.2m), ("专用设备制造业产值", 20.5m)],
            facts.Where(f => f.Kind == FactKind.Value).Select(f => (f.Indicator, f.Value!.Value)));
    }

    [Fact]
    public void Respectively_ACountThatDoesNotMatchTheClausesBefore_NamesNothing()
    {
        var facts = Facts("1-6月,江阳区产值最大的四个行业是酒、饮料和精制茶制造业,专用设备制造业,累计产值分别为88.6亿元、20.5亿元。", June);
        Assert.DoesNotContain(facts, f => f.Indicator.StartsWith("专用设备", StringComparison.Ordinal));
    }

    private static IReadOnlyList<ExtractedFact> Facts(string text, DateOnly date)
        => new FactExtractor(Regions.SampleOnly).Extract("t.txt", text, date).Facts;
}
