using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Metrics;

/// <summary>
/// The derived figures county economic offices compute: growth, shares, urban primacy and contribution, pull
/// (拉动), compound growth, plan completion, rankings and consistency checks of printed percentages.
/// </summary>
/// <remarks>
/// All arithmetic is <see cref="decimal"/> except the n-th root in <see cref="Cagr"/>/<see cref="RequiredCagr"/>,
/// which uses <see cref="Math.Pow"/> on doubles and rounds the percent to six decimals. Values are returned
/// unrounded (except those two); formulas show inputs as given and results to two decimals. Inputs that make a
/// figure meaningless (a zero or negative base) throw <see cref="ArgumentException"/> with a bilingual message.
/// </remarks>
public static class Metric
{
    /// <summary>Year-on-year growth in percent: (current ÷ previous − 1) × 100. Throws when previous ≤ 0.</summary>
    public static MetricResult Growth(decimal current, decimal previous)
    {
        RequirePositive(previous, nameof(previous), "上年同期数", "the previous value");
        var value = ((current / previous) - 1m) * 100m;
        var zh = value >= 0 ? $"增长{P(value)}%" : $"下降{P(-value)}%";
        var en = value >= 0 ? $"up {P(value)}%" : $"down {P(-value)}%";
        return new(value,
            $"({F(current)} ÷ {F(previous)} − 1) × 100 = {P(value)}%",
            $"同比{zh} / {en} year on year");
    }

    /// <summary>A part's share of a whole in percent: part ÷ whole × 100. Throws when whole is 0.</summary>
    public static MetricResult Share(decimal part, decimal whole)
    {
        RequireNonZero(whole, nameof(whole), "总量", "the whole");
        var value = part / whole * 100m;
        return new(value, $"{F(part)} ÷ {F(whole)} × 100 = {P(value)}%", $"占比{P(value)}% / a share of {P(value)}%");
    }

    /// <summary>城区首位度: the district's GDP as a percent of the city's, district ÷ city × 100. Throws when city GDP ≤ 0.</summary>
    public static MetricResult UrbanPrimacy(decimal districtGdp, decimal cityGdp)
    {
        RequirePositive(cityGdp, nameof(cityGdp), "全市地区生产总值", "the city's GDP");
        var r = Primacy(districtGdp, cityGdp);
        return r with { Explanation = $"城区首位度{P(r.Value)}%(城区GDP占全市比重) / urban primacy {P(r.Value)}% (district GDP as a share of the city's)" };
    }

    /// <summary>
    /// 城区贡献度: the district's share of the city's GDP increase, (district − districtPrev) ÷ (city − cityPrev) × 100.
    /// Throws when the city's GDP did not change. Negative when the two moved in opposite directions.
    /// </summary>
    public static MetricResult UrbanContribution(decimal districtGdp, decimal districtGdpPrev, decimal cityGdp, decimal cityGdpPrev)
    {
        RequireNonZero(cityGdp - cityGdpPrev, nameof(cityGdp), "全市地区生产总值增量", "the city's GDP increase");
        var r = Contribution(districtGdp, districtGdpPrev, cityGdp, cityGdpPrev);
        return r with { Explanation = $"城区贡献度{P(r.Value)}%(城区GDP增量占全市增量比重) / urban contribution {P(r.Value)}% (district share of the city's GDP increase)" };
    }

    /// <summary>
    /// 贡献率: a part's share of the whole's increase, (part − partPrev) ÷ (whole − wholePrev) × 100 (第二产业对GDP增长的贡献率).
    /// Throws when the whole did not change. Negative when the part and the whole moved in opposite directions.
    /// </summary>
    public static MetricResult Contribution(decimal part, decimal partPrev, decimal whole, decimal wholePrev)
    {
        var dp = part - partPrev;
        var dw = whole - wholePrev;
        RequireNonZero(dw, nameof(whole), "总量增量", "the whole's increase");
        var value = dp / dw * 100m;
        return new(value,
            $"({F(part)} − {F(partPrev)}) ÷ ({F(whole)} − {F(wholePrev)}) × 100 = {F(dp)} ÷ {F(dw)} × 100 = {P(value)}%",
            $"贡献率{P(value)}%(增量占总量增量的比重) / contribution {P(value)}% (the part's share of the whole's increase)");
    }

    /// <summary>
    /// 首位度: a region's figure as a percent of its prefecture's, region ÷ prefecture × 100 — the same measure as
    /// <see cref="UrbanPrimacy"/> for any indicator. Throws when the prefecture's figure is ≤ 0.
    /// </summary>
    public static MetricResult Primacy(decimal regionValue, decimal prefectureValue)
    {
        RequirePositive(prefectureValue, nameof(prefectureValue), "全市数值", "the prefecture's figure");
        var value = regionValue / prefectureValue * 100m;
        return new(value, $"{F(regionValue)} ÷ {F(prefectureValue)} × 100 = {P(value)}%",
            $"首位度{P(value)}%(占全市比重) / primacy {P(value)}% (a share of the prefecture's figure)");
    }

