using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Notifications;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Services;
using Baiqiang.Storage.Settings;
using Baiqiang.Storage.Tests.Notifications;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Services;

/// <summary>
/// Overdue requests and stalled deals in the reminder sweep, against each provider, delivered to a local SMTP responder and
/// a local HTTP robot: in-app, email and webhook, once per cause per period.
/// </summary>
public abstract class ServiceReminderTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Gulin = new(510525);
    private static readonly Actor Admin = Actor.LocalAdmin("tester");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Values(params (string Key, string? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static int Mails(LocalSmtpServer smtp, string to, string cause, string subject) =>
        smtp.Messages.Count(m => m.To.Mailboxes.Any(x => x.Address == to) && (m.Subject ?? string.Empty).Contains(cause, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal));

    private static int Calls(LocalWebhookServer hook, string subject) => hook.Bodies.Count(b =>
    {
        using var json = System.Text.Json.JsonDocument.Parse(b);
        return (json.RootElement.GetProperty("text").GetProperty("content").GetString() ?? string.Empty).Contains(subject, StringComparison.Ordinal);
    });

    [Fact]
    public async Task RunAsync_OverdueRequestAndStaleDeal_RemindedInAppByEmailAndWebhookOncePerPeriod()
    {
        await using var db = fixture.Open();
        var code = ServiceDeskTests<TFixture>.Code(8001, "510525");
        Assert.True((await ServiceDesk.CreateEnterpriseAsync(db, Admin, Values(("credit_code", code), ("name", "古蔺酒业"), ("region", "510525")), Ct)).Success);
        var late = await ServiceDesk.RaiseRequestAsync(db, Admin, Values(("id", "GL-SQ-1"), ("credit_code", code), ("category", "用工"), ("department", "县人社局"), ("raised_on", "2024-05-01"), ("deadline", "2024-05-31")), new DateOnly(2024, 5, 1), Ct);
        var onTime = await ServiceDesk.RaiseRequestAsync(db, Admin, Values(("id", "GL-SQ-2"), ("credit_code", code), ("category", "用地"), ("department", "县人社局"), ("raised_on", "2024-05-01"), ("deadline", "2024-06-10")), new DateOnly(2024, 5, 1), Ct);
        var stale = new Deal("GL-D1", "白酒配套项目", Gulin, new Investor("某投资方", InvestorType.Private, "川内", "成都市"), new DateOnly(2024, 1, 10)) { Department = "县投促局" };
        stale.Advance(DealStage.Signed, new DateOnly(2024, 3, 1));
        var fresh = new Deal("GL-D2", "包材项目", Gulin, new Investor("另一投资方", InvestorType.Private, "川内", "泸州市"), new DateOnly(2024, 5, 20)) { Department = "县投促局" };
        Assert.True((await PipelineStore.SaveDealsAsync(db, Admin, [stale, fresh], Ct)).Success);
        await NotificationStore.SetRecipientAsync(db, new NotificationRecipient("gl-desk", "desk@gulin.gov.cn", new HashSet<RegionCode> { Gulin }, new HashSet<string>()), "tester", Ct);
        await using var smtp = new LocalSmtpServer();
        using var hook = new LocalWebhookServer(LocalWebhookServer.FreePort());
        Assert.True((await StoreSettings.SetAsync(db, StoreSettings.SmtpKey, $"127.0.0.1:{smtp.Port.ToString(CultureInfo.InvariantCulture)}", "tester", Ct)).Success);
        Assert.True((await StoreSettings.SetAsync(db, StoreSettings.MailFromKey, "desk@luzhou.gov.cn", "tester", Ct)).Success);
        Assert.True((await StoreSettings.SetAsync(db, StoreSettings.WebhookKey, hook.Url, "tester", Ct)).Success);
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 3, 1, 0, 0, TimeSpan.Zero));
        using var http = new HttpClient();
        var delivery = new ReminderDelivery(http, clock);

        var run = await ReminderSweep.RunAsync(db, new DateOnly(2024, 6, 3), clock, Ct);
        var sent = await delivery.DeliverAsync(db, Ct);
        var again = await ReminderSweep.RunAsync(db, new DateOnly(2024, 6, 9), clock, Ct); // before GL-SQ-2's deadline (06-10)
        await delivery.DeliverAsync(db, Ct);
        var nextMonth = await ReminderSweep.RunAsync(db, new DateOnly(2024, 7, 1), clock, Ct);

        Assert.True(late.Success && onTime.Success);
        Assert.Equal(1, run.CreatedByCause.GetValueOrDefault(ReminderCauses.RequestOverdue));
        Assert.True(run.CreatedByCause.GetValueOrDefault(ReminderCauses.DealStale) >= 1); // another test of the class may add a stalled deal
        Assert.True(sent.Sent >= 4);
        var request = await db.Notifications.AsNoTracking().SingleAsync(n => n.Cause == ReminderCauses.RequestOverdue && n.Subject == "GL-SQ-1" && n.Period == "2024-06", Ct);
        Assert.Equal(("gl-desk", "2024-06", "/Services/Request/GL-SQ-1"), (request.Recipient, request.Period, request.Link));
        Assert.Contains("已超期3天", request.Text, StringComparison.Ordinal);
        var deal = await db.Notifications.AsNoTracking().SingleAsync(n => n.Cause == ReminderCauses.DealStale && n.Subject == "GL-D1" && n.Period == "2024-06", Ct);
        Assert.Contains("已94天无进展", deal.Text, StringComparison.Ordinal);
        Assert.False(await db.Notifications.AnyAsync(n => n.Period == "2024-06" && (n.Subject == "GL-SQ-2" || n.Subject == "GL-D2"), Ct));
        Assert.Equal(0, again.CreatedByCause.GetValueOrDefault(ReminderCauses.RequestOverdue) + again.CreatedByCause.GetValueOrDefault(ReminderCauses.DealStale));
        Assert.Equal(1, Mails(smtp, "desk@gulin.gov.cn", "诉求超期", "GL-SQ-1"));
        Assert.Equal(1, Mails(smtp, "desk@gulin.gov.cn", "招商停滞", "GL-D1"));
        Assert.Equal(1, Calls(hook, "GL-SQ-1"));
        Assert.Equal(1, Calls(hook, "GL-D1"));
        Assert.Equal(2, nextMonth.CreatedByCause.GetValueOrDefault(ReminderCauses.RequestOverdue)); // GL-SQ-2 is overdue by July too
    }

    [Fact]
    public async Task StaleDeals_DaysSetting_MovesTheLineAndClosedRequestsAreNotReminded()
    {
        await using var db = fixture.Open();
        var deal = new Deal("GL-D3", "文旅项目", Gulin, new Investor("文旅投资方", InvestorType.StateOwned, "川内", "成都市"), new DateOnly(2023, 1, 10));
        Assert.True((await PipelineStore.SaveDealsAsync(db, Admin, [deal], Ct)).Success);
        Assert.False(StoreSettings.Check(StoreSettings.StaleDealDaysKey, "0").Success);
        Assert.Contains("1到3650", StoreSettings.Check(StoreSettings.StaleDealDaysKey, "abc").Error!.Value.Zh, StringComparison.Ordinal);

        var byDefault = await ServiceReminders.StaleDealsAsync(db, new DateOnly(2023, 3, 1), await StoreSettings.StaleDealDaysAsync(db, Ct), Ct);
        Assert.True((await StoreSettings.SetAsync(db, StoreSettings.StaleDealDaysKey, "30", "tester", Ct)).Success);
        var shorter = await ServiceReminders.StaleDealsAsync(db, new DateOnly(2023, 3, 1), await StoreSettings.StaleDealDaysAsync(db, Ct), Ct);
        Assert.True(await StoreSettings.UnsetAsync(db, StoreSettings.StaleDealDaysKey, "tester", Ct));

        Assert.DoesNotContain(byDefault, r => r.Subject == "GL-D3");
        Assert.Contains(shorter, r => r.Subject == "GL-D3" && r.Text.Contains("提醒线30天", StringComparison.Ordinal));
    }
}

public sealed class SqliteServiceReminderTests(SqliteFixture fixture) : ServiceReminderTests<SqliteFixture>(fixture);

public sealed class PostgresServiceReminderTests(PostgresFixture fixture) : ServiceReminderTests<PostgresFixture>(fixture);
