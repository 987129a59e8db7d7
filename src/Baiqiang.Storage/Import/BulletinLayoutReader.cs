using System.Globalization;
using System.Text.RegularExpressions;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Storage.Import;

/// <summary>
/// Reads statistics-bureau workbooks (统计月报): every sheet (one per region or per topic), each with title rows naming the
/// period, region and unit (“2023年1-6月江阳区主要经济指标”, “单位:万元”), a header block of one to three rows with merged cells,
/// a label column (指标名称, 地区 or 统计期) and figure columns whose header path says the rest: 本月 / 1–N月累计 / 同比增长%,
/// regions across the top with 绝对值/增速 pairs under each, or periods across the top. Note rows (注:…, 说明…, 数据来源…) are skipped.
/// </summary>
/// <remarks>
/// <para>Each figure's region, indicator and period come from the first of: its column's header path, its row's label,
/// the sheet's title rows (or, for the region, the sheet's name), the import options. The unit from the header
/// (产值(万元)), the row's 计量单位 cell or a 单位:万元 line; a figure with none of these is an error naming the cell,
/// except for percent-valued indicators. A header text that is neither a region, an indicator, a period, a unit nor a
/// measure word, or that is two of them, is an error naming the cell (<c>Sheet!B3</c>); so is a growth column with no
/// value column to belong to.</para>
/// <para>Limits on top of <see cref="FileChecks"/>: at most <see cref="MaxSheets"/> sheets and <see cref="MaxColumns"/>
/// columns a sheet (Excel's own limit) — a larger workbook is refused before any figure is read.</para>
/// <para>Cells are read by <see cref="XlsxWorkbook"/>, one streaming pass over each worksheet part (no MiniExcel row
/// dictionaries), which stops at the first cell beyond column XFD.</para>
/// </remarks>
internal static partial class BulletinLayoutReader
{
    /// <summary>Most sheets a workbook may have.</summary>
    public const int MaxSheets = 255;

    /// <summary>Most columns a sheet may have (XFD, Excel's limit).</summary>
    public const int MaxColumns = XlsxWorkbook.MaxColumns;

    private const int MaxHeaderRows = 3;
    private const int PeekRows = 12;

    private enum LabelKind
    {
        None = 0,
        Indicator,
        Region,
        Period,
    }

    private sealed class Column
    {
        public required int Index { get; init; }

        public required string Cell { get; init; }

        public required string Path { get; init; }

        public RegionCode? Region { get; set; }

        public IndicatorEntry? Indicator { get; set; }

        public StatPeriod? Period { get; set; }

        public ColumnRole Role { get; set; }

        public ColumnRole? GrowthOf { get; set; }

        public int? CumulativeMonths { get; set; }

        public Unit? Unit { get; set; }

        public GrowthBasis Basis { get; set; }

        public Column? Growth { get; set; }

        /// <summary>The second growth column of this value column, at current prices (现价增长% beside 可比价增长%).</summary>
        public Column? CurrentPriceGrowth { get; set; }

        public int Figures { get; set; }
    }

    /// <summary>What the title rows and the sheet name say for the whole sheet: its region, period, unit and (for a sheet per
    /// topic) its indicator.</summary>
    private sealed record SheetContext(string Sheet, RegionCode? Region, StatPeriod? Period, Unit? Unit, IndicatorEntry? Indicator);

    /// <summary>
    /// Decides whether an XLSX file is read as a bulletin workbook: when forced by <see cref="ImportOptions.Layout"/>, or when
    /// the first sheet is neither a complete long table nor (for a one-sheet file) a wide one and its header carries bulletin words
    /// (本月, 累计, 增速, 绝对值, a region name across the top). <paramref name="refusal"/> is set for a workbook over <see cref="MaxSheets"/>.
    /// On true with no refusal, <paramref name="workbook"/> is the opened package for <see cref="ReadAsync"/> (the caller disposes it);
    /// otherwise it is null. Leaves <paramref name="stream"/> at position 0.
    /// </summary>
    public static bool Applies(Stream stream, ImportSession session, out XlsxWorkbook? workbook, out Bilingual? refusal)
    {
        refusal = null;
        workbook = null;
        var opened = XlsxWorkbook.Open(stream);
        try
        {
            var sheets = opened.SheetNames;
            if (sheets.Count > MaxSheets)
            {
                refusal = new Bilingual(
                    string.Create(CultureInfo.InvariantCulture, $"工作簿有{sheets.Count}个工作表,超过上限{MaxSheets},已拒绝"),
                    string.Create(CultureInfo.InvariantCulture, $"the workbook has {sheets.Count} sheets, over the limit of {MaxSheets}; rejected"));
                return true;
            }

            bool applies;
            switch (session.Options.Layout)
            {
                case ImportLayout.Bulletin:
                    applies = true;
                    break;
                case ImportLayout.Long or ImportLayout.Wide:
                    applies = false;
                    break;
                default:
                    try
                    {
                        var header = sheets.Count > 0 ? PeekHeader(opened) : null;
                        applies = header is not null && LongLayoutReader.Missing(header).Zh.Count > 0
                            && !(sheets.Count == 1 && WideLayoutReader.Matches(header, session))
                            && (sheets.Count > 1 || header.Any(c => IsBulletinWord(c, session)));
                    }
                    catch (XlsxSheetException)
                    {
                        applies = true; // beyond the limits: the bulletin reader refuses it in both languages
                    }

                    break;
            }

            if (applies)
            {
                (workbook, opened) = (opened, null);
            }

            return applies;
        }
        finally
        {
            opened?.Dispose();
            stream.Position = 0;
        }
    }

