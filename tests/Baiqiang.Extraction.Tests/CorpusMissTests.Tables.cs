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

    [Fact]
    public void StackedTable_OneCellALine_TitlePeriodAndGrowthHeaders_RowsBecomeFactsWithTheirUnits()
    {
        var facts = Facts("2023年江阳区经济概况\n全年地区生产总值增长5.0%。\n主要农产品产量\n\n2023年\n比上年增长(%)\n蔬菜\n52310吨\n3.6\n其中:食用菌\n8120吨\n-2.4\n生猪出栏\n15.2万头\n1.8\n");
        var table = facts.Where(f => f.Rule == "table.indicator-rows").ToList();
        Assert.Equal(
            [("蔬菜", 52310m, "吨", 3.6m), ("食用菌", 8120m, "吨", -2.4m), ("生猪出栏", 15.2m, "万头", 1.8m)],
            table.Select(f => (f.IndicatorRaw, f.Value!.Value, f.Unit, f.GrowthPct!.Value)));
        Assert.All(table, f => Assert.Equal("2023", f.Period?.ToString()));
    }

    [Fact]
    public void StackedTable_WithANameHeaderAndAUnitColumn_ReadsTheUnitFromItsColumn()
    {
        var facts = Facts("主要工业产品产量\n产品名称\n单位\n1-6月\n同比增长(%)\n水泥\n万吨\n48.6\n5.2\n发电量\n亿千瓦时\n12.4\n-3.1\n");
        Assert.Equal(
            [("水泥", 48.6m, "万吨", 5.2m, "2024-01..06"), ("发电量", 12.4m, "亿千瓦时", -3.1m, "2024-01..06")],
            facts.Select(f => (f.IndicatorRaw, f.Value!.Value, f.Unit, f.GrowthPct!.Value, f.Period!.ToString())));
    }

    [Fact]
    public void StackedTable_ShortLinesWithoutAHeaderThatSaysWhatTheyHold_AreNoTable()
    {
        // Short lines with numbers under them but no header naming a period, a growth or a unit: not read as a table.
        Assert.Empty(Facts("联系方式\n部门\n电话\n办公室\n3101\n档案室\n3102\n"));
        Assert.Empty(Facts("联系方式\n部门\n电话\n办公室\n3101万元\n档案室\n3102万元\n"));
    }

    // A fiscal execution table as the page text gives it: cells between |, the header's two rows run together (累计完成 over
    // 县级 | 乡级 | 合计, written twice, its sub-headers after 备注), and an empty cell as a line break, so rows run across lines.
    private const string PipedExecutionTable =
        "1-3月,全县一般公共预算收入完成8600万元,增长5.2%,其中税收收入6200万元。 收入明细如下: 二〇二四年三月一般公共预算收入执行情况表 | 科 目 | 年初预算 | 累计完成 | 累计完成 | 占预算% | 上年同期 | 同比增减% | 备注 | 县级 | 乡级 | 合 计 | 税收收入 | 30000 | 5000 | 1200 | 6200 | 20.67 | 5800 | 6.90 |\n"
        + "| 增值税 | 12000 | 2100 |\n"
        + "| 2100 | 17.50 | 2000 | 5.00 |\n"
        + "| 印花税 | 800 |\n"
        + "| 90 | 90 | 11.25 | 100 | -10.00 |\n"
        + "| 房产税 | 600 |\n";

    [Fact]
    public void PipedTable_RowsRunningAcrossLines_GiveTheTotalWithItsPlanShareAndGrowth()
    {
        var facts = Facts(PipedExecutionTable);
        var table = facts.Where(f => f.Rule == "table.indicator-rows").ToList();
        Assert.Equal(
            [("税收收入", 6200m, 20.67m, 6.90m), ("增值税", 2100m, 17.50m, 5.00m), ("印花税", 90m, 11.25m, -10.00m)],
            table.Select(f => (f.IndicatorRaw, f.Value!.Value, f.PlanSharePct!.Value, f.GrowthPct!.Value)));
        Assert.All(table, f => Assert.Equal((FactKind.PlanCompletion, "万元", "2024-01..03"), (f.Kind, f.Unit, f.Period?.ToString())));
    }

    [Fact]
    public void PipedTable_PlanPreviousYearAndPartColumns_AreNoFacts_AndTheProseBeforeTheTableIsRead()
    {
        var facts = Facts(PipedExecutionTable);
        Assert.DoesNotContain(facts, f => f.Value is 30000m or 12000m or 5800m or 2000m or 5000m or 1200m or 600m);
        Assert.Contains(facts, f => f.IndicatorCode?.Value == "budget_revenue" && f.Value == 8600m && f.GrowthPct == 5.2m);
    }

    [Theory]
    [InlineData("1-6月,江阳区高新技术产业产值比去年同期增长12.6%。", "高新技术产业产值", 12.6)]
    [InlineData("1-6月,江阳区高新技术产业产值较上年同期下降2.4%。", "高新技术产业产值", -2.4)]
    public void Name_BeforeAComparisonWithTheBasePeriod_LosesThe比AndKeepsItsSubject(string sentence, string name, double growth)
    {
        var fact = Assert.Single(Facts(sentence));
        Assert.Equal((name, (decimal)growth), (fact.Indicator, fact.GrowthPct!.Value));
    }

    [Fact]
    public void Name_WithTheOwnershipWord公有制_IsNotCutAt有()
    {
        var facts = Facts("2023年,江阳区非公有制经济增加值完成52.18亿元,占生产总值的比重为48.3%。");
        Assert.Contains(facts, f => f.Kind == FactKind.Value && f.Indicator == "非公有制经济增加值" && f.Value == 52.18m);
        Assert.Contains(facts, f => f.Kind == FactKind.Share && f.Indicator.StartsWith("非公有制经济增加值", StringComparison.Ordinal) && f.Value == 48.3m);
    }

    [Fact]
    public void Name_AShareNamedOnly总量_IsTheShareOfTheMeasureJustNamed()
    {
        var facts = Facts("1-6月,江阳区装备制造业增加值同比增长8.2%,总量占全区规上工业增加值41.5%。");
        var share = Assert.Single(facts, f => f.Kind == FactKind.Share);
        Assert.Equal(("装备制造业增加值占比", 41.5m), (share.Indicator, share.Value!.Value));
    }
}
