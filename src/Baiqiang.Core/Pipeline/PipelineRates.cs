using System.Globalization;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Pipeline;

/// <summary>How pipeline figures are grouped.</summary>
public enum PipelineGrouping
{
    /// <summary>One group for everything (合计).</summary>
    None = 0,

    /// <summary>By county/park.</summary>
    Region = 1,

    /// <summary>By 产业链.</summary>
    IndustryChain = 2,

    /// <summary>By 线索来源.</summary>
    Source = 3,

    /// <summary>By 投资方类型.</summary>
    InvestorType = 4,

    /// <summary>By 来源区域 (长三角 …).</summary>
    OriginRegion = 5,
}

/// <summary>One conversion rate, by count and by amount, with its base spelled out.</summary>
/// <param name="NameZh">签约率, 落地率, 开工率, 投产率.</param>
/// <param name="NameEn">signing rate, landing rate, start rate, production rate.</param>
/// <param name="Count">Deals in the numerator.</param>
/// <param name="BaseCount">Deals in the base.</param>
/// <param name="Amount">Planned investment in the numerator, 万元.</param>
/// <param name="BaseAmount">Planned investment in the base, 万元.</param>
/// <param name="BaseLabel">What the base is, e.g. "本期签约项目".</param>
public sealed record PipelineRate(string NameZh, string NameEn, int Count, int BaseCount, decimal Amount, decimal BaseAmount, string BaseLabel)
{
    /// <summary>Count ÷ base count × 100; null when the base is empty.</summary>
    public decimal? ByCountPercent => BaseCount == 0 ? null : Count * 100m / BaseCount;

    /// <summary>Amount ÷ base amount × 100; null when the base amount is 0.</summary>
    public decimal? ByAmountPercent => BaseAmount == 0 ? null : Amount * 100m / BaseAmount;

    /// <summary>"开工率(按个数,基数:本期签约项目) = 38 ÷ 38 × 100 = 100.00%; (按金额) = …".</summary>
    public string Formula => string.Create(CultureInfo.InvariantCulture,
        $"{NameZh}(按个数,基数:{BaseLabel}) = {Count} ÷ {BaseCount} × 100 = {P(ByCountPercent)}; {NameZh}(按金额,基数:{BaseLabel}投资额) = {N(Amount)} ÷ {N(BaseAmount)} 万元 × 100 = {P(ByAmountPercent)}");

    private static string P(decimal? v) => v is { } x ? Math.Round(x, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    private static string N(decimal v) => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}

/// <summary>The rates of one group over one period.</summary>
public sealed record PipelineRateRow(string Group, int NewLeads, int NewSignings, decimal SignedAmount, PipelineRate Signing, PipelineRate Landing, PipelineRate Start, PipelineRate Production);

/// <summary>
/// Conversion rates of the pipeline for a period: 签约率, 落地率, 开工率 and 投产率, each by count and by planned
/// investment.
/// </summary>
/// <remarks>
/// <para>Bases (cohorts): 签约率 = deals whose 线索 date falls in the period that were signed by the period's end;
/// 落地率, 开工率, 投产率 = deals signed in the period that landed, started or produced by the period's end (the way
/// 安义 reports "38 new projects, 开工率 100%, 投产率 84.05%"). A deal that skipped a stage counts as having reached it
/// (<see cref="Deal.ReachedOn"/>); lost deals stay in their cohort's base.</para>
/// </remarks>
public static class PipelineRates
{
    public const string LeadBase = "本期新增线索";

    public const string SignedBase = "本期签约项目";

    /// <summary>Rates of all deals in one group (合计).</summary>
    public static PipelineRateRow Total(IEnumerable<Deal> deals, StatPeriod period) => Compute(deals, period, PipelineGrouping.None)[0];

    /// <summary>Rates by <paramref name="grouping"/>, groups in ordinal order of their names; "合计" alone for <see cref="PipelineGrouping.None"/>.</summary>
    public static IReadOnlyList<PipelineRateRow> Compute(IEnumerable<Deal> deals, StatPeriod period, PipelineGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(deals);
        return Compute(deals.Select(d => DealRateFacts.Of(d, grouping)), period, grouping);
    }

