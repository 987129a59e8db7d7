using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Observations;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>The 江阳 翻一番 target with no growth since 2020 reads 滞后 with its forecast on <c>/api/targets</c>, the 目标管理 page
/// and the report card.</summary>
public sealed class TargetsForecastTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var records = new[] { 2020, 2021, 2022 }.Select(y => new ObservationRecord(new RegionCode(510502), new("gdp"), StatPeriod.ForYear(y), 500m, Unit.YiYuan, null,
            Qualifier.Exact, new ObservationSource(SourceKind.Import, "jy-gdp.csv", y - 2018))).ToList();
        await ObservationWriter.WriteAsync(db, records, "forecast-test", TimeProvider.System, Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task JiangyangDoublingWithNoGrowth_ApiPageAndCardReadBehindWithForecast()
    {
        using var client = await factory.TokenClientAsync("admin");
        using var created = await client.PostAsJsonAsync("/api/targets",
            new { region = "510502", subject = "gdp", deadline = "2025", multiple = 2m, basePeriod = "2020", key = "jy-gdp-doubling", description = "地区生产总值在2020年基础上翻一番" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var t = await client.GetFromJsonAsync<JsonElement>("/api/targets/jy-gdp-doubling", Ct);
        var p = t.GetProperty("progress");
        Assert.False(p.GetProperty("onTrack").GetBoolean());
        Assert.Equal(0m, p.GetProperty("achievedAnnualGrowthPercent").GetDecimal());
        Assert.Equal(25.99m, Math.Round(p.GetProperty("stillNeededAnnualGrowthPercent").GetDecimal(), 2));
        Assert.Equal(14.87m, Math.Round(p.GetProperty("planAnnualGrowthPercent").GetDecimal(), 2));
        Assert.Contains("滞后", p.GetProperty("formula").GetString(), StringComparison.Ordinal);
        var f = t.GetProperty("forecast");
        Assert.Equal((0m, 2020, 2022, 500m), (f.GetProperty("trendPercent").GetDecimal(), f.GetProperty("fromYear").GetInt32(), f.GetProperty("toYear").GetInt32(),
            f.GetProperty("projectedValue").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, f.GetProperty("metYear").ValueKind);
        Assert.False(f.GetProperty("metByDeadline").GetBoolean());
        Assert.Equal("not within 30 years", f.GetProperty("metYearEn").GetString());
        Assert.Equal("按2020—2022年（2年）年均增速0.00%外推", f.GetProperty("methodZh").GetString());

        var card = await client.GetFromJsonAsync<JsonElement>("/api/dashboard/510502", Ct);
        var line = card.GetProperty("targets").EnumerateArray().Single(l => l.GetProperty("key").GetString() == "jy-gdp-doubling");
        Assert.False(line.GetProperty("onTrack").GetBoolean());
        Assert.Equal(500m, line.GetProperty("forecast").GetProperty("projectedValue").GetDecimal());

        using var browser = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/Targets?region=510502", UriKind.Relative), Ct));
        Assert.Matches("id=\"target-jy-gdp-doubling\"[\\s\\S]*?滞后：基期以来增速低于尚需增速[\\s\\S]*?期末预计 500亿元[\\s\\S]*?预计达成：无法达成（按此趋势30年内达不到）", html);
        var dashboard = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/?region=510502", UriKind.Relative), Ct));
        Assert.Contains("期末预计500，预计达成：无法达成", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeriesApi_FollowSuccessor_JoinsLonghaiCityToLonghaiDistrictMarkingTheCodes()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            db.Regions.Add(new Storage.Regions.RegionEntity { Code = new(350681), Name = "龙海市", Kind = RegionKind.CountyLevelCity, ValidTo = new DateOnly(2021, 1, 1), SuccessorCode = new(350604) });
            db.Regions.Add(new Storage.Regions.RegionEntity { Code = new(350604), Name = "龙海区", Kind = RegionKind.MunicipalDistrict });
            await db.SaveChangesAsync(Ct);
            var records = new[] { (350681, 2020, 640m), (350604, 2021, 700m) }.Select(x => new ObservationRecord(new RegionCode(x.Item1), new("gdp"), StatPeriod.ForYear(x.Item2), x.Item3,
                Unit.YiYuan, null, Qualifier.Exact, new ObservationSource(SourceKind.Import, "longhai.csv", 2))).ToList();
            await ObservationWriter.WriteAsync(db, records, "series-test", TimeProvider.System, Ct);
        }

        using var client = await factory.TokenClientAsync("admin");
        var plain = await client.GetFromJsonAsync<JsonElement>("/api/observations/series?region=350604&indicator=gdp", Ct);
        var joined = await client.GetFromJsonAsync<JsonElement>("/api/observations/series?region=350604&indicator=gdp&followSuccessor=true", Ct);

        Assert.Equal(["2021"], plain.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
        Assert.Equal([("2020", "350681"), ("2021", "350604")], joined.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("period").GetString(), p.GetProperty("fromRegion").GetString())));
        Assert.Equal("350681 龙海市 → 350604 龙海区，2021-01-01", Assert.Single(joined.GetProperty("joins").EnumerateArray()).GetString());

        using var browser = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/Explorer?indicator=gdp&regions=350604&followSuccessor=true", UriKind.Relative), Ct));
        Assert.Contains("注：已接续 350681 龙海市 → 350604 龙海区，2021-01-01", html, StringComparison.Ordinal);
        Assert.Matches("640[\\s\\S]*?（350681）", html);
        var unjoined = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/Explorer?indicator=gdp&regions=350604", UriKind.Relative), Ct));
        Assert.DoesNotContain("已接续", unjoined, StringComparison.Ordinal);
    }
}
