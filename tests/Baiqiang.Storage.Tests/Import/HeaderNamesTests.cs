using Baiqiang.Storage.Import;

namespace Baiqiang.Storage.Tests.Import;

public sealed class HeaderNamesTests
{
    [Theory]
    [InlineData("地区生产总值(亿元)", "地区生产总值", "亿元", null, null)]
    [InlineData("地区生产总值（万元）", "地区生产总值", "万元", null, null)]
    [InlineData("地区生产总值 同比增长%", "地区生产总值", null, "Growth", null)]
    [InlineData("地区生产总值增速(%)", "地区生产总值", null, "Growth", null)]
    [InlineData("规上工业增加值 累计", "规上工业增加值", null, "Cumulative", null)]
    [InlineData("规上工业增加值1-6月累计(亿元)", "规上工业增加值", "亿元", "Cumulative", null)]
    [InlineData("规上工业增加值 累计增长", "规上工业增加值", null, "Growth", "Cumulative")]
    [InlineData("本月", "", null, "Month", null)]
    [InlineData("1-6月", "", null, "Cumulative", null)]
    [InlineData("同比增长(%)", "", null, "Growth", null)]
    [InlineData("(%)", "", null, "Growth", null)]
    [InlineData("金额(单位：万元)", "金额", "万元", null, null)]
    public void ParseWide_HeaderCell_TakesItApart(string text, string indicator, string? unit, string? role, string? growthOf)
    {
        var label = HeaderNames.ParseWide(text);

        Assert.Equal(indicator, label.IndicatorText);
        Assert.Equal(unit, label.UnitText);
        Assert.Equal(role, label.Role?.ToString());
        Assert.Equal(growthOf, label.GrowthOf?.ToString());
    }

    [Theory]
    [InlineData("本月", true)]
    [InlineData("金额", true)]
    [InlineData("同比增长%", true)]
    [InlineData("地区生产总值", false)]
    public void IsSubLabelOnly_SubColumnWords_AreRecognised(string text, bool expected)
        => Assert.Equal(expected, HeaderNames.ParseWide(text).IsSubLabelOnly);

    [Theory]
    [InlineData("同比增长%", "Growth")]
    [InlineData("同比增长（%）", "Growth")]
    [InlineData(" Value ", "Value")]
    [InlineData("地区代码", "Region")]
    [InlineData("地区名称", "RegionName")]
    [InlineData("限定", "Qualifier")]
    [InlineData("地区生产总值", "None")]
    public void ClassifyLong_HeaderCell_MapsToColumn(string text, string expected)
        => Assert.Equal(expected, HeaderNames.ClassifyLong(text).ToString());
}
