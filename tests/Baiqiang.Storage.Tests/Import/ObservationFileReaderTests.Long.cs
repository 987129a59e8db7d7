using System.Text;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Import;
using static Baiqiang.Storage.Tests.Import.ImportTestFiles;

namespace Baiqiang.Storage.Tests.Import;

public sealed partial class ObservationFileReaderTests
{
    private const string SeedCsv = """
        region,indicator,period,value,unit,growth
        320612,gdp,2023-01..06,880.5,亿元,7.8
        320612,budget_revenue,2023-01..06,41,亿元,27.8
        510502,retail_sales,2022-01..06,228.09,亿元,5.8
        """;

    [Fact]
    public async Task ReadAsync_LongCsvWithSeedFigures_ReadsExactRecords()
    {
        var result = await ReadTextAsync("seed.csv", SeedCsv);

        ImportAssert.Ok(result);
        Assert.Equal(ImportLayout.Long, result.Layout);
        Assert.Equal(3, result.RowsRead);
        Assert.Collection(
            result.Records,
            r =>
            {
                Assert.Equal(TestLookups.NantongTongzhou, r.Region);
                Assert.Equal("gdp", r.Indicator.Value);
                Assert.Equal(TestLookups.H1Of2023, r.Period);
                Assert.Equal(880.5m, r.Value);
                Assert.Equal(Unit.YiYuan, r.Unit);
                Assert.Equal(7.8m, r.GrowthPercent);
                Assert.Equal(Qualifier.Exact, r.Qualifier);
                Assert.Equal(new ObservationSource(SourceKind.Import, "seed.csv", 2), r.Source);
            },
            r =>
            {
                Assert.Equal("budget_revenue", r.Indicator.Value);
                Assert.Equal(41m, r.Value);
                Assert.Equal(27.8m, r.GrowthPercent);
                Assert.Equal(3, r.Source.Row);
            },
            r =>
            {
                Assert.Equal(TestLookups.JiangYang, r.Region);
                Assert.Equal("retail_sales", r.Indicator.Value);
                Assert.Equal(TestLookups.H1Of2022, r.Period);
                Assert.Equal(228.09m, r.Value);
                Assert.Equal(5.8m, r.GrowthPercent);
            });
    }

    [Fact]
    public async Task ReadAsync_ChineseHeadersNamesAndPeriods_ResolvesThem()
    {
        var csv = Csv(
            "地区,指标,期别,数值,单位,同比增长%",
            "江阳区,社会消费品零售总额,2022年1-6月,228.09,亿元,5.8",
            "南通市通州区,地区生产总值,2023年上半年,880.5,亿元,7.8");

        var result = await ReadTextAsync("江阳.csv", csv);

        ImportAssert.Ok(result);
        Assert.Equal(TestLookups.JiangYang, result.Records[0].Region);
        Assert.Equal(TestLookups.RetailSales.Code, result.Records[0].Indicator);
        Assert.Equal(TestLookups.H1Of2022, result.Records[0].Period);
        Assert.Equal(TestLookups.NantongTongzhou, result.Records[1].Region);
        Assert.Equal(TestLookups.H1Of2023, result.Records[1].Period);
    }

    [Theory]
    [InlineData("区域,指标,时期,值,单位,增长")]
    [InlineData("地区代码,指标,统计期,数值,计量单位,增速")]
    [InlineData("Region,Indicator,Period,Value,Unit,Growth")]
    [InlineData("region_code, indicator , period,value,unit,同比增长(%)")]
    public async Task ReadAsync_HeaderSynonyms_AreRecognised(string header)
    {
        var result = await ReadTextAsync("h.csv", Csv(header, "320612,gdp,2023-01..06,880.5,亿元,7.8"));

        ImportAssert.Ok(result);
        var r = Assert.Single(result.Records);
        Assert.Equal(880.5m, r.Value);
        Assert.Equal(7.8m, r.GrowthPercent);
    }

