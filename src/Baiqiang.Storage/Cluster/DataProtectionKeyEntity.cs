using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Cluster;

/// <summary>
/// One ASP.NET Core data-protection key (table <c>data_protection_keys</c>): the XML of a key ring entry. Kept in the store
/// so every web node on the same database signs and reads the same cookies. The web host reads and writes the table through
/// its own context (ASP.NET Core's <c>IDataProtectionKeyContext</c>); the store owns the schema, so an existing store gets
/// the table from migration <c>DataProtectionKeys</c>. Not audited: the keys are secrets, not office data.
/// </summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string? Xml { get; set; }
}

internal sealed class DataProtectionKeyEntityConfiguration : IEntityTypeConfiguration<DataProtectionKeyEntity>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyEntity> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
    }
}
