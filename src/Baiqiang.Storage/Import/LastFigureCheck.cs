using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Import;

/// <summary>One figure refused because it strays too far from its region's last comparable stored figure.</summary>
/// <param name="Record">The figure as it would be stored.</param>
/// <param name="LastPeriod">The period of the stored figure it was compared with.</param>
/// <param name="LastValue">That figure, in the indicator's unit.</param>
/// <param name="Multiple">The multiple it was judged by.</param>
public sealed record ImplausibleFigure(ObservationRecord Record, StatPeriod LastPeriod, decimal LastValue, decimal Multiple)
{
    /// <summary>“210000亿元是上一可比数据(2022: 41亿元)的5121.95倍…” in both languages, stating both figures and the multiple.</summary>
    public Bilingual Reason
    {
        get
        {
            var value = Record.Value!.Value;
            var unit = Record.Unit.Symbol;
            var ratio = Math.Abs(value) / Math.Abs(LastValue);
            var times = ratio >= 1 ? ImportText.Show(decimal.Round(ratio, 2)) : "1/" + ImportText.Show(decimal.Round(1 / ratio, 2));
            var limit = ImportText.Show(Multiple);
            var last = $"{LastPeriod}: {ImportText.Show(LastValue)}{unit}";
            var now = $"{ImportText.Show(value)}{unit}";
            return ratio > 1
                ? new Bilingual(
                    $"数值{now}是本地区上一可比数据({last})的{times}倍,超过允许的{limit}倍;如确属实,请用 --force --reason 说明原因后导入",
                    $"value {now} is {times}× the region's last comparable figure ({last}), beyond the allowed multiple of {limit}; if it is right, import with --force --reason")
                : new Bilingual(
                    $"数值{now}仅为本地区上一可比数据({last})的{times},低于允许的1/{limit};如确属实,请用 --force --reason 说明原因后导入",
                    $"value {now} is only {times} of the region's last comparable figure ({last}), below the allowed 1/{limit}; if it is right, import with --force --reason");
        }
    }

    /// <summary>The refusal as an import error at the figure's row and column.</summary>
    public ImportError ToError(string file) => new(file, Record.Source.Row, Record.Source.Column, Reason, ImportErrorKind.Implausible);
}

/// <summary>Thrown inside a write when figures are implausible and no override was given; the write is rolled back.</summary>
public sealed class ImplausibleFiguresException(IReadOnlyList<ImplausibleFigure> figures)
    : Exception("implausible figures / 数据明显异常")
{
    public IReadOnlyList<ImplausibleFigure> Figures { get; } = figures;
}

