using System.Net;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>The 招商引资 and 企业服务 pages over HTTP: render, forms with antiforgery, refusals shown in the user's language.</summary>
public sealed class PipelineServicesPageTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-page", "editor", 510502);
        await PipelineServicesApiTests.EnsureDeskAsync(factory, "rs-page-desk", "区人社局");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/Pipeline?period=2023", "funnel-chart", "本期签约项目")]
    [InlineData("/Pipeline/Deals?stage=Lost", "AY2023-L1", "流失")]
    [InlineData("/Pipeline/Deal/AY2023-01", "阶段记录", "2023-01-02")]
    [InlineData("/Pipeline/Scoreboard?year=2022", "12 个月断档", "无签约、无落地、无开工")]
    [InlineData("/Services?q=", "企业库", "统一社会信用代码")]
    [InlineData("/Services/Requests", "col-Accepted", "超期")]
    [InlineData("/Services/Statistics?period=2023", "stats-chart", "解决率 = 已解决")]
    public async Task Page_Analyst_RendersInChinese(string path, string first, string second)
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(first, html, StringComparison.Ordinal);
        Assert.Contains(second, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Pipeline?period=2023&lang=en", "deals signed in the period")]
    [InlineData("/Pipeline/Scoreboard?year=2022&lang=en", "no signing, no landing, no start")]
    [InlineData("/Services/Requests?lang=en", "overdue")]
    [InlineData("/Services/Statistics?period=2023&lang=en", "Median days to resolve")]
    public async Task Page_English_RendersInEnglish(string path, string expected)
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_BadPeriod_ShowsValidationMessageNotError()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri("/Pipeline?period=abc&region=12", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("区划代码应为6位或9位数字", html, StringComparison.Ordinal);
        Assert.DoesNotContain("region code must be", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DealForms_JiangyangEditor_CreatesAdvancesAndIsRefusedBilingually()
    {
        using var client = await factory.SignedInClientAsync("jy-page", WebFactory.UserPassword);
        var list = await client.GetStringAsync(new Uri("/Pipeline/Deals", UriKind.Relative), Ct);
        using var create = await client.PostAsync(new Uri("/Pipeline/Deals?handler=Create", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = "JY-P1", ["Input.Name"] = "页面新建项目", ["Input.Region"] = "510502", ["Input.InvestorName"] = "页面投资方",
            ["Input.InvestorType"] = "Private", ["Input.LeadOn"] = "2024-06-01", ["Input.Source"] = "Exhibition", ["Input.PlannedInvestment"] = "8000",
            ["__RequestVerificationToken"] = WebFactory.Antiforgery(list),
        }), Ct);
        Assert.Contains("id=\"created\"", await create.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var tongzhou = await client.PostAsync(new Uri("/Pipeline/Deals?handler=Create", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = "TZ-P1", ["Input.Name"] = "越权项目", ["Input.Region"] = "320612", ["Input.InvestorName"] = "某投资方",
            ["Input.InvestorType"] = "Private", ["Input.LeadOn"] = "2024-06-01", ["Input.PlannedInvestment"] = "8000",
            ["__RequestVerificationToken"] = WebFactory.Antiforgery(list),
        }), Ct);
        Assert.Contains("无权修改 320612", await tongzhou.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri("/Pipeline/Deal/JY-P1", UriKind.Relative), Ct);
        Assert.Contains("id=\"advance\"", page, StringComparison.Ordinal);
        using var early = await client.PostAsync(new Uri("/Pipeline/Deal/JY-P1?handler=Advance&lang=en", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Stage"] = "Signed", ["On"] = "2024-01-01", ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
        }), Ct);
        var earlyHtml = await early.Content.ReadAsStringAsync(Ct);
        Assert.Contains("stage dates are out of order", earlyHtml, StringComparison.Ordinal);
        using var ok = await client.PostAsync(new Uri("/Pipeline/Deal/JY-P1?handler=Advance&lang=zh", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Stage"] = "Signed", ["On"] = "2024-07-01", ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
        }), Ct);
        var okHtml = await ok.Content.ReadAsStringAsync(Ct);
        Assert.Contains("阶段已更新", okHtml, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"stage\">签约</strong>", okHtml, StringComparison.Ordinal);

        // The Anyi park deals are outside Jiangyang: no form.
        var anyi = await client.GetStringAsync(new Uri("/Pipeline/Deal/AY2023-L2", UriKind.Relative), Ct);
        Assert.DoesNotContain("id=\"advance\"", anyi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestForms_DepartmentDesk_ClosesOwnAndIsRefusedOthers()
    {
        using var client = await factory.SignedInClientAsync("rs-page-desk", WebFactory.UserPassword);
        var board = await client.GetStringAsync(new Uri("/Services/Requests", UriKind.Relative), Ct);
        var token = WebFactory.Antiforgery(board);
        using var noReason = await client.PostAsync(new Uri("/Services/Requests?handler=Close", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Id"] = "JY-2023-R12", ["Outcome"] = "Resolved", ["On"] = "2023-04-01", ["Resolution"] = "", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Contains("须填写办理结果", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var other = await client.PostAsync(new Uri("/Services/Requests?handler=Close", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Id"] = "JY-2023-R09", ["Outcome"] = "Resolved", ["On"] = "2023-04-01", ["Resolution"] = "越权", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Contains("无权修改 510502", await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var own = await client.PostAsync(new Uri("/Services/Requests?handler=Close", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Id"] = "JY-2023-R17", ["Outcome"] = "Unresolvable", ["On"] = "2023-04-01", ["Resolution"] = "企业已迁出", ["__RequestVerificationToken"] = token,
        }), Ct);
        var ownHtml = await own.Content.ReadAsStringAsync(Ct);
        Assert.Contains("JY-2023-R17: 已办结", ownHtml, StringComparison.Ordinal);
        Assert.Contains("企业已迁出", ownHtml, StringComparison.Ordinal);
    }
}
