using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>One status change of a project, kept in <see cref="Project.StatusHistory"/>.</summary>
/// <param name="From">Status before.</param>
/// <param name="To">Status after.</param>
/// <param name="On">Date of the change (inclusive day).</param>
/// <param name="Reason">Why (required for 暂停 and 终止).</param>
public sealed record StatusChange(ProjectStatus From, ProjectStatus To, DateOnly On, string? Reason);

/// <summary>
/// The key-project lifecycle rules.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Forward: only the next step of 储备 → 签约 → 开工 → 在建 → 竣工 → 投产. Skipping is not allowed
/// (so 开工 → 竣工 is refused: a project must be reported 在建 first), and there is no going back.</item>
/// <item>暂停: from an active status (签约, 开工, 在建), with a reason. From 暂停 only back to the status it was
/// suspended from (checked by <see cref="Project.TransitionTo"/>; <see cref="CanTransition(ProjectStatus, ProjectStatus)"/>
/// accepts any active status as a return), or 终止.</item>
/// <item>终止: from any non-final status, with a reason.</item>
/// <item>投产 and 终止 are final. A transition to the same status is refused.</item>
/// </list>
/// </remarks>
public static class ProjectLifecycle
{
    /// <summary>True for 签约, 开工, 在建: the statuses that can be suspended.</summary>
    public static bool IsActive(ProjectStatus status) => status is ProjectStatus.Signed or ProjectStatus.Started or ProjectStatus.UnderConstruction;

    /// <summary>True for 投产 and 终止.</summary>
    public static bool IsFinal(ProjectStatus status) => status is ProjectStatus.Producing or ProjectStatus.Terminated;

    /// <summary>True when a reason must accompany a move to <paramref name="to"/> (暂停, 终止).</summary>
    public static bool RequiresReason(ProjectStatus to) => to is ProjectStatus.Suspended or ProjectStatus.Terminated;

    /// <summary>The next forward status, or null for 投产, 暂停, 终止.</summary>
    public static ProjectStatus? Next(ProjectStatus status) => status switch
    {
        ProjectStatus.Reserve => ProjectStatus.Signed,
        ProjectStatus.Signed => ProjectStatus.Started,
        ProjectStatus.Started => ProjectStatus.UnderConstruction,
        ProjectStatus.UnderConstruction => ProjectStatus.Completed,
        ProjectStatus.Completed => ProjectStatus.Producing,
        _ => null,
    };

    /// <summary>Whether the move is allowed by status alone (see remarks on the type). Returns from 暂停 are accepted for any active status.</summary>
    public static bool CanTransition(ProjectStatus from, ProjectStatus to) => CanTransition(from, to, null);

    /// <summary>
    /// Whether the move is allowed; when <paramref name="suspendedFrom"/> is given and <paramref name="from"/> is 暂停,
    /// only a return to exactly that status (or 终止) is allowed.
    /// </summary>
    public static bool CanTransition(ProjectStatus from, ProjectStatus to, ProjectStatus? suspendedFrom)
    {
        if (from == to || IsFinal(from))
        {
            return false;
        }

        if (to == ProjectStatus.Terminated)
        {
            return true;
        }

        if (from == ProjectStatus.Suspended)
        {
            return suspendedFrom is { } s ? to == s : IsActive(to);
        }

        if (to == ProjectStatus.Suspended)
        {
            return IsActive(from);
        }

        return Next(from) == to;
    }

    internal static Bilingual Refusal(ProjectStatus from, ProjectStatus to, ProjectStatus? suspendedFrom)
    {
        var f = ProjectText.Name(from);
        var t = ProjectText.Name(to);
        if (IsFinal(from))
        {
            return new($"项目已{f}，不能再变更为{t}", $"the project is {from} (final) and cannot move to {to}");
        }

        if (from == ProjectStatus.Suspended && suspendedFrom is { } s)
        {
            return new($"暂停的项目只能恢复为暂停前的状态“{ProjectText.Name(s)}”或终止，不能变更为{t}",
                $"a suspended project can only resume to {s} (its status before suspension) or be terminated, not move to {to}");
        }

        if (to == ProjectStatus.Suspended)
        {
            return new($"只有签约、开工、在建的项目可以暂停，当前为{f}", $"only Signed, Started or UnderConstruction projects can be suspended; this one is {from}");
        }

        var next = Next(from);
        var nextZh = next is { } n ? $"，下一步只能是{ProjectText.Name(n)}" : string.Empty;
        var nextEn = next is { } n2 ? $"; the next step can only be {n2}" : string.Empty;
        return new($"项目状态不能从{f}变更为{t}{nextZh}", $"a project cannot move from {from} to {to}{nextEn}");
    }
}
