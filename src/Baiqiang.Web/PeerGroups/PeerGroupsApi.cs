using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;

namespace Baiqiang.Web.PeerGroups;

/// <summary>
/// <c>/api/peer-groups</c>: every group (prefecture, ranking list, custom) with its member count, one group with its members,
/// and create / replace / delete of custom groups. Reads for every role; writes for admin, analyst and reviewer (a peer
/// group changes no region's figures), editors get 403. Broken rules → 400 "中文 / English" by field; a prefecture or list
/// group → 409 (they are rebuilt from their sources); an unknown id → 404.
/// </summary>
public static class PeerGroupsApi
{
    public static void MapPeerGroupsApi(this WebApplication app)
    {
        NavRegistry.Add(new NavItem("/PeerGroups", "对比组", "Peer groups", _ => true));
        var api = app.MapGroup("/api/peer-groups").WithTags("peer-groups").RequireAuthorization().RequireAntiforgeryForCookies();
        api.MapGet("/", ListAsync).WithName("ListAllPeerGroups");
        api.MapGet("/{id}", GetAsync).WithName("GetPeerGroup");
        api.MapPost("/", CreateAsync).WithName("CreatePeerGroup");
        api.MapPut("/{id}", UpdateAsync).WithName("UpdatePeerGroup");
        api.MapDelete("/{id}", DeleteAsync).WithName("DeletePeerGroup");
    }

    internal static async Task<Ok<IReadOnlyList<PeerGroupItem>>> ListAsync(BaiqiangDbContext db, CancellationToken ct)
        => TypedResults.Ok(await PeerGroupViews.ListAsync(db, ct));

    internal static async Task<Results<Ok<PeerGroupResponse>, NotFound>> GetAsync(string id, BaiqiangDbContext db, CancellationToken ct)
        => await PeerGroupViews.GetAsync(db, id, ct) is { } g ? TypedResults.Ok(g) : TypedResults.NotFound();

    /// <summary>Creates a custom group; its id (<c>custom:…</c>) is in the body and the Location header.</summary>
    internal static async Task<Results<Created<PeerGroupResponse>, ValidationProblem, ForbidHttpResult>> CreateAsync(
        CreatePeerGroupRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            var write = await PeerGroupViews.CreateAsync(db, http.User.ToActor(), request, ct);
            return write.Group is { } g
                ? TypedResults.Created($"/api/peer-groups/{Uri.EscapeDataString(g.Id)}", g)
                : TypedResults.ValidationProblem(write.Errors);
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    /// <summary>Replaces a custom group's names and members (the body is its whole new state; the id never changes).</summary>
    internal static async Task<Results<Ok<PeerGroupResponse>, ValidationProblem, NotFound, ProblemHttpResult, ForbidHttpResult>> UpdateAsync(
        string id, UpdatePeerGroupRequest request, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            return Result(await PeerGroupViews.UpdateAsync(db, http.User.ToActor(), id, request, ct));
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    /// <summary>Deletes a custom group and answers with what was deleted. Nothing stored refers to a group, so this is always safe.</summary>
    internal static async Task<Results<Ok<PeerGroupResponse>, ValidationProblem, NotFound, ProblemHttpResult, ForbidHttpResult>> DeleteAsync(
        string id, HttpContext http, BaiqiangDbContext db, CancellationToken ct)
    {
        try
        {
            return Result(await PeerGroupViews.DeleteAsync(db, http.User.ToActor(), id, ct));
        }
        catch (AccessDeniedException)
        {
            return TypedResults.Forbid();
        }
    }

    private static Results<Ok<PeerGroupResponse>, ValidationProblem, NotFound, ProblemHttpResult, ForbidHttpResult> Result(PeerGroupWrite write) => write switch
    {
        { Group: { } g } => TypedResults.Ok(g),
        { Refusal: PeerGroupRefusal.NotFound } => TypedResults.NotFound(),
        { Refusal: PeerGroupRefusal.NotCustom } => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: string.Join("; ", write.Errors.Values.SelectMany(v => v))),
        _ => TypedResults.ValidationProblem(write.Errors),
    };
}
