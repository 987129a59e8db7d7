namespace Baiqiang.Core.Regions;

public sealed partial class RegionRegistry
{
    /// <summary>
    /// The county-level codes of the 2020 GB/T 2260 table (end of 2020) that were abolished or recoded by the 2023
    /// NBS statistical codes (cut-off 2023-06-30), each mapped to the code that took over its area (for mergers,
    /// the unit that absorbed it).
    /// </summary>
    /// <remarks>
    /// Derived by comparing the two tables and matching by name stem within the province, then checked by hand for
    /// the mergers a stem cannot see: 下城区 → 拱墅区, 江干区 → 上城区 (Hangzhou 2021), 梅列区 → 三元区 (Sanming 2021),
    /// 吉利区 → 孟津区 (Luoyang 2021), 横县 → 横州市 (2021).
    /// </remarks>
    public static IReadOnlyDictionary<RegionCode, RegionCode> KnownRecodes2020To2023 { get; } = new Dictionary<RegionCode, RegionCode>
    {
        [new(330103)] = new(330105), // 下城区 → 拱墅区 (merged)
        [new(330104)] = new(330102), // 江干区 → 上城区 (merged)
        [new(350402)] = new(350404), // 梅列区 → 三元区 (merged)
        [new(350403)] = new(350404), // 三元区 → 三元区 (recoded)
        [new(350427)] = new(350405), // 沙县 → 沙县区
        [new(350625)] = new(350605), // 长泰县 → 长泰区
        [new(350681)] = new(350604), // 龙海市 → 龙海区
        [new(410306)] = new(410308), // 吉利区 → 孟津区 (merged)
        [new(410322)] = new(410308), // 孟津县 → 孟津区
        [new(410381)] = new(410307), // 偃师市 → 偃师区
        [new(431121)] = new(431181), // 祁阳县 → 祁阳市
        [new(450127)] = new(450181), // 横县 → 横州市
        [new(513425)] = new(513402), // 会理县 → 会理市
        [new(520522)] = new(520581), // 黔西县 → 黔西市
        [new(532331)] = new(532302), // 禄丰县 → 禄丰市
        [new(540422)] = new(540481), // 米林县 → 米林市
        [new(540530)] = new(540581), // 错那县 → 错那市
        [new(610322)] = new(610305), // 凤翔县 → 凤翔区
        [new(610928)] = new(610981), // 旬阳县 → 旬阳市
        [new(654223)] = new(654203), // 沙湾县 → 沙湾市
    };

    /// <summary>
    /// Merges two vintages of a division table into one list of <see cref="Region"/> records with validity spans.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>A code in both: one record with the newer name, kind and parent, valid from the older record's
    /// <see cref="Region.ValidFrom"/> (null if it had none) to the newer record's <see cref="Region.ValidTo"/>.</item>
    /// <item>A code only in <paramref name="older"/>: kept with <see cref="Region.ValidTo"/> = <paramref name="newerDate"/>
    /// (exclusive) unless it was already closed, and a <see cref="Region.SuccessorCode"/> from
    /// <paramref name="knownRecodes"/> or, when absent there, the unique region of <paramref name="newer"/> not in
    /// <paramref name="older"/> whose name stem matches (龙海市 → 龙海区), looked for in the same prefecture first,
    /// then the same province. No unique match → no successor.</item>
    /// <item>A code only in <paramref name="newer"/>: <see cref="Region.ValidFrom"/> = <paramref name="newerDate"/>
    /// unless it already had one.</item>
    /// </list>
    /// <paramref name="olderDate"/> is the older table's cut-off date; it must precede <paramref name="newerDate"/>
    /// (else <see cref="ArgumentException"/>). Records that were open in the older table keep their start (null = since
    /// ever), so merging more vintages in turn (2020+2023, then +2024) extends the same records.
    /// The result is sorted by code, then start of validity.
    /// </remarks>
    public static IReadOnlyList<Region> MergeVintages(
        IReadOnlyList<Region> older,
        DateOnly olderDate,
        IReadOnlyList<Region> newer,
        DateOnly newerDate,
        IReadOnlyDictionary<RegionCode, RegionCode>? knownRecodes = null)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (olderDate >= newerDate)
        {
            throw new ArgumentException("旧版区划日期必须早于新版 / the older vintage date must precede the newer one", nameof(olderDate));
        }

        var newByCode = new Dictionary<RegionCode, Region>();
        foreach (var n in newer)
        {
            newByCode[n.Code] = n;
        }

        var openOldCodes = older.Where(o => o.ValidTo is null).Select(o => o.Code).ToHashSet();
        var newOnly = newer.Where(n => !openOldCodes.Contains(n.Code)).ToList();
        var result = new List<Region>(older.Count + newOnly.Count);
        foreach (var o in older)
        {
            if (o.ValidTo is null && newByCode.TryGetValue(o.Code, out var n))
            {
                result.Add(n with { ValidFrom = o.ValidFrom });
                continue;
            }

            if (o.ValidTo is not null)
            {
                result.Add(o); // already closed in an earlier merge
                continue;
            }

            RegionCode? successor = knownRecodes is not null && knownRecodes.TryGetValue(o.Code, out var known) ? known : FindByStem(o, newOnly);
            result.Add(o with { ValidTo = newerDate, SuccessorCode = successor });
        }

        result.AddRange(newOnly.Select(n => n.ValidFrom is null ? n with { ValidFrom = newerDate } : n));

        // A code closed earlier and reused in the newer table appears twice: closed, then again from newerDate.
        return [.. result.OrderBy(r => r.Code).ThenBy(r => r.ValidFrom ?? DateOnly.MinValue)];
    }

    private static RegionCode? FindByStem(Region old, List<Region> candidates)
    {
        var stem = RegionKindRules.Stem(old.Name);
        var sameLevel = candidates.Where(c => c.Level == old.Level && string.Equals(RegionKindRules.Stem(c.Name), stem, StringComparison.Ordinal)).ToList();
        var inPrefecture = sameLevel.Where(c => c.Code.Prefecture == old.Code.Prefecture).ToList();
        if (inPrefecture.Count == 1)
        {
            return inPrefecture[0].Code;
        }

        if (inPrefecture.Count > 1)
        {
            return null;
        }

        var inProvince = sameLevel.Where(c => c.Code.Province == old.Code.Province).ToList();
        return inProvince.Count == 1 ? inProvince[0].Code : null;
    }
}
