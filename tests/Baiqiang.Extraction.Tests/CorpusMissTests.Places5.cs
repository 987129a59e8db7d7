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

    private static IReadOnlyList<ExtractedFact> Facts(string text, DateOnly date)
        => new FactExtractor(Regions.SampleOnly).Extract("t.txt", text, date).Facts;
}
