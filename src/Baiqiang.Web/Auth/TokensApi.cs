using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Auth;

public sealed record TokenItem(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

public sealed record CreateTokenRequest(string Name);

/// <summary>The new token: <see cref="Token"/> is shown this once and never stored.</summary>
public sealed record CreatedToken(long Id, string Name, string Token);

/// <summary>Personal API tokens: list, create (shown once), revoke. Each user manages only their own.</summary>
public static class TokensApi
{
    public static void MapTokensApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/tokens").WithTags("tokens").RequireAuthorization().DisableAntiforgery().RequireAntiforgeryForCookies();
        api.MapGet("/", ListAsync).WithName("ListTokens");
        api.MapPost("/", CreateAsync).WithName("CreateToken");
        api.MapDelete("/{id:long}", RevokeTokenAsync).WithName("RevokeToken");
    }

    internal static async Task<Ok<List<TokenItem>>> ListAsync(HttpContext http, UserManager<WebUser> users, WebIdentityDbContext identity, CancellationToken ct)
    {
        var userId = users.GetUserId(http.User);
        return TypedResults.Ok(await identity.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id)
            .Select(t => new TokenItem(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt)).ToListAsync(ct));
    }

    internal static async Task<Results<Ok<CreatedToken>, ValidationProblem>> CreateAsync(
        CreateTokenRequest request, HttpContext http, UserManager<WebUser> users, WebIdentityDbContext identity, TimeProvider clock, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["令牌名称须为1–100个字符 / token name must be 1–100 characters"] });
        }

        var created = await IssueAsync(identity, users.GetUserId(http.User)!, name, clock, ct);
        return TypedResults.Ok(created);
    }

    internal static async Task<Results<NoContent, NotFound>> RevokeTokenAsync(
        long id, HttpContext http, UserManager<WebUser> users, WebIdentityDbContext identity, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, CancellationToken ct) =>
        await RevokeAsync(identity, cache, users.GetUserId(http.User)!, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Deletes the user's token and forgets its cached principal. False when the user has no such token.</summary>
    public static async Task<bool> RevokeAsync(WebIdentityDbContext identity, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, string userId, long id, CancellationToken ct)
    {
        var hash = await identity.ApiTokens.Where(t => t.Id == id && t.UserId == userId).Select(t => t.Hash).FirstOrDefaultAsync(ct);
        if (hash is null)
        {
            return false;
        }

        await identity.ApiTokens.Where(t => t.Id == id).ExecuteDeleteAsync(ct);
        cache.Remove(ApiTokenHandler.CacheKey(hash));
        if (identity.Database.IsNpgsql())
        {
            // The other nodes drop their cached principal too (Cluster.CacheListener).
            await identity.Database.ExecuteSqlAsync($"SELECT pg_notify({Storage.Cluster.CacheSignals.Channel}, {Storage.Cluster.CacheSignals.TokenPrefix + hash})", ct);
        }

        return true;
    }

    public static async Task<CreatedToken> IssueAsync(WebIdentityDbContext identity, string userId, string name, TimeProvider clock, CancellationToken ct)
    {
        var token = Passwords.NewToken();
        var row = new ApiToken { UserId = userId, Name = name, Hash = Passwords.Hash(token), Prefix = token[..10], CreatedAt = clock.GetUtcNow() };
        identity.ApiTokens.Add(row);
        await identity.SaveChangesAsync(ct);
        return new CreatedToken(row.Id, name, token);
    }
}
