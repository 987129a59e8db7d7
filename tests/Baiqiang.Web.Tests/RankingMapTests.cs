using System.Text.Json;
using Baiqiang.Core.Regions;
using Baiqiang.Web.Rankings;
using Baiqiang.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Baiqiang.Web.Tests;

/// <summary>
/// The choropleth's join of ranked regions to boundary files: which files, which boundary, and which regions have none.
/// Small hand-made files stand in for the package's, plus checks on the package files the build copies to wwwroot.
/// </summary>
public sealed class RankingMapTests : IClassFixture<WebFactory>
{
    private readonly WebFactory _factory;

    public RankingMapTests(WebFactory factory) => _factory = factory;

    private static RankingRow Row(string code, string name, double score, int rank, int tier)
        => new(code, name, score, rank, tier, new Dictionary<string, double>(), 1, 0, null, null, null, null);

    /// <summary>Boundary files by code: 泸州 (510500) with two of its districts, 漳州 (350600) as the package has it — 龙海区
    /// under its pre-2021 code 350681 — and 南通 with 海门区 under 320684, 四川 with its prefectures, 北京 with districts.</summary>
    private static readonly Dictionary<int, IReadOnlyList<MapArea>> Files = new()
    {
        [510500] = [new(510502, "江阳区"), new(510503, "纳溪区"), new(510504, "龙马潭区")],
        [510000] = [new(510100, "成都市"), new(510500, "泸州市")],
        [350600] = [new(350602, "芗城区"), new(350681, "龙海区"), new(350625, "长泰区")],
        [320600] = [new(320612, "通州区"), new(320684, "海门区")],
        [110000] = [new(110101, "东城区"), new(110112, "通州区")],
        [420000] = [new(420100, "武汉市"), new(429004, "仙桃市")],
    };

    private static IReadOnlyList<MapArea>? Areas(int code) => Files.GetValueOrDefault(code);

    [Fact]
    public void Plan_CountiesOfOnePrefecture_LoadsOnlyThatFileAndKeysByCode()
    {
        var plan = RankingMap.Plan([Row("510502", "江阳区", 90.1, 1, 1), Row("510503", "纳溪区", 70.4, 2, 2)], Areas);
        Assert.Equal([510500], plan.Files);
        Assert.Equal(["510502", "510503"], plan.Regions.Select(r => r.Key));
        Assert.All(plan.Regions, r => Assert.Equal("code", r.Match));
        Assert.Equal((90.1, 1, 1), (plan.Regions[0].Score, plan.Regions[0].Rank, plan.Regions[0].Tier));
        Assert.Empty(plan.Unmapped);
    }

    [Fact]
    public void Plan_FileStillHasTheOldCode_JoinsThroughTheKnownRecode()
    {
        // 350681 龙海市 became 350604 龙海区 in 2021; the package has the new name under the old code.
        var plan = RankingMap.Plan([Row("350604", "龙海区", 50, 1, 1), Row("350605", "长泰区", 40, 2, 2)], Areas);
        Assert.Equal([("350604", "350681", "recode"), ("350605", "350625", "recode")], plan.Regions.Select(r => (r.Code, r.Key, r.Match)));
        Assert.Empty(plan.Unmapped);
    }

    [Fact]
    public void Plan_OldCodeNotInTheRecodeTable_JoinsByNameWithinThePrefecture()
    {
        // 海门市 320684 became 海门区 320614 in 2020 (before the 2020 table), so only the name links them.
        var plan = RankingMap.Plan([Row("320614", "海门区", 50, 1, 1)], Areas);
        var region = Assert.Single(plan.Regions);
        Assert.Equal(("320684", "name"), (region.Key, region.Match));
    }

    [Fact]
    public void Plan_SameNameInTwoPrefectures_EachJoinsItsOwnBoundary()
    {
        var plan = RankingMap.Plan([Row("110112", "通州区", 80, 1, 1), Row("320612", "通州区", 70, 2, 2)], Areas);
        Assert.Equal(["110112", "320612"], plan.Regions.Select(r => r.Key));
        Assert.Equal([110000, 320600], plan.Files);
    }

    [Fact]
    public void Plan_DirectlyAdministeredCountyAndPrefecture_UseTheProvinceFile()
    {
        var plan = RankingMap.Plan([Row("429004", "仙桃市", 80, 1, 1), Row("510500", "泸州市", 70, 2, 2)], Areas);
        Assert.Equal(["429004", "510500"], plan.Regions.Select(r => r.Key));
        Assert.Equal([420000, 510000], plan.Files);
    }

