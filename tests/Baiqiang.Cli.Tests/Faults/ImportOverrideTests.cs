namespace Baiqiang.Cli.Tests.Faults;

/// <summary>
/// Plausibility against the region's last figure through <c>baiqiang import</c>, and its override
/// <c>--force --reason</c>, on SQLite and (with BAIQIANG_TEST_PG) PostgreSQL. The sample stores 通州区's 一般公共预算收入
/// for 2023-01..06 as 41 亿元; a 万元 figure written as 亿元 is 10,000× that.
/// </summary>
public sealed class ImportOverrideTests
{
    private const string Header = "region,indicator,period,value,unit,growth";

    private const string Stored = "SELECT COUNT(*) FROM observations WHERE region_code = 320612 AND indicator_code = 'budget_revenue' AND period = '2024-01..06'";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_FigureTenThousandTimesTheLastOne_RefusedStatingBothFiguresAndTheMultiple(bool postgres)
    {
        await using var store = await FaultStore.CreateAsync(postgres);
        var file = await WriteAsync(store, "up.csv", "320612,budget_revenue,2024-01..06,410000,亿元,3");

        var (exit, _, error) = await new CliRunner(store.Db).RunAsync("import", file);

        Assert.Equal(1, exit);
        Assert.Contains("第2行", error, StringComparison.Ordinal);
        Assert.Contains("410000亿元", error, StringComparison.Ordinal);
        Assert.Contains("2023-01..06: 41亿元", error, StringComparison.Ordinal);
        Assert.Contains("10000倍,超过允许的10倍", error, StringComparison.Ordinal);
        Assert.Contains("beyond the allowed multiple of 10", error, StringComparison.Ordinal);
        Assert.Equal(0, await store.ScalarAsync(Stored));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_ForceWithReason_StoresAndAuditsUserReasonOldAndNew(bool postgres)
    {
        await using var store = await FaultStore.CreateAsync(postgres);
        var file = await WriteAsync(store, "forced.csv", "320612,budget_revenue,2024-01..06,0.5,亿元,3", "320612,gdp,2024-01..06,1,亿元,");
        var cli = new CliRunner(store.Db);

        var output = await cli.OkAsync("import", file, "--force", "--reason", "财政口径调整,已与财政局核对");

        Assert.Contains("inserted 2", output, StringComparison.Ordinal);
        Assert.Equal(1, await store.ScalarAsync(Stored));
        var audit = await store.ColumnAsync(
            "SELECT \"user\" || ' | ' || key || ' | ' || old_value || ' | ' || new_value FROM audit_entries WHERE field = 'plausibility_override' ORDER BY key");
        Assert.Equal(
            [
                $"{Environment.UserName} | 320612|budget_revenue|2024-01..06 | 41亿元 (2023-01..06) | 0.5亿元; beyond ×10; forced, reason: 财政口径调整,已与财政局核对",
                $"{Environment.UserName} | 320612|gdp|2024-01..06 | 880.5亿元 (2023-01..06) | 1亿元; beyond ×10; forced, reason: 财政口径调整,已与财政局核对",
            ],
            audit);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_ForceWithStructuralError_StillRefusesAndStoresNothing(bool postgres)
    {
        await using var store = await FaultStore.CreateAsync(postgres);
        var file = await WriteAsync(store, "blank.csv", "320612,budget_revenue,2024-01..06,410000,亿元,3", "320612,gdp,2024-01..06,900,,");

        var (exit, _, error) = await new CliRunner(store.Db).RunAsync("import", file, "--force", "--reason", "test");

        Assert.Equal(1, exit);
        Assert.Contains("单位为空", error, StringComparison.Ordinal);
        Assert.Equal(0, await store.ScalarAsync(Stored));
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM audit_entries WHERE field = 'plausibility_override'"));
    }

    [Fact]
    public async Task Import_ForceWithoutReason_IsAUsageErrorAndStoresNothing()
    {
        await using var store = await FaultStore.CreateAsync(postgres: false);
        var file = await WriteAsync(store, "noreason.csv", "320612,budget_revenue,2024-01..06,410000,亿元,3");
        var cli = new CliRunner(store.Db);

        var (exit, _, error) = await cli.RunAsync("import", file, "--force");
        var (exit2, _, error2) = await cli.RunAsync("import", file, "--reason", "why");

        Assert.Equal(2, exit);
        Assert.Contains("--force needs --reason", error, StringComparison.Ordinal);
        Assert.Equal(2, exit2);
        Assert.Contains("--reason is only used with --force", error2, StringComparison.Ordinal);
        Assert.Equal(0, await store.ScalarAsync(Stored));
    }

    [Fact]
    public async Task Import_LargerPlausibleMultipleSetting_AcceptsTheFigureAndDryRunRefusesItBefore()
    {
        await using var store = await FaultStore.CreateAsync(postgres: false);
        var file = await WriteAsync(store, "fifty.csv", "320612,budget_revenue,2024-01..06,2050,亿元,3");
        var cli = new CliRunner(store.Db);

        var (dryExit, _, dryError) = await cli.RunAsync("import", file, "--dry-run");
        var (badSetting, _, settingError) = await cli.RunAsync("settings", "set", "plausible-multiple", "1");
        await cli.OkAsync("settings", "set", "plausible-multiple", "100");
        var output = await cli.OkAsync("import", file);

        Assert.Equal(1, dryExit);
        Assert.Contains("50倍", dryError, StringComparison.Ordinal);
        Assert.Equal(2, badSetting);
        Assert.Contains("above 1", settingError, StringComparison.Ordinal);
        Assert.Contains("inserted 1", output, StringComparison.Ordinal);
        Assert.Equal(1, await store.ScalarAsync(Stored));
    }

    private static async Task<string> WriteAsync(FaultStore store, string name, params string[] rows)
    {
        var path = store.File(name);
        await File.WriteAllTextAsync(path, string.Join('\n', [Header, .. rows]) + "\n", Ct);
        return path;
    }
}