/// <summary>
/// Plausibility against the region's last figure: a level (an amount, a count, an area … — not a percentage, a
/// percentage-point difference or a multiple) more than <c>multiple</c> times the same region and indicator's
/// nearest stored figure of a comparable period, or less than 1/<c>multiple</c> of it, is refused.
/// </summary>
/// <remarks>
/// <para>Comparable: the same kind of period of the same length (a month with a month, 1–6月 with 1–6月, a quarter with
/// a quarter, a year with a year). The figure compared with is the latest comparable stored period at or before the
/// new one (a revision of the same period compares with the value it replaces), else the earliest one after it.
/// Zero on either side is not judged (a ratio to zero says nothing about a unit mistake); nor is a growth-only row.</para>
/// <para>The multiple is the store setting <c>plausible-multiple</c> (default 10). An override
/// (<see cref="ImportOptions.ForceReason"/>, <c>import --force --reason</c>) stores the figures anyway and writes one
/// audit row per figure: field <c>plausibility_override</c>, the last figure as old value, the new figure and the
/// reason as new value, by the importing user.</para>
/// </remarks>
public static class LastFigureCheck
{
    /// <summary>Every figure of <paramref name="records"/> that strays too far, in row order.</summary>
    public static async Task<IReadOnlyList<ImplausibleFigure>> FindAsync(
        BaiqiangDbContext db, IReadOnlyList<ObservationRecord> records, decimal multiple, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(multiple, 1m);
        var judged = records.Where(r => r.Value is { } v && v != 0 && IsLevel(r.Unit)).ToList();
        if (judged.Count == 0)
        {
            return [];
        }

        var codes = judged.Select(r => r.Indicator).Distinct().ToList();
        var stored = await db.Observations.AsNoTracking()
            .Where(o => o.IsCurrent && codes.Contains(o.IndicatorCode))
            .Select(o => o.IndicatorCode).Distinct().ToListAsync(ct);
        if (stored.Count == 0)
        {
            return [];
        }

        var found = new List<ImplausibleFigure>();
        foreach (var byIndicator in judged.Where(r => stored.Contains(r.Indicator)).GroupBy(r => r.Indicator))
        {
            var indicator = byIndicator.Key;
            foreach (var regions in byIndicator.Select(r => r.Region).Distinct().Chunk(500))
            {
                List<RegionCode> regionList = [.. regions];
                var regionSet = regionList.ToHashSet();
                var rows = await db.Observations.AsNoTracking()
                    .Where(o => o.IsCurrent && o.IndicatorCode == indicator && regionList.Contains(o.RegionCode) && o.Value != null)
                    .Select(o => new { o.RegionCode, o.PeriodYear, o.PeriodFirstMonth, o.PeriodLastMonth, o.Value })
                    .ToListAsync(ct);
                var series = rows
                    .Where(o => o.Value != 0)
                    .GroupBy(o => o.RegionCode)
                    .ToDictionary(g => g.Key, g => g.Select(o => (Period: StatPeriod.Create(o.PeriodYear, o.PeriodFirstMonth, o.PeriodLastMonth), Value: o.Value!.Value)).ToList());
                foreach (var r in byIndicator.Where(r => regionSet.Contains(r.Region)))
                {
                    if (series.TryGetValue(r.Region, out var figures) && Nearest(figures, r.Period) is { } last && Strays(r.Value!.Value, last.Value, multiple))
                    {
                        found.Add(new ImplausibleFigure(r, last.Period, last.Value, multiple));
                    }
                }
            }
        }

        return [.. found.OrderBy(f => f.Record.Source.Row ?? 0)];
    }

    /// <summary>Refuses (throws <see cref="ImplausibleFiguresException"/>) or, with a <paramref name="forceReason"/>,
    /// audits each implausible figure of <paramref name="records"/>; for use inside the write's transaction.</summary>
    internal static async Task EnforceAsync(
        BaiqiangDbContext db, IReadOnlyList<ObservationRecord> records, decimal multiple, string? forceReason, string user, DateTimeOffset now, CancellationToken ct)
    {
        var found = await FindAsync(db, records, multiple, ct);
        if (found.Count == 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(forceReason))
        {
            throw new ImplausibleFiguresException(found);
        }

        foreach (var f in found)
        {
            var r = f.Record;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                User = user,
                Entity = "observation",
                Key = $"{r.Region}|{r.Indicator}|{r.Period}",
                Field = "plausibility_override",
                OldValue = $"{ImportText.Show(f.LastValue)}{r.Unit.Symbol} ({f.LastPeriod})",
                NewValue = Truncate($"{ImportText.Show(r.Value!.Value)}{r.Unit.Symbol}; beyond ×{ImportText.Show(f.Multiple)}; forced, reason: {forceReason.Trim()}"),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>True for units whose size a unit mistake (万元 for 亿元) changes: not percentages, points or multiples.</summary>
    private static bool IsLevel(Unit unit) => unit.Dimension is not (Dimension.Percent or Dimension.PercentagePoint or Dimension.Multiple);

    private static bool Strays(decimal value, decimal last, decimal multiple)
    {
        var v = Math.Abs(value);
        var l = Math.Abs(last);
        return v > l * multiple || v * multiple < l;
    }

    private static (StatPeriod Period, decimal Value)? Nearest(List<(StatPeriod Period, decimal Value)> figures, StatPeriod period)
    {
        (StatPeriod Period, decimal Value)? before = null;
        (StatPeriod Period, decimal Value)? after = null;
        foreach (var f in figures)
        {
            if (f.Period.Kind != period.Kind || f.Period.MonthCount != period.MonthCount)
            {
                continue;
            }

            if (f.Period.CompareTo(period) <= 0)
            {
                if (before is null || f.Period.CompareTo(before.Value.Period) > 0)
                {
                    before = f;
                }
            }
            else if (after is null || f.Period.CompareTo(after.Value.Period) < 0)
            {
                after = f;
            }
        }

        return before ?? after;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
