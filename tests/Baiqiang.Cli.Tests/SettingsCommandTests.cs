namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang settings set|get|unset as-of</c>, <c>sample</c> setting the sample's day, and the judging commands
/// using <c>--today</c>, else the setting, else the clock, and saying which.</summary>
public sealed class SettingsCommandTests
{
    [Fact]
    public async Task SetGetUnset_AsOf_StoredReadAndRemoved()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);

        Assert.Contains("未设定 as-of", await cli.OkAsync("settings", "get", "as-of"), StringComparison.Ordinal);
        Assert.Contains("已设定 as-of = 2023-07-31", await cli.OkAsync("settings", "set", "as-of", "2023-07-31"), StringComparison.Ordinal);
        Assert.Equal("2023-07-31", (await cli.OkAsync("settings", "get", "as-of")).Trim());
        Assert.Contains("已删除 as-of", await cli.OkAsync("settings", "unset", "as-of"), StringComparison.Ordinal);
        Assert.Contains("未设定 as-of", await cli.OkAsync("settings", "get", "as-of"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reminders.filing-day")]
    [InlineData("reminders.last-run")]
    [InlineData("light-2023")]
    public async Task Get_KnownKeyNotSet_SaysNotSetInsteadOfRefusingTheKey(string key)
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);

        Assert.Contains("未设定 " + key, await cli.OkAsync("settings", "get", key), StringComparison.Ordinal);

        var (exit, _, error) = await cli.RunAsync("settings", "get", "colour");
        Assert.Equal(2, exit);
        Assert.Contains("未知的设置项“colour”", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_BadDayOrKey_ExitsTwoWithBilingualReason()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);

        var (exit, _, error) = await cli.RunAsync("settings", "set", "as-of", "2023/7/31");
        Assert.Equal(2, exit);
        Assert.Contains("应写作 2023-07-31", error, StringComparison.Ordinal);
        Assert.Contains("must look like 2023-07-31", error, StringComparison.Ordinal);

        (exit, _, error) = await cli.RunAsync("settings", "set", "colour", "red");
        Assert.Equal(2, exit);
        Assert.Contains("未知的设置项“colour”", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_SetsItsDay_WarningsAndTargetsJudgedAsOfItAndSaySo()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);

        var loaded = await cli.OkAsync("sample");
        Assert.Contains("数据设定日 as-of = 2023-07-31", loaded, StringComparison.Ordinal);
        Assert.Equal("2023-07-31", (await cli.OkAsync("settings", "get", "as-of")).Trim());

        // JY-S08's milestone (due 2022-05-31) is 426 days overdue on 2023-07-31 — not years, as by today's clock.
        var warnings = await cli.OkAsync("projects", "warnings", "--period", "2022-01..06");
        Assert.Contains("截至2023-07-31（数据设定日）", warnings, StringComparison.Ordinal);
        Assert.Contains("as of 2023-07-31 (store setting)", warnings, StringComparison.Ordinal);
        Assert.Contains("已逾期426天", warnings, StringComparison.Ordinal);

        var given = await cli.OkAsync("projects", "warnings", "--period", "2022-01..06", "--today", "2022-06-30");
        Assert.Contains("截至2022-06-30（指定日期）", given, StringComparison.Ordinal);

        Assert.Contains("目标进度截至2023-07-31（数据设定日）", await cli.OkAsync("targets", "list"), StringComparison.Ordinal);
        Assert.Contains("超期截至2023-07-31（数据设定日）", await cli.OkAsync("service", "report", "--period", "2023-03"), StringComparison.Ordinal);

        await cli.OkAsync("settings", "unset", "as-of");
        Assert.Contains("（今天，系统时钟）", await cli.OkAsync("projects", "warnings", "--period", "2022-01..06"), StringComparison.Ordinal);

        // Loading the sample again keeps a day the user chose.
        await cli.OkAsync("settings", "set", "as-of", "2023-06-30");
        Assert.Contains("数据设定日 as-of = 2023-06-30", await cli.OkAsync("sample"), StringComparison.Ordinal);
    }
}
