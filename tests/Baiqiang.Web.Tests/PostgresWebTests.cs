using System.Net;
using Baiqiang.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Baiqiang.Web.Tests;

/// <summary>The app on PostgreSQL: a fresh database from BAIQIANG_TEST_PG (skipped locally without it, required when CI=true).</summary>
public sealed class PostgresWebFactory : WebFactory, IAsyncLifetime
{
    private readonly string _database = "baiqiang_web_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string? _admin = Environment.GetEnvironmentVariable("BAIQIANG_TEST_PG");

    public bool Available => !string.IsNullOrWhiteSpace(_admin);

    protected override string StoreSetting => new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!Available)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresWebTests(PostgresWebFactory factory) : IClassFixture<PostgresWebFactory>
{
    [Fact]
    public async Task Postgres_SignInDashboardAndScopedImport_Work()
    {
        if (!factory.Available)
        {
            const string reason = "PostgreSQL web tests need BAIQIANG_TEST_PG";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }

        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureUserAsync("pg-editor", "editor", 510502);
        using var cookie = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var html = await cookie.GetStringAsync(new Uri("/?region=320612", UriKind.Relative), ct);
        Assert.Contains("880.5", html, StringComparison.Ordinal);

        using var editor = await factory.TokenClientAsync("pg-editor");
        using var tz = await editor.PostAsync(new Uri("/api/imports", UriKind.Relative),
            RoleAccessTests.Upload("地区,指标,期别,数值,单位,同比增长\n320612,地区生产总值,2024年,1900.5,亿元,6.1\n", "tz.csv"), ct);
        Assert.Equal(HttpStatusCode.Forbidden, tz.StatusCode);
        using var jy = await editor.PostAsync(new Uri("/api/imports", UriKind.Relative),
            RoleAccessTests.Upload("地区,指标,期别,数值,单位,同比增长\n510502,地区生产总值,2024年,1500.2,亿元,5.5\n", "jy.csv"), ct);
        Assert.Equal(HttpStatusCode.OK, jy.StatusCode);
        var series = await editor.GetStringAsync(new Uri("/api/observations/series?region=510502&indicator=gdp", UriKind.Relative), ct);
        Assert.Contains("1500.2", series, StringComparison.Ordinal);
    }

    /// <summary>Issue 22: the store's contexts on PostgreSQL prepare repeated statements (a year-unbounded series is
    /// otherwise planned over every year partition on each request), and a series served from the prepared statement's
    /// generic plan is byte for byte the one served unprepared.</summary>
    [Fact]
    public async Task Postgres_SeriesApi_RepeatedCacheMisses_PreparedAndSameBytes()
    {
        if (!factory.Available)
        {
            const string reason = "PostgreSQL web tests need BAIQIANG_TEST_PG";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }

        var ct = TestContext.Current.CancellationToken;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<Baiqiang.Storage.BaiqiangDbContext>();
            var identity = scope.ServiceProvider.GetRequiredService<Baiqiang.Storage.Users.WebIdentityDbContext>();
            Assert.Equal(Baiqiang.Storage.BaiqiangStore.PostgresMaxAutoPrepare,
                new NpgsqlConnectionStringBuilder(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(store.Database)).MaxAutoPrepare);
            Assert.Equal(Baiqiang.Storage.BaiqiangStore.PostgresMaxAutoPrepare,
                new NpgsqlConnectionStringBuilder(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(identity.Database)).MaxAutoPrepare);
        }

        using var client = await factory.TokenClientAsync("admin");
        var first = await client.GetByteArrayAsync(new Uri("/api/observations/series?region=320612&indicator=gdp", UriKind.Relative), ct);
        Assert.Contains("\"2023", System.Text.Encoding.UTF8.GetString(first), StringComparison.Ordinal);
        for (var i = 0; i < 12; i++)
        {
            // Every request misses the response cache and reads the store; from the fifth on, through the prepared statement.
            Baiqiang.Web.Explorer.SeriesCache.Invalidate();
            Assert.Equal(first, await client.GetByteArrayAsync(new Uri("/api/observations/series?region=320612&indicator=gdp", UriKind.Relative), ct));
        }
    }

    [Fact]
    public async Task Postgres_ProjectsFormSubmitApprove_LedgerCountsIt()
    {
        if (!factory.Available)
        {
            const string reason = "PostgreSQL web tests need BAIQIANG_TEST_PG";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }

        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureUserAsync("pg-jy-editor", "editor", 510502);
        await factory.EnsureUserAsync("pg-jy-reviewer", "reviewer", 510502);

        // The monthly form page saves all lines in one transaction: a bad line rolls back the good one.
        using var editor = await factory.SignedInClientAsync("pg-jy-editor", WebFactory.UserPassword);
        var page = await editor.GetStringAsync(new Uri("/Projects/Form?region=510502&month=2022-07", UriKind.Relative), ct);
        using var bad = await editor.PostAsync(new Uri("/Projects/Form?handler=Save&region=510502&month=2022-07", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Lines[0].Code"] = "JY-S01", ["Lines[0].ThisMonth"] = "45000",
            ["Lines[1].Code"] = "JY-S02", ["Lines[1].ThisMonth"] = "0", ["Lines[1].Cumulative"] = "1",
            ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
        }), ct);
        Assert.Contains("未保存任何数据", await bad.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var api = await factory.TokenClientAsync("pg-jy-editor");
        var none = await api.GetStringAsync(new Uri("/api/projects/JY-S01/reports/2022-07", UriKind.Relative), ct);
        Assert.Equal("[]", none);

        using var submit = await editor.PostAsync(new Uri("/Projects/Form?handler=Submit&region=510502&month=2022-07", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Lines[0].Code"] = "JY-S01", ["Lines[0].ThisMonth"] = "45000", ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
        }), ct);
        Assert.Contains("已保存并提交 1 个项目的月报", await submit.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        using var reviewer = await factory.TokenClientAsync("pg-jy-reviewer");
        using var approve = await reviewer.PostAsync(new Uri("/api/projects/JY-S01/reports/2022-07/approve", UriKind.Relative), null, ct);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        using var ledger = System.Text.Json.JsonDocument.Parse(await reviewer.GetStringAsync(new Uri("/api/projects/ledger?period=2022-01..07&by=region&region=510502", UriKind.Relative), ct));
        var total = ledger.RootElement.GetProperty("total");
        Assert.Equal(1_813_000m, total.GetProperty("completedYearToDate").GetDecimal());
        Assert.Equal("181.3亿元 ÷ 335.7亿元 = 54.01%", total.GetProperty("formula").GetString());
    }
}
