using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Documents;

/// <summary>文档抽取: upload a report (.txt/.html, optional date) and the list of stored documents.</summary>
public sealed class IndexModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    public IReadOnlyList<DocumentItem> Documents { get; private set; } = [];

    public List<string> Errors { get; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    public bool MayUpload => User.ToActor() is { } a && (a.IsAdmin || a.Roles.HasFlag(Role.Editor));

    public async Task OnGetAsync(CancellationToken ct) => Documents = await DocumentViews.ListAsync(db, ct);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            Errors.Add(lang["请选择文件", "choose a file"]);
        }
        else if (DocumentViews.Check(Upload.FileName, Upload.Length, Date, out var reference) is { } error)
        {
            Errors.Add(lang[error]);
        }
        else
        {
            try
            {
                await using var stream = Upload.OpenReadStream();
                var saved = await DocumentViews.UploadAsync(db, User.ToActor(), Upload.FileName, stream, reference, ct);
                return RedirectToPage("/Documents/Review", new { id = saved.DocumentId });
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }

        Documents = await DocumentViews.ListAsync(db, ct);
        return Page();
    }
}
