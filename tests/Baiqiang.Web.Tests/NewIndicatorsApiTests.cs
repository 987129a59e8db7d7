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

    [Fact]
    public async Task Commit_Decisions_MapOneAddOne_StoredWholeAndTheMappedNameIsKnownAfterwards()
    {
        const string File = "地区,指标,期别,数值,单位\n510502,江阳接口规上營業收入,2024年,640.5,亿元\n510502,江阳接口风电发电量,2024年,2.75,万千瓦时\n";
        const string Good = """[{"name":"江阳接口规上營業收入","mapTo":"营业收入"},{"name":"江阳接口风电发电量","add":{"code":"jy_api_wind","nameZh":"风电发电量(江阳接口)","unit":"万千瓦时","kind":"flow"}}]""";
        await factory.EnsureUserAsync("ni-decide-editor", "editor", 510502);
        using (var editor = await factory.TokenClientAsync("ni-decide-editor"))
        {
            using var forbidden = await editor.PostAsync(new Uri("/api/imports", UriKind.Relative), WithDecisions(File, Good), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using var client = await factory.TokenClientAsync("admin");
        // A new indicator whose code is taken: refused whole, and the other name's alias is not kept either.
        using var taken = await client.PostAsync(new Uri("/api/imports", UriKind.Relative),
            WithDecisions(File, """[{"name":"江阳接口规上營業收入","mapTo":"operating_revenue"},{"name":"江阳接口风电发电量","add":{"code":"gdp","unit":"万千瓦时","kind":"flow"}}]"""), Ct);
        var takenText = await taken.Content.ReadAsStringAsync(Ct);
        using var half = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), WithDecisions(File, """[{"name":"江阳接口规上營業收入","mapTo":"operating_revenue"}]"""), Ct);
        var halfText = await half.Content.ReadAsStringAsync(Ct);
        using var badKind = await client.PostAsync(new Uri("/api/imports", UriKind.Relative),
            WithDecisions(File, """[{"name":"江阳接口风电发电量","add":{"code":"jy_api_x","unit":"万千瓦时","kind":"weekly"}}]"""), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Contains("指标代码“gdp”已存在", takenText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, half.StatusCode);
        Assert.Contains("has no decision", halfText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badKind.StatusCode);
        Assert.Contains("unknown kind 'weekly'", await badKind.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var still = await client.PostAsync(new Uri("/api/imports/validate", UriKind.Relative), RoleAccessTests.Upload(File, "decide.csv"), Ct))
        {
            using var report = JsonDocument.Parse(await still.Content.ReadAsStringAsync(Ct));
            Assert.Equal(2, report.RootElement.GetProperty("unknownIndicators").GetArrayLength());
            Assert.StartsWith("own_", report.RootElement.GetProperty("unknownIndicators")[0].GetProperty("suggestedCode").GetString(), StringComparison.Ordinal);
        }

        using var stored = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), WithDecisions(File, Good), Ct);

        var storedText = await stored.Content.ReadAsStringAsync(Ct);
        Assert.True(stored.StatusCode == HttpStatusCode.OK, storedText);
        using var json = JsonDocument.Parse(storedText);
        Assert.Equal("jy_api_wind", Assert.Single(json.RootElement.GetProperty("addedIndicators").EnumerateArray()).GetString());
        Assert.Equal(2, json.RootElement.GetProperty("inserted").GetInt32());
        var mapped = await client.GetStringAsync(new Uri("/api/observations/series?region=510502&indicator=operating_revenue", UriKind.Relative), Ct);
        Assert.Contains("\"value\":640.5", mapped, StringComparison.Ordinal);
        // The mapped name and the added indicator's file name are aliases now: the same file imports again, unchanged.
        using var again = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), RoleAccessTests.Upload(File, "again.csv"), Ct);
        var againText = await again.Content.ReadAsStringAsync(Ct);
        Assert.True(again.StatusCode == HttpStatusCode.OK, againText);
        Assert.Contains("\"unchanged\":2", againText, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent WithDecisions(string csv, string decisions)
    {
        var content = RoleAccessTests.Upload(csv, "decide.csv");
        content.Add(new StringContent(decisions), "decisions");
        return content;
    }
}
