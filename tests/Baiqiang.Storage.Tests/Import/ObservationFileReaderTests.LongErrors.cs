using System.Text;
using Baiqiang.Storage.Import;
using static Baiqiang.Storage.Tests.Import.ImportTestFiles;

namespace Baiqiang.Storage.Tests.Import;

public sealed partial class ObservationFileReaderTests
{
    private const string Header = "地区,指标,期别,数值,单位,增长";

    /// <summary>A good row first, so each test also shows that one bad row voids the whole file.</summary>
    private static Task<ImportResult> ReadWithBadRowAsync(string badRow, ImportOptions? options = null)
        => ReadTextAsync("gdp.csv", Csv(Header, "320612,gdp,2023-01..06,880.5,亿元,7.8", badRow), options);

    [Fact]
    public async Task ReadAsync_MalformedRegionCode_ErrorQuotesIt()
    {
        var result = await ReadWithBadRowAsync("51050,gdp,2023-01..06,100,亿元,1");

        var e = ImportAssert.HasError(result, 3, "地区", "51050", "51050");
        Assert.Contains("6", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownRegionName_IsAnError()
    {
        var result = await ReadWithBadRowAsync("火星区,gdp,2023-01..06,100,亿元,1");

        ImportAssert.HasError(result, 3, "地区", "火星区", "unknown region");
    }

    [Fact]
    public async Task ReadAsync_UnknownRegionCode_IsAnError()
    {
        var result = await ReadWithBadRowAsync("510599,gdp,2023-01..06,100,亿元,1");

        ImportAssert.HasError(result, 3, "地区", "510599", "unknown region code");
    }

    [Fact]
    public async Task ReadAsync_AmbiguousRegionName_ListsCandidates()
    {
        var result = await ReadWithBadRowAsync("通州区,gdp,2023-01..06,880.5,亿元,7.8");

        var e = ImportAssert.HasError(result, 3, "地区", "歧义", "ambiguous");
        Assert.Contains("110112", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("320612", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("110112", e.Message.En, StringComparison.Ordinal);
        Assert.Contains("320612", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EmptyRegion_IsAnError()
    {
        var result = await ReadWithBadRowAsync(",gdp,2023-01..06,100,亿元,1");

        ImportAssert.HasError(result, 3, "地区", "地区为空", "region is empty");
    }

    [Fact]
    public async Task ReadAsync_UnknownIndicator_IsAnError()
    {
        var result = await ReadWithBadRowAsync("320612,火星产值,2023-01..06,100,亿元,1");

        ImportAssert.HasError(result, 3, "指标", "火星产值", "unknown indicator");
    }

    [Theory]
    [InlineData("2023年第13月")]
    [InlineData("2023-13")]
    [InlineData("2023-03..05")]
    [InlineData("")]
    public async Task ReadAsync_UnparsablePeriod_IsAnError(string period)
    {
        var result = await ReadWithBadRowAsync($"320612,gdp,{period},100,亿元,1");

        ImportAssert.HasError(result, 3, "期别", string.Empty, "period");
    }

    [Fact]
    public async Task ReadAsync_IncompatibleUnit_IsAnError()
    {
        var result = await ReadWithBadRowAsync("320612,gdp,2022-01..06,100,家,1");

        var e = ImportAssert.HasError(result, 3, "单位", "家", "cannot be converted");
        Assert.Contains("亿元", e.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AmbiguousUnit_SaysSo()
    {
        var result = await ReadWithBadRowAsync("320612,gdp,2022-01..06,100,亿,1");

        var e = ImportAssert.HasError(result, 3, "单位", "歧义", "ambiguous");
        Assert.Contains("亿元", e.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownUnit_IsAnError()
    {
        var result = await ReadWithBadRowAsync("320612,gdp,2022-01..06,100,斤,1");

        ImportAssert.HasError(result, 3, "单位", "斤", "unknown unit");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("八百")]
    public async Task ReadAsync_ValueNotANumber_IsAnError(string value)
    {
        var result = await ReadWithBadRowAsync($"320612,gdp,2022-01..06,{value},亿元,1");

        ImportAssert.HasError(result, 3, "数值", value, "not a number");
    }

    [Fact]
    public async Task ReadAsync_EmptyValueWithGrowth_KeepsGrowthOnlyFact()
    {
        // 江阳区 2021: "实现地区生产总值同比增长9.8%" — the rate is published without the level.
        var result = await ReadTextAsync("gdp.csv", Csv(Header, "510502,gdp,2021,,亿元,9.8"), null);

        Assert.True(result.Success);
        var r = Assert.Single(result.Records);
        Assert.Null(r.Value);
        Assert.Equal(9.8m, r.GrowthPercent);
    }

    [Fact]
    public async Task ReadAsync_EmptyValueAndEmptyGrowth_IsAnError()
    {
        var result = await ReadWithBadRowAsync("320612,gdp,2022-01..06,,亿元,");

        ImportAssert.HasError(result, 3, "数值", "数值为空", "value is empty");
    }

    [Theory]
    [InlineData("320612,gdp,2022-01..06,-5,亿元,1")]
    [InlineData("510502,urban_primacy,2022,-3,%,")]
    public async Task ReadAsync_NegativeValueWhereNotAllowed_IsAnError(string row)
    {
        var result = await ReadWithBadRowAsync(row);

        ImportAssert.HasError(result, 3, "数值", "负数", "negative");
    }

    [Fact]
    public async Task ReadAsync_NegativeGrowth_IsNotAnError()
    {
        var result = await ReadWithBadRowAsync("510502,gdp,2022-01..06,700,亿元,-2.1");

        ImportAssert.Ok(result);
        Assert.Equal(-2.1m, result.Records[1].GrowthPercent);
    }

    [Theory]
    [InlineData("七点八")]
    [InlineData("7.8%%")]
    [InlineData("增长")]
    public async Task ReadAsync_GrowthNotANumber_IsAnError(string growth)
    {
        var result = await ReadWithBadRowAsync($"320612,budget_revenue,2023-01..06,41,亿元,{growth}");

        ImportAssert.HasError(result, 3, "增长", growth, "growth");
    }

    [Fact]
    public async Task ReadAsync_UnknownQualifier_IsAnError()
    {
        var result = await ReadTextAsync("q.csv", Csv("region,indicator,period,value,qualifier", "320612,gdp,2023-01..06,880.5,大约吧"));

        ImportAssert.HasError(result, 2, "qualifier", "大约吧", "qualifier");
    }

    [Fact]
    public async Task ReadAsync_SeveralBadCellsInOneRow_ReportsEach()
    {
        var result = await ReadWithBadRowAsync("51050,火星产值,2023-13,abc,亿元,x");

        Assert.Empty(result.Records);
        Assert.Equal(["地区", "指标", "期别", "数值", "增长"], result.Errors.Select(e => e.Column!));
        Assert.All(result.Errors, e => Assert.Equal(3, e.Row));
    }

    [Fact]
    public async Task ReadAsync_MissingRequiredColumns_ListsThem()
    {
        var result = await ReadTextAsync("m.csv", Csv("地区,指标,单位", "320612,gdp,亿元"));

        var e = ImportAssert.HasError(result, 1, null, "期别", "period");
        Assert.Contains("数值", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("value", e.Message.En, StringComparison.Ordinal);
        Assert.DoesNotContain("region", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CsvWithoutHeader_ListsAllRequiredColumns()
    {
        var result = await ReadTextAsync("n.csv", Csv("320612,gdp,2023-01..06,880.5", "510502,retail_sales,2022-01..06,228.09"));

        var e = ImportAssert.HasError(result, 1, null, "缺少必需的列", "missing required columns");
        foreach (var name in new[] { "region", "indicator", "period", "value" })
        {
            Assert.Contains(name, e.Message.En, StringComparison.Ordinal);
        }

        Assert.Equal(ImportLayout.Unknown, result.Layout);
    }

    [Fact]
    public async Task ReadAsync_RepeatedColumn_IsAnError()
    {
        var result = await ReadTextAsync("r.csv", Csv("region,indicator,period,value,数值", "320612,gdp,2023-01..06,880.5,881"));

        ImportAssert.HasError(result, 1, "数值", "重复", "repeats");
    }

    [Fact]
    public async Task ReadAsync_ManyBadRows_CapsErrorsWithSummary()
    {
        var sb = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 30; i++)
        {
            sb.Append("320612,gdp,2023-01..06,bad,亿元,1\n");
        }

        var result = await ReadTextAsync("many.csv", sb.ToString(), new ImportOptions(MaxErrors: 10));

        Assert.Empty(result.Records);
        Assert.Equal(11, result.Errors.Count);
        var last = result.Errors[^1];
        Assert.Contains("20", last.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("and 20 more", last.Message.En, StringComparison.Ordinal);
        Assert.Equal(30, result.RowsRead);
    }

    [Fact]
    public async Task ReadAsync_MoreRowsThanAllowed_IsAnError()
    {
        var result = await ReadTextAsync("big.csv", SeedCsv, new ImportOptions(MaxRows: 2));

        ImportAssert.HasError(result, 4, null, "上限", "more than 2");
    }

    [Fact]
    public async Task ImportError_ToString_GivesChineseThenEnglishWithRowAndColumn()
    {
        var result = await ReadWithBadRowAsync("320612,gdp,2023-01..06,880.5,亿元,七点八");

        var text = Assert.Single(result.Errors).ToString();

        Assert.StartsWith("gdp.csv 第3行 “增长”列: ", text, StringComparison.Ordinal);
        Assert.Contains(" / gdp.csv row 3, column '增长': growth '七点八'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportError_ToString_WithoutRowOrColumn_NamesTheFile()
    {
        var e = new ImportError("a.xlsx", null, null, new("文件为空", "the file is empty"));

        Assert.Equal("a.xlsx: 文件为空 / a.xlsx: the file is empty", e.ToString());
    }

    [Fact]
    public void ImportResult_WithErrorsAndRecords_Throws()
    {
        var record = new Baiqiang.Core.Observations.ObservationRecord(
            TestLookups.JiangYang, TestLookups.RetailSales.Code, TestLookups.H1Of2022, 228.09m, Baiqiang.Core.Quantities.Unit.YiYuan, 5.8m,
            Baiqiang.Core.Quantities.Qualifier.Exact, new(Baiqiang.Core.Observations.SourceKind.Import, "x.csv", 2));
        var error = new ImportError("x.csv", 3, null, new("错", "wrong"));

        Assert.Throws<ArgumentException>(() => new ImportResult([record], [error], ImportLayout.Long, 2));
        Assert.True(new ImportResult([record], [], ImportLayout.Long, 1).Success);
        Assert.False(new ImportResult([], [error], ImportLayout.Long, 1).Success);
    }

    [Fact]
    public async Task ReadAsync_ErrorRowNumbers_CountQuotedLineBreaksAsOneRow()
    {
        var csv = Csv("region,indicator,period,value,source", "320612,gdp,2023-01..06,880.5,\"第一行\n第二行\"", "320612,budget_revenue,2023-01..06,abc,");

        var result = await ReadTextAsync("ml.csv", csv);

        ImportAssert.HasError(result, 3, "value", "abc", "not a number");
    }
}
