using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Tests.Stages;

public sealed class IndicatorNamesTests
{
    private static Indicator Money(string code, string zh, params string[] aliases)
        => new(new IndicatorCode(code), zh, code, Unit.YiYuan, IndicatorKind.Flow, Direction.HigherIsBetter, true, false, aliases);

    [Fact]
    public void FindLongest_TwoNamesOverlap_TakesTheLongest()
    {
        var found = IndicatorNames.Default.FindLongest("全县规模以上工业增加值", Dimension.Money);
        Assert.Equal("industrial_value_added", found?.Indicator.Code.Value);
        Assert.Equal(2, found?.Start);
        Assert.Equal("规模以上工业增加值".Length, found?.Length);
    }

    [Theory]
    [InlineData("非税收入")]
    [InlineData("全县非税收入")]
    [InlineData("进出口额")]
    public void FindLongest_AliasInsideALongerDifferentName_IsNotTaken(string text)
        => Assert.Null(IndicatorNames.Default.FindLongest(text, null));

    [Fact]
    public void FindLongest_UnitOfTheFigure_FiltersIncompatibleNames()
    {
        Assert.Null(IndicatorNames.Default.FindLongest("地区生产总值", Dimension.Count));
        Assert.Equal("gdp", IndicatorNames.Default.FindLongest("地区生产总值", Dimension.Money)?.Indicator.Code.Value);
    }

    [Fact]
    public void FindLongest_ACatalogueGivenAsInput_IsUsedInsteadOfTheBuiltIns()
    {
        // 160 indicators, as a store grown past the 25 built-ins: the automaton finds each, and a built-in it lacks is unknown.
        var catalogue = Enumerable.Range(0, 160).Select(i => Money("x" + i, "测试指标" + ChineseNumber(i) + "产值")).ToList();
        catalogue.Add(Money("paper_output", "造纸和纸制品业产值", "造纸业产值"));
        var names = new IndicatorNames(catalogue);
        Assert.Equal(162, names.NameCount - 8); // 160 names, one name and one alias; eight blocking words
        Assert.Equal("x137", names.FindLongest("全县测试指标" + ChineseNumber(137) + "产值", Dimension.Money)?.Indicator.Code.Value);
        Assert.Equal("paper_output", names.FindLongest("造纸和纸制品业产值", Dimension.Money)?.Indicator.Code.Value);
        Assert.Null(names.FindLongest("地区生产总值", null));
    }

    [Fact]
    public void Extract_WithTheStoresCatalogue_NamesTheStoresIndicator()
    {
        List<Indicator> catalogue = [.. IndicatorCatalogue.Default, Money("rubber_plastics_output", "橡胶和塑料制品业产值")];
        var fact = Assert.Single(new FactExtractor(Regions.SampleOnly, catalogue).Extract("t.txt", "上半年,全县橡胶和塑料制品业产值12.5亿元。", new DateOnly(2023, 7, 31)).Facts);
        Assert.Equal("rubber_plastics_output", fact.IndicatorCode?.Value);
        Assert.Equal("橡胶和塑料制品业产值", fact.Indicator);
    }

    private static string ChineseNumber(int i) => string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => "零一二三四五六七八九"[c - '0']));
}
