namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The third hand-judged set's error kinds that branch extract-places reads (docs/extraction.md, "Rules for the third set's error
/// kinds, extract-places"), each on sentences written for these tests: a place inside a longer word, units, 比年初, 增幅分别,
/// contribution rates of the three industries, 年初以来.
/// </summary>
public sealed partial class CorpusMissTests
{
    private static IReadOnlyList<ExtractedFact> NationalOn(string text, DateOnly date)
        => new FactExtractor(Regions.National).Extract("t.txt", text, date).Facts;

    [Theory]
    [InlineData("1-8月经济运行情况\n\n今年以来,全县成功创建省级电子商务进农村综合示范县。1-8月,全县地区生产总值85.6亿元,增长6.2%;规模以上工业增加值增长7.4%。")]
    [InlineData("1-8月經濟運行情況\n\n今年以來,全縣成功創建省級電子商務進農村綜合示範縣。1-8月,全縣地區生產總值85.6億元,增長6.2%;規模以上工業增加值增長7.4%。")]
    [InlineData("1-8月经济运行情况\n\n全县坚持工业兴县、生态立县,推动现代县域经济发展。1-8月,全县地区生产总值85.6亿元,增长6.2%;规模以上工业增加值增长7.4%。")]
    public void Region_AOneCharacterCountyNameInsideATitleOrSlogan_IsNotTheRegion(string text)
    {
        // 示范县 is not 范县 (410926), 工业兴县 not 兴县 (141123), 现代县域 not 代县: the page names no county, so the region is null.
        var facts = NationalOn(text, new DateOnly(2024, 9, 20));
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Null(f.RegionCode));
    }

    [Theory]
    [InlineData("1-8月,范县地区生产总值85.6亿元,增长6.2%。")]
    [InlineData("濮阳市范县1-8月地区生产总值85.6亿元,增长6.2%。")]
    [InlineData("今年1-8月范县地区生产总值85.6亿元,增长6.2%。")]
    public void Region_AOneCharacterCountyNameAfterABoundaryOrItsParent_IsStillTheRegion(string text)
    {
        var fact = Assert.Single(NationalOn(text, new DateOnly(2024, 9, 20)));
        Assert.Equal("410926", fact.RegionCode?.ToString());
    }

    [Theory]
    [InlineData("来源:天天天水网\n\n前三季度,开发区规模以上工业总产值52.3亿元,增长9.4%;固定资产投资增长11.2%。")]
    [InlineData("天水日报讯\n\n前三季度,开发区规模以上工业总产值52.3亿元,增长9.4%;固定资产投资增长11.2%。天水长城开关厂、天水华天电子集团等重点企业订单饱满。")]
    [InlineData("天水日報訊\n\n前三季度,開發區規模以上工業總產值52.3億元,增長9.4%;固定資產投資增長11.2%。天水長城開關廠、天水華天電子集團等重點企業訂單飽滿。")]
    public void Region_APlaceThatBeginsANewspapersWebsitesOrFactorysName_IsNotTheRegion(string text)
    {
        // The page names 天水 only inside a medium's and companies' names: 天水市 (620500) is not what it reports on.
        var facts = NationalOn(text, new DateOnly(2024, 10, 24));
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Null(f.RegionCode));
    }

    [Fact]
    public void Region_APlaceFollowedByItsOwnFiguresBesideAFactorysName_IsStillTheRegion()
    {
        var facts = NationalOn("前三季度,天水市规模以上工业总产值52.3亿元,增长9.4%。天水长城开关厂订单饱满。", new DateOnly(2024, 10, 24));
        Assert.Equal("620500", Assert.Single(facts).RegionCode?.ToString());
    }

    [Theory]
    [InlineData("1-5月,江阳区全社会用电量12.5亿度,增长4.2%。")]
    [InlineData("1-5月,江阳区全社会用电量12.5亿kW·h,增长4.2%。")]
    [InlineData("1-5月,江阳区全社会用电量12.5亿kWh,增长4.2%。")]
    [InlineData("1-5月,江陽區全社會用電量12.5億度,增長4.2%。")]
    public void Unit_亿度AndKilowattHourSymbols_AreReadAsHundredMillionKilowattHours(string sentence)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.Equal(12.5m, fact.Amount?.Value);
        Assert.Equal("亿千瓦时", fact.Amount?.Unit.Symbol);
        Assert.Equal(4.2m, fact.GrowthPct);
    }

    [Theory]
    [InlineData("1-5月,江阳区实际利用外资2850万美元,增长12.0%。", 2850, "万美元")]
    [InlineData("1-5月,江阳区外贸进出口总额3.6亿美元,增长8.4%。", 3.6, "亿美元")]
    public void Unit_UsDollars_KeptAsTheirOwnUnitNeverConvertedToYuan(string sentence, double value, string unit)
    {
        var fact = Assert.Single(Facts(sentence), f => f.Kind == FactKind.Value);
        Assert.Equal((decimal)value, fact.Amount?.Value);
        Assert.Equal(unit, fact.Amount?.Unit.Symbol);
        Assert.False(fact.Amount!.Value.Unit.IsCompatibleWith(Baiqiang.Core.Quantities.Unit.WanYuan)); // no made-up exchange rate
    }

    [Fact]
    public void SinceYearStart_RateAfterALevel_IsAnIncrementOfThatLevelNotAGrowthNamed比年初()
    {
        var facts = Facts("5月末,江阳区金融机构各项贷款余额386.2亿元,比年初增长6.4%。");
        var level = Assert.Single(facts, f => f.Kind == FactKind.Value);
        Assert.Equal(386.2m, level.Amount?.Value);
        Assert.Null(level.GrowthPct); // not a year-on-year growth
        var since = Assert.Single(facts, f => f.Kind == FactKind.Increment);
        Assert.Equal(6.4m, since.Amount?.Value);
        Assert.Equal("%", since.Amount?.Unit.Symbol);
        Assert.Contains("贷款余额", since.Indicator, StringComparison.Ordinal);
        Assert.DoesNotContain(facts, f => f.Indicator.Contains("年初", StringComparison.Ordinal));
    }

    [Fact]
    public void SinceYearStart_RateAfterItsOwnName_IsAnIncrementOfThatName()
    {
        var since = Assert.Single(Facts("5月末,江阳区住户存款余额较年初下降1.8%。"));
        Assert.Equal(FactKind.Increment, since.Kind);
        Assert.Equal(-1.8m, since.Amount?.Value);
        Assert.Equal("住户存款余额", since.Indicator);
    }

    [Fact]
    public void RateWordRespectively_增幅分别达到_GrowthsOfTheListedItemsInOrder()
    {
        var facts = Facts("1-5月,江阳区规模以上工业增加值、固定资产投资、社会消费品零售总额增幅分别达到8.2%、10.5%、6.7%。");
        Assert.Equal(3, facts.Count);
        Assert.All(facts, f => Assert.Equal(FactKind.Growth, f.Kind));
        Assert.DoesNotContain(facts, f => f.Indicator.Contains("增幅", StringComparison.Ordinal));
        Assert.Equal([8.2m, 10.5m, 6.7m], facts.Select(f => f.GrowthPct!.Value));
        Assert.Contains("固定资产投资", facts[1].Indicator, StringComparison.Ordinal);
        Assert.Contains("社会消费品零售总额", facts[2].Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void RateWordRespectively_降幅分别为_DeclinesOfTheListedItems()
    {
        var facts = Facts("1-5月,江阳区工业用电量、公路货运量降幅分别为3.1%、2.4%。");
        Assert.Equal([-3.1m, -2.4m], facts.Select(f => f.GrowthPct!.Value));
        Assert.Contains("工业用电量", facts[0].Indicator, StringComparison.Ordinal);
        Assert.Contains("公路货运量", facts[1].Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void ContributionRates_三次产业分别为_TheFirstSecondAndThirdIndustriesInOrder()
    {
        var facts = Facts("上半年,江阳区三次产业对经济增长的贡献率分别为8.5%、46.2%、45.3%。");
        Assert.Equal(3, facts.Count);
        Assert.All(facts, f => Assert.Equal(FactKind.Value, f.Kind));
        Assert.Equal([8.5m, 46.2m, 45.3m], facts.Select(f => f.Amount!.Value.Value));
        Assert.All(facts, f => Assert.EndsWith("贡献率", f.Indicator, StringComparison.Ordinal));
        Assert.StartsWith("第一产业", facts[0].Indicator, StringComparison.Ordinal);
        Assert.StartsWith("第二产业", facts[1].Indicator, StringComparison.Ordinal);
        Assert.StartsWith("第三产业", facts[2].Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void SinceYearStart_年初以来_TakesThePagesOwnMonthsNotThePublicationMonth()
    {
        // Published on 20 June; the page reports on January–April.
        var facts = Facts("1-4月江阳区经济运行情况\n\n1-4月,江阳区地区生产总值增长5.1%。\n\n年初以来,江阳区规模以上工业增加值增长7.6%。");
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Equal("2024-01..04", f.Period?.ToString()));
    }
}
