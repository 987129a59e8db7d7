using System.Text;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Observations;

/// <summary>One figure with two growths on different price bases (按可比价计算增长7.8%, 按现价计算增长6.1%): both are stored,
/// exported in either layout and read back unchanged, on each provider.</summary>
/// <remarks>The class shares one store, so each test uses its own region.</remarks>
public abstract class TwoPriceBasesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<BaiqiangDbContext> OpenAsync(int region)
    {
        var db = fixture.Open();
        await IndicatorStore.SeedCatalogueAsync(db, Ct);
        var code = new RegionCode(region);
        if (!await db.Regions.AnyAsync(r => r.Code == code, Ct))
        {
            db.Regions.Add(new RegionEntity { Code = code, Name = "价格测试区" + region.ToString(System.Globalization.CultureInfo.InvariantCulture), Kind = RegionKind.MunicipalDistrict });
            await db.SaveChangesAsync(Ct);
        }

        return db;
    }

    private static async Task<ImportResult> ReadAsync(byte[] file, string name, IImportLookups lookups)
    {
        await using var stream = new MemoryStream(file, writable: false);
        return await new ObservationFileReader().ReadAsync(stream, name, lookups, ImportOptions.Default, Ct);
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static async Task<List<ObservationEntity>> StoredAsync(BaiqiangDbContext db, int region)
        => await db.Observations.AsNoTracking().Where(o => o.RegionCode == new RegionCode(region) && o.IsCurrent).OrderBy(o => o.IndicatorCode).ToListAsync(Ct);

    [Fact]
    public async Task Import_LongFormWithBothGrowths_StoresBothAndEveryExportReimportsUnchanged()
    {
        await using var db = await OpenAsync(130101);
        var lookups = await StoreLookups.LoadAsync(db, Ct);
        var read = await ReadAsync(Utf8(
            "地区,指标,期别,数值,单位,同比增长%,增速口径,同比增长(现价)%\n" +
            "130101,地区生产总值,2024-01..06,880.5,亿元,7.8,可比价,6.1\n" +
            "130101,社会消费品零售总额,2024-01..06,228.09,亿元,,,5.8\n" +
            "130101,一般公共预算收入,2024-01..06,41,亿元,-2.1,,\n"), "两种价格.csv", lookups);
        Assert.True(read.Success, string.Join("; ", read.Errors));

        var written = await ObservationWriter.WriteAsync(db, read.Records, "importer", new FakeTimeProvider(), Ct);

        Assert.Equal(3, written.Inserted);
        var stored = (await StoredAsync(db, 130101)).ToDictionary(o => o.IndicatorCode.Value);
        Assert.Equal((7.8m, GrowthBasis.Comparable, 6.1m), (stored["gdp"].GrowthPercent!.Value, stored["gdp"].GrowthBasis!.Value, stored["gdp"].CurrentPriceGrowthPercent!.Value));
        // A current-price growth alone is the growth itself, at current prices.
        Assert.Equal((5.8m, GrowthBasis.Current), (stored["retail_sales"].GrowthPercent!.Value, stored["retail_sales"].GrowthBasis!.Value));
        Assert.Null(stored["retail_sales"].CurrentPriceGrowthPercent);
        Assert.Null(stored["budget_revenue"].CurrentPriceGrowthPercent);
        Assert.Null(stored["budget_revenue"].GrowthBasis);

        var rows = stored.Values.Select(o => ExportRow.FromRecord(o.ToRecord(), "价格测试区", o.IndicatorCode.Value)).ToList();
        foreach (var language in new[] { ExportLanguage.Chinese, ExportLanguage.English })
        {
            using var csv = new MemoryStream();
            await ObservationExporter.WriteCsvAsync(csv, rows, language, Ct);
            using var xlsx = new MemoryStream();
            await ObservationExporter.WriteXlsxAsync(xlsx, rows, language, Ct);
            foreach (var (bytes, name) in new[] { (csv.ToArray(), "export.csv"), (xlsx.ToArray(), "export.xlsx") })
            {
                var again = await ReadAsync(bytes, name, lookups);
                Assert.True(again.Success, name + ": " + string.Join("; ", again.Errors));
                var unchanged = await ObservationWriter.WriteAsync(db, again.Records, "importer", new FakeTimeProvider(), Ct);
                Assert.Equal((0, 0, 3), (unchanged.Inserted, unchanged.Revised, unchanged.Unchanged));
            }
        }

        var figures = stored.Values.Select(o => new BulletinFigure(o.ToRecord(), "价格测试区130101", o.IndicatorCode.Value == "gdp" ? "地区生产总值" : o.IndicatorCode.Value == "retail_sales" ? "社会消费品零售总额" : "一般公共预算收入")).ToList();
        foreach (var by in new[] { BulletinSheets.Region, BulletinSheets.Topic })
        {
            using var bulletin = new MemoryStream();
            BulletinExporter.Write(bulletin, figures, by);
            var again = await ReadAsync(bulletin.ToArray(), "月报.xlsx", lookups);
            Assert.True(again.Success, by + ": " + string.Join("; ", again.Errors));
            Assert.Equal(6.1m, again.Records.Single(r => r.Indicator.Value == "gdp").CurrentPriceGrowthPercent);
            var unchanged = await ObservationWriter.WriteAsync(db, again.Records, "importer", new FakeTimeProvider(), Ct);
            Assert.Equal((0, 0, 3), (unchanged.Inserted, unchanged.Revised, unchanged.Unchanged));
        }
    }

    [Fact]
    public async Task Import_BulletinWithComparableAndCurrentPriceColumns_KeepsBoth()
    {
        await using var db = await OpenAsync(130102);
        var lookups = await StoreLookups.LoadAsync(db, Ct);
        var sheet = new WorkbookSheet("价格测试区130102");
        sheet.Rows.AddRange(
        [
            ["2024年1-6月价格测试区130102主要经济指标", null, null, null, null],
            ["指标名称", "计量单位", "1-6月累计", "按可比价计算增长%", "按现价计算增长%"],
            ["地区生产总值", "亿元", 880.5m, 7.8m, 6.1m],
            ["规上工业增加值", "亿元", 65m, 6.2m, "—"],
        ]);
        sheet.Merge(0, 0, 1, 5);
        using var ms = new MemoryStream();
        WorkbookWriter.Write(ms, [sheet]);

        var read = await ReadAsync(ms.ToArray(), "月报.xlsx", lookups);

        Assert.True(read.Success, string.Join("; ", read.Errors));
        var gdp = read.Records.Single(r => r.Indicator.Value == "gdp");
        Assert.Equal((7.8m, GrowthBasis.Comparable, 6.1m), (gdp.GrowthPercent!.Value, gdp.GrowthBasis, gdp.CurrentPriceGrowthPercent!.Value));
        var industry = read.Records.Single(r => r.Indicator.Value == "industrial_value_added");
        Assert.Equal((6.2m, GrowthBasis.Comparable), (industry.GrowthPercent!.Value, industry.GrowthBasis));
        Assert.Null(industry.CurrentPriceGrowthPercent);
        await ObservationWriter.WriteAsync(db, read.Records, "importer", new FakeTimeProvider(), Ct);
        var stored = (await StoredAsync(db, 130102)).Single(o => o.IndicatorCode.Value == "gdp");
        Assert.Equal(6.1m, stored.CurrentPriceGrowthPercent);
    }

    [Fact]
    public async Task WriteAsync_SecondGrowthChanged_IsANewAuditedRevision()
    {
        await using var db = await OpenAsync(130103);
        var first = new ObservationRecord(new RegionCode(130103), new IndicatorCode("gdp"), StatPeriod.ForYear(2023), 50m, Unit.YiYuan, 6m, Qualifier.Exact,
            new ObservationSource(SourceKind.Import, "a.csv", 2), GrowthBasis.Comparable, 5.5m);

        await ObservationWriter.WriteAsync(db, [first], "importer", new FakeTimeProvider(), Ct);
        var again = await ObservationWriter.WriteAsync(db, [first], "importer", new FakeTimeProvider(), Ct);
        var changed = await ObservationWriter.WriteAsync(db, [first with { CurrentPriceGrowthPercent = 5.9m }], "importer", new FakeTimeProvider(), Ct);

        Assert.Equal(1, again.Unchanged);
        Assert.Equal(1, changed.Revised);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Key == "130103|gdp|2023" && a.Field == "current_price_growth_percent", Ct);
        Assert.Equal("5.5", audit.OldValue?.TrimEnd('0').TrimEnd('.'));
        Assert.Equal("5.9", audit.NewValue?.TrimEnd('0').TrimEnd('.'));
        Assert.Equal(5.9m, (await StoredAsync(db, 130103)).Single().CurrentPriceGrowthPercent);
    }

    [Fact]
    public async Task WriteAsync_BulkPath_KeepsTheCurrentPriceGrowth()
    {
        await using var db = await OpenAsync(130104);
        // Records.Many spreads over 110101–110121: move them to 1401xx, which no other test of this store uses.
        var records = Records.Many(6_000, "t_bulk_two_bases").Select((r, i) => r with
        {
            Region = new RegionCode(r.Region.Value + 30_000),
            GrowthBasis = r.GrowthPercent is null ? GrowthBasis.Unknown : GrowthBasis.Comparable,
            CurrentPriceGrowthPercent = r.GrowthPercent is null || i % 2 == 0 ? null : 7.25m,
        }).ToList();
        await IndicatorStore.AddAsync(db, new Indicator(new IndicatorCode("t_bulk_two_bases"), "批量两种价格测试", "bulk two bases", Unit.WanYuan, IndicatorKind.Flow, Direction.HigherIsBetter, true, false, []),
            Ct, Core.Access.Actor.LocalAdmin("admin"));

        await ObservationWriter.WriteAsync(db, records, "importer", new FakeTimeProvider(), Ct);

        var withSecond = await db.Observations.AsNoTracking().CountAsync(o => o.IndicatorCode == new IndicatorCode("t_bulk_two_bases") && o.CurrentPriceGrowthPercent == 7.25m, Ct);
        Assert.Equal(records.Count(r => r.CurrentPriceGrowthPercent is not null), withSecond);
        Assert.True(withSecond > 1_000);
    }
}

