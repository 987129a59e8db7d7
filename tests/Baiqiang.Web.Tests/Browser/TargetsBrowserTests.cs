using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on 目标管理: an editor of 江阳区 follows the report card's 管理目标 link, adds a target through the
/// form and sees it with its progress back on the report card. Screenshots go to the test output's screenshots/ folder.
/// Skips without chromium, fails under CI=true.
/// </summary>
public sealed class TargetsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task EditorAddsTarget_SeesItWithProgressOnTheDashboard_InChromium()
    {
        await factory.EnsureUserAsync("jy-target-editor", "editor", 510502);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        await chromium.SignInAsync("jy-target-editor", WebFactory.UserPassword);

        // From the report card's 目标进度 section to the page.
        await page.GotoAsync("/?region=510502");
        await page.ClickAsync("#manage-targets");
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("/Targets?region=510502", StringComparison.Ordinal));
        Assert.Contains("目标管理 · 江阳区", await page.TextContentAsync("h1"), StringComparison.Ordinal);

        // A wrong unit first: refused with the store's message, the form keeps what was typed.
        await page.SelectOptionAsync("#subject", "retail_sales");
        await page.FillAsync("input[name=Deadline]", "2022年");
        await page.FillAsync("input[name=Value]", "450");
        await page.FillAsync("input[name=Unit]", "家");
        await page.ClickAsync("#target-submit");
        await page.WaitForSelectorAsync("#errors");
        Assert.Contains("单位“家”不能换算为指标“社会消费品零售总额”的单位“亿元”", await page.TextContentAsync("#errors"), StringComparison.Ordinal);
        Assert.Equal("450", await page.InputValueAsync("input[name=Value]"));

        await page.SelectOptionAsync("#subject", "retail_sales");
        await page.FillAsync("input[name=Unit]", "亿元");
        await page.FillAsync("input[name=Description]", "全年社会消费品零售总额450亿元以上");
        await page.ClickAsync("#target-submit");
        await page.WaitForSelectorAsync("#message");
        var row = page.Locator("#target-510502-retail_sales-2022");
        Assert.Contains("50.69%", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("50.69", await row.Locator("progress.done").GetAttributeAsync("value"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "targets.png"), FullPage = true });

        // Back on the report card: the target with its progress against time elapsed.
        await page.GotoAsync("/?region=510502");
        var line = page.Locator("#targets tr", new PageLocatorOptions { HasText = "全年社会消费品零售总额450亿元以上" });
        var text = await line.TextContentAsync();
        Assert.Contains("50.69% / 50%", text, StringComparison.Ordinal);
        Assert.Contains("进度正常", text, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "dashboard-targets.png"), FullPage = true });
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }
}