    [Fact]
    public void Plan_ParkUnknownCodeAndMissingFile_AreListedAsUnmapped()
    {
        var plan = RankingMap.Plan(
        [
            Row("510502", "江阳区", 90, 1, 1),
            Row("360123401", "安义高新园区", 80, 2, 1), // a park: no official boundary
            Row("510525", "古蔺县", 70, 3, 2),          // 泸州's file lacks it here
            Row("610102", "新城区", 60, 4, 2),          // no file for 西安 or 陕西
            Row("not-a-code", "？", 50, 5, 3),
        ], Areas);
        Assert.Equal(["510502"], plan.Regions.Select(r => r.Code));
        Assert.Equal(["360123401", "510525", "610102", "not-a-code"], plan.Unmapped.Select(u => u.Code));
        Assert.Equal([510500], plan.Files);
    }

    [Fact]
    public void Plan_TwoRegionsWantingOneBoundary_GiveItToTheFirstOnly()
    {
        // 350403 (三元区's code until 2021) and 350404 三元区 both lead to the file's one 三元区.
        IReadOnlyList<MapArea>? areas(int code) => code == 350400 ? [new MapArea(350403, "三元区")] : null;
        var plan = RankingMap.Plan([Row("350404", "三元区", 60, 1, 1), Row("350403", "三元区", 50, 2, 2)], areas);
        Assert.Equal(("350404", "350403", "recode"), (plan.Regions.Single().Code, plan.Regions.Single().Key, plan.Regions.Single().Match));
        Assert.Equal("350403", Assert.Single(plan.Unmapped).Code);
    }