public sealed class SqliteTwoPriceBasesTests(SqliteFixture fixture) : TwoPriceBasesTests<SqliteFixture>(fixture);

public sealed class PostgresTwoPriceBasesTests(PostgresFixture fixture) : TwoPriceBasesTests<PostgresFixture>(fixture);

/// <summary>Migration <c>TwoPriceBases</c> on a store made by the schema before it: figures and their one growth are kept,
/// the new column is empty, and a figure with two growths can then be stored.</summary>
public abstract class TwoPriceBasesUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store no migration has touched yet, and how to remove it.</summary>
    protected abstract Task<(StoreOptions Options, Func<Task> Remove)> CreateAsync();

    [Fact]
    public async Task MigrateAsync_PreviousSchemaWithAFigure_KeepsItAndTakesASecondGrowth()
    {
        var (options, remove) = await CreateAsync();
        try
        {
            await using (var old = BaiqiangStore.Open(options))
            {
                var known = BaiqiangStore.KnownMigrations(options.Provider).Order(StringComparer.Ordinal).ToList();
                var previous = known.TakeWhile(m => !m.EndsWith("_TwoPriceBases", StringComparison.Ordinal)).Last();
                Assert.NotEqual(known[^1], previous);
                await old.GetService<IMigrator>().MigrateAsync(previous, Ct);
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO observations (region_code, indicator_code, period, period_year, period_first_month, period_last_month, value, unit, growth_percent, qualifier, " +
                    "source_kind, source_reference, growth_basis, revision, is_current, recorded_at, recorded_by) " +
                    "VALUES (510502, 'gdp', '2022', 2022, 1, 12, '2588.6', '亿元', '6.1', 0, 2, 'old.csv', 1, 1, TRUE, '2023-01-01 00:00:00+00:00', 'old')", Ct);
            }

            await BaiqiangStore.MigrateAsync(options, Ct);
            await using var db = BaiqiangStore.Open(options);

            var kept = await db.Observations.AsNoTracking().SingleAsync(Ct);
            Assert.Equal((2588.6m, 6.1m, GrowthBasis.Comparable), (kept.Value!.Value, kept.GrowthPercent!.Value, kept.GrowthBasis!.Value));
            Assert.Null(kept.CurrentPriceGrowthPercent);
            var revised = await ObservationWriter.WriteAsync(db, [kept.ToRecord() with { CurrentPriceGrowthPercent = 5.2m }], "importer", new FakeTimeProvider(), Ct);
            Assert.Equal(1, revised.Revised);
            Assert.Equal(5.2m, (await db.Observations.AsNoTracking().SingleAsync(o => o.IsCurrent, Ct)).CurrentPriceGrowthPercent);
        }
        finally
        {
            await remove();
        }
    }
}

public sealed class SqliteTwoPriceBasesUpgradeTests : TwoPriceBasesUpgradeTests
{
    protected override Task<(StoreOptions Options, Func<Task> Remove)> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("baiqiang-twobases-").FullName;
        var options = BaiqiangStore.Resolve(Path.Combine(folder, "old.db"), null);
        return Task.FromResult<(StoreOptions, Func<Task>)>((options, () =>
        {
            BaiqiangStore.ReleaseSqlitePool(options);
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }));
    }
}

public sealed class PostgresTwoPriceBasesUpgradeTests : TwoPriceBasesUpgradeTests
{
    protected override Task<(StoreOptions Options, Func<Task> Remove)> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("BAIQIANG_TEST_PG");
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
            Assert.Skip("PostgreSQL tests need BAIQIANG_TEST_PG");
        }

        var name = "bq_twobases_" + Guid.NewGuid().ToString("N")[..12];
        var options = new StoreOptions(StoreProvider.PostgreSql, new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        return Task.FromResult<(StoreOptions, Func<Task>)>((options, async () =>
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(admin);
            await connection.OpenAsync(CancellationToken.None);
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }));
    }
}
