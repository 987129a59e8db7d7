using Baiqiang.Core.Indicators;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on 数据导入's 新指标 step: a file naming two indicators the catalogue does not hold is refused with
/// each name and its closest catalogue names; the admin maps one to a suggested indicator (its alias from now on, audited)
/// and adds the other as a new indicator, and the file is stored whole.
/// </summary>
public sealed class NewIndicatorsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    private const string Mapped = "江阳浏览器规上工业营业收入";
    private const string Added = "江阳浏览器光伏发电量";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_UnknownIndicators_MapOneAddOneThenStoredWhole_InChromium()
    {
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        await chromium.SignInAsync("admin", WebFactory.AdminPassword);
        var csv = Path.Combine(Path.GetTempPath(), $"new-indicators-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, $"地区,指标,期别,数值,单位\n510502,{Mapped},2024年,812.5,亿元\n510502,{Added},2024年,3.25,万千瓦时\n", Ct);

        await page.GotoAsync("/Imports");
        await page.SetInputFilesAsync("input[type=file]", csv);
        await page.ClickAsync("#validate");
        await page.WaitForSelectorAsync("#decide-form");
        Assert.Equal(2, await page.Locator("#new-indicators tr.new-indicator").CountAsync());
        Assert.Equal(0, await page.Locator("#commit").CountAsync());

        var mapRow = page.Locator($"#new-indicators tr[data-name='{Mapped}']");
        Assert.True(await mapRow.Locator("select.map-to option").CountAsync() > 0, "the closest catalogue names are offered");
        // 营业收入 (operating_revenue) from the suggestions when offered, else typed: the sample holds no Jiangyang figure of it.
        const string target = "operating_revenue";
        if (await mapRow.Locator($"select.map-to option[value='{target}']").CountAsync() == 1)
        {
            await mapRow.Locator("select.map-to").SelectOptionAsync(target);
        }
        else
        {
            await mapRow.Locator("input.map-other").FillAsync("营业收入");
        }

        await mapRow.Locator("input.choose-map").CheckAsync();
        var addRow = page.Locator($"#new-indicators tr[data-name='{Added}']");
        await addRow.Locator("input.choose-add").CheckAsync();
        await addRow.Locator("input.new-code").FillAsync("jy_browser_pv");
        Assert.Equal("万千瓦时", await addRow.Locator("input.new-unit").InputValueAsync());
        await addRow.Locator("select.new-kind").SelectOptionAsync("Flow");
        await page.ClickAsync("#decide");
        await page.WaitForSelectorAsync("#commit-result");

        Assert.Contains("已导入：新增 2 条", await page.TextContentAsync("#commit-result"), StringComparison.Ordinal);
        Assert.Contains("jy_browser_pv", await page.TextContentAsync("#added-indicators"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "imports-new-indicators.png"), FullPage = true });
        File.Delete(csv);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, Ct);
        Assert.Equal(target, catalogue.Find(Mapped)!.Code.Value);
        Assert.Equal(("江阳浏览器光伏发电量", "万千瓦时", IndicatorKind.Flow), (catalogue.Find("jy_browser_pv")!.NameZh, catalogue.Find("jy_browser_pv")!.Unit.Symbol, catalogue.Find("jy_browser_pv")!.Kind));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "indicator" && a.Key == target && a.User == "admin" && a.NewValue!.Contains(Mapped), Ct),
            "the alias is audited under the admin");
        var region = new Core.Regions.RegionCode(510502);
        var codes = new[] { new IndicatorCode(target), new IndicatorCode("jy_browser_pv") };
        Assert.Equal(2, await db.Observations.CountAsync(o => o.RegionCode == region && o.PeriodYear == 2024 && o.IsCurrent && codes.Contains(o.IndicatorCode), Ct));
    }
}
