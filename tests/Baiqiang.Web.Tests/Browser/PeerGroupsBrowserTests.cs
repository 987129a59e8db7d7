using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Observations;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on the 对比组 pages: an analyst signs in, follows the navigation to 对比组, creates a group of two
/// regions typed by their Chinese names, sees it listed with its member count, opens it and sees both names, then picks it on
/// the report card and sees 江阳区's growth ranked within it. Screenshots go to the test output's screenshots/ folder. Skips
/// without chromium, fails under CI=true.
/// </summary>
public sealed class PeerGroupsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    [Fact]
    public async Task Analyst_CreatesGroupOfTwoChineseNames_SeesItListed_InChromium()
    {
        await factory.EnsureUserAsync("pg-browser", "analyst");
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        await chromium.SignInAsync("pg-browser", WebFactory.UserPassword);

        // From the navigation to the list, then the form.
        await page.ClickAsync("header nav a:text('对比组')");
        await page.WaitForSelectorAsync("#groups");
        await page.ClickAsync("#new-group");
        await page.WaitForSelectorAsync("#group-form");
        await page.FillAsync("input[name='Input.NameZh']", "泸州主城两区");
        await page.FillAsync("input[name='Input.NameEn']", "Luzhou core districts");
        await page.FillAsync("textarea[name='Input.Members']", "江阳区、龙马潭区");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "peer-groups-form.png"), FullPage = true });
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#message");

        Assert.Contains("/PeerGroups?saved=custom", page.Url, StringComparison.Ordinal);
        Assert.Contains("已保存对比组“泸州主城两区”（custom:luzhou-core-districts，2个地区）", await page.TextContentAsync("#message"), StringComparison.Ordinal);
        var row = page.Locator("#groups tr[data-id='custom:luzhou-core-districts']");
        Assert.Equal("泸州主城两区", (await row.Locator("td").Nth(1).TextContentAsync())!.Trim());
        Assert.Equal("自定义", (await row.Locator("td").Nth(2).TextContentAsync())!.Trim());
        Assert.Equal("2", (await row.Locator("td").Nth(3).TextContentAsync())!.Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "peer-groups-list.png"), FullPage = true });

        await row.Locator("a:text('custom:luzhou-core-districts')").ClickAsync();
        await page.WaitForSelectorAsync("#members");
        var names = await page.Locator("#members tbody td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal(["江阳区", "龙马潭区"], names);

        // The report card ranks 江阳区's 2022 上半年 GDP growth (3.7%, sample) within the new group. Test figures (NOT published
        // statistics): 龙马潭区 4.6% puts it 2nd of the two; with 纳溪区 5.2% and 泸县 4.0% it is 4th in the prefecture group.
        await WriteGrowthAsync(new RegionCode(510504), "gdp", "2022-01..06", 4.6m);
        await WriteGrowthAsync(new RegionCode(510503), "gdp", "2022-01..06", 5.2m);
        await WriteGrowthAsync(new RegionCode(510521), "gdp", "2022-01..06", 4.0m);
        await page.GotoAsync("/?region=510502&period=2022-01..06");
        var gdpRank = page.Locator("#indicators tbody tr", new PageLocatorOptions { HasText = "地区生产总值" }).Locator("td").Nth(4);
        Assert.Equal("增幅位居全市第4", (await gdpRank.TextContentAsync())!.Trim());
        await page.SelectOptionAsync("#peers", "custom:luzhou-core-districts");
        await page.ClickAsync("#dashboard-filter button[type=submit]");
        await ChromiumSession.WaitForPageAsync(page, url => url.Contains("peers=custom", StringComparison.Ordinal));
        Assert.Equal("增幅在“泸州主城两区”中第2", (await gdpRank.TextContentAsync())!.Trim());
        Assert.Equal("custom:luzhou-core-districts", await page.InputValueAsync("#peers"));
        Assert.Contains("组内排位", await page.TextContentAsync("#indicators thead"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "dashboard-peer-group.png"), FullPage = true });
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }

    private async Task WriteGrowthAsync(RegionCode region, string indicator, string period, decimal growth)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var record = new ObservationRecord(region, new IndicatorCode(indicator), StatPeriod.ParseCanonical(period), null, Unit.YiYuan, growth, Qualifier.Exact,
            new ObservationSource(SourceKind.User, "browser-test"));
        await ObservationWriter.WriteAsync(db, [record], "browser-test", TimeProvider.System, TestContext.Current.CancellationToken);
    }
}
