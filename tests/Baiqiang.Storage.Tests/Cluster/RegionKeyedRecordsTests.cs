using Baiqiang.Core.Access;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Targets;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Cluster;

/// <summary>
/// With the region in the key (unique per region on PostgreSQL), codes stay unique store-wide and a record keeps its
/// region, on both providers: the stores refuse, in Chinese and English, what the store-wide unique indexes used to.
/// </summary>
/// <remarks>The class shares one store, so each test uses its own codes.</remarks>
public abstract class RegionKeyedRecordsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly RegionCode Tongzhou = new(320612);
    private static readonly Actor Admin = Actor.LocalAdmin("admin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Deal Deal(string code, RegionCode region, decimal planned = 3000m) =>
        new(code, "项目" + code, region, new Investor("投资方", InvestorType.Private), new(2024, 3, 1)) { PlannedInvestment = planned };

    [Fact]
    public async Task SaveDeals_StoredCodeGivenForAnotherRegion_RefusedAndOneDealKept()
    {
        await using var db = fixture.Open();
        Assert.True((await PipelineStore.SaveDealsAsync(db, Admin, [Deal("RK-D1", Jiangyang)], Ct)).Success);

        // Another spelling of the same code (full-width, lower case) is the same deal, whatever region it names.
        var outcome = await PipelineStore.SaveDealsAsync(db, Admin, [Deal("ｒｋ-d1", Tongzhou), Deal("RK-D2", Tongzhou)], Ct);

        Assert.False(outcome.Success);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("项目“RK-D1”属于510502，不能改为320612", error.Zh);
        Assert.Equal("deal 'RK-D1' belongs to 510502 and cannot move to 320612", error.En);
        db.ChangeTracker.Clear();
        var stored = Assert.Single(await db.Deals.Where(d => d.Code == "RK-D1" || d.Code == "RK-D2").ToListAsync(Ct));
        Assert.Equal(Jiangyang, stored.RegionCode);
    }

    [Fact]
    public async Task SaveDeals_StoredCodeForItsOwnRegion_Updated()
    {
        await using var db = fixture.Open();
        await PipelineStore.SaveDealsAsync(db, Admin, [Deal("RK-D3", Jiangyang)], Ct);

        var outcome = await PipelineStore.SaveDealsAsync(db, Admin, [Deal("rk-d3", Jiangyang, 4500m)], Ct);

        Assert.True(outcome.Success);
        Assert.Equal(1, outcome.Updated);
        db.ChangeTracker.Clear();
        Assert.Equal(4500m, (await db.Deals.SingleAsync(d => d.Code == "RK-D3", Ct)).PlannedInvestment);
    }

    [Fact]
    public async Task Targets_KeyOfAnotherRegionsTarget_RefusedAndMoveRefused()
    {
        await using var db = await OpenSeededAsync();
        var first = await TargetStore.CreateAsync(db, Admin, new TargetInput("江阳区", "地区生产总值", "2030", "≥", 900m, "亿元", Key: "rk-gdp"), Ct);
        Assert.Empty(first.Errors);

        var taken = await TargetStore.CreateAsync(db, Admin, new TargetInput("320612", "地区生产总值", "2030", "≥", 1500m, "亿元", Key: "RK-GDP"), Ct);
        var moved = await TargetStore.UpdateAsync(db, Admin, "rk-gdp", new TargetInput("320612", "地区生产总值", "2030", "≥", 900m, "亿元"), Ct);

        Assert.Equal("key", Assert.Single(taken.Errors).Field);
        var move = Assert.Single(moved!.Errors);
        Assert.Equal("region", move.Field);
        Assert.Equal("目标“rk-gdp”属于510502，不能改为320612", move.Message.Zh);
        Assert.Equal("target 'rk-gdp' belongs to 510502 and cannot move to 320612", move.Message.En);
        db.ChangeTracker.Clear();
        var stored = Assert.Single(await db.Targets.Where(t => t.Key == "rk-gdp" || t.Key == "RK-GDP").ToListAsync(Ct));
        Assert.Equal(Jiangyang, stored.RegionCode);
    }

    private async Task<BaiqiangDbContext> OpenSeededAsync()
    {
        var db = fixture.Open();
        await IndicatorStore.SeedCatalogueAsync(db, Ct);
        var stored = (await db.Regions.Select(r => r.Code).ToListAsync(Ct)).ToHashSet();
        foreach (var (code, name, kind, parent) in new (int, string, RegionKind, int?)[]
        {
            (510000, "四川省", RegionKind.Province, null), (510500, "泸州市", RegionKind.PrefectureCity, 510000), (510502, "江阳区", RegionKind.MunicipalDistrict, 510500),
            (320000, "江苏省", RegionKind.Province, null), (320600, "南通市", RegionKind.PrefectureCity, 320000), (320612, "通州区", RegionKind.MunicipalDistrict, 320600),
        })
        {
            if (!stored.Contains(new RegionCode(code)))
            {
                db.Regions.Add(new RegionEntity { Code = new RegionCode(code), Name = name, Kind = kind, ParentCode = parent is { } p ? new RegionCode(p) : null });
            }
        }

        await db.SaveChangesAsync(Ct);
        return db;
    }
}

public sealed class SqliteRegionKeyedRecordsTests(SqliteFixture fixture) : RegionKeyedRecordsTests<SqliteFixture>(fixture);

public sealed class PostgresRegionKeyedRecordsTests(PostgresFixture fixture) : RegionKeyedRecordsTests<PostgresFixture>(fixture);
