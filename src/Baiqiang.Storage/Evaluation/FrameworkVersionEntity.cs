using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Evaluation;

/// <summary>
/// One stored version of an evaluation framework (指标体系): name, version (1, 2, … per name), the canonical JSON
/// document (<see cref="Core.Evaluation.EvaluationFramework.ToJson"/>), and who saved it when. Versions are never
/// updated in place; saving a changed framework adds the next version, so past rankings stay reproducible.
/// </summary>
public sealed class FrameworkVersionEntity : IAuditable
{
    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public int Version { get; set; }

    public string Document { get; set; } = string.Empty;

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    string IAuditable.AuditEntity => "evaluation_framework";

    string IAuditable.AuditKey => $"{Name}@v{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

internal sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersionEntity>
{
    public void Configure(EntityTypeBuilder<FrameworkVersionEntity> builder)
    {
        builder.ToTable("evaluation_framework_versions");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Document).IsRequired();
        builder.Property(f => f.CreatedBy).HasMaxLength(100).IsRequired();
        builder.HasIndex(f => new { f.Name, f.Version }).IsUnique();
    }
}
