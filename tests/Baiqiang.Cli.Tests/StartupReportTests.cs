using System.Diagnostics;

namespace Baiqiang.Cli.Tests;

/// <summary>
/// <c>baiqiang rank --input</c> and <c>baiqiang weights</c> run as their own process (the apphost built beside the tests),
/// with <c>BAIQIANG_STARTUP_REPORT=1</c>: they load no store, EF Core, database driver or web assembly.
/// </summary>
public sealed class StartupReportTests
{
    private static readonly string[] StoreOrWeb = ["Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "SQLitePCL", "Npgsql", "Microsoft.AspNetCore", "MiniExcel", "DocumentFormat.OpenXml"];

    [Theory]
    [InlineData("rank", "--method topsis --weights-method entropy", "unit,score,rank")]
    [InlineData("weights", "--method entropy", "indicator,weight")]
    public async Task MatrixCommand_OwnProcess_LoadsNoStoreEfCoreOrWebAssembly(string command, string options, string header)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = new TempStore();
        var matrix = store.File("m.csv");
        await File.WriteAllTextAsync(matrix, "地区,价格,质量\n甲县,1,3000\n乙县,2,3750\n丙县,5,4500\n", ct);

        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "baiqiang.exe" : "baiqiang"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(command);
        start.ArgumentList.Add("--input");
        start.ArgumentList.Add(matrix);
        foreach (var o in options.Split(' '))
        {
            start.ArgumentList.Add(o);
        }

        start.ArgumentList.Add("--directions");
        start.ArgumentList.Add("-,+");
        start.Environment[StartupReport.Variable] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var (output, report) = (await stdout, await stderr);

        Assert.True(process.ExitCode == 0, report);
        Assert.StartsWith(header + "\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(command == "rank" ? "甲县," : "价格,", output, StringComparison.Ordinal);
        Assert.Matches(@"startup: cpu [0-9.]+ ms \(user [0-9.]+, sys [0-9.]+\); jit [0-9]+ methods", report);
        var assemblies = report.Split('\n', StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("assembly: ", StringComparison.Ordinal)).Select(l => l["assembly: ".Length..]).ToList();
        Assert.Contains("Baiqiang.Core", assemblies);
        Assert.Contains("System.CommandLine", assemblies);
        Assert.DoesNotContain(assemblies, a => StoreOrWeb.Any(s => a.StartsWith(s, StringComparison.Ordinal)));
    }
}
