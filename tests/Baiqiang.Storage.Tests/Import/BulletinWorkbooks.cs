using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Import;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>Statistics-bureau workbooks built in the test with the repository's own writer (merged cells included), and
/// lookups with the real Chinese period parser.</summary>
internal static class BulletinWorkbooks
{
    public static readonly RegionCode LongMaTan = new(510504);

    public static IImportLookups Lookups() => new InMemoryImportLookups(
        [
            new Region(new RegionCode(510500), "泸州市", RegionKind.PrefectureCity, new RegionCode(510000)),
            new Region(TestLookups.JiangYang, "江阳区", RegionKind.MunicipalDistrict, new RegionCode(510500)),
            new Region(LongMaTan, "龙马潭区", RegionKind.MunicipalDistrict, new RegionCode(510500)),
            new Region(new RegionCode(320600), "南通市", RegionKind.PrefectureCity, new RegionCode(320000)),
            new Region(TestLookups.NantongTongzhou, "通州区", RegionKind.MunicipalDistrict, new RegionCode(320600)),
            new Region(TestLookups.BeijingTongzhou, "通州区", RegionKind.MunicipalDistrict, new RegionCode(110100)),
        ],
        [TestLookups.Gdp, TestLookups.BudgetRevenue, TestLookups.IndustrialValueAdded, TestLookups.RetailSales, TestLookups.EnterprisesAboveScale, TestLookups.UrbanPrimacy],
        t => ChinesePeriodParser.TryParse(t));

    /// <summary>A sheet from rows; <c>merges</c> as (row, column, rows, columns), 0-based.</summary>
    public static WorkbookSheet Sheet(string name, object?[][] rows, params (int Row, int Column, int Rows, int Columns)[] merges)
    {
        var sheet = new WorkbookSheet(name);
        sheet.Rows.AddRange(rows);
        foreach (var (r, c, h, w) in merges)
        {
            sheet.Merge(r, c, h, w);
        }

        return sheet;
    }

    public static byte[] Xlsx(params WorkbookSheet[] sheets)
    {
        using var ms = new MemoryStream();
        WorkbookWriter.Write(ms, sheets);
        return ms.ToArray();
    }

    public static async Task<ImportResult> ReadAsync(byte[] xlsx, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(xlsx, writable: false);
        return await new ObservationFileReader().ReadAsync(stream, "月报.xlsx", Lookups(), options ?? ImportOptions.Default, TestContext.Current.CancellationToken);
    }

    /// <summary>The monthly sheet of one district: 指标名称 | 计量单位 | 本月 | 1-6月累计 | 同比增长%, a note row and a footnote.</summary>
    public static WorkbookSheet MonthlySheet() => Sheet(
        "江阳区",
        [
            ["2023年6月江阳区主要经济指标"],
            ["指标名称", "计量单位", "本月", "1-6月累计", "同比增长%"],
            ["一、地区生产总值", "亿元", "—", 880.5m, 7.8m],
            ["规上工业增加值", "万元", 12000m, 650000m, "6.1"],
            ["一般公共预算收入", "亿元", 4.1m, 41m, -2.1m],
            ["社会消费品零售总额", "亿元", "…", 228.09m, "/"],
            ["注：本表数据为快报数。", null, null, null, null],
            ["数据来源：区统计局", null, null, null, null],
        ],
        (0, 0, 1, 5));

    /// <summary>Regions across the top with 绝对值/增速 pairs under each; a 单位 line; the period in the title.</summary>
    public static WorkbookSheet RegionsAcrossSheet() => Sheet(
        "各区",
        [
            ["2023年1-6月各区主要经济指标"],
            ["单位：亿元"],
            ["指标", "江阳区", null, "龙马潭区", null],
            [null, "绝对值", "增速(可比价)", "绝对值", "增速(可比价)"],
            ["地区生产总值", 880.5m, 7.8m, 420.25m, 6.5m],
            ["规模以上工业增加值", 65m, 6.1m, 40m, "－"],
        ],
        (0, 0, 1, 5),
        (1, 0, 1, 5),
        (2, 0, 2, 1),
        (2, 1, 1, 2),
        (2, 3, 1, 2));
}
