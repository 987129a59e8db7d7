using Baiqiang.Core.Observations;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>A bulletin workbook read by the streaming reader — numbers stored as text, cells left out, regions beyond column
/// Z — stored on each provider: the figures land exactly, a second import changes nothing, and a sheet beyond column XFD
/// stores nothing.</summary>
public abstract class BulletinStreamingStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IDisposable
    where TFixture : StoreFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("baiqiang-bulletin-sax-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAndStore_StreamedWorkbookThenBeyondXfd_StoresExactFiguresOnceAndNothingFromTheRefusedFile()
    {
        await using var db = fixture.Open();
        var file = Path.Combine(_folder, "各区月报.xlsx");
        await File.WriteAllBytesAsync(file, XlsxWorkbookTests.RegionsFarRight(), Ct);

        var first = await ObservationImport.ReadAndStoreAsync(db, file, BulletinWorkbooks.Lookups(), ImportOptions.Default, "importer", _clock, Ct);
        var again = await ObservationImport.ReadAndStoreAsync(db, file, BulletinWorkbooks.Lookups(), ImportOptions.Default, "importer", _clock, Ct);

        ImportAssert.Ok(first.Read);
        Assert.Equal(4, first.Written!.Inserted);
        ImportAssert.Ok(again.Read);
        Assert.Equal((0, 0, 4), (again.Written!.Inserted, again.Written.Revised, again.Written.Unchanged));
        var stored = (await db.Observations.AsNoTracking().Where(o => o.IsCurrent && o.RegionCode == BulletinWorkbooks.LongMaTan).ToListAsync(Ct))
            .Select(o => o.ToRecord()).ToList();
        var gdp = Assert.Single(stored, r => r.Indicator.Value == "gdp");
        Assert.Equal((420.25m, 6.5m, GrowthBasis.Comparable), (gdp.Value, gdp.GrowthPercent, gdp.GrowthBasis));
        Assert.Equal(12m, Assert.Single(stored, r => r.Indicator.Value == "budget_revenue").Value);

        var wide = Path.Combine(_folder, "超宽.xlsx");
        await File.WriteAllBytesAsync(wide, RawXlsx.Build([("龙马潭区",
            RawXlsx.Row(1, RawXlsx.Inline("A1", "2023年6月")) + RawXlsx.Row(2, RawXlsx.Inline("A2", "指标名称"), RawXlsx.Inline("B2", "本月"), RawXlsx.Inline("XFE2", "本月")) +
            RawXlsx.Row(3, RawXlsx.Inline("A3", "地区生产总值"), RawXlsx.N("B3", "99")), "")]), Ct);
        var before = await db.Observations.CountAsync(Ct);

        var refused = await ObservationImport.ReadAndStoreAsync(db, wide, BulletinWorkbooks.Lookups(), new ImportOptions(Layout: ImportLayout.Bulletin), "importer", _clock, Ct);

        ImportAssert.HasError(refused.Read, null, null, "16384", "16384 columns");
        Assert.Null(refused.Written);
        Assert.Equal(before, await db.Observations.CountAsync(Ct));
    }

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

public sealed class SqliteBulletinStreamingStoreTests(SqliteFixture fixture) : BulletinStreamingStoreTests<SqliteFixture>(fixture);

public sealed class PostgresBulletinStreamingStoreTests(PostgresFixture fixture) : BulletinStreamingStoreTests<PostgresFixture>(fixture);
