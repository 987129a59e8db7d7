using Baiqiang.Extraction.Tables;

namespace Baiqiang.Extraction.Tests.Stages;

/// <summary>Tables → facts (issue 17): HTML and aligned text tables read by header roles, on tables written for these tests.</summary>
public sealed class TableReaderTests
{
    private static readonly DateOnly June = new(2024, 6, 18);

    private static IReadOnlyList<ExtractedFact> Facts(string text, RegionMatcher? regions = null)
        => new FactExtractor(regions ?? Regions.SampleOnly).Extract("t.html", text, June).Facts;

    [Fact]
    public void Html_IndicatorRowsWithMonthAndCumulativeColumns_GiveOneFactPerValueColumnWithItsPeriodAndGrowth()
    {
        const string html = """
            <html><body><h1>江阳区2024年5月主要经济指标</h1>
            <table>
            <tr><th>指标</th><th>单位</th><th>5月</th><th>同比增长(%)</th><th>1-5月累计</th><th>同比增长(%)</th></tr>
            <tr><td>规模以上工业增加值</td><td>—</td><td>—</td><td>6.6</td><td>—</td><td>7.3</td></tr>
            <tr><td>社会消费品零售总额</td><td>亿元</td><td>21.4</td><td>5.1</td><td>103.9</td><td>4.8</td></tr>
            <tr><td>　其中：限额以上单位消费品零售额</td><td>亿元</td><td>8.2</td><td>-1.3</td><td>40.5</td><td>2.2</td></tr>
            </table></body></html>
            """;
        var facts = Facts(html);
        Assert.All(facts, f => Assert.Equal(510502, f.RegionCode?.Value));
        Assert.All(facts, f => Assert.StartsWith("table.indicator-rows", f.Rule, StringComparison.Ordinal));
        var growths = facts.Where(f => f.Kind == FactKind.Growth).Select(f => (f.IndicatorCode?.Value, f.Period?.ToString(), f.GrowthPct)).ToList();
        Assert.Equal([("industrial_value_added", "2024-05", 6.6m), ("industrial_value_added", "2024-01..05", 7.3m)], growths);
        var retail = facts.Where(f => f.IndicatorCode?.Value == "retail_sales").Select(f => (f.Period?.ToString(), f.Value, f.Unit, f.GrowthPct)).ToList();
        Assert.Equal([("2024-05", 21.4m, "亿元", 5.1m), ("2024-01..05", 103.9m, "亿元", 4.8m)], retail);
        var sub = facts.Where(f => f.Indicator.Contains("限额以上单位消费品零售额", StringComparison.Ordinal)).Select(f => (f.Value, f.GrowthPct)).ToList();
        Assert.Equal([(8.2m, -1.3m), (40.5m, 2.2m)], sub); // 其中: is dropped, the qualifier kept
        Assert.Contains("1-5月累计", facts[^1].Sentence, StringComparison.Ordinal); // the header path is the fact's source
    }

    [Fact]
    public void Html_RegionRowsUnderATwoRowHeader_TakeTheIndicatorFromTheSpanningHeader()
    {
        const string html = """
            <html><body><h2>2024年一季度泸州市各区县经济指标</h2>
            <table>
            <tr><th rowspan="2">区县</th><th colspan="2">地区生产总值</th><th>固定资产投资</th></tr>
            <tr><th>总量(亿元)</th><th>增速(%)</th><th>增速(%)</th></tr>
            <tr><td>江阳区</td><td>188.2</td><td>5.9</td><td>3.1</td></tr>
            <tr><td>合江县</td><td>77.6</td><td>4.4</td><td>-2.5</td></tr>
            <tr><td>合计</td><td>265.8</td><td>5.4</td><td>1.0</td></tr>
            </table></body></html>
            """;
        var facts = Facts(html, Regions.National);
        var gdp = facts.Where(f => f.IndicatorCode?.Value == "gdp").Select(f => (f.RegionCode?.Value, f.Kind, f.Value, f.Unit, f.GrowthPct, f.Period?.ToString())).ToList();
        Assert.Equal([(510502, FactKind.Value, 188.2m, "亿元", 5.9m, "2024-01..03"), (510522, FactKind.Value, 77.6m, "亿元", 4.4m, "2024-01..03")], gdp);
        var fai = facts.Where(f => f.IndicatorCode?.Value == "fixed_asset_investment").Select(f => (f.RegionCode?.Value, f.Kind, f.GrowthPct)).ToList();
        Assert.Equal([(510502, FactKind.Growth, 3.1m), (510522, FactKind.Growth, -2.5m)], fai);
        Assert.DoesNotContain(facts, f => f.Value == 265.8m); // 合计 names no region: not guessed at
    }

    [Fact]
    public void TextTable_UnitFromALineAbove_AndCellsAlignedBySpaces()
    {
        const string text = """
            江阳区2024年1-5月财政收支情况
            单位：万元
            项目                    1-5月累计        同比增长%
            一般公共预算收入          152,380            6.2
              其中：税收收入          101,245           -1.8
            一般公共预算支出          298,010            3.4

            1-5月,全区财政运行总体平稳。
            """;
        var facts = Facts(text).Where(f => f.Rule.StartsWith("table.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [("budget_revenue", 152380m, "万元", 6.2m), ("tax_revenue", 101245m, "万元", -1.8m), ("general_budget_expenditure", 298010m, "万元", 3.4m)],
            facts.Select(f => (f.IndicatorCode?.Value, f.Value!.Value, f.Unit, f.GrowthPct!.Value)));
        Assert.All(facts, f => Assert.Equal("2024-01..05", f.Period?.ToString()));
    }

    [Fact]
    public void Prose_WithDoubleSpacesOrALayoutTable_IsNotReadAsATable()
    {
        const string html = """
            <html><body><table><tr><td>上半年,江阳区地区生产总值412.3亿元,同比增长6.0%。</td><td>责任编辑:李明</td></tr></table>
            <p>上半年  全区  经济运行  稳中有进</p></body></html>
            """;
        var facts = Facts(html);
        var gdp = Assert.Single(facts);
        Assert.Equal(("gdp", 412.3m, 6.0m), (gdp.IndicatorCode?.Value, gdp.Value!.Value, gdp.GrowthPct!.Value));
        Assert.DoesNotContain("table.", gdp.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,266.4", 1266.4)]
    [InlineData("-4.2", -4.2)]
    [InlineData("+3", 3)]
    public void ParseNumber_CellFigures_AreRead(string cell, double expected)
        => Assert.Equal((decimal)expected, TableReader.ParseNumber(cell));

    [Theory]
    [InlineData("—")]
    [InlineData("-")]
    [InlineData("亿元")]
    [InlineData("14..3")]
    [InlineData("")]
    public void ParseNumber_DashesAndWords_AreNoFigure(string cell)
        => Assert.Null(TableReader.ParseNumber(cell));
}
