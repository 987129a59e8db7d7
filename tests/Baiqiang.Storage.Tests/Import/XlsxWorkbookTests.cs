using System.Globalization;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Storage.Import;
using static Baiqiang.Storage.Tests.Import.RawXlsx;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>The streaming worksheet reader behind the bulletin layout, on packages written by hand: what it must read as
/// the MiniExcel reader did, and the limits it must stop at.</summary>
public sealed class XlsxWorkbookTests
{
    private static readonly StatPeriod H1 = StatPeriod.CumulativeTo(2023, 6);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Regions across the top with 江阳区 over B:C and 龙马潭区 over AA:AB (beyond column Z), the header cells merged;
    /// numbers stored as numbers and as text (shared and inline), a rich-text label, cells left out of rows.</summary>
    internal static byte[] RegionsFarRight(string growthAtAb5 = "<c r=\"AB5\" t=\"s\"><v>5</v></c>") => Build(
        [
            ("各区",
                Row(1, Inline("A1", "2023年1-6月各区主要经济指标")) +
                Row(2, Inline("A2", "单位：亿元")) +
                Row(3, S("A3", 0), S("B3", 1), "<c r=\"C3\" s=\"0\"/>", S("AA3", 2)) +
                Row(4, "<c r=\"A4\"/>", S("B4", 3), S("C4", 4), S("AA4", 3), Inline("AB4", "增速(可比价)")) +
                Row(5, S("A5", 6), N("B5", "880.50"), Inline("AA5", "420.25"), growthAtAb5) +
                Row(6, "<c r=\"A6\" t=\"inlineStr\"><is><r><t>一般公共</t></r><r><rPr><b/></rPr><t>预算收入</t></r></is></c>", N("B6", "41"), N("C6", "-2.1"), N("AA6", "12.0")),
                Merges("A1:AB1", "A2:AB2", "A3:A4", "B3:C3", "AA3:AB3")),
        ],
        [Si("指标"), Si("江阳区"), Si("龙马潭区"), Si("绝对值"), Si("增速"), Si("6.5"), Si("地区生产总值")]);

    [Fact]
    public async Task ReadAsync_FarColumnsTextNumbersAndMissingCells_ReadsEveryFigureExactly()
    {
        var result = await BulletinWorkbooks.ReadAsync(RegionsFarRight());

        ImportAssert.Ok(result);
        Assert.Equal(ImportLayout.Bulletin, result.Layout);
        Assert.Equal(4, result.Records.Count);
        var gdpJiangYang = Find(result, "gdp", TestLookups.JiangYang);
        Assert.Equal(880.5m, gdpJiangYang.Value);
        Assert.Null(gdpJiangYang.GrowthPercent); // C5 is not in the file
        var gdpLongMaTan = Find(result, "gdp", BulletinWorkbooks.LongMaTan);
        Assert.Equal(420.25m, gdpLongMaTan.Value);
        Assert.Equal(6.5m, gdpLongMaTan.GrowthPercent);
        Assert.Equal(GrowthBasis.Comparable, gdpLongMaTan.GrowthBasis);
        Assert.Equal("各区!AA5", gdpLongMaTan.Source.Column);
        var budget = Find(result, "budget_revenue", TestLookups.JiangYang);
        Assert.Equal(41m, budget.Value);
        Assert.Equal(-2.1m, budget.GrowthPercent);
        Assert.Equal(12m, Find(result, "budget_revenue", BulletinWorkbooks.LongMaTan).Value);
        Assert.Contains(result.Mapping, m => m.Cell == "AA3" && m.HeaderPath == "龙马潭区 / 绝对值");
        Assert.Contains(result.Mapping, m => m.Cell == "AA3" && m.HeaderPath == "龙马潭区 / 增速(可比价)");
    }

    [Fact]
    public async Task ReadAsync_BadGrowthBeyondColumnZ_NamesThatCell()
    {
        var result = await BulletinWorkbooks.ReadAsync(RegionsFarRight(Inline("AB5", "约6.5")));

        ImportAssert.HasError(result, 5, "各区!AB5", "不是数字", "not a number");
    }

