using System.Globalization;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Storage;
using Baiqiang.Storage.Pipeline;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Baiqiang.Benchmarks;

/// <summary>
/// Cohort, stage-to-stage and 资金到位率 rates from SQLite for 50,000 deals, each under contract with 12 months of
/// 到位资金 (600,000 rows), target &lt; 200 ms together.
/// </summary>
/// <remarks>Rows are bulk-inserted with prepared SQLite commands, then <see cref="FundsRollup.RebuildAsync"/> fills the
/// 资金到位率 rollup (the context keeps it on every write); the queries measured are the production ones
/// (<see cref="PipelineQueries.RatesAsync"/>, <see cref="DealMoneyStore.StageRatesAsync"/>, <see cref="DealMoneyStore.FundsRatesAsync"/>).</remarks>
[MemoryDiagnoser]
public class PipelineMoneyBenchmarks
{
    private const int Deals = 50_000;

    private string _dir = string.Empty;
    private StoreOptions _options = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _dir = Directory.CreateTempSubdirectory("baiqiang-bench-money-").FullName;
        var path = Path.Combine(_dir, "bench.db");
        _options = new StoreOptions(StoreProvider.Sqlite, $"Data Source={path}");
        await BaiqiangStore.MigrateAsync(_options, CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var deal = connection.CreateCommand();
        deal.Transaction = tx;
        deal.CommandText = "INSERT INTO deals (id, code, code_key, name, region_code, investor_name, investor_type, origin_region, origin_place, industry_chain, source, planned_investment, " +
            "responsible, department, stage, lead_on, signed_on, landed_on, started_on, contract_investment, contract_signed_on) " +
            "VALUES ($id, $code, $code, '项目', 360123401, '投资方', 6, '', '', '', 6, '1000', '', '', $stage, $lead, $signed, $landed, $started, $contract, $signed)";
        var id = deal.Parameters.Add("$id", SqliteType.Integer);
        var code = deal.Parameters.Add("$code", SqliteType.Text);
        var stage = deal.Parameters.Add("$stage", SqliteType.Integer);
        var lead = deal.Parameters.Add("$lead", SqliteType.Text);
        var signed = deal.Parameters.Add("$signed", SqliteType.Text);
        var landed = deal.Parameters.Add("$landed", SqliteType.Text);
        var started = deal.Parameters.Add("$started", SqliteType.Text);
        var contract = deal.Parameters.Add("$contract", SqliteType.Text);
        var funds = connection.CreateCommand();
        funds.Transaction = tx;
        funds.CommandText = "INSERT INTO deal_funds (deal_id, deal_code, region_code, month, this_month, cumulative, previous_cumulative, is_opening_balance, note, over_contract) " +
            "VALUES ($id, $code, 360123401, $month, '100', $cum, $prev, 0, '', 0)";
        var fid = funds.Parameters.Add("$id", SqliteType.Integer);
        var fcode = funds.Parameters.Add("$code", SqliteType.Text);
        var month = funds.Parameters.Add("$month", SqliteType.Integer);
        var cum = funds.Parameters.Add("$cum", SqliteType.Text);
        var prev = funds.Parameters.Add("$prev", SqliteType.Text);
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 1; i <= Deals; i++)
        {
            var leadOn = new DateOnly(2022, 1, 1).AddDays(i % 365);
            var signedOn = leadOn.AddDays(20 + (i % 40));
            id.Value = i;
            code.Value = "D" + i.ToString(CultureInfo.InvariantCulture);
            stage.Value = i % 3 == 0 ? (int)DealStage.Started : (int)DealStage.Landed;
            lead.Value = D(leadOn);
            signed.Value = D(signedOn);
            landed.Value = D(signedOn.AddDays(30));
            started.Value = i % 3 == 0 ? D(signedOn.AddDays(90)) : DBNull.Value;
            contract.Value = "2000";
            await deal.ExecuteNonQueryAsync();
            fid.Value = i;
            fcode.Value = code.Value;
            for (var m = 1; m <= 12; m++)
            {
                month.Value = 202300 + m;
                cum.Value = (100 * m).ToString(CultureInfo.InvariantCulture);
                prev.Value = (100 * (m - 1)).ToString(CultureInfo.InvariantCulture);
                await funds.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();

        // The rows went in by raw SQL, past the context that keeps the rollup: build it as MigrateAsync would.
        await using (var db = BaiqiangStore.Open(_options))
        {
            await FundsRollup.RebuildAsync(db, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "cohort + stage + funds rates, 50k deals, 600k funds months (SQLite)")]
    public async Task<FundsRates> AllRatesFromStore()
    {
        await using var db = BaiqiangStore.Open(_options);
        var period = StatPeriod.ForYear(2023);
        _ = await PipelineQueries.RatesAsync(db, period, PipelineGrouping.None, null, CancellationToken.None);
        _ = await DealMoneyStore.StageRatesAsync(db, period, null, CancellationToken.None);
        return await DealMoneyStore.FundsRatesAsync(db, period, null, CancellationToken.None);
    }

    [Benchmark(Description = "资金到位率 only, 50k deals, 600k funds months (SQLite)")]
    public async Task<FundsRates> FundsRatesFromStore()
    {
        await using var db = BaiqiangStore.Open(_options);
        return await DealMoneyStore.FundsRatesAsync(db, StatPeriod.ForYear(2023), null, CancellationToken.None);
    }
}
