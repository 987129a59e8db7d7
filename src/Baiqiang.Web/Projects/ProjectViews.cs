using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Projects;

/// <summary>
/// One consolidated ledger row. Money in 万元; percentages unrounded in <c>…Percent</c>, with the formulas that made them.
/// <c>Lagging</c>: the row has an annual plan and completion is below time elapsed (not 时间过半、任务过半).
/// <c>Light</c>/<c>LightZh</c>: 亮灯 (green/yellow/red/none, 绿/黄/红/无) with <c>LightReasonZh</c>/<c>LightReasonEn</c> saying why.
/// </summary>
public sealed record LedgerRowItem(
    string Key, string Label, int Projects, IReadOnlyList<StatusCount> ByStatus, decimal TotalInvestment, decimal AnnualPlan,
    decimal CompletedInPeriod, decimal CompletedYearToDate, decimal? CompletionPercent, decimal TimeElapsedPercent, decimal? GapPoints,
    bool OnTrack, bool Lagging, int NewStarts, int Completions, string Formula, string TimeFormula, string GapFormula,
    string Light = "none", string LightZh = "无", string LightReasonZh = "", string LightReasonEn = "");

/// <summary>亮灯 of one project for a period: colour (green/yellow/red/none, 绿/黄/红/无) and the reason in words.</summary>
public sealed record LightItem(string Period, string Color, string ColorZh, string ReasonZh, string ReasonEn);

public sealed record StatusCount(string Status, string StatusZh, int Count);

/// <summary>A count target (新开工/竣工) of the period's year beside what the ledger counted.</summary>
public sealed record LedgerTargetItem(string Id, string Region, string Subject, string? DescriptionZh, decimal Target, int Actual, decimal? Percent, string Formula);

/// <summary>
/// The ledger for a period, grouping and filters. Targets are given only for an unfiltered ledger (a filter changes what is counted).
/// <c>Today</c>: the as-of day the default period was chosen on (the query's <c>today</c>, else the clock's).
/// </summary>
public sealed record LedgerResponse(
    string Period, string By, string? Region, string? Status, string? Tag, string? Category,
    IReadOnlyList<LedgerRowItem> Rows, LedgerRowItem Total, IReadOnlyList<LedgerTargetItem> Targets, string Definition, DateOnly Today);

/// <summary>
/// Query of the ledger: period (canonical, e.g. 2022-01..06), grouping, region and filters, and the as-of day
/// <c>today</c> (<c>2022-06-30</c>) the default period is taken on — all optional.
/// </summary>
public sealed record LedgerQuery(string? Period, string? By, string? Region, string? Status, string? Tag, string? Category, string? Today = null, string? Group = null);

/// <summary>A project as the list shows it. Money in 万元.</summary>
public sealed record ProjectSummary(
    string Code, string Name, string Region, string RegionName, string Status, string StatusZh, string CategoryZh, string KindZh,
    decimal TotalInvestment, string Leader, string LeadDepartment, IReadOnlyList<string> Tags);

public sealed record PlanItem(int Year, decimal Amount);

/// <summary>A milestone: <c>Deadline</c> is the current planned date, <c>Baseline</c> the one frozen at plan approval (null
/// before); <c>Kind</c> is <c>Node</c> (节点) or <c>Preliminary</c> (前期手续: 立项, 用地, 规划, 环评, 能评, 施工许可).</summary>
public sealed record MilestoneItem(string Name, DateOnly Deadline, DateOnly? CompletedOn, bool Overdue, string? Kind = null, DateOnly? Baseline = null);

public sealed record AgreementItem(DateOnly SignedOn, DateOnly NewCompletionDate, decimal? TaxCommitment);

/// <summary>Every field of a project. Money in 万元.</summary>
public sealed record ProjectItem(
    string Code, string Name, string Region, string RegionName, string Status, string StatusZh, DateOnly? StatusSince,
    string Category, string CategoryZh, string Kind, string KindZh, string? IndustryChain, string OwnerEnterprise, string ConstructionContent,
    decimal TotalInvestment, IReadOnlyList<PlanItem> AnnualPlans, DateOnly? PlannedStart, DateOnly? PlannedFinish, IReadOnlyList<string> Tags,
    string Leader, string LeadDepartment, IReadOnlyList<string> WorkGroup, IReadOnlyList<MilestoneItem> Milestones, IReadOnlyList<AgreementItem> Agreements,
    string WorkGroupName = "");

public sealed record StatusChangeItem(string From, string FromZh, string To, string ToZh, DateOnly On, string? Reason);

/// <summary>One revision of a monthly report. Money in 万元. <c>OpeningBalance</c>: <c>PreviousCumulative</c> is the opening balance (期初累计) the year's first report carried.</summary>
public sealed record ReportItem(
    string ProjectCode, string Month, int Revision, decimal CompletedThisMonth, decimal CumulativeThisYear, decimal PreviousCumulative,
    string Progress, string Problems, string State, string StateZh, string? Reviewer, string? ReviewComment, string? CorrectionReason, bool Counted,
    bool OpeningBalance = false);

/// <summary>A reporting month of a project with all its revisions, oldest first.</summary>
public sealed record ReportMonthItem(string Month, bool Closed, IReadOnlyList<ReportItem> Revisions);

public sealed record ProblemItem(
    string Id, string ProjectCode, string Category, string Description, string ResponsibleDepartment, DateOnly RaisedOn, DateOnly? DueOn,
    string Status, string StatusZh, string? Resolution, DateOnly? ResolvedOn, bool Open, bool Overdue);

public sealed record AuditLine(DateTimeOffset At, string User, string Entity, string Key, string? Field, string? OldValue, string? NewValue);

/// <summary>
/// A project with its history, reports, problems and audit trail, and what the caller may do with it. <c>Today</c> is the
/// as-of day its milestones and problems are judged overdue on (the query's <c>today</c>, else the clock's).
/// </summary>
public sealed record ProjectDetail(
    ProjectItem Project, IReadOnlyList<StatusChangeItem> History, IReadOnlyList<ReportMonthItem> Reports, IReadOnlyList<ProblemItem> Problems,
    IReadOnlyList<string> NextStatuses, bool Editable, IReadOnlyList<AuditLine> Audit, DateOnly Today,
    IReadOnlyList<SupervisionItem>? Supervision = null, bool MaySupervise = false, LightItem? Light = null);

/// <summary>One line of a region's monthly form (填报) or review list: the project, last month's cumulative and the month's latest revision.</summary>
public sealed record FormLine(
    string Code, string Name, decimal AnnualPlan, decimal PreviousCumulative, decimal? CompletedThisMonth, decimal? CumulativeThisYear,
    string Progress, string Problems, string? State, string? StateZh, int? Revision, string? ReviewComment, bool Editable, bool Reviewable);

