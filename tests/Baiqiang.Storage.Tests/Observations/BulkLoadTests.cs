using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Observations;

/// <summary>The empty-table bulk path, which drops the secondary indexes (and PostgreSQL's primary key) and rebuilds them after the load.</summary>
public abstract class BulkLoadTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_EmptyTable_RebuildsIndexesAndRollsBackOnFailure()
    {
        await using var db = fixture.Open();
        Assert.Equal(3, await SecondaryIndexCountAsync(db));
        var key = await PrimaryKeyAsync(db);
        var records = Records.Many(ObservationWriter.RebuildIndexesThreshold + 1_000, "t_empty");
        var broken = records.ToList();
        broken[^1] = broken[^1] with { Source = new ObservationSource(SourceKind.Import, null!) };

        await Assert.ThrowsAnyAsync<Exception>(() => ObservationWriter.WriteAsync(db, broken, "bulk", TimeProvider.System, Ct));

        await using (var fresh = fixture.Open())
        {
            Assert.Equal(0, await fresh.Observations.CountAsync(Ct));
            Assert.Equal(3, await SecondaryIndexCountAsync(fresh));
            Assert.Equal(key, await PrimaryKeyAsync(fresh));
        }

        var summary = await ObservationWriter.WriteAsync(db, records, "bulk", TimeProvider.System, Ct);

        Assert.Equal(new WriteSummary(records.Count, 0, 0), summary);
        Assert.Equal(records.Count, await db.Observations.CountAsync(o => o.IndicatorCode == new IndicatorCode("t_empty"), Ct));
        Assert.Equal(3, await SecondaryIndexCountAsync(db));
        Assert.Equal(key, await PrimaryKeyAsync(db));
        var last = records[^1];
        Assert.Equal(last, Assert.Single(await ObservationQueries.SeriesAsync(db, last.Region, last.Indicator, Ct), o => o.Period == last.Period).ToRecord());
    }

    [Fact]
    public async Task WriteAsync_BulkPath_StoresEveryFieldExactlyAsGiven()
    {
        await using var db = fixture.Open();
        var records = Records.Many(ObservationWriter.BulkThreshold + 100, "t_exact");
        decimal[] values = [0m, 0.00m, -0.00000001m, 0.00000001m, 99999999999999999999.99999999m, -12345678901234.5678m, 80.19m, 10000m, 1.10m, -7.5m, 4294967296.00000001m];
        for (var i = 0; i < values.Length; i++)
        {
            var basis = (GrowthBasis)(i % 3);
            records[i] = records[i] with
            {
                Value = values[i],
                GrowthPercent = i % 4 == 0 ? null : (i * 1.25m) - 3m,
                GrowthBasis = basis,
                CurrentPriceGrowthPercent = basis == GrowthBasis.Current ? null : 6.1m,
                Qualifier = (Qualifier)(i % 3),
                Source = new ObservationSource(SourceKind.Document, i % 2 == 0 ? "二〇二三年统计公报.csv" : "bulk.csv", i % 2 == 0 ? null : i + 2, i % 2 == 0 ? null : "数值"),
            };
        }

        records[^1] = records[^1] with { Value = null, GrowthPercent = 9.8m };

        try
        {
            var summary = await ObservationWriter.WriteAsync(db, records, "批量", TimeProvider.System, Ct);

            Assert.Equal(new WriteSummary(records.Count, 0, 0), summary);
            var stored = await db.Observations.AsNoTracking().Where(o => o.IndicatorCode == new IndicatorCode("t_exact")).ToListAsync(Ct);
            Assert.Equal(records.Count, stored.Count);
            Assert.All(stored, o => Assert.True(o.Revision == 1 && o.IsCurrent && o.SupersededAt is null && o.RecordedBy == "批量"));
            var byKey = stored.ToDictionary(o => (o.RegionCode, o.Period), o => o.ToRecord());
            Assert.All(records, r => Assert.Equal(r, byKey[(r.Region, r.Period)]));
        }
        finally
        {
            // The empty-table test of this class needs the table empty again.
            await db.Observations.Where(o => o.IndicatorCode == new IndicatorCode("t_exact")).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    /// <summary>The SQLite writer binds only what changed since the statement's last use of each parameter: values that
    /// repeat, change and turn null in runs of different lengths must each land in their own row.</summary>
    [Fact]
    public async Task WriteAsync_BulkPath_ValuesRepeatingAndChangingInRuns_EachRowStoredAsGiven()
    {
        await using var db = fixture.Open();
        var records = Records.Many(ObservationWriter.BulkThreshold + 77, "t_runs");
        for (var i = 0; i < records.Count; i++)
        {
            var basis = (GrowthBasis)(i / 7 % 3);
            records[i] = records[i] with
            {
                Value = i % 5 == 0 ? null : i / 3 * 0.5m,
                GrowthPercent = i % 5 == 0 || i % 2 == 0 ? 1.5m : i % 3 == 0 ? null : -1.50m,
                GrowthBasis = basis,
                CurrentPriceGrowthPercent = basis == GrowthBasis.Current || i / 11 % 2 == 0 ? null : 6.1m,
                Qualifier = (Qualifier)(i / 13 % 3),
                Source = new ObservationSource(
                    i / 17 % 2 == 0 ? SourceKind.Import : SourceKind.Document,
                    i / 19 % 2 == 0 ? "a.csv" : "统计公报.csv",
                    i / 23 % 2 == 0 ? null : (i / 4) + 2,
                    i / 29 % 2 == 0 ? null : "数值"),
            };
        }

        try
        {
            var summary = await ObservationWriter.WriteAsync(db, records, "批量", TimeProvider.System, Ct);

            Assert.Equal(new WriteSummary(records.Count, 0, 0), summary);
            var stored = await db.Observations.AsNoTracking().Where(o => o.IndicatorCode == new IndicatorCode("t_runs")).ToListAsync(Ct);
            var byKey = stored.ToDictionary(o => (o.RegionCode, o.Period), o => o.ToRecord());
            Assert.Equal(records.Count, byKey.Count);
            Assert.All(records, r => Assert.Equal(r, byKey[(r.Region, r.Period)]));
            if (db.Provider == StoreProvider.Sqlite)
            {
                // Stored as the text EF Core writes for a decimal (10000.0, 0.5, -1.5), so both paths compare and sort alike.
                var texts = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT growth_percent AS \"Value\" FROM observations WHERE indicator_code = 't_runs' AND growth_percent IS NOT NULL").ToListAsync(Ct);
                Assert.Equal(["-1.5", "1.5"], texts.Order(StringComparer.Ordinal));
                var values = await db.Database.SqlQueryRaw<string>("SELECT value AS \"Value\" FROM observations WHERE indicator_code = 't_runs' AND value IS NOT NULL").ToListAsync(Ct);
                Assert.Equal(records.Where(r => r.Value is not null).Select(r => r.Value!.Value.ToString("0.0###########################", CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
            }
        }
        finally
        {
            await db.Observations.Where(o => o.IndicatorCode == new IndicatorCode("t_runs")).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    private static async Task<int> SecondaryIndexCountAsync(BaiqiangDbContext db)
    {
        var sql = db.Provider == StoreProvider.Sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL"
            : "SELECT COUNT(*)::int AS \"Value\" FROM pg_indexes WHERE tablename = 'observations' AND indexname <> 'pk_observations'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct);
    }

    /// <summary>The primary key as declared, and on PostgreSQL how many partitions lack its index (0: every partition
    /// has it again after the load rebuilt it).</summary>
    private static async Task<string> PrimaryKeyAsync(BaiqiangDbContext db)
    {
        var sql = db.Provider == StoreProvider.Sqlite
            ? "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'observations'"
            : """
              SELECT (SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'observations'::regclass AND contype = 'p')
                  || ' / partitions without it: '
                  || (SELECT COUNT(*) FROM pg_inherits i WHERE i.inhparent = 'observations'::regclass
                        AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = i.inhrelid AND x.indisprimary AND x.indisvalid)) AS "Value"
              """;
        var key = await db.Database.SqlQueryRaw<string>(sql).SingleAsync(Ct);
        Assert.Contains(db.Provider == StoreProvider.Sqlite ? "PRIMARY KEY AUTOINCREMENT" : "PRIMARY KEY (region_code, id, period_year) / partitions without it: 0", key, StringComparison.Ordinal);
        return key;
    }
}

public sealed class SqliteBulkLoadTests(SqliteFixture fixture) : BulkLoadTests<SqliteFixture>(fixture);

public sealed class PostgresBulkLoadTests(PostgresFixture fixture) : BulkLoadTests<PostgresFixture>(fixture);
