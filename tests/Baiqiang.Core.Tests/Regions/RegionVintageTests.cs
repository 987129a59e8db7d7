using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Regions;

public sealed class RegionVintageTests
{
    private static readonly Lazy<IReadOnlyList<Region>> Merged = new(() => RegionRegistry.MergeVintages(
        DivisionTables.All2020, DivisionTables.Vintage2020, DivisionTables.All2023, DivisionTables.Vintage2023,
        RegionRegistry.KnownRecodes2020To2023));

    private static readonly Lazy<RegionRegistry> MergedRegistry = new(() => new RegionRegistry(Merged.Value));

    private static Region R(int code, string name, DateOnly? from = null, DateOnly? to = null)
    {
        var c = new RegionCode(code);
        return new Region(c, name, RegionKindRules.Infer(c, name), c.Parent, from, to);
    }

    [Fact]
    public void KnownRecodes_CoverEveryAbolished2020Code()
    {
        var codes2023 = DivisionTables.All2023.Select(r => r.Code).ToHashSet();
        var gone = DivisionTables.Areas2020.Where(r => !codes2023.Contains(r.Code)).Select(r => r.Code).Order().ToList();
        Assert.Equal(20, gone.Count);
        Assert.Equal(gone, RegionRegistry.KnownRecodes2020To2023.Keys.Order());
        Assert.All(RegionRegistry.KnownRecodes2020To2023.Values, s => Assert.Contains(s, codes2023));
    }

    [Fact]
    public void KnownRecodes_Longhai_Is350604()
        => Assert.Equal(new RegionCode(350604), RegionRegistry.KnownRecodes2020To2023[new RegionCode(350681)]);

    [Fact]
    public void MergeVintages_Longhai_ClosedWithSuccessor()
    {
        var reg = MergedRegistry.Value;
        var old = reg.Get(new RegionCode(350681))!;
        Assert.Equal("龙海市", old.Name);
        Assert.Equal(DivisionTables.Vintage2023, old.ValidTo);
        Assert.Equal(new RegionCode(350604), old.SuccessorCode);
        Assert.Equal(new RegionCode(350604), reg.Successor(new RegionCode(350681)));
        Assert.Equal(DivisionTables.Vintage2023, reg.Get(new RegionCode(350604))!.ValidFrom);
    }

    [Fact]
    public void MergeVintages_CodeInBoth_OneOpenRecord()
    {
        var records = Merged.Value.Where(r => r.Code.Value == 510502).ToList();
        var r = Assert.Single(records);
        Assert.Null(r.ValidFrom);
        Assert.Null(r.ValidTo);
    }

    [Fact]
    public void MergeVintages_AsOf2021_SeesOldLonghaiNotNew()
    {
        var reg = MergedRegistry.Value;
        var d = new DateOnly(2021, 1, 1);
        Assert.Equal([350681], reg.FindByName("龙海", d).Select(r => r.Code.Value));
        Assert.Equal([350604], reg.FindByName("龙海").Select(r => r.Code.Value));
    }

    [Fact]
    public void MergeVintages_MergedDistricts_LineageJoins()
    {
        var lineage = MergedRegistry.Value.Lineage(new RegionCode(410308)).Select(c => c.Value).ToList();
        Assert.Equal([410306, 410308, 410322], lineage);
    }

    [Fact]
    public void MergeVintages_WithoutKnownRecodes_MatchesByStem()
    {
        var older = new[] { R(350681, "龙海市"), R(350427, "沙县"), R(450127, "横县"), R(510502, "江阳区") };
        var newer = new[] { R(350604, "龙海区"), R(350405, "沙县区"), R(450181, "横州市"), R(510502, "江阳区") };
        var merged = RegionRegistry.MergeVintages(older, new DateOnly(2020, 12, 31), newer, new DateOnly(2023, 6, 30));
        var byCode = merged.ToDictionary(r => r.Code.Value);
        Assert.Equal(new RegionCode(350604), byCode[350681].SuccessorCode);
        Assert.Equal(new RegionCode(350405), byCode[350427].SuccessorCode);
        Assert.Null(byCode[450127].SuccessorCode); // 横县 → 横州市: stems differ, only the known map knows
        Assert.Equal(new DateOnly(2023, 6, 30), byCode[450181].ValidFrom);
        Assert.Equal(7, merged.Count);
    }

