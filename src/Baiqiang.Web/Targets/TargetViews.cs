using Baiqiang.Core.Access;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Targets;

namespace Baiqiang.Web.Targets;

/// <summary>Where a target stands: Core's <c>TargetProgress</c> against the latest stored figure. Percentages unrounded.</summary>
/// <param name="TargetValue">The value to reach (base × multiple for a multiple-of-base target), in <c>Unit</c> of the target.</param>
/// <param name="Current">The latest figure, in the same unit.</param>
/// <param name="CurrentPeriod">The period of that figure (canonical).</param>
/// <param name="BaseValue">The base period's value of a multiple-of-base target.</param>
/// <param name="ProgressPercent">Current ÷ target × 100.</param>
/// <param name="TimeElapsedPercent">How much of the target's span has passed at the end of the current period.</param>
/// <param name="Met">The comparator holds.</param>
/// <param name="OnTrack">Met, or on the way: for a multiple-of-base target the growth achieved since the base year reaches the
/// rate still needed; otherwise progress ≥ time elapsed (时间过半、任务过半). See Core's <c>TargetProgress</c>.</param>
/// <param name="RequiredAnnualGrowthPercent">For a multiple-of-base target measured on a full year: the compound annual growth still needed.</param>
/// <param name="Formula">How each figure was computed, with the judgement.</param>
/// <param name="AchievedAnnualGrowthPercent">Multiple-of-base: compound annual growth achieved since the base year.</param>
/// <param name="PlanAnnualGrowthPercent">Multiple-of-base: compound annual growth the whole span needs.</param>
/// <param name="StillNeededAnnualGrowthPercent">Multiple-of-base: compound annual growth still needed from the current figure.</param>
public sealed record TargetProgressItem(
    decimal TargetValue, decimal Current, string CurrentPeriod, decimal? BaseValue, decimal ProgressPercent, decimal TimeElapsedPercent,
    bool Met, bool OnTrack, decimal? RequiredAnnualGrowthPercent, string Formula,
    decimal? AchievedAnnualGrowthPercent = null, decimal? PlanAnnualGrowthPercent = null, decimal? StillNeededAnnualGrowthPercent = null);

/// <summary>A region's target (目标) with its progress, or why there is none yet (<c>MissingZh</c>/<c>MissingEn</c>).</summary>
/// <param name="Key">The target's key.</param>
/// <param name="Region">Region code.</param>
/// <param name="RegionName">Region name.</param>
/// <param name="SubjectKind"><c>indicator</c>, <c>count</c> or <c>amount</c>.</param>
/// <param name="Subject">The indicator code or measure name.</param>
/// <param name="SubjectNameZh">Its Chinese name.</param>
/// <param name="SubjectNameEn">Its English name.</param>
/// <param name="Deadline">The period the target is measured over (canonical: 2025, 2023-01..06).</param>
/// <param name="Comparator">≥, ≤ or =.</param>
/// <param name="Value">The absolute target value (null for a multiple-of-base target).</param>
/// <param name="Unit">The unit of <c>Value</c>, of the figures and of the progress.</param>
/// <param name="MultipleOfBase">N × the base period's value (2 = 翻一番).</param>
/// <param name="BasePeriod">The base period of the multiple.</param>
/// <param name="DescriptionZh">The target as the plan words it.</param>
/// <param name="Progress">Where it stands, when a figure is stored.</param>
/// <param name="MissingZh">Why there is no progress yet.</param>
/// <param name="MissingEn">The same in English.</param>
/// <param name="MayEdit">The caller may change or delete it (admin, or editor of its region).</param>
/// <param name="Forecast">Where the trend of the stored full-year figures takes it (method, projected value at the deadline, year
/// met); null when there is no trend.</param>
/// <param name="GrowthPercent">A growth target's rate in percent (增长16% → 16); its progress figures are then percents.</param>
/// <param name="Increase">An increase target's amount in <c>Unit</c> (新增20家 → 20), counted from <c>BasePeriod</c> or the previous
/// year-end; its progress <c>Current</c> is the increase so far.</param>
public sealed record TargetResponse(
    string Key, string Region, string RegionName, string SubjectKind, string Subject, string SubjectNameZh, string SubjectNameEn,
    string Deadline, string Comparator, decimal? Value, string Unit, decimal? MultipleOfBase, string? BasePeriod, string DescriptionZh,
    TargetProgressItem? Progress, string? MissingZh, string? MissingEn, bool MayEdit, Core.Targets.TargetForecast? Forecast = null,
    decimal? GrowthPercent = null, decimal? Increase = null);

