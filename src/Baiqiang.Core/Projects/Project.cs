using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>A milestone (节点) of a project.</summary>
/// <param name="Name">What is to be done (e.g. 主体封顶).</param>
/// <param name="Deadline">Due date, inclusive: finishing on the deadline is on time.</param>
/// <param name="CompletedOn">When it was done; null while outstanding.</param>
/// <remarks><see cref="Deadline"/> is the current planned date; <see cref="Baseline"/> the planned date frozen when the
/// year's plan was approved (null before), so a re-planned milestone shows both.</remarks>
public sealed record Milestone(string Name, DateOnly Deadline, DateOnly? CompletedOn = null)
{
    /// <summary>节点 or 前期手续.</summary>
    public MilestoneKind Kind { get; init; } = MilestoneKind.Node;

    /// <summary>The baseline planned date (frozen at plan approval), or null when no plan covering it has been approved.</summary>
    public DateOnly? Baseline { get; init; }

    /// <summary>True when not completed and <paramref name="today"/> is after the deadline.</summary>
    public bool IsOverdue(DateOnly today) => CompletedOn is null && today > Deadline;

    /// <summary>
    /// <see cref="IsOverdue(DateOnly)"/>, and for a 前期手续 step also when the project (in <paramref name="projectStatus"/>)
    /// has started construction while the step is not done.
    /// </summary>
    public bool IsOverdue(DateOnly today, ProjectStatus projectStatus) =>
        IsOverdue(today) || (Kind == MilestoneKind.Preliminary && CompletedOn is null && PreliminarySteps.ConstructionStarted(projectStatus));

    /// <summary>Days the current plan lies after the baseline (negative: brought forward); null without a baseline.</summary>
    public int? SlipDays => Baseline is { } b ? Deadline.DayNumber - b.DayNumber : null;
}

/// <summary>补充协议 signed with a slow project's owner: a new completion date and, optionally, a tax commitment.</summary>
/// <param name="SignedOn">Date signed.</param>
/// <param name="NewCompletionDate">The completion (竣工) date the owner commits to, inclusive.</param>
/// <param name="TaxCommitment">Committed tax, in 万元; null when none.</param>
public sealed record SupplementaryAgreement(DateOnly SignedOn, DateOnly NewCompletionDate, decimal? TaxCommitment = null);

/// <summary>
/// A key project (重点项目) in the ledger (台账): one project, one responsible county leader (挂点领导),
/// one work group (工作推进组).
/// </summary>
/// <remarks>
/// <para>All money is <see cref="decimal"/> in 万元 (10,000 yuan); convert from other units with
/// <c>Amount.ConvertTo(Unit.WanYuan)</c>. Negative investment or plans throw <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para><see cref="Code"/> is non-empty, at most 32 characters after trimming (else <see cref="ArgumentException"/>).</para>
/// <para>The status changes only through <see cref="TransitionTo"/> / <see cref="TryTransitionTo"/>, following
/// <see cref="ProjectLifecycle"/>; every change is kept in <see cref="StatusHistory"/>. Not thread-safe.</para>
/// </remarks>
public sealed class Project
{
    /// <summary>Maximum length of <see cref="Code"/>.</summary>
    public const int MaxCodeLength = 32;

    private readonly List<StatusChange> _history = [];
    private readonly List<SupplementaryAgreement> _agreements = [];
    private readonly Dictionary<int, decimal> _annualPlans = [];
    private readonly decimal _totalInvestment;
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
    private readonly string[] _workGroup = [];
    private readonly Milestone[] _milestones = [];