    private static bool IsBulletinWord(string cell, ImportSession session)
    {
        if (cell.Length == 0)
        {
            return false;
        }

        var label = HeaderNames.ParseWide(StripBasis(cell, out _));
        return (label.IsSubLabelOnly && (label.Role is not null || HeaderNames.IsValueWord(label.IndicatorText)))
            || (RegionSuffix().IsMatch(cell) && session.Region(cell).Success)
            || (YearText().IsMatch(cell) && session.Period(cell).Success);
    }

    /// <summary>The first sheet's first row (of its first <see cref="PeekRows"/>) that is not a title, or null for an empty sheet.</summary>
    /// <exception cref="XlsxSheetException">The first sheet goes beyond the limits.</exception>
    private static string[]? PeekHeader(XlsxWorkbook workbook)
        => workbook.ReadSheet(0, PeekRows, CancellationToken.None).Select(r => r.Cells).FirstOrDefault(cells => !IsTitle(cells));

    /// <summary>Reads every sheet into <paramref name="session"/>; returns how each figure column was mapped.</summary>
    public static async Task<IReadOnlyList<HeaderMapping>> ReadAsync(XlsxWorkbook workbook, ImportSession session, CancellationToken ct)
    {
        session.Layout = ImportLayout.Bulletin;
        var mapping = new List<HeaderMapping>();
        var sheets = workbook.SheetNames;
        var grids = new List<(string Sheet, List<(int Row, string[] Cells)> Rows)>(sheets.Count);
        for (var s = 0; s < sheets.Count; s++)
        {
            ct.ThrowIfCancellationRequested();
            var sheet = sheets[s];
            try
            {
                grids.Add((sheet, workbook.ReadSheet(s, int.MaxValue, ct)));
            }
            catch (XlsxSheetException limit)
            {
                session.Error(null, null, limit.Why);
                return mapping;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                session.Error(null, null, new Bilingual(
                    string.Create(CultureInfo.InvariantCulture, $"工作表“{sheet}”无法读取(内容损坏),已拒绝:{ex.Message}"),
                    string.Create(CultureInfo.InvariantCulture, $"sheet '{sheet}' cannot be read (damaged content); rejected: {ex.Message}")));
                return mapping;
            }
        }

        if (grids.All(g => g.Rows.Count == 0))
        {
            session.Error(null, null, "工作簿中没有任何数据", "the workbook holds no data");
            return mapping;
        }

        foreach (var (sheet, grid) in grids)
        {
            if (grid.Count > 0 && !ReadSheet(sheet, grid, session, mapping))
            {
                break;
            }

            await session.FlushAsync(ct).ConfigureAwait(false);
        }

        return mapping;
    }

    /// <summary>Reads one sheet; false when reading must stop (too many rows).</summary>
    private static bool ReadSheet(string sheet, List<(int Row, string[] Cells)> grid, ImportSession session, List<HeaderMapping> mapping)
    {
        // Title rows: one distinct text (a merged title), or only period / 单位 texts.
        var at = 0;
        var titles = new List<(int Row, string Text)>();
        while (at < grid.Count && IsTitle(grid[at].Cells))
        {
            titles.Add((grid[at].Row, string.Join(" ", grid[at].Cells.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))));
            at++;
        }

        // Note rows above the header (说明…) are titles too; a sheet of titles only has nothing to read.
        var headerStart = at;
        while (at < grid.Count && at - headerStart < MaxHeaderRows && !IsDataRow(grid[at].Cells) && !IsNote(grid[at].Cells))
        {
            at++;
        }

        if (at == headerStart)
        {
            if (headerStart < grid.Count && !IsNote(grid[headerStart].Cells))
            {
                session.Error(grid[headerStart].Row, Cell(sheet, 0, grid[headerStart].Row),
                    $"工作表“{sheet}”第{grid[headerStart].Row}行之前没有表头", $"sheet '{sheet}' has no header above row {grid[headerStart].Row}");
            }

            return true;
        }

        var header = FillMergedRuns(grid[headerStart..at]);
        var context = ReadTitles(sheet, titles, session);
        var width = grid.Max(r => r.Cells.Length);
        var (labelColumn, labelKind, unitColumn) = FindLabelColumns(header, width);
        var data = grid[at..].Where(r => !IsNote(r.Cells)).ToList();
        if (labelKind == LabelKind.None)
        {
            labelKind = GuessLabelKind(data, labelColumn, session);
        }

