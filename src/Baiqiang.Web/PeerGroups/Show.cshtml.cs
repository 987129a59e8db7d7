using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.PeerGroups;

/// <summary>One peer group: its kind and members with names (and published ranks for a list).</summary>
public sealed class ShowModel(BaiqiangDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public PeerGroupResponse Group { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PeerGroupViews.GetAsync(db, Id ?? string.Empty, ct) is not { } group)
        {
            return NotFound();
        }

        Group = group;
        CanEdit = group.Editable && PeerGroupViews.CanEdit(User.ToActor());
        return Page();
    }
}
