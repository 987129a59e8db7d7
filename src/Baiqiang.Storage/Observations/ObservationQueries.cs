using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Observations;

/// <summary>Reads observations: a region's series, a cross-section of regions, and one fact's revision history.</summary>
public static class ObservationQueries
{
    /// <summary>The current observations of one region and indicator, in period order (year, last month, longer span first). Not tracked.</summary>
    public static async Task<IReadOnlyList<ObservationEntity>> SeriesAsync(BaiqiangDbContext db, RegionCode region, IndicatorCode indicator, CancellationToken ct)
        => await db.Observations.AsNoTracking()
            .Where(o => o.RegionCode == region && o.IndicatorCode == indicator && o.IsCurrent)
            .OrderBy(o => o.PeriodYear).ThenBy(o => o.PeriodLastMonth).ThenBy(o => o.PeriodFirstMonth)
            .ToListAsync(ct);

    /// <summary>The current observations of one indicator and period across regions (all regions when
    /// <paramref name="members"/> is null), ordered by region code. Order by value client-side (SQLite stores decimals as text).</summary>
    public static async Task<IReadOnlyList<ObservationEntity>> CrossSectionAsync(
        BaiqiangDbContext db, IndicatorCode indicator, StatPeriod period, IEnumerable<RegionCode>? members, CancellationToken ct)
    {
        var query = db.Observations.AsNoTracking().Where(o => o.IndicatorCode == indicator && o.Period == period && o.IsCurrent);
        if (members is not null)
        {
            List<RegionCode> list = [.. members.Distinct()];
            query = query.Where(o => list.Contains(o.RegionCode));
        }

        return await query.OrderBy(o => o.RegionCode).ToListAsync(ct);
    }

    /// <summary>Every revision of one fact, oldest (revision 1) first. Not tracked.</summary>
    public static async Task<IReadOnlyList<ObservationEntity>> HistoryAsync(
        BaiqiangDbContext db, RegionCode region, IndicatorCode indicator, StatPeriod period, CancellationToken ct)
        => await db.Observations.AsNoTracking()
            .Where(o => o.RegionCode == region && o.IndicatorCode == indicator && o.Period == period)
            .OrderBy(o => o.Revision)
            .ToListAsync(ct);
}
