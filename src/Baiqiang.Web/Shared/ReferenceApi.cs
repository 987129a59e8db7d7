using Baiqiang.Storage;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Shared;

/// <summary>Regions for pickers and scripts (<c>/api/regions</c>), and the indicators' short form for pickers (the catalogue's
/// own API is <c>/api/indicators</c>, in Indicators/IndicatorsApi).</summary>
public static class ReferenceApi
{
    public sealed record RegionItem(string Code, string Name, string Kind, string? Parent);

    public sealed record IndicatorItem(string Code, string NameZh, string NameEn, string Unit);

    public static void MapReferenceApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("reference").RequireAuthorization();
        api.MapGet("/regions", ListRegionsAsync).WithName("ListRegions");
        api.MapGet("/regions/suggest", Inputs.RegionSuggestApi.SuggestAsync).WithName("SuggestRegions");
    }

    public static async Task<IReadOnlyList<RegionItem>> LoadRegionsAsync(BaiqiangDbContext db, CancellationToken ct) =>
        (await db.Regions.AsNoTracking().Where(r => r.ValidTo == null).ToListAsync(ct))
            .OrderBy(r => r.Code)
            .Select(r => new RegionItem(r.Code.ToString(), r.Name, r.Kind.ToString(), r.ParentCode?.ToString()))
            .ToList();

    public static async Task<IReadOnlyList<IndicatorItem>> LoadIndicatorsAsync(BaiqiangDbContext db, CancellationToken ct) =>
        (await db.Indicators.AsNoTracking().ToListAsync(ct))
            .OrderBy(i => i.Code)
            .Select(i => new IndicatorItem(i.Code.Value, i.NameZh, i.NameEn, i.Unit.Symbol))
            .ToList();

    private static async Task<Ok<IReadOnlyList<RegionItem>>> ListRegionsAsync(BaiqiangDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await LoadRegionsAsync(db, ct));
}
