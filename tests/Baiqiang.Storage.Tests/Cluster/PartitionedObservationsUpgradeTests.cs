using Baiqiang.Core.Periods;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Sample;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Baiqiang.Storage.Tests.Cluster;

/// <summary>
/// A store made by the schema before migration <c>PartitionedObservations</c>, holding the sample's figures and a
/// bulk-loaded indicator over 24 years, upgrades in place: every row (id included) and the series and cross-section
/// answers stay the same; on PostgreSQL the rows then sit in one partition per year, the default partition empty, and
/// new rows continue the ids.
/// </summary>
public sealed class PartitionedObservationsUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_SqliteStoreOfThePreviousSchema_KeepsEveryObservation()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-partition-upgrade-").FullName;
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
    public async Task MigrateAsync_PostgresStoreOfThePreviousSchema_KeepsEveryObservationInYearPartitions()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresFixture.Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
            Assert.Skip("PostgreSQL tests need BAIQIANG_TEST_PG");
        }

        var name = "baiqiang_partition_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync(admin, $"CREATE DATABASE \"{name}\"");
        try
        {
            var options = new StoreOptions(StoreProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
            var years = await UpgradeAndReadBackAsync(options);

            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(Ct);
            Assert.Equal("r", await ScalarAsync(connection, "SELECT partstrat::text FROM pg_partitioned_table WHERE partrelid = 'observations'::regclass"));
            Assert.Equal("PRIMARY KEY (region_code, id, period_year)", await ScalarAsync(connection, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_observations'"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM observations_default"));
            var partitions = (long)(await ScalarAsync(connection, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'observations'::regclass"))!;
            Assert.Equal(years.Count + 1L, partitions);
            foreach (var y in years)
            {
                Assert.True((long)(await ScalarAsync(connection, $"SELECT count(*) FROM observations_y{y}"))! > 0, $"partition of {y}");
            }

            // The cache trigger came back with the table (it is what tells other nodes about new figures).
            Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'observations'::regclass AND tgname = 'trg_observations_changed'"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    /// <returns>The distinct years stored.</returns>
    private static async Task<List<int>> UpgradeAndReadBackAsync(StoreOptions options)
    {
        var known = BaiqiangStore.KnownMigrations(options.Provider);
        var added = known.Single(m => m.EndsWith("_PartitionedObservations", StringComparison.Ordinal));
        var previous = known.Last(m => string.CompareOrdinal(m, added) < 0);
        List<string> rowsBefore;
        List<string> answersBefore;
        long maxId;
        await using (var old = BaiqiangStore.Open(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
            await SampleLoader.LoadAsync(old, TimeProvider.System, Ct);
            // The bulk path (binary COPY / prepared INSERT) for a new indicator, then a correction through the revision path.
            var bulk = Records.Many(ObservationWriter.BulkThreshold + 300, "t_upgrade_bulk");
            await ObservationWriter.WriteAsync(old, bulk, "test", TimeProvider.System, Ct);
            await ObservationWriter.WriteAsync(old, [bulk[7] with { Value = 1m }], "test", TimeProvider.System, Ct);
            rowsBefore = await RowsAsync(old);
            answersBefore = await AnswersAsync(old);
            maxId = await old.Observations.MaxAsync(o => o.Id, Ct);
        }

        Assert.True(rowsBefore.Count > ObservationWriter.BulkThreshold);
        Assert.False(await BaiqiangStore.IsUpToDateAsync(options, Ct));
        await BaiqiangStore.MigrateAsync(options, Ct);
        Assert.True(await BaiqiangStore.IsUpToDateAsync(options, Ct));

        await using var db = BaiqiangStore.Open(options);
        Assert.Equal(rowsBefore, await RowsAsync(db));
        Assert.Equal(answersBefore, await AnswersAsync(db));

        // Writes after the upgrade continue the ids, in a year the store had and in one it did not.
        var region = (await db.Observations.FirstAsync(Ct)).RegionCode;
        await ObservationWriter.WriteAsync(db, [Records.Gdp(region.Value, StatPeriod.ForYear(2051), 9.125m), Records.Gdp(region.Value, StatPeriod.ForYear(2001), 8.125m)], "test", TimeProvider.System, Ct);
        Assert.Equal(["2001", "2051"], (await db.Observations.Where(o => o.Id > maxId).ToListAsync(Ct)).Select(o => o.Period.ToString()).Order(StringComparer.Ordinal));
        var years = await db.Observations.Select(o => o.PeriodYear).Distinct().OrderBy(y => y).ToListAsync(Ct);
        Assert.Contains(2051, years);
        return years;
    }

    /// <summary>Every row, every column, in id order.</summary>
    private static async Task<List<string>> RowsAsync(BaiqiangDbContext db) =>
        [.. (await db.Observations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(Ct)).Select(o =>
            $"{o.Id}|{o.ToRecord()}|{o.PeriodYear}|{o.PeriodFirstMonth}|{o.PeriodLastMonth}|{o.Revision}|{o.IsCurrent}|{o.RecordedAt:O}|{o.RecordedBy}|{o.SupersededAt:O}")];

    /// <summary>What the series page and the report card read: each stored series, and each indicator's cross-section of every period.</summary>
    private static async Task<List<string>> AnswersAsync(BaiqiangDbContext db)
    {
        var answers = new List<string>();
        var keys = await db.Observations.Select(o => new { o.RegionCode, o.IndicatorCode }).Distinct().ToListAsync(Ct);
        foreach (var k in keys.OrderBy(k => k.RegionCode.Value).ThenBy(k => k.IndicatorCode.Value, StringComparer.Ordinal).Take(200))
        {
            var series = await ObservationQueries.SeriesAsync(db, k.RegionCode, k.IndicatorCode, Ct);
            answers.Add($"{k.RegionCode} {k.IndicatorCode}: " + string.Join(", ", series.Select(o => $"{o.Period}={o.Value}/{o.GrowthPercent}/r{o.Revision}")));
        }

        var sections = (await db.Observations.Where(o => o.IsCurrent).Select(o => new { o.IndicatorCode, o.Period }).Distinct().ToListAsync(Ct))
            .OrderBy(s => s.IndicatorCode.Value, StringComparer.Ordinal).ThenBy(s => s.Period).Take(300);
        foreach (var s in sections)
        {
            var rows = await ObservationQueries.CrossSectionAsync(db, s.IndicatorCode, s.Period, null, Ct);
            answers.Add($"{s.IndicatorCode} {s.Period}: " + string.Join(", ", rows.Select(o => $"{o.RegionCode}={o.Value}")));
        }

        return answers;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
