using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Projects;

public sealed class ProjectTests
{
    private static readonly DateOnly D0 = new(2022, 1, 10);

    private static Project New(ProjectStatus status = ProjectStatus.Reserve) => new("JY-001", "泸州白酒产业园扩建", new RegionCode(510502), status, D0)
    {
        Leader = "张副区长",
        LeadDepartment = "区发改局",
        TotalInvestment = 250_000m,
        AnnualPlans = new Dictionary<int, decimal> { [2022] = 60_000m },
    };

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123456789012345678901234567890123")]
    public void Constructor_InvalidCode_Throws(string code)
        => Assert.Throws<ArgumentException>(() => new Project(code, "x", new RegionCode(510502)));

    [Fact]
    public void Constructor_Code32Chars_TrimmedAndAccepted()
    {
        var code = new string('A', 32);
        Assert.Equal(code, new Project(" " + code + " ", "x", new RegionCode(510502)).Code);
    }

    [Fact]
    public void ValidateCode_TooLong_NamesLimitBilingual()
    {
        var e = Project.ValidateCode(new string('A', 33))!.Value;
        Assert.Contains("超过32个字符", e.Zh, StringComparison.Ordinal);
        Assert.Contains("longer than 32", e.En, StringComparison.Ordinal);
    }

    [Fact]
    public void TotalInvestment_Negative_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Project("A", "x", new RegionCode(510502)) { TotalInvestment = -1m });

    [Fact]
    public void AnnualPlans_Negative_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Project("A", "x", new RegionCode(510502)) { AnnualPlans = new Dictionary<int, decimal> { [2022] = -5m } });

    [Fact]
    public void AnnualPlanFor_MissingYear_Zero()
    {
        Assert.Equal(60_000m, New().AnnualPlanFor(2022));
        Assert.Equal(0m, New().AnnualPlanFor(2023));
    }

    [Fact]
    public void TransitionTo_ForwardChain_KeepsHistoryWithDates()
    {
        var p = New();
        p.TransitionTo(ProjectStatus.Signed, new DateOnly(2022, 2, 1));
        p.TransitionTo(ProjectStatus.Started, new DateOnly(2022, 3, 15));
        p.TransitionTo(ProjectStatus.UnderConstruction, new DateOnly(2022, 3, 15));
        p.TransitionTo(ProjectStatus.Completed, new DateOnly(2022, 11, 30));
        p.TransitionTo(ProjectStatus.Producing, new DateOnly(2022, 12, 20));
        Assert.Equal(ProjectStatus.Producing, p.Status);
        Assert.Equal(5, p.StatusHistory.Count);
        Assert.Equal(new StatusChange(ProjectStatus.Signed, ProjectStatus.Started, new DateOnly(2022, 3, 15), null), p.StatusHistory[1]);
        Assert.Equal(new DateOnly(2022, 12, 20), p.StatusSince);
    }

    [Fact]
    public void TransitionTo_StartedToCompleted_ThrowsBilingualNamingNextStep()
    {
        var p = New(ProjectStatus.Started);
        var ex = Assert.Throws<ProjectRuleException>(() => p.TransitionTo(ProjectStatus.Completed, new DateOnly(2022, 5, 1)));
        Assert.Equal("项目状态不能从开工变更为竣工，下一步只能是在建", ex.Reason.Zh);
        Assert.Contains("Started to Completed", ex.Reason.En, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Started, p.Status);
        Assert.Empty(p.StatusHistory);
    }

    [Fact]
    public void TryTransitionTo_Illegal_FailsWithoutThrowing()
    {
        var p = New();
        var r = p.TryTransitionTo(ProjectStatus.Producing, new DateOnly(2022, 5, 1));
        Assert.False(r.Success);
        Assert.Equal(ProjectStatus.Reserve, p.Status);
    }

    [Fact]
    public void TransitionTo_DateBackwards_Refused()
    {
        var p = New();
        var ex = Assert.Throws<ProjectRuleException>(() => p.TransitionTo(ProjectStatus.Signed, new DateOnly(2022, 1, 9)));
        Assert.Contains("日期不能倒退", ex.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("2022-01-10", ex.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void TransitionTo_SameDay_Allowed()
    {
        var p = New();
        p.TransitionTo(ProjectStatus.Signed, D0);
        Assert.Equal(ProjectStatus.Signed, p.Status);
    }

    [Fact]
    public void Suspend_WithoutReason_Refused()
    {
        var p = New(ProjectStatus.UnderConstruction);
        var ex = Assert.Throws<ProjectRuleException>(() => p.TransitionTo(ProjectStatus.Suspended, new DateOnly(2022, 4, 1), " "));
        Assert.Contains("须说明原因", ex.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Suspend_ThenResume_OnlyToPreviousStatus()
    {
        var p = New(ProjectStatus.Started);
        p.TransitionTo(ProjectStatus.Suspended, new DateOnly(2022, 4, 1), "用地手续未完成");
        Assert.Equal(ProjectStatus.Started, p.SuspendedFrom);
        var ex = Assert.Throws<ProjectRuleException>(() => p.TransitionTo(ProjectStatus.UnderConstruction, new DateOnly(2022, 5, 1)));
        Assert.Contains("暂停前的状态“开工”", ex.Reason.Zh, StringComparison.Ordinal);
        p.TransitionTo(ProjectStatus.Started, new DateOnly(2022, 5, 1));
        Assert.Equal(ProjectStatus.Started, p.Status);
        Assert.Null(p.SuspendedFrom);
        Assert.Equal("用地手续未完成", p.StatusHistory[0].Reason);
    }

    [Fact]
    public void Terminate_RequiresReason_ThenFinal()
    {
        var p = New(ProjectStatus.Signed);
        Assert.Throws<ProjectRuleException>(() => p.TransitionTo(ProjectStatus.Terminated, new DateOnly(2022, 4, 1)));
        p.TransitionTo(ProjectStatus.Terminated, new DateOnly(2022, 4, 1), "投资方撤资");
        var ex = Assert.Throws<ProjectRuleException>(() => p.TransitionTo(ProjectStatus.Signed, new DateOnly(2022, 5, 1)));
        Assert.Contains("final", ex.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Suspend_FromReserve_Refused()
    {
        var ex = Assert.Throws<ProjectRuleException>(() => New().TransitionTo(ProjectStatus.Suspended, new DateOnly(2022, 4, 1), "x"));
        Assert.Contains("只有签约、开工、在建的项目可以暂停", ex.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAgreement_KeepsLatestBySigningDate()
    {
        var p = New(ProjectStatus.UnderConstruction);
        p.AddAgreement(new SupplementaryAgreement(new DateOnly(2022, 3, 1), new DateOnly(2022, 9, 30), 500m));
        p.AddAgreement(new SupplementaryAgreement(new DateOnly(2022, 8, 1), new DateOnly(2022, 12, 31)));
        Assert.Equal(2, p.SupplementaryAgreements.Count);
        Assert.Equal(new DateOnly(2022, 12, 31), p.LatestAgreement!.NewCompletionDate);
    }

    [Fact]
    public void AddAgreement_CompletionBeforeSigning_Refused()
    {
        var ex = Assert.Throws<ProjectRuleException>(() => New().AddAgreement(new SupplementaryAgreement(new DateOnly(2022, 3, 1), new DateOnly(2022, 2, 1))));
        Assert.Contains("早于签订日期", ex.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAgreement_NegativeTax_Refused()
        => Assert.Throws<ProjectRuleException>(() => New().AddAgreement(new SupplementaryAgreement(new DateOnly(2022, 3, 1), new DateOnly(2022, 9, 1), -1m)));

    [Fact]
    public void Milestone_IsOverdue_DeadlineInclusive()
    {
        var m = new Milestone("主体封顶", new DateOnly(2022, 6, 30));
        Assert.False(m.IsOverdue(new DateOnly(2022, 6, 30)));
        Assert.True(m.IsOverdue(new DateOnly(2022, 7, 1)));
        Assert.False((m with { CompletedOn = new DateOnly(2022, 7, 5) }).IsOverdue(new DateOnly(2022, 8, 1)));
    }
}

public sealed class ProjectMoneyTests
{
    [Fact]
    public void ToWanYuan_FromYiYuan_Exact()
    {
        Assert.Equal(3_357_000m, ProjectMoney.ToWanYuan(Baiqiang.Core.Quantities.Amount.YiYuan(335.7m)));
        Assert.Equal(31_976_000m, ProjectMoney.ToWanYuan(Baiqiang.Core.Quantities.Amount.YiYuan(3197.6m)));
    }

    [Fact]
    public void FromWanYuan_ToYiYuan_Normalized()
    {
        var a = ProjectMoney.FromWanYuan(1_768_000m, Baiqiang.Core.Quantities.Unit.YiYuan);
        Assert.Equal("176.8", a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Baiqiang.Core.Quantities.Unit.YiYuan, a.Unit);
    }

    [Fact]
    public void ToWanYuan_NonMoney_Throws()
        => Assert.Throws<InvalidOperationException>(() => ProjectMoney.ToWanYuan(Baiqiang.Core.Quantities.Amount.Percent(5m)));
}
