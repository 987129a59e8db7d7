using System.Diagnostics;
using Baiqiang.Storage;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;

namespace Baiqiang.Benchmarks;

/// <summary>`phases FILE DB`: times an import's phases (open, lookups, read+validate, write) in one process.</summary>
public static class ImportPhases
{
    public static async Task RunAsync(string file, string db)
    {
        var sw = Stopwatch.StartNew();
        var options = BaiqiangStore.Resolve(db);
        await BaiqiangStore.MigrateAsync(options, CancellationToken.None);
        await using var context = BaiqiangStore.Open(options);
        Report("open+migrate", sw);
        var lookups = await StoreLookups.LoadAsync(context, CancellationToken.None);
        Report("lookups", sw);
        var result = await new ObservationFileReader().ReadAsync(file, lookups, new ImportOptions(), CancellationToken.None);
        Report($"read+validate {result.Records.Count} rows", sw);
        var summary = await ObservationWriter.WriteAsync(context, result.Records, "bench", TimeProvider.System, CancellationToken.None);
        Report($"write {summary}", sw);
    }

    private static void Report(string phase, Stopwatch sw)
    {
        Console.WriteLine($"{phase}: {sw.Elapsed.TotalSeconds:F2} s");
        sw.Restart();
    }
}
