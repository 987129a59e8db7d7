using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>亮灯 on the ledger API and the 红黑榜 endpoint over the sample ledger (江阳区 1–6月: 52.67% against 50%).</summary>
public sealed class ProjectLightsApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await factory.EnsureUserAsync("light-analyst", "analyst");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ledger_ByRegion_GreenWithReasonInBothLanguages()
    {
        using var client = await factory.TokenClientAsync("light-analyst");

        var ledger = await client.GetFromJsonAsync<JsonElement>("/api/projects/ledger?period=2022-01..06&by=region&region=510502&today=2022-07-10", Ct);

        var row = Assert.Single(ledger.GetProperty("rows").EnumerateArray());
        Assert.Equal(("green", "绿"), (row.GetProperty("light").GetString(), row.GetProperty("lightZh").GetString()));
        Assert.Equal("完成率52.7%，不低于序时进度50.0%(高2.7个百分点)", row.GetProperty("lightReasonZh").GetString());
        Assert.StartsWith("completion 52.7%", row.GetProperty("lightReasonEn").GetString(), StringComparison.Ordinal);
        var projects = await client.GetFromJsonAsync<JsonElement>("/api/projects/ledger?period=2022-01..06&by=project&region=510502&today=2022-07-10", Ct);
        Assert.All(projects.GetProperty("rows").EnumerateArray(), r => Assert.NotEqual(string.Empty, r.GetProperty("lightReasonZh").GetString()));
    }

    [Fact]
    public async Task HonorRoll_ByUnit_JsonAndXlsxAndBadQueryRefused()
    {
        using var client = await factory.TokenClientAsync("light-analyst");

        var roll = await client.GetFromJsonAsync<JsonElement>("/api/projects/honor-roll?period=2022-01..06&by=unit&top=2&region=510502&today=2022-07-10", Ct);
        using var xlsx = await client.GetAsync("/api/projects/honor-roll?period=2022-01..06&by=unit&top=2&region=510502&format=xlsx", Ct);
        using var bad = await client.GetAsync("/api/projects/honor-roll?period=2022-01..06&by=county&top=0", Ct);

        var entries = roll.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(("unit", 2), (roll.GetProperty("by").GetString(), roll.GetProperty("top").GetInt32()));
        var top = entries.Where(e => e.GetProperty("list").GetString() == "ProgressTop").ToList();
        var bottom = entries.Where(e => e.GetProperty("list").GetString() == "ProgressBottom").ToList();
        Assert.Equal(2, top.Count);
        Assert.True(top[0].GetProperty("gapPoints").GetDecimal() >= top[1].GetProperty("gapPoints").GetDecimal());
        Assert.True(bottom[0].GetProperty("gapPoints").GetDecimal() <= bottom[1].GetProperty("gapPoints").GetDecimal());
        Assert.All(entries, e => Assert.NotEqual(string.Empty, e.GetProperty("lightReasonZh").GetString()));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("unit、leader、group 或 region", errors.GetProperty("by")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("between 1 and 100", errors.GetProperty("top")[0].GetString(), StringComparison.Ordinal);
    }
}
