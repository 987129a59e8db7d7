using System.Globalization;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Baiqiang.Web.Projects;

/// <summary>One place on a 红黑榜. Money in 万元; <c>Light</c>/<c>LightZh</c> with the reason in both languages.</summary>
public sealed record HonorEntryItem(
    string List, string ListZh, int Rank, string Key, string Label, int Projects, decimal AnnualPlan, decimal CompletedYearToDate,
    decimal? CompletionPercent, decimal TimeElapsedPercent, decimal? GapPoints, int NewStarts, string Light, string LightZh, string LightReasonZh, string LightReasonEn);

/// <summary>A 红黑榜: period, who is ranked (unit|leader|group|region), top N and the as-of day 亮灯 was judged on.</summary>
public sealed record HonorRollResponse(string Period, string By, int Top, DateOnly Today, IReadOnlyList<HonorEntryItem> Entries);

/// <summary>红黑榜 for the page, <c>/api/projects/honor-roll</c> (JSON, <c>format=csv|xlsx</c>) and their shared parsing.</summary>
public static class HonorRollViews
{
    /// <summary>The parsed query, or errors by field.</summary>
    public static async Task<(HonorRollResponse? Roll, HonorRoll? Core, Func<LedgerRow, string>? Labels, Dictionary<string, string[]> Errors)> LoadAsync(
        BaiqiangDbContext db, string? period, string? by, int? top, string? region, string? today, DateOnly defaultDay, CancellationToken ct)
    {
        var (args, errors) = await ProjectViews.ParseLedgerAsync(db, new LedgerQuery(period, null, region, null, null, null, today), defaultDay, ct);
        var who = HonorRollQuery.ParseBy(string.IsNullOrWhiteSpace(by) ? "unit" : by);
        if (who is null)
        {
            errors["by"] = [$"排名对象“{by}”应为 unit、leader、group 或 region / 'by' must be unit, leader, group or region"];
        }

        var n = top ?? 5;
        if (n is < 1 or > 100)
        {
            errors["top"] = [string.Create(CultureInfo.InvariantCulture, $"名次数{n}应在1至100之间 / top {n} must be between 1 and 100")];
        }

        if (args is null || errors.Count > 0)
        {
            return (null, null, null, errors);
        }

        var roll = await HonorRollQuery.RankAsync(db, args.Period, who!.Value, n, args.Region, args.Today, ct);
        var names = roll.By == HonorRollBy.Region
            ? await Pipeline.PipelineViews.RegionNamesAsync(db, roll.Entries.Select(e => RegionCode.TryParse(e.Row.GroupKey, out var c) ? c : (RegionCode?)null).OfType<RegionCode>(), ct)
            : [];
        string Label(LedgerRow r) => RegionCode.TryParse(r.GroupKey, out var c) && names.TryGetValue(c, out var nm) ? nm : r.GroupLabel;
        var entries = roll.Entries.Select(e => new HonorEntryItem(
            e.List.ToString(), HonorRoll.Zh(e.List), e.Rank, e.Row.GroupKey, Label(e.Row), e.Row.ProjectCount, e.Row.AnnualPlan, e.Row.CompletedYearToDate,
            e.Row.CompletionPercent, e.Row.TimeElapsedPercent, e.Row.GapPoints, e.Row.NewStarts,
            e.Row.Light is { } l ? ProjectLights.En(l.Color) : "none", e.Row.Light?.ColorZh ?? "无", e.Row.Light?.Reason.Zh ?? string.Empty, e.Row.Light?.Reason.En ?? string.Empty)).ToList();
        return (new HonorRollResponse(args.Period.ToString(), roll.By.ToString().ToLowerInvariant(), n, args.Today, entries), roll, Label, errors);
    }

    /// <summary><c>GET /api/projects/honor-roll?period=2023-01..06&amp;by=unit&amp;top=5&amp;today=2023-07-10</c>; <c>format=csv|xlsx</c> downloads it.</summary>
    internal static async Task<Results<Ok<HonorRollResponse>, FileContentHttpResult, ValidationProblem>> GetAsync(
        string? period, string? by, int? top, string? region, string? today, string? format, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (roll, core, labels, errors) = await LoadAsync(db, period, by, top, region, today, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        if (roll is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var kind = format?.Trim().ToUpperInvariant();
        if (kind is not ("CSV" or "XLSX"))
        {
            return TypedResults.Ok(roll);
        }

        var cells = HonorRollQuery.Cells(core!, labels!);
        await using var buffer = new MemoryStream();
        var name = string.Create(CultureInfo.InvariantCulture, $"honor-roll-{roll.Period}-{roll.By}");
        if (kind == "XLSX")
        {
            await HonorRollQuery.WriteXlsxAsync(buffer, cells, ct);
            return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        await HonorRollQuery.WriteCsvAsync(buffer, cells, ct);
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv");
    }
}
