using System.Text.RegularExpressions;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;

namespace Baiqiang.Storage.Import;

/// <summary>
/// Reads the wide layout offices use: one row per region; one column per indicator, or a column group under an
/// indicator with 本月 / 累计 / 同比增长% sub-columns (a second header row, or single cells such as
/// “地区生产总值 同比增长%”); one period for the whole table, from the options or a title row (“2023年1-6月”).
/// </summary>
internal static partial class WideLayoutReader
{
    private sealed class WideColumn
    {
        public required int Index { get; init; }

        public required string Header { get; init; }

        public IndicatorEntry? Indicator { get; set; }

        public ColumnRole Role { get; set; }

        public ColumnRole? GrowthOf { get; set; }

        public Unit? Unit { get; set; }

        public int GrowthIndex { get; set; } = -1;

        public string? GrowthHeader { get; set; }
    }

    /// <summary>The region column of a wide header: the first cell naming a region (地区, 区域 …), or a blank first cell.</summary>
    public static int RegionColumn(string[] header)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (HeaderNames.IsRegionHeader(header[i]))
            {
                return i;
            }
        }

        return header.Length > 0 && header[0].Length == 0 ? 0 : -1;
    }

    /// <summary>True when the header has a region column and at least one other cell names a known indicator.</summary>
    public static bool Matches(string[] header, ImportSession session)
    {
        var region = RegionColumn(header);
        if (region < 0)
        {
            return false;
        }

        for (var i = 0; i < header.Length; i++)
        {
            if (i != region && header[i].Length > 0 && FindIndicator(header[i], session).Entry is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="row"/> is a second header row: blank under the region column, and every other
    /// non-blank cell only a sub-column label (本月, 累计, 同比增长%, (亿元)).</summary>
    public static bool IsSubHeader(string[] row, int regionColumn)
    {
        if (regionColumn < row.Length && row[regionColumn].Length > 0)
        {
            return false;
        }

        var any = false;
        for (var i = 0; i < row.Length; i++)
        {
            if (i == regionColumn || row[i].Length == 0)
            {
                continue;
            }

            if (!HeaderNames.ParseWide(row[i]).IsSubLabelOnly)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>Finds the indicator a header names: first the whole text without its unit (an indicator whose name ends in
    /// 增速 stays a value column), then the text with role words (累计, 同比增长%) removed.</summary>
    private static (IndicatorEntry? Entry, WideLabel Label, bool Whole) FindIndicator(string header, ImportSession session)
    {
        var label = HeaderNames.ParseWide(header);
        var withoutUnit = ImportText.NormalizeHeader(header);
        if (label.UnitText is not null || withoutUnit.EndsWith(')'))
        {
            var open = withoutUnit.LastIndexOf('(');
            if (open > 0)
            {
                withoutUnit = withoutUnit[..open].TrimEnd();
            }
        }

        if (session.Indicator(withoutUnit) is { } whole)
        {
            return (whole, label, true);
        }

        return (label.IndicatorText.Length > 0 ? session.Indicator(label.IndicatorText) : null, label, false);
    }

    public static async Task ReadAsync(
        RowSource rows, string[] header, int headerRow, IReadOnlyList<(int Row, string Text)> titles, ImportSession session, CancellationToken ct)
    {
        session.Layout = ImportLayout.Wide;
        var regionColumn = RegionColumn(header);
        var regionHeader = header[regionColumn].Length > 0 ? header[regionColumn] : ColumnLetter(regionColumn);

        // Optional second header row (本月 / 累计 / 同比增长%).
        string[]? sub = null;
        var subRow = 0;
        while (await rows.ReadAsync(ct).ConfigureAwait(false))
        {
            if (rows.IsBlank)
            {
                continue;
            }

            var cells = rows.Snapshot();
            if (IsSubHeader(cells, regionColumn))
            {
                sub = cells;
                subRow = rows.RowNumber;
            }
            else
            {
                rows.PushBack();
            }

            break;
        }

        var columns = BuildColumns(header, headerRow, sub, subRow, regionColumn, session);
        var width = Math.Max(RowSource.HeaderWidth(header), sub is null ? 0 : RowSource.HeaderWidth(sub));
        var titleUnit = ReadTitles(titles, session, out var titlePeriod, out var titleFailure);
        if (titleUnit is not null && session.DefaultUnit is null)
        {
            session.DefaultUnit = titleUnit;
        }

        var period = session.Options.Period ?? titlePeriod;
        if (period is null && titleFailure is { } failure)
        {
            session.Error(failure.Row, null,
                $"无法从标题读出统计期别:{failure.Error.Zh}",
                $"cannot read the period from the title: {failure.Error.En}");
            return;
        }

        if (period is null)
        {
            session.Error(titles.Count > 0 ? titles[0].Row : headerRow, null,
                "宽表没有统计期别:请在首行标题写明(如“2023年1-6月”),或在导入时指定期别",
                "the wide table has no period: put it in a title row (e.g. “2023年1-6月”) or give the period when importing");
            return;
        }

        var p = period.Value;
        var cumulative = StatPeriod.CumulativeTo(p.Year, p.LastMonth);
        var month = StatPeriod.ForMonth(p.Year, p.LastMonth);
        var values = columns.Where(c => c.Role != ColumnRole.Growth && c.Indicator is not null).ToArray();
        var kind = session.Options.SourceKind;

        while (await rows.ReadAsync(ct).ConfigureAwait(false))
        {
            if (rows.IsBlank)
            {
                continue;
            }

            // Rows without a single figure (notes, “注:…”, blank region rows) carry nothing to import.
            var hasFigure = false;
            foreach (var c in values)
            {
                if (!ImportText.IsNoData(rows.Field(c.Index)))
                {
                    hasFigure = true;
                    break;
                }
            }

            if (!hasFigure)
            {
                continue;
            }

            var row = rows.RowNumber;
            if (!session.CountRow(row))
            {
                return;
            }

            if (rows.WidthError(width, Math.Max(header.Length, sub?.Length ?? 0)) is { } widthError)
            {
                session.Error(row, null, widthError);
                continue;
            }

            var region = session.Region(rows.Field(regionColumn));
            if (!region.Success)
            {
                session.Error(row, regionHeader, region.Error!.Value);
            }

            foreach (var c in values)
            {
                var cell = rows.Field(c.Index);
                if (ImportText.IsNoData(cell))
                {
                    continue;
                }

                var ind = c.Indicator!.Indicator;
                var ok = ind.Unit.Dimension == Dimension.Percent ? ImportText.TryParsePercent(cell, out var v) : ImportText.TryParseDecimal(cell, out v);
                if (!ok)
                {
                    session.Error(row, c.Header, ImportSession.NotANumber(cell));
                }

                decimal? growth = null;
                if (c.GrowthIndex >= 0 && !ImportText.IsNoData(rows.Field(c.GrowthIndex)))
                {
                    if (ImportText.TryParsePercent(rows.Field(c.GrowthIndex), out var g))
                    {
                        growth = g;
                        if (ImportSession.ImplausibleGrowth(rows.Field(c.GrowthIndex), g) is { } growthError)
                        {
                            session.Error(row, c.GrowthHeader, growthError);
                            ok = false;
                        }
                    }
                    else
                    {
                        session.Error(row, c.GrowthHeader, ImportSession.GrowthNotANumber(rows.Field(c.GrowthIndex)));
                        ok = false;
                    }
                }

                if (!ok)
                {
                    continue;
                }

                if (session.ToIndicatorUnit(v, c.Unit, ind, out var converted) is { } unitError)
                {
                    session.Error(row, c.Header, unitError);
                    continue;
                }

                if (ImportSession.Implausible(cell, v, converted) is { } rangeError)
                {
                    session.Error(row, c.Header, rangeError);
                    continue;
                }

                if (converted < 0 && !ind.AllowsNegative)
                {
                    session.Error(row, c.Header, ImportSession.Negative(v, ind));
                    continue;
                }

                if (!region.Success)
                {
                    continue;
                }

                var at = c.Role switch
                {
                    ColumnRole.Month => month,
                    ColumnRole.Cumulative => cumulative,
                    _ => p,
                };
                session.Add(
                    new ObservationRecord(region.Value, ind.Code, at, converted, ind.Unit, growth, Qualifier.Exact, new ObservationSource(kind, session.File, row, c.Header)),
                    c.Indicator.Id);
            }

            await session.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    private static List<WideColumn> BuildColumns(string[] header, int headerRow, string[]? sub, int subRow, int regionColumn, ImportSession session)
    {
        var columns = new List<WideColumn>();
        var width = Math.Max(RowSource.HeaderWidth(header), sub is null ? 0 : RowSource.HeaderWidth(sub));
        var carried = string.Empty;
        string? lastIndicatorTop = null;
        for (var i = 0; i < width; i++)
        {
            var top = i < header.Length ? header[i] : string.Empty;
            var below = sub is not null && i < sub.Length ? sub[i] : string.Empty;
            if (i == regionColumn || HeaderNames.IsRegionHeader(top))
            {
                carried = string.Empty;
                continue;
            }

            if (top.Length > 0)
            {
                carried = top;
            }
            else if (sub is not null && below.Length > 0)
            {
                top = carried; // a merged cell spanning its sub-columns: only the first cell holds the text
            }

            if (top.Length == 0 || HeaderNames.IsIgnoredWord(top) || HeaderNames.IsIgnoredWord(below))
            {
                continue;
            }

            var display = below.Length > 0 ? $"{top} {below}" : top;
            var errorRow = below.Length > 0 ? subRow : headerRow;
            var (entry, label, whole) = FindIndicator(top, session);
            if (entry is null && label.IsSubLabelOnly && lastIndicatorTop is not null)
            {
                // A lone “同比增长%” / “累计” cell next to an indicator column belongs to that indicator.
                (entry, _, _) = FindIndicator(lastIndicatorTop, session);
            }
            else if (entry is not null)
            {
                lastIndicatorTop = top;
            }

            var subLabel = below.Length > 0 ? HeaderNames.ParseWide(below) : default;
            var role = subLabel.Role ?? (whole ? null : label.Role) ?? ColumnRole.Value;
            var column = new WideColumn
            {
                Index = i,
                Header = display,
                Indicator = entry,
                Role = role,
                GrowthOf = subLabel.GrowthOf ?? (whole ? null : label.GrowthOf),
            };

            if (entry is null)
            {
                var unknownUnitText = role == ColumnRole.Growth ? null : subLabel.UnitText ?? label.UnitText;
                var unknownUnit = unknownUnitText is not null && session.Unit(unknownUnitText) is { Success: true } uu ? uu.Value : session.DefaultUnit;
                session.UnknownIndicator(headerRow, top, whole ? top : label.IndicatorText.Length > 0 ? label.IndicatorText : top, unknownUnit);
                continue;
            }

            var unitText = role == ColumnRole.Growth ? null : subLabel.UnitText ?? label.UnitText;
            if (unitText is not null)
            {
                var unit = session.Unit(unitText);
                if (!unit.Success)
                {
                    session.Error(errorRow, display, unit.Error!.Value);
                    column.Indicator = null;
                }
                else if (!unit.Value.IsCompatibleWith(entry.Indicator.Unit))
                {
                    session.Error(errorRow, display, ImportSession.IncompatibleUnit(unit.Value, entry.Indicator));
                    column.Indicator = null;
                }
                else
                {
                    column.Unit = unit.Value;
                }
            }

            columns.Add(column);
        }

        PairGrowth(columns, headerRow, session);
        return columns;
    }

    /// <summary>Gives each growth column to the value column of the same indicator it sits next to: the nearest one on its
    /// left (or right when none is on the left), restricted to 本月 or 累计 when the growth header says which.</summary>
    private static void PairGrowth(List<WideColumn> columns, int headerRow, ImportSession session)
    {
        foreach (var g in columns.Where(c => c.Role == ColumnRole.Growth && c.Indicator is not null))
        {
            bool Fits(WideColumn c) => c.Role != ColumnRole.Growth && c.Indicator is not null && c.Indicator.Id == g.Indicator!.Id
                && (g.GrowthOf is null || c.Role == g.GrowthOf);
            var target = columns.Where(c => c.Index < g.Index && Fits(c)).MaxBy(c => c.Index)
                ?? columns.Where(c => c.Index > g.Index && Fits(c)).MinBy(c => c.Index);
            if (target is null)
            {
                session.Error(headerRow, g.Header,
                    $"“{g.Header}”是增长率列,但找不到同一指标的数值列与之对应(只有增速无法入库)",
                    $"column '{g.Header}' is a growth rate but there is no value column of the same indicator to attach it to (growth alone cannot be stored)");
                continue;
            }

            if (target.GrowthIndex >= 0)
            {
                session.Error(headerRow, g.Header,
                    $"“{target.Header}”列已有增长率列“{target.GrowthHeader}”,无法再对应“{g.Header}”",
                    $"column '{target.Header}' already has growth column '{target.GrowthHeader}'; cannot also take '{g.Header}'");
                continue;
            }

            target.GrowthIndex = g.Index;
            target.GrowthHeader = g.Header;
        }
    }

    /// <summary>Reads the table-wide period (“2023年1-6月…”) and unit (“单位:亿元”) from title rows.</summary>
    private static Unit? ReadTitles(
        IReadOnlyList<(int Row, string Text)> titles, ImportSession session, out StatPeriod? period, out (int Row, Bilingual Error)? failure)
    {
        period = null;
        failure = null;
        var unit = FileUnit(titles, session);
        foreach (var (row, text) in titles)
        {
            if (period is not null || session.Options.Period is not null)
            {
                continue;
            }

            var whole = session.Lookups.ParsePeriod(text.Trim());
            if (whole.Success)
            {
                period = whole.Value;
                continue;
            }

            foreach (Match m in PeriodInTitle().Matches(text))
            {
                var candidate = session.Lookups.ParsePeriod(m.Value.Trim());
                if (!candidate.Success)
                {
                    failure ??= (row, candidate.Error!.Value);
                }
                else
                {
                    period = candidate.Value;
                    break;
                }
            }
        }

        return unit;
    }

    /// <summary>The unit a file states for all its figures in a title row (“单位:万元”); null when none does. An unknown
    /// unit there is an error.</summary>
    public static Unit? FileUnit(IReadOnlyList<(int Row, string Text)> titles, ImportSession session)
    {
        foreach (var (row, text) in titles)
        {
            var u = UnitInTitle().Match(text);
            if (!u.Success)
            {
                continue;
            }

            var parsed = session.Unit(u.Groups["unit"].Value);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            session.Error(row, null, parsed.Error!.Value);
            return null;
        }

        return null;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        var s = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            s = (char)('A' + ((n - 1) % 26)) + s;
        }

        return s;
    }

    [GeneratedRegex(@"单位\s*[:：]\s*(?<unit>[^\s,，;；)）]+)")]
    private static partial Regex UnitInTitle();

    [GeneratedRegex(@"[0-9]{4}\s*年\s*(?:[0-9]{1,2}\s*[-－—–~～至到]\s*[0-9]{1,2}\s*月(?:份)?(?:累计)?|[0-9]{1,2}\s*月(?:份)?(?:累计)?|上半年|下半年|前三季度|全年|(?:第?[一二三四1-4])季度)?|[0-9]{4}-(?:Q[1-4]|H[12]|[0-9]{2}(?:\.\.[0-9]{2})?)")]
    private static partial Regex PeriodInTitle();
}
