using System.Data;
using System.Data.Common;
using System.Globalization;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Baiqiang.Storage.Projects;

/// <summary>A count target (新开工/竣工 …) of the Foundation's targets, set against what the ledger counted.</summary>
/// <param name="TargetId">The target's id.</param>
/// <param name="Region">The target's region.</param>
/// <param name="Subject">new_project_starts or projects_completed.</param>
/// <param name="Target">The target count.</param>
/// <param name="Actual">Transitions to 开工 (or 竣工) in the period among the region's projects (parks included).</param>
/// <param name="DescriptionZh">The target as the report phrased it.</param>
public sealed record LedgerTargetLine(string TargetId, RegionCode Region, string Subject, decimal Target, int Actual, string? DescriptionZh)
{
    /// <summary>Actual ÷ target × 100, null when the target is 0.</summary>
    public decimal? Percent => Target == 0 ? null : Actual / Target * 100m;
}

/// <summary>The ledger for a period and grouping, with the count targets it answers to.</summary>
public sealed record LedgerView(LedgerReport Report, IReadOnlyList<LedgerTargetLine> Targets);

/// <summary>
/// Reads the ledger (台账汇总) from the store and consolidates it with Core's <see cref="Ledger.Consolidate(IEnumerable{Project}, IEnumerable{MonthlyReport}, StatPeriod, LedgerGrouping)"/>.
/// </summary>
/// <remarks>
/// Built for 100,000 projects × 12 months: instead of loading every report, the database returns, per project, only the
/// cumulative of the current (approved) report of the latest month ≤ the period's last month (and ≤ the month before the
/// period's first, for a span not starting in January) — exactly the figure <see cref="Ledger"/> would pick. The ledger
/// path (<see cref="LedgerAsync(BaiqiangDbContext, StatPeriod, LedgerGrouping, RegionCode?, CancellationToken)"/>) reads
/// these with plain data readers into flat <see cref="LedgerFigures"/> (<see cref="LoadFiguresAsync"/>) and builds no
/// <see cref="Project"/> values; <see cref="LoadLightAsync"/> still returns light Core values for callers that want them.
/// </remarks>
public static class ProjectLedgerQuery
{
    public const string NewStartsSubject = "new_project_starts";

    public const string CompletionsSubject = "projects_completed";

    /// <summary>The ledger of every project (or those in scope of <paramref name="region"/>) for <paramref name="period"/>.</summary>
    public static async Task<LedgerView> LedgerAsync(BaiqiangDbContext db, StatPeriod period, LedgerGrouping groupBy, RegionCode? region, CancellationToken ct)
        => (await LedgerAsync(db, period, [groupBy], region, ct))[0];

    /// <summary>
    /// The ledger for each of <paramref name="groupings"/> (in that order), reading the store once: for a page or report
    /// that shows several views of the same period.
    /// </summary>
    public static async Task<IReadOnlyList<LedgerView>> LedgerAsync(
        BaiqiangDbContext db, StatPeriod period, IReadOnlyList<LedgerGrouping> groupings, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(groupings);
        var figures = await LoadFiguresAsync(db, period, region, ct);
        var targets = await TargetsAsync(db, period, region, figures, ct);
        var views = new List<LedgerView>(groupings.Count);
        foreach (var g in groupings)
        {
            views.Add(new LedgerView(Ledger.Consolidate(figures, period, g), targets));
        }

        return views;
    }

    /// <summary>
    /// The ledger for each of <paramref name="groupings"/> with 亮灯 on every row (<see cref="LedgerRow.Light"/>): the plan
    /// year's thresholds (<see cref="StoreSettings.LightThresholdsAsync"/>) and, for project rows, red flags as of
    /// <paramref name="today"/> (<see cref="RedFlagsAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<LedgerView>> LedgerAsync(
        BaiqiangDbContext db, StatPeriod period, IReadOnlyList<LedgerGrouping> groupings, RegionCode? region, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(groupings);
        var figures = await LoadFiguresAsync(db, period, region, ct);
        var flags = await RedFlagsAsync(db, today, region, ct);
        if (flags.Count > 0)
        {
            for (var i = 0; i < figures.Count; i++)
            {
                if (flags.TryGetValue(figures[i].Code, out var f))
                {
                    figures[i] = figures[i] with { RedFlags = f };
                }
            }
        }

