using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Pipeline;

/// <summary>招商引资漏斗: stage counts and amounts as an ECharts funnel, and the period's rates with their bases and formulas.</summary>
public sealed class IndexModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [PeriodInput]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    public FunnelResponse? Funnel { get; private set; }

    public List<string> Errors { get; } = [];

    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (period, region, errors) = await PipelineApi.PeriodAndRegionAsync(db, Period, Region, clock, ct);
        if (errors.Count > 0)
        {
            Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => Pick(m)));
            return;
        }

        Period = period.ToString();
        Funnel = await PipelineViews.FunnelAsync(db, period, region, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        ChartJson = JsonSerializer.Serialize(new
        {
            title = lang[$"招商引资漏斗（截至{Fmt.Period(period, false)}末）", $"Investment funnel (to the end of {Fmt.Period(period, true)})"],
            series = new[]
            {
                new
                {
                    name = lang["项目个数", "Deals"],
                    data = Funnel.Stages.Select(s => new { name = lang[s.StageZh, s.Stage], value = (decimal)s.Count, label = lang[$"{s.StageZh} {s.Count}个", $"{s.Stage} {s.Count}"] }).ToArray(),
                },
                new
                {
                    name = lang["计划投资", "Planned investment"],
                    data = Funnel.Stages.Select(s => new { name = lang[s.StageZh, s.Stage], value = s.Amount, label = $"{lang[s.StageZh, s.Stage]} {PipelineViews.Money(s.Amount, lang.En)}" }).ToArray(),
                },
            },
        });
    }

    /// <summary>Validation messages are "中文 / English"; the page shows the user's half.</summary>
    private string Pick(string message) => message.Split(" / ", 2) is [var zh, var en] ? lang[zh, en] : message;
}
