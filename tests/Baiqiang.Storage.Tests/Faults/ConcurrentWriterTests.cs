using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Faults;

/// <summary>Writers that meet: two bulk loads of the same facts at once, and a writer that waits longer than its lock timeout.</summary>
public abstract class ConcurrentWriterTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_TwoOverlappingBulkLoadsAtOnce_OneInsertsTheOtherRevises()
    {
        // Both decide "nothing stored yet, take the bulk path"; before the decision moved under the lock, the second
        // collided with the first's rows on the unique index of current facts.
        var first = Records.Many(ObservationWriter.BulkThreshold + 500, "t_meet");
        var second = first.Select((r, i) => i % 2 == 0 ? r with { Value = r.Value + 1m } : r).ToList();
        await using var a = fixture.Open();
        await using var b = fixture.Open();

        var results = await Task.WhenAll(
            Task.Run(() => ObservationWriter.WriteAsync(a, first, "a", TimeProvider.System, Ct), Ct),
            Task.Run(() => ObservationWriter.WriteAsync(b, second, "b", TimeProvider.System, Ct), Ct));

        var n = first.Count;
        Assert.Contains(results, s => s.Inserted == n);
        Assert.Contains(results, s => s.Inserted == 0 && s.Revised + s.Unchanged == n && s.Revised == (n + 1) / 2);
        await using var check = fixture.Open();
        var indicator = new IndicatorCode("t_meet");
        Assert.Equal(n, await check.Observations.CountAsync(o => o.IndicatorCode == indicator && o.IsCurrent, Ct));
        Assert.Equal(n + ((n + 1) / 2), await check.Observations.CountAsync(o => o.IndicatorCode == indicator, Ct));
    }

    [Fact]
    public async Task WriteAsync_StoreHeldLongerThanLockTimeout_BusyAfterSayingItWaits()
    {
        await using var holder = fixture.Open();
        await using var db = fixture.Open();
        await using var tx = await HoldAsync(holder);
        var waited = 0;
        db.LockTimeout = TimeSpan.FromSeconds(1);
        db.Waiting = () => waited++;

        var busy = await Assert.ThrowsAsync<StoreBusyException>(
            () => ObservationWriter.WriteAsync(db, [Records.Gdp(320612, Core.Periods.StatPeriod.ForMonth(2021, 1), 1m, "t_held")], "w", TimeProvider.System, Ct));

        Assert.Equal(1, waited);
        Assert.False(busy.IsConflict);
        Assert.Contains("--lock-timeout", busy.Reason.En, StringComparison.Ordinal);
        Assert.Contains("已等待1秒", busy.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_LockFreedWhileWaiting_WritesAfterIt()
    {
        await using var holder = fixture.Open();
        await using var db = fixture.Open();
        var tx = await HoldAsync(holder);
        var waited = 0;
        db.LockTimeout = TimeSpan.FromSeconds(30);
        db.Waiting = () => waited++;

        var write = Task.Run(() => ObservationWriter.WriteAsync(db, [Records.Gdp(320612, Core.Periods.StatPeriod.ForMonth(2021, 2), 2m, "t_freed")], "w", TimeProvider.System, Ct), Ct);
        while (waited == 0 && !write.IsCompleted)
        {
            await Task.Delay(50, Ct);
        }

        await tx.RollbackAsync(Ct);
        await tx.DisposeAsync();
        var summary = await write;

        Assert.Equal(1, waited);
        Assert.Equal(new WriteSummary(1, 0, 0), summary);
    }

    [Fact]
    public async Task WriteAsync_LockHeldLongerThanTheCommandTimeout_KeepsWaitingUntilTheLockTimeout()
    {
        // Under load four imports that meet can wait longer than a command's timeout (30 s by default) for the write lock;
        // the wait is bounded by the lock timeout alone, so a writer given 30 s waits them out instead of dying.
        await using var holder = fixture.Open();
        var shortCommands = fixture.Provider == StoreProvider.PostgreSql
            ? new Npgsql.NpgsqlConnectionStringBuilder(Options.ConnectionString) { CommandTimeout = 1 }.ConnectionString
            : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Options.ConnectionString) { DefaultTimeout = 1 }.ConnectionString;
        await using var db = BaiqiangStore.Open(Options with { ConnectionString = shortCommands });
        var tx = await HoldAsync(holder);
        var waited = 0;
        db.LockTimeout = TimeSpan.FromSeconds(30);
        db.Waiting = () => waited++;

        var write = Task.Run(() => ObservationWriter.WriteAsync(db, [Records.Gdp(320612, Core.Periods.StatPeriod.ForMonth(2021, 3), 3m, "t_long")], "w", TimeProvider.System, Ct), Ct);
        while (waited == 0 && !write.IsCompleted)
        {
            await Task.Delay(50, Ct);
        }

        // Hold the lock past the one-second command timeout: before the fix the waiting statement timed out here.
        await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(2.5), Ct));
        Assert.False(write.IsCompleted, write.Exception?.ToString() ?? "the write finished while the lock was held");
        await tx.RollbackAsync(Ct);
        await tx.DisposeAsync();
        var summary = await write;

        Assert.Equal(1, waited);
        Assert.Equal(new WriteSummary(1, 0, 0), summary);
    }

    private StoreOptions Options => fixture.Options ?? throw new InvalidOperationException("the store is not ready");

    [Fact]
    public void From_ProviderLockErrors_MappedToBusyOrConflict()
    {
        var sqliteBusy = new Microsoft.Data.Sqlite.SqliteException("database is locked", 5);
        var pgTimeout = new Npgsql.PostgresException("lock timeout", "ERROR", "ERROR", Npgsql.PostgresErrorCodes.LockNotAvailable);
        var pgSerial = new Npgsql.PostgresException("could not serialize", "ERROR", "ERROR", Npgsql.PostgresErrorCodes.SerializationFailure);
        var pgUnique = new Npgsql.PostgresException("duplicate key", "ERROR", "ERROR", Npgsql.PostgresErrorCodes.UniqueViolation);

        Assert.False(StoreBusyException.From(new DbUpdateException("save failed", sqliteBusy))!.IsConflict);
        Assert.False(StoreBusyException.From(pgTimeout)!.IsConflict);
        Assert.True(StoreBusyException.From(pgSerial)!.IsConflict);
        Assert.True(StoreBusyException.From(new DbUpdateException("save failed", pgUnique))!.IsConflict);
        Assert.Null(StoreBusyException.From(new InvalidOperationException("other")));
    }

    /// <summary>Another writer holding the store's write lock, as an import in another process would.</summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> HoldAsync(BaiqiangDbContext holder)
    {
        var tx = await StoreWriteLock.BeginAsync(holder, Ct);
        if (holder.Provider == StoreProvider.Sqlite)
        {
            // A write, so the lock is held whatever the transaction's begin mode.
            await holder.Database.ExecuteSqlRawAsync("DELETE FROM observations WHERE indicator_code = 'none'", Ct);
        }

        return tx;
    }
}

public sealed class SqliteConcurrentWriterTests(SqliteFixture fixture) : ConcurrentWriterTests<SqliteFixture>(fixture);

public sealed class PostgresConcurrentWriterTests(PostgresFixture fixture) : ConcurrentWriterTests<PostgresFixture>(fixture);