    /// <summary>
    /// 拉动: how many percentage points a part's increase added to the whole's growth,
    /// (partCurrent − partPrevious) ÷ wholePrevious × 100. Throws when wholePrevious ≤ 0.
    /// </summary>
    public static MetricResult PullPoints(decimal partCurrent, decimal partPrevious, decimal wholePrevious)
    {
        RequirePositive(wholePrevious, nameof(wholePrevious), "总量上年同期数", "the whole's previous value");
        var delta = partCurrent - partPrevious;
        var value = delta / wholePrevious * 100m;
        return new(value,
            $"({F(partCurrent)} − {F(partPrevious)}) ÷ {F(wholePrevious)} × 100 = {P(value)}个百分点",
            $"拉动增长{P(value)}个百分点 / pulled growth by {P(value)} percentage points");
    }

    /// <summary>
    /// Compound annual growth in percent from <paramref name="start"/> to <paramref name="end"/> over
    /// <paramref name="years"/> years: ((end ÷ start)^(1/years) − 1) × 100, computed in double for the root and
    /// rounded to six decimals. Throws when start ≤ 0, end &lt; 0 or years &lt; 1.
    /// </summary>
    public static MetricResult Cagr(decimal start, decimal end, int years)
    {
        var value = Root(start, end, years);
        return new(value, $"(({F(end)} ÷ {F(start)})^(1/{years}) − 1) × 100 = {P(value)}%",
            $"{years}年年均增长{P(value)}% / compound annual growth of {P(value)}% over {years} years");
    }

    /// <summary>
    /// The compound annual growth in percent needed to reach <paramref name="target"/> from <paramref name="current"/>
    /// in <paramref name="yearsRemaining"/> years (same arithmetic and limits as <see cref="Cagr"/>; negative when the
    /// target is already exceeded).
    /// </summary>
    public static MetricResult RequiredCagr(decimal current, decimal target, int yearsRemaining)
    {
        var value = Root(current, target, yearsRemaining);
        return new(value, $"(({F(target)} ÷ {F(current)})^(1/{yearsRemaining}) − 1) × 100 = {P(value)}%",
            $"今后{yearsRemaining}年需年均增长{P(value)}% / needs {P(value)}% a year for {yearsRemaining} years");
    }

    /// <summary>
    /// 时间过半、任务过半: completed ÷ annual plan against the share of the year elapsed at the end of <paramref name="asOf"/>.
    /// Throws when the plan is ≤ 0.
    /// </summary>
    public static PlanCompletionResult PlanCompletion(decimal completed, decimal annualPlan, StatPeriod asOf)
    {
        RequirePositive(annualPlan, nameof(annualPlan), "年度计划", "the annual plan");
        var completion = completed / annualPlan * 100m;
        var elapsed = asOf.YearElapsedShare * 100m;
        var gap = completion - elapsed;
        var onTrack = completion >= elapsed;
        var formula = string.Create(CultureInfo.InvariantCulture,
            $"{F(completed)} ÷ {F(annualPlan)} × 100 = {P(completion)}%; 时间进度 {asOf.LastMonth} ÷ 12 × 100 = {P(elapsed)}%; 差 {P(gap)}个百分点");
        var explanation = onTrack
            ? $"完成年度计划{P(completion)}%,快于时间进度{P(gap)}个百分点 / {P(completion)}% of the annual plan done, {P(gap)} points ahead of time"
            : $"完成年度计划{P(completion)}%,慢于时间进度{P(-gap)}个百分点 / {P(completion)}% of the annual plan done, {P(-gap)} points behind time";
        return new(completion, elapsed, gap, onTrack, formula, explanation);
    }

    /// <summary>
    /// Ranks values with standard competition ranking (1, 2, 2, 4): descending for
    /// <see cref="Direction.HigherIsBetter"/>, ascending for <see cref="Direction.LowerIsBetter"/>; throws
    /// <see cref="ArgumentException"/> for <see cref="Direction.Neutral"/>. Ties keep input order. Returned in rank order.
    /// </summary>
    public static IReadOnlyList<RankedItem<TKey>> Rank<TKey>(IEnumerable<(TKey key, decimal value)> values, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(values);
        var descending = RankOrder.Descending(direction);
        var list = values.ToList();
        var sorted = descending ? list.OrderByDescending(v => v.value).ToList() : list.OrderBy(v => v.value).ToList();
        var counts = sorted.GroupBy(v => v.value).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<RankedItem<TKey>>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var rank = i > 0 && sorted[i].value == sorted[i - 1].value ? result[i - 1].Rank : i + 1;
            result.Add(new RankedItem<TKey>(sorted[i].key, sorted[i].value, rank, sorted.Count, counts[sorted[i].value] > 1));
        }

