using Baiqiang.Storage;
using Baiqiang.Storage.Settings;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>
/// 预警: Core's warning rules over the ledger — rule, why (with the numbers), since when, whose desk — as of a day
/// (<c>today=2022-06-30</c>, default: today), so a month-end meeting can look at the warnings as they stood at month end.
/// </summary>
public sealed class WarningsModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [PeriodInput]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    /// <summary>The day the warnings are judged as of, as typed (<c>2022-06-30</c>); blank means today.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    public WarningsResponse? Result { get; private set; }

    /// <summary>The day judged on and where it came from: typed, the store's as-of setting, or the clock.</summary>
    public AsOfDay AsOf { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var fallback = await AsOfDays.DefaultAsync(db, clock, ct);
        var (args, errors) = await ProjectViews.ParseWarningsAsync(db, Period, Region, Today, fallback.Day, ct);
        if (args is null)
        {
            Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
            return;
        }

        Period = args.Period.ToString();
        AsOf = AsOfDays.Judged(args.Today, Today, fallback);
        Result = await ProjectViews.WarningsAsync(db, args.Period, args.Region, args.Today, ct);
    }
}
