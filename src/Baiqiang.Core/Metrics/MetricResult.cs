using Baiqiang.Core.Indicators;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Metrics;

/// <summary>
/// A derived figure with the arithmetic that produced it, so every number in a report can be checked.
/// </summary>
/// <param name="Value">The unrounded result (a percent for growth and shares, percentage points for pulls).</param>
/// <param name="Formula">The computation with the inputs as given and the result to two decimals, e.g. "176.8 ÷ 335.7 × 100 = 52.67%".</param>
/// <param name="Explanation">What the figure means, "中文 / English".</param>
public sealed record MetricResult(decimal Value, string Formula, string Explanation);

/// <summary>
/// Progress of an annual plan against the calendar ("时间过半、任务过半").
/// </summary>
/// <param name="CompletionPercent">completed ÷ annual plan × 100 (unrounded).</param>
/// <param name="TimeElapsedPercent">Share of the year elapsed at the end of the period × 100 (上半年 → 50).</param>
/// <param name="GapPoints">CompletionPercent − TimeElapsedPercent, in percentage points (negative = behind).</param>
/// <param name="OnTrack">True when completion is at least the time elapsed.</param>
/// <param name="Formula">The computation, e.g. "54 ÷ 100 × 100 = 54.00%; 时间进度 6 ÷ 12 × 100 = 50.00%".</param>
/// <param name="Explanation">"中文 / English" verdict.</param>
public sealed record PlanCompletionResult(decimal CompletionPercent, decimal TimeElapsedPercent, decimal GapPoints, bool OnTrack, string Formula, string Explanation);

/// <summary>One ranked entry.</summary>
/// <param name="Key">What was ranked (a region code, a name).</param>
/// <param name="Value">The value ranked on.</param>
/// <param name="Rank">1-based standard competition rank (1, 2, 2, 4).</param>
/// <param name="Of">How many entries were ranked.</param>
/// <param name="Tied">True when another entry has the same value.</param>
public sealed record RankedItem<TKey>(TKey Key, decimal Value, int Rank, int Of, bool Tied);

/// <summary>
/// The result of recomputing a percentage a report printed (占比54.3%) from its parts.
/// </summary>
/// <param name="Computed">part ÷ whole × 100 rounded (half away from zero) to the reported figure's decimals.</param>
/// <param name="Reported">The percentage as printed.</param>
/// <param name="DifferencePoints">Reported − Computed, in percentage points.</param>
/// <param name="Consistent">True when |DifferencePoints| ≤ the tolerance.</param>
/// <param name="Formula">The recomputation, e.g. "176.8 ÷ 335.7 × 100 = 52.67%".</param>
/// <param name="Message">Bilingual verdict.</param>
public sealed record ConsistencyCheck(decimal Computed, decimal Reported, decimal DifferencePoints, bool Consistent, string Formula, Bilingual Message);

/// <summary>How <see cref="Metric.Rank{TKey}"/> orders values, from an indicator's <see cref="Direction"/>.</summary>
internal static class RankOrder
{
    public static bool Descending(Direction direction) => direction switch
    {
        Direction.HigherIsBetter => true,
        Direction.LowerIsBetter => false,
        _ => throw new ArgumentException("中性指标不能排名(请指明越大越好或越小越好) / a neutral indicator cannot be ranked (say whether higher or lower is better)", nameof(direction)),
    };
}
