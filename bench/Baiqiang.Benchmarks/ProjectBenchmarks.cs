using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;

namespace Baiqiang.Benchmarks;

/// <summary>Builds SQLite stores of synthetic key projects with raw prepared inserts (one transaction), cached in the temp folder.</summary>
internal static class ProjectBenchData
{
    private static readonly int[] Counties = [510502, 510503, 510504, 510521, 510522, 510524, 510525, 360123, 320612, 320583];

    /// <summary>A migrated store with <paramref name="projects"/> projects, a 2022 plan each, and approved reports for months 1..<paramref name="months"/>.</summary>
    public static async Task<string> StoreAsync(int projects, int months)
    {
        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"baiqiang-bench-projects-{projects}x{months}.db"));
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + ".building";
        File.Delete(building);
        var options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={building}");
        await BaiqiangStore.MigrateAsync(options, CancellationToken.None);
        await InsertAsync(building, projects, months);
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return path;
    }

    /// <summary>
    /// Adds <paramref name="projects"/> generated projects (codes B0000001…, a 2022 plan each, approved reports for months
    /// 1..<paramref name="months"/>) to an existing migrated SQLite store, e.g. the web benchmark's store.
    /// </summary>
    public static async Task InsertAsync(string path, int projects, int months)
    {
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            var p = Command(connection, tx, "projects",
                ["id", "region_code", "code", "name", "category", "industry_chain", "kind", "owner_enterprise", "construction_content", "total_investment",
                 "tags", "leader", "lead_department", "work_group", "initial_status", "status", "status_since"]);
            var plan = Command(connection, tx, "project_plans", ["id", "region_code", "project_id", "project_code", "year", "amount"]);
            var report = Command(connection, tx, "monthly_reports",
                ["region_code", "project_id", "project_code", "year", "month", "revision", "completed_this_month", "cumulative_this_year",
                 "previous_cumulative", "progress", "problems", "state", "reviewer", "is_current"]);
            // Ids continue after what the store already holds (the sample's projects in the web benchmark's store).
            long MaxId(string table)
            {
                using var max = connection.CreateCommand();
                max.Transaction = tx;
                max.CommandText = $"SELECT COALESCE(MAX(id), 0) FROM {table}";
                return Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            var projectBase = MaxId("projects");
            var planBase = MaxId("project_plans");
            string[] departments = ["发改局", "经信局", "住建局", "交通局", "商务局"];
            string[] leaders = ["张副县长", "李副县长", "王副县长", "赵副县长"];
            for (var i = 1; i <= projects; i++)
            {
                var region = Region(i);
                var code = string.Create(CultureInfo.InvariantCulture, $"B{i:D7}");
                var planWan = 1000m + (i % 997);
                Run(p, projectBase + i, region, code, "项目" + code, (i % 5) + 1, i % 4 == 0 ? "电子信息" : null, (i % 4) + 1, "业主", "建设内容", planWan * 4,
                    i % 3 == 0 ? "省重点|市重点" : "市重点", leaders[i % leaders.Length], departments[i % departments.Length], "", 4, 4, "2021-12-01");
                Run(plan, planBase + i, region, projectBase + i, code, 2022, planWan);
                var cumulative = 0m;
                for (var m = 1; m <= months; m++)
                {
                    var amount = (planWan / 12m) - (i % 7);
                    amount = decimal.Round(amount, 2);
                    Run(report, region, projectBase + i, code, 2022, m, 0, amount, cumulative + amount, cumulative, "施工中", "", 3, "审核", 1);
                    cumulative += amount;
                }
            }

            await tx.CommitAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    public static int Region(int i) => i % 20 < 10 ? Counties[i % 10] : (Counties[i % 10] * 1000) + 401 + (i % 7);

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string table, string[] columns)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {table} ({string.Join(',', columns)}) VALUES ({string.Join(',', columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < columns.Length; i++)
        {
            cmd.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        cmd.Prepare();
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                var v => v,
            };
        }

        cmd.ExecuteNonQuery();
    }
}

