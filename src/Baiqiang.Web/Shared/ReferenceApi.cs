using Baiqiang.Storage;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Shared;

/// <summary>Regions and indicators, for pickers and scripts.</summary>
public static class ReferenceApi
{
    public sealed record RegionItem(string Code, string Name, string Kind, string? Parent);

    public sealed record IndicatorItem(string Code, string NameZh, string NameEn, string Unit);

    public static void MapReferenceApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("reference").RequireAuthorization();
        api.MapGet("/regions", ListRegionsAsync).WithName("ListRegions");
        api.MapGet("/indicators", ListIndicatorsAsync).WithName("ListIndicators");
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

    private static async Task<Ok<IReadOnlyList<IndicatorItem>>> ListIndicatorsAsync(BaiqiangDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await LoadIndicatorsAsync(db, ct));
}
