using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;

namespace Baiqiang.Web.Zones;

/// <summary>
/// <c>/api/zones</c>: parks and zones (园区) under county-level regions. Reads for every signed-in role (<c>?parent=</c> a code or
/// name); add (POST), rename or change kind (PUT) and retire (POST …/retire) for admins and analysts (others 403), through
/// <see cref="Baiqiang.Storage.Regions.ZoneStore"/> like the CLI, audited. Refusals → 400 "中文 / English"; unknown code → 404.
/// </summary>
public static class ZonesApi
{
    public static void MapZonesApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/Zones", "园区", "Zones", _ => true));
        var api = app.MapGroup("/api/zones").WithTags("zones").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/", ListAsync).WithName("ListZones");
        api.MapGet("/{code}", GetAsync).WithName("GetZone");
        api.MapPost("/", AddAsync).WithName("AddZone");
        api.MapPut("/{code}", UpdateAsync).WithName("UpdateZone");
        api.MapPost("/{code}/retire", RetireAsync).WithName("RetireZone");
    }

    internal static async Task<Results<Ok<IReadOnlyList<ZoneItem>>, ValidationProblem>> ListAsync(BaiqiangDbContext db, CancellationToken ct, string? parent = null)
        => await ZoneViews.ListAsync(db, parent, ct) is { } list
            ? TypedResults.Ok(list)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["parent"] = [$"未知地区“{parent}” / unknown region '{parent}'"] });

    internal static async Task<Results<Ok<ZoneItem>, NotFound>> GetAsync(string code, BaiqiangDbContext db, CancellationToken ct)
        => await ZoneViews.GetAsync(db, code, ct) is { } z ? TypedResults.Ok(z) : TypedResults.NotFound();

    /// <summary>Adds a zone with the next nine-digit code under its parent (in the body and the Location header).</summary>
    internal static async Task<Results<Created<ZoneItem>, ValidationProblem, ForbidHttpResult>> AddAsync(
        CreateZoneRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            var write = await ZoneViews.AddAsync(db, http.User.ToActor(), request, ct);
            return write.Zone is { } z ? TypedResults.Created($"/api/zones/{z.Code}", z) : TypedResults.ValidationProblem(write.Errors);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<ZoneItem>, ValidationProblem, NotFound, ForbidHttpResult>> UpdateAsync(
        string code, UpdateZoneRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            return Result(await ZoneViews.UpdateAsync(db, http.User.ToActor(), code, request, ct));
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    internal static async Task<Results<Ok<ZoneItem>, ValidationProblem, NotFound, ForbidHttpResult>> RetireAsync(
        string code, RetireZoneRequest request, HttpContext http, BaiqiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            return Result(await ZoneViews.RetireAsync(db, http.User.ToActor(), code, request, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct));
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    private static Results<Ok<ZoneItem>, ValidationProblem, NotFound, ForbidHttpResult> Result(ZoneWrite write) =>
        write.Zone is { } z ? TypedResults.Ok(z) : write.Missing ? TypedResults.NotFound() : TypedResults.ValidationProblem(write.Errors);
}
