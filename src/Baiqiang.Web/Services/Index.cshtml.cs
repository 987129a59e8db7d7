using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Services;

/// <summary>企业库: search by name or credit code, filter by flag.</summary>
public sealed class IndexModel(BaiqiangDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Flag { get; set; }

    public IReadOnlyList<EnterpriseItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await ServiceViews.EnterprisesAsync(db, Q, Flag, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
}
