using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Regions;

public sealed class RegionRegistryParkTests
{
    private static readonly RegionRegistry Registry = new(
    [
        new Region(new RegionCode(360000), "江西省", RegionKind.Province, null),
        new Region(new RegionCode(360100), "南昌市", RegionKind.PrefectureCity, new RegionCode(360000)),
        new Region(new RegionCode(360123), "安义县", RegionKind.County, new RegionCode(360100)),
        new Region(new RegionCode(360124), "进贤县", RegionKind.County, new RegionCode(360100)),
        new Region(new RegionCode(360171), "南昌经济技术开发区", RegionKind.StatisticalDevelopmentZone, new RegionCode(360100)),
        new Region(new RegionCode(360123401), "安义高新园区", RegionKind.Park, new RegionCode(360123)),
    ]);

    [Fact]
    public void CountyLevelUnitsOf_Default_ExcludesZonesAndParks()
        => Assert.Equal([360123, 360124], Registry.CountyLevelUnitsOf(new RegionCode(360100)).Select(r => r.Code.Value));

    [Fact]
    public void CountyLevelUnitsOf_IncludeZones_AddsDevelopmentZoneAndPark()
        => Assert.Equal([360123, 360124, 360171, 360123401],
            Registry.CountyLevelUnitsOf(new RegionCode(360100), includeZones: true).Select(r => r.Code.Value));

    [Theory]
    [InlineData("360123401")]
    [InlineData("安义高新园区")]
    public void Resolve_Park_ByCodeOrName(string input)
    {
        var r = Registry.Resolve(input);
        Assert.True(r.Success);
        Assert.True(r.Value.IsPark);
        Assert.Equal("安义高新园区(安义县 360123401)", Registry.Describe(r.Value));
    }

    [Fact]
    public void Resolve_StemWithin_Anyi()
        => Assert.Equal(360123, Registry.Resolve("安义", within: new RegionCode(360100)).Value.Code.Value);

    [Fact]
    public void Resolve_NameOutsideWithin_FailsBilingually()
    {
        var r = Registry.Resolve("安义", within: new RegionCode(360124));
        Assert.False(r.Success);
        Assert.Contains("未找到地区“安义”", r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains("within 360124", r.Error!.Value.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Children_County_ArePark()
        => Assert.Equal([360123401], Registry.Children(new RegionCode(360123)).Select(r => r.Code.Value));

    [Fact]
    public void Describe_Province_HasNoParent()
        => Assert.Equal("江西省(360000)", Registry.Describe(Registry.Get(new RegionCode(360000))!));
}
