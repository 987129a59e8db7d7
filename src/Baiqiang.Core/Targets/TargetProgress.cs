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
/// <param name="OnTrack">Met, or (for AtLeast/Equal targets) progress at least the time elapsed — 时间过半、任务过半.</param>
public sealed record TargetStatus(
    decimal TargetValue,
    decimal Current,
    decimal ProgressPercent,
    decimal TimeElapsedPercent,
    bool Met,
    decimal? RequiredAnnualGrowthPercent,
    string Formula,
    bool OnTrack);

/// <summary>Evaluates a <see cref="Target"/> against the latest figure.</summary>
/// <remarks>
/// <para>Progress is current ÷ target even for multiple-of-base targets (1500 against a doubled 1000 → 75%), because
/// that is how reports state 完成目标的75%; the distance from the base is visible in <see cref="TargetStatus.Formula"/>.</para>
/// <para>Time elapsed is measured in years on a continuous scale, where a period "ends" at year − 1 + lastMonth ÷ 12:
/// for a multiple-of-base target from the end of the base period to the end of the deadline (base 2020, deadline
/// 2025, current 2022 → 2 ÷ 5 = 40%); for an absolute target over the deadline period itself (2023 target, current
/// 2023-01..06 → 50%). It is clamped to 0–100.</para>
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
        var formula = string.Create(CultureInfo.InvariantCulture,
            $"{targetFormula}; 进度 {F(currentValue)} ÷ {F(targetValue)} × 100 = {P(progress)}%; 时间进度 {P(elapsed)}%{requiredFormula}");
        return new TargetStatus(targetValue, currentValue, progress, elapsed, met, required, formula, onTrack);
    }

    /// <summary>Position of a period's end on a continuous year scale: 2022 → 2022, 2023-01..06 → 2022.5.</summary>
    private static decimal EndPosition(StatPeriod p) => p.Year - 1 + (p.LastMonth / 12m);

    private static decimal StartPosition(StatPeriod p) => p.Year - 1 + ((p.FirstMonth - 1) / 12m);

    private static string F(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    private static string P(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
