using System.Globalization;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Metrics;

namespace Baiqiang.Core.Targets;

/// <summary>Where a target stands at one period.</summary>
/// <param name="TargetValue">The value to reach: the absolute value, or base × multiple.</param>
/// <param name="Current">The latest figure, in the target's unit (or the indicator's unit for multiples).</param>
/// <param name="ProgressPercent">current ÷ target × 100 (for a zero target: 100 when met, else 0).</param>
/// <param name="TimeElapsedPercent">How much of the target's time span has passed at the end of the current period, 0–100.</param>
/// <param name="Met">True when the current figure satisfies the comparator.</param>
/// <param name="RequiredAnnualGrowthPercent">For a multiple-of-base target not yet met, measured on a full-year figure with
/// at least one year to go: the compound annual growth needed to reach it by the deadline year; otherwise null.</param>
/// <param name="Formula">How the figures were computed.</param>
/// <param name="OnTrack">Met, or on the way by the rule of <see cref="TargetProgress"/>: for a multiple-of-base target the
/// growth achieved since the base year reaches the rate still needed; for any other target progress at least the time
/// elapsed (时间过半、任务过半).</param>
/// <param name="AchievedAnnualGrowthPercent">For a multiple-of-base target: the compound annual growth achieved from the base
/// period to the current figure (0 when the current figure is the base year's own); otherwise null.</param>
/// <param name="PlanAnnualGrowthPercent">For a multiple-of-base target: the compound annual growth the whole span needs
/// (2× in five years: 14.87%); otherwise null.</param>
/// <param name="StillNeededAnnualGrowthPercent">For a multiple-of-base target not met with at least one year to go: the
/// compound annual growth still needed from the current figure to the deadline (also for part-year figures of a part-year
/// deadline, unlike <paramref name="RequiredAnnualGrowthPercent"/>); otherwise null.</param>
public sealed record TargetStatus(
    decimal TargetValue,
    decimal Current,
    decimal ProgressPercent,
    decimal TimeElapsedPercent,
    bool Met,
    decimal? RequiredAnnualGrowthPercent,
    string Formula,
    bool OnTrack,
    decimal? AchievedAnnualGrowthPercent = null,
    decimal? PlanAnnualGrowthPercent = null,
    decimal? StillNeededAnnualGrowthPercent = null);

