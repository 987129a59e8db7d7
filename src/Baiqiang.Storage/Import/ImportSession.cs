using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Indicators;

namespace Baiqiang.Storage.Import;

/// <summary>
/// State of one import: the errors found so far, the records built so far, the duplicate index and the
/// per-distinct-text caches in front of <see cref="IImportLookups"/>.
/// </summary>
internal sealed class ImportSession
{
    private readonly IImportLookups _lookups;
    private readonly List<ImportError> _errors = [];
    private int _suppressedErrors;

    private readonly Dictionary<string, ParseResult<RegionCode>> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndicatorEntry?> _indicators = new(StringComparer.Ordinal);
    private readonly List<Indicator> _indicatorById = [];
    private readonly Dictionary<string, int> _indicatorIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParseResult<StatPeriod>> _periods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParseResult<Unit>> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly FactIndex _seen = new();
    private readonly Dictionary<RegionCode, Region?> _validity = [];

    public ImportSession(string file, IImportLookups lookups, ImportOptions options)
    {
        File = file;
        _lookups = lookups;
        Options = options;
        if (options.DefaultUnit is { } du)
        {
            var u = ImportText.ResolveUnit(du, lookups.Units);
            if (u.Success)
            {
                DefaultUnit = u.Value;
            }
            else
            {
                Error(null, null, new Bilingual($"导入选项中的默认单位无效:{u.Error!.Value.Zh}", $"the default unit in the import options is invalid: {u.Error!.Value.En}"));
            }
        }
    }

    public string File { get; }

    public ImportOptions Options { get; }

    public IImportLookups Lookups => _lookups;

    public List<ObservationRecord> Records { get; } = [];

    /// <summary>Also receives each record as it is accepted, for a writer that stores while the file is read; null when
    /// the caller only takes <see cref="Records"/> at the end.</summary>
    public RecordStream? Stream { get; init; }

    /// <summary>Passes a full chunk of records on to <see cref="Stream"/>; called by the layout readers between rows.</summary>
    public ValueTask FlushAsync(CancellationToken ct) => Stream is { ChunkFull: true } s ? s.FlushAsync(ct) : ValueTask.CompletedTask;

    public int RowsRead { get; private set; }

    public ImportLayout Layout { get; set; }

    /// <summary>Unit assumed for values that carry none; null means the indicator's own unit.</summary>
    public Unit? DefaultUnit { get; set; }

    public bool HasErrors => _errors.Count > 0;

    /// <summary>Indicators whose growth the catalogue says is published at comparable prices but came at current prices:
    /// count and first place, for one warning each.</summary>
    private readonly Dictionary<IndicatorCode, (Indicator Indicator, int Count, int? Row, string? Column)> _currentPriceGrowth = [];

    private void CurrentPriceGrowth(Indicator indicator, ObservationSource source)
    {
        _currentPriceGrowth[indicator.Code] = _currentPriceGrowth.TryGetValue(indicator.Code, out var w)
            ? w with { Count = w.Count + 1 }
            : (indicator, 1, source.Row, source.Column);
    }

    /// <summary>What the import stores but should be looked at: growth at current prices for an indicator published at
    /// comparable prices (one warning per indicator, naming its first row and how many rows).</summary>
    public IReadOnlyList<ImportError> Warnings() =>
    [
        .. _currentPriceGrowth.Values.Select(w => new ImportError(File, w.Row, w.Column, new Bilingual(
            string.Create(CultureInfo.InvariantCulture, $"指标“{w.Indicator.NameZh}”的增速通常按可比价计算,本文件给出的是现价增速({w.Count}条);已照原样保存为现价"),
            string.Create(CultureInfo.InvariantCulture, $"indicator '{w.Indicator.Code}' publishes its growth at comparable prices, but this file gives current-price growth ({w.Count} rows); stored as given, at current prices")))),
    ];

