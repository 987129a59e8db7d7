using Baiqiang.Web.Tests.Support;
using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Real headless Chromium on the 综合评价 pages: sign in, run a ranking of 泸州's county-level units on the test figures,
/// see the ECharts bar chart drawn with Chinese region names and the county choropleth drawn from 泸州's boundary file (fetched
/// alone, when the map scrolls into view), open a unit's decomposition and see its chart; rank a national top-100 list and
/// see it drawn as dots on the national map, with no prefecture file fetched. Screenshots go to the test output's
/// screenshots/ folder. Skips without chromium, fails under CI=true.
/// </summary>
public sealed class RankingsBrowserTests(KestrelWebFactory factory) : IClassFixture<KestrelWebFactory>
{
    /// <summary>The map files (<c>lib/china-map/*.json</c>) the page requests from now on, by file name.</summary>
    private static List<string> RecordMapRequests(IPage page)
    {
        var files = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.Url.Contains("/lib/china-map/", StringComparison.Ordinal))
            {
                files.Add(r.Url[(r.Url.LastIndexOf('/') + 1)..]);
            }
        };
        return files;
    }

    private static string Option(string chart, string path) =>
        $"() => echarts.getInstanceByDom(document.getElementById('{chart}')).getOption().{path}";

    [Fact]
    public async Task RunRanking_ChartAndUnitDecomposition_InChromium()
    {
        await factory.EnsureUserAsync("rk-browser", "analyst");
        await RankingSeed.SeedAsync(factory);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        var mapRequests = RecordMapRequests(page);
        await chromium.SignInAsync("rk-browser", WebFactory.UserPassword);

        // Run a ranking through the form.
        await page.GotoAsync("/Rankings");
        await page.FillAsync("input[name=period]", "2024");
        await page.FillAsync("input[name=group]", "pref:510500");
        await page.FillAsync("input[name=compare]", "2023");
        await page.FillAsync("input[name=replications]", "500");
        await page.ClickAsync("#run");
        await ChromiumSession.WaitForRenderedAsync(page, "#ranking-chart");
        var title = await page.EvaluateAsync<string>(Option("ranking-chart", "title[0].text"));
        Assert.Contains("泸州市各县市区", title, StringComparison.Ordinal);
        var categories = await page.EvaluateAsync<string[]>(Option("ranking-chart", "xAxis[0].data"));
        Assert.Equal(7, categories.Length);
        Assert.Equal("江阳区", categories[0]);
        Assert.Contains("古蔺县", categories);
        var seriesName = await page.EvaluateAsync<string>(Option("ranking-chart", "series[0].name"));
        Assert.Equal("综合得分", seriesName);
        var canvasInk = await ChromiumSession.CanvasInkAsync(page, "ranking-chart");
        Assert.True(canvasInk > 1000, "the ranking canvas is blank");
        Assert.Contains("插补：叙永县", await page.TextContentAsync("#warnings"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "rankings-results.png"), FullPage = true });

        // The choropleth: 泸州's one boundary file, fetched when the map comes into view; areas keyed by code, Chinese labels.
        await page.Locator("#ranking-map").ScrollIntoViewIfNeededAsync();
        await ChromiumSession.WaitForRenderedAsync(page, "#ranking-map");
        Assert.Equal(["510500.json"], mapRequests);
        var mapName = await page.GetAttributeAsync("#ranking-map", "data-map-name");
        Assert.Equal("baiqiang-ranking-510500", mapName);
        var areas = await page.EvaluateAsync<string[]>($"() => echarts.getMap('{mapName}').geoJSON.features.map(f => f.properties.name)");
        Assert.Equal(RankingSeed.Units.Select(u => u.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), areas.Order());
        var mapData = await page.EvaluateAsync<string[]>(Option("ranking-map", "series[0].data.map(d => d.name)"));
        Assert.Contains("510502", mapData);
        Assert.Equal(7, mapData.Length);
        var label = await page.EvaluateAsync<string>(Option("ranking-map", "series[0].label.formatter({ name: '510525' })"));
        Assert.Equal("古蔺县", label);
        var pieces = await page.EvaluateAsync<string[]>(Option("ranking-map", "visualMap[0].pieces.map(p => p.label)"));
        Assert.StartsWith("第1梯队", pieces[0], StringComparison.Ordinal);
        await page.EvaluateAsync("() => echarts.getInstanceByDom(document.getElementById('ranking-map')).dispatchAction({ type: 'showTip', seriesIndex: 0, name: '510502' })");
        await page.WaitForFunctionAsync("() => document.getElementById('ranking-map').innerText.includes('综合得分')");
        var tipText = await page.InnerTextAsync("#ranking-map");
        Assert.Contains("江阳区", tipText, StringComparison.Ordinal);
        Assert.Contains("名次：1", tipText, StringComparison.Ordinal);
        var mapInk = await ChromiumSession.CanvasInkAsync(page, "ranking-map");
        Assert.True(mapInk > 10000, "the map canvas is blank");
        Assert.Equal(0, await page.Locator("#map-missing").CountAsync());
        await page.Locator("#ranking-map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "rankings-map.png") });

        // Open a unit's decomposition from the table.
        await page.ClickAsync("#ranking a:text('纳溪区')");
        await ChromiumSession.WaitForRenderedAsync(page, "#unit-chart");
        var indicators = await page.EvaluateAsync<string[]>(Option("unit-chart", "yAxis[0].data"));
        Assert.Contains("地区生产总值", indicators);
        Assert.Contains("人均地区生产总值", indicators);
        Assert.Contains("纳溪区", await page.EvaluateAsync<string>(Option("unit-chart", "title[0].text")), StringComparison.Ordinal);
        Assert.Equal(5, await page.Locator("#peers tbody tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "rankings-unit.png"), FullPage = true });

        await page.GotoAsync("/Rankings/Frameworks/top100-illustration");
        await page.WaitForSelectorAsync("#tree");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "rankings-framework.png"), FullPage = true });
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }

    /// <summary>A national list spans some 50 prefectures: the page loads only the national province map (100000.json) and
    /// draws the 100 counties as points coloured by tier, with the legend, the tooltip and the note saying so.</summary>
    [Fact]
    public async Task RunNationalList_DotsOnTheNationalMapOnly_InChromium()
    {
        await factory.EnsureUserAsync("rk-browser-dots", "analyst");
        await RankingSeed.SeedNationalListAsync(factory);
        await using var chromium = await ChromiumSession.OpenAsync(factory.BaseUrl);
        var page = chromium.Page;
        var mapRequests = RecordMapRequests(page);
        await chromium.SignInAsync("rk-browser-dots", WebFactory.UserPassword);

        await page.GotoAsync("/Rankings");
        await page.FillAsync("input[name=period]", "2024");
        await page.FillAsync("input[name=group]", RankingSeed.NationalList);
        await page.ClickAsync("#run");
        await ChromiumSession.WaitForRenderedAsync(page, "#ranking-chart");
        Assert.Contains("以点位显示", await page.TextContentAsync("#map-mode"), StringComparison.Ordinal);
        Assert.Empty(mapRequests); // nothing before the map scrolls into view

        await page.Locator("#ranking-map").ScrollIntoViewIfNeededAsync();
        await ChromiumSession.WaitForRenderedAsync(page, "#ranking-map");
        Assert.Equal(["100000.json"], mapRequests);
        Assert.Equal("baiqiang-ranking-dots-100000", await page.GetAttributeAsync("#ranking-map", "data-map-name"));
        Assert.Equal("scatter", await page.EvaluateAsync<string>(Option("ranking-map", "series[0].type")));
        var points = await page.EvaluateAsync<string[]>(Option("ranking-map", "series[0].data.map(d => d.name)"));
        Assert.Equal(100, points.Length);
        Assert.Contains("320583", points); // 昆山市
        var pieces = await page.EvaluateAsync<string[]>(Option("ranking-map", "visualMap[0].pieces.map(p => p.label)"));
        Assert.StartsWith("第1梯队", pieces[0], StringComparison.Ordinal);
        Assert.True(pieces.Length > 1, "one tier only");
        // 昆山市's point is drawn where the chart puts its centroid, inside the chart, visible at full size and coloured as
        // its tier: read from the rendered chart's own symbol for that point, not from a pixel (the map has rendered, so its
        // entry animation has ended; a pixel would also depend on anti-aliasing and on what is drawn beneath).
        var kunshan = await page.EvaluateAsync<string[]>(
            """
            () => {
              const ch = echarts.getInstanceByDom(document.getElementById('ranking-map'));
              const data = ch.getModel().getSeriesByIndex(0).getData();
              const i = data.indexOfName('320583');
              const v = ch.getOption().series[0].data[i].value;
              const [x, y] = ch.convertToPixel({ seriesIndex: 0 }, [v[0], v[1]]);
              const el = data.getItemGraphicEl(i);
              const colours = ch.getOption().visualMap[0].pieces.map(p => p.color.toLowerCase());
              const fill = String(data.getItemVisual(i, 'style').fill).toLowerCase();
              return [String(Math.round(x)), String(Math.round(y)), String(ch.getWidth()), String(ch.getHeight()),
                String(!!el && !el.invisible && !el.ignore), String(el ? Math.abs(el.x - x) + Math.abs(el.y - y) : -1),
                String(el ? el.childAt(0).scaleX * 2 : 0), String(el ? el.childAt(0).style.opacity : 0) + '/' + String(data.getItemVisual(i, 'style').opacity ?? 1), fill, colours.join(' ')];
            }
            """);
        var (x, y, width, height) = (int.Parse(kunshan[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(kunshan[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(kunshan[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(kunshan[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(x > 0 && x < width && y > 0 && y < height, $"昆山市 is outside the chart at ({x}, {y}) of {width}x{height}");
        Assert.True(kunshan[4] == "true", "昆山市 has no visible symbol on the map");
        Assert.True(double.Parse(kunshan[5], System.Globalization.CultureInfo.InvariantCulture) < 1, $"昆山市's symbol is not at its centroid ({x}, {y})");
        // Grown to its full 10 px and faded in to the series' own opacity: the entry animation (which starts each point at
        // size 0, transparent) has ended.
        Assert.Equal("10", kunshan[6]);
        Assert.Equal(kunshan[7].Split('/')[1], kunshan[7].Split('/')[0]);
        Assert.Contains(kunshan[8], kunshan[9].Split(' '));
        await page.EvaluateAsync("() => echarts.getInstanceByDom(document.getElementById('ranking-map')).dispatchAction({ type: 'showTip', seriesIndex: 0, name: '320583' })");
        await page.WaitForFunctionAsync("() => document.getElementById('ranking-map').innerText.includes('综合得分')");
        var tipText = await page.InnerTextAsync("#ranking-map");
        Assert.Contains("昆山市 320583", tipText, StringComparison.Ordinal);
        Assert.Contains("梯队：", tipText, StringComparison.Ordinal);
        var mapInk = await ChromiumSession.CanvasInkAsync(page, "ranking-map");
        Assert.True(mapInk > 10000, "the map canvas is blank");
        await page.Locator("#ranking-map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ChromiumSession.ScreenshotFolder, "rankings-map-dots.png") });
        Assert.Equal(["100000.json"], mapRequests);
        Assert.True(chromium.ConsoleErrors.Count == 0, string.Join("\n", chromium.ConsoleErrors));
    }
}
