using System.Globalization;
using Baiqiang.Core.Periods;

namespace Baiqiang.Core.Pipeline;

/// <summary>One stage-to-stage rate: of the deals that reached <see cref="From"/> in the period, how many reached
/// <see cref="To"/> by its end, and the median days between the two.</summary>
/// <param name="From">The earlier stage.</param>
/// <param name="To">The later stage.</param>
/// <param name="Reached">Deals of the base that reached <paramref name="To"/> by the period's end.</param>
/// <param name="Base">Deals that reached <paramref name="From"/> within the period.</param>
/// <param name="MedianDays">Median days from <paramref name="From"/> to <paramref name="To"/> over the deals of <paramref name="Reached"/>
/// whose two dates are both recorded (a skipped stage has no date of its own); null when there is none.</param>
/// <param name="DaysSample">How many deals the median is taken over.</param>
public sealed record StageRate(DealStage From, DealStage To, int Reached, int Base, decimal? MedianDays, int DaysSample)
{
    /// <summary>"线索→签约".</summary>
    public string NameZh => PipelineText.Name(From) + "→" + PipelineText.Name(To);

    /// <summary>"Lead→Signed".</summary>
    public string NameEn => From + "→" + To;

    public decimal? Percent => Base == 0 ? null : Reached * 100m / Base;

    /// <summary>"落地→开工(基数:本期到达落地的项目) = 3 ÷ 4 × 100 = 75.00%; 间隔天数中位数 45 天(3个项目)".</summary>
    public string Formula => string.Create(CultureInfo.InvariantCulture,
        $"{NameZh}(基数:本期到达{PipelineText.Name(From)}的项目) = 到达{PipelineText.Name(To)} {Reached} ÷ {Base} × 100 = {DealFunds.P(Percent)}; 间隔天数中位数 {(MedianDays is { } m ? (m / 1.0000m).ToString(CultureInfo.InvariantCulture) + " 天" : "—")}({DaysSample}个项目)");
}

/// <summary>The recorded stage dates of a deal (null: skipped or not reached), what <see cref="StageRates"/> reads.</summary>
public readonly record struct DealStageFacts(DateOnly LeadOn, DateOnly? SignedOn, DateOnly? LandedOn, DateOnly? StartedOn, DateOnly? ProducingOn)
{
    public static DealStageFacts Of(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new(deal.DateOf(DealStage.Lead)!.Value, deal.DateOf(DealStage.Signed), deal.DateOf(DealStage.Landed), deal.DateOf(DealStage.Started), deal.DateOf(DealStage.Producing));
    }
}

/// <summary>
/// Stage-to-stage rates of a period: 线索→签约, 签约→落地, 落地→开工 and 开工→投产, each over the deals that reached the
/// earlier stage within the period (beside <see cref="PipelineRates"/>, whose bases are the period's leads or signings).
/// </summary>
/// <remarks>A skipped stage counts as reached on the date of the next recorded stage (<see cref="Deal.ReachedOn"/>), for the
/// counts; the median days use only deals with both dates recorded. Lost deals stay in their base.</remarks>
public static class StageRates
{
    /// <summary>The four pairs, in order.</summary>
    public static IReadOnlyList<(DealStage From, DealStage To)> Pairs { get; } =
        [(DealStage.Lead, DealStage.Signed), (DealStage.Signed, DealStage.Landed), (DealStage.Landed, DealStage.Started), (DealStage.Started, DealStage.Producing)];

    public static IReadOnlyList<StageRate> Compute(IEnumerable<DealStageFacts> facts, StatPeriod period)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (start, end) = (period.Start, period.End);
        var bases = new int[4];
        var reached = new int[4];
        var days = new List<int>[] { [], [], [], [] };
        Span<DateOnly?> recorded = stackalloc DateOnly?[5];
        Span<DateOnly?> reachedOn = stackalloc DateOnly?[5];
        foreach (var f in facts)
        {
            recorded[0] = f.LeadOn;
            recorded[1] = f.SignedOn;
            recorded[2] = f.LandedOn;
            recorded[3] = f.StartedOn;
            recorded[4] = f.ProducingOn;
            DateOnly? next = null;
            for (var i = 4; i >= 0; i--)
            {
                next = recorded[i] ?? next;
                reachedOn[i] = next;
            }

            for (var i = 0; i < 4; i++)
            {
                if (reachedOn[i] is not { } from || from < start || from > end)
                {
                    continue;
                }

                bases[i]++;
                if (reachedOn[i + 1] is { } to && to <= end)
                {
                    reached[i]++;
                    if (recorded[i] is { } a && recorded[i + 1] is { } b)
                    {
                        days[i].Add(b.DayNumber - a.DayNumber);
                    }
                }
            }
        }

        return [.. Pairs.Select((p, i) => new StageRate(p.From, p.To, reached[i], bases[i], Median(days[i]), days[i].Count))];
    }

    private static decimal? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2m;
    }
}
