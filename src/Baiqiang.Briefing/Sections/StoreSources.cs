using Baiqiang.Briefing.Model;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Metrics;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Targets;
using Baiqiang.Storage.Observations;

namespace Baiqiang.Briefing.Sections;

/// <summary>Economy section from stored observations: value, growth, previous period's growth and peer rank per indicator.</summary>
public sealed class EconomySource : IBriefingSectionSource
{
    public string Kind => Templates.SectionKinds.Economy;

    public Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var section = context.Template.Sections.FirstOrDefault(s => s.Kind == Kind);
        var codes = section?.Indicators ?? [];
        var rankOn = section?.Phrases.GetValueOrDefault("rank_on") ?? "growth";
        var minPeers = int.TryParse(section?.Phrases.GetValueOrDefault("rank_min_peers"), System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 3;
        var items = new List<EconomyItem>();
        foreach (var code in codes)
        {
            if (!IndicatorCode.TryParse(code).Success || !context.Indicators.TryGetValue(new IndicatorCode(code), out var indicator))
            {
                continue;
            }

            var obs = context.Find(code, context.Period);
            if (obs is null || (obs.Value is null && obs.GrowthPercent is null))
            {
                continue;
            }

            var sources = new List<SourceRef> { BriefingContext.SourceOf(obs) };
            var prev = PreviousWithGrowth(context, code);
            if (prev is not null && obs.GrowthPercent is not null)
            {
                sources.Add(BriefingContext.SourceOf(prev));
            }

            var (rank, of) = RankOf(context, indicator, rankOn, minPeers, obs);
            var series = context.Series(code)
                .Where(o => o.Value is not null && o.PeriodFirstMonth == context.Period.FirstMonth && o.PeriodLastMonth == context.Period.LastMonth)
                .Select(o => (o.Period, o.Value!.Value)).ToList();
            // Growth is shown, compared and ranked on one basis: the one TwoGrowths.ForRanking picks for the indicator.
            var (growth, basis) = RankedGrowth(indicator, obs);
            items.Add(new EconomyItem(indicator, BriefingContext.ValueOf(obs), growth,
                growth is null || prev is null ? null : RankedGrowth(indicator, prev).Growth, growth is null ? null : prev?.Period, rank, of, sources, series,
                basis));
        }

        var scope = context.Peers is null ? null : context.Template.Phrase("scope_prefecture", "全市");
        return Task.FromResult<ISectionData?>(items.Count == 0 ? null : new EconomyData(items, scope));
    }

    /// <summary>
    /// The period whose growth this one's is compared with: for 1–N月 the latest stored 1–M月 (M &lt; N) of the same year,
    /// for a year the previous year, for a month the previous month of the same year.
    /// </summary>
    private static ObservationEntity? PreviousWithGrowth(BriefingContext context, string code)
    {
        var p = context.Period;
        var series = context.Series(code).Where(o => o.GrowthPercent is not null);
        if (p.Kind == PeriodKind.Year)
        {
            return series.FirstOrDefault(o => o.Period == StatPeriod.ForYear(p.Year - 1));
        }

        if (p.IsCumulativeFromJanuary && p.LastMonth > 1)
        {
            return series.Where(o => o.PeriodYear == p.Year && o.PeriodFirstMonth == 1 && o.PeriodLastMonth < p.LastMonth).MaxBy(o => o.PeriodLastMonth);
        }

        return p.MonthCount == 1 && p.FirstMonth > 1 ? series.FirstOrDefault(o => o.Period == StatPeriod.ForMonth(p.Year, p.FirstMonth - 1)) : null;
    }

    /// <summary>The growth a briefing shows and ranks: comparable for an indicator published at comparable prices, the
    /// current-price one otherwise when the figure has it (<see cref="Core.Observations.TwoGrowths.ForRanking"/>).</summary>
    private static (decimal? Growth, Core.Observations.GrowthBasis Basis) RankedGrowth(Indicator indicator, ObservationEntity o)
        => Core.Observations.TwoGrowths.ForRanking(indicator.ComparableGrowth, o.GrowthPercent, o.GrowthBasis ?? Core.Observations.GrowthBasis.Unknown, o.CurrentPriceGrowthPercent);

