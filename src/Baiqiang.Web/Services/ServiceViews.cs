using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Services;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Services;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Services;

public sealed record EnterpriseItem(string CreditCode, string Name, string Region, string? Park, string Industry, string? Size, string Flags, int Visits, int OpenRequests);

public sealed record VisitItem(string Id, DateOnly On, string Visitors, string CreditCode, string Region, string Notes);

/// <summary>An enterprise request (诉求). <c>Overdue</c>: still open after its deadline, or closed after it.
/// <c>Editable</c>: the caller may start/close it (its region in scope, or its department's desk).</summary>
public sealed record RequestItem(
    string Id, string CreditCode, string EnterpriseName, string Region, string Category, string Department, DateOnly RaisedOn, DateOnly Deadline,
    string Status, string StatusZh, DateOnly? StartedOn, DateOnly? ClosedOn, string? Resolution, string Description, bool Overdue, bool Editable);

public sealed record EnterpriseDetail(EnterpriseItem Enterprise, IReadOnlyList<string> Contacts, IReadOnlyList<VisitItem> Visits, IReadOnlyList<RequestItem> Requests);

/// <summary>One column of the requests board (受理/办理中/已解决/无法解决).</summary>
public sealed record BoardColumn(string Status, string StatusZh, int Count, int Overdue, IReadOnlyList<RequestItem> Requests);

public sealed record RequestBoard(DateOnly Today, IReadOnlyList<BoardColumn> Columns);

public sealed record CountItem(string Key, string NameZh, int Count);

/// <summary>Service-desk statistics of a period; <c>ResolutionFormula</c> spells out the rate.</summary>
public sealed record ServiceStatisticsResponse(
    string Period, int Visits, int EnterprisesReached, int Raised, int Resolved, int Unresolvable, int Overdue,
    decimal? ResolutionRatePercent, string ResolutionFormula, decimal? MedianDaysToResolve,
    IReadOnlyList<CountItem> ByCategory, IReadOnlyList<CountItem> ByDepartment);

public sealed record StartRequestRequest(DateOnly On);

/// <summary>Closes a request: <c>Outcome</c> 已解决/Resolved or 无法解决/Unresolvable; <c>Resolution</c> (result or reason) is required.</summary>
public sealed record CloseRequestRequest(string Outcome, DateOnly On, string? Resolution);

/// <summary>The reads and writes the service-desk pages and API share.</summary>
public static class ServiceViews
{
    /// <summary>A region filter as typed: null when blank, else the code or why it is not one.</summary>
    public static ParseResult<RegionCode?> ParseRegion(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ParseResult<RegionCode?>.Ok(null)
        : RegionCode.TryParse(text.Trim().AsSpan()) is { Success: true } r ? ParseResult<RegionCode?>.Ok(r.Value)
        : ParseResult<RegionCode?>.Fail(RegionCode.TryParse(text.Trim().AsSpan()).Error!.Value);

    public static async Task<IReadOnlyList<EnterpriseItem>> EnterprisesAsync(BaiqiangDbContext db, string? q, string? flag, DateOnly today, CancellationToken ct, RegionCode? region = null)
    {
        var query = db.Set<EnterpriseEntity>().AsNoTracking();
        if (region is { } scope)
        {
            var within = await ServiceQueries.RegionsWithinAsync(db.Set<EnterpriseEntity>().Select(e => e.RegionCode), scope, ct);
            query = query.Where(e => within.Contains(e.RegionCode));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            var upper = t.ToUpperInvariant();
            query = query.Where(e => e.Name.Contains(t) || e.CreditCode.StartsWith(upper));
        }

        var rows = await query.OrderBy(e => e.Name).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(flag) && ServiceText.ParseFlags(flag) is { Success: true, Value: var f } && f != EnterpriseTags.None)
        {
            rows = [.. rows.Where(e => (e.Tags & f) == f)];
        }

        var codes = rows.Select(e => e.CreditCode).ToList();
        var visits = await db.Set<VisitEntity>().AsNoTracking().Where(v => codes.Contains(v.CreditCode)).GroupBy(v => v.CreditCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var open = await db.Set<RequestEntity>().AsNoTracking().Where(r => codes.Contains(r.CreditCode) && r.ClosedOn == null).GroupBy(r => r.CreditCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var v = visits.ToDictionary(x => x.Key, x => x.N, StringComparer.Ordinal);
        var o = open.ToDictionary(x => x.Key, x => x.N, StringComparer.Ordinal);
        return [.. rows.Select(e => ToItem(e, v.GetValueOrDefault(e.CreditCode), o.GetValueOrDefault(e.CreditCode)))];
    }

    private static EnterpriseItem ToItem(EnterpriseEntity e, int visits, int open) => new(
        e.CreditCode, e.Name, e.RegionCode.ToString(), e.ParkCode?.ToString(), e.Industry, e.Size is { } s ? ServiceText.Name(s) : null, ServiceText.Names(e.Tags), visits, open);

    public static async Task<EnterpriseDetail?> EnterpriseAsync(BaiqiangDbContext db, Actor actor, string creditCode, DateOnly today, CancellationToken ct)
    {
        var code = creditCode.Trim().ToUpperInvariant();
        var e = await db.Set<EnterpriseEntity>().AsNoTracking().SingleOrDefaultAsync(x => x.CreditCode == code, ct);
        if (e is null)
        {
            return null;
        }

        var visits = await db.Set<VisitEntity>().AsNoTracking().Where(v => v.CreditCode == code).OrderByDescending(v => v.On).ToListAsync(ct);
        var requests = await db.Set<RequestEntity>().AsNoTracking().Where(r => r.CreditCode == code).OrderByDescending(r => r.RaisedOn).ToListAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [e.CreditCode] = e.Name };
        return new EnterpriseDetail(
            ToItem(e, visits.Count, requests.Count(r => r.ClosedOn == null)),
            [.. EnterpriseEntity.ParseContacts(e.Contacts).Select(c => string.Join(" ", new[] { c.Name, c.Role, c.Phone }.Where(s => s.Length > 0)))],
            [.. visits.Select(v => new VisitItem(v.Key, v.On, v.Visitors, v.CreditCode, v.RegionCode.ToString(), v.Notes))],
            [.. requests.Select(r => ToItem(r.ToRequest(), names, actor, today))]);
    }

    public static RequestItem ToItem(EnterpriseRequest r, IReadOnlyDictionary<string, string> names, Actor actor, DateOnly today) => new(
        r.Id, r.Enterprise.Value, names.TryGetValue(r.Enterprise.Value, out var n) ? n : r.Enterprise.Value, r.Region.ToString(), ServiceText.Name(r.Category),
        r.Department, r.RaisedOn, r.Deadline, r.Status.ToString(), ServiceText.Name(r.Status), r.StartedOn, r.ClosedOn, r.Resolution, r.Description,
        r.IsOverdue(today), actor.CanEdit(r.Region, r.Department));

    /// <summary>All requests (optionally of one department), grouped by status, overdue ones first in each column.</summary>
    public static async Task<RequestBoard> BoardAsync(BaiqiangDbContext db, Actor actor, string? department, DateOnly today, CancellationToken ct, RegionCode? region = null)
    {
        var query = db.Set<RequestEntity>().AsNoTracking();
        if (region is { } scope)
        {
            var within = await ServiceQueries.RegionsWithinAsync(db.Set<RequestEntity>().Select(r => r.RegionCode), scope, ct);
            query = query.Where(r => within.Contains(r.RegionCode));
        }

        if (!string.IsNullOrWhiteSpace(department))
        {
            var d = department.Trim();
            query = query.Where(r => r.Department == d);
        }

        var rows = await query.ToListAsync(ct);
        var codes = rows.Select(r => r.CreditCode).Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Set<EnterpriseEntity>().AsNoTracking().Where(e => codes.Contains(e.CreditCode)).ToDictionaryAsync(e => e.CreditCode, e => e.Name, StringComparer.Ordinal, ct);
        var items = rows.Select(r => ToItem(r.ToRequest(), names, actor, today)).ToList();
        var columns = Enum.GetValues<RequestStatus>().Select(s =>
        {
            var inColumn = items.Where(i => i.Status == s.ToString()).OrderByDescending(i => i.Overdue).ThenBy(i => i.Deadline).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            return new BoardColumn(s.ToString(), ServiceText.Name(s), inColumn.Count, inColumn.Count(i => i.Overdue), inColumn);
        }).ToList();
        return new RequestBoard(today, columns);
    }

    /// <summary>Starts (受理 → 办理中) a request; null when done, else the refusal. Throws <see cref="AccessDeniedException"/> outside the actor's scope.</summary>
    public static async Task<Bilingual?> StartAsync(BaiqiangDbContext db, Actor actor, string id, StartRequestRequest request, CancellationToken ct)
    {
        try
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            await ServiceStore.StartRequestAsync(db, actor, id, request.On, ct);
            return null;
        }
        catch (DomainRuleException e)
        {
            return e.Reason;
        }
    }

