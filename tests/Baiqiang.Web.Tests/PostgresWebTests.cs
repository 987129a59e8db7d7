using System.Net;
using Baiqiang.Web.Tests.Support;
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
}
