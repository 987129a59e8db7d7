using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Regions;

public sealed class RegionRegistryTests
{
    private static RegionRegistry Registry => DivisionTables.Registry2023;

    private static Region R(int code, string name, int? parent = null, DateOnly? from = null, DateOnly? to = null, int? successor = null)
    {
        var c = new RegionCode(code);
        return new Region(c, name, RegionKindRules.Infer(c, name), parent is { } p ? new RegionCode(p) : c.Parent, from, to,
            successor is { } s ? new RegionCode(s) : null);
    }

    [Fact]
    public void AreasCsv_Rows_Are2978CountyLevelUnits()
    {
        Assert.Equal(2978, DivisionTables.Areas2023.Count);
        Assert.Equal(124, DivisionTables.Areas2023.Count(r => r.Kind == RegionKind.StatisticalDevelopmentZone));
    }

    [Fact]
    public void Registry2023_Count_IsProvincesPrefecturesAndCountiesWithoutDuplicatePseudoRows()
    {
        // 31 + 342 + 2,978 − 3 rows (东莞, 中山, 儋州) that repeat their prefecture's own code.
        Assert.Equal(31 + 342 + 2978 - 3, Registry.Count);
    }

    [Fact]
    public void Get_Jiangyang_HasParentLuzhou()
    {
        var r = Registry.Get(new RegionCode(510502));
        Assert.NotNull(r);
        Assert.Equal("江阳区", r.Name);
        Assert.Equal(RegionKind.MunicipalDistrict, r.Kind);
        Assert.Equal(new RegionCode(510500), r.ParentCode);
        Assert.Equal("泸州市", Registry.Get(r.ParentCode!.Value)!.Name);
    }

    [Fact]
    public void TryGet_UnknownCode_ReturnsFalse()
    {
        Assert.False(Registry.TryGet(new RegionCode(510599), out _));
        Assert.True(Registry.TryGet(new RegionCode(510502), out var r));
        Assert.Equal("江阳区", r.Name);
    }

    [Fact]
    public void FindByName_Stem_FindsJiangyangDistrict()
    {
        var found = Registry.FindByName("江阳");
        Assert.Single(found);
        Assert.Equal(new RegionCode(510502), found[0].Code);
    }

    [Fact]
    public void FindByName_ExactName_PrefersExactOverStem()
    {
        var found = Registry.FindByName("泸州市");
        Assert.Equal([new RegionCode(510500)], found.Select(r => r.Code));
    }

    [Fact]
    public void FindByName_Tongzhou_ReturnsBeijingAndNantong()
    {
        var codes = Registry.FindByName("通州").Select(r => r.Code.Value).ToList();
        Assert.Equal([110112, 320612], codes);
        Assert.Equal(codes, Registry.FindByName("通州区").Select(r => r.Code.Value));
    }

    [Fact]
    public void FindByName_Unknown_IsEmpty()
    {
        Assert.Empty(Registry.FindByName("不存在县"));
        Assert.Empty(Registry.FindByName("  "));
    }

