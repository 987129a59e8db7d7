using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on 指标目录: an analyst follows the navigation to the catalogue, finds 地区生产总值 by its traditional
/// name, adds an indicator through the form and sees it listed and on its own page; a county editor sees the list read-only and
/// is refused the edit form (403 → the denied page). Screenshots go to the test output's screenshots/ folder.
/// </summary>
public sealed class IndicatorsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task Analyst_SearchesAndAddsIndicator_EditorIsRefused_InChromium()
    {
        await factory.EnsureUserAsync("ind-browser", "analyst");
        await factory.EnsureUserAsync("ind-browser-editor", "editor", 510502);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        await chromium.SignInAsync("ind-browser", WebFactory.UserPassword);

        await page.ClickAsync("header nav a:text('指标目录')");
        await page.WaitForSelectorAsync("#indicators");
        Assert.True(await page.Locator("#indicators tbody tr").CountAsync() >= 250);
        await page.FillAsync("#q", "地區生產總值");
        await page.ClickAsync("#indicator-filter button[type=submit]");
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("q=", StringComparison.Ordinal));
        var gdp = page.Locator("#indicators tr[data-code='gdp']");
        Assert.Equal("地区生产总值", (await gdp.Locator("td").Nth(1).TextContentAsync())!.Trim());
        Assert.Equal("亿元", (await gdp.Locator("td").Nth(2).TextContentAsync())!.Trim());
        Assert.Equal("是", (await gdp.Locator("td").Nth(8).TextContentAsync())!.Trim());

        await page.ClickAsync("#new-indicator");
        await page.WaitForSelectorAsync("#indicator-form");
        await page.FillAsync("input[name='Input.Code']", "browser_digital_economy");
        await page.FillAsync("input[name='Input.NameZh']", "数字经济产业增加值");
        await page.FillAsync("input[name='Input.NameEn']", "value added of digital-economy industries");
        await page.FillAsync("input[name='Input.Unit']", "亿元");
        await page.FillAsync("input[name='Input.Category']", "综合");
        await page.FillAsync("input[name='Input.Parent']", "gdp");
        await page.CheckAsync("input[name='Input.ComparableGrowth']");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "indicators-form.png"), FullPage = true });
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#message");

        Assert.Contains("已保存指标 browser_digital_economy", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        var row = page.Locator("#indicators tr[data-code='browser_digital_economy']");
        Assert.Equal("数字经济产业增加值", (await row.Locator("td").Nth(1).TextContentAsync())!.Trim());
        Assert.Equal("地区生产总值", (await row.Locator("td").Nth(7).TextContentAsync())!.Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "indicators-list.png"), FullPage = true });
        await row.Locator("a:text('browser_digital_economy')").ClickAsync();
        await page.WaitForSelectorAsync("#indicator");
        Assert.Contains("數字經濟產業增加值", await page.TextContentAsync("#aliases"), StringComparison.Ordinal);

        // A county editor reads the same catalogue but cannot edit it.
        var editorPage = await chromium.NewPageAsync();
        await ChromiumSession.SignInAsync(editorPage, "ind-browser-editor", WebFactory.UserPassword);
        await editorPage.GotoAsync("/Indicators?q=browser_digital_economy");
        Assert.Equal(1, await editorPage.Locator("#indicators tr[data-code='browser_digital_economy']").CountAsync());
        Assert.Equal(0, await editorPage.Locator("#new-indicator").CountAsync());
        Assert.Equal(1, await editorPage.Locator("#read-only").CountAsync());
        await editorPage.GotoAsync("/Indicators/Edit?code=gdp");
        Assert.Contains("/Auth/Denied", editorPage.Url, StringComparison.Ordinal);
        Assert.Equal(0, await editorPage.Locator("#indicator-form").CountAsync());

        // The page's own session (cookie + antiforgery token from the sign-out form) asking the API to change an indicator: 403.
        var status = await editorPage.EvaluateAsync<int>(@"async () => {
            const token = document.querySelector('input[name=__RequestVerificationToken]').value;
            const r = await fetch('/api/indicators/gdp', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token },
                body: JSON.stringify({ nameZh: '填报员改名' }) });
            return r.status; }");
        Assert.Equal(403, status);
        Assert.True(chromium.ConsoleErrors.All(e => e.Contains("403", StringComparison.Ordinal)), string.Join("\n", chromium.ConsoleErrors));
    }
}
