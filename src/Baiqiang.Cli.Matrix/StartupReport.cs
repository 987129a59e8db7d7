using System.Globalization;
using System.Runtime;

namespace Baiqiang.Cli;

/// <summary>
/// <c>BAIQIANG_STARTUP_REPORT=1</c>: after the command, writes to standard error what the process loaded and compiled —
/// every loaded assembly, the methods the JIT compiled (ReadyToRun code needs none) and its time, garbage collections
/// and the process's CPU — so a slow start can be traced to its cause (docs/benchmarks.md, "rank --input whole process").
/// </summary>
public static class StartupReport
{
    public const string Variable = "BAIQIANG_STARTUP_REPORT";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    public static void Write(TextWriter error)
    {
        var cpu = Environment.CpuUsage;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"startup: cpu {cpu.TotalTime.TotalMilliseconds:0.0} ms (user {cpu.UserTime.TotalMilliseconds:0.0}, sys {cpu.PrivilegedTime.TotalMilliseconds:0.0}); "
            + $"jit {JitInfo.GetCompiledMethodCount()} methods, {JitInfo.GetCompilationTime().TotalMilliseconds:0.0} ms; "
            + $"gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        foreach (var name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").Order(StringComparer.Ordinal))
        {
            error.WriteLine("assembly: " + name);
        }
    }
}
