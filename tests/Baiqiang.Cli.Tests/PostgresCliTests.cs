using Npgsql;

namespace Baiqiang.Cli.Tests;

/// <summary>The done-when commands against a real PostgreSQL (BAIQIANG_TEST_PG; required when CI=true).</summary>
public sealed class PostgresCliTests
{
    [Fact]
    public async Task InitSampleSeries_OnPostgres_PrintsJiangyang()
    {
        var admin = Environment.GetEnvironmentVariable("BAIQIANG_TEST_PG");
        if (string.IsNullOrEmpty(admin))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "BAIQIANG_TEST_PG must be set in CI");
            Assert.Skip("BAIQIANG_TEST_PG is not set: PostgreSQL tests skipped locally");
        }

        var name = "bq_cli_" + Guid.NewGuid().ToString("N")[..12];
        var db = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            var cli = new CliRunner(db);
            await cli.OkAsync("init");
            await cli.OkAsync("sample");
            var output = await cli.OkAsync("series", "510502", "gdp");

            Assert.Contains("江阳区(510502)", output, StringComparison.Ordinal);
            Assert.Contains("增长9.8%", output, StringComparison.Ordinal);
            Assert.Contains("对比组内其他地区暂无数据", output, StringComparison.Ordinal); // the rank query among pref:510500 runs on this engine

            // Export filters (indicator, peer group, period) are translated to SQL on this engine too.
            var file = Path.Combine(Path.GetTempPath(), name + ".csv");
            await cli.OkAsync("export", "--indicator", "gdp", "--peers", "pref:320600", "--period", "2023-01..06", "--out", file);
            var lines = (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken)).Skip(1).ToList();
            File.Delete(file);
            Assert.Equal("320612,通州区,gdp,地区生产总值,2023-01..06,880.5,亿元,7.8,,seed:004_tongzhou_h1_report_card,,", Assert.Single(lines)); // the last columns are 增速口径 and 同比增长(现价)%, unstated in the seed
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
