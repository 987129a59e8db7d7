using Baiqiang.Core.Quantities;

namespace Baiqiang.Core.Tests.Quantities;

public sealed class UnitTests
{
    [Theory]
    [InlineData("亿元", "亿元")]
    [InlineData("万元", "万元")]
    [InlineData("%", "%")]
    [InlineData("％", "%")]
    [InlineData("个百分点", "个百分点")]
    [InlineData("百分点", "个百分点")]
    [InlineData("pp", "个百分点")]
    [InlineData("㎡", "平方米")]
    [InlineData("万㎡", "万平方米")]
    [InlineData("平方千米", "平方公里")]
    [InlineData("亿度", "亿千瓦时")]
    [InlineData("公斤", "千克")]
    [InlineData("万m2", "万平方米")]
    [InlineData("万美元", "万美元")]
    [InlineData("万千瓦", "万千瓦")]
    [InlineData("万吨标煤", "万吨标准煤")]
    [InlineData("百羽", "百羽")]
    [InlineData(" 家 ", "家")]
    [InlineData("", "")]
    public void TryFind_SymbolOrAlias_FindsUnit(string symbol, string expected)
    {
        Assert.True(Unit.TryFind(symbol, out var unit));
        Assert.Equal(expected, unit.Symbol);
    }

    [Theory]
    [InlineData("欧元")]
    [InlineData("亿")]
    [InlineData("percent")]
    public void Find_Unknown_ThrowsBilingualFormatException(string symbol)
    {
        Assert.False(Unit.TryFind(symbol, out _));
        var ex = Assert.Throws<FormatException>(() => Unit.Find(symbol));
        Assert.Contains("未知计量单位", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unknown unit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IsBySymbol_WithOperatorsAndHash()
    {
        var a = Unit.Find("百分点");
        Assert.Equal(Unit.PercentagePoint, a);
        Assert.True(a == Unit.PercentagePoint);
        Assert.False(a != Unit.PercentagePoint);
        Assert.Equal(Unit.PercentagePoint.GetHashCode(), a.GetHashCode());
        Assert.NotEqual(Unit.Percent, Unit.PercentagePoint);
        Assert.True(Unit.Percent != Unit.PercentagePoint);
    }

    [Theory]
    [InlineData("亿元", "万元", true)]
    [InlineData("元", "万亿元", true)]
    [InlineData("家", "万家", true)]
    [InlineData("家", "个", false)]
    [InlineData("人", "万人", true)]
    [InlineData("%", "个百分点", false)]
    [InlineData("亩", "平方米", true)]
    [InlineData("万元", "家", false)]
    [InlineData("吨", "千克", true)]
    public void IsCompatibleWith_SameDimensionAndNoun(string a, string b, bool expected)
    {
        Assert.Equal(expected, Unit.Find(a).IsCompatibleWith(Unit.Find(b)));
        Assert.Equal(expected, Unit.Find(b).IsCompatibleWith(Unit.Find(a)));
    }

    [Fact]
    public void UsDollars_PowerAndStandardCoal_AreDimensionsOfTheirOwn_NeverYuanKilowattHoursOrTons()
    {
        Assert.Equal(Dimension.UsDollar, Unit.Find("亿美元").Dimension);
        Assert.False(Unit.Find("万美元").IsCompatibleWith(Unit.WanYuan));
        Assert.True(Unit.Find("万美元").IsCompatibleWith(Unit.Find("亿美元")));
        Assert.False(Unit.Find("万千瓦").IsCompatibleWith(Unit.WanKilowattHour));
        Assert.False(Unit.Find("万吨标准煤").IsCompatibleWith(Unit.WanTon));
        Assert.Equal(100m, Unit.Find("百羽").Factor);
    }

    [Fact]
    public void All_IsLongestSymbolFirst_AndSymbolsAreUnique()
    {
        var lengths = Unit.All.Select(u => u.Symbol.Length).ToArray();
        Assert.Equal(lengths.OrderDescending(), lengths);
        Assert.Equal(Unit.All.Count, Unit.All.Select(u => u.Symbol).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Factors_AreExactDecimals()
    {
        Assert.Equal(100_000_000m, Unit.YiYuan.Factor);
        Assert.Equal(10_000m, Unit.WanJia.Factor);
        Assert.Equal("家", Unit.WanJia.CountNoun);
        Assert.Null(Unit.YiYuan.CountNoun);
        Assert.Equal(10_000m * Unit.Mu.Factor, Unit.WanMu.Factor);
    }
}
