using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Indicators;

/// <summary>A stored catalogue entry; <see cref="Aliases"/> are joined by '|'.</summary>
public sealed class IndicatorEntity : IAuditable
{
    public IndicatorCode Code { get; set; }

    public string NameZh { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public Unit Unit { get; set; } = Unit.None;

    public IndicatorKind Kind { get; set; }

    public Direction Direction { get; set; }

    public bool PublishedCumulatively { get; set; }

    public bool AllowsNegative { get; set; }

    /// <summary>Other names, joined by '|'.</summary>
    public string Aliases { get; set; } = string.Empty;

    /// <summary>True for the catalogue shipped with Baiqiang; false for indicators a user added.</summary>
    public bool IsBuiltin { get; set; }

    string IAuditable.AuditEntity => "indicator";

    string IAuditable.AuditKey => Code.ToString();

    public Indicator ToIndicator() => new(
        Code, NameZh, NameEn, Unit, Kind, Direction, PublishedCumulatively, AllowsNegative,
        Aliases.Length == 0 ? [] : Aliases.Split('|'));

    public static IndicatorEntity From(Indicator indicator, bool isBuiltin) => new()
    {
        Code = indicator.Code,
        NameZh = indicator.NameZh,
        NameEn = indicator.NameEn,
        Unit = indicator.Unit,
        Kind = indicator.Kind,
        Direction = indicator.Direction,
        PublishedCumulatively = indicator.PublishedCumulatively,
        AllowsNegative = indicator.AllowsNegative,
        Aliases = string.Join('|', indicator.Aliases),
        IsBuiltin = isBuiltin,
    };
}

internal sealed class IndicatorEntityConfiguration : IEntityTypeConfiguration<IndicatorEntity>
{
    public void Configure(EntityTypeBuilder<IndicatorEntity> builder)
    {
        builder.ToTable("indicators");
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(64).ValueGeneratedNever();
        builder.Property(i => i.NameZh).HasMaxLength(200);
        builder.Property(i => i.NameEn).HasMaxLength(200);
        builder.Property(i => i.Unit).HasMaxLength(20);
    }
}
