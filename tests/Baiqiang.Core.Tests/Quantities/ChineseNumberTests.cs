using System.Globalization;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Core.Tests.Quantities;

public sealed class ChineseNumberTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("27", "27")]
    [InlineData("3197.6", "3197.6")]
    [InlineData("3,197.6", "3197.6")]
    [InlineData("1,095", "1095")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("880.5", "880.5")]
    [InlineData("0.05", "0.05")]
    [InlineData("-8.7", "-8.7")]
    [InlineData("+7.8", "7.8")]
    [InlineData("８８０．５", "880.5")]
    [InlineData("3，197.6", "3197.6")]
    [InlineData("一", "1")]
    [InlineData("十", "10")]
    [InlineData("十二", "12")]
    [InlineData("二十", "20")]
    [InlineData("二十七", "27")]
    [InlineData("一百", "100")]
    [InlineData("一百三十四", "134")]
    [InlineData("一百零五", "105")]
    [InlineData("两千", "2000")]
    [InlineData("兩千", "2000")]
    [InlineData("三千零一", "3001")]
    [InlineData("一万四千七百", "14700")]
    [InlineData("一万零五十", "10050")]
    [InlineData("十万", "100000")]
    [InlineData("一亿二千万", "120000000")]
    [InlineData("二〇二二", "2022")]
    [InlineData("二零二二", "2022")]
    [InlineData("三点五", "3.5")]
    [InlineData("零点五", "0.5")]
    [InlineData("负三", "-3")]
    [InlineData("1.47万", "14700")]
    [InlineData("1.47萬", "14700")]
    [InlineData("3.5亿", "350000000")]
    [InlineData("3.5億", "350000000")]
    [InlineData("2万亿", "2000000000000")]
    [InlineData("1.5万亿", "1500000000000")]
    [InlineData("880.5亿", "88050000000")]
    [InlineData("3千万", "30000000")]
    [InlineData("5千", "5000")]
    [InlineData("三点五亿", "350000000")]
    [InlineData("0.0001万", "1")]
    public void TryParse_ValidNumber_IsExact(string text, string expected)
    {
        var result = ChineseNumber.TryParse(text);
        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("万")]
    [InlineData("亿")]
    [InlineData("1.2.3")]
    [InlineData("3,19.6")]
    [InlineData("1.")]
    [InlineData("5三")]
    [InlineData("1.47万家")]
    [InlineData("7.8%")]
    [InlineData("点五")]
    public void TryParse_NotANumber_FailsWithBilingualReason(string text)
    {
        var result = ChineseNumber.TryParse(text);
        Assert.False(result.Success);
        Assert.Contains("无法识别数字", result.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains("cannot read number", result.Error!.Value.En, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Multiplied_HasNoTrailingZeros()
        => Assert.Equal("14700", ChineseNumber.TryParse("1.47万").Value.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
        => Assert.Throws<FormatException>(() => ChineseNumber.Parse("不是数字"));

    [Fact]
    public void TryParse_Huge_FailsInsteadOfThrowing()
        => Assert.False(ChineseNumber.TryParse("99999999999999999999万亿亿").Success);
}
