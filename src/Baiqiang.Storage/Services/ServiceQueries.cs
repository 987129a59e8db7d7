using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Services;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Services;

/// <summary>Service-desk reads for the CLI and the web app; statistics are grouped in SQL.</summary>
public static class ServiceQueries
{
    /// <summary>
    /// Visits, enterprises reached, requests by department × category × month (GROUP BY in the database), resolution,
    /// overdue as of <paramref name="today"/>, and the median days to resolve (ORDER BY … OFFSET in the database).
    /// <paramref name="departments"/> restricts requests to those departments (null: all).
    /// </summary>
    public static Task<ServiceReport> ReportAsync(BaiqiangDbContext db, StatPeriod period, DateOnly today, IReadOnlyCollection<string>? departments, CancellationToken ct) =>
        ReportAsync(db, period, today, departments, null, ct);

    /// <summary>The report of visits and requests of <paramref name="region"/> and the regions below it (all when null).</summary>
    public static async Task<ServiceReport> ReportAsync(BaiqiangDbContext db, StatPeriod period, DateOnly today, IReadOnlyCollection<string>? departments, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = (period.Start, period.End);
        var visits = db.Set<VisitEntity>().AsNoTracking().Where(v => v.On >= start && v.On <= end);
        if (region is { } scope)
        {
            var codes = await RegionsWithinAsync(db.Set<VisitEntity>().Select(v => v.RegionCode), scope, ct);
            visits = visits.Where(v => codes.Contains(v.RegionCode));
        }

        var visitCount = await visits.CountAsync(ct);
        var reached = await visits.Select(v => v.CreditCode).Distinct().CountAsync(ct);

        // A StatPeriod is whole months, so the month key selects exactly the period and the covering index serves the query.
        var (firstMonth, lastMonth) = ((period.Year * 100) + period.FirstMonth, (period.Year * 100) + period.LastMonth);
        var requests = db.Set<RequestEntity>().AsNoTracking().Where(r => r.RaisedMonth >= firstMonth && r.RaisedMonth <= lastMonth);
        if (departments is not null)
        {
            var list = departments.ToList();
            requests = requests.Where(r => list.Contains(r.Department));
        }

        if (region is { } within)
        {
            var codes = await RegionsWithinAsync(db.Set<RequestEntity>().Select(r => r.RegionCode), within, ct);
            requests = requests.Where(r => codes.Contains(r.RegionCode));
        }

        var rows = await requests
            .GroupBy(r => new { r.Department, r.Category, r.RaisedMonth })
            .Select(g => new
            {
                g.Key.Department,
                g.Key.Category,
                g.Key.RaisedMonth,
                Raised = g.Count(),
                Resolved = g.Count(r => r.Status == RequestStatus.Resolved),
                Unresolvable = g.Count(r => r.Status == RequestStatus.Unresolvable),
                Overdue = g.Count(r => (r.ClosedOn != null && r.ClosedOn > r.Deadline) || (r.ClosedOn == null && r.Deadline < today)),
            })
            .ToListAsync(ct);
        var cells = rows
            .Select(r => new RequestCell(r.Department, r.Category, RequestEntity.MonthText(r.RaisedMonth), r.Raised, r.Resolved, r.Unresolvable, r.Overdue))
            .OrderBy(c => c.Department, StringComparer.Ordinal).ThenBy(c => c.Category).ThenBy(c => c.Month, StringComparer.Ordinal)
            .ToList();

        // Days to resolve are set exactly for 已解决 requests, so their count is the resolved count.
        var resolvedDays = requests.Where(r => r.DaysToResolve != null).Select(r => r.DaysToResolve!.Value);
        var n = cells.Sum(c => c.Resolved);
        decimal? median = null;
        if (n > 0)
        {
            var middle = await resolvedDays.OrderBy(d => d).Skip((n - 1) / 2).Take(n % 2 == 0 ? 2 : 1).ToListAsync(ct);
            median = ServiceStatistics.Median(middle);
        }

        return new ServiceReport(
            visitCount,
            reached,
            cells.Sum(c => c.Raised),
            cells.Sum(c => c.Resolved),
            cells.Sum(c => c.Unresolvable),
            cells.Sum(c => c.Overdue),
            median,
            cells);
    }

