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
    public async Task Decide_MapOneAddOne_StoredWholeAndARefusedDecisionChangesNothing()
    {
        using var client = await factory.TokenClientAsync("admin");
        const string csv = "地区,指标,期别,数值,单位\n510502,江阳接口规上营业收入,2023年,640.5,亿元\n510502,江阳接口风电发电量,2023年,2.75,万千瓦时\n";

        // A new indicator whose code is taken: refused whole, and the other name's alias is not kept either.
        using var taken = MultipartWith(csv, """[{"name":"江阳接口规上营业收入","mapTo":"operating_revenue"},{"name":"江阳接口风电发电量","add":{"code":"gdp","unit":"万千瓦时","kind":"flow"}}]""");
        using var refused = await client.PostAsync(new Uri("/api/imports/decide", UriKind.Relative), taken, Ct);
        var refusal = await refused.Content.ReadAsStringAsync(Ct);
        using var undecided = MultipartWith(csv, """[{"name":"江阳接口规上营业收入","mapTo":"operating_revenue"}]""");
        using var half = await client.PostAsync(new Uri("/api/imports/decide", UriKind.Relative), undecided, Ct);
        var halfText = await half.Content.ReadAsStringAsync(Ct);
        using var good = MultipartWith(csv, """[{"name":"江阳接口规上营业收入","mapTo":"营业收入"},{"name":"江阳接口风电发电量","add":{"code":"jy_api_wind","nameZh":"风电发电量","unit":"万千瓦时","kind":"flow"}}]""");
        using var stored = await client.PostAsync(new Uri("/api/imports/decide", UriKind.Relative), good, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using (var problems = JsonDocument.Parse(refusal))
        {
            Assert.Contains(problems.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("zh").GetString()!.Contains("指标代码“gdp”已存在", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, half.StatusCode);
        Assert.Contains("needs a decision", halfText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        using var json = JsonDocument.Parse(await stored.Content.ReadAsStringAsync(Ct));
        Assert.Equal("jy_api_wind", Assert.Single(json.RootElement.GetProperty("addedIndicators").EnumerateArray()).GetString());
        Assert.Equal(2, json.RootElement.GetProperty("inserted").GetInt32());
        var mapped = await client.GetStringAsync(new Uri("/api/observations/series?region=510502&indicator=operating_revenue", UriKind.Relative), Ct);
        Assert.Contains("\"value\":640.5", mapped, StringComparison.Ordinal);
        // The file's own name for the new indicator stays an alias, so the same file imports again unchanged.
        using var again = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), RoleAccessTests.Upload(csv, "again.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"unchanged\":2", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent MultipartWith(string csv, string decisions)
    {
        var content = RoleAccessTests.Upload(csv, "decide.csv");
        content.Add(new StringContent(decisions), "decisions");
        return content;
    }
}
