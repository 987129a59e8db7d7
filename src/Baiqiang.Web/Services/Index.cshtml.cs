using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Services;

/// <summary>企业库: search by name or credit code, filter by flag.</summary>
public sealed class IndexModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    /// <summary>Only enterprises of this region and those below it.</summary>
    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    public string? Error { get; private set; }

    public bool MayEnter => User.ToActor() is { } a && (a.IsAdmin || a.Roles.HasFlag(Core.Access.Role.Editor));

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Flag { get; set; }

    public IReadOnlyList<EnterpriseItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var region = ServiceViews.ParseRegion(Region);
        if (!region.Success)
        {
            Error = lang[region.Error!.Value];
            return;
        }

        Items = await ServiceViews.EnterprisesAsync(db, Q, Flag, await AsOfDays.DefaultDayAsync(db, clock, ct), ct, region.Value);
    }
}
