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
}
