using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Periods;

/// <summary>The shape of a statistical period, derived from its month span.</summary>
public enum PeriodKind
{
    /// <summary>全年: January–December, canonical <c>2022</c>.</summary>
    Year = 1,

    /// <summary>A single month (本月), canonical <c>2022-06</c>. January alone is also 1月累计.</summary>
    Month = 2,

    /// <summary>A cumulative span from January (1至N月累计), canonical <c>2022-01..04</c>.
    /// 一季度 (1–3), 上半年 (1–6) and 前三季度 (1–9) are cumulative spans.</summary>
    Cumulative = 3,

    /// <summary>A single quarter other than the first (二/三/四季度 on its own), canonical <c>2022-Q3</c>.</summary>
    Quarter = 4,

    /// <summary>下半年: July–December, canonical <c>2022-H2</c>.</summary>
    SecondHalf = 5,
}

/// <summary>
/// A statistical period: a year, a single month, a cumulative span from January, a single quarter or the second half.
/// </summary>
/// <remarks>
/// <para>A period is stored as (year, first month, last month), both months inclusive. Equality is equality of
/// that span, so the equivalences statisticians use hold by construction: 上半年 ≡ 1–6月累计 (<c>2022-01..06</c>),
/// 一季度 ≡ 1–3月 (<c>2022-01..03</c>), 前三季度 ≡ 1–9月, 全年 ≡ 1–12月 (<c>2022</c>).</para>
/// <para>Only spans a statistician publishes are valid: a single month, January to any month, a calendar
/// quarter, or July–December. Anything else (e.g. March–May) throws <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para>Ordering is by year, then last month, then first month ascending (so a longer span ending in the
/// same month sorts first): <c>2022-01..06</c> &lt; <c>2022-06</c> &lt; <c>2022-Q3</c>. Ordering is total, for
/// sorting; it does not say one period "contains" another — use <see cref="Contains"/> for that.</para>
/// <para>Canonical strings (culture-invariant): <c>2022</c>, <c>2022-06</c>, <c>2022-01..04</c>, <c>2022-Q3</c>, <c>2022-H2</c>.</para>
/// </remarks>
public readonly record struct StatPeriod : IComparable<StatPeriod>, ISpanFormattable
{
    public const int MinYear = 1949;
    public const int MaxYear = 2200;

    private StatPeriod(int year, int firstMonth, int lastMonth)
    {
        Year = year;
        FirstMonth = firstMonth;
        LastMonth = lastMonth;
    }

    public int Year { get; }

    /// <summary>First month of the span, 1–12, inclusive.</summary>
    public int FirstMonth { get; }

    /// <summary>Last month of the span, 1–12, inclusive.</summary>
    public int LastMonth { get; }

    public int MonthCount => LastMonth - FirstMonth + 1;

    public PeriodKind Kind => (FirstMonth, LastMonth) switch
    {
        (1, 12) => PeriodKind.Year,
        var (f, l) when f == l => PeriodKind.Month,
        (1, _) => PeriodKind.Cumulative,
        (7, 12) => PeriodKind.SecondHalf,
        _ => PeriodKind.Quarter,
    };

    /// <summary>True for spans that start in January (a year, a cumulative span, or January alone).</summary>
    public bool IsCumulativeFromJanuary => FirstMonth == 1;

    /// <summary>Quarter number 1–4 when the span is exactly one calendar quarter, else null.</summary>
    public int? QuarterNumber => MonthCount == 3 && FirstMonth % 3 == 1 ? (FirstMonth + 2) / 3 : null;

    public static StatPeriod ForYear(int year) => Create(year, 1, 12);

    public static StatPeriod ForMonth(int year, int month) => Create(year, month, month);

    /// <summary>1至<paramref name="lastMonth"/>月累计.</summary>
    public static StatPeriod CumulativeTo(int year, int lastMonth) => Create(year, 1, lastMonth);

    /// <summary>A calendar quarter on its own; quarter 1 equals <c>CumulativeTo(year, 3)</c>.</summary>
    public static StatPeriod ForQuarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return Create(year, (quarter * 3) - 2, quarter * 3);
    }

    /// <summary>上半年 (half 1, ≡ 1–6月累计) or 下半年 (half 2, July–December).</summary>
    public static StatPeriod ForHalf(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return half == 1 ? Create(year, 1, 6) : Create(year, 7, 12);
    }

    /// <summary>Creates a period from an inclusive month span, throwing <see cref="ArgumentOutOfRangeException"/> for spans no statistician publishes.</summary>
    public static StatPeriod Create(int year, int firstMonth, int lastMonth)
    {
        var error = Validate(year, firstMonth, lastMonth);
        return error is null ? new StatPeriod(year, firstMonth, lastMonth) : throw new ArgumentOutOfRangeException(nameof(firstMonth), error.Value.ToString());
    }

    private static Bilingual? Validate(int year, int firstMonth, int lastMonth)
    {
        if (year is < MinYear or > MaxYear)
        {
            return new Bilingual($"年份{year}超出范围({MinYear}–{MaxYear})", $"year {year} is out of range ({MinYear}–{MaxYear})");
        }

        if (firstMonth is < 1 or > 12 || lastMonth is < 1 or > 12 || firstMonth > lastMonth)
        {
            return new Bilingual($"月份范围{firstMonth}–{lastMonth}无效", $"month span {firstMonth}–{lastMonth} is invalid");
        }

        var ok = firstMonth == lastMonth || firstMonth == 1 || (firstMonth == 7 && lastMonth == 12) || (lastMonth - firstMonth == 2 && firstMonth % 3 == 1);
        return ok ? null : new Bilingual(
            $"{firstMonth}–{lastMonth}月不是统计口径的期别(单月、1月起累计、季度或下半年)",
            $"months {firstMonth}–{lastMonth} are not a statistical period (a month, a span from January, a quarter or the second half)");
    }

    /// <summary>The same period a year earlier (上年同期).</summary>
    public StatPeriod SamePeriodLastYear() => new(Year - 1, FirstMonth, LastMonth);

    /// <summary>The same span shifted by <paramref name="years"/> years.</summary>
    public StatPeriod AddYears(int years) => Create(Year + years, FirstMonth, LastMonth);

    /// <summary>
    /// Share of the calendar year elapsed at the end of this period, by months: 上半年 → 0.5, 1–4月 → 4/12.
    /// This is the "时间" in 时间过半、任务过半.
    /// </summary>
    public decimal YearElapsedShare => LastMonth / 12m;

    /// <summary>The first day of the span.</summary>
    public DateOnly Start => new(Year, FirstMonth, 1);

    /// <summary>The last day of the span (inclusive).</summary>
    public DateOnly End => new(Year, LastMonth, DateTime.DaysInMonth(Year, LastMonth));

    /// <summary>True when every month of <paramref name="other"/> lies within this span.</summary>
    public bool Contains(StatPeriod other) => other.Year == Year && other.FirstMonth >= FirstMonth && other.LastMonth <= LastMonth;

    /// <summary>Parses the canonical form (<c>2022</c>, <c>2022-06</c>, <c>2022-01..04</c>, <c>2022-Q3</c>, <c>2022-H2</c>).
    /// For Chinese text (2022年上半年, 今年1至6月) use <c>ChinesePeriodParser</c>.</summary>
    public static ParseResult<StatPeriod> TryParseCanonical(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        if (t.Length < 4 || !int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return Fail(t);
        }

        var rest = t[4..];
        if (rest.IsEmpty)
        {
            return From(year, 1, 12, t);
        }

        if (rest[0] != '-')
        {
            return Fail(t);
        }

        rest = rest[1..];
        if (rest.Length == 2 && (rest[0] is 'Q' or 'q') && rest[1] is >= '1' and <= '4')
        {
            var q = rest[1] - '0';
            return From(year, (q * 3) - 2, q * 3, t);
        }

        if (rest is "H1" or "h1")
        {
            return From(year, 1, 6, t);
        }

        if (rest is "H2" or "h2")
        {
            return From(year, 7, 12, t);
        }

        var dots = rest.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            return TwoDigits(rest, out var m) ? From(year, m, m, t) : Fail(t);
        }

        return TwoDigits(rest[..dots], out var first) && TwoDigits(rest[(dots + 2)..], out var last) ? From(year, first, last, t) : Fail(t);
    }

    /// <summary>Parses the canonical form, throwing <see cref="FormatException"/> with a bilingual message.</summary>
    public static StatPeriod ParseCanonical(string text) => TryParseCanonical(text).Value;

    private static bool TwoDigits(ReadOnlySpan<char> s, out int value)
        => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value) && s.Length is 1 or 2;

    private static ParseResult<StatPeriod> From(int year, int first, int last, ReadOnlySpan<char> original)
    {
        var error = Validate(year, first, last);
        return error is null ? ParseResult<StatPeriod>.Ok(new StatPeriod(year, first, last)) : ParseResult<StatPeriod>.Fail(
            $"“{original}”不是有效的统计期别:{error.Value.Zh}", $"'{original}' is not a valid period: {error.Value.En}");
    }

    private static ParseResult<StatPeriod> Fail(ReadOnlySpan<char> t) => ParseResult<StatPeriod>.Fail(
        $"无法识别统计期别“{t}”(应为 2022、2022-06、2022-01..04、2022-Q3 或 2022-H2)",
        $"cannot read period '{t}' (expected 2022, 2022-06, 2022-01..04, 2022-Q3 or 2022-H2)");

    public int CompareTo(StatPeriod other)
    {
        var c = Year.CompareTo(other.Year);
        if (c != 0)
        {
            return c;
        }

        c = LastMonth.CompareTo(other.LastMonth);
        return c != 0 ? c : FirstMonth.CompareTo(other.FirstMonth);
    }

    public static bool operator <(StatPeriod left, StatPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(StatPeriod left, StatPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(StatPeriod left, StatPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StatPeriod left, StatPeriod right) => left.CompareTo(right) >= 0;

    /// <summary>The canonical, culture-invariant form.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{FirstMonth:D2}"),
        PeriodKind.Cumulative => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-01..{LastMonth:D2}"),
        PeriodKind.SecondHalf => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-H2"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{QuarterNumber}"),
    };

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var s = ToString();
        charsWritten = 0;
        if (s.Length > destination.Length)
        {
            return false;
        }

        s.AsSpan().CopyTo(destination);
        charsWritten = s.Length;
        return true;
    }
}
