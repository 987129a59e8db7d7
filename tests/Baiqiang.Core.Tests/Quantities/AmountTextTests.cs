using System.Globalization;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Core.Tests.Quantities;

public sealed class AmountTextTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    // Seed figures (Tongzhou H1 report card, traditional; Anyi park, traditional; Jiangyang district)
    [InlineData("880.5億元", "880.5", "亿元", Qualifier.Exact)]
    [InlineData("880.5亿元", "880.5", "亿元", Qualifier.Exact)]
    [InlineData("41億元", "41", "亿元", Qualifier.Exact)]
    [InlineData("增長27.8%", "27.8", "%", Qualifier.Exact)]
    [InlineData("3,197.6亿元", "3197.6", "亿元", Qualifier.Exact)]
    [InlineData("3197.6亿元", "3197.6", "亿元", Qualifier.Exact)]
    [InlineData("335.7亿元", "335.7", "亿元", Qualifier.Exact)]
    [InlineData("176.8亿元", "176.8", "亿元", Qualifier.Exact)]
    [InlineData("54.3%", "54.3", "%", Qualifier.Exact)]
    [InlineData("137.31億元", "137.31", "亿元", Qualifier.Exact)]
    [InlineData("70.85億元", "70.85", "亿元", Qualifier.Exact)]
    [InlineData("51.6%", "51.6", "%", Qualifier.Exact)]
    [InlineData("256.79億元", "256.79", "亿元", Qualifier.Exact)]
    [InlineData("84.05%", "84.05", "%", Qualifier.Exact)]
    [InlineData("1.47万余家", "14700", "家", Qualifier.More)]
    [InlineData("779.19万元", "779.19", "万元", Qualifier.Exact)]
    [InlineData("1,095万元", "1095", "万元", Qualifier.Exact)]
    [InlineData("1480万元", "1480", "万元", Qualifier.Exact)]
    [InlineData("下降2.1%", "-2.1", "%", Qualifier.Exact)]
    [InlineData("2.4个百分点", "2.4", "个百分点", Qualifier.Exact)]
    [InlineData("5.6个百分点", "5.6", "个百分点", Qualifier.Exact)]
    [InlineData("4.4个百分点", "4.4", "个百分点", Qualifier.Exact)]
    [InlineData("拉动5.6个百分点", "5.6", "个百分点", Qualifier.Exact)]
    [InlineData("12.3億元", "12.3", "亿元", Qualifier.Exact)]
    [InlineData("6.67億元", "6.67", "亿元", Qualifier.Exact)]
    [InlineData("同比增长69.72%", "69.72", "%", Qualifier.Exact)]
    [InlineData("121家", "121", "家", Qualifier.Exact)]
    [InlineData("200余家", "200", "家", Qualifier.More)]
    [InlineData("80余个", "80", "个", Qualifier.More)]
    [InlineData("180个以上", "180", "个", Qualifier.AtLeast)]
    [InlineData("1.8億隻", "1.8", "亿只", Qualifier.Exact)]
    [InlineData("約49萬隻", "49", "万只", Qualifier.About)]
    [InlineData("1.8亿只", "1.8", "亿只", Qualifier.Exact)]
    [InlineData("49万只", "49", "万只", Qualifier.Exact)]
    [InlineData("38微米", "38", "微米", Qualifier.Exact)]
    [InlineData("30公里", "30", "公里", Qualifier.Exact)]
    // Qualifiers
    [InlineData("近3亿元", "3", "亿元", Qualifier.Nearly)]
    [InlineData("接近3亿元", "3", "亿元", Qualifier.Nearly)]
    [InlineData("超10亿元", "10", "亿元", Qualifier.Over)]
    [InlineData("超过10亿元", "10", "亿元", Qualifier.Over)]
    [InlineData("逾10亿元", "10", "亿元", Qualifier.Over)]
    [InlineData("20个以上", "20", "个", Qualifier.AtLeast)]
    [InlineData("100个以上", "100", "个", Qualifier.AtLeast)]
    [InlineData("200亿元以上", "200", "亿元", Qualifier.AtLeast)]
    [InlineData("约110亿元", "110", "亿元", Qualifier.About)]
    [InlineData("110亿元左右", "110", "亿元", Qualifier.About)]
    [InlineData("60余家", "60", "家", Qualifier.More)]
    [InlineData("5700余人", "5700", "人", Qualifier.More)]
    [InlineData("100多个", "100", "个", Qualifier.More)]
    [InlineData("10多亿元", "10", "亿元", Qualifier.More)]
    [InlineData("不足5%", "5", "%", Qualifier.AtMost)]
    [InlineData("5%以下", "5", "%", Qualifier.AtMost)]
    // Signs and directions
    [InlineData("7.8%", "7.8", "%", Qualifier.Exact)]
    [InlineData("７．８％", "7.8", "%", Qualifier.Exact)]
    [InlineData("下降15.4%", "-15.4", "%", Qualifier.Exact)]
    [InlineData("增长-8.7%", "-8.7", "%", Qualifier.Exact)]
    [InlineData("增长7.8%", "7.8", "%", Qualifier.Exact)]
    [InlineData("同比下降2.1%", "-2.1", "%", Qualifier.Exact)]
    [InlineData("比上年同期增长13.3%", "13.3", "%", Qualifier.Exact)]
    [InlineData("较上年下降0.4%", "-0.4", "%", Qualifier.Exact)]
    [InlineData("占比55.9%", "55.9", "%", Qualifier.Exact)]
    [InlineData("达10家", "10", "家", Qualifier.Exact)]
    [InlineData("约为110亿元", "110", "亿元", Qualifier.About)]
    [InlineData("-8.7%", "-8.7", "%", Qualifier.Exact)]
    [InlineData("回落2.1个百分点", "-2.1", "个百分点", Qualifier.Exact)]
    [InlineData("提高1.2个百分点", "1.2", "个百分点", Qualifier.Exact)]
    [InlineData("回升0.5个百分点", "0.5", "个百分点", Qualifier.Exact)]
    [InlineData("上升3个百分点", "3", "个百分点", Qualifier.Exact)]
    [InlineData("2.4百分点", "2.4", "个百分点", Qualifier.Exact)]
    [InlineData("增长3倍", "3", "倍", Qualifier.Exact)]
    [InlineData("1.4倍", "1.4", "倍", Qualifier.Exact)]
    [InlineData("减少5亿元", "-5", "亿元", Qualifier.Exact)]
    // Multipliers and compound units
    [InlineData("60万平方米", "60", "万平方米", Qualifier.Exact)]
    [InlineData("1.1万亩", "1.1", "万亩", Qualifier.Exact)]
    [InlineData("5万吨", "5", "万吨", Qualifier.Exact)]
    [InlineData("3万人", "3", "万人", Qualifier.Exact)]
    [InlineData("1.47万家", "1.47", "万家", Qualifier.Exact)]
    [InlineData("2万个", "20000", "个", Qualifier.Exact)]
    [InlineData("1.5万项", "15000", "项", Qualifier.Exact)]
    [InlineData("2万亿元", "2", "万亿元", Qualifier.Exact)]
    [InlineData("3千万元", "3000", "万元", Qualifier.Exact)]
    [InlineData("1.2万余元", "12000", "元", Qualifier.More)]
    [InlineData("1000千瓦时", "1000", "千瓦时", Qualifier.Exact)]
    [InlineData("3亿千瓦时", "3", "亿千瓦时", Qualifier.Exact)]
    [InlineData("2.5亿度", "2.5", "亿千瓦时", Qualifier.Exact)]
    // Chinese numerals
    [InlineData("二十七个", "27", "个", Qualifier.Exact)]
    [InlineData("134个", "134", "个", Qualifier.Exact)]
    [InlineData("一百三十四个", "134", "个", Qualifier.Exact)]
    [InlineData("两千家", "2000", "家", Qualifier.Exact)]
    [InlineData("54个", "54", "个", Qualifier.Exact)]
    [InlineData("880.5 亿元", "880.5", "亿元", Qualifier.Exact)]
    [InlineData("27", "27", "", Qualifier.Exact)]
    public void TryParse_ReportText_GivesValueUnitAndQualifier(string text, string value, string unit, Qualifier qualifier)
    {
        var result = AmountText.TryParse(text);
        Assert.True(result.Success, result.Error?.ToString());
        var a = result.Value;
        Assert.Equal(D(value), a.Value);
        Assert.Equal(unit, a.Unit.Symbol);
        Assert.Equal(qualifier, a.Qualifier);
    }

    [Fact]
    public void TryParse_Points_AreNeverPercent()
    {
        var a = AmountText.Parse("2.4个百分点");
        Assert.Same(Unit.PercentagePoint, a.Unit);
        Assert.Equal(Dimension.PercentagePoint, a.Unit.Dimension);
        Assert.NotEqual(Unit.Percent, a.Unit);
    }

    [Fact]
    public void TryParse_TraditionalAndSimplified_AreEqual()
        => Assert.Equal(AmountText.Parse("880.5亿元"), AmountText.Parse("880.5億元"));

    [Theory]
    [InlineData("")]
    [InlineData("亿元")]
    [InlineData("abc")]
    [InlineData("5至8亿元")]
    [InlineData("880.5亿欧元")]
    [InlineData("增长")]
    public void TryParse_NotAnAmount_FailsWithBilingualReason(string text)
    {
        var r = AmountText.TryParse(text);
        Assert.False(r.Success);
        Assert.Contains("无法识别数量", r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains(text, r.Error!.Value.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
        => Assert.Throws<FormatException>(() => AmountText.Parse("若干"));

    [Theory]
    [InlineData("5至8亿元", "5", "8", "亿元")]
    [InlineData("5-8亿元", "5", "8", "亿元")]
    [InlineData("5—8亿元", "5", "8", "亿元")]
    [InlineData("5~8亿元", "5", "8", "亿元")]
    [InlineData("5到8亿元", "5", "8", "亿元")]
    [InlineData("5亿元至8亿元", "5", "8", "亿元")]
    [InlineData("1万至2万元", "1", "2", "万元")]
    [InlineData("5%-8%", "5", "8", "%")]
    [InlineData("5-8%", "5", "8", "%")]
    [InlineData("3至5个", "3", "5", "个")]
    [InlineData("三至五个工作日", null, null, null)]
    public void TryParseRange_UnitAppliesToBothEnds(string text, string? low, string? high, string? unit)
    {
        var r = AmountText.TryParseRange(text);
        if (low is null)
        {
            Assert.False(r.Success);
            return;
        }

        Assert.True(r.Success, r.Error?.ToString());
        Assert.Equal(D(low), r.Value.Low.Value);
        Assert.Equal(D(high!), r.Value.High.Value);
        Assert.Equal(unit, r.Value.Low.Unit.Symbol);
        Assert.Equal(unit, r.Value.High.Unit.Symbol);
    }

    [Theory]
    [InlineData("8至5亿元")]
    [InlineData("880.5亿元")]
    [InlineData("增长-8.7%")]
    public void TryParseRange_NotARange_Fails(string text)
        => Assert.False(AmountText.TryParseRange(text).Success);

    [Theory]
    [InlineData("880.5", "亿元", Qualifier.Exact, "880.5亿元")]
    [InlineData("41.00", "亿元", Qualifier.Exact, "41亿元")]
    [InlineData("3197.6", "亿元", Qualifier.Exact, "3197.6亿元")]
    [InlineData("779.19", "万元", Qualifier.Exact, "779.19万元")]
    [InlineData("14700", "家", Qualifier.More, "1.47万余家")]
    [InlineData("14700", "家", Qualifier.Exact, "14700家")]
    [InlineData("20000", "个", Qualifier.Exact, "2万个")]
    [InlineData("3", "亿元", Qualifier.Nearly, "近3亿元")]
    [InlineData("10", "亿元", Qualifier.Over, "超10亿元")]
    [InlineData("200", "亿元", Qualifier.AtLeast, "200亿元以上")]
    [InlineData("110", "亿元", Qualifier.About, "约110亿元")]
    [InlineData("60", "家", Qualifier.More, "60余家")]
    [InlineData("5700", "人", Qualifier.More, "5700余人")]
    [InlineData("5", "%", Qualifier.AtMost, "5%以下")]
    [InlineData("7.8", "%", Qualifier.Exact, "7.8%")]
    [InlineData("-2.1", "%", Qualifier.Exact, "-2.1%")]
    [InlineData("2.4", "个百分点", Qualifier.Exact, "2.4个百分点")]
    [InlineData("3", "倍", Qualifier.Exact, "3倍")]
    [InlineData("1.8", "亿只", Qualifier.Exact, "1.8亿只")]
    [InlineData("1.1", "万亩", Qualifier.Exact, "1.1万亩")]
    [InlineData("0.5", "亿元", Qualifier.Exact, "0.5亿元")]
    [InlineData("12345678901", "元", Qualifier.Exact, "12345678901元")]
    public void Format_PrintsLikeReports_AndParsesBack(string value, string unit, Qualifier qualifier, string expected)
    {
        var amount = new Amount(D(value), Unit.Find(unit), qualifier);
        var text = AmountText.Format(amount);
        Assert.Equal(expected, text);
        var back = AmountText.Parse(text);
        Assert.Equal(amount, back);
    }

    [Theory]
    [InlineData("7.8", true, "同比增长7.8%")]
    [InlineData("27.80", true, "同比增长27.8%")]
    [InlineData("-2.1", true, "同比下降2.1%")]
    [InlineData("0", true, "同比持平")]
    [InlineData("7.8", false, "增长7.8%")]
    [InlineData("-2.1", false, "下降2.1%")]
    [InlineData("0", false, "持平")]
    public void FormatGrowth_WritesDirectionWord(string growth, bool yearOnYear, string expected)
        => Assert.Equal(expected, AmountText.FormatGrowth(D(growth), yearOnYear));

    [Theory]
    [InlineData("7.8")]
    [InlineData("-2.1")]
    public void FormatGrowth_ParsesBackToTheSamePercent(string growth)
        => Assert.Equal(Amount.Percent(D(growth)), AmountText.Parse(AmountText.FormatGrowth(D(growth))));

    [Theory]
    [InlineData("1.2", "提高1.2个百分点")]
    [InlineData("-2.1", "回落2.1个百分点")]
    [InlineData("0", "持平")]
    public void FormatPointChange_WritesDirectionWord(string points, string expected)
    {
        Assert.Equal(expected, AmountText.FormatPointChange(D(points)));
        if (D(points) != 0m)
        {
            Assert.Equal(Amount.Points(D(points)), AmountText.Parse(expected));
        }
    }

    [Theory]
    [InlineData("880.5", "亿元", Qualifier.Exact, "88.05 billion yuan")]
    [InlineData("41", "亿元", Qualifier.Exact, "4.1 billion yuan")]
    [InlineData("3197.6", "亿元", Qualifier.Exact, "319.76 billion yuan")]
    [InlineData("779.19", "万元", Qualifier.Exact, "7,791.9 thousand yuan")]
    [InlineData("2", "万亿元", Qualifier.Exact, "2 trillion yuan")]
    [InlineData("1500", "元", Qualifier.Exact, "1,500 yuan")]
    [InlineData("14700", "家", Qualifier.More, "14,700+ firms")]
    [InlineData("1.47", "万家", Qualifier.Exact, "14,700 firms")]
    [InlineData("3", "亿元", Qualifier.Nearly, "nearly 0.3 billion yuan")]
    [InlineData("10", "亿元", Qualifier.Over, "over 1 billion yuan")]
    [InlineData("7.8", "%", Qualifier.Exact, "7.8%")]
    [InlineData("2.4", "个百分点", Qualifier.Exact, "2.4 percentage points")]
    [InlineData("1", "个百分点", Qualifier.Exact, "1 percentage point")]
    [InlineData("3", "倍", Qualifier.Exact, "3 times")]
    [InlineData("1.1", "万亩", Qualifier.Exact, "11,000 mu")]
    [InlineData("60", "万平方米", Qualifier.Exact, "600,000 m²")]
    [InlineData("38", "微米", Qualifier.Exact, "38 µm")]
    [InlineData("180", "个", Qualifier.AtLeast, "at least 180 units")]
    public void FormatEnglish_IsReadable(string value, string unit, Qualifier qualifier, string expected)
        => Assert.Equal(expected, AmountText.FormatEnglish(new Amount(D(value), Unit.Find(unit), qualifier)));
}
