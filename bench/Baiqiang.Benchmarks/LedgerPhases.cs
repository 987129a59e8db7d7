using System.Diagnostics;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;

namespace Baiqiang.Benchmarks;

/// <summary>`ledger-phases`: builds (or reuses) the 100,000-project store and times the ledger's phases with a Stopwatch, for finding where the time goes.</summary>
public static class LedgerPhases
{
    public static async Task RunAsync()
    {
        var sw = Stopwatch.StartNew();
        var path = await ProjectBenchData.StoreAsync(100_000, 12);
        Report("store ready", sw);
        var options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={path}");
        var year = StatPeriod.ForYear(2022);
        for (var round = 1; round <= 3; round++)
        {
            Console.WriteLine($"-- round {round}");
            await using (var db = BaiqiangStore.Open(options))
            {
                var (projects, reports) = await ProjectLedgerQuery.LoadLightAsync(db, year, null, CancellationToken.None);
                Report($"light load (EF): {projects.Count} projects, {reports.Count} reports", sw);
                var rows = Ledger.Consolidate(projects, reports, year, LedgerGrouping.Region).Rows.Count;
                Report($"consolidate by region from Project objects ({rows} rows)", sw);
            }

            foreach (var period in new[] { year, StatPeriod.ForQuarter(2022, 3) })
            {
                await using var db = BaiqiangStore.Open(options);
                var figures = await ProjectLedgerQuery.LoadFiguresAsync(db, period, null, CancellationToken.None);
                Report($"{period}: flat figures (data reader): {figures.Count} projects", sw);
                var rows = Ledger.Consolidate(figures, period, LedgerGrouping.Region).Rows.Count;
                Report($"{period}: consolidate by region from figures ({rows} rows)", sw);
                rows = Ledger.Consolidate(figures, period, LedgerGrouping.Project).Rows.Count;
                Report($"{period}: consolidate by project from figures ({rows} rows)", sw);
                var views = await ProjectLedgerQuery.LedgerAsync(db, period, Enum.GetValues<LedgerGrouping>(), null, CancellationToken.None);
                Report($"{period}: LedgerAsync, all {views.Count} views", sw);
            }
        }
    }

    private static TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    // Wall time and this process's CPU time: on a loaded machine the CPU time is the steadier figure.
    private static void Report(string phase, Stopwatch sw)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"{phase}: {sw.Elapsed.TotalSeconds:F3} s wall, {(cpu - _cpu).TotalSeconds:F3} s CPU");
        _cpu = cpu;
        sw.Restart();
    }
}

/// <summary>`form-phases N`: the 10,000-row monthly-form import of <see cref="ProjectFileBenchmarks"/>, N times with a Stopwatch (for a profiler to attach to).</summary>
public static class FormPhases
{
    public static async Task RunAsync(int times)
    {
        var bench = new ProjectFileBenchmarks();
        var sw = Stopwatch.StartNew();
        await bench.SetupAsync();
        Console.WriteLine($"setup: {sw.Elapsed.TotalSeconds:F3} s");
        try
        {
            var (form, options) = bench.Files;
            for (var i = 0; i < times; i++)
            {
                bench.RemoveJuly();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                sw.Restart();
                await using (var db = BaiqiangStore.Open(options))
                {
                    var dry = await ProjectFileImporter.ImportAsync(db, form, new ProjectImportOptions(Approve: true, DryRun: true), Baiqiang.Core.Access.Actor.LocalAdmin("bench"), CancellationToken.None);
                    Console.WriteLine($"dry run {i + 1} (read + validate, {dry.Added} rows): {sw.Elapsed.TotalSeconds:F3} s, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB");
                }

                allocated = GC.GetTotalAllocatedBytes(precise: true);
                sw.Restart();
                var cells = CountCells(form);

                Console.WriteLine($"MiniExcel query only {i + 1} ({cells} cells): {sw.Elapsed.TotalSeconds:F3} s, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB");
                allocated = GC.GetTotalAllocatedBytes(precise: true);
                sw.Restart();
                var added = await bench.ImportForm();
                Console.WriteLine($"import {i + 1}: {added} reports in {sw.Elapsed.TotalSeconds:F3} s, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB");
                sw.Restart();
                var length = await bench.ExportXlsx();
                Console.WriteLine($"export {i + 1}: {length} bytes in {sw.Elapsed.TotalSeconds:F3} s");
            }
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static int CountCells(string form)
    {
        var cells = 0;
        using var f = File.OpenRead(form);
        foreach (var row in MiniExcelLibs.MiniExcel.Query(f, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX))
        {
            cells += ((IDictionary<string, object?>)row).Count;
        }

        return cells;
    }
}
