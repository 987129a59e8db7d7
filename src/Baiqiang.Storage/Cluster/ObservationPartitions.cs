using Baiqiang.Storage.Observations;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Baiqiang.Storage.Cluster;

/// <summary>
/// PostgreSQL partitions <c>observations</c> by <c>period_year</c> (declarative RANGE partitioning, one partition
/// <c>observations_y&lt;year&gt;</c> per year plus <c>observations_default</c>; migration <c>PartitionedObservations</c>).
/// PostgreSQL requires the partition key in the primary key and every unique index, so on PostgreSQL they end with
/// <c>period_year</c> (still led by <c>region_code</c> for Citus). SQLite keeps the same columns, unpartitioned.
/// </summary>
/// <remarks>New years: <see cref="ObservationWriter"/> calls <see cref="EnsureFunction"/>'s
/// <c>baiqiang_observation_partition(year)</c> for every year it is about to write, inside its write transaction under
/// the store's write lock, so a year's rows go straight into their own partition. Any other writer (raw SQL) never
/// fails either: a year without a partition lands in <c>observations_default</c>, and the function moves such rows into
/// the year's new partition when it is first created. Creating a partition takes a SHARE UPDATE EXCLUSIVE lock on
/// <c>observations</c> (readers and writers carry on) and an ACCESS EXCLUSIVE lock on the default partition until the
/// write commits, so a query that cannot prune the default partition (no year in its filter) waits for that one write
/// — once per new year.</remarks>
internal static class ObservationPartitions
{
    /// <summary>Extends the PostgreSQL model's keys by the partition key; run after <see cref="CitusKeys.Apply"/>.</summary>
    public static void Apply(ModelBuilder b)
    {
        var observations = b.Entity<ObservationEntity>();
        observations.HasKey(o => new { o.RegionCode, o.Id, o.PeriodYear });
        foreach (var unique in observations.Metadata.GetIndexes().Where(i => i.IsUnique).ToList())
        {
            var name = unique.GetDatabaseName();
            var filter = unique.GetFilter();
            string[] columns = [.. unique.Properties.Select(p => p.Name), nameof(ObservationEntity.PeriodYear)];
            observations.Metadata.RemoveIndex(unique);
            var index = observations.HasIndex(columns).IsUnique();
            if (name is not null)
            {
                index.HasDatabaseName(name);
            }

            if (filter is not null)
            {
                index.HasFilter(filter);
            }
        }
    }

    /// <summary>Creates (idempotently, under its own advisory lock) the partition of one year, moving that year's rows
    /// out of the default partition first; a no-op when the partition exists.</summary>
    internal const string EnsureFunction = """
        CREATE OR REPLACE FUNCTION baiqiang_observation_partition(year integer) RETURNS void LANGUAGE plpgsql AS $fn$
        DECLARE
          part text := 'observations_y' || year;
        BEGIN
          IF to_regclass(quote_ident(part)) IS NOT NULL THEN
            RETURN;
          END IF;
          PERFORM pg_advisory_xact_lock(hashtext('bq-obs-partition'));
          IF to_regclass(quote_ident(part)) IS NOT NULL THEN
            RETURN;
          END IF;
          EXECUTE format('CREATE TABLE %I (LIKE observations INCLUDING DEFAULTS INCLUDING STORAGE)', part);
          EXECUTE format('INSERT INTO %I SELECT * FROM observations_default WHERE period_year = %s', part, year);
          EXECUTE format('DELETE FROM observations_default WHERE period_year = %s', year);
          EXECUTE format('ALTER TABLE observations ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', part, year, year + 1);
        END
        $fn$;
        """;

    private const string EnsureSql = "SELECT baiqiang_observation_partition(@year)";

    /// <summary>Whether the store's observations are partitioned: PostgreSQL from migration <c>PartitionedObservations</c>
    /// on (one catalogue look-up per write; a store of an earlier schema, e.g. in an upgrade test, is written as before).</summary>
    public static async Task<bool> ActiveAsync(BaiqiangDbContext db, CancellationToken ct) =>
        db.Provider == StoreProvider.PostgreSql
        && await db.Database.SqlQueryRaw<bool>("SELECT to_regproc('baiqiang_observation_partition') IS NOT NULL AS \"Value\"").SingleAsync(ct);

    /// <summary>Makes sure each year has its partition, inside the caller's write transaction (partitioned PostgreSQL
    /// stores only: see <see cref="ActiveAsync"/>).</summary>
    public static async Task EnsureAsync(BaiqiangDbContext db, IEnumerable<int> years, CancellationToken ct)
    {
        foreach (var year in years.Distinct())
        {
            await db.Database.ExecuteSqlRawAsync(EnsureSql, [new NpgsqlParameter<int>("year", year)], ct);
        }
    }

    /// <summary><see cref="EnsureAsync"/> for one year on the open connection of a bulk load (between two COPYs).</summary>
    public static void Ensure(NpgsqlConnection connection, int year)
    {
        using var command = new NpgsqlCommand(EnsureSql, connection);
        command.Parameters.Add(new NpgsqlParameter<int>("year", NpgsqlDbType.Integer) { TypedValue = year });
        command.ExecuteNonQuery();
    }
}