    /// <summary>One county in each of <paramref name="n"/> prefectures of 河北 (130100, 130200, …), each file giving its county a
    /// centroid of its own; the areas function for them (the 1-based prefecture index i: county 13ii02 at (110 + i, 30 + i)).</summary>
    private static (RankingRow[] Rows, Func<int, IReadOnlyList<MapArea>?> Areas) Spread(int n, int withoutPoint = 0)
    {
        var rows = Enumerable.Range(1, n).Select(i => Row((130002 + (i * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture), "县" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 100 - i, i, 1 + (i % 3))).ToArray();
        IReadOnlyList<MapArea>? areas(int code) => code / 10000 == 13 && code % 100 == 0 && (code / 100) % 100 is var i && i >= 1 && i <= n
            ? [new MapArea(code + 2, "县" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i == withoutPoint ? null : new GeoPoint(110 + i, 30 + i))]
            : null;
        return (rows, areas);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(RankingMap.MaxAreaFiles)]
    public void Plan_UpToTheThresholdOfFiles_StaysAChoroplethOfThoseFiles(int prefectures)
    {
        var (rows, areas) = Spread(prefectures);
        var plan = RankingMap.Plan(rows, areas);
        Assert.Equal(MapMode.Areas, plan.Mode);
        Assert.Equal(Enumerable.Range(1, prefectures).Select(i => 130000 + (i * 100)), plan.Files);
        Assert.Equal(prefectures, plan.Spread);
        Assert.Equal(prefectures, plan.Regions.Count);
    }

    [Fact]
    public void Plan_OneFileMoreThanTheThreshold_DrawsDotsAtTheFilesCentroidsOnTheNationalMap()
    {
        var n = RankingMap.MaxAreaFiles + 1;
        var (rows, areas) = Spread(n);
        var plan = RankingMap.Plan(rows, areas);
        Assert.Equal(MapMode.Dots, plan.Mode);
        Assert.Equal([100000], plan.Files);
        Assert.Equal(n, plan.Spread);
        Assert.Equal(rows.Select(r => r.Code), plan.Regions.Select(r => r.Code));
        Assert.Equal(("130102", "code", new GeoPoint(111, 31)), (plan.Regions[0].Key, plan.Regions[0].Match, plan.Regions[0].Point));
        Assert.Equal(new GeoPoint(110 + n, 30 + n), plan.Regions[^1].Point);
        Assert.Equal((99.0, 1, 2), (plan.Regions[0].Score, plan.Regions[0].Rank, plan.Regions[0].Tier));
        Assert.Empty(plan.Unmapped);
    }

    [Fact]
    public void Plan_DotsWithARegionWithoutBoundaryOrPoint_ListsBothAsUnmapped()
    {
        var (rows, areas) = Spread(RankingMap.MaxAreaFiles + 2, withoutPoint: 3);
        var plan = RankingMap.Plan([.. rows, Row("360123401", "安义高新园区", 10, 99, 3)], areas);
        Assert.Equal(MapMode.Dots, plan.Mode);
        Assert.DoesNotContain(plan.Regions, r => r.Code == "130302");
        Assert.Equal(RankingMap.MaxAreaFiles + 1, plan.Regions.Count);
        Assert.Equal(["360123401", "130302"], plan.Unmapped.Select(u => u.Code));
    }

    [Fact]
    public void Candidates_ByLevel_MostDetailedFirst()
    {
        Assert.Equal([510500, 510000], RankingMap.Candidates(new RegionCode(510502)));
        Assert.Equal([510000], RankingMap.Candidates(new RegionCode(510500)));
        Assert.Equal([100000], RankingMap.Candidates(new RegionCode(510000)));
        Assert.Empty(RankingMap.Candidates(new RegionCode(360123401)));
    }

    [Fact]
    public void Read_GeoJsonFile_ReturnsCodesAndNamesAndSkipsFeaturesWithoutThem()
    {
        var root = Directory.CreateTempSubdirectory("baiqiang-map-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, RankingMap.Folder)).FullName;
            var geo = new
            {
                type = "FeatureCollection",
                features = new object[]
                {
                    new { type = "Feature", properties = new { adcode = 510502, name = "江阳区" }, geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 105.4, 28.9 }, new[] { 105.5, 28.9 }, new[] { 105.4, 28.8 }, new[] { 105.4, 28.9 } } } } },
                    new { type = "Feature", properties = new { name = "九段线" }, geometry = (object?)null },
                },
            };
            File.WriteAllText(Path.Combine(folder, "510500.json"), JsonSerializer.Serialize(geo));
            File.WriteAllText(Path.Combine(folder, "510000.json"), "{ not json");
            // Centroid first, else the center (the package lacks a centroid for 44 areas), else none (a malformed one is ignored).
            File.WriteAllText(Path.Combine(folder, "350600.json"), """
                { "type": "FeatureCollection", "features": [
                  { "type": "Feature", "properties": { "adcode": 350602, "name": "芗城区", "center": [117.65, 24.51], "centroid": [117.61, 24.47] } },
                  { "type": "Feature", "properties": { "adcode": 350681, "name": "龙海区", "center": [117.82, 24.44] } },
                  { "type": "Feature", "properties": { "adcode": 350625, "name": "长泰区", "centroid": [117.7], "center": "x" } }
                ] }
                """);
            using var provider = new PhysicalFileProvider(root);
            Assert.Equal([new MapArea(510502, "江阳区")], BoundaryFiles.Read(provider, 510500));
            Assert.Equal(
                [new MapArea(350602, "芗城区", new GeoPoint(117.61, 24.47)), new MapArea(350681, "龙海区", new GeoPoint(117.82, 24.44)), new MapArea(350625, "长泰区")],
                BoundaryFiles.Read(provider, 350600));
            Assert.Null(BoundaryFiles.Read(provider, 510000));
            Assert.Null(BoundaryFiles.Read(provider, 320600));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The files the build copies from the npm package: 泸州's seven county-level units by code, and 漳州's 龙海区
    /// under its old code, which the join maps to 350604.</summary>
    [Fact]
    public void PackageFiles_CopiedToWwwroot_HoldLuzhouAndZhangzhou()
    {
        var root = _factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var luzhou = BoundaryFiles.Read(root, 510500);
        Assert.NotNull(luzhou);
        Assert.Equal(RankingSeed.Units, luzhou.Select(a => a.Adcode).Order());
        Assert.Contains(new MapArea(510525, "古蔺县", new GeoPoint(105.929959, 27.975923)), luzhou);
        Assert.All(luzhou, a => Assert.NotNull(a.Centroid));
        var zhangzhou = BoundaryFiles.Read(root, 350600);
        Assert.NotNull(zhangzhou);
        var plan = RankingMap.Plan([Row("350604", "龙海区", 50, 1, 1)], c => BoundaryFiles.Read(root, c));
        Assert.Equal(("350681", "recode"), (plan.Regions.Single().Key, plan.Regions.Single().Match));
    }
}

/// <summary>The app with a boundary folder that lacks two of 泸州's counties, to see the page name what the map leaves out.</summary>
public sealed class PartialBoundariesFactory : WebFactory
{
    private readonly string _root = Directory.CreateTempSubdirectory("baiqiang-partial-map-").FullName;

    /// <summary>泸州's file with five of its seven county-level units (叙永县 510524 and 古蔺县 510525 left out).</summary>
    public PartialBoundariesFactory()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, RankingMap.Folder)).FullName;
        int[] codes = [510502, 510503, 510504, 510521, 510522];
        var features = codes.Select((c, i) => new
        {
            type = "Feature",
            properties = new { adcode = c, name = c.ToString(System.Globalization.CultureInfo.InvariantCulture) == "510502" ? "江阳区" : "区" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 105.0 + i, 28.0 }, new[] { 105.5 + i, 28.0 }, new[] { 105.0 + i, 28.5 }, new[] { 105.0 + i, 28.0 } } } },
        });
        File.WriteAllText(Path.Combine(folder, "510500.json"), JsonSerializer.Serialize(new { type = "FeatureCollection", features }));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton(new BoundaryFiles(new PhysicalFileProvider(_root))));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

