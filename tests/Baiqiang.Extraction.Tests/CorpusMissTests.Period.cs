namespace Baiqiang.Extraction.Tests;

/// <summary>
/// Periods carried through a document, units and 分别 lists (docs/extraction.md, "Periods carried through a document,
/// rules-period"), each on sentences written for these tests.
/// </summary>
public sealed partial class CorpusMissTests
{
    // A long paragraph with no period of its own: more than 150 characters, as an article's paragraphs are.
    private const string LongParagraphWithoutPeriod =
        "重点行业呈现有增有减的格局,全县上下围绕稳增长目标狠抓落实,各部门协同推进企业帮扶和项目建设,市场主体信心逐步恢复,"
        + "多数行业运行平稳。装备制造业产值增长10.2%,拉动规上工业产值增长2.1个百分点;食品加工业产值下降4.6%,下拉规上工业产值增速0.9个百分点。"
        + "纺织服装业产值增长3.3%,化工行业产值增长6.8%,建材行业产值下降7.5%,电力行业产值增长1.4%。";

    [Fact]
    public void Period_ALeadClauseUnderAHeading_CarriesToTheSectionsLongParagraphs()
    {
        var text = "9月份,全县工业经济稳中有进,市场消费持续回暖。\n一、工业生产稳步回升\n1-9月,全县规上工业增加值增长8.4%,比1-8月提高0.3个百分点。\n"
            + LongParagraphWithoutPeriod;
        var facts = NationalOn(text, new DateOnly(2024, 10, 20));
        var growths = facts.Where(f => f.Kind == FactKind.Growth).ToList();
        Assert.True(growths.Count >= 6);
        Assert.All(growths, f => Assert.Equal("2024-01..09", f.Period?.ToString()));
    }

    [Fact]
    public void Period_ALeadClauseGivesWayAtTheNextHeadingThatStatesItsOwn()
    {
        var text = "一、工业\n1-9月,全县规上工业增加值增长8.4%。\n二、消费\n一季度,全县社会消费品零售总额增长5.5%。\n" + LongParagraphWithoutPeriod;
        var facts = NationalOn(text, new DateOnly(2024, 10, 20));
        Assert.Equal("2024-01..09", Assert.Single(facts, f => f.IndicatorCode?.ToString() == "industrial_value_added").Period?.ToString());
        Assert.All(facts.Where(f => f.IndicatorCode?.ToString() != "industrial_value_added"), f => Assert.Equal("2024-01..03", f.Period?.ToString()));
    }

