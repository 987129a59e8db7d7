using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Admin;

/// <summary>审计日志: the latest changes (who, when, what, old → new), filtered by user or entity.</summary>
public sealed class AuditModel(UserAdmin admin) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    public IReadOnlyList<AuditItem> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await admin.AuditAsync(UserFilter, Entity, 300, ct);
}
