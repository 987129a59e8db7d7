using System.Globalization;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Core.Tests.Quantities;

public sealed class AmountTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("880.5", "亿元", "8805000", "万元")]
    [InlineData("1480", "万元", "0.148", "亿元")]
    [InlineData("779.19", "万元", "0.077919", "亿元")]
    [InlineData("1095", "万元", "0.1095", "亿元")]
    [InlineData("3197.6", "亿元", "0.31976", "万亿元")]
    [InlineData("41", "亿元", "4100000000", "元")]
    [InlineData("1.47", "万家", "14700", "家")]
    [InlineData("1.8", "亿只", "18000", "万只")]
    [InlineData("60", "万平方米", "600000", "平方米")]
    [InlineData("1", "公顷", "15", "亩")]
    [InlineData("5", "万吨", "50000000", "千克")]
    public void ConvertTo_SameDimension_IsExact(string value, string from, string expected, string to)
    {
        var converted = new Amount(D(value), Unit.Find(from)).ConvertTo(Unit.Find(to));
        Assert.Equal(D(expected), converted.Value);
        Assert.Equal(to, converted.Unit.Symbol);
    }

    [Fact]
    public void ConvertTo_WanYuanToYiYuan_KeepsEveryDigit()
    {
        var a = Amount.WanYuan(123_456_789.0123m).ConvertTo(Unit.YiYuan);
        Assert.Equal(12_345.67890123m, a.Value);
        Assert.Equal(Amount.WanYuan(123_456_789.0123m).BaseValue, a.BaseValue);
    }

    [Fact]
    public void ConvertTo_KeepsQualifier()
        => Assert.Equal(Qualifier.More, new Amount(1.47m, Unit.WanJia, Qualifier.More).ConvertTo(Unit.Jia).Qualifier);

    [Theory]
    [InlineData("万元", "家")]
    [InlineData("%", "个百分点")]
    [InlineData("家", "个")]
    [InlineData("亩", "吨")]
    [InlineData("亿元", "倍")]
    public void ConvertTo_AcrossDimensions_Throws(string from, string to)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Amount(1m, Unit.Find(from)).ConvertTo(Unit.Find(to)));
        Assert.Contains("不能把", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot convert", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IsStructural_WithOperatorsAndHash()
    {
        var a = Amount.YiYuan(880.5m);
        var b = new Amount(880.50m, Unit.Find("亿元"));
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a with { Qualifier = Qualifier.About });
        Assert.True(a != Amount.WanYuan(8_805_000m));
    }

    [Fact]
    public void IsEquivalentTo_ComparesBaseValues_IgnoringQualifier()
    {
        Assert.True(Amount.YiYuan(1m).IsEquivalentTo(Amount.WanYuan(10_000m)));
        Assert.True(new Amount(1.47m, Unit.WanJia).IsEquivalentTo(new Amount(14_700m, Unit.Jia, Qualifier.More)));
        Assert.False(Amount.YiYuan(1m).IsEquivalentTo(Amount.WanYuan(9_999m)));
        Assert.False(Amount.Percent(2.4m).IsEquivalentTo(Amount.Points(2.4m)));
        Assert.NotEqual(Amount.YiYuan(1m), Amount.WanYuan(10_000m));
    }

    [Fact]
    public void Factories_UseTheRightUnits()
    {
        Assert.Same(Unit.Yuan, Amount.Yuan(1m).Unit);
        Assert.Same(Unit.WanYuan, Amount.WanYuan(1m).Unit);
        Assert.Same(Unit.YiYuan, Amount.YiYuan(1m).Unit);
        Assert.Same(Unit.Percent, Amount.Percent(1m).Unit);
        Assert.Same(Unit.PercentagePoint, Amount.Points(1m).Unit);
        Assert.Equal(Qualifier.Exact, Amount.Points(1m).Qualifier);
    }
}