    /// <summary>Creates a project in <paramref name="status"/> (default 储备) since <paramref name="statusSince"/> (null: unknown).</summary>
    public Project(string code, string name, RegionCode region, ProjectStatus status = ProjectStatus.Reserve, DateOnly? statusSince = null)
    {
        var error = ValidateCode(code);
        if (error is { } e)
        {
            throw new ArgumentException(e.ToString(), nameof(code));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = RecordCode.Canonical(code);
        Name = name;
        Region = region;
        Status = status;
        StatusSince = statusSince;
    }

    /// <summary>Validates a project code: non-empty and at most <see cref="MaxCodeLength"/> characters after trimming.</summary>
    public static Bilingual? ValidateCode(string? code) => RecordCode.Validate(code, MaxCodeLength, "项目编号", "project code");

    public string Code { get; }

    public string Name { get; }

    public RegionCode Region { get; }

    public ProjectCategory Category { get; init; } = ProjectCategory.Industry;

    /// <summary>产业链 the project belongs to (e.g. 电子信息), or null.</summary>
    public string? IndustryChain { get; init; }

    public ProjectKind Kind { get; init; } = ProjectKind.NewStart;

    /// <summary>业主单位.</summary>
    public string OwnerEnterprise { get; init; } = string.Empty;

    /// <summary>建设内容.</summary>
    public string ConstructionContent { get; init; } = string.Empty;

    /// <summary>总投资, 万元, ≥ 0.</summary>
    public decimal TotalInvestment
    {
        get => _totalInvestment;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _totalInvestment = value;
        }
    }

