using Baiqiang.Testing;
using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on the documents pages: sign in, upload the 通州 report with its date, see the facts with their
/// figures marked in the text, jump to one, accept it and see it accepted. Skips without chromium, fails under CI=true.
/// </summary>
public sealed class DocumentsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task UploadReviewAccept_InChromium()
    {
        var seeds = SharedData.Folder("seeds") ?? throw new DirectoryNotFoundException("shared/seeds");
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        await chromium.SignInAsync("admin", WebFactory.AdminPassword);

        await page.GotoAsync("/Documents");
        await page.SetInputFilesAsync("input[name=Upload]", Path.Combine(seeds, "004_tongzhou_h1_report_card.txt"));
        await page.FillAsync("input[name=Date]", "2023-07-31");
        await page.ClickAsync("#upload-submit");
        await page.WaitForSelectorAsync("#facts");
        Assert.True(await page.Locator("#facts tbody tr").CountAsync() > 3);
        Assert.Contains("880.5", await page.TextContentAsync("#doc-text mark") ?? string.Empty, StringComparison.Ordinal);

        // Clicking the first fact row's link scrolls to its marked figure (the :target mark).
        var first = page.Locator("#facts tbody tr.pending", new() { HasText = "880.5" }).First;
        var factRowId = await first.GetAttributeAsync("id");
        await first.Locator("td a").First.ClickAsync();
        Assert.EndsWith("#fact-span-" + factRowId!["fact-".Length..], page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "documents-review.png"), FullPage = true });

        await page.Locator($"#{factRowId} button.accept").ClickAsync();
        await page.WaitForSelectorAsync("#message");
        Assert.Equal("accepted", await page.GetAttributeAsync($"#{factRowId}", "class"));
        Assert.Contains("已入库", await page.TextContentAsync($"#{factRowId} .status") ?? string.Empty, StringComparison.Ordinal);
    }
}
