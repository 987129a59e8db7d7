using Baiqiang.Core.Metrics;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>Which rule raised a <see cref="ProjectWarning"/>.</summary>
public enum WarningRule
{
    /// <summary>Year-to-date completion lags the time elapsed by more than <see cref="WarningRules.LagPoints"/>.</summary>
    LaggingPlan = 1,

    /// <summary>No investment reported for <see cref="WarningRules.NoProgressMonths"/> consecutive months up to the period's end.</summary>
    NoProgress = 2,

    /// <summary>A milestone's deadline has passed and it is not done.</summary>
    MilestoneOverdue = 3,

    /// <summary>A problem is past its due date, or open longer than <see cref="WarningRules.ProblemOpenDays"/>.</summary>
    ProblemOverdue = 4,

    /// <summary>The completion date of the latest 补充协议 has passed and the project is not 竣工/投产.</summary>
    AgreementDateMissed = 5,

    /// <summary>A printed percentage does not match the consolidated figures (<see cref="ReportedFigureCheck"/>).</summary>
    ReportedFigureInconsistent = 6,
}

/// <summary>Thresholds of the early-warning rules (预警规则).</summary>
/// <param name="LagPoints">Percentage points completion may lag time before a warning (lagging when gap &lt; −LagPoints). Default 10.</param>
/// <param name="NoProgressMonths">Consecutive months without investment that trigger a warning. Default 2; below 1 disables the rule.</param>
/// <param name="ProblemOpenDays">Days a problem may stay open (when it has no due date, or in addition to it). Default 30.</param>
public sealed record WarningRules(decimal LagPoints = 10m, int NoProgressMonths = 2, int ProblemOpenDays = 30)
{
    /// <summary>The defaults: 10 points, 2 months, 30 days.</summary>
    public static WarningRules Default { get; } = new();
}

/// <summary>An early warning (预警) about a project or a group.</summary>
/// <param name="ProjectCode">The project (or, for <see cref="WarningRule.ReportedFigureInconsistent"/>, the group key).</param>
/// <param name="Rule">The rule that fired.</param>
/// <param name="Reason">Why, with the numbers.</param>
/// <param name="Since">The first day the condition held.</param>
/// <param name="Desk">Whose desk it is on: the 挂点领导 for project rules, the responsible department for problems.</param>
public sealed record ProjectWarning(string ProjectCode, WarningRule Rule, Bilingual Reason, DateOnly Since, string Desk);

