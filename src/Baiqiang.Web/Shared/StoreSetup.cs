using Baiqiang.Storage;
using Baiqiang.Storage.Cluster;
using Baiqiang.Web.Cluster;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Sample;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Shared;

/// <summary>Where the store is and how a request gets its <see cref="BaiqiangDbContext"/>.</summary>
public static class StoreSetup
{
    /// <summary>
    /// Registers the store named by configuration <c>BAIQIANG_DB</c> (environment variable or setting; default the
    /// user's SQLite file), a per-request <see cref="BaiqiangDbContext"/> whose audit user is the signed-in user,
    /// and Identity's context on the same database.
    /// </summary>
    public static void AddBaiqiangStore(this WebApplicationBuilder builder)
    {
        var options = BaiqiangStore.Resolve(null, builder.Configuration[BaiqiangStore.EnvironmentVariable]);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        // A request waits at most this long for another writer (an import) before answering 503 with Retry-After.
        var lockTimeout = TimeSpan.FromSeconds(Math.Max(1, builder.Configuration.GetValue("Baiqiang:LockTimeoutSeconds", 30)));
        builder.Services.AddScoped(sp =>
        {
            var db = BaiqiangStore.Open(options);
            db.LockTimeout = lockTimeout;
            db.Clock = sp.GetRequiredService<TimeProvider>();
            db.CurrentUser = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.Identity?.Name ?? "system";
            // EF Core's default (tracking) on purpose. The store's write methods load a row, change it and save, as the CLI
            // does; under a no-tracking default that save stored nothing, with no error and no audit row (a project's
            // location in wave 2, an indicator's new alias from the 新指标 step). Read paths that matter for speed say
            // AsNoTracking themselves.
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            return db;
        });
        // The report card's and explorer's indicator names, rebuilt only when the store's catalogue changes.
        builder.Services.AddSingleton(new CatalogueCache<Dashboard.IndicatorNames>(Dashboard.IndicatorNames.From));
        builder.Services.AddWebIdentityStore(options);
        var banner = new StartupBanner();
        builder.Services.AddSingleton(banner);
        builder.Logging.AddFilter(StartupBanner.LifetimeCategory, banner.ShowsLifetimeMessage);
    }

    /// <summary>
    /// Migrates the store, creates Identity's tables, loads the sample data into an empty store (unless
    /// <c>Baiqiang:LoadSample</c> is false) and creates the first administrator, printing its generated password once.
    /// </summary>
    /// <remarks>Nodes started together on one PostgreSQL store take turns (<see cref="StoreLocks.InitKey"/>): the first does the
    /// work, the others find it done. The data-protection key ring gets its first key here too.</remarks>
    public static async Task InitializeStoreAsync(this WebApplication app)
    {
        var ct = app.Lifetime.ApplicationStopping;
        var options = app.Services.GetRequiredService<Baiqiang.Storage.StoreOptions>();
        await BaiqiangStore.EnsureDatabaseAsync(options, ct);
        await StoreLocks.RunExclusiveAsync(options, StoreLocks.InitKey, async () =>
        {
            await InitializeNowAsync(app, options, ct);
            Cluster.ClusterSetup.EnsureKeyRing(app.Services);
            return true;
        }, ct);
    }

    private static async Task InitializeNowAsync(WebApplication app, Baiqiang.Storage.StoreOptions options, CancellationToken ct)
    {
        await BaiqiangStore.MigrateAsync(options, ct);
        await using var scope = app.Services.CreateAsyncScope();
        await UserAccounts.EnsureSchemaAndRolesAsync(scope.ServiceProvider, ct);

        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        await IndicatorStore.SeedCatalogueAsync(db, ct);
        if (app.Configuration.GetValue("Baiqiang:LoadSample", true) && !await db.Observations.AnyAsync(ct))
        {
            await SampleLoader.LoadAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
        if ((await users.GetUsersInRoleAsync(WebRoles.Admin)).Count == 0)
        {
            var password = app.Configuration["Baiqiang:AdminPassword"] is { Length: > 0 } configured ? configured : Passwords.Generate();
            var admin = new WebUser { UserName = "admin", DisplayName = "管理员", Email = "admin@localhost" };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(admin, WebRoles.Admin);
            if (app.Configuration["Baiqiang:AdminPassword"] is not { Length: > 0 })
            {
                // Printed once, on the console only, framed and last (after Kestrel says where it listens): it is not logged
                // and not stored anywhere but as a hash.
                app.Services.GetRequiredService<StartupBanner>().PrintWhenStarted(app, password);
            }
        }
    }
}
