using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>Where a <see cref="ProjectProblem"/> stands.</summary>
public enum ProblemStatus
{
    /// <summary>待办: raised, nobody working on it yet.</summary>
    Open = 1,

    /// <summary>办理中.</summary>
    InProgress = 2,

    /// <summary>已解决: resolved, awaiting confirmation.</summary>
    Resolved = 3,

    /// <summary>已销号: closed.</summary>
    Closed = 4,
}

/// <summary>
/// A problem (困难问题) raised for a key project and assigned to a department, tracked until resolved (销号).
/// </summary>
/// <remarks>
/// Open → InProgress → Resolved → Closed (Open → Resolved directly is allowed). A problem is "open" on a day when it
/// was raised on or before that day and not resolved on or before it (<see cref="IsOpenOn(DateOnly)"/>). Illegal moves throw
/// <see cref="ProjectRuleException"/>; a due date before the raising date throws <see cref="ArgumentException"/>.
/// </remarks>
public sealed class ProjectProblem
{
    public ProjectProblem(string id, string projectCode, string category, string description, string responsibleDepartment, DateOnly raisedOn, DateOnly? dueOn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(responsibleDepartment);
        if (dueOn is { } d && d < raisedOn)
        {
            throw new ArgumentException($"办结期限{Fmt.D(d)}早于提出日期{Fmt.D(raisedOn)} / due date {Fmt.D(d)} is before the raising date {Fmt.D(raisedOn)}", nameof(dueOn));
        }

        Id = id;
        ProjectCode = projectCode;
        Category = category ?? string.Empty;
        Description = description;
        ResponsibleDepartment = responsibleDepartment;
        RaisedOn = raisedOn;
        DueOn = dueOn;
    }

    public string Id { get; }

    public string ProjectCode { get; }

    /// <summary>Free category (要素保障, 用地, 资金 …).</summary>
    public string Category { get; }

    public string Description { get; }

    /// <summary>责任单位: the department whose desk the problem is on.</summary>
    public string ResponsibleDepartment { get; }

    public DateOnly RaisedOn { get; }

    /// <summary>办结期限 (inclusive), or null.</summary>
    public DateOnly? DueOn { get; }

    public ProblemStatus Status { get; private set; } = ProblemStatus.Open;

    public string? Resolution { get; private set; }

    public DateOnly? ResolvedOn { get; private set; }

    /// <summary>Open → InProgress.</summary>
    public void StartWork()
    {
        if (Status != ProblemStatus.Open)
        {
            throw Illegal("开始办理", "started");
        }

        Status = ProblemStatus.InProgress;
    }

    /// <summary>Open/InProgress → Resolved on <paramref name="on"/> (not before it was raised) with a resolution text.</summary>
    public void Resolve(string resolution, DateOnly on)
    {
        if (Status is not (ProblemStatus.Open or ProblemStatus.InProgress))
        {
            throw Illegal("解决", "resolved");
        }

        if (string.IsNullOrWhiteSpace(resolution))
        {
            throw new ProjectRuleException(new Bilingual("解决问题须说明办理结果", "resolving a problem requires a resolution"));
        }

        if (on < RaisedOn)
        {
            throw new ProjectRuleException(new Bilingual(
                $"解决日期{Fmt.D(on)}早于提出日期{Fmt.D(RaisedOn)}", $"resolution date {Fmt.D(on)} is before the raising date {Fmt.D(RaisedOn)}"));
        }

        Status = ProblemStatus.Resolved;
        Resolution = resolution.Trim();
        ResolvedOn = on;
    }

    /// <summary>Resolved → Closed (销号).</summary>
    public void Close()
    {
        if (Status != ProblemStatus.Resolved)
        {
            throw Illegal("销号", "closed");
        }

        Status = ProblemStatus.Closed;
    }

    /// <summary>True when raised on or before <paramref name="day"/> and not resolved on or before it.</summary>
    public bool IsOpenOn(DateOnly day) => IsOpenOn(RaisedOn, ResolvedOn, day);

    /// <summary>
    /// The same rule for a problem known only by its dates (a stored row the caller does not rebuild): raised on or before
    /// <paramref name="day"/> and not resolved (<paramref name="resolvedOn"/> null) or resolved after it.
    /// </summary>
    public static bool IsOpenOn(DateOnly raisedOn, DateOnly? resolvedOn, DateOnly day) => raisedOn <= day && (resolvedOn is not { } r || r > day);

    private ProjectRuleException Illegal(string zh, string en) => new(new Bilingual(
        $"问题{Id}当前状态为{Status}，不能{zh}", $"problem {Id} is {Status} and cannot be {en}"));
}

/// <summary>A list of problems with the roll-over views the monthly dispatch meeting uses.</summary>
public sealed class ProblemList
{
    private readonly List<ProjectProblem> _items;

    public ProblemList(IEnumerable<ProjectProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        _items = [.. problems];
    }

    public IReadOnlyList<ProjectProblem> Items => _items;

    /// <summary>Problems open at the end of <paramref name="day"/> (see <see cref="ProjectProblem.IsOpenOn(DateOnly)"/>), oldest first.</summary>
    public IReadOnlyList<ProjectProblem> OpenAt(DateOnly day)
    {
        var result = new List<ProjectProblem>();
        foreach (var p in _items)
        {
            if (p.IsOpenOn(day))
            {
                result.Add(p);
            }
        }

        result.Sort((a, b) => a.RaisedOn != b.RaisedOn ? a.RaisedOn.CompareTo(b.RaisedOn) : string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    /// <summary>
    /// 结转: problems carried over into <paramref name="month"/> — open at the end of the previous month's last day
    /// (raised before the month and not resolved before it began).
    /// </summary>
    public int CarriedOverInto(ReportingMonth month)
    {
        var day = month.Start.AddDays(-1);
        var n = 0;
        foreach (var p in _items)
        {
            if (p.IsOpenOn(day))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Problems raised within <paramref name="month"/> (inclusive days).</summary>
    public int RaisedIn(ReportingMonth month)
    {
        var n = 0;
        foreach (var p in _items)
        {
            if (ReportingMonth.Of(p.RaisedOn) == month)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Problems resolved within <paramref name="month"/>.</summary>
    public int ResolvedIn(ReportingMonth month)
    {
        var n = 0;
        foreach (var p in _items)
        {
            if (p.ResolvedOn is { } r && ReportingMonth.Of(r) == month)
            {
                n++;
            }
        }

        return n;
    }
}
