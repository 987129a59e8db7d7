using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Baiqiang.Storage.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Projects;

/// <summary>
/// A key project (重点项目) row. The domain value is <see cref="Project"/>; <see cref="ProjectStore"/> converts both ways.
/// </summary>
/// <remarks>
/// Money is 万元 (decimal). <see cref="InitialStatus"/>/<see cref="InitialStatusSince"/> are what the project was created
/// with; the status history (<see cref="ProjectStatusChangeEntity"/>) replayed on top gives <see cref="Status"/>, which is
/// kept denormalised for counting. Tags and work-group members are stored as '|'-separated text.
/// <see cref="Code"/> is unique across the store (checked by <see cref="ProjectStore"/>); the database index is unique on
/// (region_code, code) because Citus needs the distribution column in every unique constraint.
/// </remarks>
public sealed class ProjectEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public ProjectCategory Category { get; set; } = ProjectCategory.Industry;

    public string? IndustryChain { get; set; }

    public ProjectKind Kind { get; set; } = ProjectKind.NewStart;

    public string OwnerEnterprise { get; set; } = string.Empty;

    public string ConstructionContent { get; set; } = string.Empty;

    public decimal TotalInvestment { get; set; }

    public DateOnly? PlannedStart { get; set; }

    public DateOnly? PlannedFinish { get; set; }

    public string Tags { get; set; } = string.Empty;

    public string Leader { get; set; } = string.Empty;

    public string LeadDepartment { get; set; } = string.Empty;

    public string WorkGroup { get; set; } = string.Empty;

    /// <summary>工作推进组 (the work group's name, a ledger grouping); "" when none.</summary>
    public string WorkGroupName { get; set; } = string.Empty;

    public ProjectStatus InitialStatus { get; set; } = ProjectStatus.Reserve;

    public DateOnly? InitialStatusSince { get; set; }

    public ProjectStatus Status { get; set; } = ProjectStatus.Reserve;

    public DateOnly? StatusSince { get; set; }

    public List<ProjectPlanEntity> Plans { get; set; } = [];

    public List<ProjectStatusChangeEntity> StatusChanges { get; set; } = [];

    public List<ProjectMilestoneEntity> Milestones { get; set; } = [];

    public List<ProjectAgreementEntity> Agreements { get; set; } = [];

    /// <summary>Re-plans of baselined milestones (not loaded by the usual queries; new ones are added here).</summary>
    public List<MilestoneReplanEntity> Replans { get; set; } = [];

    /// <summary>Where the project is (WGS-84 degrees, 6 decimals), for the ledger map; null when not entered. See <see cref="ProjectAttachmentStore.SetLocationAsync"/>.</summary>
    public decimal? Latitude { get; set; }

    /// <summary>See <see cref="Latitude"/>.</summary>
    public decimal? Longitude { get; set; }

    string IAuditable.AuditEntity => "project";

    string IAuditable.AuditKey => Code;
}

/// <summary>年度计划投资 of one project for one year, 万元.</summary>
public sealed class ProjectPlanEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public long ProjectId { get; set; }

    public string ProjectCode { get; set; } = string.Empty;

    public int Year { get; set; }

    public decimal Amount { get; set; }

    string IAuditable.AuditEntity => "project_plan";

    string IAuditable.AuditKey => $"{ProjectCode}|{Year}";
}

/// <summary>One lifecycle transition (储备 → 签约 …), in order by <see cref="Sequence"/>.</summary>
public sealed class ProjectStatusChangeEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public long ProjectId { get; set; }

    public string ProjectCode { get; set; } = string.Empty;

    public int Sequence { get; set; }

    public ProjectStatus From { get; set; }

    public ProjectStatus To { get; set; }

    public DateOnly On { get; set; }

    public string? Reason { get; set; }

    string IAuditable.AuditEntity => "project_status";

    string IAuditable.AuditKey => $"{ProjectCode}|{Sequence}";
}

