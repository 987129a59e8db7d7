using System.Net;
using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>
/// Plausibility against the region's last figure on the web: the API and the 数据导入 page refuse a figure far from the
/// stored one (problem marked overridable) and store it only with a reason, audited with the user and the reason.
/// </summary>
public abstract class ImportOverrideTests<TFactory>(TFactory factory) : IAsyncLifetime
    where TFactory : WebFactory
{
    private const string Baseline = "地区,指标,期别,数值,单位,同比增长\n510502,地区生产总值,2024年,1500.2,亿元,5.5\n";

    /// <summary>15 亿元 where 1500.2 亿元 is stored: 1/100 of it, as a 亿元 figure typed in 千万 would be.</summary>
    private const string Low = "地区,指标,期别,数值,单位,同比增长\n510502,地区生产总值,2025年,15.2,亿元,6.1\n";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual bool Available => true;

    public async ValueTask InitializeAsync()
    {
        if (Available)
        {
            await factory.EnsureUserAsync("ov-editor", "editor", 510502);
        }
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ImportApi_FigureFarBelowTheLast_RefusedUntilForcedWithAReasonThenAudited()
    {
        SkipUnlessAvailable();
        using var client = await factory.TokenClientAsync("ov-editor");
        using var baseline = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), RoleAccessTests.Upload(Baseline, "base.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, baseline.StatusCode);

        using var refused = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), RoleAccessTests.Upload(Low, "low.csv"), Ct);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("problems")[0];
        using var noReason = await client.PostAsync(new Uri("/api/imports?force=true", UriKind.Relative), RoleAccessTests.Upload(Low, "low.csv"), Ct);
        var before = await CountAsync(2025);
        using var forced = await client.PostAsync(new Uri("/api/imports?force=true&reason=" + Uri.EscapeDataString("统计局年报口径"), UriKind.Relative), RoleAccessTests.Upload(Low, "low.csv"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(problem.GetProperty("overridable").GetBoolean());
        Assert.Equal(2, problem.GetProperty("row").GetInt32());
        Assert.Contains("2024: 1500.2亿元", problem.GetProperty("zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("below the allowed 1/10", problem.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("needs a reason", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, before);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(1, await CountAsync(2025));
        var entry = Assert.Single(await OverridesAsync(), a => a.Key == "510502|gdp|2025");
        Assert.Equal("ov-editor", entry.User);
        Assert.Equal("1500.2亿元 (2024)", entry.OldValue);
        Assert.Contains("reason: 统计局年报口径", entry.NewValue, StringComparison.Ordinal);
    }

    protected void SkipUnlessAvailable()
    {
        if (Available)
        {
            return;
        }

        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
        Assert.Skip("PostgreSQL web tests need BAIQIANG_TEST_PG");
    }

    protected async Task<int> CountAsync(int year)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var code = new Core.Regions.RegionCode(510502);
        return await db.Observations.CountAsync(o => o.RegionCode == code && o.PeriodYear == year && o.IsCurrent, Ct);
    }

    protected async Task<List<Storage.Auditing.AuditEntry>> OverridesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Field == "plausibility_override").ToListAsync(Ct);
    }
}

public sealed class SqliteImportOverrideTests(WebFactory factory) : ImportOverrideTests<WebFactory>(factory), IClassFixture<WebFactory>
{
    private readonly WebFactory _factory = factory;

    [Fact]
    public async Task ImportPage_FigureFarAboveTheLast_AsksForAReasonAndCommitsWithIt()
    {
        using var client = await _factory.SignedInClientAsync("ov-editor", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Imports", UriKind.Relative), Ct);
        using var baseline = await client.PostAsync(new Uri("/Imports?handler=Validate", UriKind.Relative),
            PageTests.Form("地区,指标,期别,数值,单位\n510502,一般公共预算收入,2016年,20.5,亿元\n", "b.csv", WebFactory.Antiforgery(page)), Ct);
        var baselineReport = await baseline.Content.ReadAsStringAsync(Ct);
        using var stored = await client.PostAsync(new Uri("/Imports?handler=Commit", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebFactory.Antiforgery(baselineReport) }), Ct);
        Assert.Contains("已导入：新增 1 条", await stored.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var validate = await client.PostAsync(new Uri("/Imports?handler=Validate", UriKind.Relative),
            PageTests.Form("地区,指标,期别,数值,单位\n510502,一般公共预算收入,2017年,205000,亿元\n", "high.csv", WebFactory.Antiforgery(page)), Ct);
        var report = await validate.Content.ReadAsStringAsync(Ct);
        Assert.Contains("超过允许的10倍", report, StringComparison.Ordinal);
        Assert.Contains("id=\"force-reason\"", report, StringComparison.Ordinal);
        Assert.Contains("class=\"overridable\"", report, StringComparison.Ordinal);

        using var commit = await client.PostAsync(new Uri("/Imports?handler=Commit", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "含基金收入", ["__RequestVerificationToken"] = WebFactory.Antiforgery(report) }), Ct);

        Assert.Contains("已导入：新增 1 条", await commit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(await OverridesAsync(), a => a.Key == "510502|budget_revenue|2017" && a.User == "ov-editor" && a.NewValue!.EndsWith("reason: 含基金收入", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportPage_CommitWithoutReason_StoresNothing()
    {
        using var client = await _factory.SignedInClientAsync("ov-editor", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Imports", UriKind.Relative), Ct);
        using var api = await _factory.TokenClientAsync("ov-editor");
        using var baseline = await api.PostAsync(new Uri("/api/imports", UriKind.Relative), RoleAccessTests.Upload("地区,指标,期别,数值,单位\n510502,社会消费品零售总额,2014年,300,亿元\n", "r.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, baseline.StatusCode);
        using var validate = await client.PostAsync(new Uri("/Imports?handler=Validate", UriKind.Relative),
            PageTests.Form("地区,指标,期别,数值,单位\n510502,社会消费品零售总额,2015年,3,亿元\n", "low.csv", WebFactory.Antiforgery(page)), Ct);
        var report = await validate.Content.ReadAsStringAsync(Ct);

        using var commit = await client.PostAsync(new Uri("/Imports?handler=Commit", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebFactory.Antiforgery(report) }), Ct);

        Assert.Contains("低于允许的1/10", await commit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(2015));
    }
}

public sealed class PostgresImportOverrideTests(PostgresWebFactory factory) : ImportOverrideTests<PostgresWebFactory>(factory), IClassFixture<PostgresWebFactory>
{
    private readonly PostgresWebFactory _factory = factory;

    protected override bool Available => _factory.Available;
}
