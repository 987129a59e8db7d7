using System.IO.Compression;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Import;
using static Baiqiang.Storage.Tests.Import.BulletinWorkbooks;

namespace Baiqiang.Storage.Tests.Import;

public sealed class BulletinLayoutReaderTests
{
    private static readonly StatPeriod H1 = StatPeriod.CumulativeTo(2023, 6);
    private static readonly StatPeriod June = StatPeriod.ForMonth(2023, 6);

    private static ObservationRecord Find(ImportResult result, string indicator, StatPeriod period, Core.Regions.RegionCode? region = null)
        => Assert.Single(result.Records, r => r.Indicator.Value == indicator && r.Period == period && r.Region == (region ?? TestLookups.JiangYang));

    [Fact]
    public async Task ReadAsync_MonthlySheet_ReadsMonthCumulativeAndGrowthInTheIndicatorsUnit()
    {
        var result = await ReadAsync(Xlsx(MonthlySheet()));

        ImportAssert.Ok(result);
        Assert.Equal(ImportLayout.Bulletin, result.Layout);
        var gdp = Find(result, "gdp", H1);
        Assert.Equal(880.5m, gdp.Value);
        Assert.Equal(7.8m, gdp.GrowthPercent);
        Assert.DoesNotContain(result.Records, r => r.Indicator.Value == "gdp" && r.Period == June);
        Assert.Equal(1.2m, Find(result, "industrial_value_added", June).Value);
        Assert.Equal(65m, Find(result, "industrial_value_added", H1).Value);
        Assert.Equal(6.1m, Find(result, "industrial_value_added", H1).GrowthPercent);
        Assert.Equal(-2.1m, Find(result, "budget_revenue", H1).GrowthPercent);
        Assert.Null(Find(result, "budget_revenue", June).GrowthPercent);
        Assert.Null(Find(result, "retail_sales", H1).GrowthPercent);
        Assert.Equal(6, result.Records.Count);
    }

    [Fact]
    public async Task ReadAsync_RegionsAcrossTheTop_PairsEachGrowthWithItsRegionAndKeepsComparableBasis()
    {
        var result = await ReadAsync(Xlsx(RegionsAcrossSheet()));

        ImportAssert.Ok(result);
        var longMaTan = Find(result, "gdp", H1, LongMaTan);
        Assert.Equal(420.25m, longMaTan.Value);
        Assert.Equal(6.5m, longMaTan.GrowthPercent);
        Assert.Equal(GrowthBasis.Comparable, longMaTan.GrowthBasis);
        Assert.Equal(6.1m, Find(result, "industrial_value_added", H1).GrowthPercent);
        var industry = Find(result, "industrial_value_added", H1, LongMaTan);
        Assert.Equal(40m, industry.Value);
        Assert.Null(industry.GrowthPercent);
        Assert.Equal(4, result.Records.Count);
    }

