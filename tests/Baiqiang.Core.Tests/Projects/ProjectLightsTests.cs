using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Tests.Projects;

/// <summary>亮灯 (序时进度), its thresholds, the codes given to uncoded projects, opening balances and the 红黑榜.</summary>
public sealed class ProjectLightsTests
{
    [Theory]
    [InlineData(58.3, 58.3, LightColor.Green)]
    [InlineData(53.3, 58.3, LightColor.Green)] // gap −5: still green
    [InlineData(53.2, 58.3, LightColor.Yellow)]
    [InlineData(43.3, 58.3, LightColor.Yellow)] // gap −15: still yellow
    [InlineData(43.2, 58.3, LightColor.Red)]
    public void Judge_GapAtTheLines_DefaultColours(double completion, double elapsed, LightColor expected)
    {
        var light = ProjectLights.Judge((decimal)completion, (decimal)elapsed, LightThresholds.Default);

        Assert.Equal(expected, light.Color);
    }

    [Fact]
    public void Reason_RedByProgress_SaysCompletionTimeAndGap()
    {
        var light = ProjectLights.Judge(42m, 7m / 12m * 100m, LightThresholds.Default);

        Assert.Equal("完成率42.0%，低于序时进度58.3%达16.3个百分点(红灯线-15个百分点)", light.Reason.Zh);
        Assert.Equal("completion 42.0%, 16.3 points behind time elapsed 58.3% (red line -15 points)", light.Reason.En);
        Assert.Equal("红", light.ColorZh);
    }

    [Fact]
    public void Judge_OnPaceWithRedFlag_RedWithBothReasons()
    {
        var flag = new Bilingual("问题“征地”办结期限2023-06-30，已逾期31天", "problem overdue");

        var light = ProjectLights.Judge(70m, 50m, LightThresholds.Default, [flag]);

        Assert.Equal(LightColor.Red, light.Color);
        Assert.Equal("完成率70.0%，不低于序时进度50.0%(高20.0个百分点)；问题“征地”办结期限2023-06-30，已逾期31天", light.Reason.Zh);
    }

