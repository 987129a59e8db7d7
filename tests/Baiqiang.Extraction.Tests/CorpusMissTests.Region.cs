namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The page's main region, decided structurally (docs/extraction.md, "The main region, decided structurally, rules-region"):
/// where it may come from (the title, the office that published the figures, a dateline, a place named as a clause's subject)
/// and the places that never are (an item of a 、-list, a group's extreme, a comparator), each on sentences written for these
/// tests against the national division tables.
/// </summary>
public sealed partial class CorpusMissTests
{
    private static readonly DateOnly Midsummer = new(2024, 7, 20);

    private static ExtractionResult PageOn(string text) => new FactExtractor(Regions.NationalNoPreference).Extract("t.txt", text, Midsummer);

    [Fact]
    public void MainRegion_NamedOnlyInTheTitle_IsThePagesRegion()
    {
        var result = PageOn("江阳区上半年经济运行情况\n\n上半年,全区规模以上工业增加值同比增长6.3%,固定资产投资同比增长4.1%。");
        Assert.Equal("510502", result.MainRegionCode?.ToString());
        Assert.All(result.Facts, f => Assert.Equal("510502", f.RegionCode?.ToString()));
    }

    [Theory]
    [InlineData("记者7月16日从重庆市统计局获悉,上半年,全市规模以上工业增加值同比增长7.4%,社会消费品零售总额同比增长4.6%。", "500000")]
    [InlineData("据江阳区统计局消息,上半年,全区规模以上工业增加值同比增长6.3%。", "510502")]
    [InlineData("四川省统计局7月18日发布,上半年,全省规模以上工业增加值同比增长6.1%。", "510000")]
    public void MainRegion_NamedOnlyAsThePublishingOffice_IsThePagesRegion(string text, string code)
    {
        var result = PageOn(text);
        Assert.Equal(code, result.MainRegionCode?.ToString());
        Assert.NotEmpty(result.Facts);
        Assert.All(result.Facts, f => Assert.Equal(code, f.RegionCode?.ToString()));
    }

    [Fact]
    public void MainRegion_AMunicipalitysOwnScopeWord_IsTheMunicipality()
    {
        // 重庆 is a municipality: its own pages say 全市, and 全市 there is 500000, not a prefecture above it.
        var result = PageOn("重庆市统计局:上半年,全市固定资产投资同比增长3.2%,其中工业投资增长11.4%。");
        Assert.All(result.Facts, f => Assert.Equal("500000", f.RegionCode?.ToString()));
    }

    [Fact]
    public void MainRegion_OnlyADateline_IsTheDatelinesPlace()
    {
        var result = PageOn("新华社泸州7月15日电 上半年,全市规模以上工业增加值同比增长8.2%。");
        Assert.Equal("510500", result.MainRegionCode?.ToString());
    }

    [Fact]
    public void MainRegion_CountiesListedAsFastGrowers_AreNotThePagesRegion()
    {
        // A province-wide page that names its counties only as items of a 、-list: no county is its region, and with no
        // province named 全省 resolves to nothing rather than to one county's province.
        var result = PageOn("上半年,全省县域生产总值同比增长5.6%,县均生产总值86.3亿元。"
            + "其中,富顺县、荣县、隆昌市、威远县4个县(市)增速超过8%,县域工业增加值同比增长7.2%。");
        Assert.Null(result.MainRegionCode);
        Assert.NotEmpty(result.Facts);
        Assert.All(result.Facts, f => Assert.Null(f.RegionCode));
    }

    [Fact]
    public void MainRegion_ZonesEnumeratedInTheLastParagraph_AreNotThePagesRegion()
    {
        var result = PageOn("上半年,这12个省级开发区实现工业总产值812.4亿元,同比增长9.2%;实现税收收入41.7亿元,同比增长5.5%。\n"
            + "此外,江阳区白塔工业园、纳溪区化工园区、合江县临港园区等3个园区上半年实现工业总产值120.5亿元。");
        Assert.Null(result.MainRegionCode);
        Assert.Contains(result.Facts, f => f.Value == 812.4m);
        Assert.All(result.Facts.Where(f => f.Value is 812.4m or 41.7m), f => Assert.Null(f.RegionCode));
    }

