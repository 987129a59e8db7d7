using System.Globalization;
using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Rankings;

/// <summary>综合评价: pick a framework version, period, peer group and options; the ranking, its chart, intervals, sensitivity and data warnings.</summary>
public sealed class IndexModel(BaiqiangDbContext db, IConfiguration config, Lang lang, BoundaryFiles boundaries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    [PeriodInput]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Normalization { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Weights { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Aggregation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Imputation { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Tiers { get; set; }

    [BindProperty(SupportsGet = true)]
    [PeriodInput]
    public string? Compare { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Replications { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Sensitivity { get; set; }

    public IReadOnlyList<FrameworkItem> Frameworks { get; private set; } = [];

    public IReadOnlyList<GroupItem> Groups { get; private set; } = [];

    public RankingResponse? Result { get; private set; }

    public RunOutcome? Outcome { get; private set; }

    public List<string> Errors { get; } = [];

    public string ChartJson { get; private set; } = "{}";

    public string SensitivityJson { get; private set; } = "{}";

    /// <summary>The choropleth's boundary files and joined regions (null before a ranking is run).</summary>
    public MapPlan? Map { get; private set; }

    public string MapJson { get; private set; } = "{}";

    /// <summary>The run's query string, for the unit links and exports.</summary>
    public string Query { get; private set; } = string.Empty;

    public RunQuery ToQuery() => new(Framework, Version, Period, Group, Normalization, Weights, Aggregation, Imputation, Tiers, Compare, Replications, Sensitivity);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Frameworks = await RankingViews.FrameworksAsync(db, ct);
        Groups = await RankingViews.GroupsAsync(db, ct);
        Framework ??= RankingViews.BuiltInName;
        Group ??= Groups.FirstOrDefault(g => g.Id == "pref:510500")?.Id ?? (Groups.Count > 0 ? Groups[0].Id : null);
        if (string.IsNullOrWhiteSpace(Period) || CanonicalInputsFilter.HasErrors(HttpContext))
        {
            return;
        }

        var (outcome, errors) = await RankingsApi.RunCoreAsync(ToQuery(), db, config, ct);
        Outcome = outcome;
        if (outcome?.Response is not { } r)
        {
            Errors.AddRange(errors.Where(e => e.Key != "data").SelectMany(e => e.Value).Select(m => RankingViews.Pick(m, lang.En)));
            if (outcome?.Problem is { } p)
            {
                Errors.Add(lang[p]);
            }

            return;
        }

        Result = r;
        Query = QueryString(("framework", r.Framework), ("version", r.Version.ToString(CultureInfo.InvariantCulture)), ("period", r.Period), ("group", r.Group),
            ("normalization", Normalization), ("weights", Weights), ("aggregation", Aggregation), ("imputation", Imputation),
            ("tiers", Tiers?.ToString(CultureInfo.InvariantCulture)), ("compare", Compare), ("replications", Replications?.ToString(CultureInfo.InvariantCulture)));
        ChartJson = JsonSerializer.Serialize(new
        {
            title = lang[$"{r.TitleZh} · {r.GroupNameZh} · {r.Period}", $"{r.TitleEn} · {r.Group} · {r.Period}"],
            yName = lang["综合得分", "Score"],
            categories = r.Rows.Select(x => x.Name).ToArray(),
            series = new[] { new { name = lang["综合得分", "Score"], type = "bar", data = r.Rows.Select(x => Math.Round(x.Score, 2)).ToArray() } },
        });
        Map = RankingMap.Plan(r.Rows, boundaries.Areas);
        MapJson = JsonSerializer.Serialize(MapSpec(r, Map));
        if (r.Sensitivity is { } s)
        {
            SensitivityJson = JsonSerializer.Serialize(new
            {
                title = lang["灵敏度指数（名次平均变动的方差分解）", "Sensitivity indices (variance of the mean rank shift)"],
                categories = s.Select(x => lang[x.NameZh, x.NameEn]).ToArray(),
                horizontal = true,
                series = new[]
                {
                    new { name = lang["一阶指数 Sᵢ", "first order Sᵢ"], type = "bar", data = s.Select(x => Math.Round(x.FirstOrder, 3)).ToArray() },
                    new { name = lang["总效应指数 STᵢ", "total STᵢ"], type = "bar", data = s.Select(x => Math.Round(x.Total, 3)).ToArray() },
                },
            });
        }
    }

    /// <summary>What <c>js/choropleth.js</c> draws: the mode (<c>areas</c> or <c>dots</c>), the files to fetch, each region's boundary
    /// key, score, rank and tier (and in dots mode its point [lng, lat]), and a legend by tier with its score range.</summary>
    private object MapSpec(RankingResponse r, MapPlan map)
    {
        static string Span(IEnumerable<RankingRow> rows)
        {
            var (lo, hi) = (rows.Min(x => x.Score).ToString("0.0", CultureInfo.InvariantCulture), rows.Max(x => x.Score).ToString("0.0", CultureInfo.InvariantCulture));
            return lo == hi ? lo : $"{lo}–{hi}";
        }

        var tiers = r.Rows.GroupBy(x => x.Tier).OrderBy(g => g.Key)
            .Select(g => new { value = g.Key, label = lang[$"第{g.Key}梯队 {Span(g)}", $"tier {g.Key}: {Span(g)}"] }).ToArray();
        return new
        {
            title = lang[$"{r.GroupNameZh} · 综合得分与梯队", $"{r.Group} · scores and tiers"],
            mode = map.Mode == MapMode.Dots ? "dots" : "areas",
            baseUrl = "/" + RankingMap.Folder + "/",
            files = map.Files.Select(f => f.ToString(CultureInfo.InvariantCulture)).ToArray(),
            labels = new { score = lang["综合得分", "Score"], rank = lang["名次", "Rank"], tier = lang["梯队", "Tier"], none = lang["不在本次排名中", "not in this ranking"], failed = lang["地图边界文件加载失败。", "The boundary files could not be loaded."] },
            tiers,
            regions = map.Regions.Select(x => new
            {
                key = x.Key, code = x.Code, name = x.Name, score = Math.Round(x.Score, 2), rank = x.Rank, tier = x.Tier,
                point = map.Mode == MapMode.Dots && x.Point is { } p ? new[] { p.Lng, p.Lat } : null,
            }).ToArray(),
        };
    }

    private static string QueryString(params (string Key, string? Value)[] pairs)
        => string.Join('&', pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
}