/// <summary>Evaluates a <see cref="Target"/> against the latest figure.</summary>
/// <remarks>
/// <para>Progress is current ÷ target even for multiple-of-base targets (1500 against a doubled 1000 → 75%), because
/// that is how reports state 完成目标的75%; the distance from the base is visible in <see cref="TargetStatus.Formula"/>.</para>
/// <para>Time elapsed is measured in years on a continuous scale, where a period "ends" at year − 1 + lastMonth ÷ 12:
/// for a multiple-of-base target from the end of the base period to the end of the deadline (base 2020, deadline
/// 2025, current 2022 → 2 ÷ 5 = 40%); for an absolute target over the deadline period itself (2023 target, current
/// 2023-01..06 → 50%). It is clamped to 0–100.</para>
/// <para><b>On track, for a multiple-of-base target (翻一番) judged "≥"</b>, with B the base year, C the year of the current
/// figure (of the base period's shape) and D the deadline year:</para>
/// <list type="bullet">
/// <item>plan rate = (multiple^(1/(D − B)) − 1) × 100, the compound growth the whole span needs;</item>
/// <item>achieved rate = ((current ÷ base)^(1/(C − B)) − 1) × 100, the compound growth since the base year — 0 when C = B
/// (no later figure: no growth has been shown yet);</item>
/// <item>still-needed rate = ((target ÷ current)^(1/(D − C)) − 1) × 100, the compound growth needed from the current figure
/// to the deadline.</item>
/// </list>
/// <para>The target is on track when it is met, or when C &lt; D and achieved rate ≥ still-needed rate — that is, when
/// growing on at the pace achieved so far reaches the target by the deadline. (Achieved ≥ plan implies this; a region
/// behind plan can still be on track only if it has gained enough to need less than it has shown.) It is behind when the
/// achieved rate is lower, when C = D and the target is not met, and when the current figure is ≤ 0. 500亿 in 2022 against
/// a 2020 base of 500亿 and a target of 1000亿 in 2025: achieved 0% &lt; still needed 25.99% → 滞后, however much of the
/// time has passed. When the current figure is not of the base period's shape (a 1–6月 figure against a full-year base)
/// growth cannot be compared, and the time rule below decides.</para>
/// <para><b>Any other target</b> is on track when met or, for ≥ and = targets, when progress ≥ time elapsed.</para>
/// <para><b>A growth target</b> (增长16%以上, <see cref="TargetForm.Growth"/>) is judged on the growth of the latest figure of the
/// deadline's year over the same period a year earlier (<see cref="EvaluateGrowth"/>): the published 同比 when there is one,
/// else (current ÷ same period last year − 1) × 100. Target value and current are then percents, progress is growth ÷ target
/// growth × 100, and time elapsed runs over the deadline period as for an absolute target. It is met only on the deadline
/// period's own figure when the comparator holds; before that it is on track when the growth so far satisfies the comparator
/// (1–6月 growing 17% against 16% for the year: 正常; 12%: 滞后).</para>
/// <para><b>An increase target</b> (新增20家, <see cref="TargetForm.Increase"/>) is judged on current − base, with the base the figure at
/// the end of the year before the deadline's year (or of <see cref="Target.BasePeriod"/>): progress is that increase ÷ the
/// target increase × 100, time elapsed runs from the base period's end to the deadline's end, and the time rule decides.</para>
/// </remarks>
public static class TargetProgress
{
    /// <summary>
    /// Evaluates <paramref name="target"/>. <paramref name="baseValue"/> is required (and must be &gt; 0) for a
    /// multiple-of-base target and ignored otherwise; <see cref="ArgumentException"/> when it is missing.
    /// </summary>
    public static TargetStatus Evaluate(Target target, decimal? baseValue, decimal currentValue, StatPeriod currentPeriod)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Form == TargetForm.Growth)
        {
            if (baseValue is not { } prior || prior <= 0)
            {
                throw new ArgumentException(
                    "增速目标须给出上年同期大于0的数值 / a growth target needs the same period's value a year earlier, greater than 0", nameof(baseValue));
            }

            var rate = (currentValue / prior - 1m) * 100m;
            return EvaluateGrowth(target, rate, currentPeriod,
                string.Create(CultureInfo.InvariantCulture, $"({F(currentValue)} ÷ {F(prior)} − 1) × 100 = {P(rate)}%"));
        }

        if (target.Form == TargetForm.Increase)
        {
            if (baseValue is not { } from)
            {
                throw new ArgumentException("新增目标须给出基期数值 / an increase target needs the base figure", nameof(baseValue));
            }

            return EvaluateIncrease(target, from, currentValue, currentPeriod);
        }

        decimal targetValue;
        string targetFormula;
        if (target.IsMultipleOfBase)
        {
            if (baseValue is not { } b || b <= 0)
            {
                throw new ArgumentException(
                    $"倍数目标须给出大于0的基期({target.BasePeriod})数值 / a multiple-of-base target needs a base ({target.BasePeriod}) value greater than 0",
                    nameof(baseValue));
            }

            targetValue = b * target.MultipleOfBase!.Value;
            targetFormula = $"目标 {F(b)} × {F(target.MultipleOfBase.Value)} = {F(targetValue)}";
        }
        else
        {
            targetValue = target.Value!.Value.Value;
            targetFormula = $"目标 {F(targetValue)}{target.Value.Value.Unit.Symbol}";
        }

        var met = target.Comparator switch
        {
            Comparator.AtLeast => currentValue >= targetValue,
            Comparator.AtMost => currentValue <= targetValue,
            _ => currentValue == targetValue,
        };

        var progress = targetValue == 0 ? (met ? 100m : 0m) : currentValue / targetValue * 100m;

        var (start, end) = target.IsMultipleOfBase
            ? (EndPosition(target.BasePeriod!.Value), EndPosition(target.Deadline))
            : (StartPosition(target.Deadline), EndPosition(target.Deadline));
        var elapsed = Math.Clamp((EndPosition(currentPeriod) - start) / (end - start) * 100m, 0m, 100m);

        decimal? required = null;
        var yearsRemaining = target.Deadline.Year - currentPeriod.Year;
        var requiredFormula = string.Empty;
        if (target.IsMultipleOfBase && !met && currentPeriod.Kind == PeriodKind.Year && yearsRemaining >= 1 && currentValue > 0)
        {
            var r = Metric.RequiredCagr(currentValue, targetValue, yearsRemaining);
            required = r.Value;
            requiredFormula = $"; 所需年均增速 {r.Formula}";
        }

        var onTrack = met || (target.Comparator != Comparator.AtMost && progress >= elapsed);
        var growth = GrowthRule(target, baseValue, currentValue, currentPeriod, targetValue, met);
        if (growth is { } g)
        {
            onTrack = g.OnTrack;
        }

        var formula = string.Create(CultureInfo.InvariantCulture,
            $"{targetFormula}; 进度 {F(currentValue)} ÷ {F(targetValue)} × 100 = {P(progress)}%; 时间进度 {P(elapsed)}%{requiredFormula}{growth?.Formula}");
        return new TargetStatus(targetValue, currentValue, progress, elapsed, met, required, formula, onTrack,
            growth?.Achieved, growth?.Plan, growth?.StillNeeded);
    }

    /// <summary>
    /// Evaluates a growth target (<see cref="TargetForm.Growth"/>) on <paramref name="growthPercent"/>, the growth of the figure of
    /// <paramref name="currentPeriod"/> over the same period a year earlier; <paramref name="growthFormula"/> says where it came
    /// from (公布 or the computation). See the remarks.
    /// </summary>
    public static TargetStatus EvaluateGrowth(Target target, decimal growthPercent, StatPeriod currentPeriod, string growthFormula)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Form != TargetForm.Growth)
        {
            throw new ArgumentException("不是增速目标 / not a growth target", nameof(target));
        }

        var goal = target.GrowthPercent!.Value;
        var holds = Holds(target.Comparator, growthPercent, goal);
        var final = currentPeriod == target.Deadline;
        var met = final && holds;
        var progress = goal == 0 ? (holds ? 100m : 0m) : growthPercent / goal * 100m;
        var elapsed = Elapsed(StartPosition(target.Deadline), EndPosition(target.Deadline), currentPeriod);
        var symbol = Symbol(target.Comparator);
        var verdict = met ? "已完成" : holds ? "正常" : final ? "未完成" : "滞后";
        var formula = string.Create(CultureInfo.InvariantCulture,
            $"目标 增长 {symbol} {F(goal)}%; {PeriodText(currentPeriod)}同比增长 {growthFormula}; 进度 {P(growthPercent)} ÷ {F(goal)} × 100 = {P(progress)}%; 时间进度 {P(elapsed)}%; 判定：增长 {P(growthPercent)}% {(holds ? symbol : Negate(target.Comparator))} {F(goal)}%{(final ? "（全期）" : "（期中）")}，{verdict}");
        return new TargetStatus(goal, growthPercent, progress, elapsed, met, null, formula, holds);
    }

    /// <summary>Evaluates an increase target (<see cref="TargetForm.Increase"/>): <paramref name="currentValue"/> − <paramref name="baseValue"/>
    /// against the target increase, with time elapsed from the base's end (see <see cref="IncreaseBase"/>) to the deadline's end.</summary>
    public static TargetStatus EvaluateIncrease(Target target, decimal baseValue, decimal currentValue, StatPeriod currentPeriod)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Form != TargetForm.Increase)
        {
            throw new ArgumentException("不是新增目标 / not an increase target", nameof(target));
        }

        var goal = target.Increase!.Value.Value;
        var increase = currentValue - baseValue;
        var met = Holds(target.Comparator, increase, goal);
        var progress = goal == 0 ? (met ? 100m : 0m) : increase / goal * 100m;
        var elapsed = Elapsed(EndPosition(IncreaseBase(target)), EndPosition(target.Deadline), currentPeriod);
        var onTrack = met || (target.Comparator != Comparator.AtMost && progress >= elapsed);
        var unit = target.Increase.Value.Unit.Symbol;
        var formula = string.Create(CultureInfo.InvariantCulture,
            $"目标 新增 {Symbol(target.Comparator)} {F(goal)}{unit}; 新增 {F(currentValue)} − {F(baseValue)}（{PeriodText(IncreaseBase(target))}） = {F(increase)}{unit}; 进度 {F(increase)} ÷ {F(goal)} × 100 = {P(progress)}%; 时间进度 {P(elapsed)}%; 判定：{(met ? "已完成" : onTrack ? "进度不低于时间进度，正常" : "进度低于时间进度，滞后")}");
        return new TargetStatus(goal, increase, progress, elapsed, met, null, formula, onTrack);
    }

    /// <summary>The period an increase target counts from: its <see cref="Target.BasePeriod"/>, else the full year before the
    /// deadline's year (新增 within 2025 counts from the 2024 year-end figure).</summary>
    public static StatPeriod IncreaseBase(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.BasePeriod ?? StatPeriod.ForYear(target.Deadline.Year - 1);
    }

    private static bool Holds(Comparator comparator, decimal value, decimal goal) => comparator switch
    {
        Comparator.AtLeast => value >= goal,
        Comparator.AtMost => value <= goal,
        _ => value == goal,
    };

    private static string Symbol(Comparator c) => c switch
    {
        Comparator.AtMost => "≤",
        Comparator.Equal => "=",
        _ => "≥",
    };

    private static string Negate(Comparator c) => c switch
    {
        Comparator.AtMost => ">",
        Comparator.Equal => "≠",
        _ => "<",
    };

    private static decimal Elapsed(decimal start, decimal end, StatPeriod current) =>
        end <= start ? 100m : Math.Clamp((EndPosition(current) - start) / (end - start) * 100m, 0m, 100m);

    private static string PeriodText(StatPeriod p) => p.Kind switch
    {
        PeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"{p.Year}年"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{p.Year}年{p.FirstMonth}月"),
        PeriodKind.Cumulative => string.Create(CultureInfo.InvariantCulture, $"{p.Year}年1-{p.LastMonth}月"),
        _ => p.ToString(),
    };

    /// <summary>The growth rule of the remarks for a "≥" multiple-of-base target whose current figure has the base period's
    /// shape; null for any other target (the time rule decides).</summary>
    private static GrowthJudgement? GrowthRule(Target target, decimal? baseValue, decimal current, StatPeriod currentPeriod, decimal targetValue, bool met)
    {
        if (!target.IsMultipleOfBase || target.Comparator != Comparator.AtLeast || baseValue is not { } b || b <= 0)
        {
            return null;
        }

        var bp = target.BasePeriod!.Value;
        if (currentPeriod.FirstMonth != bp.FirstMonth || currentPeriod.LastMonth != bp.LastMonth)
        {
            return null;
        }

        var span = target.Deadline.Year - bp.Year;
        var plan = Metric.Cagr(1m, target.MultipleOfBase!.Value, span);
        var elapsedYears = currentPeriod.Year - bp.Year;
        var remaining = target.Deadline.Year - currentPeriod.Year;
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"; 规划年均增速 ({F(target.MultipleOfBase.Value)}^(1/{span}) − 1) × 100 = {P(plan.Value)}%");
        if (current <= 0 || elapsedYears < 0)
        {
            text.Append("; 判定：当前值不大于0，滞后");
            return new(false, null, plan.Value, null, text.ToString());
        }

        decimal achieved;
        if (elapsedYears == 0)
        {
            achieved = 0m;
            text.Append(CultureInfo.InvariantCulture, $"; 基期以来年均增速 0.00%（{currentPeriod.Year}年以后暂无数据，按未增长计）");
        }
        else
        {
            achieved = Metric.Cagr(b, current, elapsedYears).Value;
            text.Append(CultureInfo.InvariantCulture, $"; 基期以来年均增速 (({F(current)} ÷ {F(b)})^(1/{elapsedYears}) − 1) × 100 = {P(achieved)}%");
        }

        if (met)
        {
            return new(true, achieved, plan.Value, null, text.ToString());
        }

        if (remaining < 1)
        {
            text.Append("; 判定：已到期限仍未达到目标，滞后");
            return new(false, achieved, plan.Value, null, text.ToString());
        }

        var needed = Metric.RequiredCagr(current, targetValue, remaining).Value;
        var onTrack = achieved >= needed;
        text.Append(CultureInfo.InvariantCulture, $"; 尚需年均增速 (({F(targetValue)} ÷ {F(current)})^(1/{remaining}) − 1) × 100 = {P(needed)}%");
        text.Append(CultureInfo.InvariantCulture, $"; 判定：基期以来 {P(achieved)}% {(onTrack ? "≥" : "<")} 尚需 {P(needed)}%，{(onTrack ? "正常" : "滞后")}");
        return new(onTrack, achieved, plan.Value, needed, text.ToString());
    }

    private sealed record GrowthJudgement(bool OnTrack, decimal? Achieved, decimal Plan, decimal? StillNeeded, string Formula);

    /// <summary>Position of a period's end on a continuous year scale: 2022 → 2022, 2023-01..06 → 2022.5.</summary>
    private static decimal EndPosition(StatPeriod p) => p.Year - 1 + (p.LastMonth / 12m);

    private static decimal StartPosition(StatPeriod p) => p.Year - 1 + ((p.FirstMonth - 1) / 12m);

    private static string F(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    private static string P(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
