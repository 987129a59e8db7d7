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
}
