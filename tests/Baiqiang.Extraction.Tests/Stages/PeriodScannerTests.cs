using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Tests.Stages;

public sealed class PeriodScannerTests
{
    private static readonly DateOnly Reference = new(2024, 7, 20);

    private static PeriodToken Scan(string text, int at = 0)
    {
        Assert.True(PeriodScanner.TryScan(text, at, text.Length, Reference, out var token));
        return token;
    }

    [Theory]
    [InlineData("上半年", "2024-01..06")]
    [InlineData("1-6月", "2024-01..06")]
    [InlineData("前三季度", "2024-01..09")]
    [InlineData("2023年", "2023")]
    public void TryScan_PeriodWords_ResolveAgainstTheReferenceDate(string text, string expected)
    {
        var token = Scan(text);
        Assert.Equal(PeriodUse.Period, token.Use);
        Assert.Equal(expected, token.Period?.ToString());
    }

    [Fact]
    public void TryScan_OneMonthThenCumulative_IsTheYearToDate()
        => Assert.Equal("2024-01..06", Scan("6月份,全县累计完成").Period?.ToString());

    [Fact]
    public void TryScan_OneMonthAlone_IsThatMonth()
        => Assert.Equal("2024-06", Scan("6月份,全县完成").Period?.ToString());

    [Fact]
    public void TryScan_AfterBiOrJiao_IsAComparisonBaseNotThePeriod()
    {
        var token = Scan("比一季度提高", 1);
        Assert.Equal(PeriodUse.ComparisonBase, token.Use);
        Assert.Equal("2024-01..03", token.Period?.ToString());
    }

    [Fact]
    public void TryScan_DangYue_HoldsForItsOwnClauseOnly()
        => Assert.True(Scan("6月当月").MonthOnly);

    [Fact]
    public void TryScan_ADate_IsNotAPeriod() => Assert.Equal(PeriodUse.Date, Scan("2023年7月26日").Use);

    [Fact]
    public void TryScan_FirstCharacterFilter_DropsNoPeriodOfTheCorpus()
    {
        // TryScan answers false at once where no period expression can start; over every position of every corpus document
        // (normalised, as the reader sees it) it must answer as the unfiltered scan does, token included.
        var folder = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var files = Directory.GetFiles(folder).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        var found = 0;
        foreach (var file in files)
        {
            var n = DocumentText.Create(File.ReadAllText(file)).Normalized;
            for (var i = 0; i < n.Length; i++)
            {
                var filtered = PeriodScanner.TryScan(n, i, n.Length, Reference, out var a);
                var whole = PeriodScanner.TryScanAt(n, i, n.Length, Reference, out var b);
                Assert.True(filtered == whole && a == b, $"{Path.GetFileName(file)} at {i}: {n.Substring(i, Math.Min(8, n.Length - i))}");
                found += whole ? 1 : 0;
            }
        }

        Assert.True(found > 100, $"only {found} periods in the corpus");
    }
}
