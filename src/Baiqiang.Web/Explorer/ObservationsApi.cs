using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Export;
using Baiqiang.Web.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Baiqiang.Web.Explorer;

/// <summary>One period of a series; <c>FromRegion</c> is the code it came from when the series follows successors (else null);
/// <c>GrowthBasis</c> is the growth's price basis, <c>comparable</c> (可比价) or <c>current</c> (现价), null when unstated;
/// <c>CurrentPriceGrowthPercent</c> is a second growth, at current prices, published beside a comparable or unstated one (else null).</summary>
public sealed record SeriesPoint(string Period, decimal? Value, string Unit, decimal? GrowthPercent, string Qualifier, int Revision, string? FromRegion = null,
    string? GrowthBasis = null, decimal? CurrentPriceGrowthPercent = null)
{
    /// <summary>The API's text of a stored basis: comparable, current or null.</summary>
    public static string? BasisText(Core.Observations.GrowthBasis? basis) => basis is { } b && b != Core.Observations.GrowthBasis.Unknown ? Core.Observations.GrowthBasisText.En(b) : null;
}

/// <summary>A region's series; with <c>followSuccessor=true</c>, <c>Joins</c> notes each recode joined ("350681 龙海市 → 350604 龙海区，2021-01-01").</summary>
public sealed record SeriesResponse(string Region, string Indicator, IReadOnlyList<SeriesPoint> Points, IReadOnlyList<string>? Joins = null);

/// <summary>One region's values by period; <c>FromRegions</c> (when following successors) names the code each value came from;
/// <c>GrowthBases</c> the price basis of each growth (comparable, current or null when unstated).</summary>
public sealed record CompareSeries(string Region, string RegionName, IReadOnlyList<decimal?> Values, IReadOnlyList<decimal?> GrowthPercents,
    IReadOnlyList<string?>? FromRegions = null, IReadOnlyList<string?>? GrowthBases = null);

/// <summary>Several regions' series of one indicator; <c>Joins</c> notes each recode joined when following successors.</summary>
public sealed record CompareResponse(string Indicator, string NameZh, string NameEn, string Unit, IReadOnlyList<string> Periods, IReadOnlyList<CompareSeries> Series,
    IReadOnlyList<string>? Joins = null);

/// <summary>Series for one region, several regions compared, and the XLSX export of a comparison.</summary>
public static class ObservationsApi
{
    public const int MaxRegions = 20;

    private const string JsonContentType = "application/json; charset=utf-8";

