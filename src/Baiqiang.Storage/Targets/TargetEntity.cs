using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;
using Baiqiang.Storage.Auditing;
using Baiqiang.Storage.Infrastructure;
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

    /// <summary>The target's stable identifier (<see cref="Target.Id"/>), unique in the store.</summary>
    public string Key { get; set; } = string.Empty;

    public string SubjectKind { get; set; } = "indicator";

    public string Subject { get; set; } = string.Empty;

    public RegionCode RegionCode { get; set; }

    /// <summary>The period by whose end the target should be met.</summary>
    public StatPeriod Deadline { get; set; }

    public string Comparator { get; set; } = ">=";

    /// <summary>The absolute target value; null for a multiple-of-base target.</summary>
    public decimal? Value { get; set; }

    public Qualifier Qualifier { get; set; }

    public Unit Unit { get; set; } = Unit.None;

    public decimal? MultipleOfBase { get; set; }

    /// <summary>The base period of a multiple-of-base target, or of an increase target counted from a period other than the year before the deadline's.</summary>
    public StatPeriod? BasePeriod { get; set; }

    /// <summary>The growth a growth target asks for, in percent (16 = 增长16%); null for other forms.</summary>
    public decimal? GrowthPercent { get; set; }

    /// <summary>The increase an increase target asks for (新增20家: 20, in <see cref="Unit"/>); null for other forms.</summary>
    public decimal? Increase { get; set; }

    public string DescriptionZh { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "target";

    string IAuditable.AuditKey => Key;

    public static TargetEntity From(Target target) => new()
    {
        Key = target.Id,
        SubjectKind = target.SubjectKind switch
        {
            TargetSubjectKind.Count => "count",
            TargetSubjectKind.Amount => "amount",
            _ => "indicator",
        },
        Subject = target.Subject,
        RegionCode = target.Region,
        Deadline = target.Deadline,
        Comparator = target.Comparator switch
        {
            Core.Targets.Comparator.AtMost => "<=",
            Core.Targets.Comparator.Equal => "=",
            _ => ">=",
        },
        Value = target.Value?.Value,
        Qualifier = target.Value?.Qualifier ?? Qualifier.Exact,
        Unit = target.Value?.Unit ?? target.Increase?.Unit ?? Unit.None,
        MultipleOfBase = target.MultipleOfBase,
        BasePeriod = target.BasePeriod,
        GrowthPercent = target.GrowthPercent,
        Increase = target.Increase?.Value,
        DescriptionZh = target.DescriptionZh ?? string.Empty,
    };

    public Target ToTarget() => new(
        Key,
        SubjectKind switch
        {
            "count" => TargetSubjectKind.Count,
            "amount" => TargetSubjectKind.Amount,
            _ => TargetSubjectKind.Indicator,
        },
        Subject,
        RegionCode,
        Deadline,
        Comparator switch
        {
            "<=" => Core.Targets.Comparator.AtMost,
            "=" => Core.Targets.Comparator.Equal,
            _ => Core.Targets.Comparator.AtLeast,
        },
        Value is { } v ? new Amount(Trim(v), Unit, Qualifier) : null,
        MultipleOfBase is { } m ? Trim(m) : null,
        BasePeriod,
        DescriptionZh.Length == 0 ? null : DescriptionZh,
        GrowthPercent is { } g ? Trim(g) : null,
        Increase is { } i ? new Amount(Trim(i), Unit) : null);

    /// <summary>Drops the trailing zeros a numeric(28,8) column adds (1000.00000000 → 1000), so formulas read as entered.</summary>
    private static decimal Trim(decimal v) => v / 1.000000000000000000000000000000000m;
}

internal sealed class TargetEntityConfiguration : IEntityTypeConfiguration<TargetEntity>
{
    public void Configure(EntityTypeBuilder<TargetEntity> builder)
    {
        builder.ToTable("targets", tb => tb.HasTrigger(Migrations.Data.CodeKeysData.Trigger("targets")));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Key).HasMaxLength(100);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property<string>(CodeKeys.Property).HasMaxLength(100).IsRequired();
        builder.HasIndex(CodeKeys.Property).IsUnique();
        builder.Property(t => t.SubjectKind).HasMaxLength(30);
        builder.Property(t => t.Subject).HasMaxLength(100);
        builder.Property(t => t.Deadline).HasMaxLength(16);
        builder.Property(t => t.BasePeriod).HasMaxLength(16);
        builder.Property(t => t.Comparator).HasMaxLength(4);
        builder.Property(t => t.Value).HasPrecision(28, 8);
        builder.Property(t => t.MultipleOfBase).HasPrecision(28, 8);
        builder.Property(t => t.GrowthPercent).HasPrecision(28, 8);
        builder.Property(t => t.Increase).HasPrecision(28, 8);
        builder.Property(t => t.Unit).HasMaxLength(20);
        builder.Property(t => t.DescriptionZh).HasMaxLength(1000);
        builder.HasIndex(t => new { t.RegionCode, t.Deadline });
    }
}
