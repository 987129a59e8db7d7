using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Settings;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Notifications;

/// <summary>A reminder before it is addressed: what it is about, whose desk it is on, and the words.</summary>
/// <param name="Cause">Why (see <see cref="ReminderCauses"/>; other features add their own).</param>
/// <param name="Subject">What: a project code, a problem key.</param>
/// <param name="Period">The period it is once per (<c>2022-06</c>).</param>
/// <param name="Region">The subject's region; users whose region scope covers it are reminded.</param>
/// <param name="Department">The responsible department; users serving it are reminded too.</param>
/// <param name="Text">Chinese text.</param>
/// <param name="TextEn">English text.</param>
/// <param name="Link">The page to open.</param>
public sealed record Reminder(string Cause, string Subject, string Period, RegionCode Region, string? Department, string Text, string TextEn, string? Link);

/// <summary>The causes the reminder sweep raises.</summary>
public static class ReminderCauses
{
    /// <summary>催报: a monthly report not submitted by the filing day.</summary>
    public const string LateReport = "late-report";

    /// <summary>A problem past its due date (its 督办 level's, else its 办结期限).</summary>
    public const string ProblemOverdue = "problem-overdue";

    /// <summary>预警: a project behind its plan (completion lags time beyond the warning line).</summary>
    public const string ProjectBehind = "project-behind";

    /// <summary>An enterprise request still open after its 办理期限.</summary>
    public const string RequestOverdue = "request-overdue";

    /// <summary>A deal whose stage has not changed for the store's <c>reminders.stale-deal-days</c>.</summary>
    public const string DealStale = "deal-stale";

    /// <summary>Chinese label of a cause (the cause itself when unknown).</summary>
    public static string Zh(string cause) => cause switch
    {
        LateReport => "催报",
        ProblemOverdue => "问题逾期",
        ProjectBehind => "进度滞后",
        RequestOverdue => "诉求超期",
        DealStale => "招商停滞",
        _ => cause,
    };
}

/// <summary>
/// How the sweep writes its notifications and deliveries: whole reminders of about <paramref name="Rows"/> rows per
/// transaction; on SQLite a <paramref name="Pause"/> between two batches, longer than the 150 ms in which a writer waiting
/// for SQLite's lock (Microsoft.Data.Sqlite) tries again, so a waiting form save or import gets in between; and
/// <paramref name="AfterBatch"/>, called with the batch number after each commit, outside the lock.
/// </summary>
public sealed record SweepBatching(int Rows, TimeSpan Pause, Func<int, CancellationToken, Task>? AfterBatch = null)
{
    /// <summary>SQLite: 1,000 rows (a fraction of a second under the lock), 200 ms apart. PostgreSQL: 5,000 rows, no pause
    /// (the advisory lock's waiters queue and are served in turn; fewer, larger commits).</summary>
    public static SweepBatching For(StoreProvider provider) => provider == StoreProvider.Sqlite
        ? new SweepBatching(1000, TimeSpan.FromMilliseconds(200))
        : new SweepBatching(5000, TimeSpan.Zero);
}

/// <summary>What one sweep did: reminders created by cause (new notifications, counted once per reminder), rule escalations.</summary>
public sealed record ReminderRunResult(DateOnly Today, IReadOnlyDictionary<string, int> CreatedByCause, int Notifications, int Deliveries, int Escalations)
{
    public int Created => CreatedByCause.Values.Sum();
}

/// <summary>
/// The reminder sweep (催报 and 预警) as of a day: late monthly reports, problems past due, projects behind plan; plus the 督办
/// rule escalations. Each reminder becomes a notification for every responsible recipient (or the office inbox) and a pending
/// email / webhook delivery, each at most once per cause, subject and period — a second sweep adds nothing.
/// </summary>
/// <remarks>
/// <para>A report for month M is late on <c>today</c> when today is after the filing day (<see cref="StoreSettings.FilingDayKey"/>,
/// default 5) of month M+1 and no revision of M is submitted or approved; only the latest month whose filing day has passed
/// is checked, for 开工/在建 projects. Problems are judged open on <c>today</c> and past the due date of their current
/// supervision level; projects by the <see cref="WarningRule.LaggingPlan"/> rule for Jan–M.</para>
/// <para>The sweep writes in short batches, each under <see cref="StoreWriteLock"/> (<see cref="SweepBatching"/>), so two
/// sweeps never both add a reminder (the unique indexes back it) and other writers are not held up for the whole sweep.</para>
/// </remarks>
public static class ReminderSweep
{
    /// <summary>The filing day when none is set.</summary>
    public const int DefaultFilingDay = 5;

