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

    /// <summary>The user may edit the enterprise and enter its visits, requests and cash-outs.</summary>
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Detail = await ServiceViews.EnterpriseAsync(db, User.ToActor(), code, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        MayEdit = Detail is not null && Core.Regions.RegionCode.TryParse(Detail.Enterprise.Region, out var region) && User.ToActor().CanEdit(region);
        return Detail is null ? NotFound() : Page();
    }
}
