using System.Data.Common;
using Baiqiang.Storage.Migrations.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Baiqiang.Storage.Tests.Infrastructure;

/// <summary>
/// Migration <c>CodeKeys</c> on a store made by the schema before it: codes stored in any spelling get their folded
/// <c>code_key</c>, the unique index then refuses a raw insert of another spelling, and two spellings of one code
/// already stored refuse the upgrade naming both (nothing merged, the store left as it was).
/// </summary>
public abstract class CodeKeysUpgradeTests
{
    private const string DealColumns = "code, name, region_code, investor_name, investor_type, origin_region, origin_place, industry_chain, source, planned_investment, responsible, department, stage, lead_on";

    private const string ProjectColumns = "region_code, code, name, category, kind, owner_enterprise, construction_content, total_investment, tags, leader, lead_department, work_group, initial_status, status";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store no migration has touched yet, and how to remove it.</summary>
    protected abstract Task<(StoreOptions Options, Func<Task> Remove)> CreateAsync();

    [Fact]
    public async Task MigrateAsync_PreviousSchemaWithVariantSpellings_FillsKeysAndRefusesAnotherSpelling()
    {
        var (options, remove) = await CreateAsync();
        try
        {
            await AtPreviousSchemaAsync(options,
                $"INSERT INTO deals ({DealColumns}) VALUES ({Deal("ＡＹ2023-02")})",
                $"INSERT INTO deals ({DealColumns}) VALUES ({Deal(" ay2023-03")})",
                $"INSERT INTO projects ({ProjectColumns}) VALUES ({Project(510502, "jy-s01")})",
                $"INSERT INTO projects ({ProjectColumns}) VALUES ({Project(320612, "JY-S01")})");

            await BaiqiangStore.MigrateAsync(options, Ct);

            await using var db = BaiqiangStore.Open(options);
            Assert.Equal(["AY2023-02", "AY2023-03"], await ColumnAsync(db, "SELECT code_key FROM deals ORDER BY code_key"));
            Assert.Equal(["JY-S01", "JY-S01"], await ColumnAsync(db, "SELECT code_key FROM projects ORDER BY region_code"));
            var raw = await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(db,
                $"INSERT INTO deals ({DealColumns}, code_key) VALUES ({Deal("ay2023-02")}, 'whatever')"));
            Assert.Contains("code_key", raw.Message, StringComparison.OrdinalIgnoreCase);
            await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(db,
                $"INSERT INTO projects ({ProjectColumns}, code_key) VALUES ({Project(510502, "ＪＹ-S01")}, '')"));
            await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(db, "UPDATE deals SET code = 'AY2023-02' WHERE code = ' ay2023-03'"));

            // A new code in any spelling gets its key from the database, whatever the statement says.
            await ExecAsync(db, $"INSERT INTO deals ({DealColumns}, code_key) VALUES ({Deal("ｎｅｗ-1")}, 'x')");
            Assert.Equal("NEW-1", Assert.Single(await ColumnAsync(db, "SELECT code_key FROM deals WHERE code = 'ｎｅｗ-1'")));
        }
        finally
        {
            await remove();
        }
    }

    [Fact]
    public async Task MigrateAsync_TwoSpellingsOfOneStoredCode_RefusedNamingBothAndStoreLeftAsItWas()
    {
        var (options, remove) = await CreateAsync();
        try
        {
            await AtPreviousSchemaAsync(options,
                $"INSERT INTO deals ({DealColumns}) VALUES ({Deal("AY2023-01")})",
                $"INSERT INTO deals ({DealColumns}) VALUES ({Deal("ay2023-01")})");

            var refused = await Assert.ThrowsAsync<StoreUpgradeRefusedException>(() => BaiqiangStore.MigrateAsync(options, Ct));

            Assert.Contains("“AY2023-01”与“ay2023-01”", refused.Reason.Zh, StringComparison.Ordinal);
            Assert.Contains("'AY2023-01' and 'ay2023-01'", refused.Reason.En, StringComparison.Ordinal);
            Assert.Contains("deals", refused.Reason.En, StringComparison.Ordinal);
            Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));
            await using var db = BaiqiangStore.Open(options);
            Assert.Equal(["AY2023-01", "ay2023-01"], await ColumnAsync(db, "SELECT code FROM deals ORDER BY code"));
        }
        finally
        {
            await remove();
        }
    }

    private static async Task AtPreviousSchemaAsync(StoreOptions options, params string[] inserts)
    {
        var known = BaiqiangStore.KnownMigrations(options.Provider);
        var codeKeys = known.Single(m => m.EndsWith("_CodeKeys", StringComparison.Ordinal));
        var previous = known.Last(m => string.CompareOrdinal(m, codeKeys) < 0);
        await using var old = BaiqiangStore.Open(options);
        await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
        foreach (var sql in inserts)
        {
            await ExecAsync(old, sql);
        }
    }

    /// <summary>Test-owned SQL with literal test values only.</summary>
    private static Task<int> ExecAsync(BaiqiangDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql, Ct);

    private static string Deal(string code) =>
        $"'{code}', '某项目', 510502, '某公司', 1, '四川省', '成都市', '电子信息', 1, 1000, '张三', '投促局', 1, '2023-01-05'";

    private static string Project(int region, string code) =>
        $"{region}, '{code}', '某项目', 1, 1, '某公司', '建设内容', 1000, '', '李四', '发改局', '', 1, 1";

    private static async Task<List<string>> ColumnAsync(BaiqiangDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var list = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                list.Add(reader.GetString(0));
            }

            return list;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class SqliteCodeKeysUpgradeTests : CodeKeysUpgradeTests
{
    protected override Task<(StoreOptions Options, Func<Task> Remove)> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-codekeys-").FullName;
        var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
        return Task.FromResult<(StoreOptions, Func<Task>)>((options, () =>
        {
            BaiqiangStore.ReleaseSqlitePool(options);
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }));
    }
}

public sealed class PostgresCodeKeysUpgradeTests : CodeKeysUpgradeTests
{
    protected override Task<(StoreOptions Options, Func<Task> Remove)> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("BAIQIANG_TEST_PG");
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
            Assert.Skip("PostgreSQL tests need BAIQIANG_TEST_PG");
        }

        var name = "bq_codekeys_" + Guid.NewGuid().ToString("N")[..12];
        var options = new StoreOptions(StoreProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        return Task.FromResult<(StoreOptions, Func<Task>)>((options, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }));
    }
}
