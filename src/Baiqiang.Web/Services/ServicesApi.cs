using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Services;
using Baiqiang.Storage;
using Baiqiang.Storage.Lists;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Services;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Pipeline;
using Baiqiang.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Services;

/// <summary>
/// <c>/api/services/…</c>: enterprises (search, detail with visits and requests), the requests board, starting and
/// closing a request, statistics, and list import/export (enterprises, visits, requests). Writes take the caller's
/// <see cref="Actor"/>: region editors handle their region's requests, department desks only their department's (→ 403).
/// </summary>
public static class ServicesApi
{
    public static void MapServicesApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/Services", "企业服务", "Enterprise service", _ => true));
        var api = app.MapGroup("/api/services").WithTags("services").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/enterprises", EnterprisesAsync).WithName("ListEnterprises");
        api.MapGet("/enterprises/{creditCode}", EnterpriseAsync).WithName("GetEnterprise");
        api.MapGet("/requests", BoardAsync).WithName("GetRequestBoard");
        api.MapPost("/requests/{id}/start", StartAsync).WithName("StartRequest");
        api.MapPost("/requests/{id}/close", CloseAsync).WithName("CloseRequest");
        api.MapGet("/statistics", StatisticsAsync).WithName("GetServiceStatistics");
        api.MapGet("/export/{list}", ExportAsync).WithName("ExportServiceList");
        api.MapPost("/import/{list}", ImportAsync).WithName("ImportServiceList").DisableAntiforgery().WithParseBudget();
        api.MapDeskApi();
    }

    internal static async Task<Results<Ok<IReadOnlyList<EnterpriseItem>>, ValidationProblem>> EnterprisesAsync(string? q, string? flag, string? region, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        ServiceViews.ParseRegion(region) is { Success: false } bad
            ? RegionProblem(bad)
            : TypedResults.Ok(await ServiceViews.EnterprisesAsync(db, q, flag, await AsOfDays.DefaultDayAsync(db, clock, ct), ct, ServiceViews.ParseRegion(region).Value));

    private static ValidationProblem RegionProblem(Core.Text.ParseResult<Core.Regions.RegionCode?> bad) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["region"] = [bad.Error!.Value.ToString()] });

    internal static async Task<Results<Ok<EnterpriseDetail>, NotFound>> EnterpriseAsync(string creditCode, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ServiceViews.EnterpriseAsync(db, http.User.ToActor(), creditCode, await AsOfDays.DefaultDayAsync(db, clock, ct), ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    internal static async Task<Results<Ok<RequestBoard>, ValidationProblem>> BoardAsync(string? department, string? region, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        ServiceViews.ParseRegion(region) is { Success: false } bad
            ? RegionProblem(bad)
            : TypedResults.Ok(await ServiceViews.BoardAsync(db, http.User.ToActor(), department, await AsOfDays.DefaultDayAsync(db, clock, ct), ct, ServiceViews.ParseRegion(region).Value));

    internal static Task<Results<NoContent, NotFound, ValidationProblem, ForbidHttpResult>> StartAsync(
        string id, StartRequestRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        HandleAsync(id, db, () => ServiceViews.StartAsync(db, http.User.ToActor(), id, request, ct), ct);

    internal static Task<Results<NoContent, NotFound, ValidationProblem, ForbidHttpResult>> CloseAsync(
        string id, CloseRequestRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        HandleAsync(id, db, () => ServiceViews.CloseAsync(db, http.User.ToActor(), id, request, ct), ct);

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ForbidHttpResult>> HandleAsync(
        string id, BaiqiangDbContext db, Func<Task<Core.Text.Bilingual?>> change, CancellationToken ct)
    {
        if (!await ServiceViews.RequestExistsAsync(db, id, ct))
        {
            return TypedResults.NotFound();
        }

        try
        {
            return await change() is { } refusal
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [refusal.ToString()] })
                : TypedResults.NoContent();
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<ServiceStatisticsResponse>, ValidationProblem>> StatisticsAsync(string? period, string? region, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var scope = ServiceViews.ParseRegion(region);
        if (!scope.Success)
        {
            return RegionProblem(scope);
        }

        var today = await AsOfDays.DefaultDayAsync(db, clock, ct);
        var p = StatPeriod.ForYear(await ServiceViews.LatestYearAsync(db, today, ct));
        if (!string.IsNullOrWhiteSpace(period))
        {
            var parsed = StatPeriod.TryParseCanonical(period.Trim());
            if (!parsed.Success)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [parsed.Error!.Value.ToString()] });
            }

            p = parsed.Value;
        }

        return TypedResults.Ok(await ServiceViews.StatisticsAsync(db, p, today, ct, scope.Value));
    }

    /// <summary><c>list</c> = enterprises, visits or requests; CSV (default) or XLSX, in the import's columns.</summary>
    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(string list, string? format, BaiqiangDbContext db, HttpRequest request, CancellationToken ct)
    {
        switch (list)
        {
            case "enterprises":
                var e = await db.Set<EnterpriseEntity>().AsNoTracking().OrderBy(x => x.CreditCode).ToListAsync(ct);
                return await ListFiles.ExportAsync(list, ServiceFiles.EnterpriseColumns, e.Select(ServiceFiles.ToRow), format, request, ct);
            case "visits":
                var v = await db.Set<VisitEntity>().AsNoTracking().OrderBy(x => x.Key).ToListAsync(ct);
                return await ListFiles.ExportAsync(list, ServiceFiles.VisitColumns, v.Select(ServiceFiles.ToRow), format, request, ct);
            case "requests":
                var r = await db.Set<RequestEntity>().AsNoTracking().OrderBy(x => x.Key).ToListAsync(ct);
                return await ListFiles.ExportAsync(list, ServiceFiles.RequestColumns, r.Select(ServiceFiles.ToRow), format, request, ct);
            default:
                return TypedResults.NotFound();
        }
    }

    /// <summary>Upload enterprises, visits or requests (CSV/XLSX): the validation report, and with <c>commit=true</c> all rows stored or none.</summary>
    internal static async Task<Results<Ok<ListImportReport>, UnprocessableEntity<ListImportReport>, ForbidHttpResult, NotFound>> ImportAsync(
        string list, IFormFile file, bool? commit, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (commit == true && !actor.IsAdmin && !actor.Roles.HasFlag(Role.Editor))
        {
            return TypedResults.Forbid();
        }

        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        try
        {
            return list switch
            {
                "enterprises" => await ImportListAsync(file, commit == true, ServiceFiles.EnterpriseColumns, ServiceFiles.ParseEnterprise, e => actor.CanEdit(e.Region), items => ServiceStore.SaveEnterprisesAsync(db, actor, items, ct), ct),
                "visits" => await ImportListAsync(file, commit == true, ServiceFiles.VisitColumns, ServiceFiles.ParseVisit, v => actor.CanEdit(v.Region), items => ServiceStore.SaveVisitsAsync(db, actor, items, ct), ct),
                "requests" => await ImportListAsync(file, commit == true, ServiceFiles.RequestColumns, ServiceFiles.ParseRequest, r => actor.CanEdit(r.Region, r.Department), items => ServiceStore.SaveRequestsAsync(db, actor, items, ct), ct),
                _ => TypedResults.NotFound(),
            };
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    private static async Task<Results<Ok<ListImportReport>, UnprocessableEntity<ListImportReport>, ForbidHttpResult, NotFound>> ImportListAsync<T>(
        IFormFile file, bool commit, IReadOnlyList<ListColumn> columns, Func<ListRow, T?> parse, Func<T, bool> allowed, Func<IReadOnlyList<T>, Task<StoreOutcome>> save, CancellationToken ct)
        where T : class
    {
        var read = await PipelineApi.ReadListAsync(file, columns, parse, ct);
        if (!read.Success)
        {
            return TypedResults.UnprocessableEntity(PipelineApi.Report(file.FileName, read, false, 0, 0, []));
        }

        if (!commit)
        {
            var denied = read.Items.Count(i => !allowed(i));
            var report = PipelineApi.Report(file.FileName, read, false, 0, 0,
                denied == 0 ? [] : [new Core.Text.Bilingual($"其中 {denied} 行不在您的修改权限内", $"{denied} rows are outside what you may change")]);
            return report.Success ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
        }

        var outcome = await save(read.Items);
        var result = PipelineApi.Report(file.FileName, read, outcome.Success, outcome.Added, outcome.Updated, outcome.Errors);
        return outcome.Success ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }
}
