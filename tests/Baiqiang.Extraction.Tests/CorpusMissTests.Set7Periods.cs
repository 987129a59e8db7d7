namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The seventh hand-judged set's period and region kinds (docs/extraction.md, "Rules for the seventh set's periods and regions,
/// rules-periods"), each on sentences written for these tests: a communiqué's 全年 published early in the next year without the
/// words 统计公报, a year stated once in the first sentence, a title's period under a site's greeting line, an earlier period's
/// bracketed rate, and regions written in their short forms (an autonomous county without its nationalities, a development zone by
/// its city's short name).
/// </summary>
public sealed partial class CorpusMissTests
{
    private static readonly DateOnly MidMarch = new(2024, 3, 15);

    [Theory]
    [InlineData("宁蒗县", "一季度,宁蒗县实现地区生产总值12.6亿元,同比增长7.4%。第一产业增加值2.1亿元,同比增长4.0%。")]
    [InlineData("維西縣", "一季度,維西縣實現地區生產總值6.8億元,同比增長8.1%。第一產業增加值0.9億元,同比增長3.2%。")]
    public void Region_AnAutonomousCountyWrittenWithoutItsNationalities_IsThatCounty(string written, string text)
    {
        var facts = NationalOn(text, new DateOnly(2024, 4, 25));
        Assert.Equal(2, facts.Count);
        var code = written.StartsWith("宁蒗", StringComparison.Ordinal) ? "530724" : "533423"; // 宁蒗彝族自治县, 维西傈僳族自治县
        Assert.All(facts, f => Assert.Equal(code, f.RegionCode?.ToString()));
    }

    [Fact]
    public void Region_ADevelopmentZoneWrittenByItsCitysShortName_IsTheZone()
    {
        // 廊坊经济技术开发区 (131071) is written 廊坊开发区; the city 廊坊市 (131000) is not the region.
        var facts = NationalOn("廊坊开发区上半年经济运行平稳。1至6月,全区实际利用外资8120万美元,同比增长12.4%。", new DateOnly(2023, 7, 20));
        var fact = Assert.Single(facts);
        Assert.Equal("131071", fact.RegionCode?.ToString());
        Assert.Equal("2023-01..06", fact.Period?.ToString());
    }

    [Theory]
    [InlineData("维西傈僳族自治县", "维西", "县")]
    [InlineData("积石山保安族东乡族撒拉族自治县", "积石山", "县")]
    [InlineData("巴里坤哈萨克自治县", "巴里坤", "县")]
    [InlineData("黔东南苗族侗族自治州", "黔东南", "州")]
    [InlineData("莫力达瓦达斡尔族自治旗", "莫力达瓦", "旗")]
    public void ShortForm_OfAnAutonomousUnit_DropsItsNationalities(string name, string stem, string suffix)
        => Assert.Equal((stem, suffix), RegionMatcher.WithoutNationalities(name));

    [Theory]
    [InlineData("鄂伦春自治旗")] // nothing is left but the nationality: no short form
    [InlineData("维西县")]
    [InlineData("宁夏回族自治区")] // a province keeps its name
    public void ShortForm_OfANameWithNothingToDrop_IsNone(string name) => Assert.Null(RegionMatcher.WithoutNationalities(name));

    [Fact]
    public void Region_AShortFormTwoUnitsWouldShare_IsNotAdded()
    {
        // 河南蒙古族自治县 would be 河南县, but 河南 is the province's stem: the page saying 河南 stays the province.
        var facts = NationalOn("2023年,河南县域经济稳步发展,全省规模以上工业增加值增长5.0%。", new DateOnly(2024, 2, 20));
        Assert.All(facts, f => Assert.NotEqual("632324", f.RegionCode?.ToString()));
    }

    private const string Communique = "江阳县统计局\n(2024年3月15日)\n一、综合\n初步核算,全年实现地区生产总值88.2亿元,比上年增长6.1%。其中,第一产业增加值20.1亿元,增长3.9%。\n年末全县常住人口12.3万人。\n二、农业\n全年粮食总产量8.6万吨,比上年增长2.2%。";

    [Fact]
    public void CommuniqueWithoutItsTitle_PublishedInSpring_ReportsTheYearJustEnded()
    {
        var facts = Facts(Communique, MidMarch).Where(f => f.Kind is FactKind.Value or FactKind.Count);
        Assert.Equal([(88.2m, "2023"), (20.1m, "2023"), (12.3m, "2023"), (8.6m, "2023")], facts.Select(f => (f.Value!.Value, f.Period?.ToString())));
    }

    [Fact]
    public void WholeYearFigures_PublishedInAutumn_KeepThePublicationYear()
        => Assert.All(Facts(Communique, new DateOnly(2024, 9, 15)).Where(f => f.Value == 88.2m), f => Assert.Equal("2024", f.Period?.ToString()));

