using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Metrics;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>
/// The report card ranked in a chosen peer group (<c>?peers=</c>), page and API: a custom and a list group rank 江阳区's GDP
/// growth among exactly their members, as Core's <see cref="Metric.Rank{TKey}"/> does on the stored growth figures; the
/// default stays the prefecture group and its 全市第N; an unknown id is a bilingual 400 / page message; a group without the
/// region says so instead of ranking. Test growth figures (NOT published statistics) are written for the other six units of
/// 泸州 in 2022 上半年, beside the sample's 江阳区 3.7%.
/// </summary>
public sealed class DashboardPeerGroupTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private const string Period = "2022-01..06";
    private const string CustomId = "custom:dash-south";
    private const string CustomName = "川南测试四区县";
    private const string CustomNameEn = "South Sichuan test four";
    private const string OutsideId = "custom:dash-outside";
    private const string OutsideName = "不含江阳测试组";
    private const string ListId = "dash_test_top_districts";
    private const string ListName = "测试百强区";

    /// <summary>GDP growth (%) of 2022 上半年 for the other six county-level units of 泸州 (江阳区's 3.7 comes from the sample).</summary>
    private static readonly (int Code, decimal Growth)[] PeerGrowth = [(510503, 5.2m), (510504, 2.1m), (510521, 4.0m), (510522, 3.0m), (510524, 6.1m), (510525, 1.5m)];

    private static readonly RegionCode Jiangyang = new(510502);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        if (await db.PeerGroups.AnyAsync(g => g.Id == CustomId, Ct))
        {
            return;
        }

        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var h1 = StatPeriod.ParseCanonical(Period);
        var records = PeerGrowth.Select(p => new ObservationRecord(
            new RegionCode(p.Code), new IndicatorCode("gdp"), h1, null, Unit.YiYuan, p.Growth, Qualifier.Exact, new ObservationSource(SourceKind.User, "dashboard-peer-test"))).ToList();
        await ObservationWriter.WriteAsync(db, records, "dashboard-peer-test", TimeProvider.System, Ct);

        var admin = Actor.LocalAdmin("test");
        await PeerGroupStore.CreateCustomAsync(db, new CustomPeerGroupInput("dash-south", CustomName, CustomNameEn, ["江阳区", "510503", "510504", "510522"]), admin, Ct);
        await PeerGroupStore.CreateCustomAsync(db, new CustomPeerGroupInput("dash-outside", OutsideName, null, ["510503", "510504"]), admin, Ct);

        var tsv = Path.Combine(Path.GetTempPath(), $"{ListId}.tsv");
        await File.WriteAllTextAsync(tsv, $"rank\tname\tprovince\tcode\tyear\tlist\n1\t纳溪区\t四川省\t510503\t2025\t{ListName}\n2\t江阳区\t四川省\t510502\t2025\t{ListName}\n3\t叙永县\t四川省\t510524\t2025\t{ListName}\n", Ct);
        await PeerGroupStore.ImportRankingListAsync(db, tsv, Ct);
        File.Delete(tsv);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>江阳区's GDP growth rank among <paramref name="groupId"/>'s members, computed by Core on the figures the store holds.</summary>
    private async Task<RankedItem<RegionCode>> ExpectedAsync(string groupId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var members = await PeerGroupStore.MembersAsync(db, groupId, Ct);
        var h1 = StatPeriod.ParseCanonical(Period);
        var gdp = new IndicatorCode("gdp");
        var growth = await db.Observations.AsNoTracking()
            .Where(o => o.IsCurrent && o.IndicatorCode == gdp && o.PeriodYear == h1.Year && o.PeriodFirstMonth == h1.FirstMonth && o.PeriodLastMonth == h1.LastMonth
                && members.Contains(o.RegionCode) && o.GrowthPercent != null)
            .Select(o => new { o.RegionCode, o.GrowthPercent })
            .ToListAsync(Ct);
        return Metric.Rank(growth.Select(g => (g.RegionCode, g.GrowthPercent!.Value)).ToList(), Direction.HigherIsBetter).Single(r => r.Key == Jiangyang);
    }

    private static JsonElement GdpLine(JsonElement card) => card.GetProperty("indicators").EnumerateArray().Single(l => l.GetProperty("indicator").GetString() == "gdp");

    private async Task<string> PageAsync(string query)
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri("/?" + query, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Api_CustomGroup_RanksAmongItsMembersAsCore()
    {
        using var client = await factory.TokenClientAsync("admin");
        var expected = await ExpectedAsync(CustomId);
        var prefecture = await ExpectedAsync("pref:510500");

        var card = await client.GetFromJsonAsync<JsonElement>($"/api/dashboard/510502?period={Period}&peers={Uri.EscapeDataString(CustomId)}", Ct);

        // The figures make the two groups disagree, so ranking in the wrong group cannot pass.
        Assert.Equal((2, 4), (expected.Rank, expected.Of));
        Assert.NotEqual(prefecture.Rank, expected.Rank);
        var gdp = GdpLine(card);
        Assert.Equal((expected.Rank, expected.Of), (gdp.GetProperty("rank").GetInt32(), gdp.GetProperty("of").GetInt32()));
        Assert.Equal($"增幅在“{CustomName}”中第{expected.Rank}", gdp.GetProperty("rankPhraseZh").GetString());
        Assert.Equal($"{expected.Rank} of {expected.Of} in '{CustomNameEn}'", gdp.GetProperty("rankPhraseEn").GetString());
        Assert.Equal((CustomId, CustomName, true), (card.GetProperty("peerGroup").GetString(), card.GetProperty("peerGroupNameZh").GetString(), card.GetProperty("regionInPeerGroup").GetBoolean()));
    }

    [Fact]
    public async Task Api_ListGroup_RanksAmongTheListsMembers()
    {
        using var client = await factory.TokenClientAsync("admin");
        var expected = await ExpectedAsync(ListId);

        var card = await client.GetFromJsonAsync<JsonElement>($"/api/dashboard/510502?period={Period}&peers={ListId}", Ct);

        Assert.Equal((3, 3), (expected.Rank, expected.Of));
        Assert.Equal($"增幅在“{ListName}”中第3", GdpLine(card).GetProperty("rankPhraseZh").GetString());
        Assert.Equal("List", card.GetProperty("peerGroupKind").GetString());
    }

    [Fact]
    public async Task Api_NoPeers_StaysThePrefectureGroup()
    {
        using var client = await factory.TokenClientAsync("admin");
        var expected = await ExpectedAsync("pref:510500");

        var card = await client.GetFromJsonAsync<JsonElement>($"/api/dashboard/510502?period={Period}", Ct);

        Assert.Equal((4, 7), (expected.Rank, expected.Of));
        Assert.Equal("pref:510500", card.GetProperty("peerGroup").GetString());
        var gdp = GdpLine(card);
        Assert.Equal((4, 7), (gdp.GetProperty("rank").GetInt32(), gdp.GetProperty("of").GetInt32()));
        Assert.Equal("增幅位居全市第4", gdp.GetProperty("rankPhraseZh").GetString());
    }

    [Fact]
    public async Task Api_UnknownPeers_Is400NamingItInBothLanguages()
    {
        using var client = await factory.TokenClientAsync("admin");

        using var response = await client.GetAsync(new Uri($"/api/dashboard/510502?peers={Uri.EscapeDataString("custom:nope")}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("找不到对比组“custom:nope” / no peer group 'custom:nope'", body.GetProperty("errors").GetProperty("peers")[0].GetString());
    }

    [Fact]
    public async Task Api_GroupWithoutTheRegion_CardWithoutRanks()
    {
        using var client = await factory.TokenClientAsync("admin");

        var card = await client.GetFromJsonAsync<JsonElement>($"/api/dashboard/510502?period={Period}&peers={Uri.EscapeDataString(OutsideId)}", Ct);

        Assert.Equal((OutsideId, false), (card.GetProperty("peerGroup").GetString(), card.GetProperty("regionInPeerGroup").GetBoolean()));
        var lines = card.GetProperty("indicators").EnumerateArray().ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("rank").ValueKind));
        Assert.Equal(3.7m, GdpLine(card).GetProperty("growthPercent").GetDecimal());
    }

    [Fact]
    public async Task Page_CustomGroup_ShowsItsRankAndKeepsTheSelection()
    {
        var expected = await ExpectedAsync(CustomId);

        var html = await PageAsync($"region=510502&period={Period}&peers={Uri.EscapeDataString(CustomId)}");

        Assert.Contains($"增幅在“{CustomName}”中第{expected.Rank}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("增幅位居全市第", html, StringComparison.Ordinal);
        Assert.Contains("组内排位", html, StringComparison.Ordinal);
        Assert.Matches($@"<option value=""{CustomId}"" selected=""selected"">{CustomName}（4）</option>", html);
        // Every stored group is offered: prefecture, list and custom.
        Assert.Contains(@"<option value=""pref:510500"">泸州市各县市区（7）</option>", html, StringComparison.Ordinal);
        Assert.Contains($@"<option value=""{ListId}"">{ListName}（3）</option>", html, StringComparison.Ordinal);
        // Switching the trend keeps the group.
        Assert.Contains($@"<input type=""hidden"" name=""peers"" value=""{CustomId}"" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_CustomGroupInEnglish_NamesTheGroup()
    {
        var expected = await ExpectedAsync(CustomId);

        var html = await PageAsync($"region=510502&period={Period}&peers={Uri.EscapeDataString(CustomId)}&lang=en");

        Assert.Contains($"{expected.Rank} of {expected.Of} in '{CustomNameEn}'", html, StringComparison.Ordinal);
        Assert.Contains("Rank in group", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NoPeers_KeepsThePrefectureWording()
    {
        var html = await PageAsync($"region=510502&period={Period}");

        Assert.Contains("增幅位居全市第4", html, StringComparison.Ordinal);
        Assert.Contains("全市排位", html, StringComparison.Ordinal);
        Assert.Contains(@"<option value="""" selected=""selected"">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_UnknownPeers_IsAMessageNotAStackTrace()
    {
        var html = await PageAsync("region=510502&peers=custom:nope");

        Assert.Matches(@"id=""message"">找不到对比组“custom:nope”</p>", html);
        Assert.DoesNotContain("id=\"indicators\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.Contains($@"<option value=""{CustomId}"">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_GroupWithoutTheRegion_SaysSoInTheRankColumn()
    {
        var html = await PageAsync($"region=510502&period={Period}&peers={Uri.EscapeDataString(OutsideId)}");

        Assert.Contains("id=\"indicators\"", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"muted not-in-group\">江阳区不在“{OutsideName}”中</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("增幅在", html, StringComparison.Ordinal);
        Assert.DoesNotContain("增幅位居", html, StringComparison.Ordinal);
    }
}
