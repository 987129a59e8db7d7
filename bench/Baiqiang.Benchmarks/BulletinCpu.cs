using System.Diagnostics;
using System.Globalization;

namespace Baiqiang.Benchmarks;

/// <summary>
/// `bulletin-cpu N`: reads <see cref="BulletinImportBenchmarks"/>'s workbook N times after one warm-up read and prints, for
/// each read, wall time, the process's CPU time and bytes allocated — a figure that holds on a shared machine, where
/// wall time depends on who else is running (docs/benchmarks.md, “Bulletin workbooks, streaming reader”).
/// </summary>
internal static class BulletinCpu
{
    public static async Task RunAsync(int rounds)
    {
        var bench = new BulletinImportBenchmarks();
        bench.Setup();
        try
        {
            var figures = await bench.ReadBulletinWorkbook();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up read: {figures} figures"));
            using var process = Process.GetCurrentProcess();
            for (var i = 1; i <= rounds; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var wall = Stopwatch.StartNew();
                await bench.ReadBulletinWorkbook();
                wall.Stop();
                process.Refresh();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"read {i}: wall {wall.Elapsed.TotalSeconds:F3} s, CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F3} s, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB allocated"));
            }
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
