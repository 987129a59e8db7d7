using System.Diagnostics;
using System.Text;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Tests.Import;

namespace Baiqiang.Storage.Tests.Faults;

/// <summary>A one-line CSV of hundreds of thousands of cells (what a web validate of a 1 MB file was): linear work and a clear error.</summary>
public sealed class SingleLineCsvTests
{
    private static string SingleLine(int bytes, string head, string cell)
    {
        var sb = new StringBuilder(bytes + cell.Length);
        sb.Append(head);
        while (sb.Length < bytes)
        {
            sb.Append(cell);
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData("", ",x")]
    [InlineData("地区,指标,期别,数值", ",a")]
    [InlineData("地区", ",ab")]
    public async Task ReadAsync_OneMegabyteSingleLine_RefusedNamingTheRow(string head, string cell)
    {
        var result = await ImportTestFiles.ReadTextAsync("one-line.csv", SingleLine(1 << 20, head, cell));

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Row);
        Assert.Contains("16384", error.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("more than 16384 columns", error.Message.En, StringComparison.Ordinal);
    }

    /// <summary>The ratio test (the one timing assertion allowed): 4× the input may cost at most 6× the time.
    /// Before the column limit, 64 KB took 1.3 s and 256 KB 12 s (quadratic in the cells of one record).</summary>
    [Fact]
    public async Task ReadAsync_FourMegabytesVersusOne_TimeRatioAtMostSix()
    {
        var one = Encoding.UTF8.GetBytes(SingleLine(1 << 20, string.Empty, "x,"));
        var four = Encoding.UTF8.GetBytes(SingleLine(4 << 20, string.Empty, "x,"));
        await TimeAsync(one);
        var small = Math.Min(await TimeAsync(one), await TimeAsync(one));
        var large = Math.Min(await TimeAsync(four), await TimeAsync(four));

        // Both are small; a floor of 20 ms keeps scheduler noise on a busy machine from deciding the ratio.
        Assert.True(large <= 6 * Math.Max(20, small), $"1 MB {small:0} ms, 4 MB {large:0} ms");
    }

    [Fact]
    public async Task ReadAsync_CommasInsideQuotes_NotCountedAsColumns()
    {
        var quoted = "\"" + new string(',', 20_000) + "\"";
        var text = $"地区,指标,期别,数值,来源\n320612,gdp,2023-01..06,880.5,{quoted}\n";

        var result = await ImportTestFiles.ReadTextAsync("quoted.csv", text);

        Assert.Empty(result.Errors);
        Assert.Single(result.Records);
    }

    [Fact]
    public async Task ReadAsync_WideRowAfterNarrowRows_NamesThatRow()
    {
        var text = "地区,指标,期别,数值\n320612,gdp,2023-01..06,880.5\r\n320612,gdp,2023-01..03,400.1\r\n" + SingleLine(40_000, "320612", ",1") + "\n";

        var result = await ImportTestFiles.ReadTextAsync("wide-row.csv", text);

        Assert.Equal(4, Assert.Single(result.Errors).Row);
    }

    private static async Task<double> TimeAsync(byte[] bytes)
    {
        var watch = Stopwatch.StartNew();
        var result = await ImportTestFiles.ReadBytesAsync("one-line.csv", bytes);
        watch.Stop();
        Assert.False(result.Success);
        return watch.Elapsed.TotalMilliseconds;
    }
}
