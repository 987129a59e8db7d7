namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The fourth hand-judged set's discourse kinds that branch rules-discourse reads (docs/extraction.md, "Rules for the fourth set's
/// error kinds, rules-discourse"), each on sentences written for these tests: the document's year before 全年/年末, a prefecture
/// named as the source of the accounting, places named as comparators, page furniture, 元至九月 and the lede's period, an earlier
/// period's rate, sub-parks.
/// </summary>
public sealed partial class CorpusMissTests
{
    private static readonly DateOnly SpringAfter = new(2022, 4, 20);

    // Paragraphs of a communiqué, each over 150 characters (so none inherits the period of the one before it as a bulletin line).
    private const string CommuniqueOpening =
        "2021年,面对复杂多变的发展环境,全县上下坚持稳中求进,统筹发展和安全,经济运行总体平稳、稳中有进,发展质量持续提升,民生保障有力有效。"
        + "全县实现地区生产总值156.3亿元,比上年增长7.2%。其中,第一产业增加值21.4亿元,增长7.9%;第二产业增加值60.2亿元,增长8.1%;第三产业增加值74.7亿元,增长6.3%。\n\n";

    private const string CommuniqueLater =
        "全年规模以上工业增加值比上年增长9.1%,其中,轻工业增长6.2%,重工业增长10.3%。全年全社会固定资产投资比上年增长10.4%,其中,工业投资增长13.5%,"
        + "民间投资增长5.1%。全年社会消费品零售总额62.8亿元,增长12.5%。按经营地分,城镇消费品零售额51.2亿元,增长12.1%;乡村消费品零售额11.6亿元,增长14.2%。\n\n"
        + "全年粮食总产量18.6万吨,比上年增长2.1%。其中,夏粮产量6.2万吨,增长1.5%;秋粮产量12.4万吨,增长2.4%。年末全县金融机构各项存款余额185.2亿元,比上年末增长8.3%。"
        + "全年肉类总产量3.4万吨,增长6.8%,其中猪肉产量2.6万吨,增长9.2%。全县经济社会发展继续保持良好势头,各项社会事业全面进步,人民生活水平稳步提高。";

    [Fact]
    public void DocumentYear_StatedOnlyInTheFirstSentence_HoldsFor全年And年末InLaterParagraphs()
    {
        // Published in April 2022: 全年 is 2021, the year the first sentence states, not the publication year (nor a target of 2022).
        var facts = NationalOn(CommuniqueOpening + CommuniqueLater, SpringAfter);
        Assert.True(facts.Count >= 15);
        Assert.All(facts, f => Assert.Equal("2021", f.Period?.ToString()));
        Assert.DoesNotContain(facts, f => f.Kind == FactKind.Target);
        Assert.Contains(facts, f => f.IndicatorCode?.Value == "industrial_value_added" && f.GrowthPct == 9.1m);
    }

    [Fact]
    public void DocumentYear_YearEndBalanceAgainst上年末_IsTheLevelsGrowthNotANameOfItsOwn()
    {
        var facts = NationalOn(CommuniqueOpening + CommuniqueLater, SpringAfter);
        var deposits = Assert.Single(facts, f => f.IndicatorCode?.Value == "deposits_balance");
        Assert.Equal((185.2m, 8.3m, "2021"), (deposits.Value!.Value, deposits.GrowthPct!.Value, deposits.Period?.ToString()));
        Assert.DoesNotContain(facts, f => f.Indicator.Contains('末', StringComparison.Ordinal));
    }

    [Fact]
    public void DocumentYear_MonthEndBalanceAgainst上年末_IsStillAChangeSinceTheYearsStart()
    {
        var facts = NationalOn("5月末,全县金融机构各项贷款余额286.4亿元,比上年末增长6.1%。", new DateOnly(2024, 6, 20));
        var loans = Assert.Single(facts, f => f.Kind == FactKind.Value);
        Assert.Null(loans.GrowthPct);
        var since = Assert.Single(facts, f => f.Kind == FactKind.Increment);
        Assert.Equal((6.1m, "%"), (since.Value!.Value, since.Unit));
    }

    [Fact]
    public void DocumentYear_PeriodsWrittenWithoutAYear_AreReadInTheDocumentsYear()
    {
        var text = CommuniqueOpening + "上半年全县油料产量1.2万吨,增长3.1%。前三季度全县规模以上工业增加值增长8.8%。";
        var facts = NationalOn(text, SpringAfter);
        Assert.Equal("2021-01..06", Assert.Single(facts, f => f.Indicator.Contains("油料", StringComparison.Ordinal)).Period?.ToString());
        Assert.Equal("2021-01..09", Assert.Single(facts, f => f.IndicatorCode?.Value == "industrial_value_added").Period?.ToString());
    }

    [Fact]
    public void DocumentYear_TheCurrentYearsReport_ReadsYearlessPeriodsInTheReferenceYear()
    {
        // 2022年 in the first sentence of a report published in 2022 changes nothing: 1-9月 is 2022's.
        var facts = NationalOn("2022年以来,全县上下真抓实干。1-9月,全县规模以上工业增加值增长8.8%。", new DateOnly(2022, 10, 20));
        Assert.Equal("2022-01..09", Assert.Single(facts).Period?.ToString());
    }

