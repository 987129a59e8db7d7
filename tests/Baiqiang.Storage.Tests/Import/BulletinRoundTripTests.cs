using System.Globalization;
using Baiqiang.Storage.Export;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>A statistics-bureau workbook stored, exported with <c>--layout bulletin</c> and imported again: nothing changes.</summary>
public abstract class BulletinRoundTripTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IDisposable
    where TFixture : StoreFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("baiqiang-bulletin-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(8)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(BulletinSheets.Region)]
    [InlineData(BulletinSheets.Topic)]
    public async Task ImportExportBulletinImport_Unchanged_ReportsNoChangeAndLeavesTheStoreIdentical(BulletinSheets by)
    {
        await using var db = fixture.Open();
        var first = Path.Combine(_folder, $"月报-{by}.xlsx");
        await File.WriteAllBytesAsync(first, BulletinWorkbooks.Xlsx(BulletinWorkbooks.MonthlySheet(), BulletinWorkbooks.RegionsAcrossSheet()), Ct);
        var stored = await ObservationImport.ReadAndStoreAsync(db, first, BulletinWorkbooks.Lookups(), ImportOptions.Default, "importer", _clock, Ct);
        ImportAssert.Ok(stored.Read);
        var before = await SnapshotAsync(db);

        var exported = Path.Combine(_folder, $"导出-{by}.xlsx");
        var figures = (await db.Observations.AsNoTracking().Where(o => o.IsCurrent).ToListAsync(Ct))
            .Select(o => new BulletinFigure(o.ToRecord(), o.RegionCode == BulletinWorkbooks.LongMaTan ? "龙马潭区" : "江阳区",
                BulletinWorkbooks.Lookups().FindIndicator(o.IndicatorCode.Value)!.NameZh))
            .ToList();
        await using (var stream = File.Create(exported))
        {
            BulletinExporter.Write(stream, figures, by);
        }

        var again = await ObservationImport.ReadAndStoreAsync(db, exported, BulletinWorkbooks.Lookups(), ImportOptions.Default, "importer", _clock, Ct);

        ImportAssert.Ok(again.Read);
        Assert.Equal(ImportLayout.Bulletin, again.Read.Layout);
        Assert.NotNull(again.Written);
        Assert.Equal(0, again.Written.Inserted);
        Assert.Equal(0, again.Written.Revised);
        Assert.Equal(before.Count, again.Written.Unchanged);
        Assert.Equal(before, await SnapshotAsync(db));
    }

    private static async Task<List<string>> SnapshotAsync(BaiqiangDbContext db) => (await db.Observations.AsNoTracking().ToListAsync(Ct))
        .Select(o => string.Create(CultureInfo.InvariantCulture,
            $"{o.RegionCode} {o.IndicatorCode} {o.Period} {o.Revision} {o.IsCurrent} {o.ToRecord().Value?.ToString(CultureInfo.InvariantCulture)} {o.ToRecord().GrowthPercent?.ToString(CultureInfo.InvariantCulture)} {o.ToRecord().Unit.Symbol}"))
        .Order(StringComparer.Ordinal)
        .ToList();

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

public sealed class SqliteBulletinRoundTripTests(SqliteFixture fixture) : BulletinRoundTripTests<SqliteFixture>(fixture);

public sealed class PostgresBulletinRoundTripTests(PostgresFixture fixture) : BulletinRoundTripTests<PostgresFixture>(fixture);
