namespace Baiqiang.Cli.Tests;

public sealed class ParseCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await BaiqiangCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ParsePeriod_ThisYearJanToJune_PrintsCanonicalSpan()
    {
        var (exit, output, _) = await RunAsync("parse", "period", "今年1至6月", "--date", "2022-07-27");

        Assert.Equal(0, exit);
        Assert.Equal("2022-01..06", output.Trim());
    }

    [Theory]
    [InlineData("2022年上半年", "2022-01..06")]
    [InlineData("前三季度", "2023-01..09")]
    [InlineData("一季度", "2023-01..03")]
    [InlineData("三季度", "2023-Q3")]
    [InlineData("1—4月", "2023-01..04")]
    [InlineData("２０２１年", "2021")]
    [InlineData("2023年1-6月", "2023-01..06")]
    public async Task ParsePeriod_ChineseForms_PrintCanonical(string text, string expected)
    {
        var (exit, output, _) = await RunAsync("parse", "period", text, "--date", "2023-10-20");

        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public async Task ParsePeriod_RelativeWithoutDate_FailsInBothLanguages()
    {
        var (exit, output, error) = await RunAsync("parse", "period", "今年上半年");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--date", error, StringComparison.Ordinal);
        Assert.Contains("reference date", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParsePeriod_BadDateOption_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("parse", "period", "上半年", "--date", "27/07/2022");

        Assert.Equal(2, exit);
        Assert.Contains("YYYY-MM-DD", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("880.5億元", "880.5 亿元 = 88050000000 元")]
    [InlineData("1.47万余家", "14700 家 [余/more]")]
    [InlineData("下降2.1%", "-2.1 %")]
    [InlineData("2.4个百分点", "2.4 个百分点")]
    [InlineData("5至8亿元", "5 亿元 = 500000000 元 .. 8 亿元 = 800000000 元")]
    [InlineData("近3亿元", "3 亿元 [近/nearly] = 300000000 元")]
    public async Task ParseAmount_PrintsValueUnitQualifier(string text, string expected)
    {
        var (exit, output, _) = await RunAsync("parse", "amount", text);

        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public async Task ParseAmount_Gibberish_Fails()
    {
        var (exit, _, error) = await RunAsync("parse", "amount", "很多钱");

        Assert.Equal(1, exit);
        Assert.Contains(" / ", error, StringComparison.Ordinal);
    }
}
