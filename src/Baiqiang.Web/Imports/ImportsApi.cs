using System.Text.Json;
using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Storage.Import;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Baiqiang.Web.Imports;

/// <summary><c>POST /api/imports/validate</c> (report only) and <c>POST /api/imports</c> (validate and store), multipart field <c>file</c>.</summary>
public static class ImportsApi
{
    public static void MapImportsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/imports").WithTags("imports").RequireAuthorization().DisableAntiforgery().RequireAntiforgeryForCookies();
        api.MapPost("/validate", ValidateAsync).WithName("ValidateImport").WithParseBudget();
        api.MapPost("/", CommitAsync).WithName("CommitImport").WithParseBudget();
    }

    internal static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>>> ValidateAsync(
        IFormFile file, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var (report, _) = await ImportService.ValidateAsync(db, stream, file.FileName, file.Length, http.User.ToActor(), ct);
        return report.Success ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    // Stores the file; with addIndicators=true its unknown indicators are first added to the catalogue (admins and
    // analysts), in the same transaction; ?force=true&reason=… stores figures refused only as implausible against their
    // region's last figure (problems marked overridable), each audited with the user and the reason.
    // The 新指标 step: the multipart field `decisions` (a JSON array of NewIndicatorDecision) maps each unknown name to a
    // catalogue indicator (recorded as its alias, audited) or adds it; with addIndicators=true names it leaves out are added
    // from the file. Decisions, catalogue changes and figures are stored in one transaction, all or nothing.
    internal static async Task<Results<Ok<ImportCommitResponse>, UnprocessableEntity<ImportReport>, ForbidHttpResult>> CommitAsync(
        IFormFile file, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct, bool? addIndicators = null, bool force = false, string? reason = null,
        [FromForm] string? decisions = null)
    {
        var actor = http.User.ToActor();
        if (!actor.IsAdmin && !actor.Roles.HasFlag(Role.Editor))
        {
            return TypedResults.Forbid();
        }

        if (ImportService.ForceError(force, reason) is { } misuse)
        {
            return TypedResults.UnprocessableEntity(new ImportReport(Path.GetFileName(file.FileName), "-", 0, 0, [], [new ImportProblem(null, null, misuse.Zh, misuse.En)]));
        }

        List<IndicatorDecision>? decided = null;
        if (!string.IsNullOrWhiteSpace(decisions))
        {
            var name = Path.GetFileName(file.FileName);
            List<NewIndicatorDecision>? asked;
            try
            {
                asked = JsonSerializer.Deserialize<List<NewIndicatorDecision>>(decisions, JsonSerializerOptions.Web);
            }
            catch (JsonException e)
            {
                return TypedResults.UnprocessableEntity(new ImportReport(name, "-", 0, 0, [], [new ImportProblem(null, "decisions",
                    $"decisions 不是有效的 JSON 数组:{e.Message}", $"decisions is not a valid JSON array: {e.Message}")]));
            }

            (decided, var problems) = await ImportService.ReadDecisionsAsync(db, asked ?? [], name, ct);
            if (problems.Count > 0)
            {
                return TypedResults.UnprocessableEntity(new ImportReport(name, "-", 0, 0, [], problems));
            }
        }

        await using var stream = file.OpenReadStream();
        try
        {
            var committed = decided is not null
                ? await ImportService.CommitDecidingAsync(db, stream, file.FileName, file.Length, actor, clock, decided, force ? reason : null, addIndicators == true, ct)
                : addIndicators == true
                ? await ImportService.CommitAddingIndicatorsAsync(db, stream, file.FileName, file.Length, actor, clock, force ? reason : null, ct)
                : await ImportService.CommitAsync(db, stream, file.FileName, file.Length, actor, clock, force ? reason : null, ct);
            return committed.Report.Success ? TypedResults.Ok(committed) : TypedResults.UnprocessableEntity(committed.Report);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }
}
