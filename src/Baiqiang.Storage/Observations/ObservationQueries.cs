using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Observations;

/// <summary>Reads observations: a region's series, a cross-section of regions, and one fact's revision history.</summary>
public static class ObservationQueries
{
    /// <summary>The current observations of one region and indicator, in period order (year, last month, longer span first). Not tracked.</summary>
    public static Task<IReadOnlyList<ObservationEntity>> SeriesAsync(BaiqiangDbContext db, RegionCode region, IndicatorCode indicator, CancellationToken ct)
        => SeriesAsync(db, region, indicator, null, null, ct);

    /// <summary>The current observations of one region and indicator whose year lies in [<paramref name="fromYear"/>,
    /// <paramref name="toYear"/>] (either end open when null), in period order. Not tracked. On PostgreSQL the year
    /// bounds prune the scan to those years' partitions.</summary>
    public static async Task<IReadOnlyList<ObservationEntity>> SeriesAsync(
        BaiqiangDbContext db, RegionCode region, IndicatorCode indicator, int? fromYear, int? toYear, CancellationToken ct)
        => await SeriesQuery(db, region, indicator, fromYear, toYear).ToListAsync(ct);

    /// <summary>The query of <see cref="SeriesAsync(BaiqiangDbContext, RegionCode, IndicatorCode, int?, int?, CancellationToken)"/>.</summary>
    internal static IQueryable<ObservationEntity> SeriesQuery(BaiqiangDbContext db, RegionCode region, IndicatorCode indicator, int? fromYear, int? toYear)
    {
        var query = db.Observations.AsNoTracking().Where(o => o.RegionCode == region && o.IndicatorCode == indicator && o.IsCurrent);
        if (fromYear is { } from)
        {
            query = query.Where(o => o.PeriodYear >= from);
        }

        if (toYear is { } to)
        {
            query = query.Where(o => o.PeriodYear <= to);
        }

        return query.OrderBy(o => o.PeriodYear).ThenBy(o => o.PeriodLastMonth).ThenBy(o => o.PeriodFirstMonth);
    }

