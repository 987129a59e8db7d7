using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lists;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Pipeline;

/// <summary>The validation report of a list upload: rows read and every bad row by row, column and reason (zh / en).</summary>
public sealed record ListImportReport(string File, int RowsRead, int Valid, IReadOnlyList<ListImportIssue> Errors, bool Committed, int Added, int Updated)
{
    public bool Success => Errors.Count == 0;
}

public sealed record ListImportIssue(int? Row, string? Column, string Zh, string En);

/// <summary>
/// <c>/api/pipeline/…</c>: funnel and rates, deals (list, detail, create, advance, import, export), monthly scoreboard
/// and annual targets. Reads for every role; writes take the caller's <see cref="Actor"/> (an editor changes only deals
/// of regions in scope → 403).
/// </summary>
public static class PipelineApi
{
    public static void MapPipelineApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/Pipeline", "招商引资", "Investment", _ => true));
        var api = app.MapGroup("/api/pipeline").WithTags("pipeline").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/funnel", FunnelAsync).WithName("GetPipelineFunnel");
        api.MapGet("/deals", ListAsync).WithName("ListDeals");
        api.MapGet("/deals/export", ExportAsync).WithName("ExportDeals");
        api.MapGet("/deals/{code}", GetAsync).WithName("GetDeal");
        api.MapPost("/deals", CreateAsync).WithName("CreateDeal");
        api.MapPost("/deals/{code}/advance", AdvanceAsync).WithName("AdvanceDeal");
        api.MapPost("/deals/import", ImportAsync).WithName("ImportDeals").DisableAntiforgery().WithParseBudget();
        api.MapPost("/deals/{code}/contract", SetContractAsync).WithName("SetDealContract");
        api.MapPost("/funds/import", ImportFundsAsync).WithName("ImportDealFunds").DisableAntiforgery().WithParseBudget();
        api.MapPost("/milestones/import", ImportMilestonesAsync).WithName("ImportDealMilestones").DisableAntiforgery().WithParseBudget();
        api.MapGet("/stage-rates", StageRatesAsync).WithName("GetPipelineStageRates");
        api.MapGet("/scoreboard", ScoreboardAsync).WithName("GetPipelineScoreboard");
        api.MapGet("/scoreboard/export", ScoreboardExportAsync).WithName("ExportPipelineScoreboard");
        api.MapGet("/targets", TargetsAsync).WithName("GetPipelineTargets");
    }

    internal static async Task<Results<Ok<FunnelResponse>, ValidationProblem>> FunnelAsync(
        string? period, string? region, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (p, r, errors) = await PeriodAndRegionAsync(db, period, region, clock, ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await PipelineViews.FunnelAsync(db, p, r, await AsOfDays.DefaultDayAsync(db, clock, ct), ct));
    }

    /// <summary>The money and stage-to-stage rates of a period (<c>today</c>: the 履约率 day, default the store's as-of setting, else the clock).</summary>
    internal static async Task<Results<Ok<MoneyRates>, ValidationProblem>> StageRatesAsync(
        string? period, string? region, DateOnly? today, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (p, r, errors) = await PeriodAndRegionAsync(db, period, region, clock, ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await PipelineViews.MoneyRatesAsync(db, p, r, today ?? await AsOfDays.DefaultDayAsync(db, clock, ct), ct));
    }

    internal static async Task<Results<Ok<DealDetail>, NotFound, ValidationProblem, ForbidHttpResult>> SetContractAsync(
        string code, SetContractRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!await db.Set<DealEntity>().AnyAsync(d => d.Code == code.Trim(), ct))
        {
            return TypedResults.NotFound();
        }

        try
        {
            if (await PipelineViews.SetContractAsync(db, actor, code, request, ct) is { } refusal)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["contractInvestment"] = [refusal.ToString()] });
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok((await PipelineViews.DetailAsync(db, actor, code, await AsOfDays.DefaultDayAsync(db, clock, ct), ct))!);
    }

    /// <summary>Upload the monthly 到位资金 form (<c>baiqiang pipeline import-funds</c>): validation report only, or with
    /// <c>commit=true</c> all rows stored or none, checked against the stored months (cumulative rule, over-contract note).</summary>
    internal static Task<Results<Ok<ListImportReport>, UnprocessableEntity<ListImportReport>, ForbidHttpResult>> ImportFundsAsync(
        IFormFile file, bool? commit, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        ImportRowsAsync(file, commit, http, db, FundsFile.Columns, FundsFile.Parse, DealMoneyStore.SaveFundsAsync, ct);

    /// <summary>Upload the 履约 milestone list (<c>baiqiang pipeline import-milestones</c>), as <see cref="ImportFundsAsync"/>.</summary>
    internal static Task<Results<Ok<ListImportReport>, UnprocessableEntity<ListImportReport>, ForbidHttpResult>> ImportMilestonesAsync(
        IFormFile file, bool? commit, HttpContext http, BaiqiangDbContext db, CancellationToken ct) =>
        ImportRowsAsync(file, commit, http, db, MilestoneFile.Columns, MilestoneFile.Parse, DealMoneyStore.SaveMilestonesAsync, ct);

    private static async Task<Results<Ok<ListImportReport>, UnprocessableEntity<ListImportReport>, ForbidHttpResult>> ImportRowsAsync<T>(
        IFormFile file, bool? commit, HttpContext http, BaiqiangDbContext db, IReadOnlyList<ListColumn> columns, Func<ListRow, T?> parse,
        Func<BaiqiangDbContext, Actor, string, IReadOnlyList<T>, CancellationToken, Task<RowsOutcome>> save, CancellationToken ct)
        where T : class
    {
        var actor = http.User.ToActor();
        if (commit == true && !actor.IsAdmin && !actor.Roles.HasFlag(Role.Editor))
        {
            return TypedResults.Forbid();
        }

        var read = await ReadListAsync(file, columns, parse, ct);
        if (!read.Success || commit != true)
        {
            var report = Report(file.FileName, read, false, 0, 0, []);
            return report.Success ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
        }

        try
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            var outcome = await save(db, actor, file.FileName, read.Items, ct);
            var report = outcome.Success
                ? Report(file.FileName, read, true, outcome.Added, outcome.Updated, [])
                : Report(file.FileName, new ListImport<T>([], outcome.Errors, read.RowsRead), false, 0, 0, []);
            return outcome.Success ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<IReadOnlyList<DealItem>>, ValidationProblem>> ListAsync(
        [AsParameters] DealFilter filter, BaiqiangDbContext db, CancellationToken ct)
    {
        var (region, stage, source, errors) = PipelineViews.ParseFilter(filter);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await PipelineViews.ListAsync(db, region, stage, filter.Chain, source, ct));
    }

    /// <summary>A deal with its stage history and money (<c>today</c>: the day 资金到位率 and 履约率 are taken on; default the store's as-of setting, else the clock).</summary>
    internal static async Task<Results<Ok<DealDetail>, NotFound>> GetAsync(string code, DateOnly? today, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await PipelineViews.DetailAsync(db, http.User.ToActor(), code, today ?? await AsOfDays.DefaultDayAsync(db, clock, ct), ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    internal static async Task<Results<Created<DealItem>, ValidationProblem, ForbidHttpResult>> CreateAsync(
        CreateDealRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            var (deal, errors) = await PipelineViews.CreateAsync(db, http.User.ToActor(), request, ct);
            return deal is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/pipeline/deals/{Uri.EscapeDataString(deal.Code)}", deal);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<DealDetail>, NotFound, ValidationProblem, ForbidHttpResult>> AdvanceAsync(
        string code, AdvanceDealRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!await db.Set<DealEntity>().AnyAsync(d => d.Code == code.Trim(), ct))
        {
            return TypedResults.NotFound();
        }

        try
        {
            if (await PipelineViews.AdvanceAsync(db, actor, code, request, ct) is { } refusal)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stage"] = [refusal.ToString()] });
            }
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok((await PipelineViews.DetailAsync(db, actor, code, ct))!);
    }

    /// <summary>
    /// Upload a deal list (CSV/XLSX, the columns of <c>baiqiang pipeline import</c>): without <c>commit=true</c> only the
    /// validation report; with it, all rows are stored or none (a region outside the caller's scope → 403).
    /// </summary>
    internal static async Task<Results<Ok<ListImportReport>, UnprocessableEntity<ListImportReport>, ForbidHttpResult>> ImportAsync(
        IFormFile file, bool? commit, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (commit == true && !actor.IsAdmin && !actor.Roles.HasFlag(Role.Editor))
        {
            return TypedResults.Forbid();
        }

        var read = await ReadListAsync(file, DealFile.Columns, DealFile.Parse, ct);
        if (!read.Success)
        {
            return TypedResults.UnprocessableEntity(Report(file.FileName, read, false, 0, 0, []));
        }

        var outside = read.Items.Where(d => !actor.CanEdit(d.Region)).Select(d => d.Region).Distinct().ToList();
        if (commit != true)
        {
            var scopeErrors = outside.Select(r => new Core.Text.Bilingual($"无权修改 {r} 的数据", $"may not change data of {r}")).ToList();
            var report = Report(file.FileName, read, false, 0, 0, scopeErrors);
            return report.Success ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
        }

        try
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            var outcome = await PipelineStore.SaveDealsAsync(db, actor, read.Items, ct);
            var report = Report(file.FileName, read, outcome.Success, outcome.Added, outcome.Updated, outcome.Errors);
            return outcome.Success ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    /// <summary>The deal list as CSV (default) or XLSX (<c>format=xlsx</c>), in the import's columns so it can be edited and re-imported.</summary>
    internal static async Task<FileContentHttpResult> ExportAsync(string? format, BaiqiangDbContext db, HttpRequest request, CancellationToken ct)
    {
        var rows = await db.Set<DealEntity>().AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        return await ListFiles.ExportAsync("deals", DealFile.Columns, rows.Select(DealFile.ToRow), format, request, ct);
    }

    internal static async Task<Results<Ok<ScoreboardResponse>, ValidationProblem>> ScoreboardAsync(
        int? year, string? region, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = await AsOfDays.DefaultDayAsync(db, clock, ct);
        var (_, r, errors) = await PeriodAndRegionAsync(db, null, region, clock, ct);
        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["年份应在2000至2100之间 / year must be between 2000 and 2100"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var y = year ?? await PipelineViews.LatestYearAsync(db, today, ct);
        return TypedResults.Ok(await PipelineViews.ScoreboardAsync(db, y, r, today, ct));
    }

    /// <summary>The scoreboard as XLSX (<c>format=xlsx</c>) or CSV: one row per month with counts and amounts (万元), empty months flagged
    /// (无签约、无落地、无开工); Chinese headers unless <c>lang=en</c>.</summary>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ScoreboardExportAsync(
        int? year, string? region, string? format, HttpRequest request, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var result = await ScoreboardAsync(year, region, db, clock, ct);
        if (result.Result is not Ok<ScoreboardResponse> { Value: { } board })
        {
            return (ValidationProblem)result.Result;
        }

        var en = ListFiles.Language(request) == Storage.Export.ExportLanguage.English;
        string[] header = en
            ? ["month", "signings", "signed_investment(10k yuan)", "landings", "landed_investment(10k yuan)", "starts", "started_investment(10k yuan)", "flag"]
            : ["月份", "签约(个)", "签约额(万元)", "落地(个)", "落地额(万元)", "开工(个)", "开工额(万元)", "提示"];
        var rows = board.Months.Select(m => new object?[]
        {
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{board.Year}-{m.Month:D2}"), m.Signings, m.SignedAmount, m.Landings, m.LandedAmount, m.Starts, m.StartedAmount,
            m.Broken ? (en ? string.Join(", ", new[] { m.Signings == 0 ? "no signing" : null, m.Landings == 0 ? "no landing" : null, m.Starts == 0 ? "no start" : null }.OfType<string>()) : m.FlagZh) : string.Empty,
        });
        return await ListFiles.ExportAsync($"scoreboard-{board.Year}", en ? "scoreboard" : "月月有比拼", header, rows, format, ct);
    }

    internal static async Task<Results<Ok<TargetsResponse>, ValidationProblem>> TargetsAsync(
        string? period, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (p, _, errors) = await PeriodAndRegionAsync(db, period, null, clock, ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await PipelineViews.TargetsAsync(db, p, ct));
    }

    /// <summary>The period (default: the latest year with deals) and optional region, or errors by field.</summary>
    internal static async Task<(StatPeriod Period, RegionCode? Region, Dictionary<string, string[]> Errors)> PeriodAndRegionAsync(
        BaiqiangDbContext db, string? period, string? region, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = await AsOfDays.DefaultDayAsync(db, clock, ct);
        var p = StatPeriod.ForYear(await PipelineViews.LatestYearAsync(db, today, ct));
        if (!string.IsNullOrWhiteSpace(period))
        {
            var parsed = StatPeriod.TryParseCanonical(period.Trim());
            if (parsed.Success)
            {
                p = parsed.Value;
            }
            else
            {
                errors["period"] = [parsed.Error!.Value.ToString()];
            }
        }

        RegionCode? r = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (RegionCode.TryParse(region.Trim(), out var code))
            {
                r = code;
            }
            else
            {
                errors["region"] = ["区划代码应为6位或9位数字 / region code must be 6 or 9 digits"];
            }
        }

        return (p, r, errors);
    }

    internal static async Task<ListImport<T>> ReadListAsync<T>(IFormFile file, IReadOnlyList<ListColumn> columns, Func<ListRow, T?> parse, CancellationToken ct)
        where T : class
    {
        if (file.Length > Imports.ImportLimits.MaxUploadBytes)
        {
            return new ListImport<T>([], [new ImportError(file.FileName, null, null, new Core.Text.Bilingual(
                $"文件过大（上限 {Imports.ImportLimits.MaxUploadBytes / 1024 / 1024} MB）", $"file too large (limit {Imports.ImportLimits.MaxUploadBytes / 1024 / 1024} MB)"))], 0);
        }

        await using var buffer = new MemoryStream();
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(buffer, ct);
        }

        buffer.Position = 0;
        return await ListFileReader.ReadAsync(buffer, file.FileName, columns, parse, null, ct);
    }

    internal static ListImportReport Report<T>(string file, ListImport<T> read, bool committed, int added, int updated, IEnumerable<Core.Text.Bilingual> more) =>
        new(file, read.RowsRead, read.Items.Count,
            [.. read.Errors.Select(e => new ListImportIssue(e.Row, e.Column, e.Message.Zh, e.Message.En)), .. more.Select(m => new ListImportIssue(null, null, m.Zh, m.En))],
            committed, added, updated);
}