    [Fact]
    public void Judge_NoPlan_NoneWithReason()
    {
        var light = ProjectLights.Judge(null, 50m, LightThresholds.Default);

        Assert.Equal((LightColor.None, "无"), (light.Color, light.ColorZh));
        Assert.Contains("无年度计划投资", light.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_ParseAndRoundTrip_RefuseRedAboveYellow()
    {
        var t = LightThresholds.TryParse("-3，-20");

        Assert.Equal((-3m, -20m, "-3,-20"), (t.Value.YellowBelow, t.Value.RedBelow, t.Value.ToString()));
        Assert.False(LightThresholds.TryParse("-20,-3").Success);
        Assert.False(LightThresholds.TryParse("五").Success);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LightThresholds(-20m, -3m));
        Assert.Equal(new LightThresholds(), LightThresholds.Default);
        Assert.NotEqual(new LightThresholds(-3m), LightThresholds.Default);
    }

    [Fact]
    public void Consolidate_WithThresholds_ProjectRowCarriesItsFlagGroupDoesNot()
    {
        var flag = new Bilingual("节点逾期", "milestone overdue");
        LedgerFigures F(string code, decimal ytd, IReadOnlyList<Bilingual>? flags = null) => new(code, code, new RegionCode(510502), ProjectCategory.Industry, null,
            ProjectKind.NewStart, "发改", "张", [], ProjectStatus.UnderConstruction, 0m, 100m, ytd, ytd, 0, 0, "工业组", flags);
        var period = StatPeriod.CumulativeTo(2023, 6);

        var byProject = Ledger.Consolidate([F("A", 60m, [flag]), F("B", 28m)], period, LedgerGrouping.Project, LightThresholds.Default);
        var byGroup = Ledger.Consolidate([F("A", 60m, [flag]), F("B", 28m)], period, LedgerGrouping.WorkGroup, LightThresholds.Default);

        Assert.Equal(LightColor.Red, byProject.Row("A")!.Light!.Color);
        Assert.Equal(LightColor.Red, byProject.Row("B")!.Light!.Color);
        Assert.Equal((LightColor.Yellow, "工业组"), (byGroup.Row("工业组")!.Light!.Color, byGroup.Rows[0].GroupLabel)); // 44% against 50%
        Assert.Null(Ledger.Consolidate([F("A", 60m)], period, LedgerGrouping.Project).Row("A")!.Light);
    }

    [Fact]
    public void ProjectCodes_AssignAndReadBack_SerialAfterHighest()
    {
        var code = ProjectCodes.Assign(new RegionCode(510521), 2023, 7);

        Assert.Equal("510521-2023-007", code);
        Assert.Equal(("510521-2023-", 7), ProjectCodes.SerialOf(code));
        Assert.Equal(("510521-2023-", 1234), ProjectCodes.SerialOf("510521-2023-1234"));
        Assert.Null(ProjectCodes.SerialOf("LX-2023-01"));
        Assert.Null(ProjectCodes.SerialOf("510521-23-001"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectCodes.Assign(new RegionCode(510521), 2023, 0));
    }

    [Fact]
    public void OpeningBalance_FirstReportInJune_CheckedFromThatMonth()
    {
        var calendar = new ProjectLedgerCalendar();
        var opening = MonthlyReport.OpeningFor(6, 20000m, 110000m, hasEarlierReport: false);

        var june = MonthlyReport.Create("P-1", 2023, 6, 20000m, 110000m, opening!.Value, calendar, openingBalance: true);

        Assert.Equal((90000m, true, 90000m), (opening.Value, june.IsOpeningBalance, june.OpeningBalance!.Value));
        Assert.Null(MonthlyReport.OpeningFor(6, 20000m, 110000m, hasEarlierReport: true));
        Assert.Null(MonthlyReport.OpeningFor(1, 20000m, 110000m, hasEarlierReport: false));
        Assert.Null(MonthlyReport.OpeningFor(6, 20000m, 20000m, hasEarlierReport: false));
        Assert.False(MonthlyReport.TryCreate("P-1", 2023, 1, 1m, 1m, 0m, calendar, openingBalance: true).Success);
        Assert.Null(MonthlyReport.Create("P-1", 2023, 7, 5m, 5m, 0m, calendar).OpeningBalance);
    }

    [Fact]
    public void Ledger_OpeningReportInJune_MonthlyPeriodCountsOnlyJune()
    {
        var p = new Project("P-1", "项目", new RegionCode(510502)) { AnnualPlans = new Dictionary<int, decimal> { [2023] = 200000m } };
        var r = MonthlyReport.Create("P-1", 2023, 6, 20000m, 110000m, 90000m, new ProjectLedgerCalendar(), openingBalance: true);
        r.Submit(new ProjectLedgerCalendar());
        r.Approve("审核人");

        var june = Ledger.Consolidate([p], [r], StatPeriod.ForMonth(2023, 6), LedgerGrouping.Project).Row("P-1")!;

        Assert.Equal((20000m, 110000m), (june.CompletedInPeriod, june.CompletedYearToDate));
    }

    [Fact]
    public void HonorRoll_Rank_SkipsUnnamedAndOrdersBothEnds()
    {
        LedgerFigures F(string code, string unit, decimal ytd, int starts) => new(code, code, new RegionCode(510502), ProjectCategory.Industry, null,
            ProjectKind.NewStart, unit, "", [], ProjectStatus.UnderConstruction, 0m, 100m, ytd, ytd, starts, 0);
        var period = StatPeriod.CumulativeTo(2023, 6);
        var report = Ledger.Consolidate([F("A", "甲局", 80m, 0), F("B", "乙局", 40m, 2), F("C", "丙局", 55m, 1), F("D", "", 99m, 5)], period, LedgerGrouping.Department, LightThresholds.Default);

        var roll = HonorRoll.Rank(report, HonorRollBy.Unit, 2);

        Assert.Equal(["甲局", "丙局"], roll.Of(HonorList.ProgressTop).Select(e => e.Row.GroupKey).ToList());
        Assert.Equal(["乙局", "丙局"], roll.Of(HonorList.ProgressBottom).Select(e => e.Row.GroupKey).ToList());
        Assert.Equal(["乙局", "丙局"], roll.Of(HonorList.StartsTop).Select(e => e.Row.GroupKey).ToList());
        Assert.Equal(["甲局", "丙局"], roll.Of(HonorList.StartsBottom).Select(e => e.Row.GroupKey).ToList());
        Assert.Equal([1, 2], roll.Of(HonorList.ProgressBottom).Select(e => e.Rank).ToList());
        Assert.Throws<ArgumentException>(() => HonorRoll.Rank(report, HonorRollBy.Leader, 2));
    }
}
