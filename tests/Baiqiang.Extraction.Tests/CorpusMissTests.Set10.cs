namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The tenth hand-judged set's table, growth and name error kinds (docs/extraction.md, "Rules for the tenth set's tables,
/// growths and names, rules-r4"), each on tables and sentences written for these tests.
/// </summary>
public sealed partial class CorpusMissTests
{
    // A monthly table whose header cells break across lines (fewer than four | a line), then one row a line with a unit column,
    // rows numbered 一、/1、, a heading row of empty cells, and a 结构(%) column of each row's share of the whole.
    private const string PipedMonthTable =
        "| 指 标 名 称 | 计算 单位 |\n"
        + "3月 | 1-3月 累计 |\n"
        + "累计比上年同期增长(%) | 结构(%) |\n"
        + "| 一、货物运输总量 | 万吨 | 520 | 1480 | 3.5 | 100 |\n"
        + "| 1、公路运输 | 万吨 | 410 | 1150 | 4.1 | 77.70 |\n"
        + "| 2、水路运输 | 万吨 | 110 | 330 | -1.2 | 22.30 |\n"
        + "| 按货类分: | |||||\n"
        + "| 煤炭 | 万吨 | 96 | 270 | -8.4 | |\n"
        + "| 建材 | 万吨 | 150 | 402 | 12.6 |\n";

    [Fact]
    public void PipedTable_HeaderBrokenAcrossLines_OneRowALine_ReadsMonthAndCumulativeColumnsWithTheirGrowth()
    {
        var facts = new FactExtractor(Regions.SampleOnly).Extract("t.txt", PipedMonthTable, new DateOnly(2024, 4, 20)).Facts
            .Where(f => f.Rule == "table.indicator-rows").ToList();
        var values = facts.Where(f => f.Kind == FactKind.Value).Select(f => (f.IndicatorRaw, f.Value!.Value, f.Unit, f.Period?.ToString(), f.GrowthPct)).ToList();
        Assert.Contains(("货物运输总量", 520m, "万吨", "2024-03", (decimal?)null), values);
        Assert.Contains(("货物运输总量", 1480m, "万吨", "2024-01..03", (decimal?)3.5m), values);
        Assert.Contains(("水路运输", 330m, "万吨", "2024-01..03", (decimal?)-1.2m), values);
        Assert.Contains(("建材", 402m, "万吨", "2024-01..03", (decimal?)12.6m), values);
        Assert.DoesNotContain(facts, f => f.IndicatorRaw.Contains("按货类分", StringComparison.Ordinal));
    }

    [Fact]
    public void PipedTable_StructureColumn_IsEachRowsShareInTheCumulativeColumnsPeriod()
    {
        var facts = new FactExtractor(Regions.SampleOnly).Extract("t.txt", PipedMonthTable, new DateOnly(2024, 4, 20)).Facts;
        var share = Assert.Single(facts, f => f.Kind == FactKind.Share && f.IndicatorRaw == "公路运输");
        Assert.Equal((77.70m, "%", "2024-01..03"), (share.Value!.Value, share.Unit, share.Period?.ToString()));
    }

    [Theory]
    [InlineData("2023年,江阳区地区生产总值增长6.2%达135.4亿元。", "gdp", 135.4, 6.2)]
    [InlineData("1-6月,江阳区社会消费品零售总额同比增长7.5%,达到48.6亿元。", "retail_sales", 48.6, 7.5)]
    public void GrowthBeforeItsLevel_ReachedWith达_IsOneFactWithTheLevel(string sentence, string code, double value, double growth)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.Equal((FactKind.Value, code, (decimal)value, (decimal)growth), (fact.Kind, fact.IndicatorCode?.Value, fact.Value!.Value, fact.GrowthPct!.Value));
    }

    [Fact]
    public void GrowthBeforeALevelOfAnotherMeasure_StaysAGrowthOfItsOwn()
    {
        var facts = Facts("1-6月,江阳区规上工业增加值增长8.1%,固定资产投资达12.4亿元。");
        Assert.Contains(facts, f => f.Kind == FactKind.Growth && f.IndicatorCode?.Value == "industrial_value_added" && f.GrowthPct == 8.1m);
        Assert.Contains(facts, f => f.Kind == FactKind.Value && f.IndicatorCode?.Value == "fixed_asset_investment" && f.Value == 12.4m && f.GrowthPct is null);
    }

    [Fact]
    public void RateAfterOnlyTheComparisonWord_IsTheGrowthOfTheLevelBeforeIt()
    {
        var fact = Assert.Single(Facts("2023年,江阳区城镇常住居民人均可支配收入42150元,同比8.6%。"));
        Assert.Equal((FactKind.Value, 42150m, (decimal?)8.6m), (fact.Kind, fact.Value!.Value, fact.GrowthPct));
    }

    [Fact]
    public void AboutTheSameAsLastYear_基本持平_GivesNoGrowth()
    {
        var roughly = Assert.Single(Facts("2023年,江阳区粮食总产量15.2万吨,与上年基本持平。"));
        Assert.Null(roughly.GrowthPct);
        var exactly = Assert.Single(Facts("2023年,江阳区粮食总产量15.2万吨,与上年持平。"));
        Assert.Equal(0m, exactly.GrowthPct);
    }

    [Theory]
    [InlineData("截至6月底,该县工业总产值达到21.8亿元,比上年同期增长12.9%。", "industrial_output_total")]
    public void Name_After该县_LosesThePlaceWord(string sentence, string code)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.Equal(code, fact.IndicatorCode?.Value);
        Assert.DoesNotContain("该", fact.Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_AShareOfTheMeasureNamedAgain_IsTheShareOfTheMeasureWithItsSubject()
    {
        var facts = Facts("1-6月,江阳区民营企业增加值同比增长9.2%,增加值占比64.5%。");
        var share = Assert.Single(facts, f => f.Kind == FactKind.Share);
        Assert.Equal(("民营企业增加值占比", 64.5m), (share.Indicator, share.Value!.Value));
    }
}