        var thresholds = await StoreSettings.LightThresholdsAsync(db, period.Year, ct);
        var targets = await TargetsAsync(db, period, region, figures, ct);
        var views = new List<LedgerView>(groupings.Count);
        foreach (var g in groupings)
        {
            views.Add(new LedgerView(Ledger.Consolidate(figures, period, g, thresholds), targets));
        }

        return views;
    }

    /// <summary>
    /// Reasons that turn a project's light red whatever its progress, by project code, as of <paramref name="today"/>:
    /// problems open past their deadline and milestones past theirs, 前期手续 by their own rule (<see cref="ProjectLights"/>).
    /// Other rules (督办 levels) add their reasons here.
    /// </summary>
    public static async Task<Dictionary<string, List<Bilingual>>> RedFlagsAsync(BaiqiangDbContext db, DateOnly today, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var flags = new Dictionary<string, List<Bilingual>>(StringComparer.Ordinal);
        void Add(string code, Bilingual reason)
        {
            if (!flags.TryGetValue(code, out var list))
            {
                flags[code] = list = [];
            }

            list.Add(reason);
        }

        var problems = await db.ProjectProblems.AsNoTracking().Where(q => q.DueOn != null && q.DueOn < today && q.RaisedOn <= today).ToListAsync(ct);
        foreach (var q in problems.Where(q => ProjectStore.InScope(q.RegionCode, region)).OrderBy(q => q.DueOn))
        {
            if (ProjectLights.ProblemFlag(ProblemMapping.ToProblem(q), today) is { } f)
            {
                Add(q.ProjectCode, f);
            }
        }

        // 前期手续 not done are judged whatever their date (overdue too once construction started), so they need the status.
        var milestones = await db.Set<ProjectMilestoneEntity>().AsNoTracking()
            .Where(m => m.CompletedOn == null && (m.Deadline < today || m.Kind == MilestoneKind.Preliminary)).ToListAsync(ct);
        var ids = milestones.Where(m => m.Kind == MilestoneKind.Preliminary).Select(m => m.ProjectId).Distinct().ToList();
        var statuses = new Dictionary<long, ProjectStatus>();
        foreach (var chunk in ids.Chunk(5000))
        {
            var list = chunk.ToList();
            foreach (var s in await db.Projects.AsNoTracking().Where(p => list.Contains(p.Id)).Select(p => new { p.Id, p.Status }).ToListAsync(ct))
            {
                statuses[s.Id] = s.Status;
            }
        }

        foreach (var m in milestones.Where(m => ProjectStore.InScope(m.RegionCode, region)).OrderBy(m => m.Deadline))
        {
            var milestone = new Milestone(m.Name, m.Deadline, m.CompletedOn) { Kind = m.Kind };
            if (ProjectLights.MilestoneFlag(milestone, today, statuses.TryGetValue(m.ProjectId, out var st) ? st : null) is { } f)
            {
                Add(m.ProjectCode, f);
            }
        }

        return flags;
    }

    /// <summary>
    /// Each project's flat ledger figures for <paramref name="period"/> (every project, or those in scope of
    /// <paramref name="region"/>), read with plain data readers — no entity materialisation, no <see cref="Project"/> values.
    /// <see cref="Ledger.Consolidate(IEnumerable{LedgerFigures}, StatPeriod, LedgerGrouping)"/> over them gives the same
    /// rows as <see cref="Ledger.Consolidate(IEnumerable{Project}, IEnumerable{MonthlyReport}, StatPeriod, LedgerGrouping)"/>
    /// over the fully loaded projects and reports.
    /// </summary>
    /// <remarks>
    /// Three queries: the transitions to 开工/竣工 dated within the period, the year's plans, and one row per project with
    /// its descriptive columns and the cumulative of the current report of the latest month ≤ the period's last month
    /// (and ≤ the month before its first, for a span not starting in January), each an index seek per project. A
    /// project's status is the stored (denormalised) current status, which <see cref="ProjectStore"/> keeps equal to its
    /// replayed history.
    /// </remarks>
    public static async Task<List<LedgerFigures>> LoadFiguresAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var open = connection.State == ConnectionState.Open;
        if (!open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            var tx = db.Database.CurrentTransaction?.GetDbTransaction();
            var moves = new Dictionary<long, (int Starts, int Completions)>();
            await using (var cmd = Command(connection, tx,
                             "SELECT project_id, \"to\" FROM project_status_changes WHERE \"on\" >= @start AND \"on\" <= @end AND \"to\" IN (@started, @completed)",
                             ("@start", period.Start), ("@end", period.End), ("@started", (int)ProjectStatus.Started), ("@completed", (int)ProjectStatus.Completed)))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var id = reader.GetInt64(0);
                    var (starts, completions) = moves.GetValueOrDefault(id);
                    moves[id] = (ProjectStatus)reader.GetInt32(1) == ProjectStatus.Started ? (starts + 1, completions) : (starts, completions + 1);
                }
            }

            // The year's plans in one scan: measured on SQLite, a plan seek per project costs ten times as much.
            var plans = new Dictionary<long, decimal>();
            await using (var cmd = Command(connection, tx, "SELECT project_id, amount FROM project_plans WHERE year = @year", ("@year", period.Year)))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    plans[reader.GetInt64(0)] = reader.GetDecimal(1);
                }
            }

            // Sized up front: 100,000 figures grown by doubling would copy several large-object-heap arrays.
            int count;
            await using (var cmd = Command(connection, tx, "SELECT COUNT(*) FROM projects"))
            {
                count = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }

            var before = period.FirstMonth > 1;
            var figures = new List<LedgerFigures>(region is null ? count : Math.Min(count, 1024));
            var tagSets = new Dictionary<string, string[]>(StringComparer.Ordinal) { [string.Empty] = [] };
            await using (var cmd = Command(connection, tx, before ? FiguresSql + ", " + BeforeSql + " FROM projects p" : FiguresSql + " FROM projects p",
                             ("@year", period.Year), ("@last", period.LastMonth), ("@before", period.FirstMonth - 1), ("@first", period.FirstMonth), ("@current", true)))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var projectRegion = new RegionCode(reader.GetInt32(3));
                    if (region is { } scope && !ProjectStore.InScope(projectRegion, scope))
                    {
                        continue;
                    }

                    var id = reader.GetInt64(0);
                    var tagText = reader.GetString(8);
                    if (!tagSets.TryGetValue(tagText, out var tags))
                    {
                        tags = [.. ProjectMapping.Split(tagText).Distinct(StringComparer.Ordinal)];
                        tagSets.Add(tagText, tags);
                    }

                    var ytd = await reader.IsDBNullAsync(13, ct) ? 0m : reader.GetDecimal(13);
                    var inPeriod = before && !await reader.IsDBNullAsync(14, ct) ? ytd - reader.GetDecimal(14) : ytd;
                    var (starts, completions) = moves.GetValueOrDefault(id);
                    figures.Add(new LedgerFigures(
                        Code: reader.GetString(1),
                        Name: reader.GetString(2),
                        Region: projectRegion,
                        Category: (ProjectCategory)reader.GetInt32(4),
                        IndustryChain: await reader.IsDBNullAsync(5, ct) ? null : reader.GetString(5),
                        Kind: (ProjectKind)reader.GetInt32(6),
                        LeadDepartment: reader.GetString(10),
                        Leader: reader.GetString(9),
                        Tags: tags,
                        Status: (ProjectStatus)reader.GetInt32(11),
                        TotalInvestment: reader.GetDecimal(7),
                        AnnualPlan: plans.GetValueOrDefault(id),
                        CompletedInPeriod: inPeriod,
                        CompletedYearToDate: ytd,
                        NewStarts: starts,
                        Completions: completions,
                        WorkGroupName: reader.GetString(12)));
                }
            }

            return figures;
        }
        finally
        {
            if (!open)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    // One row per project: its columns and the cumulative of the current report of the latest month ≤ the period's last
    // month. The subquery is a seek on the unique (region_code, project_id, year, month, revision) index of
    // monthly_reports, read backwards from the month bound until the first current row — so no aggregation over the
    // year's reports (on SQLite this beat a GROUP BY over them, and is plain SQL on both providers).
    private static readonly string FiguresSql =
        "SELECT p.id, p.code, p.name, p.region_code, p.category, p.industry_chain, p.kind, p.total_investment, p.tags, p.leader, p.lead_department, p.status, "
        + "p.work_group_name, " + LatestSql("@last");

    // The cumulative before the period's first month: the latest report ≤ that month, else the opening balance (期初累计)
    // of a first report in the period's first month (its previous cumulative), as Core's ledger reads it.
    private static readonly string BeforeSql = "COALESCE(" + LatestSql("@before")
        + ", (SELECT r.previous_cumulative FROM monthly_reports r WHERE r.region_code = p.region_code AND r.project_id = p.id AND r.year = @year "
        + "AND r.month = @first AND r.is_current = @current AND r.is_opening_balance = @current ORDER BY r.revision DESC LIMIT 1))";

    private static string LatestSql(string month) =>
        "(SELECT r.cumulative_this_year FROM monthly_reports r WHERE r.region_code = p.region_code AND r.project_id = p.id AND r.year = @year "
        + $"AND r.month <= {month} AND r.is_current = @current ORDER BY r.month DESC, r.revision DESC LIMIT 1)";

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    /// <summary>The projects (light) and the approved reports the ledger needs, for benchmarks and callers that group several ways.</summary>
    public static async Task<(List<Project> Projects, List<MonthlyReport> Reports)> LoadLightAsync(
        BaiqiangDbContext db, StatPeriod period, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = period.Year;
        var rows = await db.Projects.AsNoTracking()
            .Select(p => new ProjectRow(p.Id, p.Code, p.Name, p.RegionCode, p.Category, p.IndustryChain, p.Kind, p.TotalInvestment, p.Tags,
                p.Leader, p.LeadDepartment, p.Status, p.StatusSince, p.WorkGroupName))
            .ToListAsync(ct);
        if (region is { } r)
        {
            rows = [.. rows.Where(p => ProjectStore.InScope(p.Region, r))];
        }

        var plans = new Dictionary<long, decimal>();
        foreach (var (id, amount) in await db.Set<ProjectPlanEntity>().AsNoTracking().Where(p => p.Year == year)
                     .Select(p => new ValueTuple<long, decimal>(p.ProjectId, p.Amount)).ToListAsync(ct))
        {
            plans[id] = amount;
        }

        var start = period.Start;
        var changes = (await db.Set<ProjectStatusChangeEntity>().AsNoTracking().Where(c => c.On >= start)
                .Select(c => new { c.ProjectId, c.Sequence, c.From, c.To, c.On, c.Reason }).ToListAsync(ct))
            .GroupBy(c => c.ProjectId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Sequence).ToList());

        var reports = new List<MonthlyReport>(rows.Count * 2);
        var codes = new Dictionary<long, string>(rows.Count);
        foreach (var p in rows)
        {
            codes[p.Id] = p.Code;
        }

        await AddLatestAsync(db, year, period.LastMonth, codes, reports, ct);
        if (period.FirstMonth > 1)
        {
            await AddLatestAsync(db, year, period.FirstMonth - 1, codes, reports, ct);
        }

        var projects = new List<Project>(rows.Count);
        foreach (var p in rows)
        {
            var own = changes.GetValueOrDefault(p.Id);
            var status = own is { Count: > 0 } ? own[0].From : p.Status;
            var project = new Project(p.Code, p.Name, p.Region, status, own is { Count: > 0 } ? null : p.StatusSince)
            {
                Category = p.Category,
                IndustryChain = p.IndustryChain,
                Kind = p.Kind,
                TotalInvestment = p.TotalInvestment,
                AnnualPlans = plans.TryGetValue(p.Id, out var plan) ? new Dictionary<int, decimal> { [year] = plan } : new Dictionary<int, decimal>(),
                Tags = p.Tags.Length == 0 ? new HashSet<string>(StringComparer.Ordinal) : ProjectMapping.Split(p.Tags).ToHashSet(StringComparer.Ordinal),
                Leader = p.Leader,
                LeadDepartment = p.LeadDepartment,
                WorkGroupName = p.WorkGroupName,
            };
            if (own is not null)
            {
                foreach (var c in own)
                {
                    project.TransitionTo(c.To, c.On, c.Reason);
                }
            }

            projects.Add(project);
        }

        return (projects, reports);
    }

    /// <summary>Per project, the current report of the latest month ≤ <paramref name="month"/> of <paramref name="year"/>.</summary>
    private static async Task AddLatestAsync(BaiqiangDbContext db, int year, int month, Dictionary<long, string> codes, List<MonthlyReport> into, CancellationToken ct)
    {
        var current = db.MonthlyReports.AsNoTracking().Where(r => r.IsCurrent && r.Year == year && r.Month <= month);
        // Grouping and joining on (region_code, project_id) lets both use the (region_code, project_id, year, month, revision) index.
        var latest = current.GroupBy(r => new { r.RegionCode, r.ProjectId })
            .Select(g => new { g.Key.RegionCode, g.Key.ProjectId, Month = g.Max(r => r.Month) });
        var rows = await (from r in current
                          join l in latest on new { r.RegionCode, r.ProjectId, r.Month } equals new { l.RegionCode, l.ProjectId, l.Month }
                          select new { r.ProjectId, r.Month, r.Revision, r.CompletedThisMonth, r.CumulativeThisYear, r.PreviousCumulative, r.IsOpeningBalance })
            .ToListAsync(ct);
        foreach (var r in rows)
        {
            if (codes.TryGetValue(r.ProjectId, out var code))
            {
                into.Add(MonthlyReport.Restore(code, year, r.Month, r.Revision, r.CompletedThisMonth, r.CumulativeThisYear, r.PreviousCumulative, ReportState.Approved,
                    openingBalance: r.IsOpeningBalance));
            }
        }
    }

    private static async Task<List<LedgerTargetLine>> TargetsAsync(
        BaiqiangDbContext db, StatPeriod period, RegionCode? region, List<LedgerFigures> figures, CancellationToken ct)
    {
        var subjects = new[] { NewStartsSubject, CompletionsSubject };
        var targets = (await db.Targets.AsNoTracking().Where(t => t.SubjectKind == "count" && subjects.Contains(t.Subject)).ToListAsync(ct))
            .Where(t => t.Deadline.Year == period.Year && t.Value is not null && ProjectStore.InScope(t.RegionCode, region))
            .ToList();
        if (targets.Count == 0)
        {
            return [];
        }

        var lines = new List<LedgerTargetLine>();
        foreach (var t in targets)
        {
            var mine = figures.Where(p => Core.Access.Actor.IsWithin(p.Region, t.RegionCode));
            var total = Ledger.Consolidate(mine, period, LedgerGrouping.Region).Total;
            var actual = t.Subject == NewStartsSubject ? total.NewStarts : total.Completions;
            lines.Add(new LedgerTargetLine(t.Key, t.RegionCode, t.Subject, t.Value!.Value, actual, t.DescriptionZh.Length == 0 ? null : t.DescriptionZh));
        }

        return lines;
    }

    private sealed record ProjectRow(
        long Id, string Code, string Name, RegionCode Region, ProjectCategory Category, string? IndustryChain, ProjectKind Kind, decimal TotalInvestment,
        string Tags, string Leader, string LeadDepartment, ProjectStatus Status, DateOnly? StatusSince, string WorkGroupName);
}

