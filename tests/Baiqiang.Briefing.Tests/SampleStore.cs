using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Sample;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Briefing.Tests;

/// <summary>A temp SQLite store with the built-in sample (通州区 2023 上半年 among others), private to one test.</summary>
internal sealed class SampleStore : IAsyncDisposable
{
    public static readonly RegionCode Tongzhou = new(320612);
    public static readonly StatPeriod H1of2023 = StatPeriod.CumulativeTo(2023, 6);

    private readonly string _folder = Directory.CreateTempSubdirectory("baiqiang-briefing-").FullName;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2023, 7, 28, 0, 0, 0, TimeSpan.Zero));

    public StoreOptions Options => BaiqiangStore.Resolve(Path.Combine(_folder, "store.db"), null);

    public string Folder => _folder;

    public BaiqiangDbContext Db { get; private set; } = null!;

    public static async Task<SampleStore> CreateAsync()
    {
        var store = new SampleStore();
        var ct = TestContext.Current.CancellationToken;
        await BaiqiangStore.MigrateAsync(store.Options, ct);
        store.Db = BaiqiangStore.Open(store.Options);
        store.Db.Clock = store.Clock;
        await IndicatorStore.SeedCatalogueAsync(store.Db, ct);
        await SampleLoader.LoadAsync(store.Db, store.Clock, ct);
        store.Db.ChangeTracker.Clear();
        return store;
    }

    public BriefingOptions Options_(string language = "zh") => new() { Language = language, Clock = Clock };

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
