using System.Globalization;
using Baiqiang.Core.Periods;

namespace Baiqiang.Core.Services;

/// <summary>Requests of one department × category × month cell.</summary>
/// <remarks>Month is yyyy-MM of the date raised; Raised counts requests, Resolved/Unresolvable those closed so, Overdue those overdue.</remarks>
public sealed record RequestCell(string Department, RequestCategory Category, string Month, int Raised, int Resolved, int Unresolvable, int Overdue);

/// <summary>Service-desk figures for a period.</summary>
/// <param name="Visits">Visits in the period.</param>
/// <param name="EnterprisesReached">Distinct enterprises visited.</param>
/// <param name="Raised">Requests raised in the period.</param>
/// <param name="Resolved">Of those, closed as 已解决.</param>
/// <param name="Unresolvable">Of those, closed as 无法解决.</param>
/// <param name="Overdue">Of those, overdue as of the given day.</param>
/// <param name="MedianDaysToResolve">Median days from raised to 已解决, or null when none resolved.</param>
/// <param name="Cells">By department × category × month.</param>
public sealed record ServiceReport(int Visits, int EnterprisesReached, int Raised, int Resolved, int Unresolvable, int Overdue, decimal? MedianDaysToResolve, IReadOnlyList<RequestCell> Cells)
{
    /// <summary>已解决 ÷ raised × 100 (null when none raised). 江阳: 6 ÷ 17 = 35.29%.</summary>
    public decimal? ResolutionRatePercent => Raised == 0 ? null : Resolved * 100m / Raised;

    public string ResolutionFormula => string.Create(CultureInfo.InvariantCulture,
        $"解决率 = 已解决 {Resolved} ÷ 受理诉求 {Raised} × 100 = {(ResolutionRatePercent is { } r ? Math.Round(r, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—")}");

    /// <summary>Requests by category, summed over departments and months.</summary>
    public IReadOnlyDictionary<RequestCategory, int> ByCategory => Cells.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.Sum(c => c.Raised));

    /// <summary>Requests by department.</summary>
    public IReadOnlyDictionary<string, int> ByDepartment => Cells.GroupBy(c => c.Department, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Raised), StringComparer.Ordinal);
}

/// <summary>Computes <see cref="ServiceReport"/> in memory (the storage layer computes the same figures in SQL).</summary>
/// <remarks>Requests count in the period they were raised; overdue is judged as of <c>today</c>
/// (<see cref="EnterpriseRequest.IsOverdue"/>). The median of an even count is the mean of the two middle values.</remarks>
public static class ServiceStatistics
{
    public static ServiceReport Compute(IEnumerable<Visit> visits, IEnumerable<EnterpriseRequest> requests, StatPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(requests);
        var (start, end) = (period.Start, period.End);
        var inVisits = visits.Where(v => v.On >= start && v.On <= end).ToList();
        var inRequests = requests.Where(r => r.RaisedOn >= start && r.RaisedOn <= end).ToList();
        var cells = inRequests
            .GroupBy(r => (r.Department, r.Category, Month: r.RaisedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key.Department, StringComparer.Ordinal).ThenBy(g => g.Key.Category).ThenBy(g => g.Key.Month, StringComparer.Ordinal)
            .Select(g => new RequestCell(g.Key.Department, g.Key.Category, g.Key.Month,
                g.Count(), g.Count(r => r.Status == RequestStatus.Resolved), g.Count(r => r.Status == RequestStatus.Unresolvable), g.Count(r => r.IsOverdue(today))))
            .ToList();
        var days = inRequests.Where(r => r.DaysToResolve is not null).Select(r => r.DaysToResolve!.Value).Order().ToList();
        return new ServiceReport(
            inVisits.Count,
            inVisits.Select(v => v.Enterprise).Distinct().Count(),
            inRequests.Count,
            inRequests.Count(r => r.Status == RequestStatus.Resolved),
            inRequests.Count(r => r.Status == RequestStatus.Unresolvable),
            inRequests.Count(r => r.IsOverdue(today)),
            Median(days),
            cells);
    }

    /// <summary>Median of sorted values; null when empty.</summary>
    public static decimal? Median(IReadOnlyList<int> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }
}