/// <summary>A milestone (节点) with its deadline.</summary>
public sealed class ProjectMilestoneEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public long ProjectId { get; set; }

    public string ProjectCode { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateOnly Deadline { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// <summary>节点 or 前期手续 (0 for every row stored before migration <c>MilestoneBaselines</c>).</summary>
    public MilestoneKind Kind { get; set; }

    /// <summary>The planned date frozen by the year's plan approval; null before. <see cref="Deadline"/> is the current plan.</summary>
    public DateOnly? Baseline { get; set; }

    string IAuditable.AuditEntity => "project_milestone";

    string IAuditable.AuditKey => $"{ProjectCode}|{Name}";
}

/// <summary>A 补充协议: new completion date, tax commitment (万元), date signed.</summary>
public sealed class ProjectAgreementEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public long ProjectId { get; set; }

    public string ProjectCode { get; set; } = string.Empty;

    public DateOnly SignedOn { get; set; }

    public DateOnly NewCompletionDate { get; set; }

    public decimal? TaxCommitment { get; set; }

    string IAuditable.AuditEntity => "project_agreement";

    string IAuditable.AuditKey => $"{ProjectCode}|{SignedOn:yyyy-MM-dd}";
}

/// <summary>
/// A monthly report (月报) revision. Every revision is kept; <see cref="IsCurrent"/> marks the one the ledger uses for its
/// project-month (the highest approved revision), so the ledger query reads only current rows.
/// </summary>
public sealed class MonthlyReportEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public long ProjectId { get; set; }

    public string ProjectCode { get; set; } = string.Empty;

    public int Year { get; set; }

    public int Month { get; set; }

    public int Revision { get; set; }

    public decimal CompletedThisMonth { get; set; }

    public decimal CumulativeThisYear { get; set; }

    public decimal PreviousCumulative { get; set; }

    /// <summary>True when <see cref="PreviousCumulative"/> is the opening balance (期初累计) carried by the project's first report of the year.</summary>
    public bool IsOpeningBalance { get; set; }

    public string Progress { get; set; } = string.Empty;

    /// <summary>存在问题, one per line.</summary>
    public string Problems { get; set; } = string.Empty;

    public ReportState State { get; set; } = ReportState.Draft;

    public string? Reviewer { get; set; }

    public string? ReviewComment { get; set; }

    public string? CorrectionReason { get; set; }

    /// <summary>True for the highest approved revision of its project-month.</summary>
    public bool IsCurrent { get; set; }

    string IAuditable.AuditEntity => "monthly_report";

    string IAuditable.AuditKey => $"{ProjectCode}|{Year:D4}-{Month:D2}|r{Revision}";
}

/// <summary>A problem (问题清单) raised for a project. <see cref="Key"/> is unique per region.</summary>
public sealed class ProjectProblemEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public long ProjectId { get; set; }

    public string ProjectCode { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string ResponsibleDepartment { get; set; } = string.Empty;

    public DateOnly RaisedOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public ProblemStatus Status { get; set; } = ProblemStatus.Open;

    public string? Resolution { get; set; }

    public DateOnly? ResolvedOn { get; set; }

    string IAuditable.AuditEntity => "project_problem";

    string IAuditable.AuditKey => Key;
}

/// <summary>A closed reporting month (关账) of one region.</summary>
public sealed class ClosedMonthEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public DateTimeOffset ClosedAt { get; set; }

    public string ClosedBy { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "closed_month";

    string IAuditable.AuditKey => $"{RegionCode}|{Year:D4}-{Month:D2}";
}

internal sealed class ProjectEntityConfiguration : IEntityTypeConfiguration<ProjectEntity>
{
    public void Configure(EntityTypeBuilder<ProjectEntity> builder)
    {
        builder.ToTable("projects", tb => tb.HasTrigger(Migrations.Data.CodeKeysData.Trigger("projects")));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(Project.MaxCodeLength);
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.IndustryChain).HasMaxLength(100);
        builder.Property(p => p.OwnerEnterprise).HasMaxLength(300);
        builder.Property(p => p.ConstructionContent).HasMaxLength(4000);
        builder.Property(p => p.TotalInvestment).HasPrecision(28, 8);
        builder.Property(p => p.Tags).HasMaxLength(500);
        builder.Property(p => p.Leader).HasMaxLength(100);
        builder.Property(p => p.LeadDepartment).HasMaxLength(200);
        builder.Property(p => p.WorkGroup).HasMaxLength(1000);
        builder.Property(p => p.WorkGroupName).HasMaxLength(200);

