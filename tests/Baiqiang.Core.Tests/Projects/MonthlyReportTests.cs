using Baiqiang.Core.Projects;

namespace Baiqiang.Core.Tests.Projects;

public sealed class MonthlyReportTests
{
    private static MonthlyReport Draft(ProjectLedgerCalendar cal, int month = 6, decimal thisMonth = 300m, decimal cumulative = 1800m, decimal previous = 1500m)
        => MonthlyReport.Create("JY-001", 2022, month, thisMonth, cumulative, previous, cal, "主体结构施工", ["用地指标不足"]);

    [Fact]
    public void Restore_StoredApprovedRevisionInClosedMonth_KeepsStateAndAllowsCorrection()
    {
        var cal = new ProjectLedgerCalendar();
        cal.Close(2022, 6);

        var r = MonthlyReport.Restore("JY-001", 2022, 6, 2, 300m, 1800m, 1500m, ReportState.Approved, "封顶", ["无"], "区发改局", null, "核定");
        var next = r.Correct(cal, 400m, 1900m, "再次核定");

        Assert.Equal((2, ReportState.Approved, "区发改局", "核定"), (r.Revision, r.State, r.Reviewer, r.CorrectionReason));
        Assert.Equal(3, next.Revision);
    }

    [Fact]
    public void Restore_InconsistentFigures_Throws()
    {
        var ex = Assert.Throws<ProjectRuleException>(() => MonthlyReport.Restore("JY-001", 2022, 6, 0, 300m, 1700m, 1500m, ReportState.Approved));

        Assert.Contains("不等于", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Valid_IsDraftRevision0()
    {
        var r = Draft(new ProjectLedgerCalendar());
        Assert.Equal(ReportState.Draft, r.State);
        Assert.Equal(0, r.Revision);
        Assert.Equal(1800m, r.CumulativeThisYear);
        Assert.Equal("主体结构施工", r.Progress);
        Assert.Equal(["用地指标不足"], r.Problems);
        Assert.Equal("2022-06", r.ReportingMonth.ToString());
    }

    [Fact]
    public void Create_CumulativeBelowLastMonth_ErrorNamesBothFigures()
    {
        var r = MonthlyReport.TryCreate("JY-001", 2022, 6, 0m, 1400m, 1500m, new ProjectLedgerCalendar());
        Assert.False(r.Success);
        Assert.Equal("本年累计完成1400万元低于上月累计1500万元", r.Error!.Value.Zh);
        Assert.Contains("1400", r.Error!.Value.En, StringComparison.Ordinal);
        Assert.Contains("1500", r.Error!.Value.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CumulativeNotPreviousPlusThisMonth_Refused()
    {
        var r = MonthlyReport.TryCreate("JY-001", 2022, 6, 300m, 1799.99m, 1500m, new ProjectLedgerCalendar());
        Assert.False(r.Success);
        Assert.Contains("应为1800万元", r.Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 1499, 1500)]
    [InlineData(0, -1, 0)]
    public void Create_Negative_Refused(int thisMonth, int cumulative, int previous)
    {
        var r = MonthlyReport.TryCreate("JY-001", 2022, 6, thisMonth, cumulative, previous, new ProjectLedgerCalendar());
        Assert.False(r.Success);
        Assert.Contains("不能为负数", r.Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_JanuaryWithPrevious_Refused()
        => Assert.False(MonthlyReport.TryCreate("JY-001", 2022, 1, 10m, 20m, 10m, new ProjectLedgerCalendar()).Success);

    [Fact]
    public void Create_ZeroMonth_Accepted()
        => Assert.True(MonthlyReport.TryCreate("JY-001", 2022, 6, 0m, 1500m, 1500m, new ProjectLedgerCalendar()).Success);

    [Fact]
    public void Create_ClosedMonth_Refused()
    {
        var cal = new ProjectLedgerCalendar();
        cal.CloseThrough(2022, 6);
        var ex = Assert.Throws<ProjectRuleException>(() => Draft(cal));
        Assert.Contains("2022-06已关账", ex.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadMonth_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => MonthlyReport.TryCreate("JY-001", 2022, 13, 0m, 0m, 0m, new ProjectLedgerCalendar()));

    [Fact]
    public void Workflow_SubmitApprove()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        r.Submit(cal);
        Assert.Equal(ReportState.Submitted, r.State);
        r.Approve("区发改局 李科长");
        Assert.Equal(ReportState.Approved, r.State);
        Assert.Equal("区发改局 李科长", r.Reviewer);
    }

    [Fact]
    public void Workflow_ReturnEditResubmit()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        r.Submit(cal);
        r.Return("李科长", "本月完成额与发票不符");
        Assert.Equal(ReportState.Returned, r.State);
        Assert.Equal("本月完成额与发票不符", r.ReviewComment);
        r.Edit(cal, 250m, 1750m);
        Assert.Equal(1750m, r.CumulativeThisYear);
        Assert.Equal("主体结构施工", r.Progress);
        r.Submit(cal);
        r.Approve("李科长");
        Assert.Equal(ReportState.Approved, r.State);
    }

    [Fact]
    public void Return_WithoutComment_Refused()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        r.Submit(cal);
        var ex = Assert.Throws<ProjectRuleException>(() => r.Return("李科长", ""));
        Assert.Contains("审核意见", ex.Reason.Zh, StringComparison.Ordinal);
        Assert.Equal(ReportState.Submitted, r.State);
    }

    [Fact]
    public void Approve_Draft_Refused()
    {
        var ex = Assert.Throws<ProjectRuleException>(() => Draft(new ProjectLedgerCalendar()).Approve("李科长"));
        Assert.Contains("填报状态的月报不能审核", ex.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_BlankReviewer_Refused()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        r.Submit(cal);
        Assert.Throws<ProjectRuleException>(() => r.Approve(" "));
    }

    [Fact]
    public void Edit_Submitted_Refused()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        r.Submit(cal);
        Assert.Throws<ProjectRuleException>(() => r.Edit(cal, 300m, 1800m));
    }

    [Fact]
    public void Edit_InvalidFigures_RefusedAndUnchanged()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        var ex = Assert.Throws<ProjectRuleException>(() => r.Edit(cal, 0m, 1000m));
        Assert.Contains("低于上月累计1500万元", ex.Reason.Zh, StringComparison.Ordinal);
        Assert.Equal(1800m, r.CumulativeThisYear);
    }

    [Fact]
    public void Edit_ClosedMonth_Refused()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        cal.Close(2022, 6);
        var ex = Assert.Throws<ProjectRuleException>(() => r.Edit(cal, 300m, 1800m));
        Assert.Contains("closed", ex.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_OriginalInClosedMonth_Refused()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        cal.Close(2022, 6);
        Assert.Throws<ProjectRuleException>(() => r.Submit(cal));
    }

    [Fact]
    public void Correct_ApprovedClosed_NewRevisionOldKept()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        r.Submit(cal);
        r.Approve("李科长");
        cal.Close(2022, 6);
        var c = r.Correct(cal, 350m, 1850m, "漏报设备购置款");
        Assert.Equal(1, c.Revision);
        Assert.Equal(ReportState.Draft, c.State);
        Assert.Equal(1850m, c.CumulativeThisYear);
        Assert.Equal("漏报设备购置款", c.CorrectionReason);
        Assert.Equal(1800m, r.CumulativeThisYear);
        Assert.Equal(ReportState.Approved, r.State);
        c.Submit(cal); // corrections may be submitted in a closed month
        c.Approve("李科长");
        Assert.Equal(2, c.Correct(cal, 350m, 1850m, "再核").Revision);
    }

    [Fact]
    public void Correct_OpenMonth_Refused()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        r.Submit(cal);
        r.Approve("李科长");
        var ex = Assert.Throws<ProjectRuleException>(() => r.Correct(cal, 350m, 1850m, "x"));
        Assert.Contains("尚未关账", ex.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Correct_NotApproved_Refused()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        cal.Close(2022, 6);
        Assert.Throws<ProjectRuleException>(() => r.Correct(cal, 350m, 1850m, "x"));
    }

    [Fact]
    public void Correct_InvalidFiguresOrNoReason_Refused()
    {
        var cal = new ProjectLedgerCalendar();
        var r = Draft(cal);
        r.Submit(cal);
        r.Approve("李科长");
        cal.Close(2022, 6);
        Assert.Throws<ProjectRuleException>(() => r.Correct(cal, 350m, 1800m, "x"));
        Assert.Throws<ProjectRuleException>(() => r.Correct(cal, 350m, 1850m, " "));
    }

    [Fact]
    public void Calendar_CloseThroughAndReopen()
    {
        var cal = new ProjectLedgerCalendar();
        cal.CloseThrough(2022, 3);
        Assert.True(cal.IsClosed(2022, 1));
        Assert.True(cal.IsClosed(2022, 3));
        Assert.False(cal.IsClosed(2022, 4));
        Assert.True(cal.Reopen(2022, 2));
        Assert.False(cal.IsClosed(2022, 2));
        Assert.Equal(["2022-01", "2022-03"], cal.ClosedMonths.Select(m => m.ToString()).ToArray());
    }

    [Fact]
    public void ReportingMonth_PreviousNextAcrossYear()
    {
        var jan = new ReportingMonth(2022, 1);
        Assert.Equal(new ReportingMonth(2021, 12), jan.Previous);
        Assert.Equal(jan, new ReportingMonth(2021, 12).Next);
        Assert.True(jan > new ReportingMonth(2021, 12));
        Assert.Equal(new DateOnly(2022, 2, 28), new ReportingMonth(2022, 2).End);
    }
}

public sealed class MonthlyReportHistoryTests
{
    [Fact]
    public void PreviousCumulativeFrom_LatestApprovedEarlierMonthAndRevision()
    {
        var cal = new ProjectLedgerCalendar();
        var jan = MonthlyReport.Create("A", 2022, 1, 100m, 100m, 0m, cal);
        jan.Submit(cal);
        jan.Approve("审核人");
        var feb = MonthlyReport.Create("A", 2022, 2, 50m, 150m, 100m, cal);
        feb.Submit(cal);
        feb.Approve("审核人");
        var march = MonthlyReport.Create("A", 2022, 3, 10m, 160m, 150m, cal); // draft: ignored
        var other = MonthlyReport.Create("B", 2022, 2, 999m, 999m, 0m, cal);
        other.Submit(cal);
        other.Approve("审核人");
        cal.CloseThrough(2022, 2);
        var febFix = feb.Correct(cal, 60m, 160m, "补报");
        febFix.Submit(cal);
        febFix.Approve("审核人");
        MonthlyReport[] all = [jan, feb, march, other, febFix];

        Assert.Equal(160m, MonthlyReport.PreviousCumulativeFrom(all, "A", 2022, 4));
        Assert.Equal(160m, MonthlyReport.PreviousCumulativeFrom(all, "A", 2022, 3));
        Assert.Equal(100m, MonthlyReport.PreviousCumulativeFrom(all, "A", 2022, 2));
        Assert.Equal(0m, MonthlyReport.PreviousCumulativeFrom(all, "A", 2022, 1));
        Assert.Equal(0m, MonthlyReport.PreviousCumulativeFrom(all, "A", 2023, 2));
    }

    [Fact]
    public void Project_CollectionsAreCopiedOnInit()
    {
        var tags = new HashSet<string>(StringComparer.Ordinal) { "省重点" };
        var p = new Project("A", "x", new Baiqiang.Core.Regions.RegionCode(510502)) { Tags = tags };
        tags.Add("市重点");
        Assert.Single(p.Tags);
        Assert.Contains("省重点", p.Tags);
    }
}