    [Fact]
    public void DocumentYear_今年InAReportOnLastYear_StillCountsFromThePublicationDate()
    {
        var facts = NationalOn("2019年,全县实现地区生产总值201.5亿元,增长7.6%。今年全县地区生产总值力争增长7%左右。", new DateOnly(2020, 1, 15));
        Assert.Equal("2019", Assert.Single(facts, f => f.Kind == FactKind.Value).Period?.ToString());
        Assert.Equal("2020", Assert.Single(facts, f => f.Kind == FactKind.Target).Period?.ToString());
    }

    [Fact]
    public void DocumentYear_ACommuniqueWhoseTitleNamesNoYear_IsTheYearBeforeItsPublication()
    {
        var facts = NationalOn("某县国民经济和社会发展统计公报\n\n全县实现地区生产总值156.3亿元,比上年增长7.2%。全年规模以上工业增加值比上年增长9.1%。",
            SpringAfter);
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Equal("2021", f.Period?.ToString()));
    }

    [Theory]
    [InlineData("上半年经济运行简况\n\n根据河源市地区生产总值统一核算结果,上半年全区实现地区生产总值135.6亿元,同比增长5.1%。全区规模以上工业增加值增长6.2%。")]
    [InlineData("上半年经济运行简况\n\n据河源市统计局反馈,上半年全区实现地区生产总值135.6亿元,同比增长5.1%。全区规模以上工业增加值增长6.2%。")]
    public void AccountsSource_APrefectureNamedAsTheSourceOfTheFigures_IsNotTheDistrictsRegion(string text)
    {
        var facts = NationalOn(text, new DateOnly(2023, 7, 25));
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Null(f.RegionCode)); // the district is never named: null, not 河源市 441600
    }

    [Fact]
    public void AccountsSource_TheDistrictNamedAfterTheSource_KeepsItsFigures()
    {
        var facts = NationalOn("根据河源市地区生产总值统一核算结果,上半年源城区实现地区生产总值135.6亿元,同比增长5.1%。全区规模以上工业增加值增长6.2%。",
            new DateOnly(2023, 7, 25));
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Equal("441602", f.RegionCode?.ToString()));
    }

    [Fact]
    public void AccountsSource_ThePrefecturesOwnPage_StaysThePrefecture()
    {
        var facts = NationalOn("根据河源市地区生产总值统一核算结果,上半年全市实现地区生产总值620.4亿元,同比增长4.9%。全市规模以上工业增加值增长5.6%。",
            new DateOnly(2023, 7, 25));
        Assert.All(facts, f => Assert.Equal("441600", f.RegionCode?.ToString()));
    }

    [Theory]
    [InlineData("我县经济稳中有进\n\n元至九月,我县规模以上工业增加值增长8.6%,增速位居郧阳区、丹江口市、茅箭区之后,居全市第四。全县固定资产投资增长12.1%。")]
    [InlineData("我县经济稳中有进\n\n元至九月,我县规模以上工业增加值增长8.6%,增速仅次于郧阳区和丹江口市,居全市第三。全县固定资产投资增长12.1%。")]
    public void Comparators_PlacesTheCountyIsRankedAgainst_AreNot我县(string text)
    {
        var facts = NationalOn(text, new DateOnly(2018, 11, 16));
        var growths = facts.Where(f => f.Kind == FactKind.Growth).ToList();
        Assert.Equal(2, growths.Count);
        Assert.All(facts, f => Assert.Null(f.RegionCode)); // not 郧阳区 420304: the page never names its own county
        Assert.All(growths, f => Assert.Equal("2018-01..09", f.Period?.ToString())); // 元至九月 is January to September
    }

    [Fact]
    public void Comparators_TheCountyNamedBesideThem_IsStillTheRegion()
    {
        var facts = NationalOn("元至九月,郧西县规模以上工业增加值增长8.6%,增速位居郧阳区、丹江口市之后,居全市第三。全县固定资产投资增长12.1%。", new DateOnly(2018, 11, 16));
        Assert.All(facts, f => Assert.Equal("420322", f.RegionCode?.ToString()));
    }

    [Theory]
    [InlineData("高新区1-8月经济运行情况\n\n1-8月,园区实现规模以上工业总产值86.5亿元,同比增长11.2%;工业固定资产投资增长15.3%。\n\n版权所有:绵阳市场信息网 主办:某某信息中心")]
    [InlineData("绵阳市场信息网\n\n高新区1-8月经济运行情况\n\n1-8月,园区实现规模以上工业总产值86.5亿元,同比增长11.2%;工业固定资产投资增长15.3%。")]
    [InlineData("高新区1-8月经济运行情况\n\n1-8月,园区实现规模以上工业总产值86.5亿元,同比增长11.2%;工业固定资产投资增长15.3%。\n\nCopyright © 2023 绵阳某某网 蜀ICP备12345678号")]
    public void Furniture_ASiteNameOrFooterNamingACity_DoesNotSetTheRegion(string text)
    {
        var facts = NationalOn(text, new DateOnly(2023, 11, 13));
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Null(f.RegionCode)); // not 绵阳市 510700
        Assert.All(facts, f => Assert.Equal("2023-01..08", f.Period?.ToString()));
    }

    [Fact]
    public void Furniture_TheCityNamedInTheText_IsStillTheRegion()
    {
        var facts = NationalOn("1-8月,绵阳市规模以上工业总产值1865.2亿元,同比增长9.2%。", new DateOnly(2023, 11, 13));
        Assert.Equal("510700", Assert.Single(facts).RegionCode?.ToString());
    }

    [Theory]
    [InlineData("元至九月")]
    [InlineData("一至九月")]
    [InlineData("1—9月份")]
    [InlineData("前三季度")]
    public void Period_JanuaryToSeptemberWrittenAnyWay_IsCumulative(string period)
    {
        var fact = Assert.Single(Facts(period + ",江阳区规模以上工业增加值增长8.6%。"));
        Assert.Equal("2024-01..09", fact.Period?.ToString());
    }

    [Fact]
    public void Period_ALongParagraphThatStatesNone_TakesTheLedesPeriod()
    {
        var text = "1-7月,全区规模以上工业增加值增长8.3%,固定资产投资增长11.6%。\n\n"
            + "七大支柱产业运行平稳,对全区工业增长形成有力支撑。其中,电子信息产业实现产值52.4亿元,增长12.1%;装备制造产业实现产值38.7亿元,增长9.4%;"
            + "食品加工产业实现产值21.6亿元,增长6.8%;新材料产业实现产值18.2亿元,增长15.3%;医药产业实现产值9.8亿元,增长4.2%,全区工业结构持续优化。";
        var facts = NationalOn(text, new DateOnly(2016, 8, 20));
        Assert.Equal(7, facts.Count);
        Assert.All(facts, f => Assert.Equal("2016-01..07", f.Period?.ToString()));
    }

    [Fact]
    public void Period_ALedeThatNamesADateButNoFigure_GivesLaterParagraphsNoPeriod()
    {
        var text = "2020年上半年最后一天,某市召开全市工业经济发展大会,部署下一阶段工作。\n\n"
            + "会议指出,要坚定不移推进工业强市战略,加快构建现代工业体系,着力培育一批龙头企业,推动产业链上下游协同发展,形成新的增长极。"
            + "全市规划建设7个工业产业功能区,其中电子信息产业功能区重点引进整机和核心零部件企业,装备制造产业功能区重点发展轨道交通装备和汽车零部件,"
            + "食品医药产业功能区重点发展特色食品和现代中药,各功能区要完善基础设施和公共服务配套,提升承载能力。";
        var facts = NationalOn(text, new DateOnly(2020, 7, 2));
        Assert.All(facts, f => Assert.Null(f.Period));
    }

    [Fact]
    public void EarlierRate_AfterAComparisonBaseAndARateWord_IsThatPeriodsGrowthOfTheSameIndicator()
    {
        var facts = Facts("1-5月,江阳区规模以上工业增加值增长12.6%,增幅比1-4月增速12.3%提高0.3个百分点。");
        var current = Assert.Single(facts, f => f.Kind == FactKind.Growth && f.Period?.ToString() == "2024-01..05");
        Assert.Equal(("industrial_value_added", 12.6m), (current.IndicatorCode?.Value, current.GrowthPct!.Value));
        var earlier = Assert.Single(facts, f => f.Kind == FactKind.Growth && f.Period?.ToString() == "2024-01..04");
        Assert.Equal(("industrial_value_added", 12.3m, "growth.earlier-period-rate"), (earlier.IndicatorCode?.Value, earlier.GrowthPct!.Value, earlier.Rule));
        var change = Assert.Single(facts, f => f.Kind == FactKind.Comparison);
        Assert.Equal(("industrial_value_added", 0.3m), (change.IndicatorCode?.Value, change.Value!.Value));
        Assert.DoesNotContain(facts, f => f.Indicator.Contains("增幅", StringComparison.Ordinal));
    }

    [Fact]
    public void SubParks_EachWithItsOwnGrowth_KeepTheParksName()
    {
        var facts = NationalOn("1-9月,开发区规模以上工业增加值增长12.4%。其中,东川工业园区增长15.43%,生物产业园区增长9.8%,甘河工业园区下降3.2%。",
            new DateOnly(2017, 10, 26));
        Assert.Equal(4, facts.Count);
        Assert.Equal(["东川工业园区", "生物产业园区", "甘河工业园区"], facts.Skip(1).Select(f => f.Indicator));
        Assert.Equal([15.43m, 9.8m, -3.2m], facts.Skip(1).Select(f => f.GrowthPct!.Value));
        Assert.All(facts, f => Assert.Equal("2017-01..09", f.Period?.ToString()));
    }
}
