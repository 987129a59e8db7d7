namespace Baiqiang.Core.Regions;

/// <summary>How a peer group was formed.</summary>
public enum PeerGroupKind
{
    /// <summary>The county-level units of one prefecture ("全市各县市区").</summary>
    PrefectureCountyLevel = 1,
    /// <summary>A published list (a top-100 list, a provincial assessment group).</summary>
    List = 2,
    /// <summary>Chosen by a user.</summary>
    Custom = 3,
}

/// <summary>
/// A set of regions compared with each other (ranked, benchmarked): "南通市各县市区", a top-100 list, a custom group.
/// </summary>
/// <remarks>
/// Build it through <see cref="CountyLevelUnitsOf"/>, <see cref="FromList"/> or <see cref="Custom"/>: they make the
/// members distinct and sorted by code. The id is a stable key (<c>pref:320600</c>); ids and names must not be blank
/// (<see cref="ArgumentException"/>). Records compare members by reference; use <see cref="SameMembers"/> to compare sets.
/// </remarks>
public sealed record PeerGroup(string Id, string NameZh, string NameEn, PeerGroupKind Kind, IReadOnlyList<RegionCode> Members)
{
    /// <summary>
    /// The county-level units of <paramref name="prefecture"/> valid on <paramref name="asOf"/> (excluding statistical
    /// development zones and parks): id <c>pref:320600</c>, name "南通市各县市区". Throws <see cref="ArgumentException"/>
    /// when the prefecture is not in the registry.
    /// </summary>
    public static PeerGroup CountyLevelUnitsOf(RegionRegistry registry, RegionCode prefecture, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var pref = registry.Get(prefecture, asOf)
            ?? throw new ArgumentException($"未找到地区{prefecture} / region {prefecture} not found", nameof(prefecture));
        var members = registry.CountyLevelUnitsOf(prefecture, asOf).Select(r => r.Code);
        return Create($"pref:{prefecture}", $"{pref.Name}各县市区", $"county-level units of {pref.Name} ({prefecture})", PeerGroupKind.PrefectureCountyLevel, members);
    }

    /// <summary>A published list of regions.</summary>
    public static PeerGroup FromList(string id, string nameZh, string nameEn, IEnumerable<RegionCode> members)
        => Create(id, nameZh, nameEn, PeerGroupKind.List, members);

    /// <summary>A user-chosen group.</summary>
    public static PeerGroup Custom(string id, string nameZh, string nameEn, IEnumerable<RegionCode> members)
        => Create(id, nameZh, nameEn, PeerGroupKind.Custom, members);

    /// <summary>True when <paramref name="code"/> is a member.</summary>
    public bool Contains(RegionCode code) => Members.Contains(code);

    /// <summary>True when both groups have the same member set.</summary>
    public bool SameMembers(PeerGroup other) => other is not null && Members.SequenceEqual(other.Members);

    private static PeerGroup Create(string id, string nameZh, string nameEn, PeerGroupKind kind, IEnumerable<RegionCode> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("对比组标识不能为空 / a peer group id is required", nameof(id));
        }

        if (string.IsNullOrWhiteSpace(nameZh))
        {
            throw new ArgumentException("对比组名称不能为空 / a peer group name is required", nameof(nameZh));
        }

        return new PeerGroup(id.Trim(), nameZh.Trim(), (nameEn ?? string.Empty).Trim(), kind, [.. members.Distinct().Order()]);
    }
}
