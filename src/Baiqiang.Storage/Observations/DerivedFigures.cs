using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Metrics;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Observations;

/// <summary>A stored (or growth-derived) figure a derived one was computed from: <c>Role</c> part | whole | part_previous |
/// whole_previous | prefecture; the region, indicator and period it belongs to; its value in <c>Unit</c> (the parent's unit);
/// <c>Basis</c> stored (the store's current figure) | from_growth (previous = value ÷ (1 + growth ÷ 100)).</summary>
public sealed record DerivedInput(string Role, string Region, string Indicator, string Period, decimal Value, string Unit, string Basis);

/// <summary>
/// One computed figure: <c>Kind</c> share (占比, %), contribution (贡献率, %), pull (拉动, percentage points) or primacy (首位度, %),
/// with the formula on its inputs, so anyone can recompute it.
/// </summary>
public sealed record DerivedFigure(string Kind, string NameZh, string NameEn, decimal Value, string Unit, string Formula, string Explanation, IReadOnlyList<DerivedInput> Inputs);

/// <summary>The derived figures of one region, indicator and period, and why any could not be computed ("中文 / English").</summary>
public sealed record DerivedFigureSet(string Region, string Indicator, string? Parent, string? Period, IReadOnlyList<DerivedFigure> Figures, IReadOnlyList<string> NotComputed);

/// <summary>
/// 占比, 贡献率, 拉动 and 首位度 computed from stored figures and the catalogue's parent relation (第二产业增加值 ⊂ 地区生产总值), with
/// <see cref="Metric"/>'s arithmetic and formulas. Nothing is stored: a published 贡献率 stays as published.
/// </summary>
/// <remarks>
/// <para>For a child indicator C of parent P, region R and period T (default: the latest period with a value of C):
/// share = C ÷ P × 100; contribution = (C − C′) ÷ (P − P′) × 100; pull = (C − C′) ÷ P′ × 100 percentage points, which equals
/// P's growth × contribution ÷ 100 — where ′ is the same period a year earlier. A previous figure that is not stored is derived
/// from the stored growth, X′ = X ÷ (1 + g ÷ 100) rounded to four decimals, and the input says so. Figures are converted to the parent's unit.</para>
/// <para>Increments are taken from the values as stored (current prices); where growth is published at comparable prices
/// (<see cref="Indicator.ComparableGrowth"/>) the published 贡献率 may differ, and the explanation says so.</para>
/// <para>Primacy (any indicator) = R's figure ÷ its prefecture's (R's parent region) figure × 100, as <see cref="Metric.UrbanPrimacy"/>.</para>
/// </remarks>
public static class DerivedFigures
{
    public static async Task<DerivedFigureSet> ComputeAsync(BaiqiangDbContext db, RegionCode region, Indicator indicator, StatPeriod? period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
        var parent = indicator.Parent is { } pc ? catalogue.Get(pc) : null;
        var missing = new List<string>();
        var at = period ?? await LatestPeriodAsync(db, region, indicator.Code, ct);
        if (at is not { } t)
        {
            missing.Add(new Bilingual($"{indicator.NameZh}暂无数据", $"no figures of {indicator.NameEn} yet").ToString());
            return new DerivedFigureSet(region.ToString(), indicator.Code.Value, parent?.Code.Value, null, [], missing);
        }

        var figures = new List<DerivedFigure>();
        var unit = parent?.Unit ?? indicator.Unit;
        var part = await ReadAsync(db, region, indicator, t, unit, "part", ct);
        if (part is null)
        {
            missing.Add(new Bilingual($"{Fmt(t)}{indicator.NameZh}无数据", $"no {indicator.NameEn} for {t}").ToString());
        }

        if (parent is null)
        {
            missing.Add(new Bilingual($"{indicator.NameZh}在指标目录中没有上级指标，不计算占比、贡献率和拉动", $"{indicator.NameEn} has no parent in the catalogue: no share, contribution or pull").ToString());
        }
        else if (part is { } p)
        {
            var whole = await ReadAsync(db, region, parent, t, unit, "whole", ct);
            if (whole is not { } w)
            {
                missing.Add(new Bilingual($"{Fmt(t)}{parent.NameZh}无数据", $"no {parent.NameEn} for {t}").ToString());
            }
            else
            {
                figures.AddRange(Structure(indicator, parent, p, w, await PreviousAsync(db, region, indicator, p, unit, "part_previous", ct),
                    await PreviousAsync(db, region, parent, w, unit, "whole_previous", ct), missing));
            }
        }

        if (part is { } own)
        {
            var prefecture = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.ParentCode).FirstOrDefaultAsync(ct);
            var whole = prefecture is { } pr ? await ReadAsync(db, pr, indicator, t, unit, "prefecture", ct) : null;
            if (whole is { } pf && pf.Input.Value > 0)
            {
                var m = Metric.Primacy(own.Input.Value, pf.Input.Value);
                figures.Add(new DerivedFigure("primacy", "首位度", "primacy", m.Value, "%", m.Formula, m.Explanation, [own.Input, pf.Input]));
            }
            else
            {
                missing.Add(new Bilingual($"所属市{Fmt(t)}{indicator.NameZh}无数据，不计算首位度", $"no prefecture figure of {indicator.NameEn} for {t}: no primacy").ToString());
            }
        }

