using Baiqiang.Storage.Tests.Support;
using Npgsql;

namespace Baiqiang.Storage.Tests;

/// <summary><see cref="BaiqiangStore.MigrateAsync"/>'s cheap up-to-date check must still let EF create a store from nothing.</summary>
public sealed class MigrateCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_MissingSqliteFileThenUpToDate_CreatesItThenChecksCheaply()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-migrate-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "new.db"), null);
            Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));

            await BaiqiangStore.MigrateAsync(options, Ct);

            Assert.True(await BaiqiangStore.IsUpToDateAsync(options, Ct));
            Assert.NotEmpty(BaiqiangStore.KnownMigrations(StoreProvider.Sqlite));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task MigrateAsync_MissingPostgresDatabase_IsCreatedByEf()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresFixture.Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
            Assert.Skip("BAIQIANG_TEST_PG is not set");
        }

        var name = "baiqiang_missing_" + Guid.NewGuid().ToString("N")[..12];
        var options = new StoreOptions(StoreProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        try
        {
            Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));

            await BaiqiangStore.MigrateAsync(options, Ct);

            Assert.True(await BaiqiangStore.IsUpToDateAsync(options, Ct));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync(Ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync(Ct);
        }
    }
}
