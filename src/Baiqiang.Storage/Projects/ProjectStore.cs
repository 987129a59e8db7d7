using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Projects;

/// <summary>
/// The key-project ledger's use cases on the store: projects (create, update, transition), monthly reports (fill, submit,
/// approve, return, correct), closing months, problems, and the ledger and warning queries. The CLI and the web app call
/// these; every write takes an <see cref="Actor"/> and enforces its rights, and every row is audited.
/// </summary>
/// <remarks>
/// Domain rules live in Core (<see cref="Project"/>, <see cref="MonthlyReport"/>, <see cref="ProjectProblem"/>): the store
/// rebuilds the domain value, applies the operation there, and writes the result back, so a rule broken here throws the
/// same <see cref="ProjectRuleException"/> as in Core. Missing projects throw <see cref="ProjectRuleException"/> too;
/// rights throw <see cref="AccessDeniedException"/>. Amounts are 万元.
/// </remarks>
public static class ProjectStore
{
    /// <summary>
    /// Stores a new project from a Core <see cref="Project"/> value, with its plans, milestones, agreements and status
    /// history. This is how a signed investment deal becomes a project without retyping. Throws when the code is taken.
    /// </summary>
    public static async Task<ProjectEntity> CreateAsync(BaiqiangDbContext db, Project project, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureCanEdit(project.Region, project.LeadDepartment);
        var taken = await StoredCodes.ResolveAsync(db.Projects.Select(p => p.Code), project.Code, ct);
        if (await db.Projects.AnyAsync(p => p.Code == taken, ct))
        {
            throw new ProjectRuleException(string.Equals(taken, project.Code, StringComparison.Ordinal)
                ? new Bilingual($"项目编号{project.Code}已存在", $"project code {project.Code} already exists")
                : RecordCode.Collision("项目编号", "project code", taken, project.Code));
        }

        var entity = ProjectMapping.ToEntity(project, await MilestonePlanStore.EditAsync(db, actor, null, ct));
        db.Projects.Add(entity);
        await SaveAsync(db, actor, ct);
        return entity;
    }

    /// <summary>
    /// Creates or updates many projects at once (ledger import): new codes are added, existing ones get the descriptive
    /// fields, plans, milestones and agreements of <paramref name="projects"/> (status and history are kept). One save.
    /// </summary>
    public static Task<(int Added, int Updated)> UpsertManyAsync(BaiqiangDbContext db, IReadOnlyList<Project> projects, Actor actor, CancellationToken ct) =>
        UpsertManyAsync(db, projects, actor, null, ct);

    /// <summary>
    /// <see cref="UpsertManyAsync(BaiqiangDbContext, IReadOnlyList{Project}, Actor, CancellationToken)"/> with the reasons (by
    /// project code) for re-planning baselined milestones whose planned date the values change (refused without one).
    /// </summary>
    public static async Task<(int Added, int Updated)> UpsertManyAsync(
        BaiqiangDbContext db, IReadOnlyList<Project> projects, Actor actor, IReadOnlyDictionary<string, string>? replanReasons, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(actor);
        foreach (var p in projects)
        {
            actor.EnsureCanEdit(p.Region, p.LeadDepartment);
        }

        var storedByKey = await StoredCodes.ByKeyAsync(db.Projects.Select(p => p.Code), ct);
        var codes = projects.Select(p => storedByKey.GetValueOrDefault(RecordCode.Key(p.Code))).OfType<string>().ToList();
        var existing = new Dictionary<string, ProjectEntity>(RecordCode.Comparer);
        foreach (var chunk in codes.Chunk(5000))
        {
            var list = chunk.ToList();
            foreach (var e in await db.Projects.Include(p => p.Plans).Include(p => p.Milestones).Include(p => p.Agreements)
                         .AsSplitQuery().Where(p => list.Contains(p.Code)).ToListAsync(ct))
            {
                existing[e.Code] = e;
            }
        }

        var added = 0;
        var updated = 0;
        var edit = await MilestonePlanStore.EditAsync(db, actor, null, ct);
        foreach (var p in projects)
        {
            if (existing.TryGetValue(p.Code, out var e))
            {
                actor.EnsureCanEdit(e.RegionCode, e.LeadDepartment);
                if (e.RegionCode != p.Region)
                {
                    throw new ProjectRuleException(new Bilingual(
                        $"项目{p.Code}属于{e.RegionCode},不能改为{p.Region}", $"project {p.Code} belongs to {e.RegionCode} and cannot move to {p.Region}"));
                }

                ProjectMapping.CopyDescription(p, e, edit with { Reason = replanReasons?.GetValueOrDefault(p.Code) });
                updated++;
            }
            else
            {
                db.Projects.Add(ProjectMapping.ToEntity(p, edit));
                added++;
            }
        }

        await SaveAsync(db, actor, ct);
        return (added, updated);
    }

