using Baiqiang.Storage;
using Baiqiang.Testing;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// A reviewer's correction on the page: the figure the extractor read as budget revenue is edited to the tax part
    /// (indicator typed by its alias 税收收入, value, period typed in Chinese), the edit is saved and shown, and accepting the
    /// fact writes a 税收 observation of 通州区 for 2023-01..06 with the edited value.
    /// </summary>
    [Fact]
    public async Task EditIndicatorAndValue_ThenAccept_WritesTheEditedObservation_InChromium()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("bq-review-").FullName, "tz-fiscal-h1.txt");
        await File.WriteAllTextAsync(file, "通州区2023年1-6月财政收支情况\n1-6月，全区一般公共预算收入41.2亿元，同比增长5.6%。\n", TestContext.Current.CancellationToken);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        await chromium.SignInAsync("admin", WebFactory.AdminPassword);

        await page.GotoAsync("/Documents");
        await page.SetInputFilesAsync("input[name=Upload]", file);
        await page.FillAsync("input[name=Date]", "2023-07-20");
        await page.ClickAsync("#upload-submit");
        var row = page.Locator("#facts tbody tr.pending", new() { HasText = "41.2" }).First;
        await row.WaitForAsync();
        var rowId = (await row.GetAttributeAsync("id"))!;
        Assert.Matches(@"\d\.\d\d", await page.TextContentAsync($"#{rowId} td.confidence") ?? string.Empty);

        await page.Locator($"#{rowId} details.edit summary").ClickAsync();
        await page.Locator($"#{rowId} input[name='Edit.Indicator']").FillAsync("税收收入");
        await page.Locator($"#{rowId} input[name='Edit.Value']").FillAsync("30.5");
        await page.Locator($"#{rowId} input[name='Edit.Period']").FillAsync("2023年1-6月");
        await page.Locator($"#{rowId} input[name='Edit.Region']").FillAsync("通州区");
        await page.Locator($"#{rowId} button.save-edit").ClickAsync();
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("已修改", await page.TextContentAsync("#message") ?? string.Empty, StringComparison.Ordinal);
        var edited = await page.TextContentAsync($"#{rowId}") ?? string.Empty;
        Assert.Contains("税收", edited, StringComparison.Ordinal);
        Assert.Contains("30.5亿元", edited, StringComparison.Ordinal);

        await page.Locator($"#{rowId} button.accept").ClickAsync();
        await page.WaitForSelectorAsync($"#{rowId}.accepted");
        Assert.Contains("已入库", await page.TextContentAsync($"#{rowId} .status") ?? string.Empty, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var tax = new Baiqiang.Core.Indicators.IndicatorCode("tax_revenue");
        var tongzhou = Baiqiang.Core.Regions.RegionCode.Parse("320612");
        var current = await db.Observations.AsNoTracking()
            .Where(o => o.IsCurrent && o.IndicatorCode == tax && o.PeriodYear == 2023 && o.PeriodFirstMonth == 1 && o.PeriodLastMonth == 6)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(current, o => o.RegionCode == tongzhou && o.Value == 30.5m);
    }
}