    public static Task<ReminderRunResult> RunAsync(BaiqiangDbContext db, DateOnly today, TimeProvider clock, CancellationToken ct)
        => RunAsync(db, today, clock, null, ct);

    /// <summary>The sweep, its notifications written in <paramref name="batching"/>'s batches (the provider's default when null).</summary>
    public static async Task<ReminderRunResult> RunAsync(BaiqiangDbContext db, DateOnly today, TimeProvider clock, SweepBatching? batching, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var escalations = await SupervisionStore.ApplyRulesAsync(db, today, SupervisionRules.Default, ct);
        var filingDay = int.TryParse(await StoreSettings.GetAsync(db, StoreSettings.FilingDayKey, ct), NumberStyles.None, CultureInfo.InvariantCulture, out var fd)
            ? fd : DefaultFilingDay;
        var reminders = new List<Reminder>();
        reminders.AddRange(await LateReportsAsync(db, today, filingDay, ct));
        reminders.AddRange(await OverdueProblemsAsync(db, today, ct));
        reminders.AddRange(await BehindProjectsAsync(db, today, ct));
        reminders.AddRange(await Services.ServiceReminders.OverdueRequestsAsync(db, today, ct));
        reminders.AddRange(await Services.ServiceReminders.StaleDealsAsync(db, today, await StoreSettings.StaleDealDaysAsync(db, ct), ct));
        var (byCause, notes, deliveries) = await NotifyAsync(db, reminders, clock, batching, ct);
        return new ReminderRunResult(today, byCause, notes, deliveries, escalations.Count);
    }

    /// <summary>The month whose reports are due by <paramref name="today"/>: the latest month whose filing day has passed.</summary>
    public static ReportingMonth DueMonth(DateOnly today, int filingDay) =>
        today.Day > filingDay ? ReportingMonth.Of(today).Previous : ReportingMonth.Of(today).Previous.Previous;