    public static void MapObservationsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/observations").WithTags("observations").RequireAuthorization();
        api.MapGet("/series", SeriesAsync).WithName("GetSeries").Produces<SeriesResponse>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified);
        api.MapGet("/compare", CompareAsync).WithName("CompareSeries");
        api.MapGet("/derived", DerivedAsync).WithName("GetDerivedFigures");
        api.MapGet("/export", ExportAsync).WithName("ExportSeries").Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /// <summary>
    /// 占比, 贡献率, 拉动 and 首位度 of one region's indicator (code or name) for <c>period</c> (default: the latest), computed
    /// from stored figures and the catalogue's parent relation, each with its formula and inputs; <c>notComputed</c> says why any
    /// is missing. Nothing is stored.
    /// </summary>
    internal static async Task<Results<Ok<Storage.Observations.DerivedFigureSet>, ValidationProblem>> DerivedAsync(
        string region, string indicator, BaiqiangDbContext db, CancellationToken ct, string? period = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!RegionCode.TryParse(region, out var code))
        {
            errors["region"] = ["区划代码应为6位或9位数字 / region code must be 6 or 9 digits"];
        }

        var found = (await Storage.Indicators.IndicatorStore.LoadCatalogueAsync(db, ct)).Find(indicator);
        if (found is null)
        {
            errors["indicator"] = [$"未知指标“{indicator}” / unknown indicator '{indicator}'"];
        }

        StatPeriod? at = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            var p = StatPeriod.TryParseCanonical(period);
            if (p.Success)
            {
                at = p.Value;
            }
            else
            {
                errors["period"] = [p.Error!.Value.ToString()];
            }
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await Storage.Observations.DerivedFigures.ComputeAsync(db, code, found!, at, ct));
    }

    /// <summary>How long a series response is reused. Web imports evict at once (<see cref="SeriesCache.Invalidate"/>);
    /// writes by another process (the CLI) show within this time.</summary>
    public static readonly TimeSpan SeriesCacheFor = TimeSpan.FromSeconds(10);

    // The response is cached as its serialised UTF-8 JSON (the hot path then only writes bytes), so the handler
    // returns bytes; Produces<SeriesResponse> on the route keeps the OpenAPI document exact. The store's context is
    // asked for only on a cache miss: opening a BaiqiangDbContext per request was most of a cache hit's cost.
    // Every response carries a strong ETag of its bytes; a request whose If-None-Match names it gets 304 and no body.
    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem>> SeriesAsync(
        string region, string indicator, HttpContext http, IMemoryCache cache, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct,
        bool? followSuccessor = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (!RegionCode.TryParse(region, out var code))
        {
            errors["region"] = ["区划代码应为6位或9位数字 / region code must be 6 or 9 digits"];
        }

        var ind = IndicatorCode.TryParse(indicator);
        if (!ind.Success)
        {
            errors["indicator"] = [ind.Error!.Value.ToString()];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (followSuccessor == true)
        {
            // Joined across recodes (龙海市 → 龙海区): each point names its code; not cached (rare, and the chain may change).
            var store = http.RequestServices.GetRequiredService<BaiqiangDbContext>();
            var joined = await Storage.Observations.ObservationQueries.SeriesFollowingSuccessorsAsync(store, code, ind.Value, ct);
            var followed = new SeriesResponse(code.ToString(), ind.Value.Value, joined.Observations
                .Select(o => new SeriesPoint(o.Period.ToString(), o.Value, o.Unit.Symbol, o.GrowthPercent, o.Qualifier.ToString(), o.Revision, o.RegionCode.ToString(), SeriesPoint.BasisText(o.GrowthBasis), o.CurrentPriceGrowthPercent))
                .ToList(),
                [.. joined.Links.Select(l => $"{l.From} {l.FromName} → {l.To} {l.ToName}，{(l.EndedOn is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—")}")]);
            return Respond(http, SeriesBody.Of(SeriesJson(followed, json.Value.SerializerOptions)));
        }

        // Reads are open to every signed-in role, so one shared cache entry per (region, indicator) leaks nothing.
        var key = (SeriesCache.Version, code, ind.Value);
        if (cache.TryGetValue(key, out SeriesBody? cached) && cached is not null)
        {
            return Respond(http, cached);
        }

        var db = http.RequestServices.GetRequiredService<BaiqiangDbContext>();
        var points = await db.Observations.AsNoTracking()
            .Where(o => o.RegionCode == code && o.IndicatorCode == ind.Value && o.IsCurrent)
            .OrderBy(o => o.PeriodYear).ThenBy(o => o.PeriodLastMonth).ThenBy(o => o.PeriodFirstMonth)
            .Select(o => new { o.PeriodYear, o.PeriodFirstMonth, o.PeriodLastMonth, o.Value, o.Unit, o.GrowthPercent, o.Qualifier, o.Revision, o.GrowthBasis, o.CurrentPriceGrowthPercent })
            .ToListAsync(ct);
        var response = new SeriesResponse(code.ToString(), ind.Value.Value, points
            .Select(o => new SeriesPoint(StatPeriod.Create(o.PeriodYear, o.PeriodFirstMonth, o.PeriodLastMonth).ToString(), o.Value, o.Unit.Symbol, o.GrowthPercent, o.Qualifier.ToString(), o.Revision, GrowthBasis: SeriesPoint.BasisText(o.GrowthBasis), CurrentPriceGrowthPercent: o.CurrentPriceGrowthPercent))
            .ToList());
        var body = SeriesBody.Of(SeriesJson(response, json.Value.SerializerOptions));
        cache.Set(key, body, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = SeriesCacheFor });
        return Respond(http, body);
    }

    /// <summary>A series response as UTF-8 JSON with the app's JSON options, through the source-generated <see cref="SeriesJsonContext"/>.</summary>
    internal static byte[] SeriesJson(SeriesResponse response, JsonSerializerOptions options)
        => JsonSerializer.SerializeToUtf8Bytes(response, SeriesTypeInfo(options));

    /// <summary>The source-generated metadata of <see cref="SeriesResponse"/>, made once per options instance from a copy of it
    /// (the copy carries the naming policy, encoder, number and null handling; the context then resolves every type on it).</summary>
    internal static JsonTypeInfo<SeriesResponse> SeriesTypeInfo(JsonSerializerOptions options)
        => SeriesTypeInfos.GetValue(options, static o => new SeriesJsonContext(new JsonSerializerOptions(o)).SeriesResponse);

    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonTypeInfo<SeriesResponse>> SeriesTypeInfos = new();

    private static Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem> Respond(HttpContext http, SeriesBody body)
    {
        http.Response.Headers.ETag = body.ETag;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0 && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(body.Tag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(body.Json, JsonContentType);
    }

    /// <summary>A serialised series and its strong ETag (the first 128 bits of the bytes' SHA-256, so equal bytes, equal tag).</summary>
    private sealed record SeriesBody(byte[] Json, EntityTagHeaderValue Tag, string ETag)
    {
        public static SeriesBody Of(byte[] json)
        {
            var tag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 16)) + "\"");
            return new SeriesBody(json, tag, tag.ToString());
        }
    }

    internal static async Task<Results<Ok<CompareResponse>, ValidationProblem>> CompareAsync(string indicator, string regions, BaiqiangDbContext db, CancellationToken ct,
        bool? followSuccessor = null)
    {
        var (request, errors) = CompareRequest.Parse(indicator, regions);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await LoadAsync(db, request, ct, followSuccessor == true));
    }

    internal static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportAsync(string indicator, string regions, BaiqiangDbContext db, HttpRequest http, CancellationToken ct)
    {
        var (request, errors) = CompareRequest.Parse(indicator, regions);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var names = await db.Regions.AsNoTracking().Where(r => request.Regions.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var indicatorName = (await IndicatorNames.LoadAsync(db, ct)).Get(request.Indicator).Zh;
        var rows = (await db.Observations.AsNoTracking()
                .Where(o => o.IndicatorCode == request.Indicator && o.IsCurrent && request.Regions.Contains(o.RegionCode))
                .ToListAsync(ct))
            .OrderBy(o => o.RegionCode).ThenBy(o => o.Period)
            .Select(o => ExportRow.FromRecord(o.ToRecord(), names.GetValueOrDefault(o.RegionCode, o.RegionCode.ToString()), indicatorName))
            .ToList();
        var stream = new MemoryStream();
        await ObservationExporter.WriteXlsxAsync(stream, rows, Pipeline.ListFiles.Language(http), ct);
        stream.Position = 0;
        return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{request.Indicator.Value}.xlsx");
    }

    internal static async Task<CompareResponse> LoadAsync(BaiqiangDbContext db, CompareRequest request, CancellationToken ct, bool followSuccessor = false)
    {
        if (followSuccessor)
        {
            return await LoadFollowingSuccessorsAsync(db, request, ct);
        }

        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.IndicatorCode == request.Indicator && o.IsCurrent && request.Regions.Contains(o.RegionCode))
            .Select(o => new { o.RegionCode, o.PeriodYear, o.PeriodFirstMonth, o.PeriodLastMonth, o.Value, o.GrowthPercent, o.GrowthBasis })
            .ToListAsync(ct);
        var names = await db.Regions.AsNoTracking().Where(r => request.Regions.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var (zh, en, unit) = (await IndicatorNames.LoadAsync(db, ct)).Get(request.Indicator);
        var periods = rows.Select(r => StatPeriod.Create(r.PeriodYear, r.PeriodFirstMonth, r.PeriodLastMonth)).Distinct().Order().ToList();
        var byKey = rows.ToDictionary(r => (r.RegionCode, StatPeriod.Create(r.PeriodYear, r.PeriodFirstMonth, r.PeriodLastMonth)));
        var series = request.Regions
            .Select(code => new CompareSeries(code.ToString(), names.GetValueOrDefault(code, code.ToString()),
                periods.Select(p => byKey.TryGetValue((code, p), out var r) ? r.Value : null).ToList(),
                periods.Select(p => byKey.TryGetValue((code, p), out var r) ? r.GrowthPercent : null).ToList(),
                GrowthBases: periods.Select(p => byKey.TryGetValue((code, p), out var r) ? SeriesPoint.BasisText(r.GrowthBasis) : null).ToList()))
            .ToList();
        return new CompareResponse(request.Indicator.Value, zh, en, unit, periods.Select(p => p.ToString()).ToList(), series);
    }

    /// <summary>The comparison with each region's series joined across recodes (龙海区 with 龙海市's years), marking each value's code.</summary>
    private static async Task<CompareResponse> LoadFollowingSuccessorsAsync(BaiqiangDbContext db, CompareRequest request, CancellationToken ct)
    {
        var joined = new List<(RegionCode Code, Storage.Observations.JoinedSeries Series)>();
        foreach (var code in request.Regions)
        {
            joined.Add((code, await Storage.Observations.ObservationQueries.SeriesFollowingSuccessorsAsync(db, code, request.Indicator, ct)));
        }

        var names = await db.Regions.AsNoTracking().Where(r => request.Regions.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var (zh, en, unit) = (await IndicatorNames.LoadAsync(db, ct)).Get(request.Indicator);
        var periods = joined.SelectMany(j => j.Series.Observations.Select(o => o.Period)).Distinct().Order().ToList();
        var series = joined.Select(j =>
        {
            var byPeriod = j.Series.Observations.ToDictionary(o => o.Period);
            return new CompareSeries(j.Code.ToString(), names.GetValueOrDefault(j.Code, j.Code.ToString()),
                periods.Select(p => byPeriod.TryGetValue(p, out var o) ? o.Value : null).ToList(),
                periods.Select(p => byPeriod.TryGetValue(p, out var o) ? o.GrowthPercent : null).ToList(),
                periods.Select(p => byPeriod.TryGetValue(p, out var o) ? o.RegionCode.ToString() : null).ToList(),
                periods.Select(p => byPeriod.TryGetValue(p, out var o) ? SeriesPoint.BasisText(o.GrowthBasis) : null).ToList());
        }).ToList();
        var joins = joined.SelectMany(j => j.Series.Links).Distinct()
            .Select(l => $"{l.From} {l.FromName} → {l.To} {l.ToName}，{(l.EndedOn is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—")}")
            .ToList();
        return new CompareResponse(request.Indicator.Value, zh, en, unit, periods.Select(p => p.ToString()).ToList(), series, joins);
    }
}