/// <summary>Evaluates the early-warning rules over the ledger.</summary>
/// <remarks>
/// <para>Negative <see cref="WarningRules.LagPoints"/> or <see cref="WarningRules.ProblemOpenDays"/> throw <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para>Only approved reports count (highest revision per month, as in <see cref="Ledger"/>). 终止 projects are skipped;
/// 暂停 projects are skipped for NoProgress. Results are ordered by project code, then rule.</para>
/// <list type="bullet">
/// <item>LaggingPlan: plan for the period's year &gt; 0 and YTD completion % − time % &lt; −LagPoints at the period's last
/// month; Since is the end of the first month of the unbroken run of lagging months ending there.</item>
/// <item>NoProgress: 开工/在建 projects whose latest <c>NoProgressMonths</c> months up to the period's last month all have
/// no approved report or zero investment; Since is the first day of the first such month of the run.</item>
/// <item>MilestoneOverdue: not completed and <c>today</c> after the deadline; Since is the day after the deadline.</item>
/// <item>ProblemOverdue: open on <c>today</c> and either past its due date or open more than ProblemOpenDays days.</item>
/// <item>AgreementDateMissed: latest agreement's completion date before <c>today</c>, project not 竣工/投产.</item>
/// </list>
/// </remarks>
public static class ProjectWarnings
{
    public static IReadOnlyList<ProjectWarning> Evaluate(
        IEnumerable<Project> projects, IEnumerable<MonthlyReport> reports, IEnumerable<ProjectProblem> problems,
        StatPeriod period, WarningRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(rules.LagPoints, nameof(rules));
        ArgumentOutOfRangeException.ThrowIfNegative(rules.ProblemOpenDays, nameof(rules));
        var index = ReportIndex.Build(reports, period.Year, period.LastMonth);
        var result = new List<ProjectWarning>();
        var leaders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in projects)
        {
            leaders[p.Code] = p.Leader;
            if (p.Status == ProjectStatus.Terminated)
            {
                continue;
            }

            var months = index.Find(p.Code);
            Lagging(p, index, months, period, rules, result);
            NoProgress(p, index, months, period, rules, result);
            foreach (var m in p.Milestones)
            {
                if (m.Kind == MilestoneKind.Preliminary)
                {
                    if (ProjectLights.MilestoneFlag(m, today, p.Status) is { } flag)
                    {
                        var since = m.IsOverdue(today) ? m.Deadline.AddDays(1) : p.StatusSince ?? today;
                        result.Add(new ProjectWarning(p.Code, WarningRule.MilestoneOverdue, flag, since, p.Leader));
                    }
                }
                else if (m.IsOverdue(today))
                {
                    var days = today.DayNumber - m.Deadline.DayNumber;
                    result.Add(new ProjectWarning(p.Code, WarningRule.MilestoneOverdue, new Bilingual(
                        $"节点“{m.Name}”期限{Fmt.D(m.Deadline)}，已逾期{days}天未完成",
                        $"milestone '{m.Name}' was due {Fmt.D(m.Deadline)} and is {days} days overdue"), m.Deadline.AddDays(1), p.Leader));
                }
            }

            if (p.LatestAgreement is { } a && a.NewCompletionDate < today && p.Status is not (ProjectStatus.Completed or ProjectStatus.Producing))
            {
                var tax = a.TaxCommitment is { } t ? $"，承诺税收{Fmt.Wan(t)}" : string.Empty;
                var taxEn = a.TaxCommitment is { } t2 ? $", tax commitment {Fmt.N(t2)} (10k yuan)" : string.Empty;
                result.Add(new ProjectWarning(p.Code, WarningRule.AgreementDateMissed, new Bilingual(
                    $"补充协议({Fmt.D(a.SignedOn)}签订)约定{Fmt.D(a.NewCompletionDate)}竣工{tax}，目前仍为{ProjectText.Name(p.Status)}",
                    $"the supplementary agreement signed {Fmt.D(a.SignedOn)} fixed completion by {Fmt.D(a.NewCompletionDate)}{taxEn}; the project is still {p.Status}"),
                    a.NewCompletionDate.AddDays(1), p.Leader));
            }
        }

        foreach (var q in problems)
        {
            if (!q.IsOpenOn(today))
            {
                continue;
            }

            var openDays = today.DayNumber - q.RaisedOn.DayNumber;
            if (q.DueOn is { } due && today > due)
            {
                result.Add(new ProjectWarning(q.ProjectCode, WarningRule.ProblemOverdue, new Bilingual(
                    $"问题{q.Id}“{q.Description}”办结期限{Fmt.D(due)}，已逾期{today.DayNumber - due.DayNumber}天(已挂账{openDays}天)",
                    $"problem {q.Id} '{q.Description}' was due {Fmt.D(due)}, {today.DayNumber - due.DayNumber} days overdue (open {openDays} days)"),
                    due.AddDays(1), q.ResponsibleDepartment));
            }
            else if (openDays > rules.ProblemOpenDays)
            {
                result.Add(new ProjectWarning(q.ProjectCode, WarningRule.ProblemOverdue, new Bilingual(
                    $"问题{q.Id}“{q.Description}”已挂账{openDays}天，超过{rules.ProblemOpenDays}天",
                    $"problem {q.Id} '{q.Description}' has been open {openDays} days, more than {rules.ProblemOpenDays}"),
                    q.RaisedOn.AddDays(rules.ProblemOpenDays + 1), q.ResponsibleDepartment));
            }
        }

