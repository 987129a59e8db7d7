using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Services;
using Baiqiang.Storage.Targets;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Cluster;

/// <summary>
/// PostgreSQL keys a Citus cluster can distribute by <c>region_code</c> (docs/scale.md): every fact table's primary key is
/// <c>(region_code, id)</c>, every unique key leads with <c>region_code</c>, and children reference their parent by
/// <c>(region_code, parent_id)</c>.
/// </summary>
/// <remarks>
/// Applied by <see cref="BaiqiangDbContext"/> on PostgreSQL only: SQLite cannot auto-increment a composite primary key, so
/// it keeps <c>(id)</c> keys and its store-wide unique indexes. <c>id</c> stays an identity column on PostgreSQL, so ids
/// remain unique store-wide. A former store-wide unique index stays as a plain index for look-ups without a region; the
/// stores keep codes unique store-wide themselves (under <see cref="StoreWriteLock"/>). Because the region is part of the
/// key, a record's region cannot change (the stores refuse it with a bilingual error).
/// </remarks>
internal static class CitusKeys
{
    private const string Region = nameof(ObservationEntity.RegionCode);
    private const string Id = nameof(ObservationEntity.Id);

    public static void Apply(ModelBuilder b)
    {
        // Children first: once they reference (region_code, id), the parents' new primary keys replace the old ones.
        var project = b.Entity<ProjectEntity>();
        KeepIndex<ProjectPlanEntity>(b, nameof(ProjectPlanEntity.ProjectId));
        project.HasMany(p => p.Plans).WithOne().HasForeignKey(Region, nameof(ProjectPlanEntity.ProjectId)).HasPrincipalKey(Region, Id).OnDelete(DeleteBehavior.Cascade);
        KeepIndex<ProjectStatusChangeEntity>(b, nameof(ProjectStatusChangeEntity.ProjectId));
        project.HasMany(p => p.StatusChanges).WithOne().HasForeignKey(Region, nameof(ProjectStatusChangeEntity.ProjectId)).HasPrincipalKey(Region, Id).OnDelete(DeleteBehavior.Cascade);
        KeepIndex<ProjectMilestoneEntity>(b, nameof(ProjectMilestoneEntity.ProjectId));
        project.HasMany(p => p.Milestones).WithOne().HasForeignKey(Region, nameof(ProjectMilestoneEntity.ProjectId)).HasPrincipalKey(Region, Id).OnDelete(DeleteBehavior.Cascade);
        KeepIndex<ProjectAgreementEntity>(b, nameof(ProjectAgreementEntity.ProjectId));
        project.HasMany(p => p.Agreements).WithOne().HasForeignKey(Region, nameof(ProjectAgreementEntity.ProjectId)).HasPrincipalKey(Region, Id).OnDelete(DeleteBehavior.Cascade);
        KeepIndex<MilestoneReplanEntity>(b, nameof(MilestoneReplanEntity.ProjectId));
        project.HasMany(p => p.Replans).WithOne().HasForeignKey(Region, nameof(MilestoneReplanEntity.ProjectId)).HasPrincipalKey(Region, Id).OnDelete(DeleteBehavior.Cascade);
        ChildOf<MonthlyReportEntity, ProjectEntity>(b, nameof(MonthlyReportEntity.ProjectId));
        ChildOf<ProjectProblemEntity, ProjectEntity>(b, nameof(ProjectProblemEntity.ProjectId));
        ChildOf<ProjectAttachmentEntity, ProjectEntity>(b, nameof(ProjectAttachmentEntity.ProjectId));
        ChildOf<SupervisionStepEntity, ProjectProblemEntity>(b, nameof(SupervisionStepEntity.ProblemId));
        b.Entity<ProjectAttachmentEntity>().HasOne(a => a.Content).WithOne()
            .HasForeignKey<ProjectAttachmentContentEntity>(Region, nameof(ProjectAttachmentContentEntity.AttachmentId))
            .HasPrincipalKey<ProjectAttachmentEntity>(Region, Id).OnDelete(DeleteBehavior.Cascade);
        b.Entity<ProjectAttachmentContentEntity>().HasKey(Region, nameof(ProjectAttachmentContentEntity.AttachmentId));

        RegionKey<ObservationEntity>(b);
        RegionKey<ProjectEntity>(b);
        RegionKey<ProjectPlanEntity>(b);
        RegionKey<ProjectStatusChangeEntity>(b);
        RegionKey<ProjectMilestoneEntity>(b);
        RegionKey<ProjectAgreementEntity>(b);
        RegionKey<MilestoneReplanEntity>(b);
        RegionKey<MonthlyReportEntity>(b);
        RegionKey<ProjectProblemEntity>(b);
        RegionKey<SupervisionStepEntity>(b);
        RegionKey<ProjectAttachmentEntity>(b);
        RegionKey<ClosedMonthEntity>(b);

        RegionKey<DealEntity>(b);
        RegionUnique<DealEntity>(b, nameof(DealEntity.Code));
        RegionUnique<DealEntity>(b, CodeKeys.Property);
        RegionKey<DealFundsEntity>(b);
        RegionUnique<DealFundsEntity>(b, nameof(DealFundsEntity.DealId), nameof(DealFundsEntity.Month));
        RegionKey<DealMilestoneEntity>(b);
        RegionUnique<DealMilestoneEntity>(b, nameof(DealMilestoneEntity.DealId), nameof(DealMilestoneEntity.Kind));

        RegionKey<EnterpriseEntity>(b);
        RegionUnique<EnterpriseEntity>(b, nameof(EnterpriseEntity.CreditCode));
        RegionKey<VisitEntity>(b);
        RegionUnique<VisitEntity>(b, nameof(VisitEntity.Key));
        RegionKey<RequestEntity>(b);
        RegionUnique<RequestEntity>(b, nameof(RequestEntity.Key));
        RegionUnique<RequestEntity>(b, CodeKeys.Property);
        RegionKey<CashOutEntity>(b);
        RegionUnique<CashOutEntity>(b, nameof(CashOutEntity.Key));

        RegionKey<TargetEntity>(b);
        RegionUnique<TargetEntity>(b, nameof(TargetEntity.Key));
        RegionUnique<TargetEntity>(b, CodeKeys.Property);
    }