        return new DerivedFigureSet(region.ToString(), indicator.Code.Value, parent?.Code.Value, t.ToString(), figures, missing);
    }

    private static List<DerivedFigure> Structure(Indicator child, Indicator parent, Figure part, Figure whole, Figure? partPrev, Figure? wholePrev, List<string> missing)
    {
        var list = new List<DerivedFigure>();
        if (whole.Input.Value != 0)
        {
            var share = Metric.Share(part.Input.Value, whole.Input.Value);
            list.Add(new DerivedFigure("share", "占比", "share", share.Value, "%", share.Formula, share.Explanation, [part.Input, whole.Input]));
        }

        if (partPrev is not { } cp || wholePrev is not { } wp)
        {
            missing.Add(new Bilingual("缺少上年同期数据（也无增速可推算），不计算贡献率和拉动", "no figure or growth for the same period a year earlier: no contribution or pull").ToString());
            return list;
        }

        var note = child.ComparableGrowth || parent.ComparableGrowth
            ? new Bilingual("（按现价增量计算；公布的贡献率按可比价计算，可能不同）", " (from current-price increments; a published contribution at comparable prices may differ)")
            : new Bilingual(string.Empty, string.Empty);
        if (whole.Input.Value != wp.Input.Value)
        {
            var c = Metric.Contribution(part.Input.Value, cp.Input.Value, whole.Input.Value, wp.Input.Value);
            list.Add(new DerivedFigure("contribution", "贡献率", "contribution", c.Value, "%", c.Formula, Note(c.Explanation, note),
                [part.Input, cp.Input, whole.Input, wp.Input]));
        }
        else
        {
            missing.Add(new Bilingual($"{parent.NameZh}与上年同期持平，贡献率无意义", $"{parent.NameEn} did not change: no contribution").ToString());
        }

        if (wp.Input.Value > 0)
        {
            var pull = Metric.PullPoints(part.Input.Value, cp.Input.Value, wp.Input.Value);
            var growth = ((whole.Input.Value / wp.Input.Value) - 1m) * 100m;
            var formula = whole.Input.Value != wp.Input.Value
                ? pull.Formula + string.Create(CultureInfo.InvariantCulture,
                    $"（= {parent.NameZh}增速 {P(growth)}% × 贡献率 {P(Metric.Contribution(part.Input.Value, cp.Input.Value, whole.Input.Value, wp.Input.Value).Value)}% ÷ 100）")
                : pull.Formula;
            list.Add(new DerivedFigure("pull", "拉动", "pull", pull.Value, "个百分点", formula, Note(pull.Explanation, note), [part.Input, cp.Input, wp.Input]));
        }

        return list;
    }

    private static string Note(string explanation, Bilingual note) =>
        note.Zh.Length == 0 ? explanation : explanation.Split(" / ", 2) is [var zh, var en] ? $"{zh}{note.Zh} / {en}{note.En}" : explanation + note.Zh;

    /// <summary>A figure in the parent's unit, with its growth for deriving the previous one.</summary>
    private sealed record Figure(DerivedInput Input, decimal? Growth, StatPeriod Period, RegionCode Region);

    private static async Task<Figure?> ReadAsync(BaiqiangDbContext db, RegionCode region, Indicator indicator, StatPeriod period, Unit unit, string role, CancellationToken ct)
    {
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.RegionCode == region && o.IndicatorCode == indicator.Code && o.IsCurrent
                && o.PeriodYear == period.Year && o.PeriodFirstMonth == period.FirstMonth && o.PeriodLastMonth == period.LastMonth)
            .ToListAsync(ct);
        if (rows.FirstOrDefault(o => o.Value is not null) is not { } row || !row.Unit.IsCompatibleWith(unit))
        {
            return null;
        }

        var value = Trim(new Amount(row.Value!.Value, row.Unit).ConvertTo(unit).Value);
        return new Figure(new DerivedInput(role, region.ToString(), indicator.Code.Value, period.ToString(), value, unit.Symbol, "stored"), row.GrowthPercent, period, region);
    }

    /// <summary>The same period a year earlier: stored, else derived from <paramref name="current"/>'s growth.</summary>
    private static async Task<Figure?> PreviousAsync(BaiqiangDbContext db, RegionCode region, Indicator indicator, Figure current, Unit unit, string role, CancellationToken ct)
    {
        var before = current.Period.SamePeriodLastYear();
        if (await ReadAsync(db, region, indicator, before, unit, role, ct) is { } stored)
        {
            return stored;
        }

        if (current.Growth is not { } g || g <= -100m)
        {
            return null;
        }

        var value = Trim(Math.Round(current.Input.Value / (1m + (g / 100m)), 4, MidpointRounding.AwayFromZero));
        return new Figure(new DerivedInput(role, region.ToString(), indicator.Code.Value, before.ToString(), value, unit.Symbol, "from_growth"), null, before, region);
    }

    private static async Task<StatPeriod?> LatestPeriodAsync(BaiqiangDbContext db, RegionCode region, IndicatorCode indicator, CancellationToken ct)
    {
        var series = await ObservationQueries.SeriesAsync(db, region, indicator, ct);
        return series.LastOrDefault(o => o.Value is not null)?.Period;
    }

    private static string Fmt(StatPeriod p) => p.ToString();

    /// <summary>Drops trailing zeros (a numeric column's 500.00000000 → 500), so formulas read as the figures were published.</summary>
    private static decimal Trim(decimal v) => v / 1.000000000000000000000000000000000m;

    private static string P(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
