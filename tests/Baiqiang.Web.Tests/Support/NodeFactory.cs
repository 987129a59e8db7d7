using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Baiqiang.Web.Tests.Support;

/// <summary>One web node on a given store (a SQLite file or a PostgreSQL connection string), named by <c>Baiqiang:Node</c>.</summary>
public sealed class NodeFactory(string store, string node) : WebFactory
{
    /// <summary>The store this node opens.</summary>
    public string Store => store;

    protected override string StoreSetting => store;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Baiqiang:Node", node);
    }
}

/// <summary>A PostgreSQL database name on the BAIQIANG_TEST_PG server, not created (the first node creates it), dropped at the end.</summary>
public sealed class PgDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private PgDatabase(string admin)
    {
        _admin = admin;
        Name = "baiqiang_cluster_" + Guid.NewGuid().ToString("N")[..12];
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The database, or a skip (a failure when CI=true) without BAIQIANG_TEST_PG.</summary>
    public static PgDatabase Require()
    {
        var admin = Environment.GetEnvironmentVariable("BAIQIANG_TEST_PG");
        if (string.IsNullOrWhiteSpace(admin))
        {
            const string reason = "PostgreSQL web tests need BAIQIANG_TEST_PG";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }

        return new PgDatabase(admin);
    }

    /// <summary>Runs SQL on the server's maintenance database (ALTER DATABASE, pg_terminate_backend).</summary>
    public async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