    private static (int? Rank, int? Of) RankOf(BriefingContext context, Indicator indicator, string rankOn, int minPeers, ObservationEntity own)
    {
        if (context.Peers is null || indicator.Direction == Direction.Neutral)
        {
            return (null, null);
        }

        var byGrowth = !string.Equals(rankOn, "value", StringComparison.Ordinal);
        decimal? Figure(ObservationEntity o) => byGrowth ? RankedGrowth(indicator, o).Growth : o.Value;
        if (Figure(own) is null)
        {
            return (null, null);
        }

        var values = context.Peers.CrossSection
            .Where(o => o.IndicatorCode == indicator.Code && Figure(o) is not null)
            .Select(o => (o.RegionCode, Figure(o)!.Value)).ToList();
        if (values.Count == 1)
        {
            // Only the region itself has a figure: a ranking of one, which the writer words as "peers lack figures", never 第1.
            return values[0].RegionCode == context.Region ? (1, 1) : (null, null);
        }

        if (values.Count < Math.Max(2, minPeers))
        {
            return (null, null);
        }

        // Growth is ranked higher-is-better even for lower-is-better levels only when the level is; keep the indicator's direction.
        var ranked = Metric.Rank(values, indicator.Direction);
        var mine = ranked.FirstOrDefault(r => r.Key == context.Region);
        return mine is null ? (null, null) : (mine.Rank, mine.Of);
    }
}

/// <summary>Targets section: each target's progress against time elapsed (<see cref="TargetProgress"/>), from stored figures.</summary>
public sealed class TargetsSource : IBriefingSectionSource
{
    public string Kind => Templates.SectionKinds.Targets;

    public Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = new List<TargetItem>();
        foreach (var t in context.Targets)
        {
            if (t.Form is TargetForm.Growth or TargetForm.Increase)
            {
                items.Add(Change(context, t));
                continue;
            }

            // The latest figure for the deadline's year up to the briefing period (a 2025 target is measured on the full year;
            // in 2023 the 2023 figure shows progress on the way).
            var current = context.Find(t.Subject, context.Period);
            var figure = BriefingContext.ValueOf(current);
            TargetStatus? status = null;
            var sources = new List<SourceRef>();
            if (figure is not null)
            {
                sources.Add(figure.Source);
                decimal? baseValue = null;
                if (t.IsMultipleOfBase)
                {
                    var b = BriefingContext.ValueOf(context.Find(t.Subject, t.BasePeriod!.Value));
                    if (b is not null && b.Value > 0)
                    {
                        baseValue = b.Value;
                        sources.Add(b.Source);
                    }
                }

                var comparable = !t.IsMultipleOfBase ? t.Value!.Value.Unit.IsCompatibleWith(figure.Unit) : baseValue is not null;
                if (comparable)
                {
                    var value = t.IsMultipleOfBase ? figure.Value : new Amount(figure.Value, figure.Unit).ConvertTo(t.Value!.Value.Unit).Value;
                    status = TargetProgress.Evaluate(t, baseValue, value, context.Period);
                }
                else
                {
                    figure = null;
                    sources.Clear();
                }
            }

            items.Add(new TargetItem(t, context.NameOf(t.Subject), status, figure, sources, Forecast(context, t, status)));
        }