/// <summary>A validated comparison request: one indicator, 1–20 regions.</summary>
public sealed record CompareRequest(IndicatorCode Indicator, IReadOnlyList<RegionCode> Regions)
{
    public static (CompareRequest? Request, Dictionary<string, string[]> Errors) Parse(string? indicator, string? regions)
    {
        var errors = new Dictionary<string, string[]>();
        var ind = IndicatorCode.TryParse(indicator);
        if (!ind.Success)
        {
            errors["indicator"] = [ind.Error!.Value.ToString()];
        }

        var codes = new List<RegionCode>();
        var parts = (regions ?? string.Empty).Split([',', '，', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            if (RegionCode.TryParse(part, out var code))
            {
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
            else
            {
                errors["regions"] = [$"“{part}”不是区划代码 / '{part}' is not a region code"];
            }
        }

        if (codes.Count == 0 && !errors.ContainsKey("regions"))
        {
            errors["regions"] = ["请至少选择一个地区 / choose at least one region"];
        }
        else if (codes.Count > ObservationsApi.MaxRegions)
        {
            errors["regions"] = [$"最多比较{ObservationsApi.MaxRegions}个地区 / compare at most {ObservationsApi.MaxRegions} regions"];
        }

        return errors.Count > 0 ? (null, errors) : (new CompareRequest(ind.Value, codes), errors);
    }
}

/// <summary>A version number in every cached series key: bumping it makes all cached series stale at once.</summary>
public static class SeriesCache
{
    private static long _version;

    public static long Version => Interlocked.Read(ref _version);

    /// <summary>Called after every write of observations made through the web app.</summary>
    public static void Invalidate() => Interlocked.Increment(ref _version);
}