/// <summary>A region's month: its lines, whether it is closed, and the caller's rights there (<c>MayEdit</c>: editor of the region, or of a department leading one of its open lines).</summary>
public sealed record FormResponse(string Region, string RegionName, string Month, bool Closed, bool MayEdit, bool MayReview, IReadOnlyList<FormLine> Lines);

public sealed record WarningItem(string ProjectCode, string ProjectName, string Rule, string RuleZh, string ReasonZh, string ReasonEn, DateOnly Since, string Desk);

/// <summary>A red or yellow project of the warnings page: its 亮灯 and why.</summary>
public sealed record LightLine(string ProjectCode, string ProjectName, string Color, string ColorZh, string ReasonZh, string ReasonEn);

/// <summary>Warnings as of <c>Today</c>, and the projects lit red or yellow (<c>Lights</c>, red first).</summary>
public sealed record WarningsResponse(string Period, string? Region, DateOnly Today, IReadOnlyList<WarningItem> Warnings, IReadOnlyList<LightLine>? Lights = null);

/// <summary>Creates (POST) or replaces the description of (PUT) a project. Money in 万元; null lists keep what is stored on update.</summary>
public sealed record ProjectRequest(
    string Code, string Name, string Region, string? Category = null, string? Kind = null, string? IndustryChain = null,
    string? OwnerEnterprise = null, string? ConstructionContent = null, decimal TotalInvestment = 0m, IReadOnlyList<PlanItem>? AnnualPlans = null,
    DateOnly? PlannedStart = null, DateOnly? PlannedFinish = null, IReadOnlyList<string>? Tags = null, string? Leader = null,
    string? LeadDepartment = null, IReadOnlyList<string>? WorkGroup = null, IReadOnlyList<MilestoneItem>? Milestones = null,
    IReadOnlyList<AgreementItem>? Agreements = null, string? Status = null, DateOnly? StatusSince = null, string? WorkGroupName = null,
    string? ReplanReason = null);

/// <summary>Moves a project to <c>Status</c> (储备…终止 or the English member name) on <c>On</c>; 暂停/终止 need <c>Reason</c>.</summary>
public sealed record TransitionRequest(string Status, DateOnly On, string? Reason = null);

/// <summary>填报: this month's completed investment (万元); the cumulative defaults to last month's approved cumulative plus it.</summary>
public sealed record FillReportRequest(decimal CompletedThisMonth, decimal? CumulativeThisYear = null, string? Progress = null, IReadOnlyList<string>? Problems = null);

/// <summary>A reviewer's comment: optional to approve, required to return.</summary>
public sealed record ReviewRequest(string? Comment = null);

/// <summary>Closes (关账) a region's month, e.g. <c>2022-06</c>.</summary>
public sealed record CloseMonthRequest(string Region, string Month);

/// <summary>A problem (问题清单) raised on a project; <c>Id</c> defaults to "{code}-Q{n}".</summary>
public sealed record AddProblemRequest(string Description, string ResponsibleDepartment, DateOnly RaisedOn, DateOnly? DueOn = null, string? Category = null, string? Id = null);

public sealed record ResolveProblemRequest(string Resolution, DateOnly On);

/// <summary>
/// The reads and writes the 重点项目 pages and <c>/api/projects</c> share: parsing to bilingual messages by field, the
/// signed-in <see cref="Actor"/> on every write (rights refused with <see cref="AccessDeniedException"/>, rules with the
/// store's <see cref="ProjectRuleException"/> turned into a <see cref="Bilingual"/>).
/// </summary>
public static class ProjectViews
{
    public const string DefinitionZh = "只计已审核月报；累计完成为期末月（或此前最近已审核月）的本年累计；完成率 = 累计完成 ÷ 年度计划 × 100%；时间进度 = 期末月 ÷ 12 × 100%；差距 = 完成率 − 时间进度（负数为“任务未过半”）";

    public const string DefinitionEn = "Only approved reports count; completed = the year-to-date cumulative of the period's last month (or the latest approved month before it); completion = completed ÷ annual plan × 100%; time elapsed = last month ÷ 12 × 100%; gap = completion − time elapsed (negative: lagging).";

    /// <summary>The groupings the ledger offers, by the names the API and the page use.</summary>
    public static IReadOnlyList<(string Name, LedgerGrouping Grouping, string Zh, string En)> Groupings { get; } =
    [
        ("project", LedgerGrouping.Project, "项目", "project"),
        ("region", LedgerGrouping.Region, "地区", "region"),
        ("department", LedgerGrouping.Department, "牵头部门", "lead department"),
        ("leader", LedgerGrouping.Leader, "挂点领导", "leader"),
        ("category", LedgerGrouping.Category, "项目类别", "category"),
        ("chain", LedgerGrouping.IndustryChain, "产业链", "industry chain"),
        ("tag", LedgerGrouping.Tag, "标签", "tag"),
        ("kind", LedgerGrouping.Kind, "项目性质", "kind"),
        ("group", LedgerGrouping.WorkGroup, "工作推进组", "work group"),
    ];

    public static string ProblemStatusZh(ProblemStatus s) => s switch
    {
        ProblemStatus.Open => "待办",
        ProblemStatus.InProgress => "办理中",
        ProblemStatus.Resolved => "已解决",
        _ => "已销号",
    };

    public static string RuleZh(WarningRule r) => r switch
    {
        WarningRule.LaggingPlan => "进度滞后",
        WarningRule.NoProgress => "无投资进度",
        WarningRule.MilestoneOverdue => "节点逾期",
        WarningRule.ProblemOverdue => "问题超期",
        WarningRule.AgreementDateMissed => "补充协议逾期",
        _ => "数据不一致",
    };

    public static string RuleEn(WarningRule r) => r switch
    {
        WarningRule.LaggingPlan => "lagging the plan",
        WarningRule.NoProgress => "no investment progress",
        WarningRule.MilestoneOverdue => "milestone overdue",
        WarningRule.ProblemOverdue => "problem overdue",
        WarningRule.AgreementDateMissed => "agreement date missed",
        _ => "reported figure inconsistent",
    };

    // ---------------------------------------------------------------- parsing

    /// <summary>An optional region code; adds a bilingual error under <paramref name="field"/> when malformed.</summary>
    public static RegionCode? ParseRegion(string? text, Dictionary<string, string[]> errors, string field = "region")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (RegionCode.TryParse(text.Trim(), out var code))
        {
            return code;
        }

