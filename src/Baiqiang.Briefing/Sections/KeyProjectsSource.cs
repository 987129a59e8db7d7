using Baiqiang.Briefing.Model;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Briefing.Sections;

/// <summary>
/// Key-project section from the project ledger in memory: <see cref="Ledger.Consolidate(IEnumerable{Project}, IEnumerable{MonthlyReport}, StatPeriod, LedgerGrouping)"/> gives counts by status and
/// completion of the annual plan; <see cref="ProjectWarnings.Evaluate"/> gives the lagging projects and why. The default
/// briefing feeds it from the project tables (<see cref="StoredKeyProjectsSource"/>); pass one yourself for in-memory data.
/// </summary>
public sealed class KeyProjectsSource(
    IEnumerable<Project> projects,
    IEnumerable<MonthlyReport> approvedReports,
    IEnumerable<ProjectProblem> problems,
    DateOnly today,
    string sourceReference = "project-ledger") : IBriefingSectionSource
{
    public string Kind => Templates.SectionKinds.KeyProjects;

    public Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mine = projects.Where(p => p.Region == context.Region || context.Region.Contains(p.Region)).ToList();
        if (mine.Count == 0)
        {
            return Task.FromResult<ISectionData?>(null);
        }

        var codes = mine.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var reports = approvedReports.Where(r => codes.Contains(r.ProjectCode)).ToList();
        var ledger = Ledger.Consolidate(mine, reports, context.Period, LedgerGrouping.Project);
        var own = problems.Where(p => codes.Contains(p.ProjectCode)).ToList();
        var warnings = ProjectWarnings.Evaluate(mine, reports, own, context.Period, WarningRules.Default, today);
        var data = FromLedger(ledger, mine, warnings, context.English, sourceReference);
        return Task.FromResult<ISectionData?>(data with { Lights = Lights(mine, reports, own, context.Period, today, context.English) });
    }

    /// <summary>
    /// 亮灯 as of <paramref name="today"/> with the default thresholds (red also for problems and milestones past their
    /// deadline), and the 红黑榜 of responsible units (top and bottom 3 by completion against time).
    /// </summary>
    public static LightSummary Lights(IReadOnlyList<Project> projects, IReadOnlyList<MonthlyReport> reports, IReadOnlyList<ProjectProblem> problems, StatPeriod period, DateOnly today, bool english)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var flags = new Dictionary<string, List<Baiqiang.Core.Text.Bilingual>>(StringComparer.Ordinal);
        foreach (var (code, flag) in problems.Select(q => (q.ProjectCode, ProjectLights.ProblemFlag(q, today)))
                     .Concat(projects.SelectMany(p => p.Milestones.Select(m => (p.Code, ProjectLights.MilestoneFlag(m, today, p.Status))))))
        {
            if (flag is { } f)
            {
                (flags.TryGetValue(code, out var list) ? list : flags[code] = []).Add(f);
            }
        }

        var figures = Ledger.Figures(projects, reports, period).Select(f => flags.TryGetValue(f.Code, out var fl) ? f with { RedFlags = fl } : f).ToList();
        var rows = Ledger.Consolidate(figures, period, LedgerGrouping.Project, LightThresholds.Default).Rows;
        var roll = HonorRoll.Rank(Ledger.Consolidate(figures, period, LedgerGrouping.Department, LightThresholds.Default), HonorRollBy.Unit, 3);
        int Count(LightColor c) => rows.Count(r => r.Light!.Color == c);
        return new LightSummary(Count(LightColor.Red), Count(LightColor.Yellow), Count(LightColor.Green),
            [.. rows.Where(r => r.Light!.Color == LightColor.Red).Select(r => (r.GroupLabel, english ? r.Light!.Reason.En : r.Light!.Reason.Zh))],
            [.. roll.Of(HonorList.ProgressTop).Select(e => e.Row.GroupLabel)], [.. roll.Of(HonorList.ProgressBottom).Select(e => e.Row.GroupLabel)]);
    }

    /// <summary>Maps a consolidated ledger and its warnings to the section record (money 万元 → 亿元).</summary>
    public static KeyProjectsData FromLedger(LedgerReport ledger, IReadOnlyList<Project> projects, IReadOnlyList<ProjectWarning> warnings, bool english, string sourceReference)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(warnings);
        var period = ledger.Period.ToString();
        var source = new SourceRef("key_projects", period, sourceReference);
        var total = ledger.Total;
        var byStatus = total.CountByStatus.OrderBy(kv => kv.Key)
            .Select(kv => (english ? kv.Key.ToString() : ProjectText.Name(kv.Key), kv.Value)).ToList();
        Figure? plan = total.AnnualPlan > 0 ? new Figure(Yi(total.AnnualPlan), Unit.YiYuan, Qualifier.Exact, source) : null;
        var done = new Figure(Yi(total.CompletedYearToDate), Unit.YiYuan, Qualifier.Exact, source);
        var names = projects.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var lagging = warnings
            .Where(w => names.ContainsKey(w.ProjectCode))
            .GroupBy(w => w.ProjectCode, StringComparer.Ordinal)
            .Select(g => new LaggingProject(g.Key, names[g.Key], ledger.Row(g.Key)?.CompletionPercent,
                [.. g.Select(w => english ? w.Reason.En : w.Reason.Zh).Distinct(StringComparer.Ordinal)]))
            .ToList();
        return new KeyProjectsData(total.ProjectCount, byStatus, plan, done, lagging, [source]);
    }

    private static decimal Yi(decimal wan) => Amount.WanYuan(wan).ConvertTo(Unit.YiYuan).Value / 1.0000000000000000000000000000m;
}
