using Baiqiang.Core.Access;
using Baiqiang.Storage;
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
}

/// <summary>数据导入: upload a CSV/XLSX, read the validation report, then commit the staged file (all rows or none). A file
/// refused only for unknown indicators goes through the 新指标 step: each name mapped to a catalogue indicator (as its alias)
/// or added as a new one, then the file imported, all in one transaction.</summary>
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
    public bool MayDecide => User.ToActor() is { } a && (a.IsAdmin || a.Roles.HasFlag(Role.Analyst));

    /// <summary>The staged file's only problems are unknown indicators: the 新指标 form is shown.</summary>
    public bool CanDecide { get; private set; }

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

        await using (var stream = file.OpenReadStream())
        {
            (Report, var parsed) = await ImportService.ValidateAsync(db, stream, file.FileName, file.Length, User.ToActor(), ct);
            CanDecide = parsed is { OnlyUnknownIndicators: true } && Report.Problems.Count == parsed.Errors.Count && MayDecide;
        }

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

    /// <summary>The 新指标 step: applies each name's decision and stores the staged file, in one transaction; a refusal
    /// (a decision missing or unusable, or the file still failing) changes nothing and lists why.</summary>
    public async Task<IActionResult> OnPostDecideAsync(List<NewIndicatorForm> decisions, CancellationToken ct)
    {
        if (TempData[StageKey] is not string id || TempData[StageNameKey] is not string name || !System.IO.File.Exists(StagePath(id)))
        {
            Error = lang["没有待导入的文件，请重新上传", "Nothing staged to import: upload the file again"];
            return Page();
        }

        var path = StagePath(id);
        try
        {
            var asked = (decisions ?? []).Select(d => d.Choice switch
            {
                "map" => new NewIndicatorDecision(d.Name, MapTo: string.IsNullOrWhiteSpace(d.Other) ? d.MapTo : d.Other),
                "add" => new NewIndicatorDecision(d.Name, Add: new NewIndicatorSpec(d.Code, d.NameZh, d.Unit, d.Kind)),
                _ => new NewIndicatorDecision(d.Name),
            }).ToList();
            var (read, problems) = await ImportService.ReadDecisionsAsync(db, asked, name, ct);
            if (problems.Count > 0)
            {
                Report = new ImportReport(name, "-", 0, 0, [], problems);
                return Page();
            }

            await using var stream = System.IO.File.OpenRead(path);
            Committed = await ImportService.CommitDecidingAsync(db, stream, name, stream.Length, User.ToActor(), clock, read, ct);
            Report = Committed.Report;
            Added = Committed.AddedIndicators;
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