    [Fact]
    public void MergeVintages_ThreeVintages_KeepsClosedRecords()
    {
        var first = RegionRegistry.MergeVintages([R(350681, "龙海市")], new DateOnly(2020, 1, 1), [R(350604, "龙海区")], new DateOnly(2021, 1, 1));
        var second = RegionRegistry.MergeVintages(first, new DateOnly(2021, 1, 1), [R(350604, "龙海区")], new DateOnly(2022, 1, 1));
        Assert.Equal(2, second.Count);
        var closed = second.Single(r => r.Code.Value == 350681);
        Assert.Equal(new DateOnly(2021, 1, 1), closed.ValidTo);
        var open = second.Single(r => r.Code.Value == 350604);
        Assert.Equal(new DateOnly(2021, 1, 1), open.ValidFrom);
        Assert.Null(open.ValidTo);
    }

    [Fact]
    public void MergeVintages_DatesOutOfOrder_Throws()
        => Assert.Throws<ArgumentException>(() => RegionRegistry.MergeVintages([], new DateOnly(2023, 1, 1), [], new DateOnly(2020, 1, 1)));

    [Fact]
    public void MergeVintages_AmbiguousStem_NoSuccessor()
    {
        var older = new[] { R(350681, "龙海市") };
        var newer = new[] { R(350604, "龙海区"), R(350605, "龙海县") };
        var merged = RegionRegistry.MergeVintages(older, new DateOnly(2020, 1, 1), newer, new DateOnly(2021, 1, 1));
        Assert.Null(merged.Single(r => r.Code.Value == 350681).SuccessorCode);
    }

    [Fact]
    public void Resolve_AsOf_FollowsVintage()
    {
        var reg = MergedRegistry.Value;
        Assert.Equal(350681, reg.Resolve("龙海", new DateOnly(2021, 1, 1)).Value.Code.Value);
        Assert.Equal(350604, reg.Resolve("龙海").Value.Code.Value);
        Assert.False(reg.Resolve("350604", new DateOnly(2021, 1, 1)).Success);
        Assert.True(reg.Resolve("350681").Success);
    }

    [Fact]
    public void Children_AsOf_SeesThatVintage()
    {
        var reg = MergedRegistry.Value;
        var zhangzhou = new RegionCode(350600);
        Assert.Contains(reg.Children(zhangzhou, new DateOnly(2021, 1, 1)), r => r.Code.Value == 350681);
        Assert.DoesNotContain(reg.Children(zhangzhou), r => r.Code.Value == 350681);
        Assert.Contains(reg.Children(zhangzhou), r => r.Code.Value == 350604);
        Assert.Equal("漳州市", reg.Get(zhangzhou, new DateOnly(2021, 1, 1))!.Name);
    }

    [Fact]
    public void MergeVintages_Real_OnlyTheTwentyAreClosed()
    {
        var closed = Merged.Value.Where(r => r.ValidTo is not null).ToList();
        Assert.Equal(20, closed.Count);
        Assert.All(closed, r => Assert.NotNull(r.SuccessorCode));
        Assert.All(closed, r => Assert.Equal(RegionRegistry.KnownRecodes2020To2023[r.Code], r.SuccessorCode));
    }

    [Fact]
    public void Lineage_Sanyuan_JoinsMeilieAndOldSanyuan()
        => Assert.Equal([350402, 350403, 350404], MergedRegistry.Value.Lineage(new RegionCode(350403)).Select(c => c.Value));
}
