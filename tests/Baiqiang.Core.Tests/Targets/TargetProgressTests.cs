using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;

namespace Baiqiang.Core.Tests.Targets;

public sealed class TargetProgressTests
{
    private static readonly RegionCode Anyi = new(360123);

    private static Target Doubling() => Target.Multiple("double", "industrial_output_total", Anyi, StatPeriod.ForYear(2020), StatPeriod.ForYear(2025), 2m,
        "工业总产值在2020年基础上翻一番");

    private static Target Projects(Comparator comparator = Comparator.AtLeast) => Target.Absolute("projects", TargetSubjectKind.Count, "new_signed_projects",
        Anyi, StatPeriod.ForYear(2023), comparator, new Amount(100m, Unit.Ge));

    [Fact]
    public void Evaluate_Doubling1500In2022_RequiredCagr10_06()
    {
        var s = TargetProgress.Evaluate(Doubling(), 1000m, 1500m, StatPeriod.ForYear(2022));
        Assert.Equal(2000m, s.TargetValue);
        Assert.Equal(1500m, s.Current);
        Assert.Equal(75m, s.ProgressPercent);
        Assert.Equal(40m, s.TimeElapsedPercent);
        Assert.False(s.Met);
        Assert.True(s.OnTrack);
        Assert.Equal(10.06m, Math.Round(s.RequiredAnnualGrowthPercent!.Value, 2));
        Assert.Contains("目标 1000 × 2 = 2000", s.Formula, StringComparison.Ordinal);
        Assert.Contains("^(1/3)", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DoublingMet_NoRequiredGrowth()
    {
        var s = TargetProgress.Evaluate(Doubling(), 1000m, 2100m, StatPeriod.ForYear(2024));
        Assert.True(s.Met);
        Assert.Null(s.RequiredAnnualGrowthPercent);
        Assert.Equal(80m, s.TimeElapsedPercent);
    }

    [Fact]
    public void Evaluate_DoublingPartYear_NoRequiredGrowth()
    {
        var s = TargetProgress.Evaluate(Doubling(), 1000m, 700m, StatPeriod.ForHalf(2022, 1));
        Assert.Null(s.RequiredAnnualGrowthPercent);
        Assert.Equal(30m, s.TimeElapsedPercent);
    }

    [Fact]
    public void Evaluate_DoublingAtDeadlineNotMet_NoRequiredGrowth()
    {
        var s = TargetProgress.Evaluate(Doubling(), 1000m, 1900m, StatPeriod.ForYear(2025));
        Assert.False(s.Met);
        Assert.Null(s.RequiredAnnualGrowthPercent);
        Assert.Equal(100m, s.TimeElapsedPercent);
        Assert.False(s.OnTrack);
    }

    [Fact]
    public void Evaluate_DoublingWithoutBase_Throws()
        => Assert.Throws<ArgumentException>(() => TargetProgress.Evaluate(Doubling(), null, 1500m, StatPeriod.ForYear(2022)));

    [Fact]
    public void Evaluate_Projects54ByJune_OnTrack()
    {
        var s = TargetProgress.Evaluate(Projects(), null, 54m, StatPeriod.CumulativeTo(2023, 6));
        Assert.Equal(100m, s.TargetValue);
        Assert.Equal(54m, s.ProgressPercent);
        Assert.Equal(50m, s.TimeElapsedPercent);
        Assert.False(s.Met);
        Assert.True(s.OnTrack);
        Assert.Null(s.RequiredAnnualGrowthPercent);
        Assert.Contains("目标 100个", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Projects40BySeptember_Behind()
    {
        var s = TargetProgress.Evaluate(Projects(), null, 40m, StatPeriod.CumulativeTo(2023, 9));
        Assert.Equal(75m, s.TimeElapsedPercent);
        Assert.False(s.OnTrack);
    }

    [Fact]
    public void Evaluate_Projects100_Met()
        => Assert.True(TargetProgress.Evaluate(Projects(), null, 100m, StatPeriod.ForYear(2023)).Met);

    [Theory]
    [InlineData(2022, 0)]
    [InlineData(2024, 100)]
    public void Evaluate_TimeOutsideDeadlineYear_Clamped(int year, int expected)
        => Assert.Equal(expected, TargetProgress.Evaluate(Projects(), null, 10m, StatPeriod.ForYear(year)).TimeElapsedPercent);

    [Theory]
    [InlineData(Comparator.AtMost, 90, true)]
    [InlineData(Comparator.AtMost, 110, false)]
    [InlineData(Comparator.Equal, 100, true)]
    [InlineData(Comparator.Equal, 101, false)]
    public void Evaluate_Comparator_Met(Comparator comparator, int current, bool met)
        => Assert.Equal(met, TargetProgress.Evaluate(Projects(comparator), null, current, StatPeriod.ForYear(2023)).Met);

    [Fact]
    public void Evaluate_DoublingWithNoGrowthSinceBase_Behind()
    {
        // 江阳: 500亿 in 2020, still 500亿 in 2022, 2× by 2025. 40% of the time gone and 50% of the value "reached" used to read
        // 正常; no growth achieved against 25.99% a year still needed is 滞后.
        var s = TargetProgress.Evaluate(Doubling(), 500m, 500m, StatPeriod.ForYear(2022));
        Assert.True(s.ProgressPercent >= s.TimeElapsedPercent);
        Assert.False(s.OnTrack);
        Assert.Equal(0m, s.AchievedAnnualGrowthPercent);
        Assert.Equal(14.87m, Math.Round(s.PlanAnnualGrowthPercent!.Value, 2));
        Assert.Equal(25.99m, Math.Round(s.StillNeededAnnualGrowthPercent!.Value, 2));
        Assert.Contains("基期以来年均增速 ((500 ÷ 500)^(1/2) − 1) × 100 = 0.00%", s.Formula, StringComparison.Ordinal);
        Assert.Contains("判定：基期以来 0.00% < 尚需 25.99%，滞后", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DoublingOnlyBaseYearStored_BehindAsNoGrowth()
    {
        var s = TargetProgress.Evaluate(Doubling(), 500m, 500m, StatPeriod.ForYear(2020));
        Assert.False(s.OnTrack);
        Assert.Equal(0m, s.AchievedAnnualGrowthPercent);
        Assert.Contains("按未增长计", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DoublingBehindPlanButAchievedReachesStillNeeded_OnTrack()
    {
        // 1000 → 1150 in 2021 (15% > 14.87% plan) → on track; 1000 → 1100 in 2021 (10%): still needs 16.2% → behind.
        Assert.True(TargetProgress.Evaluate(Doubling(), 1000m, 1150m, StatPeriod.ForYear(2021)).OnTrack);
        var behind = TargetProgress.Evaluate(Doubling(), 1000m, 1100m, StatPeriod.ForYear(2021));
        Assert.False(behind.OnTrack);
        Assert.Equal(10m, Math.Round(behind.AchievedAnnualGrowthPercent!.Value, 2));
        Assert.True(behind.StillNeededAnnualGrowthPercent > behind.AchievedAnnualGrowthPercent);
    }

    [Fact]
    public void Forecast_FlatSeries_CannotBeMet()
    {
        var f = TargetForecaster.Forecast(1000m, Comparator.AtLeast, 2025, [(2020, 500m), (2021, 500m), (2022, 500m)], null)!;
        Assert.Equal(0m, f.TrendPercent);
        Assert.Equal(2020, f.FromYear);
        Assert.Equal(2022, f.ToYear);
        Assert.Equal(500m, f.ProjectedValue);
        Assert.Null(f.MetYear);
        Assert.False(f.MetByDeadline);
        Assert.StartsWith("无法达成", f.MetYearZh, StringComparison.Ordinal);
        Assert.Equal("not within 30 years", f.MetYearEn);
        Assert.Contains("按2020—2022年（2年）年均增速0.00%外推", f.MethodZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_TenPercentTrend_ProjectsAndFindsYear()
    {
        // Last four years only: 2017 is outside the 3-year window. 1000 → 1331 over 2019–2022 is 10% a year.
        var f = TargetForecaster.Forecast(2000m, Comparator.AtLeast, 2025, [(2017, 1m), (2019, 1000m), (2020, 1100m), (2022, 1331m)], null)!;
        Assert.Equal(10m, f.TrendPercent);
        Assert.Equal(2019, f.FromYear);
        Assert.Equal(1771.56m, f.ProjectedValue);
        Assert.Equal(2027, f.MetYear); // 1331 × 1.1^5 = 2143.6
        Assert.False(f.MetByDeadline);
        Assert.Contains("2025年预计 1331 × (1 + 10.00%)^3 = 1771.56", f.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_OneYearWithGrowth_UsesPublishedGrowth_NoneWithout()
    {
        var f = TargetForecaster.Forecast(121m, Comparator.AtLeast, 2024, [(2022, 100m)], 10m)!;
        Assert.Equal(2024, f.MetYear);
        Assert.True(f.MetByDeadline);
        Assert.Contains("同比增速10.00%", f.MethodZh, StringComparison.Ordinal);
        Assert.Null(TargetForecaster.Forecast(121m, Comparator.AtLeast, 2024, [(2022, 100m)], null));
    }
}
