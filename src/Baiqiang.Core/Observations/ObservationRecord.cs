using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Observations;

/// <summary>Where a figure came from.</summary>
public enum SourceKind
{
    /// <summary>Typed or corrected by a user.</summary>
    User = 1,
    /// <summary>A CSV/XLSX import: <see cref="ObservationSource.Reference"/> is the file, <see cref="ObservationSource.Row"/> the row.</summary>
    Import = 2,
    /// <summary>Extracted from a report or bulletin.</summary>
    Document = 3,
    /// <summary>The built-in sample (the seeds' own figures).</summary>
    Sample = 4,
}

/// <summary>The provenance of one observation: kind, a reference (file name, document id, user name) and, for files, the 1-based row.</summary>
public sealed record ObservationSource(SourceKind Kind, string Reference, int? Row = null, string? Column = null);

/// <summary>
/// One validated fact ready to store: region × indicator × period → value, in the indicator's own unit.
/// </summary>
/// <remarks>
/// Importers convert compatible units (万元 → 亿元) before building a record, so <see cref="Value"/> is always in
/// <see cref="Unit"/>, which is the indicator's catalogue unit. <see cref="Value"/> is null for a growth-only
/// statement ("地区生产总值同比增长9.8%"): reports often publish the rate without the level, and the rate is a fact. <see cref="GrowthPercent"/> is the year-on-year
/// growth as published (7.8 means 同比增长7.8%, −2.1 means 下降2.1%), not recomputed; <see cref="GrowthBasis"/> says whether
/// it is at comparable or current prices, as the source states it. A figure published with two growths (按可比价计算增长7.8%,
/// 按现价计算增长6.1%) keeps the comparable one in <see cref="GrowthPercent"/> and the current-price one in
/// <see cref="CurrentPriceGrowthPercent"/>; <see cref="TwoGrowths.Normalise"/> gives every record that one shape.
/// </remarks>
public sealed record ObservationRecord(
    RegionCode Region,
    IndicatorCode Indicator,
    StatPeriod Period,
    decimal? Value,
    Unit Unit,
    decimal? GrowthPercent,
    Qualifier Qualifier,
    ObservationSource Source,
    GrowthBasis GrowthBasis = GrowthBasis.Unknown,
    decimal? CurrentPriceGrowthPercent = null);
