using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;

namespace Baiqiang.Web.Dashboard;

/// <summary>
/// <c>GET /api/dashboard/{region}?period=&amp;peers=</c>: the report card as JSON, growth ranked in the peer group
/// <c>peers</c> (default: the region's prefecture group; an unknown id is a 400).
/// </summary>
public static class DashboardApi
{
    public static void MapDashboardApi(this WebApplication app) =>
        app.MapGroup("/api/dashboard").WithTags("dashboard").RequireAuthorization()
            .MapGet("/{region}", GetAsync).WithName("GetDashboard");

    internal static async Task<Results<Ok<DashboardResponse>, NotFound, ValidationProblem>> GetAsync(
        string region, string? period, string? peers, BaiqiangDbContext db, Storage.Indicators.CatalogueCache<IndicatorNames> catalogue, TimeProvider clock, CancellationToken ct)
    {
        if (!RegionCode.TryParse(region, out var code))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["region"] = ["区划代码应为6位或9位数字 / region code must be 6 or 9 digits"] });
        }

        StatPeriod? at = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            var parsed = StatPeriod.TryParseCanonical(period);
            if (!parsed.Success)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [parsed.Error!.Value.ToString()] });
            }

            at = parsed.Value;
        }

        var load = await DashboardQuery.LoadAsync(db, catalogue, code, at, peers, await Shared.AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        if (load.PeerGroupError is { } unknown)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["peers"] = [unknown.ToString()] });
        }

        return load.Card is { } card ? TypedResults.Ok(card) : TypedResults.NotFound();
    }
}
