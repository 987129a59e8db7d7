using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>预警: Core's warning rules over the ledger — rule, why (with the numbers), since when, whose desk.</summary>
public sealed class WarningsModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public WarningsResponse? Result { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var (args, errors) = await ProjectViews.ParseLedgerAsync(db, new LedgerQuery(Period, null, Region, null, null, null), today, ct);
        if (args is null)
        {
            Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
            return;
        }

        Period = args.Period.ToString();
        Result = await ProjectViews.WarningsAsync(db, args.Period, args.Region, today, ct);
    }
}
