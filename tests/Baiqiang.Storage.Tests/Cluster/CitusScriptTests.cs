using Baiqiang.Storage.Tests.Support;
using Baiqiang.Storage.Users;
using Npgsql;

namespace Baiqiang.Storage.Tests.Cluster;

/// <summary>
/// docs/scale.md's Citus script run on a migrated single-node PostgreSQL with Citus's functions mocked: each records its
/// call and refuses what Citus would refuse (Citus is not packaged for this machine's Debian).
/// </summary>
public sealed class CitusScriptTests(PostgresFixture store) : IClassFixture<PostgresFixture>
{
    /// <summary>
    /// create_distributed_table: a NOT NULL distribution column in the primary key and every unique index, foreign keys
    /// only to reference tables or pairing the column with an already distributed table's, colocate_with an already
    /// distributed table. create_reference_table / citus_add_local_table_to_metadata: no foreign key to a distributed table.
    /// A table placed twice is refused.
    /// </summary>
    private const string MockCitus = """
        CREATE SCHEMA IF NOT EXISTS citus_mock;
        CREATE TABLE IF NOT EXISTS citus_mock.calls (fn text NOT NULL, tbl regclass NOT NULL UNIQUE, col text, colocate_with text);

        CREATE OR REPLACE FUNCTION citus_mock.record(p_fn text, p_table regclass, p_col text, p_colocate text, p_allowed text[]) RETURNS void
        LANGUAGE plpgsql AS $fn$
        DECLARE
            r record;
            placed text;
            col_num smallint;
            target_col smallint;
        BEGIN
            IF EXISTS (SELECT 1 FROM citus_mock.calls WHERE tbl = p_table) THEN
                RAISE EXCEPTION 'table % is already placed', p_table;
            END IF;
            IF p_col IS NOT NULL THEN
                SELECT attnum INTO col_num FROM pg_attribute WHERE attrelid = p_table AND attname = p_col AND NOT attisdropped AND attnotnull;
                IF col_num IS NULL THEN
                    RAISE EXCEPTION '%: no NOT NULL column %', p_table, p_col;
                END IF;
                FOR r IN SELECT indexrelid::regclass AS ix, indkey::int2[] AS cols FROM pg_index WHERE indrelid = p_table AND indisunique LOOP
                    IF NOT (col_num = ANY (r.cols)) THEN
                        RAISE EXCEPTION '%: unique index or primary key % lacks %', p_table, r.ix, p_col;
                    END IF;
                END LOOP;
                IF p_colocate NOT IN ('default', 'none')
                   AND NOT EXISTS (SELECT 1 FROM citus_mock.calls WHERE tbl = p_colocate::regclass AND fn = 'create_distributed_table') THEN
                    RAISE EXCEPTION '%: colocate_with % is not distributed yet', p_table, p_colocate;
                END IF;
            END IF;
            FOR r IN SELECT conname, confrelid::regclass AS target, conkey, confkey FROM pg_constraint WHERE contype = 'f' AND conrelid = p_table LOOP
                SELECT c.fn INTO placed FROM citus_mock.calls c WHERE c.tbl = r.target;
                IF placed IS NULL OR NOT (placed = ANY (p_allowed)) THEN
                    RAISE EXCEPTION '%: foreign key % references % (%)', p_table, r.conname, r.target, coalesce(placed, 'not placed yet');
                END IF;
                IF placed = 'create_distributed_table' THEN
                    SELECT a.attnum INTO target_col FROM pg_attribute a JOIN citus_mock.calls c ON c.tbl = r.target
                    WHERE a.attrelid = r.target AND a.attname = c.col;
                    IF NOT EXISTS (SELECT 1 FROM unnest(r.conkey, r.confkey) AS k(mine, theirs) WHERE mine = col_num AND theirs = target_col) THEN
                        RAISE EXCEPTION '%: foreign key % does not pair % with the distribution column of %', p_table, r.conname, p_col, r.target;
                    END IF;
                END IF;
            END LOOP;
            INSERT INTO citus_mock.calls VALUES (p_fn, p_table, p_col, p_colocate);
        END
        $fn$;

        CREATE OR REPLACE FUNCTION create_distributed_table(table_name regclass, distribution_column text,
            distribution_type text DEFAULT 'hash', colocate_with text DEFAULT 'default') RETURNS void
        LANGUAGE sql AS $fn$
            SELECT citus_mock.record('create_distributed_table', table_name, distribution_column, colocate_with,
                ARRAY['create_distributed_table', 'create_reference_table'])
        $fn$;

        CREATE OR REPLACE FUNCTION create_reference_table(table_name regclass) RETURNS void
        LANGUAGE sql AS $fn$
            SELECT citus_mock.record('create_reference_table', table_name, NULL, NULL, ARRAY['create_reference_table'])
        $fn$;

        CREATE OR REPLACE FUNCTION citus_add_local_table_to_metadata(table_name regclass, cascade_via_foreign_keys boolean DEFAULT false) RETURNS void
        LANGUAGE sql AS $fn$
            SELECT citus_mock.record('citus_add_local_table_to_metadata', table_name, NULL, NULL,
                ARRAY['create_reference_table', 'citus_add_local_table_to_metadata'])
        $fn$;
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScaleScript_MigratedStoreWithCitusMocked_PlacesEveryTableOnce()
    {
        await using (var db = store.Open())
        await using (var services = UserAccounts.BuildAdminServices(store.Options!, db, TimeProvider.System))
        {
            await UserAccounts.EnsureSchemaAndRolesAsync(services, Ct); // the web sign-in tables live in the same database
        }

        await using var connection = new NpgsqlConnection(store.Options!.ConnectionString);
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, MockCitus);
        await ExecuteAsync(connection, CitusLayout.FromDocs().Script);

        var placed = await ListAsync(connection, "SELECT tbl::text FROM citus_mock.calls");
        var tables = await ListAsync(connection,
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory' " +
            "AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)"); // Citus distributes a partitioned table's partitions with it
        Assert.Equal(tables.Order(StringComparer.Ordinal), placed.Order(StringComparer.Ordinal));
        Assert.Equal("observations", Assert.Single(await ListAsync(connection, "SELECT DISTINCT colocate_with FROM citus_mock.calls WHERE fn = 'create_distributed_table' AND colocate_with <> 'default'")));
    }

    [Theory]
    [InlineData("CREATE TABLE probe_a (id bigint PRIMARY KEY, region_code int NOT NULL)", "SELECT create_distributed_table('probe_a', 'region_code')", "unique index or primary key")]
    [InlineData("CREATE TABLE probe_b (id bigint, region_code int NOT NULL, code text UNIQUE, PRIMARY KEY (region_code, id))", "SELECT create_distributed_table('probe_b', 'region_code')", "unique index or primary key")]
    [InlineData("CREATE TABLE probe_c (id bigint, region_code int, PRIMARY KEY (id))", "SELECT create_distributed_table('probe_c', 'region_code')", "no NOT NULL column")]
    [InlineData("CREATE TABLE probe_parent (code int PRIMARY KEY); CREATE TABLE probe_d (id bigint, region_code int NOT NULL REFERENCES probe_parent (code), PRIMARY KEY (region_code, id))", "SELECT create_distributed_table('probe_d', 'region_code')", "references probe_parent (not placed yet)")]
    public async Task MockedCitus_TableCitusWouldRefuse_Refused(string create, string place, string expected)
    {
        await store.Open().DisposeAsync(); // skips without BAIQIANG_TEST_PG

        await using var connection = new NpgsqlConnection(store.Options!.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var tx = await connection.BeginTransactionAsync(Ct);
        await ExecuteAsync(connection, MockCitus);
        await ExecuteAsync(connection, create);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, place));

        Assert.Contains(expected, refused.MessageText, StringComparison.Ordinal);
        await tx.RollbackAsync(Ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var list = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
