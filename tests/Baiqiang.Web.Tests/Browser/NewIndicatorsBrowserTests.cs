using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on 数据导入's 新指标 step: a file naming two indicators the catalogue does not hold shows each name
/// with its unit, rows and closest catalogue names; the admin maps one to an existing indicator (its alias from now on,
/// audited) and adds the other as a new indicator, commits, and finds both figures in the explorer.
/// </summary>
public sealed class NewIndicatorsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    private const string Mapped = "江阳浏览器规上营业收入";
    private const string Added = "江阳浏览器光伏发电量";
    private const string Target = "operating_revenue";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_UnknownIndicators_MapOneAddOneThenStoredWhole_InChromium()
    {
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        await chromium.SignInAsync("admin", WebFactory.AdminPassword);
        var csv = Path.Combine(Path.GetTempPath(), $"new-indicators-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, $"地区,指标,期别,数值,单位\n510502,{Mapped},2024年,812.5,亿元\n510502,{Added},2024年,3.25,万千瓦时\n510502,{Added},2023年,2.5,万千瓦时\n", Ct);

        await page.GotoAsync("/Imports");
        await page.SetInputFilesAsync("input[type=file]", csv);
        await page.ClickAsync("#validate");
        await page.WaitForSelectorAsync("#decide-form");
        Assert.Equal(2, await page.Locator("#new-indicators tr.new-indicator").CountAsync());
        Assert.Equal(0, await page.Locator("#commit").CountAsync());
        var addRow = page.Locator($"#new-indicators tr[data-name='{Added}']");
        Assert.Contains("2", await addRow.Locator("td.num").TextContentAsync(), StringComparison.Ordinal);

        // Map: the suggested 营业收入 when offered, else typed as another catalogue name.
        var mapRow = page.Locator($"#new-indicators tr[data-name='{Mapped}']");
        Assert.True(await mapRow.Locator("select.map-to option").CountAsync() > 0, "the closest catalogue names are offered");
        if (await mapRow.Locator($"select.map-to option[value='{Target}']").CountAsync() == 1)
        {
            await mapRow.Locator("select.map-to").SelectOptionAsync(Target);
        }
        else
        {
            await mapRow.Locator("input.map-other").FillAsync("营业收入");
        }

        await mapRow.Locator("input.choose-map").CheckAsync();

        // Add: code, name and unit come prefilled from the file; the code is edited.
        Assert.Equal(Added, await addRow.Locator("input.new-name").InputValueAsync());
        Assert.Equal("万千瓦时", await addRow.Locator("input.new-unit").InputValueAsync());
        Assert.StartsWith("own_", await addRow.Locator("input.new-code").InputValueAsync(), StringComparison.Ordinal);
        await addRow.Locator("input.choose-add").CheckAsync();
        await addRow.Locator("input.new-code").FillAsync("jy_browser_pv");
        await page.ClickAsync("#decide");
        await page.WaitForSelectorAsync("#commit-result");

        Assert.Contains("已导入：新增 3 条", await page.TextContentAsync("#commit-result"), StringComparison.Ordinal);
        Assert.Contains("jy_browser_pv", await page.TextContentAsync("#added-indicators"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "imports-new-indicators.png"), FullPage = true });
        File.Delete(csv);

        // The figures, in the explorer.
        await page.GotoAsync($"/Explorer?indicator={Target}&regions=510502");
        await page.WaitForSelectorAsync("#explorer-table");
        Assert.Contains("812.5", await page.TextContentAsync("#explorer-table"), StringComparison.Ordinal);
        await page.GotoAsync("/Explorer?indicator=jy_browser_pv&regions=510502");
        await page.WaitForSelectorAsync("#explorer-table");
        var added = await page.TextContentAsync("#explorer-table");
        Assert.Contains("3.25", added, StringComparison.Ordinal);
        Assert.Contains("2.5", added, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, Ct);
        Assert.Equal(Target, catalogue.Find(Mapped)!.Code.Value);
        Assert.Equal("jy_browser_pv", catalogue.Find(Added)!.Code.Value);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "indicator" && a.Key == Target && a.User == "admin" && a.NewValue!.Contains(Mapped), Ct),
            "the alias is audited under the admin");
    }
}