/// <summary>
/// One in-process job (no separate build: on the shared 2-core machine a generated project's build times out),
/// 1 warm-up and 3 measured iterations of one invocation each — every operation here takes 0.1–5 s.
/// </summary>
public sealed class ProjectBenchConfig : ManualConfig
{
    // In process, so the generated store is made once; a 30-minute timeout, because building a 100,000-project store on a
    // loaded machine outlasts the toolchain's default and the run was abandoned (2026-12-07).
    public ProjectBenchConfig() => AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1));
}

/// <summary>
/// Issue 3's ledger target: consolidating 100,000 projects × 12 approved monthly reports into the ledger views in
/// under 2 s on SQLite, within 2× of a hand-written SQL GROUP BY over the same rows.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ProjectBenchConfig))]
public class ProjectLedgerBenchmarks
{
    private StoreOptions _options = null!;
    private readonly StatPeriod _year = StatPeriod.ForYear(2022);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var path = await ProjectBenchData.StoreAsync(100_000, 12);
        _options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={path}");
    }

    [Benchmark(Description = "ledger by region: 100k projects × 12 reports (store query + Core consolidation)")]
    public async Task<int> LedgerByRegion()
    {
        await using var db = BaiqiangStore.Open(_options);
        return (await ProjectLedgerQuery.LedgerAsync(db, _year, LedgerGrouping.Region, null, CancellationToken.None)).Report.Rows.Count;
    }

    [Benchmark(Description = "ledger by project: 100k rows")]
    public async Task<int> LedgerByProject()
    {
        await using var db = BaiqiangStore.Open(_options);
        return (await ProjectLedgerQuery.LedgerAsync(db, _year, LedgerGrouping.Project, null, CancellationToken.None)).Report.Rows.Count;
    }

    [Benchmark(Description = "all 8 ledger views (read once, consolidate 8 ways)")]
    public async Task<int> AllViews()
    {
        await using var db = BaiqiangStore.Open(_options);
        var views = await ProjectLedgerQuery.LedgerAsync(db, _year, Enum.GetValues<LedgerGrouping>(), null, CancellationToken.None);
        return views.Sum(v => v.Report.Rows.Count);
    }

    [Benchmark(Description = "before: EF light load (Project objects) + Core consolidation by region")]
    public async Task<int> EfLightByRegion()
    {
        await using var db = BaiqiangStore.Open(_options);
        var (projects, reports) = await ProjectLedgerQuery.LoadLightAsync(db, _year, null, CancellationToken.None);
        return Ledger.Consolidate(projects, reports, _year, LedgerGrouping.Region).Rows.Count;
    }

    // The hand-written baselines compute what the ledger by region computes, for the same period (2022, months 1–12):
    // per region the project count, the count in each status, Σ总投资, Σ the year's plan, Σ the cumulative of the current
    // report of the latest month ≤ 12 (0 when none), and the transitions to 开工 (3) / 竣工 (5) dated in the year. SQLite
    // has no decimal type, so its sums are binary floating point (TOTAL()), which the ledger may not use; the baselines
    // show what the database alone costs, not an exact result.
    private const string HandSqlTail = """
        TOTAL(c.ns), TOTAL(c.cp)
        FROM projects p
        LEFT JOIN project_plans pl ON pl.region_code = p.region_code AND pl.project_id = p.id AND pl.year = 2022
        LEFT JOIN (SELECT project_id, SUM("to" = 3) AS ns, SUM("to" = 5) AS cp FROM project_status_changes
                   WHERE "on" >= '2022-01-01' AND "on" <= '2022-12-31' GROUP BY project_id) c ON c.project_id = p.id
        """;

    private const string HandSqlHead = """
        SELECT p.region_code, COUNT(*), SUM(p.status = 1), SUM(p.status = 2), SUM(p.status = 3), SUM(p.status = 4), SUM(p.status = 5),
               SUM(p.status = 6), SUM(p.status = 7), SUM(p.status = 8), TOTAL(p.total_investment), TOTAL(pl.amount),
        """;

    [Benchmark(Baseline = true, Description = "hand-written SQL by region, latest month by GROUP BY (SQLite's MAX() bare column)")]
    public Task<int> HandSqlByRegion() => HandSqlAsync(HandSqlHead + " TOTAL(l.cum), " + HandSqlTail + """
         LEFT JOIN (SELECT project_id, MAX(month), cumulative_this_year AS cum FROM monthly_reports
                    WHERE is_current = 1 AND year = 2022 AND month <= 12 GROUP BY project_id) l ON l.project_id = p.id
        GROUP BY p.region_code
        """);

    [Benchmark(Description = "hand-written SQL by region, latest month by an index seek per project")]
    public Task<int> HandSqlByRegionSeek() => HandSqlAsync(HandSqlHead + """
         TOTAL((SELECT r.cumulative_this_year FROM monthly_reports r WHERE r.region_code = p.region_code AND r.project_id = p.id
                AND r.year = 2022 AND r.month <= 12 AND r.is_current = 1 ORDER BY r.month DESC LIMIT 1)),
        """ + HandSqlTail + " GROUP BY p.region_code");

    private async Task<int> HandSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(_options.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var n = 0;
        var check = 0d;
        while (await reader.ReadAsync())
        {
            n++;
            for (var i = 1; i < reader.FieldCount; i++)
            {
                check += reader.GetDouble(i);
            }
        }

        return check > 0 ? n : throw new InvalidOperationException("empty ledger");
    }
}

