using Baiqiang.Storage;
using Baiqiang.Storage.Cluster;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Cluster;

/// <summary>This node's name, sent on every response as <see cref="ClusterSetup.NodeHeader"/>.</summary>
public sealed record NodeName(string Value);

/// <summary>
/// What lets several web nodes serve one store behind a load balancer (docs/scale.md): the data-protection key ring in the
/// store, cache invalidation across nodes (<see cref="CacheListener"/>), the node header, and the health endpoints
/// <c>/healthz</c> (the process answers; no database) and <c>/readyz</c> (the store answers and its migrations are current).
/// </summary>
public static class ClusterSetup
{
    public const string NodeHeader = "X-Baiqiang-Node";

    /// <summary>The data-protection application name: the same on every node whatever folder it runs from.</summary>
    public const string ApplicationName = "baiqiang";

    /// <summary>Configures <paramref name="o"/> for the store's database (SQLite or PostgreSQL).</summary>
    public static DbContextOptionsBuilder UseStore(this DbContextOptionsBuilder o, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == StoreProvider.PostgreSql ? o.UseNpgsql(options.ConnectionString) : o.UseSqlite(options.ConnectionString);
    }

    /// <summary>Registers the key ring in the store, the node's name (<c>Baiqiang:Node</c>, else the host name) and the cache listener.
    /// Call after <c>AddBaiqiangStore</c>.</summary>
    public static void AddBaiqiangCluster(this WebApplicationBuilder builder)
    {
        var store = BaiqiangStore.Resolve(null, builder.Configuration[BaiqiangStore.EnvironmentVariable]);
        builder.Services.AddDbContext<DataProtectionKeysDbContext>(o => o.UseStore(store));
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<DataProtectionKeysDbContext>();
        var node = builder.Configuration["Baiqiang:Node"] is { Length: > 0 } configured ? configured : Environment.MachineName;
        builder.Services.AddSingleton(new NodeName(node));
        builder.Services.AddSingleton<CacheListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CacheListener>());
    }

    /// <summary>The node header on every response (set as the response starts, so error pages carry it too).</summary>
    public static void UseBaiqiangNodeHeader(this WebApplication app)
    {
        var node = app.Services.GetRequiredService<NodeName>().Value;
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[NodeHeader] = node;
                return Task.CompletedTask;
            });
            return next();
        });
    }

    /// <summary><c>/healthz</c> and <c>/readyz</c>: anonymous, not in the API document.</summary>
    public static void MapBaiqiangHealth(this WebApplication app)
    {
        app.MapGet("/healthz", (NodeName node) => TypedResults.Ok(new { status = "live", node = node.Value }))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ReadyAsync(StoreOptions options, NodeName node, ILoggerFactory logs, CancellationToken ct)
    {
        var check = await StoreHealth.CheckAsync(options, ct);
        if (check.Ready)
        {
            return TypedResults.Ok(new { status = "ready", node = node.Value, store = "reachable", migrations = "current" });
        }

        // The provider's message (host names, paths) goes to the log only.
        var log = logs.CreateLogger("Baiqiang.Web.Cluster.Readiness");
        if (log.IsEnabled(LogLevel.Warning))
        {
            log.LogWarning("未就绪 / not ready: {Error}", check.Error ?? "migrations pending");
        }

        var message = check.Reachable
            ? "数据库迁移未完成 / the store's migrations are not current"
            : "无法连接数据库 / the store cannot be reached";
        return TypedResults.Json(
            new { status = "unavailable", node = node.Value, store = check.Reachable ? "reachable" : "unreachable", migrations = check.MigrationsCurrent ? "current" : "unknown-or-pending", message },
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Creates the key ring's first key now, inside the web host's first-run set-up (which holds <see cref="StoreLocks.InitKey"/>),
    /// so nodes started together share one key instead of each making its own.
    /// </summary>
    public static void EnsureKeyRing(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("baiqiang.key-ring").Protect([1]);
}
