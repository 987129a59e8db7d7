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
        var warnings = ProjectWarnings.Evaluate(mine, reports, problems.Where(p => codes.Contains(p.ProjectCode)), context.Period, WarningRules.Default, today);
        return Task.FromResult<ISectionData?>(FromLedger(ledger, mine, warnings, context.English, sourceReference));
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
