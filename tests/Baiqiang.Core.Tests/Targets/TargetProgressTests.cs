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
}