    [Fact]
    public void Period_ASingleMonthLeadDoesNotCarry()
    {
        // 9月份 opens the page but is the month of the headline only: the long paragraph after a heading with no period keeps none.
        var text = "9月份,全县工业经济稳中有进,市场消费持续回暖。\n一、重点行业\n" + LongParagraphWithoutPeriod;
        var facts = NationalOn(text, new DateOnly(2024, 10, 20));
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.NotEqual("2024-09", f.Period?.ToString()));
    }

    [Theory]
    [InlineData("本报讯 今年上半年以来,全区各部门狠抓项目建设,经济运行稳中向好。该区地区生产总值同比增长6.1%。\n工业运行平稳。该区规模以上工业增加值同比增长8.7%,高于全市1.2个百分点。", "2025-01..06")]
    [InlineData("1-8月以来,全区各部门狠抓项目建设。该区地区生产总值同比增长6.1%。\n工业运行平稳。该区规模以上工业增加值同比增长8.7%。", "2025-01..08")]
    public void Period_ASpanWithYilai_IsThatSpanAndCarries(string text, string period)
    {
        var facts = NationalOn(text, new DateOnly(2025, 9, 10));
        var growths = facts.Where(f => f.Kind == FactKind.Growth).ToList();
        Assert.Equal(2, growths.Count);
        Assert.All(growths, f => Assert.Equal(period, f.Period?.ToString()));
    }

    [Fact]
    public void Period_ASpanNotFromJanuaryWithYilai_SetsNoPeriod()
    {
        var facts = NationalOn("二季度以来,全区地区生产总值同比增长6.1%。", new DateOnly(2025, 9, 10));
        Assert.Null(Assert.Single(facts).Period);
    }

    [Fact]
    public void Period_JinnianYilaiAtTheTop_IsTheSpanThePageStatesBelow()
    {
        // Published in late July; the page reports on 上半年, which it states only in its second section.
        var text = "今年以来,全县上下紧盯全年目标,稳中求进,经济运行保持恢复态势。\n一、主要指标完成情况\n地区生产总值214.6亿元,同比增长9.1%;\n"
            + "固定资产投资88.2亿元,同比增长12.4%。\n二、运行特点\n(一)工业稳中向好。上半年,全县规上工业增加值同比增长10.3%。";
        var facts = NationalOn(text, new DateOnly(2021, 7, 25));
        var values = facts.Where(f => f.Kind == FactKind.Value).ToList();
        Assert.Equal(2, values.Count);
        Assert.All(values, f => Assert.Equal("2021-01..06", f.Period?.ToString()));
    }

    [Fact]
    public void Period_AYearNamedInPassing_DoesNotReplaceTheMonthsInForce()
    {
        var text = "今年1-3月,全市各开发区统筹发展和安全,实现了今年一季度“开门红”和今年良好开局。工业增长较快,实现规上工业总产值812亿元,同比增长21%。"
            + "财政收入大幅增长,实现财政收入61.5亿元,同比增长18.2%。";
        var facts = NationalOn(text, new DateOnly(2021, 4, 20));
        Assert.Equal(2, facts.Count(f => f.Kind == FactKind.Value));
        Assert.All(facts, f => Assert.Equal("2021-01..03", f.Period?.ToString()));
    }

    [Fact]
    public void Period_AYearOpeningItsSentence_StillSetsThePeriod()
    {
        var text = "1-3月,全市地区生产总值同比增长5.2%。今年全市地区生产总值预计增长6%左右。";
        var facts = NationalOn(text, new DateOnly(2021, 4, 20));
        Assert.Equal("2021-01..03", facts[0].Period?.ToString());
        Assert.Equal("2021", facts[^1].Period?.ToString());
    }
}

public sealed partial class CorpusMissTests
{
    [Theory]
    [InlineData("一季度,全区电视机、冰箱、洗衣机产量分别增长2.1倍、1.6倍和12.4%。", "洗衣机产量", 12.4)]
    [InlineData("一季度,全区电子商务服务业、会展服务业分别增长1.1倍和27.5%。", "会展服务业", 27.5)]
    public void Respectively_AListMixingMultiplesAndRates_KeepsEachItemsOwnUnit(string text, string rated, double growth)
    {
        var facts = NationalOn(text, new DateOnly(2024, 4, 25));
        var g = Assert.Single(facts, f => f.Kind == FactKind.Growth);
        Assert.Equal(rated, g.Indicator);
        Assert.Equal((decimal)growth, g.GrowthPct);
        Assert.DoesNotContain(facts, f => f.Kind == FactKind.Value);
        Assert.All(facts.Where(f => f.Kind == FactKind.Multiple), f => Assert.NotEqual(rated, f.Indicator));
    }

    [Fact]
    public void Respectively_ARateListThenAMultiple_GivesTheMultipleTheNextName()
    {
        var facts = NationalOn("一季度,全区电视机、冰箱产量分别增长12.4%和1.6倍。", new DateOnly(2024, 4, 25));
        Assert.Equal("电视机产量", Assert.Single(facts, f => f.Kind == FactKind.Growth).Indicator);
        Assert.Equal("冰箱产量", Assert.Single(facts, f => f.Kind == FactKind.Multiple).Indicator);
    }

    [Fact]
    public void Respectively_OrdinalIndustries_ExpandWithTheOrdinalWrittenOnce()
    {
        var facts = NationalOn("1-8月,全县固定资产投资326.5亿元,同比增长8.1%。第一、二、三产业投资分别增长12.2%、6.3%、9.7%。", new DateOnly(2024, 9, 20));
        var growths = facts.Where(f => f.Kind == FactKind.Growth).Select(f => (f.Indicator, f.GrowthPct)).ToList();
        Assert.Equal([("第一产业投资", 12.2m), ("第二产业投资", 6.3m), ("第三产业投资", 9.7m)], growths);
        Assert.DoesNotContain(facts, f => f.Amount?.Unit.Dimension == Baiqiang.Core.Quantities.Dimension.Percent);
    }
}
