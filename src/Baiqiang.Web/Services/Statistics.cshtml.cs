using System.Text.Json;
using Baiqiang.Core.Periods;
using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Services;

/// <summary>Service statistics of a period, requests by category as a bar chart.</summary>
public sealed class StatisticsModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [PeriodInput]
    public string? Period { get; set; }

    /// <summary>Only visits and requests of this region and those below it.</summary>
    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    public ServiceStatisticsResponse? Stats { get; private set; }

    public string? Error { get; private set; }

    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = await AsOfDays.DefaultDayAsync(db, clock, ct);
        var period = StatPeriod.ForYear(await ServiceViews.LatestYearAsync(db, today, ct));
        if (!string.IsNullOrWhiteSpace(Period))
        {
            var parsed = StatPeriod.TryParseCanonical(Period.Trim());
            if (!parsed.Success)
            {
                Error = lang[parsed.Error!.Value];
                return;
            }

            period = parsed.Value;
        }

        var region = ServiceViews.ParseRegion(Region);
        if (!region.Success)
        {
            Error = lang[region.Error!.Value];
            return;
        }

        Period = period.ToString();
        Stats = await ServiceViews.StatisticsAsync(db, period, today, ct, region.Value);
        ChartJson = JsonSerializer.Serialize(new
        {
            title = lang[$"{Fmt.Period(period, false)}企业诉求（按类别）", $"Requests by category, {Fmt.Period(period, true)}"],
            yName = lang["件", "requests"],
            categories = Stats.ByCategory.Select(c => lang[c.NameZh, c.Key]),
            series = new[] { new { name = lang["受理诉求", "Requests raised"], type = "bar", data = Stats.ByCategory.Select(c => c.Count).ToArray() } },
        });
    }
}
