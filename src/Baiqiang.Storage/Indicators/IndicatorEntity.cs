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

    /// <summary>The catalogue group (综合, 工业, 投资 …).</summary>
    public string Category { get; set; } = string.Empty;

    /// <summary>The indicator this one is a part of; null at the top.</summary>
    public IndicatorCode? ParentCode { get; set; }

    /// <summary>True when its growth is published at comparable prices (可比价).</summary>
    public bool ComparableGrowth { get; set; }

    /// <summary>The day it was retired; null while in use.</summary>
    public DateOnly? RetiredOn { get; set; }

    public string Description { get; set; } = string.Empty;

    /// <summary>True once a user changed a built-in entry: seeding from the shipped file no longer refreshes it.</summary>
    public bool UserModified { get; set; }

    string IAuditable.AuditEntity => "indicator";

    string IAuditable.AuditKey => Code.ToString();

    public Indicator ToIndicator() => new(
        Code, NameZh, NameEn, Unit, Kind, Direction, PublishedCumulatively, AllowsNegative,
        Aliases.Length == 0 ? [] : Aliases.Split('|'))
    {
        Category = Category,
        Parent = ParentCode,
        ComparableGrowth = ComparableGrowth,
        Retired = RetiredOn,
        Description = Description,
    };

    /// <summary>Copies every catalogue field of <paramref name="indicator"/> (not the code, built-in or user flags).</summary>
    public void CopyFrom(Indicator indicator)
    {
        NameZh = indicator.NameZh;
        NameEn = indicator.NameEn;
        Unit = indicator.Unit;
        Kind = indicator.Kind;
        Direction = indicator.Direction;
        PublishedCumulatively = indicator.PublishedCumulatively;
        AllowsNegative = indicator.AllowsNegative;
        Aliases = string.Join('|', indicator.Aliases);
        Category = indicator.Category;
        ParentCode = indicator.Parent;
        ComparableGrowth = indicator.ComparableGrowth;
        RetiredOn = indicator.Retired;
        Description = indicator.Description;
    }

    /// <summary>True when every catalogue field equals <paramref name="indicator"/>'s.</summary>
    public bool SameAs(Indicator indicator)
    {
        var other = new IndicatorEntity { Code = Code };
        other.CopyFrom(indicator);
        return NameZh == other.NameZh && NameEn == other.NameEn && Unit.Equals(other.Unit) && Kind == other.Kind && Direction == other.Direction
            && PublishedCumulatively == other.PublishedCumulatively && AllowsNegative == other.AllowsNegative && Aliases == other.Aliases
            && Category == other.Category && ParentCode == other.ParentCode && ComparableGrowth == other.ComparableGrowth
            && RetiredOn == other.RetiredOn && Description == other.Description;
    }

    public static IndicatorEntity From(Indicator indicator, bool isBuiltin)
    {
        var e = new IndicatorEntity { Code = indicator.Code, IsBuiltin = isBuiltin };
        e.CopyFrom(indicator);
        return e;
    }
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
        builder.Property(i => i.Category).HasMaxLength(50);
        builder.Property(i => i.ParentCode).HasMaxLength(64);
        builder.Property(i => i.Description).HasMaxLength(1000);
    }
}
