using System.Data;
using System.Data.Common;
using Baiqiang.Core.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Indicators;

/// <summary>
/// Where the store's catalogue stands: how many audit rows the indicators and units have, and the last one's id. Every
/// change to either table is audited (<see cref="BaiqiangDbContext"/> writes the audit rows in the same save), and the
/// audit log only grows, so any committed catalogue change — through the web, the API, the CLI or another node, on
/// SQLite or PostgreSQL — gives a different version. The count catches a change that committed after a later-numbered one
/// (PostgreSQL hands out ids before commit).
/// </summary>
public readonly record struct CatalogueVersion(long Count, long Last)
{
    internal const string Sql = "SELECT count(*), coalesce(max(id), 0) FROM audit_entries WHERE entity IN ('indicator', 'unit')";

    /// <summary>Reads the store's catalogue version (one indexed query on the audit log).</summary>
    public static async Task<CatalogueVersion> ReadAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        DbConnection connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new CatalogueVersion(reader.GetInt64(0), reader.GetInt64(1));
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

/// <summary>
/// A value built from the store's indicator catalogue (<see cref="IndicatorStore.LoadCatalogueAsync(BaiqiangDbContext, CancellationToken)"/>),
/// kept while the catalogue is unchanged: each <see cref="GetAsync"/> reads the <see cref="CatalogueVersion"/> (one small
/// query) and rebuilds only when it moved. One instance per store (the web host holds it as a singleton). Never stale:
/// the version is read before the catalogue, so a kept value is never older than its version.
/// </summary>
/// <remarks>Inside a transaction the value is built afresh and not kept: that transaction may see catalogue rows that
/// are not committed (and may be rolled back).</remarks>
public sealed class CatalogueCache<T>(Func<Catalogue, T> build)
    where T : class
{
    private Entry? _entry;
    private long _builds;

    /// <summary>How many times the catalogue was read and the value built (the first use, and once per catalogue change).</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>The value for the store's current catalogue.</summary>
    public async Task<T> GetAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            return Build(await IndicatorStore.LoadCatalogueAsync(db, ct));
        }

        var version = await CatalogueVersion.ReadAsync(db, ct);
        if (Volatile.Read(ref _entry) is { } kept && kept.Version == version)
        {
            return kept.Value;
        }

        var value = Build(await IndicatorStore.LoadCatalogueAsync(db, ct));
        Volatile.Write(ref _entry, new Entry(version, value));
        return value;
    }

    private T Build(Catalogue catalogue)
    {
        Interlocked.Increment(ref _builds);
        return build(catalogue);
    }

    private sealed record Entry(CatalogueVersion Version, T Value);
}
