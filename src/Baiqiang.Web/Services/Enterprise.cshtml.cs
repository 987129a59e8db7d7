using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Services;

/// <summary>One enterprise with its visits and requests.</summary>
public sealed class EnterpriseModel(BaiqiangDbContext db, TimeProvider clock) : PageModel
{
    public EnterpriseDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Detail = await ServiceViews.EnterpriseAsync(db, User.ToActor(), code, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        return Detail is null ? NotFound() : Page();
    }
}
