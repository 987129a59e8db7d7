using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Auditing;

/// <summary>
/// One audited change: who changed which field of which entity, from what to what, and when (UTC).
/// </summary>
/// <remarks>
/// Written by <see cref="BaiqiangDbContext"/> on every save for regions, indicators, observations and targets:
/// an added entity gives one row with <see cref="Field"/> null and a summary in <see cref="NewValue"/>; a modified
/// entity one row per changed field; a deleted one a row with the summary in <see cref="OldValue"/>.
/// </remarks>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string User { get; set; } = string.Empty;

    /// <summary>region, indicator, observation, target.</summary>
    public string Entity { get; set; } = string.Empty;

    /// <summary>The entity's natural key, e.g. <c>510502|gdp|2023|r2</c> for an observation.</summary>
    public string Key { get; set; } = string.Empty;

    public string? Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }
}

/// <summary>An entity whose changes are written to the audit log.</summary>
public interface IAuditable
{
    /// <summary>The audit log's entity name (region, indicator, observation, target).</summary>
    string AuditEntity { get; }

    /// <summary>The natural key shown in the audit log.</summary>
    string AuditKey { get; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.User).HasMaxLength(200);
        builder.Property(a => a.Entity).HasMaxLength(50);
        builder.Property(a => a.Key).HasMaxLength(300);
        builder.Property(a => a.Field).HasMaxLength(100);
        builder.HasIndex(a => new { a.Entity, a.Key });
    }
}
