using System.Globalization;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Services;
using Baiqiang.Storage.Notifications;
using Baiqiang.Storage.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Services;

/// <summary>
/// The enterprise desk's and the pipeline's causes of the reminder sweep (<see cref="ReminderSweep"/>): requests past their
/// 办理期限 (<see cref="ReminderCauses.RequestOverdue"/>) and deals whose stage has not changed for N days
/// (<see cref="ReminderCauses.DealStale"/>). Both are once per subject per month of the sweep's day, like overdue problems.
/// </summary>
public static class ServiceReminders
{
    /// <summary>Requests open on <paramref name="today"/> whose deadline has passed (the deadline day itself is on time).</summary>
    public static async Task<List<Reminder>> OverdueRequestsAsync(BaiqiangDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<RequestEntity>().AsNoTracking()
            .Where(r => r.ClosedOn == null && r.Deadline < today && r.RaisedOn <= today)
            .Select(r => new { r.Key, r.CreditCode, r.RegionCode, r.Department, r.Category, r.Deadline })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var codes = rows.Select(r => r.CreditCode).Distinct(StringComparer.Ordinal).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var e in await db.Set<EnterpriseEntity>().AsNoTracking().Where(e => chunk.Contains(e.CreditCode)).Select(e => new { e.CreditCode, e.Name }).ToListAsync(ct))
            {
                names[e.CreditCode] = e.Name;
            }
        }

        var period = ReportingMonth.Of(today).ToString();
        return [.. rows.OrderBy(r => r.Deadline).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r =>
        {
            var days = today.DayNumber - r.Deadline.DayNumber;
            var name = names.GetValueOrDefault(r.CreditCode, r.CreditCode);
            return new Reminder(ReminderCauses.RequestOverdue, r.Key, period, r.RegionCode, r.Department,
                $"诉求超期：{name}的诉求{r.Key}({ServiceText.Name(r.Category)})办理期限{Fmt(r.Deadline)}，已超期{days}天，责任单位{r.Department}",
                $"Request overdue: {r.Key} of {name} ({r.Category}) was due {Fmt(r.Deadline)}, {days} days overdue; responsible: {r.Department}",
                $"/Services/Request/{Uri.EscapeDataString(r.Key)}");
        })];
    }

    /// <summary>
    /// Open deals (neither 投产 nor lost) whose latest stage date is <paramref name="days"/> or more days before
    /// <paramref name="today"/>; deals first recorded after today are left alone.
    /// </summary>
    public static async Task<List<Reminder>> StaleDealsAsync(BaiqiangDbContext db, DateOnly today, int days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var limit = today.AddDays(-days);
        var rows = await db.Set<DealEntity>().AsNoTracking()
            .Where(d => d.Stage != DealStage.Producing && d.Stage != DealStage.Lost && d.LeadOn <= limit)
            .Select(d => new { d.Code, d.Name, d.RegionCode, d.Department, d.Stage, d.LeadOn, d.NegotiatingOn, d.SignedOn, d.LandedOn, d.StartedOn })
            .ToListAsync(ct);
        var period = ReportingMonth.Of(today).ToString();
        var result = new List<Reminder>();
        foreach (var d in rows.OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            var last = new[] { d.NegotiatingOn, d.SignedOn, d.LandedOn, d.StartedOn }.OfType<DateOnly>().Append(d.LeadOn).Max();
            if (last > limit)
            {
                continue;
            }

            var idle = today.DayNumber - last.DayNumber;
            result.Add(new Reminder(ReminderCauses.DealStale, d.Code, period, d.RegionCode, d.Department.Length == 0 ? null : d.Department,
                $"招商停滞：项目{d.Code}“{d.Name}”自{Fmt(last)}停留在{PipelineText.Name(d.Stage)}阶段，已{idle}天无进展(提醒线{days}天)",
                $"Deal stalled: {d.Code} '{d.Name}' has stayed at {d.Stage} since {Fmt(last)}, {idle} days without a stage change (limit {days} days)",
                $"/Pipeline/Deal/{Uri.EscapeDataString(d.Code)}"));
        }

        return result;
    }

    private static string Fmt(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
