using System.CommandLine;
using System.Globalization;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Notifications;

namespace Baiqiang.Cli.Reminders;

/// <summary>
/// <c>baiqiang reminders run [--today D]</c> (the sweep, then sending what is pending), <c>reminders list</c> and
/// <c>reminders recipient USER [--email E] [--region R]… [--department D]…</c>.
/// </summary>
internal static class RemindersCommand
{
    public static Command Create() => new("reminders", "催报与预警提醒 / reminders (late reports, overdue problems, projects behind plan, overdue requests, stalled deals)")
    {
        Run(), List(), Recipient(),
    };

    private static Command Run()
    {
        var today = CliAsOf.Option("判断迟报、逾期的日期", "the day lateness is judged on");
        var noSend = new Option<bool>("--no-send") { Description = "只生成提醒,不发送邮件和机器人消息 / create reminders but do not send" };
        var command = new Command("run", "扫描迟报月报、逾期问题、滞后项目、超期诉求和停滞招商项目,生成并发送提醒(每事每期一次) / sweep and send reminders (once per cause per period)") { today, noSend };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            if (await CliAsOf.ResolveAsync(parse, db, today, ct) is not { } asOf)
            {
                return 2;
            }

            var result = await ReminderSweep.RunAsync(db, asOf.Day, TimeProvider.System, ct);
            var o = parse.Out();
            await o.WriteLineAsync($"提醒 {asOf.Zh}:新增{result.Created}条 / reminders {asOf.En}: {result.Created} created");
            foreach (var cause in new[] { ReminderCauses.LateReport, ReminderCauses.ProblemOverdue, ReminderCauses.ProjectBehind, ReminderCauses.RequestOverdue, ReminderCauses.DealStale }
                         .Concat(result.CreatedByCause.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
            {
                await o.WriteLineAsync($"  {ReminderCauses.Zh(cause)} {cause}: {result.CreatedByCause.GetValueOrDefault(cause)}");
            }

            await o.WriteLineAsync($"  通知 notifications: {result.Notifications}, 待发送 deliveries queued: {result.Deliveries}, 督办升级 escalated: {result.Escalations}");
            if (!parse.GetValue(noSend))
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
                var sent = await new ReminderDelivery(http, TimeProvider.System).DeliverAsync(db, ct);
                await o.WriteLineAsync($"  发送 sent: {sent.Sent}, 失败待重试 failed (will retry): {sent.Failed}, 未发送 pending: {sent.StillPending}");
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var user = new Option<string?>("--user") { Description = "收件人(默认全部,含办公室收件箱) / recipient (default: all)" };
        var unread = new Option<bool>("--unread") { Description = "只列未读 / unread only" };
        var take = new Option<int>("--take") { Description = "最多列出N条(默认50) / at most N", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "列出提醒及发送状态 / list reminders and their delivery") { user, unread, take };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var name = parse.GetValue(user);
            var q = db.Notifications.AsQueryable();
            if (name is not null)
            {
                q = q.Where(n => n.Recipient == name);
            }

            if (parse.GetValue(unread))
            {
                q = q.Where(n => n.ReadAt == null);
            }

            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(q.OrderByDescending(n => n.Id).Take(parse.GetValue(take)), ct);
            var sends = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.NotificationDeliveries, ct);
            var t = new TextTable("时间", "原因", "事项", "期别", "收件人", "已读", "邮件/机器人", "内容");
            foreach (var n in rows)
            {
                var channels = string.Join(" ", sends.Where(d => d.Cause == n.Cause && d.Subject == n.Subject && d.Period == n.Period)
                    .Select(d => $"{(d.Channel == DeliveryChannel.Email ? "邮件" : "机器人")}:{StatusZh(d.Status)}×{d.Attempts}"));
                t.Add(n.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ReminderCauses.Zh(n.Cause), n.Subject, n.Period,
                    n.Recipient.Length == 0 ? "(办公室)" : n.Recipient, n.ReadAt is null ? "否" : "是", channels, n.Text);
            }

            await parse.Out().WriteLineAsync($"提醒{rows.Count}条 / {rows.Count} reminders");
            t.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }

    private static Command Recipient()
    {
        var user = new Argument<string>("USER") { Description = "用户名 / user name" };
        var email = new Option<string?>("--email") { Description = "邮箱 / email address" };
        var regions = new Option<string[]>("--region") { Description = "负责的地区代码(可多个,含下属) / region codes answered for", AllowMultipleArgumentsPerToken = true };
        var departments = new Option<string[]>("--department") { Description = "负责的部门(可多个) / departments answered for", AllowMultipleArgumentsPerToken = true };
        var command = new Command("recipient", "设置提醒收件人 / set who gets reminders for which regions and departments") { user, email, regions, departments };
        command.SetAction(async (parse, ct) =>
        {
            var codes = new HashSet<RegionCode>();
            foreach (var text in parse.GetValue(regions) ?? [])
            {
                if (!RegionCode.TryParse(text, out var code))
                {
                    await parse.Err().WriteLineAsync($"地区代码“{text}”无效 / invalid region code '{text}'");
                    return 2;
                }

                codes.Add(code);
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var name = parse.GetRequiredValue(user);
            await NotificationStore.SetRecipientAsync(db, new NotificationRecipient(name, parse.GetValue(email), codes,
                (parse.GetValue(departments) ?? []).ToHashSet(StringComparer.Ordinal)), Actor.LocalAdmin(Environment.UserName).Name, ct);
            await parse.Out().WriteLineAsync($"已设置收件人 {name} / recipient {name} set");
            return 0;
        });
        return command;
    }

    private static string StatusZh(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Sent => "已发送",
        DeliveryStatus.Sending => "发送中",
        _ => "待发送",
    };
}