    /// <summary>Closes a request as 已解决 or 无法解决 (a resolution or reason is required).</summary>
    public static async Task<Bilingual?> CloseAsync(BaiqiangDbContext db, Actor actor, string id, CloseRequestRequest request, CancellationToken ct)
    {
        var outcome = ServiceText.ParseStatus(request.Outcome ?? string.Empty);
        if (!outcome.Success)
        {
            return outcome.Error;
        }

        if (outcome.Value is not (RequestStatus.Resolved or RequestStatus.Unresolvable))
        {
            return new Bilingual("办结结果只能是已解决或无法解决", "a request closes as resolved or unresolvable");
        }

        try
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            await ServiceStore.CloseRequestAsync(db, actor, id, outcome.Value, request.On, request.Resolution, ct);
            return null;
        }
        catch (DomainRuleException e)
        {
            return e.Reason;
        }
    }

    public static async Task<bool> RequestExistsAsync(BaiqiangDbContext db, string id, CancellationToken ct)
    {
        var key = id.Trim();
        return await db.Set<RequestEntity>().AnyAsync(r => r.Key == key, ct);
    }

    public static async Task<ServiceStatisticsResponse> StatisticsAsync(BaiqiangDbContext db, StatPeriod period, DateOnly today, CancellationToken ct, RegionCode? region = null)
    {
        var r = await ServiceQueries.ReportAsync(db, period, today, null, region, ct);
        return new ServiceStatisticsResponse(
            period.ToString(), r.Visits, r.EnterprisesReached, r.Raised, r.Resolved, r.Unresolvable, r.Overdue,
            Pipeline.PipelineViews.Round(r.ResolutionRatePercent), r.ResolutionFormula, r.MedianDaysToResolve,
            [.. r.ByCategory.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => new CountItem(c.Key.ToString(), ServiceText.Name(c.Key), c.Value))],
            [.. r.ByDepartment.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new CountItem(c.Key, c.Key, c.Value))]);
    }

    /// <summary>The latest year with a request or visit (the pages' default period), capped at today's year.</summary>
    public static async Task<int> LatestYearAsync(BaiqiangDbContext db, DateOnly today, CancellationToken ct)
    {
        var raised = await db.Set<RequestEntity>().AsNoTracking().OrderByDescending(r => r.RaisedOn).Select(r => (DateOnly?)r.RaisedOn).FirstOrDefaultAsync(ct);
        return raised is { } d ? Math.Min(d.Year, today.Year) : today.Year;
    }
}
