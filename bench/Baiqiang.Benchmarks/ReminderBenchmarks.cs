using Baiqiang.Storage;
using Baiqiang.Storage.Notifications;
using Baiqiang.Storage.Settings;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Baiqiang.Benchmarks;

/// <summary>
/// Issue 18's reminder target: the sweep over 10,000 late monthly reports in under 5 s on SQLite — 10,000 projects under
/// construction with approved reports for January–May, swept on 2022-07-10, so every June report is late (and every project
/// is behind its plan): 10,000 催报 and 10,000 预警 reminders, each a notification and a webhook delivery.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ProjectBenchConfig))]
public class ReminderSweepBenchmarks
{
    private StoreOptions _options = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var cached = await ProjectBenchData.StoreAsync(10_000, 5);
        var store = Path.Combine(Directory.CreateTempSubdirectory("baiqiang-bench-reminders-").FullName, "store.db");
        File.Copy(cached, store);
        _options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={store}");
        await BaiqiangStore.MigrateAsync(_options, CancellationToken.None); // a cache made before the notification tables
        await using var db = BaiqiangStore.Open(_options);
        await StoreSettings.SetAsync(db, StoreSettings.WebhookKey, "http://127.0.0.1:9/robot", "bench", CancellationToken.None);
    }

    [IterationSetup]
    public void Forget()
    {
        using var connection = new SqliteConnection(_options.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM notifications; DELETE FROM notification_deliveries; DELETE FROM problem_supervision_steps;";
        cmd.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup() => SqliteConnection.ClearAllPools();

    [Benchmark(Description = "reminder sweep: 10,000 late June reports (+10,000 behind plan), notifications and webhook deliveries")]
    public async Task<int> Sweep()
    {
        await using var db = BaiqiangStore.Open(_options);
        var result = await ReminderSweep.RunAsync(db, new DateOnly(2022, 7, 10), TimeProvider.System, CancellationToken.None);
        return result.CreatedByCause.GetValueOrDefault(ReminderCauses.LateReport) == 10_000 ? result.Created : throw new InvalidOperationException("expected 10,000 late reports");
    }
}