        errors[field] = ["区划代码应为6位或9位数字 / region code must be 6 or 9 digits"];
        return null;
    }

    /// <summary>A reporting month <c>2022-07</c> (or a canonical one-month period).</summary>
    public static ReportingMonth? ParseMonth(string? text, Dictionary<string, string[]> errors, string field = "month")
    {
        var p = StatPeriod.TryParseCanonical((text ?? string.Empty).Trim());
        if (p.Success && p.Value.Kind == PeriodKind.Month)
        {
            return new ReportingMonth(p.Value.Year, p.Value.LastMonth);
        }

        errors[field] = [$"填报月份“{text}”应写作 2022-07 / the report month '{text}' must be written like 2022-07"];
        return null;
    }

    /// <summary>
    /// The default ledger period: 1月 to the latest month with a counted (approved) report, no later than
    /// <paramref name="today"/>'s month (so warnings as of 2022-06-30 look at 1–6月 even once July is approved); this year
    /// to last month when there is none.
    /// </summary>
    public static async Task<StatPeriod> DefaultPeriodAsync(BaiqiangDbContext db, RegionCode? region, DateOnly today, CancellationToken ct)
    {
        var latest = await LatestApprovedMonthAsync(db, region, ReportingMonth.Of(today), ct);
        if (latest is { } m)
        {
            return StatPeriod.CumulativeTo(m.Year, m.Month);
        }

        return today.Month == 1 ? StatPeriod.ForYear(today.Year - 1) : StatPeriod.CumulativeTo(today.Year, today.Month - 1);
    }

    /// <summary>The latest month with a counted (approved) report in <paramref name="region"/> (all when null).</summary>
    public static Task<ReportingMonth?> LatestApprovedMonthAsync(BaiqiangDbContext db, RegionCode? region, CancellationToken ct) =>
        LatestApprovedMonthAsync(db, region, null, ct);

    /// <summary>The latest month with a counted (approved) report in <paramref name="region"/> (all when null), no later than <paramref name="notAfter"/> when given.</summary>
    public static async Task<ReportingMonth?> LatestApprovedMonthAsync(BaiqiangDbContext db, RegionCode? region, ReportingMonth? notAfter, CancellationToken ct)
    {
        var months = await db.MonthlyReports.AsNoTracking().Where(r => r.IsCurrent)
            .Select(r => new { r.RegionCode, r.Year, r.Month }).Distinct().ToListAsync(ct);
        var cap = notAfter is { } n ? (n.Year * 12) + n.Month : int.MaxValue;
        var best = months.Where(m => (region is not { } s || Actor.IsWithin(m.RegionCode, s)) && (m.Year * 12) + m.Month <= cap).MaxBy(m => (m.Year * 12) + m.Month);
        return best is null ? null : new ReportingMonth(best.Year, best.Month);
    }

    /// <summary>
    /// An optional day written <c>2022-06-30</c> (the form the date inputs send). Null when blank; when malformed, null and a
    /// bilingual error under <paramref name="field"/> that names the field and the text given.
    /// </summary>
    public static DateOnly? ParseDay(string? text, Dictionary<string, string[]> errors, string field, string fieldZh)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        // The echo is cut short and keeps no " / ", which separates the two languages of the message.
        var shown = (t.Length > 20 ? t[..20] + "…" : t).Replace(" / ", "/", StringComparison.Ordinal);
        errors[field] = [new Bilingual($"{fieldZh}（{field}）“{shown}”不是有效日期，应写作 2022-06-30", $"'{field}' ('{shown}') is not a valid date: write it like 2022-06-30").ToString()];
        return null;
    }

    /// <summary>The query parameter of the as-of day every time-judging projects page and endpoint takes.</summary>
    public const string AsOfField = "today";

    /// <summary>
    /// The as-of day (截至日期) the projects pages and API judge overdue milestones, problems and agreements on, and take
    /// the default period as of: <paramref name="text"/> written <c>2022-06-30</c>, or <paramref name="clockToday"/> when
    /// blank. When malformed, null and the bilingual error under <c>today</c> (<see cref="ParseDay"/>).
    /// </summary>
    public static DateOnly? ParseAsOf(string? text, DateOnly clockToday, Dictionary<string, string[]> errors) =>
        string.IsNullOrWhiteSpace(text) ? clockToday : ParseDay(text, errors, AsOfField, "截至日期");

    /// <summary>The clock's day, the as-of day when no <c>today</c> is given.</summary>
    public static DateOnly ClockToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static ParseResult<LedgerGrouping> ParseGrouping(string? by)
    {
        var t = string.IsNullOrWhiteSpace(by) ? "project" : by.Trim();
        foreach (var g in Groupings)
        {
            if (string.Equals(g.Name, t, StringComparison.OrdinalIgnoreCase) || string.Equals(g.Grouping.ToString(), t, StringComparison.OrdinalIgnoreCase)
                || string.Equals(g.Zh, t, StringComparison.Ordinal) || (t == "industry-chain" && g.Grouping == LedgerGrouping.IndustryChain))
            {
                return ParseResult<LedgerGrouping>.Ok(g.Grouping);
            }
        }

        return ParseResult<LedgerGrouping>.Fail(
            $"无法识别分组方式“{t}”（可用：{string.Join("、", Groupings.Select(g => g.Name))}）", $"unknown grouping '{t}' (use {string.Join(", ", Groupings.Select(g => g.Name))})");
    }

    public static string GroupingName(LedgerGrouping g) => Groupings.First(x => x.Grouping == g).Name;

    // ---------------------------------------------------------------- ledger

    /// <summary>The parsed ledger query, or errors by field ("中文 / English"). <c>Today</c>: the as-of day.</summary>
    public sealed record LedgerArgs(
        StatPeriod Period, LedgerGrouping By, RegionCode? Region, ProjectStatus? Status, string? Tag, ProjectCategory? Category, DateOnly Today, string? Group = null);

    /// <summary>
    /// Parses the ledger query; <c>q.Today</c> is read by <see cref="ParseAsOf"/> (default <paramref name="clockToday"/>) and
    /// the default period is the ledger's as of that day.
    /// </summary>
    public static async Task<(LedgerArgs? Args, Dictionary<string, string[]> Errors)> ParseLedgerAsync(BaiqiangDbContext db, LedgerQuery q, DateOnly clockToday, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var region = ParseRegion(q.Region, errors);
        StatPeriod period = default;
        if (!string.IsNullOrWhiteSpace(q.Period))
        {
            var p = StatPeriod.TryParseCanonical(q.Period.Trim());
            if (p.Success)
            {
                period = p.Value;
            }
            else
            {
                errors["period"] = [p.Error!.Value.ToString()];
            }
        }

        var by = ParseGrouping(q.By);
        if (!by.Success)
        {
            errors["by"] = [by.Error!.Value.ToString()];
        }

        ProjectStatus? status = null;
        if (!string.IsNullOrWhiteSpace(q.Status))
        {
            var s = ProjectText.ParseStatus(q.Status);
            if (s.Success)
            {
                status = s.Value;
            }
            else
            {
                errors["status"] = [s.Error!.Value.ToString()];
            }
        }

        ProjectCategory? category = null;
        if (!string.IsNullOrWhiteSpace(q.Category))
        {
            var c = ProjectText.ParseCategory(q.Category);
            if (c.Success)
            {
                category = c.Value;
            }
            else
            {
                errors["category"] = [c.Error!.Value.ToString()];
            }
        }

        var today = ParseAsOf(q.Today, clockToday, errors);
        if (errors.Count > 0 || today is not { } day)
        {
            return (null, errors);
        }

        if (string.IsNullOrWhiteSpace(q.Period))
        {
            period = await DefaultPeriodAsync(db, region, day, ct);
        }

        return (new LedgerArgs(period, by.Value, region, status, string.IsNullOrWhiteSpace(q.Tag) ? null : q.Tag.Trim(), category, day,
            string.IsNullOrWhiteSpace(q.Group) ? null : q.Group.Trim()), errors);
    }

    /// <summary>The raw consolidated report (for the export) and its targets, each row with its 亮灯 as of <c>a.Today</c>.</summary>
    public static async Task<LedgerView> ReportAsync(BaiqiangDbContext db, LedgerArgs a, CancellationToken ct)
    {
        if (a.Status is null && a.Tag is null && a.Category is null && a.Group is null)
        {
            return (await ProjectLedgerQuery.LedgerAsync(db, a.Period, [a.By], a.Region, a.Today, ct))[0];
        }

        var (projects, reports) = await ProjectLedgerQuery.LoadLightAsync(db, a.Period, a.Region, ct);
        var chosen = projects.Where(p => (a.Status is null || p.Status == a.Status) && (a.Category is null || p.Category == a.Category)
            && (a.Tag is null || p.Tags.Contains(a.Tag)) && (a.Group is null || string.Equals(p.WorkGroupName, a.Group, StringComparison.Ordinal)));
        var flags = await ProjectLedgerQuery.RedFlagsAsync(db, a.Today, a.Region, ct);
        var figures = Ledger.Figures(chosen, reports, a.Period).Select(f => flags.TryGetValue(f.Code, out var fl) ? f with { RedFlags = fl } : f);
        var thresholds = await Storage.Settings.StoreSettings.LightThresholdsAsync(db, a.Period.Year, ct);
        return new LedgerView(Ledger.Consolidate(figures, a.Period, a.By, thresholds), []);
    }

    /// <summary>亮灯 of one project for the ledger's default period as of <paramref name="today"/>; null when it has no figures.</summary>
    public static async Task<LightItem?> ProjectLightAsync(BaiqiangDbContext db, Project p, DateOnly today, CancellationToken ct)
    {
        var period = await DefaultPeriodAsync(db, p.Region, today, ct);
        var view = (await ProjectLedgerQuery.LedgerAsync(db, period, [LedgerGrouping.Project], p.Region, today, ct))[0];
        return view.Report.Row(p.Code)?.Light is { } l
            ? new LightItem(period.ToString(), ProjectLights.En(l.Color), l.ColorZh, l.Reason.Zh, l.Reason.En)
            : null;
    }

    public static async Task<LedgerResponse> LedgerAsync(BaiqiangDbContext db, LedgerArgs a, CancellationToken ct)
    {
        var view = await ReportAsync(db, a, ct);
        var labels = await LabelsAsync(db, view.Report, ct);
        var rows = view.Report.Rows.Select(r => ToItem(r with { GroupLabel = labels(r) })).ToList();
        var targets = view.Targets.Select(t => new LedgerTargetItem(
            t.TargetId, t.Region.ToString(), t.Subject, t.DescriptionZh, t.Target, t.Actual, PipelineViews.Round(t.Percent),
            t.Percent is { } pc ? string.Create(CultureInfo.InvariantCulture, $"{t.Actual} ÷ {Shared.Fmt.Number(t.Target)} × 100% = {Shared.Fmt.Number(PipelineViews.Round(pc))}%") : "—"))
            .ToList();
        return new LedgerResponse(a.Period.ToString(), GroupingName(a.By), a.Region?.ToString(), a.Status?.ToString(), a.Tag, a.Category?.ToString(),
            rows, ToItem(view.Report.Total with { GroupLabel = "合计" }), targets, DefinitionZh, a.Today);
    }

    /// <summary>Row labels: region names for a by-region ledger, else the Core label.</summary>
    public static async Task<Func<LedgerRow, string>> LabelsAsync(BaiqiangDbContext db, LedgerReport report, CancellationToken ct)
    {
        if (report.GroupBy != LedgerGrouping.Region)
        {
            return r => r.GroupLabel;
        }

        var codes = report.Rows.Select(r => RegionCode.TryParse(r.GroupKey, out var c) ? c : (RegionCode?)null).OfType<RegionCode>();
        var names = await PipelineViews.RegionNamesAsync(db, codes, ct);
        return r => RegionCode.TryParse(r.GroupKey, out var c) && names.TryGetValue(c, out var n) ? n : r.GroupLabel;
    }

    public static LedgerRowItem ToItem(LedgerRow r)
    {
        var elapsed = r.TimeElapsedPercent;
        var lastMonth = (int)Math.Round(elapsed * 12m / 100m, MidpointRounding.AwayFromZero);
        var time = string.Create(CultureInfo.InvariantCulture, $"{lastMonth} ÷ 12 × 100% = {Shared.Fmt.Number(PipelineViews.Round(elapsed))}%");
        var gap = r.GapPoints is { } g && r.CompletionPercent is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{Shared.Fmt.Number(PipelineViews.Round(c))}% − {Shared.Fmt.Number(PipelineViews.Round(elapsed))}% = {Signed(g)}个百分点")
            : "无年度计划 / no annual plan";
        return new LedgerRowItem(
            r.GroupKey, r.GroupLabel, r.ProjectCount,
            [.. r.CountByStatus.OrderBy(k => k.Key).Select(k => new StatusCount(k.Key.ToString(), ProjectText.Name(k.Key), k.Value))],
            r.TotalInvestment, r.AnnualPlan, r.CompletedInPeriod, r.CompletedYearToDate, r.CompletionPercent, elapsed, r.GapPoints,
            r.OnTrack, r.AnnualPlan > 0 && !r.OnTrack, r.NewStarts, r.Completions, r.Formula, time, gap,
            r.Light is { } l ? ProjectLights.En(l.Color) : "none", r.Light?.ColorZh ?? "无", r.Light?.Reason.Zh ?? string.Empty, r.Light?.Reason.En ?? string.Empty);
    }

    public static string Signed(decimal points)
    {
        var v = PipelineViews.Round(points)!.Value;
        return (v > 0 ? "+" : string.Empty) + Shared.Fmt.Number(v);
    }

    // ---------------------------------------------------------------- projects

    public static async Task<IReadOnlyList<ProjectSummary>> ListAsync(BaiqiangDbContext db, RegionCode? region, CancellationToken ct)
    {
        var projects = await ProjectStore.ListAsync(db, region, ct);
        var names = await PipelineViews.RegionNamesAsync(db, projects.Select(p => p.Region), ct);
        return [.. projects.Select(p => new ProjectSummary(
            p.Code, p.Name, p.Region.ToString(), names.GetValueOrDefault(p.Region, p.Region.ToString()), p.Status.ToString(), ProjectText.Name(p.Status),
            ProjectText.Name(p.Category), ProjectText.Name(p.Kind), p.TotalInvestment, p.Leader, p.LeadDepartment, [.. p.Tags.Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Statuses the project may move to now (by Core's lifecycle).</summary>
    public static IReadOnlyList<string> NextStatuses(Project p) =>
        [.. Enum.GetValues<ProjectStatus>().Where(s => ProjectLifecycle.CanTransition(p.Status, s, p.SuspendedFrom)).Select(s => s.ToString())];

    public static async Task<ProjectDetail?> DetailAsync(BaiqiangDbContext db, Actor actor, string code, DateOnly today, CancellationToken ct)
    {
        var key = code.Trim();
        var p = await ProjectStore.FindAsync(db, key, ct);
        if (p is null)
        {
            return null;
        }

        var names = await PipelineViews.RegionNamesAsync(db, [p.Region], ct);
        var item = new ProjectItem(
            p.Code, p.Name, p.Region.ToString(), names.GetValueOrDefault(p.Region, p.Region.ToString()), p.Status.ToString(), ProjectText.Name(p.Status), p.StatusSince,
            p.Category.ToString(), ProjectText.Name(p.Category), p.Kind.ToString(), ProjectText.Name(p.Kind), p.IndustryChain, p.OwnerEnterprise, p.ConstructionContent,
            p.TotalInvestment, [.. p.AnnualPlans.OrderBy(k => k.Key).Select(k => new PlanItem(k.Key, k.Value))], p.PlannedStart, p.PlannedFinish,
            [.. p.Tags.Order(StringComparer.Ordinal)], p.Leader, p.LeadDepartment, p.WorkGroup,
            [.. p.Milestones.Select(m => new MilestoneItem(m.Name, m.Deadline, m.CompletedOn, m.IsOverdue(today, p.Status), m.Kind.ToString(), m.Baseline))],
            [.. p.SupplementaryAgreements.Select(a => new AgreementItem(a.SignedOn, a.NewCompletionDate, a.TaxCommitment))], p.WorkGroupName);
        var history = p.StatusHistory.Select(c => new StatusChangeItem(c.From.ToString(), ProjectText.Name(c.From), c.To.ToString(), ProjectText.Name(c.To), c.On, c.Reason)).ToList();

        var reportRows = await db.MonthlyReports.AsNoTracking().Where(r => r.ProjectCode == key)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.Revision).ToListAsync(ct);
        var closed = (await db.ClosedMonths.AsNoTracking().Where(c => c.RegionCode == p.Region).Select(c => new { c.Year, c.Month }).ToListAsync(ct))
            .Select(c => (c.Year * 100) + c.Month).ToHashSet();
        var reports = reportRows.GroupBy(r => (r.Year, r.Month))
            .Select(g => new ReportMonthItem(new ReportingMonth(g.Key.Year, g.Key.Month).ToString(), closed.Contains((g.Key.Year * 100) + g.Key.Month), [.. g.Select(ToReport)]))
            .ToList();

        var problems = (await db.ProjectProblems.AsNoTracking().Where(q => q.ProjectCode == key).OrderBy(q => q.RaisedOn).ThenBy(q => q.Key).ToListAsync(ct))
            .Select(q => ToProblem(q, today)).ToList();

        var prefix = key + "|";
        var problemKeys = problems.Select(q => q.Id).ToList();
        var supervision = await SupervisionViews.ForProjectAsync(db, key, today, ct);
        var stepKeys = SupervisionViews.AuditKeys(supervision);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Key == key || a.Key.StartsWith(prefix) || (a.Entity == "project_problem" && problemKeys.Contains(a.Key))
                || (a.Entity == "problem_supervision" && stepKeys.Contains(a.Key)))
            .OrderByDescending(a => a.Id).Take(200)
            .Select(a => new AuditLine(a.At, a.User, a.Entity, a.Key, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(ct);

        return new ProjectDetail(item, history, reports, problems, NextStatuses(p), actor.CanEdit(p.Region, p.LeadDepartment), audit, today,
            supervision, actor.CanReview(p.Region), await ProjectLightAsync(db, p, today, ct));
    }

    public static ReportItem ToReport(MonthlyReportEntity r) => new(
        r.ProjectCode, new ReportingMonth(r.Year, r.Month).ToString(), r.Revision, r.CompletedThisMonth, r.CumulativeThisYear, r.PreviousCumulative,
        r.Progress, r.Problems, r.State.ToString(), ProjectText.Name(r.State), r.Reviewer, r.ReviewComment, r.CorrectionReason, r.IsCurrent,
        r.IsOpeningBalance);

    /// <summary>
    /// A problem as the pages show it. <c>Open</c> is its status now (it may still be resolved); <c>Overdue</c> is judged as
    /// of <paramref name="today"/> as the warnings judge it: open on that day (<see cref="ProjectProblem.IsOpenOn(DateOnly)"/>: raised
    /// by then, not resolved by then) and past its due date.
    /// </summary>
    public static ProblemItem ToProblem(ProjectProblemEntity q, DateOnly today)
    {
        var open = q.Status is ProblemStatus.Open or ProblemStatus.InProgress;
        var overdue = q.DueOn is { } due && today > due && ProjectProblem.IsOpenOn(q.RaisedOn, q.ResolvedOn, today);
        return new ProblemItem(q.Key, q.ProjectCode, q.Category, q.Description, q.ResponsibleDepartment, q.RaisedOn, q.DueOn, q.Status.ToString(),
            ProblemStatusZh(q.Status), q.Resolution, q.ResolvedOn, open, overdue);
    }

    /// <summary>Validates a create/update request into a Core <see cref="Project"/>; errors by field.</summary>
    public static (Project? Project, Dictionary<string, string[]> Errors) Build(ProjectRequest r, Project? existing)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, Bilingual message) => errors[field] = [message.ToString()];
        if (Project.ValidateCode(r.Code) is { } codeError)
        {
            Add("code", codeError);
        }

        if (string.IsNullOrWhiteSpace(r.Name))
        {
            Add("name", new Bilingual("项目名称不能为空", "the project name is required"));
        }

        var region = ParseRegion(r.Region, errors) ?? default;
        if (string.IsNullOrWhiteSpace(r.Region))
        {
            Add("region", new Bilingual("所属地区不能为空", "the region is required"));
        }

        var category = string.IsNullOrWhiteSpace(r.Category) ? ParseResult<ProjectCategory>.Ok(existing?.Category ?? ProjectCategory.Industry) : ProjectText.ParseCategory(r.Category);
        if (!category.Success)
        {
            Add("category", category.Error!.Value);
        }

        var kind = string.IsNullOrWhiteSpace(r.Kind) ? ParseResult<ProjectKind>.Ok(existing?.Kind ?? ProjectKind.NewStart) : ProjectText.ParseKind(r.Kind);
        if (!kind.Success)
        {
            Add("kind", kind.Error!.Value);
        }

        var status = string.IsNullOrWhiteSpace(r.Status) ? ParseResult<ProjectStatus>.Ok(ProjectStatus.Reserve) : ProjectText.ParseStatus(r.Status);
        if (!status.Success)
        {
            Add("status", status.Error!.Value);
        }

        if (r.TotalInvestment < 0 || (r.AnnualPlans ?? []).Any(p => p.Amount < 0))
        {
            Add("totalInvestment", new Bilingual("投资额不能为负数", "investment must not be negative"));
        }
        else if (!Storable(r.TotalInvestment) || !(r.AnnualPlans ?? []).All(p => Storable(p.Amount)))
        {
            Add("totalInvestment", new Bilingual("投资额超出可保存的范围（万元最多8位小数）", "investment cannot be stored exactly (at most 8 decimals in 10k yuan)"));
        }

        foreach (var (field, value, max, zh, en) in new (string, string?, int, string, string)[]
        {
            ("name", r.Name, 300, "项目名称", "the project name"),
            ("industryChain", r.IndustryChain, 100, "产业链", "the industry chain"),
            ("ownerEnterprise", r.OwnerEnterprise, 300, "业主单位", "the owner"),
            ("constructionContent", r.ConstructionContent, 4000, "建设内容", "the construction content"),
            ("leader", r.Leader, 100, "挂点领导", "the leader"),
            ("leadDepartment", r.LeadDepartment, 200, "牵头部门", "the lead department"),
            ("tags", string.Join('|', r.Tags ?? []), 500, "标签", "the tags"),
            ("workGroup", string.Join('|', r.WorkGroup ?? []), 1000, "工作专班", "the work group members"),
            ("workGroupName", r.WorkGroupName ?? string.Empty, 200, "工作推进组", "the work group"),
        })
        {
            if ((value?.Trim().Length ?? 0) > max)
            {
                Add(field, new Bilingual($"{zh}超过{max}个字符", $"{en} is longer than {max} characters"));
            }
        }

        if ((r.Tags ?? []).Concat(r.WorkGroup ?? []).Any(t => t?.Contains('|', StringComparison.Ordinal) == true))
        {
            Add("tags", new Bilingual("标签和工作推进组不能含有“|”", "tags and work group members must not contain '|'"));
        }

        if ((r.Milestones ?? []).Any(m => string.IsNullOrWhiteSpace(m.Name) || m.Name.Trim().Length > 300))
        {
            Add("milestones", new Bilingual("节点名称不能为空，且不超过300个字符", "a milestone needs a name of at most 300 characters"));
        }
        else if (MilestonePlanViews.CheckMilestones(r.Milestones) is { } milestoneError)
        {
            Add("milestones", milestoneError);
        }

        if ((r.Agreements ?? []).Any(a => a.TaxCommitment is { } tax && (tax < 0 || !Storable(tax))))
        {
            Add("agreements", new Bilingual("承诺税收不能为负数，万元最多8位小数", "a tax commitment must not be negative and has at most 8 decimals in 10k yuan"));
        }

        if ((r.AnnualPlans ?? []).Any(p => p.Year is < StatPeriod.MinYear or > StatPeriod.MaxYear)
            || (r.AnnualPlans ?? []).GroupBy(p => p.Year).Any(g => g.Count() > 1))
        {
            Add("annualPlans", new Bilingual("计划年度有误或重复", "plan years are out of range or repeated"));
        }

        if (r.PlannedStart is { } s && r.PlannedFinish is { } f && f < s)
        {
            Add("plannedFinish", new Bilingual("计划竣工时间早于开工时间", "the planned finish is before the planned start"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var project = new Project(r.Code.Trim(), r.Name.Trim(), region, existing?.Status ?? status.Value, existing?.StatusSince ?? r.StatusSince)
        {
            Category = category.Value,
            Kind = kind.Value,
            IndustryChain = string.IsNullOrWhiteSpace(r.IndustryChain) ? null : r.IndustryChain.Trim(),
            OwnerEnterprise = r.OwnerEnterprise?.Trim() ?? string.Empty,
            ConstructionContent = r.ConstructionContent?.Trim() ?? string.Empty,
            TotalInvestment = r.TotalInvestment,
            AnnualPlans = r.AnnualPlans is { } plans ? plans.ToDictionary(p => p.Year, p => p.Amount) : existing?.AnnualPlans.ToDictionary() ?? [],
            PlannedStart = r.PlannedStart,
            PlannedFinish = r.PlannedFinish,
            Tags = (r.Tags ?? existing?.Tags.ToList() ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal),
            Leader = r.Leader?.Trim() ?? string.Empty,
            LeadDepartment = r.LeadDepartment?.Trim() ?? string.Empty,
            WorkGroup = [.. (r.WorkGroup ?? existing?.WorkGroup ?? []).Select(w => w.Trim()).Where(w => w.Length > 0)],
            WorkGroupName = r.WorkGroupName?.Trim() ?? existing?.WorkGroupName ?? string.Empty,
            Milestones = r.Milestones is { } ms ? [.. ms.Select(MilestonePlanViews.ToMilestone)] : existing?.Milestones ?? [],
            SupplementaryAgreements = r.Agreements is { } ags ? [.. ags.Select(a => new SupplementaryAgreement(a.SignedOn, a.NewCompletionDate, a.TaxCommitment))] : existing?.SupplementaryAgreements ?? [],
        };
        return (project, errors);
    }

    /// <summary>A 万元 amount the store keeps exactly: numeric(28, 8), so at most 8 decimals and 20 integer digits.</summary>
    private static bool Storable(decimal wan) => Math.Round(wan, 8) == wan && Math.Abs(wan) < 100_000_000_000_000_000_000m;

    /// <summary>Who may create projects at all: administrators and editors (of a region or a lead department). The store decides which ones.</summary>
    public static bool MayCreate(Actor actor) => actor.IsAdmin || actor.Roles.HasFlag(Role.Editor);

    /// <summary>Creates a project. Rights → <see cref="AccessDeniedException"/>; rules and a taken code → errors.</summary>
    public static async Task<(ProjectSummary? Project, Dictionary<string, string[]> Errors)> CreateAsync(BaiqiangDbContext db, Actor actor, ProjectRequest request, CancellationToken ct)
    {
        if (!MayCreate(actor))
        {
            throw new AccessDeniedException(new Bilingual($"用户“{actor.Name}”无权新建或修改项目", $"user '{actor.Name}' may not create or change projects"));
        }

        var (project, errors) = Build(request, null);
        if (project is null)
        {
            return (null, errors);
        }

        // An unknown region is a mistake in the form, not a question of rights: say so first.
        if (!await db.Regions.AnyAsync(r => r.Code == project.Region, ct))
        {
            errors["region"] = [new Bilingual($"区划 {project.Region} 不存在", $"region {project.Region} is not stored").ToString()];
            return (null, errors);
        }

        actor.EnsureCanEdit(project.Region, project.LeadDepartment);
        if (await RuleAsync(() => ProjectStore.CreateAsync(Tracking(db), project, actor, ct)) is { } refusal)
        {
            errors["code"] = [refusal.ToString()];
            return (null, errors);
        }

        return ((await ListAsync(db, project.Region, ct)).Single(p => p.Code == project.Code), errors);
    }

    /// <summary>Replaces a project's description (not its status). Null when the project does not exist.</summary>
    public static async Task<Dictionary<string, string[]>?> UpdateAsync(BaiqiangDbContext db, Actor actor, string code, ProjectRequest request, CancellationToken ct)
    {
        var existing = await ProjectStore.FindAsync(db, code.Trim(), ct);
        if (existing is null)
        {
            return null;
        }

        // Rights before content: a caller outside the project's scope learns nothing from validation messages.
        actor.EnsureCanEdit(existing.Region, existing.LeadDepartment);
        var (project, errors) = Build(request with { Code = existing.Code }, existing);
        if (project is null)
        {
            return errors;
        }

        if (project.Region != existing.Region)
        {
            errors["region"] = [new Bilingual($"项目{existing.Code}属于{existing.Region}，不能改为{project.Region}", $"project {existing.Code} belongs to {existing.Region} and cannot move to {project.Region}").ToString()];
            return errors;
        }

        if (await RuleAsync(() => ProjectStore.UpdateAsync(Tracking(db), project, actor, request.ReplanReason, ct)) is { } refusal)
        {
            errors["project"] = [refusal.ToString()];
        }

        return errors;
    }

    /// <summary>Moves the project along its lifecycle; a refusal is the Core's bilingual reason.</summary>
    public static async Task<Bilingual?> TransitionAsync(BaiqiangDbContext db, Actor actor, string code, TransitionRequest request, CancellationToken ct)
    {
        var status = ProjectText.ParseStatus(request.Status ?? string.Empty);
        if (!status.Success)
        {
            return status.Error!.Value;
        }

        return await RuleAsync(() => ProjectStore.TransitionAsync(Tracking(db), code, status.Value, request.On, request.Reason, actor, ct));
    }

    // ---------------------------------------------------------------- monthly reports

    /// <summary>填报 one project-month; the cumulative defaults to the previous approved cumulative plus this month.</summary>
    public static async Task<Bilingual?> FillAsync(BaiqiangDbContext db, Actor actor, string code, ReportingMonth month, FillReportRequest r, CancellationToken ct)
    {
        var key = code.Trim();
        var id = await db.Projects.AsNoTracking().Where(p => p.Code == key).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        if (id is not { } projectId)
        {
            return new Bilingual($"找不到项目{key}", $"no project with code {key}");
        }

        var cumulative = r.CumulativeThisYear ?? (await ProjectStore.PreviousCumulativeAsync(db, projectId, month.Year, month.Month, ct) + r.CompletedThisMonth);
        var problems = r.Problems?.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return await RuleAsync(() => ProjectStore.FillReportAsync(Tracking(db), key, month.Year, month.Month, r.CompletedThisMonth, cumulative,
            r.Progress?.Trim(), problems, actor, ct));
    }

    public static Task<Bilingual?> SubmitAsync(BaiqiangDbContext db, Actor actor, string code, ReportingMonth m, CancellationToken ct) =>
        RuleAsync(() => ProjectStore.SubmitReportAsync(Tracking(db), code.Trim(), m.Year, m.Month, actor, ct));

    public static Task<Bilingual?> ApproveAsync(BaiqiangDbContext db, Actor actor, string code, ReportingMonth m, string? comment, CancellationToken ct) =>
        RuleAsync(() => ProjectStore.ApproveReportAsync(Tracking(db), code.Trim(), m.Year, m.Month, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), actor, ct));

    public static Task<Bilingual?> ReturnAsync(BaiqiangDbContext db, Actor actor, string code, ReportingMonth m, string? comment, CancellationToken ct) =>
        RuleAsync(() => ProjectStore.ReturnReportAsync(Tracking(db), code.Trim(), m.Year, m.Month, comment ?? string.Empty, actor, ct));

    public static Task CloseMonthAsync(BaiqiangDbContext db, Actor actor, RegionCode region, ReportingMonth m, TimeProvider clock, CancellationToken ct) =>
        ProjectStore.CloseMonthAsync(Tracking(db), region, m.Year, m.Month, actor, clock, ct);

    /// <summary>
    /// Runs several writes as one: all are stored or none (a transaction over the store's per-step saves). The first
    /// refusal (rule or rights) rolls everything back and is rethrown / returned.
    /// </summary>
    public static async Task<Bilingual?> AllOrNothingAsync(BaiqiangDbContext db, IEnumerable<Func<Task<Bilingual?>>> steps, Func<int, Bilingual, Bilingual> label, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var i = 0;
        try
        {
            foreach (var step in steps)
            {
                if (await step() is { } refusal)
                {
                    await tx.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    return label(i, refusal);
                }

                i++;
            }

            await tx.CommitAsync(ct);
            return null;
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>The region's month as a form: every project of the region (parks included) with last month's approved cumulative and the month's latest revision.</summary>
    public static async Task<FormResponse> FormAsync(BaiqiangDbContext db, Actor actor, RegionCode region, ReportingMonth month, CancellationToken ct)
    {
        var projects = await ProjectStore.ListAsync(db, region, ct);
        var codes = projects.Select(p => p.Code).ToList();
        var rows = await db.MonthlyReports.AsNoTracking().Where(r => r.Year == month.Year && r.Month <= month.Month && codes.Contains(r.ProjectCode))
            .Select(r => new { r.ProjectCode, r.Month, r.Revision, r.IsCurrent, r.CumulativeThisYear, Entity = r }).ToListAsync(ct);
        var previous = rows.Where(r => r.IsCurrent && r.Month < month.Month).GroupBy(r => r.ProjectCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Month)!.CumulativeThisYear, StringComparer.Ordinal);
        var latest = rows.Where(r => r.Month == month.Month).GroupBy(r => r.ProjectCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Revision)!.Entity, StringComparer.Ordinal);
        var closedRegions = await db.ClosedMonths.AsNoTracking().Where(c => c.Year == month.Year && c.Month == month.Month).Select(c => c.RegionCode).ToListAsync(ct);
        var names = await PipelineViews.RegionNamesAsync(db, [region], ct);
        var lines = projects.Select(p =>
        {
            var r = latest.GetValueOrDefault(p.Code);
            var closed = closedRegions.Contains(p.Region);
            var editable = actor.CanEdit(p.Region, p.LeadDepartment) && !closed && (r is null || r.State is ReportState.Draft or ReportState.Returned);
            var reviewable = actor.CanReview(p.Region) && r?.State == ReportState.Submitted;
            return new FormLine(p.Code, p.Name, p.AnnualPlanFor(month.Year), previous.GetValueOrDefault(p.Code), r?.CompletedThisMonth, r?.CumulativeThisYear,
                r?.Progress ?? string.Empty, r?.Problems ?? string.Empty, r?.State.ToString(), r is null ? null : ProjectText.Name(r.State), r?.Revision, r?.ReviewComment,
                editable, reviewable);
        }).ToList();
        return new FormResponse(region.ToString(), names.GetValueOrDefault(region, region.ToString()), month.ToString(), closedRegions.Contains(region),
            actor.CanEdit(region) || lines.Exists(l => l.Editable), actor.CanReview(region), lines);
    }

    /// <summary>The region a form or review page opens on: the caller's first scope region that has projects, else the first region with projects.</summary>
    public static async Task<RegionCode?> DefaultRegionAsync(BaiqiangDbContext db, Actor actor, CancellationToken ct)
    {
        var regions = await db.Projects.AsNoTracking().Select(p => p.RegionCode).Distinct().ToListAsync(ct);
        regions.Sort();
        foreach (var scope in actor.Regions.Order())
        {
            if (regions.Any(r => Actor.IsWithin(r, scope)))
            {
                return scope;
            }
        }

        return regions.Count == 0 ? null : regions[0];
    }

    /// <summary>The month a form opens on: the month after the region's latest approved month (this month when none).</summary>
    public static async Task<ReportingMonth> DefaultMonthAsync(BaiqiangDbContext db, RegionCode? region, DateOnly today, CancellationToken ct) =>
        await LatestApprovedMonthAsync(db, region, ct) is { } m ? m.Next : ReportingMonth.Of(today);

    // ---------------------------------------------------------------- problems

    public static async Task<(string? Id, Bilingual? Refusal)> AddProblemAsync(BaiqiangDbContext db, Actor actor, string code, AddProblemRequest r, CancellationToken ct)
    {
        var key = code.Trim();
        if (string.IsNullOrWhiteSpace(r.Description) || string.IsNullOrWhiteSpace(r.ResponsibleDepartment))
        {
            return (null, new Bilingual("问题描述和责任单位不能为空", "the description and the responsible department are required"));
        }

        if (r.DueOn is { } due && due < r.RaisedOn)
        {
            return (null, new Bilingual("办结期限早于提出日期", "the due date is before the date raised"));
        }

        var id = r.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            var n = await db.ProjectProblems.AsNoTracking().CountAsync(q => q.ProjectCode == key, ct);
            id = string.Create(CultureInfo.InvariantCulture, $"{key}-Q{n + 1}");
            while (await db.ProjectProblems.AsNoTracking().AnyAsync(q => q.Key == id, ct))
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{key}-Q{++n + 1}");
            }
        }

        var problem = new ProjectProblem(id, key, string.IsNullOrWhiteSpace(r.Category) ? "其他" : r.Category.Trim(), r.Description.Trim(),
            r.ResponsibleDepartment.Trim(), r.RaisedOn, r.DueOn);
        var refusal = await RuleAsync(() => ProjectStore.AddProblemAsync(Tracking(db), problem, actor, ct));
        return refusal is null ? (id, null) : (null, refusal);
    }

    public static Task<Bilingual?> ResolveProblemAsync(BaiqiangDbContext db, Actor actor, string id, ResolveProblemRequest r, CancellationToken ct) =>
        RuleAsync(() => ProjectStore.ResolveProblemAsync(Tracking(db), id.Trim(), r.Resolution ?? string.Empty, r.On, actor, ct));

    // ---------------------------------------------------------------- warnings

    /// <summary>The parsed warnings query: the period, the region and the day the warnings are judged as of.</summary>
    public sealed record WarningsArgs(StatPeriod Period, RegionCode? Region, DateOnly Today);

    /// <summary>
    /// Parses the warnings query shared by the page and the API: <paramref name="today"/> (<c>2022-06-30</c>; default
    /// <paramref name="clockToday"/>) is the day overdue rules are judged on, and the default period is the ledger's as of
    /// that day. Errors by field ("中文 / English").
    /// </summary>
    public static async Task<(WarningsArgs? Args, Dictionary<string, string[]> Errors)> ParseWarningsAsync(
        BaiqiangDbContext db, string? period, string? region, string? today, DateOnly clockToday, CancellationToken ct)
    {
        var (args, errors) = await ParseLedgerAsync(db, new LedgerQuery(period, null, region, null, null, null, today), clockToday, ct);
        return args is null ? (null, errors) : (new WarningsArgs(args.Period, args.Region, args.Today), errors);
    }

    public static async Task<WarningsResponse> WarningsAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, DateOnly today, CancellationToken ct)
    {
        var warnings = await ProjectWarningQuery.WarningsAsync(db, period, WarningRules.Default, today, region, null, null, ct);
        var names = (await db.Projects.AsNoTracking().Select(p => new { p.Code, p.Name }).ToListAsync(ct)).ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var lit = (await ProjectLedgerQuery.LedgerAsync(db, period, [LedgerGrouping.Project], region, today, ct))[0].Report.Rows
            .Where(r => r.Light?.Color is LightColor.Red or LightColor.Yellow)
            .OrderByDescending(r => r.Light!.Color).ThenBy(r => r.GroupKey, StringComparer.Ordinal)
            .Select(r => new LightLine(r.GroupKey, r.GroupLabel, ProjectLights.En(r.Light!.Color), r.Light.ColorZh, r.Light.Reason.Zh, r.Light.Reason.En))
            .ToList();
        return new WarningsResponse(period.ToString(), region?.ToString(), today, [.. warnings.Select(w => new WarningItem(
            w.ProjectCode, names.GetValueOrDefault(w.ProjectCode, w.ProjectCode), w.Rule.ToString(), RuleZh(w.Rule), w.Reason.Zh, w.Reason.En, w.Since, w.Desk))], lit);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>The web's request context is no-tracking; the store's write paths need tracking.</summary>
    public static BaiqiangDbContext Tracking(BaiqiangDbContext db)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        return db;
    }

    /// <summary>Runs a store write; a broken ledger rule comes back as its bilingual reason (rights errors propagate).</summary>
    public static async Task<Bilingual?> RuleAsync(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (ProjectRuleException e)
        {
            return e.Reason;
        }
    }

    /// <summary>"中文 / English" validation messages: the user's half.</summary>
    public static string Pick(string message, bool en) => message.Split(" / ", 2) is [var zh, var e] ? (en ? e : zh) : message;
}
