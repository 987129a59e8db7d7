using Baiqiang.Core.Metrics;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;

namespace Baiqiang.Extraction.Checks;

/// <summary>
/// Checks over the facts of one document: a plan share recomputed from the plan stated before it, parts against their whole
/// (其中 …), and two growth rates for one indicator, region and period. Nothing is corrected; findings go beside the facts.
/// </summary>
internal sealed class CrossChecker
{
    public List<CrossCheck> Checks { get; } = [];

    /// <summary>The annual plan: the latest money fact shortly before <paramref name="completed"/> whose name says 年度计划.</summary>
    public void CheckPlan(IReadOnlyList<ExtractedFact> facts, ExtractedFact completed)
    {
        for (var k = facts.Count - 1; k >= 0; k--)
        {
            var f = facts[k];
            if (completed.Offset - f.Offset >= 400)
            {
                return; // the plan is stated close before its completion, or not at all
            }

            if (f.Offset < completed.Offset && f.Amount is { Unit.Dimension: Dimension.Money } plan && plan.Value > 0
                && (f.Indicator.Contains("年度计划", StringComparison.Ordinal) || f.IndicatorCode?.Value == "key_project_annual_plan")
                && (f.Period is null || completed.Period is null || f.Period.Value.Year == completed.Period.Value.Year))
            {
                var done = completed.Amount!.Value.ConvertTo(plan.Unit).Value;
                var check = Metric.CheckReportedPercent(done, plan.Value, completed.PlanSharePct!.Value);
                Checks.Add(new CrossCheck(CrossCheckKind.ReportedPercent, check.Consistent, check.Message, [f.Offset, completed.Offset]));
                return;
            }
        }
    }

    /// <summary>其中 A类39条、B类20条、C类8条 after a total (需求67条): the parts should add up.</summary>
    public void CheckParts(IReadOnlyList<ExtractedFact> facts, int firstOfSentence)
    {
        if (facts.Count - firstOfSentence < 2 || firstOfSentence == 0)
        {
            return;
        }

        var whole = facts[firstOfSentence - 1];
        if (whole.Amount is not { } wa || wa.Qualifier != Qualifier.Exact)
        {
            return; // before the parts are listed: this runs for every sentence with two facts or more
        }

        var count = 0;
        for (var k = firstOfSentence; k < facts.Count; k++)
        {
            count += IsPart(facts[k], whole, wa) ? 1 : 0;
        }

        if (count < 2)
        {
            return; // most sentences: no list, and no list made
        }

        var parts = new List<ExtractedFact>(count);
        for (var k = firstOfSentence; k < facts.Count; k++)
        {
            if (IsPart(facts[k], whole, wa))
            {
                parts.Add(facts[k]);
            }
        }

        var sum = parts.Sum(p => p.Amount!.Value.Value);
        var ok = sum == wa.Value;
        var formula = string.Join(" + ", parts.Select(p => Numbers.Text(p.Amount!.Value.Value))) + " = " + Numbers.Text(sum);
        var message = ok
            ? new Bilingual($"分项之和与总数一致:{formula}({whole.Indicator}{Numbers.Text(wa.Value)}{wa.Unit.Symbol})", $"parts add up to the whole: {formula} ({Numbers.Text(wa.Value)})")
            : new Bilingual($"分项之和{Numbers.Text(sum)}与总数{Numbers.Text(wa.Value)}{wa.Unit.Symbol}不符:{formula}", $"parts sum to {Numbers.Text(sum)}, not the stated {Numbers.Text(wa.Value)}: {formula}");
        Checks.Add(new CrossCheck(CrossCheckKind.PartsSum, ok, message, [whole.Offset, .. parts.Select(p => p.Offset)]));
    }

    private static bool IsPart(ExtractedFact f, ExtractedFact whole, Amount wa) => f.Amount is { } a && a.Unit.Equals(wa.Unit) && f.Kind == whole.Kind;

    /// <summary>One indicator, region and period with two different growth rates in one document.</summary>
    public List<CrossCheck> Finish(IReadOnlyList<ExtractedFact> facts)
    {
        // Grouped by hand, in order of each group's first fact (as GroupBy would): most groups hold one fact, which needs
        // neither a list nor a distinct set.
        var index = new Dictionary<(int, string, string, StatPeriod?), int>();
        var groups = new List<(ExtractedFact First, List<ExtractedFact>? All)>();
        foreach (var f in facts)
        {
            if (f.GrowthPct is null || f.Kind is not (FactKind.Value or FactKind.Growth))
            {
                continue;
            }

            var key = (f.RegionCode?.Value ?? 0, f.Region ?? string.Empty, f.IndicatorCode?.Value ?? f.Indicator, f.Period); // the period's text only for a message
            if (index.TryGetValue(key, out var at))
            {
                var (first, all) = groups[at];
                if (all is null)
                {
                    groups[at] = (first, all = [first]);
                }

                all.Add(f);
            }
            else
            {
                index[key] = groups.Count;
                groups.Add((f, null));
            }
        }

        foreach (var (first, g) in groups)
        {
            if (g is not null && g.Exists(f => f.GrowthPct!.Value != first.GrowthPct!.Value))
            {
                var list = string.Join("、", g.Select(f => Numbers.Text(f.GrowthPct!.Value) + "%"));
                var name = first.IndicatorCode?.Value ?? first.Indicator;
                var period = first.Period?.ToString() is { Length: > 0 } written ? written : "?";
                Checks.Add(new CrossCheck(CrossCheckKind.ConflictingGrowth, false,
                    new Bilingual($"同一文档中{name}({period})有不同增速:{list},未自动取舍", $"{name} ({period}) has different growth rates in one document: {list}; none was picked"),
                    [.. g.Select(f => f.Offset)]));
            }
        }

        return Checks;
    }
}
