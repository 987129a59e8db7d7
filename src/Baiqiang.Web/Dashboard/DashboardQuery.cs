using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Metrics;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Targets;
using Baiqiang.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Dashboard;

/// <summary>
/// One indicator on the report card (成绩单). The rank is the growth rank within the card's peer group: "增幅位居全市第2"
/// in the prefecture group, "增幅在“川南五县区”中第2" in any other; null when the region has no growth figure or is not in
/// the group. When no other member has a growth figure the rank is null and the phrase says so (<see cref="Metric.PeersLackFigures"/>:
/// 对比组内其他地区暂无数据), never 第1.
/// <para>A figure with two growths (可比价 and 现价) shows and ranks the one <see cref="TwoGrowths.ForRanking"/> picks — comparable
/// for an indicator published at comparable prices, current otherwise — with its basis in <c>GrowthBasis</c> (comparable,
/// current or null when unstated); the other is <c>OtherGrowthPercent</c> with <c>OtherGrowthBasis</c>.</para>
/// </summary>
public sealed record IndicatorLine(
    string Indicator, string NameZh, string NameEn, string Unit, decimal? Value, decimal? LastYearValue, decimal? GrowthPercent,
    string? GrowthFormula, int? Rank, int? Of, string? RankPhraseZh, string? RankPhraseEn,
    string? GrowthBasis = null, decimal? OtherGrowthPercent = null, string? OtherGrowthBasis = null);

/// <summary>A point of a trend series.</summary>
public sealed record TrendPoint(string Period, string Label, decimal? Value, decimal? GrowthPercent);

/// <summary>A trend: one indicator's values over the periods of the same kind as the report card's.</summary>
public sealed record TrendSeries(string Indicator, string NameZh, string NameEn, string Unit, IReadOnlyList<TrendPoint> Points);

/// <summary>A derived share (首位度, 贡献率): stored as published, or computed with its formula.</summary>
public sealed record ShareLine(string Indicator, string NameZh, string NameEn, string Period, decimal Value, string? Formula);

/// <summary>A target's progress (<see cref="TargetQueries"/>); nulls when no figure is stored yet. <c>Forecast</c> is where the
/// trend of the stored full-year figures takes it (null without a trend).</summary>
public sealed record TargetLine(string Key, string DescriptionZh, string Deadline, decimal? ProgressPercent, decimal? TimeElapsedPercent, bool? OnTrack, string? Formula,
    Core.Targets.TargetForecast? Forecast = null);

/// <summary>
/// The whole report card for one region and period. The peer group is the one growth is ranked in (the
/// prefecture's <c>pref:NNNNNN</c> unless another was chosen; null when none is stored); <c>regionInPeerGroup</c> is
/// false when that group does not contain the region, and then no line has a rank.
/// </summary>
public sealed record DashboardResponse(
    string Region, string RegionName, string? Period, string? PeriodLabelZh, string? PeerGroup, string? PeerGroupNameZh,
    IReadOnlyList<string> Periods, IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<TrendSeries> Trends,
    IReadOnlyList<ShareLine> Shares, IReadOnlyList<TargetLine> Targets,
    string? PeerGroupNameEn, string? PeerGroupKind, bool RegionInPeerGroup);

/// <summary>A loaded report card, or why there is none: <see cref="PeerGroupError"/> for an unknown peer group, both null when the region is not stored.</summary>
public sealed record DashboardLoad(DashboardResponse? Card, Bilingual? PeerGroupError);

/// <summary>Builds the report card: a few indexed queries (the region's own rows, one cross-section of its peers).</summary>
public static class DashboardQuery
{
    private static readonly IndicatorCode[] ShareIndicators = [new("urban_primacy"), new("urban_contribution")];