        return result;
    }

    /// <summary>"对比组内其他地区暂无数据" / "no other region in the group has figures": what is said instead of a rank when the
    /// ranking holds one region only (the group holds only the region itself, or its peers have no figures).</summary>
    public static Bilingual PeersLackFigures { get; } = new("对比组内其他地区暂无数据", "no other region in the group has figures");

    /// <summary>True when a ranking of <paramref name="of"/> regions says something about standing: at least two were ranked.</summary>
    public static bool HasPeers(int of) => of > 1;

    /// <summary>
    /// The one wording of a rank, used by the report card, the briefing and the CLI: "位居全市第2" / "2 of 7 in the prefecture";
    /// with <paramref name="front"/> and a rank in the top third (<see cref="IsFrontRank"/>) "位居全市前列" / "among the first
    /// in the prefecture"; and for a ranking of one region (of = 1) never 第1 but <see cref="PeersLackFigures"/>.
    /// Throws when rank is not 1..of.
    /// </summary>
    public static Bilingual RankWording(int rank, int of, string scopeZh, string scopeEn, bool front = false)
    {
        CheckRank(rank, of);
        if (!HasPeers(of))
        {
            return PeersLackFigures;
        }

        return front && IsFrontRank(rank, of)
            ? new($"位居{scopeZh}前列", $"among the first in {scopeEn}")
            : new(string.Create(CultureInfo.InvariantCulture, $"位居{scopeZh}第{rank}"), string.Create(CultureInfo.InvariantCulture, $"{rank} of {of} in {scopeEn}"));
    }

    /// <summary>"第2": the ordinal phrase; for a ranking of one region <see cref="PeersLackFigures"/> (never "第1"). Throws when
    /// rank is not 1..of.</summary>
    public static string RankPhrase(int rank, int of)
    {
        CheckRank(rank, of);
        return HasPeers(of) ? string.Create(CultureInfo.InvariantCulture, $"第{rank}") : PeersLackFigures.Zh;
    }

    /// <summary>True when <paramref name="rank"/> is in the top third: rank ≤ ⌈of ÷ 3⌉ ("前列").</summary>
    public static bool IsFrontRank(int rank, int of)
    {
        CheckRank(rank, of);
        return rank <= (of + 2) / 3;
    }

    /// <summary>"位居全市第2" for scope "全市" (<see cref="RankWording"/>).</summary>
    public static string RankPhraseZh(int rank, int of, string scopeZh) => RankWording(rank, of, scopeZh, scopeZh).Zh;

    /// <summary>"位居全市前列" when the rank is in the top third (<see cref="IsFrontRank"/>), otherwise "位居全市第N" (<see cref="RankWording"/>).</summary>
    public static string FrontRankPhraseZh(int rank, int of, string scopeZh) => RankWording(rank, of, scopeZh, scopeZh, front: true).Zh;

    /// <summary>
    /// Recomputes part ÷ whole × 100, rounds it (half away from zero) to as many decimals as the reported figure has,
    /// and compares: consistent when |reported − computed| ≤ <paramref name="tolerancePoints"/>. Throws when whole is 0
    /// or the tolerance is negative.
    /// </summary>
    public static ConsistencyCheck CheckReportedPercent(decimal part, decimal whole, decimal reportedPercent, decimal tolerancePoints = 0.1m)
    {
        RequireNonZero(whole, nameof(whole), "总量", "the whole");
        ArgumentOutOfRangeException.ThrowIfNegative(tolerancePoints);
        var exact = part / whole * 100m;
        var computed = Math.Round(exact, reportedPercent.Scale, MidpointRounding.AwayFromZero);
        var diff = reportedPercent - computed;
        var consistent = Math.Abs(diff) <= tolerancePoints;
        var formula = $"{F(part)} ÷ {F(whole)} × 100 = {P(exact)}%";
        var message = consistent
            ? new Bilingual($"报告占比{F(reportedPercent)}%与计算值{F(computed)}%一致({formula})",
                $"reported {F(reportedPercent)}% agrees with the computed {F(computed)}% ({formula})")
            : new Bilingual($"报告占比{F(reportedPercent)}%与计算值{F(computed)}%相差{F(Math.Abs(diff))}个百分点({formula})",
                $"reported {F(reportedPercent)}% differs from the computed {F(computed)}% by {F(Math.Abs(diff))} percentage points ({formula})");
        return new(computed, reportedPercent, diff, consistent, formula, message);
    }

    private static decimal Root(decimal start, decimal end, int years)
    {
        RequirePositive(start, nameof(start), "起点值", "the starting value");
        ArgumentOutOfRangeException.ThrowIfNegative(end);
        if (years < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "年数至少为1 / years must be at least 1");
        }

        var ratio = (double)(end / start);
        var pct = (Math.Pow(ratio, 1.0 / years) - 1.0) * 100.0;
        return Math.Round((decimal)pct, 6, MidpointRounding.AwayFromZero);
    }

    private static void CheckRank(int rank, int of)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(of, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, of);
    }

    private static void RequirePositive(decimal value, string name, string zh, string en)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{zh}必须大于0,否则无法计算 / {en} must be greater than 0");
        }
    }

    private static void RequireNonZero(decimal value, string name, string zh, string en)
    {
        if (value == 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{zh}为0,无法计算 / {en} is 0, cannot divide");
        }
    }

    /// <summary>An input as given (keeps its scale: 176.8 stays "176.8").</summary>
    internal static string F(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>A result to two decimals, half away from zero.</summary>
    internal static string P(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
