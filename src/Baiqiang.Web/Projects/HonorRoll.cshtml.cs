using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>红黑榜: units, leaders, work groups or regions ranked by completion against time and by new starts, top and bottom N, with an XLSX download.</summary>
public sealed class HonorRollModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [PeriodInput]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Top { get; set; }

    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    public HonorRollResponse? Roll { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>The query of the XLSX link.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (roll, _, _, errors) = await HonorRollViews.LoadAsync(db, Period, By, Top, Region, Today, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        if (roll is null)
        {
            Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
            return;
        }

        Roll = roll;
        Period = roll.Period;
        By = roll.By;
        Top = roll.Top;
        var q = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder { { "period", roll.Period }, { "by", roll.By }, { "top", roll.Top.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        foreach (var (k, v) in new[] { ("region", Region), ("today", Today) })
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                q.Add(k, v.Trim());
            }
        }

        Query = q.ToQueryString().Value ?? string.Empty;
    }
}
