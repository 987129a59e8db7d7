using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium at phone size (390 × 844): an editor of 江阳区 fills and submits the monthly form without
/// horizontal scrolling and with touch-sized inputs; a reviewer approves the 2022 plan (the baseline); the editor's
/// project page shows baseline against current, draws the Gantt chart, refuses a re-plan without a reason and keeps one
/// with a reason. Screenshots go to the test output's screenshots/ folder. Skips without chromium, fails under CI=true.
/// </summary>
public sealed class PhoneBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    private const int Width = 390;
    private const int Height = 844;

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth");

    [Fact]
    public async Task MonthlyFormAndProjectPage_AtPhoneSize_FillSubmitReplanAndGantt_InChromium()
    {
        await factory.EnsureUserAsync("jy-phone-editor", "editor", 510502);
        await factory.EnsureUserAsync("jy-phone-reviewer", "reviewer", 510502);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl, Width, Height);
        var page = chromium.Page;
        await chromium.SignInAsync("jy-phone-editor", WebFactory.UserPassword);

        await page.GotoAsync("/Projects/Form?region=510502&month=2022-07");
        await page.WaitForSelectorAsync("#grid");
        Assert.False(await ScrollsSidewaysAsync(page), "the monthly form scrolls sideways at 390 px");
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('#grid-form input:not([type=hidden]), #grid-form button, #form-scope input, #form-scope button')].map(e => e.getBoundingClientRect().height))");
        Assert.True(smallest >= 44, $"a control of the form is {smallest} px tall; touch needs 44");

        var row = page.Locator("#line-JY-S03");
        await row.Locator("input.this-month").FillAsync("1200");
        await row.Locator("input[name$=Progress]").FillAsync("钢结构吊装");
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("已保存并提交 1 个项目的月报", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.Contains("已提交", await page.TextContentAsync("#line-JY-S03 .state"), StringComparison.Ordinal);
        Assert.False(await ScrollsSidewaysAsync(page), "the saved monthly form scrolls sideways at 390 px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-form-phone.png"), FullPage = true });

        // A reviewer approves the 2022 plan of 江阳区 from the ledger's button: JY-S08's 二期主体开工 (2022-05-31) becomes its baseline.
        var reviewer = await chromium.NewPageAsync(Width, Height);
        await ChromiumSession.SignInAsync(reviewer, "jy-phone-reviewer", WebFactory.UserPassword);
        await reviewer.GotoAsync("/Projects");
        await reviewer.ClickAsync("#approve-plan");
        await reviewer.FillAsync("#approve-plan input[name=Year]", "2022");
        await reviewer.FillAsync("#approve-plan input[name=Region]", "510502");
        await reviewer.ClickAsync("#approve-plan-submit");
        await reviewer.WaitForSelectorAsync("#message");
        Assert.Contains("个节点定为基线", await reviewer.TextContentAsync("#message"), StringComparison.Ordinal);
        await reviewer.Context.CloseAsync();

        await page.GotoAsync("/Projects/Project/JY-S08?today=2022-07-10");
        var milestone = page.Locator("#milestones tr[data-milestone=二期主体开工]");
        Assert.Equal("2022-05-31", (await milestone.Locator("td.baseline").TextContentAsync())!.Trim());
        await ChromiumSession.WaitForRenderedAsync(page, "#gantt-chart");
        Assert.True(await ChromiumSession.CanvasInkAsync(page, "gantt-chart") > 500, "the Gantt chart painted");
        Assert.False(await ScrollsSidewaysAsync(page), "the project page scrolls sideways at 390 px");

        // No reason: refused in words, nothing moves. With one: the current plan moves, the baseline stays, the history shows it.
        await page.SelectOptionAsync("#replan select[name=Milestone]", "二期主体开工");
        await page.FillAsync("#replan input[name=Date]", "2022-09-30");
        await page.ClickAsync("#replan-submit");
        await page.WaitForSelectorAsync("#errors");
        Assert.Contains("须填写调整原因", await page.TextContentAsync("#errors"), StringComparison.Ordinal);
        await page.FillAsync("#replan input[name=Date]", "2022-09-30");
        await page.FillAsync("#replan input[name=Reason]", "用地指标延后下达");
        await page.ClickAsync("#replan-submit");
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("计划已调整", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.Contains("2022-09-30", await milestone.Locator("td.current").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("较基线推迟122天", await milestone.Locator("td.current").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("用地指标延后下达", await page.TextContentAsync("#replans"), StringComparison.Ordinal);
        await ChromiumSession.WaitForRenderedAsync(page, "#gantt-chart");
        Assert.False(await ScrollsSidewaysAsync(page), "the project page scrolls sideways at 390 px after the re-plan");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-project-phone.png"), FullPage = true });
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }
}
