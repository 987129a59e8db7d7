using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Baiqiang.Storage.Infrastructure;

/// <summary>
/// One writer at a time for the store's imports: the checks an import decides by ("is the table empty", "which
/// indicators already hold figures", "which codes exist") run inside the write transaction, after this lock is held,
/// so two imports that meet end one after the other instead of colliding on a unique index.
/// </summary>
/// <remarks>
/// SQLite: the transaction starts with <c>BEGIN IMMEDIATE</c> (the write lock is taken at the start, not at the first
/// write); the wait is polled in one-second steps so the waiting writer can say that it waits.
/// PostgreSQL: a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>) on one key per database; when it is
/// held by another writer, <c>lock_timeout</c> bounds the wait. Either way, a writer that cannot get the lock within
/// <see cref="BaiqiangDbContext.LockTimeout"/> gets a <see cref="StoreBusyException"/>.
/// </remarks>
public static class StoreWriteLock
{
    /// <summary>The advisory lock key of the store's writers (“bq-write” in ASCII).</summary>
    internal const long AdvisoryKey = 0x62712D7772697465;

    /// <summary>How much longer than the lock timeout the client waits for the server's own lock-timeout answer.</summary>
    private const int LockWaitSlackSeconds = 30;

    /// <summary>Begins a write transaction holding the store's write lock. The caller commits and disposes it.</summary>
    public static async Task<IDbContextTransaction> BeginAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var timeout = db.LockTimeout;
        var watch = Stopwatch.StartNew();
        if (db.Provider == StoreProvider.Sqlite)
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var previous = connection.DefaultTimeout;
            var waiting = false;
            try
            {
                while (true)
                {
                    // Microsoft.Data.Sqlite retries a busy BEGIN IMMEDIATE until the command timeout (whole seconds).
                    connection.DefaultTimeout = 1;
                    try
                    {
                        return await db.Database.BeginTransactionAsync(ct);
                    }
                    catch (SqliteException e) when (StoreBusyException.IsSqliteBusy(e))
                    {
                        if (!waiting)
                        {
                            waiting = true;
                            db.Waiting?.Invoke();
                        }

                        if (watch.Elapsed >= timeout)
                        {
                            throw StoreBusyException.TimedOut(timeout, e);
                        }
                    }
                }
            }
            finally
            {
                connection.DefaultTimeout = previous;
            }
        }

        var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await EnterAsync(db, ct);
            return tx;
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            await tx.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes the write lock inside the caller's transaction: on PostgreSQL the advisory lock (held to the end of
    /// that transaction); on SQLite nothing more (a transaction begun by EF Core is already <c>BEGIN IMMEDIATE</c>).</summary>
    public static async Task EnterAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Provider != StoreProvider.PostgreSql)
        {
            return;
        }

        var key = AdvisoryKey.ToString(CultureInfo.InvariantCulture);
        if (await ScalarAsync(db, $"SELECT pg_try_advisory_xact_lock({key})", ct) is true)
        {
            return;
        }

        db.Waiting?.Invoke();
        var ms = Math.Max(1, (long)db.LockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        try
        {
            // lock_timeout bounds this wait; the command's own timeout (Npgsql's 30 s by default) must not end it first, or a
            // writer told to wait 60 s (or --lock-timeout 300) died after 30 s with an unhandled client-side timeout.
            var seconds = (int)Math.Min(int.MaxValue / 2, Math.Ceiling(db.LockTimeout.TotalSeconds)) + LockWaitSlackSeconds;
            await ScalarAsync(db, $"SET LOCAL lock_timeout = {ms}; SELECT pg_advisory_xact_lock({key})", ct, seconds);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw StoreBusyException.TimedOut(db.LockTimeout, e);
        }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException)
        {
            throw StoreBusyException.TimedOut(db.LockTimeout, e);
        }
    }

    /// <summary>Runs <paramref name="work"/> holding the write lock: in a new transaction committed when it returns
    /// (rolled back when it throws), or in the caller's transaction when there is one.</summary>
    public static async Task<T> RunAsync<T>(BaiqiangDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            await EnterAsync(db, ct);
            return await work();
        }

        await using var tx = await BeginAsync(db, ct);
        try
        {
            var result = await work();
            await tx.CommitAsync(ct);
            return result;
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static async Task<object?> ScalarAsync(BaiqiangDbContext db, string sql, CancellationToken ct, int? timeoutSeconds = null)
    {
        DbConnection connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (timeoutSeconds is { } seconds)
        {
            command.CommandTimeout = seconds;
        }

        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return await command.ExecuteScalarAsync(ct);
    }
}
