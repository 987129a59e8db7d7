namespace Baiqiang.Cli.Tests;

/// <summary>Runs the real `baiqiang` command tree in-process against one store, capturing what it prints.</summary>
internal sealed class CliRunner(string db)
{
    public string Db { get; } = db;

    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await BaiqiangCommand.RunAsync([.. args, "--db", Db], output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task<string> OkAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"baiqiang {string.Join(' ', args)} exited {exit}: {error}");
        return output;
    }
}

/// <summary>A SQLite store in a temp folder, deleted afterwards.</summary>
public sealed class TempStore : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("baiqiang-cli-").FullName;

    public string Path => System.IO.Path.Combine(_dir, "store.db");

    public string File(string name) => System.IO.Path.Combine(_dir, name);

    public void Dispose()
    {
        // This store's pool only: clearing every pool races with other tests' commands opening their own stores.
        Baiqiang.Storage.BaiqiangStore.ReleaseSqlitePool(Baiqiang.Storage.BaiqiangStore.Resolve(Path, null));
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
