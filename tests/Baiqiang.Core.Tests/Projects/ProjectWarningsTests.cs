using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Projects;

public sealed class ProjectWarningsTests
{
    private static readonly DateOnly Today = new(2022, 7, 10);
    private static readonly StatPeriod H1 = StatPeriod.CumulativeTo(2022, 6);

    private static Project P(string code, decimal plan = 1200m, ProjectStatus status = ProjectStatus.UnderConstruction) =>
        new(code, "项目" + code, new RegionCode(510502), status, new DateOnly(2021, 12, 1))
        {
            AnnualPlans = new Dictionary<int, decimal> { [2022] = plan },
            Leader = "张副区长",
            LeadDepartment = "区发改局",
        };

    /// <summary>Approved reports with the given monthly amounts starting in January.</summary>
    private static List<MonthlyReport> Monthly(string code, params decimal[] amounts)
    {
        var cal = new ProjectLedgerCalendar();
        var list = new List<MonthlyReport>();
        var cum = 0m;
        for (var i = 0; i < amounts.Length; i++)
        {
            var r = MonthlyReport.Create(code, 2022, i + 1, amounts[i], cum + amounts[i], cum, cal);
            r.Submit(cal);
            r.Approve("审核人");
            list.Add(r);
            cum += amounts[i];
        }

        return list;
    }

    private static IReadOnlyList<ProjectWarning> Eval(IEnumerable<Project> projects, IEnumerable<MonthlyReport> reports, IEnumerable<ProjectProblem>? problems = null, WarningRules? rules = null)
        => ProjectWarnings.Evaluate(projects, reports, problems ?? [], H1, rules ?? WarningRules.Default, Today);

    [Fact]
    public void WarningRules_Defaults()
    {
        Assert.Equal(10m, WarningRules.Default.LagPoints);
        Assert.Equal(2, WarningRules.Default.NoProgressMonths);
        Assert.Equal(30, WarningRules.Default.ProblemOpenDays);
    }

