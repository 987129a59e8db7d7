using System.Globalization;
using Baiqiang.Core.Periods;

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
        var start = period.Start;
        var end = period.End;
        var groups = new Dictionary<string, Acc>(StringComparer.Ordinal);
        if (grouping == PipelineGrouping.None)
        {
            groups["合计"] = new Acc();
        }

        foreach (var d in deals)
        {
            var key = KeyOf(d, grouping);
            if (!groups.TryGetValue(key, out var acc))
            {
                acc = new Acc();
                groups[key] = acc;
            }

            var amount = d.PlannedInvestment;
            var leadOn = d.ReachedOn(DealStage.Lead)!.Value;
            var signedOn = d.ReachedOn(DealStage.Signed);
            if (leadOn >= start && leadOn <= end)
            {
                acc.Leads++;
                acc.LeadAmount += amount;
                if (signedOn <= end)
                {
                    acc.LeadsSigned++;
                    acc.LeadsSignedAmount += amount;
                }
            }

            if (signedOn is { } s && s >= start && s <= end)
            {
                acc.Signed++;
                acc.SignedAmount += amount;
                if (d.Reached(DealStage.Landed, end))
                {
                    acc.Landed++;
                    acc.LandedAmount += amount;
                }

                if (d.Reached(DealStage.Started, end))
                {
                    acc.Started++;
                    acc.StartedAmount += amount;
                }

                if (d.Reached(DealStage.Producing, end))
                {
                    acc.Producing++;
                    acc.ProducingAmount += amount;
                }
            }
        }

        return groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Value.ToRow(g.Key)).ToList();
    }

    /// <summary>The group name of a deal under <paramref name="grouping"/> (empty values become "未填").</summary>
    public static string KeyOf(Deal deal, PipelineGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var key = grouping switch
        {
            PipelineGrouping.None => "合计",
            PipelineGrouping.Region => deal.Region.ToString(),
            PipelineGrouping.IndustryChain => deal.IndustryChain,
            PipelineGrouping.Source => PipelineText.Name(deal.Source),
            PipelineGrouping.InvestorType => PipelineText.Name(deal.Investor.Type),
            PipelineGrouping.OriginRegion => deal.Investor.OriginRegion,
            _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "未知分组 / unknown grouping"),
        };
        return key.Length == 0 ? "未填" : key;
    }

    private sealed class Acc
    {
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
