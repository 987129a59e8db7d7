using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Services;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Services;

/// <summary>An enterprise as typed (统一社会信用代码 checked by its check digit; tags separated by 、; contacts "姓名|职务|电话; …").</summary>
public sealed class EnterpriseInput
{
    public string? CreditCode { get; set; }

    public string? Name { get; set; }

    [Shared.Inputs.RegionInput]
    public string? Region { get; set; }

    public string? Park { get; set; }

    public string? Industry { get; set; }

    public string? Size { get; set; }

    public string? Tags { get; set; }

    public string? Contacts { get; set; }

    public Dictionary<string, string?> ToValues() => new(StringComparer.Ordinal)
    {
        ["credit_code"] = CreditCode, ["name"] = Name, ["region"] = Region, ["park"] = Park, ["industry"] = Industry, ["size"] = Size, ["tags"] = Tags, ["contacts"] = Contacts,
    };
}

/// <summary>A visit as typed: date (yyyy-MM-dd), visitors, the enterprise, topics; optionally one request raised during it
/// (RequestCategory, RequestDepartment, RequestDeadline, RequestDescription), stored with the visit or not at all.
/// A blank Id is given one (ZF-yyyyMMdd-n).</summary>
public sealed class VisitInput
{
    public string? Id { get; set; }

    public string? Date { get; set; }

    public string? Visitors { get; set; }

    public string? CreditCode { get; set; }

    /// <summary>走访议题 and notes (the list's 走访记录).</summary>
    public string? Topics { get; set; }

    public string? RequestCategory { get; set; }

    public string? RequestDepartment { get; set; }

    public string? RequestDeadline { get; set; }

    public string? RequestDescription { get; set; }

    public Dictionary<string, string?> ToValues() => new(StringComparer.Ordinal)
    {
        ["id"] = Id, ["date"] = Date, ["visitors"] = Visitors, ["credit_code"] = CreditCode, ["notes"] = Topics,
        [ServiceDesk.RaisedPrefix + "category"] = RequestCategory, [ServiceDesk.RaisedPrefix + "department"] = RequestDepartment,
        [ServiceDesk.RaisedPrefix + "deadline"] = RequestDeadline, [ServiceDesk.RaisedPrefix + "description"] = RequestDescription,
    };
}

/// <summary>A request as typed: from a visit (VisitId: linked, the visit's enterprise and date) or for an enterprise
/// (CreditCode). Category 技术改造…其他, the responsible department, raised (default: the visit's day) and deadline dates.</summary>
public sealed class RequestInput
{
    public string? Id { get; set; }

    public string? VisitId { get; set; }

    public string? CreditCode { get; set; }

    public string? Category { get; set; }

    public string? Department { get; set; }

    public string? RaisedOn { get; set; }

    public string? Deadline { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, string?> ToValues() => new(StringComparer.Ordinal)
    {
        ["id"] = Id, ["visit_id"] = VisitId, ["credit_code"] = CreditCode, ["category"] = Category, ["department"] = Department,
        ["raised_on"] = RaisedOn, ["deadline"] = Deadline, ["description"] = Description,
    };
}

/// <summary>A cash-out (政策兑现) as typed: the policy programme, 奖补 or 减免 (default 奖补), the amount in 万元 (exact decimal), the date.</summary>
public sealed class CashOutInput
{
    public string? Id { get; set; }

    public string? CreditCode { get; set; }

    public string? Programme { get; set; }

    public string? Kind { get; set; }

    /// <summary>万元.</summary>
    public string? Amount { get; set; }

    public string? Date { get; set; }

