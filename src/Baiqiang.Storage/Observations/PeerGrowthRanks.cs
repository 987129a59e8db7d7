using Baiqiang.Core.Indicators;
using Baiqiang.Core.Metrics;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Observations;

/// <summary>One period's growth rank of a region among its prefecture's county-level units: <c>Of</c> is how many of them
/// have a growth for that indicator and period (1 when only the region has one — a ranking that says nothing, never 第1).</summary>
public sealed record PeerGrowthRank(StatPeriod Period, int Rank, int Of);

/// <summary>The growth ranks of one region's series within its prefecture group (<c>pref:NNNNNN</c>), period by period.
/// <c>GroupId</c> is null when the region has no prefecture group or is not in it; then there are no ranks.</summary>
public sealed record PeerGrowthRanking(string? GroupId, string? GroupNameZh, int Members, IReadOnlyList<PeerGrowthRank> Ranks)
{
    /// <summary>True when at least one period ranks the region among two or more members.</summary>
    public bool AnyPeerHasFigures => Ranks.Any(r => Metric.HasPeers(r.Of));

    /// <summary>The rank of <paramref name="period"/>, or null when the region has no growth for it.</summary>
    public PeerGrowthRank? RankFor(StatPeriod period) => Ranks.FirstOrDefault(r => r.Period == period);
}

/// <summary>
/// Ranks a region's growth among its prefecture's county-level units (全市), each period on its own, the way the report card
/// does: the growth <see cref="TwoGrowths.ForRanking"/> picks (comparable for an indicator published at comparable prices),
/// higher is better, only members with a growth for that indicator and period counted.
/// </summary>
public static class PeerGrowthRanks
{
    /// <summary>The ranks of every period of <paramref name="region"/>'s series of <paramref name="indicator"/>. Two queries.</summary>
    public static async Task<PeerGrowthRanking> ForSeriesAsync(BaiqiangDbContext db, RegionCode region, Indicator indicator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        var parent = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.ParentCode).FirstOrDefaultAsync(ct);
        var groupId = parent is { } p ? $"pref:{p}" : null;
        var group = groupId is null ? null : await db.PeerGroups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == groupId, ct);
        var members = group?.Members.Select(m => m.RegionCode).ToList() ?? [];
        if (group is null || !members.Contains(region))
        {
            return new PeerGrowthRanking(null, null, 0, []);
        }

        var code = indicator.Code;
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.IsCurrent && o.IndicatorCode == code && members.Contains(o.RegionCode))
            .Select(o => new { o.RegionCode, o.PeriodYear, o.PeriodFirstMonth, o.PeriodLastMonth, o.GrowthPercent, o.GrowthBasis, o.CurrentPriceGrowthPercent })
            .ToListAsync(ct);
        var growths = rows
            .Select(o => (o.RegionCode, Period: StatPeriod.Create(o.PeriodYear, o.PeriodFirstMonth, o.PeriodLastMonth),
                Growth: TwoGrowths.ForRanking(indicator.ComparableGrowth, o.GrowthPercent, o.GrowthBasis ?? GrowthBasis.Unknown, o.CurrentPriceGrowthPercent).Growth))
            .Where(o => o.Growth is not null)
            .ToLookup(o => o.Period);

        var ranks = new List<PeerGrowthRank>();
        foreach (var period in growths.Where(g => g.Any(o => o.RegionCode == region)).Select(g => g.Key).Order())
        {
            var ranked = Metric.Rank(growths[period].Select(o => (key: o.RegionCode, value: o.Growth!.Value)), Direction.HigherIsBetter);
            var mine = ranked.First(r => r.Key == region);
            ranks.Add(new PeerGrowthRank(period, mine.Rank, mine.Of));
        }

        return new PeerGrowthRanking(group.Id, group.NameZh, members.Count, ranks);
    }
}