/// <summary>Evaluates the early-warning rules (预警) over the stored ledger with Core's <see cref="ProjectWarnings"/>.</summary>
public static class ProjectWarningQuery
{
    /// <summary>
    /// Warnings for <paramref name="period"/> as of <paramref name="today"/>; when <paramref name="reportedPercent"/> is given
    /// (the completion % a report printed for the scope's total), a <see cref="WarningRule.ReportedFigureInconsistent"/>
    /// warning is added if the consolidated figure disagrees.
    /// </summary>
    public static async Task<IReadOnlyList<ProjectWarning>> WarningsAsync(
        BaiqiangDbContext db, StatPeriod period, WarningRules rules, DateOnly today, RegionCode? region,
        decimal? reportedPercent, string? reportedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        var projects = await ProjectStore.ListAsync(db, region, ct);
        var codes = projects.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var year = period.Year;
        var reportRows = await db.MonthlyReports.AsNoTracking().Where(r => r.IsCurrent && r.Year == year).ToListAsync(ct);
        var reports = reportRows.Where(r => codes.Contains(r.ProjectCode)).Select(ReportMapping.ToReport).ToList();
        var problems = await ProjectStore.ProblemsAsync(db, region, ct);
        var warnings = ProjectWarnings.Evaluate(projects, reports, problems, period, rules, today).ToList();
        if (reportedPercent is { } pct)
        {
            var total = Ledger.Consolidate(projects, reports, period, LedgerGrouping.Region).Total;
            if (total.AnnualPlan > 0 && ReportedFigureCheck.Warn(total with { GroupKey = region?.ToString() ?? string.Empty, GroupLabel = region?.ToString() ?? "合计" },
                    pct, period.End, reportedBy ?? "统计部门") is { } w)
            {
                warnings.Add(w);
            }
        }

        return warnings;
    }
}
