using System.Net;
using System.Net.Http.Json;
using Baiqiang.Core.Indicators;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Web.Dashboard;
using Baiqiang.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>
/// The report card reads the indicator catalogue through the host's <see cref="CatalogueCache{T}"/>, once per provider: the
/// catalogue is built once and reused by every later card (page and API) while it is unchanged, and a change — through the
/// API, or written straight to the store as the CLI or another node would — shows on the very next card.
/// </summary>
public abstract class DashboardCatalogueCacheTestsBase<TFactory>(TFactory factory) : ProviderWebTests<TFactory>(factory)
    where TFactory : WebFactory
{
    private const string Card = "/api/dashboard/510502";

    private long Builds => Factory.Services.GetRequiredService<CatalogueCache<IndicatorNames>>().Builds;

    private static async Task<string> GdpNameAsync(HttpClient client)
    {
        var card = await client.GetFromJsonAsync<DashboardResponse>(Card, Ct) ?? throw new InvalidOperationException("no card");
        return Assert.Single(card.Trends, t => t.Indicator == "gdp").NameZh;
    }

    [Fact]
    public async Task ReportCard_ManyRequests_BuildTheCatalogueOnce()
    {
        await StartAsync("cat-analyst", "cat-editor");
        using var api = await Factory.TokenClientAsync("cat-editor");
        using var page = await Factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        await GdpNameAsync(api);
        var first = Builds;

        for (var i = 0; i < 5; i++)
        {
            await GdpNameAsync(api);
            using var html = await page.GetAsync(new Uri("/?region=510502", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        }

        Assert.True(first >= 1);
        Assert.Equal(first, Builds);
    }

    [Fact]
    public async Task ReportCard_AfterCatalogueEditThroughApiOrStore_ShowsTheNewNameAtOnce()
    {
        await StartAsync("cat-analyst", "cat-editor");
        using var analyst = await Factory.TokenClientAsync("cat-analyst");
        using var page = await Factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var before = await GdpNameAsync(analyst);
        var builds = Builds;

        // Through the API (the web's own write path).
        using var put = await analyst.PutAsJsonAsync("/api/indicators/gdp", new { nameZh = "地区生产总值甲" }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var afterApi = await GdpNameAsync(analyst);
        var pageAfterApi = await page.GetStringAsync(new Uri("/?region=510502", UriKind.Relative), Ct);
        var buildsAfterApi = Builds;

        // Straight into the store on a connection of its own, as `baiqiang indicators update` or another node does.
        await using (var other = BaiqiangStore.Open(Factory.Services.GetRequiredService<StoreOptions>()))
        {
            var gdp = (await IndicatorStore.LoadCatalogueAsync(other, Ct)).Get(new IndicatorCode("gdp"))!;
            await IndicatorStore.UpdateAsync(other, gdp with { NameZh = "地区生产总值乙" }, Ct);
        }

        var afterStore = await GdpNameAsync(analyst);
        var again = await GdpNameAsync(analyst);

        Assert.NotEqual("地区生产总值甲", before);
        Assert.Equal("地区生产总值甲", afterApi);
        Assert.Contains("地区生产总值甲", pageAfterApi, StringComparison.Ordinal);
        Assert.Equal("地区生产总值乙", afterStore);
        Assert.Equal("地区生产总值乙", again);
        Assert.Equal(builds + 1, buildsAfterApi);
        Assert.Equal(builds + 2, Builds);
    }
}

public sealed class DashboardCatalogueCacheTests(WebFactory factory) : DashboardCatalogueCacheTestsBase<WebFactory>(factory), IClassFixture<WebFactory>
{
    protected override bool Available => true;
}

/// <summary>The suite on PostgreSQL (BAIQIANG_TEST_PG).</summary>
public sealed class PostgresDashboardCatalogueCacheTests(PostgresWebFactory factory) : DashboardCatalogueCacheTestsBase<PostgresWebFactory>(factory), IClassFixture<PostgresWebFactory>
{
    protected override bool Available => Factory.Available;
}
