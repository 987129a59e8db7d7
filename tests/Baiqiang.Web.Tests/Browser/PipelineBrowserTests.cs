using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on the 招商引资 pages: sign in, see the funnel drawn by ECharts with Chinese labels, advance a
/// deal's stage through the form. Screenshots go to the test output's screenshots/ folder. Skips without chromium,
/// fails under CI=true.
/// </summary>
public sealed class PipelineBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task Funnel_ChartAndAdvanceForm_InChromium()
    {
        await factory.EnsureUserAsync("anyi-editor", "editor", 360123401);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        await chromium.SignInAsync("anyi-editor", WebFactory.UserPassword);

        // The funnel, drawn by ECharts with Chinese stage labels.
        await page.GotoAsync("/Pipeline?period=2023");
        await ChromiumSession.WaitForRenderedAsync(page, "#funnel-chart");
        var title = await page.EvaluateAsync<string>("() => echarts.getInstanceByDom(document.getElementById('funnel-chart')).getOption().title[0].text");
        Assert.Contains("招商引资漏斗", title, StringComparison.Ordinal);
        var names = await page.EvaluateAsync<string[]>("() => echarts.getInstanceByDom(document.getElementById('funnel-chart')).getOption().series[0].data.map(d => d.name)");
        Assert.Equal(["线索", "洽谈", "签约", "落地", "开工", "投产"], names);
        var labels = await page.EvaluateAsync<string[]>("() => echarts.getInstanceByDom(document.getElementById('funnel-chart')).getOption().series[1].data.map(d => d.label)");
        Assert.Contains(labels, l => l.StartsWith("签约 ", StringComparison.Ordinal) && l.EndsWith("亿元", StringComparison.Ordinal));
        var canvasInk = await ChromiumSession.CanvasInkAsync(page, "funnel-chart");
        Assert.True(canvasInk > 1000, "the funnel canvas is blank");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "pipeline-funnel.png"), FullPage = true });

        // Advance a deal through the form: first a date before its lead date (refused), then a valid one.
        await page.GotoAsync("/Pipeline/Deal/AY2023-L2");
        await page.SelectOptionAsync("select[name=Stage]", "Negotiating");
        await page.FillAsync("input[name=On]", "2023-08-01");
        await page.ClickAsync("#advance-submit");
        Assert.Contains("阶段日期顺序错误", await page.TextContentAsync("#errors"), StringComparison.Ordinal);
        await page.SelectOptionAsync("select[name=Stage]", "Negotiating");
        await page.FillAsync("input[name=On]", "2023-10-01");
        await page.ClickAsync("#advance-submit");
        await page.WaitForSelectorAsync("#message");
        Assert.Equal("洽谈", await page.TextContentAsync("#stage"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "pipeline-deal.png"), FullPage = true });

        await page.GotoAsync("/Services/Requests");
        await page.WaitForSelectorAsync("#board");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "services-requests.png"), FullPage = true });
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }
}