    /// <summary>
    /// Rates from flat facts (group key, amount, the date each stage was reached) — the same computation as
    /// <see cref="Compute(IEnumerable{Deal}, StatPeriod, PipelineGrouping)"/>, for stores that read only these columns.
    /// </summary>
    public static IReadOnlyList<PipelineRateRow> Compute(IEnumerable<DealRateFacts> facts, StatPeriod period, PipelineGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var start = period.Start;
        var end = period.End;
        var groups = new Dictionary<string, Acc>(StringComparer.Ordinal);
        if (grouping == PipelineGrouping.None)
        {
            groups["合计"] = new Acc();
        }

        foreach (var d in facts)
        {
            if (!groups.TryGetValue(d.Group, out var acc))
            {
                acc = new Acc();
                groups[d.Group] = acc;
            }

            var cohorts = DealCohorts.None;
            if (d.LeadOn >= start && d.LeadOn <= end)
            {
                cohorts |= DealCohorts.Lead;
                if (d.SignedOn <= end)
                {
                    cohorts |= DealCohorts.LeadSigned;
                }
            }

            if (d.SignedOn is { } s && s >= start && s <= end)
            {
                cohorts |= DealCohorts.Signed;
                cohorts |= d.LandedOn <= end ? DealCohorts.Landed : DealCohorts.None;
                cohorts |= d.StartedOn <= end ? DealCohorts.Started : DealCohorts.None;
                cohorts |= d.ProducingOn <= end ? DealCohorts.Producing : DealCohorts.None;
            }

            acc.Add(cohorts, 1, d.Amount);
        }

        return groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Value.ToRow(g.Key)).ToList();
    }

    /// <summary>
    /// Rates from deals already counted per cohort: each cell says how many deals of a group fall in exactly the
    /// cohorts <see cref="DealRateCell.Cohorts"/> and their summed planned investment. The same figures as
    /// <see cref="Compute(IEnumerable{DealRateFacts}, StatPeriod, PipelineGrouping)"/> over those deals, for stores that
    /// count in SQL (a GROUP BY over the cohort flags) instead of reading every deal.
    /// </summary>
    public static IReadOnlyList<PipelineRateRow> FromCells(IEnumerable<DealRateCell> cells, PipelineGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var groups = new Dictionary<string, Acc>(StringComparer.Ordinal);
        if (grouping == PipelineGrouping.None)
        {
            groups["合计"] = new Acc();
        }

        foreach (var c in cells)
        {
            if (!groups.TryGetValue(c.Group, out var acc))
            {
                acc = new Acc();
                groups[c.Group] = acc;
            }

            acc.Add(c.Cohorts, c.Count, c.Amount);
        }

        return groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Value.ToRow(g.Key)).ToList();
    }

    /// <summary>The group name of a deal under <paramref name="grouping"/> (empty values become "未填").</summary>
    public static string KeyOf(Deal deal, PipelineGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return KeyOf(grouping, deal.Region, deal.IndustryChain, deal.Source, deal.Investor.Type, deal.Investor.OriginRegion);
    }

    /// <summary>The group name from a deal's grouping fields (empty values become "未填").</summary>
    public static string KeyOf(PipelineGrouping grouping, RegionCode region, string industryChain, LeadSource source, InvestorType investorType, string originRegion)
    {
        var key = grouping switch
        {
            PipelineGrouping.None => "合计",
            PipelineGrouping.Region => region.ToString(),
            PipelineGrouping.IndustryChain => industryChain,
            PipelineGrouping.Source => PipelineText.Name(source),
            PipelineGrouping.InvestorType => PipelineText.Name(investorType),
            PipelineGrouping.OriginRegion => originRegion,
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "未知分组 / unknown grouping"),
        };
        return key.Length == 0 ? "未填" : key;
    }

    private sealed class Acc
    {
        /// <summary>Counts <paramref name="n"/> deals of <paramref name="amount"/> in every cohort they belong to (the one place both paths add).</summary>
        public void Add(DealCohorts cohorts, int n, decimal amount)
        {
            if (cohorts.HasFlag(DealCohorts.Lead))
            {
                Leads += n;
                LeadAmount += amount;
            }

            if (cohorts.HasFlag(DealCohorts.LeadSigned))
            {
                LeadsSigned += n;
                LeadsSignedAmount += amount;
            }

            if (cohorts.HasFlag(DealCohorts.Signed))
            {
                Signed += n;
                SignedAmount += amount;
            }

            if (cohorts.HasFlag(DealCohorts.Landed))
            {
                Landed += n;
                LandedAmount += amount;
            }

            if (cohorts.HasFlag(DealCohorts.Started))
            {
                Started += n;
                StartedAmount += amount;
            }

            if (cohorts.HasFlag(DealCohorts.Producing))
            {
                Producing += n;
                ProducingAmount += amount;
            }
        }

        public int Leads;
        public int LeadsSigned;
        public decimal LeadAmount;
        public decimal LeadsSignedAmount;
        public int Signed;
        public decimal SignedAmount;
        public int Landed;
        public decimal LandedAmount;
        public int Started;
        public decimal StartedAmount;
        public int Producing;
        public decimal ProducingAmount;

        public PipelineRateRow ToRow(string group) => new(
            group,
            Leads,
            Signed,
            SignedAmount,
            new PipelineRate("签约率", "signing rate", LeadsSigned, Leads, LeadsSignedAmount, LeadAmount, LeadBase),
            new PipelineRate("落地率", "landing rate", Landed, Signed, LandedAmount, SignedAmount, SignedBase),
            new PipelineRate("开工率", "start rate", Started, Signed, StartedAmount, SignedAmount, SignedBase),
            new PipelineRate("投产率", "production rate", Producing, Signed, ProducingAmount, SignedAmount, SignedBase));
    }
}