/// <summary>
/// Creates (POST) or replaces (PUT) a target. Give <c>Value</c> (in <c>Unit</c>; blank unit = the indicator's) or
/// <c>Multiple</c> with <c>BasePeriod</c>, not both.
/// </summary>
/// <param name="Region">Region code (or a unique name).</param>
/// <param name="Subject">Indicator code or name from the catalogue (<c>industrial_output_total</c>, <c>工业总产值</c>), or a count/amount measure (<c>new_signed_projects</c>).</param>
/// <param name="Deadline">2025, 2025年, 2023年上半年 …</param>
/// <param name="Comparator">≥ / &gt;= (default), ≤ / &lt;=, =.</param>
/// <param name="Value">Absolute target value.</param>
/// <param name="Unit">Unit of <c>Value</c> (亿元, 万元, 个 …); converted into the indicator's unit.</param>
/// <param name="Multiple">N × the base period's value.</param>
/// <param name="BasePeriod">The base period, before the deadline's year.</param>
/// <param name="Description">The target as worded; blank → generated.</param>
/// <param name="Key">On create: the key (default region-subject-deadline); on update: blank or the same key.</param>
/// <param name="Growth">A growth target in percent over the same period a year earlier (16 = 增长16%).</param>
/// <param name="Increase">An increase target in <c>Unit</c> (新增20家 → 20), from <c>BasePeriod</c> or the previous year-end.</param>
public sealed record TargetRequest(
    string? Region, string? Subject, string? Deadline, string? Comparator = null, decimal? Value = null, string? Unit = null,
    decimal? Multiple = null, string? BasePeriod = null, string? Description = null, string? Key = null, decimal? Growth = null, decimal? Increase = null)
{
    public TargetInput ToInput() => new(Region, Subject, Deadline, Comparator, Value, Unit, Qualifier.Exact, Multiple, BasePeriod, Description, Key, Growth, Increase);
}

/// <summary>The reads and writes the 目标管理 page and <c>/api/targets</c> share.</summary>
public static class TargetViews
{
    /// <summary>Validation errors as a ValidationProblem's dictionary: field → "中文 / English" messages.</summary>
    public static Dictionary<string, string[]> ToProblem(IEnumerable<TargetFieldError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message.ToString()).ToArray(), StringComparer.Ordinal);

    /// <summary>The actor may write targets at all (administrators and editors); reviewers and analysts read only.</summary>
    public static bool MayWrite(Actor actor) => actor.IsAdmin || actor.Roles.HasFlag(Role.Editor);

    public static async Task<IReadOnlyList<TargetResponse>> ListAsync(BaiqiangDbContext db, Actor actor, RegionCode? region, DateOnly today, CancellationToken ct) =>
        [.. (await TargetQueries.StandingsAsync(db, region, today, ct)).Select(s => ToResponse(s, actor))];

    public static async Task<TargetResponse?> GetAsync(BaiqiangDbContext db, Actor actor, string key, DateOnly today, CancellationToken ct) =>
        await TargetQueries.FindAsync(db, key, today, ct) is { } s ? ToResponse(s, actor) : null;

    public static TargetResponse ToResponse(TargetStanding s, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(actor);
        var e = s.Entity;
        var st = s.Status;
        var progress = st is null ? null : new TargetProgressItem(
            st.TargetValue, st.Current, s.CurrentPeriod?.ToString() ?? string.Empty, s.BaseValue, st.ProgressPercent, st.TimeElapsedPercent,
            st.Met, st.OnTrack, st.RequiredAnnualGrowthPercent, st.Formula,
            st.AchievedAnnualGrowthPercent, st.PlanAnnualGrowthPercent, st.StillNeededAnnualGrowthPercent);
        return new TargetResponse(
            e.Key, e.RegionCode.ToString(), s.RegionName, e.SubjectKind, e.Subject, s.SubjectZh, s.SubjectEn, e.Deadline.ToString(),
            TargetStore.ComparatorSymbol(e.Comparator), s.Target.Value?.Value, s.Unit.Symbol, s.Target.MultipleOfBase, e.BasePeriod?.ToString(), e.DescriptionZh,
            progress, s.Missing?.Zh, s.Missing?.En, actor.CanEdit(e.RegionCode), s.Forecast, s.Target.GrowthPercent, s.Target.Increase?.Value);
    }

    /// <summary>"≥ 450亿元" or "≥ 2 × 2020年" (Chinese) / "≥ 2 × 2020" (English).</summary>
    public static string Condition(TargetResponse t, bool en)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.GrowthPercent is { } g)
        {
            return $"{(en ? "growth" : "增长")} {t.Comparator} {Shared.Fmt.Number(g)}%";
        }

        if (t.Increase is { } inc)
        {
            var unit = Unit.TryFind(t.Unit, out var iu) ? iu : Unit.None;
            var from = t.BasePeriod is { } ibp && Core.Periods.StatPeriod.TryParseCanonical(ibp) is { Success: true } ip ? Shared.Fmt.Period(ip.Value, en) : null;
            return en
                ? $"increase {t.Comparator} {Shared.Fmt.Amount(inc, unit, en)}{(from is null ? "" : $" over {from}")}"
                : $"{(from is null ? "" : $"比{from}")}新增 {t.Comparator} {Shared.Fmt.Amount(inc, unit, en)}";
        }

        if (t.Value is { } v)
        {
            var unit = Unit.TryFind(t.Unit, out var u) ? u : Unit.None;
            return $"{t.Comparator} {Shared.Fmt.Amount(v, unit, en)}";
        }

        var basePeriod = t.BasePeriod is { } bp && Core.Periods.StatPeriod.TryParseCanonical(bp) is { Success: true } p ? Shared.Fmt.Period(p.Value, en) : t.BasePeriod;
        return $"{t.Comparator} {Shared.Fmt.Number(t.MultipleOfBase)} × {basePeriod}";
    }
}
