using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Extraction;
using Baiqiang.Storage.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Extraction.Tests;

/// <summary>Pending facts on SQLite: every write checks the actor's rights; an accepted fact becomes an observation.</summary>
public sealed class ReviewAccessTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("baiqiang-extraction-").FullName;
    private BaiqiangDbContext _db = null!;

    public async ValueTask InitializeAsync()
    {
        var options = BaiqiangStore.Resolve(Path.Combine(_dir, "store.db"), null);
        await BaiqiangStore.MigrateAsync(options, TestContext.Current.CancellationToken);
        _db = BaiqiangStore.Open(options);
        await Storage.Indicators.IndicatorStore.SeedCatalogueAsync(_db, TestContext.Current.CancellationToken);
        foreach (var r in Storage.Sample.SampleData.Regions)
        {
            _db.Regions.Add(new RegionEntity { Code = r.Code, Name = r.Name, Kind = r.Kind, ParentCode = r.ParentCode });
        }

        await _db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<long> StoreTongzhouAsync()
    {
        var raw = Seeds.Text("004_tongzhou_h1_report_card");
        var result = new FactExtractor(Regions.SampleOnly).Extract("004.txt", raw, new DateOnly(2023, 7, 31));
        await ExtractionStore.SaveAsync(_db, result, raw, Actor.LocalAdmin("admin"), TestContext.Current.CancellationToken);
        return (await _db.PendingFacts.FirstAsync(f => f.IndicatorCode == new IndicatorCode("gdp") && f.Kind == "value", TestContext.Current.CancellationToken)).Id;
    }

    [Fact]
    public async Task Accept_ByReviewerOfAnotherRegion_IsDenied()
    {
        var id = await StoreTongzhouAsync();
        var outsider = Actor.ReviewerOf("luzhou", new RegionCode(510500));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ExtractionStore.AcceptAsync(_db, id, outsider, TimeProvider.System, TestContext.Current.CancellationToken));
        Assert.Equal(FactStatus.Pending, (await _db.PendingFacts.AsNoTracking().FirstAsync(f => f.Id == id, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Edit_ByEditorOfAnotherRegion_IsDenied()
    {
        var id = await StoreTongzhouAsync();
        var outsider = Actor.EditorOf("luzhou", new RegionCode(510500));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ExtractionStore.EditAsync(_db, id, new FactEdit(Value: 1m), outsider, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Accept_ByReviewerOfNantong_WritesTheObservationOnce()
    {
        var id = await StoreTongzhouAsync();
        var reviewer = Actor.ReviewerOf("nantong", new RegionCode(320600));
        var summary = await ExtractionStore.AcceptAsync(_db, id, reviewer, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(1, summary.Inserted);
        await Assert.ThrowsAsync<ExtractionReviewException>(() => ExtractionStore.AcceptAsync(_db, id, reviewer, TimeProvider.System, TestContext.Current.CancellationToken));
        var gdp = await _db.Observations.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(880.5m, gdp.Value);
        Assert.Equal("nantong", (await _db.PendingFacts.FirstAsync(f => f.Id == id, TestContext.Current.CancellationToken)).ReviewedBy);
    }

    [Fact]
    public async Task AcceptAbove_AcceptsConfidentFactsInOneStep_AndNamesThoseTheChecksRefuse()
    {
        var ct = TestContext.Current.CancellationToken;
        var gdpId = await StoreTongzhouAsync();
        var facts = await _db.PendingFacts.OrderBy(f => f.Offset).ToListAsync(ct);
        Assert.All(facts, f => Assert.NotNull(f.Confidence)); // kept from the extractor
        foreach (var f in facts)
        {
            f.Confidence = 0.5m;
        }

        var gdp = facts.Single(f => f.Id == gdpId);
        var good = facts.Where(f => f.Id != gdpId && f.Kind is "value" or "growth" && f.RegionCode is not null && f.Period is not null
            && f.IndicatorCode is { } c && c != new IndicatorCode("gdp")).OrderBy(f => f.Kind == "growth" ? 0 : 1).First();
        var unnamed = facts.First(f => f.Id != gdpId && f.Id != good.Id && f.Kind is "value" or "growth");
        (gdp.Confidence, good.Confidence, unnamed.Confidence) = (0.9m, 0.8m, 0.95m);
        unnamed.IndicatorCode = null;
        await _db.SaveChangesAsync(ct);
        _db.ChangeTracker.Clear();

        // Last year's first half stored as 1亿元: 880.5亿元 is far beyond ten times that, so the plausibility check refuses it.
        var period = Core.Periods.StatPeriod.ParseCanonical("2022-01..06");
        await Storage.Observations.ObservationWriter.WriteAsync(_db, [new Core.Observations.ObservationRecord(
            gdp.RegionCode!.Value, new IndicatorCode("gdp"), period, 1m, Core.Quantities.Unit.YiYuan, null, Core.Quantities.Qualifier.Exact,
            new Core.Observations.ObservationSource(Core.Observations.SourceKind.User, "test"))], "admin", TimeProvider.System, ct);

        var result = await ExtractionStore.AcceptAboveAsync(_db, 0.8m, null, Actor.ReviewerOf("nantong", new RegionCode(320600)), TimeProvider.System, ct);

        Assert.Equal([good.Id], result.Accepted);
        Assert.Equal(1, result.Written.Inserted);
        Assert.Equal(new[] { gdp.Id, unnamed.Id }.Order(), result.Refused.Select(r => r.Id).Order());
        Assert.Contains("倍", result.Refused.Single(r => r.Id == gdp.Id).Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("indicator code", result.Refused.Single(r => r.Id == unnamed.Id).Reason.En, StringComparison.Ordinal);
        var after = await _db.PendingFacts.AsNoTracking().ToDictionaryAsync(f => f.Id, ct);
        Assert.Equal(FactStatus.Accepted, after[good.Id].Status);
        Assert.Equal("nantong", after[good.Id].ReviewedBy);
        Assert.All(after.Values.Where(f => f.Id != good.Id), f => Assert.Equal(FactStatus.Pending, f.Status)); // below 0.8 or refused
        Assert.Contains(await _db.AuditEntries.AsNoTracking().ToListAsync(ct), a => a.User == "nantong" && a.Entity == "pending_fact");
    }

    [Fact]
    public async Task AcceptAbove_ByReviewerOfAnotherRegion_AcceptsNothingAndSaysWhy()
    {
        var ct = TestContext.Current.CancellationToken;
        await StoreTongzhouAsync();
        var result = await ExtractionStore.AcceptAboveAsync(_db, 0m, null, Actor.ReviewerOf("luzhou", new RegionCode(510500)), TimeProvider.System, ct);
        Assert.Empty(result.Accepted);
        Assert.NotEmpty(result.Refused);
        Assert.Empty(await _db.Observations.ToListAsync(ct));
    }
}
