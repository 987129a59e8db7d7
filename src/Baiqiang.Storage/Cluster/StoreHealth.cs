using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Baiqiang.Storage.Cluster;

/// <summary>Whether a node can serve: the store answers and holds every migration of this build.</summary>
/// <param name="Reachable">A connection opened and the migration history was read.</param>
/// <param name="MigrationsCurrent">Every migration this build knows is applied.</param>
/// <param name="Error">Why not, when not reachable (the provider's message).</param>
public sealed record StoreReadiness(bool Reachable, bool MigrationsCurrent, string? Error)
{
    public bool Ready => Reachable && MigrationsCurrent;
}

/// <summary>The readiness check behind the web host's <c>/readyz</c>: a fresh check on every call, so a node whose
/// database went away answers "not ready" and is ready again as soon as the database is back, without a restart.</summary>
public static class StoreHealth
{
    /// <summary>How long one check may take before the store counts as unreachable.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<StoreReadiness> CheckAsync(StoreOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(Timeout);
        try
        {
            var current = await BaiqiangStore.IsUpToDateAsync(options, bounded.Token);
            return new StoreReadiness(true, current, null);
        }
        catch (Exception e) when (e is DbException or TimeoutException or IOException or InvalidOperationException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // Connections pooled before the outage are dead: drop them so the next check (and request) opens fresh ones.
            if (options.Provider == StoreProvider.PostgreSql)
            {
                using var connection = new NpgsqlConnection(options.ConnectionString);
                NpgsqlConnection.ClearPool(connection);
            }
            else
            {
                BaiqiangStore.ReleaseSqlitePool(options);
            }

            return new StoreReadiness(false, false, e is OperationCanceledException ? "no answer within " + Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s" : e.Message);
        }
    }
}