    [Fact]
    public void MainRegion_TheFastestGrowingCityOfAComparison_IsNotThePagesRegion()
    {
        var result = PageOn("上半年,全市一般公共预算支出完成98.6亿元,同比增长3.1%。"
            + "全省21个市(州)中,增速最高的为自贡市(同比增长15.2%),增速最低的为内江市(同比下降2.3%),我市居全省第8位。");
        Assert.Null(result.MainRegionCode);
        var spending = Assert.Single(result.Facts, f => f.Value == 98.6m);
        Assert.Null(spending.RegionCode);
    }

    [Fact]
    public void MainRegion_ACountyThatIsTheSubject_StaysTheRegionWhenNeighboursAreListed()
    {
        var result = PageOn("上半年,江阳区实现地区生产总值402.6亿元,同比增长6.8%,增速比纳溪区、龙马潭区分别高0.5和0.9个百分点。"
            + "江阳区规模以上工业增加值同比增长7.1%。");
        Assert.Equal("510502", result.MainRegionCode?.ToString());
        var gdp = Assert.Single(result.Facts, f => f.Value == 402.6m);
        Assert.Equal("510502", gdp.RegionCode?.ToString());
    }

    [Fact]
    public void MainRegion_APlaceListedBesideTheSubjectInTheTitle_DoesNotOutvoteIt()
    {
        // The title names the page's county; its body lists three neighbours once each, in a 、-list: the county stays.
        var result = PageOn("合江县1-6月主要经济指标\n\n1-6月,全县规模以上工业增加值同比增长8.4%。"
            + "与周边的泸县、纳溪区、叙永县相比,全县固定资产投资增速居首位。");
        Assert.Equal("510522", result.MainRegionCode?.ToString());
    }

    [Fact]
    public void MainRegion_APlaceInBracketsInsideAProjectsName_IsNotThePagesRegion()
    {
        var result = PageOn("上半年,全区实现产业增加值412.8亿元,同比增长6.6%,加快建设中国西部(泸州)创新城。");
        Assert.Null(result.MainRegionCode);
        Assert.Null(Assert.Single(result.Facts, f => f.Value == 412.8m).RegionCode);
    }

    [Fact]
    public void MainRegion_AnAmbiguousDistrict_IsResolvedByTheMediumThatNamesItsCity()
    {
        // 龙华区 is 深圳's (440309) and 海口's (460106); the medium's name says which, and is itself never the region.
        var result = PageOn("深圳新闻网讯 上半年,龙华区实现地区生产总值1320.5亿元,同比增长6.1%。");
        Assert.Equal("440309", result.MainRegionCode?.ToString());
    }

    [Theory]
    [InlineData("上半年,全市地区生产总值同比增长5.8%。分区县看,江阳区规模以上工业增加值增长6.2%、纳溪区规模以上工业增加值增长5.1%。", 6.2, "510502")]
    [InlineData("上半年,全市地区生产总值同比增长5.8%。江阳区地区生产总值402.6亿元、纳溪区地区生产总值281.3亿元。", 402.6, "510502")]
    public void MainRegion_PlacesEachWithTheirOwnFigure_AreNoListAndKeepTheirRegions(string text, double figure, string code)
    {
        var fact = Assert.Single(PageOn(text).Facts, f => (f.GrowthPct ?? f.Value) == (decimal)figure);
        Assert.Equal(code, fact.RegionCode?.ToString());
    }

    [Theory]
    [InlineData("甘孜州统计局:上半年,全州地区生产总值同比增长5.9%。", "513300")]
    [InlineData("内蒙古自治区统计局:上半年,全区规模以上工业增加值同比增长6.5%。", "150000")]
    public void MainRegion_PrefecturesAndProvincesByTheirShortNames_ResolveToThePaddedCodes(string text, string code)
        => Assert.Equal(code, PageOn(text).MainRegionCode?.ToString());
}
