using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Cluster;

/// <summary>
/// ASP.NET Core's data-protection key ring in the store's table <c>data_protection_keys</c> (created by the store's
/// migration <c>DataProtectionKeys</c>; this context never creates schema). Every node on the same database reads the same
/// keys, so a sign-in cookie or antiforgery token issued by one node is accepted by the others.
/// </summary>
public sealed class DataProtectionKeysDbContext(DbContextOptions<DataProtectionKeysDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var key = modelBuilder.Entity<DataProtectionKey>();
        key.ToTable("data_protection_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasColumnName("id");
        key.Property(k => k.FriendlyName).HasColumnName("friendly_name");
        key.Property(k => k.Xml).HasColumnName("xml");
    }
}
