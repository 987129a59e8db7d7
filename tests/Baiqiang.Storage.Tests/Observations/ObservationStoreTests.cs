using System.Diagnostics;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Observations;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Observations;

/// <summary>Observation writes and reads, run against each provider. Each test uses its own indicator code.</summary>
public abstract class ObservationStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Jiangyang = new(510502);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_FreshStore_AppliesAllMigrations()
    {
        await using var db = fixture.Open();
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(fixture.Provider, db.Provider);
    }

    [Fact]
    public async Task WriteAsync_ThenSeries_ReturnsPeriodOrder()
    {
        await using var db = fixture.Open();
        var records = new[]
        {
            Records.Gdp(510502, StatPeriod.ForYear(2023), 1000m, "t_series"),
            Records.Gdp(510502, StatPeriod.ForMonth(2023, 6), 80m, "t_series"),
            Records.Gdp(510502, StatPeriod.CumulativeTo(2023, 6), 500.5m, "t_series"),
            Records.Gdp(510502, StatPeriod.ForYear(2022), 950.25m, "t_series", growth: 6.1m),
            Records.Gdp(510503, StatPeriod.ForYear(2022), 300m, "t_series"),
        };

        var summary = await ObservationWriter.WriteAsync(db, records, "tester", _clock, Ct);
        Assert.Equal(new WriteSummary(5, 0, 0), summary);

        var series = await ObservationQueries.SeriesAsync(db, Jiangyang, new IndicatorCode("t_series"), Ct);
        // The store's order is StatPeriod's own CompareTo (year, last month, then the longer span first).
        Assert.Equal(records.Where(r => r.Region == Jiangyang).Select(r => r.Period).Order(), series.Select(o => o.Period));
        Assert.Equal(["2022", "2023-01..06", "2023-06", "2023"], series.Select(o => o.Period.ToString()));
        Assert.Equal(950.25m, series[0].Value);
        Assert.Equal(6.1m, series[0].GrowthPercent);
        Assert.All(series, o => Assert.True(o.IsCurrent));
        Assert.All(series, o => Assert.Equal(1, o.Revision));
        Assert.Equal(_clock.GetUtcNow(), series[0].RecordedAt);

        var cross = await ObservationQueries.CrossSectionAsync(db, new IndicatorCode("t_series"), StatPeriod.ForYear(2022), null, Ct);
        Assert.Equal([510502, 510503], cross.Select(o => o.RegionCode.Value));
        var only = await ObservationQueries.CrossSectionAsync(db, new IndicatorCode("t_series"), StatPeriod.ForYear(2022), [new RegionCode(510503)], Ct);
        Assert.Equal(300m, Assert.Single(only).Value);
    }

    [Fact]
    public async Task WriteAsync_SameBatchTwice_ChangesNothing()
    {
        await using var db = fixture.Open();
        var records = Enumerable.Range(2015, 8).Select(y => Records.Gdp(510502, StatPeriod.ForYear(y), y * 1.5m, "t_same")).ToList();
        await ObservationWriter.WriteAsync(db, records, "tester", _clock, Ct);
        var audits = await db.AuditEntries.CountAsync(Ct);

        var again = await ObservationWriter.WriteAsync(db, records, "tester", _clock, Ct);

        Assert.Equal(new WriteSummary(0, 0, 8), again);
        Assert.Equal(8, await db.Observations.CountAsync(o => o.IndicatorCode == new IndicatorCode("t_same"), Ct));
        Assert.Equal(audits, await db.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task WriteAsync_ChangedValue_CreatesRevisionTwoAndKeepsRevisionOne()
    {
        await using var db = fixture.Open();
        var period = StatPeriod.ForYear(2023);
        await ObservationWriter.WriteAsync(db, [Records.Gdp(510502, period, 1000m, "t_rev")], "alice", _clock, Ct);
        _clock.Advance(TimeSpan.FromDays(1));

        var summary = await ObservationWriter.WriteAsync(db, [Records.Gdp(510502, period, 1010.6m, "t_rev", growth: 6.0m)], "bob", _clock, Ct);

        Assert.Equal(new WriteSummary(0, 1, 0), summary);
        var history = await ObservationQueries.HistoryAsync(db, Jiangyang, new IndicatorCode("t_rev"), period, Ct);
        Assert.Equal(2, history.Count);
        Assert.Equal((1, 1000m, false, "alice"), (history[0].Revision, history[0].Value, history[0].IsCurrent, history[0].RecordedBy));
        Assert.Equal(_clock.GetUtcNow(), history[0].SupersededAt);
        Assert.Equal((2, 1010.6m, true, "bob"), (history[1].Revision, history[1].Value, history[1].IsCurrent, history[1].RecordedBy));
        Assert.Null(history[1].SupersededAt);
        var series = await ObservationQueries.SeriesAsync(db, Jiangyang, new IndicatorCode("t_rev"), Ct);
        Assert.Equal(1010.6m, Assert.Single(series).Value);
    }

    [Fact]
    public async Task WriteAsync_Revision_WritesAuditRowsWithOldAndNewValues()
    {
        await using var db = fixture.Open();
        var period = StatPeriod.ForYear(2021);
        await ObservationWriter.WriteAsync(db, [Records.Gdp(510502, period, 700m, "t_audit")], "alice", _clock, Ct);
        await ObservationWriter.WriteAsync(db, [Records.Gdp(510502, period, 712.35m, "t_audit")], "bob", _clock, Ct);

        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Key.StartsWith("510502|t_audit|2021")).ToListAsync(Ct);
        var value = Assert.Single(rows, a => a.Field == "value");
        Assert.Equal(("700", "712.35", "bob"), (value.OldValue?.TrimEnd('0').TrimEnd('.'), value.NewValue?.TrimEnd('0').TrimEnd('.'), value.User));
        var current = Assert.Single(rows, a => a.Field == "is_current");
        Assert.Equal(("True", "False"), (current.OldValue, current.NewValue));
        Assert.Contains(rows, a => a.Key == "510502|t_audit|2021|r2" && a.Field == null && a.NewValue!.Contains("revision=2", StringComparison.Ordinal));
        Assert.Contains(rows, a => a.Key == "510502|t_audit|2021|r1" && a.User == "alice");
    }

    [Fact]
    public async Task WriteAsync_FailingRecordMidBatch_StoresNothing()
    {
        await using var db = fixture.Open();
        var records = Enumerable.Range(1, 20).Select(m => Records.Gdp(510502, StatPeriod.ForMonth(2020 + (m / 13), ((m - 1) % 12) + 1), m, "t_fail")).ToList();
        records[10] = records[10] with { Source = new ObservationSource(SourceKind.Import, null!) };
        var audits = await db.AuditEntries.CountAsync(Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => ObservationWriter.WriteAsync(db, records, "tester", _clock, Ct));

        await using var fresh = fixture.Open();
        Assert.Equal(0, await fresh.Observations.CountAsync(o => o.IndicatorCode == new IndicatorCode("t_fail"), Ct));
        Assert.Equal(audits, await fresh.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task WriteAsync_FailingRecordInBulkBatch_StoresNothing()
    {
        await using var db = fixture.Open();
        var records = Records.Many(ObservationWriter.BulkThreshold + 10, "t_bulk_fail");
        records[^5] = records[^5] with { Source = new ObservationSource(SourceKind.Import, null!) };

        await Assert.ThrowsAnyAsync<Exception>(() => ObservationWriter.WriteAsync(db, records, "tester", _clock, Ct));

        await using var fresh = fixture.Open();
        Assert.Equal(0, await fresh.Observations.CountAsync(o => o.IndicatorCode == new IndicatorCode("t_bulk_fail"), Ct));
    }

    [Fact]
    public async Task WriteAsync_BulkIntoEmptyIndicator_Stores100000RowsExactly()
    {
        await using var db = fixture.Open();
        var records = Records.Many(100_000, "t_bulk");
        var watch = Stopwatch.StartNew();

        var summary = await ObservationWriter.WriteAsync(db, records, "bulk", _clock, Ct);

        TestContext.Current.SendDiagnosticMessage($"{fixture.Provider}: 100,000 rows in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(new WriteSummary(100_000, 0, 0), summary);
        var code = new IndicatorCode("t_bulk");
        Assert.Equal(100_000, await db.Observations.CountAsync(o => o.IndicatorCode == code, Ct));
        foreach (var i in new[] { 0, 1, 287, 288, 54_321, 99_999 })
        {
            var r = records[i];
            var stored = Assert.Single(await ObservationQueries.HistoryAsync(db, r.Region, code, r.Period, Ct));
            Assert.Equal(r, stored.ToRecord());
            Assert.True(stored.IsCurrent);
            Assert.Equal(1, stored.Revision);
            Assert.Equal(_clock.GetUtcNow(), stored.RecordedAt);
        }

        // A later general-path write sees the bulk rows: one change makes revision 2.
        var changed = records[54_321] with { Value = 1.5m };
        Assert.Equal(new WriteSummary(0, 1, 1), await ObservationWriter.WriteAsync(db, [changed, records[1]], "bulk", _clock, Ct));
    }
}

public sealed class SqliteObservationStoreTests(SqliteFixture fixture) : ObservationStoreTests<SqliteFixture>(fixture);

public sealed class PostgresObservationStoreTests(PostgresFixture fixture) : ObservationStoreTests<PostgresFixture>(fixture);
