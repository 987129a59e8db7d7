using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Projects;

/// <summary>One escalation (督办 step) of a problem, in order by <see cref="Sequence"/>. The initial 交办 is the problem itself.</summary>
public sealed class SupervisionStepEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public long ProblemId { get; set; }

    public string ProblemKey { get; set; } = string.Empty;

    public string ProjectCode { get; set; } = string.Empty;

    public int Sequence { get; set; }

    public SupervisionLevel Level { get; set; }

    public DateOnly On { get; set; }

    public DateOnly? DueOn { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string By { get; set; } = string.Empty;

    public bool ByRule { get; set; }

    string IAuditable.AuditEntity => "problem_supervision";

    string IAuditable.AuditKey => $"{ProblemKey}|s{Sequence}";
}

internal sealed class SupervisionStepEntityConfiguration : IEntityTypeConfiguration<SupervisionStepEntity>
{
    public void Configure(EntityTypeBuilder<SupervisionStepEntity> builder)
    {
        builder.ToTable("problem_supervision_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ProblemKey).HasMaxLength(64);
        builder.Property(s => s.ProjectCode).HasMaxLength(Project.MaxCodeLength);
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.Property(s => s.By).HasMaxLength(200);
        builder.HasIndex(s => new { s.RegionCode, s.ProblemId, s.Sequence }).IsUnique();
        builder.HasOne<ProjectProblemEntity>().WithMany().HasForeignKey(s => s.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}
