using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Auth;

/// <summary>
/// Writes a personal token's <c>LastUsedAt</c> off the request path. The stamp is advisory (the tokens page shows it), but
/// writing it inside the request made a token's first call wait for the store's write lock: on SQLite behind any long write
/// (the reminder sweep over 100,000 projects, an import) that call took as long as the other writer, 10–12 s in web-bench's
/// first API request. The request now only queues the write; a failed write is logged and the next use stamps again.
/// </summary>
public sealed class TokenUseStamps(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<TokenUseStamps> log)
{
    /// <summary>Records that token <paramref name="tokenId"/> was used at <paramref name="at"/>; returns the write, which the caller need not await.</summary>
    public Task RecordAsync(long tokenId, DateTimeOffset at) => Task.Run(() => WriteAsync(tokenId, at), CancellationToken.None);

    private async Task WriteAsync(long tokenId, DateTimeOffset at)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var identity = scope.ServiceProvider.GetRequiredService<WebIdentityDbContext>();
            await identity.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, at), ct);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!ct.IsCancellationRequested && log.IsEnabled(LogLevel.Warning))
            {
                log.LogWarning(e, "记录令牌使用时间失败 / could not record when API token {TokenId} was used", tokenId);
            }
        }
    }
}
