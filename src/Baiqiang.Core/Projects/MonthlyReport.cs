using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>Workflow state of a <see cref="MonthlyReport"/>.</summary>
public enum ReportState
{
    /// <summary>填报: being filled in.</summary>
    Draft = 1,

    /// <summary>已提交: waiting for review.</summary>
    Submitted = 2,

    /// <summary>已审核: approved; only approved reports are consolidated.</summary>
    Approved = 3,

    /// <summary>已退回: sent back with a comment; can be edited and resubmitted.</summary>
    Returned = 4,
}

/// <summary>
/// A project's monthly dispatch report (月度调度): investment completed this month and cumulatively this year (万元),
/// 形象进度 text and problems raised.
/// </summary>
/// <remarks>
/// <para>Figures: both amounts ≥ 0; the cumulative is not lower than the previous month's cumulative, and equals it
/// plus this month exactly (tolerance 0). "Previous month's cumulative" is the cumulative of the project's latest
/// earlier report in the same year (0 in January or when there is none); the caller supplies it.</para>
/// <para>Opening balance (期初累计): an office that starts mid-year has no earlier months. A project's first report of a
/// year (month &gt; 1, no earlier report that year) may carry a cumulative larger than this month's: it is created with
/// <c>openingBalance: true</c> and <see cref="PreviousCumulative"/> = cumulative − this month (<see cref="OpeningFor"/>),
/// which is then the cumulative before that month; the consistency rule holds from that month on.</para>
/// <para>Workflow: 填报 → <see cref="Submit"/> → 已提交 → <see cref="Approve"/> (已审核) or <see cref="Return"/>
/// (已退回, comment required) → edit and resubmit. Figures can be edited (<see cref="Edit"/>) only in 填报/已退回 and
/// only while the month is open. Once approved and the month closed, <see cref="Correct"/> makes a new revision
/// (Revision + 1, in 填报) and leaves this one unchanged. Violations throw <see cref="ProjectRuleException"/>.</para>
/// </remarks>
public sealed class MonthlyReport
{
    private MonthlyReport(string projectCode, int year, int month, int revision)
    {
        ProjectCode = projectCode;
        Year = year;
        Month = month;
        Revision = revision;
    }

    public string ProjectCode { get; }

    public int Year { get; }

    public int Month { get; }

    public ReportingMonth ReportingMonth => new(Year, Month);

    /// <summary>本月完成投资, 万元.</summary>
    public decimal CompletedThisMonth { get; private set; }

    /// <summary>本年累计完成投资, 万元 (1月 through this month).</summary>
    public decimal CumulativeThisYear { get; private set; }

    /// <summary>The previous month's cumulative the figures were checked against, 万元 (for an opening report, the opening balance).</summary>
    public decimal PreviousCumulative { get; private set; }

    /// <summary>True when <see cref="PreviousCumulative"/> is an opening balance (期初累计) carried by the year's first report, not an earlier month's report.</summary>
    public bool IsOpeningBalance { get; private set; }

    /// <summary>期初累计: the cumulative before this month when it was carried by this first report of the year; otherwise null.</summary>
    public decimal? OpeningBalance => IsOpeningBalance ? PreviousCumulative : null;

    /// <summary>
    /// The opening balance a year's first report implies (cumulative − this month), or null when none is needed or possible:
    /// January, an earlier report exists (<paramref name="hasEarlierReport"/>), the figures already add up from 0, or the
    /// cumulative is below this month.
    /// </summary>
    public static decimal? OpeningFor(int month, decimal completedThisMonth, decimal cumulativeThisYear, bool hasEarlierReport) =>
        month <= 1 ? null : CumulativeFigures.Opening(completedThisMonth, cumulativeThisYear, hasEarlierReport);

    /// <summary>形象进度.</summary>
    public string Progress { get; private set; } = string.Empty;

    /// <summary>Problems raised in this report (存在问题).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public ReportState State { get; private set; } = ReportState.Draft;

    /// <summary>Who approved or returned it last.</summary>
    public string? Reviewer { get; private set; }

    /// <summary>The reviewer's comment (required when returned).</summary>
    public string? ReviewComment { get; private set; }

    /// <summary>0 for the original report, +1 for each correction.</summary>
    public int Revision { get; }

    /// <summary>For a correction, why it was made.</summary>
    public string? CorrectionReason { get; private set; }

    /// <summary>Checks the figures; null when valid. The error names the figures involved.</summary>
    public static Bilingual? ValidateFigures(decimal completedThisMonth, decimal cumulativeThisYear, decimal previousCumulative) =>
        CumulativeFigures.Validate(completedThisMonth, cumulativeThisYear, previousCumulative, CumulativeWording.Investment);

