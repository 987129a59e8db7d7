using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>
/// 重点项目台账: the ledger for a period, grouped and filtered, with each derived figure's formula; leader and department
/// views are groupings. <c>today=2022-06-30</c> (default: today) is the as-of day the default period is taken on, as on
/// the warnings page, and is carried to the project pages.
/// </summary>
public sealed class IndexModel(BaiqiangDbContext db, TimeProvider clock, Lang lang, Rankings.BoundaryFiles boundaries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [PeriodInput]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    /// <summary>工作推进组 filter (exact name); blank for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    /// <summary>The as-of day as typed (<c>2022-06-30</c>); blank means today.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    public LedgerResponse? Ledger { get; private set; }

    /// <summary>Administrators and reviewers see the way to approve the year's plan (the baseline of milestones).</summary>
    public bool MayApprovePlan => User.ToActor() is var a && (a.IsAdmin || a.Roles.HasFlag(Baiqiang.Core.Access.Role.Reviewer));

    /// <summary>The as-of day the user chose, for the links to project pages; null when the page is as of today.</summary>
    public string? CarriedToday { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Whether to offer 新建项目: administrators and editors (the store still checks the region on save).</summary>
    public bool MayCreate => ProjectViews.MayCreate(User.ToActor());

    /// <summary>项目分布图 of a by-project ledger (null for other groupings, or when the region is outside the caller's scope).</summary>
    public ProjectMapResponse? Map { get; private set; }

    /// <summary>What <c>js/project-map.js</c> draws (see <see cref="MapSpec"/>).</summary>
    public string MapJson { get; private set; } = "{}";

    /// <summary>The current query, for the export links.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (args, errors) = await ProjectViews.ParseLedgerAsync(db, new LedgerQuery(Period, By, Region, Status, Tag, Category, Today, Group), await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        if (args is null)
        {
            Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
            return;
        }

        Period = args.Period.ToString();
        By = ProjectViews.GroupingName(args.By);
        Ledger = await ProjectViews.LedgerAsync(db, args, ct);
        CarriedToday = string.IsNullOrWhiteSpace(Today) ? null : args.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var q = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder { { "period", Period }, { "by", By } };
        foreach (var (k, v) in new[] { ("region", Region), ("status", Status), ("tag", Tag), ("category", Category), ("group", Group), ("today", CarriedToday) })
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                q.Add(k, v.Trim());
            }
        }

        Query = q.ToQueryString().Value ?? string.Empty;
        if (args.By == Baiqiang.Core.Projects.LedgerGrouping.Project)
        {
            try
            {
                Map = await ProjectMapViews.BuildAsync(db, User.ToActor(), args, boundaries, ct);
                MapJson = System.Text.Json.JsonSerializer.Serialize(MapSpec(Map));
            }
            catch (Baiqiang.Core.Access.AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }
    }

    /// <summary>
    /// The map's drawing spec: boundary files and highlighted areas, each point's code, name, [lng, lat] in the boundaries' datum (GCJ-02), light and reason in
    /// the page's language, and the words of the legend (each light with its shape, so colour never stands alone).
    /// </summary>
    private object MapSpec(ProjectMapResponse m) => new
    {
        title = lang["项目分布 · 亮灯", "Projects · lights"],
        mode = m.Boundary.Mode,
        baseUrl = "/" + Rankings.RankingMap.Folder + "/",
        files = m.Boundary.Files,
        areas = m.Boundary.Areas,
        lights = new[]
        {
            new { key = "red", label = lang["红灯（◆菱形）", "red (◆ diamond)"] },
            new { key = "yellow", label = lang["黄灯（▲三角）", "yellow (▲ triangle)"] },
            new { key = "green", label = lang["绿灯（●圆点）", "green (● circle)"] },
            new { key = "none", label = lang["无灯（■方块）", "no light (■ square)"] },
        },
        labels = new
        {
            light = lang["亮灯", "Light"], reason = lang["亮灯原因", "Why"], failed = lang["地图边界文件加载失败。", "The boundary files could not be loaded."],
            selected = lang["地图已选 {n} 个项目，台账只列这些项目（合计行仍为全部）。", "{n} project(s) selected on the map: the ledger lists only these (the total row still counts all)."],
        },
        points = m.Points.Select(p => new
        {
            code = p.Code, name = p.Name, lng = p.MapLng, lat = p.MapLat, light = p.Light,
            lightText = lang[p.LightZh + "灯", p.Light], reason = lang[p.Reason, p.ReasonEn],
        }).ToArray(),
    };
}
