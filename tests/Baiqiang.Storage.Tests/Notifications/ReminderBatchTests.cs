using Baiqiang.Core.Regions;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Notifications;
using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Notifications;

/// <summary>
/// The sweep's writes in batches, against each provider: small batches store exactly what one transaction over all
/// stores; a sweep stopped part-way and run again ends with the same rows, none twice; and another writer gets the store
/// between two batches while the sweep is still running (ordered by events, no timing). Each test sweeps its own period.
/// </summary>
public abstract class ReminderBatchTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Covered = new(511302);
    private static readonly RegionCode Other = new(511303);
    private static readonly RegionCode Inbox = new(511304);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2031, 5, 8, 1, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SweepBatching OneTransaction => new(int.MaxValue, TimeSpan.Zero);

    private async Task<BaiqiangDbContext> OpenAsync()
    {
        var db = fixture.Open();
        await NotificationStore.SetRecipientAsync(db, new NotificationRecipient("batch-1", "batch1@naxi.gov.cn", new HashSet<RegionCode> { Covered }, new HashSet<string>()), "tester", Ct);
        await NotificationStore.SetRecipientAsync(db, new NotificationRecipient("batch-2", null, new HashSet<RegionCode> { Covered }, new HashSet<string> { "县交通运输局" }), "tester", Ct);
        await NotificationStore.SetRecipientAsync(db, new NotificationRecipient("batch-3", "batch3@naxi.gov.cn", new HashSet<RegionCode>(), new HashSet<string> { "县交通运输局" }), "tester", Ct);
        Assert.True((await StoreSettings.SetAsync(db, StoreSettings.WebhookKey, "http://127.0.0.1:9/robot/send?key=a http://127.0.0.1:9/robot/send?key=b", "tester", Ct)).Success);
        return db;
    }

    /// <summary>61 reminders of three causes over a covered region, another and one nobody covers, some also to a
    /// department; the last repeats the sixth (same cause, subject and period), far enough to fall in another batch.</summary>
    private static List<Reminder> Reminders(string period)
    {
        string[] causes = [ReminderCauses.LateReport, ReminderCauses.ProblemOverdue, ReminderCauses.ProjectBehind];
        RegionCode[] regions = [Covered, Other, Inbox];
        var list = Enumerable.Range(0, 60).Select(i => new Reminder(
            causes[i % 3], $"BT-{i:D3}", period, regions[i / 3 % 3], i % 4 == 0 ? "县交通运输局" : null,
            $"批量测试提醒{i}", $"batch test reminder {i}", $"/Projects/Project/BT-{i:D3}")).ToList();
        list.Add(list[5]);
        return list;
    }

    /// <summary>What a sweep of <paramref name="period"/> stored, in id order, with the period written as P.</summary>
    private static async Task<List<string>> StoredAsync(BaiqiangDbContext db, string period)
    {
        var notes = await db.Notifications.AsNoTracking().Where(n => n.Period == period && n.Subject.StartsWith("BT-")).OrderBy(n => n.Id)
            .Select(n => new { n.Recipient, n.Cause, n.Subject, n.Region, n.Text, n.TextEn, n.Link, n.CreatedAt }).ToListAsync(Ct);
        var sends = await db.NotificationDeliveries.AsNoTracking().Where(d => d.Period == period && d.Subject.StartsWith("BT-")).OrderBy(d => d.Id)
            .Select(d => new { d.Channel, d.Target, d.Cause, d.Subject, d.Title, d.Text, d.Status, d.CreatedAt, d.NextAttemptAt }).ToListAsync(Ct);
        return [.. notes.Select(n => "note " + n.ToString()), .. sends.Select(d => ("send " + d).Replace(period, "P", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task NotifyAsync_InSmallBatches_StoresExactlyWhatOneTransactionStores()
    {
        await using var db = await OpenAsync();
        var batches = 0;

        var whole = await ReminderSweep.NotifyAsync(db, Reminders("2031-01"), Clock, OneTransaction, Ct);
        var batched = await ReminderSweep.NotifyAsync(db, Reminders("2031-02"), Clock, new SweepBatching(7, TimeSpan.Zero, (_, _) =>
        {
            batches++;
            return Task.CompletedTask;
        }), Ct);

        Assert.True(batches >= 10, $"{batches} batches");
        Assert.Equal(60, whole.ByCause.Values.Sum());
        Assert.Equal(whole.ByCause.OrderBy(c => c.Key), batched.ByCause.OrderBy(c => c.Key));
        Assert.Equal((whole.Notifications, whole.Deliveries), (batched.Notifications, batched.Deliveries));
        Assert.Equal(await StoredAsync(db, "2031-01"), await StoredAsync(db, "2031-02"));
    }

    [Fact]
    public async Task NotifyAsync_StoppedPartWayAndRunAgain_EndsWithEveryReminderOnce()
    {
        await using var db = await OpenAsync();
        var whole = await ReminderSweep.NotifyAsync(db, Reminders("2031-03"), Clock, OneTransaction, Ct);

        var crash = new SweepBatching(7, TimeSpan.Zero, (n, _) => n == 3 ? throw new IOException("simulated crash after the third batch") : Task.CompletedTask);
        await Assert.ThrowsAsync<IOException>(() => ReminderSweep.NotifyAsync(db, Reminders("2031-04"), Clock, crash, Ct));
        var partial = await db.Notifications.CountAsync(n => n.Period == "2031-04" && n.Subject.StartsWith("BT-"), Ct);
        var resumed = await ReminderSweep.NotifyAsync(db, Reminders("2031-04"), Clock, new SweepBatching(7, TimeSpan.Zero), Ct);
        var again = await ReminderSweep.NotifyAsync(db, Reminders("2031-04"), Clock, new SweepBatching(7, TimeSpan.Zero), Ct);

        Assert.InRange(partial, 1, whole.Notifications - 1);
        Assert.Equal(whole.Notifications, partial + resumed.Notifications);
        Assert.Equal(await StoredAsync(db, "2031-03"), await StoredAsync(db, "2031-04"));
        Assert.Equal((0, 0, 0), (again.ByCause.Count, again.Notifications, again.Deliveries));
    }

    [Fact]
    public async Task NotifyAsync_AnotherWriterBetweenBatches_CompletesWhileTheSweepRuns()
    {
        await using var db = await OpenAsync();
        await using var other = fixture.Open();
        // Were the sweep still holding the write lock, this writer would wait this long and fail (StoreBusyException).
        other.LockTimeout = TimeSpan.FromSeconds(20);
        var events = new List<string>();
        var batching = new SweepBatching(7, TimeSpan.Zero, async (n, ct) =>
        {
            events.Add($"batch {n}");
            if (n == 1)
            {
                await StoreWriteLock.RunAsync(other, async () =>
                {
                    other.Notifications.Add(new NotificationEntity
                    {
                        Recipient = string.Empty, Cause = "writer-test", Subject = "BT-WRITER", Period = "2031-05", Region = Inbox.ToString(),
                        Text = "另一写入", TextEn = "another writer", CreatedAt = Clock.GetUtcNow(),
                    });
                    return await other.SaveChangesAsync(ct);
                }, ct);
                events.Add("writer done");
            }
        });

        var result = await ReminderSweep.NotifyAsync(db, Reminders("2031-05"), Clock, batching, Ct);
        events.Add("sweep done");

        Assert.Equal(60, result.ByCause.Values.Sum());
        Assert.True(events.Count > 4, string.Join(", ", events));
        Assert.Equal(["batch 1", "writer done", "batch 2"], events.Take(3));
        Assert.Equal("sweep done", events[^1]);
        Assert.True(await db.Notifications.AnyAsync(n => n.Subject == "BT-WRITER" && n.Period == "2031-05", Ct));
    }
}

public sealed class SqliteReminderBatchTests(SqliteFixture fixture) : ReminderBatchTests<SqliteFixture>(fixture);

public sealed class PostgresReminderBatchTests(PostgresFixture fixture) : ReminderBatchTests<PostgresFixture>(fixture);
