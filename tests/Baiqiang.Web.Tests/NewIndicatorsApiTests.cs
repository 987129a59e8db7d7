using System.Net;
using System.Text.Json;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>The unknown-indicator decision and the growth basis through the import and series APIs.</summary>
public sealed class NewIndicatorsApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Csv = "地区,指标,期别,数值,单位,同比增长,增速口径\n510502,江阳测试光伏發電量,2024-01..06,3.5,亿千瓦时,12.5,\n510502,规上工业增加值,2024-01..06,66,亿元,6.2,可比价\n";

    [Fact]
    public async Task Validate_UnknownIndicator_ListsItWithUnitRowsAndClosestNames()
    {
        using var client = await factory.TokenClientAsync("admin");

        // Its own name: the class shares one store, and the other test adds its unknown name.
        using var response = await client.PostAsync(new Uri("/api/imports/validate", UriKind.Relative),
            RoleAccessTests.Upload(Csv.Replace("江阳测试光伏", "江阳校验光伏", StringComparison.Ordinal), "new.csv"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var unknown = Assert.Single(json.RootElement.GetProperty("unknownIndicators").EnumerateArray());
        Assert.Equal("江阳校验光伏發電量", unknown.GetProperty("name").GetString());
        Assert.Equal("亿千瓦时", unknown.GetProperty("unit").GetString());
        Assert.Equal(1, unknown.GetProperty("rows").GetInt32());
        Assert.Contains(unknown.GetProperty("closest").EnumerateArray(), c => c.GetProperty("code").GetString() == "power_generation");
    }

    [Fact]
    public async Task Commit_AddIndicators_AddsStoresAndTheSeriesCarriesTheBasis()
    {
        await factory.EnsureUserAsync("ni-editor", "editor", 510502);
        using (var editor = await factory.TokenClientAsync("ni-editor"))
        {
            using var refused = await editor.PostAsync(new Uri("/api/imports?addIndicators=true", UriKind.Relative), RoleAccessTests.Upload(Csv, "new.csv"), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var client = await factory.TokenClientAsync("admin");
        using var response = await client.PostAsync(new Uri("/api/imports?addIndicators=true", UriKind.Relative), RoleAccessTests.Upload(Csv, "new.csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var added = Assert.Single(json.RootElement.GetProperty("addedIndicators").EnumerateArray()).GetString()!;
        Assert.StartsWith("own_", added, StringComparison.Ordinal);
        Assert.Equal(2, json.RootElement.GetProperty("inserted").GetInt32());

        var series = await client.GetStringAsync(new Uri("/api/observations/series?region=510502&indicator=industrial_value_added", UriKind.Relative), Ct);
        using var points = JsonDocument.Parse(series);
        var point = points.RootElement.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "2024-01..06");
        Assert.Equal("comparable", point.GetProperty("growthBasis").GetString());
        var own = await client.GetStringAsync(new Uri($"/api/observations/series?region=510502&indicator={added}", UriKind.Relative), Ct);
        Assert.Contains("\"value\":3.5", own, StringComparison.Ordinal);
    }
}
