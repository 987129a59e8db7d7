using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.PeerGroups;

/// <summary>对比组: every group with its kind and member count; custom groups link to edit and delete for those who may.</summary>
public sealed class IndexModel(BaiqiangDbContext db) : PageModel
{
    /// <summary>The id of a group just saved (after the edit form's redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    /// <summary>The name of a group just deleted.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Deleted { get; set; }

    public IReadOnlyList<PeerGroupItem> Groups { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public PeerGroupItem? SavedGroup => Saved is null ? null : Groups.FirstOrDefault(g => g.Id == Saved);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Groups = await PeerGroupViews.ListAsync(db, ct);
        CanEdit = PeerGroupViews.CanEdit(User.ToActor());
    }
}
