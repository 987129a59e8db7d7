namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The fifth hand-judged set's table, format and name error kinds (docs/extraction.md, "Rules for the fifth set's error kinds,
/// rules-tables"), each on sentences and tables written for these tests: figures spaced from their units and words, pinyin
/// glosses inside words, tables flattened to one cell a line or to |-separated cells whose rows run across lines, and names cut
/// at · or at 有 (非公有制), ending in the 比 of 比去年同期, or named only 总量.
/// </summary>
public sealed partial class CorpusMissTests
{
    [Theory]
    [InlineData("2022 年,江阳区实现营业收入 356.8 亿元,同比增长 4.2%。")]
    [InlineData("2022\u3000年，江阳区实现营业收入\u3000356.8\u3000亿元，同比增长\u30004.2%。")]
    [InlineData("2022 年,江阳区实现营业收入\u2009356.8\u2009亿元,同比增长\u00A04.2 %。")]
    public void SpacedFigure_SingleSpacesBetweenWordFigureAndUnit_ReadAsWrittenTogether(string sentence)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.Equal(("operating_revenue", 356.8m, "亿元", 4.2m, "2022"), (fact.IndicatorCode?.Value, fact.Value!.Value, fact.Unit, fact.GrowthPct!.Value, fact.Period?.ToString()));
        Assert.StartsWith("356.8", sentence[fact.Offset..], StringComparison.Ordinal); // the offset still points into the text as written
        Assert.EndsWith("元", sentence.Substring(fact.Offset, fact.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void SpacedFigure_GlossedTraditionalWords_AreReadWithoutTheirGlosses()
    {
        var fact = Assert.Single(Facts("2022 年，江陽區營(yíng)業(yè)收入 218.4 億元，同比下降 3.1%。"));
        Assert.Equal(("operating_revenue", 218.4m, "亿元", -3.1m), (fact.IndicatorCode?.Value, fact.Value!.Value, fact.Unit, fact.GrowthPct!.Value));
    }

    [Fact]
    public void SpacedFigure_GdpGluedToItsFigure_IsTheGdp()
    {
        var glued = Assert.Single(Facts("2022年,江阳区实现GDP412.6亿元,同比增长5.3%。"));
        Assert.Equal(("gdp", 412.6m, 5.3m), (glued.IndicatorCode?.Value, glued.Value!.Value, glued.GrowthPct!.Value));
    }

    [Fact]
    public void SpacedFigure_SpacesOfALineWithoutSentencePunctuation_StillSeparateCells()
    {
        // An aligned table with single spaces between a name and its figure: no sentence punctuation, so nothing is glued.
        var text = DocumentText.Create("主要指标 2023 年\n营业收入 356.8 亿元");
        Assert.Contains("营业收入 356.8", text.Normalized, StringComparison.Ordinal);
        var prose = DocumentText.Create("全年营业收入 356.8 亿元,增长 4.2%。");
        Assert.Equal("全年营业收入356.8亿元,增长4.2%。", prose.Normalized);
        Assert.Equal(prose.Normalized.Length, prose.SourceIndex.Count);
        Assert.Equal(prose.Plain.IndexOf('3', StringComparison.Ordinal), prose.SourceIndex[prose.Normalized.IndexOf('3', StringComparison.Ordinal)]);
        Assert.Equal(prose.Plain.IndexOf('亿', StringComparison.Ordinal), prose.ToPlain(prose.Normalized.IndexOf('亿', StringComparison.Ordinal)));
        Assert.Equal(prose.Plain.Length - 1, prose.ToPlain(prose.Normalized.Length - 1));
    }

    [Fact]
    public void Name_MiddleDotsBetweenTheItemsOfAnIndustry_KeepTheIndustryWhole()
    {
        var fact = Assert.Single(Facts("1-6月,江阳区电力·热力·燃气及水生产和供应业增加值增长6.3%。"));
        Assert.Equal(("电力、热力、燃气及水生产和供应业增加值", 6.3m), (fact.Indicator, fact.GrowthPct!.Value));
        Assert.Contains("12.5亿千瓦·时", DocumentText.Create("全社会用电量12.5亿千瓦·时,增长3.3%。").Normalized, StringComparison.Ordinal); // the dot of a unit is no list
    }
}
