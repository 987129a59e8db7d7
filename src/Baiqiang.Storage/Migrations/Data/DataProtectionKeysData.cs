using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Migrations.Data;

/// <summary>
/// Hand-written part of migration <c>DataProtectionKeys</c> (PostgreSQL only): a statement-level trigger on
/// <c>observations</c> that sends <c>NOTIFY baiqiang_cache, 'series'</c> (<see cref="Cluster.CacheSignals"/>) whenever
/// figures are written, by any program (a web node, the CLI). PostgreSQL delivers it at commit to every web node
/// listening, which then drops its cached series. Identical notifications of one transaction arrive once.
/// </summary>
internal static class DataProtectionKeysData
{
    public static void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        CREATE OR REPLACE FUNCTION baiqiang_observations_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            PERFORM pg_notify('baiqiang_cache', 'series');
            RETURN NULL;
        END
        $fn$;
        CREATE TRIGGER trg_observations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON observations
            FOR EACH STATEMENT EXECUTE FUNCTION baiqiang_observations_changed();
        """);

    public static void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        DROP TRIGGER IF EXISTS trg_observations_changed ON observations;
        DROP FUNCTION IF EXISTS baiqiang_observations_changed();
        """);
}