    /// <summary>
    /// The "previous month's cumulative" for a new report of <paramref name="projectCode"/> in <paramref name="year"/>-<paramref name="month"/>:
    /// the cumulative of the latest earlier month of the same year that has an approved report (highest approved revision),
    /// or 0 when there is none (always 0 for January).
    /// </summary>
    public static decimal PreviousCumulativeFrom(IEnumerable<MonthlyReport> reports, string projectCode, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var bestMonth = 0;
        var bestRevision = -1;
        var value = 0m;
        foreach (var r in reports)
        {
            if (r.State != ReportState.Approved || r.Year != year || r.Month >= month
                || !string.Equals(r.ProjectCode, projectCode, StringComparison.Ordinal))
            {
                continue;
            }

            if (r.Month > bestMonth || (r.Month == bestMonth && r.Revision > bestRevision))
            {
                bestMonth = r.Month;
                bestRevision = r.Revision;
                value = r.CumulativeThisYear;
            }
        }

        return value;
    }

    /// <summary>Creates a draft report, or fails when the code is invalid, the month is closed or the figures are invalid.</summary>
    /// <remarks>With <paramref name="openingBalance"/>, <paramref name="previousCumulative"/> is the opening balance (期初累计); not allowed in January.</remarks>
    public static ParseResult<MonthlyReport> TryCreate(
        string projectCode, int year, int month, decimal completedThisMonth, decimal cumulativeThisYear, decimal previousCumulative,
        ProjectLedgerCalendar calendar, string? progress = null, IReadOnlyList<string>? problems = null, bool openingBalance = false)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var rm = new ReportingMonth(year, month);
        if (Project.ValidateCode(projectCode) is { } codeError)
        {
            return ParseResult<MonthlyReport>.Fail(codeError);
        }

        if (calendar.IsClosed(rm.Year, rm.Month))
        {
            return ParseResult<MonthlyReport>.Fail(ProjectLedgerCalendar.ClosedMessage(year, month));
        }

        if (month == 1 && previousCumulative != 0)
        {
            return ParseResult<MonthlyReport>.Fail("1月没有上月累计，应为0", "January has no previous cumulative; it must be 0");
        }

        if (month == 1 && openingBalance)
        {
            return ParseResult<MonthlyReport>.Fail("1月的月报没有期初累计", "a January report has no opening balance");
        }

        if (ValidateFigures(completedThisMonth, cumulativeThisYear, previousCumulative) is { } e)
        {
            return ParseResult<MonthlyReport>.Fail(e);
        }

