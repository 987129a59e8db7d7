using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;

namespace Baiqiang.Core.Tests.Targets;

/// <summary>Growth targets (增长16%以上) and increase targets (新增规上企业20家), with hand-computed expectations.</summary>
public sealed class TargetChangeTests
{
    private static readonly RegionCode Anyi = new(360123);

    private static Target Investment16() => Target.Growth("fai-2023", "fixed_asset_investment", Anyi, StatPeriod.ForYear(2023), Comparator.AtLeast, 16m,
        "全社会固定资产投资增长16%以上");

    private static Target Firms20(StatPeriod? basePeriod = null) => Target.Increasing("firms-2025", "enterprises_above_scale", Anyi, StatPeriod.ForYear(2025),
        Comparator.AtLeast, new Amount(20m, Unit.Jia), basePeriod, "新增规上企业20家");

    [Fact]
    public void EvaluateGrowth_HalfYearAt12_5AgainstSixteen_BehindWithProgress78_125()
    {
        var s = TargetProgress.EvaluateGrowth(Investment16(), 12.5m, StatPeriod.CumulativeTo(2023, 6), "12.5%（公布）");

        // 12.5 ÷ 16 × 100 = 78.125; six of twelve months gone = 50%.
        Assert.Equal(16m, s.TargetValue);
        Assert.Equal(12.5m, s.Current);
        Assert.Equal(78.125m, s.ProgressPercent);
        Assert.Equal(50m, s.TimeElapsedPercent);
        Assert.False(s.Met);
        Assert.False(s.OnTrack);
        Assert.Contains("目标 增长 ≥ 16%; 2023年1-6月同比增长 12.5%（公布）", s.Formula, StringComparison.Ordinal);
        Assert.Contains("判定：增长 12.50% < 16%（期中），滞后", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateGrowth_HalfYearAboveTheRate_OnTrackButNotYetMet()
    {
        var s = TargetProgress.EvaluateGrowth(Investment16(), 17.2m, StatPeriod.CumulativeTo(2023, 6), "17.2%（公布）");

        Assert.False(s.Met);
        Assert.True(s.OnTrack);
        Assert.Equal(107.5m, s.ProgressPercent);
        Assert.Contains("判定：增长 17.20% ≥ 16%（期中），正常", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GrowthTargetFromSamePeriodAYearEarlier_ComputesTheRateAndMeetsOnTheFullYear()
    {
        // 234 ÷ 200 = 1.17 → 17% ≥ 16% on the deadline year itself: met.
        var s = TargetProgress.Evaluate(Investment16(), 200m, 234m, StatPeriod.ForYear(2023));

        Assert.Equal(17m, s.Current);
        Assert.True(s.Met);
        Assert.True(s.OnTrack);
        Assert.Equal(106.25m, s.ProgressPercent);
        Assert.Equal(100m, s.TimeElapsedPercent);
        Assert.Contains("2023年同比增长 (234 ÷ 200 − 1) × 100 = 17.00%", s.Formula, StringComparison.Ordinal);
        Assert.Contains("，已完成", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GrowthTargetFullYearBelowTheRate_NotMetAndBehind()
    {
        // 230 ÷ 200 = 1.15 → 15% < 16% on the full year: 未完成.
        var s = TargetProgress.Evaluate(Investment16(), 200m, 230m, StatPeriod.ForYear(2023));

        Assert.False(s.Met);
        Assert.False(s.OnTrack);
        Assert.Contains("判定：增长 15.00% < 16%（全期），未完成", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateIncrease_EightNewFirmsByJune_ProgressFortyAgainstHalfTheYear_Behind()
    {
        // 128 − 120 = 8 of 20 → 40%; from the 2024 year-end to the 2025 year-end, June is half way → 50%.
        var s = TargetProgress.EvaluateIncrease(Firms20(), 120m, 128m, StatPeriod.ForMonth(2025, 6));

        Assert.Equal(20m, s.TargetValue);
        Assert.Equal(8m, s.Current);
        Assert.Equal(40m, s.ProgressPercent);
        Assert.Equal(50m, s.TimeElapsedPercent);
        Assert.False(s.Met);
        Assert.False(s.OnTrack);
        Assert.Contains("目标 新增 ≥ 20家; 新增 128 − 120（2024年） = 8家; 进度 8 ÷ 20 × 100 = 40.00%; 时间进度 50.00%", s.Formula, StringComparison.Ordinal);
        Assert.Contains("进度低于时间进度，滞后", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateIncrease_TwentyOneNewBySeptember_Met()
    {
        var s = TargetProgress.EvaluateIncrease(Firms20(), 120m, 141m, StatPeriod.ForMonth(2025, 9));

        Assert.Equal(21m, s.Current);
        Assert.Equal(105m, s.ProgressPercent);
        Assert.Equal(75m, s.TimeElapsedPercent);
        Assert.True(s.Met);
        Assert.True(s.OnTrack);
    }

    [Fact]
    public void EvaluateIncrease_FromAnEarlierBase_TimeRunsFromThatBase()
    {
        // Since 2020: 5 years to 2025; at the 2022 year-end two have passed (40%); 130 − 100 = 30 of 50 → 60% ≥ 40%: 正常.
        var t = Target.Increasing("firms-2025-50", "enterprises_above_scale", Anyi, StatPeriod.ForYear(2025), Comparator.AtLeast, new Amount(50m, Unit.Jia), StatPeriod.ForYear(2020));
        var s = TargetProgress.Evaluate(t, 100m, 130m, StatPeriod.ForYear(2022));

        Assert.Equal(2020, TargetProgress.IncreaseBase(t).Year);
        Assert.Equal(60m, s.ProgressPercent);
        Assert.Equal(40m, s.TimeElapsedPercent);
        Assert.True(s.OnTrack);
        Assert.Contains("新增 130 − 100（2020年） = 30家", s.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_GrowthTogetherWithAValue_ThrowsInBothLanguages()
    {
        var e = Assert.Throws<ArgumentException>(() => new Target("x", TargetSubjectKind.Indicator, "gdp", Anyi, StatPeriod.ForYear(2023), Comparator.AtLeast,
            new Amount(100m, Unit.YiYuan), null, null, null, 8m));

        Assert.Contains("目标须且只须给出目标值、倍数、增速或新增量之一", e.Message, StringComparison.Ordinal);
        Assert.Contains("give exactly one of a target value, a multiple, a growth rate or an increase", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_GrowthOfAPipelineCount_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Target("x", TargetSubjectKind.Count, "new_signed_projects", Anyi, StatPeriod.ForYear(2023), Comparator.AtLeast,
            null, null, null, null, 8m));

        Assert.Contains("growth and increase targets apply to indicators only", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_OfEachConstructor_IsTheFormGiven()
    {
        Assert.Equal(TargetForm.Growth, Investment16().Form);
        Assert.Equal(TargetForm.Increase, Firms20().Form);
        Assert.Equal(TargetForm.Multiple, Target.Multiple("m", "gdp", Anyi, StatPeriod.ForYear(2020), StatPeriod.ForYear(2025), 2m).Form);
        Assert.False(Firms20(StatPeriod.ForYear(2020)).IsMultipleOfBase);
    }
}
