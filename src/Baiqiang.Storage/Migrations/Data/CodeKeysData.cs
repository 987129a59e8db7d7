#nullable enable

using System.Data.Common;
using System.Globalization;
using System.Text;
using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Baiqiang.Storage.Migrations.Data;

/// <summary>A store that cannot be upgraded as it is, with the reason in both languages.</summary>
public sealed class StoreUpgradeRefusedException(Bilingual reason) : Exception(reason.ToString())
{
    public Bilingual Reason { get; } = reason;
}

/// <summary>
/// Hand-written part of migration <c>CodeKeys</c>: fills <c>code_key</c> of every stored project, deal, enterprise request
/// and target from its code, and installs triggers that set it from the code on every insert and every change of the
/// code, on both providers — so a raw <c>INSERT</c> of <c>ay2023-01</c> beside <c>AY2023-01</c> meets the unique index.
/// </summary>
/// <remarks>
/// <para>The fold in SQL is the part of <see cref="RecordCode.Key"/> codes meet: full-width ASCII (U+FF01–U+FF5E) and the
/// ideographic space to ASCII (what NFKC does to them), spaces trimmed, ASCII letters upper-cased (SQLite's
/// <c>upper()</c> is ASCII-only; PostgreSQL uses <c>translate</c>, since its <c>upper()</c> follows the locale). Other NFKC
/// mappings (circled digits, ligatures) are still matched by <c>StoredCodes</c> in memory.</para>
/// <para>Existing collisions are not merged: <see cref="RefuseCollisionsAsync"/> runs before the migration and refuses
/// the upgrade naming both spellings, so the office decides which record is the real one.</para>
/// </remarks>
public static class CodeKeysData
{
    /// <summary>Tables with a coded record: table, code column, and whether codes are unique per region only.</summary>
    private static readonly (string Table, string Column, bool PerRegion, string Zh, string En)[] Tables =
    [
        ("projects", "code", true, "项目编号", "project code"),
        ("deals", "code", false, "招商项目编号", "deal code"),
        ("enterprise_requests", "key", false, "诉求编号", "request code"),
        ("targets", "key", false, "目标编号", "target key"),
    ];

    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Called from the generated <c>Up</c> between adding the columns and creating their unique indexes.</summary>
    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var postgres = IsPostgres(migrationBuilder);
        if (postgres)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION bq_code_key(code text) RETURNS text LANGUAGE sql IMMUTABLE AS
                $$ SELECT translate(btrim(translate(code, {Literal(FullWidth())}, {Literal(Ascii())})), '{Lower}', '{Upper}') $$;
                CREATE FUNCTION bq_code_key_from_code() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN NEW.code_key := bq_code_key(NEW.code); RETURN NEW; END $$;
                CREATE FUNCTION bq_code_key_from_key() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN NEW.code_key := bq_code_key(NEW.key); RETURN NEW; END $$;
                """);
        }

        foreach (var (table, column, _, _, _) in Tables)
        {
            if (postgres)
            {
                migrationBuilder.Sql($"""
                    UPDATE {table} SET code_key = bq_code_key("{column}");
                    CREATE TRIGGER {Trigger(table)} BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION bq_code_key_from_{column}();
                    """);
            }
            else
            {
                migrationBuilder.Sql(string.Join('\n', SqliteFold(table, $"\"{column}\"", null)));
                var body = string.Join('\n', SqliteFold(table, $"NEW.\"{column}\"", "NEW.id"));
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {Trigger(table)} AFTER INSERT ON {table} FOR EACH ROW
                    BEGIN
                    {body}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {Trigger(table)}_update AFTER UPDATE OF "{column}", code_key ON {table} FOR EACH ROW
                    BEGIN
                    {body}
                    END;
                    """);
            }
        }
    }

    /// <summary>Called first from the generated <c>Down</c>: removes the triggers (and PostgreSQL's functions).</summary>
    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var postgres = IsPostgres(migrationBuilder);
        foreach (var (table, _, _, _, _) in Tables)
        {
            migrationBuilder.Sql(postgres
                ? $"DROP TRIGGER IF EXISTS {Trigger(table)} ON {table};"
                : $"DROP TRIGGER IF EXISTS {Trigger(table)}; DROP TRIGGER IF EXISTS {Trigger(table)}_update;");
        }

        if (postgres)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS bq_code_key_from_code(); DROP FUNCTION IF EXISTS bq_code_key_from_key(); DROP FUNCTION IF EXISTS bq_code_key(text);");
        }
    }

    /// <summary>The trigger on <paramref name="table"/> (declared to EF with <c>HasTrigger</c>).</summary>
    public static string Trigger(string table) => $"tr_{table}_code_key";

    /// <summary>
    /// Before the <c>CodeKeys</c> migration runs on a store that has data: refuses the upgrade when two stored records
    /// are one code once normalised (<c>AY2023-01</c> and <c>ay2023-01</c>; for projects, in the same region), naming
    /// both spellings, so nothing is merged behind the office's back.
    /// </summary>
    /// <exception cref="StoreUpgradeRefusedException">Such records exist.</exception>
    public static async Task RefuseCollisionsAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = await db.Database.GetPendingMigrationsAsync(ct);
        var applied = await db.Database.GetAppliedMigrationsAsync(ct);
        if (!applied.Any() || !pending.Any(m => m.EndsWith("_CodeKeys", StringComparison.Ordinal)))
        {
            return;
        }

        var found = new List<Bilingual>();
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var (table, column, perRegion, zh, en) in Tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = perRegion ? $"SELECT region_code, \"{column}\" FROM {table}" : $"SELECT 0, \"{column}\" FROM {table}";
                var seen = new Dictionary<(long, string), string>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var region = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                    var code = reader.GetString(1);
                    if (!seen.TryAdd((region, RecordCode.Key(code)), code))
                    {
                        var first = seen[(region, RecordCode.Key(code))];
                        var where = perRegion ? string.Create(CultureInfo.InvariantCulture, $"(地区{region})") : string.Empty;
                        var whereEn = perRegion ? string.Create(CultureInfo.InvariantCulture, $" (region {region})") : string.Empty;
                        var both = RecordCode.Collision(zh, en, first, code);
                        found.Add(new Bilingual($"{table}: {both.Zh}{where}", $"{table}: {both.En}{whereEn}"));
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (found.Count > 0)
        {
            throw new StoreUpgradeRefusedException(new Bilingual(
                $"数据库未升级:以下记录规范化后编号相同,请先改名或合并(只保留一条)后再运行:{string.Join(";", found.Select(f => f.Zh))}",
                $"the store was not upgraded: these records have the same code once normalised; rename or merge them (keep one) and run again: {string.Join("; ", found.Select(f => f.En))}"));
        }
    }

    private static bool IsPostgres(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>U+FF01…U+FF5E then U+3000.</summary>
    private static string FullWidth()
    {
        var sb = new StringBuilder();
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            sb.Append(c);
        }

        return sb.Append('\u3000').ToString();
    }

    /// <summary>'!'…'~' then a space: what NFKC makes of <see cref="FullWidth"/>.</summary>
    private static string Ascii()
    {
        var sb = new StringBuilder();
        for (var c = '!'; c <= '~'; c++)
        {
            sb.Append(c);
        }

        return sb.Append(' ').ToString();
    }

    /// <summary>
    /// SQLite has no <c>translate</c>, and ninety-five nested <c>replace</c> calls overflow its parser (the sqlite3 shell could
    /// then not read the schema): the fold as a run of statements on <c>code_key</c> — the code, then ten full-width
    /// characters a statement, then trim and upper case — for the row <paramref name="id"/> (null: every row).
    /// </summary>
    /// <remarks>Each intermediate value still has lower case, full-width characters or spaces where the final key has
    /// none, so it can meet the unique index only where the final key would too. The trigger bodies rely on SQLite's
    /// default <c>recursive_triggers=OFF</c> (their own updates do not fire them again).</remarks>
    private static IEnumerable<string> SqliteFold(string table, string code, string? id)
    {
        var where = id is null ? string.Empty : $" WHERE id = {id}";
        yield return $"UPDATE {table} SET code_key = {code}{where};";
        var from = FullWidth();
        var to = Ascii();
        for (var start = 0; start < from.Length; start += 10)
        {
            var e = "code_key";
            for (var i = start; i < Math.Min(start + 10, from.Length); i++)
            {
                e = $"replace({e}, {Literal(from[i].ToString())}, {Literal(to[i].ToString())})";
            }

            yield return $"UPDATE {table} SET code_key = {e}{where};";
        }

        yield return $"UPDATE {table} SET code_key = upper(trim(code_key, ' ')){where};";
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
