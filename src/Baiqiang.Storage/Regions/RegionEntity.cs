using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Regions;

/// <summary>A stored region: one row per code, with the vintage of the table it came from.</summary>
/// <remarks>Vintages: <c>2023-stats</c> (NBS statistical codes), <c>2020-gbt2260</c> (codes abolished since),
/// <c>user</c> (parks added by hand). <see cref="ValidFrom"/> is inclusive, <see cref="ValidTo"/> exclusive; null is open.</remarks>
public sealed class RegionEntity : IAuditable
{
    public const string Vintage2023 = "2023-stats";
    public const string Vintage2020 = "2020-gbt2260";
    public const string VintageUser = "user";

    public RegionCode Code { get; set; }

    public string Name { get; set; } = string.Empty;

    public RegionKind Kind { get; set; }

    public RegionCode? ParentCode { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public RegionCode? SuccessorCode { get; set; }

    public string Vintage { get; set; } = Vintage2023;

    /// <summary>For a zone (nine-digit code): 开发区, 园区, 功能区 or 新区 (<see cref="ZoneStore.Kinds"/>); null for other regions
    /// and for zones stored before kinds were recorded (read as 园区).</summary>
    public string? ZoneKind { get; set; }

    string IAuditable.AuditEntity => "region";

    string IAuditable.AuditKey => Code.ToString();

    public Region ToRegion() => new(Code, Name, Kind, ParentCode, ValidFrom, ValidTo, SuccessorCode);
}

internal sealed class RegionEntityConfiguration : IEntityTypeConfiguration<RegionEntity>
{
    public void Configure(EntityTypeBuilder<RegionEntity> builder)
    {
        builder.ToTable("regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Vintage).HasMaxLength(20);
        builder.Property(r => r.ZoneKind).HasMaxLength(10);
        builder.HasIndex(r => r.Name);
        builder.HasIndex(r => r.ParentCode);
    }
}