    private static async Task<List<Reminder>> LateReportsAsync(BaiqiangDbContext db, DateOnly today, int filingDay, CancellationToken ct)
    {
        var month = DueMonth(today, filingDay);
        var deadline = month.Next.Start.AddDays(filingDay - 1);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.Status == ProjectStatus.Started || p.Status == ProjectStatus.UnderConstruction)
            .Select(p => new { p.Id, p.Code, p.Name, p.RegionCode, p.LeadDepartment, p.StatusSince })
            .ToListAsync(ct);
        var filed = (await db.MonthlyReports.AsNoTracking()
            .Where(r => r.Year == month.Year && r.Month == month.Month && (r.State == ReportState.Submitted || r.State == ReportState.Approved))
            .Select(r => r.ProjectId).ToListAsync(ct)).ToHashSet();
        var period = month.ToString();
        return [.. projects.Where(p => !filed.Contains(p.Id) && (p.StatusSince is not { } s || s <= month.End)).Select(p => new Reminder(
            ReminderCauses.LateReport, p.Code, period, p.RegionCode, p.LeadDepartment,
            $"催报：项目{p.Code}“{p.Name}”{month.Year}年{month.Month}月月报应于{Fmt(deadline)}前报送，截至{Fmt(today)}尚未报送",
            $"Late report: project {p.Code} '{p.Name}' owes its {period} report, due by {Fmt(deadline)}, not submitted as of {Fmt(today)}",
            $"/Projects/Project/{Uri.EscapeDataString(p.Code)}"))];
    }

    private static async Task<List<Reminder>> OverdueProblemsAsync(BaiqiangDbContext db, DateOnly today, CancellationToken ct)
    {
        var rows = await db.ProjectProblems.AsNoTracking()
            .Where(q => q.RaisedOn <= today && (q.ResolvedOn == null || q.ResolvedOn > today) && (q.Status == ProblemStatus.Open || q.Status == ProblemStatus.InProgress))
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var last = new Dictionary<long, (SupervisionLevel Level, DateOnly? Due)>();
        foreach (var chunk in ids.Chunk(5000))
        {
            var list = chunk.ToList();
            foreach (var s in await db.SupervisionSteps.AsNoTracking().Where(s => list.Contains(s.ProblemId)).OrderBy(s => s.Sequence).ToListAsync(ct))
            {
                last[s.ProblemId] = (s.Level, s.DueOn);
            }
        }

        var period = ReportingMonth.Of(today).ToString();
        var result = new List<Reminder>();
        foreach (var q in rows)
        {
            var (level, due) = last.TryGetValue(q.Id, out var l) ? l : (SupervisionLevel.Assigned, q.DueOn);
            if (due is not { } d || today <= d)
            {
                continue;
            }

            var days = today.DayNumber - d.DayNumber;
            var name = ProblemSupervision.Name(level);
            result.Add(new Reminder(ReminderCauses.ProblemOverdue, q.Key, period, q.RegionCode, q.ResponsibleDepartment,
                $"问题逾期：{q.ProjectCode}项目问题{q.Key}“{q.Description}”({name})办结期限{Fmt(d)}，已逾期{days}天，责任单位{q.ResponsibleDepartment}",
                $"Problem overdue: {q.Key} of project {q.ProjectCode} '{q.Description}' ({ProblemSupervision.EnName(level)}) was due {Fmt(d)}, {days} days overdue; responsible: {q.ResponsibleDepartment}",
                $"/Projects/Project/{Uri.EscapeDataString(q.ProjectCode)}"));
        }

        return result;
    }

    private static async Task<List<Reminder>> BehindProjectsAsync(BaiqiangDbContext db, DateOnly today, CancellationToken ct)
    {
        var month = ReportingMonth.Of(today).Previous;
        var warnings = await ProjectWarningQuery.WarningsAsync(db, StatPeriod.CumulativeTo(month.Year, month.Month), WarningRules.Default, today, null, null, null, ct);
        var lagging = warnings.Where(w => w.Rule == WarningRule.LaggingPlan).ToList();
        if (lagging.Count == 0)
        {
            return [];
        }

        var codes = lagging.Select(w => w.ProjectCode).ToHashSet(StringComparer.Ordinal);
        var projects = (await db.Projects.AsNoTracking().Select(p => new { p.Code, p.Name, p.RegionCode, p.LeadDepartment }).ToListAsync(ct))
            .Where(p => codes.Contains(p.Code)).ToDictionary(p => p.Code, StringComparer.Ordinal);
        var period = month.ToString();
        return [.. lagging.Where(w => projects.ContainsKey(w.ProjectCode)).Select(w =>
        {
            var p = projects[w.ProjectCode];
            return new Reminder(ReminderCauses.ProjectBehind, p.Code, period, p.RegionCode, p.LeadDepartment,
                $"进度预警：项目{p.Code}“{p.Name}”{w.Reason.Zh}", $"Behind plan: project {p.Code} '{p.Name}': {w.Reason.En}",
                $"/Projects/Project/{Uri.EscapeDataString(p.Code)}");
        })];
    }

    /// <summary>
    /// Addresses <paramref name="reminders"/> and stores what is new: a notification per recipient, an email per recipient with an
    /// address, a webhook call per configured robot. Returns the new reminders by cause (a reminder counts once however many
    /// recipients it has), the notifications and the deliveries added. Written in batches (<see cref="SweepBatching.For"/>).
    /// </summary>
    public static Task<(Dictionary<string, int> ByCause, int Notifications, int Deliveries)> NotifyAsync(
        BaiqiangDbContext db, IReadOnlyList<Reminder> reminders, TimeProvider clock, CancellationToken ct)
        => NotifyAsync(db, reminders, clock, null, ct);

    /// <summary>
    /// <see cref="NotifyAsync(BaiqiangDbContext, IReadOnlyList{Reminder}, TimeProvider, CancellationToken)"/> in batches of
    /// whole reminders of about <see cref="SweepBatching.Rows"/> rows, each its own transaction under <see cref="StoreWriteLock"/>:
    /// other writers get the store between two batches instead of waiting for the whole sweep. Each batch reads which of its
    /// notifications and deliveries exist inside its lock and adds only the others, so a sweep that stops part-way (a crash, a
    /// cancellation) and runs again adds exactly what is missing; the rows and counts are those of one transaction over all.
    /// </summary>
    public static async Task<(Dictionary<string, int> ByCause, int Notifications, int Deliveries)> NotifyAsync(
        BaiqiangDbContext db, IReadOnlyList<Reminder> reminders, TimeProvider clock, SweepBatching? batching, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reminders);
        ArgumentNullException.ThrowIfNull(clock);
        var byCause = new Dictionary<string, int>(StringComparer.Ordinal);
        if (reminders.Count == 0)
        {
            return (byCause, 0, 0);
        }

        batching ??= SweepBatching.For(db.Provider);
        var recipients = await NotificationStore.RecipientsAsync(db, ct);
        var webhooks = (await StoreSettings.GetAsync(db, StoreSettings.WebhookKey, ct) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var now = clock.GetUtcNow();
        var addressed = reminders.Select(r =>
        {
            var to = recipients.Where(x => x.Covers(r.Region, r.Department)).ToList();
            var emails = to.Select(x => x.Email).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new Addressed(r, to.Count == 0 ? [string.Empty] : [.. to.Select(x => x.UserName)], emails);
        }).ToList();

        var (notes, sends, batch, from) = (0, 0, 0, 0);
        while (from < addressed.Count)
        {
            var rows = 0;
            var to = from;
            while (to < addressed.Count && (to == from || rows < batching.Rows))
            {
                rows += addressed[to].Users.Count + addressed[to].Emails.Count + webhooks.Length;
                to++;
            }

            var (n, d) = await StoreWriteLock.RunAsync(db, () => WriteBatchAsync(db, addressed.GetRange(from, to - from), webhooks, now, byCause, ct), ct);
            (notes, sends, from) = (notes + n, sends + d, to);
            batch++;
            if (batching.AfterBatch is { } after)
            {
                await after(batch, ct);
            }

            if (from < addressed.Count && batching.Pause > TimeSpan.Zero)
            {
                // Real time, not the sweep's clock (a test's may stand still): SQLite's waiting writers poll every 150 ms.
                await Task.Delay(batching.Pause, TimeProvider.System, ct);
            }
        }

        return (byCause, notes, sends);
    }

    /// <summary>One batch, inside its write transaction: what of it is not stored yet is added.</summary>
    private static async Task<(int Notes, int Sends)> WriteBatchAsync(
        BaiqiangDbContext db, List<Addressed> batch, string[] webhooks, DateTimeOffset now, Dictionary<string, int> byCause, CancellationToken ct)
    {
        var periods = batch.Select(a => a.Reminder.Period).Distinct(StringComparer.Ordinal).ToList();
        var causes = batch.Select(a => a.Reminder.Cause).Distinct(StringComparer.Ordinal).ToList();
        var subjects = batch.Select(a => a.Reminder.Subject).Distinct(StringComparer.Ordinal).ToList();
        var haveNotes = (await db.Notifications.AsNoTracking().Where(n => subjects.Contains(n.Subject) && periods.Contains(n.Period) && causes.Contains(n.Cause))
            .Select(n => new { n.Cause, n.Subject, n.Period, n.Recipient }).ToListAsync(ct))
            .Select(n => (n.Cause, n.Subject, n.Period, n.Recipient)).ToHashSet();
        var haveSends = (await db.NotificationDeliveries.AsNoTracking().Where(d => subjects.Contains(d.Subject) && periods.Contains(d.Period) && causes.Contains(d.Cause))
            .Select(d => new { d.Channel, d.Target, d.Cause, d.Subject, d.Period }).ToListAsync(ct))
            .Select(d => (d.Channel, d.Target, d.Cause, d.Subject, d.Period)).ToHashSet();
        var notes = new List<NotificationEntity>();
        var sends = new List<NotificationDeliveryEntity>();
        var created = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (r, users, emails) in batch)
        {
            var isNew = false;
            foreach (var user in users)
            {
                if (haveNotes.Add((r.Cause, r.Subject, r.Period, user)))
                {
                    isNew = true;
                    notes.Add(new NotificationEntity
                    {
                        Recipient = user, Cause = r.Cause, Subject = r.Subject, Period = r.Period, Region = r.Region.ToString(),
                        Text = r.Text, TextEn = r.TextEn, Link = r.Link, CreatedAt = now,
                    });
                }
            }

            var title = $"【{ReminderCauses.Zh(r.Cause)}】{r.Subject} {r.Period}";
            foreach (var email in emails)
            {
                Add(DeliveryChannel.Email, email, title, $"{r.Text}\n{r.TextEn}");
            }

            foreach (var hook in webhooks)
            {
                Add(DeliveryChannel.Webhook, hook, title, r.Text);
            }

            if (isNew)
            {
                created[r.Cause] = created.GetValueOrDefault(r.Cause) + 1;
            }

            void Add(DeliveryChannel channel, string target, string subject, string text)
            {
                if (haveSends.Add((channel, target, r.Cause, r.Subject, r.Period)))
                {
                    sends.Add(new NotificationDeliveryEntity
                    {
                        Channel = channel, Target = target, Cause = r.Cause, Subject = r.Subject, Period = r.Period, Title = subject, Text = text,
                        CreatedAt = now, NextAttemptAt = now,
                    });
                }
            }
        }

        db.Notifications.AddRange(notes);
        db.NotificationDeliveries.AddRange(sends);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // Counted once the batch is stored (a batch that fails counts nothing; its reminders are new again next time).
        foreach (var (cause, count) in created)
        {
            byCause[cause] = byCause.GetValueOrDefault(cause) + count;
        }

        return (notes.Count, sends.Count);
    }

    /// <summary>A reminder with its recipients (user names, or the office inbox's empty name) and their email addresses.</summary>
    private sealed record Addressed(Reminder Reminder, List<string> Users, List<string> Emails);

    private static string Fmt(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
