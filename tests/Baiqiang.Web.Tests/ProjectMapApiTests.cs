using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>
/// <c>GET /api/projects/map</c> over the sample ledger (江阳区 1–6月, as of 2022-07-10) with three located projects: points with
/// the ledger's own 亮灯 and reason, the rest counted as unlocated, the region's boundary, the ledger's filters, and region
/// authorisation (another county's editor is refused; a county editor sees other regions' projects only as a count).
/// </summary>
public sealed class ProjectMapApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private const string Query = "period=2022-01..06&today=2022-07-10";

    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("map-analyst", "analyst");
        await factory.EnsureUserAsync("map-jy-editor", "editor", 510502);
        await factory.EnsureUserAsync("map-tz-editor", "editor", 320612);
        using var editor = await factory.TokenClientAsync("map-jy-editor");
        foreach (var (code, lat, lng) in new[] { ("JY-S01", 28.8790m, 105.4330m), ("JY-S08", 28.8650m, 105.4120m), ("JY-S09", 28.9010m, 105.4510m) })
        {
            using var put = await editor.PutAsJsonAsync($"/api/projects/{code}/location", new { latitude = lat, longitude = lng }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Map_Region_PointsCarryTheLedgersLightAndReasonAndTheRestAreCounted()
    {
        using var client = await factory.TokenClientAsync("map-analyst");

        var map = await client.GetFromJsonAsync<JsonElement>($"/api/projects/map?{Query}&region=510502", Ct);
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/projects/ledger?{Query}&region=510502&by=project", Ct);

        var points = map.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        Assert.Equal(["JY-S01", "JY-S08", "JY-S09"], points.Keys.Order(StringComparer.Ordinal));
        var s01 = points["JY-S01"];
        Assert.Equal(("白酒产业园区二期", "510502", 28.879m, 105.433m), (s01.GetProperty("name").GetString(), s01.GetProperty("region").GetString(), s01.GetProperty("lat").GetDecimal(), s01.GetProperty("lng").GetDecimal()));
        foreach (var row in ledger.GetProperty("rows").EnumerateArray().Where(r => points.ContainsKey(r.GetProperty("key").GetString()!)))
        {
            var p = points[row.GetProperty("key").GetString()!];
            Assert.Equal(row.GetProperty("light").GetString(), p.GetProperty("light").GetString());
            Assert.Equal(row.GetProperty("lightZh").GetString(), p.GetProperty("lightZh").GetString());
            Assert.Equal(row.GetProperty("lightReasonZh").GetString(), p.GetProperty("reason").GetString());
            Assert.Equal(row.GetProperty("lightReasonEn").GetString(), p.GetProperty("reasonEn").GetString());
        }

        // 330,000 of 600,000万元 (55%) against 50% of the year: green; 60,000 of 220,000 (27.3%) with a problem past its due day: red.
        Assert.Equal(("green", "绿"), (s01.GetProperty("light").GetString(), s01.GetProperty("lightZh").GetString()));
        Assert.StartsWith("完成率55.0%", s01.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("red", points["JY-S08"].GetProperty("light").GetString());
        Assert.Contains("27.3%", points["JY-S08"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(9, map.GetProperty("unlocated").GetInt32());
        Assert.Equal(9, map.GetProperty("unlocatedCodes").GetArrayLength());
        Assert.DoesNotContain("JY-S01", map.GetProperty("unlocatedCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, map.GetProperty("hidden").GetInt32());
        var boundary = map.GetProperty("boundary");
        Assert.Equal("areas", boundary.GetProperty("mode").GetString());
        Assert.Equal(["510500"], boundary.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["510502"], boundary.GetProperty("areas").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("2022-07-10", map.GetProperty("today").GetString());
    }

    [Fact]
    public async Task Map_StoredWgs84Point_IsDrawnInTheBoundariesGcj02Datum()
    {
        using var client = await factory.TokenClientAsync("map-analyst");

        var map = await client.GetFromJsonAsync<JsonElement>($"/api/projects/map?{Query}&region=510502", Ct);

        Assert.Equal("GCJ-02", map.GetProperty("boundary").GetProperty("datum").GetString());
        var s01 = map.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "JY-S01");
        var stored = new Core.Geo.LngLat(105.433, 28.879);
        var expected = Core.Geo.ChinaDatum.Wgs84ToGcj02(stored);
        var drawn = new Core.Geo.LngLat(s01.GetProperty("mapLng").GetDouble(), s01.GetProperty("mapLat").GetDouble());
        Assert.Equal(expected.Lng, drawn.Lng, 1e-6);
        Assert.Equal(expected.Lat, drawn.Lat, 1e-6);
        Assert.InRange(Core.Geo.ChinaDatum.DistanceMetres(stored, drawn), 200, 800);
        Assert.Equal((28.879m, 105.433m), (s01.GetProperty("lat").GetDecimal(), s01.GetProperty("lng").GetDecimal()));
    }

    [Fact]
    public async Task Map_LedgerFilters_NarrowThePointsAndBadQueryIs400()
    {
        using var client = await factory.TokenClientAsync("map-analyst");

        var industry = await client.GetFromJsonAsync<JsonElement>($"/api/projects/map?{Query}&region=510502&category=Industry", Ct);
        using var bad = await client.GetAsync(new Uri("/api/projects/map?period=2022-13&today=tomorrow", UriKind.Relative), Ct);

        // Of the three located projects only JY-S01 (白酒产业园区二期) is an industry project.
        Assert.Equal(["JY-S01"], industry.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(3, industry.GetProperty("unlocated").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("period", out _));
        Assert.True(errors.TryGetProperty("today", out _));
    }

    [Fact]
    public async Task Map_RegionAuthorisation_OtherCountyForbiddenAndOtherRegionsOnlyCounted()
    {
        using var outsider = await factory.TokenClientAsync("map-tz-editor");
        using var county = await factory.TokenClientAsync("map-jy-editor");
        using var analyst = await factory.TokenClientAsync("map-analyst");

        using var denied = await outsider.GetAsync(new Uri($"/api/projects/map?{Query}&region=510502", UriKind.Relative), Ct);
        var own = await county.GetFromJsonAsync<JsonElement>($"/api/projects/map?{Query}", Ct);
        var all = await analyst.GetFromJsonAsync<JsonElement>($"/api/projects/map?{Query}", Ct);
        var outsiderAll = await outsider.GetFromJsonAsync<JsonElement>($"/api/projects/map?{Query}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(3, own.GetProperty("points").GetArrayLength());
        Assert.Equal(9, own.GetProperty("unlocated").GetInt32());
        Assert.True(own.GetProperty("hidden").GetInt32() > 0, "安义's projects are outside 江阳区's editor's scope");
        Assert.Equal(0, all.GetProperty("hidden").GetInt32());
        Assert.Equal(own.GetProperty("hidden").GetInt32() + 9, all.GetProperty("unlocated").GetInt32());
        Assert.Equal(0, outsiderAll.GetProperty("points").GetArrayLength());
        Assert.Equal(all.GetProperty("unlocated").GetInt32() + 3, outsiderAll.GetProperty("hidden").GetInt32());
    }
}
