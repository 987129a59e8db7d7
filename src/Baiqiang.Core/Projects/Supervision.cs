using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>督办 levels of a problem, in escalating order.</summary>
public enum SupervisionLevel
{
    /// <summary>交办: assigned to its responsible unit (every problem starts here).</summary>
    Assigned = 1,

    /// <summary>督办: followed up by the office.</summary>
    Supervised = 2,

    /// <summary>挂牌督办: listed publicly for supervision.</summary>
    Listed = 3,

    /// <summary>约谈: the responsible unit's head is called in.</summary>
    Interview = 4,
}

/// <summary>One step of a problem's supervision: the level reached on a day, its due date and why.</summary>
/// <param name="Level">The level reached.</param>
/// <param name="On">The day of the step.</param>
/// <param name="DueOn">The level's due date (inclusive), or null (交办 without a 办结期限).</param>
/// <param name="Reason">Why: typed by hand, or the rule that fired.</param>
/// <param name="By">Who escalated ("规则/rule" for the sweep).</param>
/// <param name="ByRule">True when a rule escalated, not a person.</param>
public sealed record SupervisionStep(SupervisionLevel Level, DateOnly On, DateOnly? DueOn, string Reason, string By, bool ByRule);

/// <summary>
/// When a problem escalates by rule, and how long each level gives. Days open count from the raising day; red months are the
/// unbroken run of months the project lags its plan (<see cref="WarningRule.LaggingPlan"/>) up to the sweep's month.
/// </summary>
/// <param name="SupervisedAfterDays">Open longer than this → 督办 (default 30).</param>
/// <param name="ListedAfterDays">Open longer than this → 挂牌督办 (default 60).</param>
/// <param name="InterviewAfterDays">Open longer than this → 约谈 (default 90).</param>
/// <param name="ListedAfterRedMonths">This many red months in a row → 挂牌督办 (default 2).</param>
/// <param name="InterviewAfterRedMonths">This many red months in a row → 约谈 (default 3).</param>
/// <param name="SupervisedDays">Days a 督办 gives (default 15).</param>
/// <param name="ListedDays">Days a 挂牌督办 gives (default 10).</param>
/// <param name="InterviewDays">Days a 约谈 gives (default 7).</param>
public sealed record SupervisionRules(
    int SupervisedAfterDays = 30, int ListedAfterDays = 60, int InterviewAfterDays = 90, int ListedAfterRedMonths = 2, int InterviewAfterRedMonths = 3,
    int SupervisedDays = 15, int ListedDays = 10, int InterviewDays = 7)
{
    public static SupervisionRules Default { get; } = new();

    /// <summary>The due date a level reached on <paramref name="on"/> gets.</summary>
    public DateOnly DueFor(SupervisionLevel level, DateOnly on) => level switch
    {
        SupervisionLevel.Supervised => on.AddDays(SupervisedDays),
        SupervisionLevel.Listed => on.AddDays(ListedDays),
        SupervisionLevel.Interview => on.AddDays(InterviewDays),
        _ => on,
    };

    /// <summary>
    /// The level the rules ask for a problem open <paramref name="openDays"/> days on a project red for <paramref name="redMonths"/>
    /// months in a row, with the reason in words; <see cref="SupervisionLevel.Assigned"/> when no rule fires.
    /// </summary>
    public (SupervisionLevel Level, Bilingual? Reason) Judge(int openDays, int redMonths)
    {
        if (openDays > InterviewAfterDays || (InterviewAfterRedMonths > 0 && redMonths >= InterviewAfterRedMonths))
        {
            return (SupervisionLevel.Interview, Why(openDays, redMonths, InterviewAfterDays, InterviewAfterRedMonths));
        }

        if (openDays > ListedAfterDays || (ListedAfterRedMonths > 0 && redMonths >= ListedAfterRedMonths))
        {
            return (SupervisionLevel.Listed, Why(openDays, redMonths, ListedAfterDays, ListedAfterRedMonths));
        }

        return openDays > SupervisedAfterDays
            ? (SupervisionLevel.Supervised, Why(openDays, redMonths, SupervisedAfterDays, 0))
            : (SupervisionLevel.Assigned, null);
    }

    private static Bilingual Why(int openDays, int redMonths, int days, int months) =>
        openDays > days
            ? new Bilingual($"规则：问题已挂账{openDays}天，超过{days}天", $"rule: the problem has been open {openDays} days, more than {days}")
            : new Bilingual($"规则：项目连续{redMonths}个月滞后于序时进度(不少于{months}个月)", $"rule: the project has lagged its plan {redMonths} months in a row (at least {months})");
}

/// <summary>
/// The supervision (督办) of one problem: 交办 → 督办 → 挂牌督办 → 约谈, by rule or by hand, each level with a due date.
/// </summary>
/// <remarks>
/// A problem starts at 交办 (due on its 办结期限). <see cref="Escalate"/> moves it up only: to the level it is at or below it
/// is refused with a bilingual <see cref="ProjectRuleException"/>, as is escalating a problem that is no longer open, a step
/// before the previous one, or one without a reason. Levels may be skipped (交办 → 约谈).
/// </remarks>
public sealed class ProblemSupervision
{
    private readonly List<SupervisionStep> _steps = [];