    /// <summary>Replaces the descriptive fields, plans, milestones and agreements of an existing project (not its status).</summary>
    public static Task UpdateAsync(BaiqiangDbContext db, Project project, Actor actor, CancellationToken ct) => UpdateAsync(db, project, actor, null, ct);

    /// <summary>
    /// Replaces the descriptive fields, plans, milestones and agreements of an existing project (not its status); a changed
    /// planned date of a baselined milestone is a re-plan and needs <paramref name="replanReason"/>.
    /// </summary>
    public static async Task UpdateAsync(BaiqiangDbContext db, Project project, Actor actor, string? replanReason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(actor);
        var e = await FindEntityAsync(db, project.Code, details: true, ct);
        actor.EnsureCanEdit(e.RegionCode, e.LeadDepartment);
        actor.EnsureCanEdit(project.Region, project.LeadDepartment);
        ProjectMapping.CopyDescription(project, e, await MilestonePlanStore.EditAsync(db, actor, replanReason, ct));
        await SaveAsync(db, actor, ct);
    }

    /// <summary>Moves a project along its lifecycle (储备 → 签约 → 开工 …); illegal moves throw with the bilingual reason.</summary>
    public static async Task<StatusChange> TransitionAsync(BaiqiangDbContext db, string code, ProjectStatus to, DateOnly on, string? reason, Actor actor, CancellationToken ct)
    {
        var e = await FindEntityAsync(db, code, details: true, ct);
        actor.EnsureCanEdit(e.RegionCode, e.LeadDepartment);
        var project = ProjectMapping.ToProject(e);
        var change = project.TransitionTo(to, on, reason);
        e.StatusChanges.Add(new ProjectStatusChangeEntity
        {
            RegionCode = e.RegionCode,
            ProjectCode = e.Code,
            Sequence = e.StatusChanges.Count + 1,
            From = change.From,
            To = change.To,
            On = change.On,
            Reason = change.Reason,
        });
        e.Status = project.Status;
        e.StatusSince = project.StatusSince;
        await SaveAsync(db, actor, ct);
        return change;
    }

    /// <summary>The project with <paramref name="code"/> as a Core value (full history), or null.</summary>
    public static async Task<Project?> FindAsync(BaiqiangDbContext db, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await StoredCodes.ResolveAsync(db.Projects.Select(p => p.Code), code, ct);
        var e = await Details(db.Projects.AsNoTracking()).FirstOrDefaultAsync(p => p.Code == stored, ct);
        return e is null ? null : ProjectMapping.ToProject(e);
    }

    /// <summary>Every project (of <paramref name="region"/> and the regions below it when given) as Core values, by code.</summary>
    public static async Task<List<Project>> ListAsync(BaiqiangDbContext db, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entities = await Details(db.Projects.AsNoTracking()).OrderBy(p => p.Code).ToListAsync(ct);
        return [.. entities.Where(e => InScope(e.RegionCode, region)).Select(ProjectMapping.ToProject)];
    }

    internal static bool InScope(RegionCode code, RegionCode? scope) => scope is not { } s || Actor.IsWithin(code, s);

    // ---------------------------------------------------------------- monthly reports

    /// <summary>The closed months of <paramref name="region"/> as a Core calendar.</summary>
    public static async Task<ProjectLedgerCalendar> CalendarAsync(BaiqiangDbContext db, RegionCode region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var calendar = new ProjectLedgerCalendar();
        foreach (var c in await db.ClosedMonths.AsNoTracking().Where(c => c.RegionCode == region).ToListAsync(ct))
        {
            calendar.Close(c.Year, c.Month);
        }

        return calendar;
    }

    /// <summary>Closes (关账) <paramref name="year"/>-<paramref name="month"/> for <paramref name="region"/>; reviewers only. Idempotent.</summary>
    public static async Task CloseMonthAsync(BaiqiangDbContext db, RegionCode region, int year, int month, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        actor.EnsureCanReview(region);
        _ = new ReportingMonth(year, month);
        if (await db.ClosedMonths.AnyAsync(c => c.RegionCode == region && c.Year == year && c.Month == month, ct))
        {
            return;
        }

        db.ClosedMonths.Add(new ClosedMonthEntity { RegionCode = region, Year = year, Month = month, ClosedAt = clock.GetUtcNow(), ClosedBy = actor.Name });
        await SaveAsync(db, actor, ct);
    }

