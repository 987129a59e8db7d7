using System.Globalization;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Services;
using Baiqiang.Storage;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Services;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Baiqiang.Benchmarks;

/// <summary>
/// Service statistics by department × category × month over 100,000 enterprises and 500,000 requests on SQLite
/// (target &lt; 1 s), and pipeline rates over 50,000 deals (target &lt; 200 ms), in memory and from SQLite.
/// </summary>
/// <remarks>The rows are bulk-inserted with one prepared SQLite command (EF Core change tracking would make the setup
/// take minutes); the queries measured are the production ones (<c>ServiceQueries.ReportAsync</c>,
/// <see cref="PipelineRates.Compute(IEnumerable{Deal}, StatPeriod, PipelineGrouping)"/>, <see cref="PipelineQueries.RatesAsync"/>).</remarks>
[MemoryDiagnoser]
public class PipelineServiceBenchmarks
{
    private static readonly string[] Departments = ["发改局", "经信局", "科技局", "人社局", "自然资源局", "金融办", "行政审批局", "商务局", "市场监管局", "税务局", "财政局", "住建局"];

    private string _dir = string.Empty;
    private StoreOptions _options = null!;
    private List<Deal> _deals = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _dir = Directory.CreateTempSubdirectory("baiqiang-bench-ps-").FullName;
        var path = Path.Combine(_dir, "bench.db");
        _options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={path}");
        await BaiqiangStore.MigrateAsync(_options, CancellationToken.None);

        var codes = new string[100_000];
        for (var i = 0; i < codes.Length; i++)
        {
            var body = "91510502" + i.ToString("D9", CultureInfo.InvariantCulture);
            codes[i] = body + UnifiedSocialCreditCode.CheckCharacter(body);
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO enterprises (credit_code, name, region_code, industry, tags, contacts) VALUES ($c, $n, 510502, '制造业', 1, '')";
            var c = cmd.Parameters.Add("$c", SqliteType.Text);
            var n = cmd.Parameters.Add("$n", SqliteType.Text);
            for (var i = 0; i < codes.Length; i++)
            {
                c.Value = codes[i];
                n.Value = "企业" + i.ToString(CultureInfo.InvariantCulture);
                await cmd.ExecuteNonQueryAsync();
            }

            var r = connection.CreateCommand();
            r.Transaction = tx;
            r.CommandText = "INSERT INTO enterprise_requests (key, credit_code, region_code, category, department, raised_on, raised_month, deadline, status, closed_on, resolution, days_to_resolve, description) " +
                "VALUES ($k, $c, 510502, $cat, $d, $raised, $month, $deadline, $status, $closed, $res, $days, '')";
            var k = r.Parameters.Add("$k", SqliteType.Text);
            var rc = r.Parameters.Add("$c", SqliteType.Text);
            var cat = r.Parameters.Add("$cat", SqliteType.Integer);
            var dep = r.Parameters.Add("$d", SqliteType.Text);
            var raised = r.Parameters.Add("$raised", SqliteType.Text);
            var month = r.Parameters.Add("$month", SqliteType.Integer);
            var deadline = r.Parameters.Add("$deadline", SqliteType.Text);
            var status = r.Parameters.Add("$status", SqliteType.Integer);
            var closed = r.Parameters.Add("$closed", SqliteType.Text);
            var res = r.Parameters.Add("$res", SqliteType.Text);
            var days = r.Parameters.Add("$days", SqliteType.Integer);
            for (var i = 0; i < 500_000; i++)
            {
                var on = new DateOnly(2023, 1, 1).AddDays(i % 365);
                var resolved = i % 3 == 0;
                k.Value = "R" + i.ToString(CultureInfo.InvariantCulture);
                rc.Value = codes[i % codes.Length];
                cat.Value = (i % 9) + 1;
                dep.Value = Departments[i % Departments.Length];
                raised.Value = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                month.Value = (on.Year * 100) + on.Month;
                deadline.Value = on.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                status.Value = resolved ? (int)RequestStatus.Resolved : (int)RequestStatus.Accepted;
                closed.Value = resolved ? on.AddDays(i % 45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
                res.Value = resolved ? "已解决" : DBNull.Value;
                days.Value = resolved ? i % 45 : DBNull.Value;
                await r.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        _deals = new List<Deal>(50_000);
        for (var i = 0; i < 50_000; i++)
        {
            var lead = new DateOnly(2022, 1, 1).AddDays(i % 700);
            var d = new Deal("D" + i.ToString(CultureInfo.InvariantCulture), "项目", new RegionCode(360123401), new Investor("投资方", (InvestorType)((i % 7) + 1), "长三角"), lead)
            {
                PlannedInvestment = 1000m + (i % 500),
                Source = (LeadSource)((i % 6) + 1),
                IndustryChain = "链" + (i % 8).ToString(CultureInfo.InvariantCulture),
            };
            if (i % 2 == 0)
            {
                d.Advance(DealStage.Signed, lead.AddDays(20));
                if (i % 4 == 0)
                {
                    d.Advance(DealStage.Started, lead.AddDays(60));
                }
            }

            _deals.Add(d);
        }

        await using var db = BaiqiangStore.Open(_options);
        await PipelineStore.SaveDealsAsync(db, Core.Access.Actor.LocalAdmin("bench"), _deals, CancellationToken.None);
        SqliteConnection.ClearAllPools();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "service report 2023, 500k requests (SQLite)")]
    public async Task<ServiceReport> ServiceReport()
    {
        await using var db = BaiqiangStore.Open(_options);
        return await ServiceQueries.ReportAsync(db, StatPeriod.ForYear(2023), new DateOnly(2023, 12, 31), null, CancellationToken.None);
    }

    [Benchmark(Description = "pipeline rates by source, 50k deals (in memory)")]
    public IReadOnlyList<PipelineRateRow> RatesInMemory() => PipelineRates.Compute(_deals, StatPeriod.ForYear(2023), PipelineGrouping.Source);

    [Benchmark(Description = "pipeline rates by source, 50k deals (SQLite load + compute)")]
    public async Task<IReadOnlyList<PipelineRateRow>> RatesFromStore()
    {
        await using var db = BaiqiangStore.Open(_options);
        return await PipelineQueries.RatesAsync(db, StatPeriod.ForYear(2023), PipelineGrouping.Source, null, CancellationToken.None);
    }
}
