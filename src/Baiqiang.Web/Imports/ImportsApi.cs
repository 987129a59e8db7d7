using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;

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
    internal static async Task<Results<Ok<ImportCommitResponse>, UnprocessableEntity<ImportReport>, ForbidHttpResult>> CommitAsync(
        IFormFile file, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct, bool? addIndicators = null, bool force = false, string? reason = null)
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

        await using var stream = file.OpenReadStream();
        try
        {
            var committed = addIndicators == true
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