        return Task.FromResult<ISectionData?>(items.Count == 0 ? null : new TargetsData(items));
    }

    /// <summary>A growth target judged on the briefing period's growth (published, else over the same period a year earlier); an
    /// increase target on the briefing period's figure less the base figure (<see cref="TargetProgress.IncreaseBase"/>). The
    /// item's current figure is the growth (in %) or the increase.</summary>
    private static TargetItem Change(BriefingContext context, Target t)
    {
        var name = context.NameOf(t.Subject);
        var current = context.Find(t.Subject, context.Period);
        var figure = BriefingContext.ValueOf(current);
        if (current is null || figure is null || t.Deadline.Year != context.Period.Year && t.Form == TargetForm.Growth)
        {
            return new TargetItem(t, name, null, null, []);
        }

        if (t.Form == TargetForm.Growth)
        {
            TargetStatus? status = null;
            var sources = new List<SourceRef> { figure.Source };
            if (current.GrowthPercent is { } g)
            {
                status = TargetProgress.EvaluateGrowth(t, g, context.Period,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{g / 1.000000000000000000000000000000000m}%（公布）"));
            }
            else if (BriefingContext.ValueOf(context.Find(t.Subject, StatPeriod.Create(context.Period.Year - 1, context.Period.FirstMonth, context.Period.LastMonth))) is { } prior
                && prior.Unit.IsCompatibleWith(figure.Unit) && prior.Value > 0)
            {
                status = TargetProgress.Evaluate(t, new Amount(prior.Value, prior.Unit).ConvertTo(figure.Unit).Value, figure.Value, context.Period);
                sources.Add(prior.Source);
            }

            return status is null
                ? new TargetItem(t, name, null, null, [])
                : new TargetItem(t, name, status, new Figure(status.Current, Unit.Percent, Qualifier.Exact, figure.Source), sources);
        }

        var unit = t.Increase!.Value.Unit;
        var basis = BriefingContext.ValueOf(context.Find(t.Subject, TargetProgress.IncreaseBase(t)));
        if (basis is null || !basis.Unit.IsCompatibleWith(unit) || !figure.Unit.IsCompatibleWith(unit))
        {
            return new TargetItem(t, name, null, null, []);
        }

        var from = new Amount(basis.Value, basis.Unit).ConvertTo(unit).Value;
        var to = new Amount(figure.Value, figure.Unit).ConvertTo(unit).Value;
        var increase = TargetProgress.EvaluateIncrease(t, from, to, context.Period);
        return new TargetItem(t, name, increase, new Figure(increase.Current, unit, Qualifier.Exact, figure.Source), [figure.Source, basis.Source]);
    }

    /// <summary>The trend forecast of an indicator target from its full-year figures up to the briefing's year, in the target's unit
    /// (the indicator's own for a multiple); null when the target value is unknown or there is no trend.</summary>
    private static TargetForecast? Forecast(BriefingContext context, Target t, TargetStatus? status)
    {
        if (t.SubjectKind != TargetSubjectKind.Indicator)
        {
            return null;
        }

        var targetValue = status?.TargetValue ?? t.Value?.Value;
        if (targetValue is not { } tv)
        {
            return null;
        }

        var years = context.Series(t.Subject)
            .Where(o => o.Value is not null && o.PeriodFirstMonth == 1 && o.PeriodLastMonth == 12 && o.PeriodYear <= context.Period.Year)
            .Where(o => t.IsMultipleOfBase || o.Unit.IsCompatibleWith(t.Value!.Value.Unit))
            .Select(o => (o.PeriodYear, Value: t.IsMultipleOfBase ? o.Value!.Value : new Amount(o.Value!.Value, o.Unit).ConvertTo(t.Value!.Value.Unit).Value, o.GrowthPercent))
            .ToList();
        return years.Count == 0
            ? null
            : TargetForecaster.Forecast(tv, t.Comparator, t.Deadline.Year, [.. years.Select(y => (y.PeriodYear, y.Value))], years.MaxBy(y => y.PeriodYear).GrowthPercent);
    }
}

/// <summary>
/// Key-project section from stored aggregates (key_projects_count, key_project_annual_plan, key_project_investment_completed),
/// as offices publish them: the fallback of <see cref="StoredKeyProjectsSource"/> when the region has no stored project.
/// </summary>
public sealed class KeyProjectAggregatesSource : IBriefingSectionSource
{
    public string Kind => Templates.SectionKinds.KeyProjects;

    public Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var year = StatPeriod.ForYear(context.Period.Year);
        var count = BriefingContext.ValueOf(context.Find("key_projects_count", year));
        var plan = BriefingContext.ValueOf(context.Find("key_project_annual_plan", year));
        var done = BriefingContext.ValueOf(context.Find("key_project_investment_completed", context.Period));
        if (count is null && plan is null && done is null)
        {
            return Task.FromResult<ISectionData?>(null);
        }

        var sources = new[] { count?.Source, plan?.Source, done?.Source }.OfType<SourceRef>().ToList();
        return Task.FromResult<ISectionData?>(new KeyProjectsData(count is null ? null : (int)count.Value, [], plan, done, [], sources));
    }
}

/// <summary>Counted items with targets (investment and service sections) from stored observations and targets of the same subject.</summary>
public abstract class ProgressItemsSource : IBriefingSectionSource
{
    public abstract string Kind { get; }

