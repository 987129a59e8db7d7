using System.Globalization;
using System.Text;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Tests.Import;

namespace Baiqiang.Storage.Tests.Export;

public sealed class ObservationExporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ExportRow[] SeedRows =
    [
        new("320612", "通州区", "gdp", "地区生产总值", "2023-01..06", 880.5m, "亿元", 7.8m, "", "南通统计月报"),
        new("320612", "通州区", "budget_revenue", "一般公共预算收入", "2023-01..06", 41m, "亿元", 27.8m, "", "南通统计月报"),
        new("510502", "江阳区", "retail_sales", "社会消费品零售总额", "2022-01..06", 228.09m, "亿元", 5.8m, "", "泸州统计, \"快报\""),
        new("510502", "江阳区", "enterprises_above_scale", "规上工业企业数", "2022-06", 312m, "家", null, "More", "泸州统计"),
    ];

    private static async Task<string> CsvTextAsync(IEnumerable<ExportRow> rows)
    {
        using var ms = new MemoryStream();
        await ObservationExporter.WriteCsvAsync(ms, rows, ExportLanguage.English, Ct);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public async Task WriteCsvAsync_DefaultLanguage_WritesChineseHeader()
    {
        using var ms = new MemoryStream();
        await ObservationExporter.WriteCsvAsync(ms, [], default, Ct);

        Assert.Equal("地区代码,地区名称,指标代码,指标名称,统计期,数值,单位,同比增长%,限定词,来源,增速口径,同比增长(现价)%\r\n", Encoding.UTF8.GetString(ms.ToArray()[3..]));
    }

    [Fact]
    public async Task WriteCsvAsync_English_StartsWithBomAndTheEnglishLongHeader()
    {
        using var ms = new MemoryStream();
        await ObservationExporter.WriteCsvAsync(ms, [], ExportLanguage.English, Ct);
        var bytes = ms.ToArray();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("region,region_name,indicator,indicator_name,period,value,unit,growth,qualifier,source,growth_basis,growth_current_price_percent\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task WriteCsvAsync_SeedRows_WritesInvariantDecimalsAndQuotes()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var lines = (await CsvTextAsync(SeedRows)).TrimStart('\uFEFF').Split("\r\n");

            Assert.Equal("320612,通州区,gdp,地区生产总值,2023-01..06,880.5,亿元,7.8,,南通统计月报,,", lines[1]);
            Assert.Equal("510502,江阳区,retail_sales,社会消费品零售总额,2022-01..06,228.09,亿元,5.8,,\"泸州统计, \"\"快报\"\"\",,", lines[3]);
            Assert.Equal("510502,江阳区,enterprises_above_scale,规上工业企业数,2022-06,312,家,,More,泸州统计,,", lines[4]);
            Assert.Equal(string.Empty, lines[5]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(ExportLanguage.Chinese)]
    [InlineData(ExportLanguage.English)]
    public async Task WriteCsvAsync_ThenRead_GivesTheSameRecordsInEitherLanguage(ExportLanguage language)
    {
        var original = await ReadSeedAsync();
        var rows = original.Select(r => ExportRow.FromRecord(r, "名", "指标名")).ToList();
        using var ms = new MemoryStream();
        await ObservationExporter.WriteCsvAsync(ms, rows, language, Ct);
        ms.Position = 0;

        var again = await new ObservationFileReader().ReadAsync(ms, "export.csv", TestLookups.Create(), ImportOptions.Default, Ct);

        ImportAssert.Ok(again);
        Assert.Equal(Comparable(original), Comparable(again.Records));
    }

    [Theory]
    [InlineData(ExportLanguage.Chinese)]
    [InlineData(ExportLanguage.English)]
    public async Task WriteXlsxAsync_ThenRead_GivesTheSameRecordsInEitherLanguage(ExportLanguage language)
    {
        var original = await ReadSeedAsync();
        var rows = original.Select(r => ExportRow.FromRecord(r, "名", "指标名")).ToList();
        using var ms = new MemoryStream();
        await ObservationExporter.WriteXlsxAsync(ms, rows, language, Ct);
        ms.Position = 0;

        var again = await new ObservationFileReader().ReadAsync(ms, "export.xlsx", TestLookups.Create(), ImportOptions.Default, Ct);

        ImportAssert.Ok(again);
        Assert.Equal(ImportLayout.Long, again.Layout);
        Assert.Equal(Comparable(original), Comparable(again.Records));
    }

    [Fact]
    public async Task WriteXlsxAsync_SeedRows_ReadBackByMiniExcelWithHeader()
    {
        using var ms = new MemoryStream();
        await ObservationExporter.WriteXlsxAsync(ms, SeedRows, ExportLanguage.English, Ct);
        ms.Position = 0;

        Assert.Equal(["observations"], MiniExcelLibs.MiniExcel.GetSheetNames(ms));
        ms.Position = 0;
        var rows = (await MiniExcelLibs.MiniExcel.QueryAsync(ms, useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(ObservationExporter.Columns, rows[0].Keys);
        Assert.Equal("320612", rows[0]["region"]);
        Assert.Equal(880.5, Convert.ToDouble(rows[0]["value"], CultureInfo.InvariantCulture));
        Assert.Null(rows[3]["growth"] is string s && s.Length == 0 ? null : rows[3]["growth"]);
    }

    [Fact]
    public void FromRecord_ExactQualifier_IsEmpty()
    {
        var record = new ObservationRecord(TestLookups.JiangYang, TestLookups.RetailSales.Code, TestLookups.H1Of2022, 228.09m, Unit.YiYuan, 5.8m,
            Qualifier.Exact, new ObservationSource(SourceKind.Import, "jy.csv", 2));

        var row = ExportRow.FromRecord(record, "江阳区", "社会消费品零售总额");

        Assert.Equal(new ExportRow("510502", "江阳区", "retail_sales", "社会消费品零售总额", "2022-01..06", 228.09m, "亿元", 5.8m, "", "jy.csv"), row);
    }

    /// <summary>The seed figures plus a qualified stock and a quoted source, read from a long CSV.</summary>
    private static async Task<IReadOnlyList<ObservationRecord>> ReadSeedAsync()
    {
        var csv = ImportTestFiles.Csv(
            "region,indicator,period,value,unit,growth,qualifier,source",
            "320612,gdp,2023-01..06,880.5,亿元,7.8,,",
            "320612,budget_revenue,2023-01..06,41,亿元,27.8,,南通统计月报",
            "510502,retail_sales,2022-01..06,228.09,亿元,5.8,,\"泸州统计, \"\"快报\"\"\"",
            "510502,enterprises_above_scale,2022-06,312,家,,余,泸州统计",
            "510502,urban_primacy,2022,35.25,%,-1.5,,");
        var result = await ImportTestFiles.ReadTextAsync("seed.csv", csv);
        ImportAssert.Ok(result);
        return result.Records;
    }

    /// <summary>Records without the row/column of their source (an export has its own rows); the reference is kept.</summary>
    private static List<ObservationRecord> Comparable(IEnumerable<ObservationRecord> records)
        => [.. records.Select(r => r with { Source = new ObservationSource(r.Source.Kind, r.Source.Reference) })];
}