    /// <summary>
    /// The report card ranked in <paramref name="peerGroupId"/> (any stored group: prefecture, list or custom), or in the
    /// region's prefecture group when it is null or blank. An id that is not stored gives <see cref="DashboardLoad.PeerGroupError"/>
    /// and no card; a group without the region gives a card whose lines have no rank.
    /// </summary>
    public static Task<DashboardLoad> LoadAsync(BaiqiangDbContext db, RegionCode region, StatPeriod? period, string? peerGroupId, DateOnly today, CancellationToken ct)
        => LoadAsync(db, null, region, period, peerGroupId, today, ct);

    /// <summary>The report card, its indicator names from <paramref name="catalogue"/> (the host's cache; read afresh when null).</summary>
    public static async Task<DashboardLoad> LoadAsync(
        BaiqiangDbContext db, CatalogueCache<IndicatorNames>? catalogue, RegionCode region, StatPeriod? period, string? peerGroupId, DateOnly today, CancellationToken ct)
    {
        var regionRow = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == region, ct);
        if (regionRow is null)
        {
            return new DashboardLoad(null, null);
        }

        var chosenGroupId = string.IsNullOrWhiteSpace(peerGroupId) ? null : peerGroupId.Trim();
        PeerGroupEntity? group;
        if (chosenGroupId is not null)
        {
            group = await db.PeerGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == chosenGroupId, ct);
            if (group is null)
            {
                return new DashboardLoad(null, UnknownPeerGroup(chosenGroupId));
            }
        }
        else
        {
            // The default peer group: the prefecture's county-level units (全市), for ranking growth.
            var prefecture = regionRow.Kind == RegionKind.Park && regionRow.ParentCode is { } parent
                ? (await db.Regions.AsNoTracking().Where(r => r.Code == parent).Select(r => r.ParentCode).FirstOrDefaultAsync(ct))
                : regionRow.ParentCode;
            var groupId = prefecture is { } pc ? $"pref:{pc}" : null;
            group = groupId is null ? null : await db.PeerGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        }

        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.RegionCode == region && o.IsCurrent)
            .Select(o => new Row(o.IndicatorCode, o.PeriodYear, o.PeriodFirstMonth, o.PeriodLastMonth, o.Value, o.GrowthPercent, o.GrowthBasis, o.CurrentPriceGrowthPercent))
            .ToListAsync(ct);
        var names = catalogue is null ? await IndicatorNames.LoadAsync(db, ct) : await catalogue.GetAsync(db, ct);

        var periods = rows.Select(r => r.Period).Distinct().OrderDescending().ToList();
        StatPeriod? chosen = period is { } p && periods.Contains(p) ? p : periods.Count > 0 ? periods[0] : null;

        var members = group is null ? [] : await db.PeerGroupMembers.AsNoTracking().Where(m => m.PeerGroupId == group.Id).Select(m => m.RegionCode).ToListAsync(ct);
        var inGroup = members.Contains(region);
        var groupNameEn = group is null ? null : group.NameEn.Length > 0 ? group.NameEn : group.NameZh;

        var lines = new List<IndicatorLine>();
        if (chosen is { } at)
        {
            var lastYear = at.SamePeriodLastYear();
            var peerRows = members.Count == 0 ? [] : await db.Observations.AsNoTracking()
                .Where(o => o.IsCurrent && o.PeriodYear == at.Year && o.PeriodFirstMonth == at.FirstMonth && o.PeriodLastMonth == at.LastMonth && members.Contains(o.RegionCode))
                .Select(o => new { o.RegionCode, o.IndicatorCode, o.GrowthPercent, o.GrowthBasis, o.CurrentPriceGrowthPercent })
                .ToListAsync(ct);

            // Peers are ranked on the same basis as the region's own line (TwoGrowths.ForRanking).
            var peersByIndicator = peerRows
                .Select(r => (r.RegionCode, r.IndicatorCode, Growth: TwoGrowths.ForRanking(names.ComparableGrowth(r.IndicatorCode), r.GrowthPercent, r.GrowthBasis ?? GrowthBasis.Unknown, r.CurrentPriceGrowthPercent).Growth))
                .Where(r => r.Growth is not null).ToLookup(r => r.IndicatorCode);
            foreach (var row in rows.Where(r => r.Period == at && !ShareIndicators.Contains(r.Indicator)).OrderBy(r => names.Order(r.Indicator)))
            {
                var previous = rows.FirstOrDefault(r => r.Indicator == row.Indicator && r.Period == lastYear)?.Value;
                var (growth, basis) = TwoGrowths.ForRanking(names.ComparableGrowth(row.Indicator), row.Growth, row.Basis ?? GrowthBasis.Unknown, row.CurrentPrice);
                var (other, otherBasis) = growth is null || row.CurrentPrice is null ? (null, GrowthBasis.Unknown)
                    : basis == GrowthBasis.Current ? (row.Growth, row.Basis ?? GrowthBasis.Unknown) : (row.CurrentPrice, GrowthBasis.Current);
                string? formula = null;
                if (growth is null && row.Value is { } v && previous is { } pv && pv != 0)
                {
                    var computed = Metric.Growth(v, pv);
                    growth = Math.Round(computed.Value, 2);
                    formula = computed.Formula;
                }

                int? rank = null, of = null;
                string? phrase = null;
                var peers = peersByIndicator[row.Indicator].Select(r => (key: r.RegionCode, value: r.Growth!.Value)).ToList();
                string? phraseEn = null;
                if (growth is not null && inGroup && peers.Any(x => x.key == region))
                {
                    var ranked = Metric.Rank(peers, Direction.HigherIsBetter);
                    var mine = ranked.First(r => r.Key == region);
                    (rank, of) = (Metric.HasPeers(mine.Of) ? mine.Rank : null, mine.Of);
                    (phrase, phraseEn) = RankPhrases(group!, groupNameEn!, mine.Rank, mine.Of);
                }

                var (zh, en, unit) = names.Get(row.Indicator);
                lines.Add(new IndicatorLine(row.Indicator.Value, zh, en, unit, row.Value, previous, growth, formula, rank, of, phrase, phraseEn,
                    Explorer.SeriesPoint.BasisText(basis), other, Explorer.SeriesPoint.BasisText(otherBasis)));
            }
        }

        var trends = rows
            .Where(r => chosen is null || r.Period.Kind == chosen.Value.Kind && r.Period.FirstMonth == chosen.Value.FirstMonth && r.Period.LastMonth == chosen.Value.LastMonth)
            .GroupBy(r => r.Indicator)
            .OrderBy(g => names.Order(g.Key))
            .Select(g =>
            {
                var (zh, en, unit) = names.Get(g.Key);
                return new TrendSeries(g.Key.Value, zh, en, unit, g.OrderBy(r => r.Period)
                    .Select(r => new TrendPoint(r.Period.ToString(), Fmt.Period(r.Period, en: false), r.Value, r.Growth)).ToList());
            })
            .ToList();

        var shares = rows.Where(r => ShareIndicators.Contains(r.Indicator) && r.Value is not null)
            .OrderBy(r => r.Indicator).ThenBy(r => r.Period)
            .Select(r =>
            {
                var (zh, en, _) = names.Get(r.Indicator);
                return new ShareLine(r.Indicator.Value, zh, en, r.Period.ToString(), r.Value!.Value, null);
            })
            .ToList();
        if (chosen is { } c && regionRow.ParentCode is { } city && rows.FirstOrDefault(r => r.Indicator == Gdp && r.Period == c)?.Value is { } gdp)
        {
            var cityGdp = await db.Observations.AsNoTracking()
                .Where(o => o.RegionCode == city && o.IndicatorCode == Gdp && o.IsCurrent && o.PeriodYear == c.Year && o.PeriodFirstMonth == c.FirstMonth && o.PeriodLastMonth == c.LastMonth)
                .Select(o => o.Value).FirstOrDefaultAsync(ct);
            if (cityGdp is { } cg && cg > 0)
            {
                var primacy = Metric.UrbanPrimacy(gdp, cg);
                shares.Add(new ShareLine("urban_primacy", "城市首位度（计算）", "urban primacy (computed)", c.ToString(), Math.Round(primacy.Value, 2), primacy.Formula));
            }
        }

        // Progress comes from the same evaluation as the 目标管理 page, the API and `baiqiang targets list`.
        var targets = (await TargetQueries.StandingsAsync(db, region, today, ct))
            .Select(t => new TargetLine(t.Entity.Key, t.Entity.DescriptionZh, t.Entity.Deadline.ToString(), t.Status?.ProgressPercent, t.Status?.TimeElapsedPercent,
                t.Status?.OnTrack, t.Status?.Formula, t.Forecast))
            .ToList();

        return new DashboardLoad(new DashboardResponse(
            region.ToString(), regionRow.Name, chosen?.ToString(), chosen is { } cp ? Fmt.Period(cp, en: false) : null, group?.Id, group?.NameZh,
            periods.Select(x => x.ToString()).ToList(), lines, trends, shares, targets, groupNameEn, group?.Kind.ToString(), inGroup), null);
    }

    /// <summary>"找不到对比组“x” / no peer group 'x'".</summary>
    public static Bilingual UnknownPeerGroup(string id) => new($"找不到对比组“{id}”", $"no peer group '{id}'");

    /// <summary>"增幅位居全市第2" / "2 of 7" in a prefecture group; "增幅在“川南五县区”中第2" / "2 of 5 in 'South Sichuan'" in any other.</summary>
    private static (string Zh, string En) RankPhrases(PeerGroupEntity group, string nameEn, int rank, int of)
    {
        if (!Metric.HasPeers(of))
        {
            var alone = Metric.RankWording(rank, of, group.NameZh, nameEn);
            return (alone.Zh, alone.En);
        }

        var n = string.Create(CultureInfo.InvariantCulture, $"{rank} of {of}");
        return group.Kind == PeerGroupKind.PrefectureCountyLevel
            ? ("增幅" + Metric.RankPhraseZh(rank, of, "全市"), n)
            : ($"增幅在“{group.NameZh}”中{Metric.RankPhrase(rank, of)}", $"{n} in '{nameEn}'");
    }

    private static readonly IndicatorCode Gdp = new("gdp");

    private sealed record Row(IndicatorCode Indicator, int Year, int FirstMonth, int LastMonth, decimal? Value, decimal? Growth, GrowthBasis? Basis, decimal? CurrentPrice)
    {
        public StatPeriod Period { get; } = StatPeriod.Create(Year, FirstMonth, LastMonth);
    }
}

