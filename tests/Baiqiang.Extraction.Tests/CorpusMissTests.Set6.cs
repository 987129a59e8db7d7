namespace Baiqiang.Extraction.Tests;

/// <summary>
/// The sixth hand-judged set's error kinds (docs/extraction.md, "Rules for the sixth set's error kinds, rules-r2"), each on
/// sentences written for these tests: 分别 lists whose items are separated by commas, lines broken inside a sentence, quarters
/// and months to date (截至二季度, 前11个月), a year-less month after the same months with their year, employment figures,
/// list numbers before a name, 地方级 taxes and spending financed by a revenue.
/// </summary>
public sealed partial class CorpusMissTests
{
    [Fact]
    public void Respectively_AfterIndustriesSeparatedByCommas_PairsEachWithItsRateInOrder()
    {
        var facts = Facts("1-5月,江阳区重点行业中,非金属矿物制品业,酒、饮料和精制茶制造业,医药制造业,化学原料和化学制品制造业增加值分别同比增长5.3%、12.1%、2.6%、7.8%。");
        Assert.Equal(
            [("非金属矿物制品业增加值", 5.3m), ("酒、饮料和精制茶制造业增加值", 12.1m), ("医药制造业增加值", 2.6m), ("化学原料和化学制品制造业增加值", 7.8m)],
            facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
        Assert.All(facts, f => Assert.Equal(FactKind.Growth, f.Kind));
    }

    [Fact]
    public void Respectively_AfterCategoriesSeparatedByCommas_KeepsTheEnumerationCommaInsideAnItem()
    {
        var facts = Facts("1-5月,江阳区限额以上单位中,服装、鞋帽类,家用电器类,石油及制品类商品零售额分别增长6.2%、14.5%、3.1%。");
        Assert.Equal(
            [("服装、鞋帽类商品零售额", 6.2m), ("家用电器类商品零售额", 14.5m), ("石油及制品类商品零售额", 3.1m)],
            facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Fact]
    public void Respectively_AfterCommaClausesThatAreNoIndustries_IsNotACommaList()
    {
        // 上半年 and 全区规上工业中 end in no 业/类: the 、 list before 分别 is the list.
        var facts = Facts("上半年,全区规上工业中,轻工业、重工业、采矿业增加值分别增长4.1%、6.3%、1.2%。");
        Assert.Equal([("轻工业增加值", 4.1m), ("重工业增加值", 6.3m), ("采矿业增加值", 1.2m)], facts.Select(f => (f.Indicator, f.GrowthPct!.Value)));
    }

    [Fact]
    public void LineBrokenInsideASentence_ReadsAsOneSentence()
    {
        var facts = Facts("江阳区上半年经济运行\n上半年,江阳区实现地区生产总值 152.3 亿元,增长\n5.6%;固定资产投资 48.2 亿\n元,增长 4.1%。");
        Assert.Equal([("gdp", 152.3m, "亿元", 5.6m), ("fixed_asset_investment", 48.2m, "亿元", 4.1m)],
            facts.Select(f => (f.IndicatorCode?.Value, f.Value!.Value, f.Unit, f.GrowthPct!.Value)));
    }

    [Fact]
    public void LineEndingASentenceOrBeforeANumberedItem_KeepsItsBreak()
    {
        var facts = ShippedFacts("1-5月,江阳区主要税种完成情况如下,单位万元\n2.烟叶税1250万元,同比下降3.0%。\n10.债务付息支出6100万元,同比下降8.2%。");
        Assert.Equal([("烟叶税", 1250m, -3.0m), ("债务付息支出", 6100m, -8.2m)], facts.Select(f => (f.Indicator, f.Value!.Value, f.GrowthPct!.Value)));
    }

    [Theory]
    [InlineData("截至二季度,江阳区规模以上工业总产值402.7亿元,增长8.0%。", "2024-01..06")]
    [InlineData("截止二季度末,江阳区规模以上工业总产值402.7亿元,增长8.0%。", "2024-01..06")]
    [InlineData("截至2023年三季度,江阳区规模以上工业总产值612.9亿元,增长7.2%。", "2023-01..09")]
    [InlineData("二季度,江阳区规模以上工业总产值212.7亿元,增长8.0%。", "2024-Q2")]
    public void QuarterAfterUpTo_IsTheYearToDate_AndAQuarterAloneIsItself(string sentence, string period)
        => Assert.Equal(period, Assert.Single(Facts(sentence)).Period?.ToString());

    [Fact]
    public void FirstMonths_AreTheYearToDate_AndTheMonthAloneIsTheLastOfThem()
    {
        var facts = Facts("今年前11个月,江阳区规上工业企业累计完成产值402.7亿元,同比增长8.0%,其中11月份当月完成产值40.1亿元,同比增长6.2%。医药制造业增势较好,当月完成产值5.2亿元,同比增长3.3%;累计完成产值51.6亿元,同比增长9.4%。", new DateOnly(2024, 12, 15));
        Assert.Equal(
            [(402.7m, "2024-01..11"), (40.1m, "2024-11"), (5.2m, "2024-11"), (51.6m, "2024-01..11")],
            facts.Select(f => (f.Value!.Value, f.Period?.ToString())));
    }

    [Fact]
    public void MonthsWithoutAYear_AfterTheSameMonthsWithTheirYear_KeepThatYear()
    {
        var facts = Facts("一、收入情况:截至2015年8月底,累计完成一般公共预算收入68120万元,增长10.6%。\n二、支出情况:截至8月底,累计完成一般公共预算支出124600万元,增长4.2%。", new DateOnly(2020, 7, 3));
        Assert.Equal([(68120m, "2015-01..08"), (124600m, "2015-01..08")], facts.Select(f => (f.Value!.Value, f.Period?.ToString())));
    }

    [Fact]
    public void EmploymentFigures_AreValuesNotCounts()
    {
        var facts = Facts("2023年,江阳区失业人员再就业1860人,下降1.1%;农村劳动力转移就业4120人;外出就业劳动力6.2万人,增长0.4%。");
        Assert.Equal([(1860m, FactKind.Value), (4120m, FactKind.Value), (6.2m, FactKind.Value)], facts.Select(f => (f.Value!.Value, f.Kind)));
    }

    [Fact]
    public void LocalLevelTax_IsNotTheTaxRevenue()
    {
        var facts = ShippedFacts("1-7月,江阳区地方级税收收入52100万元,增长2.7%,税收收入98400万元,增长1.9%。");
        Assert.Equal([("地方级税收收入", (string?)null, 52100m), ("税收", "tax_revenue", 98400m)], facts.Select(f => (f.Indicator, f.IndicatorCode?.Value, f.Value!.Value)));
    }

    [Fact]
    public void SpendingFinancedByARevenue_IsNotTheRevenue()
    {
        var fact = Assert.Single(ShippedFacts("1-7月,江阳区政府性基金预算支出61200万元,其中,国有土地使用权出让收入安排的支出40150万元。"), f => f.Value == 40150m);
        Assert.Equal(("国有土地使用权出让收入安排的支出", (string?)null), (fact.Indicator, fact.IndicatorCode?.Value));
    }
}
