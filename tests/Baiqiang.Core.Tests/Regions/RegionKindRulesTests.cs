using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Regions;

public sealed class RegionKindRulesTests
{
    [Theory]
    [InlineData(510000, "四川省", RegionKind.Province)]
    [InlineData(510500, "泸州市", RegionKind.PrefectureCity)]
    [InlineData(110100, "市辖区", RegionKind.PrefectureCity)]
    [InlineData(130171, "石家庄高新技术产业开发区", RegionKind.StatisticalDevelopmentZone)]
    [InlineData(510502, "江阳区", RegionKind.MunicipalDistrict)]
    [InlineData(140109, "万柏林区", RegionKind.MunicipalDistrict)]
    [InlineData(150782, "牙克石市", RegionKind.CountyLevelCity)]
    [InlineData(150723, "鄂伦春自治旗", RegionKind.Banner)]
    [InlineData(150502, "科尔沁区", RegionKind.MunicipalDistrict)]
    [InlineData(150521, "科尔沁左翼中旗", RegionKind.Banner)]
    [InlineData(360123, "安义县", RegionKind.County)]
    [InlineData(130531, "广宗县", RegionKind.County)]
    [InlineData(450332, "恭城瑶族自治县", RegionKind.County)]
    [InlineData(320681, "启东市", RegionKind.CountyLevelCity)]
    [InlineData(429021, "神农架林区", RegionKind.OtherCountyLevel)]
    [InlineData(520203, "六枝特区", RegionKind.OtherCountyLevel)]
    [InlineData(632857, "大柴旦行政委员会", RegionKind.OtherCountyLevel)]
    [InlineData(360123401, "安义高新园区", RegionKind.Park)]
    public void Infer_CodeAndName_Kind(int code, string name, RegionKind expected)
        => Assert.Equal(expected, RegionKindRules.Infer(new RegionCode(code), name));

    [Fact]
    public void Infer_PseudoCountyRepeatingParentName_IsOther()
        => Assert.Equal(RegionKind.OtherCountyLevel, RegionKindRules.Infer(new RegionCode(620201), "嘉峪关市", "嘉峪关市"));

    [Fact]
    public void Infer_RealAreas_EveryKindSensible()
    {
        var byKind = DivisionTables.Areas2023.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(124, byKind[RegionKind.StatisticalDevelopmentZone]);
        Assert.True(byKind[RegionKind.MunicipalDistrict] > 900);
        Assert.True(byKind[RegionKind.County] > 1200);
        Assert.Equal(52, byKind[RegionKind.Banner]); // 49 旗 + 3 自治旗 in Inner Mongolia
    }

    [Theory]
    [InlineData("龙海市", "龙海")]
    [InlineData("龙海区", "龙海")]
    [InlineData("沙县", "沙县")]
    [InlineData("沙县区", "沙县")]
    [InlineData("恭城瑶族自治县", "恭城瑶族")]
    [InlineData("鄂伦春自治旗", "鄂伦春")]
    [InlineData("泸州", "泸州")]
    public void Stem_Name_StripsOneSuffix(string name, string stem)
        => Assert.Equal(stem, RegionKindRules.Stem(name));
}
