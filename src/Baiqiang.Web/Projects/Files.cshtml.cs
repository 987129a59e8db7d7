using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Projects;

/// <summary>
/// <c>/Projects/Files/{code}</c>: a project's attachments (site photos with thumbnail, EXIF time and place; PDFs; Office
/// files), the upload form (a report month, optionally a problem, up to five files) and the project's coordinates, typed or
/// taken from a photo's GPS with one click. Reading needs a user who may see the project's region; writing an editor of it.
/// </summary>
[RequestSizeLimit(AttachmentsApi.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentsApi.MaxRequestBytes)]
public sealed class FilesModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    public string Code { get; private set; } = string.Empty;

    public string ProjectName { get; private set; } = string.Empty;

    public bool Editable { get; private set; }

    public decimal? Latitude { get; private set; }

    public decimal? Longitude { get; private set; }

    public List<AttachmentItem> Files { get; } = [];

    public List<string> Problems { get; } = [];

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    /// <summary>The report month the upload is for, <c>2024-06</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public string? Problem { get; set; }

    [BindProperty]
    public List<IFormFile> Upload { get; set; } = [];

    [BindProperty]
    public string? Lat { get; set; }

    [BindProperty]
    public string? Lon { get; set; }

    [BindProperty]
    public long? PhotoId { get; set; }

    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => LoadAsync(code, ct);

    public async Task<IActionResult> OnPostUploadAsync(string code, CancellationToken ct)
    {
        var (added, refusal) = await AttachmentsApi.UploadCoreAsync(db, User.ToActor(), code, Period, Problem, Upload, ct);
        if (refusal is { } r)
        {
            Errors.Add(lang[r.Reason]);
        }
        else
        {
            Message = lang[$"已上传{added!.Count}个附件", $"{added!.Count} file(s) attached"];
        }

        return await LoadAsync(code, ct);
    }

    public async Task<IActionResult> OnPostLocationAsync(string code, CancellationToken ct)
    {
        decimal? lat = null, lon = null;
        if (!string.IsNullOrWhiteSpace(Lat) || !string.IsNullOrWhiteSpace(Lon))
        {
            lat = Number(Lat, "纬度", "latitude");
            lon = Number(Lon, "经度", "longitude");
        }

        if (Errors.Count == 0)
        {
            await WriteAsync(() => ProjectAttachmentStore.SetLocationAsync(db, code, lat, lon, User.ToActor(), HttpContext.RequestAborted),
                lang["项目位置已保存", "Project location saved"]);
        }

        return await LoadAsync(code, ct);
    }

    public async Task<IActionResult> OnPostUsePhotoAsync(string code, CancellationToken ct)
    {
        await WriteAsync(() => ProjectAttachmentStore.UsePhotoLocationAsync(db, code, PhotoId ?? 0, User.ToActor(), HttpContext.RequestAborted),
            lang["已采用照片的GPS位置作为项目位置", "The photo's GPS position is now the project's location"]);
        return await LoadAsync(code, ct);
    }

    private async Task WriteAsync(Func<Task> write, string done)
    {
        try
        {
            await write();
            Message = done;
        }
        catch (ProjectRuleException e)
        {
            Errors.Add(lang[e.Reason]);
        }
        catch (AccessDeniedException e)
        {
            Errors.Add(lang[e.Reason]);
        }
    }

    private decimal? Number(string? text, string zh, string en)
    {
        if (decimal.TryParse(text?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        Errors.Add(lang[new Bilingual($"{zh}应为数字(度,如 28.8712)", $"the {en} must be a number of degrees (e.g. 28.8712)")]);
        return null;
    }

    private async Task<IActionResult> LoadAsync(string code, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var p = await db.Projects.AsNoTracking().Where(x => x.Code == code)
            .Select(x => new { x.Code, x.Name, x.RegionCode, x.LeadDepartment, x.Latitude, x.Longitude, x.Id }).FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return NotFound();
        }

        var actor = User.ToActor();
        if (!ProjectAttachmentStore.CanSeeFiles(actor, p.RegionCode))
        {
            return Forbid();
        }

        (Code, ProjectName, Latitude, Longitude) = (p.Code, p.Name, p.Latitude, p.Longitude);
        Editable = actor.CanEdit(p.RegionCode, p.LeadDepartment);
        Files.AddRange((await ProjectAttachmentStore.ListAsync(db, p.Code, actor, ct)).Select(AttachmentsApi.ToItem));
        Problems.AddRange(await db.ProjectProblems.AsNoTracking().Where(q => q.ProjectId == p.Id).OrderBy(q => q.Key).Select(q => q.Key).ToListAsync(ct));
        return Page();
    }
}