        var r = new MonthlyReport(projectCode.Trim(), year, month, 0) { IsOpeningBalance = openingBalance };
        r.Set(completedThisMonth, cumulativeThisYear, previousCumulative, progress, problems);
        return ParseResult<MonthlyReport>.Ok(r);
    }

    /// <summary>As <see cref="TryCreate"/>, throwing <see cref="ProjectRuleException"/> on failure.</summary>
    public static MonthlyReport Create(
        string projectCode, int year, int month, decimal completedThisMonth, decimal cumulativeThisYear, decimal previousCumulative,
        ProjectLedgerCalendar calendar, string? progress = null, IReadOnlyList<string>? problems = null, bool openingBalance = false)
    {
        var r = TryCreate(projectCode, year, month, completedThisMonth, cumulativeThisYear, previousCumulative, calendar, progress, problems, openingBalance);
        return r.Error is { } e ? throw new ProjectRuleException(e) : r.Value;
    }

    /// <summary>
    /// Rebuilds a report exactly as it was stored (a database row), without re-running the workflow or the closed-month
    /// check: the figures are still validated (<see cref="ValidateFigures"/>; invalid ones throw <see cref="ProjectRuleException"/>),
    /// because a stored report was valid when it was saved. For storage code only; new reports go through <see cref="TryCreate"/>.
    /// </summary>
    public static MonthlyReport Restore(
        string projectCode, int year, int month, int revision, decimal completedThisMonth, decimal cumulativeThisYear, decimal previousCumulative,
        ReportState state, string? progress = null, IReadOnlyList<string>? problems = null, string? reviewer = null, string? reviewComment = null,
        string? correctionReason = null, bool openingBalance = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        _ = new ReportingMonth(year, month);
        if (Project.ValidateCode(projectCode) is { } codeError)
        {
            throw new ProjectRuleException(codeError);
        }

        if (ValidateFigures(completedThisMonth, cumulativeThisYear, previousCumulative) is { } e)
        {
            throw new ProjectRuleException(e);
        }

        var r = new MonthlyReport(projectCode.Trim(), year, month, revision)
        {
            State = state,
            Reviewer = reviewer,
            ReviewComment = reviewComment,
            CorrectionReason = correctionReason,
            IsOpeningBalance = openingBalance,
        };
        r.Set(completedThisMonth, cumulativeThisYear, previousCumulative, progress, problems);
        return r;
    }

    /// <summary>Changes the figures of a 填报/已退回 report in an open month. <paramref name="previousCumulative"/> null keeps the one checked before.</summary>
    /// <remarks><paramref name="openingBalance"/> null keeps whether <see cref="PreviousCumulative"/> is an opening balance.</remarks>
    public void Edit(ProjectLedgerCalendar calendar, decimal completedThisMonth, decimal cumulativeThisYear, decimal? previousCumulative = null,
        string? progress = null, IReadOnlyList<string>? problems = null, bool? openingBalance = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.IsClosed(Year, Month))
        {
            throw new ProjectRuleException(ProjectLedgerCalendar.ClosedMessage(Year, Month));
        }

        RequireState("修改", "edited", ReportState.Draft, ReportState.Returned);
        var prev = previousCumulative ?? PreviousCumulative;
        if (ValidateFigures(completedThisMonth, cumulativeThisYear, prev) is { } e)
        {
            throw new ProjectRuleException(e);
        }

        if (openingBalance is { } ob)
        {
            if (ob && Month == 1)
            {
                throw new ProjectRuleException(new Bilingual("1月的月报没有期初累计", "a January report has no opening balance"));
            }

            IsOpeningBalance = ob;
        }

        Set(completedThisMonth, cumulativeThisYear, prev, progress ?? Progress, problems ?? Problems);
    }

    /// <summary>
    /// 填报/已退回 → 已提交. An original report (revision 0) cannot be submitted once its month is closed; corrections can.
    /// </summary>
    public void Submit(ProjectLedgerCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RequireState("提交", "submitted", ReportState.Draft, ReportState.Returned);
        if (Revision == 0 && calendar.IsClosed(Year, Month))
        {
            throw new ProjectRuleException(ProjectLedgerCalendar.ClosedMessage(Year, Month));
        }

        State = ReportState.Submitted;
    }

    /// <summary>已提交 → 已审核 by <paramref name="reviewer"/> (non-blank).</summary>
    public void Approve(string reviewer, string? comment = null)
    {
        RequireReviewer(reviewer);
        RequireState("审核", "approved", ReportState.Submitted);
        State = ReportState.Approved;
        Reviewer = reviewer.Trim();
        ReviewComment = comment;
    }

    /// <summary>已提交 → 已退回 by <paramref name="reviewer"/>; <paramref name="comment"/> is required.</summary>
    public void Return(string reviewer, string comment)
    {
        RequireReviewer(reviewer);
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new ProjectRuleException(new Bilingual("退回须填写审核意见", "returning a report requires a comment"));
        }

        RequireState("退回", "returned", ReportState.Submitted);
        State = ReportState.Returned;
        Reviewer = reviewer.Trim();
        ReviewComment = comment.Trim();
    }

    /// <summary>
    /// 更正: only for an approved report whose month is closed. Returns a new draft with Revision + 1 and the new figures
    /// (validated like any report); this report is not changed.
    /// </summary>
    public MonthlyReport Correct(ProjectLedgerCalendar calendar, decimal completedThisMonth, decimal cumulativeThisYear, string reason,
        decimal? previousCumulative = null, string? progress = null, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (State != ReportState.Approved)
        {
            throw new ProjectRuleException(new Bilingual(
                $"只有已审核的月报才能更正，当前为{ProjectText.Name(State)}", $"only an approved report can be corrected; this one is {State}"));
        }

        if (!calendar.IsClosed(Year, Month))
        {
            throw new ProjectRuleException(new Bilingual(
                $"{Fmt.Ym(Year, Month)}尚未关账，应退回修改而不是更正", $"{Fmt.Ym(Year, Month)} is still open; return and edit instead of correcting"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ProjectRuleException(new Bilingual("更正须说明原因", "a correction requires a reason"));
        }

        // An opening report's correction carries its opening balance anew: cumulative − this month.
        var prev = previousCumulative ?? (IsOpeningBalance ? cumulativeThisYear - completedThisMonth : PreviousCumulative);
        if (ValidateFigures(completedThisMonth, cumulativeThisYear, prev) is { } e)
        {
            throw new ProjectRuleException(e);
        }

        var r = new MonthlyReport(ProjectCode, Year, Month, Revision + 1) { CorrectionReason = reason.Trim(), IsOpeningBalance = IsOpeningBalance };
        r.Set(completedThisMonth, cumulativeThisYear, prev, progress ?? Progress, problems ?? Problems);
        return r;
    }

    private void Set(decimal completed, decimal cumulative, decimal previous, string? progress, IReadOnlyList<string>? problems)
    {
        CompletedThisMonth = completed;
        CumulativeThisYear = cumulative;
        PreviousCumulative = previous;
        Progress = progress ?? string.Empty;
        Problems = problems is null ? [] : [.. problems];
    }

    private void RequireState(string actionZh, string actionEn, params ReportState[] allowed)
    {
        if (Array.IndexOf(allowed, State) < 0)
        {
            throw new ProjectRuleException(new Bilingual(
                $"{ProjectText.Name(State)}状态的月报不能{actionZh}", $"a report in state {State} cannot be {actionEn}"));
        }
    }

    private static void RequireReviewer(string reviewer)
    {
        if (string.IsNullOrWhiteSpace(reviewer))
        {
            throw new ProjectRuleException(new Bilingual("须填写审核人", "a reviewer is required"));
        }
    }

    public override string ToString() => $"{ProjectCode} {Fmt.Ym(Year, Month)} r{Revision} {State}";
}
