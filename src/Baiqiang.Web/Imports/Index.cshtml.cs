using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Storage.Import;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Imports;

/// <summary>One unknown name's row of the 新指标 form: <c>Choice</c> <c>map</c> (to <c>MapTo</c>, or the code or name typed in
/// <c>Other</c>) or <c>add</c> (with <c>Code</c>, <c>NameZh</c>, <c>Unit</c>, <c>Kind</c>).</summary>
public sealed class NewIndicatorForm
{
    public string Name { get; set; } = string.Empty;

    public string? Choice { get; set; }

    public string? MapTo { get; set; }

    public string? Other { get; set; }

    public string? Code { get; set; }

    public string? NameZh { get; set; }

    public string? Unit { get; set; }

    public string? Kind { get; set; }

    /// <summary>The decision the form row asks for; neither choice is passed on as no decision (refused by name).</summary>
    public NewIndicatorDecision ToDecision() => Choice switch
    {
        "map" => new NewIndicatorDecision(Name, MapTo: string.IsNullOrWhiteSpace(Other) ? MapTo : Other),
        "add" => new NewIndicatorDecision(Name, Add: new NewIndicatorSpec(Code, NameZh, Unit, Kind)),
        _ => new NewIndicatorDecision(Name),
    };
}

/// <summary>数据导入: upload a CSV/XLSX, read the validation report, then commit the staged file (all rows or none). A file
/// refused only for unknown indicators goes through the 新指标 step (admins and analysts): each name mapped to a catalogue
/// indicator (as its alias) or added as a new one, then the whole file imported, all in one transaction.</summary>
public sealed class IndexModel(BaiqiangDbContext db, Lang lang, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    private const string StageKey = "import.stage";
    private const string StageNameKey = "import.name";

    public ImportReport? Report { get; private set; }

    public ImportCommitResponse? Committed { get; private set; }

    public string? Error { get; private set; }

    public bool CanCommit { get; private set; }

    /// <summary>The staged file has figures refused only as implausible: committing it needs a reason (audited).</summary>
    public bool NeedsReason { get; private set; }

    public bool MayImport => User.ToActor() is { } a && (a.IsAdmin || a.Roles.HasFlag(Role.Editor));

    /// <summary>Admins and analysts change the catalogue, so only they take the 新指标 step.</summary>
    public bool MayDecide => ImportService.MayChangeCatalogue(User.ToActor());

    /// <summary>The staged file's only problems are unknown indicators and the user may decide them: the 新指标 form is shown.</summary>
    public bool CanDecide { get; private set; }

    /// <summary>The file's only problems are unknown indicators, but the user may not add indicators or aliases.</summary>
    public bool DecideRefused { get; private set; }

    /// <summary>Why the last 新指标 decisions were refused (nothing was stored); the form is shown again.</summary>
    public IReadOnlyList<ImportProblem> DecideProblems { get; private set; } = [];

    /// <summary>The indicators added by the 新指标 step (codes), after a successful commit.</summary>
    public IReadOnlyList<string> Added { get; private set; } = [];

    public void OnGet()
    {
    }

    /// <summary>Validates the upload; a valid file is staged on the server for the commit step.</summary>
    public async Task<IActionResult> OnPostValidateAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            Error = lang["请选择要上传的文件", "Choose a file to upload"];
            return Page();
        }

        if (ImportService.Precheck(file.FileName, file.Length) is { } refused)
        {
            Error = lang[refused];
            return Page();
        }

        ImportResult? parsed;
        await using (var stream = file.OpenReadStream())
        {
            (Report, parsed) = await ImportService.ValidateAsync(db, stream, file.FileName, file.Length, User.ToActor(), ct);
        }

        var onlyUnknown = OnlyUnknownIndicators(Report, parsed) && MayImport;
        CanDecide = onlyUnknown && MayDecide;
        DecideRefused = onlyUnknown && !MayDecide;
        if (((Report.Success || Report.OnlyOverridable) && MayImport) || CanDecide)
        {
            var id = Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName).ToLowerInvariant();
            await using (var staged = System.IO.File.Create(StagePath(id)))
            {
                await file.CopyToAsync(staged, ct);
            }

            TempData[StageKey] = id;
            TempData[StageNameKey] = Path.GetFileName(file.FileName);
            CanCommit = !CanDecide;
            NeedsReason = !Report.Success && !CanDecide;
        }

        return Page();
    }

    private static bool OnlyUnknownIndicators(ImportReport report, ImportResult? parsed)
        => parsed is { OnlyUnknownIndicators: true } && report.Problems.Count == parsed.Errors.Count;

    /// <summary>The 新指标 step: applies each name's decision and stores the staged file, in one transaction. A refusal (a
    /// decision missing or unusable, or the file still failing) changes nothing: it is listed and the form shown again.</summary>
    public async Task<IActionResult> OnPostDecideAsync(List<NewIndicatorForm>? decisions, CancellationToken ct)
    {
        if (TempData[StageKey] is not string id || TempData[StageNameKey] is not string name || !System.IO.File.Exists(StagePath(id)))
        {
            Error = lang["没有待导入的文件，请重新上传", "Nothing staged to import: upload the file again"];
            return Page();
        }

        var path = StagePath(id);
        var done = false;
        try
        {
            var (read, problems) = await ImportService.ReadDecisionsAsync(db, [.. (decisions ?? []).Select(d => d.ToDecision())], name, ct);
            if (problems.Count == 0)
            {
                await using var stream = System.IO.File.OpenRead(path);
                var committed = await ImportService.CommitDecidingAsync(db, stream, name, stream.Length, User.ToActor(), clock, read, null, false, ct);
                problems = [.. committed.Report.Problems];
                if (committed.Report.Success)
                {
                    Committed = committed;
                    Report = committed.Report;
                    Added = committed.AddedIndicators;
                    done = true;
                    return Page();
                }
            }

            // Refused: nothing stored; the file stays staged and its 新指标 form is shown again with the reasons.
            DecideProblems = problems;
            await using (var again = System.IO.File.OpenRead(path))
            {
                var (report, parsed) = await ImportService.ValidateAsync(db, again, name, again.Length, User.ToActor(), ct);
                Report = report;
                CanDecide = OnlyUnknownIndicators(report, parsed) && MayDecide;
            }

            TempData[StageKey] = id;
            TempData[StageNameKey] = name;
        }
        catch (AccessDeniedException e)
        {
            logger.LogWarning("New indicators refused for {User}: {Reason}", User.Identity?.Name, e.Reason.En);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Error = lang[e.Reason];
            done = true;
        }
        finally
        {
            if (done || !CanDecide)
            {
                System.IO.File.Delete(path);
            }
        }

        return Page();
    }

    /// <summary>Stores the staged file: validated again, every region checked against the user's scope.</summary>
    /// <remarks>A <c>reason</c> says why figures refused as implausible against their region's last figure are right; it is stored in the audit.</remarks>
    public async Task<IActionResult> OnPostCommitAsync(string? reason, CancellationToken ct)
    {
        if (TempData[StageKey] is not string id || TempData[StageNameKey] is not string name || !System.IO.File.Exists(StagePath(id)))
        {
            Error = lang["没有待导入的文件，请重新上传", "Nothing staged to import: upload the file again"];
            return Page();
        }

        var path = StagePath(id);
        try
        {
            await using var stream = System.IO.File.OpenRead(path);
            Committed = await ImportService.CommitAsync(db, stream, name, stream.Length, User.ToActor(), clock, reason, ct);
            Report = Committed.Report;
        }
        catch (AccessDeniedException e)
        {
            logger.LogWarning("Import refused for {User}: {Reason}", User.Identity?.Name, e.Reason.En);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Error = lang[e.Reason];
        }
        finally
        {
            System.IO.File.Delete(path);
        }

        return Page();
    }

    private static string StagePath(string id)
    {
        var folder = Path.Combine(Path.GetTempPath(), "baiqiang-uploads");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Path.GetFileName(id));
    }
}
