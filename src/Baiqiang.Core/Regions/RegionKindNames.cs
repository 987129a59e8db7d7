namespace Baiqiang.Core.Regions;

/// <summary>The one place a <see cref="RegionKind"/> gets its words: 县级市 / county-level city, never <c>CountyLevelCity</c>
/// in what a person reads.</summary>
public static class RegionKindNames
{
    public static string Zh(RegionKind kind) => kind switch
    {
        RegionKind.Province => "省级",
        RegionKind.PrefectureCity => "地级市",
        RegionKind.MunicipalDistrict => "市辖区",
        RegionKind.County => "县",
        RegionKind.CountyLevelCity => "县级市",
        RegionKind.Banner => "旗",
        RegionKind.StatisticalDevelopmentZone => "统计用开发区",
        RegionKind.Park => "园区",
        RegionKind.OtherCountyLevel => "其他县级单位",
        _ => "未知类型",
    };

    public static string En(RegionKind kind) => kind switch
    {
        RegionKind.Province => "province",
        RegionKind.PrefectureCity => "prefecture-level city",
        RegionKind.MunicipalDistrict => "district",
        RegionKind.County => "county",
        RegionKind.CountyLevelCity => "county-level city",
        RegionKind.Banner => "banner",
        RegionKind.StatisticalDevelopmentZone => "statistical development zone",
        RegionKind.Park => "park",
        RegionKind.OtherCountyLevel => "other county-level unit",
        _ => "unknown kind",
    };
}