    [Fact]
    public async Task ReadAsync_Utf8WithBom_Reads()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("地区,指标,期别,数值\n江阳区,社消零,2022-01..06,228.09\n")).ToArray();

        var result = await ReadBytesAsync("bom.csv", bytes);

        ImportAssert.Ok(result);
        Assert.Equal(228.09m, Assert.Single(result.Records).Value);
    }

    [Fact]
    public async Task ReadAsync_GbkEncodedCsv_FallsBackToGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK");
        var csv = Csv("地区,指标,期别,数值,单位,同比增长%", "江阳区,社会消费品零售总额,2022年1-6月,228.09,亿元,5.8");
        var bytes = gbk.GetBytes(csv);
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));

        var result = await ReadBytesAsync("gbk.csv", bytes);

        ImportAssert.Ok(result);
        var r = Assert.Single(result.Records);
        Assert.Equal(TestLookups.JiangYang, r.Region);
        Assert.Equal(TestLookups.RetailSales.Code, r.Indicator);
        Assert.Equal(5.8m, r.GrowthPercent);
    }

    [Fact]
    public async Task ReadAsync_TsvFile_UsesTabs()
    {
        var result = await ReadTextAsync("seed.tsv", "region\tindicator\tperiod\tvalue\n320612\tgdp\t2023-01..06\t880.5\n");

        ImportAssert.Ok(result);
        Assert.Equal(880.5m, Assert.Single(result.Records).Value);
    }

    [Fact]
    public async Task ReadAsync_SemicolonTxt_DetectsDelimiter()
    {
        var result = await ReadTextAsync("seed.txt", "region;indicator;period;value\n320612;gdp;2023-01..06;880.5\n");

        ImportAssert.Ok(result);
        Assert.Equal(880.5m, Assert.Single(result.Records).Value);
    }

    [Theory]
    [InlineData("7.8", "7.8")]
    [InlineData("7.8%", "7.8")]
    [InlineData("7.8％", "7.8")]
    [InlineData("-2.1", "-2.1")]
    [InlineData("−2.1", "-2.1")]
    [InlineData(" 0 ", "0")]
    public async Task ReadAsync_GrowthForms_AreAccepted(string growth, string expected)
    {
        var result = await ReadTextAsync("g.csv", Csv("region,indicator,period,value,growth", $"320612,gdp,2023-01..06,880.5,{growth}"));

        ImportAssert.Ok(result);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(result.Records).GrowthPercent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("—")]
    public async Task ReadAsync_GrowthMissing_IsNull(string growth)
    {
        var result = await ReadTextAsync("g.csv", Csv("region,indicator,period,value,growth", $"320612,gdp,2023-01..06,880.5,{growth}"));

        ImportAssert.Ok(result);
        Assert.Null(Assert.Single(result.Records).GrowthPercent);
    }

    [Fact]
    public async Task ReadAsync_NoUnitColumn_UsesIndicatorUnit()
    {
        // No unit column, header unit or 单位 line: the file states its figures in the catalogue's units. A unit column
        // with a blank cell is an error instead (ReadAsync_BlankUnitCellInUnitColumn_IsAnErrorNamingTheRow).
        var result = await ReadTextAsync("u.csv", Csv("region,indicator,period,value", "320612,gdp,2023-01..06,880.5", "320612,enterprises_above_scale,2023-06,312"));

        ImportAssert.Ok(result);
        Assert.Equal(Unit.YiYuan, result.Records[0].Unit);
        Assert.Equal(Unit.Jia, result.Records[1].Unit);
        Assert.Equal(312m, result.Records[1].Value);
    }

    [Theory]
    [InlineData("8805000", "万元")]
    [InlineData("88050000000", "元")]
    [InlineData("\"8,805,000\"", "万元")]
    [InlineData("880.5", "亿元")]
    public async Task ReadAsync_CompatibleUnit_ConvertsExactly(string value, string unit)
    {
        var result = await ReadTextAsync("w.csv", Csv("region,indicator,period,value,unit", $"320612,gdp,2023-01..06,{value},{unit}"));

        ImportAssert.Ok(result);
        var r = Assert.Single(result.Records);
        Assert.Equal(880.5m, r.Value);
        Assert.Equal("880.5", r.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Unit.YiYuan, r.Unit);
    }

    [Fact]
    public async Task ReadAsync_DefaultUnitOption_AppliesToCompatibleIndicatorsOnly()
    {
        var csv = Csv("region,indicator,period,value", "320612,gdp,2023-01..06,8805000", "320612,enterprises_above_scale,2023-06,312");

        var result = await ReadTextAsync("d.csv", csv, new ImportOptions(DefaultUnit: "万元"));

        ImportAssert.Ok(result);
        Assert.Equal(880.5m, result.Records[0].Value);
        Assert.Equal(312m, result.Records[1].Value);
        Assert.Equal(Unit.Jia, result.Records[1].Unit);
    }

    [Fact]
    public async Task ReadAsync_InvalidDefaultUnitOption_IsAnError()
    {
        var result = await ReadTextAsync("d.csv", SeedCsv, new ImportOptions(DefaultUnit: "亿"));

        var e = ImportAssert.HasError(result, null, null, "默认单位", "default unit");
        Assert.Contains("ambiguous", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PercentIndicator_AcceptsPercentSignInValue()
    {
        var result = await ReadTextAsync("p.csv", Csv("region,indicator,period,value,unit", "510502,urban_primacy,2022,35.2%,%"));

        ImportAssert.Ok(result);
        Assert.Equal(35.2m, Assert.Single(result.Records).Value);
    }

    [Fact]
    public async Task ReadAsync_QualifierAndSource_AreRead()
    {
        var csv = Csv(
            "region,indicator,period,value,unit,growth,qualifier,source",
            "510502,enterprises_above_scale,2022-06,312,家,,余,\"泸州市统计局, 2022年6月月报\"",
            "320612,gdp,2023-01..06,880.5,亿元,7.8,Exact,");

        var result = await ReadTextAsync("q.csv", csv);

        ImportAssert.Ok(result);
        Assert.Equal(Qualifier.More, result.Records[0].Qualifier);
        Assert.Equal("泸州市统计局, 2022年6月月报", result.Records[0].Source.Reference);
        Assert.Equal(Qualifier.Exact, result.Records[1].Qualifier);
        Assert.Equal("q.csv", result.Records[1].Source.Reference);
    }

    [Fact]
    public async Task ReadAsync_SourceKindOption_IsStamped()
    {
        var result = await ReadTextAsync("s.csv", SeedCsv, new ImportOptions(SourceKind: SourceKind.Sample));

        ImportAssert.Ok(result);
        Assert.All(result.Records, r => Assert.Equal(SourceKind.Sample, r.Source.Kind));
    }

    [Fact]
    public async Task ReadAsync_BlankLinesAndTitle_AreSkipped()
    {
        var csv = Csv("2023年主要指标,,,", "", "region,indicator,period,value", "", "320612,gdp,2023-01..06,880.5", ",,,", "510502,retail_sales,2022-01..06,228.09");

        var result = await ReadTextAsync("b.csv", csv);

        ImportAssert.Ok(result);
        Assert.Equal(2, result.RowsRead);
        Assert.Equal([5, 7], result.Records.Select(r => r.Source.Row!.Value));
    }

    [Fact]
    public async Task ReadAsync_IdenticalDuplicateRows_KeepsOne()
    {
        var csv = Csv("region,indicator,period,value,unit,growth", "320612,gdp,2023-01..06,880.5,亿元,7.8", "320612,gdp,2023-01..06,8805000,万元,7.8%");

        var result = await ReadTextAsync("dup.csv", csv);

        ImportAssert.Ok(result);
        var r = Assert.Single(result.Records);
        Assert.Equal(2, r.Source.Row);
        Assert.Equal(2, result.RowsRead);
    }

    [Fact]
    public async Task ReadAsync_ConflictingDuplicateRows_ErrorNamesBothRows()
    {
        var csv = Csv("region,indicator,period,value", "320612,gdp,2023-01..06,880.5", "510502,retail_sales,2022-01..06,228.09", "南通市通州区,地区生产总值,2023年上半年,881");

        var result = await ReadTextAsync("dup.csv", csv);

        var e = ImportAssert.HasError(result, 4, null, "第2行", "row 2");
        Assert.Contains("880.5", e.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("881", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SameContentTwice_YieldsIdenticalRecords()
    {
        var first = await ReadTextAsync("seed.csv", SeedCsv);
        var second = await ReadTextAsync("seed.csv", SeedCsv);

        ImportAssert.Ok(first);
        Assert.Equal(first.Records, second.Records);
        Assert.Equal(first.RowsRead, second.RowsRead);
    }

    [Fact]
    public async Task ReadAsync_FromPath_ReadsAndNamesFileWithoutDirectory()
    {
        using var dir = new TempDir();
        var path = dir.File("seed.csv");
        await File.WriteAllTextAsync(path, SeedCsv, TestContext.Current.CancellationToken);

        var result = await new ObservationFileReader().ReadAsync(path, TestLookups.Create(), ImportOptions.Default, TestContext.Current.CancellationToken);

        ImportAssert.Ok(result);
        Assert.Equal(3, result.Records.Count);
        Assert.All(result.Records, r => Assert.Equal("seed.csv", r.Source.Reference));
    }

    [Fact]
    public async Task ReadAsync_CanonicalPeriodsOfEveryKind_AreRead()
    {
        var csv = Csv("region,indicator,period,value", "320612,gdp,2023,1900", "320612,gdp,2023-06,150", "320612,gdp,2023-Q3,400", "320612,gdp,2023-H2,1000");

        var result = await ReadTextAsync("k.csv", csv);

        ImportAssert.Ok(result);
        Assert.Equal(
            [StatPeriod.ForYear(2023), StatPeriod.ForMonth(2023, 6), StatPeriod.ForQuarter(2023, 3), StatPeriod.ForHalf(2023, 2)],
            result.Records.Select(r => r.Period));
    }

    [Fact]
    public async Task ReadAsync_ExportHeaderWithNameColumns_UsesCodeColumns()
    {
        var csv = Csv(
            "region,region_name,indicator,indicator_name,period,value,unit,growth,qualifier,source",
            "320612,通州区,gdp,地区生产总值,2023-01..06,880.5,亿元,7.8,Exact,");

        var result = await ReadTextAsync("e.csv", csv);

        ImportAssert.Ok(result);
        Assert.Equal(TestLookups.NantongTongzhou, Assert.Single(result.Records).Region);
    }
}
