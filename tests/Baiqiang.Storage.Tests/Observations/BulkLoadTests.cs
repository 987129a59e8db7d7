using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Observations;

/// <summary>The empty-table bulk path, which drops the secondary indexes and rebuilds them after the load.</summary>
public abstract class BulkLoadTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_EmptyTable_RebuildsIndexesAndRollsBackOnFailure()
    {
        await using var db = fixture.Open();
        Assert.Equal(3, await SecondaryIndexCountAsync(db));
        var records = Records.Many(ObservationWriter.RebuildIndexesThreshold + 1_000, "t_empty");
        var broken = records.ToList();
        broken[^1] = broken[^1] with { Source = new ObservationSource(SourceKind.Import, null!) };

        await Assert.ThrowsAnyAsync<Exception>(() => ObservationWriter.WriteAsync(db, broken, "bulk", TimeProvider.System, Ct));

        await using (var fresh = fixture.Open())
        {
            Assert.Equal(0, await fresh.Observations.CountAsync(Ct));
            Assert.Equal(3, await SecondaryIndexCountAsync(fresh));
        }

        var summary = await ObservationWriter.WriteAsync(db, records, "bulk", TimeProvider.System, Ct);

        Assert.Equal(new WriteSummary(records.Count, 0, 0), summary);
        Assert.Equal(records.Count, await db.Observations.CountAsync(o => o.IndicatorCode == new IndicatorCode("t_empty"), Ct));
        Assert.Equal(3, await SecondaryIndexCountAsync(db));
        var last = records[^1];
        Assert.Equal(last, Assert.Single(await ObservationQueries.SeriesAsync(db, last.Region, last.Indicator, Ct), o => o.Period == last.Period).ToRecord());
    }

    private static async Task<int> SecondaryIndexCountAsync(BaiqiangDbContext db)
    {
        var sql = db.Provider == StoreProvider.Sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL"
            : "SELECT COUNT(*)::int AS \"Value\" FROM pg_indexes WHERE tablename = 'observations' AND indexname <> 'pk_observations'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct);
    }
}

public sealed class SqliteBulkLoadTests(SqliteFixture fixture) : BulkLoadTests<SqliteFixture>(fixture);

public sealed class PostgresBulkLoadTests(PostgresFixture fixture) : BulkLoadTests<PostgresFixture>(fixture);
