using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;

namespace Baiqiang.Web.Projects;

/// <summary>
/// <c>/api/projects/…</c> for baselines and the Gantt view: approving a year's plan (<c>POST plans/approve</c>, reviewers
/// of the region; every region: administrators), re-planning a milestone (<c>POST {code}/milestones/replan</c>, editors of
/// the project; a baselined milestone needs a reason), and the Gantt data of a project (<c>GET {code}/gantt</c>) or of a
/// ledger group (<c>GET gantt?by=group|region&amp;key=…</c>), each judged as of <c>?today=</c>.
/// </summary>
public static class MilestonePlanApi
{
    public static void MapMilestonePlanApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/plans/approve", ApproveAsync).WithName("ApproveProjectPlan");
        api.MapGet("/gantt", GroupGanttAsync).WithName("GetGroupGantt");
        api.MapGet("/{code}/gantt", ProjectGanttAsync).WithName("GetProjectGantt");
        api.MapPost("/{code}/milestones/replan", ReplanAsync).WithName("ReplanProjectMilestone");
    }

    internal static async Task<Results<Ok<PlanApprovalItem>, ValidationProblem, ForbidHttpResult>> ApproveAsync(
        ApprovePlanRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            var (result, errors) = await MilestonePlanViews.ApproveAsync(db, http.User.ToActor(), request, ct);
            return result is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(result);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<GanttResponse>, NotFound, ValidationProblem>> ProjectGanttAsync(
        string code, string? today, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ProjectViews.ParseAsOf(today, await AsOfDays.DefaultDayAsync(db, clock, ct), errors) is not { } day)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await MilestonePlanViews.ProjectGanttAsync(db, code, day, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
    }

    internal static async Task<Results<Ok<GanttResponse>, ValidationProblem>> GroupGanttAsync(
        string? by, string? key, string? today, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ProjectViews.ParseAsOf(today, await AsOfDays.DefaultDayAsync(db, clock, ct), errors) is not { } day)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (view, problems) = await MilestonePlanViews.GroupGanttAsync(db, by, key, day, ct);
        return view is null ? TypedResults.ValidationProblem(problems) : TypedResults.Ok(view);
    }

    internal static async Task<Results<Ok<GanttResponse>, NotFound, ValidationProblem, ForbidHttpResult>> ReplanAsync(
        string code, ReplanRequest request, string? today, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            if (await MilestonePlanViews.ReplanAsync(db, http.User.ToActor(), code, request, ct) is { } refusal)
            {
                return refusal.Zh.StartsWith("找不到项目", StringComparison.Ordinal)
                    ? TypedResults.NotFound()
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["reason"] = [refusal.ToString()] });
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }

        db.ChangeTracker.Clear();
        var day = ProjectViews.ParseAsOf(today, await AsOfDays.DefaultDayAsync(db, clock, ct), new Dictionary<string, string[]>(StringComparer.Ordinal))
            ?? await AsOfDays.DefaultDayAsync(db, clock, ct);
        return TypedResults.Ok((await MilestonePlanViews.ProjectGanttAsync(db, code, day, ct))!);
    }
}
