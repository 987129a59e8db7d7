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
}