    public Dictionary<string, string?> ToValues() => new(StringComparer.Ordinal)
    {
        ["id"] = Id, ["credit_code"] = CreditCode, ["programme"] = Programme, ["kind"] = Kind, ["amount"] = Amount, ["date"] = Date,
    };
}

/// <summary>The key of a record a desk form stored.</summary>
public sealed record DeskCreated(string Key);

/// <summary>One line of a request's history (audit): the creation (Field null, the record in NewValue) or one field's change.</summary>
public sealed record RequestHistoryLine(DateTimeOffset At, string User, string? Field, string? OldValue, string? NewValue);

/// <summary>A request with its deadline (DaysLeft: days to the deadline as of Today, negative when past, null when closed), its visit and its history.</summary>
public sealed record RequestDetail(RequestItem Request, string? VisitId, DateOnly Today, int? DaysLeft, IReadOnlyList<RequestHistoryLine> History);

/// <summary>A visit with the requests raised from it.</summary>
public sealed record VisitDetail(VisitItem Visit, string EnterpriseName, IReadOnlyList<RequestItem> Requests);

/// <summary>Reads and API endpoints of desk entry; the pages call the same <see cref="ServiceDesk"/> use cases.</summary>
public static class DeskViews
{
    public static void MapDeskApi(this RouteGroupBuilder api)
    {
        api.MapPost("/enterprises", CreateEnterpriseAsync).WithName("CreateEnterprise");
        api.MapPut("/enterprises/{creditCode}", UpdateEnterpriseAsync).WithName("UpdateEnterprise");
        api.MapPost("/visits", LogVisitAsync).WithName("LogVisit");
        api.MapGet("/visits/{id}", VisitAsync).WithName("GetVisit");
        api.MapPost("/requests", RaiseRequestAsync).WithName("RaiseRequest");
        api.MapGet("/requests/{id}", RequestAsync).WithName("GetRequest");
        api.MapPost("/cashouts", RecordCashOutAsync).WithName("RecordCashOut");
    }

    /// <summary>Errors by field as the API returns them ("中文 / English").</summary>
    public static Dictionary<string, string[]> Problems(DeskOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "record" : e.Key, e => e.Value.Select(m => m.ToString()).ToArray(), StringComparer.Ordinal);
    }

