using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Import;
using static Baiqiang.Storage.Tests.Import.ImportTestFiles;

namespace Baiqiang.Storage.Tests.Import;

public sealed partial class ObservationFileReaderTests
{
    /// <summary>What an office sends: a title with the period, indicator names merged over 本月 / 累计 / 同比增长% sub-columns.</summary>
    private static byte[] OfficeWorkbook() => Xlsx(
        ["2023年1-6月主要经济指标"],
        ["地区", "地区生产总值(亿元)", null, null, "一般公共预算收入（亿元）", null, null],
        [null, "本月", "累计", "同比增长%", "本月", "累计", "同比增长%"],
        ["320612", 150.3, 880.5, 7.8, 6.2, 41, 27.8],
        ["江阳区", 101.25, 620.4, "6.5%", "-", 22.17, -3.4],
        ["注:本表数据为快报数。"]);

    [Fact]
    public async Task ReadAsync_WideXlsxWithMonthCumulativeGrowth_MapsEachColumn()
    {
        var result = await ReadBytesAsync("2023年6月.xlsx", OfficeWorkbook());

        ImportAssert.Ok(result);
        Assert.Equal(ImportLayout.Wide, result.Layout);
        Assert.Equal(2, result.RowsRead);
        var june = StatPeriod.ForMonth(2023, 6);
        var h1 = TestLookups.H1Of2023;
        var actual = result.Records.Select(r => (r.Region.Value, r.Indicator.Value, r.Period, r.Value, r.GrowthPercent, r.Source.Row)).ToList();
        Assert.Equal(
            [
                (320612, "gdp", june, 150.3m, (decimal?)null, (int?)4),
                (320612, "gdp", h1, 880.5m, 7.8m, 4),
                (320612, "budget_revenue", june, 6.2m, null, 4),
                (320612, "budget_revenue", h1, 41m, 27.8m, 4),
                (510502, "gdp", june, 101.25m, null, 5),
                (510502, "gdp", h1, 620.4m, 6.5m, 5),
                (510502, "budget_revenue", h1, 22.17m, -3.4m, 5),
            ],
            actual);
        Assert.All(result.Records, r => Assert.Equal(Unit.YiYuan, r.Unit));
        Assert.Equal("地区生产总值(亿元) 累计", result.Records[1].Source.Column);
    }

    [Fact]
    public async Task ReadAsync_WideCsvWithSingleHeaderCells_PairsGrowthWithNeighbour()
    {
        var csv = Csv(
            "地区,地区生产总值(亿元),地区生产总值 同比增长%,规上工业增加值 累计,规上工业增加值 累计增长,社会消费品零售总额（万元）",
            "南通市通州区,880.5,7.8,300.1,9.2,2280900");

        var result = await ReadTextAsync("w.csv", csv, new ImportOptions(Period: TestLookups.H1Of2023));

        ImportAssert.Ok(result);
        Assert.Equal(ImportLayout.Wide, result.Layout);
        Assert.Collection(
            result.Records,
            r => Assert.Equal((TestLookups.Gdp.Code, 880.5m, (decimal?)7.8m), (r.Indicator, r.Value, r.GrowthPercent)),
            r => Assert.Equal((TestLookups.IndustrialValueAdded.Code, 300.1m, (decimal?)9.2m), (r.Indicator, r.Value, r.GrowthPercent)),
            r => Assert.Equal((TestLookups.RetailSales.Code, 228.09m, (decimal?)null), (r.Indicator, r.Value, r.GrowthPercent)));
        Assert.All(result.Records, r => Assert.Equal(TestLookups.H1Of2023, r.Period));
    }

    [Fact]
    public async Task ReadAsync_WideGrowthBeforeValue_PairsWithFollowingColumn()
    {
        var csv = Csv("地区,GDP增速,地区生产总值", "320612,7.8,880.5");

        var result = await ReadTextAsync("w.csv", csv, new ImportOptions(Period: TestLookups.H1Of2023));

        ImportAssert.Ok(result);
        var r = Assert.Single(result.Records);
        Assert.Equal((880.5m, (decimal?)7.8m), (r.Value, r.GrowthPercent));
    }

