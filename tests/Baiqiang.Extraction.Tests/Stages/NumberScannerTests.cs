using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Tests.Stages;

public sealed class NumberScannerTests
{
    private static NumberToken? Scan(string text)
    {
        NumberScanner.Scan(text, 0, 0, text.Length, 0, out var token);
        return token;
    }

    [Theory]
    [InlineData("880.5亿元", 880.5, "亿元")]
    [InlineData("1,234.5万元", 1234.5, "万元")]
    [InlineData("三百二十家", 320, "家")]
    [InlineData("12.8%", 12.8, "%")]
    [InlineData("1.6个百分点", 1.6, "个百分点")]
    public void Scan_Figures_ReadValueAndUnit(string text, double value, string unit)
    {
        var token = Assert.NotNull(Scan(text));
        Assert.Equal((decimal)value, token.Amount.Value);
        Assert.Equal(unit, token.Amount.Unit.Symbol);
        Assert.Equal(text.Length, token.End);
    }

    [Fact]
    public void Scan_ARange_KeepsTheHighEnd()
    {
        var token = Assert.NotNull(Scan("5至8亿元"));
        Assert.Equal(5m, token.Amount.Value);
        Assert.Equal(8m, token.High);
    }

    [Theory]
    [InlineData("2023年")]
    [InlineData("7月26日")]
    [InlineData("14..3%")]
    [InlineData("1.2.3亿元")]
    [InlineData("六大产业")]
    public void Scan_DatesAndMalformedNumbers_AreNotFigures(string text) => Assert.Null(Scan(text));

    [Fact]
    public void Scan_ANumeralOfMoreThanFortyDigits_IsNotAFigure()
    {
        Assert.NotNull(Scan(new string('9', 20) + "亿元"));
        var text = new string('9', NumberScanner.MaxDigits + 1) + "亿元";
        var next = NumberScanner.Scan(text, 0, 0, text.Length, 0, out var token);
        Assert.Null(token);
        Assert.Equal(NumberScanner.MaxDigits + 1, next); // the scan goes on after the run, never back into it
    }
}
