namespace Baiqiang.Core.Regions;

/// <summary>What kind of unit a region is.</summary>
public enum RegionKind
{
    Province = 1,
    /// <summary>地级市 (and 地区/自治州/盟 at prefecture level).</summary>
    PrefectureCity = 2,
    /// <summary>市辖区.</summary>
    MunicipalDistrict = 3,
    /// <summary>县 (and 自治县).</summary>
    County = 4,
    /// <summary>县级市.</summary>
    CountyLevelCity = 5,
    /// <summary>旗 / 自治旗 (Inner Mongolia).</summary>
    Banner = 6,
    /// <summary>Statistical development zone: county digits 71–79 in NBS tables (经济技术开发区, 高新区 …).</summary>
    StatisticalDevelopmentZone = 7,
    /// <summary>A user-defined park or zone with a parent region (安义高新园区, 资阳临空经济区); has no official code.</summary>
    Park = 8,
    /// <summary>Other county-level units (林区, 特区, pseudo-county rows of 东莞/中山/儋州/嘉峪关).</summary>
    OtherCountyLevel = 9,
}

/// <summary>
/// A region in one vintage of the division tables: a code, a name and a kind, valid over a span of dates.
/// </summary>
/// <remarks>
/// Codes change over time (350681 龙海市 became 350604 龙海区 in 2021): each vintage is its own <see cref="Region"/>
/// with <see cref="ValidFrom"/> / <see cref="ValidTo"/> (inclusive from, exclusive to; null = open), and
/// <see cref="SuccessorCode"/> links an abolished code to the one that replaced it, so a name lookup and a
/// series can follow a region across vintages. Parks have no official code: they use a nine-digit code under
/// their parent (<see cref="RegionCode.Zone(int)"/>).
/// </remarks>
public sealed record Region(
    RegionCode Code,
    string Name,
    RegionKind Kind,
    RegionCode? ParentCode,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    RegionCode? SuccessorCode = null)
{
    public RegionLevel Level => Kind switch
    {
        RegionKind.Province => RegionLevel.Province,
        RegionKind.PrefectureCity => RegionLevel.Prefecture,
        _ => RegionLevel.County,
    };

    /// <summary>True when the region is in force on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date < ValidTo);

    public bool IsPark => Kind == RegionKind.Park;
}