        var columns = MapColumns(sheet, header, width, labelColumn, unitColumn, labelKind, context, session);
        if (columns is null)
        {
            return true;
        }

        return ReadRows(sheet, data, columns, labelColumn, unitColumn, labelKind, context, session, mapping);
    }

    private static bool ReadRows(
        string sheet, List<(int Row, string[] Cells)> data, List<Column> columns, int labelColumn, int unitColumn, LabelKind labelKind,
        SheetContext context, ImportSession session, List<HeaderMapping> mapping)
    {
        var values = columns.Where(c => c.Role != ColumnRole.Growth).ToList();
        var kind = session.Options.SourceKind;
        foreach (var (row, cells) in data)
        {
            string Text(int i) => i >= 0 && i < cells.Length ? cells[i] : string.Empty;
            if (!values.Any(c => !IsNoFigure(Text(c.Index)) || (c.Growth is { } g && !IsNoFigure(Text(g.Index)))
                || (c.CurrentPriceGrowth is { } cg && !IsNoFigure(Text(cg.Index)))))
            {
                continue; // a section heading (一、工业) or a row of “—”
            }

            if (!session.CountRow(row))
            {
                return false;
            }

            var label = StripBasis(CleanLabel(Text(labelColumn)), out var rowBasis);
            var labelCell = Cell(sheet, labelColumn, row);
            IndicatorEntry? rowIndicator = null;
            RegionCode? rowRegion = null;
            StatPeriod? rowPeriod = null;
            var rowOk = true;
            switch (labelKind)
            {
                case LabelKind.Indicator:
                    rowIndicator = session.Indicator(label);
                    if (rowIndicator is null)
                    {
                        session.UnknownIndicator(row, labelCell, label);
                        rowOk = false;
                    }

                    break;
                case LabelKind.Region:
                    var r = session.Region(label);
                    if (!r.Success && CodeInText().Match(label) is { Success: true } code)
                    {
                        r = session.Region(code.Value); // 通州区(320612), as the bulletin export writes it
                    }

                    rowRegion = r.Success ? r.Value : null;
                    if (!r.Success)
                    {
                        session.Error(row, labelCell, r.Error!.Value);
                        rowOk = false;
                    }

                    break;
                case LabelKind.Period:
                    var p = session.Period(label);
                    rowPeriod = p.Success ? p.Value : null;
                    if (!p.Success)
                    {
                        session.Error(row, labelCell, p.Error!.Value);
                        rowOk = false;
                    }

                    break;
                default:
                    break;
            }

            Unit? rowUnit = null;
            if (unitColumn >= 0 && Text(unitColumn) is { Length: > 0 } unitText && !IsNoFigure(unitText))
            {
                var u = session.Unit(unitText);
                if (u.Success)
                {
                    rowUnit = u.Value;
                }
                else
                {
                    session.Error(row, Cell(sheet, unitColumn, row), u.Error!.Value);
                    rowOk = false;
                }
            }

            if (labelKind == LabelKind.Indicator && rowIndicator is null)
            {
                session.UnknownIndicatorUnit(label, rowUnit ?? context.Unit ?? values.Select(c => c.Unit).FirstOrDefault(u => u is not null));
            }

            if (!rowOk)
            {
                continue;
            }

            foreach (var c in values)
            {
                var cell = Text(c.Index);
                var growthCell = c.Growth is { } gc ? Text(gc.Index) : string.Empty;
                var currentPriceCell = c.CurrentPriceGrowth is { } cpc ? Text(cpc.Index) : string.Empty;
                var hasValue = !IsNoFigure(cell);
                var hasGrowth = !IsNoFigure(growthCell);
                var hasCurrentPrice = !IsNoFigure(currentPriceCell);
                if (!hasValue && !hasGrowth && !hasCurrentPrice)
                {
                    continue;
                }

                var entry = c.Indicator ?? rowIndicator ?? context.Indicator!;
                var ind = entry.Indicator;
                var region = c.Region ?? rowRegion ?? context.Region!.Value;
                var period = Adjust(c.Period ?? rowPeriod ?? session.Options.Period ?? context.Period!.Value, c);
                var where = Cell(sheet, c.Index, row);
                decimal? value = null;
                if (hasValue)
                {
                    var ok = ind.Unit.Dimension == Dimension.Percent ? ImportText.TryParsePercent(cell, out var v) : ImportText.TryParseDecimal(cell, out v);
                    if (!ok)
                    {
                        session.Error(row, where, ImportSession.NotANumber(cell));
                        continue;
                    }

                    var unit = c.Unit ?? rowUnit ?? context.Unit;
                    if (unit is null && ind.Unit.Dimension != Dimension.Percent)
                    {
                        session.Error(row, where,
                            $"单元格 {where} 的数值{ImportText.Show(v)}没有单位:请在表头(如“产值(万元)”)、计量单位列或表上方“单位:万元”一行写明",
                            $"cell {where}: value {ImportText.Show(v)} has no unit; give it in the header (e.g. “产值(万元)”), a 计量单位 column or a “单位:万元” line above the table");
                        continue;
                    }

                    if (session.ToIndicatorUnit(v, unit ?? ind.Unit, ind, out var converted) is { } unitError)
                    {
                        session.Error(row, where, unitError);
                        continue;
                    }

                    if (converted < 0 && !ind.AllowsNegative)
                    {
                        session.Error(row, where, ImportSession.Negative(v, ind));
                        continue;
                    }

                    value = converted;
                }

                decimal? growth = null;
                if (hasGrowth)
                {
                    if (!ImportText.TryParsePercent(growthCell, out var g))
                    {
                        session.Error(row, Cell(sheet, c.Growth!.Index, row), ImportSession.GrowthNotANumber(growthCell));
                        continue;
                    }

                    growth = g;
                    c.Growth!.Figures++;
                }

                decimal? currentPrice = null;
                if (hasCurrentPrice)
                {
                    if (!ImportText.TryParsePercent(currentPriceCell, out var cp))
                    {
                        session.Error(row, Cell(sheet, c.CurrentPriceGrowth!.Index, row), ImportSession.GrowthNotANumber(currentPriceCell));
                        continue;
                    }

                    currentPrice = cp;
                    c.CurrentPriceGrowth!.Figures++;
                }

                if (hasValue)
                {
                    c.Figures++;
                }

                var basis = growth is null ? GrowthBasis.Unknown
                    : c.Growth?.Basis is { } b && b != GrowthBasis.Unknown ? b : c.Basis != GrowthBasis.Unknown ? c.Basis : rowBasis;
                if (TwoGrowths.Normalise(growth, basis, currentPrice) is not { } two)
                {
                    session.Error(row, Cell(sheet, c.CurrentPriceGrowth!.Index, row), ImportSession.TwoCurrentPriceGrowths(growth!.Value, currentPrice!.Value));
                    continue;
                }

                session.Add(
                    new ObservationRecord(region, ind.Code, period, value, ind.Unit, two.Growth, Qualifier.Exact, new ObservationSource(kind, session.File, row, where), two.Basis, two.CurrentPrice),
                    entry.Id);
            }
        }

        foreach (var c in columns)
        {
            mapping.Add(Describe(sheet, c, labelColumn, labelKind, context, session));
        }

        return true;
    }

    private static StatPeriod Adjust(StatPeriod p, Column c) => c.Role switch
    {
        ColumnRole.Month => StatPeriod.ForMonth(p.Year, p.LastMonth),
        ColumnRole.Cumulative => StatPeriod.CumulativeTo(p.Year, c.CumulativeMonths ?? p.LastMonth),
        _ => p,
    };

    private static HeaderMapping Describe(string sheet, Column c, int labelColumn, LabelKind labelKind, SheetContext context, ImportSession session)
    {
        var byRow = string.Create(CultureInfo.InvariantCulture, $"按行({WideLayoutReader.ColumnLetter(labelColumn)}列) by row");
        var indicator = (c.Indicator ?? (labelKind == LabelKind.Indicator ? null : context.Indicator)) is { } e ? $"{e.Indicator.Code} {e.Indicator.NameZh}" : byRow;
        var region = c.Region?.ToString() ?? (labelKind == LabelKind.Region ? byRow : context.Region?.ToString() ?? "—");
        string period;
        if (c.Period is { } own)
        {
            period = Adjust(own, c).ToString();
        }
        else if (labelKind == LabelKind.Period)
        {
            period = byRow;
        }
        else
        {
            period = Adjust((session.Options.Period ?? context.Period)!.Value, c).ToString();
        }

        var measure = c.Role switch
        {
            ColumnRole.Month => "本月 month",
            ColumnRole.Cumulative => "累计 cumulative",
            ColumnRole.Growth => "增速 growth",
            _ => "数值 value",
        };
        if (c.Basis != GrowthBasis.Unknown)
        {
            measure += c.Basis == GrowthBasis.Comparable ? " (可比价 comparable prices)" : " (现价 current prices)";
        }

        return new HeaderMapping(sheet, c.Cell, c.Path, indicator, region, period, measure, c.Figures);
    }

    // ---- header ----

    private static (int Label, LabelKind Kind, int Unit) FindLabelColumns(List<(int Row, string[] Cells)> header, int width)
    {
        var label = -1;
        var kind = LabelKind.None;
        var unit = -1;
        for (var i = 0; i < width; i++)
        {
            foreach (var (_, cells) in header)
            {
                var t = i < cells.Length ? cells[i] : string.Empty;
                if (t.Length == 0)
                {
                    continue;
                }

                var k = LabelHeader(t);
                if (k != LabelKind.None && label < 0)
                {
                    (label, kind) = (i, k);
                }
                else if (unit < 0 && HeaderNames.ClassifyLong(t) == LongColumn.Unit)
                {
                    unit = i;
                }
            }
        }

        return (label < 0 ? 0 : label, kind, unit);
    }

    private static LabelKind LabelHeader(string text)
    {
        var n = ImportText.NormalizeHeader(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (n is "指标名称" or "指标" or "项目" or "指标项目" or "名称" or "项目名称" or "主要指标" or "indicator" or "indicator_name")
        {
            return LabelKind.Indicator;
        }

        if (HeaderNames.IsRegionHeader(text))
        {
            return LabelKind.Region;
        }

        return HeaderNames.ClassifyLong(text) == LongColumn.Period ? LabelKind.Period : LabelKind.None;
    }

    private static LabelKind GuessLabelKind(List<(int Row, string[] Cells)> data, int labelColumn, ImportSession session)
    {
        foreach (var (_, cells) in data)
        {
            var label = CleanLabel(labelColumn < cells.Length ? cells[labelColumn] : string.Empty);
            if (label.Length == 0)
            {
                continue;
            }

            if (session.Indicator(label) is not null)
            {
                return LabelKind.Indicator;
            }

            if (session.Region(label).Success)
            {
                return LabelKind.Region;
            }

            if (session.Period(label).Success)
            {
                return LabelKind.Period;
            }
        }

        return LabelKind.Indicator;
    }

    /// <summary>Builds the figure columns from the header block; null (after recording errors) when it cannot be mapped.</summary>
    private static List<Column>? MapColumns(
        string sheet, List<(int Row, string[] Cells)> header, int width, int labelColumn, int unitColumn, LabelKind labelKind,
        SheetContext context, ImportSession session)
    {
        var columns = new List<Column>();
        var failed = false;
        var reported = new HashSet<string>(StringComparer.Ordinal); // a merged cell is named once, not once per column it spans
        for (var i = 0; i < width; i++)
        {
            if (i == labelColumn || i == unitColumn)
            {
                continue;
            }

            var parts = new List<(string Text, int Row)>();
            foreach (var (row, cells) in header)
            {
                var t = i < cells.Length ? cells[i] : string.Empty;
                if (t.Length > 0 && (parts.Count == 0 || parts[^1].Text != t))
                {
                    parts.Add((t, row));
                }
            }

            if (parts.Count == 0 || parts.Any(p => HeaderNames.IsIgnoredWord(p.Text)))
            {
                continue;
            }

            var column = new Column
            {
                Index = i,
                Cell = Cell(null, FirstOfMerge(header, parts[0].Row, i), parts[0].Row),
                Path = string.Join(" / ", parts.Select(p => p.Text)),
            };
            foreach (var (text, row) in parts)
            {
                if (Classify(sheet, text, row, FirstOfMerge(header, row, i), column, session) is { } error)
                {
                    var cell = Cell(sheet, FirstOfMerge(header, row, i), row);
                    if (reported.Add(cell))
                    {
                        session.Error(row, cell, error);
                    }

                    failed = true;
                }
            }

            if (failed)
            {
                continue;
            }

            // Every dimension must come from somewhere.
            var where = Cell(sheet, FirstOfMerge(header, parts[^1].Row, i), parts[^1].Row);
            if (column.Indicator is null && labelKind != LabelKind.Indicator && context.Indicator is null)
            {
                failed = true;
                session.Error(parts[^1].Row, where,
                    $"表头 {where}“{column.Path}”对应不到指标:表头和行标签都没有指标名称",
                    $"header {where} '{column.Path}' maps to no indicator: neither the header nor the row labels name one");
            }

            if (column.Region is null && labelKind != LabelKind.Region && context.Region is null)
            {
                failed = true;
                session.Error(parts[^1].Row, where,
                    $"表头 {where}“{column.Path}”对应不到地区:请在表头、行标签、标题(如“江阳区主要经济指标”)或工作表名中写明地区",
                    $"header {where} '{column.Path}' maps to no region: name it in the header, the row labels, the title (e.g. “江阳区主要经济指标”) or the sheet name");
            }

            if (column.Period is null && labelKind != LabelKind.Period && context.Period is null && session.Options.Period is null)
            {
                failed = true;
                session.Error(parts[^1].Row, where,
                    $"表头 {where}“{column.Path}”对应不到统计期别:请在标题写明(如“2023年1-6月”),或导入时指定 --period",
                    $"header {where} '{column.Path}' maps to no period: put it in a title row (e.g. “2023年1-6月”) or give --period");
            }

            columns.Add(column);
        }

        if (!failed && columns.Count == 0)
        {
            var row = header[0].Row;
            session.Error(row, Cell(sheet, 0, row),
                $"工作表“{sheet}”的表头(第{row}行起)没有可识别的数据列", $"the header of sheet '{sheet}' (from row {row}) has no figure column that can be mapped");
            return null;
        }

        if (!failed && !PairGrowth(sheet, columns, session))
        {
            failed = true;
        }

        return failed ? null : columns;
    }

    /// <summary>Applies one header text to <paramref name="column"/>; returns why it cannot be mapped, or null.</summary>
    private static Bilingual? Classify(string sheet, string text, int row, int col, Column column, ImportSession session)
    {
        var cell = Cell(sheet, col, row);
        var stripped = StripBasis(text, out var basis);
        if (basis != GrowthBasis.Unknown)
        {
            column.Basis = basis;
        }

        if (stripped.Length == 0)
        {
            return null;
        }

        var label = HeaderNames.ParseWide(stripped);
        if (label.IsSubLabelOnly)
        {
            return ApplyMeasure(cell, stripped, label, column, session);
        }

        if (YearText().IsMatch(stripped))
        {
            var p = session.Period(stripped);
            if (p.Success)
            {
                return Set(cell, text, column.Period, p.Value, v => column.Period = v, "统计期别", "period");
            }
        }

        var region = session.Region(stripped);
        var indicator = session.Indicator(WithoutUnit(stripped)) ?? (label.IndicatorText.Length > 0 ? session.Indicator(label.IndicatorText) : null);
        if (region.Success && indicator is not null)
        {
            return new Bilingual(
                $"表头 {cell}“{text}”有歧义:既是地区名又是指标名", $"header {cell} '{text}' is ambiguous: it names both a region and an indicator");
        }

        if (region.Success)
        {
            return Set(cell, text, column.Region, region.Value, v => column.Region = v, "地区", "region");
        }

        if (indicator is not null)
        {
            if (column.Indicator is { } had && had.Id != indicator.Id)
            {
                return Ambiguous(cell, text, "指标", "indicator", had.Indicator.NameZh);
            }

            column.Indicator = indicator;
            if (session.Indicator(WithoutUnit(stripped)) is null)
            {
                // “地区生产总值 累计(亿元)”: the role and unit written with the indicator.
                return ApplyMeasure(cell, stripped, label with { IndicatorText = string.Empty }, column, session);
            }

            return label.UnitText is { } u ? ApplyUnit(cell, u, column, session) : null;
        }

        if (RegionSuffix().IsMatch(stripped) && !region.Success)
        {
            // 通州区: a region name the division table cannot pin down (ambiguous or unknown).
            return new Bilingual($"表头 {cell}“{text}”无法对应:{region.Error!.Value.Zh}", $"header {cell} '{text}' cannot be mapped: {region.Error!.Value.En}");
        }

        return new Bilingual(
            $"表头 {cell}“{text}”无法识别:不是地区、指标(指标目录中的名称或别名)、统计期别、单位或 本月/累计/增速/绝对值",
            $"header {cell} '{text}' cannot be mapped: it is not a region, an indicator (a catalogue name or alias), a period, a unit or 本月/累计/增速/绝对值");
    }

    private static Bilingual? ApplyMeasure(string cell, string text, WideLabel label, Column column, ImportSession session)
    {
        if (label.Role is { } role)
        {
            if (column.Role != ColumnRole.Value && column.Role != role)
            {
                if (role == ColumnRole.Growth)
                {
                    // “1-6月累计 / 同比增长%”: growth of the cumulative value.
                    column.GrowthOf = column.Role;
                    column.Role = ColumnRole.Growth;
                }
                else if (column.Role == ColumnRole.Growth && column.GrowthOf is null)
                {
                    column.GrowthOf = role;
                }
                else
                {
                    return Ambiguous(cell, text, "度量", "measure", column.Role.ToString());
                }
            }
            else
            {
                column.Role = role;
                column.GrowthOf ??= label.GrowthOf;
            }

            var span = MonthSpan().Match(ImportText.NormalizeHeader(text));
            if (span.Success && (role == ColumnRole.Cumulative || label.GrowthOf == ColumnRole.Cumulative))
            {
                column.CumulativeMonths = int.Parse(span.Groups["to"].Value, CultureInfo.InvariantCulture);
                if (column.CumulativeMonths is < 1 or > 12)
                {
                    return new Bilingual($"表头 {cell}“{text}”的月份超出1-12", $"header {cell} '{text}' names a month outside 1-12");
                }
            }
        }

        return label.UnitText is { } u && column.Role != ColumnRole.Growth ? ApplyUnit(cell, u, column, session) : null;
    }

    private static Bilingual? ApplyUnit(string cell, string unitText, Column column, ImportSession session)
    {
        var unit = session.Unit(unitText);
        if (!unit.Success)
        {
            return new Bilingual($"表头 {cell}:{unit.Error!.Value.Zh}", $"header {cell}: {unit.Error!.Value.En}");
        }

        column.Unit = unit.Value;
        return null;
    }

    private static Bilingual? Set<T>(string cell, string text, T? had, T value, Action<T> set, string zh, string en)
        where T : struct
    {
        if (had is { } h && !EqualityComparer<T>.Default.Equals(h, value))
        {
            return Ambiguous(cell, text, zh, en, h.ToString()!);
        }

        set(value);
        return null;
    }

    private static Bilingual Ambiguous(string cell, string text, string zh, string en, string other) => new(
        $"表头 {cell}“{text}”有歧义:同一列的表头已给出{zh}“{other}”", $"header {cell} '{text}' is ambiguous: the column's header already gives the {en} '{other}'");

    /// <summary>Gives each growth column to the value column of the same region, indicator and period next to it (left first).
    /// A value column takes two growth columns when one of them is at current prices and the other is not (可比价增长% |
    /// 现价增长%): the current-price one becomes its <see cref="Column.CurrentPriceGrowth"/>.</summary>
    private static bool PairGrowth(string sheet, List<Column> columns, ImportSession session)
    {
        var ok = true;
        foreach (var g in columns.Where(c => c.Role == ColumnRole.Growth).ToList())
        {
            bool Fits(Column c) => c.Role != ColumnRole.Growth && (c.Growth is null || SecondBasis(c, g)) && c.Region == g.Region && c.Indicator?.Id == g.Indicator?.Id
                && c.Period == g.Period && (g.GrowthOf is null || c.Role == g.GrowthOf);
            var target = columns.Where(c => c.Index < g.Index && Fits(c)).MaxBy(c => c.Index)
                ?? columns.Where(c => c.Index > g.Index && Fits(c)).MinBy(c => c.Index);
            if (target is null)
            {
                ok = false;
                session.Error(null, $"{sheet}!{g.Cell}",
                    $"表头 {sheet}!{g.Cell}“{g.Path}”是增速列,但旁边没有同一地区、指标、期别的数值列与之对应",
                    $"header {sheet}!{g.Cell} '{g.Path}' is a growth column but no value column of the same region, indicator and period is next to it");
                continue;
            }

            if (target.Growth is null)
            {
                target.Growth = g;
            }
            else if (g.Basis == GrowthBasis.Current)
            {
                target.CurrentPriceGrowth = g;
            }
            else
            {
                (target.CurrentPriceGrowth, target.Growth) = (target.Growth, g);
            }
        }

        return ok;
    }

    /// <summary>True when <paramref name="g"/> can be <paramref name="c"/>'s second growth column: it has none yet and
    /// exactly one of the two growths is at current prices.</summary>
    private static bool SecondBasis(Column c, Column g)
        => c.CurrentPriceGrowth is null && c.Growth is { } first && (first.Basis == GrowthBasis.Current) != (g.Basis == GrowthBasis.Current);

    // ---- titles ----

    private static SheetContext ReadTitles(string sheet, List<(int Row, string Text)> titles, ImportSession session)
    {
        StatPeriod? period = null;
        Unit? unit = null;
        RegionCode? region = null;
        IndicatorEntry? indicator = null;
        foreach (var (row, text) in titles)
        {
            indicator ??= session.Indicator(WithoutUnit(text));
            var u = UnitLine().Match(ImportText.NormalizeHeader(text));
            if (u.Success && unit is null)
            {
                var parsed = session.Unit(u.Groups["unit"].Value);
                if (parsed.Success)
                {
                    unit = parsed.Value;
                }
                else
                {
                    session.Error(row, null, parsed.Error!.Value);
                }
            }

            var rest = text;
            foreach (Match m in PeriodInTitle().Matches(text))
            {
                var p = session.Period(m.Value.Trim());
                if (p.Success)
                {
                    period ??= p.Value;
                    rest = rest.Replace(m.Value, " ", StringComparison.Ordinal);
                }
            }

            region ??= RegionIn(rest, session);
        }

        region ??= RegionIn(sheet, session);
        indicator ??= session.Indicator(sheet);
        return new SheetContext(sheet, region, period, unit, indicator);
    }

    /// <summary>A region code (320612) in the text, else the last region name ending in 省/市/区/县/旗/州/盟 that the division table knows.</summary>
    private static RegionCode? RegionIn(string text, ImportSession session)
    {
        var code = CodeInText().Match(text);
        if (code.Success && session.Region(code.Value) is { Success: true } byCode)
        {
            return byCode.Value;
        }

        RegionCode? found = null;
        var t = text.Trim();
        for (var end = 1; end < t.Length + 1; end++)
        {
            if (!RegionSuffix().IsMatch(t.AsSpan(end - 1, 1).ToString()))
            {
                continue;
            }

            for (var start = Math.Max(0, end - 12); start < end - 1; start++)
            {
                if (session.Region(t.AsSpan(start, end - start)) is { Success: true } r)
                {
                    found = r.Value;
                    break;
                }
            }
        }

        return found;
    }

    // ---- rows and cells ----

    private static bool IsTitle(string[] cells)
    {
        var texts = cells.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count == 0)
        {
            return false;
        }

        if (texts.Count == 1)
        {
            return YearText().IsMatch(texts[0]) || (!IsHeaderWord(texts[0]) && !IsNote(cells));
        }

        return texts.All(t => UnitLine().IsMatch(ImportText.NormalizeHeader(t)) || YearText().IsMatch(t) || t.StartsWith("制表", StringComparison.Ordinal));
    }

    private static bool IsHeaderWord(string text) => LabelHeader(text) != LabelKind.None || HeaderNames.ClassifyLong(text) != LongColumn.None
        || HeaderNames.ParseWide(text) is { IsSubLabelOnly: true, Role: not null };

    private static bool IsDataRow(string[] cells)
    {
        for (var i = 1; i < cells.Length; i++)
        {
            var c = cells[i];
            if (c.Length > 0 && (ImportText.TryParseDecimal(c, out _) || ImportText.TryParsePercent(c, out _) || (ImportText.IsNoData(c) || c == "注")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNote(string[] cells)
    {
        var first = cells.FirstOrDefault(c => c.Length > 0) ?? string.Empty;
        return NoteStart().IsMatch(first);
    }

    /// <summary>“—”, “…”, “/”, “－”, blank or 注: no figure.</summary>
    private static bool IsNoFigure(string cell) => ImportText.IsNoData(cell) || cell.StartsWith('注');

    /// <summary>“一、工业”, “(一)”, “1.”, “其中:”, “#”, leading spaces: the indicator name without its outline numbering.</summary>
    private static string CleanLabel(string label) => OutlinePrefix().Replace(ImportText.NormalizeHeader(label), string.Empty).Trim();

    private static string WithoutUnit(string text)
    {
        var n = ImportText.NormalizeHeader(text);
        var open = n.LastIndexOf('(');
        return n.EndsWith(')') && open > 0 ? n[..open].TrimEnd() : n;
    }

    private static string StripBasis(string text, out GrowthBasis basis)
    {
        var m = BasisWords().Match(text);
        basis = !m.Success ? GrowthBasis.Unknown : m.Groups["b"].Value.StartsWith('可') ? GrowthBasis.Comparable : GrowthBasis.Current;
        return m.Success ? text.Remove(m.Index, m.Length).Trim() : text;
    }

    /// <summary>A header cell left blank above sub-columns belongs to the merged cell on its left (江阳区 over 绝对值 | 增速):
    /// fills it, for files whose merged ranges were not filled in when read.</summary>
    private static List<(int Row, string[] Cells)> FillMergedRuns(List<(int Row, string[] Cells)> header)
    {
        var width = header.Max(h => h.Cells.Length);
        var filled = header.Select(h => (h.Row, Cells: h.Cells.Length == width ? (string[])h.Cells.Clone() : [.. h.Cells, .. Enumerable.Repeat(string.Empty, width - h.Cells.Length)])).ToList();
        for (var r = 0; r < filled.Count - 1; r++)
        {
            var cells = filled[r].Cells;
            for (var c = 1; c < width; c++)
            {
                if (cells[c].Length == 0 && cells[c - 1].Length > 0 && filled.Skip(r + 1).Any(below => below.Cells[c].Length > 0)
                    && (filled.Skip(r + 1).Any(below => below.Cells[c - 1].Length > 0)))
                {
                    cells[c] = cells[c - 1];
                }
            }
        }

        return filled;
    }

    /// <summary>The leftmost cell of the merged run holding the same text as (<paramref name="row"/>, <paramref name="col"/>).</summary>
    private static int FirstOfMerge(List<(int Row, string[] Cells)> header, int row, int col)
    {
        var cells = header.First(h => h.Row == row).Cells;
        var text = col < cells.Length ? cells[col] : string.Empty;
        while (col > 0 && col - 1 < cells.Length && cells[col - 1] == text)
        {
            col--;
        }

        return col;
    }

    private static string Cell(string? sheet, int col, int row)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"{WideLayoutReader.ColumnLetter(col)}{row}");
        return sheet is null ? at : $"{sheet}!{at}";
    }

    [GeneratedRegex(@"单位\s*:\s*(?<unit>[^\s,，;；)]+)")]
    private static partial Regex UnitLine();

    [GeneratedRegex(@"[0-9]{4}\s*年|^[0-9]{4}(-|$)")]
    private static partial Regex YearText();

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?:[0-9]{3})?(?![0-9])")]
    private static partial Regex CodeInText();

    [GeneratedRegex(@"[省市区县旗州盟]$")]
    private static partial Regex RegionSuffix();

    [GeneratedRegex(@"^\s*(注|说明|数据来源|资料来源|备注|附注|\*)")]
    private static partial Regex NoteStart();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．]|其中\s*[:：]?|#|△|\*)+")]
    private static partial Regex OutlinePrefix();

    [GeneratedRegex(@"[(（]?\s*(?:按)?(?<b>可比[价價]|[现現][价價])(?:格)?(?:计算)?\s*[)）]?")]
    private static partial Regex BasisWords();

    [GeneratedRegex(@"(?<from>[0-9]{1,2})\s*-\s*(?<to>[0-9]{1,2})\s*月")]
    private static partial Regex MonthSpan();

    [GeneratedRegex(@"[0-9]{4}\s*年\s*(?:[0-9]{1,2}\s*[-－—–~～至到]\s*[0-9]{1,2}\s*月(?:份)?|[0-9]{1,2}\s*月(?:份)?|上半年|下半年|前三季度|全年|第?[一二三四1-4]季度)?")]
    private static partial Regex PeriodInTitle();
}
