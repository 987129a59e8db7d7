using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Targets;

/// <summary>
/// A stored target with where it stands: <see cref="Status"/> from Core's <see cref="TargetProgress"/> (progress against time
/// elapsed, 时间过半、任务过半, the annual growth still needed), or <see cref="Missing"/> saying why there is none yet.
/// </summary>
/// <param name="Entity">The stored row.</param>
/// <param name="Target">The Core target it holds.</param>
/// <param name="RegionName">The region's name (its code when not stored).</param>
/// <param name="SubjectZh">The indicator's or measure's Chinese name.</param>
/// <param name="SubjectEn">Its English name.</param>
/// <param name="Unit">The unit the target value and the current figure are in.</param>
/// <param name="Status">Progress, when there is a current figure (and a base value for a multiple).</param>
/// <param name="CurrentPeriod">The period of the current figure.</param>
/// <param name="BaseValue">The base period's value of a multiple-of-base target.</param>
/// <param name="Missing">Why <see cref="Status"/> is null.</param>
/// <param name="Forecast">For an indicator target: where the trend of the stored full-year figures takes it
/// (<see cref="TargetForecaster"/>); null when the series gives no trend or the target is a count or amount of the pipeline.</param>
public sealed record TargetStanding(
    TargetEntity Entity, Target Target, string RegionName, string SubjectZh, string SubjectEn, Unit Unit,
    TargetStatus? Status, StatPeriod? CurrentPeriod, decimal? BaseValue, Bilingual? Missing, TargetForecast? Forecast = null);