        result.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.ProjectCode, b.ProjectCode);
            return c != 0 ? c : a.Rule.CompareTo(b.Rule);
        });
        return result;
    }

    private static void Lagging(Project p, ReportIndex index, int row, StatPeriod period, WarningRules rules, List<ProjectWarning> result)
    {
        var plan = p.AnnualPlanFor(period.Year);
        if (plan <= 0)
        {
            return;
        }

        int? since = null;
        PlanCompletionResult? atEnd = null;
        for (var m = period.LastMonth; m >= 1; m--)
        {
            var pc = Metric.PlanCompletion(index.CumulativeAt(row, m), plan, StatPeriod.CumulativeTo(period.Year, m));
            if (pc.GapPoints >= -rules.LagPoints)
            {
                break;
            }

            atEnd ??= pc;
            since = m;
        }

        if (atEnd is null || since is not { } s)
        {
            return;
        }

        var ytd = index.CumulativeAt(row, period.LastMonth);
        result.Add(new ProjectWarning(p.Code, WarningRule.LaggingPlan, new Bilingual(
            $"1–{period.LastMonth}月完成{Fmt.Wan(ytd)}，占年度计划{Fmt.Wan(plan)}的{Fmt.P(atEnd.CompletionPercent)}%，慢于时间进度{Fmt.P(atEnd.TimeElapsedPercent)}%共{Fmt.P(-atEnd.GapPoints)}个百分点(预警线{Fmt.N(rules.LagPoints)}个百分点)",
            $"Jan–{period.LastMonth}: {Fmt.N(ytd)} of the annual plan {Fmt.N(plan)} (10k yuan) = {Fmt.P(atEnd.CompletionPercent)}%, {Fmt.P(-atEnd.GapPoints)} points behind time {Fmt.P(atEnd.TimeElapsedPercent)}% (threshold {Fmt.N(rules.LagPoints)})"),
            new ReportingMonth(period.Year, s).End, p.Leader));
    }

    private static void NoProgress(Project p, ReportIndex index, int row, StatPeriod period, WarningRules rules, List<ProjectWarning> result)
    {
        if (rules.NoProgressMonths < 1 || p.Status is not (ProjectStatus.Started or ProjectStatus.UnderConstruction))
        {
            return;
        }

        var run = 0;
        for (var m = period.LastMonth; m >= 1; m--)
        {
            if (index.Has(row, m) && index.ThisMonth(row, m) > 0)
            {
                break;
            }

            run++;
        }

        if (run < rules.NoProgressMonths)
        {
            return;
        }

        var first = period.LastMonth - run + 1;
        result.Add(new ProjectWarning(p.Code, WarningRule.NoProgress, new Bilingual(
            $"{first}–{period.LastMonth}月连续{run}个月无投资进度(预警线{rules.NoProgressMonths}个月)",
            $"no investment reported for {run} consecutive months, {first}–{period.LastMonth} (threshold {rules.NoProgressMonths})"),
            new ReportingMonth(period.Year, first).Start, p.Leader));
    }
}

/// <summary>
/// Checks a percentage a report printed (占年度计划的54.3%) against the consolidated ledger, with <see cref="Metric.CheckReportedPercent"/>.
/// </summary>
public static class ReportedFigureCheck
{
    /// <summary>
    /// Recomputes the row's YTD completion ÷ annual plan (both shown in 亿元, as reports print them, so the formula reads
    /// "176.8 ÷ 335.7 × 100 = 52.67%") and compares it with <paramref name="reportedPercent"/>. Throws when the plan is 0.
    /// </summary>
    public static ConsistencyCheck Check(LedgerRow row, decimal reportedPercent, decimal tolerancePoints = 0.1m)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Metric.CheckReportedPercent(ToYi(row.CompletedYearToDate), ToYi(row.AnnualPlan), reportedPercent, tolerancePoints);
    }

    /// <summary>
    /// A <see cref="WarningRule.ReportedFigureInconsistent"/> warning when the printed figure is inconsistent, else null.
    /// The figures in the reason are in 亿元. <paramref name="since"/> is the date of the report that printed the figure.
    /// </summary>
    public static ProjectWarning? Warn(LedgerRow row, decimal reportedPercent, DateOnly since, string desk, decimal tolerancePoints = 0.1m)
    {
        ArgumentNullException.ThrowIfNull(row);
        var yi = Check(row, reportedPercent, tolerancePoints);
        if (yi.Consistent)
        {
            return null;
        }

        var label = row.GroupLabel;
        return new ProjectWarning(row.GroupKey, WarningRule.ReportedFigureInconsistent, new Bilingual(
            $"{label}:{yi.Message.Zh}", $"{label}: {yi.Message.En}"), since, desk ?? string.Empty);
    }

    private static decimal ToYi(decimal wan) => Fmt.Normalize(Quantities.Amount.WanYuan(wan).ConvertTo(Quantities.Unit.YiYuan).Value);
}
