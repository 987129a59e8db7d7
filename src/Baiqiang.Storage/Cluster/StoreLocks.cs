using Npgsql;

namespace Baiqiang.Storage.Cluster;

/// <summary>
/// Work that must run on one node at a time when several processes (web nodes, the CLI) share one PostgreSQL store:
/// migrations, the web host's first-run set-up, the scheduled reminder sweep. Each holds a session-level advisory lock
/// (<c>pg_advisory_lock</c> / <c>pg_try_advisory_lock</c>) on a connection of its own for the duration of the work; the
/// lock goes with the session, so a node that dies mid-work frees it.
/// </summary>
/// <remarks>
/// On SQLite the work simply runs: one SQLite file is one machine's, its writers are serialised by SQLite's single
/// write lock (imports and the sweep's inserts take it with <c>BEGIN IMMEDIATE</c>, see <see cref="Infrastructure.StoreWriteLock"/>),
/// and the reminder sweep's unique checks run inside that lock, so a second sweep adds nothing. Run several web nodes on
/// PostgreSQL.
/// </remarks>
public static class StoreLocks
{
    /// <summary>Applying migrations (“bq-migr” in ASCII).</summary>
    public const long MigrateKey = 0x62712D6D69677200;

    /// <summary>The web host's first-run set-up: Identity's tables, catalogue seed, sample data, first administrator (“bq-init”).</summary>
    public const long InitKey = 0x62712D696E697400;

    /// <summary>The reminder sweep and its delivery pass (“bq-remnd”).</summary>
    public const long ReminderKey = 0x62712D72656D6E64;

    /// <summary>Runs <paramref name="work"/> holding the lock <paramref name="key"/>, waiting for another holder to finish (PostgreSQL);
    /// on SQLite runs it at once.</summary>
    public static async Task<T> RunExclusiveAsync<T>(StoreOptions options, long key, Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(work);
        if (options.Provider != StoreProvider.PostgreSql)
        {
            return await work();
        }

        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(ct);
        // Waits as long as the holder works (a first run loading the sample data takes minutes on a busy machine): no
        // command timeout, only the caller's cancellation.
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", key, ct, waitForever: true);
        try
        {
            return await work();
        }
        finally
        {
            await UnlockAsync(connection, key);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> when no other session holds the lock <paramref name="key"/>; returns false at once (without
    /// running it) when one does. On SQLite always runs it.
    /// </summary>
    public static async Task<bool> TryRunExclusiveAsync(StoreOptions options, long key, Func<Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(work);
        if (options.Provider != StoreProvider.PostgreSql)
        {
            await work();
            return true;
        }

        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(ct);
        if (await ExecuteAsync(connection, "SELECT pg_try_advisory_lock(@key)", key, ct) is not true)
        {
            return false;
        }

        try
        {
            await work();
            return true;
        }
        finally
        {
            await UnlockAsync(connection, key);
        }
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, string sql, long key, CancellationToken ct, bool waitForever = false)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (waitForever)
        {
            command.CommandTimeout = 0;
        }

        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task UnlockAsync(NpgsqlConnection connection, long key)
    {
        try
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", key, CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection broke: the session, and with it the lock, is gone already.
        }
    }
}