    /// <summary>
    /// The series of <paramref name="region"/> joined with those of its predecessors and successors across recodes (350681 龙海市
    /// → 350604 龙海区, following <see cref="Regions.RegionEntity.SuccessorCode"/> both ways): each period from the code that was
    /// valid at the period's first day, else from whichever code has it. Each row says which code it came from; <c>Links</c> lists the
    /// joins, oldest first, with the date the older code ended. Not tracked.
    /// </summary>
    public static async Task<JoinedSeries> SeriesFollowingSuccessorsAsync(BaiqiangDbContext db, RegionCode region, IndicatorCode indicator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.SuccessorCode != null || r.ValidTo != null || r.Code == region)
            .Select(r => new { r.Code, r.Name, r.ValidFrom, r.ValidTo, r.SuccessorCode })
            .ToListAsync(ct);
        var byCode = regions.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ValidTo is null ? 1 : 0).Last());
        var predecessors = regions.Where(r => r.SuccessorCode is not null).ToLookup(r => r.SuccessorCode!.Value, r => r.Code);

        // The chain: walk back through predecessors, then forward through successors (each code once).
        var chain = new List<RegionCode> { region };
        var back = region;
        while (predecessors[back].Where(p => !chain.Contains(p)).Take(1).ToList() is [var previous])
        {
            chain.Insert(0, previous);
            back = previous;
        }

        var forward = region;
        while (byCode.TryGetValue(forward, out var r) && r.SuccessorCode is { } next && !chain.Contains(next))
        {
            chain.Add(next);
            forward = next;
        }

        var rows = await db.Observations.AsNoTracking()
            .Where(o => chain.Contains(o.RegionCode) && o.IndicatorCode == indicator && o.IsCurrent)
            .ToListAsync(ct);
        bool ValidAt(RegionCode code, StatPeriod p)
        {
            var start = new DateOnly(p.Year, p.FirstMonth, 1);
            return !byCode.TryGetValue(code, out var r) || ((r.ValidFrom is null || r.ValidFrom <= start) && (r.ValidTo is null || start < r.ValidTo));
        }

        var joined = rows
            .GroupBy(o => o.Period)
            .Select(g => g.OrderBy(o => ValidAt(o.RegionCode, o.Period) ? 0 : 1).ThenByDescending(o => chain.IndexOf(o.RegionCode)).First())
            .OrderBy(o => o.PeriodYear).ThenBy(o => o.PeriodLastMonth).ThenBy(o => o.PeriodFirstMonth)
            .ToList();
        var names = (await db.Regions.AsNoTracking().Where(r => chain.Contains(r.Code)).Select(r => new { r.Code, r.Name, r.ValidTo }).ToListAsync(ct))
            .GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ValidTo is null ? 1 : 0).Last().Name);
        var links = new List<SeriesLink>();
        for (var i = 0; i + 1 < chain.Count; i++)
        {
            links.Add(new SeriesLink(chain[i], names.GetValueOrDefault(chain[i]) ?? chain[i].ToString(), chain[i + 1],
                names.GetValueOrDefault(chain[i + 1]) ?? chain[i + 1].ToString(), byCode.GetValueOrDefault(chain[i])?.ValidTo));
        }

        return new JoinedSeries(joined, links);
    }

    /// <summary>The current observations of one indicator and period across regions (all regions when
    /// <paramref name="members"/> is null), ordered by region code. Order by value client-side (SQLite stores decimals as text).</summary>
    public static async Task<IReadOnlyList<ObservationEntity>> CrossSectionAsync(
        BaiqiangDbContext db, IndicatorCode indicator, StatPeriod period, IEnumerable<RegionCode>? members, CancellationToken ct)
        => await CrossSectionQuery(db, indicator, period, members).ToListAsync(ct);

    /// <summary>The query of <see cref="CrossSectionAsync"/>.</summary>
    internal static IQueryable<ObservationEntity> CrossSectionQuery(BaiqiangDbContext db, IndicatorCode indicator, StatPeriod period, IEnumerable<RegionCode>? members)
    {
        // period_year repeats what the period says, so PostgreSQL scans only that year's partition.
        var year = period.Year;
        var query = db.Observations.AsNoTracking().Where(o => o.IndicatorCode == indicator && o.Period == period && o.PeriodYear == year && o.IsCurrent);
        if (members is not null)
        {
            List<RegionCode> list = [.. members.Distinct()];
            query = query.Where(o => list.Contains(o.RegionCode));
        }

        return query.OrderBy(o => o.RegionCode);
    }

    /// <summary>Every revision of one fact, oldest (revision 1) first. Not tracked.</summary>
    public static async Task<IReadOnlyList<ObservationEntity>> HistoryAsync(
        BaiqiangDbContext db, RegionCode region, IndicatorCode indicator, StatPeriod period, CancellationToken ct)
        => await db.Observations.AsNoTracking()
            .Where(o => o.RegionCode == region && o.IndicatorCode == indicator && o.Period == period && o.PeriodYear == period.Year)
            .OrderBy(o => o.Revision)
            .ToListAsync(ct);
}

/// <summary>One join of a series across a recode: <paramref name="From"/> ended on <paramref name="EndedOn"/> (exclusive) and
/// <paramref name="To"/> took over.</summary>
public sealed record SeriesLink(RegionCode From, string FromName, RegionCode To, string ToName, DateOnly? EndedOn);

/// <summary>A series joined across recodes: each observation keeps its own <see cref="ObservationEntity.RegionCode"/> (the code it
/// came from); <paramref name="Links"/> is empty when the region was never recoded.</summary>
public sealed record JoinedSeries(IReadOnlyList<ObservationEntity> Observations, IReadOnlyList<SeriesLink> Links);