    /// <summary>
    /// The requests <paramref name="actor"/> handles: a department's editor sees its departments' requests, a region
    /// editor its regions', administrators and analysts all. Newest first.
    /// </summary>
    public static async Task<List<EnterpriseRequest>> RequestsForAsync(BaiqiangDbContext db, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var query = db.Set<RequestEntity>().AsNoTracking();
        if (!actor.IsAdmin && actor.Roles.HasFlag(Role.Editor) && actor.Regions.Count == 0)
        {
            var departments = actor.Departments.ToList();
            query = query.Where(r => departments.Contains(r.Department));
        }

        var rows = await query.OrderByDescending(r => r.RaisedOn).ToListAsync(ct);
        return [.. rows.Where(r => actor.IsAdmin || !actor.Roles.HasFlag(Role.Editor) || actor.CanEdit(r.RegionCode, r.Department)).Select(r => r.ToRequest())];
    }

    /// <summary>Overdue open requests as of <paramref name="today"/>, oldest deadline first.</summary>
    public static async Task<List<EnterpriseRequest>> OverdueAsync(BaiqiangDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<RequestEntity>().AsNoTracking().Where(r => r.ClosedOn == null && r.Deadline < today).OrderBy(r => r.Deadline).ToListAsync(ct);
        return [.. rows.Select(r => r.ToRequest())];
    }

    /// <summary>Cash-out totals by programme and kind for the period (GROUP BY in the database).</summary>
    public static Task<IReadOnlyList<CashOutTotal>> CashOutTotalsAsync(BaiqiangDbContext db, StatPeriod period, CancellationToken ct) =>
        CashOutTotalsAsync(db, period, null, ct);

    /// <summary>Cash-out totals of <paramref name="region"/> and the regions below it (all when null).</summary>
    public static async Task<IReadOnlyList<CashOutTotal>> CashOutTotalsAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = (period.Start, period.End);
        var q = db.Set<CashOutEntity>().AsNoTracking().Where(c => c.On >= start && c.On <= end);
        if (region is { } scope)
        {
            var codes = await RegionsWithinAsync(db.Set<CashOutEntity>().Select(c => c.RegionCode), scope, ct);
            q = q.Where(c => codes.Contains(c.RegionCode));
        }

        var sums = await q.GroupBy(c => new { c.Programme, c.Kind }).Select(g => new { g.Key.Programme, g.Key.Kind, Amount = g.Sum(c => c.Amount) }).ToListAsync(ct);
        var people = await q.GroupBy(c => new { c.Programme, c.Kind, c.BeneficiaryKind })
            .Select(g => new { g.Key.Programme, g.Key.Kind, g.Key.BeneficiaryKind, Count = g.Select(c => c.Beneficiary).Distinct().Count() })
            .ToListAsync(ct);
        return [.. sums.OrderBy(s => s.Programme, StringComparer.Ordinal).Select(s => new CashOutTotal(
            s.Programme,
            s.Kind,
            people.Where(p => p.Programme == s.Programme && p.Kind == s.Kind && p.BeneficiaryKind == BeneficiaryKind.Enterprise).Sum(p => p.Count),
            people.Where(p => p.Programme == s.Programme && p.Kind == s.Kind && p.BeneficiaryKind == BeneficiaryKind.IndividualBusiness).Sum(p => p.Count),
            s.Amount))];
    }

    /// <summary>
    /// The distinct region codes of <paramref name="regions"/> that are <paramref name="scope"/> or lie below it, so a region
    /// filter becomes an IN list the database applies (the desk's lists carry few distinct regions).
    /// </summary>
    public static async Task<List<RegionCode>> RegionsWithinAsync(IQueryable<RegionCode> regions, RegionCode scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(regions);
        return [.. (await regions.Distinct().ToListAsync(ct)).Where(r => Actor.IsWithin(r, scope))];
    }

    /// <summary>A request's history from the audit log (its creation and every field change: who, when, old → new), oldest first.</summary>
    public static async Task<List<Auditing.AuditEntry>> RequestHistoryAsync(BaiqiangDbContext db, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "request" && a.Key == key).OrderBy(a => a.Id).ToListAsync(ct);
    }
}
