using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Projects;

/// <summary>
/// A re-plan (计划调整) of a baselined milestone: its planned date moved from <see cref="FromDate"/> to <see cref="ToDate"/>
/// for <see cref="Reason"/>, by <see cref="By"/> at <see cref="At"/>. Kept apart from the baseline, which never changes.
/// </summary>
public sealed class MilestoneReplanEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public long ProjectId { get; set; }

    public string ProjectCode { get; set; } = string.Empty;

    public string MilestoneName { get; set; } = string.Empty;

    public DateOnly FromDate { get; set; }

    public DateOnly ToDate { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "milestone_replan";

    string IAuditable.AuditKey => $"{ProjectCode}|{MilestoneName}|{FromDate:yyyy-MM-dd}>{ToDate:yyyy-MM-dd}";
}

/// <summary>
/// The approval of a year's plan for a region (and the regions below it): from then on the planned dates of that year's
/// milestones are the baseline.
/// </summary>
public sealed class PlanApprovalEntity : IAuditable
{
    public long Id { get; set; }

    /// <summary>The region approved for (with the regions below it); null: every region.</summary>
    public RegionCode? RegionCode { get; set; }

    public int Year { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }

    public string ApprovedBy { get; set; } = string.Empty;

    /// <summary>How many milestones got their baseline by this approval.</summary>
    public int MilestoneCount { get; set; }

    string IAuditable.AuditEntity => "plan_approval";

    string IAuditable.AuditKey => $"{RegionCode?.ToString() ?? "*"}|{Year}";
}

internal sealed class MilestoneReplanEntityConfiguration : IEntityTypeConfiguration<MilestoneReplanEntity>
{
    public void Configure(EntityTypeBuilder<MilestoneReplanEntity> builder)
    {
        builder.ToTable("milestone_replans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProjectCode).HasMaxLength(Project.MaxCodeLength);
        builder.Property(p => p.MilestoneName).HasMaxLength(300);
        builder.Property(p => p.Reason).HasMaxLength(MilestonePlan.MaxReasonLength);
        builder.Property(p => p.By).HasMaxLength(200);
        builder.HasIndex(p => new { p.RegionCode, p.ProjectId });
    }
}

internal sealed class PlanApprovalEntityConfiguration : IEntityTypeConfiguration<PlanApprovalEntity>
{
    public void Configure(EntityTypeBuilder<PlanApprovalEntity> builder)
    {
        builder.ToTable("plan_approvals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ApprovedBy).HasMaxLength(200);
        builder.HasIndex(p => new { p.RegionCode, p.Year }).IsUnique();
    }
}