    public Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var section = context.Template.Sections.FirstOrDefault(s => s.Kind == Kind);
        var items = new List<ProgressItem>();
        foreach (var code in section?.Indicators ?? [])
        {
            var actual = BriefingContext.ValueOf(context.Find(code, context.Period));
            var target = context.Targets.FirstOrDefault(t => string.Equals(t.Subject, code, StringComparison.Ordinal) && t.Form == TargetForm.Level && t.Deadline.Year == context.Period.Year);
            Figure? targetFigure = null;
            SourceRef? targetSource = null;
            if (target is not null)
            {
                targetSource = new SourceRef(code, target.Deadline.ToString(), "target:" + target.Id);
                targetFigure = new Figure(target.Value!.Value.Value, target.Value.Value.Unit, target.Value.Value.Qualifier, targetSource);
            }

            if (actual is not null || targetFigure is not null)
            {
                items.Add(new ProgressItem(code, actual, targetFigure, targetSource));
            }
        }

        return Task.FromResult(items.Count == 0 ? null : Build(items));
    }

    protected abstract ISectionData Build(IReadOnlyList<ProgressItem> items);
}

/// <summary>Investment (招商引资) from stored observations: new_signed_projects, new_signed_investment, projects_landed, new_project_starts …</summary>
public sealed class InvestmentSource : ProgressItemsSource
{
    public override string Kind => Templates.SectionKinds.Investment;

    protected override ISectionData Build(IReadOnlyList<ProgressItem> items) => new InvestmentData(items);
}

/// <summary>Enterprise service from stored observations: enterprise_visits, enterprise_requests, enterprise_requests_solved.</summary>
public sealed class ServiceSource : ProgressItemsSource
{
    public override string Kind => Templates.SectionKinds.Service;

    protected override ISectionData Build(IReadOnlyList<ProgressItem> items) => new ServiceData(items);
}

/// <summary>
/// Consistency warnings: a published growth that differs from the one recomputed from stored values (&gt; 0.5 points), and a
/// part larger than its whole (exports above total trade).
/// </summary>
public sealed class WarningsSource : IBriefingSectionSource
{
    private static readonly (string Part, string Whole)[] Parts = [("exports", "trade_total"), ("imports", "trade_total"), ("industrial_value_added", "industrial_output")];

    public string Kind => Templates.SectionKinds.Warnings;

    public Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var list = new List<ConsistencyWarning>();
        var codes = context.Template.Sections.Where(s => s.Indicators is not null).SelectMany(s => s.Indicators!).Distinct(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var now = context.Find(code, context.Period);
            var before = context.Find(code, context.Period.SamePeriodLastYear());
            if (now is { Value: { } v, GrowthPercent: { } g } && before is { Value: { } b } && b > 0 && before.Unit.Equals(now.Unit))
            {
                var computed = Metric.Growth(v, b);
                var diff = Math.Abs(computed.Value - g);
                if (diff > 0.5m)
                {
                    list.Add(new ConsistencyWarning("growth_mismatch", new Dictionary<string, string>
                    {
                        ["indicator"] = context.NameOf(code),
                        ["reported"] = Text.Num(g),
                        ["computed"] = Text.Num(Math.Round(computed.Value, 1, MidpointRounding.AwayFromZero)),
                        ["diff"] = Text.Num(Math.Round(diff, 1, MidpointRounding.AwayFromZero)),
                        ["formula"] = computed.Formula,
                    }, [BriefingContext.SourceOf(now), BriefingContext.SourceOf(before)]));
                }
            }
        }

        foreach (var (part, whole) in Parts)
        {
            var p = context.Find(part, context.Period);
            var w = context.Find(whole, context.Period);
            if (p?.Value is { } pv && w?.Value is { } wv && p.Unit.IsCompatibleWith(w.Unit)
                && new Amount(pv, p.Unit).BaseValue > new Amount(wv, w.Unit).BaseValue)
            {
                list.Add(new ConsistencyWarning("part_exceeds_whole", new Dictionary<string, string>
                {
                    ["part"] = context.NameOf(part),
                    ["whole"] = context.NameOf(whole),
                    ["part_value"] = Text.Amount(context, new Amount(pv, p.Unit, p.Qualifier)),
                    ["whole_value"] = Text.Amount(context, new Amount(wv, w.Unit, w.Qualifier)),
                }, [BriefingContext.SourceOf(p), BriefingContext.SourceOf(w)]));
            }
        }

        return Task.FromResult<ISectionData?>(new WarningsData(list));
    }
}
