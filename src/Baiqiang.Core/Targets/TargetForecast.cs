using System.Globalization;
using Baiqiang.Core.Metrics;

namespace Baiqiang.Core.Targets;

/// <summary>Where the stored trend takes a target: the trend rate, the value it projects for the deadline and the year it would
/// reach the target.</summary>
/// <param name="TrendPercent">The trend's compound annual growth in percent.</param>
/// <param name="FromYear">The first year of the trend (the year of the earlier figure; the latest year when the trend is that year's published growth).</param>
/// <param name="ToYear">The latest full year with a figure.</param>
/// <param name="LatestValue">The figure of <paramref name="ToYear"/>.</param>
/// <param name="ProjectedValue">The figure the trend gives for the deadline year (the stored one when the deadline year is stored).</param>
/// <param name="MetYear">The first year whose projected (or stored) figure satisfies the target; null when the trend does not
/// reach it within <see cref="TargetForecaster.HorizonYears"/> years of <paramref name="ToYear"/>.</param>
/// <param name="MetByDeadline">True when <paramref name="MetYear"/> is no later than the deadline year.</param>
/// <param name="MethodZh">The method in words: which years, which rate, how projected.</param>
/// <param name="MethodEn">The same in English.</param>
/// <param name="Formula">The arithmetic: the trend rate, the projection and the year.</param>
public sealed record TargetForecast(
    decimal TrendPercent,
    int FromYear,
    int ToYear,
    decimal LatestValue,
    decimal ProjectedValue,
    int? MetYear,
    bool MetByDeadline,
    string MethodZh,
    string MethodEn,
    string Formula)
{
    /// <summary>"2027年" / "无法达成（按此趋势30年内达不到）".</summary>
    public string MetYearZh => MetYear is { } y
        ? string.Create(CultureInfo.InvariantCulture, $"{y}年")
        : string.Create(CultureInfo.InvariantCulture, $"无法达成（按此趋势{TargetForecaster.HorizonYears}年内达不到）");

    /// <summary>"2027" / "not within 30 years".</summary>
    public string MetYearEn => MetYear is { } y
        ? y.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"not within {TargetForecaster.HorizonYears} years");
}

/// <summary>
/// Projects a target from the stored full-year series of its indicator.
/// </summary>
/// <remarks>
/// <para><b>Method.</b> The trend is the compound annual growth of the last available years: from the earliest full-year figure
/// within <see cref="TrendYears"/> years before the latest full-year figure (so up to <see cref="TrendYears"/> + 1 figures, e.g.
/// 2019–2022) to that latest figure, ((latest ÷ earlier)^(1/years) − 1) × 100 (<see cref="Metric.Cagr"/>). With only one full
/// year stored, that year's published year-on-year growth is the trend. Without either there is no forecast (null).</para>
/// <para>The latest figure is carried forward year by year at the trend rate (in decimal): the value at the deadline year is
/// the projection, and the first year whose value satisfies the target's comparator is the year it would be met — the
/// latest year itself when it already does, none when the trend does not get there within <see cref="HorizonYears"/> years
/// (a flat or falling trend under a "≥" target never does: 无法达成).</para>
/// </remarks>
public static class TargetForecaster
{
    /// <summary>How many years back from the latest figure the trend reaches.</summary>
    public const int TrendYears = 3;

    /// <summary>How far ahead a year of meeting the target is looked for.</summary>
    public const int HorizonYears = 30;

    /// <summary>
    /// The forecast of a target of <paramref name="targetValue"/> by <paramref name="deadlineYear"/> from the full-year
    /// <paramref name="yearly"/> figures (any order; later duplicates of a year are ignored) and, for a single year, its
    /// published growth <paramref name="latestGrowthPercent"/>; null when the series gives no trend.
    /// </summary>
    public static TargetForecast? Forecast(decimal targetValue, Comparator comparator, int deadlineYear,
        IReadOnlyCollection<(int Year, decimal Value)> yearly, decimal? latestGrowthPercent)
    {
        ArgumentNullException.ThrowIfNull(yearly);
        var byYear = yearly.GroupBy(p => p.Year).ToDictionary(g => g.Key, g => g.First().Value);
        if (byYear.Count == 0)
        {
            return null;
        }

        var last = byYear.Keys.Max();
        var latest = byYear[last];
        var earlierYear = byYear.Keys.Where(y => y < last && y >= last - TrendYears && byYear[y] > 0).DefaultIfEmpty(last).Min();
        decimal trend;
        string methodZh, methodEn, trendFormula;
        if (earlierYear < last && latest >= 0)
        {
            var years = last - earlierYear;
            var cagr = Metric.Cagr(byYear[earlierYear], latest, years);
            trend = cagr.Value;
            methodZh = string.Create(CultureInfo.InvariantCulture, $"按{earlierYear}—{last}年（{years}年）年均增速{P(trend)}%外推");
            methodEn = string.Create(CultureInfo.InvariantCulture, $"projected at the {earlierYear}–{last} compound annual growth ({years} years) of {P(trend)}%");
            trendFormula = "趋势 " + cagr.Formula;
        }
        else if (latestGrowthPercent is { } g)
        {
            trend = g;
            methodZh = string.Create(CultureInfo.InvariantCulture, $"仅有{last}年数据，按其同比增速{P(trend)}%外推");
            methodEn = string.Create(CultureInfo.InvariantCulture, $"only {last} is stored: projected at its year-on-year growth of {P(trend)}%");
            trendFormula = string.Create(CultureInfo.InvariantCulture, $"趋势 {last}年同比 {P(trend)}%");
        }
        else
        {
            return null;
        }

        bool Satisfies(decimal v) => comparator switch
        {
            Comparator.AtMost => v <= targetValue,
            _ => v >= targetValue,
        };

        var factor = 1m + (trend / 100m);
        int? metYear = Satisfies(latest) ? last : null;
        var projected = byYear.TryGetValue(deadlineYear, out var stored) ? stored : latest;
        var value = latest;
        for (var y = last + 1; y <= last + HorizonYears && (metYear is null || y <= deadlineYear); y++)
        {
            value = Math.Round(value * factor, 8, MidpointRounding.AwayFromZero);
            if (y == deadlineYear)
            {
                projected = value;
            }

            if (metYear is null && Satisfies(value))
            {
                metYear = y;
            }
        }

        var metBy = metYear is { } my && my <= deadlineYear;
        var shown = Math.Round(projected, 2, MidpointRounding.AwayFromZero);
        var projection = deadlineYear > last
            ? string.Create(CultureInfo.InvariantCulture, $"; {deadlineYear}年预计 {F(latest)} × (1 + {P(trend)}%)^{deadlineYear - last} = {F(shown)}")
            : string.Create(CultureInfo.InvariantCulture, $"; {deadlineYear}年实际 {F(shown)}");
        var when = metYear is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"; 预计{m}年达到目标{F(targetValue)}")
            : string.Create(CultureInfo.InvariantCulture, $"; 按此趋势{HorizonYears}年内达不到目标{F(targetValue)}，无法达成");
        return new TargetForecast(trend, earlierYear, last, latest, shown, metYear, metBy, methodZh, methodEn, trendFormula + projection + when);
    }

    private static string F(decimal v) => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string P(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
