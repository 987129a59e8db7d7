using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Observations;

/// <summary>
/// One revision of one fact: region × indicator × period → value. Revisions are 1-based; exactly one revision
/// per (region, indicator, period) is current, older ones keep <see cref="SupersededAt"/> and stay visible in history.
/// </summary>
/// <remarks>Setting <see cref="Period"/> also sets <see cref="PeriodYear"/>, <see cref="PeriodFirstMonth"/> and
/// <see cref="PeriodLastMonth"/>, the columns used for ordering and filtering.</remarks>
public sealed class ObservationEntity : IAuditable
{
    private StatPeriod _period;

    public long Id { get; set; }

    public RegionCode RegionCode { get; set; }

    public IndicatorCode IndicatorCode { get; set; }

    public StatPeriod Period
    {
        get => _period;
        set
        {
            _period = value;
            PeriodYear = value.Year;
            PeriodFirstMonth = value.FirstMonth;
            PeriodLastMonth = value.LastMonth;
        }
    }

    public int PeriodYear { get; set; }

    public int PeriodFirstMonth { get; set; }

    public int PeriodLastMonth { get; set; }

    /// <summary>The value in <see cref="Unit"/> (the indicator's catalogue unit).</summary>
    /// <summary>The value in <see cref="Unit"/>; null when only the growth rate was published.</summary>
    public decimal? Value { get; set; }

    public Unit Unit { get; set; } = Unit.None;

    /// <summary>Year-on-year growth as published (7.8 = 增长7.8%).</summary>
    public decimal? GrowthPercent { get; set; }

    /// <summary>The price basis of <see cref="GrowthPercent"/> (可比价 / 现价); null when the source did not say
    /// (every row stored before migration <c>UnitsGrowthBasis</c>).</summary>
    public GrowthBasis? GrowthBasis { get; set; }

    /// <summary>The growth at current prices (现价) published beside a comparable or unstated <see cref="GrowthPercent"/>
    /// (按可比价计算增长7.8%, 按现价计算增长6.1%); null otherwise (see <see cref="TwoGrowths"/>; migration <c>TwoPriceBases</c>).</summary>
    public decimal? CurrentPriceGrowthPercent { get; set; }

    public Qualifier Qualifier { get; set; }

    public SourceKind SourceKind { get; set; }

    public string SourceReference { get; set; } = string.Empty;

    public int? SourceRow { get; set; }

    public string? SourceColumn { get; set; }

    /// <summary>1 for the first value stored, +1 for each correction.</summary>
    public int Revision { get; set; }

    public bool IsCurrent { get; set; }

    /// <summary>When this revision was stored (UTC).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = string.Empty;

    /// <summary>When a later revision replaced this one (UTC); null while current.</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    string IAuditable.AuditEntity => "observation";

    string IAuditable.AuditKey => $"{RegionCode}|{IndicatorCode}|{Period}|r{Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The stored fact as the record importers build.</summary>
    public ObservationRecord ToRecord() => new(
        RegionCode, IndicatorCode, Period, Value, Unit, GrowthPercent, Qualifier,
        new ObservationSource(SourceKind, SourceReference, SourceRow, SourceColumn), GrowthBasis ?? Core.Observations.GrowthBasis.Unknown,
        CurrentPriceGrowthPercent);

    /// <summary>The column's value for a basis: null for unknown.</summary>
    internal static GrowthBasis? StoredBasis(GrowthBasis basis) => basis == Core.Observations.GrowthBasis.Unknown ? null : basis;

    internal static ObservationEntity From(ObservationRecord r, int revision, DateTimeOffset now, string user) => new()
    {
        RegionCode = r.Region,
        IndicatorCode = r.Indicator,
        Period = r.Period,
        Value = r.Value,
        Unit = r.Unit,
        GrowthPercent = r.GrowthPercent,
        GrowthBasis = StoredBasis(r.GrowthBasis),
        CurrentPriceGrowthPercent = r.CurrentPriceGrowthPercent,
        Qualifier = r.Qualifier,
        SourceKind = r.Source.Kind,
        SourceReference = r.Source.Reference,
        SourceRow = r.Source.Row,
        SourceColumn = r.Source.Column,
        Revision = revision,
        IsCurrent = true,
        RecordedAt = now,
        RecordedBy = user,
    };
}

internal sealed class ObservationEntityConfiguration : IEntityTypeConfiguration<ObservationEntity>
{
    public const string UniqueCurrentIndex = "ux_observations_current";
    public const string CrossSectionIndex = "ix_observations_cross_section";

    public void Configure(EntityTypeBuilder<ObservationEntity> builder)
    {
        builder.ToTable("observations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.IndicatorCode).HasMaxLength(64);
        builder.Property(o => o.Period).HasMaxLength(16);
        builder.Property(o => o.Value).HasPrecision(28, 8);
        builder.Property(o => o.GrowthPercent).HasPrecision(28, 8);
        builder.Property(o => o.CurrentPriceGrowthPercent).HasPrecision(28, 8);
        builder.Property(o => o.Unit).HasMaxLength(20);
        builder.Property(o => o.SourceReference).HasMaxLength(500);
        builder.Property(o => o.SourceColumn).HasMaxLength(100);
        builder.Property(o => o.RecordedBy).HasMaxLength(200);

        // Every composite key leads with region_code so a Citus deployment can distribute by it (see readme.md).
        builder.HasIndex(o => new { o.RegionCode, o.IndicatorCode, o.Period, o.Revision })
            .IsUnique()
            .HasDatabaseName("ux_observations_revision");

        // Filters are provider-specific SQL and are set in BaiqiangDbContext.OnModelCreating.
        builder.HasIndex(o => new { o.RegionCode, o.IndicatorCode, o.Period })
            .IsUnique()
            .HasDatabaseName(UniqueCurrentIndex);
        // One region's series is served by the prefix (region_code, indicator_code) of ux_observations_revision;
        // a separate series index only cost ~1.3 s per million rows loaded (docs/benchmarks.md).
        builder.HasIndex(o => new { o.IndicatorCode, o.Period, o.RegionCode })
            .HasDatabaseName(CrossSectionIndex);
    }
}
