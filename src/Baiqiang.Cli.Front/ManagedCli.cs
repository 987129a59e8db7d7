using System.Runtime.InteropServices;

namespace Baiqiang.Cli.Front;

/// <summary>
/// The managed CLI (the ReadyToRun publish of Baiqiang.Cli) installed beside the front as <c>lib/baiqiang</c>. The front
/// replaces itself with it (<c>execv</c>): same process id, argv, environment, standard streams and working directory,
/// so the command's exit code and output reach the caller untouched.
/// </summary>
internal static partial class ManagedCli
{
    /// <summary>The folder, beside the front, that holds the managed CLI's publish.</summary>
    public const string Folder = "lib";

    /// <summary>What a shell returns for a command it cannot run.</summary>
    private const int CannotRun = 127;

    public static string PathOf() => Path.Combine(AppContext.BaseDirectory, Folder, OperatingSystem.IsWindows() ? "baiqiang.exe" : "baiqiang");

    /// <summary>Runs the managed CLI with <paramref name="args"/> in this process; returns only if that fails.</summary>
    public static unsafe int Exec(string[] args)
    {
        var path = PathOf();
        var argv = new nint[args.Length + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(path);
            for (int i = 0; i < args.Length; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }

            fixed (nint* p = argv)
            {
                Execv((byte*)argv[0], (byte**)p);
            }

            var errno = Marshal.GetLastPInvokeError();
            Console.Error.WriteLine($"无法运行 {path}（errno {errno}）：请按 README 安装（托管 CLI 位于 baiqiang 旁的 {Folder}/ 目录） / cannot run {path} (errno {errno}): install as the README says (the managed CLI goes in {Folder}/ beside baiqiang)");
            return CannotRun;
        }
        finally
        {
            foreach (var a in argv)
            {
                Marshal.FreeCoTaskMem(a);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static unsafe partial int Execv(byte* path, byte** argv);
}
