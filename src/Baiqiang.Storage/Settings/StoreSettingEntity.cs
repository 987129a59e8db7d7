using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Settings;

/// <summary>One of the store's own settings (table <c>settings</c>): a key and its text value, audited like any change.
/// The store's data carries them, so every program that opens the store (CLI, web) reads the same ones.</summary>
public sealed class StoreSettingEntity : IAuditable
{
    public const int MaxKeyLength = 100;

    public const int MaxValueLength = 1000;

    public string Key { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "setting";

    string IAuditable.AuditKey => Key;
}

internal sealed class StoreSettingEntityConfiguration : IEntityTypeConfiguration<StoreSettingEntity>
{
    public void Configure(EntityTypeBuilder<StoreSettingEntity> builder)
    {
        builder.ToTable("settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(StoreSettingEntity.MaxKeyLength);
        builder.Property(s => s.Value).HasMaxLength(StoreSettingEntity.MaxValueLength);
    }
}