    internal static Task<Results<Created<DeskCreated>, ValidationProblem, ForbidHttpResult>> CreateEnterpriseAsync(EnterpriseInput input, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        CreateAsync(() => ServiceDesk.CreateEnterpriseAsync(db, http.User.ToActor(), input.ToValues(), ct), k => $"/api/services/enterprises/{k}", db);

    internal static async Task<Results<Ok<DeskCreated>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateEnterpriseAsync(
        string creditCode, EnterpriseInput input, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            var outcome = await ServiceDesk.UpdateEnterpriseAsync(db, http.User.ToActor(), creditCode, input.ToValues(), ct);
            return outcome is null ? TypedResults.NotFound()
                : outcome.Success ? TypedResults.Ok(new DeskCreated(outcome.Key!))
                : TypedResults.ValidationProblem(Problems(outcome));
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Created<DeskCreated>, ValidationProblem, ForbidHttpResult>> LogVisitAsync(VisitInput input, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = await Shared.AsOfDays.DefaultDayAsync(db, clock, ct);
        return await CreateAsync(() => ServiceDesk.LogVisitAsync(db, http.User.ToActor(), input.ToValues(), today, ct), k => $"/api/services/visits/{k}", db);
    }

    internal static async Task<Results<Created<DeskCreated>, ValidationProblem, ForbidHttpResult>> RaiseRequestAsync(RequestInput input, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = await Shared.AsOfDays.DefaultDayAsync(db, clock, ct);
        return await CreateAsync(() => ServiceDesk.RaiseRequestAsync(db, http.User.ToActor(), input.ToValues(), today, ct), k => $"/api/services/requests/{k}", db);
    }

    internal static async Task<Results<Created<DeskCreated>, ValidationProblem, ForbidHttpResult>> RecordCashOutAsync(CashOutInput input, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = await Shared.AsOfDays.DefaultDayAsync(db, clock, ct);
        return await CreateAsync(() => ServiceDesk.RecordCashOutAsync(db, http.User.ToActor(), input.ToValues(), today, ct), k => $"/api/services/export/cashouts?id={k}", db);
    }

    internal static async Task<Results<Ok<RequestDetail>, NotFound>> RequestAsync(string id, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await RequestDetailAsync(db, http.User.ToActor(), id, await Shared.AsOfDays.DefaultDayAsync(db, clock, ct), ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    internal static async Task<Results<Ok<VisitDetail>, NotFound>> VisitAsync(string id, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await VisitDetailAsync(db, http.User.ToActor(), id, await Shared.AsOfDays.DefaultDayAsync(db, clock, ct), ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Results<Created<DeskCreated>, ValidationProblem, ForbidHttpResult>> CreateAsync(Func<Task<DeskOutcome>> create, Func<string, string> location, BaiqiangDbContext db)
    {
        try
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            var outcome = await create();
            return outcome.Success
                ? TypedResults.Created(location(Uri.EscapeDataString(outcome.Key!)), new DeskCreated(outcome.Key!))
                : TypedResults.ValidationProblem(Problems(outcome));
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    /// <summary>A request with its deadline, its visit and its history (from the audit log), or null.</summary>
    public static async Task<RequestDetail?> RequestDetailAsync(BaiqiangDbContext db, Actor actor, string id, DateOnly today, CancellationToken ct)
    {
        var key = (id ?? string.Empty).Trim();
        var r = await db.Set<RequestEntity>().AsNoTracking().SingleOrDefaultAsync(x => x.Key == key, ct);
        if (r is null)
        {
            return null;
        }

        var name = await db.Set<EnterpriseEntity>().AsNoTracking().Where(e => e.CreditCode == r.CreditCode).Select(e => e.Name).SingleOrDefaultAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [r.CreditCode] = name ?? r.CreditCode };
        var history = await ServiceQueries.RequestHistoryAsync(db, r.Key, ct);
        return new RequestDetail(
            ServiceViews.ToItem(r.ToRequest(), names, actor, today), r.VisitKey, today,
            r.ClosedOn is null ? r.Deadline.DayNumber - today.DayNumber : null,
            [.. history.Select(a => new RequestHistoryLine(a.At, a.User, a.Field, a.OldValue, a.NewValue))]);
    }

    /// <summary>A visit and the requests raised from it, or null.</summary>
    public static async Task<VisitDetail?> VisitDetailAsync(BaiqiangDbContext db, Actor actor, string id, DateOnly today, CancellationToken ct)
    {
        var key = (id ?? string.Empty).Trim();
        var v = await db.Set<VisitEntity>().AsNoTracking().SingleOrDefaultAsync(x => x.Key == key, ct);
        if (v is null)
        {
            return null;
        }

        var name = await db.Set<EnterpriseEntity>().AsNoTracking().Where(e => e.CreditCode == v.CreditCode).Select(e => e.Name).SingleOrDefaultAsync(ct) ?? v.CreditCode;
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [v.CreditCode] = name };
        var requests = await db.Set<RequestEntity>().AsNoTracking().Where(r => r.VisitKey == v.Key).OrderBy(r => r.Key).ToListAsync(ct);
        return new VisitDetail(
            new VisitItem(v.Key, v.On, v.Visitors, v.CreditCode, v.RegionCode.ToString(), v.Notes), name,
            [.. requests.Select(r => ServiceViews.ToItem(r.ToRequest(), names, actor, today))]);
    }

    /// <summary>yyyy-MM-dd.</summary>
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A desk form page: editors and administrators only; what was typed stays in the form, and every error is shown in the
/// user's language beside the list of errors; a write outside the user's region answers 403 with the form and the reason.
/// </summary>
public abstract class DeskFormPage(Shared.Lang lang) : PageModel
{
    /// <summary>Errors by field (column key; "" for the record as a whole).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Bilingual>> FieldErrors { get; private set; } = new Dictionary<string, IReadOnlyList<Bilingual>>(StringComparer.Ordinal);

    public IEnumerable<string> Errors => FieldErrors.Values.SelectMany(v => v).Select(m => lang[m]);

    public string Invalid(string field) => FieldErrors.ContainsKey(field) ? "invalid" : string.Empty;

    /// <summary>The model of the enterprise picker partial: the typed code, whether it is in error, the choices.</summary>
    public (string? Value, bool Invalid, IReadOnlyList<(string Code, string Name)> Choices) Picker(string? value, IReadOnlyList<(string Code, string Name)> choices) =>
        (value, FieldErrors.ContainsKey("credit_code"), choices);

    protected bool MayEnter => User.ToActor() is { } a && (a.IsAdmin || a.Roles.HasFlag(Role.Editor));

    /// <summary>Runs a desk write: the redirect on success, else this page again with the errors (403 when out of the user's scope).</summary>
    protected async Task<IActionResult> SaveAsync(BaiqiangDbContext db, Func<Actor, Task<DeskOutcome?>> save, Func<string, string> redirect, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(redirect);
        ArgumentNullException.ThrowIfNull(reload);
        int? status = null;
        try
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            var outcome = await save(User.ToActor());
            if (outcome is null)
            {
                return NotFound();
            }

            if (outcome.Success)
            {
                return Redirect(redirect(Uri.EscapeDataString(outcome.Key!)));
            }

            FieldErrors = outcome.Errors;
        }
        catch (AccessDeniedException e)
        {
            FieldErrors = new Dictionary<string, IReadOnlyList<Bilingual>>(StringComparer.Ordinal) { [DeskOutcome.General] = [e.Reason] };
            status = StatusCodes.Status403Forbidden;
        }

        db.ChangeTracker.Clear();
        await reload();
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
