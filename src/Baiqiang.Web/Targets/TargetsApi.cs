using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Targets;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;

namespace Baiqiang.Web.Targets;

/// <summary>
/// <c>/api/targets</c>: a region's targets (目标) with their progress against time elapsed. Every signed-in role reads;
/// administrators write anywhere and editors only targets of their own regions (and the regions below them). Reviewers and
/// analysts read only. Refused rights are 403, refused fields 400 with "中文 / English" messages by field, an unknown key 404.
/// </summary>
public static class TargetsApi
{
    public static void MapTargetsApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/Targets", "目标管理", "Targets", _ => true));
        var api = app.MapGroup("/api/targets").WithTags("targets").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/", ListAsync).WithName("ListTargets");
        api.MapPost("/", CreateAsync).WithName("CreateTarget");
        api.MapGet("/{key}", GetAsync).WithName("GetTarget");
        api.MapPut("/{key}", UpdateAsync).WithName("UpdateTarget");
        api.MapDelete("/{key}", DeleteAsync).WithName("DeleteTarget");
    }

    /// <summary>Targets of <c>region</c> (a 6- or 9-digit code; all regions when absent), each with its progress.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<TargetResponse>>, ValidationProblem>> ListAsync(
        string? region, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        RegionCode? code = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (!RegionCode.TryParse(region.Trim(), out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["region"] = ["区划代码应为6位或9位数字 / region code must be 6 or 9 digits"] });
            }

            code = parsed;
        }

        return TypedResults.Ok(await TargetViews.ListAsync(db, http.User.ToActor(), code, await AsOfDays.DefaultDayAsync(db, clock, ct), ct));
    }

    internal static async Task<Results<Ok<TargetResponse>, NotFound>> GetAsync(string key, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await TargetViews.GetAsync(db, http.User.ToActor(), key, await AsOfDays.DefaultDayAsync(db, clock, ct), ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();

    internal static async Task<Results<Created<TargetResponse>, ValidationProblem, ForbidHttpResult>> CreateAsync(
        TargetRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!TargetViews.MayWrite(actor))
        {
            return TypedResults.Forbid();
        }

        try
        {
            var result = await TargetStore.CreateAsync(db, actor, request.ToInput(), ct);
            if (!result.Success)
            {
                return TypedResults.ValidationProblem(TargetViews.ToProblem(result.Errors));
            }

            var created = (await TargetViews.GetAsync(db, actor, result.Target!.Key, await AsOfDays.DefaultDayAsync(db, clock, ct), ct))!;
            return TypedResults.Created($"/api/targets/{Uri.EscapeDataString(created.Key)}", created);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<TargetResponse>, NotFound, ValidationProblem, ForbidHttpResult>> UpdateAsync(
        string key, TargetRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!TargetViews.MayWrite(actor))
        {
            return TypedResults.Forbid();
        }

        try
        {
            var result = await TargetStore.UpdateAsync(db, actor, key, request.ToInput(), ct);
            if (result is null)
            {
                return TypedResults.NotFound();
            }

            return result.Success
                ? TypedResults.Ok((await TargetViews.GetAsync(db, actor, result.Target!.Key, await AsOfDays.DefaultDayAsync(db, clock, ct), ct))!)
                : TypedResults.ValidationProblem(TargetViews.ToProblem(result.Errors));
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteAsync(string key, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!TargetViews.MayWrite(actor))
        {
            return TypedResults.Forbid();
        }

        try
        {
            return await TargetStore.DeleteAsync(db, actor, key, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }
}
