using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Projects;

public sealed class ProblemSupervisionTests
{
    private static ProjectProblem P(DateOnly? due = null) => new("Q1", "JY-001", "要素保障", "用地指标不足", "区自然资源局", new DateOnly(2022, 3, 1), due);

    [Fact]
    public void Escalate_UpTheLevels_KeepsHistoryWithDueDates()
    {
        var s = new ProblemSupervision(P(new DateOnly(2022, 3, 31)));

        s.Escalate(SupervisionLevel.Supervised, new DateOnly(2022, 4, 2), "逾期未办结", "王科长");
        s.Escalate(SupervisionLevel.Interview, new DateOnly(2022, 4, 20), "督办期满未办结", "李主任", dueOn: new DateOnly(2022, 4, 25));

        Assert.Equal(SupervisionLevel.Interview, s.Level);
        Assert.Equal(new DateOnly(2022, 4, 25), s.DueOn);
        Assert.Equal(
            [(SupervisionLevel.Assigned, new DateOnly(2022, 3, 31)), (SupervisionLevel.Supervised, new DateOnly(2022, 4, 17)), (SupervisionLevel.Interview, new DateOnly(2022, 4, 25))],
            s.History.Select(h => (h.Level, h.DueOn!.Value)).ToArray());
    }

    [Theory]
    [InlineData(SupervisionLevel.Supervised)]
    [InlineData(SupervisionLevel.Listed)]
    [InlineData(SupervisionLevel.Assigned)]
    public void Escalate_ToSameOrLowerLevel_RefusedInBothLanguages(SupervisionLevel level)
    {
        var s = new ProblemSupervision(P());
        s.Escalate(SupervisionLevel.Listed, new DateOnly(2022, 4, 2), "挂牌", "王科长");

        var e = Assert.Throws<ProjectRuleException>(() => s.Escalate(level, new DateOnly(2022, 4, 3), "再督办", "王科长"));

        Assert.Contains("当前为挂牌督办", e.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("only to a higher level", e.Reason.En, StringComparison.Ordinal);
        Assert.Single(s.Steps);
    }

    [Fact]
    public void Escalate_ResolvedOrBeforePreviousStepOrNoReason_Refused()
    {
        var resolved = P();
        resolved.Resolve("已调剂用地指标", new DateOnly(2022, 3, 20));
        var s = new ProblemSupervision(P());
        s.Escalate(SupervisionLevel.Supervised, new DateOnly(2022, 4, 2), "逾期", "王科长");

        Assert.Throws<ProjectRuleException>(() => new ProblemSupervision(resolved).Escalate(SupervisionLevel.Supervised, new DateOnly(2022, 4, 2), "逾期", "王科长"));
        Assert.Throws<ProjectRuleException>(() => s.Escalate(SupervisionLevel.Listed, new DateOnly(2022, 4, 1), "挂牌", "王科长"));
        Assert.Throws<ProjectRuleException>(() => s.Escalate(SupervisionLevel.Listed, new DateOnly(2022, 4, 5), "  ", "王科长"));
    }

    [Theory]
    [InlineData(10, 0, SupervisionLevel.Assigned)]
    [InlineData(30, 0, SupervisionLevel.Assigned)]
    [InlineData(31, 0, SupervisionLevel.Supervised)]
    [InlineData(61, 0, SupervisionLevel.Listed)]
    [InlineData(5, 2, SupervisionLevel.Listed)]
    [InlineData(91, 0, SupervisionLevel.Interview)]
    [InlineData(5, 3, SupervisionLevel.Interview)]
    public void Judge_DaysOpenAndRedMonths_PicksLevel(int openDays, int redMonths, SupervisionLevel expected) =>
        Assert.Equal(expected, SupervisionRules.Default.Judge(openDays, redMonths).Level);

    [Theory]
    [InlineData("督办", SupervisionLevel.Supervised)]
    [InlineData("挂牌督办", SupervisionLevel.Listed)]
    [InlineData("约谈", SupervisionLevel.Interview)]
    [InlineData("interview", SupervisionLevel.Interview)]
    public void ParseLevel_ChineseOrEnglish_Parses(string text, SupervisionLevel expected) =>
        Assert.Equal(expected, ProblemSupervision.ParseLevel(text).Value);

    [Fact]
    public void ParseLevel_Unknown_FailsInBothLanguages()
    {
        var r = ProblemSupervision.ParseLevel("通报");
        Assert.False(r.Success);
        Assert.Contains("挂牌督办", r.Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void OverdueMilestones_AsOfDay_ListsOnlyUndoneMilestonesPastDeadline()
    {
        var p = new Project("JY-001", "酒城大道", new RegionCode(510502))
        {
            Milestones =
            [
                new Milestone("施工许可", new DateOnly(2022, 5, 31)),
                new Milestone("立项", new DateOnly(2022, 3, 31)),
                new Milestone("用地", new DateOnly(2022, 4, 30), new DateOnly(2022, 5, 10)),
                new Milestone("主体封顶", new DateOnly(2022, 9, 30)),
            ],
        };

        Assert.Equal(["立项", "施工许可"], p.OverdueMilestones(new DateOnly(2022, 6, 1)).Select(m => m.Name).ToArray());
        Assert.Empty(p.OverdueMilestones(new DateOnly(2022, 3, 31)));
    }
}