    [Fact]
    public async Task ReadAsync_WideTitleRow_GivesThePeriod()
    {
        var csv = Csv("2022年1-6月,,", "地区,社会消费品零售总额,同比增长%", "江阳区,228.09,5.8");

        var result = await ReadTextAsync("title.csv", csv);

        ImportAssert.Ok(result);
        var r = Assert.Single(result.Records);
        Assert.Equal(TestLookups.H1Of2022, r.Period);
        Assert.Equal((228.09m, (decimal?)5.8m), (r.Value, r.GrowthPercent));
    }

    [Fact]
    public async Task ReadAsync_WideOptionsPeriod_OverridesTitle()
    {
        var csv = Csv("2022年1-6月,,", "地区,社会消费品零售总额", "江阳区,228.09");

        var result = await ReadTextAsync("title.csv", csv, new ImportOptions(Period: StatPeriod.CumulativeTo(2022, 9)));

        ImportAssert.Ok(result);
        Assert.Equal(StatPeriod.CumulativeTo(2022, 9), Assert.Single(result.Records).Period);
    }

    [Fact]
    public async Task ReadAsync_WideTitleUnit_AppliesToMoneyColumns()
    {
        var csv = Csv("2023年1-6月  单位:万元,,", "地区,地区生产总值,规上工业企业数", "320612,8805000,312");

        var result = await ReadTextAsync("unit.csv", csv);

        ImportAssert.Ok(result);
        Assert.Equal(880.5m, result.Records[0].Value);
        Assert.Equal(Unit.YiYuan, result.Records[0].Unit);
        Assert.Equal(312m, result.Records[1].Value);
        Assert.Equal(Unit.Jia, result.Records[1].Unit);
    }

    [Fact]
    public async Task ReadAsync_WideHeaderUnitWanYuan_ConvertsExactly()
    {
        var bytes = Xlsx(["地区", "地区生产总值（万元）"], ["320612", 8805000]);

        var result = await ReadBytesAsync("w.xlsx", bytes, new ImportOptions(Period: TestLookups.H1Of2023));

        ImportAssert.Ok(result);
        Assert.Equal(880.5m, Assert.Single(result.Records).Value);
    }

    [Fact]
    public async Task ReadAsync_WideWithoutPeriod_IsAnError()
    {
        var result = await ReadTextAsync("np.csv", Csv("地区,地区生产总值", "320612,880.5"));

        ImportAssert.HasError(result, 1, null, "没有统计期别", "no period");
        Assert.Equal(ImportLayout.Wide, result.Layout);
    }

    [Fact]
    public async Task ReadAsync_WideUnknownIndicatorColumn_IsAnErrorAtTheHeader()
    {
        var result = await ReadTextAsync("u.csv", Csv("地区,地区生产总值,火星产值", "320612,880.5,1"), new ImportOptions(Period: TestLookups.H1Of2023));

        ImportAssert.HasError(result, 1, "火星产值", "火星产值", "unknown indicator");
    }

    [Fact]
    public async Task ReadAsync_WideGrowthWithoutValueColumn_IsAnError()
    {
        var result = await ReadTextAsync("g.csv", Csv("地区,地区生产总值,规上工业增加值增速", "320612,880.5,9.2"), new ImportOptions(Period: TestLookups.H1Of2023));

        ImportAssert.HasError(result, 1, "规上工业增加值增速", "找不到", "no value column");
    }

    [Fact]
    public async Task ReadAsync_WideIncompatibleHeaderUnit_IsAnError()
    {
        var result = await ReadTextAsync("g.csv", Csv("地区,地区生产总值(家)", "320612,880.5"), new ImportOptions(Period: TestLookups.H1Of2023));

        ImportAssert.HasError(result, 1, "地区生产总值(家)", "家", "cannot be converted");
    }

