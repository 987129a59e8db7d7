using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Services;

/// <summary>One visit and the requests raised from it, with the link that raises another.</summary>
public sealed class VisitModel(BaiqiangDbContext db, TimeProvider clock) : PageModel
{
    public VisitDetail? Detail { get; private set; }

    public bool MayRaise { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var actor = User.ToActor();
        Detail = await DeskViews.VisitDetailAsync(db, actor, id, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        if (Detail is null)
        {
            return NotFound();
        }

        MayRaise = Core.Services.UnifiedSocialCreditCode.TryParse(Detail.Visit.CreditCode).Success
            && Core.Regions.RegionCode.TryParse(Detail.Visit.Region, out var region) && actor.CanEdit(region);
        return Page();
    }
}
