using System.Text;
using Baiqiang.Extraction.Input;

namespace Baiqiang.Extraction.Tests.Stages;

public sealed class InputTests
{
    private const string Report = "上半年,全县地区生产总值120.5亿元,同比增长6.2%。";

    [Fact]
    public void Decode_Utf16WithAndWithoutByteOrderMark_ReadsTheText()
    {
        Assert.Equal(Report, TextDecoder.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Report)]).Text);
        Assert.Equal(Report, TextDecoder.Decode([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Report)]).Text);
        var le = TextDecoder.Decode(Encoding.Unicode.GetBytes(Report));
        Assert.Equal(("utf-16le", Report), (le.Encoding, le.Text));
        var be = TextDecoder.Decode(Encoding.BigEndianUnicode.GetBytes(Report));
        Assert.Equal(("utf-16be", Report), (be.Encoding, be.Text));
    }

    [Fact]
    public void Decode_AsciiHeavyUtf16_IsFoundByItsZeroBytes()
    {
        const string text = "GDP 2024: 120.5 (yi yuan), growth 6.2%\n";
        Assert.Equal(("utf-16le", text), (TextDecoder.Decode(Encoding.Unicode.GetBytes(text)).Encoding, TextDecoder.Decode(Encoding.Unicode.GetBytes(text)).Text));
    }

    [Fact]
    public void Decode_Gb18030AndUtf8_AreTold()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = TextDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes(Report));
        Assert.Equal(("gb18030", Report), (gb.Encoding, gb.Text));
        var utf8 = TextDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Report)]);
        Assert.Equal(("utf-8", Report), (utf8.Encoding, utf8.Text));
    }

    [Fact]
    public void Extract_Utf16Report_GivesItsFacts()
    {
        var text = TextDecoder.Decode(Encoding.Unicode.GetBytes(Report)).Text;
        Assert.Equal(120.5m, Assert.Single(new FactExtractor(Regions.SampleOnly).Extract("t.txt", text, new DateOnly(2024, 7, 20)).Facts).Value);
    }

    [Fact]
    public void Create_RelatedReadingFollowedByLinks_DropsTheRestSilently()
    {
        var text = DocumentText.Create("全县地区生产总值120亿元。\n相关阅读\n某县召开经济运行分析会\n某园区新签约项目三个\n");
        Assert.Single(text.ContentSpans);
        Assert.Empty(text.Notices);
    }

    [Fact]
    public void Create_RelatedReadingFollowedByText_KeepsTheTextAndSaysWhatWasDropped()
    {
        var raw = "全县地区生产总值120亿元。\n最新文章\n某县召开经济运行分析会\n上半年,全县一般公共预算收入8.6亿元,同比增长4.1%,其中税收收入6.2亿元,占比72.1%。\n";
        var text = DocumentText.Create(raw);
        Assert.Equal(2, text.ContentSpans.Count);
        var notice = Assert.Single(text.Notices);
        Assert.Contains("最新文章", notice.Zh, StringComparison.Ordinal);
        Assert.Contains("1", notice.En, StringComparison.Ordinal);
        Assert.Contains(new FactExtractor(Regions.SampleOnly).Extract("t.txt", raw, new DateOnly(2024, 7, 20)).Facts, f => f.IndicatorCode?.Value == "budget_revenue");
    }
}
