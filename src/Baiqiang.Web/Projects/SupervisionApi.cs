using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Projects;

/// <summary>
/// <c>/api/projects/problems/{id}/supervision</c> (read), <c>…/escalate</c> (reviewers of the project's region) and
/// <c>…/supervision-sheet</c> (the 督办单 as .docx).
/// </summary>
public static class SupervisionApi
{
    public static void MapSupervisionApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/projects/problems").WithTags("projects").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/{id}/supervision", GetAsync).WithName("GetProblemSupervision");
        api.MapPost("/{id}/escalate", EscalateAsync).WithName("EscalateProblem");
        api.MapGet("/{id}/supervision-sheet", SheetAsync).WithName("DownloadSupervisionSheet");
    }

    internal static async Task<Results<Ok<SupervisionItem>, NotFound>> GetAsync(string id, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await SupervisionStore.FindAsync(db, id, ct) is { } view
            ? TypedResults.Ok(SupervisionViews.ToItem(view.Supervision, await AsOfDays.DefaultDayAsync(db, clock, ct)))
            : TypedResults.NotFound();

    internal static async Task<Results<Ok<SupervisionItem>, NotFound, ValidationProblem, ForbidHttpResult>> EscalateAsync(
        string id, EscalateRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var key = id.Trim();
        if (!await db.ProjectProblems.AsNoTracking().AnyAsync(q => q.Key == key, ct))
        {
            return TypedResults.NotFound();
        }

        var today = await AsOfDays.DefaultDayAsync(db, clock, ct);
        try
        {
            if (await SupervisionViews.EscalateAsync(db, http.User.ToActor(), key, request, today, ct) is { } refusal)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = [refusal.ToString()] });
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }

        db.ChangeTracker.Clear();
        var view = await SupervisionStore.FindAsync(db, key, ct);
        return TypedResults.Ok(SupervisionViews.ToItem(view!.Supervision, today));
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> SheetAsync(string id, string? office, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await SupervisionStore.FindAsync(db, id, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        using var buffer = new MemoryStream();
        SupervisionSheet.Write(view, string.IsNullOrWhiteSpace(office) ? "县发展和改革局" : office.Trim(), await AsOfDays.DefaultDayAsync(db, clock, ct), buffer);
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"督办单-{view.Problem.Id}.docx");
    }
}
