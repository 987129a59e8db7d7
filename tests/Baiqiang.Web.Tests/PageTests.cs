using System.Net;
using System.Text;
using Baiqiang.Storage;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>The pages over HTTP as a browser sends them: cookies, antiforgery tokens, forms.</summary>
public sealed class PageTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-page-editor", "editor", 510502);
        await factory.EnsureUserAsync("locked-soon", "analyst");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Dashboard_Tongzhou_ShowsGdpAndPeerRankPhrase()
    {
        var html = await AdminPageAsync("/?region=320612");
        Assert.Contains("通州区", html, StringComparison.Ordinal);
        Assert.Contains("880.5", html, StringComparison.Ordinal);
        // The sample stores no other 南通 district's figures: a ranking of one is never worded 第1.
        Assert.Contains("对比组内其他地区暂无数据", html, StringComparison.Ordinal);
        Assert.DoesNotContain("增幅位居全市第1", html, StringComparison.Ordinal);
        Assert.Contains("同比增长7.8%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Jiangyang2021_RanksAgainstTheSamplesPublishedPeer()
    {
        // From the sample alone: 江阳区's 2021 GDP growth (9.8%, seed 000) against 泸县's (8.3%, its 2021 bulletin).
        var html = await AdminPageAsync("/?region=510502&period=2021");

        Assert.Contains("增幅位居全市第1", html, StringComparison.Ordinal);
        Assert.Contains("同比增长9.8%", html, StringComparison.Ordinal);
    }

    private async Task<string> AdminPageAsync(string url)
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        return await client.GetStringAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Dashboard_WithPeriod_LinksTheBriefingOfItsRegionAndPeriod()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var html = await client.GetStringAsync(new Uri("/?region=320612&period=2023-01..06", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Matches(@"id=""briefing-docx"" href=""/api/briefings\?region=320612&(amp;)?period=2023-01\.\.06&(amp;)?format=docx""", html);
        Assert.Contains("下载简报", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_LangEn_ShowsEnglishUploadForm()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var html = await client.GetStringAsync(new Uri("/Documents?lang=en", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Upload and extract", html, StringComparison.Ordinal);
        Assert.DoesNotContain("上传并抽取", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_LangEn_SwitchesToEnglishAndRemembersIt()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var ct = TestContext.Current.CancellationToken;
        var en = await client.GetStringAsync(new Uri("/?region=320612&lang=en", UriKind.Relative), ct);
        Assert.Contains("Report card", en, StringComparison.Ordinal);
        var again = await client.GetStringAsync(new Uri("/?region=320612", UriKind.Relative), ct);
        Assert.Contains("Key indicators", again, StringComparison.Ordinal);
        var zh = await client.GetStringAsync(new Uri("/?lang=zh", UriKind.Relative), ct);
        Assert.Contains("主要指标", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri("/Explorer", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task ImportPage_EditorOfJiangyang_CannotChangeTongzhou()
    {
        using var client = await factory.SignedInClientAsync("jy-page-editor", WebFactory.UserPassword);
        var ct = TestContext.Current.CancellationToken;
        var page = await client.GetStringAsync(new Uri("/Imports", UriKind.Relative), ct);
        var csv = "地区,指标,期别,数值,单位,同比增长\n320612,地区生产总值,2025年,1900.5,亿元,6.1\n";
        using var validate = await client.PostAsync(new Uri("/Imports?handler=Validate", UriKind.Relative), Form(csv, "tz.csv", WebFactory.Antiforgery(page)), ct);
        var report = await validate.Content.ReadAsStringAsync(ct);
        Assert.Contains("无权修改 320612", report, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"commit\"", report, StringComparison.Ordinal);

        // Posting the commit handler directly finds nothing staged: the refused file was never kept.
        using var commit = await client.PostAsync(new Uri("/Imports?handler=Commit", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebFactory.Antiforgery(report) }), ct);
        Assert.Contains("没有待导入的文件", await commit.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(320612, 2025));
    }

    [Fact]
    public async Task ImportPage_ValidateThenCommit_StoresRows()
    {
        using var client = await factory.SignedInClientAsync("jy-page-editor", WebFactory.UserPassword);
        var ct = TestContext.Current.CancellationToken;
        var page = await client.GetStringAsync(new Uri("/Imports", UriKind.Relative), ct);
        var csv = "地区,指标,期别,数值,单位,同比增长\n510502,地区生产总值,2025年,1600.5,亿元,6.1\n";
        using var validate = await client.PostAsync(new Uri("/Imports?handler=Validate", UriKind.Relative), Form(csv, "jy.csv", WebFactory.Antiforgery(page)), ct);
        var report = await validate.Content.ReadAsStringAsync(ct);
        Assert.Contains("id=\"commit\"", report, StringComparison.Ordinal);
        using var commit = await client.PostAsync(new Uri("/Imports?handler=Commit", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebFactory.Antiforgery(report) }), ct);
        Assert.Contains("已导入：新增 1 条", await commit.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(510502, 2025));
    }

    [Fact]
    public async Task ImportPage_PostWithoutAntiforgeryToken_IsRejected()
    {
        using var client = await factory.SignedInClientAsync("jy-page-editor", WebFactory.UserPassword);
        using var response = await client.PostAsync(new Uri("/Imports?handler=Validate", UriKind.Relative), Form("a,b\n", "x.csv", null), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AdminPage_Editor_IsDenied()
    {
        using var client = await factory.SignedInClientAsync("jy-page-editor", WebFactory.UserPassword);
        using var response = await client.GetAsync(new Uri("/Admin/Users", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Auth/Denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccount()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;
        string last = string.Empty;
        for (var i = 0; i < 6; i++)
        {
            var form = await client.GetStringAsync(new Uri("/Auth/Login", UriKind.Relative), ct);
            using var post = await client.PostAsync(new Uri("/Auth/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "locked-soon", ["Password"] = i == 5 ? WebFactory.UserPassword : "wrong-password", ["__RequestVerificationToken"] = WebFactory.Antiforgery(form),
            }), ct);
            last = await post.Content.ReadAsStringAsync(ct);
        }

        Assert.Contains("账号已锁定", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_BadRegionCode_IsAValidationProblemNotAStackTrace()
    {
        using var client = await factory.TokenClientAsync("admin");
        using var response = await client.GetAsync(new Uri("/api/dashboard/abc", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("区划代码", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explorer_ExportLink_ReturnsAnXlsxWorkbook()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var ct = TestContext.Current.CancellationToken;
        using var response = await client.GetAsync(new Uri("/api/observations/export?indicator=gdp&regions=320612,510502", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    internal static MultipartFormDataContent Form(string csv, string name, string? token)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, "file", name } };
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return form;
    }

    private async Task<int> CountAsync(int region, int year)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var code = new Core.Regions.RegionCode(region);
        return await db.Observations.CountAsync(o => o.RegionCode == code && o.PeriodYear == year, TestContext.Current.CancellationToken);
    }
}

/// <summary>A factory allowing three sign-in attempts a minute.</summary>
public sealed class StrictLoginFactory : WebFactory
{
    protected override int LoginPermitsPerMinute => 3;
}

public sealed class LoginRateLimitTests(StrictLoginFactory factory) : IClassFixture<StrictLoginFactory>
{
    [Fact]
    public async Task Login_FourthAttemptInAMinute_IsRateLimited()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var post = await client.PostAsync(new Uri("/Auth/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "nobody" }), ct);
            codes.Add(post.StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, codes[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[3]);
    }
}
