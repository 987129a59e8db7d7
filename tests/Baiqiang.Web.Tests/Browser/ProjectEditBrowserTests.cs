using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on 新建/编辑项目: an editor of 江阳区 opens the form from the ledger, fills it (12.5亿元 picked as
/// 亿元), lands on the new project's page, then edits the leader and sees the audit row old → new. Its own app instance,
/// so the ledger totals other browser tests assert are untouched. Screenshots go to the test output's screenshots/
/// folder. Skips without chromium, fails under CI=true.
/// </summary>
public sealed class ProjectEditBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task NewProject_EditorFillsTheForm_LandsOnTheProjectPage_ThenEditsIt_InChromium()
    {
        await factory.EnsureUserAsync("jy-new-editor", "editor", 510502);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl, width: 1360);
        var page = chromium.Page;
        await chromium.SignInAsync("jy-new-editor", WebFactory.UserPassword);

        // From the ledger to the blank form; the region is the editor's own.
        await page.GotoAsync("/Projects");
        await page.ClickAsync("#new-project");
        await page.WaitForSelectorAsync("#project-form");
        Assert.Equal("510502", await page.InputValueAsync("input[name='Input.Region']"));

        await page.FillAsync("input[name='Input.Code']", "JY-B01");
        await page.FillAsync("input[name='Input.Name']", "泸州港多式联运物流园");
        await page.SelectOptionAsync("select[name='Input.Category']", "Infrastructure");
        await page.FillAsync("input[name='Input.OwnerEnterprise']", "泸州港务集团");
        await page.FillAsync("input[name='Input.TotalInvestment']", "12.5");
        await page.SelectOptionAsync("select[name='Input.TotalInvestmentUnit']", "亿元");
        await page.FillAsync("input[name='Input.Plans[0].Year']", "2023");
        await page.FillAsync("input[name='Input.Plans[0].Amount']", "30000");
        await page.FillAsync("input[name='Input.Leader']", "孙副区长");
        await page.FillAsync("input[name='Input.LeadDepartment']", "区交通局");
        await page.FillAsync("input[name='Input.Tags']", "省重点、市重点");
        await page.FillAsync("input[name='Input.PlannedStart']", "2023-03-01");
        await page.FillAsync("input[name='Input.Milestones[0].Name']", "码头主体完工");
        await page.FillAsync("input[name='Input.Milestones[0].Deadline']", "2024-06-30");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-edit.png"), FullPage = true });
        await page.ClickAsync("#save");

        // The project page: its Chinese name, 12.5亿元 and the 2023 plan of 3亿元 entered in 万元.
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("/Projects/Project/JY-B01", StringComparison.Ordinal));
        Assert.Contains("项目已创建", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        Assert.Contains("泸州港多式联运物流园", await page.TextContentAsync("h1"), StringComparison.Ordinal);
        var fields = await page.TextContentAsync("#fields");
        Assert.Contains("12.5亿元", fields, StringComparison.Ordinal);
        Assert.Contains("2023年 3亿元", fields, StringComparison.Ordinal);
        Assert.Contains("基础设施", fields, StringComparison.Ordinal);
        Assert.Contains("码头主体完工", await page.TextContentAsync("#milestones"), StringComparison.Ordinal);

        // Edit: the form opens filled in (亿元 kept), the leader changes, the audit shows old → new.
        await page.ClickAsync("#edit-project");
        await page.WaitForSelectorAsync("#project-form");
        Assert.Equal("12.5", await page.InputValueAsync("input[name='Input.TotalInvestment']"));
        Assert.Equal("亿元", await page.InputValueAsync("select[name='Input.TotalInvestmentUnit']"));
        await page.FillAsync("input[name='Input.Leader']", "周副区长");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("修改已保存", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        var audit = page.Locator("#audit tr", new PageLocatorOptions { HasTextString = "leader" });
        Assert.Equal(["jy-new-editor", "project JY-B01", "leader", "孙副区长", "周副区长"],
            (await audit.First.Locator("td").AllTextContentsAsync()).Skip(1).Select(t => string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-edited.png"), FullPage = true });
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }
}