/// <summary>Issue 3's file targets: exporting 10,000 projects to XLSX under 5 s; importing a 10,000-row monthly form under 5 s.</summary>
[MemoryDiagnoser]
[Config(typeof(ProjectBenchConfig))]
public class ProjectFileBenchmarks
{
    private string _store = string.Empty;
    private StoreOptions _options = null!;
    private string _form = string.Empty;
    private readonly Actor _admin = Actor.LocalAdmin("bench");

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var cached = await ProjectBenchData.StoreAsync(10_000, 6);
        _store = Path.Combine(Directory.CreateTempSubdirectory("baiqiang-bench-files-").FullName, "store.db");
        File.Copy(cached, _store);
        _options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={_store}");
        await using var db = BaiqiangStore.Open(_options);
        var rows = await ProjectSheetBuilder.BuildAsync(db, StatPeriod.ForMonth(2022, 7), null, form: true, blank: true, CancellationToken.None);
        var filled = rows.Select((r, i) => r with { ThisMonth = 80m + (i % 13), Progress = "主体施工" }).ToList();
        _form = Path.Combine(Path.GetDirectoryName(_store)!, "form-2022-07.xlsx");
        await using var f = File.Create(_form);
        await ProjectSheet.WriteXlsxAsync(f, filled, 7, "2022-07", CancellationToken.None);
    }

    [IterationSetup(Target = nameof(ImportForm))]
    public void RemoveJuly()
    {
        using var connection = new SqliteConnection(_options.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM monthly_reports WHERE month = 7; DELETE FROM audit_entries;";
        cmd.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_store)!, recursive: true);
    }

    [Benchmark(Description = "export ledger of 10,000 projects to XLSX")]
    public async Task<long> ExportXlsx()
    {
        await using var db = BaiqiangStore.Open(_options);
        var rows = await ProjectSheetBuilder.BuildAsync(db, StatPeriod.CumulativeTo(2022, 6), null, form: false, blank: false, CancellationToken.None);
        using var ms = new MemoryStream();
        await ProjectSheet.WriteXlsxAsync(ms, rows, 6, null, CancellationToken.None);
        return ms.Length;
    }

    /// <summary>The form's path and a store options, for the phase timings of `form-phases`.</summary>
    internal (string Form, StoreOptions Options) Files => (_form, _options);

    [Benchmark(Description = "import a 10,000-row monthly form (XLSX, validate, approve, store)")]
    public async Task<int> ImportForm()
    {
        await using var db = BaiqiangStore.Open(_options);
        var r = await ProjectFileImporter.ImportAsync(db, _form, new ProjectImportOptions(Approve: true), _admin, CancellationToken.None);
        return r.Success && r.Added == 10_000 ? r.Added : throw new InvalidOperationException(string.Join("\n", r.Errors.Take(3)));
    }
}