    public ProblemSupervision(ProjectProblem problem, IEnumerable<SupervisionStep>? steps = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        _steps.AddRange(steps ?? []);
    }

    public ProjectProblem Problem { get; }

    /// <summary>The escalations, oldest first (the initial 交办 is not a step; see <see cref="History"/>).</summary>
    public IReadOnlyList<SupervisionStep> Steps => _steps;

    public SupervisionLevel Level => _steps.Count == 0 ? SupervisionLevel.Assigned : _steps[^1].Level;

    /// <summary>The current level's due date: the last step's, else the problem's 办结期限.</summary>
    public DateOnly? DueOn => _steps.Count == 0 ? Problem.DueOn : _steps[^1].DueOn;

    /// <summary>The whole history: 交办 on the raising day, then every escalation.</summary>
    public IReadOnlyList<SupervisionStep> History =>
        [new SupervisionStep(SupervisionLevel.Assigned, Problem.RaisedOn, Problem.DueOn, "交办 / assigned", string.Empty, false), .. _steps];

    /// <summary>Escalates to <paramref name="level"/> on <paramref name="on"/> with a due date (default: the rules' for the level).</summary>
    public SupervisionStep Escalate(SupervisionLevel level, DateOnly on, string reason, string by, bool byRule = false, DateOnly? dueOn = null, SupervisionRules? rules = null)
    {
        if (!Enum.IsDefined(level))
        {
            throw new ProjectRuleException(new Bilingual($"未知的督办级别{(int)level}", $"unknown supervision level {(int)level}"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ProjectRuleException(new Bilingual("升级督办须说明理由", "an escalation needs a reason"));
        }

        if (!Problem.IsOpenOn(on) || Problem.Status is ProblemStatus.Resolved or ProblemStatus.Closed)
        {
            throw new ProjectRuleException(new Bilingual($"问题{Problem.Id}已解决或未在{Fmt.D(on)}前提出，不能督办", $"problem {Problem.Id} is resolved or not raised by {Fmt.D(on)} and cannot be escalated"));
        }

        if (level <= Level)
        {
            throw new ProjectRuleException(new Bilingual(
                $"问题{Problem.Id}当前为{Name(Level)}，不能升级为{Name(level)}(只能升级到更高级别)",
                $"problem {Problem.Id} is at {EnName(Level)} and cannot be escalated to {EnName(level)} (only to a higher level)"));
        }

        var last = _steps.Count == 0 ? Problem.RaisedOn : _steps[^1].On;
        if (on < last)
        {
            throw new ProjectRuleException(new Bilingual($"督办日期{Fmt.D(on)}早于上一步{Fmt.D(last)}", $"the escalation day {Fmt.D(on)} is before the previous step {Fmt.D(last)}"));
        }

        var due = dueOn ?? (rules ?? SupervisionRules.Default).DueFor(level, on);
        if (due < on)
        {
            throw new ProjectRuleException(new Bilingual($"督办期限{Fmt.D(due)}早于督办日期{Fmt.D(on)}", $"the due date {Fmt.D(due)} is before the escalation day {Fmt.D(on)}"));
        }

        var step = new SupervisionStep(level, on, due, reason.Trim(), by, byRule);
        _steps.Add(step);
        return step;
    }

    /// <summary>Chinese name: 交办, 督办, 挂牌督办, 约谈.</summary>
    public static string Name(SupervisionLevel level) => level switch
    {
        SupervisionLevel.Assigned => "交办",
        SupervisionLevel.Supervised => "督办",
        SupervisionLevel.Listed => "挂牌督办",
        SupervisionLevel.Interview => "约谈",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "未知督办级别 / unknown supervision level"),
    };

    public static string EnName(SupervisionLevel level) => level switch
    {
        SupervisionLevel.Assigned => "assigned",
        SupervisionLevel.Supervised => "supervised",
        SupervisionLevel.Listed => "listed supervision",
        SupervisionLevel.Interview => "interview",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "未知督办级别 / unknown supervision level"),
    };

    /// <summary>Parses 督办/挂牌督办/约谈/交办 or the English member name (Supervised, Listed, Interview, Assigned).</summary>
    public static ParseResult<SupervisionLevel> ParseLevel(string? text)
    {
        var t = text?.Trim() ?? string.Empty;
        foreach (var level in Enum.GetValues<SupervisionLevel>())
        {
            if (string.Equals(t, Name(level), StringComparison.Ordinal) || string.Equals(t, level.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return ParseResult<SupervisionLevel>.Ok(level);
            }
        }

        return ParseResult<SupervisionLevel>.Fail($"督办级别“{t}”应为 督办、挂牌督办 或 约谈", $"supervision level '{t}' must be 督办, 挂牌督办 or 约谈");
    }
}
