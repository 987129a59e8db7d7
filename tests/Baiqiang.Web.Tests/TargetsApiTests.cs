using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary><c>/api/targets</c> over the sample store, as every role: reads for all, writes for admins and the region's editors.</summary>
public sealed class TargetsApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-tg-editor", "editor", 510502);
        await factory.EnsureUserAsync("tz-tg-editor", "editor", 320612);
        await factory.EnsureUserAsync("tg-analyst", "analyst");
        await factory.EnsureUserAsync("tg-reviewer", "reviewer", 510502);
        await PipelineServicesApiTests.EnsureDeskAsync(factory, "tg-desk", "区发改局");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Retail(string key, string region = "510502") => new { region, subject = "retail_sales", deadline = "2022年", value = 4_500_000m, unit = "万元", key };

    [Theory]
    [InlineData("admin")]
    [InlineData("jy-tg-editor")]
    [InlineData("tg-analyst")]
    [InlineData("tg-reviewer")]
    [InlineData("tg-desk")]
    public async Task Reads_EveryRole_ListAndDetailWithProgressOrReason(string user)
    {
        using var client = await factory.TokenClientAsync(user);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/targets?region=512000402", Ct);
        var doubling = await client.GetFromJsonAsync<JsonElement>("/api/targets/ziyang-industrial-output-doubling-2025", Ct);
        using var missing = await client.GetAsync(new Uri("/api/targets/no-such-target", UriKind.Relative), Ct);
        using var bad = await client.GetAsync(new Uri("/api/targets?region=abc", UriKind.Relative), Ct);

        var keys = list.EnumerateArray().Select(t => t.GetProperty("key").GetString()).ToList();
        Assert.Equal(["ziyang-hitech-new-starts-2023", "ziyang-hitech-signed-investment-2023", "ziyang-hitech-signed-projects-2023"], keys);
        var signed = list.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "ziyang-hitech-signed-projects-2023");
        Assert.Equal(("count", "新签约项目数", "≥", 100m, "个"), (signed.GetProperty("subjectKind").GetString(), signed.GetProperty("subjectNameZh").GetString(),
            signed.GetProperty("comparator").GetString(), signed.GetProperty("value").GetDecimal(), signed.GetProperty("unit").GetString()));
        // Judged as of the sample's day (the store's as-of setting, 2023-07-31): 7 of 2023's 12 months have passed.
        Assert.Equal(58.33m, Math.Round(signed.GetProperty("progress").GetProperty("timeElapsedPercent").GetDecimal(), 2));
        Assert.Equal((2m, "2020", "资阳市"), (doubling.GetProperty("multipleOfBase").GetDecimal(), doubling.GetProperty("basePeriod").GetString(), doubling.GetProperty("regionName").GetString()));
        Assert.Equal(JsonValueKind.Null, doubling.GetProperty("progress").ValueKind);
        Assert.Equal("缺少基期2020年的数值", doubling.GetProperty("missingZh").GetString());
        Assert.Equal(user == "admin", doubling.GetProperty("mayEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Create_JiangyangEditor_OwnRegionStoredInIndicatorUnitWithProgress()
    {
        using var client = await factory.TokenClientAsync("jy-tg-editor");

        using var created = await client.PostAsJsonAsync("/api/targets", Retail("api-jy-retail"), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/targets/api-jy-retail", created.Headers.Location!.ToString());
        var t = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((450m, "亿元", "社会消费品零售总额 2022年 ≥ 450亿元", true), (t.GetProperty("value").GetDecimal(), t.GetProperty("unit").GetString(),
            t.GetProperty("descriptionZh").GetString(), t.GetProperty("mayEdit").GetBoolean()));
        var p = t.GetProperty("progress");
        Assert.Equal(("2022-01..06", 228.09m, 50.69m, 50m, true), (p.GetProperty("currentPeriod").GetString(), p.GetProperty("current").GetDecimal(),
            Math.Round(p.GetProperty("progressPercent").GetDecimal(), 2), p.GetProperty("timeElapsedPercent").GetDecimal(), p.GetProperty("onTrack").GetBoolean()));
        Assert.Equal("目标 450亿元; 进度 228.09 ÷ 450 × 100 = 50.69%; 时间进度 50.00%", p.GetProperty("formula").GetString());
        var card = await client.GetFromJsonAsync<JsonElement>("/api/dashboard/510502", Ct);
        Assert.Contains(card.GetProperty("targets").EnumerateArray(), l => l.GetProperty("key").GetString() == "api-jy-retail" && l.GetProperty("onTrack").GetBoolean());
    }

    [Fact]
    public async Task Create_GrowthTarget_JudgedOnThePublishedRateWithItsFormula()
    {
        using var client = await factory.TokenClientAsync("jy-tg-editor");

        using var created = await client.PostAsJsonAsync("/api/targets", new { region = "510502", subject = "retail_sales", deadline = "2022", growth = 8m, key = "api-jy-retail-g8" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var t = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((8m, "%", "社会消费品零售总额 2022年 增长 ≥ 8%", JsonValueKind.Null), (t.GetProperty("growthPercent").GetDecimal(), t.GetProperty("unit").GetString(),
            t.GetProperty("descriptionZh").GetString(), t.GetProperty("value").ValueKind));
        // The sample's 2022 1–6月 retail sales grew 5.8%: 5.8 ÷ 8 = 72.5% of the rate, below it, so behind.
        var p = t.GetProperty("progress");
        Assert.Equal(("2022-01..06", 5.8m, 72.5m, 50m, false), (p.GetProperty("currentPeriod").GetString(), p.GetProperty("current").GetDecimal(),
            p.GetProperty("progressPercent").GetDecimal(), p.GetProperty("timeElapsedPercent").GetDecimal(), p.GetProperty("onTrack").GetBoolean()));
        Assert.Contains("2022年1-6月同比增长 5.8%（公布）", p.GetProperty("formula").GetString(), StringComparison.Ordinal);
        Assert.Contains("判定：增长 5.80% < 8%（期中），滞后", p.GetProperty("formula").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_JiangyangEditorOnTongzhou_ForbiddenAndNothingChanged()
    {
        using var jy = await factory.TokenClientAsync("jy-tg-editor");
        using var tz = await factory.TokenClientAsync("tz-tg-editor");
        var update = new { region = "320612", subject = "new_project_starts", deadline = "2023", value = 30m, unit = "个" };

        using var create = await jy.PostAsJsonAsync("/api/targets", Retail("api-jy-on-tz", "320612"), Ct);
        using var put = await jy.PutAsJsonAsync("/api/targets/tongzhou-new-major-starts-2023", update, Ct);
        using var delete = await jy.DeleteAsync(new Uri("/api/targets/tongzhou-new-major-starts-2023", UriKind.Relative), Ct);
        // Moving a Jiangyang target to Tongzhou is refused too: the editor must cover both regions.
        using var own = await jy.PostAsJsonAsync("/api/targets", Retail("api-jy-move"), Ct);
        using var move = await jy.PutAsJsonAsync("/api/targets/api-jy-move", new { region = "320612", subject = "retail_sales", deadline = "2022", value = 450m }, Ct);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Created, HttpStatusCode.Forbidden],
            new[] { create.StatusCode, put.StatusCode, delete.StatusCode, own.StatusCode, move.StatusCode });
        var stored = await tz.GetFromJsonAsync<JsonElement>("/api/targets/tongzhou-new-major-starts-2023", Ct);
        Assert.Equal(27m, stored.GetProperty("value").GetDecimal());
        Assert.Equal("510502", (await tz.GetFromJsonAsync<JsonElement>("/api/targets/api-jy-move", Ct)).GetProperty("region").GetString());
        using var none = await tz.GetAsync(new Uri("/api/targets/api-jy-on-tz", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        // Tongzhou's own editor may.
        using var tzPut = await tz.PutAsJsonAsync("/api/targets/tongzhou-new-major-starts-2023", update, Ct);
        Assert.Equal(HttpStatusCode.OK, tzPut.StatusCode);
        Assert.Equal(30m, (await tzPut.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData("tg-analyst")]
    [InlineData("tg-reviewer")]
    [InlineData("tg-desk")]
    public async Task Writes_ReadOnlyRoles_Forbidden(string user)
    {
        using var client = await factory.TokenClientAsync(user);

        using var create = await client.PostAsJsonAsync("/api/targets", Retail("api-ro-" + user), Ct);
        using var put = await client.PutAsJsonAsync("/api/targets/tongzhou-new-major-starts-2023", new { region = "320612", subject = "new_project_starts", deadline = "2023", value = 1m }, Ct);
        using var delete = await client.DeleteAsync(new Uri("/api/targets/tongzhou-new-major-starts-2023", UriKind.Relative), Ct);

        Assert.All([create, put, delete], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        using var none = await client.GetAsync(new Uri("/api/targets/api-ro-" + user, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task Writes_Admin_CreatesUpdatesAndDeletesAnywhere()
    {
        using var client = await factory.TokenClientAsync("admin");

        using var created = await client.PostAsJsonAsync("/api/targets", new { region = "512000", subject = "工业总产值", deadline = "2030", multiple = 3m, basePeriod = "2020" }, Ct);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString();
        using var updated = await client.PutAsJsonAsync($"/api/targets/{key}", new { region = "512000", subject = "industrial_output_total", deadline = "2030", comparator = ">=", multiple = 2.5m, basePeriod = "2020" }, Ct);
        using var gone = await client.DeleteAsync(new Uri($"/api/targets/{key}", UriKind.Relative), Ct);
        using var again = await client.DeleteAsync(new Uri($"/api/targets/{key}", UriKind.Relative), Ct);
        using var putMissing = await client.PutAsJsonAsync("/api/targets/no-such-target", new { region = "512000", subject = "gdp", deadline = "2030", value = 1m }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("512000-industrial_output_total-2030", key);
        Assert.Equal(2.5m, (await updated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("multipleOfBase").GetDecimal());
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (gone.StatusCode, again.StatusCode, putMissing.StatusCode));
    }

    [Fact]
    public async Task Create_RefusedFields_ValidationProblemByFieldInBothLanguages()
    {
        using var client = await factory.TokenClientAsync("jy-tg-editor");

        using var both = await client.PostAsJsonAsync("/api/targets", new { region = "510502", subject = "gdp", deadline = "2025", value = 1000m, multiple = 2m, basePeriod = "2020" }, Ct);
        using var wrong = await client.PostAsJsonAsync("/api/targets", new { region = "510502", subject = "gdp", deadline = "abc", value = 1000m, unit = "家", comparator = "!=" }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (both.StatusCode, wrong.StatusCode));
        var bothErrors = (await both.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("目标值与倍数只能填一个：要么填目标值，要么填基期和倍数 / give either a target value or a multiple of a base period, not both", bothErrors.GetProperty("value")[0].GetString());
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["comparator", "deadline", "unit"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("单位“家”不能换算为指标“地区生产总值”的单位“亿元” / unit '家' cannot be converted to the unit '亿元' of indicator 'gdp'", errors.GetProperty("unit")[0].GetString());
        Assert.StartsWith("目标期限“abc”无法识别", errors.GetProperty("deadline")[0].GetString(), StringComparison.Ordinal);
    }
}