/// <summary>Regions the boundary files lack are drawn from none and listed by code under the map, in both languages.</summary>
public sealed class RankingMapPageTests(PartialBoundariesFactory factory) : IClassFixture<PartialBoundariesFactory>
{
    private const string Run = "/Rankings?framework=top100-illustration&period=2024&group=pref:510500";

    [Theory]
    [InlineData("", "地图缺少 2 个地区的边界（代码 510524、510525：叙永县、古蔺县），未在图上显示。")]
    [InlineData("&lang=en", "No boundary for 2 region(s) (codes 510524, 510525: 叙永县, 古蔺县); they are not on the map.")]
    public async Task Page_TwoCountiesWithoutBoundary_NamesThemAndMapsTheRest(string lang, string note)
    {
        await factory.EnsureUserAsync("rk-map-analyst", "analyst");
        await RankingSeed.SeedAsync(factory);
        using var client = await factory.SignedInClientAsync("rk-map-analyst", WebFactory.UserPassword);
        using var response = await client.GetAsync(new Uri(Run + lang, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("id=\"map-missing\"", html, StringComparison.Ordinal);
        Assert.Contains(note, html, StringComparison.Ordinal);
        var json = System.Text.RegularExpressions.Regex.Match(html, "id=\"ranking-map-data\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        using var spec = JsonDocument.Parse(json);
        Assert.Equal(["510502", "510503", "510504", "510521", "510522"], spec.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Order());
    }
}

/// <summary>A ranking of a national list (100 counties in some 50 prefectures) draws dots on the national map, in both languages.</summary>
public sealed class RankingMapDotsPageTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private const string Run = "/Rankings?framework=top100-illustration&period=2024&group=" + RankingSeed.NationalList;

    [Theory]
    [InlineData("", "对比组跨 {0} 个地级区划，以点位显示")]
    [InlineData("&lang=en", "Spread over {0} prefectures: shown as points")]
    public async Task Page_NationalList_EmbedsDotsOnTheNationalMapAndNamesNoCountyFile(string lang, string note)
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureUserAsync("rk-dots-analyst", "analyst");
        await RankingSeed.SeedNationalListAsync(factory);
        using var client = await factory.SignedInClientAsync("rk-dots-analyst", WebFactory.UserPassword);
        using var response = await client.GetAsync(new Uri(Run + lang, UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));
        var json = System.Text.RegularExpressions.Regex.Match(html, "id=\"ranking-map-data\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(json.Success, "no map data on the page");
        using var spec = JsonDocument.Parse(json.Groups[1].Value);
        var root = spec.RootElement;
        Assert.Equal("dots", root.GetProperty("mode").GetString());
        Assert.Equal(["100000"], root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));

        // The list's counties by prefecture, counted from the list itself: each needs its prefecture's file in area mode.
        var codes = (await File.ReadAllLinesAsync(Baiqiang.Testing.SharedData.Path("rankings", RankingSeed.NationalList + ".tsv"), ct)).Skip(1).Select(l => l.Split('\t')[4]).ToList();
        var prefectures = codes.Select(c => c[..4]).Distinct(StringComparer.Ordinal).Count();
        Assert.True(prefectures > RankingMap.MaxAreaFiles);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, note, prefectures), html, StringComparison.Ordinal);

        var regions = root.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), regions.Select(r => r.GetProperty("code").GetString()!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("id=\"map-missing\"", html, StringComparison.Ordinal);
        Assert.All(regions, r =>
        {
            var p = r.GetProperty("point");
            Assert.InRange(p[0].GetDouble(), 73, 136);
            Assert.InRange(p[1].GetDouble(), 18, 54);
        });

        // 昆山市's point is the centroid 苏州's file gives it; the tiers' legend is the same as the choropleth's.
        var kunshan = regions.Single(r => r.GetProperty("code").GetString() == "320583");
        var suzhou = BoundaryFiles.Read(factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider, 320500);
        var centroid = Assert.Single(suzhou!, a => a.Adcode == 320583).Centroid!.Value;
        Assert.Equal(("昆山市", centroid.Lng, centroid.Lat), (kunshan.GetProperty("name").GetString(), kunshan.GetProperty("point")[0].GetDouble(), kunshan.GetProperty("point")[1].GetDouble()));
        Assert.StartsWith(lang.Length == 0 ? "第1梯队" : "tier 1", root.GetProperty("tiers")[0].GetProperty("label").GetString(), StringComparison.Ordinal);
    }
}
