using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Indicators;

/// <summary>The catalogue as data on each provider: the shipped file seeds the store, users edit it (audited, kept by
/// later seeding), collisions are refused, a retired indicator takes no new figures, and an old store upgrades in place.</summary>
/// <remarks>The class shares one store, so each test uses its own codes.</remarks>
public abstract class IndicatorStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly Actor Admin = Actor.LocalAdmin("admin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<BaiqiangDbContext> OpenSeededAsync()
    {
        var db = fixture.Open();
        await IndicatorStore.SeedCatalogueAsync(db, Ct);
        return db;
    }

    private static Indicator NewIndicator(string code, string name, params string[] aliases) => new(
        new IndicatorCode(code), name, "test " + code, Unit.WanYuan, IndicatorKind.Flow, Direction.HigherIsBetter, true, false, aliases)
    {
        Category = "工业",
        Parent = new IndicatorCode("industrial_value_added"),
    };

    [Fact]
    public async Task SeedCatalogueAsync_ShippedFile_StoresEveryEntryWithItsFieldsAndOneLookup()
    {
        await using var db = await OpenSeededAsync();

        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, Ct);

        Assert.True(catalogue.All.Count >= 150);
        Assert.Equal("gdp", catalogue.All[0].Code.Value);
        var secondary = catalogue.Find("第二产业增加值")!;
        Assert.Equal("gdp", secondary.Parent!.Value.Value);
        Assert.True(secondary.ComparableGrowth);
        Assert.Equal("综合", secondary.Category);
        var electronics = catalogue.Find("計算機、通信和其他電子設備製造業增加值")!;
        Assert.Equal("industrial_value_added.electronics", electronics.Code.Value);
        Assert.Equal("industrial_value_added.manufacturing", electronics.Parent!.Value.Value);
        Assert.Contains(catalogue.Children(new IndicatorCode("industrial_value_added")), c => c.NameZh == "制造业增加值");
        Assert.Equal(IndicatorKind.Rate, catalogue.Find("CPI")!.Kind);
        Assert.Equal(IndicatorKind.Ratio, catalogue.Find("城镇化率")!.Kind);
        Assert.False(catalogue.Find("贷款余额")!.PublishedCumulatively);
        Assert.Equal(0, await IndicatorStore.SeedCatalogueAsync(db, Ct));
    }

    [Fact]
    public async Task UpdateAsync_BuiltIn_IsAuditedAndSurvivesSeeding()
    {
        await using var db = await OpenSeededAsync();
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, Ct);
        var freight = catalogue.Find("货运量")!;

        await IndicatorStore.UpdateAsync(db, freight with { Description = "本县口径:公路和水路", Category = "交通" }, Ct, Admin);
        await IndicatorStore.SeedCatalogueAsync(db, Ct);

        db.ChangeTracker.Clear();
        var stored = (await IndicatorStore.LoadCatalogueAsync(db, Ct)).Get(freight.Code)!;
        Assert.Equal("本县口径:公路和水路", stored.Description);
        Assert.Equal("交通", stored.Category);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "indicator" && a.Key == "freight_volume").ToListAsync(Ct);
        var category = Assert.Single(audit, a => a.Field == "category");
        Assert.Equal("交通运输", category.OldValue);
        Assert.Equal("交通", category.NewValue);
        Assert.Equal("admin", category.User);
    }

    [Fact]
    public async Task AddAsync_CollidingCodeNameOrTraditionalAlias_IsRefused()
    {
        await using var db = await OpenSeededAsync();

        var code = await Assert.ThrowsAsync<IndicatorException>(() => IndicatorStore.AddAsync(db, NewIndicator("gdp", "新指标甲"), Ct, Admin));
        Assert.Contains("already exists", code.Reason.En, StringComparison.Ordinal);
        var name = await Assert.ThrowsAsync<IndicatorException>(() => IndicatorStore.AddAsync(db, NewIndicator("t_collide_b", "新指标乙", "地區生產總值"), Ct, Admin));
        Assert.Contains("gdp", name.Reason.En, StringComparison.Ordinal);
        var parent = await Assert.ThrowsAsync<IndicatorException>(() => IndicatorStore.AddAsync(db, NewIndicator("t_collide_c", "新指标丙") with { Parent = new IndicatorCode("no_such") }, Ct, Admin));
        Assert.Contains("no_such", parent.Reason.Zh, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AccessDeniedException>(() => IndicatorStore.AddAsync(db, NewIndicator("t_collide_d", "新指标丁"), Ct, Actor.EditorOf("ed", new RegionCode(510502))));

        await IndicatorStore.AddAsync(db, NewIndicator("t_collide_ok", "新指标戊"), Ct, Actor.AnalystNamed("analyst"));
        Assert.NotNull((await IndicatorStore.LoadCatalogueAsync(db, Ct)).Find("新指標戊"));
    }

    [Fact]
    public async Task RetireAsync_ThenImport_RefusesNewFiguresNamingTheDate()
    {
        await using var db = await OpenSeededAsync();
        await IndicatorStore.AddAsync(db, NewIndicator("t_retired", "退役测试指标"), Ct, Admin);
        await IndicatorStore.RetireAsync(db, "退役测试指标", new DateOnly(2024, 1, 1), Ct, Admin);
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, Ct);
        var lookups = new InMemoryImportLookups([new Region(new RegionCode(510502), "江阳区", RegionKind.MunicipalDistrict, null)], catalogue);
        var folder = Directory.CreateTempSubdirectory("baiqiang-retire-").FullName;
        try
        {
            var file = Path.Combine(folder, "retired.csv");
            await File.WriteAllTextAsync(file, "地区,指标,期别,数值,单位\n510502,退役测试指标,2023,5,万元\n510502,退役测试指标,2024,6,万元\n", new UTF8Encoding(false), Ct);

            var stored = await ObservationImport.ReadAndStoreAsync(db, file, lookups, ImportOptions.Default, "importer", new FakeTimeProvider(), Ct);

            Assert.Null(stored.Written);
            var error = Assert.Single(stored.Read.Errors);
            Assert.Equal(3, error.Row);
            Assert.Contains("2024-01-01", error.Message.Zh, StringComparison.Ordinal);
            Assert.Contains("retired on 2024-01-01", error.Message.En, StringComparison.Ordinal);
            Assert.Equal(0, await db.Observations.CountAsync(o => o.IndicatorCode == new IndicatorCode("t_retired"), Ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SqliteIndicatorStoreTests(SqliteFixture fixture) : IndicatorStoreTests<SqliteFixture>(fixture);

public sealed class PostgresIndicatorStoreTests(PostgresFixture fixture) : IndicatorStoreTests<PostgresFixture>(fixture);

/// <summary>A store made by the schema before the catalogue fields upgrades in place: its rows keep their data and gain the new columns.</summary>
public sealed class IndicatorUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_StoreOfTheInitialSchema_UpgradesAndSeedsTheNewFields()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-upgrade-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            await using (var old = BaiqiangStore.Open(options))
            {
                var initial = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite).Order(StringComparer.Ordinal).First();
                await old.GetService<IMigrator>().MigrateAsync(initial, Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO indicators (code, name_zh, name_en, unit, kind, direction, published_cumulatively, allows_negative, aliases, is_builtin) " +
                    "VALUES ('gdp', '地区生产总值', 'gross regional product', '亿元', 1, 1, 1, 0, 'GDP', 1), ('office_own', '本县指标', 'own', '万元', 1, 1, 1, 0, '', 0)", Ct);
            }

            await BaiqiangStore.MigrateAsync(options, Ct);
            await using var db = BaiqiangStore.Open(options);
            await IndicatorStore.SeedCatalogueAsync(db, Ct);

            var catalogue = await IndicatorStore.LoadCatalogueAsync(db, Ct);
            Assert.Equal("综合", catalogue.Find("GDP")!.Category);
            var own = catalogue.Find("本县指标")!;
            Assert.Equal(string.Empty, own.Category);
            Assert.Null(own.Parent);
            Assert.Null(own.Retired);
            Assert.True(catalogue.All.Count >= 150);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
