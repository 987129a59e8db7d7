using System.Text.Json;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Regions;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Rankings;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Dashboard;

/// <summary>
/// 成绩单: a region's key indicators for a period, with growth, peer rank, trends, shares and targets. Growth is ranked in
/// the peer group <c>?peers=</c> (any stored group), by default the region's prefecture group.
/// </summary>
public sealed class IndexModel(BaiqiangDbContext db, Lang lang, TimeProvider clock, Storage.Indicators.CatalogueCache<IndicatorNames> catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    [PeriodInput]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Trend { get; set; }

    /// <summary>The peer group id to rank growth in; blank for the prefecture group.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Peers { get; set; }

    /// <summary>Every stored peer group (prefecture, list, custom), as the 综合评价 page lists them.</summary>
    public IReadOnlyList<GroupItem> Groups { get; private set; } = [];

    public DashboardResponse? Card { get; private set; }

    public string? Message { get; private set; }

    public string ChartJson { get; private set; } = "{}";

    /// <summary>The user may add, change or delete the region's targets (admin, or editor of the region): the 目标进度 section links to 目标管理.</summary>
    public bool MayEditTargets { get; private set; }

    public IReadOnlyList<(string Code, string Name)> QuickRegions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var quick = actor.Regions.Select(r => r.ToString()).Concat(["510502", "320612", "360123401"]).Distinct(StringComparer.Ordinal).ToList();
        var quickCodes = quick.Select(RegionCode.Parse).ToList();
        QuickRegions = (await db.Regions.AsNoTracking().Where(r => quickCodes.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            .Select(r => (r.Code.ToString(), r.Name)).OrderBy(r => quick.IndexOf(r.Item1)).ToList();
        Groups = await RankingViews.GroupsAsync(db, ct);
        if (CanonicalInputsFilter.HasErrors(HttpContext))
        {
            return; // the boxes say what could not be read; no card for some other choice
        }

        RegionCode code;
        if (string.IsNullOrWhiteSpace(Region))
        {
            code = QuickRegions.Count > 0 ? RegionCode.Parse(QuickRegions[0].Code) : new RegionCode(510502);
        }
        else if (!RegionCode.TryParse(Region.Trim(), out code))
        {
            var byName = await RegionStore.FindByNameAsync(db, Region.Trim(), ct);
            if (byName.Count == 0)
            {
                Message = lang[$"找不到地区“{Region}”", $"no region named '{Region}'"];
                return;
            }

            code = byName[0].Code;
        }

        StatPeriod? at = null;
        if (!string.IsNullOrWhiteSpace(Period))
        {
            var parsed = StatPeriod.TryParseCanonical(Period.Trim());
            if (!parsed.Success)
            {
                Message = lang[parsed.Error!.Value];
                return;
            }

            at = parsed.Value;
        }

        var load = await DashboardQuery.LoadAsync(db, catalogue, code, at, Peers, await Shared.AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        if (load.PeerGroupError is { } unknown)
        {
            Message = lang[unknown];
            return;
        }

        Card = load.Card;
        if (Card is null)
        {
            Message = lang[$"地区 {code} 不存在", $"region {code} is not stored"];
            return;
        }

        Region = Card.Region;
        MayEditTargets = actor.CanEdit(code);
        var trend = Card.Trends.FirstOrDefault(t => t.Indicator == Trend) ?? Card.Trends.FirstOrDefault(t => t.Points.Count(p => p.Value is not null) > 1)
            ?? Card.Trends.FirstOrDefault(t => t.Points.Any(p => p.Value is not null)) ?? (Card.Trends.Count > 0 ? Card.Trends[0] : null);
        if (trend is not null)
        {
            Trend = trend.Indicator;
            var name = lang[trend.NameZh, trend.NameEn];
            var hasValues = trend.Points.Any(p => p.Value is not null);
            ChartJson = JsonSerializer.Serialize(new
            {
                title = $"{Card.RegionName} {name}",
                yName = hasValues ? trend.Unit : "%",
                categories = trend.Points.Select(p => StatPeriod.TryParseCanonical(p.Period) is { Success: true } sp ? Fmt.Period(sp.Value, lang.En) : p.Period),
                series = new object[]
                {
                    hasValues
                        ? new { name = $"{name}（{trend.Unit}）", type = "bar", data = trend.Points.Select(p => p.Value).ToArray() }
                        : new { name = lang["同比增长(%)", "growth (%)"], type = "line", data = trend.Points.Select(p => p.GrowthPercent).ToArray() },
                },
            });
        }
    }
}
