using System.Diagnostics;
using Baiqiang.Briefing.Rendering;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using UglyToad.PdfPig;

namespace Baiqiang.Briefing.Tests;

public sealed class RenderingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DocxRenderer_TongzhouBriefing_ValidatesWithoutErrorsAndHoldsTheSentence()
    {
        await using var store = await SampleStore.CreateAsync();
        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        var bytes = DocxRenderer.Render(doc);

        using var ms = new MemoryStream(bytes);
        using var word = WordprocessingDocument.Open(ms, false);
        var errors = new OpenXmlValidator().Validate(word, Ct).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("上半年，通州区地区生产总值880.5亿元，同比增长7.8%，对比组内其他地区暂无数据。", text, StringComparison.Ordinal);
        Assert.Contains("一、经济运行", text, StringComparison.Ordinal);
        Assert.Single(word.MainDocumentPart.ImageParts);
    }

    [Fact]
    public async Task HtmlRenderer_TongzhouBriefing_EmbedsChartAndEscapesText()
    {
        await using var store = await SampleStore.CreateAsync();
        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);

        var html = HtmlRenderer.Render(doc);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>通州区2023年上半年经济运行简报</h1>", html, StringComparison.Ordinal);
        Assert.Contains("地区生产总值880.5亿元，同比增长7.8%，对比组内其他地区暂无数据。", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        // Sources in the closing note by document title and date, periods in words; no internal id or canonical period in the text.
        Assert.Contains("<li>《南通通州打造高质量发展“硬核区” 展示硬核实力》（2023年）：地区生产总值 2023年上半年", html, StringComparison.Ordinal);
        var visible = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ");
        Assert.DoesNotContain("seed:", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("2023-01..06", visible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfRenderer_TongzhouBriefing_PdfTextHoldsTheChineseSentenceAndPagesRender()
    {
        if (PdfRenderer.FindChromium() is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but chromium is not installed");
            }

            Assert.Skip("chromium is not installed");
        }

        await using var store = await SampleStore.CreateAsync();
        var doc = await BriefingGenerator.GenerateAsync(store.Db, SampleStore.Tongzhou, SampleStore.H1of2023, store.Options_(), Ct);
        var pdf = Path.Combine(store.Folder, "tongzhou.pdf");

        await PdfRenderer.RenderAsync(HtmlRenderer.Render(doc), pdf, Ct);

        using (var document = PdfDocument.Open(pdf))
        {
            var text = Unradical(string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", string.Empty, StringComparison.Ordinal));
            Assert.Contains("地区生产总值880.5亿元，同比增长7.8%", text, StringComparison.Ordinal);
            Assert.Contains("一般公共预算收入41亿元，同比增长27.8%", text, StringComparison.Ordinal);
        }

        // Pages render to PNG (poppler's pdftoppm) where installed; BAIQIANG_KEEP_PNG keeps one to look at.
        if (File.Exists("/usr/bin/pdftoppm"))
        {
            var prefix = Path.Combine(store.Folder, "page");
            using var p = Process.Start(new ProcessStartInfo("/usr/bin/pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, prefix]) { UseShellExecute = false })!;
            await p.WaitForExitAsync(Ct);
            var png = Assert.Single(Directory.GetFiles(store.Folder, "page*.png"));
            Assert.True(new FileInfo(png).Length > 5_000);
            if (Environment.GetEnvironmentVariable("BAIQIANG_KEEP_PNG") is { Length: > 0 } keep)
            {
                File.Copy(png, keep, overwrite: true);
            }
        }
    }

    /// <summary>
    /// PDF text extraction maps some CJK glyphs to their Kangxi radical code points (⾏ U+2F8F for 行); fold those back with
    /// NFKC per character, leaving full-width punctuation alone (NFKC would turn ， into ,).
    /// </summary>
    private static string Unradical(string text)
        => string.Concat(text.Select(c => c switch
        {
            _ when Simplified.TryGetValue(c, out var s) => s.ToString(),
            >= '\u2F00' and <= '\u2FDF' => c.ToString().Normalize(System.Text.NormalizationForm.FormKC),
            _ => c.ToString(),
        }));

    /// <summary>CJK Radicals Supplement forms (no NFKC mapping) that stand for simplified characters: ⻓ → 长 …</summary>
    private static readonly Dictionary<char, char> Simplified = new()
    {
        ['\u2ED3'] = '长', ['\u2ECB'] = '车', ['\u2EC5'] = '见', ['\u2ED4'] = '门', ['\u2EDC'] = '飞', ['\u2EE2'] = '马',
        ['\u2ED9'] = '韦', ['\u2EDA'] = '页', ['\u2EDB'] = '风', ['\u2EE5'] = '鱼', ['\u2EEC'] = '齐', ['\u2EF0'] = '龙',
        ['\u2EC9'] = '贝', ['\u2ED8'] = '青',
    };
}
