using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>What a milestone tracks: a construction node (节点) or a 前期手续 step (立项, 用地 …).</summary>
public enum MilestoneKind
{
    /// <summary>节点: a construction or operating node such as 主体封顶.</summary>
    Node = 0,

    /// <summary>前期手续: a preparatory approval (<see cref="PreliminarySteps.Names"/>), due before construction starts.</summary>
    Preliminary = 1,
}

/// <summary>
/// 前期手续: the six approvals a project obtains before it may start (立项, 用地, 规划, 环评, 能评, 施工许可).
/// Their own overdue rule (<see cref="Milestone.IsOverdue(DateOnly, ProjectStatus)"/>): a step is overdue when it is not
/// done by its planned date, and also, whatever its date, once the project has started construction without it.
/// </summary>
public static class PreliminarySteps
{
    /// <summary>The steps, in the order offices list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["立项", "用地", "规划", "环评", "能评", "施工许可"];

    /// <summary>The English name of a step (the name itself for an unknown one).</summary>
    public static string En(string name) => name switch
    {
        "立项" => "project approval",
        "用地" => "land use",
        "规划" => "planning permit",
        "环评" => "environmental assessment",
        "能评" => "energy assessment",
        "施工许可" => "construction permit",
        _ => name,
    };

    /// <summary>The step a name (simplified or traditional, e.g. 環評) denotes, or null.</summary>
    public static string? Resolve(string? name)
    {
        var t = ChineseText.ToSimplified((name ?? string.Empty).Trim());
        return Names.FirstOrDefault(n => string.Equals(n, t, StringComparison.Ordinal));
    }

    /// <summary>True once the project is 开工 or beyond (在建, 竣工, 投产): every 前期手续 step should be done by then.</summary>
    public static bool ConstructionStarted(ProjectStatus status) =>
        status is ProjectStatus.Started or ProjectStatus.UnderConstruction or ProjectStatus.Completed or ProjectStatus.Producing;
}

/// <summary>
/// A re-plan (计划调整) of a milestone whose dates were frozen by the year's plan approval: the planned date moves from
/// <paramref name="From"/> to <paramref name="To"/> for <paramref name="Reason"/>. The baseline itself never changes.
/// </summary>
public sealed record MilestoneReplan(string Milestone, DateOnly From, DateOnly To, string Reason, DateTimeOffset At, string By);

/// <summary>The rules of baselines and re-plans.</summary>
public static class MilestonePlan
{
    /// <summary>Longest re-plan reason kept.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>
    /// The refusal of moving the planned date of <paramref name="milestone"/> (with a baseline) to <paramref name="to"/> for
    /// <paramref name="reason"/>, or null when allowed: a reason is required (at most <see cref="MaxReasonLength"/> characters).
    /// </summary>
    public static Bilingual? CheckReplan(Milestone milestone, DateOnly to, string? reason)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (string.IsNullOrWhiteSpace(reason))
        {
            var baseline = milestone.Baseline is { } b ? Fmt.D(b) : Fmt.D(milestone.Deadline);
            return new Bilingual(
                $"节点“{milestone.Name}”的计划日期已随年度计划批准定为基线({baseline})，改为{Fmt.D(to)}须填写调整原因",
                $"milestone '{milestone.Name}' has a baseline ({baseline}) since the year's plan was approved; moving it to {Fmt.D(to)} requires a reason");
        }

        return reason.Trim().Length > MaxReasonLength
            ? new Bilingual($"调整原因超过{MaxReasonLength}个字符", $"the re-plan reason is longer than {MaxReasonLength} characters")
            : null;
    }

    /// <summary>The refusal of removing a milestone that has a baseline.</summary>
    public static Bilingual RemovalRefused(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return new Bilingual(
            $"节点“{milestone.Name}”已定基线，不能删除；可调整其计划日期并说明原因",
            $"milestone '{milestone.Name}' has a baseline and cannot be removed; re-plan its date with a reason instead");
    }
}