/// <summary>
/// Evaluates stored targets against stored figures — the one place the dashboard, the 目标管理 page, <c>/api/targets</c> and
/// <c>baiqiang targets list</c> get progress from.
/// </summary>
/// <remarks>
/// <para><b>Indicator targets</b> are measured on the region's current observations of the indicator (converted into the
/// target's unit). An absolute target takes the latest figure of the deadline's year that starts where the deadline starts
/// and ends no later (a 2023 target: 2023-01..06, then 2023; never a 2022 figure). A multiple-of-base target takes the
/// base period's figure as the base and the latest figure of the deadline's shape (a full year for a year deadline) from the
/// base year to the deadline year — the base year's own figure when nothing later is stored, so a target set today shows
/// the compound growth it needs (2× in five years: 14.87% a year).</para>
/// <para>A <b>growth target</b> (增长16%) takes the same figure as an absolute target and judges its growth over the same period a
/// year earlier: the published 同比 when stored, else computed from the stored figure of that period a year earlier
/// (<see cref="TargetProgress.EvaluateGrowth"/>); its standing's unit is %. An <b>increase target</b> (新增20家) takes the base
/// figure at <see cref="TargetProgress.IncreaseBase"/> (the full year before the deadline's, or any stored figure of that
/// year ending in December) and the latest figure after it up to the deadline.</para>
/// <para>Each indicator target also gets a <see cref="TargetForecast"/> from the region's full-year figures of the indicator up to
/// <c>today</c>'s year (<see cref="TargetForecaster"/>: the compound growth of the last available years, carried forward).</para>
/// <para><b>Count and amount targets</b> of a pipeline measure (<see cref="PipelineMeasures"/>) count the region's deals
/// (and its parks') that reached the stage from January of the deadline year to <c>today</c>'s month, or to December when
/// that year is over (<see cref="PipelineTargets"/>); a deadline year still to come has no progress yet. Completions
/// (<see cref="TargetSubjects.ProjectsCompleted"/>) are shown by the key-project ledger, not here.</para>
/// </remarks>
public static class TargetQueries
{
    /// <summary>The targets of <paramref name="region"/> (all when null) with their progress as of <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyList<TargetStanding>> StandingsAsync(BaiqiangDbContext db, RegionCode? region, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await EvaluateAsync(db, await TargetStore.ListAsync(db, region, ct), today, ct);
    }

    /// <summary>The target <paramref name="key"/> with its progress, or null.</summary>
    public static async Task<TargetStanding?> FindAsync(BaiqiangDbContext db, string key, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await TargetStore.FindAsync(db, key, ct) is { } entity ? (await EvaluateAsync(db, [entity], today, ct))[0] : null;
    }

    /// <summary>Evaluates <paramref name="entities"/> with one read of the figures they need.</summary>
    public static async Task<IReadOnlyList<TargetStanding>> EvaluateAsync(BaiqiangDbContext db, IReadOnlyList<TargetEntity> entities, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return [];
        }

        var regions = entities.Select(e => e.RegionCode).Distinct().ToList();
        var names = (await db.Regions.AsNoTracking().Where(r => regions.Contains(r.Code)).Select(r => new { r.Code, r.Name, r.ValidTo }).ToListAsync(ct))
            .GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ValidTo is null ? 0 : 1).First().Name);

        var indicatorKinds = entities.Where(e => e.SubjectKind == "indicator").ToList();
        var codes = indicatorKinds.Select(e => IndicatorCode.TryParse(e.Subject)).Where(p => p.Success).Select(p => p.Value).Distinct().ToList();
        var indicators = codes.Count == 0 ? [] : await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code)).ToListAsync(ct);
        var byCode = indicators.ToDictionary(i => i.Code);
        var observed = codes.Count == 0 ? [] : await db.Observations.AsNoTracking()
            .Where(o => o.IsCurrent && o.Value != null && regions.Contains(o.RegionCode) && codes.Contains(o.IndicatorCode))
            .Select(o => new Figure(o.RegionCode, o.IndicatorCode, o.PeriodYear, o.PeriodFirstMonth, o.PeriodLastMonth, o.Value!.Value, o.Unit, o.GrowthPercent))
            .ToListAsync(ct);
        var figures = observed.ToLookup(f => (f.Region, f.Indicator));

        var pipelineTargets = entities.Where(e => e.SubjectKind != "indicator" && PipelineMeasures.Describe(e.Subject) is not null).ToList();
        var deals = pipelineTargets.Count == 0 ? [] : await PipelineQueries.LoadDealsAsync(db, null, null, ct);

        var result = new List<TargetStanding>(entities.Count);
        foreach (var e in entities)
        {
            var target = e.ToTarget();
            var regionName = names.GetValueOrDefault(e.RegionCode) ?? e.RegionCode.ToString();
            if (e.SubjectKind == "indicator")
            {
                var code = IndicatorCode.TryParse(e.Subject);
                var ind = code.Success ? byCode.GetValueOrDefault(code.Value) : null;
                var (zh, en, unit) = ind is null ? (e.Subject, e.Subject, e.Unit) : (ind.NameZh, ind.NameEn, target.Form switch
                {
                    TargetForm.Multiple => ind.Unit,
                    TargetForm.Growth => Unit.Percent,
                    _ => e.Unit,
                });
                var mine = code.Success ? figures[(e.RegionCode, code.Value)].ToList() : [];
                var standing = Indicator(e, target, regionName, zh, en, unit, mine);
                result.Add(standing with { Forecast = Forecast(standing, mine, today) });
                continue;
            }

            var measure = TargetSubjects.Find(e.Subject);
            var (mzh, men) = measure is null ? (e.Subject, e.Subject) : (measure.NameZh, measure.NameEn);
            result.Add(Measure(e, target, regionName, mzh, men, deals, today));
        }

        return result;
    }

    private static TargetStanding Indicator(TargetEntity e, Target target, string regionName, string zh, string en, Unit unit, List<Figure> figures)
    {
        switch (target.Form)
        {
            case TargetForm.Growth:
                return Growth(e, target, regionName, zh, en, unit, figures);
            case TargetForm.Increase:
                return Increase(e, target, regionName, zh, en, unit, figures);
        }

        var deadline = target.Deadline;
        decimal? baseValue = null;
        Figure? current;
        if (target.IsMultipleOfBase)
        {
            var bp = target.BasePeriod!.Value;
            baseValue = figures.FirstOrDefault(f => f.Period == bp) is { } b ? In(b, unit) : null;
            current = figures
                .Where(f => f.FirstMonth == deadline.FirstMonth && f.LastMonth == deadline.LastMonth && f.Year >= bp.Year && f.Year <= deadline.Year)
                .Where(f => In(f, unit) is not null)
                .MaxBy(f => f.Year);
            if (baseValue is not > 0)
            {
                return new(e, target, regionName, zh, en, unit, null, null, baseValue,
                    new Bilingual($"缺少基期{TargetStore.PeriodZh(bp)}的数值", $"no figure for the base period {bp}"));
            }
        }
        else
        {
            current = figures
                .Where(f => f.Year == deadline.Year && f.FirstMonth == deadline.FirstMonth && f.LastMonth <= deadline.LastMonth)
                .Where(f => In(f, unit) is not null)
                .MaxBy(f => f.LastMonth);
        }

        if (current is null)
        {
            return new(e, target, regionName, zh, en, unit, null, null, baseValue,
                new Bilingual($"暂无{TargetStore.PeriodZh(deadline)}口径的数据", $"no figure yet for {deadline}"));
        }

        var status = TargetProgress.Evaluate(target, baseValue, In(current, unit)!.Value, current.Period);
        return new(e, target, regionName, zh, en, unit, status, current.Period, baseValue, null);
    }

    /// <summary>A growth target on the latest figure of the deadline's year (as an absolute target takes it) and its growth.</summary>
    private static TargetStanding Growth(TargetEntity e, Target target, string regionName, string zh, string en, Unit unit, List<Figure> figures)
    {
        var deadline = target.Deadline;
        var candidates = figures
            .Where(f => f.Year == deadline.Year && f.FirstMonth == deadline.FirstMonth && f.LastMonth <= deadline.LastMonth)
            .OrderByDescending(f => f.LastMonth);
        foreach (var f in candidates)
        {
            if (f.Growth is { } published)
            {
                var g = published / 1.000000000000000000000000000000000m;
                var status = TargetProgress.EvaluateGrowth(target, g, f.Period, string.Create(CultureInfo.InvariantCulture, $"{g}%（公布）"));
                return new(e, target, regionName, zh, en, unit, status, f.Period, null, null);
            }

            var prior = figures.FirstOrDefault(p => p.Year == f.Year - 1 && p.FirstMonth == f.FirstMonth && p.LastMonth == f.LastMonth);
            if (prior is not null && prior.Unit.IsCompatibleWith(f.Unit) && In(prior, f.Unit) is > 0 and var pv)
            {
                var status = TargetProgress.Evaluate(target, pv, f.Value, f.Period);
                return new(e, target, regionName, zh, en, unit, status, f.Period, pv, null);
            }
        }

        return new(e, target, regionName, zh, en, unit, null, null, null,
            new Bilingual($"暂无{TargetStore.PeriodZh(deadline)}口径的增速（须有公布的同比增速或上年同期数）", $"no growth yet for {deadline} (needs a published growth or the same period a year earlier)"));
    }

    /// <summary>An increase target: the base figure of <see cref="TargetProgress.IncreaseBase"/> and the latest figure after it up to the deadline.</summary>
    private static TargetStanding Increase(TargetEntity e, Target target, string regionName, string zh, string en, Unit unit, List<Figure> figures)
    {
        var bp = TargetProgress.IncreaseBase(target);
        var basis = figures.Where(f => In(f, unit) is not null).ToList();
        var baseFigure = basis.FirstOrDefault(f => f.Period == bp)
            ?? (target.BasePeriod is null ? basis.Where(f => f.Year == bp.Year && f.LastMonth == 12).MaxBy(f => f.LastMonth - f.FirstMonth) : null);
        if (baseFigure is null)
        {
            return new(e, target, regionName, zh, en, unit, null, null, null,
                new Bilingual($"缺少基期{TargetStore.PeriodZh(bp)}的数值", $"no figure for the base period {bp}"));
        }

        var baseEnd = End(bp);
        var deadlineEnd = End(target.Deadline);
        var current = basis
            .Where(f => End(f.Period) > baseEnd && End(f.Period) <= deadlineEnd)
            .OrderByDescending(f => End(f.Period)).ThenByDescending(f => f.LastMonth - f.FirstMonth)
            .FirstOrDefault();
        var baseValue = In(baseFigure, unit)!.Value;
        if (current is null)
        {
            return new(e, target, regionName, zh, en, unit, null, null, baseValue,
                new Bilingual($"暂无{TargetStore.PeriodZh(bp)}以后的数据", $"no figure yet after {bp}"));
        }

        var status = TargetProgress.EvaluateIncrease(target, baseValue, In(current, unit)!.Value, current.Period);
        return new(e, target, regionName, zh, en, unit, status, current.Period, baseValue, null);
    }

    /// <summary>Months since year 0 at a period's end, for ordering figures of different shapes by when they end.</summary>
    private static int End(StatPeriod p) => (p.Year * 12) + p.LastMonth;

    private static TargetStanding Measure(TargetEntity e, Target target, string regionName, string zh, string en, List<Deal> deals, DateOnly today)
    {
        var unit = e.Unit;
        if (PipelineMeasures.Describe(e.Subject) is null)
        {
            return new(e, target, regionName, zh, en, unit, null, null, null,
                new Bilingual("竣工等项目计数请在重点项目台账查看", "see the key-project ledger for this count"));
        }

        var year = target.Deadline.Year;
        if (target.Deadline.Kind != PeriodKind.Year)
        {
            return new(e, target, regionName, zh, en, unit, null, null, null,
                new Bilingual("招商目标按全年计算，期限须为年份", "pipeline targets are counted over a whole year"));
        }

        if (year > today.Year)
        {
            return new(e, target, regionName, zh, en, unit, null, null, null,
                new Bilingual($"{year}年尚未开始", $"{year} has not begun"));
        }

        var asOf = StatPeriod.CumulativeTo(year, year == today.Year ? today.Month : 12);
        var progress = PipelineTargets.Evaluate([target], deals, asOf);
        return progress.Count == 0
            ? new(e, target, regionName, zh, en, unit, null, null, null, new Bilingual("无法计算进度", "progress cannot be computed"))
            : new(e, target, regionName, zh, en, unit, progress[0].Status, asOf, null, null);
    }

    /// <summary>The trend forecast of an indicator target from its full-year figures up to <paramref name="today"/>'s year; null
    /// when the target value is not known (a multiple without its base) or the series gives no trend.</summary>
    private static TargetForecast? Forecast(TargetStanding standing, List<Figure> figures, DateOnly today)
    {
        var target = standing.Target;
        if (target.Form == TargetForm.Growth)
        {
            // A growth target's figures are percents: there is no level to carry forward (see TargetForecaster).
            return null;
        }

        decimal? targetValue = target.Form == TargetForm.Increase
            ? standing.BaseValue + target.Increase!.Value.Value
            : standing.Status?.TargetValue ?? (target.IsMultipleOfBase ? standing.BaseValue * target.MultipleOfBase : target.Value?.Value);
        if (targetValue is not { } tv)
        {
            return null;
        }

        var yearly = figures
            .Where(f => f.FirstMonth == 1 && f.LastMonth == 12 && f.Year <= today.Year)
            .Select(f => (f.Year, Value: In(f, standing.Unit), f.Growth))
            .Where(f => f.Value is not null)
            .ToList();
        if (yearly.Count == 0)
        {
            return null;
        }

        var latestGrowth = yearly.MaxBy(f => f.Year).Growth;
        return TargetForecaster.Forecast(tv, target.Comparator, target.Deadline.Year, [.. yearly.Select(f => (f.Year, f.Value!.Value))], latestGrowth);
    }

    /// <summary>The figure in <paramref name="unit"/>, or null when its unit does not convert.</summary>
    private static decimal? In(Figure f, Unit unit)
    {
        if (f.Unit.Equals(unit) || f.Unit.Factor == unit.Factor && f.Unit.IsCompatibleWith(unit))
        {
            return f.Value;
        }

        return f.Unit.IsCompatibleWith(unit) ? new Amount(f.Value, f.Unit).ConvertTo(unit).Value : null;
    }

    private sealed record Figure(RegionCode Region, IndicatorCode Indicator, int Year, int FirstMonth, int LastMonth, decimal Stored, Unit Unit, decimal? Growth)
    {
        /// <summary>The stored value without the trailing zeros of its column's scale, so formulas read as published.</summary>
        public decimal Value { get; } = Stored / 1.000000000000000000000000000000000m;

        public StatPeriod Period { get; } = StatPeriod.Create(Year, FirstMonth, LastMonth);
    }
}
