using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Targets;

namespace Baiqiang.Core.Pipeline;

/// <summary>One month of the 月月有签约、月月有落地、月月有开工 scoreboard.</summary>
/// <param name="Month">1–12.</param>
/// <param name="Signings">Deals that reached 签约 in the month.</param>
/// <param name="SignedAmount">Their planned investment, 万元.</param>
/// <param name="Landings">Deals that reached 落地 in the month.</param>
/// <param name="LandedAmount">Planned investment of the landings, 万元.</param>
/// <param name="Starts">Deals that reached 开工 in the month.</param>
/// <param name="StartedAmount">Planned investment of the starts, 万元.</param>
public sealed record ScoreboardMonth(int Month, int Signings, decimal SignedAmount, int Landings, decimal LandedAmount, int Starts, decimal StartedAmount)
{
    public bool NoSigning => Signings == 0;

    public bool NoLanding => Landings == 0;

    public bool NoStart => Starts == 0;

    /// <summary>True when any of the three is missing: the month breaks "月月有签约、月月有落地、月月有开工".</summary>
    public bool Broken => NoSigning || NoLanding || NoStart;

    /// <summary>"无签约、无开工" or empty.</summary>
    public string FlagZh => string.Join("、", new[] { NoSigning ? "无签约" : null, NoLanding ? "无落地" : null, NoStart ? "无开工" : null }.OfType<string>());
}

/// <summary>Monthly signings, landings and starts of a year, months without any flagged.</summary>
/// <remarks>A deal counts in the month it reached the stage (<see cref="Deal.ReachedOn"/>), lost later or not.
/// Only months up to <c>throughMonth</c> are listed, so the current month is not flagged before it ends
/// if the caller passes the last complete month.</remarks>
public static class MonthlyScoreboard
{
    public static IReadOnlyList<ScoreboardMonth> Build(IEnumerable<Deal> deals, int year, int throughMonth = 12)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentOutOfRangeException.ThrowIfLessThan(throughMonth, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(throughMonth, 12);
        var counts = new int[13, 3];
        var amounts = new decimal[13, 3];
        DealStage[] stages = [DealStage.Signed, DealStage.Landed, DealStage.Started];
        foreach (var d in deals)
        {
            for (var i = 0; i < 3; i++)
            {
                if (d.ReachedOn(stages[i]) is { } on && on.Year == year && on.Month <= throughMonth)
                {
                    counts[on.Month, i]++;
                    amounts[on.Month, i] += d.PlannedInvestment;
                }
            }
        }

        return Enumerable.Range(1, throughMonth)
            .Select(m => new ScoreboardMonth(m, counts[m, 0], amounts[m, 0], counts[m, 1], amounts[m, 1], counts[m, 2], amounts[m, 2]))
            .ToList();
    }
}

/// <summary>Measures of the pipeline that annual targets name (<see cref="Target.Subject"/>).</summary>
public static class PipelineMeasures
{
    /// <summary>Count of deals signed in the period.</summary>
    public const string SignedCount = "new_signed_projects";

    /// <summary>Planned investment of deals signed in the period.</summary>
    public const string SignedInvestment = "new_signed_investment";

    /// <summary>Count of deals landed (registered) in the period.</summary>
    public const string LandedCount = "projects_landed";

    /// <summary>Planned investment of deals landed in the period.</summary>
    public const string LandedInvestment = "landed_investment";

    /// <summary>Count of deals started in the period.</summary>
    public const string StartedCount = "new_project_starts";

    /// <summary>Planned investment of deals started in the period.</summary>
    public const string StartedInvestment = "started_investment";

    /// <summary>Count of deals that went into production in the period.</summary>
    public const string ProducingCount = "projects_producing";

    /// <summary>Planned investment of deals that went into production in the period.</summary>
    public const string ProducingInvestment = "producing_investment";

    /// <summary>The stage a measure counts and whether it sums amounts; null when the subject is not a pipeline measure.</summary>
    public static (DealStage Stage, bool IsAmount)? Describe(string subject) => subject switch
    {
        SignedCount => (DealStage.Signed, false),
        SignedInvestment => (DealStage.Signed, true),
        LandedCount => (DealStage.Landed, false),
        LandedInvestment => (DealStage.Landed, true),
        StartedCount => (DealStage.Started, false),
        StartedInvestment => (DealStage.Started, true),
        ProducingCount => (DealStage.Producing, false),
        ProducingInvestment => (DealStage.Producing, true),
        _ => null,
    };
}

/// <summary>A pipeline target and where it stands.</summary>
public sealed record PipelineTargetProgress(Target Target, TargetStatus Status);

/// <summary>Evaluates the annual pipeline targets (<see cref="Targets.Target"/>) against the deals.</summary>
/// <remarks>
/// Only targets whose subject is a <see cref="PipelineMeasures"/> name and whose deadline is a whole year are evaluated.
/// The current figure counts deals of the target's region (and its parks, by code) that reached the stage between
/// January and the end of <c>asOf</c>; amounts are converted from 万元 to the target's unit. Time elapsed
/// and 时间过半、任务过半 come from <see cref="TargetProgress"/>.
/// </remarks>
public static class PipelineTargets
{
    public static IReadOnlyList<PipelineTargetProgress> Evaluate(IEnumerable<Target> targets, IReadOnlyCollection<Deal> deals, StatPeriod asOf)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(deals);
        var result = new List<PipelineTargetProgress>();
        foreach (var t in targets)
        {
            if (PipelineMeasures.Describe(t.Subject) is not { } measure || t.IsMultipleOfBase || t.Deadline.Kind != PeriodKind.Year || t.Deadline.Year != asOf.Year)
            {
                continue;
            }

            var end = asOf.End;
            var count = 0;
            var amount = 0m;
            foreach (var d in deals)
            {
                if (d.ReachedOn(measure.Stage) is { } on && on.Year == asOf.Year && on <= end && Access.Actor.IsWithin(d.Region, t.Region))
                {
                    count++;
                    amount += d.PlannedInvestment;
                }
            }

            decimal current = count;
            if (measure.IsAmount)
            {
                var unit = t.Value!.Value.Unit;
                current = unit.Dimension == Dimension.Money ? Amount.WanYuan(amount).ConvertTo(unit).Value : amount;
            }

            result.Add(new PipelineTargetProgress(t, TargetProgress.Evaluate(t, null, current, StatPeriod.CumulativeTo(asOf.Year, asOf.LastMonth))));
        }

        return result;
    }
}
