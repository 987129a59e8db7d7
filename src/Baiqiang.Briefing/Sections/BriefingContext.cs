using Baiqiang.Briefing.Model;
using Baiqiang.Briefing.Templates;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;
using Baiqiang.Storage;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Briefing.Sections;

/// <summary>
/// What every section source reads: the region's current observations (all periods, loaded once), its peer group's
/// cross-section for the period, its targets and the indicator catalogue.
/// </summary>
public sealed class BriefingContext
{
    private readonly Dictionary<IndicatorCode, List<ObservationEntity>> _byIndicator;

    private BriefingContext(
        BaiqiangDbContext db, RegionCode region, string regionName, StatPeriod period, BriefingTemplate template,
        List<ObservationEntity> own, PeerScope? peers, IReadOnlyList<Target> targets, IReadOnlyDictionary<IndicatorCode, Indicator> indicators)
    {
        Db = db;
        Region = region;
        RegionName = regionName;
        Period = period;
        Template = template;
        Peers = peers;
        Targets = targets;
        Indicators = indicators;
        _byIndicator = own.GroupBy(o => o.IndicatorCode).ToDictionary(g => g.Key, g => g.ToList());
    }

    public BaiqiangDbContext Db { get; }

    public RegionCode Region { get; }

    public string RegionName { get; }

    public StatPeriod Period { get; }

    public BriefingTemplate Template { get; }

    /// <summary>The prefecture peer group (全市各县市区) the region belongs to, with the period's observations of its members; null when none.</summary>
    public PeerScope? Peers { get; }

    /// <summary>The region's targets whose deadline year is the period's year or later.</summary>
    public IReadOnlyList<Target> Targets { get; }

    public IReadOnlyDictionary<IndicatorCode, Indicator> Indicators { get; }

    /// <summary>True for the English template.</summary>
    public bool English => string.Equals(Template.Language, "en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The current observation of <paramref name="indicator"/> for <paramref name="period"/>, or null.</summary>
    public ObservationEntity? Find(string indicator, StatPeriod period)
        => IndicatorCode.TryParse(indicator) is { Success: true } c && _byIndicator.TryGetValue(c.Value, out var list)
            ? list.FirstOrDefault(o => o.Period == period)
            : null;

    /// <summary>All current observations of <paramref name="indicator"/>, in period order.</summary>
    public IReadOnlyList<ObservationEntity> Series(string indicator)
        => IndicatorCode.TryParse(indicator) is { Success: true } c && _byIndicator.TryGetValue(c.Value, out var list) ? list : [];

    /// <summary>The stored figure with its source, or null when the observation or its value is missing.</summary>
    public static Figure? ValueOf(ObservationEntity? o) => o?.Value is { } v ? new Figure(v, o.Unit, o.Qualifier, SourceOf(o)) : null;

    public static SourceRef SourceOf(ObservationEntity o)
        => new(o.IndicatorCode.ToString(), o.Period.ToString(), o.SourceRow is { } row ? $"{o.SourceReference}#{row}" : o.SourceReference);

    /// <summary>Display name of an indicator or subject code (catalogue name in the template's language, else the code).</summary>
    public string NameOf(string code)
        => IndicatorCode.TryParse(code) is { Success: true } c && Indicators.TryGetValue(c.Value, out var ind)
            ? (English ? ind.NameEn : ind.NameZh)
            : Template.Phrase("subject_" + code, code);

    public static async Task<BriefingContext> LoadAsync(BaiqiangDbContext db, RegionCode region, StatPeriod period, BriefingTemplate template, CancellationToken ct)
    {
        var regionRow = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == region, ct)
            ?? throw new InvalidOperationException($"地区“{region}”不存在 / region '{region}' is not stored");
        var own = await db.Observations.AsNoTracking()
            .Where(o => o.RegionCode == region && o.IsCurrent && o.PeriodYear <= period.Year)
            .OrderBy(o => o.PeriodYear).ThenBy(o => o.PeriodLastMonth).ThenBy(o => o.PeriodFirstMonth)
            .ToListAsync(ct);

        PeerScope? peers = null;
        var groupId = await db.PeerGroupMembers.AsNoTracking()
            .Where(m => m.RegionCode == region && m.PeerGroupId.StartsWith("pref:"))
            .Select(m => m.PeerGroupId).FirstOrDefaultAsync(ct);
        if (groupId is not null)
        {
            var members = await PeerGroupStore.MembersAsync(db, groupId, ct);
            var cross = await db.Observations.AsNoTracking()
                .Where(o => o.Period == period && o.IsCurrent && members.Contains(o.RegionCode))
                .ToListAsync(ct);
            peers = new PeerScope(groupId, members, cross);
        }

        var targetRows = await db.Targets.AsNoTracking().Where(t => t.RegionCode == region).ToListAsync(ct);
        var targets = targetRows.Select(t => t.ToTarget()).Where(t => t.Deadline.Year >= period.Year).OrderBy(t => t.Deadline).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();

        var indicators = (await Storage.Indicators.IndicatorStore.LoadAllAsync(db, ct)).ToDictionary(i => i.Code);

        return new BriefingContext(db, region, regionRow.Name, period, template, own, peers, targets, indicators);
    }
}

/// <summary>A peer group and the period's observations of its members.</summary>
public sealed record PeerScope(string GroupId, IReadOnlyList<RegionCode> Members, IReadOnlyList<ObservationEntity> CrossSection);
