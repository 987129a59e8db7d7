using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Web.Shared.Inputs;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>Typed periods (2022年上半年) and region names (江阳) on the pages: the conversion to canonical values, the
/// redirect to canonical URLs, ambiguity and errors shown beside the box, and the suggestion endpoint.</summary>
public sealed class InputsTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly AsOf = new(2023, 7, 31);

    private static readonly RegionNames Names = new(
    [
        new(new RegionCode(510000), "四川省", RegionKind.Province, null),
        new(new RegionCode(510500), "泸州市", RegionKind.PrefectureCity, new RegionCode(510000)),
        new(new RegionCode(510502), "江阳区", RegionKind.MunicipalDistrict, new RegionCode(510500)),
        new(new RegionCode(510521), "泸县", RegionKind.County, new RegionCode(510500)),
        new(new RegionCode(320600), "南通市", RegionKind.PrefectureCity, null),
        new(new RegionCode(320612), "通州区", RegionKind.MunicipalDistrict, new RegionCode(320600)),
        new(new RegionCode(110000), "北京市", RegionKind.Province, null),
        new(new RegionCode(110112), "通州区", RegionKind.MunicipalDistrict, new RegionCode(110000)),
        new(new RegionCode(350600), "漳州市", RegionKind.PrefectureCity, null),
        new(new RegionCode(350681), "龙海市", RegionKind.CountyLevelCity, new RegionCode(350600), null, new DateOnly(2021, 1, 1), new RegionCode(350604)),
        new(new RegionCode(350604), "龙海区", RegionKind.MunicipalDistrict, new RegionCode(350600), new DateOnly(2021, 1, 1)),
    ]);

    public async ValueTask InitializeAsync() => await AddSharedNamesAsync(factory);

    /// <summary>Adds 北京市通州区 (so 通州 is shared with 南通's) and 龙海市 abolished for 龙海区 to the factory's store, once.</summary>
    internal static async Task AddSharedNamesAsync(WebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        if (await db.Regions.AnyAsync(r => r.Code == new RegionCode(110112), Ct))
        {
            return;
        }

        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        db.Regions.Add(new Storage.Regions.RegionEntity { Code = new(110000), Name = "北京市", Kind = RegionKind.Province });
        db.Regions.Add(new Storage.Regions.RegionEntity { Code = new(110112), Name = "通州区", Kind = RegionKind.MunicipalDistrict, ParentCode = new(110000) });
        db.Regions.Add(new Storage.Regions.RegionEntity { Code = new(350681), Name = "龙海市", Kind = RegionKind.CountyLevelCity, ValidTo = new DateOnly(2021, 1, 1), SuccessorCode = new(350604) });
        db.Regions.Add(new Storage.Regions.RegionEntity { Code = new(350604), Name = "龙海区", Kind = RegionKind.MunicipalDistrict });
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("2022年1-6月", "2022-01..06")]
    [InlineData("2022年1—6月", "2022-01..06")]
    [InlineData("2022年上半年", "2022-01..06")]
    [InlineData("2022年一季度", "2022-01..03")]
    [InlineData("2022年前三季度", "2022-01..09")]
    [InlineData("2022年三季度", "2022-Q3")]
    [InlineData("2022年下半年", "2022-H2")]
    [InlineData("2022年", "2022")]
    [InlineData("2022年6月", "2022-06")]
    [InlineData("２０２２年上半年", "2022-01..06")]
    [InlineData("2022-01..06", "2022-01..06")]
    [InlineData("前三季度", "2023-01..09")]
    [InlineData("今年上半年", "2023-01..06")]
    [InlineData("去年", "2022")]
    public void ToCanonical_TypedPeriod_CanonicalString(string typed, string canonical)
    {
        var r = PeriodText.ToCanonical(typed, AsOf);
        Assert.True(r.Success, r.Error?.ToString());
        Assert.Equal(canonical, r.Value);
    }

    [Theory]
    [InlineData("2022年3-5月", "不是统计口径的期别", "not a statistical period")]
    [InlineData("上半天", "无法识别统计期别", "cannot read period")]
    [InlineData("2022-13", "不是有效的统计期别", "is not a valid period")]
    public void ToCanonical_Unreadable_BilingualReason(string typed, string zh, string en)
    {
        var r = PeriodText.ToCanonical(typed, AsOf);
        Assert.False(r.Success);
        Assert.Contains(zh, r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains(en, r.Error!.Value.En, StringComparison.Ordinal);
        Assert.StartsWith("期别", r.Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("江阳", 510502)]
    [InlineData("江阳区", 510502)]
    [InlineData("泸州市江阳区", 510502)]
    [InlineData("泸州江阳", 510502)]
    [InlineData("四川省泸州市江阳区", 510502)]
    [InlineData("四川泸州江阳区", 510502)]
    [InlineData(" 江 陽 區 ", 510502)]
    [InlineData("510502", 510502)]
    [InlineData("泸县", 510521)]
    [InlineData("泸州", 510500)]
    [InlineData("南通通州", 320612)]
    [InlineData("北京市通州区", 110112)]
    [InlineData("龙海", 350604)]
    [InlineData("龙海区", 350604)]
    [InlineData("龙海市", 350681)]
    public void Resolve_Name_TheRegionsCode(string typed, int code)
    {
        var r = Names.Resolve(typed);
        Assert.True(r.Success, r.Error?.ToString());
        Assert.Equal(new RegionCode(code), r.Code);
    }

    [Fact]
    public void Resolve_SharedName_ListsTheCandidatesWithTheirParents()
    {
        var r = Names.Resolve("通州");
        Assert.False(r.Success);
        Assert.Equal(["北京市通州区", "南通市通州区"], r.Candidates.Select(c => c.FullName));
        Assert.Equal(["110112", "320612"], r.Candidates.Select(c => c.Code));
        Assert.Contains("不唯一", r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains("南通市通州区(320612)", r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains("ambiguous", r.Error!.Value.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("火星区", "找不到地区", "no region named")]
    [InlineData("", "地区为空", "empty")]
    [InlineData("5105020000", "不是有效的行政区划代码", "not a valid region code")]
    public void Resolve_Unknown_BilingualReason(string typed, string zh, string en)
    {
        var r = Names.Resolve(typed);
        Assert.False(r.Success);
        Assert.Empty(r.Candidates);
        Assert.Contains(zh, r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains(en, r.Error!.Value.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_Part_ExactFirstCurrentBeforeAbolished()
    {
        Assert.Equal(["510502"], Names.Suggest("江阳").Select(c => c.Code));
        Assert.Equal(["510500", "510521", "510502"], Names.Suggest("泸").Select(c => c.Code));
        var longhai = Names.Suggest("龙海");
        Assert.Equal(["350604", "350681"], longhai.Select(c => c.Code));
        Assert.False(longhai[0].Retired);
        Assert.True(longhai[1].Retired);
        Assert.Equal("350604", longhai[1].Successor);
        Assert.Equal(["510500", "510502", "510521"], Names.Suggest("5105").Select(c => c.Code));
        Assert.Single(Names.Suggest("泸", limit: 1));
        Assert.Empty(Names.Suggest("  "));
    }

    [Theory]
    [InlineData("/?region=江阳&period=2022年上半年", "/?region=510502&period=2022-01..06")]
    [InlineData("/?region=泸州市江阳区&period=2022年1-6月&peers=", "/?region=510502&period=2022-01..06&peers=")]
    [InlineData("/Projects?period=2022年上半年&region=江阳区", "/Projects?period=2022-01..06&region=510502")]
    [InlineData("/Rankings?period=2024年&group=pref:510500&compare=2023年", "/Rankings?period=2024&group=pref:510500&compare=2023")]
    [InlineData("/Explorer?indicator=gdp&regions=江阳、南通市通州区", "/Explorer?indicator=gdp&regions=510502,320612")]
    [InlineData("/Pipeline?period=2023年前三季度&region=南通通州", "/Pipeline?period=2023-01..09&region=320612")]
    public async Task Page_TypedText_RedirectsToTheCanonicalUrl(string typed, string canonical)
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri(typed, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(canonical, Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Dashboard_CanonicalValues_NoRedirectAndTheFigures()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri("/?region=510502&period=2022-01..06", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("江阳区", html, StringComparison.Ordinal);
        Assert.Contains("228.09", html, StringComparison.Ordinal);
        Assert.Contains("name=\"period\" value=\"2022-01..06\"", html, StringComparison.Ordinal);
        Assert.Contains("data-period-picker", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_UnreadablePeriod_ReasonBesideTheBoxAndTheTextKept()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri("/?region=江阳&period=2022年3-5月", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"period-input-period-error\"", html, StringComparison.Ordinal);
        Assert.Contains("不是统计口径的期别", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2022年3-5月\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"indicators\"", html, StringComparison.Ordinal);

        var en = await client.GetStringAsync(new Uri("/?region=江阳&period=上半天&lang=en", UriKind.Relative), Ct);
        Assert.Contains("cannot read period", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_SharedRegionName_ListsCandidateLinks()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Pipeline?region=通州&period=2023", UriKind.Relative), Ct));
        Assert.Contains("id=\"region-input-region-error\"", html, StringComparison.Ordinal);
        Assert.Contains("地区名称“通州”不唯一", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Pipeline?region=320612&period=2023\"", html, StringComparison.Ordinal);
        Assert.Contains("南通市通州区（320612）", html, StringComparison.Ordinal);
        Assert.Contains("北京市通州区（110112）", html, StringComparison.Ordinal);

        var en = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Pipeline?region=通州&lang=en", UriKind.Relative), Ct));
        Assert.Contains("region name '通州' is ambiguous", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explorer_SharedNameInAList_CandidateLinksKeepTheOtherNames()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Explorer?indicator=gdp&regions=江阳,通州", UriKind.Relative), Ct));
        Assert.Contains("id=\"region-input-regions-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"江阳,通州\"", html, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(html, "data-code=\"320612\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal("/Explorer?indicator=gdp&regions=江阳,320612", Uri.UnescapeDataString(link));
        Assert.DoesNotContain("id=\"explorer-table\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestApi_Name_CandidatesWithRetiredFlag()
    {
        using var client = await factory.TokenClientAsync("admin");
        var jiangyang = await client.GetFromJsonAsync<JsonElement>("/api/regions/suggest?q=" + Uri.EscapeDataString("江阳"), Ct);
        Assert.Equal("510502", jiangyang[0].GetProperty("code").GetString());
        Assert.Equal("泸州市江阳区", jiangyang[0].GetProperty("fullName").GetString());
        var longhai = await client.GetFromJsonAsync<JsonElement>("/api/regions/suggest?q=" + Uri.EscapeDataString("龍海") + "&limit=5", Ct);
        Assert.Equal(["350604", "350681"], longhai.EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        Assert.True(longhai[1].GetProperty("retired").GetBoolean());
        Assert.Equal("350604", longhai[1].GetProperty("successor").GetString());
        var none = await client.GetFromJsonAsync<JsonElement>("/api/regions/suggest?q=", Ct);
        Assert.Equal(0, none.GetArrayLength());
    }
}
