using Baiqiang.Core.Metrics;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Projects;

public sealed class LedgerTests
{
    private static readonly ProjectLedgerCalendar Open = new();

    private static decimal R(decimal v, int d) => Math.Round(v, d, MidpointRounding.AwayFromZero);

    // ---- Seed: 江阳区 2022 ----

    [Fact]
    public void Seed_Jiangyang_SumsAreExact()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        Assert.Equal(134, projects.Count);
        Assert.Equal(3_357_000m, projects.Sum(p => p.AnnualPlanFor(2022)));
        Assert.Equal(31_976_000m, projects.Sum(p => p.TotalInvestment));
        Assert.Equal(1_768_000m, reports.Where(r => r.Month == 6).Sum(r => r.CumulativeThisYear));
        Assert.All(projects, p => Assert.True(p.AnnualPlanFor(2022) > 0 && p.TotalInvestment > 0));
    }

    [Fact]
    public void Consolidate_JiangyangByRegion_Completion52_67_OnTrack()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var ledger = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Region);

        var row = Assert.Single(ledger.Rows);
        Assert.Equal("510502", row.GroupKey);
        Assert.Equal(134, row.ProjectCount);
        Assert.Equal(31_976_000m, row.TotalInvestment);
        Assert.Equal(3_357_000m, row.AnnualPlan);
        Assert.Equal(1_768_000m, row.CompletedInPeriod);
        Assert.Equal(52.67m, R(row.CompletionPercent!.Value, 2));
        Assert.Equal(52.7m, R(row.CompletionPercent!.Value, 1));
        Assert.Equal(50m, row.TimeElapsedPercent);
        Assert.Equal(2.67m, R(row.GapPoints!.Value, 2));
        Assert.True(row.OnTrack);
        Assert.Equal("176.8亿元 ÷ 335.7亿元 = 52.67%", row.Formula);
    }

    [Fact]
    public void Consolidate_Jiangyang_TotalEqualsRegionRow()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var ledger = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Region);
        Assert.Equal(ledger.Rows[0] with { GroupKey = "", GroupLabel = "合计" }, ledger.Total with { CountByStatus = ledger.Rows[0].CountByStatus });
        Assert.Equal("合计", ledger.Total.GroupLabel);
    }

    [Fact]
    public void ReportedFigureCheck_Jiangyang54_3_IsInconsistent()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var row = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;

        var check = ReportedFigureCheck.Check(row, 54.3m);
        Assert.False(check.Consistent);
        Assert.Equal(52.7m, check.Computed);
        Assert.Equal(1.6m, check.DifferencePoints);
        Assert.Equal("176.8 ÷ 335.7 × 100 = 52.67%", check.Formula);

        var warning = ReportedFigureCheck.Warn(row, 54.3m, new DateOnly(2022, 7, 15), "区发改局");
        Assert.NotNull(warning);
        Assert.Equal(WarningRule.ReportedFigureInconsistent, warning.Rule);
        Assert.Contains("176.8 ÷ 335.7 × 100 = 52.67%", warning.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("54.3", warning.Reason.En, StringComparison.Ordinal);
        Assert.Equal("区发改局", warning.Desk);
    }

    [Fact]
    public void ReportedFigureCheck_Jiangyang52_7_IsConsistent()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var row = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;
        Assert.True(ReportedFigureCheck.Check(row, 52.7m).Consistent);
        Assert.Null(ReportedFigureCheck.Warn(row, 52.7m, new DateOnly(2022, 7, 15), "区发改局"));
    }

    [Fact]
    public void Consolidate_JiangyangByLeader_FourRowsSumToTotal()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var ledger = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Leader);
        Assert.Equal(4, ledger.Rows.Count);
        Assert.Equal(134, ledger.Rows.Sum(r => r.ProjectCount));
        Assert.Equal(1_768_000m, ledger.Rows.Sum(r => r.CompletedInPeriod));
        Assert.Equal(3_357_000m, ledger.Rows.Sum(r => r.AnnualPlan));
        Assert.Equal(34, ledger.Row("张副区长")!.ProjectCount);
        Assert.Equal(33, ledger.Row("赵副区长")!.ProjectCount);
    }

    [Fact]
    public void Consolidate_JiangyangByDepartment_ThreeRows()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var ledger = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Department);
        Assert.Equal(["区住建局", "区发改局", "区经信局"], ledger.Rows.Select(r => r.GroupKey).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(45, ledger.Row("区发改局")!.ProjectCount);
        Assert.Equal(45, ledger.Row("区经信局")!.ProjectCount);
        Assert.Equal(44, ledger.Row("区住建局")!.ProjectCount);
    }

    [Fact]
    public void Consolidate_JiangyangByTag_ProjectCountsInEveryTag()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var ledger = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Tag);
        Assert.Equal(45, ledger.Row("省重点")!.ProjectCount);
        Assert.Equal(67, ledger.Row("市重点")!.ProjectCount);
        Assert.Equal(27, ledger.Row("5020")!.ProjectCount);
        var untagged = ledger.Row("")!;
        Assert.Equal("无标签", untagged.GroupLabel);
        Assert.Equal(36, untagged.ProjectCount); // 134 − 67 − 45 − 27 + 23 + 14 + 9 − 5 (inclusion–exclusion over i % 2, 3, 5)
        Assert.True(ledger.Rows.Sum(r => r.ProjectCount) > 134);
        Assert.Equal(134, ledger.Total.ProjectCount);
    }

    [Fact]
    public void Consolidate_JiangyangByCategory_OrderedByEnumWithChineseLabels()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var ledger = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Category);
        Assert.Equal(["产业", "基础设施", "社会民生", "生态环保", "其他"], ledger.Rows.Select(r => r.GroupLabel).ToArray());
        Assert.Equal(["Industry", "Infrastructure", "SocialWelfare", "Ecology", "Other"], ledger.Rows.Select(r => r.GroupKey).ToArray());
        Assert.Equal(27, ledger.Rows[0].ProjectCount);
        Assert.Equal(26, ledger.Rows[4].ProjectCount);
    }

    [Fact]
    public void Consolidate_JiangyangByIndustryChain_UnlabelledGroup()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var ledger = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.IndustryChain);
        Assert.Equal(34, ledger.Row("酒类")!.ProjectCount);
        Assert.Equal(34, ledger.Row("装备制造")!.ProjectCount);
        Assert.Equal(66, ledger.Row("")!.ProjectCount);
        Assert.Equal("未标注产业链", ledger.Row("")!.GroupLabel);
    }

    [Fact]
    public void Consolidate_ByProject_OneRowPerProjectWithName()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var ledger = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Project);
        Assert.Equal(134, ledger.Rows.Count);
        Assert.Equal("江阳区重点项目1", ledger.Row("JY2022-001")!.GroupLabel);
        Assert.Equal(1, ledger.Rows[10].ProjectCount);
    }

    [Fact]
    public void Consolidate_NewStartsAndCompletions_CountTransitionsInPeriod()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var h1 = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;
        Assert.Equal(1, h1.NewStarts);
        Assert.Equal(1, h1.Completions);
        var q1 = Ledger.Consolidate(projects, reports, StatPeriod.CumulativeTo(2022, 3), LedgerGrouping.Region).Total;
        Assert.Equal(1, q1.NewStarts);
        Assert.Equal(0, q1.Completions);
        var jan = Ledger.Consolidate(projects, reports, StatPeriod.ForMonth(2022, 1), LedgerGrouping.Region).Total;
        Assert.Equal(0, jan.NewStarts);
    }

    [Fact]
    public void Consolidate_CountByStatus_CurrentStatuses()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var total = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;
        Assert.Equal(1, total.CountByStatus[ProjectStatus.Started]);
        Assert.Equal(1, total.CountByStatus[ProjectStatus.Completed]);
        Assert.Equal(132, total.CountByStatus[ProjectStatus.UnderConstruction]);
        Assert.False(total.CountByStatus.ContainsKey(ProjectStatus.Reserve));
    }

    [Fact]
    public void Consolidate_QuarterPeriod_CompletedInPeriodIsDifferenceButCompletionIsYearToDate()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var q2 = Ledger.Consolidate(projects, reports, StatPeriod.ForQuarter(2022, 2), LedgerGrouping.Region).Total;
        var q1 = Ledger.Consolidate(projects, reports, StatPeriod.CumulativeTo(2022, 3), LedgerGrouping.Region).Total;
        Assert.Equal(1_768_000m, q2.CompletedYearToDate);
        Assert.Equal(1_768_000m - q1.CompletedYearToDate, q2.CompletedInPeriod);
        Assert.Equal(q1.CompletedInPeriod, q1.CompletedYearToDate);
        Assert.Equal(50m, q2.TimeElapsedPercent);
    }

    // ---- Seed: 安义高新园区 2022, period 2022-01..06 ----

    [Fact]
    public void Consolidate_Anyi_Completion51_6_Consistent()
    {
        var (projects, reports) = ProjectSeeds.Anyi2022();
        var total = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;
        Assert.Equal(54, total.ProjectCount);
        Assert.Equal(1_373_100m, total.AnnualPlan);
        Assert.Equal(708_500m, total.CompletedInPeriod);
        Assert.Equal(51.6m, R(total.CompletionPercent!.Value, 1));
        Assert.Equal("70.85亿元 ÷ 137.31亿元 = 51.60%", total.Formula);
        Assert.True(total.OnTrack);
        Assert.True(ReportedFigureCheck.Check(total, 51.6m).Consistent);
        Assert.Null(ReportedFigureCheck.Warn(total, 51.6m, new DateOnly(2022, 7, 10), "园区经发局"));
    }

    [Fact]
    public void Consolidate_AnyiByKind_27TechnicalRenovationAnd27UnderConstruction()
    {
        var (projects, reports) = ProjectSeeds.Anyi2022();
        var ledger = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Kind);
        Assert.Equal(27, ledger.Row("TechnicalRenovation")!.ProjectCount);
        Assert.Equal("技改", ledger.Row("TechnicalRenovation")!.GroupLabel);
        Assert.Equal(14, ledger.Row("NewStart")!.ProjectCount);
        Assert.Equal(13, ledger.Row("Continuing")!.ProjectCount);
        Assert.Equal(27, ledger.Total.CountByStatus[ProjectStatus.UnderConstruction]);
        var byRegion = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Region);
        Assert.Equal("360123401", Assert.Single(byRegion.Rows).GroupKey);
    }

    // ---- Report selection rules ----

    private static Project P(string code, decimal plan) => new(code, "项目" + code, new RegionCode(510502), ProjectStatus.UnderConstruction)
    {
        AnnualPlans = new Dictionary<int, decimal> { [2022] = plan },
        Leader = "张",
        LeadDepartment = "发改",
    };

    private static MonthlyReport Approved(string code, int month, decimal thisMonth, decimal cumulative, decimal previous, ProjectLedgerCalendar? cal = null)
    {
        var r = MonthlyReport.Create(code, 2022, month, thisMonth, cumulative, previous, cal ?? Open);
        r.Submit(cal ?? Open);
        r.Approve("审核人");
        return r;
    }

    [Fact]
    public void Consolidate_MissingLastMonth_UsesLatestEarlierMonth()
    {
        var reports = new[] { Approved("A", 1, 10, 10, 0), Approved("A", 2, 5, 15, 10), Approved("A", 4, 5, 20, 15) };
        var total = Ledger.Consolidate([P("A", 100)], reports, ProjectSeeds.H1_2022, LedgerGrouping.Project).Total;
        Assert.Equal(20m, total.CompletedInPeriod);
        Assert.Equal(20m, total.CompletionPercent);
        Assert.False(total.OnTrack);
        Assert.Equal(-30m, total.GapPoints);
    }

    [Fact]
    public void Consolidate_IgnoresDraftSubmittedAndReturnedReports()
    {
        var draft = MonthlyReport.Create("A", 2022, 2, 50, 60, 10, Open);
        var submitted = MonthlyReport.Create("A", 2022, 3, 50, 60, 10, Open);
        submitted.Submit(Open);
        var returned = MonthlyReport.Create("A", 2022, 4, 50, 60, 10, Open);
        returned.Submit(Open);
        returned.Return("审核人", "数据不实");
        var total = Ledger.Consolidate([P("A", 100)], [Approved("A", 1, 10, 10, 0), draft, submitted, returned], ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;
        Assert.Equal(10m, total.CompletedInPeriod);
    }

    [Fact]
    public void Consolidate_UsesLatestApprovedRevision()
    {
        var cal = new ProjectLedgerCalendar();
        var original = Approved("A", 1, 10, 10, 0, cal);
        cal.Close(2022, 1);
        var corrected = original.Correct(cal, 12, 12, "统计口径调整");
        corrected.Submit(cal);
        corrected.Approve("审核人");
        var pending = corrected.Correct(cal, 99, 99, "再次更正"); // draft, not counted
        var period = StatPeriod.ForMonth(2022, 1);
        Assert.Equal(12m, Ledger.Consolidate([P("A", 100)], [corrected, original, pending], period, LedgerGrouping.Region).Total.CompletedInPeriod);
        Assert.Equal(10m, Ledger.Consolidate([P("A", 100)], [original], period, LedgerGrouping.Region).Total.CompletedInPeriod);
    }

    [Fact]
    public void Consolidate_ReportsOfOtherYearsAndLaterMonthsIgnored()
    {
        var later = Approved("A", 7, 5, 25, 20);
        var lastYear = MonthlyReport.Create("A", 2021, 6, 500, 500, 0, Open);
        lastYear.Submit(Open);
        lastYear.Approve("审核人");
        var total = Ledger.Consolidate([P("A", 100)], [Approved("A", 1, 20, 20, 0), later, lastYear], ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;
        Assert.Equal(20m, total.CompletedInPeriod);
    }

    [Fact]
    public void Consolidate_NoPlan_CompletionNullAndNotOnTrack()
    {
        var total = Ledger.Consolidate([P("A", 0)], [Approved("A", 1, 20, 20, 0)], ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;
        Assert.Null(total.CompletionPercent);
        Assert.Null(total.GapPoints);
        Assert.False(total.OnTrack);
        Assert.Contains("no annual plan", total.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Consolidate_DuplicateProjectCode_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ledger.Consolidate([P("A", 1), P("A", 2)], [], ProjectSeeds.H1_2022, LedgerGrouping.Region));
        Assert.Contains("重复", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consolidate_MatchesMetricPlanCompletion()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var total = Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;
        var expected = Metric.PlanCompletion(1_768_000m, 3_357_000m, ProjectSeeds.H1_2022);
        Assert.Equal(expected.CompletionPercent, total.CompletionPercent);
        Assert.Equal(expected.OnTrack, total.OnTrack);
    }

    // ---- Flat figures (a store's light path) ----

    [Fact]
    public void ConsolidateFigures_SeedsEveryGroupingAndPeriod_SameRowsAsProjectOverload()
    {
        foreach (var (projects, reports) in new[] { ProjectSeeds.Jiangyang2022(), ProjectSeeds.Anyi2022() })
        {
            foreach (var period in new[] { ProjectSeeds.H1_2022, StatPeriod.ForQuarter(2022, 2), StatPeriod.ForMonth(2022, 3), StatPeriod.ForYear(2021) })
            {
                var figures = Ledger.Figures(projects, reports, period).ToList();
                Assert.Equal(projects.Count, figures.Count);
                foreach (var by in Enum.GetValues<LedgerGrouping>())
                {
                    var expected = Ledger.Consolidate(projects, reports, period, by);
                    var actual = Ledger.Consolidate(figures, period, by);
                    Assert.Equal(expected.Rows.Count, actual.Rows.Count);
                    for (var i = 0; i < expected.Rows.Count; i++)
                    {
                        Assert.Equal(expected.Rows[i] with { CountByStatus = actual.Rows[i].CountByStatus }, actual.Rows[i]);
                        Assert.Equal(expected.Rows[i].CountByStatus, actual.Rows[i].CountByStatus);
                    }

                    Assert.Equal(expected.Total with { CountByStatus = actual.Total.CountByStatus }, actual.Total);
                }
            }
        }
    }

    [Fact]
    public void ConsolidateFigures_JiangyangH1_Completion52_67()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        var total = Ledger.Consolidate(Ledger.Figures(projects, reports, ProjectSeeds.H1_2022), ProjectSeeds.H1_2022, LedgerGrouping.Region).Total;
        Assert.Equal("176.8亿元 ÷ 335.7亿元 = 52.67%", total.Formula);
        Assert.Equal(134, total.ProjectCount);
    }

    [Fact]
    public void ConsolidateFigures_RepeatedTag_CountsOnceInThatTag()
    {
        var f = new LedgerFigures("A", "项目A", new RegionCode(510502), ProjectCategory.Industry, null, ProjectKind.NewStart, "发改", "张",
            ["省重点", "市重点", "省重点"], ProjectStatus.UnderConstruction, 100m, 50m, 20m, 20m, 0, 0);
        var ledger = Ledger.Consolidate([f], ProjectSeeds.H1_2022, LedgerGrouping.Tag);
        Assert.Equal(["市重点", "省重点"], ledger.Rows.Select(r => r.GroupKey));
        Assert.All(ledger.Rows, r => Assert.Equal((1, 20m), (r.ProjectCount, r.CompletedYearToDate)));
        Assert.Equal(1, ledger.Total.ProjectCount);
    }

    [Fact]
    public void ConsolidateFigures_DuplicateCode_Throws()
    {
        var f = new LedgerFigures("A", "项目A", new RegionCode(510502), ProjectCategory.Industry, null, ProjectKind.NewStart, "", "", [],
            ProjectStatus.Signed, 0m, 0m, 0m, 0m, 0, 0);
        var ex = Assert.Throws<ArgumentException>(() => Ledger.Consolidate([f, f with { Name = "另一个" }], ProjectSeeds.H1_2022, LedgerGrouping.Project));
        Assert.Contains("重复", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consolidate_CountByStatus_OnlyPresentStatusesInStatusOrderSummingToProjectCount()
    {
        var (projects, reports) = ProjectSeeds.Anyi2022();
        foreach (var row in Ledger.Consolidate(projects, reports, ProjectSeeds.H1_2022, LedgerGrouping.Kind).Rows)
        {
            var pairs = row.CountByStatus.ToList();
            Assert.Equal(pairs.Select(kv => kv.Key).Order(), pairs.Select(kv => kv.Key));
            Assert.Equal(pairs.Count, row.CountByStatus.Count);
            Assert.Equal(row.ProjectCount, pairs.Sum(kv => kv.Value));
            Assert.All(pairs, kv => Assert.True(kv.Value > 0 && row.CountByStatus[kv.Key] == kv.Value && row.CountByStatus.ContainsKey(kv.Key)));
            Assert.Equal(pairs.Select(kv => kv.Key), row.CountByStatus.Keys);
            var absent = Enum.GetValues<ProjectStatus>().First(s => !row.CountByStatus.ContainsKey(s));
            Assert.False(row.CountByStatus.TryGetValue(absent, out _));
            Assert.Throws<KeyNotFoundException>(() => row.CountByStatus[absent]);
        }
    }
}
