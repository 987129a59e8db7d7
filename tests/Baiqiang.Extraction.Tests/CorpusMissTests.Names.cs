using Baiqiang.Core.Indicators;

namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The third hand-judged set's error kinds on names, 分别 lists and periods (docs/extraction.md, "A third hand-judged set"), each on
/// sentences written for these tests: 共 inside 公共, a catalogue alias cut out of a longer name, industry and goods-category names
/// holding 、/和/及, a subject before an adverb or a verb, 分别 with its measure after it, two rates joined by 和 with no 分别, and a
/// list of comparison periods.
/// </summary>
public sealed partial class CorpusMissTests
{
    private static IReadOnlyList<ExtractedFact> ShippedFacts(string text)
        => new FactExtractor(Regions.SampleOnly, IndicatorCatalogue.Shipped).Extract("t.txt", text, June).Facts;

    [Theory]
    [InlineData("1-5月,江阳区公共财政预算支出42.7亿元,增长3.3%。", "公共财政预算支出")]
    [InlineData("1-5月,江阳区地方公共预算收入16.2亿元,增长4.8%。", "地方公共预算收入")]
    public void Name_WithGongInsideGongGong_IsNotCutAtGong(string sentence, string name)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.Equal(name, fact.Indicator);
        Assert.Equal(FactKind.Value, fact.Kind);
    }

    [Fact]
    public void CatalogueAlias_EndingInsideALongerName_IsNotTaken()
    {
        var facts = Facts("1-8月,江阳区原国税收入5.6亿元,增长2.8%;原地税收入3.9亿元,增长1.5%;税收收入8.1亿元,增长2.2%。");
        Assert.Equal(["原国税收入", "原地税收入", "税收"], facts.Select(f => f.Indicator));
        Assert.Equal([null, null, "tax_revenue"], facts.Select(f => f.IndicatorCode?.Value));
    }

    [Fact]
    public void IndustryName_HoldingDunAndHe_BeforeAnUncataloguedMeasure_IsKeptWhole()
    {
        var fact = Assert.Single(Facts("1-5月,江阳区信息传输、软件和信息技术服务业营业收入8.3亿元,增长12.4%。"));
        Assert.Equal("信息传输、软件和信息技术服务业营业收入", fact.Indicator);
        Assert.Equal(12.4m, fact.GrowthPct);
    }

    [Fact]
    public void IndustryName_HoldingDunAndHe_CatalogueMatch_KeepsItsWholeRawText()
    {
        var fact = Assert.Single(ShippedFacts("1-5月,江阳区信息传输、软件和信息技术服务业增加值8.3亿元,增长6.4%。"));
        Assert.Equal("it_services_value_added", fact.IndicatorCode?.Value);
        Assert.Equal("信息传输、软件和信息技术服务业增加值", fact.IndicatorRaw);
    }

    [Fact]
    public void CategoryName_HoldingJiOrHe_IsNotCutAtTheJoiner()
    {
        var facts = Facts("5月,江阳区居民消费价格中,生活用品及服务类价格上涨1.2%,交通和通信类价格下降0.8%。");
        Assert.Equal([("生活用品及服务类价格", 1.2m), ("交通和通信类价格", -0.8m)], facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Fact]
    public void CategoryName_HoldingDun_IsOneName_AndAListOfCategoriesIsStillAList()
    {
        var one = Assert.Single(Facts("1-5月,江阳区粮油、食品类零售额增长5.2%。"));
        Assert.Equal("粮油、食品类零售额", one.Indicator);

        var two = Facts("1-5月,江阳区服装类、日用品类零售额分别增长4.1%和2.6%。");
        Assert.Equal([("服装类零售额", 4.1m), ("日用品类零售额", 2.6m)], two.Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Fact]
    public void Subject_BeforeAnAdverb_StaysWithItsMeasure()
    {
        var fact = Assert.Single(Facts("1-5月,江阳区蔬菜累计产量12.6万吨,增长3.1%。"));
        Assert.Equal("蔬菜产量", fact.Indicator);
        Assert.Equal("vegetable_output", Assert.Single(ShippedFacts("1-5月,江阳区蔬菜累计产量12.6万吨,增长3.1%。")).IndicatorCode?.Value);
    }

    [Fact]
    public void BareMeasure_OpeningAClause_AfterAnotherMeasureOfOneSubject_IsThatSubjects()
    {
        var facts = Facts("1-5月,江阳区茶叶采摘面积8.1万亩,产量1.2万吨,产值5.6亿元,增长4.4%。");
        Assert.Equal(["茶叶采摘面积", "茶叶产量", "茶叶产值"], facts.Select(f => f.Indicator));
        Assert.Equal(4.4m, facts[2].GrowthPct);
    }

    [Theory]
    [InlineData("1-5月,水口镇规模以上工业企业完成产值25.1亿元,增长6.2%。", "水口镇规模以上工业企业")]
    [InlineData("1-5月,水口工业园区完成产值25.1亿元,增长6.2%。", "水口工业园区")]
    public void LongSubject_BeforeCompleted_StaysInTheName(string sentence, string subject)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.StartsWith(subject, fact.Indicator, StringComparison.Ordinal);
        Assert.EndsWith("产值", fact.Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void Subject_WrittenBeforeItsVerb_NamesTheMoneyFigureAfterTheVerb()
    {
        var fact = Assert.Single(Facts("1-5月,江阳区省外资金到位18.4亿元。"));
        Assert.Equal("省外资金", fact.Indicator);
        Assert.Equal(18.4m, fact.Value);
    }

    [Fact]
    public void Respectively_WithTheMeasureAfterIt_PairsItemsValuesAndGrowthsInOrder()
    {
        var facts = Facts("1-5月,江阳区猪、牛、羊、家禽分别出栏12.1万头、0.8万头、3.2万只、150.6万只,分别增长2.1%、-1.3%、4.5%、6.0%。");
        Assert.Equal(
            [("猪出栏", 12.1m, 2.1m), ("牛出栏", 0.8m, -1.3m), ("羊出栏", 3.2m, 4.5m), ("家禽出栏", 150.6m, 6.0m)],
            facts.Select(f => (f.Indicator, f.Value!.Value, f.GrowthPct!.Value)));
        Assert.All(facts, f => Assert.Equal(FactKind.Value, f.Kind));
    }

    [Fact]
    public void Respectively_AfterAnimalsAndTheirHeadCount_CompletesEachOneCharacterItem()
    {
        var facts = Facts("1-5月,江阳区生猪、牛、羊存栏分别增长2.1%、1.3%、4.5%。");
        Assert.Equal([("生猪存栏", 2.1m), ("牛存栏", 1.3m), ("羊存栏", 4.5m)], facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Fact]
    public void Respectively_ItemEndingInAMeasureOfItsOwn_TakesNoOther()
    {
        var facts = Facts("1-5月,江阳区规上工业增加值、固定资产投资同比分别增长8.1%和6.2%。");
        Assert.Equal([8.1m, 6.2m], facts.Select(f => f.GrowthPct!.Value));
        Assert.DoesNotContain("投资", facts[0].Indicator, StringComparison.Ordinal);
        Assert.Contains("固定资产投资", facts[1].Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoNamedItems_OneDirection_RatesJoinedByHe_AreARespectivelyList()
    {
        var facts = Facts("1-5月,江阳区进口额、出口额同比下降37.9%和36.9%。");
        Assert.Equal([("进口额", -37.9m), ("出口额", -36.9m)], facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
        Assert.All(facts, f => Assert.Equal(FactKind.Growth, f.Kind));
    }

    [Fact]
    public void OneNamedItem_RateThenAnotherFigure_IsNotAList()
    {
        var facts = Facts("1-5月,江阳区出口额增长6.3%,进口额增长2.9%。");
        Assert.Equal([6.3m, 2.9m], facts.Select(f => f.GrowthPct!.Value));
    }

    [Fact]
    public void ComparisonPeriods_ListedAfterBi_DoNotBecomeThePeriodOfTheNextSentences()
    {
        var facts = Facts("1-7月,江阳区规上工业增加值增长8.5%,增速比1-3月、1-4月、1-5月和1-6月分别提高2.1、1.5、0.8、0.3个百分点。全区固定资产投资增长6.4%,社会消费品零售总额增长5.0%。");
        Assert.All(facts.Where(f => f.Kind is FactKind.Growth), f => Assert.Equal("2024-01..07", f.Period?.ToString()));
        Assert.Equal(3, facts.Count(f => f.Kind is FactKind.Growth));
    }
}
