using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Baiqiang.Cli.Tests.Faults;

/// <summary>The built <c>baiqiang</c> command run as a separate process (so it can be killed with SIGKILL).</summary>
internal static class CliProcess
{
    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "baiqiang.exe" : "baiqiang");

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("cannot start " + Executable);
    }

    /// <summary>Waits for the process, draining both pipes; returns its exit code and what it printed.</summary>
    public static async Task<(int Exit, string Out, string Err)> FinishAsync(Process p, CancellationToken ct)
    {
        var output = p.StandardOutput.ReadToEndAsync(ct);
        var error = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        return (p.ExitCode, await output, await error);
    }
}

/// <summary>A store (SQLite file or PostgreSQL database) for fault trials, with the checks the trials make.</summary>
internal sealed class FaultStore : IAsyncDisposable
{
    private readonly string? _admin;
    private readonly string? _database;
    private readonly string _folder = Directory.CreateTempSubdirectory("baiqiang-faults-").FullName;

    private FaultStore(bool postgres, string? admin)
    {
        IsPostgres = postgres;
        _admin = admin;
        if (postgres)
        {
            _database = "bq_faults_" + Guid.NewGuid().ToString("N")[..12];
            Db = new NpgsqlConnectionStringBuilder(admin) { Database = _database }.ConnectionString;
        }
        else
        {
            Db = Path.Combine(_folder, "store.db");
        }
    }

    public bool IsPostgres { get; }

    /// <summary>The <c>--db</c> value.</summary>
    public string Db { get; }

    public string File(string name) => Path.Combine(_folder, name);

    /// <summary>A store with the sample loaded; PostgreSQL only when BAIQIANG_TEST_PG is set (required when CI=true).</summary>
    public static async Task<FaultStore> CreateAsync(bool postgres)
    {
        string? admin = null;
        if (postgres)
        {
            admin = Environment.GetEnvironmentVariable("BAIQIANG_TEST_PG");
            if (string.IsNullOrEmpty(admin))
            {
                Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
                Assert.Skip("BAIQIANG_TEST_PG is not set: PostgreSQL fault trials skipped locally");
            }
        }

        var store = new FaultStore(postgres, admin);
        await new CliRunner(store.Db).OkAsync("sample");
        return store;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            list.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return list;
    }

    /// <summary>Regions facts can be imported for (up to <paramref name="max"/>).</summary>
    public Task<List<string>> RegionsAsync(int max) =>
        ColumnAsync($"SELECT code FROM regions WHERE valid_to IS NULL AND code IN (SELECT DISTINCT region_code FROM observations WHERE indicator_code = 'gdp') ORDER BY code LIMIT {max}");

    /// <summary>The store is sound: SQLite's integrity check passes, every fact has at most one current revision, and the
    /// observations table has its three secondary indexes (a killed bulk load drops and rebuilds them in its transaction).</summary>
    public async Task AssertIntegrityAsync()
    {
        if (!IsPostgres)
        {
            Assert.Equal(["ok"], await ColumnAsync("PRAGMA integrity_check"));
        }

        Assert.Equal(0, await ScalarAsync(
            "SELECT COUNT(*) FROM (SELECT region_code, indicator_code, period FROM observations WHERE is_current = TRUE GROUP BY region_code, indicator_code, period HAVING COUNT(*) > 1) d"));
        Assert.Equal(3, await ScalarAsync(IsPostgres
            ? "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'observations' AND indexname <> 'pk_observations'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL"));
    }

    /// <summary>A long-layout file of gdp for every region × every month of <paramref name="firstYear"/>…+<paramref name="years"/>−1.</summary>
    public async Task<(string Path, int Rows)> WriteFileAsync(string name, IReadOnlyList<string> regions, int firstYear, int years, decimal value)
    {
        var sb = new StringBuilder("region,indicator,period,value,unit,growth\n");
        var rows = 0;
        foreach (var region in regions)
        {
            for (var y = firstYear; y < firstYear + years; y++)
            {
                for (var m = 1; m <= 12; m++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{region},gdp,{y:D4}-{m:D2},{value},亿元,\n");
                    rows++;
                }
            }
        }

        var path = File(name);
        await System.IO.File.WriteAllTextAsync(path, sb.ToString(), TestContext.Current.CancellationToken);
        return (path, rows);
    }

    private DbConnection Connect() => IsPostgres ? new NpgsqlConnection(Db) : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Db, Pooling = false }.ToString());

    public async ValueTask DisposeAsync()
    {
        if (!IsPostgres)
        {
            Baiqiang.Storage.BaiqiangStore.ReleaseSqlitePool(Baiqiang.Storage.BaiqiangStore.Resolve(Db, null));
        }

        if (IsPostgres && _admin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
