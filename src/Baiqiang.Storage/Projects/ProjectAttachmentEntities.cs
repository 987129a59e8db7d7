using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Projects;

/// <summary>
/// An attachment (附件: site photo, PDF, Office file) of a project's monthly report, or of one of its problems when
/// <see cref="ProblemKey"/> is set. The bytes live in <see cref="ProjectAttachmentContentEntity"/> so lists and the audit
/// log never carry them.
/// </summary>
public sealed class ProjectAttachmentEntity : IAuditable
{
    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public long ProjectId { get; set; }

    public string ProjectCode { get; set; } = string.Empty;

    /// <summary>The reporting month (填报月份) the file belongs to.</summary>
    public int Year { get; set; }

    public int Month { get; set; }

    /// <summary>The problem (问题清单 key) the file documents; null for the monthly report's own files.</summary>
    public string? ProblemKey { get; set; }

    public string FileName { get; set; } = string.Empty;

    /// <summary>The type recognised from the content.</summary>
    public AttachmentType Type { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>EXIF DateTimeOriginal (see <see cref="PhotoFacts"/>).</summary>
    public DateTimeOffset? TakenAt { get; set; }

    /// <summary>EXIF GPS latitude, degrees.</summary>
    public decimal? Latitude { get; set; }

    /// <summary>EXIF GPS longitude, degrees.</summary>
    public decimal? Longitude { get; set; }

    public bool HasThumbnail { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = string.Empty;

    public ProjectAttachmentContentEntity? Content { get; set; }

    string IAuditable.AuditEntity => "project_attachment";

    string IAuditable.AuditKey => $"{ProjectCode}|{Year:D4}-{Month:D2}|{FileName}|{Sha256[..Math.Min(12, Sha256.Length)]}";
}

/// <summary>The bytes of an attachment and of its thumbnail (a JPEG, images only). Not audited: the attachment row is.</summary>
public sealed class ProjectAttachmentContentEntity
{
    public long AttachmentId { get; set; }

    public RegionCode RegionCode { get; set; }

    public byte[] Content { get; set; } = [];

    public byte[]? Thumbnail { get; set; }
}

internal sealed class ProjectAttachmentEntityConfiguration : IEntityTypeConfiguration<ProjectAttachmentEntity>
{
    public void Configure(EntityTypeBuilder<ProjectAttachmentEntity> builder)
    {
        builder.ToTable("project_attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ProjectCode).HasMaxLength(Project.MaxCodeLength);
        builder.Property(a => a.ProblemKey).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.Latitude).HasPrecision(9, 6);
        builder.Property(a => a.Longitude).HasPrecision(9, 6);
        builder.Property(a => a.UploadedBy).HasMaxLength(200);
        builder.HasIndex(a => new { a.RegionCode, a.ProjectId, a.Year, a.Month });
        builder.HasOne<ProjectEntity>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Content).WithOne().HasForeignKey<ProjectAttachmentContentEntity>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectAttachmentContentEntityConfiguration : IEntityTypeConfiguration<ProjectAttachmentContentEntity>
{
    public void Configure(EntityTypeBuilder<ProjectAttachmentContentEntity> builder)
    {
        builder.ToTable("project_attachment_contents");
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.AttachmentId).ValueGeneratedNever();
    }
}

/// <summary>The precision of a project's coordinates (kept beside the attachments: the map reads both).</summary>
internal sealed class ProjectLocationConfiguration : IEntityTypeConfiguration<ProjectEntity>
{
    public void Configure(EntityTypeBuilder<ProjectEntity> builder)
    {
        builder.Property(p => p.Latitude).HasPrecision(9, 6);
        builder.Property(p => p.Longitude).HasPrecision(9, 6);
    }
}
