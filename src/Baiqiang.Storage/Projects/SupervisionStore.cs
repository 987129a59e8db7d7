using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Projects;

/// <summary>A problem's supervision as the pages, the CLI and the 督办单 show it.</summary>
/// <param name="Problem">The problem (status, resolution).</param>
/// <param name="ProjectName">Its project's name.</param>
/// <param name="Supervision">Its level, due date and history.</param>
public sealed record SupervisionView(ProjectProblem Problem, string ProjectName, ProblemSupervision Supervision);

/// <summary>
/// 督办 on the store: escalating a problem by hand (<see cref="EscalateAsync"/>) or by the rules (<see cref="ApplyRulesAsync"/>),
/// and reading its history. Every step is a row of <c>problem_supervision_steps</c>, audited like every other row.
/// </summary>
/// <remarks>
/// Escalating is the office's act, so it needs a reviewer of the project's region (or an administrator); the rule sweep acts
/// as the system. Broken rules (a lower level, a resolved problem, no reason) throw the Core
/// <see cref="ProjectRuleException"/> with the bilingual reason.
/// </remarks>
public static class SupervisionStore
{
    /// <summary>The name the rule sweep's steps and audit rows carry.</summary>
    public const string RuleActor = "规则/rule";

    /// <summary>Escalates problem <paramref name="key"/> to <paramref name="level"/> on <paramref name="on"/> with a reason.</summary>
    public static async Task<SupervisionStep> EscalateAsync(
        BaiqiangDbContext db, string key, SupervisionLevel level, DateOnly on, string reason, Actor actor, CancellationToken ct, DateOnly? dueOn = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var e = await db.ProjectProblems.FirstOrDefaultAsync(q => q.Key == key.Trim(), ct)
            ?? throw new ProjectRuleException(new Bilingual($"找不到问题{key}", $"no problem {key}"));
        actor.EnsureCanReview(e.RegionCode);
        var steps = await StepsAsync(db, [e.Id], ct);
        var supervision = new ProblemSupervision(ProblemMapping.ToProblem(e), steps.GetValueOrDefault(e.Id, []));
        var step = supervision.Escalate(level, on, reason, actor.Name, dueOn: dueOn);
        db.SupervisionSteps.Add(ToEntity(e, step, supervision.Steps.Count));
        await ProjectStore.SaveAsync(db, actor, ct);
        return step;
    }

    /// <summary>
    /// Escalates every open problem (in one save) whose days open or whose project's unbroken run of red (lagging) months
    /// asks for a higher level than it has, as of <paramref name="today"/>. Returns the steps taken, by problem key.
    /// </summary>
    public static async Task<IReadOnlyList<(string Key, SupervisionStep Step)>> ApplyRulesAsync(
        BaiqiangDbContext db, DateOnly today, SupervisionRules rules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var open = await db.ProjectProblems.Where(q => q.RaisedOn <= today && (q.ResolvedOn == null || q.ResolvedOn > today)
            && (q.Status == ProblemStatus.Open || q.Status == ProblemStatus.InProgress)).ToListAsync(ct);
        if (open.Count == 0)
        {
            return [];
        }

        var red = await RedMonthsAsync(db, today, ct);
        var steps = await StepsAsync(db, [.. open.Select(q => q.Id)], ct);
        var taken = new List<(string, SupervisionStep)>();
        foreach (var e in open)
        {
            var supervision = new ProblemSupervision(ProblemMapping.ToProblem(e), steps.GetValueOrDefault(e.Id, []));
            var (level, why) = rules.Judge(today.DayNumber - e.RaisedOn.DayNumber, red.GetValueOrDefault(e.ProjectCode));
            if (level <= supervision.Level || why is not { } reason)
            {
                continue;
            }

            var step = supervision.Escalate(level, today, reason.ToString(), RuleActor, byRule: true, rules: rules);
            db.SupervisionSteps.Add(ToEntity(e, step, supervision.Steps.Count));
            taken.Add((e.Key, step));
        }

        if (taken.Count > 0)
        {
            await db.SaveChangesAsAsync(RuleActor, ct);
        }

        return taken;
    }

    /// <summary>
    /// Each lagging project's unbroken run of red months (completion behind time by more than the warning line) up to the
    /// month before <paramref name="today"/>'s, by code; projects not lagging are absent.
    /// </summary>
    public static async Task<Dictionary<string, int>> RedMonthsAsync(BaiqiangDbContext db, DateOnly today, CancellationToken ct)
    {
        var last = ReportingMonth.Of(today).Previous;
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var period = StatPeriod.CumulativeTo(last.Year, last.Month);
        foreach (var w in await ProjectWarningQuery.WarningsAsync(db, period, WarningRules.Default, today, null, null, null, ct))
        {
            if (w.Rule == WarningRule.LaggingPlan)
            {
                result[w.ProjectCode] = last.Month - w.Since.Month + 1;
            }
        }

        return result;
    }

    /// <summary>The supervision of problem <paramref name="key"/> with its project's name, or null.</summary>
    public static async Task<SupervisionView?> FindAsync(BaiqiangDbContext db, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var k = key.Trim();
        var e = await db.ProjectProblems.AsNoTracking().FirstOrDefaultAsync(q => q.Key == k, ct);
        if (e is null)
        {
            return null;
        }

        var name = await db.Projects.AsNoTracking().Where(p => p.Id == e.ProjectId).Select(p => p.Name).FirstAsync(ct);
        var steps = await StepsAsync(db, [e.Id], ct);
        var problem = ProblemMapping.ToProblem(e);
        return new SupervisionView(problem, name, new ProblemSupervision(problem, steps.GetValueOrDefault(e.Id, [])));
    }

    /// <summary>Every problem of project <paramref name="projectCode"/> with its supervision, by problem key.</summary>
    public static async Task<Dictionary<string, ProblemSupervision>> ForProjectAsync(BaiqiangDbContext db, string projectCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.ProjectProblems.AsNoTracking().Where(q => q.ProjectCode == projectCode).ToListAsync(ct);
        var steps = await StepsAsync(db, [.. rows.Select(r => r.Id)], ct);
        return rows.ToDictionary(r => r.Key, r => new ProblemSupervision(ProblemMapping.ToProblem(r), steps.GetValueOrDefault(r.Id, [])), StringComparer.Ordinal);
    }

    private static async Task<Dictionary<long, List<SupervisionStep>>> StepsAsync(BaiqiangDbContext db, IReadOnlyList<long> problemIds, CancellationToken ct)
    {
        var result = new Dictionary<long, List<SupervisionStep>>();
        foreach (var chunk in problemIds.Chunk(5000))
        {
            var list = chunk.ToList();
            foreach (var s in await db.SupervisionSteps.AsNoTracking().Where(s => list.Contains(s.ProblemId)).OrderBy(s => s.Sequence).ToListAsync(ct))
            {
                if (!result.TryGetValue(s.ProblemId, out var l))
                {
                    result[s.ProblemId] = l = [];
                }

                l.Add(new SupervisionStep(s.Level, s.On, s.DueOn, s.Reason, s.By, s.ByRule));
            }
        }

        return result;
    }

    private static SupervisionStepEntity ToEntity(ProjectProblemEntity e, SupervisionStep step, int sequence) => new()
    {
        RegionCode = e.RegionCode,
        ProblemId = e.Id,
        ProblemKey = e.Key,
        ProjectCode = e.ProjectCode,
        Sequence = sequence,
        Level = step.Level,
        On = step.On,
        DueOn = step.DueOn,
        Reason = step.Reason,
        By = step.By,
        ByRule = step.ByRule,
    };
}
