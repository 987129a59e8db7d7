using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Sample;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Baiqiang.Storage.Tests.Cluster;

/// <summary>
/// A store made by the schema before migration <c>CitusKeys</c>, holding the sample (figures, projects with their
/// children, deals, service lists, targets), upgrades in place: every row stays and reads back; on PostgreSQL the keys
/// then include <c>region_code</c> and a child whose region disagrees with its project's is refused.
/// </summary>
public sealed class CitusKeysUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_SqliteStoreOfThePreviousSchema_KeepsEveryFact()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-citus-upgrade-").FullName;
        try
        {
            await UpgradeAndReadBackAsync(BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task MigrateAsync_PostgresStoreOfThePreviousSchema_KeepsEveryFactAndKeysOnRegion()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresFixture.Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
            Assert.Skip("PostgreSQL tests need BAIQIANG_TEST_PG");
        }

        var name = "baiqiang_citus_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync(admin, $"CREATE DATABASE \"{name}\"");
        try
        {
            var options = new StoreOptions(StoreProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
            await UpgradeAndReadBackAsync(options);

            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(Ct);
            await using (var pk = new NpgsqlCommand("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_monthly_reports'", connection))
            {
                Assert.Equal("PRIMARY KEY (region_code, id)", await pk.ExecuteScalarAsync(Ct));
            }

            // The composite foreign key holds: a plan row naming a project of another region is refused.
            await using var wrong = new NpgsqlCommand(
                "INSERT INTO project_plans (region_code, project_id, project_code, year, amount) SELECT 110101, id, code, 2030, 1 FROM projects WHERE region_code <> 110101 LIMIT 1",
                connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => wrong.ExecuteNonQueryAsync(Ct));
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task UpgradeAndReadBackAsync(StoreOptions options)
    {
        var known = BaiqiangStore.KnownMigrations(options.Provider);
        var added = known.Single(m => m.EndsWith("_CitusKeys", StringComparison.Ordinal));
        var previous = known.Last(m => string.CompareOrdinal(m, added) < 0);
        var tables = CitusLayout.FromDocs().Tables.Where(t => t.Value == CitusPlacement.Distributed).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        Dictionary<string, long> before;
        List<string> projectsBefore;
        await using (var old = BaiqiangStore.Open(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(previous, Ct);

            // The sample is written with today's model, which reads a column a later migration (TwoPriceBases) adds:
            // the old schema holds it only while the sample loads.
            await old.Database.ExecuteSqlRawAsync(old.Database.IsNpgsql()
                ? "ALTER TABLE observations ADD COLUMN current_price_growth_percent numeric(28,8)"
                : "ALTER TABLE observations ADD COLUMN current_price_growth_percent TEXT", Ct);
            await SampleLoader.LoadAsync(old, TimeProvider.System, Ct);
            await old.Database.ExecuteSqlRawAsync("ALTER TABLE observations DROP COLUMN current_price_growth_percent", Ct);
            // Tables that later migrations add (the 资金到位率 rollup) are not in the previous schema yet.
            tables = await ExistingAsync(old, tables);
            before = await CountAsync(old, tables);
            projectsBefore = (await ProjectStore.ListAsync(old, null, Ct)).Select(p => $"{p.Code} {p.Region} {p.Milestones.Count}").ToList();
        }

        Assert.True(before["observations"] > 0 && before["projects"] > 0 && before["monthly_reports"] > 0 && before["deals"] > 0 && before["targets"] > 0);
        Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));
        await BaiqiangStore.MigrateAsync(options, Ct);
        Assert.True(await BaiqiangStore.IsUpToDateAsync(options, Ct));

        await using var db = BaiqiangStore.Open(options);
        Assert.Equal(before, await CountAsync(db, tables));
        Assert.Equal(projectsBefore, (await ProjectStore.ListAsync(db, null, Ct)).Select(p => $"{p.Code} {p.Region} {p.Milestones.Count}").ToList());

        // Writes after the upgrade: a closed month (a new key (region_code, id)) and a project's change with its children.
        var project = (await ProjectStore.ListAsync(db, null, Ct))[0];
        await ProjectStore.CloseMonthAsync(db, project.Region, 2030, 1, Actor.LocalAdmin("test"), TimeProvider.System, Ct);
        await ProjectStore.UpdateAsync(db, project, Actor.LocalAdmin("test"), Ct);
        Assert.Equal(before["closed_months"] + 1, (await CountAsync(db, ["closed_months"]))["closed_months"]);
        Assert.NotNull(await ProjectStore.FindAsync(db, project.Code, Ct));
    }

    private static async Task<List<string>> ExistingAsync(BaiqiangDbContext db, IReadOnlyList<string> tables)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'";
        var present = (await db.Database.SqlQueryRaw<string>(sql).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        return [.. tables.Where(present.Contains)];
    }

    private static async Task<Dictionary<string, long>> CountAsync(BaiqiangDbContext db, IReadOnlyList<string> tables)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in tables)
        {
#pragma warning disable EF1003 // the table names come from docs/scale.md's script, not from input
            counts[t] = await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM " + t).SingleAsync(Ct);
#pragma warning restore EF1003
        }

        return counts;
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
