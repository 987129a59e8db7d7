using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Regions;

public sealed class PeerGroupTests
{
    [Fact]
    public void CountyLevelUnitsOf_Nantong_IdNameAndMembers()
    {
        var g = PeerGroup.CountyLevelUnitsOf(DivisionTables.Registry2023, new RegionCode(320600), null);
        Assert.Equal("pref:320600", g.Id);
        Assert.Equal("南通市各县市区", g.NameZh);
        Assert.Equal(PeerGroupKind.PrefectureCountyLevel, g.Kind);
        Assert.Contains(new RegionCode(320612), g.Members);
        Assert.DoesNotContain(g.Members, c => c.IsStatisticalDevelopmentZone);
        Assert.Equal(g.Members.Order(), g.Members);
    }

    [Fact]
    public void CountyLevelUnitsOf_UnknownPrefecture_Throws()
        => Assert.Throws<ArgumentException>(() => PeerGroup.CountyLevelUnitsOf(DivisionTables.Registry2023, new RegionCode(519900), null));

    [Fact]
    public void FromList_DistinctSorted()
    {
        var g = PeerGroup.FromList("ccid2025", "2025赛迪百强区", "CCID top-100 districts 2025",
            [new RegionCode(510502), new RegionCode(320612), new RegionCode(510502)]);
        Assert.Equal([320612, 510502], g.Members.Select(c => c.Value));
        Assert.Equal(PeerGroupKind.List, g.Kind);
        Assert.True(g.Contains(new RegionCode(510502)));
        Assert.False(g.Contains(new RegionCode(110112)));
    }

    [Fact]
    public void Custom_SameMembers_ComparesSets()
    {
        var a = PeerGroup.Custom("a", "甲", "A", [new RegionCode(510502), new RegionCode(320612)]);
        var b = PeerGroup.Custom("b", "乙", "B", [new RegionCode(320612), new RegionCode(510502)]);
        Assert.Equal(PeerGroupKind.Custom, a.Kind);
        Assert.True(a.SameMembers(b));
    }

    [Theory]
    [InlineData("", "名")]
    [InlineData("id", " ")]
    public void FromList_BlankIdOrName_Throws(string id, string nameZh)
        => Assert.Throws<ArgumentException>(() => PeerGroup.FromList(id, nameZh, "x", []));
}
