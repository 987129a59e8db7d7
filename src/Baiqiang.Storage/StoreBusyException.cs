using System.Globalization;
using Baiqiang.Core.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Baiqiang.Storage;

/// <summary>
/// A write refused because of another writer, not because of its content: the store stayed busy longer than the
/// lock timeout (<see cref="IsConflict"/> false: try again later), or a concurrent writer changed the same rows first
/// (<see cref="IsConflict"/> true: run again, the figures are stored as revisions of the other's). Nothing was written.
/// </summary>
/// <remarks><see cref="From"/> is the one place that maps the providers' lock and conflict errors to this type; the CLI
/// and the web use it to answer with <see cref="Reason"/> instead of a stack trace or a bare 500.</remarks>
public sealed class StoreBusyException : Exception
{
    public StoreBusyException(Bilingual reason, bool isConflict, Exception? inner)
        : base($"{reason.Zh} / {reason.En}", inner)
    {
        Reason = reason;
        IsConflict = isConflict;
    }

    public StoreBusyException()
        : this(Busy(), false, null)
    {
    }

    public StoreBusyException(string message)
        : base(message)
    {
        Reason = new Bilingual(message, message);
    }

    public StoreBusyException(string message, Exception inner)
        : base(message, inner)
    {
        Reason = new Bilingual(message, message);
    }

    /// <summary>Why, in both languages.</summary>
    public Bilingual Reason { get; }

    /// <summary>True when another writer changed the same data first (HTTP 409); false when the store was busy (HTTP 503).</summary>
    public bool IsConflict { get; }

    /// <summary>Seconds a client should wait before trying again (the web's Retry-After).</summary>
    public int RetryAfterSeconds => IsConflict ? 1 : 5;

    internal static StoreBusyException TimedOut(TimeSpan waited, Exception inner)
    {
        var s = Math.Round(waited.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new StoreBusyException(
            new Bilingual(
                $"另一项导入或写入仍在进行，已等待{s}秒后放弃，未写入任何数据；请稍后重试（可用 --lock-timeout 延长等待）",
                $"another import or write is still running; gave up after waiting {s} s and stored nothing; try again later (--lock-timeout waits longer)"),
            false,
            inner);
    }

    private static Bilingual Busy() => new(
        "数据库正忙（另一项导入或写入正在进行），未写入任何数据；请稍后重试",
        "the store is busy (another import or write is running); nothing was stored; try again later");

    private static Bilingual Conflict() => new(
        "另一项写入同时修改了相同的数据（或与已存储的记录重复），本次未写入任何数据；请重新运行",
        "another write changed the same data at the same time (or it duplicates a stored record); nothing was stored; run it again");

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), with any extended code.</summary>
    internal static bool IsSqliteBusy(SqliteException e) => (e.SqliteErrorCode & 0xFF) is 5 or 6;

    /// <summary>
    /// The store exception for <paramref name="error"/> or any exception inside it, or null when it is not about
    /// concurrent writers: SQLite busy/locked; PostgreSQL lock timeout (55P03), serialization failure (40001) and
    /// deadlock (40P01); and a unique violation met at write time (SQLite 2067/1555, PostgreSQL 23505), which with
    /// <see cref="Infrastructure.StoreWriteLock"/> only another writer's rows can cause.
    /// </summary>
    public static StoreBusyException? From(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StoreBusyException busy:
                    return busy;
                case SqliteException s when IsSqliteBusy(s):
                    return new StoreBusyException(Busy(), false, error);
                case SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }:
                    return new StoreBusyException(Conflict(), true, error);
                case PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable }:
                    return new StoreBusyException(Busy(), false, error);
                case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation }:
                    return new StoreBusyException(Conflict(), true, error);
            }
        }

        return null;
    }
}
