namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The eighth and ninth sets' period and kind errors (docs/extraction.md, "Rules for the eighth and ninth sets' periods and
/// regions, rules-r3"), each on sentences written for these tests: 拉低 as a pull down, and 截至 a day as the year to date.
/// </summary>
public sealed partial class CorpusMissTests
{
    [Fact]
    public void Pull_LaDi_IsAPullDownOfMinusThePoints()
    {
        var facts = NationalOn("1-9月,全县规上工业增加值同比增长4.2%。其中,煤炭开采业下降12.5%,拉低规上工业增速2.6个百分点;食品制造业增长9.8%,拉动规上工业增速1.3个百分点。", new DateOnly(2024, 10, 20));
        var pulls = facts.Where(f => f.Kind == FactKind.Pull).ToList();
        Assert.Equal(2, pulls.Count);
        Assert.Equal(-2.6m, pulls[0].Amount?.Value);
        Assert.Equal(1.3m, pulls[1].Amount?.Value);
        Assert.All(pulls, f => Assert.Equal("2024-01..09", f.Period?.ToString()));
    }

    [Fact]
    public void Pull_LaDiTheWholeCounty_IsAPullDown()
    {
        var facts = NationalOn("1-9月,全县固定资产投资同比下降3.1%。其中,房地产开发投资下降21.0%,拉低全县投资增速4.4个百分点。", new DateOnly(2024, 10, 20));
        var pull = Assert.Single(facts, f => f.Kind == FactKind.Pull);
        Assert.Equal(-4.4m, pull.Amount?.Value);
    }

    [Theory]
    [InlineData("截至3月31日,全区完成财政收入18650万元,同比增长7.3%。", "2011-01..03")]
    [InlineData("截止2011年9月30日,全区完成财政收入18650万元,同比增长7.3%。", "2011-01..09")]
    public void Period_UpToADay_IsTheYearToDateOfItsMonth(string text, string period)
    {
        var fact = Assert.Single(NationalOn(text, new DateOnly(2011, 10, 12)));
        Assert.Equal(period, fact.Period?.ToString());
    }

    [Fact]
    public void Period_ADayWithoutJiezhi_StaysADate()
    {
        // 3月31日召开… is when something happened, not the figures' period: the sentence's own 1-9月 holds.
        var fact = Assert.Single(NationalOn("3月31日召开的会议通报,1-9月全区完成财政收入18650万元,同比增长7.3%。", new DateOnly(2011, 10, 12)));
        Assert.Equal("2011-01..09", fact.Period?.ToString());
    }
}

public sealed partial class CorpusMissTests
{
    [Theory]
    [InlineData("近日,从自治区统计局获悉,1至8月,广西规模以上工业增加值增长6.1%。全区汽车制造业增加值同比增长9.3%。", "450000")]
    [InlineData("8月四川规上工业增加值增长4.8%\n省统计局9月20日发布的数据显示,1-8月,四川规模以上工业增加值同比增长4.8%。", "510000")]
    [InlineData("新华社成都9月20日电 记者从四川省统计局获悉,1-8月,全省规模以上工业增加值同比增长4.8%。", "510000")]
    [InlineData("中广网呼和浩特9月20日消息 记者从内蒙古自治区统计局获悉,1-8月,全区规模以上工业增加值同比增长4.8%。", "150000")]
    public void Region_APageAboutAProvince_IsTheProvince(string text, string code)
    {
        var facts = NationalOn(text, new DateOnly(2024, 9, 25));
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.Equal(code, f.RegionCode?.ToString()));
    }

    [Theory]
    [InlineData("1-8月,全县规模以上工业增加值同比增长4.8%,高于四川省平均1.2个百分点。")] // a comparator, on a county's page
    [InlineData("1-8月,全区地区生产总值同比增长5.1%,居四川省第3位。")] // 全区 on a page in a province that is no autonomous region
    public void Region_AProvinceNamedOnAnUnnamedCountysPage_IsNotTheRegion(string text)
    {
        var facts = NationalOn(text, new DateOnly(2024, 9, 25));
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.Null(f.RegionCode));
    }

    [Fact]
    public void Region_ADatelineCityAlone_IsStillTheRegion()
    {
        var facts = NationalOn("新华社成都9月20日电 1-8月,成都市规模以上工业增加值同比增长5.2%。", new DateOnly(2024, 9, 25));
        Assert.All(facts, f => Assert.Equal("510100", f.RegionCode?.ToString()));
    }
}

public sealed partial class CorpusMissTests
{
    [Fact]
    public void Region_AProvincesPageListingItsCities_IsTheProvince()
    {
        var facts = NationalOn("记者从内蒙古自治区统计局获悉,1-8月,全区规模以上工业增加值同比增长4.8%。\n从各盟市看,包头市、鄂尔多斯市和赤峰市增速居前,包头市、鄂尔多斯市增速均超过6%。", new DateOnly(2024, 9, 25));
        var fact = Assert.Single(facts, f => f.GrowthPct == 4.8m);
        Assert.Equal("150000", fact.RegionCode?.ToString());
    }
}

