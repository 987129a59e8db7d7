using System.Net;
using System.Text.RegularExpressions;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>The 综合评价 pages over HTTP: render in Chinese and English, the empty state names what is missing, the editor saves a new version.</summary>
public sealed class RankingsPageTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private const string Run = "/Rankings?framework=top100-illustration&period=2024&group=pref:510500";

    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("rk-page-analyst", "analyst");
        await RankingSeed.SeedAsync(factory);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Theory]
    [InlineData(Run + "&compare=2023&replications=100&sensitivity=20", new[] { "ranking-chart", "综合得分", "江阳区", "名次区间（5%–95%）", "较2023", "插补：叙永县 · 外贸进出口总额", "灵敏度分析", "经济实力权重" })]
    [InlineData("/Rankings/Unit?framework=top100-illustration&period=2024&group=pref:510500&region=510521", new[] { "泸县", "unit-chart", "维度与指标贡献", "优势指标", "短板指标", "对标地区", "人均地区生产总值" })]
    [InlineData("/Rankings/Frameworks", new[] { "top100-illustration", "百强县（区）综合评价（示意体系）", "只读" })]
    [InlineData("/Rankings/Frameworks/top100-illustration", new[] { "经济实力", "越大越好", "人均（÷常住人口）", "占总指数", "加权算术平均" })]
    [InlineData("/Rankings?period=2019&group=pref:510500", new[] { "缺少数据，无法排名", "地区生产总值", "江阳区、纳溪区", "数据导入", "baiqiang import" })]
    [InlineData("/Rankings", new[] { "run-form", "泸州市各县市区" })]
    public async Task Page_Analyst_RendersInChinese(string path, string[] expected)
    {
        using var client = await factory.SignedInClientAsync("rk-page-analyst", WebFactory.UserPassword);
        var html = await GetAsync(client, path);
        foreach (var text in expected)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Run + "&lang=en&replications=50", new[] { "Composite evaluation and ranking", "Rank interval (5–95%)", "imputed: 叙永县 · foreign trade" })]
    [InlineData("/Rankings/Unit?framework=top100-illustration&period=2024&group=pref:510500&region=510502&lang=en", new[] { "Strengths", "Weaknesses", "Nearest peers", "GDP per capita" })]
    [InlineData("/Rankings/Frameworks/top100-illustration?lang=en", new[] { "economic strength", "higher is better", "Share of index" })]
    [InlineData("/Rankings?period=2019&group=pref:510500&lang=en", new[] { "Data missing: nothing can be ranked", "gross regional product" })]
    public async Task Page_English_RendersInEnglish(string path, string[] expected)
    {
        using var client = await factory.SignedInClientAsync("rk-page-analyst", WebFactory.UserPassword);
        var html = await GetAsync(client, path);
        foreach (var text in expected)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("综合得分", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Run_EmbedsTheChoroplethOfLuzhouWithEveryRegionOnTheMap()
    {
        using var client = await factory.SignedInClientAsync("rk-page-analyst", WebFactory.UserPassword);
        var html = await GetAsync(client, Run);
        var json = Regex.Match(html, "<script type=\"application/json\" id=\"ranking-map-data\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(json.Success, "no map data on the page");
        using var spec = System.Text.Json.JsonDocument.Parse(json.Groups[1].Value);
        var root = spec.RootElement;
        Assert.Equal(["510500"], root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("/lib/china-map/", root.GetProperty("baseUrl").GetString());
        var regions = root.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(RankingSeed.Units.Select(u => u.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), regions.Select(r => r.GetProperty("key").GetString()).Order());
        var jiangyang = regions.Single(r => r.GetProperty("code").GetString() == "510502");
        Assert.Equal(("江阳区", 1), (jiangyang.GetProperty("name").GetString(), jiangyang.GetProperty("rank").GetInt32()));
        Assert.StartsWith("第1梯队", root.GetProperty("tiers")[0].GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("map-missing", html, StringComparison.Ordinal);
        Assert.Contains("/js/choropleth.js", html, StringComparison.Ordinal);

        // The boundary file itself is served to the browser (static, from the npm package copied at build time).
        using var file = await client.GetAsync(new Uri("/lib/china-map/510500.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("古蔺县", await file.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_BadOption_ShowsTheUsersLanguageOnly()
    {
        using var client = await factory.SignedInClientAsync("rk-page-analyst", WebFactory.UserPassword);
        var html = await GetAsync(client, Run + "&normalization=foo");
        Assert.Contains("标准化方法“foo”无效", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown normalisation", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_AdminChangesAWeight_SavesANewVersionAndKeepsTheOld()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var page = await GetAsync(client, "/Rankings/Frameworks/top100-illustration");
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", WebFactory.Antiforgery(page)) };
        foreach (Match m in Regex.Matches(page, "<input (?:type=\"hidden\" )?name=\"((?:Nodes\\[\\d+\\]\\.\\w+)|TitleZh|TitleEn|Note)\" value=\"([^\"]*)\""))
        {
            var value = WebUtility.HtmlDecode(m.Groups[2].Value);
            form.Add(new(m.Groups[1].Value, m.Groups[1].Value == "Nodes[0].Weight" ? "0.5" : value));
        }

        foreach (Match m in Regex.Matches(page, "<select name=\"((?:Nodes\\[\\d+\\]\\.\\w+)|TopAggregation)\">(.*?)</select>", RegexOptions.Singleline))
        {
            var selected = Regex.Match(m.Groups[2].Value, "<option value=\"(\\w*)\" selected=\"selected\"");
            form.Add(new(m.Groups[1].Value, selected.Success ? selected.Groups[1].Value : Regex.Match(m.Groups[2].Value, "<option value=\"(\\w*)\"").Groups[1].Value));
        }

        Assert.Contains(form, f => f.Key == "Nodes[13].Denominator" && f.Value == "PerCapita");
        Assert.Contains(form, f => f.Key == "Nodes[0].Code" && f.Value == "economic_strength");
        using var post = await client.PostAsync(new Uri("/Rankings/Frameworks/top100-illustration?handler=Save", UriKind.Relative), new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/Rankings/Frameworks/top100-illustration?version=2&saved=new", post.Headers.Location!.OriginalString);
        var v2 = await GetAsync(client, post.Headers.Location!.OriginalString);
        Assert.Contains("已保存为第 2 版", v2, StringComparison.Ordinal);
        var v1 = await GetAsync(client, "/Rankings/Frameworks/top100-illustration?version=1");
        Assert.Contains("<td class=\"num\">0.35</td>", v1, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.5</td>", v2, StringComparison.Ordinal);

        // A bad weight is refused with the reason, and nothing new is stored.
        var bad = form.Select(f => f.Key == "Nodes[0].Weight" ? new KeyValuePair<string, string>(f.Key, "-3") : f).ToList();
        using var refused = await client.PostAsync(new Uri("/Rankings/Frameworks/top100-illustration?handler=Save", UriKind.Relative), new FormUrlEncodedContent(bad), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("权重须为非负有限数", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var v3 = await client.GetAsync(new Uri("/Rankings/Frameworks/top100-illustration?version=3", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, v3.StatusCode);
    }

    [Fact]
    public async Task Editor_Analyst_CannotPost()
    {
        using var client = await factory.SignedInClientAsync("rk-page-analyst", WebFactory.UserPassword);
        var page = await GetAsync(client, "/Rankings/Frameworks/top100-illustration");
        Assert.DoesNotContain("id=\"edit\"", page, StringComparison.Ordinal);
        using var post = await client.PostAsync(new Uri("/Rankings/Frameworks/top100-illustration?handler=Save", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", WebFactory.Antiforgery(page)), new("Nodes[0].Code", "x"), new("Nodes[0].Indicator", "gdp"),
        ]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/Auth/Denied", post.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
