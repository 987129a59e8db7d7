using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;

namespace Baiqiang.Web.Indicators;

/// <summary>
/// <c>/api/indicators</c>: the store's indicator catalogue (指标目录). Reads for every signed-in role — the list filtered by
/// <c>q</c> (code, name or alias, simplified or traditional), <c>category</c>, <c>kind</c> and <c>status</c> (active|retired),
/// and one indicator with its children; add (POST), change (PUT) and retire (POST …/retire) for admins and analysts only
/// (others 403). Bad fields → 400 "中文 / English" by field; a code already taken → 409; an unknown code → 404.
/// </summary>
public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/Indicators", "指标目录", "Catalogue", _ => true));
        var api = app.MapGroup("/api/indicators").WithTags("indicators").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/", ListAsync).WithName("ListIndicators");
        api.MapGet("/{code}", GetAsync).WithName("GetIndicator");
        api.MapPost("/", AddAsync).WithName("AddIndicator");
        api.MapPut("/{code}", UpdateAsync).WithName("UpdateIndicator");
        api.MapPost("/{code}/retire", RetireAsync).WithName("RetireIndicator");
    }

    internal static async Task<Ok<IReadOnlyList<IndicatorItem>>> ListAsync(
        BaiqiangDbContext db, CancellationToken ct, string? q = null, string? category = null, string? kind = null, string? status = null)
        => TypedResults.Ok(await IndicatorViews.ListAsync(db, q, category, kind, status, ct));

    /// <summary>One indicator by code, name or alias, with its children.</summary>
    internal static async Task<Results<Ok<IndicatorDetail>, NotFound>> GetAsync(string code, BaiqiangDbContext db, CancellationToken ct)
        => await IndicatorViews.GetAsync(db, code, ct) is { } i ? TypedResults.Ok(i) : TypedResults.NotFound();

    /// <summary>Adds an indicator (audited); its code is in the body and the Location header.</summary>
    internal static async Task<Results<Created<IndicatorDetail>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> AddAsync(
        IndicatorRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            var write = await IndicatorViews.AddAsync(db, http.User.ToActor(), request, ct);
            return write.Indicator is { } i
                ? TypedResults.Created($"/api/indicators/{Uri.EscapeDataString(i.Indicator.Code)}", i)
                : write.Missing ? TypedResults.NotFound()
                : write.Conflict ? Conflict(write)
                : TypedResults.ValidationProblem(write.Errors);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    /// <summary>Changes the fields given (absent ones keep their value; the code never changes). Audited.</summary>
    internal static async Task<Results<Ok<IndicatorDetail>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> UpdateAsync(
        string code, IndicatorRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            var write = await IndicatorViews.UpdateAsync(db, http.User.ToActor(), code, request, ct);
            return write.Indicator is { } i ? TypedResults.Ok(i) : Refusal(write);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    /// <summary>Retires an indicator from <c>on</c> (default today): its history stays, new figures are refused. Audited.</summary>
    internal static async Task<Results<Ok<IndicatorDetail>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> RetireAsync(
        string code, RetireIndicatorRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            var write = await IndicatorViews.RetireAsync(db, http.User.ToActor(), code, request.On, today, ct);
            return write.Indicator is { } i ? TypedResults.Ok(i) : Refusal(write);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    private static ProblemHttpResult Conflict(IndicatorWrite write) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: string.Join("; ", write.Errors.Values.SelectMany(v => v)));

    private static Results<Ok<IndicatorDetail>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult> Refusal(IndicatorWrite write) =>
        write.Missing ? TypedResults.NotFound()
        : write.Conflict ? Conflict(write)
        : TypedResults.ValidationProblem(write.Errors);
}