public sealed partial class CorpusMissTests
{
    [Fact]
    public void Period_ARespectiveListUnderARangeOfYears_DatesItsFiguresInOrder()
    {
        var facts = NationalOn("2021年至2023年,开发区分别完成地区生产总值120.5亿元、138.2亿元、151.7亿元;分别完成工业投资40.1亿元、45.6亿元、52.3亿元。", new DateOnly(2023, 12, 20));
        Assert.Equal(["2021", "2022", "2023"], facts.Where(f => f.Amount?.Value is 120.5m or 138.2m or 151.7m).Select(f => f.Period?.ToString()));
        Assert.Equal(["2021", "2022", "2023"], facts.Where(f => f.Amount?.Value is 40.1m or 45.6m or 52.3m).Select(f => f.Period?.ToString()));
    }

    [Fact]
    public void Period_ARespectiveListWhoseCountIsNotTheYears_KeepsTheRangesPeriod()
    {
        // two figures under three years: not one a year, so nothing is redated
        var facts = NationalOn("2021年至2023年,开发区工业投资和服务业投资分别完成40.1亿元、45.6亿元。", new DateOnly(2023, 12, 20));
        Assert.All(facts, f => Assert.NotEqual("2021", f.Period?.ToString()));
    }
}

public sealed partial class CorpusMissTests
{
    private const string WorkReportReview = "江阳县第五届人民代表大会第三次会议开幕\n县长向大会作政府工作报告。\n预计全县地区生产总值达到86.5亿元,增长6.2%;规模以上工业增加值增长7.1%;社会消费品零售总额30.2亿元,增长5.5%。";

    [Fact]
    public void Period_AWorkReportsExpectedReviewInJanuary_IsTheYearJustEnded()
    {
        var facts = NationalOn(WorkReportReview, new DateOnly(2024, 1, 22));
        var gdp = Assert.Single(facts, f => f.Amount?.Value == 86.5m);
        Assert.Equal(FactKind.Value, gdp.Kind);
        Assert.Equal("地区生产总值", gdp.Indicator);
        Assert.Equal("2023", gdp.Period?.ToString());
        var industry = Assert.Single(facts, f => f.GrowthPct == 7.1m);
        Assert.Equal("2023", industry.Period?.ToString());
        Assert.NotEqual(FactKind.Target, industry.Kind);
        Assert.Equal("2023", Assert.Single(facts, f => f.Amount?.Value == 30.2m).Period?.ToString());
    }

    [Fact]
    public void Period_AnExpectedFigureInJune_IsNotAReview()
    {
        // 预计 in a page read in June is a forecast: nothing is dated to the year before.
        var facts = NationalOn(WorkReportReview, new DateOnly(2024, 6, 22));
        Assert.All(facts, f => Assert.NotEqual("2023", f.Period?.ToString()));
    }

    [Fact]
    public void Period_AMonthSingledOutWithQizhong_HoldsForItsSentenceOnly()
    {
        var facts = NationalOn("上半年经济运行新闻发布会召开\n上半年,全市农林牧渔业总产值181.2亿元,同比增长10.4%。\n全市规模以上工业增加值同比增长13.3%。其中,6月份全市规模以上工业增加值增长6.9%。技改投资增长22.0%。", new DateOnly(2021, 8, 5));
        Assert.Equal("2021-06", Assert.Single(facts, f => f.GrowthPct == 6.9m).Period?.ToString());
        Assert.NotEqual("2021-06", Assert.Single(facts, f => f.GrowthPct == 22.0m).Period?.ToString());
    }
}

public sealed partial class CorpusMissTests
{
    [Fact]
    public void Name_QuanShengOpeningAClause_IsTheScopeNotPartOfTheName()
    {
        var facts = NationalOn("一季度,全省规模以上工业增加值同比增长9.3%,全省固定资产投资增长6.8%。", new DateOnly(2022, 4, 20));
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.False(f.Indicator.StartsWith("全省", StringComparison.Ordinal), f.Indicator));
        Assert.Contains(facts, f => f.IndicatorCode?.Value == "fixed_asset_investment");
    }

    [Fact]
    public void Region_QuanShengInsideAClause_LeavesTheCountyTheRegion()
    {
        // 居全省第3位 compares: the figures after it are still 江阳区's (510502), not the province's.
        var facts = NationalOn("1-3月,江阳区规模以上工业增加值同比增长8.1%,居全省第3位,固定资产投资增长9.2%。", new DateOnly(2022, 4, 20));
        Assert.Equal("510502", Assert.Single(facts, f => f.GrowthPct == 9.2m).RegionCode?.ToString());
    }

    [Fact]
    public void Region_QuanShengOnACountysPage_IsItsProvince()
    {
        var facts = NationalOn("1-3月,江阳区规模以上工业增加值同比增长8.1%。全省规模以上工业增加值增长6.0%。", new DateOnly(2022, 4, 20));
        Assert.Equal("510502", Assert.Single(facts, f => f.GrowthPct == 8.1m).RegionCode?.ToString());
        Assert.Equal("510000", Assert.Single(facts, f => f.GrowthPct == 6.0m).RegionCode?.ToString());
    }
}
