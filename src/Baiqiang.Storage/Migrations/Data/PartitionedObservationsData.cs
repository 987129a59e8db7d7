using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Migrations.Data;

/// <summary>
/// Hand-written part of migration <c>PartitionedObservations</c> (PostgreSQL only; SQLite stays unpartitioned). Runs after
/// the generated steps have put <c>period_year</c> into the primary key and the unique indexes, and turns the plain
/// <c>observations</c> table into one partitioned by RANGE of <c>period_year</c>: a partition <c>observations_y&lt;year&gt;</c>
/// for every year stored, <c>observations_default</c> for any other year, the rows moved, then the table's constraints,
/// indexes, triggers, owner and grants recreated from the old table's catalogue entries (so whatever earlier migrations
/// made comes back), the identity column continuing after the highest id. Also creates
/// <c>baiqiang_observation_partition(year)</c>, which the writers call for a year that has no partition yet
/// (<see cref="Cluster.ObservationPartitions"/>).
/// </summary>
internal static class PartitionedObservationsData
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == Postgres)
        {
            migrationBuilder.Sql(Convert);
            migrationBuilder.Sql(Cluster.ObservationPartitions.EnsureFunction);
        }
    }

    private const string Convert = """
        DO $convert$
        DECLARE
          y integer;
          stmt text;
          statements text[] := ARRAY[]::text[];
          old_owner text;
          next_id bigint;
        BEGIN
          SET LOCAL maintenance_work_mem = '512MB';
          LOCK TABLE observations IN ACCESS EXCLUSIVE MODE;
          ALTER TABLE observations RENAME TO observations_unpartitioned;

          -- What the old table carries, to recreate on the new one once the names are free.
          SELECT pg_get_userbyid(relowner) INTO old_owner FROM pg_class WHERE oid = 'observations_unpartitioned'::regclass;
          FOR stmt IN
            SELECT format('ALTER TABLE observations ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid))
              FROM pg_constraint WHERE conrelid = 'observations_unpartitioned'::regclass AND contype IN ('p', 'u', 'f', 'c', 'x')
              ORDER BY contype = 'p' DESC, conname
          LOOP statements := statements || stmt; END LOOP;
          FOR stmt IN
            SELECT regexp_replace(pg_get_indexdef(i.indexrelid), ' ON (ONLY )?(\S+\.)?observations_unpartitioned ', ' ON \2observations ')
              FROM pg_index i
             WHERE i.indrelid = 'observations_unpartitioned'::regclass
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
             ORDER BY i.indexrelid::regclass::text
          LOOP statements := statements || stmt; END LOOP;
          FOR stmt IN
            SELECT regexp_replace(pg_get_triggerdef(oid), ' ON (\S+\.)?observations_unpartitioned ', ' ON \1observations ')
              FROM pg_trigger WHERE tgrelid = 'observations_unpartitioned'::regclass AND NOT tgisinternal ORDER BY tgname
          LOOP statements := statements || stmt; END LOOP;
          FOR stmt IN
            SELECT format('GRANT %s ON observations TO %s', privilege_type, CASE WHEN grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(grantee) END)
              FROM information_schema.role_table_grants
             WHERE table_schema = current_schema() AND table_name = 'observations_unpartitioned' AND grantee <> old_owner
          LOOP statements := statements || stmt; END LOOP;

          CREATE TABLE observations_partitioned (LIKE observations_unpartitioned INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS)
            PARTITION BY RANGE (period_year);
          FOR y IN SELECT DISTINCT period_year FROM observations_unpartitioned ORDER BY 1 LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF observations_partitioned FOR VALUES FROM (%s) TO (%s)', 'observations_y' || y, y, y + 1);
          END LOOP;
          CREATE TABLE observations_default PARTITION OF observations_partitioned DEFAULT;
          INSERT INTO observations_partitioned SELECT * FROM observations_unpartitioned;
          SELECT COALESCE(MAX(id), 0) + 1 INTO next_id FROM observations_unpartitioned;

          DROP TABLE observations_unpartitioned;
          ALTER TABLE observations_partitioned RENAME TO observations;
          ALTER SEQUENCE observations_partitioned_id_seq RENAME TO observations_id_seq;
          EXECUTE format('ALTER TABLE observations ALTER COLUMN id RESTART WITH %s', next_id);
          EXECUTE format('ALTER TABLE observations OWNER TO %I', old_owner);
          FOREACH stmt IN ARRAY statements LOOP EXECUTE stmt; END LOOP;
        END
        $convert$;
        """;
}
