using Baiqiang.Core.Text;

namespace Baiqiang.Core.Tests.Text;

public sealed class ChineseTextTests
{
    [Theory]
    [InlineData("２０２２年１－６月", "2022年1-6月")]
    [InlineData("１２３４５６７８９０", "1234567890")]
    [InlineData("ＡＢＣｘｙｚ", "ABCxyz")]
    [InlineData("８８０．５億元", "880.5亿元")]
    [InlineData("７．８％", "7.8%")]
    [InlineData("3，197.6", "3,197.6")]
    [InlineData("（下同）", "(下同)")]
    public void Normalize_FullWidth_BecomesAscii(string input, string expected)
        => Assert.Equal(expected, ChineseText.Normalize(input));

    [Theory]
    [InlineData("880.5億元", "880.5亿元")]
    [InlineData("一般公共預算收入41億元,增長27.8%", "一般公共预算收入41亿元,增长27.8%")]
    [InlineData("規上工業總產值", "规上工业总产值")]
    [InlineData("社會消費品零售額", "社会消费品零售额")]
    [InlineData("外貿進出口總額", "外贸进出口总额")]
    [InlineData("工業強縣 產業興縣", "工业强县 产业兴县")]
    [InlineData("年度計劃投資137.31億元", "年度计划投资137.31亿元")]
    [InlineData("佔年度計劃投資的51.6%", "占年度计划投资的51.6%")]
    [InlineData("萬元", "万元")]
    [InlineData("兩個項目", "两个项目")]
    [InlineData("開發區", "开发区")]
    [InlineData("經濟統計數據", "经济统计数据")]
    [InlineData("萬噸", "万吨")]
    [InlineData("千瓦時", "千瓦时")]
    [InlineData("百分點", "百分点")]
    [InlineData("竣工達標", "竣工达标")]
    [InlineData("單位戶數", "单位户数")]
    [InlineData("營業收入", "营业收入")]
    [InlineData("稅收", "税收")]
    [InlineData("較上年", "较上年")]
    [InlineData("工業總産値", "工业总产值")]
    [InlineData("増長", "增长")]
    [InlineData("1至4月,園區營業收入100.03億元", "1至4月,园区营业收入100.03亿元")]
    [InlineData("每天約49萬隻", "每天约49万只")]
    [InlineData("致力於攻克", "致力于攻克")]
    public void Normalize_Traditional_BecomesSimplified(string input, string expected)
        => Assert.Equal(expected, ChineseText.Normalize(input));

    [Theory]
    [InlineData("1—4月", "1-4月")]
    [InlineData("1——4月", "1-4月")]
    [InlineData("1－4月", "1-4月")]
    [InlineData("1–4月", "1-4月")]
    [InlineData("1~4月", "1-4月")]
    [InlineData("1～4月", "1-4月")]
    [InlineData("1〜4月", "1-4月")]
    [InlineData("1−4月", "1-4月")]
    [InlineData("1至4月", "1至4月")]
    [InlineData("1到4月", "1到4月")]
    public void Normalize_RangeMarks_BecomeOneDash(string input, string expected)
        => Assert.Equal(expected, ChineseText.Normalize(input));

    [Theory]
    [InlineData("增長(zhǎng)", "增长")]
    [InlineData("增长（zhǎng）7.8%", "增长7.8%")]
    [InlineData("重(zhòng)点", "重点")]
    [InlineData("长(cháng)江", "长江")]
    [InlineData("占比(lǜ)", "占比")]
    [InlineData("GDP(ABC)", "GDP(ABC)")]
    [InlineData("(錢 宇)", "(钱 宇)")]
    [InlineData("项目(2个)", "项目(2个)")]
    public void Normalize_PinyinGloss_IsRemovedOnlyAfterCjk(string input, string expected)
        => Assert.Equal(expected, ChineseText.Normalize(input));

    [Theory]
    [InlineData("  上半年  ", "上半年")]
    [InlineData("880.5 \t 亿元", "880.5 亿元")]
    [InlineData("a\u3000\u3000b", "a b")]
    [InlineData("", "")]
    public void Normalize_Whitespace_IsCollapsedAndTrimmed(string input, string expected)
        => Assert.Equal(expected, ChineseText.Normalize(input));

    [Theory]
    [InlineData("880.5億元")]
    [InlineData("２０２２年１－６月")]
    [InlineData("增長(zhǎng)27.8%")]
    public void Normalize_IsIdempotent(string input)
    {
        var once = ChineseText.Normalize(input);
        Assert.Equal(once, ChineseText.Normalize(once));
    }

    [Theory]
    [InlineData("880.5億元", true)]
    [InlineData("880.5亿元", false)]
    [InlineData("上半年", false)]
    [InlineData("規上", true)]
    [InlineData("", false)]
    public void ContainsTraditional_DetectsTraditionalCharacters(string input, bool expected)
        => Assert.Equal(expected, ChineseText.ContainsTraditional(input));

    [Fact]
    public void ToSimplified_KeepsPunctuationAndLength()
    {
        Assert.Equal("增长27.8%﹔", ChineseText.ToSimplified("增長27.8%﹔"));
    }

    [Fact]
    public void TraditionalTable_IsGenerous()
        => Assert.True(ChineseText.TraditionalTableSize >= 500, $"only {ChineseText.TraditionalTableSize} characters mapped");

    [Fact]
    public void Normalize_AnyiSeed_HasNoTraditionalLeft()
    {
        var text = ChineseText.Normalize(SeedFiles.Read("001_anyi_industrial_park.txt"));
        Assert.False(ChineseText.ContainsTraditional(text));
        Assert.Contains("年度计划投资137.31亿元", text, StringComparison.Ordinal);
        Assert.Contains("目前累计完成投资70.85亿元,占年度计划投资的51.6%", text, StringComparison.Ordinal);
        Assert.Contains("立项投资额256.79亿元", text, StringComparison.Ordinal);
        Assert.Contains("投产率达84.05%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_TongzhouSeed_HasNoTraditionalLeft()
    {
        var text = ChineseText.Normalize(SeedFiles.Read("004_tongzhou_h1_report_card.txt"));
        Assert.False(ChineseText.ContainsTraditional(text));
        Assert.Contains("上半年,通州实现地区生产总值880.5亿元", text, StringComparison.Ordinal);
        Assert.Contains("一般公共预算收入41亿元,增长27.8%", text, StringComparison.Ordinal);
        Assert.Contains("分别拉动规上工业总产值增长5.6和4.4个百分点", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000_jiangyang_top100_district.txt")]
    [InlineData("002_ziyang_airport_zone_hitech_zone.txt")]
    [InlineData("003_ziyang_industrial_plan_2025.txt")]
    public void Normalize_SimplifiedSeed_KeepsEveryChineseCharacter(string file)
    {
        var raw = SeedFiles.Read(file);
        Assert.False(ChineseText.ContainsTraditional(raw));
        Assert.Equal(raw, ChineseText.ToSimplified(raw));
    }
}
