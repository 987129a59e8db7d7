using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Extraction;

/// <summary>A report or bulletin facts were extracted from: its name, text (HTML stripped) and the date periods were read against.</summary>
public sealed class ExtractionDocumentEntity : IAuditable
{
    public long Id { get; set; }

    /// <summary>The file name as given.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>SHA-256 of the text, hex; the same text stored twice is one document.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>The plain text fact offsets index.</summary>
    public string Text { get; set; } = string.Empty;

    public DateOnly? ReferenceDate { get; set; }

    public RegionCode? MainRegionCode { get; set; }

    public DateTimeOffset StoredAt { get; set; }

    public string StoredBy { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "extraction_document";

    string IAuditable.AuditKey => $"{Id}:{Name}";
}

/// <summary>Review state of an extracted fact.</summary>
public enum FactStatus
{
    Pending = 0,
    Accepted = 1,
    Rejected = 2,
}

/// <summary>
/// One extracted fact awaiting review. Editing changes the fields (audited field by field); accepting writes an observation
/// (source: the document and the fact's offset); rejecting keeps the row with its reason. Nothing is deleted.
/// </summary>
public sealed class PendingFactEntity : IAuditable
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public FactStatus Status { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string? Region { get; set; }

    public RegionCode? RegionCode { get; set; }

    public string Indicator { get; set; } = string.Empty;

    public string IndicatorRaw { get; set; } = string.Empty;

    public IndicatorCode? IndicatorCode { get; set; }

    public StatPeriod? Period { get; set; }

    public decimal? Value { get; set; }

    public Unit Unit { get; set; } = Unit.None;

    public Qualifier Qualifier { get; set; }

    public decimal? High { get; set; }

    public decimal? GrowthPct { get; set; }

    public decimal? PlanSharePct { get; set; }

    public string Sentence { get; set; } = string.Empty;

    /// <summary>Where the figure starts in the document's text, and how long it is (for highlighting).</summary>
    public int Offset { get; set; }

    public int Length { get; set; }

    public int SentenceOffset { get; set; }

    /// <summary>Failed cross-checks concerning this fact (bilingual), empty when none.</summary>
    public string CheckNotes { get; set; } = string.Empty;

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }

    /// <summary>The extractor's confidence in the fact (0–1), or null for facts stored before it was kept.</summary>
    public decimal? Confidence { get; set; }

    /// <summary>The extractor rule that produced the fact (value.name-before-figure …), or null for older facts.</summary>
    public string? Rule { get; set; }

    string IAuditable.AuditEntity => "pending_fact";

    string IAuditable.AuditKey => $"{DocumentId}:{Id}@{Offset}";
}

internal sealed class ExtractionDocumentEntityConfiguration : IEntityTypeConfiguration<ExtractionDocumentEntity>
{
    public void Configure(EntityTypeBuilder<ExtractionDocumentEntity> builder)
    {
        builder.ToTable("extraction_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.Sha256).IsUnique();
        builder.Property(d => d.StoredBy).HasMaxLength(100);
    }
}

internal sealed class PendingFactEntityConfiguration : IEntityTypeConfiguration<PendingFactEntity>
{
    public void Configure(EntityTypeBuilder<PendingFactEntity> builder)
    {
        builder.ToTable("pending_facts");
        builder.HasKey(f => f.Id);
        builder.HasOne<ExtractionDocumentEntity>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Kind).HasMaxLength(20);
        builder.Property(f => f.Region).HasMaxLength(100);
        builder.Property(f => f.Indicator).HasMaxLength(200);
        builder.Property(f => f.IndicatorRaw).HasMaxLength(200);
        builder.Property(f => f.Period).HasMaxLength(16);
        builder.Property(f => f.Value).HasPrecision(28, 8);
        builder.Property(f => f.High).HasPrecision(28, 8);
        builder.Property(f => f.GrowthPct).HasPrecision(28, 8);
        builder.Property(f => f.PlanSharePct).HasPrecision(28, 8);
        builder.Property(f => f.Unit).HasMaxLength(20);
        builder.Property(f => f.Sentence).HasMaxLength(4000);
        builder.Property(f => f.CheckNotes).HasMaxLength(4000);
        builder.Property(f => f.ReviewedBy).HasMaxLength(100);
        builder.Property(f => f.ReviewNote).HasMaxLength(1000);
        builder.Property(f => f.Confidence).HasPrecision(5, 4);
        builder.Property(f => f.Rule).HasMaxLength(200);
        builder.HasIndex(f => new { f.Status, f.DocumentId });
    }
}
