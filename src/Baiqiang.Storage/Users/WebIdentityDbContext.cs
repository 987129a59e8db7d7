using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Baiqiang.Storage.Users;

/// <summary>A signed-in person. Region and department scopes are user claims (<see cref="BaiqiangClaims"/>).</summary>
public sealed class WebUser : IdentityUser
{
    /// <summary>Display name shown in the header and written to the audit log with the user name.</summary>
    public string DisplayName { get; set; } = string.Empty;
}

/// <summary>A personal API token: only its SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>The first characters of the token, so a user can tell tokens apart.</summary>
    public string Prefix { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>
/// ASP.NET Core Identity's tables (users, roles, claims, logins) and personal API tokens, in the same database as
/// the store but in a context of their own: the store's migrations stay Identity-free and Identity's schema is
/// created on first run (see docs/architecture.md).
/// </summary>
public sealed class WebIdentityDbContext(DbContextOptions<WebIdentityDbContext> options) : IdentityDbContext<WebUser>(options)
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<WebUser>().ToTable("web_users");
        builder.Entity<IdentityRole>().ToTable("web_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("web_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("web_user_claims");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("web_role_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("web_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("web_user_tokens");
        builder.Entity<WebUser>().Property(u => u.DisplayName).HasMaxLength(100);
        var token = builder.Entity<ApiToken>();
        token.ToTable("web_api_tokens");
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.Property(t => t.Prefix).HasMaxLength(12);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasIndex(t => t.UserId);
    }

    /// <summary>Creates Identity's tables when the database has none of them yet (first run on a store).</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        var sql = Database.IsNpgsql()
            ? (FormattableString)$"SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'web_users'"
            : $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'web_users'";
        if (await Database.SqlQuery<int>(sql).SingleAsync(ct) == 0)
        {
            await ((IInfrastructure<IServiceProvider>)this).GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
        }
    }
}
