using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Regions;

public sealed class RegionKindNamesTests
{
    [Fact]
    public void Zh_CountyLevelCity_IsTheChineseTerm() => Assert.Equal("县级市", RegionKindNames.Zh(RegionKind.CountyLevelCity));

    [Fact]
    public void ZhAndEn_EveryKind_HasItsOwnWordsAndNoEnumName()
    {
        var kinds = Enum.GetValues<RegionKind>();
        Assert.Equal(kinds.Length, kinds.Select(RegionKindNames.Zh).Distinct().Count());
        Assert.Equal(kinds.Length, kinds.Select(RegionKindNames.En).Distinct().Count());
        Assert.All(kinds, k => Assert.DoesNotContain(k.ToString(), RegionKindNames.Zh(k) + RegionKindNames.En(k), StringComparison.Ordinal));
    }
}
