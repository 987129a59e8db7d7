using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.PeerGroups;

/// <summary>
/// The form that creates a custom group (<c>/PeerGroups/Edit</c>) or changes one (<c>?id=custom:…</c>): names and a textarea
/// of codes or names. Validation is the store's, shown in the user's language; admin, analyst and reviewer only (else 403).
/// </summary>
public sealed class EditModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    /// <summary>The group being edited; null when creating.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public PeerGroupForm Input { get; set; } = new();

    /// <summary>Why the group cannot be edited here (a prefecture or list group), or null.</summary>
    public string? NotEditable { get; private set; }

    public bool Creating => string.IsNullOrWhiteSpace(Id);

    public List<string> Errors { get; } = [];

    /// <summary>Fields with an error, for marking the inputs.</summary>
    public HashSet<string> BadFields { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PeerGroupViews.CanEdit(User.ToActor()))
        {
            return Forbid();
        }

        if (Creating)
        {
            return Page();
        }

        if (await PeerGroupViews.GetAsync(db, Id!, ct) is not { } group)
        {
            return NotFound();
        }

        Input = new PeerGroupForm { Id = group.Id, NameZh = group.NameZh, NameEn = group.NameEn, Members = PeerGroupViews.MembersText(group) };
        if (PeerGroupStore.NotEditableReason(group.Id, Enum.Parse<PeerGroupKind>(group.Kind)) is { } reason)
        {
            NotEditable = lang[reason];
        }

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
            var members = PeerGroupViews.SplitMembers(Input.Members);
            write = Creating
                ? await PeerGroupViews.CreateAsync(db, actor, new CreatePeerGroupRequest(Input.Id, Input.NameZh, Input.NameEn, members), ct)
                : await PeerGroupViews.UpdateAsync(db, actor, Id!, new UpdatePeerGroupRequest(Input.NameZh, Input.NameEn, members), ct);
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }

        if (write.Group is { } saved)
        {
            return Redirect($"/PeerGroups?saved={Uri.EscapeDataString(saved.Id)}");
        }

        if (write.Refusal == PeerGroupRefusal.NotFound)
        {
            return NotFound();
        }

        foreach (var (field, messages) in write.Errors)
        {
            BadFields.Add(field);
            Errors.AddRange(messages.Select(m => PeerGroupViews.Pick(m, lang.En)));
        }

        if (write.Refusal == PeerGroupRefusal.NotCustom)
        {
            NotEditable = Errors[0];
            Errors.Clear();
        }

        return Page();
    }

    /// <summary>The form's fields as typed.</summary>
    public sealed class PeerGroupForm
    {
        public string? Id { get; set; }

        public string? NameZh { get; set; }

        public string? NameEn { get; set; }

        /// <summary>Codes or names separated by commas, 、, semicolons or line breaks.</summary>
        public string? Members { get; set; }
    }
}