    [Fact]
    public void Evaluate_NegativeThreshold_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Eval([], [], rules: new WarningRules(LagPoints: -1m)));

    [Fact]
    public void OnPlan_NoWarnings()
        => Assert.Empty(Eval([P("A")], Monthly("A", 100, 100, 100, 100, 100, 100)));

    [Fact]
    public void Lagging_ReasonHasNumbersAndSinceIsStartOfRun()
    {
        // plan 1200: cumulative 100,200,300,350,400,450 → 8.33/16.67/25/29.17/33.33/37.5% vs 8.33/16.67/25/33.33/41.67/50%
        var w = Assert.Single(Eval([P("A")], Monthly("A", 100, 100, 100, 50, 50, 50)));
        Assert.Equal(WarningRule.LaggingPlan, w.Rule);
        Assert.Equal(new DateOnly(2022, 6, 30), w.Since); // gap −12.5 in June; May is −8.33 (within 10)
        Assert.Contains("完成450万元", w.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("37.50%", w.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("12.50个百分点", w.Reason.Zh, StringComparison.Ordinal);
        Assert.Equal("张副区长", w.Desk);
    }

    [Fact]
    public void Lagging_ChineseReason_UsesFullWidthCommas()
    {
        var w = Assert.Single(Eval([P("A")], Monthly("A", 100, 100, 100, 50, 50, 50)));

        Assert.StartsWith("1–6月完成450万元，占年度计划", w.Reason.Zh, StringComparison.Ordinal);
        Assert.DoesNotContain(",", w.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains(", ", w.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Lagging_LongRun_SinceEarliestLaggingMonth()
    {
        var w = Eval([P("A")], Monthly("A", 0, 0, 50, 50, 50, 50)).Single(x => x.Rule == WarningRule.LaggingPlan);
        Assert.Equal(new DateOnly(2022, 2, 28), w.Since); // Jan gap −8.33, Feb −16.67
    }

    [Fact]
    public void Lagging_CustomThreshold()
        => Assert.Empty(Eval([P("A")], Monthly("A", 100, 100, 100, 50, 50, 50), rules: new WarningRules(LagPoints: 15m)));

    [Fact]
    public void NoProgress_TwoZeroMonths_Warns()
    {
        var ws = Eval([P("A", 600)], Monthly("A", 100, 100, 100, 100, 0, 0));
        var w = Assert.Single(ws);
        Assert.Equal(WarningRule.NoProgress, w.Rule);
        Assert.Equal(new DateOnly(2022, 5, 1), w.Since);
        Assert.Contains("连续2个月无投资进度", w.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void NoProgress_MissingReportsCount()
    {
        var w = Eval([P("A", 600)], Monthly("A", 100, 100, 100, 100)).Single(x => x.Rule == WarningRule.NoProgress);
        Assert.Equal(new DateOnly(2022, 5, 1), w.Since);
    }

    [Fact]
    public void NoProgress_SuspendedOrReserve_NotWarned()
    {
        var suspended = P("A", 0);
        suspended.TransitionTo(ProjectStatus.Suspended, new DateOnly(2022, 4, 1), "资金困难");
        Assert.Empty(Eval([suspended, P("B", 0, ProjectStatus.Reserve)], []));
    }

    [Fact]
    public void Terminated_Skipped()
    {
        var p = P("A");
        p.TransitionTo(ProjectStatus.Terminated, new DateOnly(2022, 4, 1), "撤资");
        Assert.Empty(Eval([p], []));
    }

    [Fact]
    public void MilestoneOverdue_Warns()
    {
        var p = new Project("A", "x", new RegionCode(510502), ProjectStatus.Signed)
        {
            Leader = "李副区长",
            Milestones = [new Milestone("取得施工许可", new DateOnly(2022, 6, 30)), new Milestone("完成设计", new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 5))],
        };
        var w = Assert.Single(Eval([p], []));
        Assert.Equal(WarningRule.MilestoneOverdue, w.Rule);
        Assert.Equal(new DateOnly(2022, 7, 1), w.Since);
        Assert.Contains("已逾期10天", w.Reason.Zh, StringComparison.Ordinal);
        Assert.Equal("李副区长", w.Desk);
    }

    [Fact]
    public void ProblemOverdue_PastDueDate_OnDepartmentDesk()
    {
        var q = new ProjectProblem("Q1", "A", "用地", "用地指标不足", "区自然资源局", new DateOnly(2022, 6, 20), new DateOnly(2022, 7, 5));
        var w = Assert.Single(Eval([], [], [q]));
        Assert.Equal(WarningRule.ProblemOverdue, w.Rule);
        Assert.Equal("区自然资源局", w.Desk);
        Assert.Equal(new DateOnly(2022, 7, 6), w.Since);
        Assert.Contains("已逾期5天", w.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemOverdue_OpenTooLong_WithoutDueDate()
    {
        var old = new ProjectProblem("Q1", "A", "资金", "配套资金未到位", "区财政局", new DateOnly(2022, 6, 1));
        var recent = new ProjectProblem("Q2", "A", "资金", "配套资金未到位", "区财政局", new DateOnly(2022, 6, 20));
        var resolved = new ProjectProblem("Q3", "A", "资金", "配套资金未到位", "区财政局", new DateOnly(2022, 1, 1));
        resolved.Resolve("已拨付", new DateOnly(2022, 2, 1));
        var w = Assert.Single(Eval([], [], [old, recent, resolved]));
        Assert.Equal(new DateOnly(2022, 7, 2), w.Since);
        Assert.Contains("已挂账39天", w.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void AgreementDateMissed_Warns_UnlessCompleted()
    {
        var slow = P("A", 0, ProjectStatus.UnderConstruction);
        slow.AddAgreement(new SupplementaryAgreement(new DateOnly(2022, 1, 15), new DateOnly(2022, 6, 30), 800m));
        var done = P("B", 0, ProjectStatus.UnderConstruction);
        done.AddAgreement(new SupplementaryAgreement(new DateOnly(2022, 1, 15), new DateOnly(2022, 6, 30)));
        done.TransitionTo(ProjectStatus.Completed, new DateOnly(2022, 6, 28));
        var ws = Eval([slow, done], [], rules: new WarningRules(NoProgressMonths: 99));
        var w = Assert.Single(ws);
        Assert.Equal("A", w.ProjectCode);
        Assert.Equal(WarningRule.AgreementDateMissed, w.Rule);
        Assert.Contains("承诺税收800万元", w.Reason.Zh, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2022, 7, 1), w.Since);
    }

    [Fact]
    public void Results_OrderedByCodeThenRule()
    {
        var b = P("B");
        var a = P("A");
        var ws = Eval([b, a], []);
        Assert.Equal(["A", "A", "B", "B"], ws.Select(w => w.ProjectCode).ToArray());
        Assert.Equal([WarningRule.LaggingPlan, WarningRule.NoProgress], ws.Take(2).Select(w => w.Rule).ToArray());
    }

    [Fact]
    public void JiangyangSeed_NoLaggingProjects()
    {
        var (projects, reports) = ProjectSeeds.Jiangyang2022();
        Assert.DoesNotContain(Eval(projects, reports), w => w.Rule is WarningRule.LaggingPlan or WarningRule.NoProgress);
    }
}
