namespace Baiqiang.Core.Regions;

/// <summary>Infers a <see cref="RegionKind"/> from a division code and the name printed beside it.</summary>
/// <remarks>
/// Rules, first match wins: a nine-digit zone code → <see cref="RegionKind.Park"/>; level province →
/// <see cref="RegionKind.Province"/>; level prefecture → <see cref="RegionKind.PrefectureCity"/>; county digits
/// 71–79 → <see cref="RegionKind.StatisticalDevelopmentZone"/>; a county-level name equal to its parent's name
/// (the pseudo-county rows of 嘉峪关) → <see cref="RegionKind.OtherCountyLevel"/>; 特区, and 林区 with county digits
/// 21 or more (神农架林区, not 万柏林区) → <see cref="RegionKind.OtherCountyLevel"/>; names ending 区 →
/// <see cref="RegionKind.MunicipalDistrict"/>; 旗 (incl. 自治旗) → <see cref="RegionKind.Banner"/>; 县 (incl. 自治县) →
/// <see cref="RegionKind.County"/>; 市 → <see cref="RegionKind.CountyLevelCity"/>; anything else (行政委员会, 群岛 …)
/// → <see cref="RegionKind.OtherCountyLevel"/>. Never throws for a valid code; the name is trimmed.
/// </remarks>
public static class RegionKindRules
{
    /// <summary>Infers the kind from the code and name (see the class remarks for the rules).</summary>
    public static RegionKind Infer(RegionCode code, string name) => Infer(code, name, parentName: null);

    /// <summary>Infers the kind; <paramref name="parentName"/>, when given, detects pseudo-county rows that repeat their parent's name.</summary>
    public static RegionKind Infer(RegionCode code, string name, string? parentName)
    {
        var n = (name ?? string.Empty).Trim();
        switch (code.Level)
        {
            case RegionLevel.Zone:
                return RegionKind.Park;
            case RegionLevel.Province:
                return RegionKind.Province;
            case RegionLevel.Prefecture:
                return RegionKind.PrefectureCity;
        }

        if (code.IsStatisticalDevelopmentZone)
        {
            return RegionKind.StatisticalDevelopmentZone;
        }

        if (parentName is not null && string.Equals(n, parentName.Trim(), StringComparison.Ordinal))
        {
            return RegionKind.OtherCountyLevel;
        }

        if (n.EndsWith("特区", StringComparison.Ordinal) || (n.EndsWith("林区", StringComparison.Ordinal) && code.CountyDigits >= 21))
        {
            return RegionKind.OtherCountyLevel;
        }

        if (n.EndsWith('区'))
        {
            return RegionKind.MunicipalDistrict;
        }

        if (n.EndsWith('旗'))
        {
            return RegionKind.Banner;
        }

        if (n.EndsWith('县'))
        {
            return RegionKind.County;
        }

        return n.EndsWith('市') ? RegionKind.CountyLevelCity : RegionKind.OtherCountyLevel;
    }

    /// <summary>True for the kinds counted as "全市各县市区": counties, districts, county-level cities, banners and other county-level units.</summary>
    public static bool IsCountyLevelUnit(RegionKind kind) => kind is RegionKind.County or RegionKind.MunicipalDistrict
        or RegionKind.CountyLevelCity or RegionKind.Banner or RegionKind.OtherCountyLevel;

    /// <summary>
    /// The name without its administrative suffix (自治县, 自治旗, 市, 县, 区, 旗), used to match a region across a recode
    /// (龙海市 → 龙海). A name of two characters or fewer keeps its suffix (沙县 stays 沙县), as the stem alone is not a name.
    /// </summary>
    public static string Stem(string name)
    {
        var n = (name ?? string.Empty).Trim();
        foreach (var suffix in Suffixes)
        {
            if (n.Length > suffix.Length + 1 && n.EndsWith(suffix, StringComparison.Ordinal))
            {
                return n[..^suffix.Length];
            }
        }

        return n;
    }

    private static readonly string[] Suffixes = ["自治县", "自治旗", "市", "县", "区", "旗"];
}
