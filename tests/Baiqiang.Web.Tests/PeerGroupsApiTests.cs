using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Core.Evaluation;
using Baiqiang.Storage;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>
/// <c>/api/peer-groups</c> for every role: reads for all; create, replace and delete of custom groups for admin, analyst and
/// reviewer; 403 for editors (nothing changes); 400 naming bad entries in both languages; 409 for prefecture and list groups;
/// and a custom group used for a ranking ranks exactly its members, as Core does on their figures.
/// </summary>
public sealed class PeerGroupsApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("pg-analyst", "analyst");
        await factory.EnsureUserAsync("pg-editor", "editor", 510502);
        await factory.EnsureUserAsync("pg-reviewer", "reviewer", 510500);
        await RankingSeed.SeedAsync(factory);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static Uri GroupUrl(string id) => Url("/api/peer-groups/" + Uri.EscapeDataString(id));

    private async Task<JsonElement> CreateAsAdminAsync(string id, string nameZh, params string[] members)
    {
        using var admin = await factory.TokenClientAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/peer-groups", new { id, nameZh, members }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("pg-analyst")]
    [InlineData("pg-editor")]
    [InlineData("pg-reviewer")]
    public async Task Reads_EveryRole_ListAndMembersWithNames(string user)
    {
        using var client = await factory.TokenClientAsync(user);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/peer-groups", Ct);
        var luzhou = await client.GetFromJsonAsync<JsonElement>("/api/peer-groups/pref:510500", Ct);
        using var missing = await client.GetAsync(Url("/api/peer-groups/custom:none"), Ct);

        var item = list.EnumerateArray().Single(g => g.GetProperty("id").GetString() == "pref:510500");
        Assert.Equal(("泸州市各县市区", "PrefectureCountyLevel", 7, false),
            (item.GetProperty("nameZh").GetString(), item.GetProperty("kind").GetString(), item.GetProperty("memberCount").GetInt32(), item.GetProperty("editable").GetBoolean()));
        var members = luzhou.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(7, members.Count);
        Assert.Equal(("510502", "江阳区"), (members[0].GetProperty("code").GetString(), members[0].GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("pg-analyst")]
    [InlineData("pg-reviewer")]
    public async Task Writes_AdminAnalystReviewer_CreateReplaceDeleteAndAreAudited(string user)
    {
        using var client = await factory.TokenClientAsync(user);
        var slug = "w-" + user;

        using var create = await client.PostAsJsonAsync("/api/peer-groups", new { id = slug, nameZh = "写入测试组 " + user, members = new[] { "江阳区", "510503", "江阳区" } }, Ct);
        var created = await create.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("id").GetString()!;
        using var put = await client.PutAsJsonAsync(GroupUrl(id), new { nameZh = "改名测试组 " + user, nameEn = "Renamed " + user, members = new[] { "泸县", "合江县", "古蔺县" } }, Ct);
        var replaced = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var delete = await client.DeleteAsync(GroupUrl(id), Ct);
        using var after = await client.GetAsync(GroupUrl(id), Ct);

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal("custom:" + slug, id);
        Assert.Equal("/api/peer-groups/" + Uri.EscapeDataString(id), create.Headers.Location!.ToString());
        Assert.Equal(["江阳区", "纳溪区"], created.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("改名测试组 " + user, "Renamed " + user), (replaced.GetProperty("nameZh").GetString(), replaced.GetProperty("nameEn").GetString()));
        Assert.Equal(["510521", "510522", "510525"], replaced.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "peer_group" && a.Key == id).ToListAsync(Ct);
        Assert.All(audit, a => Assert.Equal(user, a.User));
        Assert.Contains(audit, a => a.Field == "members" && a.OldValue == "510502,510503" && a.NewValue == "510521,510522,510525");
        Assert.Contains(audit, a => a.Field == "name_zh" && a.NewValue == "改名测试组 " + user);
        Assert.Contains(audit, a => a.Field is null && a.NewValue is null && a.OldValue!.Contains("name_zh=改名测试组", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writes_Editor_Are403AndChangeNothing()
    {
        var group = await CreateAsAdminAsync("editor-target", "填报员不可改组", "510502", "510503");
        var id = group.GetProperty("id").GetString()!;
        using var editor = await factory.TokenClientAsync("pg-editor");

        using var create = await editor.PostAsJsonAsync("/api/peer-groups", new { id = "by-editor", nameZh = "填报员建组", members = new[] { "510502", "510503" } }, Ct);
        using var put = await editor.PutAsJsonAsync(GroupUrl(id), new { nameZh = "填报员改名", members = new[] { "510502", "510504" } }, Ct);
        using var delete = await editor.DeleteAsync(GroupUrl(id), Ct);
        var still = await editor.GetFromJsonAsync<JsonElement>(GroupUrl(id), Ct);
        using var byEditor = await editor.GetAsync(Url("/api/peer-groups/custom:by-editor"), Ct);

        Assert.All([create, put, delete], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("填报员不可改组", still.GetProperty("nameZh").GetString());
        Assert.Equal(["510502", "510503"], still.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, byEditor.StatusCode);
    }

    [Fact]
    public async Task Create_BadInput_Is400NamingEachBadEntryInBothLanguages()
    {
        using var client = await factory.TokenClientAsync("pg-analyst");

        using var response = await client.PostAsJsonAsync("/api/peer-groups", new { id = "pref:1", nameZh = " ", members = new[] { "江阳区", "江阳", "510599" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.StartsWith("标识“pref:1”无效", errors.GetProperty("id")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("请填写对比组的中文名称 / the peer group's Chinese name is required", errors.GetProperty("nameZh")[0].GetString());
        Assert.Equal(
            ["第2项：未知地区“江阳” / entry 2: unknown region '江阳'", "第3项：未知的行政区划代码“510599” / entry 3: unknown region code '510599'"],
            errors.GetProperty("members").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task UpdateOrDelete_PrefectureGroup_Is409_UnknownCustomIs404()
    {
        using var client = await factory.TokenClientAsync("admin");

        using var put = await client.PutAsJsonAsync(Url("/api/peer-groups/pref:510500"), new { nameZh = "改", members = new[] { "510502", "510503" } }, Ct);
        using var delete = await client.DeleteAsync(Url("/api/peer-groups/pref:510500"), Ct);
        using var unknown = await client.DeleteAsync(Url("/api/peer-groups/custom:none"), Ct);
        var luzhou = await client.GetFromJsonAsync<JsonElement>("/api/peer-groups/pref:510500", Ct);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.NotFound), (put.StatusCode, delete.StatusCode, unknown.StatusCode));
        var title = (await delete.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString()!;
        Assert.Contains("由区划表生成", title, StringComparison.Ordinal);
        Assert.Contains("cannot be edited or deleted by hand", title, StringComparison.Ordinal);
        Assert.Equal(7, luzhou.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task CookieWrite_WithoutAntiforgeryHeader_Is400()
    {
        using var client = await factory.SignedInClientAsync("pg-analyst", WebFactory.UserPassword);
        using var response = await client.PostAsJsonAsync("/api/peer-groups", new { nameZh = "无令牌组", members = new[] { "510502", "510503" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var list = await client.GetStringAsync(Url("/api/peer-groups"), Ct);
        Assert.DoesNotContain("无令牌组", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranking_WithinACustomGroup_RanksOnlyItsMembersAsCoreDoes()
    {
        int[] chosen = [510502, 510503, 510521, 510525];
        using var client = await factory.TokenClientAsync("pg-analyst");
        using var create = await client.PostAsJsonAsync("/api/peer-groups", new { nameZh = "泸州四县区对标组", members = new[] { "江阳区", "纳溪区", "泸县", "古蔺县" } }, Ct);
        var id = (await create.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        var groups = await client.GetFromJsonAsync<JsonElement>("/api/rankings/groups", Ct);
        var run = await client.GetFromJsonAsync<JsonElement>($"/api/rankings/run?framework=top100-illustration&period=2024&group={Uri.EscapeDataString(id)}", Ct);

        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("id").GetString() == id && g.GetProperty("kind").GetString() == "Custom" && g.GetProperty("members").GetInt32() == 4);
        Assert.Equal("泸州四县区对标组", run.GetProperty("groupNameZh").GetString());
        var full = RankingSeed.Data(2024);
        var rows = chosen.Select(c => full.Units.ToList().IndexOf(c.ToString(CultureInfo.InvariantCulture))).ToArray();
        var values = new double[rows.Length, full.Indicators.Count];
        for (int u = 0; u < rows.Length; u++)
        {
            for (int i = 0; i < full.Indicators.Count; i++)
            {
                values[u, i] = full.Values[rows[u], i];
            }
        }

        var expected = EvaluationPipeline.Run(EvaluationFramework.Top100Illustration, new EvaluationData([.. rows.Select(r => full.Units[r])], full.Indicators, values)
        {
            Population = [.. rows.Select(r => full.Population![r])],
        });
        var byCode = run.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, StringComparer.Ordinal);
        Assert.Equal(expected.Units.Order(StringComparer.Ordinal), byCode.Keys.Order(StringComparer.Ordinal));
        for (int i = 0; i < expected.Units.Count; i++)
        {
            Assert.Equal(expected.Ranks[i], byCode[expected.Units[i]].GetProperty("rank").GetInt32());
            Assert.Equal(expected.Scores[i], byCode[expected.Units[i]].GetProperty("score").GetDouble(), 9);
        }

        // The same region ranks differently among 泸州's seven: the custom group is really the ranking's population.
        var seven = await client.GetFromJsonAsync<JsonElement>("/api/rankings/run?framework=top100-illustration&period=2024&group=pref:510500", Ct);
        Assert.Equal(7, seven.GetProperty("rows").GetArrayLength());
        Assert.Equal(4, run.GetProperty("rows").GetArrayLength());
    }
}
