using System.Text;
using Baiqiang.Core.Periods;
using Baiqiang.Storage.Import;
using static Baiqiang.Storage.Tests.Import.ImportTestFiles;

namespace Baiqiang.Storage.Tests.Import;

public sealed partial class ObservationFileReaderTests
{
    [Fact]
    public async Task ReadAsync_LargeUtf8WithoutBom_IsNotMistakenForGbk()
    {
        // Well over the 64 KiB sniffing buffer, so multi-byte characters straddle buffer boundaries.
        var sb = new StringBuilder("地区,指标,期别,数值,单位,同比增长%\n");
        for (var year = 1950; year <= 2200; year++)
        {
            for (var m = 1; m <= 12; m++)
            {
                sb.Append("江阳区,社会消费品零售总额,").Append(year).Append("-01..").Append(m.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).Append(",228.09,亿元,5.8\n");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.True(bytes.Length > 3 * 65536);

        var result = await ReadBytesAsync("big.csv", bytes);

        ImportAssert.Ok(result);
        Assert.Equal(251 * 12, result.Records.Count);
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_SucceedsWithNoRecords()
    {
        var result = await ReadTextAsync("h.csv", "region,indicator,period,value\n");

        ImportAssert.Ok(result);
        Assert.Empty(result.Records);
        Assert.Equal(0, result.RowsRead);
        Assert.Equal(ImportLayout.Long, result.Layout);
    }

    [Fact]
    public async Task ReadAsync_UnterminatedQuote_IsAnErrorNotAnException()
    {
        var result = await ReadTextAsync("q.csv", "region,indicator,period,value\n320612,gdp,\"2023-01..06,880.5\n");

        Assert.False(result.Success);
        Assert.Empty(result.Records);
        Assert.All(result.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message.Zh));
    }

    [Fact]
    public async Task ReadAsync_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SeedCsv));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new ObservationFileReader().ReadAsync(stream, "seed.csv", TestLookups.Create(), ImportOptions.Default, cts.Token));
    }

    [Fact]
    public async Task ReadAsync_XlsxDateCellInPeriodColumn_ReadsAsItsMonth()
    {
        var bytes = Xlsx(["region", "indicator", "period", "value"], [320612, "gdp", new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Unspecified), 150.3]);

        var result = await ReadBytesAsync("d.xlsx", bytes);

        ImportAssert.Ok(result);
        Assert.Equal(StatPeriod.ForMonth(2023, 6), Assert.Single(result.Records).Period);
    }

    [Fact]
    public async Task ReadAsync_ErrorsAcrossRows_AreInFileOrder()
    {
        var csv = Csv(Header, "320612,gdp,2023-01..06,x,亿元,1", "510502,gdp,2023-01..06,1,家,1", "通州区,gdp,2023-01..06,1,亿元,1");

        var result = await ReadTextAsync("o.csv", csv);

        Assert.Equal([(2, "数值"), (3, "单位"), (4, "地区")], result.Errors.Select(e => (e.Row!.Value, e.Column!)));
    }
}