/// <summary>
/// What <see cref="PipelineRates"/> needs of one deal: its group, planned investment (万元) and the date it reached each
/// stage, a skipped stage counting as reached with the next recorded one (<see cref="Deal.ReachedOn"/>).
/// </summary>
public readonly record struct DealRateFacts(string Group, decimal Amount, DateOnly LeadOn, DateOnly? SignedOn, DateOnly? LandedOn, DateOnly? StartedOn, DateOnly? ProducingOn)
{
    /// <summary>The facts of <paramref name="deal"/> under <paramref name="grouping"/>.</summary>
    public static DealRateFacts Of(Deal deal, PipelineGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new(
            PipelineRates.KeyOf(deal, grouping),
            deal.PlannedInvestment,
            deal.ReachedOn(DealStage.Lead)!.Value,
            deal.ReachedOn(DealStage.Signed),
            deal.ReachedOn(DealStage.Landed),
            deal.ReachedOn(DealStage.Started),
            deal.ReachedOn(DealStage.Producing));
    }

    /// <summary>Facts from stored stage dates: each stage's reached date is the first recorded date at or after it.</summary>
    public static DealRateFacts FromRecorded(string group, decimal amount, DateOnly leadOn, DateOnly? signedOn, DateOnly? landedOn, DateOnly? startedOn, DateOnly? producingOn)
    {
        var producing = producingOn;
        var started = startedOn ?? producing;
        var landed = landedOn ?? started;
        var signed = signedOn ?? landed;
        return new(group, amount, leadOn, signed, landed, started, producing);
    }
}

/// <summary>The cohorts of a period a deal falls in (see <see cref="PipelineRates"/> for the bases).</summary>
[Flags]
public enum DealCohorts
{
    None = 0,

    /// <summary>Lead (线索) date in the period: the 签约率 base.</summary>
    Lead = 1,

    /// <summary>A lead of the period signed by the period's end: the 签约率 numerator.</summary>
    LeadSigned = 2,

    /// <summary>Signed in the period: the base of 落地率, 开工率 and 投产率.</summary>
    Signed = 4,

    /// <summary>Signed in the period and landed by its end.</summary>
    Landed = 8,

    /// <summary>Signed in the period and started by its end.</summary>
    Started = 16,

    /// <summary>Signed in the period and producing by its end.</summary>
    Producing = 32,
}

/// <summary><paramref name="Count"/> deals of <paramref name="Group"/> that fall in exactly <paramref name="Cohorts"/>,
/// with their summed planned investment (万元).</summary>
public readonly record struct DealRateCell(string Group, DealCohorts Cohorts, int Count, decimal Amount);
