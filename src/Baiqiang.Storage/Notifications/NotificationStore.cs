using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Notifications;

/// <summary>A recipient of reminders: who, their email, and the regions (with everything below) and departments they answer for.</summary>
public sealed record NotificationRecipient(string UserName, string? Email, IReadOnlySet<RegionCode> Regions, IReadOnlySet<string> Departments)
{
    /// <summary>True when one of the scope regions covers <paramref name="region"/>, or the recipient serves <paramref name="department"/>.</summary>
    public bool Covers(RegionCode region, string? department) =>
        Regions.Any(s => Actor.IsWithin(region, s)) || (department is not null && Departments.Contains(department));
}

/// <summary>
/// The notifications store: recipients (kept in step with the web users, or set by the CLI), each user's notifications with
/// the unread count, and marking them read. The sweep (<see cref="ReminderSweep"/>) writes them; <see cref="ReminderDelivery"/> sends.
/// </summary>
/// <remarks>A user sees their own notifications; administrators and reviewers also see the office inbox (recipient empty).</remarks>
public static class NotificationStore
{
    private const char Separator = '|';

    public static async Task<List<NotificationRecipient>> RecipientsAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.NotificationRecipients.AsNoTracking().OrderBy(r => r.UserName).ToListAsync(ct);
        return [.. rows.Select(r => new NotificationRecipient(
            r.UserName, r.Email,
            r.Regions.Split(Separator, StringSplitOptions.RemoveEmptyEntries).Select(c => RegionCode.TryParse(c, out var code) ? (RegionCode?)code : null).OfType<RegionCode>().ToHashSet(),
            r.Departments.Split(Separator, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)))];
    }

    /// <summary>Adds or replaces the recipient <paramref name="recipient"/> (audited as <paramref name="user"/>).</summary>
    public static async Task SetRecipientAsync(BaiqiangDbContext db, NotificationRecipient recipient, string user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient.UserName);
        var row = await db.NotificationRecipients.FirstOrDefaultAsync(r => r.UserName == recipient.UserName, ct);
        if (row is null)
        {
            row = new NotificationRecipientEntity { UserName = recipient.UserName };
            db.NotificationRecipients.Add(row);
        }

        row.Email = string.IsNullOrWhiteSpace(recipient.Email) ? null : recipient.Email.Trim();
        row.Regions = string.Join(Separator, recipient.Regions.Select(r => r.ToString()).Order(StringComparer.Ordinal));
        row.Departments = string.Join(Separator, recipient.Departments.Order(StringComparer.Ordinal));
        await db.SaveChangesAsAsync(user, ct);
    }

    /// <summary>Keeps the recipients equal to <paramref name="recipients"/> (the web users): adds, updates, removes. One save when anything changed.</summary>
    public static async Task SyncRecipientsAsync(BaiqiangDbContext db, IReadOnlyList<NotificationRecipient> recipients, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipients);
        var rows = await db.NotificationRecipients.ToListAsync(ct);
        var wanted = recipients.ToDictionary(r => r.UserName, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !wanted.ContainsKey(r.UserName)))
        {
            db.NotificationRecipients.Remove(row);
        }

        foreach (var r in recipients)
        {
            var row = rows.Find(x => x.UserName == r.UserName);
            if (row is null)
            {
                row = new NotificationRecipientEntity { UserName = r.UserName };
                db.NotificationRecipients.Add(row);
            }

            var email = string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim();
            var regions = string.Join(Separator, r.Regions.Select(x => x.ToString()).Order(StringComparer.Ordinal));
            var departments = string.Join(Separator, r.Departments.Order(StringComparer.Ordinal));
            if (row.Email != email || row.Regions != regions || row.Departments != departments)
            {
                (row.Email, row.Regions, row.Departments) = (email, regions, departments);
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsAsync("system", ct);
        }
    }

    /// <summary>The notifications <paramref name="actor"/> sees, newest first (at most <paramref name="take"/>).</summary>
    public static async Task<List<NotificationEntity>> ListAsync(BaiqiangDbContext db, Actor actor, bool unreadOnly, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await Visible(db, actor).Where(n => !unreadOnly || n.ReadAt == null).OrderByDescending(n => n.Id).Take(take).ToListAsync(ct);
    }

    public static Task<int> UnreadCountAsync(BaiqiangDbContext db, Actor actor, CancellationToken ct) =>
        Visible(db, actor).CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Marks <paramref name="ids"/> (or, when null, all) of the actor's visible notifications read; returns how many changed.</summary>
    public static async Task<int> MarkReadAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<long>? ids, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var q = Visible(db, actor).AsTracking().Where(n => n.ReadAt == null);
        if (ids is not null)
        {
            q = q.Where(n => ids.Contains(n.Id));
        }

        var rows = await q.ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var n in rows)
        {
            n.ReadAt = now;
        }

        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    private static IQueryable<NotificationEntity> Visible(BaiqiangDbContext db, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var office = actor.IsAdmin || actor.Roles.HasFlag(Role.Reviewer);
        var name = actor.Name;
        return db.Notifications.AsNoTracking().Where(n => n.Recipient == name || (office && n.Recipient == string.Empty));
    }
}