    /// <summary>Counts a data row; false (after recording the error) when the file has more rows than allowed.</summary>
    public bool CountRow(int row)
    {
        RowsRead++;
        if (RowsRead <= Options.MaxRows)
        {
            return true;
        }

        Error(row, null, new Bilingual(
            string.Create(CultureInfo.InvariantCulture, $"数据行数超过上限{Options.MaxRows},已停止读取"),
            string.Create(CultureInfo.InvariantCulture, $"the file has more than {Options.MaxRows} data rows; reading stopped")));
        return false;
    }

    public void Error(int? row, string? column, Bilingual message)
    {
        Stream?.MarkFailed();
        if (_errors.Count < Math.Max(1, Options.MaxErrors))
        {
            _errors.Add(new ImportError(File, row, column, message));
        }
        else
        {
            _suppressedErrors++;
        }
    }

    public void Error(int? row, string? column, string zh, string en) => Error(row, column, new Bilingual(zh, en));

    public ImportResult ToResult()
    {
        var unknowns = Unknowns();
        if (_errors.Count == 0)
        {
            return new ImportResult(Records.ToArray(), [], Layout, RowsRead) { Warnings = Warnings() };
        }

        var errors = new List<ImportError>(_errors);
        if (_suppressedErrors > 0)
        {
            errors.Add(new ImportError(File, null, null, new Bilingual(
                string.Create(CultureInfo.InvariantCulture, $"……另有{_suppressedErrors}个错误未列出"),
                string.Create(CultureInfo.InvariantCulture, $"…and {_suppressedErrors} more errors"))));
        }

        return new ImportResult([], errors, Layout, RowsRead) { UnknownIndicators = unknowns };
    }

    // ---- cached lookups (one call to IImportLookups per distinct text) ----

    public ParseResult<RegionCode> Region(ReadOnlySpan<char> cell)
    {
        var t = cell.Trim();
        if (t.IsEmpty)
        {
            return ParseResult<RegionCode>.Fail("地区为空", "the region is empty");
        }

        var alt = _regions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!alt.TryGetValue(t, out var r))
        {
            var s = t.ToString();
            r = _lookups.ResolveRegion(s);
            _regions[s] = r;
        }

