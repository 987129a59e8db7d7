using Baiqiang.Core.Periods;
using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Pipeline;

/// <summary>月月有签约、月月有落地、月月有开工 for a year (broken months flagged) and the year's pipeline targets.</summary>
public sealed class ScoreboardModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    public ScoreboardResponse? Board { get; private set; }

    public TargetsResponse? Targets { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = await AsOfDays.DefaultDayAsync(db, clock, ct);
        var (_, region, errors) = await PipelineApi.PeriodAndRegionAsync(db, null, Region, clock, ct);
        var year = await PipelineViews.LatestYearAsync(db, today, ct);
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            {
                year = y;
            }
            else
            {
                Errors.Add(lang["年份应在2000至2100之间", "year must be between 2000 and 2100"]);
            }
        }

        Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => m.Split(" / ", 2) is [var zh, var en] ? lang[zh, en] : m));
        if (Errors.Count > 0)
        {
            return;
        }

        Year = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Board = await PipelineViews.ScoreboardAsync(db, year, region, today, ct);
        var asOf = year < today.Year ? StatPeriod.ForYear(year) : StatPeriod.CumulativeTo(year, Math.Max(1, today.Month));
        Targets = await PipelineViews.TargetsAsync(db, asOf, ct);
    }
}
