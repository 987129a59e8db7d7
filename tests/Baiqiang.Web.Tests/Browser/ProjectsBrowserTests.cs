using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on the 重点项目 pages: an editor of 江阳区 fills and submits July's monthly form, a reviewer (a
/// different user, a separate browser context) approves it, and the ledger then counts it. Screenshots go to the test
/// output's screenshots/ folder. Skips without chromium, fails under CI=true.
/// </summary>
public sealed class ProjectsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task MonthlyForm_EditorSubmits_ReviewerApproves_LedgerReflectsIt_InChromium()
    {
        await factory.EnsureUserAsync("jy-form-editor", "editor", 510502);
        await factory.EnsureUserAsync("jy-form-reviewer", "reviewer", 510502);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl, 1360);

        // The editor: the form opens on the month after the last approved one (2022-07) for the editor's region.
        var editor = chromium.Page;
        await chromium.SignInAsync("jy-form-editor", WebFactory.UserPassword);
        await editor.GotoAsync("/Projects");
        // All regions, 1–6月: 江阳区 176.8亿元 + 安义 70.85亿元 (its May cumulative, the latest approved month).
        Assert.Contains("247.65亿元", await editor.TextContentAsync("#total-completed"), StringComparison.Ordinal);
        await editor.ClickAsync("text=月报填报");
        await editor.WaitForSelectorAsync("#grid");
        Assert.Equal("510502", await editor.InputValueAsync("#form-scope input[name=region]"));
        Assert.Equal("2022-07", await editor.InputValueAsync("#form-scope input[name=month]"));

        // 白酒产业园区二期 (JY-S01): 33亿元 to June; 4.5亿元 in July. The page shows the cumulative it will compute.
        var row = editor.Locator("#line-JY-S01");
        await row.Locator("input.this-month").FillAsync("45000");
        Assert.Equal("= 375,000", await row.Locator("output.computed").TextContentAsync());
        await row.Locator("input[name$=Progress]").FillAsync("主体结构施工");
        // A cumulative below June's is refused with the store's message, and nothing is saved.
        var s02 = editor.Locator("#line-JY-S02");
        await s02.Locator("input.this-month").FillAsync("0");
        await s02.Locator("input.cumulative").FillAsync("1");
        await editor.ClickAsync("#save");
        await editor.WaitForSelectorAsync("#errors");
        Assert.Contains("低于上月累计", await editor.TextContentAsync("#errors"), StringComparison.Ordinal);
        await editor.Locator("#line-JY-S02 input.this-month").FillAsync(string.Empty);
        await editor.Locator("#line-JY-S02 input.cumulative").FillAsync(string.Empty);
        await editor.ClickAsync("#submit");
        await editor.WaitForSelectorAsync("#message");
        Assert.Contains("已保存并提交 1 个项目的月报", await editor.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.Contains("已提交", await editor.TextContentAsync("#line-JY-S01 .state"), StringComparison.Ordinal);
        Assert.Equal("37.5亿元", (await editor.TextContentAsync("#line-JY-S01 .cumulative-shown"))!.Trim());
        await editor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-form.png"), FullPage = true });

        // Not yet approved: the 1–7月 ledger still has June's figure for JY-S01.
        await editor.GotoAsync("/Projects?period=2022-01..07&by=project&region=510502");
        Assert.Contains("33亿元", await editor.Locator("#ledger tr[data-key=JY-S01]").TextContentAsync(), StringComparison.Ordinal);
        await editor.Context.CloseAsync();

        // The reviewer, another user in another browser context, approves.
        var reviewer = await chromium.NewPageAsync(1360);
        await ChromiumSession.SignInAsync(reviewer, "jy-form-reviewer", WebFactory.UserPassword);
        await reviewer.GotoAsync("/Projects/Review?region=510502&month=2022-07");
        await reviewer.WaitForSelectorAsync("#review-JY-S01");
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-review.png"), FullPage = true });
        await reviewer.ClickAsync("#review-JY-S01 button.approve");
        await reviewer.WaitForSelectorAsync("#message");
        Assert.Contains("JY-S01 已审核通过", await reviewer.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.Contains("已审核", await reviewer.TextContentAsync("#other-JY-S01"), StringComparison.Ordinal);

        // The ledger counts it now: JY-S01 37.5亿元, the district 181.3亿元 of 335.7亿元.
        await reviewer.GotoAsync("/Projects?period=2022-01..07&by=project&region=510502");
        var ledgerRow = await reviewer.Locator("#ledger tr[data-key=JY-S01]").TextContentAsync();
        Assert.Contains("37.5亿元", ledgerRow, StringComparison.Ordinal);
        Assert.Contains("181.3亿元", await reviewer.TextContentAsync("#total-completed"), StringComparison.Ordinal);
        Assert.Equal("181.3亿元 ÷ 335.7亿元 = 54.01%", await reviewer.GetAttributeAsync("#total-percent", "title"));
        await reviewer.GotoAsync("/Projects?period=2022-01..06&by=region");
        await reviewer.WaitForSelectorAsync("#ledger");
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-ledger.png"), FullPage = true });

        // The project page shows the approved revision and who approved it.
        await reviewer.GotoAsync("/Projects/Project/JY-S01");
        var reports = await reviewer.TextContentAsync("#reports");
        Assert.Contains("2022-07", reports, StringComparison.Ordinal);
        Assert.Contains("jy-form-reviewer", reports, StringComparison.Ordinal);
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-project.png"), FullPage = true });
        await reviewer.GotoAsync("/Projects/Project/JY-S08");
        await reviewer.WaitForSelectorAsync("#problems");
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-project-problems.png"), FullPage = true });
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }

    [Fact]
    public async Task Warnings_AsOfDayPickedInTheFilter_ShowsThatDaysWarnings_InChromium()
    {
        await factory.EnsureUserAsync("warnings-analyst", "analyst");
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl, 1360);
        var page = chromium.Page;
        await chromium.SignInAsync("warnings-analyst", WebFactory.UserPassword);
        await page.GotoAsync("/Projects/Warnings?period=2022-01..06&region=510502");

        // Without a day the page judges as of the sample's own day (the store's as-of setting) and says so.
        Assert.StartsWith("截至 2023年7月31日（数据设定日），", (await page.TextContentAsync("#as-of"))!.Trim(), StringComparison.Ordinal);
        Assert.Contains("已逾期426天", await page.TextContentAsync("#warnings"), StringComparison.Ordinal);

        // The month-end meeting looks at the warnings as they stood on 2022-06-30: JY-S08's milestone (due 05-31) is 30 days overdue.
        await page.FillAsync("#warnings-filter input[name=today]", "2022-06-30");
        await page.ClickAsync("#warnings-filter button[type=submit]");
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("today=2022-06-30", StringComparison.Ordinal));
        Assert.StartsWith("截至 2022年6月30日（指定日期），", (await page.TextContentAsync("#as-of"))!.Trim(), StringComparison.Ordinal);
        Assert.Contains("已逾期30天", await page.TextContentAsync("#warnings"), StringComparison.Ordinal);
        Assert.Equal("2022-06-30", await page.InputValueAsync("#warnings-filter input[name=today]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-warnings-as-of.png"), FullPage = true });

        // Following the project's link keeps the day: its page judges the milestone overdue as of 2022-06-30 too, not as of the clock.
        await page.Locator("#warnings a[href='/Projects/Project/JY-S08?today=2022-06-30']").First.ClickAsync();
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("/Projects/Project/JY-S08?today=2022-06-30", StringComparison.Ordinal));
        Assert.Equal("2022-06-30", await page.GetAttributeAsync("#as-of-day", "datetime"));
        Assert.Equal("2022年6月30日", await page.TextContentAsync("#as-of-day"));
        Assert.Contains("二期主体开工 逾期", string.Join(' ', (await page.TextContentAsync("#milestones"))!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal("2022-06-30", await page.InputValueAsync("#as-of-filter input[name=today]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-project-as-of.png"), FullPage = true });

        // One day earlier on the project page: the milestone is due that day, so not overdue.
        await page.FillAsync("#as-of-filter input[name=today]", "2022-05-31");
        await page.ClickAsync("#as-of-filter button[type=submit]");
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("today=2022-05-31", StringComparison.Ordinal));
        Assert.Equal("2022年5月31日", await page.TextContentAsync("#as-of-day"));
        Assert.DoesNotContain("逾期", await page.TextContentAsync("#milestones"), StringComparison.Ordinal);
        await page.GoBackAsync(new PageGoBackOptions { WaitUntil = WaitUntilState.Commit });
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("today=2022-06-30", StringComparison.Ordinal));

        // And back to the warnings of the project's region on the same day.
        await page.ClickAsync("#warnings-as-of");
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("/Projects/Warnings?region=510502&today=2022-06-30", StringComparison.Ordinal));
        Assert.Equal("2022-06-30", await page.GetAttributeAsync("#as-of-day", "datetime"));
        Assert.Contains("已逾期30天", await page.TextContentAsync("#warnings"), StringComparison.Ordinal);

        // On the deadline itself the milestone is not yet overdue.
        await page.FillAsync("#warnings-filter input[name=today]", "2022-05-31");
        await page.ClickAsync("#warnings-filter button[type=submit]");
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("today=2022-05-31", StringComparison.Ordinal));
        Assert.DoesNotContain("二期主体开工", await page.TextContentAsync("#warnings"), StringComparison.Ordinal);
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }
}
