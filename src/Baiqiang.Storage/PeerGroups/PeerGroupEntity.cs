using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.PeerGroups;

/// <summary>A named set of regions to compare with each other (对标).</summary>
/// <remarks>
/// Audited as <c>peer_group</c> keyed by <see cref="Id"/>: adding, renaming and deleting by the context, and the member
/// set (one <c>members</c> row, old → new codes) by <see cref="PeerGroupStore"/> whenever it changes.
/// </remarks>
public sealed class PeerGroupEntity : IAuditable
{
    /// <summary>The audit log's entity name.</summary>
    public const string AuditName = "peer_group";

    public string Id { get; set; } = string.Empty;

    public string NameZh { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public PeerGroupKind Kind { get; set; }

    public List<PeerGroupMemberEntity> Members { get; set; } = [];

    string IAuditable.AuditEntity => AuditName;

    string IAuditable.AuditKey => Id;
}

/// <summary>A region in a peer group; <see cref="Rank"/> is the published rank for list groups.</summary>
public sealed class PeerGroupMemberEntity
{
    public string PeerGroupId { get; set; } = string.Empty;

    public RegionCode RegionCode { get; set; }

    public int? Rank { get; set; }
}

internal sealed class PeerGroupEntityConfiguration : IEntityTypeConfiguration<PeerGroupEntity>
{
    public void Configure(EntityTypeBuilder<PeerGroupEntity> builder)
    {
        builder.ToTable("peer_groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasMaxLength(100);
        builder.Property(g => g.NameZh).HasMaxLength(200);
        builder.Property(g => g.NameEn).HasMaxLength(200);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.PeerGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeerGroupMemberEntityConfiguration : IEntityTypeConfiguration<PeerGroupMemberEntity>
{
    public void Configure(EntityTypeBuilder<PeerGroupMemberEntity> builder)
    {
        builder.ToTable("peer_group_members");
        builder.HasKey(m => new { m.PeerGroupId, m.RegionCode });
        builder.HasIndex(m => m.RegionCode);
    }
}
