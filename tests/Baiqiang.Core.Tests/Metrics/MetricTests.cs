using Baiqiang.Core.Indicators;
using Baiqiang.Core.Metrics;
using Baiqiang.Core.Periods;
using M = Baiqiang.Core.Metrics.Metric;

namespace Baiqiang.Core.Tests.Metrics;

public sealed class MetricTests
{
    private static decimal R2(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);

    // ---- Growth ----

    [Fact]
    public void Growth_880_5Over816_8_Is7_80Percent()
    {
        var g = M.Growth(880.5m, 816.8m);
        Assert.Equal(7.80m, R2(g.Value));
        Assert.Equal("(880.5 ÷ 816.8 − 1) × 100 = 7.80%", g.Formula);
        Assert.Contains("增长7.80%", g.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_Decline_IsNegativeAndSaysDown()
    {
        var g = M.Growth(90m, 100m);
        Assert.Equal(-10m, g.Value);
        Assert.Contains("下降10.00%", g.Explanation, StringComparison.Ordinal);
        Assert.Contains("down 10.00%", g.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Growth_NonPositivePrevious_ThrowsBilingual(int previous)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => M.Growth(10m, previous));
        Assert.Contains("上年同期数", ex.Message, StringComparison.Ordinal);
        Assert.Contains("previous value", ex.Message, StringComparison.Ordinal);
    }

    // ---- Share / primacy ----

    [Fact]
    public void Share_JiangyangPart_Is52_67()
    {
        var s = M.Share(176.8m, 335.7m);
        Assert.Equal(52.67m, R2(s.Value));
        Assert.Equal("176.8 ÷ 335.7 × 100 = 52.67%", s.Formula);
    }

    [Fact]
    public void Share_ZeroWhole_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => M.Share(1m, 0m));

    // Constructed so that 江阳区 reproduces the seed figures: primacy 28.6% (2020) → 34.5% (2021),
    // contribution 32.2% (2020) → 39.3% (2021). City GDP 4300 → 4800 → 10700; district 1211.8 → 1372.8 → 3691.5.
    [Theory]
    [InlineData(1372.8, 4800, 28.6)]
    [InlineData(3691.5, 10700, 34.5)]
    public void UrbanPrimacy_Jiangyang_SeedFigures(decimal district, decimal city, decimal expected)
    {
        var p = M.UrbanPrimacy(district, city);
        Assert.Equal(expected, Math.Round(p.Value, 1));
        Assert.StartsWith($"{district} ÷ {city} × 100 = ", p.Formula, StringComparison.Ordinal);
        Assert.Contains("城区首位度", p.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void UrbanPrimacy_DistrictEqualsCityOver0_286_Is28_6()
        => Assert.Equal(28.6m, Math.Round(M.UrbanPrimacy(1000m, 1000m / 0.286m).Value, 6));

    [Theory]
    [InlineData(1372.8, 1211.8, 4800, 4300, 32.2)]
    [InlineData(3691.5, 1372.8, 10700, 4800, 39.3)]
    public void UrbanContribution_Jiangyang_SeedFigures(decimal d, decimal dPrev, decimal c, decimal cPrev, decimal expected)
    {
        var r = M.UrbanContribution(d, dPrev, c, cPrev);
        Assert.Equal(expected, r.Value);
        Assert.Contains(" = ", r.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void UrbanContribution_Formula_ShowsIncrements()
        => Assert.Equal("(1372.8 − 1211.8) ÷ (4800 − 4300) × 100 = 161.0 ÷ 500 × 100 = 32.20%",
            M.UrbanContribution(1372.8m, 1211.8m, 4800m, 4300m).Formula);

    [Fact]
    public void UrbanContribution_CityFlat_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => M.UrbanContribution(110m, 100m, 500m, 500m));

    [Fact]
    public void UrbanContribution_OppositeDirections_Negative()
        => Assert.True(M.UrbanContribution(90m, 100m, 520m, 500m).Value < 0);

    [Fact]
    public void Contribution_PartOfWholeIncrease_FormulaShowsIncrements()
    {
        var r = M.Contribution(500m, 450m, 1200m, 1100m);
        Assert.Equal(50m, r.Value);
        Assert.Equal("(500 − 450) ÷ (1200 − 1100) × 100 = 50 ÷ 100 × 100 = 50.00%", r.Formula);
        Assert.StartsWith("贡献率50.00%", r.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Contribution_TimesWholeGrowth_EqualsPull()
    {
        var contribution = M.Contribution(500m, 450m, 1200m, 1100m).Value;
        var growth = M.Growth(1200m, 1100m).Value;
        Assert.Equal(R2(M.PullPoints(500m, 450m, 1100m).Value), R2(growth * contribution / 100m));
    }

    [Fact]
    public void Contribution_WholeFlat_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => M.Contribution(110m, 100m, 500m, 500m));

    [Fact]
    public void Primacy_RegionOverPrefecture_IsPercentWithFormula()
    {
        var r = M.Primacy(500m, 2000m);
        Assert.Equal(25m, r.Value);
        Assert.Equal("500 ÷ 2000 × 100 = 25.00%", r.Formula);
        Assert.Throws<ArgumentOutOfRangeException>(() => M.Primacy(1m, 0m));
    }

    // ---- Pull ----

    [Fact]
    public void PullPoints_EnergyStorage_5_6Points()
    {
        // 储能 output 100 → 128 while the whole industry was 500 a year earlier: pulled growth by 5.6 points.
        var p = M.PullPoints(128m, 100m, 500m);
        Assert.Equal(5.6m, p.Value);
        Assert.Equal("(128 − 100) ÷ 500 × 100 = 5.60个百分点", p.Formula);
        Assert.Contains("拉动增长5.60个百分点", p.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void PullPoints_PartsSumToWholeGrowth()
    {
        // Two parts 300→330 and 200→210 make a whole 500→540: pulls 6 + 2 = growth 8%.
        var a = M.PullPoints(330m, 300m, 500m).Value;
        var b = M.PullPoints(210m, 200m, 500m).Value;
        Assert.Equal(M.Growth(540m, 500m).Value, a + b);
    }

    [Fact]
    public void PullPoints_ZeroWhole_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => M.PullPoints(1m, 0m, 0m));

    // ---- CAGR ----

    [Fact]
    public void Cagr_Doubling2020To2025_Is14_87()
    {
        var c = M.Cagr(1000m, 2000m, 5);
        Assert.Equal(14.87m, R2(c.Value));
        Assert.Equal(14.869835m, c.Value);
        Assert.Equal("((2000 ÷ 1000)^(1/5) − 1) × 100 = 14.87%", c.Formula);
    }

    [Fact]
    public void Cagr_OneYear_EqualsGrowth()
        => Assert.Equal(R2(M.Growth(880.5m, 816.8m).Value), R2(M.Cagr(816.8m, 880.5m, 1).Value));

    [Theory]
    [InlineData(0, 10, 1)]
    [InlineData(10, -1, 1)]
    [InlineData(10, 20, 0)]
    public void Cagr_InvalidInputs_Throw(int start, int end, int years)
        => Assert.Throws<ArgumentOutOfRangeException>(() => M.Cagr(start, end, years));

    [Fact]
    public void RequiredCagr_1500To2000In3Years_Is10_06()
    {
        var r = M.RequiredCagr(1500m, 2000m, 3);
        Assert.Equal(10.06m, R2(r.Value));
        Assert.Contains("需年均增长10.06%", r.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredCagr_TargetAlreadyExceeded_IsNegative()
        => Assert.True(M.RequiredCagr(2100m, 2000m, 2).Value < 0);

    // ---- Plan completion ----

    [Fact]
    public void PlanCompletion_HalfYear54Of100_OnTrack()
    {
        var r = M.PlanCompletion(54m, 100m, StatPeriod.ForHalf(2023, 1));
        Assert.Equal(54m, r.CompletionPercent);
        Assert.Equal(50m, r.TimeElapsedPercent);
        Assert.Equal(4m, r.GapPoints);
        Assert.True(r.OnTrack);
        Assert.Contains("快于时间进度", r.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanCompletion_Behind_NotOnTrack()
    {
        var r = M.PlanCompletion(30m, 100m, StatPeriod.CumulativeTo(2023, 9));
        Assert.Equal(75m, r.TimeElapsedPercent);
        Assert.Equal(-45m, r.GapPoints);
        Assert.False(r.OnTrack);
        Assert.Contains("慢于时间进度45.00个百分点", r.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanCompletion_ExactlyElapsed_OnTrack()
        => Assert.True(M.PlanCompletion(25m, 100m, StatPeriod.CumulativeTo(2023, 3)).OnTrack);

    [Fact]
    public void PlanCompletion_ZeroPlan_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => M.PlanCompletion(1m, 0m, StatPeriod.ForYear(2023)));

    // ---- Ranking ----

    [Fact]
    public void Rank_Ties_StandardCompetition()
    {
        var ranked = M.Rank([("a", 10m), ("b", 30m), ("c", 20m), ("d", 20m)], Direction.HigherIsBetter);
        Assert.Equal(["b", "c", "d", "a"], ranked.Select(r => r.Key));
        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
        Assert.Equal([false, true, true, false], ranked.Select(r => r.Tied));
        Assert.All(ranked, r => Assert.Equal(4, r.Of));
    }

    [Fact]
    public void Rank_LowerIsBetter_Ascending()
    {
        var ranked = M.Rank([("a", 3m), ("b", 1m), ("c", 2m)], Direction.LowerIsBetter);
        Assert.Equal(["b", "c", "a"], ranked.Select(r => r.Key));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_Neutral_Throws()
        => Assert.Throws<ArgumentException>(() => M.Rank([("a", 1m)], Direction.Neutral));

    [Fact]
    public void Rank_Empty_IsEmpty()
        => Assert.Empty(M.Rank(Array.Empty<(string, decimal)>(), Direction.HigherIsBetter));

    [Fact]
    public void Rank_AllTied_AllFirst()
        => Assert.All(M.Rank([("a", 5m), ("b", 5m), ("c", 5m)], Direction.HigherIsBetter), r => Assert.Equal(1, r.Rank));

    [Theory]
    [InlineData(2, 10, "位居全市第2")]
    [InlineData(7, 7, "位居全市第7")]
    public void RankPhraseZh_Ordinal(int rank, int of, string expected)
        => Assert.Equal(expected, M.RankPhraseZh(rank, of, "全市"));

    [Theory]
    [InlineData(2, 10, "位居全市前列")]
    [InlineData(4, 10, "位居全市前列")]
    [InlineData(5, 10, "位居全市第5")]
    [InlineData(3, 9, "位居全市前列")]
    [InlineData(4, 9, "位居全市第4")]
    public void FrontRankPhraseZh_TopThirdIsFront(int rank, int of, string expected)
        => Assert.Equal(expected, M.FrontRankPhraseZh(rank, of, "全市"));

    [Theory]
    [InlineData(0, 5)]
    [InlineData(6, 5)]
    [InlineData(1, 0)]
    public void RankPhrase_OutOfRange_Throws(int rank, int of)
        => Assert.Throws<ArgumentOutOfRangeException>(() => M.RankPhrase(rank, of));

    [Fact]
    public void RankPhrase_Second_Is第2()
        => Assert.Equal("第2", M.RankPhrase(2, 10));

    [Fact]
    public void RankWording_OneRegion_SaysPeersLackFiguresNever第1()
    {
        foreach (var w in new[] { M.RankWording(1, 1, "全市", "the prefecture"), M.RankWording(1, 1, "全市", "the prefecture", front: true) })
        {
            Assert.Equal("对比组内其他地区暂无数据", w.Zh);
            Assert.Equal("no other region in the group has figures", w.En);
        }

        Assert.DoesNotContain("第1", M.RankPhraseZh(1, 1, "全市"), StringComparison.Ordinal);
        Assert.DoesNotContain("前列", M.FrontRankPhraseZh(1, 1, "全市"), StringComparison.Ordinal);
        Assert.Equal("对比组内其他地区暂无数据", M.RankPhrase(1, 1));
    }

    [Fact]
    public void RankWording_TwoRegions_Ordinal()
    {
        var w = M.RankWording(1, 2, "全市", "the prefecture");
        Assert.Equal("位居全市第1", w.Zh);
        Assert.Equal("1 of 2 in the prefecture", w.En);
    }

    // ---- Consistency of printed percentages ----

    [Fact]
    public void CheckReportedPercent_Jiangyang54_3_Inconsistent()
    {
        var c = M.CheckReportedPercent(176.8m, 335.7m, 54.3m);
        Assert.Equal(52.7m, c.Computed);
        Assert.Equal(54.3m, c.Reported);
        Assert.Equal(1.6m, c.DifferencePoints);
        Assert.False(c.Consistent);
        Assert.Equal("176.8 ÷ 335.7 × 100 = 52.67%", c.Formula);
        Assert.Contains("相差1.6个百分点", c.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("1.6 percentage points", c.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckReportedPercent_Anyi51_6_Consistent()
    {
        var c = M.CheckReportedPercent(70.85m, 137.31m, 51.6m);
        Assert.Equal(51.6m, c.Computed);
        Assert.Equal(0m, c.DifferencePoints);
        Assert.True(c.Consistent);
        Assert.Contains("一致", c.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckReportedPercent_RoundsToReportedDecimals()
    {
        Assert.Equal(52.67m, M.CheckReportedPercent(176.8m, 335.7m, 52.67m).Computed);
        Assert.Equal(53m, M.CheckReportedPercent(176.8m, 335.7m, 53m).Computed);
    }

    [Fact]
    public void CheckReportedPercent_WithinTolerance_Consistent()
    {
        Assert.True(M.CheckReportedPercent(176.8m, 335.7m, 52.8m).Consistent);
        Assert.False(M.CheckReportedPercent(176.8m, 335.7m, 52.9m).Consistent);
        Assert.True(M.CheckReportedPercent(176.8m, 335.7m, 52.9m, 0.2m).Consistent);
    }

    [Fact]
    public void CheckReportedPercent_ZeroWhole_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => M.CheckReportedPercent(1m, 0m, 50m));
}
