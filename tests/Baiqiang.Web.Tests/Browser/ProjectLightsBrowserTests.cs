using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on the ledger's 亮灯: every project row shows its colour as a word (绿灯/黄灯/红灯) with the
/// reason beside it, and the colour drawn matches the word; the 红黑榜 page offers its XLSX. Skips without chromium,
/// fails under CI=true.
/// </summary>
public sealed class ProjectLightsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task Ledger_Lights_ShowWordReasonAndMatchingColour_InChromium()
    {
        await factory.EnsureUserAsync("jy-light-viewer", "editor", 510502);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl, 1600);
        var page = chromium.Page;
        await chromium.SignInAsync("jy-light-viewer", WebFactory.UserPassword);

        await page.GotoAsync("/Projects?period=2022-01..06&by=project&region=510502&today=2022-07-10");
        await page.WaitForSelectorAsync("#ledger");
        var cells = page.Locator("#ledger tbody td.light-cell");
        var count = await cells.CountAsync();
        Assert.True(count > 1, "the ledger shows a light per row");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var cell = cells.Nth(i);
            var color = await cell.GetAttributeAsync("data-light");
            var word = (await cell.Locator(".light").TextContentAsync())!.Trim();
            var reason = (await cell.Locator(".light-reason").TextContentAsync())!.Trim();
            var background = await cell.Locator(".light").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            var (expectedWord, expectedBackground) = color switch
            {
                "green" => ("绿灯", "rgb(227, 245, 232)"),
                "yellow" => ("黄灯", "rgb(255, 244, 204)"),
                "red" => ("红灯", "rgb(253, 226, 226)"),
                _ => ("无灯", "rgb(238, 238, 238)"),
            };
            Assert.Equal(expectedWord, word);
            Assert.Equal(expectedBackground, background);
            Assert.StartsWith(color == "none" ? "无年度计划投资" : "完成率", reason, StringComparison.Ordinal);
            if (color != "none")
            {
                Assert.Contains("序时进度50.0%", reason, StringComparison.Ordinal);
            }
            seen.Add(color!);
        }

        Assert.True(seen.Count >= 2, "more than one colour: " + string.Join(",", seen));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-lights.png"), FullPage = true });

        await page.GotoAsync("/Projects/HonorRoll?period=2022-01..06&by=unit&top=3&today=2022-07-10");
        await page.WaitForSelectorAsync("table.honor");
        Assert.Contains("format=xlsx", await page.GetAttributeAsync("#honor-xlsx", "href"), StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#honor-xlsx"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-honor-roll.png"), FullPage = true });
    }
}
