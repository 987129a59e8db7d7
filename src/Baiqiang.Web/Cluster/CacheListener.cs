using Baiqiang.Storage;
using Baiqiang.Storage.Cluster;
using Baiqiang.Web.Auth;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Baiqiang.Web.Cluster;

/// <summary>
/// Keeps this node's caches in step with the other nodes on PostgreSQL: a connection of its own LISTENs on
/// <see cref="CacheSignals.Channel"/>; <c>series</c> (a trigger on <c>observations</c>, at every commit that writes figures,
/// whoever wrote them) drops the cached series, <c>token:&lt;hash&gt;</c> (a revocation on any node) the cached API token.
/// When the connection breaks it reconnects (1, 2, 4 … 30 s apart) and then drops the cached series once, since
/// notifications sent meanwhile were missed. Nothing to do on SQLite (one machine; see docs/scale.md).
/// </summary>
public sealed class CacheListener(StoreOptions options, IMemoryCache cache, TimeProvider clock, ILogger<CacheListener> log) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private volatile bool _listening;

    /// <summary>True while the listening connection is up.</summary>
    public bool Listening => _listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Provider != StoreProvider.PostgreSql)
        {
            return;
        }

        // Not pooled (LISTEN is session state); keepalives notice a database that went away without closing the socket.
        var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString;
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Apply(e.Payload);
                await using (var listen = new NpgsqlCommand("LISTEN " + CacheSignals.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Explorer.SeriesCache.Invalidate();
                _listening = true;
                delay = TimeSpan.FromSeconds(1);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                _listening = false;
                if (log.IsEnabled(LogLevel.Warning))
                {
                    log.LogWarning(e, "缓存失效监听断开，稍后重连 / cache invalidation listener lost its connection; reconnecting in {Delay} s", delay.TotalSeconds);
                }
            }

            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
        }
    }

    /// <summary>Drops what one notification names.</summary>
    public void Apply(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload == CacheSignals.Series)
        {
            Explorer.SeriesCache.Invalidate();
        }
        else if (payload.StartsWith(CacheSignals.TokenPrefix, StringComparison.Ordinal))
        {
            cache.Remove(ApiTokenHandler.CacheKey(payload[CacheSignals.TokenPrefix.Length..]));
        }
    }
}
