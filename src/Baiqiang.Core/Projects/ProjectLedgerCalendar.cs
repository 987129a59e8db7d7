using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>A reporting month (填报月份): a year and a month 1–12. Ordered chronologically; canonical text <c>2022-06</c>.</summary>
public readonly record struct ReportingMonth : IComparable<ReportingMonth>
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a month outside 1–12 or a year outside 1949–2200.</summary>
    public ReportingMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, Periods.StatPeriod.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, Periods.StatPeriod.MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Start => new(Year, Month, 1);

    /// <summary>The last day of the month (inclusive).</summary>
    public DateOnly End => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public ReportingMonth Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public ReportingMonth Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    /// <summary>The month containing <paramref name="date"/>.</summary>
    public static ReportingMonth Of(DateOnly date) => new(date.Year, date.Month);

    public int CompareTo(ReportingMonth other) => ((Year * 12) + Month).CompareTo((other.Year * 12) + other.Month);

    public static bool operator <(ReportingMonth left, ReportingMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingMonth left, ReportingMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingMonth left, ReportingMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingMonth left, ReportingMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => Fmt.Ym(Year, Month);
}

/// <summary>
/// Which reporting months are closed (关账). A closed month refuses new reports and edits; figures can then only be
/// changed by <see cref="MonthlyReport.Correct"/>, which makes a new revision. Not thread-safe.
/// </summary>
public sealed class ProjectLedgerCalendar
{
    private readonly HashSet<ReportingMonth> _closed = [];

    /// <summary>Closes one month (idempotent).</summary>
    public void Close(int year, int month) => _closed.Add(new ReportingMonth(year, month));

    /// <summary>Closes every month of <paramref name="year"/> from January through <paramref name="month"/>.</summary>
    public void CloseThrough(int year, int month)
    {
        for (var m = 1; m <= month; m++)
        {
            Close(year, m);
        }
    }

    /// <summary>Reopens a closed month (returns false when it was open).</summary>
    public bool Reopen(int year, int month) => _closed.Remove(new ReportingMonth(year, month));

    public bool IsClosed(int year, int month) => _closed.Contains(new ReportingMonth(year, month));

    /// <summary>The closed months, in order.</summary>
    public IReadOnlyList<ReportingMonth> ClosedMonths => [.. _closed.Order()];

    internal static Bilingual ClosedMessage(int year, int month) => new(
        $"{Fmt.Ym(year, month)}已关账，不能再修改，只能通过更正生成新版本",
        $"{Fmt.Ym(year, month)} is closed; it cannot be edited, only corrected as a new revision");
}
