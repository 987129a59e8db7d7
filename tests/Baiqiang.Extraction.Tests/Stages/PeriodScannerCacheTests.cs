using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Tests.Stages;

/// <summary>
/// The scanner remembers each period text's parse per reference date (one cache per date, not one cache cleared at every
/// switch): a text read against two dates in turn must still resolve against the date of each reading.
/// </summary>
public sealed class PeriodScannerCacheTests
{
    private static readonly DateOnly Reference = new(2024, 7, 20);
    private static readonly DateOnly LastYearsReport = new(2023, 12, 31);

    private static string? Read(string text, DateOnly? reference, DateOnly? yearless = null)
    {
        Assert.True(PeriodScanner.TryScan(text, 0, text.Length, reference, out var token, yearless));
        return token.Period?.ToString();
    }

    [Fact]
    public void TryScan_SameTextAgainstTwoDatesInTurn_ResolvesAgainstEachReadingsDate()
    {
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("2024-01..06", Read("1-6月", Reference));
            Assert.Equal("2023-01..06", Read("1-6月", Reference, LastYearsReport)); // a bare month span takes the document's year
            Assert.Equal("2022-01..06", Read("1-6月", new DateOnly(2022, 10, 15)));
            Assert.Equal("2024-01..06", Read("1-6月", Reference));
        }
    }

    [Fact]
    public void TryScan_NoReferenceBetweenDatedReadings_KeepsEachReadingApart()
    {
        Assert.Equal("2021", Read("2021年", null));
        Assert.Equal("2023-01..06", Read("1-6月", LastYearsReport));
        Assert.Equal("2021", Read("2021年", null));
        Assert.Equal("2024-01..06", Read("1-6月", Reference));
    }
}