    [Theory]
    [InlineData("XFE3")]
    [InlineData("ZZZZZZZZZZ3")]
    public async Task ReadAsync_CellBeyondColumnXfd_IsRefusedWithoutReadingTheRow(string reference)
    {
        var xlsx = Build([("江阳区", Row(1, Inline("A1", "2023年6月")) + Row(3, Inline("A3", "指标名称"), Inline("B3", "本月"), Inline(reference, "x")), "")]);

        var result = await BulletinWorkbooks.ReadAsync(xlsx, new ImportOptions(Layout: ImportLayout.Bulletin));

        var error = ImportAssert.HasError(result, null, null, "16384", "16384 columns");
        Assert.Contains(reference, error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CellBeyondColumnXfdWithLayoutDetected_IsRefusedTheSameWay()
    {
        var xlsx = Build([("江阳区", Row(1, Inline("A1", "指标名称"), Inline("XFE1", "本月")), "")]);

        var result = await BulletinWorkbooks.ReadAsync(xlsx);

        ImportAssert.HasError(result, null, null, "16384", "16384 columns");
    }

    [Fact]
    public void ReadSheet_FarCellOnEveryOneOfManyRows_IsRefusedAsTooSparse()
    {
        var rows = string.Concat(Enumerable.Range(1, 2_000).Select(r => Row(r, Inline(string.Create(CultureInfo.InvariantCulture, $"XFD{r}"), "x"))));
        using var workbook = XlsxWorkbook.Open(new MemoryStream(Build([("稀疏", rows, "")])));

        var refused = Assert.Throws<XlsxSheetException>(() => workbook.ReadSheet(0, int.MaxValue, Ct));

        Assert.Contains("too sparse", refused.Why.En, StringComparison.Ordinal);
        Assert.Contains("过于稀疏", refused.Why.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSheet_SameMergedRangeThousandsOfTimes_IsRefused()
    {
        var rows = string.Concat(Enumerable.Range(1, 10).Select(r => Row(r, [.. Enumerable.Range(0, 100).Select(c => Inline(WideLayoutReader.ColumnLetter(c) + r.ToString(CultureInfo.InvariantCulture), "x"))])));
        using var workbook = XlsxWorkbook.Open(new MemoryStream(Build([("重叠", rows, Merges([.. Enumerable.Repeat("A1:CV10", 2_000)]))])));

        var refused = Assert.Throws<XlsxSheetException>(() => workbook.ReadSheet(0, int.MaxValue, Ct));

        Assert.Contains("overlap", refused.Why.En, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSheet_MergedRangeWithItsCellsPresent_FillsThemAndLeavesAbsentOnesEmpty()
    {
        var xlsx = Build([("合并", Row(1, Inline("A1", "江阳区"), "<c r=\"B1\"/>", Inline("D1", "龙马潭区")) + Row(2, Inline("A2", "绝对值"), Inline("B2", "增速")), Merges("A1:B1", "D1:E1"))]);
        using var workbook = XlsxWorkbook.Open(new MemoryStream(xlsx));

        var rows = workbook.ReadSheet(0, int.MaxValue, Ct);

        Assert.Equal([1, 2], rows.Select(r => r.Row));
        Assert.Equal(["江阳区", "江阳区", "", "龙马潭区"], rows[0].Cells);
        Assert.Equal(["绝对值", "增速"], rows[1].Cells);
    }

    [Theory]
    [InlineData("880.5", "880.5")]
    [InlineData("880.50", "880.5")]
    [InlineData("100.00", "100")]
    [InlineData("-2.10", "-2.1")]
    [InlineData("0.5", "0.5")]
    [InlineData("1.5E-3", "0.0015")]
    [InlineData("12345678901.2345", "12345678901.2345")]
    [InlineData("228.09000000000001", "228.09")]
    [InlineData("0.30000000000000004", "0.30000000000000004")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("n/a", "n/a")]
    public void NumberText_StoredText_ExactDecimalOrWhatExcelShows(string raw, string expected)
        => Assert.Equal(expected, XlsxWorkbook.NumberText(raw));

    [Fact]
    public async Task ReadSheet_EveryKindOfCell_ReadsWhatMiniExcelRead()
    {
        var styles = "<numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/></numFmts>"
            + "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/><xf numFmtId=\"4\"/></cellXfs>";
        var data =
            Row(1, S("A1", 0), Inline("B1", "内联"), "<c r=\"C1\" t=\"inlineStr\"><is><r><t>富</t></r><r><t>文本</t></r><rPh sb=\"0\" eb=\"1\"><t>フ</t></rPh></is></c>", S("D1", 1)) +
            Row(2, N("A2", "880.50"), N("B2", "228.09000000000001"), N("C2", "-2.1"), N("D2", "1234.5", 3), "<c r=\"E2\" t=\"b\"><v>1</v></c>", "<c r=\"F2\" t=\"e\"><v>#DIV/0!</v></c>") +
            Row(3, N("A3", "45078", 1), N("B3", "45078", 2), "<c r=\"C3\" t=\"str\"><f>A2*2</f><v>公式文本</v></c>", S("E3", 2)) +
            Row(5, Inline("B5", "  前后空格  "), N("AC5", "7"), N("AD5", "8")) +
            Row(6, "<c r=\"A6\"/>") +
            Row(7, S("A7", 3), "<c r=\"B7\"/>", "<c r=\"C7\"/>") +
            Row(8, Inline("A8", "下"));
        var xlsx = Build([("样例", data, Merges("A7:C7", "A8:A9"))], [Si("共享"), Si("第一行_x000D_第二行"), Si("7.8"), Si("合并")], styles);

        using var workbook = XlsxWorkbook.Open(new MemoryStream(xlsx));
        var ours = workbook.ReadSheet(0, int.MaxValue, Ct).Select(r => (r.Row, Cells: string.Join("|", r.Cells[..RowSource.HeaderWidth(r.Cells)]))).ToList();
        var theirs = new List<(int Row, string Cells)>();
        using (var rows = new XlsxRowSource(new MemoryStream(xlsx), "样例", fillMergedCells: true))
        {
            while (await rows.ReadAsync(Ct))
            {
                if (!rows.IsBlank)
                {
                    var cells = rows.Snapshot();
                    theirs.Add((rows.RowNumber, string.Join("|", cells[..RowSource.HeaderWidth(cells)])));
                }
            }
        }

        Assert.Equal(theirs, ours);
        Assert.Equal("2023-06", ours[2].Cells.Split('|')[0]); // 45078 in a date format: June 2023
        Assert.Equal("合并|合并|合并", ours[^2].Cells);
    }

    private static ObservationRecord Find(ImportResult result, string indicator, Core.Regions.RegionCode region)
        => Assert.Single(result.Records, r => r.Indicator.Value == indicator && r.Period == H1 && r.Region == region);
}
