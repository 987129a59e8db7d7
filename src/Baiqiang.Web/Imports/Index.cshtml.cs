using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Imports;

/// <summary>数据导入: upload a CSV/XLSX, read the validation report, then commit the staged file (all rows or none).</summary>
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
            (Report, _) = await ImportService.ValidateAsync(db, stream, file.FileName, file.Length, User.ToActor(), ct);
        }

        if ((Report.Success || Report.OnlyOverridable) && MayImport)
        {
            var id = Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName).ToLowerInvariant();
            await using (var staged = System.IO.File.Create(StagePath(id)))
            {
                await file.CopyToAsync(staged, ct);
            }

            TempData[StageKey] = id;
            TempData[StageNameKey] = Path.GetFileName(file.FileName);
            CanCommit = true;
            NeedsReason = !Report.Success;
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