    /// <summary>Primary key (region_code, id), id still the identity column.</summary>
    private static void RegionKey<T>(ModelBuilder b)
        where T : class
    {
        var entity = b.Entity<T>();
        entity.HasKey(Region, Id);
        entity.Property<long>(Id).ValueGeneratedOnAdd().UseIdentityByDefaultColumn();

        // The former (id) key, kept by EF while something referenced it, must not stay as a unique constraint.
        var idOnly = entity.Metadata.GetKeys().Where(k => !k.IsPrimaryKey() && k.Properties is [{ Name: Id }]).ToList();
        foreach (var key in idOnly)
        {
            entity.Metadata.RemoveKey(key);
        }
    }

    /// <summary>A store-wide unique index becomes unique per region; the columns keep a plain index for look-ups by code alone.</summary>
    private static void RegionUnique<T>(ModelBuilder b, params string[] properties)
        where T : class
    {
        var entity = b.Entity<T>();
        entity.HasIndex(properties).IsUnique(false);
        entity.HasIndex([Region, .. properties]).IsUnique();
    }

    /// <summary>The child references its parent by (region_code, parent_id) instead of (parent_id).</summary>
    private static void ChildOf<TChild, TParent>(ModelBuilder b, string parentId)
        where TChild : class
        where TParent : class
    {
        KeepIndex<TChild>(b, parentId);
        var child = b.Entity<TChild>();
        var old = child.Metadata.GetForeignKeys().Single(fk => fk.PrincipalEntityType.ClrType == typeof(TParent));
        var onDelete = old.DeleteBehavior;
        child.Metadata.RemoveForeignKey(old);
        child.HasOne<TParent>().WithMany().HasForeignKey(Region, parentId).HasPrincipalKey(Region, Id).OnDelete(onDelete);
    }

    /// <summary>Keeps the index EF made for the old foreign key, for look-ups by the parent's id alone.</summary>
    private static void KeepIndex<T>(ModelBuilder b, string property)
        where T : class => b.Entity<T>().HasIndex(property);
}
