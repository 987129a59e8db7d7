using System.Text.RegularExpressions;
using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on the period and region boxes: a person types 2022年上半年 and 江阳 into the report card and
/// sees 江阳区's half-year figures under a canonical URL; the picker's 上半年 shortcut writes the canonical value; the
/// region box suggests names as typed, and on a posted form (a new deal) a picked suggestion is submitted as its code. And every main page in English (<c>?lang=en</c>): no script errors, English
/// navigation and title. Skips without chromium, fails under CI=true.
/// </summary>
public sealed partial class InputsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Fact]
    public async Task ReportCard_TypedPeriodAndRegionName_ShowsTheFigures_InChromium()
    {
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        var pageErrors = new List<string>();
        page.PageError += (_, e) => pageErrors.Add(e);
        await chromium.SignInAsync("admin", WebFactory.AdminPassword);

        await page.GotoAsync("/?region=320612");
        await page.WaitForSelectorAsync("#period-input-period[data-ready=true]");
        await page.FillAsync("#dashboard-filter input[name=region]", "江阳");
        await page.FillAsync("#dashboard-filter input[name=period]", "2022年上半年");
        await page.ClickAsync("#dashboard-filter button[type=submit]");
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("region=510502", StringComparison.Ordinal));
        Assert.Contains("period=2022-01..06", page.Url, StringComparison.Ordinal);
        var table = await page.TextContentAsync("#indicators");
        Assert.Contains("228.09", table, StringComparison.Ordinal);
        Assert.Contains("同比增长5.8%", table, StringComparison.Ordinal);
        Assert.Contains("江阳区", await page.TextContentAsync("h1"), StringComparison.Ordinal);
        Assert.Equal("2022-01..06", await page.InputValueAsync("#dashboard-filter input[name=period]"));

        // The picker: year 2023, the 上半年 shortcut writes the canonical value into the box.
        await page.FillAsync("#period-input-period [data-part=year]", "2023");
        await page.ClickAsync("#period-input-period button:text-is('上半年')");
        Assert.Equal("2023-01..06", await page.InputValueAsync("#dashboard-filter input[name=period]"));

        // The region box suggests as typed (from /api/regions/suggest).
        await page.FillAsync("#dashboard-filter input[name=region]", "通州");
        await page.WaitForSelectorAsync("#region-input-region input[data-suggested]");
        var options = await page.EvalOnSelectorAllAsync<string[]>("#region-input-region-choices option", "os => os.map(o => o.value)");
        Assert.Contains("320612", options);

        // An unreadable period: the reason beside the box, not an error page.
        await page.FillAsync("#dashboard-filter input[name=region]", "江阳区");
        await page.FillAsync("#dashboard-filter input[name=period]", "2022年3-5月");
        await page.ClickAsync("#dashboard-filter button[type=submit]");
        var reason = await page.WaitForSelectorAsync("#period-input-period-error");
        Assert.Contains("不是统计口径的期别", await reason!.TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(pageErrors);
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }

    [Fact]
    public async Task DealForm_TypeNamePickSuggestionAndSubmit_CreatesInThatRegion_InChromium()
    {
        await factory.EnsureUserAsync("inputs-jy-editor", "editor", 510502);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        var pageErrors = new List<string>();
        page.PageError += (_, e) => pageErrors.Add(e);
        await chromium.SignInAsync("inputs-jy-editor", WebFactory.UserPassword);

        await page.GotoAsync("/Pipeline/Deals");
        await page.FillAsync("#create-deal input[name='Input.Code']", "JY-BR-1");
        await page.FillAsync("#create-deal input[name='Input.Name']", "浏览器地区名称项目");
        await page.FillAsync("#create-deal input[name='Input.InvestorName']", "某投资方");
        await page.FillAsync("#create-deal input[name='Input.LeadOn']", "2024-06-01");
        // A person types the name; the suggestions appear under the box; picking one puts its code in the box.
        await page.Locator("#create-deal input[name='Input.Region']").PressSequentiallyAsync("江阳");
        var suggestion = await page.WaitForSelectorAsync("#region-input-Input-Region-suggestions button[data-code='510502']");
        Assert.Contains("泸州市江阳区", await suggestion!.TextContentAsync(), StringComparison.Ordinal);
        await suggestion.ClickAsync();
        Assert.Equal("510502", await page.InputValueAsync("#create-deal input[name='Input.Region']"));
        Assert.True(await page.Locator("#region-input-Input-Region-suggestions").IsHiddenAsync());
        await page.ClickAsync("#create-deal button[type=submit]");

        await page.WaitForSelectorAsync("#created");
        Assert.Contains("JY-BR-1", await page.TextContentAsync("#created"), StringComparison.Ordinal);
        await page.GotoAsync("/Pipeline/Deal/JY-BR-1");
        Assert.Contains("江阳区（510502）", await page.TextContentAsync("main"), StringComparison.Ordinal);
        Assert.Empty(pageErrors);
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }

    [Fact]
    public async Task MainPages_LangEn_EnglishNavigationAndNoErrors_InChromium()
    {
        string[] pages =
        [
            "/", "/Explorer", "/Imports", "/Documents", "/Projects", "/Projects/Warnings", "/Projects/HonorRoll", "/Pipeline",
            "/Pipeline/Deals", "/Pipeline/Scoreboard", "/Services", "/Services/Statistics", "/Services/Requests", "/Rankings",
            "/PeerGroups", "/Indicators", "/Targets", "/Zones", "/Notifications", "/Admin/Users", "/Admin/Audit", "/Auth/Tokens",
        ];
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        var pageErrors = new List<string>();
        page.PageError += (_, e) => pageErrors.Add(e);
        await chromium.SignInAsync("admin", WebFactory.AdminPassword);
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en");
            Assert.True(response is { Ok: true }, $"{path}: HTTP {response?.Status}");
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
            var nav = await page.TextContentAsync("header nav") ?? string.Empty;
            Assert.Contains("Report card", nav, StringComparison.Ordinal);
            Assert.False(Chinese().IsMatch(nav), $"{path}: Chinese in the navigation: {nav}");
            var title = await page.TitleAsync();
            Assert.False(Chinese().IsMatch(title), $"{path}: Chinese in the title: {title}");
            var h1 = await page.TextContentAsync("h1") ?? string.Empty;
            Assert.False(Chinese().IsMatch(h1.Replace("江阳区", string.Empty, StringComparison.Ordinal)), $"{path}: Chinese in the heading: {h1}");
            Assert.True(pageErrors.Count == 0, $"{path}: {string.Join("\n", pageErrors)}");
            Assert.True(chromium.ConsoleErrors.Count == 0, $"{path}: {string.Join("\n", chromium.ConsoleErrors)}");
        }

        // The language stays English on the next page without ?lang (remembered in a cookie).
        await page.GotoAsync("/Rankings");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }
}
