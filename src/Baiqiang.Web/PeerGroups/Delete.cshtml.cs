using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.PeerGroups;

/// <summary>Asks before deleting a custom group (GET), then deletes it (POST, antiforgery); admin, analyst and reviewer only.</summary>
public sealed class DeleteModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public PeerGroupResponse Group { get; private set; } = null!;

    /// <summary>Why the group cannot be deleted (a prefecture or list group), or null.</summary>
    public string? NotEditable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PeerGroupViews.CanEdit(User.ToActor()))
        {
            return Forbid();
        }

        if (await PeerGroupViews.GetAsync(db, Id ?? string.Empty, ct) is not { } group)
        {
            return NotFound();
        }

        Group = group;
        NotEditable = PeerGroupStore.NotEditableReason(group.Id, Enum.Parse<PeerGroupKind>(group.Kind)) is { } reason ? lang[reason] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!PeerGroupViews.CanEdit(actor))
        {
            return Forbid();
        }

        PeerGroupWrite write;
        try
        {
            write = await PeerGroupViews.DeleteAsync(db, actor, Id ?? string.Empty, ct);
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }

        if (write.Group is { } deleted)
        {
            return Redirect($"/PeerGroups?deleted={Uri.EscapeDataString(lang[deleted.NameZh, deleted.NameEn.Length > 0 ? deleted.NameEn : deleted.NameZh])}");
        }

        if (write.Refusal == PeerGroupRefusal.NotFound)
        {
            return NotFound();
        }

        return await OnGetAsync(ct);
    }
}