        // Every index leads with region_code so a Citus deployment can distribute by it.
        builder.HasIndex(p => new { p.RegionCode, p.Code }).IsUnique();
        builder.HasIndex(p => p.Code);
        builder.Property<string>(CodeKeys.Property).HasMaxLength(Project.MaxCodeLength).IsRequired();
        builder.HasIndex(nameof(ProjectEntity.RegionCode), CodeKeys.Property).IsUnique();
        builder.HasMany(p => p.Plans).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.StatusChanges).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Milestones).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Agreements).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Replans).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectPlanEntityConfiguration : IEntityTypeConfiguration<ProjectPlanEntity>
{
    public void Configure(EntityTypeBuilder<ProjectPlanEntity> builder)
    {
        builder.ToTable("project_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProjectCode).HasMaxLength(Project.MaxCodeLength);
        builder.Property(p => p.Amount).HasPrecision(28, 8);
        builder.HasIndex(p => new { p.RegionCode, p.ProjectId, p.Year }).IsUnique();
        builder.HasIndex(p => new { p.RegionCode, p.Year });
    }
}

internal sealed class ProjectStatusChangeEntityConfiguration : IEntityTypeConfiguration<ProjectStatusChangeEntity>
{
    public void Configure(EntityTypeBuilder<ProjectStatusChangeEntity> builder)
    {
        builder.ToTable("project_status_changes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProjectCode).HasMaxLength(Project.MaxCodeLength);
        builder.Property(p => p.Reason).HasMaxLength(1000);
        builder.HasIndex(p => new { p.RegionCode, p.ProjectId, p.Sequence }).IsUnique();
        builder.HasIndex(p => new { p.RegionCode, p.On });
    }
}

internal sealed class ProjectMilestoneEntityConfiguration : IEntityTypeConfiguration<ProjectMilestoneEntity>
{
    public void Configure(EntityTypeBuilder<ProjectMilestoneEntity> builder)
    {
        builder.ToTable("project_milestones");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProjectCode).HasMaxLength(Project.MaxCodeLength);
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.HasIndex(p => new { p.RegionCode, p.ProjectId });
    }
}

internal sealed class ProjectAgreementEntityConfiguration : IEntityTypeConfiguration<ProjectAgreementEntity>
{
    public void Configure(EntityTypeBuilder<ProjectAgreementEntity> builder)
    {
        builder.ToTable("project_agreements");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProjectCode).HasMaxLength(Project.MaxCodeLength);
        builder.Property(p => p.TaxCommitment).HasPrecision(28, 8);
        builder.HasIndex(p => new { p.RegionCode, p.ProjectId });
    }
}

internal sealed class MonthlyReportEntityConfiguration : IEntityTypeConfiguration<MonthlyReportEntity>
{
    public void Configure(EntityTypeBuilder<MonthlyReportEntity> builder)
    {
        builder.ToTable("monthly_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ProjectCode).HasMaxLength(Project.MaxCodeLength);
        builder.Property(r => r.CompletedThisMonth).HasPrecision(28, 8);
        builder.Property(r => r.CumulativeThisYear).HasPrecision(28, 8);
        builder.Property(r => r.PreviousCumulative).HasPrecision(28, 8);
        builder.Property(r => r.Progress).HasMaxLength(4000);
        builder.Property(r => r.Problems).HasMaxLength(4000);
        builder.Property(r => r.Reviewer).HasMaxLength(200);
        builder.Property(r => r.ReviewComment).HasMaxLength(1000);
        builder.Property(r => r.CorrectionReason).HasMaxLength(1000);
        builder.HasIndex(r => new { r.RegionCode, r.ProjectId, r.Year, r.Month, r.Revision }).IsUnique();
        builder.HasIndex(r => new { r.RegionCode, r.Year, r.Month, r.IsCurrent });
        builder.HasOne<ProjectEntity>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectProblemEntityConfiguration : IEntityTypeConfiguration<ProjectProblemEntity>
{
    public void Configure(EntityTypeBuilder<ProjectProblemEntity> builder)
    {
        builder.ToTable("project_problems");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProjectCode).HasMaxLength(Project.MaxCodeLength);
        builder.Property(p => p.Key).HasMaxLength(64);
        builder.Property(p => p.Category).HasMaxLength(100);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.ResponsibleDepartment).HasMaxLength(200);
        builder.Property(p => p.Resolution).HasMaxLength(2000);
        builder.HasIndex(p => new { p.RegionCode, p.Key }).IsUnique();
        builder.HasIndex(p => new { p.RegionCode, p.ProjectId });
        builder.HasOne<ProjectEntity>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClosedMonthEntityConfiguration : IEntityTypeConfiguration<ClosedMonthEntity>
{
    public void Configure(EntityTypeBuilder<ClosedMonthEntity> builder)
    {
        builder.ToTable("closed_months");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ClosedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.RegionCode, c.Year, c.Month }).IsUnique();
    }
}
