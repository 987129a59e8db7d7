using Baiqiang.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>The app on a real Kestrel port, for a real browser.</summary>
public sealed class KestrelWebFactory : WebFactory
{
    public KestrelWebFactory() => UseKestrel(0);

    public string BaseUrl
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        }
    }
}

/// <summary>
/// Real headless Chromium (Debian's /usr/bin/chromium) driving the pages: sign in, import a file, see the report card's
/// chart drawn with Chinese labels, switch language. Screenshots of each main page go to the test output's
/// screenshots/ folder. Skips when chromium is missing, but fails under CI=true.
/// </summary>
public sealed class BrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task SignIn_Import_Dashboard_Language_InChromium()
    {
        await factory.EnsureUserAsync("browser-editor", "editor", 510502);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        var consoleErrors = chromium.ConsoleErrors;
        var screenshots = ChromiumSession.ScreenshotFolder;

        // Sign in.
        await page.GotoAsync("/");
        Assert.Contains("/Auth/Login", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "login.png") });
        await page.FillAsync("input[name=UserName]", "browser-editor");
        await page.FillAsync("input[name=Password]", WebFactory.UserPassword);
        await page.ClickAsync("#login");
        await ChromiumSession.WaitForPageAsync(page, url => !url.Contains("/Auth/Login", StringComparison.Ordinal));

        // Import a file: validate, read the report, commit.
        var csv = Path.Combine(Path.GetTempPath(), $"jiangyang-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv,
            "地区,指标,期别,数值,单位,同比增长\n510502,一般公共预算收入,2020年,20.1,亿元,8.2\n510502,一般公共预算收入,2021年,22.35,亿元,11.2\n510502,一般公共预算收入,2022年,24.6,亿元,10.1\n",
            TestContext.Current.CancellationToken);
        await page.GotoAsync("/Imports");
        await page.SetInputFilesAsync("input[type=file]", csv);
        await page.ClickAsync("#validate");
        await page.WaitForSelectorAsync("#report-summary");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "imports.png"), FullPage = true });
        await page.ClickAsync("#commit");
        var result = await page.TextContentAsync("#commit-result");
        Assert.Contains("已导入：新增 2 条，修订 1 条", result, StringComparison.Ordinal);
        File.Delete(csv);

        // The report card's chart, drawn by ECharts, with Chinese labels.
        await page.GotoAsync("/?region=510502&period=2022&trend=budget_revenue");
        await ChromiumSession.WaitForRenderedAsync(page, "#trend-chart");
        var title = await page.EvaluateAsync<string>("() => echarts.getInstanceByDom(document.getElementById('trend-chart')).getOption().title[0].text");
        Assert.Contains("江阳区", title, StringComparison.Ordinal);
        Assert.Contains("一般公共预算收入", title, StringComparison.Ordinal);
        var categories = await page.EvaluateAsync<string[]>("() => echarts.getInstanceByDom(document.getElementById('trend-chart')).getOption().xAxis[0].data");
        Assert.Equal(["2020年", "2021年", "2022年"], categories);
        var canvasInk = await ChromiumSession.CanvasInkAsync(page, "trend-chart");
        Assert.True(canvasInk > 1000, "the chart canvas is blank");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard.png"), FullPage = true });

        // The indicator explorer, with its chart.
        await page.GotoAsync("/Explorer?indicator=budget_revenue&regions=510502,320612");
        await ChromiumSession.WaitForRenderedAsync(page, "#explorer-chart");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "explorer.png"), FullPage = true });

        // Switch language: the same page in English, remembered on the next page.
        await page.GotoAsync("/?region=510502&period=2022&trend=budget_revenue");
        await page.ClickAsync("#lang-switch");
        await page.WaitForSelectorAsync("text=Key indicators");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await ChromiumSession.WaitForRenderedAsync(page, "#trend-chart");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-en.png"), FullPage = true });
        await page.GotoAsync("/Imports");
        Assert.Contains("Import data", await page.TextContentAsync("h1"), StringComparison.Ordinal);
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task AdminPages_InChromium_RenderForTheAdministrator()
    {
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        var screenshots = ChromiumSession.ScreenshotFolder;
        await chromium.SignInAsync("admin", WebFactory.AdminPassword);
        await page.GotoAsync("/Admin/Users");
        Assert.Contains("admin", await page.TextContentAsync("#users"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-users.png"), FullPage = true });
        await page.GotoAsync("/Admin/Audit");
        await page.WaitForSelectorAsync("#audit");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "admin-audit.png") });
    }
}