    [Fact]
    public void Resolve_AmbiguousName_FailsListingCandidatesWithParents()
    {
        var r = Registry.Resolve("通州");
        Assert.False(r.Success);
        Assert.Contains("通州区(北京市 110112)、通州区(南通市 320612)", r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains("matches 2 regions", r.Error!.Value.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_AmbiguousNameWithin_NarrowsToOne()
    {
        var r = Registry.Resolve("通州", within: new RegionCode(320600));
        Assert.True(r.Success);
        Assert.Equal(new RegionCode(320612), r.Value.Code);
        Assert.Equal(new RegionCode(110112), Registry.Resolve("通州区", within: new RegionCode(110000)).Value.Code);
    }

    [Theory]
    [InlineData("510502", 510502)]
    [InlineData(" 510502 ", 510502)]
    [InlineData("５１０５０２", 510502)]
    [InlineData("江阳区", 510502)]
    [InlineData("泸州市", 510500)]
    [InlineData("四川省", 510000)]
    public void Resolve_CodeOrUniqueName_Succeeds(string input, int expected)
        => Assert.Equal(expected, Registry.Resolve(input).Value.Code.Value);

    [Theory]
    [InlineData("510599")]
    [InlineData("12345")]
    [InlineData("")]
    [InlineData("火星区")]
    public void Resolve_Unknown_FailsBilingually(string input)
    {
        var r = Registry.Resolve(input);
        Assert.False(r.Success);
        Assert.False(string.IsNullOrEmpty(r.Error!.Value.Zh));
        Assert.False(string.IsNullOrEmpty(r.Error!.Value.En));
        Assert.Throws<FormatException>(() => r.Value);
    }

    [Fact]
    public void Resolve_CodeOutsideWithin_Fails()
        => Assert.False(Registry.Resolve("510502", within: new RegionCode(320600)).Success);

    [Fact]
    public void Children_Luzhou_AreItsCountyLevelUnitsSorted()
    {
        var kids = Registry.Children(new RegionCode(510500));
        Assert.Contains(kids, r => r.Code.Value == 510502);
        Assert.All(kids, r => Assert.Equal(new RegionCode(510500), r.ParentCode));
        Assert.Equal(kids.Select(k => k.Code).Order(), kids.Select(k => k.Code));
    }

    [Fact]
    public void CountyLevelUnitsOf_Nantong_IncludesTongzhouExcludesZones()
    {
        var units = Registry.CountyLevelUnitsOf(new RegionCode(320600));
        Assert.Contains(units, r => r.Code.Value == 320612 && r.Name == "通州区");
        Assert.DoesNotContain(units, r => r.Kind == RegionKind.StatisticalDevelopmentZone);
        var withZones = Registry.CountyLevelUnitsOf(new RegionCode(320600), includeZones: true);
        Assert.True(withZones.Count > units.Count);
        Assert.Contains(withZones, r => r.Kind == RegionKind.StatisticalDevelopmentZone);
    }

    [Fact]
    public void CountyLevelUnitsOf_Beijing_GoesThroughShixiaqu()
    {
        var units = Registry.CountyLevelUnitsOf(new RegionCode(110000));
        Assert.Equal(16, units.Count);
        Assert.Contains(units, r => r.Code.Value == 110112);
    }

    [Fact]
    public void Infer_DevelopmentZone130171_IsStatisticalDevelopmentZone()
        => Assert.Equal(RegionKind.StatisticalDevelopmentZone, Registry.Get(new RegionCode(130171))!.Kind);

    [Fact]
    public void Constructor_SameCodeOverlapping_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RegionRegistry([R(510502, "江阳区"), R(510502, "江阳")]));
        Assert.Contains("重复", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SameCodeDisjointVintages_Accepted()
    {
        var reg = new RegionRegistry(
        [
            R(350403, "三元区", to: new DateOnly(2021, 6, 1), successor: 350404),
            R(350403, "三元区(新)", from: new DateOnly(2030, 1, 1)),
        ]);
        Assert.Equal(2, reg.Count);
        Assert.Equal("三元区", reg.Get(new RegionCode(350403), new DateOnly(2020, 1, 1))!.Name);
        Assert.Equal("三元区(新)", reg.Get(new RegionCode(350403))!.Name);
        Assert.Null(reg.Get(new RegionCode(350403), new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Successor_FollowsChain()
    {
        var reg = new RegionRegistry(
        [
            R(350681, "龙海市", to: new DateOnly(2021, 6, 1), successor: 350604),
            R(350604, "龙海区", from: new DateOnly(2021, 6, 1), to: new DateOnly(2030, 1, 1), successor: 350699),
            R(350699, "龙海新区", from: new DateOnly(2030, 1, 1)),
        ]);
        Assert.Equal(new RegionCode(350699), reg.Successor(new RegionCode(350681)));
        Assert.Null(reg.Successor(new RegionCode(350699)));
        Assert.Null(reg.Successor(new RegionCode(510502)));
        Assert.Equal([350604, 350681, 350699], reg.Lineage(new RegionCode(350604)).Select(c => c.Value));
    }

    [Fact]
    public void Successor_Cycle_Terminates()
    {
        var reg = new RegionRegistry(
        [
            R(350681, "甲市", to: new DateOnly(2021, 1, 1), successor: 350604),
            R(350604, "乙区", to: new DateOnly(2022, 1, 1), successor: 350681),
        ]);
        Assert.NotNull(reg.Successor(new RegionCode(350681)));
        Assert.Equal(2, reg.Lineage(new RegionCode(350681)).Count);
    }

    [Fact]
    public void Lineage_UnrelatedCode_IsItself()
        => Assert.Equal([new RegionCode(510502)], Registry.Lineage(new RegionCode(510502)));

    [Fact]
    public void Describe_CountyUnderProvinceDirectAdministration_UsesProvince()
        => Assert.Equal("仙桃市(湖北省 429004)", Registry.Describe(Registry.Get(new RegionCode(429004))!));
}