    [Fact]
    public async Task ReadAsync_SeveralSheets_ReadsEverySheetAndReportsTheMapping()
    {
        var result = await ReadAsync(Xlsx(MonthlySheet(), RegionsAcrossSheet()));

        ImportAssert.Ok(result);
        Assert.Equal(6 + 4 - 2, result.Records.Count); // 江阳区's GDP and industry for 1-6月 are in both sheets, identical, kept once
        var cumulative = Assert.Single(result.Mapping, m => m.Sheet == "江阳区" && m.HeaderPath == "1-6月累计");
        Assert.Equal("2023-01..06", cumulative.Period);
        Assert.Equal("510502", cumulative.Region);
        Assert.StartsWith("按行(A列)", cumulative.Indicator, StringComparison.Ordinal);
        Assert.StartsWith("累计", cumulative.Measure, StringComparison.Ordinal);
        Assert.Equal(4, cumulative.Figures);
        var pair = Assert.Single(result.Mapping, m => m.Sheet == "各区" && m.HeaderPath == "龙马潭区 / 增速(可比价)");
        Assert.Equal("D3", pair.Cell);
        Assert.Contains("可比价", pair.Measure, StringComparison.Ordinal);
        Assert.Contains("各区!D3", pair.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_QuarterTitleUnitInHeaderAndRegionInSheetName_Reads()
    {
        var sheet = Sheet("龙马潭区", [
            ["主要经济指标(2023年一季度)"],
            ["项目", "本月(万元)", "累计(万元)", "比上年同期增长%"],
            ["地区生产总值", 1000m, 2_500_000m, 5.5m],
            ["说明：累计为1-3月。", null, null, null],
        ]);

        var result = await ReadAsync(Xlsx(sheet));

        ImportAssert.Ok(result);
        var q1 = Find(result, "gdp", StatPeriod.CumulativeTo(2023, 3), LongMaTan);
        Assert.Equal(250m, q1.Value);
        Assert.Equal(5.5m, q1.GrowthPercent);
        Assert.Equal(0.1m, Find(result, "gdp", StatPeriod.ForMonth(2023, 3), LongMaTan).Value);
    }

    [Fact]
    public async Task ReadAsync_ValueWithNoUnitAnywhere_IsAnErrorNamingTheCell()
    {
        var sheet = Sheet("江阳区", [
            ["江阳区 2023年1-6月"],
            ["指标名称", "1-6月累计", "增速"],
            ["地区生产总值", 880.5m, 7.8m],
        ]);

        var result = await ReadAsync(Xlsx(sheet));

        var e = ImportAssert.HasError(result, 3, "江阳区!B3", "没有单位", "has no unit");
        Assert.Contains("江阳区!B3", e.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_HeaderThatMapsToNothing_IsRefusedNamingTheCell()
    {
        var sheet = Sheet("江阳区", [
            ["2023年1-6月江阳区主要经济指标"],
            ["指标名称", "计量单位", "1-6月累计", "上报人签字"],
            ["地区生产总值", "亿元", 880.5m, 1m],
        ]);

        var result = await ReadAsync(Xlsx(sheet));

        var e = ImportAssert.HasError(result, 2, "江阳区!D2", "无法识别", "cannot be mapped");
        Assert.Contains("上报人签字", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AmbiguousRegionHeader_IsAnErrorNamingTheMergedCell()
    {
        var sheet = Sheet("各区", [
            ["2023年1-6月 单位:亿元"],
            ["指标", "江阳区", null, "通州区", null],
            [null, "绝对值", "增速", "绝对值", "增速"],
            ["地区生产总值", 880.5m, 7.8m, 1200m, 6m],
        ], (1, 1, 1, 2), (1, 3, 1, 2));

        var result = await ReadAsync(Xlsx(sheet));

        var e = ImportAssert.HasError(result, 2, "各区!D2", "通州区", "320612");
        Assert.Contains("110112", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TwoIndicatorsInOneHeaderPath_IsAmbiguous()
    {
        var sheet = Sheet("江阳区", [
            ["2023年1-6月 单位:亿元"],
            ["地区", "地区生产总值", "地区生产总值"],
            [null, "一般公共预算收入", "增速"],
            ["江阳区", 880.5m, 7.8m],
        ], (1, 1, 1, 2));

        var result = await ReadAsync(Xlsx(sheet), new ImportOptions(Layout: ImportLayout.Bulletin));

        ImportAssert.HasError(result, 3, "江阳区!B3", "歧义", "ambiguous");
    }

    [Fact]
    public async Task ReadAsync_GrowthWithoutValueColumn_IsRefused()
    {
        var sheet = Sheet("江阳区", [
            ["2023年1-6月江阳区"],
            ["指标名称", "同比增长%"],
            ["地区生产总值", 7.8m],
        ]);

        var result = await ReadAsync(Xlsx(sheet), new ImportOptions(Layout: ImportLayout.Bulletin));

        ImportAssert.HasError(result, null, "江阳区!B2", "增速列", "growth column");
    }

    [Fact]
    public async Task ReadAsync_UnknownIndicatorRow_IsRefusedWholeNamingTheCell()
    {
        var sheet = MonthlySheet();
        sheet.Rows[3] = ["规上工业用电量", "万千瓦时", 1m, 2m, 3m];

        var result = await ReadAsync(Xlsx(sheet));

        ImportAssert.HasError(result, 4, "江阳区!A4", "未知指标", "unknown indicator");
    }

    [Fact]
    public async Task ReadAsync_TooManySheets_IsRefusedBeforeReadingFigures()
    {
        var sheets = Enumerable.Range(0, 1000).Select(i => Sheet($"S{i}", [["x"]])).ToArray();

        var result = await ReadAsync(Xlsx(sheets));

        ImportAssert.HasError(result, null, null, "1000个工作表", "1000 sheets");
    }

    [Fact]
    public async Task ReadAsync_HundredThousandColumnSheet_IsRefused()
    {
        var wide = new object?[100_000];
        wide[0] = "指标名称";
        for (var i = 1; i < wide.Length; i++)
        {
            wide[i] = "本月";
        }

        var result = await ReadAsync(Xlsx(Sheet("江阳区", [["2023年6月"], wide])), new ImportOptions(Layout: ImportLayout.Bulletin));

        ImportAssert.HasError(result, null, null, "16384", "16384 columns");
    }

    [Fact]
    public async Task ReadAsync_WorkbookBomb_IsRefusedByThePackageCheck()
    {
        var bomb = ZipOfZeros();

        var result = await ReadAsync(bomb, new ImportOptions(MaxUncompressedXlsxBytes: 20L * 1024 * 1024, Layout: ImportLayout.Bulletin));

        ImportAssert.HasError(result, null, null, "压缩炸弹", "zip bomb");
    }

    [Theory]
    [InlineData(BulletinSheets.Region)]
    [InlineData(BulletinSheets.Topic)]
    public async Task BulletinExporter_ThenRead_GivesTheSameRecords(BulletinSheets by)
    {
        var original = await ReadAsync(Xlsx(MonthlySheet(), RegionsAcrossSheet()));
        ImportAssert.Ok(original);
        var figures = original.Records.Select(r => new BulletinFigure(r, r.Region == LongMaTan ? "龙马潭区" : "江阳区",
            r.Indicator.Value switch { "gdp" => "地区生产总值", "industrial_value_added" => "规上工业增加值", "budget_revenue" => "一般公共预算收入", _ => "社会消费品零售总额" })).ToList();
        using var ms = new MemoryStream();
        BulletinExporter.Write(ms, figures, by);

        var again = await ReadAsync(ms.ToArray());

        ImportAssert.Ok(again);
        Assert.Equal(ImportLayout.Bulletin, again.Layout);
        Assert.Equal(Facts(original.Records), Facts(again.Records));
    }

    [Fact]
    public void BulletinExporter_ByRegion_MergesPeriodCellsOverTheirPairs()
    {
        var sheets = BulletinExporter.Sheets(
            [new BulletinFigure(new ObservationRecord(TestLookups.JiangYang, new IndicatorCode("gdp"), H1, 880.5m, Core.Quantities.Unit.YiYuan, 7.8m,
                Core.Quantities.Qualifier.Exact, new ObservationSource(SourceKind.Import, "f"), GrowthBasis.Comparable), "江阳区", "地区生产总值")],
            BulletinSheets.Region);

        var sheet = Assert.Single(sheets);
        Assert.Equal("江阳区", sheet.Name);
        Assert.Equal(["指标名称", "计量单位", "2023年1-6月", "2023年1-6月"], sheet.Rows[1]);
        Assert.Equal(["指标名称", "计量单位", "绝对值", "同比增长%"], sheet.Rows[2]);
        Assert.Equal("地区生产总值(按可比价计算)", sheet.Rows[3][0]);
        Assert.Contains((1, 2, 1, 2), sheet.Merges);
        Assert.Contains((1, 0, 2, 1), sheet.Merges);
    }

    /// <summary>A small zip declaring three 8 MiB sheets of zeros.</summary>
    private static byte[] ZipOfZeros()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("xl/workbook.xml");
            var zeros = new byte[1024 * 1024];
            for (var s = 0; s < 3; s++)
            {
                using var entry = zip.CreateEntry($"xl/worksheets/sheet{s + 1}.xml", CompressionLevel.SmallestSize).Open();
                for (var i = 0; i < 8; i++)
                {
                    entry.Write(zeros);
                }
            }
        }

        return ms.ToArray();
    }

    private static List<string> Facts(IEnumerable<ObservationRecord> records) => records
        .Select(r => $"{r.Region} {r.Indicator} {r.Period} {r.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture)} {r.Unit.Symbol} {r.GrowthPercent?.ToString(System.Globalization.CultureInfo.InvariantCulture)} {r.GrowthBasis}")
        .Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task ReadAsync_ComparableAndCurrentPriceGrowthUnderEachRegion_KeepsBothGrowths()
    {
        var sheet = Sheet("各区两种价格", [
            ["2023年1-6月各区主要经济指标"],
            ["单位：亿元"],
            ["指标", "江阳区", null, null, "龙马潭区", null, null],
            [null, "绝对值", "增速(可比价)", "增速(现价)", "绝对值", "增速(可比价)", "增速(现价)"],
            ["地区生产总值", 880.5m, 7.8m, 6.1m, 420.25m, 6.5m, "—"],
        ],
        (0, 0, 1, 7), (1, 0, 1, 7), (2, 0, 2, 1), (2, 1, 1, 3), (2, 4, 1, 3));

        var result = await ReadAsync(Xlsx(sheet));

        ImportAssert.Ok(result);
        var jiangyang = Assert.Single(result.Records, r => r.Region == TestLookups.JiangYang);
        Assert.Equal((7.8m, GrowthBasis.Comparable, 6.1m), (jiangyang.GrowthPercent!.Value, jiangyang.GrowthBasis, jiangyang.CurrentPriceGrowthPercent!.Value));
        var longmatan = Assert.Single(result.Records, r => r.Region == LongMaTan);
        Assert.Equal((6.5m, GrowthBasis.Comparable), (longmatan.GrowthPercent!.Value, longmatan.GrowthBasis));
        Assert.Null(longmatan.CurrentPriceGrowthPercent);
        Assert.Contains(result.Mapping, m => m.HeaderPath == "江阳区 / 增速(现价)" && m.Measure.Contains("现价", StringComparison.Ordinal) && m.Figures == 1);
    }

    [Fact]
    public async Task ReadAsync_RowAtCurrentPricesWithAnotherCurrentPriceGrowth_IsAnErrorNamingTheCell()
    {
        var sheet = Sheet("江阳区", [
            ["2023年1-6月江阳区主要经济指标"],
            ["指标名称", "计量单位", "1-6月累计", "同比增长%", "现价增长%"],
            ["社会消费品零售总额(按现价计算)", "亿元", 228.09m, 5.8m, 6.3m],
        ],
        (0, 0, 1, 5));

        var result = await ReadAsync(Xlsx(sheet));

        var error = Assert.Single(result.Errors);
        Assert.Equal("江阳区!E3", error.Column);
        Assert.Contains("不一致", error.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("differs from the current-price growth 6.3%", error.Message.En, StringComparison.Ordinal);
        Assert.Empty(result.Records);
    }
}
