using System.Diagnostics;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Regions;

/// <summary>Division tables, parks and peer groups against each provider. The class shares one store; imports are idempotent.</summary>
public abstract class RegionStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<BaiqiangDbContext> ImportedAsync()
    {
        var db = fixture.Open();
        await RegionStore.ImportDivisionTablesAsync(db, SharedData.Path("divisions"), Ct);
        return db;
    }

    [Fact]
    public async Task ImportDivisionTables_2023Tables_AllAreasCodesCurrent()
    {
        await using var db = await ImportedAsync();
        var watch = Stopwatch.StartNew();
        var all = await RegionStore.LoadAllAsync(db, Ct);
        watch.Stop();

        var areaCodes = (await File.ReadAllLinesAsync(SharedData.Path("divisions", "areas.csv"), Ct)).Skip(1)
            .Select(l => int.Parse(l[..6], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(2978, areaCodes.Count);
        var current = all.Where(r => r.ValidTo is null).Select(r => r.Code.Value).ToHashSet();
        Assert.Subset(current, areaCodes);
        Assert.Equal(31, all.Count(r => r.Kind == RegionKind.Province && r.ValidTo is null && r.Code.ProvinceDigits < 71));
        Assert.Equal(34, all.Count(r => r.Kind == RegionKind.Province && r.ValidTo is null)); // with 台湾, 香港, 澳门 from GB/T 2260
        Assert.True(watch.ElapsedMilliseconds < 1000, $"LoadAllAsync took {watch.ElapsedMilliseconds} ms");

        var jiangyang = Assert.Single(all, r => r.Code.Value == 510502);
        Assert.Equal(("江阳区", RegionKind.MunicipalDistrict, 510500), (jiangyang.Name, jiangyang.Kind, jiangyang.ParentCode?.Value));
        Assert.Equal(RegionKind.CountyLevelCity, all.Single(r => r.Code.Value == 320583).Kind);
        Assert.Equal(RegionKind.County, all.Single(r => r.Code.Value == 360123).Kind);
        Assert.Equal(RegionKind.StatisticalDevelopmentZone, all.Single(r => r.Code.Value == 130171).Kind);
        Assert.Equal("北京市市辖区", all.Single(r => r.Code.Value == 110100).Name);
    }

    [Fact]
    public async Task ImportDivisionTables_CodeOnlyIn2020_HasValidToAndSuccessor()
    {
        await using var db = await ImportedAsync();
        var longhai = (await RegionStore.FindByNameAsync(db, "龙海市", Ct)).Single(r => r.Code.Value == 350681);

        Assert.Equal(RegionStore.Abolished2020ValidTo, longhai.ValidTo);
        Assert.Equal(350604, longhai.SuccessorCode?.Value);
        Assert.False(longhai.IsValidOn(new DateOnly(2023, 6, 30)));
        Assert.Equal(RegionKind.CountyLevelCity, longhai.Kind);
        var district = Assert.Single(await RegionStore.FindByNameAsync(db, "龙海区", Ct));
        Assert.Null(district.ValidTo);

        var all = await RegionStore.LoadAllAsync(db, Ct);
        Assert.Equal(450181, all.Single(r => r.Code.Value == 450127).SuccessorCode?.Value); // 横县 → 横州市
        Assert.Null(all.Single(r => r.Code.Value == 330103).SuccessorCode); // 下城区 merged, no single successor
        Assert.Null(all.Single(r => r.Code.Value == 810000).ValidTo); // 香港 is outside the NBS tables, not abolished
    }

    [Fact]
    public async Task ImportDivisionTables_Twice_ChangesNothing()
    {
        await using var db = await ImportedAsync();
        var audits = await db.AuditEntries.CountAsync(Ct);
        var count = await db.Regions.CountAsync(r => r.Vintage != RegionEntity.VintageUser, Ct);

        var again = await RegionStore.ImportDivisionTablesAsync(db, SharedData.Path("divisions"), Ct);

        Assert.Equal((0, 0, count), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(2978, again.CountyRowsRead);
        Assert.Equal(20, again.Abolished);
        Assert.Equal(count, await db.Regions.CountAsync(r => r.Vintage != RegionEntity.VintageUser, Ct));
        Assert.Equal(audits, await db.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task AddParkAsync_UnderAnyiCounty_Allocates401Then402()
    {
        await using var db = await ImportedAsync();
        var anyi = new RegionCode(360123);

        var first = await RegionStore.AddParkAsync(db, anyi, "安义高新园区", Ct);
        var second = await RegionStore.AddParkAsync(db, anyi, "安义工业园区", Ct);

        Assert.Equal(360123401, first.Code.Value);
        Assert.Equal(360123402, second.Code.Value);
        Assert.Equal((RegionKind.Park, anyi), (first.Kind, first.ParentCode));
        Assert.Equal("安义高新园区", Assert.Single(await RegionStore.FindByNameAsync(db, "安义高新园区", Ct)).Name);
        await Assert.ThrowsAsync<InvalidOperationException>(() => RegionStore.AddParkAsync(db, new RegionCode(829999), "无", Ct));

        // Re-importing the official tables leaves user parks alone.
        await RegionStore.ImportDivisionTablesAsync(db, SharedData.Path("divisions"), Ct);
        Assert.Equal(2, await db.Regions.CountAsync(r => r.Kind == RegionKind.Park, Ct));
    }

    [Fact]
    public async Task ImportRankingList_Ccid2025Districts_Has100MembersIncludingJiangyang()
    {
        await using var db = fixture.Open();
        var path = SharedData.Path("rankings", "ccid_2025_top100_districts.tsv");

        var group = await PeerGroupStore.ImportRankingListAsync(db, path, Ct);
        await PeerGroupStore.ImportRankingListAsync(db, path, Ct);

        Assert.Equal("ccid_2025_top100_districts", group.Id);
        Assert.Equal(PeerGroupKind.List, group.Kind);
        var members = await PeerGroupStore.MembersAsync(db, "ccid_2025_top100_districts", Ct);
        Assert.Equal(100, members.Count);
        Assert.Equal(440305, members[0].Value);
        Assert.Equal(86, (await db.PeerGroupMembers.SingleAsync(m => m.PeerGroupId == group.Id && m.RegionCode == new RegionCode(510502), Ct)).Rank);
    }

    [Fact]
    public async Task CreatePrefectureGroup_Luzhou_HasItsSevenCounties()
    {
        await using var db = await ImportedAsync();

        var group = await PeerGroupStore.CreatePrefectureGroupAsync(db, new RegionCode(510500), Ct);

        var members = await PeerGroupStore.MembersAsync(db, group.Id, Ct);
        Assert.Equal("pref:510500", group.Id);
        Assert.Equal([510502, 510503, 510504, 510521, 510522, 510524, 510525], members.Select(m => m.Value));
    }
}

public sealed class SqliteRegionStoreTests(SqliteFixture fixture) : RegionStoreTests<SqliteFixture>(fixture);

public sealed class PostgresRegionStoreTests(PostgresFixture fixture) : RegionStoreTests<PostgresFixture>(fixture);
