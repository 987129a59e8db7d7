using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Storage.Users;

/// <summary>
/// Where the web users live and the rules they follow, shared by the web app (sign-in, 用户管理) and <c>baiqiang users</c>:
/// Identity's tables in the store's own database, the password and lockout rules, and the four roles.
/// </summary>
public static class UserAccounts
{
    /// <summary>Password and lockout rules (the web's sign-in and the CLI's <c>users add</c> apply the same ones).</summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    }

    /// <summary>Registers <see cref="WebIdentityDbContext"/> on the store's database (SQLite file or PostgreSQL).</summary>
    public static IServiceCollection AddWebIdentityStore(this IServiceCollection services, StoreOptions store) =>
        services.AddDbContext<WebIdentityDbContext>(o =>
        {
            if (store.Provider == StoreProvider.PostgreSql)
            {
                o.UseNpgsql(BaiqiangStore.WithAutoPrepare(store.ConnectionString));
            }
            else
            {
                o.UseSqlite(store.ConnectionString);
            }
        });

    /// <summary>
    /// What <c>baiqiang users</c> needs outside the web host: the identity store, Identity's user and role managers
    /// (without cookies) and <see cref="UserAdmin"/>, whose audit entries go to <paramref name="db"/>.
    /// </summary>
    public static ServiceProvider BuildAdminServices(StoreOptions store, BaiqiangDbContext db, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton(db);
        services.AddWebIdentityStore(store);
        services.AddIdentityCore<WebUser>(ConfigureIdentity).AddRoles<IdentityRole>().AddEntityFrameworkStores<WebIdentityDbContext>();
        services.AddScoped<UserAdmin>();
        return services.BuildServiceProvider();
    }

    /// <summary>Creates Identity's tables when missing and the four roles (first run, from the web app or the CLI).</summary>
    public static async Task EnsureSchemaAndRolesAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<WebIdentityDbContext>().EnsureSchemaAsync(ct);
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in WebRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