    [Theory]
    [InlineData("今年全年,全县地区生产总值比上年增长6.5%左右,一般公共预算收入增长5%。")]
    [InlineData("1-2月,全县规模以上工业增加值比上年同期增长6.5%,全年预计增长7%。")]
    public void SpringPage_ThatSpeaksOfThisYear_KeepsThePublicationYear(string text)
        => Assert.All(Facts(text, MidMarch), f => Assert.StartsWith("2024", f.Period?.ToString() ?? "2024", StringComparison.Ordinal));

    [Fact]
    public void YearStatedOnceInTheFirstSentence_CarriesToTheSectionsBelow()
    {
        var facts = Facts("2023年,全县上下团结一心,稳中求进,经济运行稳中向好。\n一、综合\n初步核算,全县生产总值120.5亿元,按可比价格计算,比上年增长5.2%。其中,第一产业增加值18.4亿元,增长4.1%。\n二、工业\n规模以上工业增加值比上年增长7.3%。", new DateOnly(2024, 4, 15));
        Assert.Equal(3, facts.Count);
        Assert.All(facts, f => Assert.Equal("2023", f.Period?.ToString()));
    }

    [Fact]
    public void YearInsideTheFirstSentence_DoesNotCarryToTheSectionsBelow()
    {
        // The year opens no sentence here (a meeting's year, mid-sentence): the figures below state no period and get none.
        var facts = Facts("江阳县近日召开会议,总结2023年,部署新一年各项工作。\n一、综合\n初步核算,全县生产总值120.5亿元,按可比价格计算,增长5.2%。", new DateOnly(2024, 1, 20));
        Assert.Null(Assert.Single(facts, f => f.Value == 120.5m).Period);
    }

    private const string MonthlyUnderAGreeting = "欢迎访问江阳区统计局网站!\n您的位置: 首页 > 统计分析\n1—5月江阳区经济运行情况\n发布时间:2024-06-20\n\n今年以来,全区上下坚持稳中求进工作总基调,统筹推进各项工作,全力以赴稳增长、促投资、扩消费,全区经济运行延续恢复向好态势,主要指标增速好于预期,高质量发展取得新成效,经济向上向好的基本面进一步巩固,各项工作取得积极进展,为完成全年目标任务打下了坚实基础。\n一、工业生产稳步回升\n全区规模以上工业增加值同比增长5.1%,增速较1—4月(4.2%)加快0.9个百分点。从行业看,采矿业增长2.4%,制造业增长6.0%。\n二、投资增速加快\n全区固定资产投资完成40.2亿元,同比增长3.5%,较1—4月(2.1%)提高1.4个百分点。";

    [Fact]
    public void TitlePeriodUnderASitesGreetingLine_CarriesToTheWholeBody()
    {
        var facts = Facts(MonthlyUnderAGreeting, new DateOnly(2024, 6, 20)).Where(f => f.Kind != FactKind.Comparison && f.GrowthPct is not 4.2m and not 2.1m).ToList();
        Assert.Equal([5.1m, 2.4m, 6.0m, 3.5m], facts.Select(f => f.GrowthPct!.Value));
        Assert.All(facts, f => Assert.Equal("2024-01..05", f.Period?.ToString()));
    }

    [Fact]
    public void BracketedEarlierRate_KeepsItsOwnPeriod_AndNeverTheNextFigures()
    {
        var facts = Facts(MonthlyUnderAGreeting, new DateOnly(2024, 6, 20));
        Assert.All(facts.Where(f => f.GrowthPct is 4.2m or 2.1m), f => Assert.Equal("2024-01..04", f.Period?.ToString()));
        Assert.Equal("2024-01..05", Assert.Single(facts, f => f.Value == 40.2m).Period?.ToString());
    }

    [Fact]
    public void PeriodAfterYouAndBeforeDe_IsWhereAChangeStarted_NotThePeriodOfWhatFollows()
    {
        // 由上年的…调整为…: 上年 is the start of the change; the shares after it stay in the communiqué's year (2019, stated in the lede).
        var facts = Facts("2019年,全县经济平稳运行。\n一、综合\n三次产业结构由上年的8.1:47.2:44.7调整为7.6:46.9:45.5,三次产业对经济增长的贡献率分别为3.1%、52.6%和44.3%。", new DateOnly(2023, 9, 1));
        Assert.Equal([3.1m, 52.6m, 44.3m], facts.Select(f => f.Value!.Value));
        Assert.All(facts, f => Assert.Equal("2019", f.Period?.ToString()));
    }

    [Fact]
    public void QuarterInsideASentence_UnderTheHalfYear_HoldsForThatSentenceOnly()
    {
        var facts = Facts("1-6月,江阳区规上工业企业累计完成产值31.4亿元,同比增长9.2%;其中二季度完成产值17.0亿元,同比增长11.5%。轻工业完成产值12.1亿元,同比增长6.3%。", new DateOnly(2024, 7, 20));
        Assert.Equal([(31.4m, "2024-01..06"), (17.0m, "2024-Q2"), (12.1m, "2024-01..06")], facts.Select(f => (f.Value!.Value, f.Period?.ToString())));
    }
}
