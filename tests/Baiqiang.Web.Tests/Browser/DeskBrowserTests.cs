using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on the visit form: the credit-code hint as typed, a visit logged, a request raised from it, the
/// request seen on its page with its deadline and history. Waits for rendered state only. Skips without chromium, fails under CI=true.
/// </summary>
public sealed class DeskBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task VisitForm_LogVisitRaiseRequest_SeenOnRequestPage()
    {
        await factory.EnsureUserAsync("desk-browser", "editor", 510502);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        await chromium.SignInAsync("desk-browser", WebFactory.UserPassword);
        var code = DeskEntryTests.Code(9100, "510502");

        // Register the enterprise: the hint checks the code as it is typed.
        await page.GotoAsync("/Services/EnterpriseForm");
        await page.FillAsync("#credit-code", code[..17] + (code[17] == '0' ? "1" : "0"));
        await page.WaitForSelectorAsync("#credit-code-hint.errors");
        Assert.Contains($"校验位应为“{code[17]}”", await page.TextContentAsync("#credit-code-hint"), StringComparison.Ordinal);
        await page.FillAsync("#credit-code", code);
        await page.WaitForSelectorAsync("#credit-code-hint.ok");
        await page.FillAsync("input[name='Input.Name']", "浏览器测试企业");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#desk-actions");

        // Log a visit from the enterprise page; a visit without visitors is refused and keeps the topics typed.
        await page.ClickAsync("#log-visit");
        await page.WaitForSelectorAsync("#visit-form");
        await page.FillAsync("#visit-date", "2024-06-05");
        await page.FillAsync("#visitors", " ");
        await page.FillAsync("#topics", "技改项目进展与用工");
        await page.EvaluateAsync("() => document.getElementById('visitors').removeAttribute('required')");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#errors");
        Assert.Contains("走访人员", await page.TextContentAsync("#errors"), StringComparison.Ordinal);
        Assert.Equal("技改项目进展与用工", await page.InputValueAsync("#topics"));
        await page.FillAsync("#visitors", "张科长、李干事");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#saved");
        Assert.Contains("技改项目进展与用工", await page.TextContentAsync("#visit"), StringComparison.Ordinal);

        // Raise a request from the visit and see it on its page.
        await page.ClickAsync("#raise");
        await page.WaitForSelectorAsync("#request-form");
        Assert.Equal("2024-06-05", await page.InputValueAsync("#raised-on"));
        await page.SelectOptionAsync("#category", "融资贷款");
        await page.FillAsync("#department", "区金融工作局");
        await page.FillAsync("#deadline", "2024-07-05");
        await page.FillAsync("#description", "流动资金贷款500万元");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#saved");
        Assert.Contains("流动资金贷款500万元", await page.TextContentAsync("#description"), StringComparison.Ordinal);
        Assert.Contains("2024-07-05", await page.TextContentAsync("#deadline"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#history tbody tr").CountAsync());
        var visitId = await page.TextContentAsync("#visit-link");
        Assert.StartsWith("ZF-20240605-", visitId, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "desk-request.png"), FullPage = true });

        // Closing without a resolution is refused; the request stays open.
        await page.FillAsync("#resolution", "");
        await page.ClickAsync("#close");
        await page.WaitForSelectorAsync("#errors");
        Assert.Contains("须填写办理结果", await page.TextContentAsync("#errors"), StringComparison.Ordinal);

        await page.ClickAsync("#visit-link");
        await page.WaitForSelectorAsync("#requests tbody tr");
        Assert.Equal(1, await page.Locator("#requests tbody tr").CountAsync());
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }
}
