using Baiqiang.Briefing.Rendering;
using Baiqiang.Extraction.Input;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Baiqiang.Extraction.Tests.Stages;

/// <summary>
/// PDF input (issue 17): text in reading order through PdfPig. PdfPig's writer embeds only the standard 14 (Latin) fonts without a
/// TrueType CJK font file (the machine has Noto CJK only as .ttc collections, which it does not take), so the reading-order test
/// writes a Latin PDF with PdfPig and the Chinese path is tested on a PDF printed by headless Chromium (the briefing's
/// <see cref="PdfRenderer"/>).
/// </summary>
public sealed class PdfInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Read_LettersDrawnOutOfOrder_ComeInReadingOrderWithColumnBreaks()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        // Drawn bottom line first, right column before left: the reader must order by baseline, then by x.
        page.AddText("6.2", 10, new PdfPoint(300, 680), font);
        page.AddText("Retail sales", 10, new PdfPoint(50, 680), font);
        page.AddText("Growth", 10, new PdfPoint(300, 700), font);
        page.AddText("Indicator", 10, new PdfPoint(50, 700), font);
        page.AddText("County bulletin 2024", 12, new PdfPoint(50, 760), font);
        var bytes = builder.Build();

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal("pdf", decoded.Encoding);
        Assert.Equal(["County bulletin 2024", "Indicator  Growth", "Retail sales  6.2"], decoded.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Read_BytesThatAreNotAPdf_GiveABilingualError()
    {
        var ex = Assert.Throws<InvalidDataException>(() => TextDecoder.Decode("%PDF-1.7\nnot really a pdf"u8.ToArray()));
        Assert.Contains("无法读取 PDF", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot read the PDF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ChinesePdfPrintedByChromium_GivesTheSentenceAndTableFacts()
    {
        if (PdfRenderer.FindChromium() is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but chromium is not installed");
            }

            Assert.Skip("chromium is not installed");
        }

        const string html = """
            <html><head><meta charset="utf-8"><style>td,th{padding:0 40px;text-align:left}</style></head><body>
            <h1>江阳区2024年1-5月经济运行简况</h1>
            <p>1-5月,江阳区地区生产总值412.3亿元,同比增长6.0%。</p>
            <table>
            <tr><th>指标</th><th>单位</th><th>1-5月</th><th>同比增长(%)</th></tr>
            <tr><td>社会消费品零售总额</td><td>亿元</td><td>103.9</td><td>4.8</td></tr>
            <tr><td>固定资产投资</td><td>—</td><td>—</td><td>3.1</td></tr>
            </table></body></html>
            """;
        var pdf = Path.Combine(Path.GetTempPath(), $"baiqiang-pdf-input-{Guid.NewGuid():N}.pdf");
        try
        {
            await PdfRenderer.RenderAsync(html, pdf, Ct);
            var decoded = TextDecoder.Decode(await File.ReadAllBytesAsync(pdf, Ct));
            Assert.Equal("pdf", decoded.Encoding);

            Assert.Contains("同比增长6.0%", decoded.Text, StringComparison.Ordinal); // radical code points (⽐, ⻓) folded back
            var facts = new FactExtractor(Regions.SampleOnly).Extract("t.pdf", decoded.Text, new DateOnly(2024, 6, 15)).Facts;

            Assert.All(facts, f => Assert.Equal((510502, "2024-01..05"), (f.RegionCode?.Value, f.Period?.ToString())));
            var gdp = Assert.Single(facts, f => f.IndicatorCode?.Value == "gdp");
            Assert.Equal((412.3m, "亿元", 6.0m), (gdp.Value!.Value, gdp.Unit, gdp.GrowthPct!.Value));
            var retail = Assert.Single(facts, f => f.IndicatorCode?.Value == "retail_sales");
            Assert.Equal((103.9m, 4.8m, "table.indicator-rows"), (retail.Value!.Value, retail.GrowthPct!.Value, retail.Rule));
            var fai = Assert.Single(facts, f => f.IndicatorCode?.Value == "fixed_asset_investment");
            Assert.Equal((FactKind.Growth, 3.1m), (fai.Kind, fai.GrowthPct!.Value));
        }
        finally
        {
            File.Delete(pdf);
        }
    }
}
