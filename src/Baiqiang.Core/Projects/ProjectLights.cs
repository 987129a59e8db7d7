using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>亮灯 colour of a project or group.</summary>
public enum LightColor
{
    /// <summary>无: no annual plan and nothing that turns it red, so there is nothing to judge.</summary>
    None = 0,

    /// <summary>绿灯: on pace with time.</summary>
    Green = 1,

    /// <summary>黄灯: behind time, within the red line.</summary>
    Yellow = 2,

    /// <summary>红灯: far behind time, or a problem/milestone past its deadline.</summary>
    Red = 3,
}

/// <summary>
/// Thresholds of 亮灯 (序时进度), in percentage points of completion minus time elapsed: green when the gap ≥
/// <see cref="YellowBelow"/>, yellow when <see cref="RedBelow"/> ≤ gap &lt; <see cref="YellowBelow"/>, red below
/// <see cref="RedBelow"/>. Default −5 and −15. <see cref="RedBelow"/> above <see cref="YellowBelow"/> throws
/// <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public sealed record LightThresholds
{
    public LightThresholds(decimal yellowBelow = -5m, decimal redBelow = -15m)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(redBelow, yellowBelow);
        YellowBelow = yellowBelow;
        RedBelow = redBelow;
    }

    /// <summary>The defaults: −5 and −15 points.</summary>
    public static LightThresholds Default { get; } = new();

    public decimal YellowBelow { get; }

    public decimal RedBelow { get; }

    /// <summary>Canonical text "-5,-15" (yellow line, red line), as the store keeps it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Fmt.N(YellowBelow)},{Fmt.N(RedBelow)}");

    /// <summary>Reads "-5,-15" (either comma); fails with a bilingual reason on bad text or a red line above the yellow one.</summary>
    public static ParseResult<LightThresholds> TryParse(string? text)
    {
        var parts = (text ?? string.Empty).Split([',', '，'], StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !decimal.TryParse(parts[0], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yellow)
            || !decimal.TryParse(parts[1], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var red))
        {
            return ParseResult<LightThresholds>.Fail(
                $"亮灯阈值“{text}”应写作“黄灯线,红灯线”，如 -5,-15", $"light thresholds '{text}' must read 'yellow line,red line', e.g. -5,-15");
        }

        return red > yellow
            ? ParseResult<LightThresholds>.Fail(
                $"红灯线{Fmt.N(red)}不能高于黄灯线{Fmt.N(yellow)}", $"the red line {Fmt.N(red)} must not be above the yellow line {Fmt.N(yellow)}")
            : ParseResult<LightThresholds>.Ok(new LightThresholds(yellow, red));
    }
}

/// <summary>
/// A 亮灯 judgement: the colour and the figures it came from; <see cref="Reason"/> says why in words (never the colour alone).
/// </summary>
/// <param name="Color">The colour.</param>
/// <param name="CompletionPercent">完成率 (累计完成 ÷ 年度计划 × 100), null without a plan.</param>
/// <param name="TimeElapsedPercent">序时进度 (months elapsed ÷ 12 × 100).</param>
/// <param name="Thresholds">The lines judged by.</param>
/// <param name="RedFlags">Reasons that made it red regardless of progress (problems past their deadline, overdue milestones …).</param>
public sealed record ProjectLight(LightColor Color, decimal? CompletionPercent, decimal TimeElapsedPercent, LightThresholds Thresholds, IReadOnlyList<Bilingual> RedFlags)
{
    /// <summary>CompletionPercent − TimeElapsedPercent, null without a plan.</summary>
    public decimal? GapPoints => CompletionPercent - TimeElapsedPercent;

    /// <summary>绿 / 黄 / 红 / 无.</summary>
    public string ColorZh => ProjectLights.Zh(Color);

    /// <summary>The reason in words, e.g. "完成率42.0%，低于序时进度58.3%达16.3个百分点" (built when asked, so a 100,000-row ledger formats only what it shows).</summary>
    public Bilingual Reason
    {
        get
        {
            Bilingual progress;
            if (CompletionPercent is not { } c)
            {
                progress = new Bilingual("无年度计划投资，不评序时进度", "no annual plan, progress against time not judged");
            }
            else
            {
                var gap = c - TimeElapsedPercent;
                var zhLine = Color switch
                {
                    LightColor.Red when gap < Thresholds.RedBelow => $"(红灯线{Fmt.N(Thresholds.RedBelow)}个百分点)",
                    LightColor.Yellow or LightColor.Red when gap < Thresholds.YellowBelow => $"(黄灯线{Fmt.N(Thresholds.YellowBelow)}个百分点)",
                    _ => string.Empty,
                };
                var enLine = Color switch
                {
                    LightColor.Red when gap < Thresholds.RedBelow => $" (red line {Fmt.N(Thresholds.RedBelow)} points)",
                    LightColor.Yellow or LightColor.Red when gap < Thresholds.YellowBelow => $" (yellow line {Fmt.N(Thresholds.YellowBelow)} points)",
                    _ => string.Empty,
                };
                progress = gap < 0
                    ? new Bilingual(
                        $"完成率{P1(c)}%，低于序时进度{P1(TimeElapsedPercent)}%达{P1(-gap)}个百分点{zhLine}",
                        $"completion {P1(c)}%, {P1(-gap)} points behind time elapsed {P1(TimeElapsedPercent)}%{enLine}")
                    : new Bilingual(
                        $"完成率{P1(c)}%，不低于序时进度{P1(TimeElapsedPercent)}%(高{P1(gap)}个百分点)",
                        $"completion {P1(c)}%, at or ahead of time elapsed {P1(TimeElapsedPercent)}% (+{P1(gap)} points)");
            }

            if (RedFlags.Count == 0)
            {
                return progress;
            }

            return new Bilingual(
                string.Join("；", RedFlags.Select(f => f.Zh).Prepend(progress.Zh)),
                string.Join("; ", RedFlags.Select(f => f.En).Prepend(progress.En)));
        }
    }

