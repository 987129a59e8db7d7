using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Baiqiang.Cli.Tests;

/// <summary>
/// Publishes the Native AOT front (src/Baiqiang.Cli.Front) once per test run, in two layouts: <c>alone/baiqiang</c>
/// (no managed CLI beside it, so anything it hands on fails with exit code 127) and <c>installed/baiqiang</c> with
/// <c>installed/lib</c> pointing at the managed CLI built beside these tests — the layout the README installs.
/// </summary>
public sealed class AotFrontFixture : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("baiqiang-front-").FullName;

    /// <summary>The managed CLI's apphost built beside the tests (what <c>lib/baiqiang</c> is in an installation).</summary>
    public static string Managed => Path.Combine(AppContext.BaseDirectory, "baiqiang");

    public string Alone => Path.Combine(_dir, "alone", "baiqiang");

    public string Installed => Path.Combine(_dir, "installed", "baiqiang");

    public string? Failure { get; private set; }

    /// <summary>The informational version of the CLI built beside the tests (what its <c>--version</c> prints).</summary>
    public static string ManagedVersion => typeof(BaiqiangCommand).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;

    public async ValueTask InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            Failure = "the front execs the managed CLI with execv; Linux only";
            return;
        }

        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Baiqiang.slnx")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))
                   ?? throw new InvalidOperationException("Baiqiang.slnx not found above " + AppContext.BaseDirectory);
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var a in new[]
                 {
                     "publish", Path.Combine(root, "src", "Baiqiang.Cli.Front"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "-p:PublishManagedCli=false", "-o", Path.GetDirectoryName(Alone)!, "-nologo",

                     // An installation publishes both programs from one commit; these tests pair the front with the CLI
                     // built beside them, possibly at an earlier commit, so the front is given that build's version.
                     "-p:IncludeSourceRevisionInInformationalVersion=false", "-p:InformationalVersion=" + ManagedVersion,
                 })
        {
            start.ArgumentList.Add(a);
        }

        // The test host may run inside an MSBuild invocation: the publish must not inherit its node settings.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        await publish.WaitForExitAsync(timeout.Token);
        if (publish.ExitCode != 0 || !File.Exists(Alone))
        {
            Failure = $"dotnet publish of the front exited {publish.ExitCode}:\n{await stdout}\n{await stderr}";
            return;
        }

        var installed = Path.GetDirectoryName(Installed)!;
        Directory.CreateDirectory(installed);
        File.Copy(Alone, Installed);
        Directory.CreateSymbolicLink(Path.Combine(installed, "lib"), AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The installed <c>baiqiang</c> is the Native AOT front: <c>rank --input</c>, <c>weights</c> and <c>--version</c> run in
/// it and print exactly what the managed CLI prints (bytes, exit code, bilingual errors); every other command line
/// reaches the managed CLI untouched.
/// </summary>
public sealed class AotFrontTests(AotFrontFixture front) : IClassFixture<AotFrontFixture>
{
    // Unit names that exercise the CSV field rules (comma, quote, formula-like) and Chinese text.
    private const string Matrix =
        "地区,价格,质量,投资\n甲县,1,3000,12.5\n乙县,2,3750,8\n\"丙县,北\",5,4500,20.25\n=SUM(A1),3,4100,15\n\"说\"\"好\"\"\",4,3900,9.75\n";

    private sealed record Run(int Exit, byte[] Out, byte[] Err)
    {
        public string Text => Encoding.UTF8.GetString(Out);

        public string ErrText => Encoding.UTF8.GetString(Err);
    }

    private static async Task<Run> RunAsync(string exe, string cwd, params string[] args)
    {
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = cwd,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("BAIQIANG_DB");
        using var process = Process.Start(start)!;
        using var o = new MemoryStream();
        using var e = new MemoryStream();
        var ct = TestContext.Current.CancellationToken;
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(o, ct);
        var copyErr = process.StandardError.BaseStream.CopyToAsync(e, ct);
        await process.WaitForExitAsync(ct);
        await Task.WhenAll(copyOut, copyErr);
        return new Run(process.ExitCode, o.ToArray(), e.ToArray());
    }

    private string Ready()
    {
        if (front.Failure is { } why)
        {
            Assert.Fail(why);
        }

        return Path.GetDirectoryName(front.Alone)!;
    }

    private static async Task<string> WriteAsync(TempStore store, string name, string text, Encoding? encoding = null)
    {
        var path = store.File(name);
        await File.WriteAllTextAsync(path, text, encoding ?? new UTF8Encoding(false), TestContext.Current.CancellationToken);
        return path;
    }

    private static void AssertSame(Run managed, Run aot)
    {
        Assert.Equal(managed.ErrText, aot.ErrText);
        Assert.Equal(managed.Text, aot.Text);
        Assert.Equal(managed.Exit, aot.Exit);
        Assert.Equal(managed.Out, aot.Out);
        Assert.Equal(managed.Err, aot.Err);
    }

    [Theory]
    [InlineData("rank --method topsis --weights-method entropy --directions -,+,+")]
    [InlineData("rank --method topsis-vector --weights-method critic --directions -,+,-")]
    [InlineData("rank --method vikor --weights-method entropy-minmax --directions -,+,+")]
    [InlineData("rank --method copeland --weights-method std")]
    [InlineData("rank --method=wsm --weights-method pca --directions=+,+,-")]
    [InlineData("rank")]
    [InlineData("weights --method entropy")]
    [InlineData("weights --method critic --directions -,+,+")]
    [InlineData("weights --method equal")]
    public async Task MatrixCommand_FrontAlone_PrintsTheManagedCliBytes(string command)
    {
        var dir = Ready();
        using var store = new TempStore();
        var m = await WriteAsync(store, "m.csv", Matrix);
        var parts = command.Split(' ');
        string[] args = [parts[0], "--input", m, .. parts[1..]];

        var managed = await RunAsync(AotFrontFixture.Managed, dir, args);
        var aot = await RunAsync(front.Alone, dir, args);

        Assert.Equal(0, managed.Exit);
        Assert.Contains(parts[0] == "rank" ? "\"丙县,北\"," : "投资,", managed.Text, StringComparison.Ordinal);
        AssertSame(managed, aot);
    }

    [Theory]
    [InlineData("rank --method topsis --weights-method entropy")]
    [InlineData("rank --method vikor --weights-method critic")]
    [InlineData("weights --method critic")]
    public async Task MatrixCommand_LargeMatrix_FrontAlone_PrintsTheManagedCliBytes(string command)
    {
        // Wide enough for the vectorised sums: a front compiled for another vector width rounds the 12th decimal apart.
        var dir = Ready();
        using var store = new TempStore();
        var text = new System.Text.StringBuilder("unit");
        for (int j = 0; j < 30; j++)
        {
            text.Append(",c").Append(j.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        ulong state = 42;
        for (int i = 0; i < 1500; i++)
        {
            text.Append("\nu").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (int j = 0; j < 30; j++)
            {
                state = (state * 6364136223846793005UL) + 1442695040888963407UL;
                double v = 1 + ((state >> 11) * (1.0 / (1UL << 53)) * 1000);
                text.Append(',').Append(v.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var m = await WriteAsync(store, "large.csv", text.ToString());
        var parts = command.Split(' ');
        var directions = string.Join(',', Enumerable.Range(0, 30).Select(j => j % 5 == 4 ? "-" : "+"));
        string[] args = [parts[0], "--input", m, .. parts[1..], "--directions", directions];

        var managed = await RunAsync(AotFrontFixture.Managed, dir, args);
        var aot = await RunAsync(front.Alone, dir, args);

        Assert.Equal(0, managed.Exit);
        Assert.True(managed.Out.Length > 300, "a header and one line per indicator or unit");
        AssertSame(managed, aot);
    }

    [Fact]
    public async Task RankWithWeightsFile_Gb18030Matrix_FrontAlone_PrintsTheManagedCliBytes()
    {
        var dir = Ready();
        using var store = new TempStore();
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var m = await WriteAsync(store, "gbk.csv", Matrix.Replace(',', '\t'), Encoding.GetEncoding("GB18030"));
        var w = await WriteAsync(store, "w.csv", "indicator,weight\n价格,0.5\n质量,0.3\n投资,0.2\n");
        string[] args = ["rank", "--input", m, "--weights", w, "--directions", "-,+,+"];

        var managed = await RunAsync(AotFrontFixture.Managed, dir, args);
        var aot = await RunAsync(front.Alone, dir, args);

        Assert.Equal(0, managed.Exit);
        Assert.Contains("甲县,", managed.Text, StringComparison.Ordinal);
        AssertSame(managed, aot);
    }

    [Theory]
    [InlineData("rank --directions +", 1, "方向个数")]
    [InlineData("rank --weights-method entropy --weights w.csv", 2, "只能选一个")]
    [InlineData("rank --weights missing.csv", 1, "找不到权重文件")]
    [InlineData("weights --method entropy --directions +,x,+", 1, "无效")]
    [InlineData("bad", 1, "不是数值")]
    [InlineData("missing", 1, "找不到文件")]
    public async Task MatrixCommandError_FrontAlone_PrintsTheSameBilingualMessageAndExitCode(string command, int exit, string zh)
    {
        var dir = Ready();
        using var store = new TempStore();
        var m = await WriteAsync(store, "m.csv", Matrix);
        await WriteAsync(store, "w.csv", "indicator,weight\n价格,1\n");
        var bad = await WriteAsync(store, "bad.csv", "地区,价格\n甲县,1\n乙县,二\n");
        var parts = command.Split(' ');
        string[] args = parts[0] switch
        {
            "bad" => ["rank", "--input", bad],
            "missing" => ["weights", "--input", store.File("不存在 的矩阵.csv"), "--method", "equal"],
            _ => [parts[0], "--input", m, .. parts[1..].Select(p => p.EndsWith(".csv", StringComparison.Ordinal) ? store.File(p) : p)],
        };

        var managed = await RunAsync(AotFrontFixture.Managed, dir, args);
        var aot = await RunAsync(front.Alone, dir, args);

        Assert.Equal(exit, managed.Exit);
        Assert.Contains(zh, managed.ErrText, StringComparison.Ordinal);
        Assert.Contains(" / ", managed.ErrText, StringComparison.Ordinal);
        Assert.Empty(managed.Out);
        AssertSame(managed, aot);
    }

    [Fact]
    public async Task Version_FrontAlone_PrintsTheManagedCliVersion()
    {
        var dir = Ready();

        var managed = await RunAsync(AotFrontFixture.Managed, dir, "--version");
        var aot = await RunAsync(front.Alone, dir, "--version");

        Assert.Equal(0, managed.Exit);
        Assert.Equal(AotFrontFixture.ManagedVersion + "\n", managed.Text);
        AssertSame(managed, aot);
    }

    [Theory]
    [InlineData("init")]
    [InlineData("series")]
    [InlineData("help")]
    [InlineData("parse-error")]
    [InlineData("rank-store")]
    public async Task OtherCommand_Installed_PassesThroughToTheManagedCli(string kind)
    {
        var dir = Ready();
        using var store = new TempStore();
        var folder = Directory.CreateDirectory(store.File("含 空格 的 目录")).FullName;
        var db = Path.Combine(folder, "库 文件.db");
        var m = await WriteAsync(store, "m.csv", Matrix);
        string[] args = kind switch
        {
            "init" => ["init", "--db", db],
            "series" => ["series", "不存在 的地区", "地区 生产总值", "--db", db],
            "help" => ["rank", "--help"],
            "parse-error" => ["rank", "--input", m, "--method", "不存在"],
            _ => ["rank", "--framework", "top100-illustration", "--db", db],
        };
        if (kind == "series")
        {
            Assert.Equal(0, (await RunAsync(AotFrontFixture.Managed, dir, "init", "--db", db)).Exit);
        }

        var managed = await RunAsync(AotFrontFixture.Managed, dir, args);
        if (kind == "init")
        {
            foreach (var f in Directory.GetFiles(folder))
            {
                File.Delete(f);
            }
        }

        var installed = await RunAsync(front.Installed, dir, args);
        var alone = await RunAsync(front.Alone, dir, args);

        AssertSame(managed, installed);
        Assert.True(managed.Out.Length + managed.Err.Length > 0);
        Assert.Equal(kind is "init" or "help", managed.Exit == 0);
        if (kind == "init")
        {
            Assert.True(File.Exists(db), "the managed CLI behind the front created the store at the path with spaces and Chinese");
        }

        // The front alone has no managed CLI to hand these to: proof that the installed front did not run them itself.
        Assert.Equal(127, alone.Exit);
        Assert.Contains("lib/", alone.ErrText, StringComparison.Ordinal);
        Assert.Empty(alone.Out);
    }
}
