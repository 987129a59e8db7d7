using System.Net;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>
/// The 园区 page over HTTP: an analyst adds a zone under 江阳区 with the form (next nine-digit code, listed in Chinese and
/// English), renames and retires it; a bad kind is shown in the user's language; a county editor reads but posting is refused.
/// </summary>
public sealed class ZonesPageTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Url(path), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = WebFactory.Antiforgery(await client.GetStringAsync(Url(page), Ct));
        return await client.PostAsync(Url(action), new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task Analyst_AddsRenamesRetiresZone_EditorIsRefused()
    {
        await factory.EnsureUserAsync("zp-analyst", "analyst");
        await factory.EnsureUserAsync("zp-editor", "editor", 510502);
        using var analyst = await factory.SignedInClientAsync("zp-analyst", WebFactory.UserPassword);
        using var editor = await factory.SignedInClientAsync("zp-editor", WebFactory.UserPassword);

        using var add = await PostFormAsync(analyst, "/Zones?parent=510502", "/Zones?handler=Add",
            new() { ["Parent"] = "江阳区", ["Name"] = "江阳页面园区", ["Kind"] = "功能区" });
        var location = add.Headers.Location!.ToString();
        var code = location[(location.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var listed = await GetAsync(analyst, location);
        using var badKind = await PostFormAsync(analyst, "/Zones?parent=510502", "/Zones?handler=Add",
            new() { ["Parent"] = "510502", ["Name"] = "另一园区", ["Kind"] = "工业区" });
        var badText = WebUtility.HtmlDecode(await badKind.Content.ReadAsStringAsync(Ct));
        using var rename = await PostFormAsync(analyst, "/Zones?parent=510502", $"/Zones?handler=Update&code={code}", new() { ["Name"] = "江阳页面新园区", ["Kind"] = "园区" });
        using var retire = await PostFormAsync(analyst, "/Zones?parent=510502", $"/Zones?handler=Retire&code={code}", new() { ["On"] = "2024-01-01" });
        var after = await GetAsync(analyst, "/Zones?parent=510502&lang=en");
        var editorView = await GetAsync(editor, "/Zones?parent=江阳区");
        using var byEditor = await PostFormAsync(editor, "/Zones", "/Zones?handler=Add", new() { ["Parent"] = "510502", ["Name"] = "填报员园区" });

        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.StartsWith("/Zones?parent=510502&done=added:510502", location, StringComparison.Ordinal);
        Assert.Equal(9, code.Length);
        Assert.Contains($"<tr data-code=\"{code}\">", listed, StringComparison.Ordinal);
        Assert.Contains("江阳页面园区", listed, StringComparison.Ordinal);
        Assert.Contains("已新设园区 " + code, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badKind.StatusCode);
        Assert.Contains("园区类型“工业区”无效", badText, StringComparison.Ordinal);
        Assert.DoesNotContain("is not one of", badText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retire.StatusCode);
        Assert.Contains("江阳页面新园区", after, StringComparison.Ordinal);
        Assert.Contains("retired from 2024-01-01", after, StringComparison.Ordinal);
        Assert.Contains("江阳页面新园区", editorView, StringComparison.Ordinal);
        Assert.Contains("id=\"read-only\"", editorView, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"zone-add\"", editorView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, byEditor.StatusCode);
        Assert.Contains("/Auth/Denied", byEditor.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("填报员园区", await GetAsync(editor, "/Zones"), StringComparison.Ordinal);
    }
}
