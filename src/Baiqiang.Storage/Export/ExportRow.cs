using Baiqiang.Core.Observations;
using QualifierKind = Baiqiang.Core.Quantities.Qualifier;

namespace Baiqiang.Storage.Export;

/// <summary>
/// One observation as exported: codes with their display names, the canonical period, the value in its unit.
/// </summary>
/// <param name="RegionCode">Six- or nine-digit code (<c>320612</c>).</param>
/// <param name="RegionName">Display name (通州区); informational, ignored on re-import.</param>
/// <param name="IndicatorCode">Indicator code (<c>gdp</c>).</param>
/// <param name="IndicatorName">Display name (地区生产总值); informational, ignored on re-import.</param>
/// <param name="Period">Canonical period text (<c>2023-01..06</c>).</param>
/// <param name="Value">The value, written with invariant decimals; null when only the growth was published.</param>
/// <param name="Unit">Unit symbol (亿元).</param>
/// <param name="GrowthPercent">Year-on-year growth in percent, or null.</param>
/// <param name="Qualifier">Qualifier name (Exact, More …) or empty.</param>
/// <param name="Source">Provenance reference (file, document); empty for none.</param>
/// <param name="GrowthBasis">The growth's price basis as files write it (可比价, 现价) or empty when unstated.</param>
/// <param name="CurrentPriceGrowthPercent">The second growth, at current prices, published beside a comparable or unstated one; or null.</param>
public sealed record ExportRow(
    string RegionCode,
    string RegionName,
    string IndicatorCode,
    string IndicatorName,
    string Period,
    decimal? Value,
    string Unit,
    decimal? GrowthPercent,
    string Qualifier,
    string Source,
    string GrowthBasis = "",
    decimal? CurrentPriceGrowthPercent = null)
{
    /// <summary>The export row of a stored record: canonical codes and period; qualifier empty when exact; source its reference.</summary>
    public static ExportRow FromRecord(ObservationRecord record, string regionName, string indicatorName)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ExportRow(
            record.Region.ToString(),
            regionName,
            record.Indicator.Value,
            indicatorName,
            record.Period.ToString(),
            record.Value,
            record.Unit.Symbol,
            record.GrowthPercent,
            record.Qualifier == QualifierKind.Exact ? string.Empty : record.Qualifier.ToString(),
            record.Source.Reference,
            GrowthBasisText.Zh(record.GrowthBasis),
            record.CurrentPriceGrowthPercent);
    }
}