    private static string P1(decimal v) => Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>
/// 亮灯 (序时进度): green, yellow or red from completion against time elapsed, and red whatever the progress for each
/// red flag (a problem open past its deadline; the milestone rules add theirs through the same list).
/// </summary>
public static class ProjectLights
{
    /// <summary>
    /// Judges one project or group. <paramref name="completionPercent"/> null (no plan) gives <see cref="LightColor.None"/>
    /// unless a red flag makes it red.
    /// </summary>
    public static ProjectLight Judge(decimal? completionPercent, decimal timeElapsedPercent, LightThresholds thresholds, IReadOnlyList<Bilingual>? redFlags = null)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var color = completionPercent is not { } c ? LightColor.None
            : c - timeElapsedPercent >= thresholds.YellowBelow ? LightColor.Green
            : c - timeElapsedPercent >= thresholds.RedBelow ? LightColor.Yellow
            : LightColor.Red;
        IReadOnlyList<Bilingual> flags = redFlags is { Count: > 0 } ? redFlags : [];
        if (flags.Count > 0)
        {
            color = LightColor.Red;
        }

        return new ProjectLight(color, completionPercent, timeElapsedPercent, thresholds, flags);
    }

    /// <summary>
    /// The red flag of a problem open on <paramref name="today"/> past its deadline, or null. The hook for other causes
    /// (overdue milestones, 前期手续) is the same: a <see cref="Bilingual"/> reason in <see cref="LedgerFigures.RedFlags"/>.
    /// </summary>
    public static Bilingual? ProblemFlag(ProjectProblem problem, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.IsOpenOn(today) && problem.DueOn is { } due && today > due
            ? new Bilingual(
                $"问题“{problem.Description}”办结期限{Fmt.D(due)}，已逾期{today.DayNumber - due.DayNumber}天",
                $"problem '{problem.Description}' was due {Fmt.D(due)}, {today.DayNumber - due.DayNumber} days overdue")
            : null;
    }

    /// <summary>The red flag of a milestone overdue on <paramref name="today"/>, or null.</summary>
    public static Bilingual? MilestoneFlag(Milestone milestone, DateOnly today) => MilestoneFlag(milestone, today, null);

    /// <summary>
    /// The red flag of a milestone overdue on <paramref name="today"/> for a project in <paramref name="projectStatus"/>
    /// (null: unknown), or null. A 前期手续 step says so, and is also overdue once construction started without it.
    /// </summary>
    public static Bilingual? MilestoneFlag(Milestone milestone, DateOnly today, ProjectStatus? projectStatus)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var days = today.DayNumber - milestone.Deadline.DayNumber;
        if (milestone.Kind == MilestoneKind.Preliminary)
        {
            if (milestone.IsOverdue(today))
            {
                return new Bilingual(
                    $"前期手续“{milestone.Name}”计划{Fmt.D(milestone.Deadline)}办结，已逾期{days}天",
                    $"preliminary step '{milestone.Name}' ({PreliminarySteps.En(milestone.Name)}) was due {Fmt.D(milestone.Deadline)}, {days} days overdue");
            }

            return projectStatus is { } s && milestone.IsOverdue(today, s)
                ? new Bilingual(
                    $"项目已{ProjectText.Name(s)}，前期手续“{milestone.Name}”尚未办结(计划{Fmt.D(milestone.Deadline)})",
                    $"the project is {s} but preliminary step '{milestone.Name}' ({PreliminarySteps.En(milestone.Name)}) is not done (planned {Fmt.D(milestone.Deadline)})")
                : null;
        }

        return milestone.IsOverdue(today)
            ? new Bilingual(
                $"节点“{milestone.Name}”期限{Fmt.D(milestone.Deadline)}，已逾期{days}天",
                $"milestone '{milestone.Name}' was due {Fmt.D(milestone.Deadline)}, {days} days overdue")
            : null;
    }

    /// <summary>绿 / 黄 / 红 / 无.</summary>
    public static string Zh(LightColor color) => color switch
    {
        LightColor.Green => "绿",
        LightColor.Yellow => "黄",
        LightColor.Red => "红",
        _ => "无",
    };

    /// <summary>green / yellow / red / none.</summary>
    public static string En(LightColor color) => color switch
    {
        LightColor.Green => "green",
        LightColor.Yellow => "yellow",
        LightColor.Red => "red",
        _ => "none",
    };
}
