using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Targets;

/// <summary>
/// A goal a region has set itself (目标): e.g. GDP ≥ 1,000亿元 by 2025, or 2× the 2020 base by 2035.
/// </summary>
/// <remarks><see cref="SubjectKind"/> says what <see cref="Subject"/> names (an indicator code, a rank on a list …);
/// <see cref="Comparator"/> is one of <c>&gt;=</c>, <c>&lt;=</c>, <c>=</c>. When <see cref="MultipleOfBase"/> is set the target
/// is that multiple of the value in <see cref="BasePeriod"/> rather than <see cref="Value"/>.</remarks>
public sealed class TargetEntity : IAuditable
{
    public long Id { get; set; }

    public string SubjectKind { get; set; } = "indicator";

    public string Subject { get; set; } = string.Empty;

    public RegionCode RegionCode { get; set; }

    /// <summary>The period by whose end the target should be met.</summary>
    public StatPeriod Deadline { get; set; }

    public string Comparator { get; set; } = ">=";

    public decimal Value { get; set; }

    public Unit Unit { get; set; } = Unit.None;

    public decimal? MultipleOfBase { get; set; }

    public StatPeriod? BasePeriod { get; set; }

    public string DescriptionZh { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "target";

    string IAuditable.AuditKey => $"{RegionCode}|{SubjectKind}:{Subject}|{Deadline}";
}

internal sealed class TargetEntityConfiguration : IEntityTypeConfiguration<TargetEntity>
{
    public void Configure(EntityTypeBuilder<TargetEntity> builder)
    {
        builder.ToTable("targets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.SubjectKind).HasMaxLength(30);
        builder.Property(t => t.Subject).HasMaxLength(100);
        builder.Property(t => t.Deadline).HasMaxLength(16);
        builder.Property(t => t.BasePeriod).HasMaxLength(16);
        builder.Property(t => t.Comparator).HasMaxLength(4);
        builder.Property(t => t.Value).HasPrecision(28, 8);
        builder.Property(t => t.MultipleOfBase).HasPrecision(28, 8);
        builder.Property(t => t.Unit).HasMaxLength(20);
        builder.Property(t => t.DescriptionZh).HasMaxLength(1000);
        builder.HasIndex(t => new { t.RegionCode, t.Deadline });
    }
}