    /// <summary>年度计划投资 by year, 万元, each ≥ 0.</summary>
    public IReadOnlyDictionary<int, decimal> AnnualPlans
    {
        get => _annualPlans;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var kv in value)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(kv.Value, nameof(AnnualPlans));
            }

            _annualPlans = new Dictionary<int, decimal>(value);
        }
    }

    /// <summary>The annual plan for <paramref name="year"/> in 万元, 0 when none.</summary>
    public decimal AnnualPlanFor(int year) => _annualPlans.TryGetValue(year, out var v) ? v : 0m;

    public DateOnly? PlannedStart { get; init; }

    public DateOnly? PlannedFinish { get; init; }

    /// <summary>Labels such as 省重点, 市重点, 5020 (copied into an ordinal set on init). A project counts in every tag group it has.</summary>
    public IReadOnlySet<string> Tags
    {
        get => _tags;
        init => _tags = new HashSet<string>(value ?? throw new ArgumentNullException(nameof(value)), StringComparer.Ordinal);
    }

    /// <summary>挂点领导: the one responsible county leader.</summary>
    public string Leader { get; init; } = string.Empty;

    /// <summary>牵头部门.</summary>
    public string LeadDepartment { get; init; } = string.Empty;

    /// <summary>工作推进组: the name of the work group that drives the project (e.g. 工业项目推进组), "" when none; a ledger grouping.</summary>
    public string WorkGroupName { get; init; } = string.Empty;

    /// <summary>工作专班 members (copied on init).</summary>
    public IReadOnlyList<string> WorkGroup { get => _workGroup; init => _workGroup = [.. value]; }

    /// <summary>节点 (copied on init).</summary>
    public IReadOnlyList<Milestone> Milestones { get => _milestones; init => _milestones = [.. value]; }

    /// <summary>
    /// The milestones overdue as of <paramref name="day"/> (not completed, <paramref name="day"/> after the deadline), earliest
    /// deadline first. The hook for 亮灯 ("red for overdue milestones") and the reminders.
    /// </summary>
    /// <remarks>前期手续 steps follow their own rule (<see cref="Milestone.IsOverdue(DateOnly, ProjectStatus)"/>).</remarks>
    public IReadOnlyList<Milestone> OverdueMilestones(DateOnly day) => [.. _milestones.Where(m => m.IsOverdue(day, Status)).OrderBy(m => m.Deadline)];

    /// <summary>补充协议, in signing order. Add with <see cref="AddAgreement"/>.</summary>
    public IReadOnlyList<SupplementaryAgreement> SupplementaryAgreements
    {
        get => _agreements;
        init
        {
            _agreements.Clear();
            _agreements.AddRange(value);
        }
    }

    public ProjectStatus Status { get; private set; }

    /// <summary>Date of the current status: the last transition's date, or the creation date given (null if unknown).</summary>
    public DateOnly? StatusSince { get; private set; }

    /// <summary>Every transition, oldest first.</summary>
    public IReadOnlyList<StatusChange> StatusHistory => _history;

    /// <summary>The history as its list, for allocation-free enumeration inside the assembly.</summary>
    internal List<StatusChange> History => _history;

    /// <summary>For a suspended project, the status it was suspended from; otherwise null.</summary>
    public ProjectStatus? SuspendedFrom { get; private set; }

    /// <summary>The latest agreement (by signing date), or null.</summary>
    public SupplementaryAgreement? LatestAgreement
    {
        get
        {
            SupplementaryAgreement? best = null;
            foreach (var a in _agreements)
            {
                if (best is null || a.SignedOn >= best.SignedOn)
                {
                    best = a;
                }
            }

            return best;
        }
    }

    /// <summary>Records a 补充协议. Throws <see cref="ProjectRuleException"/> when the new completion date is before the signing date or the tax commitment is negative.</summary>
    public void AddAgreement(SupplementaryAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.NewCompletionDate < agreement.SignedOn)
        {
            throw new ProjectRuleException(new Bilingual(
                $"补充协议约定的竣工日期{Fmt.D(agreement.NewCompletionDate)}早于签订日期{Fmt.D(agreement.SignedOn)}",
                $"the agreed completion date {Fmt.D(agreement.NewCompletionDate)} is before the signing date {Fmt.D(agreement.SignedOn)}"));
        }

        if (agreement.TaxCommitment is < 0)
        {
            throw new ProjectRuleException(new Bilingual("承诺税收不能为负数", "the tax commitment must not be negative"));
        }

        _agreements.Add(agreement);
    }

    /// <summary>
    /// Tries to move to <paramref name="to"/> on <paramref name="on"/>. Fails (without changing anything) when the
    /// lifecycle forbids it, a reason is required but blank, or <paramref name="on"/> is before the current status date.
    /// </summary>
    public ParseResult<StatusChange> TryTransitionTo(ProjectStatus to, DateOnly on, string? reason = null)
    {
        var from = Status;
        if (!ProjectLifecycle.CanTransition(from, to, SuspendedFrom))
        {
            return ParseResult<StatusChange>.Fail(ProjectLifecycle.Refusal(from, to, SuspendedFrom));
        }

        if (ProjectLifecycle.RequiresReason(to) && string.IsNullOrWhiteSpace(reason))
        {
            return ParseResult<StatusChange>.Fail($"变更为{ProjectText.Name(to)}须说明原因", $"moving to {to} requires a reason");
        }

        if (StatusSince is { } since && on < since)
        {
            return ParseResult<StatusChange>.Fail(
                $"变更日期{Fmt.D(on)}早于当前状态日期{Fmt.D(since)}，日期不能倒退",
                $"the change date {Fmt.D(on)} is before the current status date {Fmt.D(since)}; dates must not go backwards");
        }

        var change = new StatusChange(from, to, on, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        SuspendedFrom = to == ProjectStatus.Suspended ? from : null;
        Status = to;
        StatusSince = on;
        _history.Add(change);
        return ParseResult<StatusChange>.Ok(change);
    }

    /// <summary>Moves to <paramref name="to"/>; throws <see cref="ProjectRuleException"/> with the bilingual reason when <see cref="TryTransitionTo"/> would fail.</summary>
    public StatusChange TransitionTo(ProjectStatus to, DateOnly on, string? reason = null)
    {
        var r = TryTransitionTo(to, on, reason);
        return r.Error is { } e ? throw new ProjectRuleException(e) : r.Value;
    }

    public override string ToString() => $"{Code} {Name}";
}