    [Fact]
    public async Task ReadAsync_WideAmbiguousRegion_IsAnErrorInTheRegionColumn()
    {
        var result = await ReadBytesAsync("a.xlsx", Xlsx(["地区", "地区生产总值", "同比增长%"], ["通州区", 880.5, 7.8]), new ImportOptions(Period: TestLookups.H1Of2023));

        var e = ImportAssert.HasError(result, 2, "地区", "歧义", "ambiguous");
        Assert.Contains("320612", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WideValueNotANumber_NamesTheSubColumn()
    {
        var bytes = Xlsx(["2023年1-6月"], ["地区", "地区生产总值", null], [null, "累计", "同比增长%"], ["320612", "八百八十", 7.8]);

        var result = await ReadBytesAsync("v.xlsx", bytes);

        ImportAssert.HasError(result, 4, "地区生产总值 累计", "八百八十", "not a number");
    }

    [Fact]
    public async Task ReadAsync_WideGrowthNotANumber_NamesTheGrowthColumn()
    {
        var bytes = Xlsx(["2023年1-6月"], ["地区", "地区生产总值", null], [null, "累计", "同比增长%"], ["320612", 880.5, "增长较快"]);

        var result = await ReadBytesAsync("v.xlsx", bytes);

        ImportAssert.HasError(result, 4, "地区生产总值 同比增长%", "增长较快", "growth");
    }

    [Fact]
    public async Task ReadAsync_WideNegativeValue_IsAnError()
    {
        var result = await ReadTextAsync("n.csv", Csv("地区,城区首位度(%)", "510502,-1"), new ImportOptions(Period: StatPeriod.ForYear(2022)));

        ImportAssert.HasError(result, 2, "城区首位度(%)", "负数", "negative");
    }

    [Fact]
    public async Task ReadAsync_WideNoDataMarksAndNoteRows_AreSkipped()
    {
        var csv = Csv("地区,地区生产总值,一般公共预算收入", "320612,880.5,—", "510502,-,", "数据来源:统计局,,", "");

        var result = await ReadTextAsync("n.csv", csv, new ImportOptions(Period: TestLookups.H1Of2023));

        ImportAssert.Ok(result);
        Assert.Equal(1, result.RowsRead);
        var r = Assert.Single(result.Records);
        Assert.Equal(TestLookups.Gdp.Code, r.Indicator);
    }

    [Fact]
    public async Task ReadAsync_WidePercentIndicator_KeepsPercentUnit()
    {
        var result = await ReadTextAsync("p.csv", Csv("地区,城区首位度(%)", "510502,35.2"), new ImportOptions(Period: StatPeriod.ForYear(2022)));

        ImportAssert.Ok(result);
        var r = Assert.Single(result.Records);
        Assert.Equal((35.2m, Unit.Percent, (decimal?)null), (r.Value, r.Unit, r.GrowthPercent));
    }

    [Fact]
    public async Task ReadAsync_WideSameWorkbookTwice_IsDeterministic()
    {
        var first = await ReadBytesAsync("o.xlsx", OfficeWorkbook());
        var second = await ReadBytesAsync("o.xlsx", OfficeWorkbook());

        ImportAssert.Ok(first);
        Assert.Equal(first.Records, second.Records);
    }

    [Fact]
    public async Task ReadAsync_LongXlsx_Reads()
    {
        var bytes = Xlsx(
            ["region", "indicator", "period", "value", "unit", "growth"],
            [320612, "gdp", "2023-01..06", 880.5, "亿元", 7.8],
            ["江阳区", "retail_sales", "2022年1-6月", 228.09, "亿元", 5.8]);

        var result = await ReadBytesAsync("long.xlsx", bytes);

        ImportAssert.Ok(result);
        Assert.Equal(ImportLayout.Long, result.Layout);
        Assert.Equal([880.5m, 228.09m], result.Records.Select(r => r.Value));
        Assert.Equal([(decimal?)7.8m, 5.8m], result.Records.Select(r => r.GrowthPercent));
    }

    [Fact]
    public async Task ReadAsync_WideRankAndIndexColumns_AreIgnored()
    {
        var bytes = Xlsx(
            ["2023年1-6月"],
            ["序号", "地区", "地区生产总值", null, null, "备注"],
            [null, null, "累计", "同比增长%", "位次", null],
            [1, "320612", 880.5, 7.8, 3, "快报"]);

        var result = await ReadBytesAsync("rank.xlsx", bytes);

        ImportAssert.Ok(result);
        var r = Assert.Single(result.Records);
        Assert.Equal((TestLookups.NantongTongzhou, 880.5m, (decimal?)7.8m), (r.Region, r.Value, r.GrowthPercent));
    }

    [Fact]
    public async Task ReadAsync_WideTitleWithUnreadablePeriod_SaysSo()
    {
        var result = await ReadTextAsync("t.csv", Csv("2023年第13期统计月报,,", "地区,地区生产总值", "320612,880.5"));

        var e = ImportAssert.HasError(result, 1, null, "无法从标题读出统计期别", "period from the title");
        Assert.Contains("2023", e.Message.En, StringComparison.Ordinal);
    }
}
