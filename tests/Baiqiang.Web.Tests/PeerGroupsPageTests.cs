using System.Net;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>
/// The 对比组 pages over HTTP: the list in Chinese and English, the form's server-side validation in the user's language only,
/// create → edit → delete with confirmation by an analyst, prefecture groups not editable, editors denied, antiforgery required.
/// </summary>
public sealed class PeerGroupsPageTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("pgp-analyst", "analyst");
        await factory.EnsureUserAsync("pgp-editor", "editor", 510502);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Url(path), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(Url(path), Ct);
        fields["__RequestVerificationToken"] = WebFactory.Antiforgery(page);
        return await client.PostAsync(Url(path), new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task Index_Analyst_ListsGroupsInChinese_AndInEnglish()
    {
        using var client = await factory.SignedInClientAsync("pgp-analyst", WebFactory.UserPassword);

        var zh = await GetAsync(client, "/PeerGroups");
        var en = await GetAsync(client, "/PeerGroups?lang=en");

        Assert.Contains("<h1>对比组</h1>", zh, StringComparison.Ordinal);
        Assert.Contains("泸州市各县市区", zh, StringComparison.Ordinal);
        Assert.Contains("全市各县市区", zh, StringComparison.Ordinal);
        Assert.Contains("新建自定义对比组", zh, StringComparison.Ordinal);
        Assert.Contains("href=\"/PeerGroups\"", zh, StringComparison.Ordinal); // the navigation entry
        Assert.Contains("<h1>Peer groups</h1>", en, StringComparison.Ordinal);
        Assert.Contains("prefecture's county-level units", en, StringComparison.Ordinal);
        Assert.Contains("New custom group", en, StringComparison.Ordinal);
        Assert.DoesNotContain("新建自定义对比组", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_BadInput_ShowsEveryProblemInChineseOnly()
    {
        using var client = await factory.SignedInClientAsync("pgp-analyst", WebFactory.UserPassword);

        using var post = await PostFormAsync(client, "/PeerGroups/Edit", new() { ["Input.NameZh"] = "", ["Input.Members"] = "江阳区\n江阳" });
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("<li>请填写对比组的中文名称</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>第2项：未知地区“江阳”</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown region", html, StringComparison.Ordinal);
        Assert.Contains("江阳区\n江阳</textarea>", html, StringComparison.Ordinal); // what was typed is kept
    }

    [Fact]
    public async Task Edit_BadInput_ShowsEveryProblemInEnglishOnly()
    {
        using var client = await factory.SignedInClientAsync("pgp-analyst", WebFactory.UserPassword);
        await GetAsync(client, "/PeerGroups?lang=en");

        using var post = await PostFormAsync(client, "/PeerGroups/Edit", new() { ["Input.Id"] = "川南", ["Input.NameZh"] = "川南", ["Input.Members"] = "510502" });
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("<li>invalid id '川南': use lower-case letters", html, StringComparison.Ordinal);
        Assert.Contains("<li>a peer group needs at least 2 distinct regions (got 1)</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("至少需要", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEditDelete_Analyst_WithConfirmation()
    {
        using var client = await factory.SignedInClientAsync("pgp-analyst", WebFactory.UserPassword);

        using var create = await PostFormAsync(client, "/PeerGroups/Edit", new()
        {
            ["Input.Id"] = "page-test", ["Input.NameZh"] = "页面测试组", ["Input.NameEn"] = "", ["Input.Members"] = "江阳区、纳溪区\r\n510504,510502",
        });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.Equal("/PeerGroups?saved=custom%3Apage-test", create.Headers.Location!.ToString());
        var listed = await GetAsync(client, create.Headers.Location!.ToString());
        Assert.Contains("已保存对比组“页面测试组”（custom:page-test，3个地区）", listed, StringComparison.Ordinal);

        var form = await GetAsync(client, "/PeerGroups/Edit?id=custom%3Apage-test");
        Assert.Contains("510502\n510503\n510504</textarea>", form, StringComparison.Ordinal);
        using var edit = await PostFormAsync(client, "/PeerGroups/Edit?id=custom%3Apage-test", new()
        {
            ["Input.NameZh"] = "页面测试组（改）", ["Input.NameEn"] = "Page test", ["Input.Members"] = "510502\n510503",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var shown = await GetAsync(client, "/PeerGroups/Show?id=custom%3Apage-test");
        Assert.Contains("页面测试组（改）", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("龙马潭区", shown, StringComparison.Ordinal);

        var confirm = await GetAsync(client, "/PeerGroups/Delete?id=custom%3Apage-test");
        Assert.Contains("确定删除对比组“页面测试组（改）”（custom:page-test，2个地区：江阳区、纳溪区）吗？", confirm, StringComparison.Ordinal);
        using var delete = await PostFormAsync(client, "/PeerGroups/Delete?id=custom%3Apage-test", new());
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        var after = await GetAsync(client, delete.Headers.Location!.ToString());
        Assert.Contains("已删除对比组“页面测试组（改）”", after, StringComparison.Ordinal);
        Assert.DoesNotContain("custom:page-test", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditOrDelete_PrefectureGroup_ShowsWhyAndNoForm()
    {
        using var client = await factory.SignedInClientAsync("pgp-analyst", WebFactory.UserPassword);

        var edit = await GetAsync(client, "/PeerGroups/Edit?id=pref%3A510500");
        var delete = await GetAsync(client, "/PeerGroups/Delete?id=pref%3A510500&lang=en");

        Assert.Contains("由区划表生成", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("group-form", edit, StringComparison.Ordinal);
        Assert.Contains("is built from the division tables", delete, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm-delete", delete, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPages_Editor_AreDenied_ListIsReadOnly()
    {
        using var client = await factory.SignedInClientAsync("pgp-editor", WebFactory.UserPassword);

        using var edit = await client.GetAsync(Url("/PeerGroups/Edit"), Ct);
        using var delete = await client.GetAsync(Url("/PeerGroups/Delete?id=pref%3A510500"), Ct);
        var list = await GetAsync(client, "/PeerGroups");

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("/Auth/Denied", edit.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/Auth/Denied", delete.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("只读", list, StringComparison.Ordinal);
        Assert.DoesNotContain("new-group", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPost_WithoutAntiforgery_IsRefused()
    {
        using var client = await factory.SignedInClientAsync("pgp-analyst", WebFactory.UserPassword);

        using var post = await client.PostAsync(Url("/PeerGroups/Edit"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.NameZh"] = "无令牌页面组", ["Input.Members"] = "510502,510503",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.DoesNotContain("无令牌页面组", await GetAsync(client, "/PeerGroups"), StringComparison.Ordinal);
    }
}
