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
        if (Environment.GetEnvironmentVariable("BAIQIANG_PHASES_DETAIL") == "1")
        {
            await using (var probe = BaiqiangStore.Open(options))
            {
                Report("  new context", sw);
                var m = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(probe.Database).Count();
                Report($"  {m} migrations listed", sw);
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.OpenConnectionAsync(probe.Database, CancellationToken.None);
                Report("  connection open", sw);
            }
        }

        await BaiqiangStore.MigrateAsync(options, CancellationToken.None);
        Report("migration check", sw);
        await using var context = BaiqiangStore.Open(options);
        await Baiqiang.Storage.Indicators.IndicatorStore.SeedCatalogueAsync(context, CancellationToken.None);
        Report("open + catalogue check (EF model build)", sw);
        var lookups = await StoreLookups.LoadAsync(context, CancellationToken.None);
        Report("lookups", sw);
        if (Environment.GetEnvironmentVariable("BAIQIANG_PHASES_SEQUENTIAL") == "1")
        {
            var result = await new ObservationFileReader().ReadAsync(file, lookups, new ImportOptions(), CancellationToken.None);
            Report($"read+validate {result.Records.Count} rows", sw);
            var summary = await ObservationWriter.WriteAsync(context, result.Records, "bench", TimeProvider.System, CancellationToken.None);
            Report($"write {summary}", sw);
        }
        else
        {
            var stored = await ObservationImport.ReadAndStoreAsync(context, file, lookups, new ImportOptions(), "bench", TimeProvider.System, CancellationToken.None);
            Report($"read+validate {stored.Read.Records.Count} rows overlapped with write {stored.Written}", sw);
        }
    }

    private static TimeSpan _cpu;

    /// <summary>Prints the phase's wall time and this process's CPU time (user + system) for it: on a loaded machine the
    /// CPU figure is the steadier one.</summary>
    private static void Report(string phase, Stopwatch sw)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"{phase}: {sw.Elapsed.TotalSeconds:F2} s (cpu {(cpu - _cpu).TotalSeconds:F2} s)");
        _cpu = cpu;
        sw.Restart();
    }
}
