using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Core.Services;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>Desk entry over HTTP: the JSON API (POST/PUT) and the forms, with the import's rules, region rights (403) and
/// errors that keep what was typed, in Chinese and under ?lang=en in English.</summary>
public sealed class DeskEntryTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("desk-jy", "editor", 510502);
        await factory.EnsureUserAsync("desk-nx", "editor", 510503);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static string Code(int n, string division)
    {
        var body = "91" + division + n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    private async Task<string> EnterpriseAsync(string user, int n, string division, string name)
    {
        using var client = await factory.TokenClientAsync(user);
        var code = Code(n, division);
        using var created = await client.PostAsJsonAsync("/api/services/enterprises", new { creditCode = code, name, region = division }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return code;
    }

    [Fact]
    public async Task Api_EnterpriseVisitRequestCashOut_StoredLinkedAndRuled()
    {
        var code = await EnterpriseAsync("desk-jy", 9001, "510502", "江阳接口企业");
        var naxi = await EnterpriseAsync("desk-nx", 9002, "510503", "纳溪接口企业");
        using var client = await factory.TokenClientAsync("desk-jy");

        using var badCode = await client.PostAsJsonAsync("/api/services/enterprises", new { creditCode = code[..17] + (code[17] == '0' ? "1" : "0"), name = "错码", region = "510502" }, Ct);
        using var renamed = await client.PutAsJsonAsync($"/api/services/enterprises/{code}", new { name = "江阳接口企业（更名）", region = "510502", tags = "规上" }, Ct);
        using var visit = await client.PostAsJsonAsync("/api/services/visits", new
        {
            date = "2024-06-03", visitors = "接口走访组", creditCode = code, topics = "用工",
            requestCategory = "用工", requestDepartment = "区人社局", requestDeadline = "2024-07-03", requestDescription = "招工",
        }, Ct);
        var visitId = (await visit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        using var raised = await client.PostAsJsonAsync("/api/services/requests", new { visitId, category = "审批", department = "区行政审批局", deadline = "2024-06-20", description = "环评加快" }, Ct);
        var requestId = (await raised.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        using var noResolution = await client.PostAsJsonAsync($"/api/services/requests/{requestId}/close", new { outcome = "Resolved", on = "2024-06-10", resolution = "" }, Ct);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/services/requests/{requestId}", Ct);
        var visitDetail = await client.GetFromJsonAsync<JsonElement>($"/api/services/visits/{visitId}", Ct);
        using var own = await client.PostAsJsonAsync("/api/services/cashouts", new { creditCode = code, programme = "稳岗补贴", amount = "3.5", date = "2024-06-04" }, Ct);
        using var foreign = await client.PostAsJsonAsync("/api/services/cashouts", new { creditCode = naxi, programme = "稳岗补贴", amount = "3.5", date = "2024-06-04" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Contains("校验位错误", (await badCode.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("credit_code")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noResolution.StatusCode);
        Assert.Equal(visitId, detail.GetProperty("visitId").GetString());
        Assert.Equal("2024-06-20", detail.GetProperty("request").GetProperty("deadline").GetString());
        Assert.Null(detail.GetProperty("history")[0].GetProperty("field").GetString());
        Assert.Equal(2, visitDetail.GetProperty("requests").GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var board = await client.GetFromJsonAsync<JsonElement>("/api/services/requests?region=510503", Ct);
        Assert.DoesNotContain(board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("requests").EnumerateArray()), r => r.GetProperty("id").GetString() == requestId);
        using var badRegion = await client.GetAsync(new Uri("/api/services/statistics?region=12", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badRegion.StatusCode);
    }

    [Fact]
    public async Task CashOutForm_EnterpriseOutsideRegion_403AndFormKeepsWhatWasTyped()
    {
        var naxi = await EnterpriseAsync("desk-nx", 9010, "510503", "纳溪表单企业");
        using var client = await factory.SignedInClientAsync("desk-jy", WebFactory.UserPassword);
        var form = await client.GetStringAsync(new Uri("/Services/CashOutForm", UriKind.Relative), Ct);

        using var post = await client.PostAsync(new Uri("/Services/CashOutForm", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CreditCode"] = naxi, ["Input.Programme"] = "越权兑现测试", ["Input.Kind"] = "奖补", ["Input.Amount"] = "7.25", ["Input.Date"] = "2024-06-04",
            ["__RequestVerificationToken"] = WebFactory.Antiforgery(form),
        }), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var html = await post.Content.ReadAsStringAsync(Ct);
        Assert.Contains("无权修改 510503", html, StringComparison.Ordinal);
        Assert.Contains("value=\"越权兑现测试\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"7.25\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterpriseForm_BadCheckDigitInEnglish_SaysWhyAndKeepsTyped()
    {
        using var client = await factory.SignedInClientAsync("desk-jy", WebFactory.UserPassword);
        var form = await client.GetStringAsync(new Uri("/Services/EnterpriseForm?lang=en", UriKind.Relative), Ct);
        var good = Code(9020, "510502");
        var bad = good[..17] + (good[17] == '0' ? "1" : "0");

        using var post = await client.PostAsync(new Uri("/Services/EnterpriseForm?lang=en", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CreditCode"] = bad, ["Input.Name"] = "Typed Name Kept", ["Input.Region"] = "510502", ["Input.Tags"] = "规上",
            ["__RequestVerificationToken"] = WebFactory.Antiforgery(form),
        }), Ct);
        using var ok = await client.PostAsync(new Uri("/Services/EnterpriseForm", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CreditCode"] = good, ["Input.Name"] = "表单企业", ["Input.Region"] = "510502",
            ["__RequestVerificationToken"] = WebFactory.Antiforgery(form),
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = await post.Content.ReadAsStringAsync(Ct);
        Assert.Contains("fails its check digit", html, StringComparison.Ordinal);
        Assert.DoesNotContain("校验位错误", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed Name Kept\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{bad}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal($"/Services/Enterprise/{good}?saved=1", ok.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task RequestPage_CloseWithoutResolution_RefusedInChineseWithHistoryAndDeadline()
    {
        var code = await EnterpriseAsync("desk-jy", 9030, "510502", "江阳办结企业");
        using var api = await factory.TokenClientAsync("desk-jy");
        using var raised = await api.PostAsJsonAsync("/api/services/requests", new { creditCode = code, category = "用地", department = "区自然资源局", raisedOn = "2024-05-01", deadline = "2024-05-31" }, Ct);
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        using var client = await factory.SignedInClientAsync("desk-jy", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri($"/Services/Request/{id}", UriKind.Relative), Ct);

        using var post = await client.PostAsync(new Uri($"/Services/Request/{id}?handler=Close", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Outcome"] = "Resolved", ["On"] = "2024-05-20", ["Resolution"] = "",
            ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
        }), Ct);

        var html = await post.Content.ReadAsStringAsync(Ct);
        Assert.Contains("办结为已解决须填写办理结果", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2024-05-20\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"history\"", page, StringComparison.Ordinal);
        Assert.Contains("2024-05-31", page, StringComparison.Ordinal);
        Assert.Contains("id=\"close-form\"", html, StringComparison.Ordinal);
    }
}
