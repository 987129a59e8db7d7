using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Tests.Support;
using Baiqiang.Storage.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Units;

/// <summary>Units as data, the growth basis stored, and the unknown-indicator decision, on each provider.</summary>
/// <remarks>The class shares one store, so each test uses its own region, units and indicator names.</remarks>
public abstract partial class UnitsGrowthTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly Actor Admin = Actor.LocalAdmin("admin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<BaiqiangDbContext> OpenAsync(int region)
    {
        var db = fixture.Open();
        await IndicatorStore.SeedCatalogueAsync(db, Ct);
        var code = new RegionCode(region);
        if (!await db.Regions.AnyAsync(r => r.Code == code, Ct))
        {
            db.Regions.Add(new RegionEntity { Code = code, Name = "测试区" + region.ToString(System.Globalization.CultureInfo.InvariantCulture), Kind = RegionKind.MunicipalDistrict });
            await db.SaveChangesAsync(Ct);
        }

        return db;
    }

    private static async Task<ImportResult> ReadAsync(string csv, IImportLookups lookups, CancellationToken ct)
    {
        await using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(csv));
        return await new ObservationFileReader().ReadAsync(stream, "office.csv", lookups, ImportOptions.Default, ct);
    }

    [Fact]
    public async Task LoadTableAsync_MigratedStore_HoldsEveryBuiltInUnitWithItsExactFactor()
    {
        await using var db = await OpenAsync(110101);

        var table = await UnitStore.LoadTableAsync(db, Ct);

        foreach (var unit in Unit.All)
        {
            Assert.True(table.TryFind(unit.Symbol, out var stored), unit.Symbol);
            Assert.Equal(unit.Factor, stored.Factor);
            Assert.Equal(unit.Dimension, stored.Dimension);
        }

        Assert.Equal(2000m / 3m, (await db.Units.AsNoTracking().SingleAsync(u => u.Code == "mu", Ct)).Factor);
        Assert.True(table.TryFind("萬元", out var wan));
        Assert.Equal(Unit.WanYuan, wan);
        Assert.True(table.TryFind("万度", out var kwh));
        Assert.Equal(Unit.WanKilowattHour, kwh);
    }

    [Fact]
    public async Task AddAsync_OfficeUnit_IsAuditedAndConvertsExactlyInAnImport()
    {
        await using var db = await OpenAsync(110102);
        await UnitStore.AddAsync(db, new UnitDefinition("mwh_t1", Unit.Define("兆瓦时", Dimension.Energy, 1000m, englishName: "MWh"), ["MWh"]), Ct, Admin);

        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == "unit" && a.Key == "mwh_t1", Ct);
        Assert.Equal("admin", audit.User);
        var lookups = await StoreLookups.LoadAsync(db, Ct);
        var read = await ReadAsync("地区,指标,期别,数值,单位\n110102,全社会用电量,2024-01..06,12345,兆瓦时\n110102,全社会用电量,2024-01..03,7,MWh\n", lookups, Ct);

        Assert.True(read.Success, string.Join("; ", read.Errors));
        Assert.Equal("亿千瓦时", read.Records[0].Unit.Symbol);
        Assert.Equal(0.12345m, read.Records[0].Value);
        Assert.Equal(0.00007m, read.Records[1].Value);
    }

    [Fact]
    public async Task AddAsync_NameOfAnotherUnitOrBadCode_IsRefused()
    {
        await using var db = await OpenAsync(110103);

        var traditional = await Assert.ThrowsAsync<UnitException>(() => UnitStore.AddAsync(db, new UnitDefinition("wy_t2", Unit.Define("萬元", Dimension.Money, 10_000m), []), Ct, Admin));
        Assert.Contains("wan_yuan", traditional.Reason.En, StringComparison.Ordinal);
        var code = await Assert.ThrowsAsync<UnitException>(() => UnitStore.AddAsync(db, new UnitDefinition("Bad Code", Unit.Define("新单位", Dimension.Count, 1m), []), Ct, Admin));
        Assert.Contains("单位代码", code.Reason.Zh, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AccessDeniedException>(() => UnitStore.AddAsync(db, new UnitDefinition("t2_editor", Unit.Define("新单位乙", Dimension.Count, 1m), []), Ct,
            Actor.EditorOf("ed", new RegionCode(110103))));
    }

    [Fact]
    public async Task Import_ValueInAnotherDimension_IsARowErrorInBothLanguages()
    {
        await using var db = await OpenAsync(110104);
        var lookups = await StoreLookups.LoadAsync(db, Ct);

        var read = await ReadAsync("地区,指标,期别,数值,单位\n110104,全社会用电量,2024-01..06,3,亿元\n", lookups, Ct);

        var error = Assert.Single(read.Errors);
        Assert.Equal(2, error.Row);
        Assert.Equal("单位", error.Column);
        Assert.Contains("量纲不同:货币≠能量", error.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("different dimensions: money vs energy", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndicatorStore_UnitNotInTheTable_IsRefusedAndAnOfficeUnitIsAccepted()
    {
        await using var db = await OpenAsync(110105);
        var indicator = new Indicator(new IndicatorCode("t_unit_energy"), "测试节能量", "test saving", Unit.Define("千吨标准煤", Dimension.Energy, 8_140_000m),
            IndicatorKind.Flow, Direction.HigherIsBetter, true, false, []);

        var refused = await Assert.ThrowsAsync<IndicatorException>(() => IndicatorStore.AddAsync(db, indicator, Ct, Admin));
        Assert.Contains("units add", refused.Reason.En, StringComparison.Ordinal);
        await UnitStore.AddAsync(db, new UnitDefinition("ktce_t5", indicator.Unit, []), Ct, Admin);
        await IndicatorStore.AddAsync(db, indicator, Ct, Admin);

        var stored = (await IndicatorStore.LoadCatalogueAsync(db, Ct)).Get(indicator.Code)!;
        Assert.Equal(Dimension.Energy, stored.Unit.Dimension);
        Assert.Equal(8_140_000m, stored.Unit.Factor);
    }

    [Fact]
    public async Task Import_GrowthBasisColumn_IsStoredExportedAndWarnsForCurrentPriceValueAdded()
    {
        await using var db = await OpenAsync(110106);
        var lookups = await StoreLookups.LoadAsync(db, Ct);
        var read = await ReadAsync(
            "region,indicator,period,value,unit,growth,growth_basis\n" +
            "110106,地区生产总值,2024-01..06,100,亿元,7.8,按可比价计算\n" +
            "110106,规上工业增加值,2024-01..06,40,亿元,6.1,現價\n" +
            "110106,社会消费品零售总额,2024-01..06,30,亿元,5.0,\n",
            lookups, Ct);
        Assert.True(read.Success, string.Join("; ", read.Errors));
        var warning = Assert.Single(read.Warnings);
        Assert.Equal(3, warning.Row);
        Assert.Contains("可比价", warning.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("current-price growth", warning.Message.En, StringComparison.Ordinal);

        await ObservationWriter.WriteAsync(db, read.Records, "importer", new FakeTimeProvider(), Ct);

        var stored = await db.Observations.AsNoTracking().Where(o => o.RegionCode == new RegionCode(110106)).ToDictionaryAsync(o => o.IndicatorCode.Value, Ct);
        Assert.Equal(GrowthBasis.Comparable, stored["gdp"].GrowthBasis);
        Assert.Equal(GrowthBasis.Current, stored["industrial_value_added"].GrowthBasis);
        Assert.Null(stored["retail_sales"].GrowthBasis);
        Assert.Equal(GrowthBasis.Comparable, stored["gdp"].ToRecord().GrowthBasis);
        Assert.Equal("可比价", ExportRow.FromRecord(stored["gdp"].ToRecord(), "测试区", "地区生产总值").GrowthBasis);

        var ms = new MemoryStream();
        await ObservationExporter.WriteCsvAsync(ms, stored.Values.OrderBy(o => o.IndicatorCode).Select(o => ExportRow.FromRecord(o.ToRecord(), "测试区", o.IndicatorCode.Value)), ExportLanguage.Chinese, Ct);
        var again = await ReadAsync(Encoding.UTF8.GetString(ms.ToArray()).TrimStart('\uFEFF'), lookups, Ct);
        Assert.True(again.Success, string.Join("; ", again.Errors));
        Assert.Equal(read.Records.OrderBy(r => r.Indicator).Select(r => r.GrowthBasis), again.Records.OrderBy(r => r.Indicator).Select(r => r.GrowthBasis));
    }

    [Fact]
    public async Task WriteAsync_SameGrowthOnAnotherBasis_IsANewAuditedRevision()
    {
        await using var db = await OpenAsync(110107);
        var first = new ObservationRecord(new RegionCode(110107), new IndicatorCode("gdp"), StatPeriod.ForYear(2023), 50m, Unit.YiYuan, 6m, Qualifier.Exact,
            new ObservationSource(SourceKind.Import, "a.csv", 2));

        await ObservationWriter.WriteAsync(db, [first], "importer", new FakeTimeProvider(), Ct);
        var again = await ObservationWriter.WriteAsync(db, [first], "importer", new FakeTimeProvider(), Ct);
        var changed = await ObservationWriter.WriteAsync(db, [first with { GrowthBasis = GrowthBasis.Comparable }], "importer", new FakeTimeProvider(), Ct);

        Assert.Equal(1, again.Unchanged);
        Assert.Equal(1, changed.Revised);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Key == "110107|gdp|2023" && a.Field == "growth_basis", Ct);
        Assert.Null(audit.OldValue);
        Assert.Equal("Comparable", audit.NewValue);
    }

    [Fact]
    public async Task WriteAsync_BulkPath_KeepsTheGrowthBasis()
    {
        await using var db = await OpenAsync(110108);
        // Records.Many spreads over 110101–110121, the regions the other tests of this shared store own: move them to 1201xx.
        var records = Records.Many(6_000, "t_bulk_basis").Select((r, i) => r with { Region = new RegionCode(r.Region.Value + 10_000), GrowthBasis = r.GrowthPercent is null ? GrowthBasis.Unknown : i % 2 == 0 ? GrowthBasis.Comparable : GrowthBasis.Current }).ToList();
        await IndicatorStore.AddAsync(db, new Indicator(new IndicatorCode("t_bulk_basis"), "批量口径测试", "bulk basis", Unit.WanYuan, IndicatorKind.Flow, Direction.HigherIsBetter, true, false, []), Ct, Admin);

        await ObservationWriter.WriteAsync(db, records, "importer", new FakeTimeProvider(), Ct);

        var counts = await db.Observations.AsNoTracking().Where(o => o.IndicatorCode == new IndicatorCode("t_bulk_basis"))
            .GroupBy(o => o.GrowthBasis).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct);
        Assert.Equal(records.Count(r => r.GrowthBasis == GrowthBasis.Comparable), counts.Single(c => c.Key == GrowthBasis.Comparable).Count);
        Assert.Equal(records.Count(r => r.GrowthBasis == GrowthBasis.Current), counts.Single(c => c.Key == GrowthBasis.Current).Count);
        Assert.Equal(records.Count(r => r.GrowthBasis == GrowthBasis.Unknown), counts.Single(c => c.Key == null).Count);
    }

    [Fact]
    public async Task ReadAddAndStoreAsync_UnknownNames_AreRefusedWithSuggestionsThenAddedAndStoredTogether()
    {
        await using var db = await OpenAsync(110109);
        const string Csv = "地区,指标,期别,数值,单位\n110109,测试光伏發電量,2024-01..06,12,亿千瓦时\n110109,测试光伏發電量,2024-01..03,5,亿千瓦时\n110109,地区生产总值,2024-01..06,90,亿元\n";

        var refused = await ReadAsync(Csv, await StoreLookups.LoadAsync(db, Ct), Ct);
        var unknown = Assert.Single(refused.UnknownIndicators);
        Assert.Equal(2, unknown.Rows);
        Assert.Equal("亿千瓦时", unknown.Unit!.Symbol);
        Assert.Contains(unknown.Closest, i => i.Code.Value == "power_generation");
        var error = Assert.Single(refused.Errors);
        Assert.Equal(2, error.Row);
        Assert.Contains("发电量(power_generation)", error.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("--add-indicators", error.Message.En, StringComparison.Ordinal);

        var outcome = await NewIndicatorImport.ReadAddAndStoreAsync(db, (l, c) => ReadAsync(Csv, l, c), "importer", new FakeTimeProvider(), Admin, ImportOptions.Default, Ct);

        Assert.NotNull(outcome.Written);
        Assert.Equal(3, outcome.Written!.Inserted);
        var added = Assert.Single(outcome.Added);
        Assert.StartsWith(NewIndicatorImport.CodePrefix, added.Code.Value, StringComparison.Ordinal);
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, Ct);
        Assert.Equal(added.Code, catalogue.Find("测试光伏发电量")!.Code);
        Assert.Equal(Unit.YiKilowattHour, catalogue.Get(added.Code)!.Unit);
        Assert.Equal(2, await db.Observations.CountAsync(o => o.IndicatorCode == added.Code, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "indicator" && a.Key == added.Code.Value, Ct));
    }

    [Fact]
    public async Task ReadAddAndStoreAsync_FileWithOtherErrors_AddsNothing()
    {
        await using var db = await OpenAsync(110110);
        const string Csv = "地区,指标,期别,数值,单位\n110110,测试风电新指标,2024-01..06,12,亿千瓦时\n110110,地区生产总值,2024-01..06,abc,亿元\n";
        var before = (await IndicatorStore.LoadCatalogueAsync(db, Ct)).All.Count;

        var outcome = await NewIndicatorImport.ReadAddAndStoreAsync(db, (l, c) => ReadAsync(Csv, l, c), "importer", new FakeTimeProvider(), Admin, ImportOptions.Default, Ct);

        Assert.Null(outcome.Written);
        Assert.Empty(outcome.Added);
        Assert.Equal(2, outcome.Read.Errors.Count);
        Assert.Equal(before, (await IndicatorStore.LoadCatalogueAsync(db, Ct)).All.Count);
        Assert.False(await db.Observations.AnyAsync(o => o.RegionCode == new RegionCode(110110), Ct));
    }

    [Fact]
    public async Task ReadAddAndStoreAsync_KnownFigureFarBeyondItsRegionsLast_IsRefusedAndAddsNothing()
    {
        await using var db = await OpenAsync(110112);
        const string Last = "地区,指标,期别,数值,单位\n110112,地区生产总值,2023-01..06,90,亿元\n";
        Assert.NotNull((await NewIndicatorImport.ReadAddAndStoreAsync(db, (l, c) => ReadAsync(Last, l, c), "importer", new FakeTimeProvider(), Admin, ImportOptions.Default, Ct)).Written);
        // A new indicator beside a GDP typed in 万元 figures under 亿元: 90000亿元 is 1000× the region's last figure.
        const string Csv = "地区,指标,期别,数值,单位\n110112,测试异常同行新指标,2024-01..06,12,亿千瓦时\n110112,地区生产总值,2024-01..06,90000,亿元\n";

        var outcome = await NewIndicatorImport.ReadAddAndStoreAsync(db, (l, c) => ReadAsync(Csv, l, c), "importer", new FakeTimeProvider(), Admin, ImportOptions.Default, Ct);

        Assert.Null(outcome.Written);
        var error = Assert.Single(outcome.Read.Errors);
        Assert.Equal(ImportErrorKind.Implausible, error.Kind);
        Assert.Equal(3, error.Row);
        Assert.Null((await IndicatorStore.LoadCatalogueAsync(db, Ct)).Find("测试异常同行新指标"));
        Assert.Equal(1, await db.Observations.CountAsync(o => o.RegionCode == new RegionCode(110112), Ct));
    }

    [Fact]
    public async Task ReadAddAndStoreAsync_SecondReadFails_RollsTheAddedIndicatorsBack()
    {
        await using var db = await OpenAsync(110111);
        // The unknown row hides its bad value on the first read; once the indicator exists the value is checked.
        const string Csv = "地区,指标,期别,数值,单位\n110111,测试回滚新指标,2024-01..06,-5,亿元\n";

        var outcome = await NewIndicatorImport.ReadAddAndStoreAsync(db, (l, c) => ReadAsync(Csv, l, c), "importer", new FakeTimeProvider(), Admin, ImportOptions.Default, Ct);

        Assert.Null(outcome.Written);
        Assert.Contains(outcome.Read.Errors, e => e.Message.En.Contains("negative", StringComparison.Ordinal));
        Assert.Null((await IndicatorStore.LoadCatalogueAsync(db, Ct)).Find("测试回滚新指标"));
    }
}

public sealed class SqliteUnitsGrowthTests(SqliteFixture fixture) : UnitsGrowthTests<SqliteFixture>(fixture);

public sealed class PostgresUnitsGrowthTests(PostgresFixture fixture) : UnitsGrowthTests<PostgresFixture>(fixture);

/// <summary>A store at the migration before <c>UnitsGrowthBasis</c> upgrades in place: it gains the seeded units and
/// keeps its observations, whose growth basis reads as unstated.</summary>
public sealed class UnitsGrowthUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_StoreAtThePreviousMigration_GainsUnitsAndKeepsObservations()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-units-upgrade-").FullName;
        try
        {
            var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
            await using (var old = BaiqiangStore.Open(options))
            {
                var previous = BaiqiangStore.KnownMigrations(StoreProvider.Sqlite).Order(StringComparer.Ordinal).TakeWhile(m => !m.EndsWith("_UnitsGrowthBasis", StringComparison.Ordinal)).Last();
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO observations (region_code, indicator_code, period, period_year, period_first_month, period_last_month, value, unit, growth_percent, qualifier, " +
                    "source_kind, source_reference, revision, is_current, recorded_at, recorded_by) " +
                    "VALUES (510502, 'gdp', '2022', 2022, 1, 12, '2588.6', '亿元', '6.1', 0, 2, 'old.csv', 1, 1, '2023-01-01 00:00:00+00:00', 'old')", Ct);
            }

            await BaiqiangStore.MigrateAsync(options, Ct);
            await using var db = BaiqiangStore.Open(options);

            var units = await UnitStore.LoadTableAsync(db, Ct);
            Assert.Equal(UnitTable.Shipped.All.Count, await db.Units.CountAsync(Ct));
            Assert.True(units.TryFind("亿元", out var yi));
            Assert.Equal(100_000_000m, yi.Factor);
            var kept = await db.Observations.AsNoTracking().SingleAsync(Ct);
            Assert.Equal(2588.6m, kept.Value);
            Assert.Null(kept.GrowthBasis);
            Assert.Equal(GrowthBasis.Unknown, kept.ToRecord().GrowthBasis);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
