using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Notifications;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Tests.Projects;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Notifications;

/// <summary>
/// The reminder sweep and its delivery against each provider, sending to a local SMTP responder and a local HTTP robot
/// started by the tests. The class shares one store, so every test uses its own projects and asserts on their reminders.
/// </summary>
public abstract class ReminderTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly Actor Admin = Actor.LocalAdmin("tester");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ConfigureAsync(BaiqiangDbContext db, int smtpPort, string webhook)
    {
        Assert.True((await StoreSettings.SetAsync(db, StoreSettings.SmtpKey, $"127.0.0.1:{smtpPort.ToString(CultureInfo.InvariantCulture)}", "tester", Ct)).Success);
        Assert.True((await StoreSettings.SetAsync(db, StoreSettings.MailFromKey, "dispatch@jiangyang.gov.cn", "tester", Ct)).Success);
        Assert.True((await StoreSettings.SetAsync(db, StoreSettings.WebhookKey, webhook, "tester", Ct)).Success);
    }

    private static int Mails(LocalSmtpServer smtp, string to, string code) =>
        smtp.Messages.Count(m => m.To.Mailboxes.Any(x => x.Address == to) && (m.Subject ?? string.Empty).Contains("催报", StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains(code, StringComparison.Ordinal));

    private static int Calls(LocalWebhookServer hook, string code) => hook.Bodies.Count(b =>
    {
        using var json = System.Text.Json.JsonDocument.Parse(b);
        var content = json.RootElement.GetProperty("text").GetProperty("content").GetString() ?? string.Empty;
        return json.RootElement.GetProperty("msgtype").GetString() == "text" && content.Contains("催报", StringComparison.Ordinal) && content.Contains(code, StringComparison.Ordinal);
    });

    [Fact]
    public async Task RunAsync_LateReport_NotifiesInAppByEmailAndWebhookEachOnce()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(510502);
        await ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample("RM-1", region), Admin, Ct);
        await ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample("RM-2", region), Admin, Ct);
        await ProjectStore.FillReportAsync(db, "RM-2", 2022, 6, 100m, 100m, "主体施工", null, Admin, Ct);
        await ProjectStore.SubmitReportAsync(db, "RM-2", 2022, 6, Admin, Ct);
        await NotificationStore.SetRecipientAsync(db, new NotificationRecipient("zhang", "zhang@jiangyang.gov.cn", new HashSet<RegionCode> { region }, new HashSet<string>()), "tester", Ct);
        await using var smtp = new LocalSmtpServer();
        using var hook = new LocalWebhookServer(LocalWebhookServer.FreePort());
        await ConfigureAsync(db, smtp.Port, hook.Url);
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 7, 8, 1, 0, 0, TimeSpan.Zero));
        using var http = new HttpClient();
        var delivery = new ReminderDelivery(http, clock);

        var run = await ReminderSweep.RunAsync(db, new DateOnly(2022, 7, 8), clock, Ct);
        var sent = await delivery.DeliverAsync(db, Ct);
        var again = await ReminderSweep.RunAsync(db, new DateOnly(2022, 7, 8), clock, Ct);
        await delivery.DeliverAsync(db, Ct);

        Assert.True(run.CreatedByCause.GetValueOrDefault(ReminderCauses.LateReport) >= 1);
        Assert.True(sent.Sent >= 2);
        var note = await db.Notifications.AsNoTracking().SingleAsync(n => n.Cause == ReminderCauses.LateReport && n.Subject == "RM-1", Ct);
        Assert.Equal(("zhang", "2022-06"), (note.Recipient, note.Period));
        Assert.Contains("2022-07-05", note.Text, StringComparison.Ordinal);
        Assert.False(await db.Notifications.AnyAsync(n => n.Cause == ReminderCauses.LateReport && n.Subject == "RM-2", Ct));
        Assert.Equal(0, again.CreatedByCause.GetValueOrDefault(ReminderCauses.LateReport));
        Assert.Equal(1, Mails(smtp, "zhang@jiangyang.gov.cn", "RM-1"));
        Assert.Equal(1, Calls(hook, "RM-1"));
        var mail = smtp.Messages.First(m => (m.Subject ?? string.Empty).Contains("RM-1", StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains("催报", StringComparison.Ordinal));
        Assert.Contains("尚未报送", mail.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("dispatch@jiangyang.gov.cn", mail.From.Mailboxes.Single().Address);
        var unread = await NotificationStore.UnreadCountAsync(db, new Actor("zhang", Role.Editor, new HashSet<RegionCode> { region }, new HashSet<string>()), Ct);
        Assert.True(unread >= 1);
    }

    [Fact]
    public async Task DeliverAsync_ServersDown_StaysPendingThenRetriedAndSentOnce()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(510503);
        await ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample("RM-3", region), Admin, Ct);
        await NotificationStore.SetRecipientAsync(db, new NotificationRecipient("li", "li@naxi.gov.cn", new HashSet<RegionCode> { region }, new HashSet<string>()), "tester", Ct);
        var smtpPort = LocalWebhookServer.FreePort();
        var hookPort = LocalWebhookServer.FreePort();
        var url = $"http://127.0.0.1:{hookPort.ToString(CultureInfo.InvariantCulture)}/robot/send?key=test";
        await ConfigureAsync(db, smtpPort, url);
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 8, 8, 1, 0, 0, TimeSpan.Zero));
        using var http = new HttpClient();
        var delivery = new ReminderDelivery(http, clock);
        await ReminderSweep.RunAsync(db, new DateOnly(2022, 8, 8), clock, Ct);

        var down = await delivery.DeliverAsync(db, Ct);
        var mine = await db.NotificationDeliveries.AsNoTracking().Where(d => d.Subject == "RM-3" && d.Cause == ReminderCauses.LateReport).ToListAsync(Ct);
        await delivery.DeliverAsync(db, Ct); // before the back-off: not tried again
        var waited = await db.NotificationDeliveries.AsNoTracking().Where(d => d.Subject == "RM-3" && d.Cause == ReminderCauses.LateReport).ToListAsync(Ct);

        await using var smtp = new LocalSmtpServer(smtpPort);
        using var hook = new LocalWebhookServer(hookPort);
        clock.Advance(TimeSpan.FromMinutes(2));
        await delivery.DeliverAsync(db, Ct);
        clock.Advance(TimeSpan.FromHours(2));
        await ReminderSweep.RunAsync(db, new DateOnly(2022, 8, 8), clock, Ct);
        await delivery.DeliverAsync(db, Ct);
        var after = await db.NotificationDeliveries.AsNoTracking().Where(d => d.Subject == "RM-3" && d.Cause == ReminderCauses.LateReport).ToListAsync(Ct);

        Assert.True(down.Failed >= 2);
        Assert.Equal(2, mine.Count);
        Assert.All(mine, d => Assert.Equal((DeliveryStatus.Pending, 1), (d.Status, d.Attempts)));
        Assert.All(mine, d => Assert.False(string.IsNullOrEmpty(d.LastError)));
        Assert.All(waited, d => Assert.Equal(1, d.Attempts));
        Assert.Equal(2, after.Count);
        Assert.All(after, d => Assert.Equal((DeliveryStatus.Sent, 2), (d.Status, d.Attempts)));
        Assert.Equal(1, Mails(smtp, "li@naxi.gov.cn", "RM-3"));
        Assert.Equal(1, Calls(hook, "RM-3"));
    }

    [Fact]
    public async Task NotifyAsync_NoRecipient_GoesToOfficeInboxSeenByReviewersAndMarkedRead()
    {
        await using var db = fixture.Open();
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var reminder = new Reminder("supervision-due", "RM-X-Q1", "2022-09", new RegionCode(511025), "县水务局", "督办到期", "supervision due", null);

        var first = await ReminderSweep.NotifyAsync(db, [reminder], clock, Ct);
        var second = await ReminderSweep.NotifyAsync(db, [reminder], clock, Ct);
        var reviewer = Actor.ReviewerOf("wang", new RegionCode(511025));
        var editor = Actor.EditorOf("zhao", new RegionCode(511025));
        var seen = await NotificationStore.ListAsync(db, reviewer, unreadOnly: true, 500, Ct);
        var editorSees = await NotificationStore.ListAsync(db, editor, unreadOnly: false, 500, Ct);
        var marked = await NotificationStore.MarkReadAsync(db, reviewer, [seen.Single(n => n.Subject == "RM-X-Q1").Id], clock, Ct);

        Assert.Equal(1, first.ByCause["supervision-due"]);
        Assert.Empty(second.ByCause);
        Assert.Equal(string.Empty, seen.Single(n => n.Subject == "RM-X-Q1").Recipient);
        Assert.DoesNotContain(editorSees, n => n.Subject == "RM-X-Q1");
        Assert.Equal(1, marked);
        Assert.DoesNotContain(await NotificationStore.ListAsync(db, reviewer, unreadOnly: true, 500, Ct), n => n.Subject == "RM-X-Q1");
    }
}

public sealed class SqliteReminderTests(SqliteFixture fixture) : ReminderTests<SqliteFixture>(fixture);

public sealed class PostgresReminderTests(PostgresFixture fixture) : ReminderTests<PostgresFixture>(fixture);