/// <summary>Indicator names and units from the store's catalogue, in catalogue order.</summary>
public sealed class IndicatorNames
{
    private readonly Dictionary<IndicatorCode, (string Zh, string En, string Unit, int Order, bool ComparableGrowth)> _map;

    private IndicatorNames(Dictionary<IndicatorCode, (string, string, string, int, bool)> map) => _map = map;

    /// <summary>The names of the store's catalogue, read now (the web host keeps them in a <see cref="CatalogueCache{T}"/>).</summary>
    public static async Task<IndicatorNames> LoadAsync(BaiqiangDbContext db, CancellationToken ct)
        => From(await IndicatorStore.LoadCatalogueAsync(db, ct));

    /// <summary>The names of <paramref name="catalogue"/>.</summary>
    public static IndicatorNames From(Catalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return new IndicatorNames(catalogue.All.ToDictionary(r => r.Code, r => (r.NameZh, r.NameEn, r.Unit.Symbol, catalogue.OrderOf(r.Code), r.ComparableGrowth)));
    }

    public (string Zh, string En, string Unit) Get(IndicatorCode code) =>
        _map.TryGetValue(code, out var v) ? (v.Zh, v.En, v.Unit) : (code.Value, code.Value, string.Empty);

    public int Order(IndicatorCode code) => _map.TryGetValue(code, out var v) ? v.Order : int.MaxValue;

    /// <summary>Whether the indicator's growth is published at comparable prices (the catalogue's flag).</summary>
    public bool ComparableGrowth(IndicatorCode code) => _map.TryGetValue(code, out var v) && v.ComparableGrowth;
}
