using System.Globalization;

namespace Baiqiang.Cli.Tests.Faults;

/// <summary>
/// The standing fault suite: real <c>baiqiang import</c> processes killed with SIGKILL at seeded random moments, and
/// two or four imports of the same facts at once, on SQLite and (with BAIQIANG_TEST_PG) PostgreSQL. It asserts
/// outcomes only (all rows of a file or none, a sound store, clean exits), never timings.
/// </summary>
public sealed class ImportFaultTests
{
    public const int KillTrials = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_KilledAtRandomMoments_AllRowsOrNoneAndStoreSound(bool postgres)
    {
        await using var store = await FaultStore.CreateAsync(postgres);
        var regions = await store.RegionsAsync(400);
        Assert.NotEmpty(regions);

        // About 12,000 rows a file: long enough that a kill often lands inside the write transaction.
        var years = Math.Clamp(12_000 / (regions.Count * 12), 1, 2);
        var random = new Random(postgres ? 20_261_207 : 20_261_206);
        int killed = 0, none = 0, all = 0;
        for (var trial = 0; trial < KillTrials; trial++)
        {
            var first = 1961 + (trial * years);
            var (path, rows) = await store.WriteFileAsync($"trial-{trial:D2}.csv", regions, first, years, 100m + trial);
            using var process = CliProcess.Start("import", path, "--db", store.Db, "--lock-timeout", "300");
            var finishing = CliProcess.FinishAsync(process, Ct);
            await Task.WhenAny(finishing, Task.Delay(random.Next(200, 3_000), Ct));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                killed++;
            }

            var (exit, _, error) = await finishing;
            var stored = await store.ScalarAsync(string.Create(CultureInfo.InvariantCulture,
                $"SELECT COUNT(*) FROM observations WHERE indicator_code = 'gdp' AND is_current = TRUE AND recorded_by <> 'sample' AND period_year BETWEEN {first} AND {first + years - 1}"));
            Assert.True(stored == 0 || stored == rows, $"trial {trial}: {stored} of {rows} rows stored (exit {exit}) {error}");
            Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
            if (stored == 0)
            {
                none++;
            }
            else
            {
                all++;
            }

            await store.AssertIntegrityAsync();
        }

        TestContext.Current.SendDiagnosticMessage($"faults kill {(postgres ? "postgres" : "sqlite")}: {KillTrials} trials, {killed} killed, {none} none, {all} all, 0 partial");
        Console.WriteLine($"FAULTS kill {(postgres ? "postgres" : "sqlite")}: {KillTrials} trials, {killed} killed, {none} none stored, {all} all stored, 0 partial, 0 integrity failures");
        Assert.True(killed > 0, "no trial was killed before it finished");
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(false, 4)]
    [InlineData(true, 2)]
    [InlineData(true, 4)]
    public async Task Import_OverlappingFilesAtOnce_EachCleanAndStoreEqualsASerialOrder(bool postgres, int writers)
    {
        await using var store = await FaultStore.CreateAsync(postgres);
        var regions = await store.RegionsAsync(400);
        var years = Math.Clamp(12_000 / (regions.Count * 12), 1, 2);
        var files = new List<(string Path, int Rows)>();
        for (var i = 0; i < writers; i++)
        {
            files.Add(await store.WriteFileAsync($"meet-{i}.csv", regions, 1950, years, 200m + i));
        }

        var processes = files.Select(f => CliProcess.Start("import", f.Path, "--db", store.Db, "--lock-timeout", "300")).ToList();
        var results = await Task.WhenAll(processes.Select(p => CliProcess.FinishAsync(p, Ct)));
        foreach (var p in processes)
        {
            p.Dispose();
        }

        foreach (var (exit, _, error) in results)
        {
            Assert.True(exit is 0 or BaiqiangCommand.BusyExitCode, $"exit {exit}: {error}");
            Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            if (exit != 0)
            {
                Assert.Contains("/", error, StringComparison.Ordinal);
            }
        }

        var committed = results.Count(r => r.Exit == 0);
        Assert.True(committed >= 1);
        var rows = files[0].Rows;
        var range = string.Create(CultureInfo.InvariantCulture, $"indicator_code = 'gdp' AND recorded_by <> 'sample' AND period_year BETWEEN 1950 AND {1950 + years - 1}");

        // A serial order: every fact's current value is the last committed file's, and each committed import added one revision.
        Assert.Equal(rows, await store.ScalarAsync($"SELECT COUNT(*) FROM observations WHERE {range} AND is_current = TRUE"));
        var values = await store.ColumnAsync($"SELECT DISTINCT CAST(value AS TEXT) FROM observations WHERE {range} AND is_current = TRUE");
        var value = decimal.Parse(Assert.Single(values), CultureInfo.InvariantCulture);
        Assert.InRange(value, 200m, 200m + writers - 1);
        Assert.Equal((long)rows * committed, await store.ScalarAsync($"SELECT COUNT(*) FROM observations WHERE {range}"));
        Assert.Equal(committed, await store.ScalarAsync($"SELECT MAX(revision) FROM observations WHERE {range}"));
        await store.AssertIntegrityAsync();
        Console.WriteLine($"FAULTS meet {(postgres ? "postgres" : "sqlite")} x{writers}: {committed} committed, {writers - committed} refused, 0 unhandled");
    }
}
