using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Baiqiang.Web.Projects;

/// <summary>The attachments section of the project page (thumbnails, EXIF time and place), in its own component so the page gains one line.</summary>
public sealed class ProjectFilesViewComponent(BaiqiangDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string code, bool editable)
    {
        var actor = UserClaimsPrincipal.ToActor();
        List<AttachmentItem> files = [];
        try
        {
            files = [.. (await ProjectAttachmentStore.ListAsync(db, code, actor, HttpContext.RequestAborted)).Select(AttachmentsApi.ToItem)];
        }
        catch (Baiqiang.Core.Access.AccessDeniedException)
        {
            // Users who may not open this region's files see the section without them.
        }

        ViewData["Code"] = code;
        ViewData["Editable"] = editable;
        return View("~/Projects/_ProjectFiles.cshtml", files);
    }
}
