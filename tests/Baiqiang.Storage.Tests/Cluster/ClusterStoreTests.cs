using Baiqiang.Storage.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Baiqiang.Storage.Tests.Cluster;

/// <summary>Migration <c>DataProtectionKeys</c> on stores of the schema before it, the migration lock and the job lock.</summary>
public sealed class ClusterStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_SqliteStoreOfThePreviousSchema_GainsKeyTableAndKeepsItsRows()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-dpkeys-upgrade-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            await MigrateToPreviousAsync(options);
            await BaiqiangStore.MigrateAsync(options, Ct);
            await AssertUpgradedAsync(options);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task MigrateAsync_PostgresStoreOfThePreviousSchema_GainsKeyTableAndTheSeriesTrigger()
    {
        await using var database = await PgDatabase.CreateAsync(create: true);
        var options = database.Options;
        await MigrateToPreviousAsync(options);
        await BaiqiangStore.MigrateAsync(options, Ct);
        await AssertUpgradedAsync(options);

        // Any statement writing observations (even one touching no row) notifies the listening nodes at commit.
        await using var listener = new NpgsqlConnection(options.ConnectionString);
        await listener.OpenAsync(Ct);
        string? payload = null;
        listener.Notification += (_, e) => payload = e.Payload;
        await using (var listen = new NpgsqlCommand("LISTEN " + CacheSignals.Channel, listener))
        {
            await listen.ExecuteNonQueryAsync(Ct);
        }

        await using (var db = BaiqiangStore.Open(options))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE observations SET revision = revision WHERE revision < 0", Ct);
        }

        Assert.True(await listener.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal(CacheSignals.Series, payload);
    }

    [Fact]
    public async Task MigrateAsync_TwoNodesAtOnceOnAMissingPostgresDatabase_AppliesEachMigrationOnce()
    {
        await using var database = await PgDatabase.CreateAsync(create: false);

        await Task.WhenAll(
            Task.Run(() => BaiqiangStore.MigrateAsync(database.Options, Ct), Ct),
            Task.Run(() => BaiqiangStore.MigrateAsync(database.Options, Ct), Ct));

        await using var db = BaiqiangStore.Open(database.Options);
        var applied = await db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\"").ToListAsync(Ct);
        Assert.Equal(BaiqiangStore.KnownMigrations(StoreProvider.PostgreSql), [.. applied.Order(StringComparer.Ordinal)]);
        Assert.True(await BaiqiangStore.IsUpToDateAsync(database.Options, Ct));
    }

    [Fact]
    public async Task TryRunExclusiveAsync_AnotherSessionHoldsTheKey_ReturnsFalseWithoutRunning()
    {
        await using var database = await PgDatabase.CreateAsync(create: true);
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = StoreLocks.RunExclusiveAsync(database.Options, StoreLocks.ReminderKey, async () =>
        {
            held.SetResult();
            await release.Task;
            return 1;
        }, Ct);
        await held.Task;

        var ranWhileHeld = false;
        var whileHeld = await StoreLocks.TryRunExclusiveAsync(database.Options, StoreLocks.ReminderKey, () => { ranWhileHeld = true; return Task.CompletedTask; }, Ct);
        var other = await StoreLocks.TryRunExclusiveAsync(database.Options, StoreLocks.InitKey, () => Task.CompletedTask, Ct);
        release.SetResult();
        await holder;
        var ranAfter = false;
        var after = await StoreLocks.TryRunExclusiveAsync(database.Options, StoreLocks.ReminderKey, () => { ranAfter = true; return Task.CompletedTask; }, Ct);

        Assert.False(whileHeld);
        Assert.False(ranWhileHeld);
        Assert.True(other);
        Assert.True(after);
        Assert.True(ranAfter);
    }

    private static async Task MigrateToPreviousAsync(StoreOptions options)
    {
        var known = BaiqiangStore.KnownMigrations(options.Provider);
        var added = known.Single(m => m.EndsWith("_DataProtectionKeys", StringComparison.Ordinal));
        var previous = known.Last(m => string.CompareOrdinal(m, added) < 0);
        await using var old = BaiqiangStore.Open(options);
        await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
        await old.Database.ExecuteSqlRawAsync(
            "INSERT INTO regions (code, name, kind, vintage) VALUES (510502, '江阳区', 3, '2023-stats')", Ct); // 3 = MunicipalDistrict
        Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));
    }

    private static async Task AssertUpgradedAsync(StoreOptions options)
    {
        await using var db = BaiqiangStore.Open(options);
        Assert.Equal("江阳区", (await db.Regions.SingleAsync(Ct)).Name);
        db.DataProtectionKeys.Add(new DataProtectionKeyEntity { FriendlyName = "key-1", Xml = "<key id=\"1\" />" });
        await db.SaveChangesAsync(Ct);
        Assert.Equal("key-1", (await db.DataProtectionKeys.AsNoTracking().SingleAsync(Ct)).FriendlyName);
        Assert.Empty(await db.AuditEntries.Where(a => a.Entity.Contains("protection")).ToListAsync(Ct));
    }

    /// <summary>A PostgreSQL database of its own (created or only named), dropped at the end; skips without BAIQIANG_TEST_PG.</summary>
    private sealed class PgDatabase(string admin, string name) : IAsyncDisposable
    {
        public StoreOptions Options { get; } = new(StoreProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);

        public string Name { get; } = name;

        public static async Task<PgDatabase> CreateAsync(bool create)
        {
            var admin = Environment.GetEnvironmentVariable(Support.PostgresFixture.Variable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
                Assert.Skip("PostgreSQL tests need BAIQIANG_TEST_PG");
            }

            var database = new PgDatabase(admin, "baiqiang_cluster_" + Guid.NewGuid().ToString("N")[..12]);
            if (create)
            {
                await database.AdminAsync($"CREATE DATABASE \"{database.Name}\"");
            }

            return database;
        }

        private async Task AdminAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
    }
}
