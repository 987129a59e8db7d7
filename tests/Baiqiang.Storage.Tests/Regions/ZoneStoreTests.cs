using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Regions;

/// <summary>Zones added, renamed and retired through <see cref="ZoneStore"/>, figures refused for abolished codes naming the
/// successor, and series joined across a recode, on each provider. The class shares one store: each test uses its own parent.</summary>
public abstract class ZoneStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly Actor Admin = Actor.LocalAdmin("zone-admin");
    private static readonly RegionCode Longhai = new(350681);
    private static readonly RegionCode LonghaiDistrict = new(350604);

    private readonly string _folder = Directory.CreateTempSubdirectory("baiqiang-zones-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<BaiqiangDbContext> OpenSeededAsync()
    {
        var db = fixture.Open();
        await IndicatorStore.SeedCatalogueAsync(db, Ct);
        var rows = new RegionEntity[]
        {
            new() { Code = new(360123), Name = "安义县", Kind = RegionKind.County },
            new() { Code = new(360124), Name = "进贤县", Kind = RegionKind.County },
            new() { Code = new(360121), Name = "南昌县", Kind = RegionKind.County },
            new() { Code = Longhai, Name = "龙海市", Kind = RegionKind.CountyLevelCity, ValidTo = new DateOnly(2021, 1, 1), SuccessorCode = LonghaiDistrict, Vintage = RegionEntity.Vintage2020 },
            new() { Code = LonghaiDistrict, Name = "龙海区", Kind = RegionKind.MunicipalDistrict },
        };
        var codes = rows.Select(r => r.Code).ToList();
        var stored = (await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(Ct)).ToHashSet();
        db.Regions.AddRange(rows.Where(r => !stored.Contains(r.Code)));
        await db.SaveChangesAsync(Ct);
        return db;
    }

    private async Task<StoredImport> ImportAsync(BaiqiangDbContext db, string name, params string[] rows)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllLinesAsync(path, ["region,indicator,period,value,unit,growth", .. rows], Ct);
        var lookups = await StoreLookups.LoadAsync(db, Ct);
        return await ObservationImport.ReadAndStoreAsync(db, path, lookups, ImportOptions.Default, "importer", TimeProvider.System, Ct);
    }

    [Fact]
    public async Task AddZone_ThenImportFiguresForItsCode_SeriesShowsThemAndTheAddIsAudited()
    {
        await using var db = await OpenSeededAsync();

        var added = await ZoneStore.AddAsync(db, Admin, new RegionCode(360123), "安义高新园区", "开发区", Ct);
        var second = await ZoneStore.AddAsync(db, Admin, new RegionCode(360123), "安义工业园", null, Ct);

        Assert.True(added.Success, added.Error?.ToString());
        Assert.Equal((360123401, "安义高新园区", "开发区", RegionKind.Park, 360123), (added.Zone!.Code.Value, added.Zone.Name, added.Zone.ZoneKind, added.Zone.Kind, added.Zone.ParentCode!.Value.Value));
        Assert.Equal((360123402, "园区"), (second.Zone!.Code.Value, ZoneStore.KindOf(second.Zone)));
        var imported = await ImportAsync(db, "park.csv", "360123401,工业总产值,2023,12.5,亿元,8.1", "安义高新园区,工业总产值,2024,13.75,亿元,10");
        Assert.True(imported.Read.Success, string.Join("; ", imported.Read.Errors));
        var series = await ObservationQueries.SeriesAsync(db, new RegionCode(360123401), new IndicatorCode("industrial_output_total"), Ct);
        Assert.Equal([12.5m, 13.75m], series.Select(o => o.Value!.Value / 1.0000000000m));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "region" && a.Key == "360123401").ToListAsync(Ct);
        Assert.Contains(audit, a => a.User == "zone-admin" && a.NewValue!.Contains("安义高新园区", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddZone_BadInput_RefusedInChineseAndEnglishAndNothingStored()
    {
        await using var db = await OpenSeededAsync();
        var before = await db.Regions.CountAsync(Ct);

        var badKind = await ZoneStore.AddAsync(db, Admin, new RegionCode(360124), "进贤园区", "工业区", Ct);
        var noName = await ZoneStore.AddAsync(db, Admin, new RegionCode(360124), "  ", null, Ct);
        var abolishedParent = await ZoneStore.AddAsync(db, Admin, Longhai, "龙海园区", null, Ct);
        var unknownParent = await ZoneStore.AddAsync(db, Admin, new RegionCode(360199), "某园区", null, Ct);
        var ok = await ZoneStore.AddAsync(db, Admin, new RegionCode(360124), "进贤园区", null, Ct);
        var twice = await ZoneStore.AddAsync(db, Admin, new RegionCode(360124), "进贤园区", "新区", Ct);

        Assert.Equal("园区类型“工业区”无效，应为 开发区、园区、功能区 或 新区", badKind.Error!.Value.Zh);
        Assert.Equal("the zone name is required", noName.Error!.Value.En);
        Assert.Contains("龙海市已撤销", abolishedParent.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.NotNull(unknownParent.Error);
        Assert.True(ok.Success);
        Assert.Equal("there is already a zone named '进贤园区' under 360124", twice.Error!.Value.En);
        Assert.Equal(before + 1, await db.Regions.CountAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ZoneStore.AddAsync(db, Actor.EditorOf("e", new RegionCode(360124)), new RegionCode(360124), "x", null, Ct));
        Assert.True((await ZoneStore.AddAsync(db, Actor.AnalystNamed("analyst"), new RegionCode(360124), "进贤新区", "新区", Ct)).Success);
    }

    [Fact]
    public async Task UpdateAndRetire_AuditedOldToNew_ThenFiguresAfterTheEndRefusedNamingTheSuccessor()
    {
        await using var db = await OpenSeededAsync();
        var zone = (await ZoneStore.AddAsync(db, Admin, new RegionCode(360121), "南昌县小蓝园区", null, Ct)).Zone!;
        var next = (await ZoneStore.AddAsync(db, Admin, new RegionCode(360121), "小蓝经济技术开发区", "开发区", Ct)).Zone!;

        var renamed = await ZoneStore.UpdateAsync(db, Admin, zone.Code, "小蓝工业园", "功能区", Ct);
        var retired = await ZoneStore.RetireAsync(db, Admin, zone.Code, new DateOnly(2024, 1, 1), next.Code, Ct);
        var again = await ZoneStore.RetireAsync(db, Admin, zone.Code, new DateOnly(2024, 2, 1), null, Ct);
        var editRetired = await ZoneStore.UpdateAsync(db, Admin, zone.Code, "x", null, Ct);

        Assert.Equal(("小蓝工业园", "功能区"), (renamed.Zone!.Name, renamed.Zone.ZoneKind));
        Assert.Equal((new DateOnly(2024, 1, 1), next.Code), (retired.Zone!.ValidTo, retired.Zone.SuccessorCode));
        Assert.NotNull(again.Error);
        Assert.NotNull(editRetired.Error);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "region" && a.Key == zone.Code.ToString()).ToListAsync(Ct);
        Assert.Contains(audit, a => a.OldValue == "南昌县小蓝园区" && a.NewValue == "小蓝工业园");

        var refused = await ImportAsync(db, "retired.csv", $"{zone.Code},工业总产值,2023,5,亿元,", $"{zone.Code},工业总产值,2024,6,亿元,");
        var error = Assert.Single(refused.Read.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal($"{zone.Code} 小蓝工业园已于2024-01撤销，请使用继任区划 {next.Code} 小蓝经济技术开发区（2024）", error.Message.Zh);
        Assert.StartsWith($"{zone.Code} 小蓝工业园 was abolished in 2024-01; use its successor {next.Code}", error.Message.En, StringComparison.Ordinal);
        Assert.Null(refused.Written);
        Assert.Empty(await ObservationQueries.SeriesAsync(db, zone.Code, new IndicatorCode("industrial_output_total"), Ct));
    }

    [Fact]
    public async Task Import_LonghaiCityAfter2020_RefusedNamingLonghaiDistrict_AndSeriesJoinsAcrossTheRecode()
    {
        await using var db = await OpenSeededAsync();
        var refused = await ImportAsync(db, "longhai.csv", "350681,地区生产总值,2021,700,亿元,");
        Assert.Equal("350681 龙海市已于2021-01撤销，请使用继任区划 350604 龙海区（2021）", Assert.Single(refused.Read.Errors).Message.Zh);

        var stored = await ImportAsync(db, "longhai-ok.csv",
            "350681,地区生产总值,2019,600,亿元,", "350681,地区生产总值,2020,640,亿元,", "350604,地区生产总值,2021,700,亿元,", "350604,地区生产总值,2022,730,亿元,");
        Assert.True(stored.Read.Success, string.Join("; ", stored.Read.Errors));

        foreach (var start in new[] { Longhai, LonghaiDistrict })
        {
            var joined = await ObservationQueries.SeriesFollowingSuccessorsAsync(db, start, new IndicatorCode("gdp"), Ct);
            Assert.Equal([(2019, 350681), (2020, 350681), (2021, 350604), (2022, 350604)], joined.Observations.Select(o => (o.PeriodYear, o.RegionCode.Value)));
            var link = Assert.Single(joined.Links);
            Assert.Equal((Longhai, "龙海市", LonghaiDistrict, "龙海区", (DateOnly?)new DateOnly(2021, 1, 1)), (link.From, link.FromName, link.To, link.ToName, link.EndedOn));
        }

        Assert.Equal(2, (await ObservationQueries.SeriesAsync(db, LonghaiDistrict, new IndicatorCode("gdp"), Ct)).Count);
    }
}

public sealed class SqliteZoneStoreTests(SqliteFixture fixture) : ZoneStoreTests<SqliteFixture>(fixture);

public sealed class PostgresZoneStoreTests(PostgresFixture fixture) : ZoneStoreTests<PostgresFixture>(fixture);
