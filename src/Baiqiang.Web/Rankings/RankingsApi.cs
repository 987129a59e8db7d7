using Baiqiang.Core.Access;
using Baiqiang.Core.Evaluation;
using Baiqiang.Storage;
using Baiqiang.Storage.Evaluation;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Baiqiang.Web.Rankings;

/// <summary>The response to a framework save: the stored version and whether it is new (false: identical to the latest).</summary>
public sealed record SaveFrameworkResponse(FrameworkItem Framework, bool Added);

/// <summary>
/// <c>/api/rankings/…</c>: frameworks (list, get a version, create a version from JSON, import/export JSON and XLSX),
/// a ranking run with optional decomposition, Monte Carlo intervals and sensitivity, its export, and one unit's detail.
/// Reads for every role; saving a framework needs admin or reviewer (<see cref="RankingViews.CanEditFrameworks"/>) → 403.
/// </summary>
public static class RankingsApi
{
    /// <summary>Framework uploads above this are refused unread.</summary>
    public const long MaxFrameworkBytes = 2L * 1024 * 1024;

    /// <summary>Configuration key of the 2020 census population table used for per-capita leaves when the store has none.</summary>
    public const string CensusSetting = "Baiqiang:CensusPopulationCsv";

    public static void MapRankingsApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/Rankings", "综合评价", "Rankings", _ => true));
        var api = app.MapGroup("/api/rankings").WithTags("rankings").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/frameworks", ListFrameworksAsync).WithName("ListFrameworks");
        api.MapGet("/frameworks/{name}", GetFrameworkAsync).WithName("GetFramework");
        api.MapPost("/frameworks", CreateFrameworkAsync).WithName("CreateFrameworkVersion");
        api.MapPost("/frameworks/import", ImportFrameworkAsync).WithName("ImportFramework").DisableAntiforgery();
        api.MapGet("/frameworks/{name}/export", ExportFrameworkAsync).WithName("ExportFramework");
        api.MapGet("/groups", GroupsAsync).WithName("ListPeerGroups");
        api.MapGet("/run", RunAsync).WithName("RunRanking");
        api.MapGet("/run/export", ExportRunAsync).WithName("ExportRanking");
        api.MapGet("/unit/{region}", UnitAsync).WithName("GetRankingUnit");
    }

    internal static async Task<Ok<IReadOnlyList<FrameworkItem>>> ListFrameworksAsync(BaiqiangDbContext db, CancellationToken ct)
        => TypedResults.Ok(await RankingViews.FrameworksAsync(db, ct));

    internal static async Task<Results<Ok<FrameworkDetail>, NotFound>> GetFrameworkAsync(string name, int? version, BaiqiangDbContext db, CancellationToken ct)
        => await RankingViews.LoadFrameworkAsync(db, name, version, ct) is { } f ? TypedResults.Ok(RankingViews.Detail(f.Framework, f.Row)) : TypedResults.NotFound();

    /// <summary>Stores the framework document in the body (the canonical JSON, as <c>GET …/frameworks/{name}</c>'s <c>document</c>) as the next version.</summary>
    internal static async Task<Results<Created<SaveFrameworkResponse>, Ok<SaveFrameworkResponse>, ValidationProblem, ForbidHttpResult>> CreateFrameworkAsync(
        [FromBody] System.Text.Json.JsonElement document, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!RankingViews.CanEditFrameworks(actor))
        {
            return TypedResults.Forbid();
        }

        EvaluationFramework fw;
        try
        {
            fw = EvaluationFramework.FromJson(document.GetRawText());
        }
        catch (EvaluationException e)
        {
            return Problem(e.Message);
        }

        return await SaveAsync(db, actor, fw, clock, ct);
    }

    /// <summary>Uploads a framework file (<c>.json</c> or <c>.xlsx</c>, ≤ 2 MB) and stores it as the next version of its name.</summary>
    internal static async Task<Results<Created<SaveFrameworkResponse>, Ok<SaveFrameworkResponse>, ValidationProblem, ForbidHttpResult>> ImportFrameworkAsync(
        IFormFile file, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!RankingViews.CanEditFrameworks(actor))
        {
            return TypedResults.Forbid();
        }

        var (fw, error) = await ReadUploadAsync(file, ct);
        return fw is null ? Problem(error!) : await SaveAsync(db, actor, fw, clock, ct);
    }

    internal static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ExportFrameworkAsync(
        string name, int? version, string? format, BaiqiangDbContext db, CancellationToken ct)
    {
        var f = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (f is not ("json" or "xlsx"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["格式须为 json 或 xlsx / format must be json or xlsx"] });
        }

        if (await RankingViews.LoadFrameworkAsync(db, name, version, ct) is not { } loaded)
        {
            return TypedResults.NotFound();
        }

        await using var buffer = new MemoryStream();
        await FrameworkStore.WriteAsync(loaded.Framework, buffer, f, ct);
        var fileName = $"{loaded.Framework.Name}-v{loaded.Framework.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{f}";
        return TypedResults.File(buffer.ToArray(), f == "json" ? "application/json; charset=utf-8" : XlsxType, fileName);
    }

    internal static async Task<Ok<IReadOnlyList<GroupItem>>> GroupsAsync(BaiqiangDbContext db, CancellationToken ct)
        => TypedResults.Ok(await RankingViews.GroupsAsync(db, ct));

    /// <summary>
    /// Ranks the group's units for the period: scores, ranks (ties share), tiers, dimension scores, rank change against
    /// <c>compare</c>, Monte Carlo rank intervals (<c>replications</c>), sensitivity indices (<c>sensitivity</c>), each
    /// unit's indicator contributions (<c>decomposition=true</c>) and the data warnings. Data that cannot be ranked → 400
    /// naming, per indicator, the regions without a figure.
    /// </summary>
    internal static async Task<Results<Ok<RankingResponse>, ValidationProblem>> RunAsync(
        [AsParameters] RunQuery query, BaiqiangDbContext db, IConfiguration config, CancellationToken ct)
    {
        var (outcome, errors) = await RunCoreAsync(query, db, config, ct);
        return outcome?.Response is { } r ? TypedResults.Ok(r) : TypedResults.ValidationProblem(errors);
    }

    /// <summary>The ranking as a file, in the columns of <c>baiqiang rank --format csv|xlsx|json</c>: Chinese headers unless <c>?lang=en</c>.</summary>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportRunAsync(
        [AsParameters] RunQuery query, string? format, HttpRequest request, BaiqiangDbContext db, IConfiguration config, CancellationToken ct)
    {
        var f = string.IsNullOrWhiteSpace(format) ? "csv" : format.Trim().ToLowerInvariant();
        if (!RankingExport.Formats.Contains(f))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["格式须为 csv、xlsx 或 json / format must be csv, xlsx or json"] });
        }

        var (outcome, errors) = await RunCoreAsync(query with { Replications = 0, Sensitivity = 0 }, db, config, ct);
        if (outcome?.Result is not { } result || outcome.Response is not { } response)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var buffer = new MemoryStream();
        await RankingExport.WriteAsync(buffer, f, result, outcome.Names, Core.Periods.StatPeriod.ParseCanonical(response.Period), response.Group, ct, Pipeline.ListFiles.Language(request));
        var type = f switch { "xlsx" => XlsxType, "json" => "application/json; charset=utf-8", _ => "text/csv; charset=utf-8" };
        var name = $"{response.Framework}-{response.Period}-{response.Group.Replace(':', '_')}.{f}";
        return TypedResults.File(buffer.ToArray(), type, name);
    }

    /// <summary>One unit of a run: dimension and indicator contributions, strengths, weaknesses, nearest peers (对标).</summary>
    internal static async Task<Results<Ok<UnitDetail>, NotFound, ValidationProblem>> UnitAsync(
        string region, [AsParameters] RunQuery query, BaiqiangDbContext db, IConfiguration config, CancellationToken ct)
    {
        var (outcome, errors) = await RunCoreAsync(query with { Sensitivity = 0 }, db, config, ct);
        if (outcome?.Response is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return RankingViews.Unit(outcome, region.Trim()) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
    }

    /// <summary>Parses and runs; errors by field ("中文 / English"), the data problem under <c>data</c> with one entry per missing indicator.</summary>
    internal static async Task<(RunOutcome? Outcome, Dictionary<string, string[]> Errors)> RunCoreAsync(
        RunQuery query, BaiqiangDbContext db, IConfiguration config, CancellationToken ct)
    {
        var (spec, errors) = await RankingViews.ParseAsync(db, query, ct);
        if (spec is null)
        {
            return (null, errors);
        }

        var outcome = await RankingViews.RunAsync(db, spec, config[CensusSetting], ct);
        if (outcome.Problem is { } problem)
        {
            errors["data"] =
            [
                problem.ToString(),
                .. outcome.Missing.Select(m => $"{m.NameZh}（{m.Indicator}）缺少：{string.Join("、", m.MissingRegions)} / {m.NameEn} ({m.Indicator}) missing for: {string.Join(", ", m.MissingRegions)}"),
            ];
        }

        return (outcome, errors);
    }

    /// <summary>Reads an uploaded framework file, or the bilingual reason it cannot be read.</summary>
    internal static async Task<(EvaluationFramework? Framework, string? Error)> ReadUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "请选择一个 .json 或 .xlsx 文件 / choose a .json or .xlsx file");
        }

        if (file.Length > MaxFrameworkBytes)
        {
            return (null, $"文件过大（上限 {MaxFrameworkBytes / 1024 / 1024} MB） / file too large (limit {MaxFrameworkBytes / 1024 / 1024} MB)");
        }

        try
        {
            var format = FrameworkStore.FormatOf(file.FileName);
            await using var buffer = new MemoryStream();
            await using (var upload = file.OpenReadStream())
            {
                await upload.CopyToAsync(buffer, ct);
            }

            buffer.Position = 0;
            return (await FrameworkStore.ReadAsync(buffer, format, ct), null);
        }
        catch (EvaluationException e)
        {
            return (null, e.Message);
        }
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static ValidationProblem Problem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["framework"] = [message] });

    private static async Task<Results<Created<SaveFrameworkResponse>, Ok<SaveFrameworkResponse>, ValidationProblem, ForbidHttpResult>> SaveAsync(
        BaiqiangDbContext db, Actor actor, EvaluationFramework fw, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            var (item, added, errors) = await RankingViews.SaveAsync(db, actor, fw, clock, ct);
            if (item is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["framework"] = [.. errors] });
            }

            var body = new SaveFrameworkResponse(item, added);
            return added
                ? TypedResults.Created($"/api/rankings/frameworks/{Uri.EscapeDataString(item.Name)}?version={item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}", body)
                : TypedResults.Ok(body);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }
}