    /// <summary>The previous month's cumulative for a report: latest approved earlier month of the year, 0 when none.</summary>
    public static async Task<decimal> PreviousCumulativeAsync(BaiqiangDbContext db, long projectId, int year, int month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prev = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.Year == year && r.Month < month && r.IsCurrent)
            .OrderByDescending(r => r.Month)
            .Select(r => (decimal?)r.CumulativeThisYear)
            .FirstOrDefaultAsync(ct);
        return prev ?? 0m;
    }

    /// <summary>True when the project has any report (any state or revision) for a month of <paramref name="year"/> before <paramref name="month"/>.</summary>
    public static Task<bool> HasEarlierReportAsync(BaiqiangDbContext db, long projectId, int year, int month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.MonthlyReports.AsNoTracking().AnyAsync(r => r.ProjectId == projectId && r.Year == year && r.Month < month, ct);
    }

    /// <summary>
    /// 填报: creates the draft report of a project-month, or edits the existing draft/returned one. Editors of the
    /// project's region or lead department only; closed months and bad figures throw <see cref="ProjectRuleException"/>.
    /// A project's first report of a year (no earlier month) whose cumulative exceeds this month's carries the difference
    /// as its opening balance (期初累计, <see cref="MonthlyReport.OpeningFor"/>).
    /// </summary>
    public static async Task<MonthlyReportEntity> FillReportAsync(
        BaiqiangDbContext db, string code, int year, int month, decimal completedThisMonth, decimal cumulativeThisYear,
        string? progress, IReadOnlyList<string>? problems, Actor actor, CancellationToken ct)
    {
        var p = await FindEntityAsync(db, code, details: false, ct);
        actor.EnsureCanEdit(p.RegionCode, p.LeadDepartment);
        var calendar = await CalendarAsync(db, p.RegionCode, ct);
        var previous = await PreviousCumulativeAsync(db, p.Id, year, month, ct);
        var opening = MonthlyReport.OpeningFor(month, completedThisMonth, cumulativeThisYear, await HasEarlierReportAsync(db, p.Id, year, month, ct));
        previous = opening ?? previous;
        var latest = await LatestRevisionAsync(db, p.Id, year, month, ct);
        if (latest is null)
        {
            var report = MonthlyReport.Create(p.Code, year, month, completedThisMonth, cumulativeThisYear, previous, calendar, progress, problems, opening is not null);
            var entity = ReportMapping.ToEntity(report, p);
            db.MonthlyReports.Add(entity);
            await SaveAsync(db, actor, ct);
            return entity;
        }

        var domain = ReportMapping.ToReport(latest);
        domain.Edit(calendar, completedThisMonth, cumulativeThisYear, previous, progress, problems, opening is not null);
        ReportMapping.CopyFigures(domain, latest);
        await SaveAsync(db, actor, ct);
        return latest;
    }

    /// <summary>填报/已退回 → 已提交 (editors).</summary>
    public static Task<MonthlyReportEntity> SubmitReportAsync(BaiqiangDbContext db, string code, int year, int month, Actor actor, CancellationToken ct) =>
        ReportStepAsync(db, code, year, month, actor, review: false, (r, cal) => r.Submit(cal), reviewOnly: false, ct);

    /// <summary>已提交 → 已审核 (reviewers); the approved revision becomes the one the ledger counts.</summary>
    public static Task<MonthlyReportEntity> ApproveReportAsync(BaiqiangDbContext db, string code, int year, int month, string? comment, Actor actor, CancellationToken ct) =>
        ReportStepAsync(db, code, year, month, actor, review: true, (r, _) => r.Approve(actor.Name, comment), reviewOnly: true, ct);

    /// <summary>已提交 → 已退回 with a comment (reviewers).</summary>
    public static Task<MonthlyReportEntity> ReturnReportAsync(BaiqiangDbContext db, string code, int year, int month, string comment, Actor actor, CancellationToken ct) =>
        ReportStepAsync(db, code, year, month, actor, review: false, (r, _) => r.Return(actor.Name, comment), reviewOnly: true, ct);

    /// <summary>
    /// 更正 of an approved report in a closed month: a new revision (draft) is stored; the old one is kept unchanged and
    /// stays current until the correction is approved.
    /// </summary>
    public static async Task<MonthlyReportEntity> CorrectReportAsync(
        BaiqiangDbContext db, string code, int year, int month, decimal completedThisMonth, decimal cumulativeThisYear, string reason,
        Actor actor, string? progress, CancellationToken ct)
    {
        var p = await FindEntityAsync(db, code, details: false, ct);
        actor.EnsureCanEdit(p.RegionCode, p.LeadDepartment);
        var calendar = await CalendarAsync(db, p.RegionCode, ct);
        var latest = await LatestRevisionAsync(db, p.Id, year, month, ct) ?? throw NoReport(code, year, month);
        var corrected = ReportMapping.ToReport(latest).Correct(calendar, completedThisMonth, cumulativeThisYear, reason, progress: progress);
        var entity = ReportMapping.ToEntity(corrected, p);
        db.MonthlyReports.Add(entity);
        await SaveAsync(db, actor, ct);
        return entity;
    }

    /// <summary>Every revision of a project-month, oldest first.</summary>
    public static async Task<List<MonthlyReport>> RevisionsAsync(BaiqiangDbContext db, string code, int year, int month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.MonthlyReports.AsNoTracking().Where(r => r.ProjectCode == code && r.Year == year && r.Month == month)
            .OrderBy(r => r.Revision).ToListAsync(ct);
        return [.. rows.Select(ReportMapping.ToReport)];
    }

    /// <summary>Approves every submitted report of <paramref name="period"/>'s months (in scope of <paramref name="region"/>). Returns how many.</summary>
    public static async Task<int> ApproveAllSubmittedAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await db.MonthlyReports.Where(r => r.Year == period.Year && r.Month >= period.FirstMonth && r.Month <= period.LastMonth
            && r.State == ReportState.Submitted).ToListAsync(ct);
        rows = [.. rows.Where(r => InScope(r.RegionCode, region))];
        foreach (var r in rows)
        {
            actor.EnsureCanReview(r.RegionCode);
            var domain = ReportMapping.ToReport(r);
            domain.Approve(actor.Name);
            ReportMapping.CopyState(domain, r);
        }

        await MarkCurrentAsync(db, rows, ct);
        await SaveAsync(db, actor, ct);
        return rows.Count;
    }

    private static async Task<MonthlyReportEntity> ReportStepAsync(
        BaiqiangDbContext db, string code, int year, int month, Actor actor, bool review, Action<MonthlyReport, ProjectLedgerCalendar> step,
        bool reviewOnly, CancellationToken ct)
    {
        var p = await FindEntityAsync(db, code, details: false, ct);
        if (review || reviewOnly)
        {
            actor.EnsureCanReview(p.RegionCode);
        }
        else
        {
            actor.EnsureCanEdit(p.RegionCode, p.LeadDepartment);
        }

        var calendar = await CalendarAsync(db, p.RegionCode, ct);
        var latest = await LatestRevisionAsync(db, p.Id, year, month, ct) ?? throw NoReport(code, year, month);
        var domain = ReportMapping.ToReport(latest);
        step(domain, calendar);
        ReportMapping.CopyState(domain, latest);
        if (domain.State == ReportState.Approved)
        {
            await MarkCurrentAsync(db, [latest], ct);
        }

        await SaveAsync(db, actor, ct);
        return latest;
    }

    /// <summary>Makes each approved row the current one of its project-month (clearing the previous current row).</summary>
    internal static async Task MarkCurrentAsync(BaiqiangDbContext db, IReadOnlyList<MonthlyReportEntity> approved, CancellationToken ct)
    {
        var ids = approved.Where(r => r.Id != 0).Select(r => r.ProjectId).Distinct().ToList();
        var olds = new List<MonthlyReportEntity>();
        foreach (var chunk in ids.Chunk(5000))
        {
            var list = chunk.ToList();
            olds.AddRange(await db.MonthlyReports.Where(r => list.Contains(r.ProjectId) && r.IsCurrent).ToListAsync(ct));
        }

        var keys = approved.Select(r => (r.ProjectId, r.Year, r.Month)).ToHashSet();
        foreach (var o in olds)
        {
            if (keys.Contains((o.ProjectId, o.Year, o.Month)))
            {
                o.IsCurrent = false;
            }
        }

        foreach (var r in approved)
        {
            r.IsCurrent = true;
        }
    }

    private static Task<MonthlyReportEntity?> LatestRevisionAsync(BaiqiangDbContext db, long projectId, int year, int month, CancellationToken ct) =>
        db.MonthlyReports.Where(r => r.ProjectId == projectId && r.Year == year && r.Month == month)
            .OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);

    private static ProjectRuleException NoReport(string code, int year, int month) => new(new Bilingual(
        $"项目{code}没有{year}年{month}月的月报", $"project {code} has no report for {year}-{month:D2}"));

    // ---------------------------------------------------------------- problems

    /// <summary>Adds a problem (问题清单) to its project; editors of the project only.</summary>
    public static async Task<ProjectProblemEntity> AddProblemAsync(BaiqiangDbContext db, ProjectProblem problem, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var p = await FindEntityAsync(db, problem.ProjectCode, details: false, ct);
        actor.EnsureCanEdit(p.RegionCode, p.LeadDepartment);
        if (await db.ProjectProblems.AnyAsync(q => q.RegionCode == p.RegionCode && q.Key == problem.Id, ct))
        {
            throw new ProjectRuleException(new Bilingual($"问题编号{problem.Id}已存在", $"problem {problem.Id} already exists"));
        }

        var e = ProblemMapping.ToEntity(problem, p);
        db.ProjectProblems.Add(e);
        await SaveAsync(db, actor, ct);
        return e;
    }

    /// <summary>Open → 办理中.</summary>
    public static Task StartProblemAsync(BaiqiangDbContext db, string key, Actor actor, CancellationToken ct) =>
        ProblemStepAsync(db, key, actor, q => q.StartWork(), ct);

    /// <summary>→ 已解决 on <paramref name="on"/> with a resolution.</summary>
    public static Task ResolveProblemAsync(BaiqiangDbContext db, string key, string resolution, DateOnly on, Actor actor, CancellationToken ct) =>
        ProblemStepAsync(db, key, actor, q => q.Resolve(resolution, on), ct);

    /// <summary>已解决 → 已销号.</summary>
    public static Task CloseProblemAsync(BaiqiangDbContext db, string key, Actor actor, CancellationToken ct) =>
        ProblemStepAsync(db, key, actor, q => q.Close(), ct);

    /// <summary>Deletes a problem entered by mistake (audited).</summary>
    public static async Task DeleteProblemAsync(BaiqiangDbContext db, string key, Actor actor, CancellationToken ct)
    {
        var e = await FindProblemAsync(db, key, ct);
        var p = await db.Projects.AsNoTracking().FirstAsync(x => x.Id == e.ProjectId, ct);
        actor.EnsureCanEdit(p.RegionCode, p.LeadDepartment);
        db.ProjectProblems.Remove(e);
        await SaveAsync(db, actor, ct);
    }

    /// <summary>Problems (in scope of <paramref name="region"/>) as Core values.</summary>
    public static async Task<List<ProjectProblem>> ProblemsAsync(BaiqiangDbContext db, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.ProjectProblems.AsNoTracking().OrderBy(q => q.RaisedOn).ThenBy(q => q.Key).ToListAsync(ct);
        return [.. rows.Where(q => InScope(q.RegionCode, region)).Select(ProblemMapping.ToProblem)];
    }

    private static async Task ProblemStepAsync(BaiqiangDbContext db, string key, Actor actor, Action<ProjectProblem> step, CancellationToken ct)
    {
        var e = await FindProblemAsync(db, key, ct);
        var p = await db.Projects.AsNoTracking().FirstAsync(x => x.Id == e.ProjectId, ct);
        actor.EnsureCanEdit(p.RegionCode, p.LeadDepartment);
        var q = ProblemMapping.ToProblem(e);
        step(q);
        e.Status = q.Status;
        e.Resolution = q.Resolution;
        e.ResolvedOn = q.ResolvedOn;
        await SaveAsync(db, actor, ct);
    }

    private static async Task<ProjectProblemEntity> FindProblemAsync(BaiqiangDbContext db, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ProjectProblems.FirstOrDefaultAsync(q => q.Key == key, ct)
            ?? throw new ProjectRuleException(new Bilingual($"找不到问题{key}", $"no problem {key}"));
    }

    // ---------------------------------------------------------------- helpers

    internal static IQueryable<ProjectEntity> Details(IQueryable<ProjectEntity> q) =>
        q.Include(p => p.Plans).Include(p => p.StatusChanges).Include(p => p.Milestones).Include(p => p.Agreements).AsSplitQuery();

    internal static async Task<ProjectEntity> FindEntityAsync(BaiqiangDbContext db, string code, bool details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(code);
        var q = details ? Details(db.Projects) : db.Projects;
        var stored = await StoredCodes.ResolveAsync(db.Projects.Select(p => p.Code), code, ct);
        return await q.FirstOrDefaultAsync(p => p.Code == stored, ct) ?? throw NotFound(stored);
    }

    internal static ProjectRuleException NotFound(string code) => new(new Bilingual($"找不到项目{code}", $"no project with code {code}"));

    internal static Task SaveAsync(BaiqiangDbContext db, Actor actor, CancellationToken ct) => db.SaveChangesAsAsync(actor.Name, ct);
}
