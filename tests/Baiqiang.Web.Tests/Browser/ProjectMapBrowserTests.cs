using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on the ledger's 项目分布图: three located 江阳区 projects drawn on 泸州's boundary file, shaped and named
/// by 亮灯 in the legend, the reason in the tooltip; a box selection through ECharts' brush action filters the ledger to the
/// selected projects, clearing restores it, and a click on a point selects that project. Every wait is for the map's
/// <c>data-rendered</c> / <c>data-selected</c> attributes. Skips without chromium, fails under CI=true.
/// </summary>
public sealed class ProjectMapBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    private const string Chart = "echarts.getInstanceByDom(document.getElementById('project-map'))";

    private static async Task<string[]> VisibleRowsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#ledger tbody tr')].filter(r => !r.hidden && r.dataset.total !== 'true').map(r => r.dataset.key)");

    [Fact]
    public async Task LedgerMap_BrushAndClick_FilterTheLedgerAndClearRestoresIt_InChromium()
    {
        await factory.EnsureUserAsync("map-viewer", "editor", 510502);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Through the store's own write path (as PUT /api/projects/{code}/location does), as the county's editor.
            var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
            var editor = Actor.EditorOf("map-viewer", new RegionCode(510502));
            foreach (var (code, lat, lng) in new[] { ("JY-S01", 28.80m, 105.30m), ("JY-S08", 28.76m, 105.55m), ("JY-S09", 28.90m, 105.60m) })
            {
                await ProjectAttachmentStore.SetLocationAsync(db, code, lat, lng, editor, TestContext.Current.CancellationToken);
            }
        }

        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl, 1400, 1000);
        var page = chromium.Page;
        await chromium.SignInAsync("map-viewer", WebFactory.UserPassword);
        await page.GotoAsync("/Projects?period=2022-01..06&by=project&region=510502&today=2022-07-10");
        await ChromiumSession.WaitForRenderedAsync(page, "#project-map");

        Assert.Contains("9个项目未标注位置", await page.TextContentAsync("#map-unlocated"), StringComparison.Ordinal);
        Assert.Equal(12, (await VisibleRowsAsync(page)).Length);
        var legend = await page.EvaluateAsync<string[]>($"() => {Chart}.getOption().series.map(s => s.name + ':' + s.symbol + ':' + s.data.map(d => d.name).sort().join('|'))");
        Assert.Contains("红灯（◆菱形）:diamond:JY-S08", legend);
        Assert.Contains("绿灯（●圆点）:circle:JY-S01|JY-S09", legend);
        Assert.Equal("baiqiang-projects-areas-510500", await page.GetAttributeAsync("#project-map", "data-map-name"));
        Assert.True(await ChromiumSession.CanvasInkAsync(page, "project-map") > 10000, "the map canvas is blank");

        await page.EvaluateAsync($"() => {Chart}.dispatchAction({{ type: 'showTip', seriesIndex: 0, dataIndex: 0 }})");
        await page.WaitForFunctionAsync("() => document.getElementById('project-map').innerText.includes('亮灯原因')");
        var tip = await page.InnerTextAsync("#project-map");
        Assert.Contains("亮灯：红灯", tip, StringComparison.Ordinal);
        Assert.Contains("27.3%", tip, StringComparison.Ordinal);

        // A box around JY-S01 and JY-S09 (not JY-S08, south of the box), in map coordinates [[lng, lng], [lat, lat]].
        await page.EvaluateAsync($"() => {Chart}.dispatchAction({{ type: 'brush', areas: [{{ geoIndex: 0, brushType: 'rect', coordRange: [[105.25, 105.65], [28.78, 28.93]] }}] }})");
        await page.WaitForSelectorAsync("#project-map[data-selected='2']");
        Assert.Equal(["JY-S01", "JY-S09"], (await VisibleRowsAsync(page)).Order(StringComparer.Ordinal));
        Assert.True(await page.IsVisibleAsync("#ledger tbody tr[data-total=true]"), "the total row stays");
        Assert.Contains("地图已选 2 个项目", await page.TextContentAsync("#map-selection-text"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "projects-ledger-map.png"), FullPage = true });

        await page.ClickAsync("#map-clear");
        await page.WaitForSelectorAsync("#project-map[data-selected='0']");
        Assert.Equal(12, (await VisibleRowsAsync(page)).Length);
        Assert.False(await page.IsVisibleAsync("#map-selection"));

        // A real click on JY-S08's point (its pixel from ECharts' own projection) selects it alone. The point is drawn where its
        // stored WGS-84 position lies on the GCJ-02 boundaries, so the click goes to the converted position.
        var drawn = Core.Geo.ChinaDatum.Wgs84ToGcj02(new Core.Geo.LngLat(105.55, 28.76));
        var xy = await page.EvaluateAsync<double[]>(string.Create(CultureInfo.InvariantCulture, $"() => {Chart}.convertToPixel({{ geoIndex: 0 }}, [{drawn.Lng}, {drawn.Lat}])"));
        var box = (await page.Locator("#project-map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + xy[0]), (float)(box.Y + xy[1]));
        await page.WaitForSelectorAsync("#project-map[data-selected='1']");
        Assert.Equal(["JY-S08"], await VisibleRowsAsync(page));
        Assert.Empty(chromium.ConsoleErrors);
    }
}
