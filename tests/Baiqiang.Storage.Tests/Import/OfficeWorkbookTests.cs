using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Baiqiang.Storage.Tests.Import.BulletinWorkbooks;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>
/// Issue 16's “done when” for workbooks, on each provider: an office's own monthly workbook (a 统计月报 sheet) naming
/// indicators the catalogue lacks is refused, imports after one <c>--add-indicators</c> run with its growths on both
/// price bases kept, and <c>export --layout bulletin</c> gives it back so that importing the export changes nothing.
/// </summary>
public abstract class OfficeWorkbookTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IDisposable
    where TFixture : StoreFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("baiqiang-office-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] OfficeMonth() => Xlsx(Sheet(
        "江阳区",
        [
            ["2023年1-6月江阳区主要经济指标"],
            ["指标名称", "计量单位", "1-6月累计", "同比增长%(可比价)", "同比增长%(现价)"],
            ["规上工业增加值", "亿元", 65m, 6.1m, 8.4m],
            ["测试光伏發電量", "亿千瓦时", 12.5m, 30m, "—"],
            ["测试港口货物吞吐量", "万吨", 1500m, "-3.2", null],
        ],
        (0, 0, 1, 5)));

    [Fact]
    public async Task OfficeWorkbook_UnknownIndicatorsAddedOnce_KeepsBothBasesAndExportsBackUnchanged()
    {
        await using var db = fixture.Open();
        await IndicatorStore.SeedCatalogueAsync(db, Ct);
        if (!await db.Regions.AnyAsync(r => r.Code == TestLookups.JiangYang, Ct))
        {
            db.Regions.Add(new RegionEntity { Code = TestLookups.JiangYang, Name = "江阳区", Kind = RegionKind.MunicipalDistrict });
            await db.SaveChangesAsync(Ct);
        }

        var workbook = OfficeMonth();
        async Task<ImportResult> Read(IImportLookups lookups, CancellationToken ct)
        {
            await using var stream = new MemoryStream(workbook, writable: false);
            return await new ObservationFileReader().ReadAsync(stream, "办公室月报.xlsx", lookups, ImportOptions.Default, ct);
        }

        var refused = await Read(await StoreLookups.LoadAsync(db, Ct), Ct);
        var added = await NewIndicatorImport.ReadAddAndStoreAsync(db, Read, "importer", _clock, Actor.LocalAdmin("admin"), ImportOptions.Default, Ct);

        Assert.Equal(2, refused.UnknownIndicators.Count);
        Assert.Contains(refused.UnknownIndicators, u => u.Name.Contains("港口货物吞吐量", StringComparison.Ordinal) && u.Unit?.Symbol == "万吨");
        Assert.Empty(refused.Records);
        Assert.Equal(2, added.Added.Count);
        Assert.Equal(3, added.Written!.Inserted);
        var stored = await CurrentAsync(db);
        var industry = Assert.Single(stored, r => r.Indicator.Value == "industrial_value_added");
        Assert.Equal((65m, 6.1m, GrowthBasis.Comparable, 8.4m), (industry.Value, industry.GrowthPercent, industry.GrowthBasis, industry.CurrentPriceGrowthPercent));
        var power = Assert.Single(stored, r => r.Unit.Symbol == "亿千瓦时");
        Assert.Equal((12.5m, 30m, GrowthBasis.Comparable), (power.Value, power.GrowthPercent, power.GrowthBasis));
        Assert.Null(power.CurrentPriceGrowthPercent);

        var lookups = await StoreLookups.LoadAsync(db, Ct);
        var exported = Path.Combine(_folder, "导出.xlsx");
        await using (var stream = File.Create(exported))
        {
            BulletinExporter.Write(stream, [.. stored.Select(r => new BulletinFigure(r, lookups.RegionName(r.Region), lookups.FindIndicator(r.Indicator.Value)!.NameZh))], BulletinSheets.Region);
        }

        var again = await ObservationImport.ReadAndStoreAsync(db, exported, lookups, ImportOptions.Default, "importer", _clock, Ct);

        ImportAssert.Ok(again.Read);
        Assert.Equal(ImportLayout.Bulletin, again.Read.Layout);
        Assert.Equal((0, 0, 3), (again.Written!.Inserted, again.Written.Revised, again.Written.Unchanged));
        Assert.Equal(Facts(stored), Facts(again.Read.Records));
        Assert.Equal(Facts(stored), Facts(await CurrentAsync(db)));
    }

    private static async Task<List<ObservationRecord>> CurrentAsync(BaiqiangDbContext db)
        => [.. (await db.Observations.AsNoTracking().Where(o => o.IsCurrent && o.RegionCode == TestLookups.JiangYang).ToListAsync(Ct)).Select(o => o.ToRecord())];

    private static List<string> Facts(IEnumerable<ObservationRecord> records) => [.. records
        .Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Region} {r.Indicator} {r.Period} {Show(r.Value)} {r.Unit.Symbol} {Show(r.GrowthPercent)} {r.GrowthBasis} {Show(r.CurrentPriceGrowthPercent)}"))
        .Order(StringComparer.Ordinal)];

    /// <summary>A figure without the scale its store gave it (65.00000000 on PostgreSQL is 65).</summary>
    private static string Show(decimal? value) => value is { } v ? ImportText.Show(v) : "—";

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteOfficeWorkbookTests(SqliteFixture fixture) : OfficeWorkbookTests<SqliteFixture>(fixture);

public sealed class PostgresOfficeWorkbookTests(PostgresFixture fixture) : OfficeWorkbookTests<PostgresFixture>(fixture);
