using System.Globalization;
using System.Text;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>
/// Reading and storing at once (<see cref="ObservationImport.ReadAndStoreAsync"/>): files above the streaming threshold are
/// written while they are read, and must still store all rows or none. Each test uses its own indicator codes, so the
/// tests share one store in any order.
/// </summary>
public abstract class ObservationImportTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IDisposable
    where TFixture : StoreFixture
{
    /// <summary>Regions × months: 96 × 288 = 27,648 rows per indicator, so two indicators pass the streaming threshold.</summary>
    private const int RegionCount = 96;

    private static readonly StatPeriod[] Months = [.. Enumerable.Range(2000, 24).SelectMany(y => Enumerable.Range(1, 12).Select(m => StatPeriod.ForMonth(y, m)))];

    private readonly string _folder = Directory.CreateTempSubdirectory("baiqiang-import-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int RowsPerIndicator => RegionCount * Months.Length;

    [Fact]
    public async Task ReadAndStoreAsync_LargeFile_StoresEveryRowAsReadWithOneAuditRow()
    {
        var file = Write("large.csv", Rows("s_large_a", "s_large_b"));
        await using var db = fixture.Open();

        var stored = await ObservationImport.ReadAndStoreAsync(db, file, Lookups("s_large_a", "s_large_b"), ImportOptions.Default, "importer", _clock, Ct);

        Assert.True(stored.Read.Success);
        Assert.True(RowsPerIndicator * 2 > ObservationWriter.RebuildIndexesThreshold);
        Assert.Equal(new WriteSummary(RowsPerIndicator * 2, 0, 0), stored.Written);
        Assert.Equal(RowsPerIndicator, await CountAsync(db, "s_large_a"));
        Assert.Equal(RowsPerIndicator, await CountAsync(db, "s_large_b"));
        Assert.Equal(3, await SecondaryIndexCountAsync(db));
        var last = stored.Read.Records[^1];
        var series = await ObservationQueries.SeriesAsync(db, last.Region, last.Indicator, Ct);
        Assert.Equal(last, Assert.Single(series, o => o.Period == last.Period).ToRecord());
        Assert.All(series, o => Assert.Equal("importer", o.RecordedBy));
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.Field == "bulk_insert" && a.NewValue!.Contains("large.csv")).ToListAsync(Ct));
        Assert.Equal($"{RowsPerIndicator * 2} rows, revision 1, from large.csv", audit.NewValue);
        Assert.Equal("importer", audit.User);
    }

    [Fact]
    public async Task ReadAndStoreAsync_BadRowsNearTheEnd_StoresNothingAndListsEveryBadRow()
    {
        var lines = Rows("s_bad_a", "s_bad_b");
        lines[^100] = lines[^100].Replace(",亿元", ",公顷", StringComparison.Ordinal);
        var parts = lines[^10].Split(',');
        parts[3] = "abc";
        lines[^10] = string.Join(',', parts);
        var file = Write("bad.csv", lines);
        await using var db = fixture.Open();

        var stored = await ObservationImport.ReadAndStoreAsync(db, file, Lookups("s_bad_a", "s_bad_b"), ImportOptions.Default, "importer", _clock, Ct);

        Assert.Null(stored.Written);
        Assert.Empty(stored.Read.Records);
        // Header is row 1, so the n-th data line is row n + 1; lines[^k] is data row (count - k + 1) + 1.
        var count = lines.Count - 1;
        Assert.Equal([count - 100 + 2, count - 10 + 2], stored.Read.Errors.Select(e => e.Row!.Value));
        Assert.Contains("abc", stored.Read.Errors[1].Message.Zh, StringComparison.Ordinal);
        Assert.Contains("not a number", stored.Read.Errors[1].Message.En, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db, "s_bad_a"));
        Assert.Equal(0, await CountAsync(db, "s_bad_b"));
        Assert.Equal(3, await SecondaryIndexCountAsync(db));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.NewValue!.Contains("bad.csv"), Ct));
    }

    [Fact]
    public async Task ReadAndStoreAsync_DisagreeingDuplicateFarApart_StoresNothingAndNamesBothRows()
    {
        var lines = Rows("s_dup_a", "s_dup_b");
        var first = lines[1].Split(',');
        lines.Add(string.Join(',', first[0], first[1], first[2], "999.5", first[4], first[5]));
        var file = Write("dup.csv", lines);
        await using var db = fixture.Open();

        var stored = await ObservationImport.ReadAndStoreAsync(db, file, Lookups("s_dup_a", "s_dup_b"), ImportOptions.Default, "importer", _clock, Ct);

        Assert.Null(stored.Written);
        var error = Assert.Single(stored.Read.Errors);
        Assert.Equal(lines.Count, error.Row);
        Assert.Contains("第2行", error.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("row 2", error.Message.En, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db, "s_dup_a"));
        Assert.Equal(0, await CountAsync(db, "s_dup_b"));
    }

    [Fact]
    public async Task ReadAndStoreAsync_SameFileTwiceThenCorrectedWithNewIndicator_RevisesOnlyChangedFacts()
    {
        var lines = Rows("s_rev_a", "s_rev_b");
        var file = Write("rev.csv", lines);
        var lookups = Lookups("s_rev_a", "s_rev_b", "s_rev_c");
        await using var db = fixture.Open();
        await ObservationImport.ReadAndStoreAsync(db, file, lookups, ImportOptions.Default, "importer", _clock, Ct);
        var audits = await db.AuditEntries.CountAsync(Ct);

        var again = await ObservationImport.ReadAndStoreAsync(db, file, lookups, ImportOptions.Default, "importer", _clock, Ct);

        Assert.Equal(new WriteSummary(0, 0, RowsPerIndicator * 2), again.Written);
        Assert.Equal(audits, await db.AuditEntries.CountAsync(Ct));

        // Two corrected figures of stored indicators, and a whole indicator that is new: bulk-loaded alongside.
        var corrected = new List<string>(lines);
        corrected[5] = Replace(corrected[5], 3, "777.5");
        corrected[RowsPerIndicator + 7] = Replace(corrected[RowsPerIndicator + 7], 3, "888.25");
        corrected.AddRange(Rows("s_rev_c").Skip(1));
        _clock.Advance(TimeSpan.FromDays(1));

        var third = await ObservationImport.ReadAndStoreAsync(db, Write("rev2.csv", corrected), lookups, ImportOptions.Default, "corrector", _clock, Ct);

        Assert.Equal(new WriteSummary(RowsPerIndicator, 2, (RowsPerIndicator * 2) - 2), third.Written);
        Assert.Equal(RowsPerIndicator, await CountAsync(db, "s_rev_c"));
        Assert.Equal(RowsPerIndicator + 1, await CountAsync(db, "s_rev_a"));
        Assert.Equal(RowsPerIndicator + 1, await CountAsync(db, "s_rev_b"));
        var changed = third.Read.Records[4];
        var history = (await db.Observations.AsNoTracking()
            .Where(o => o.RegionCode == changed.Region && o.IndicatorCode == changed.Indicator)
            .ToListAsync(Ct)).Where(o => o.Period == changed.Period).OrderBy(o => o.Revision).ToList();
        Assert.Equal([1, 2], history.Select(o => o.Revision));
        Assert.Equal(777.5m, history[1].Value);
        Assert.True(history[1].IsCurrent);
        Assert.False(history[0].IsCurrent);
        Assert.Equal(_clock.GetUtcNow(), history[0].SupersededAt);
        Assert.Equal("corrector", history[1].RecordedBy);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Field == "value" && a.NewValue == "777.5" && a.User == "corrector", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Field == "bulk_insert" && a.NewValue == $"{RowsPerIndicator} rows, revision 1, from rev2.csv", Ct));
    }

    [Fact]
    public async Task ReadAndStoreAsync_LargeFileWithOneFigureFarFromTheStoredOne_RefusedUnlessForcedThenAudited()
    {
        var lines = Rows("s_odd_a", "s_odd_b");
        await using var db = fixture.Open();
        var lookups = Lookups("s_odd_a", "s_odd_b");
        Assert.NotNull((await ObservationImport.ReadAndStoreAsync(db, Write("odd1.csv", lines), lookups, ImportOptions.Default, "importer", _clock, Ct)).Written);

        // One 亿元 figure typed as 万元 would be: 10,000 times the stored one, in the streamed (large-file) path.
        var corrected = new List<string>(lines);
        corrected[9] = Replace(corrected[9], 3, "1000000");
        var refused = await ObservationImport.ReadAndStoreAsync(db, Write("odd2.csv", corrected), lookups, ImportOptions.Default, "importer", _clock, Ct);
        var forced = await ObservationImport.ReadAndStoreAsync(
            db, Write("odd3.csv", corrected), lookups, ImportOptions.Default with { ForceReason = "核对无误" }, "checker", _clock, Ct);

        Assert.Null(refused.Written);
        var error = Assert.Single(refused.Read.Errors);
        Assert.Equal(ImportErrorKind.Implausible, error.Kind);
        Assert.Equal(10, error.Row);
        Assert.Contains("超过允许的10倍", error.Message.Zh, StringComparison.Ordinal);
        Assert.Equal(new WriteSummary(0, 1, (RowsPerIndicator * 2) - 1), forced.Written);
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.Field == "plausibility_override" && a.Key.Contains("s_odd_a")).ToListAsync(Ct));
        Assert.Equal("checker", audit.User);
        Assert.EndsWith("reason: 核对无误", audit.NewValue, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        GC.SuppressFinalize(this);
    }

    private static string Replace(string line, int column, string value)
    {
        var parts = line.Split(',');
        parts[column] = value;
        return string.Join(',', parts);
    }

    /// <summary>Header plus one row per indicator × region × month, values in 亿元 with a growth rate.</summary>
    private static List<string> Rows(params string[] indicators)
    {
        var lines = new List<string> { "region,indicator,period,value,unit,growth" };
        foreach (var indicator in indicators)
        {
            for (var r = 0; r < RegionCount; r++)
            {
                for (var m = 0; m < Months.Length; m++)
                {
                    var value = (100m + r + (m * 0.25m)).ToString(CultureInfo.InvariantCulture);
                    var growth = ((m % 17) - 3.5m).ToString(CultureInfo.InvariantCulture);
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{110101 + r},{indicator},{Months[m]},{value},亿元,{growth}"));
                }
            }
        }

        return lines;
    }

    private string Write(string name, List<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private static InMemoryImportLookups Lookups(params string[] indicators) => new(
        [
            new Region(new RegionCode(110100), "测试市", RegionKind.PrefectureCity, new RegionCode(110000)),
            .. Enumerable.Range(0, RegionCount).Select(r => new Region(
                new RegionCode(110101 + r), "测试区" + r.ToString(CultureInfo.InvariantCulture), RegionKind.MunicipalDistrict, new RegionCode(110100))),
        ],
        indicators.Select(code => new Indicator(new IndicatorCode(code), "测试指标" + code, "Test " + code, Unit.YiYuan,
            IndicatorKind.Flow, Direction.HigherIsBetter, PublishedCumulatively: false, AllowsNegative: false, [])));

    private static Task<int> CountAsync(BaiqiangDbContext db, string indicator)
        => db.Observations.CountAsync(o => o.IndicatorCode == new IndicatorCode(indicator), Ct);

    private static async Task<int> SecondaryIndexCountAsync(BaiqiangDbContext db)
    {
        var sql = db.Provider == StoreProvider.Sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL"
            : "SELECT COUNT(*)::int AS \"Value\" FROM pg_indexes WHERE tablename = 'observations' AND indexname <> 'pk_observations'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct);
    }
}

public sealed class SqliteObservationImportTests(SqliteFixture fixture) : ObservationImportTests<SqliteFixture>(fixture);

public sealed class PostgresObservationImportTests(PostgresFixture fixture) : ObservationImportTests<PostgresFixture>(fixture);
