using Baiqiang.Core.Periods;

namespace Baiqiang.Core.Tests.Periods;

public sealed class ChinesePeriodParserTests
{
    private static readonly DateOnly Tongzhou = new(2022, 7, 27); // Tongzhou H1 report card, published 2022-07-27
    private static readonly DateOnly Anyi = new(2022, 6, 14);     // Anyi industrial park report, 2022-06-14

    [Fact]
    public void TryParse_TongzhouThisYearJanToJun_Is2022H1Cumulative()
    {
        var r = ChinesePeriodParser.TryParse("今年1至6月", Tongzhou);
        Assert.True(r.Success, r.Error?.ToString());
        Assert.Equal("2022-01..06", r.Value.ToString());
    }

    [Theory]
    // Explicit years: no reference date needed
    [InlineData("2022年", "2022")]
    [InlineData("2021年", "2021")]
    [InlineData("2021年全年", "2021")]
    [InlineData("2022年度", "2022")]
    [InlineData("二〇二二年", "2022")]
    [InlineData("二零二二年", "2022")]
    [InlineData("二〇二二年上半年", "2022-01..06")]
    [InlineData("2022年上半年", "2022-01..06")]
    [InlineData("2023年上半年", "2023-01..06")]
    [InlineData("2022年下半年", "2022-H2")]
    [InlineData("2022年1-6月", "2022-01..06")]
    [InlineData("2022年1-6月份", "2022-01..06")]
    [InlineData("2022年1至6月累计", "2022-01..06")]
    [InlineData("2022年6月", "2022-06")]
    [InlineData("2022年6月份", "2022-06")]
    [InlineData("2022年12月", "2022-12")]
    [InlineData("2022年一季度", "2022-01..03")]
    [InlineData("2022年第一季度", "2022-01..03")]
    [InlineData("2022年二季度", "2022-Q2")]
    [InlineData("2022年第三季度", "2022-Q3")]
    [InlineData("2022年四季度", "2022-Q4")]
    [InlineData("2022年前三季度", "2022-01..09")]
    [InlineData("2022年Q3", "2022-Q3")]
    [InlineData("2022年1月至6月", "2022-01..06")]
    [InlineData("2022年1月份至6月份", "2022-01..06")]
    [InlineData("2022年7-9月", "2022-Q3")]
    [InlineData("2022年7-12月", "2022-H2")]
    [InlineData("2022年1-12月", "2022")]
    [InlineData("2022年6月累计", "2022-01..06")]
    [InlineData("截至2022年6月底", "2022-01..06")]
    [InlineData("２０２２年１－６月", "2022-01..06")]
    [InlineData("２０２２年上半年", "2022-01..06")]
    [InlineData(" 2022年 上半年 ", "2022-01..06")]
    // Canonical forms
    [InlineData("2022", "2022")]
    [InlineData("2022-06", "2022-06")]
    [InlineData("2022-01..04", "2022-01..04")]
    [InlineData("2022-Q3", "2022-Q3")]
    [InlineData("2022-H1", "2022-01..06")]
    [InlineData("2022-H2", "2022-H2")]
    public void TryParse_ExplicitYear_NeedsNoReference(string text, string canonical)
    {
        var r = ChinesePeriodParser.TryParse(text);
        Assert.True(r.Success, r.Error?.ToString());
        Assert.Equal(canonical, r.Value.ToString());
    }