        return r;
    }

    public IndicatorEntry? Indicator(ReadOnlySpan<char> cell)
    {
        var t = cell.Trim();
        if (t.IsEmpty)
        {
            return null;
        }

        var alt = _indicators.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!alt.TryGetValue(t, out var e))
        {
            var s = t.ToString();
            e = _lookups.FindIndicator(s) is { } ind ? new IndicatorEntry(ind, IndicatorId(ind)) : null;
            _indicators[s] = e;
        }

        return e;
    }

    private readonly Dictionary<string, (string Name, Unit? Unit, int Rows, int? Row, string? Column, int ErrorIndex)> _unknown = new(StringComparer.Ordinal);

    /// <summary>Notes a name the catalogue does not hold (one error per name, at its first place, listing the closest
    /// catalogue names, made in <see cref="ToResult"/>); a blank cell is an error of its own row.</summary>
    public void UnknownIndicator(int? row, string? column, ReadOnlySpan<char> cell, Unit? unit = null)
    {
        var t = cell.Trim();
        if (t.IsEmpty)
        {
            Error(row, column, UnknownIndicator(cell));
            return;
        }

        var name = t.ToString();
        var key = Catalogue.Key(name);
        if (_unknown.TryGetValue(key, out var u))
        {
            _unknown[key] = u with { Rows = u.Rows + 1, Unit = u.Unit ?? unit };
            return;
        }

        // The error takes its place in file order now; its text (unit, row count, closest names) is written in ToResult.
        var index = _errors.Count < Math.Max(1, Options.MaxErrors) ? _errors.Count : -1;
        Error(row, column, UnknownIndicator(cell));
        _unknown[key] = (name, unit, 1, row, column, index);
    }

    /// <summary>Gives a noted unknown name its unit when the row states one (the unit is read after the name).</summary>
    public void UnknownIndicatorUnit(ReadOnlySpan<char> cell, Unit? unit)
    {
        var key = Catalogue.Key(cell.Trim().ToString());
        if (unit is not null && _unknown.TryGetValue(key, out var u) && u.Unit is null)
        {
            _unknown[key] = u with { Unit = unit };
        }
    }

    /// <summary>The unknown names, each error completed with its unit, row count and the closest catalogue names.</summary>
    private List<UnknownIndicator> Unknowns()
    {
        var list = new List<UnknownIndicator>(_unknown.Count);
        foreach (var u in _unknown.Values)
        {
            var unknown = new UnknownIndicator(u.Name, u.Unit, u.Rows, u.Row, u.Column, _lookups.ClosestIndicators(u.Name));
            if (u.ErrorIndex >= 0)
            {
                _errors[u.ErrorIndex] = _errors[u.ErrorIndex] with { Message = UnknownIndicator(unknown) };
            }

            list.Add(unknown);
        }

        return list;
    }

    /// <summary>The refusal of one unknown name: its unit, row count and the closest catalogue names.</summary>
    public static Bilingual UnknownIndicator(UnknownIndicator u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var unitZh = u.Unit is { Symbol.Length: > 0 } un ? $"单位{un.Symbol}" : "未给出单位";
        var unitEn = u.Unit is { Symbol.Length: > 0 } ue ? $"unit {ue.Symbol}" : "no unit given";
        var closestZh = u.Closest.Count == 0 ? "目录中没有相近的指标" : "最接近的目录指标:" + string.Join("、", u.Closest.Select(c => $"{c.NameZh}({c.Code})"));
        var closestEn = u.Closest.Count == 0 ? "no catalogue indicator is close" : "closest catalogue indicators: " + string.Join(", ", u.Closest.Select(c => $"{c.NameZh} ({c.Code})"));
        return new Bilingual(
            string.Create(CultureInfo.InvariantCulture, $"未知指标“{u.Name}”({unitZh},{u.Rows}行);{closestZh}。可改用目录中的名称,或用 --add-indicators 添加为新指标"),
            string.Create(CultureInfo.InvariantCulture, $"unknown indicator '{u.Name}' ({unitEn}, {u.Rows} rows); {closestEn}. Use a catalogue name, or add it as a new indicator with --add-indicators"));
    }

    public static Bilingual UnknownIndicator(ReadOnlySpan<char> cell)
    {
        var t = cell.Trim();
        return t.IsEmpty
            ? new Bilingual("指标为空", "the indicator is empty")
            : new Bilingual($"未知指标“{t}”(请使用指标目录中的名称、别名或代码)", $"unknown indicator '{t}' (use a name, alias or code from the indicator catalogue)");
    }

    public ParseResult<StatPeriod> Period(ReadOnlySpan<char> cell)
    {
        var t = cell.Trim();
        if (t.IsEmpty)
        {
            return ParseResult<StatPeriod>.Fail("统计期别为空", "the period is empty");
        }

        var alt = _periods.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!alt.TryGetValue(t, out var p))
        {
            var s = t.ToString();
            p = _lookups.ParsePeriod(s);
            _periods[s] = p;
        }

        return p;
    }

    public ParseResult<Unit> Unit(ReadOnlySpan<char> cell)
    {
        var t = cell.Trim();
        var alt = _units.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!alt.TryGetValue(t, out var u))
        {
            var s = t.ToString();
            u = ImportText.ResolveUnit(s, _lookups.Units);
            _units[s] = u;
        }

        return u;
    }

    /// <summary>The provenance reference: a non-empty source cell (without an export's formula guard, <see cref="FormulaText.Restore"/>), else the file name. Equal texts share one string.</summary>
    public string SourceReference(ReadOnlySpan<char> cell)
    {
        var t = cell.Trim();
        if (t.IsEmpty)
        {
            return File;
        }

        var alt = _sources.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!alt.TryGetValue(t, out var s))
        {
            var key = t.ToString();
            s = FormulaText.Restore(key);
            _sources[key] = s;
        }

        return s;
    }

    private int IndicatorId(Indicator indicator)
    {
        if (!_indicatorIds.TryGetValue(indicator.Code.Value, out var id))
        {
            id = _indicatorIds.Count;
            _indicatorIds[indicator.Code.Value] = id;
            _indicatorById.Add(indicator);
        }

        return id;
    }

    // ---- values ----

    /// <summary>
    /// Converts <paramref name="value"/> from <paramref name="unit"/> (null: the default unit when compatible, else the
    /// indicator's) to the indicator's unit, exactly for decimal factors (8805000 万元 → 880.5 亿元).
    /// </summary>
    public Bilingual? ToIndicatorUnit(decimal value, Unit? unit, Indicator indicator, out decimal converted)
    {
        converted = value;
        var target = indicator.Unit;
        var from = unit ?? (DefaultUnit is { } d && d.IsCompatibleWith(target) ? d : target);
        if (!from.IsCompatibleWith(target))
        {
            return IncompatibleUnit(from, indicator);
        }

        if (from.Equals(target) || from.Factor == target.Factor)
        {
            return null;
        }

        try
        {
            // Multiply or divide by the ratio (a power of ten for 元/万元/亿元), never by the raw factors, so the
            // result is exact and does not overflow for large values.
            converted = from.Factor >= target.Factor
                ? value * (from.Factor / target.Factor)
                : value / (target.Factor / from.Factor);
            return null;
        }
        catch (OverflowException)
        {
            return new Bilingual(
                $"数值{ImportText.Show(value)}{from.Symbol}换算为{target.Symbol}时溢出",
                $"value {ImportText.Show(value)} {from.EnglishName} overflows when converted to {target.EnglishName}");
        }
    }

    public static Bilingual IncompatibleUnit(Unit unit, Indicator indicator) => new(
        $"单位“{unit.Symbol}”不能换算为指标“{indicator.NameZh}”的单位“{indicator.Unit.Symbol}”(量纲不同:{UnitTable.DimensionZh(unit.Dimension)}≠{UnitTable.DimensionZh(indicator.Unit.Dimension)})",
        $"unit '{unit.Symbol}' cannot be converted to the unit '{indicator.Unit.Symbol}' of indicator '{indicator.Code}' (different dimensions: {UnitTable.DimensionText(unit.Dimension)} vs {UnitTable.DimensionText(indicator.Unit.Dimension)})");

    public static Bilingual NotANumber(ReadOnlySpan<char> cell)
    {
        if (cell.Trim().IsEmpty)
        {
            return new Bilingual("数值为空", "the value is empty");
        }

        // A literal a double can read but a decimal cannot is a real number out of range, not a typo: say which.
        return ImportText.TryParseDouble(cell, out var d)
            ? (d == 0 ? Underflow(cell) : Beyond(cell))
            : new Bilingual($"数值“{cell.Trim()}”不是数字", $"value '{cell.Trim()}' is not a number");
    }

    /// <summary>Largest magnitude a figure may have, in the unit it is written in or stored in: 10^15 is beyond any
    /// county's (or country's) amount in 元, count or percent, and far inside decimal's range, so that converting
    /// between units can never overflow.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>Refuses a value that the decimal reading made wrong or that no office could mean: a non-zero literal read
    /// as 0 (1e-400), a magnitude of 10^15 or more (79228162514264337593543950335 亿元), and — after conversion to the
    /// indicator's unit — a non-zero amount that the store's eight decimal places would turn into 0.</summary>
    public static Bilingual? Implausible(ReadOnlySpan<char> cell, decimal written, decimal converted)
    {
        if (written == 0 && ImportText.HasNonZeroDigit(cell))
        {
            return Underflow(cell);
        }

        if (Math.Abs(written) >= MaxMagnitude || Math.Abs(converted) >= MaxMagnitude)
        {
            return Beyond(cell);
        }

        return converted != 0 && decimal.Round(converted, 8) == 0 ? Underflow(cell) : null;
    }

    /// <summary>A growth rate below −100% (a fall of more than everything) cannot be; nor can a non-zero literal read as 0.</summary>
    public static Bilingual? ImplausibleGrowth(ReadOnlySpan<char> cell, decimal growth)
    {
        if (growth == 0 && ImportText.HasNonZeroDigit(cell))
        {
            return Underflow(cell);
        }

        if (growth < -100m)
        {
            return new Bilingual(
                $"同比增长{ImportText.Show(growth)}%低于-100%,降幅不可能超过100%",
                $"growth {ImportText.Show(growth)}% is below -100%, which cannot be (nothing falls by more than all of it)");
        }

        return Math.Abs(growth) >= MaxMagnitude
            ? new Bilingual($"同比增长{ImportText.Show(growth)}%超出合理范围", $"growth {ImportText.Show(growth)}% is beyond the plausible range")
            : null;
    }

    private static Bilingual Underflow(ReadOnlySpan<char> cell) => new(
        $"数值“{cell.Trim()}”不为零,但小于可保存的精度(8位小数),读入会变成0",
        $"value '{cell.Trim()}' is not zero but is below the precision that can be stored (8 decimal places); it would read as 0");

    private static Bilingual Beyond(ReadOnlySpan<char> cell) => new(
        $"数值“{cell.Trim()}”超出合理范围(绝对值须小于10的15次方)",
        $"value '{cell.Trim()}' is beyond the plausible range (its magnitude must be below 10^15)");

    public static Bilingual BlankUnit(IndicatorEntry? indicator) => new(
        $"单位为空:请在单位列、列标题(如“数值(万元)”)或文件首行“单位:万元”中写明{(indicator is null ? string.Empty : $"(指标单位为{indicator.Indicator.Unit.Symbol})")}",
        $"the unit is empty: state it in the unit column, the column header (e.g. 'value(万元)') or a file-level '单位:万元' line{(indicator is null ? string.Empty : $" (the indicator is kept in {indicator.Indicator.Unit.Symbol})")}");

    public static Bilingual BadBasis(ReadOnlySpan<char> cell) => new(
        $"增速口径“{cell.Trim()}”无法识别(应为 可比价、按可比价计算、现价、按现价计算 或留空)",
        $"growth basis '{cell.Trim()}' is not recognised (expected comparable, current or blank; 可比价 or 现价)");

    public static Bilingual GrowthNotANumber(ReadOnlySpan<char> cell) => new(
        $"同比增长“{cell.Trim()}”不是数字(应如 7.8、7.8% 或 -2.1)",
        $"growth '{cell.Trim()}' is not a number (expected e.g. 7.8, 7.8% or -2.1)");

    public static Bilingual TwoCurrentPriceGrowths(decimal growth, decimal currentPrice) => new(
        $"增速口径为现价的同比增长{ImportText.Show(growth)}%与现价增长{ImportText.Show(currentPrice)}%不一致",
        $"the growth {ImportText.Show(growth)}% stated at current prices differs from the current-price growth {ImportText.Show(currentPrice)}%");

    public static Bilingual Negative(decimal value, Indicator indicator) => new(
        $"数值{ImportText.Show(value)}为负数,而指标“{indicator.NameZh}”不能为负",
        $"value {ImportText.Show(value)} is negative, but indicator '{indicator.Code}' cannot be negative");

    /// <summary>Adds a record unless it repeats an earlier one: identical → kept once; different → an error naming both rows.</summary>
    public void Add(ObservationRecord record, int indicatorId)
    {
        if (indicatorId < _indicatorById.Count && _indicatorById[indicatorId] is { Retired: not null } retired
            && IndicatorStore.RetiredReason(retired, record.Period.End) is { } reason)
        {
            Error(record.Source.Row, record.Source.Column, reason);
            return;
        }

        var p = record.Period;
        if (Abolished(record.Region, p) is { } abolished)
        {
            Error(record.Source.Row, record.Source.Column, abolished);
            return;
        }

        var index = _seen.GetOrAdd(record.Region.Value, indicatorId, (p.Year * 10000) + (p.FirstMonth * 100) + p.LastMonth, Records.Count);
        if (index < 0)
        {
            if (record.GrowthBasis == GrowthBasis.Current && indicatorId < _indicatorById.Count && _indicatorById[indicatorId].ComparableGrowth)
            {
                CurrentPriceGrowth(_indicatorById[indicatorId], record.Source);
            }

            Records.Add(record);
            Stream?.Add(record);
            return;
        }

        var first = Records[index];
        if (first.Value == record.Value && first.Unit.Equals(record.Unit) && first.GrowthPercent == record.GrowthPercent && first.Qualifier == record.Qualifier
            && (first.GrowthBasis == record.GrowthBasis || first.GrowthBasis == GrowthBasis.Unknown || record.GrowthBasis == GrowthBasis.Unknown)
            && (first.CurrentPriceGrowthPercent == record.CurrentPriceGrowthPercent || first.CurrentPriceGrowthPercent is null || record.CurrentPriceGrowthPercent is null))
        {
            // The same figure once with its basis stated and once without (a summary sheet and a topic sheet) is one
            // figure with the stated basis; a file read while it is stored keeps the first as it was passed on.
            if (first.GrowthBasis == GrowthBasis.Unknown && record.GrowthBasis != GrowthBasis.Unknown && Stream is null)
            {
                first = Records[index] = first with { GrowthBasis = record.GrowthBasis };
            }

            // Likewise a summary sheet with the comparable growth only and a topic sheet with both growths.
            if (first.CurrentPriceGrowthPercent is null && record.CurrentPriceGrowthPercent is not null && Stream is null)
            {
                Records[index] = first with { CurrentPriceGrowthPercent = record.CurrentPriceGrowthPercent };
            }

            return;
        }

        var what = $"{record.Region} {record.Indicator} {record.Period}";
        var firstAt = first.Source.Column is { } c && first.Source.Row == record.Source.Row ? $"“{c}”列" : $"第{first.Source.Row}行";
        var firstAtEn = first.Source.Column is { } c2 && first.Source.Row == record.Source.Row ? $"column '{c2}'" : $"row {first.Source.Row}";
        Error(record.Source.Row, record.Source.Column, new Bilingual(
            $"与{firstAt}重复({what})但数据不一致:{Describe(first)} ≠ {Describe(record)}",
            $"repeats {firstAtEn} ({what}) with different data: {Describe(first)} vs {Describe(record)}"));
    }

    /// <summary>
    /// Why a figure for <paramref name="region"/> in <paramref name="period"/> is refused: the code was abolished (its
    /// <see cref="Region.ValidTo"/>, exclusive) on or before the period's first day. The message names the successor
    /// ("350681 龙海市已于2021-01撤销，请使用继任区划 350604 龙海区"). Null when the figure may be stored. One lookup per code.
    /// </summary>
    public Bilingual? Abolished(RegionCode region, StatPeriod period)
    {
        if (!_validity.TryGetValue(region, out var r))
        {
            r = _lookups.FindRegion(region);
            _validity[region] = r;
        }

        if (r?.ValidTo is not { } end || new DateOnly(period.Year, period.FirstMonth, 1) < end)
        {
            return null;
        }

        var month = end.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (r.SuccessorCode is { } s && _lookups.FindRegion(s) is { } next)
        {
            return new Bilingual(
                $"{r.Code} {r.Name}已于{month}撤销，请使用继任区划 {next.Code} {next.Name}（{period}）",
                $"{r.Code} {r.Name} was abolished in {month}; use its successor {next.Code} {next.Name} ({period})");
        }

        return new Bilingual(
            $"{r.Code} {r.Name}已于{month}撤销，{period}不能再录入该区划的数据",
            $"{r.Code} {r.Name} was abolished in {month}; figures for {period} cannot be stored under it");
    }

    private static string Describe(ObservationRecord r)
    {
        var s = r.Value is { } v ? $"{ImportText.Show(v)}{r.Unit.Symbol}" : "—";
        if (r.GrowthPercent is { } g)
        {
            s += $" ({GrowthBasisText.Zh(r.GrowthBasis)}{ImportText.Show(g)}%)";
        }

        if (r.CurrentPriceGrowthPercent is { } c)
        {
            s += $" (现价{ImportText.Show(c)}%)";
        }

        return r.Qualifier == Qualifier.Exact ? s : $"{s} [{r.Qualifier}]";
    }
}

/// <summary>An indicator found in the catalogue, with a small per-import id for the duplicate index.</summary>
internal sealed record IndicatorEntry(Indicator Indicator, int Id);