    [Theory]
    [InlineData("全年", "2022-07-27", "2022")]
    [InlineData("全年", "2021-03-01", "2021")]
    [InlineData("今年", "2022-07-27", "2022")]
    [InlineData("去年", "2022-07-27", "2021")]
    [InlineData("上年", "2022-07-27", "2021")]
    [InlineData("前年", "2022-07-27", "2020")]
    [InlineData("去年全年", "2022-07-27", "2021")]
    [InlineData("上半年", "2022-07-27", "2022-01..06")]
    [InlineData("上半年", "2023-08-01", "2023-01..06")]
    [InlineData("下半年", "2022-07-27", "2022-H2")]
    [InlineData("今年上半年", "2022-07-27", "2022-01..06")]
    [InlineData("去年上半年", "2022-07-27", "2021-01..06")]
    [InlineData("一季度", "2022-07-27", "2022-01..03")]
    [InlineData("第一季度", "2022-07-27", "2022-01..03")]
    [InlineData("1季度", "2022-07-27", "2022-01..03")]
    [InlineData("一季", "2022-07-27", "2022-01..03")]
    [InlineData("二季度", "2022-07-27", "2022-Q2")]
    [InlineData("第二季度", "2022-07-27", "2022-Q2")]
    [InlineData("三季度", "2022-07-27", "2022-Q3")]
    [InlineData("四季度", "2022-07-27", "2022-Q4")]
    [InlineData("前三季度", "2022-07-27", "2022-01..09")]
    [InlineData("前两季度", "2022-07-27", "2022-01..06")]
    [InlineData("前二季度", "2022-07-27", "2022-01..06")]
    [InlineData("1至6月", "2022-07-27", "2022-01..06")]
    [InlineData("1-4月", "2022-07-27", "2022-01..04")]
    [InlineData("1—4月", "2022-07-27", "2022-01..04")]
    [InlineData("1—6月", "2022-07-27", "2022-01..06")]
    [InlineData("1~4月", "2022-07-27", "2022-01..04")]
    [InlineData("1～4月", "2022-07-27", "2022-01..04")]
    [InlineData("1到4月", "2022-07-27", "2022-01..04")]
    [InlineData("一至六月", "2022-07-27", "2022-01..06")]
    [InlineData("一至十二月", "2022-07-27", "2022")]
    [InlineData("1-6月份", "2022-07-27", "2022-01..06")]
    [InlineData("1至4月", "2022-06-14", "2022-01..04")]
    [InlineData("6月", "2022-07-27", "2022-06")]
    [InlineData("6月份", "2022-07-27", "2022-06")]
    [InlineData("六月", "2022-07-27", "2022-06")]
    [InlineData("十二月", "2022-07-27", "2022-12")]
    [InlineData("今年1至6月", "2022-07-27", "2022-01..06")]
    [InlineData("今年1-6月", "2022-07-27", "2022-01..06")]
    [InlineData("上年1至6月", "2022-07-27", "2021-01..06")]
    [InlineData("去年同期1至6月", "2022-07-27", "2021-01..06")]
    [InlineData("上年同期上半年", "2022-07-27", "2021-01..06")]
    [InlineData("去年6月", "2022-07-27", "2021-06")]
    [InlineData("年初以来", "2022-07-27", "2022-01..07")]
    [InlineData("今年以来", "2022-06-14", "2022-01..06")]
    [InlineData("今年以来", "2022-07-27", "2022-01..07")]
    [InlineData("年初至今", "2022-07-27", "2022-01..07")]
    [InlineData("截至目前", "2022-06-14", "2022-01..06")]
    [InlineData("截至6月底", "2022-07-27", "2022-01..06")]
    [InlineData("截止6月末", "2022-07-27", "2022-01..06")]
    [InlineData("6月底", "2022-07-27", "2022-01..06")]
    [InlineData("1-6月累计", "2022-07-27", "2022-01..06")]
    [InlineData("本年1-4月", "2022-06-14", "2022-01..04")]
    [InlineData("本月", "2022-07-27", "2022-07")]
    [InlineData("当月", "2022-07-27", "2022-07")]
    [InlineData("上月", "2022-07-27", "2022-06")]
    [InlineData("上月", "2023-01-10", "2022-12")]
    // Traditional and full-width
    [InlineData("前兩季度", "2022-07-27", "2022-01..06")]
    [InlineData("今年１至６月", "2022-07-27", "2022-01..06")]
    [InlineData("去年同期１－６月", "2022-07-27", "2021-01..06")]
    [InlineData("1—4月份", "2022-06-14", "2022-01..04")]
    public void TryParse_RelativeText_UsesReferenceDate(string text, string reference, string canonical)
    {
        var r = ChinesePeriodParser.TryParse(text, DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(r.Success, r.Error?.ToString());
        Assert.Equal(canonical, r.Value.ToString());
    }

    [Theory]
    [InlineData("今年1至6月")]
    [InlineData("上半年")]
    [InlineData("1-4月")]
    [InlineData("全年")]
    [InlineData("去年")]
    [InlineData("三季度")]
    [InlineData("今年以来")]
    [InlineData("截至目前")]
    [InlineData("本月")]
    public void TryParse_RelativeWithoutReference_AsksForDate(string text)
    {
        var r = ChinesePeriodParser.TryParse(text);
        Assert.False(r.Success);
        Assert.Contains("参考日期(--date)", r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains("reference date (--date)", r.Error!.Value.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("上年同期")]
    [InlineData("去年同期")]
    public void TryParse_SamePeriodAlone_SaysItNeedsAPeriod(string text)
    {
        foreach (var reference in new DateOnly?[] { null, Tongzhou })
        {
            var r = ChinesePeriodParser.TryParse(text, reference);
            Assert.False(r.Success);
            Assert.Contains("缺少所指的期别", r.Error!.Value.Zh, StringComparison.Ordinal);
            Assert.Contains("needs the period", r.Error!.Value.En, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("明天")]
    [InlineData("2022年五季度")]
    [InlineData("2022年13月")]
    [InlineData("2022年0月")]
    [InlineData("2022年6-4月")]
    [InlineData("2022年上半")]
    [InlineData("2022年以来")]
    [InlineData("2022年1.5月")]
    [InlineData("第五季度")]
    [InlineData("2021年本月")]
    [InlineData("上年同期本月")]
    public void TryParse_Garbage_FailsQuotingTheText(string text)
    {
        var r = ChinesePeriodParser.TryParse(text, Tongzhou);
        Assert.False(r.Success);
        if (text.Length > 0)
        {
            Assert.Contains(text, r.Error!.Value.Zh, StringComparison.Ordinal);
            Assert.Contains(text, r.Error!.Value.En, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2022年3-5月")]
    [InlineData("2022年2至4月")]
    [InlineData("2022-03..05")]
    public void TryParse_SpanNoStatisticianPublishes_FailsWithReason(string text)
    {
        var r = ChinesePeriodParser.TryParse(text);
        Assert.False(r.Success);
        Assert.Contains("统计口径", r.Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithBilingualMessage()
    {
        var ex = Assert.Throws<FormatException>(() => ChinesePeriodParser.Parse("不知何时", Tongzhou));
        Assert.Contains("不知何时", ex.Message, StringComparison.Ordinal);
        Assert.Contains(" / ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FirstQuarter_EqualsCumulativeToMarch()
    {
        Assert.Equal(StatPeriod.CumulativeTo(2022, 3), ChinesePeriodParser.Parse("一季度", Tongzhou));
        Assert.Equal(StatPeriod.ForQuarter(2022, 1), ChinesePeriodParser.Parse("2022年一季度"));
    }

    [Theory]
    [InlineData("前三季度", "1-9月")]
    [InlineData("上半年", "1-6月")]
    [InlineData("上半年", "今年1至6月")]
    [InlineData("前两季度", "上半年")]
    [InlineData("全年", "1-12月")]
    [InlineData("三季度", "7-9月")]
    [InlineData("下半年", "7至12月")]
    [InlineData("一季度", "1-3月")]
    [InlineData("2022年上半年", "今年上半年")]
    [InlineData("上年同期1至6月", "2021年上半年")]
    public void Parse_EquivalentWordings_GiveEqualPeriods(string a, string b)
    {
        var pa = ChinesePeriodParser.Parse(a, Tongzhou);
        var pb = ChinesePeriodParser.Parse(b, Tongzhou);
        Assert.Equal(pa, pb);
        Assert.True(pa == pb);
        Assert.Equal(pa.GetHashCode(), pb.GetHashCode());
    }

    [Fact]
    public void Parse_AnyiJanToApr_IsFourTwelfthsOfTheYear()
    {
        var p = ChinesePeriodParser.Parse("1至4月", Anyi);
        Assert.Equal(PeriodKind.Cumulative, p.Kind);
        Assert.Equal(4m / 12m, p.YearElapsedShare);
    }

    [Fact]
    public void Parse_SamePeriodLastYear_MatchesStatPeriod()
        => Assert.Equal(ChinesePeriodParser.Parse("今年1至6月", Tongzhou).SamePeriodLastYear(), ChinesePeriodParser.Parse("上年同期1至6月", Tongzhou));
}
