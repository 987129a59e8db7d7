using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>The project ledger's use cases against each provider. The class shares one store, so every test uses its own codes.</summary>
public abstract class ProjectStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    internal static readonly RegionCode Jiangyang = new(510502);
    internal static readonly RegionCode Tongzhou = new(320612);
    internal static readonly RegionCode Naxi = new(510503);
    private static readonly Actor Admin = Actor.LocalAdmin("tester");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Project Sample(string code, RegionCode region, ProjectStatus status = ProjectStatus.UnderConstruction) =>
        new(code, "酒城大道改造" + code, region, status, new DateOnly(2021, 12, 1))
        {
            Category = ProjectCategory.Infrastructure,
            Kind = ProjectKind.Continuing,
            IndustryChain = "装备制造",
            OwnerEnterprise = "江阳城投",
            ConstructionContent = "道路改造3公里",
            TotalInvestment = 50_000m,
            AnnualPlans = new Dictionary<int, decimal> { [2022] = 12_000m, [2023] = 8_000m },
            PlannedStart = new DateOnly(2021, 3, 1),
            PlannedFinish = new DateOnly(2023, 12, 31),
            Tags = new HashSet<string>(["省重点", "5020"], StringComparer.Ordinal),
            Leader = "张副区长",
            LeadDepartment = "区住建局",
            WorkGroup = ["区住建局", "区交通局"],
            Milestones = [new Milestone("主体完工", new DateOnly(2022, 5, 31))],
            SupplementaryAgreements = [new SupplementaryAgreement(new DateOnly(2022, 1, 10), new DateOnly(2022, 4, 30), 300m)],
        };

    [Fact]
    public async Task CreateAsync_CoreProject_RoundTripsEveryField()
    {
        await using var db = fixture.Open();
        var project = Sample("RT-1", Jiangyang, ProjectStatus.Signed);
        project.TransitionTo(ProjectStatus.Started, new DateOnly(2022, 2, 1));

        await ProjectStore.CreateAsync(db, project, Admin, Ct);
        await using var read = fixture.Open();
        var back = await ProjectStore.FindAsync(read, "RT-1", Ct);

        Assert.NotNull(back);
        Assert.Equal((project.Name, project.Region, project.Category, project.Kind, project.IndustryChain), (back.Name, back.Region, back.Category, back.Kind, back.IndustryChain));
        Assert.Equal((project.OwnerEnterprise, project.ConstructionContent, project.Leader, project.LeadDepartment), (back.OwnerEnterprise, back.ConstructionContent, back.Leader, back.LeadDepartment));
        Assert.Equal(50_000m, back.TotalInvestment);
        Assert.Equal(12_000m, back.AnnualPlanFor(2022));
        Assert.Equal(8_000m, back.AnnualPlanFor(2023));
        Assert.Equal((project.PlannedStart, project.PlannedFinish), (back.PlannedStart, back.PlannedFinish));
        Assert.True(back.Tags.SetEquals(["省重点", "5020"]));
        Assert.Equal(["区住建局", "区交通局"], back.WorkGroup);
        Assert.Equal(project.Milestones, back.Milestones);
        Assert.Equal(project.SupplementaryAgreements, back.SupplementaryAgreements);
        Assert.Equal(ProjectStatus.Started, back.Status);
        Assert.Equal(project.StatusHistory, back.StatusHistory);
    }

    [Fact]
    public async Task CreateAsync_DuplicateCode_Refused()
    {
        await using var db = fixture.Open();
        await ProjectStore.CreateAsync(db, Sample("DUP-1", Jiangyang), Admin, Ct);

        var ex = await Assert.ThrowsAsync<ProjectRuleException>(() => ProjectStore.CreateAsync(db, Sample("DUP-1", Tongzhou), Admin, Ct));

        Assert.Contains("已存在", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransitionAsync_IllegalMove_RefusedWithBilingualReasonAndNothingStored()
    {
        await using var db = fixture.Open();
        await ProjectStore.CreateAsync(db, Sample("TR-1", Jiangyang, ProjectStatus.Reserve), Admin, Ct);

        var ex = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            ProjectStore.TransitionAsync(db, "TR-1", ProjectStatus.Completed, new DateOnly(2022, 3, 1), null, Admin, Ct));
        await ProjectStore.TransitionAsync(db, "TR-1", ProjectStatus.Signed, new DateOnly(2022, 3, 1), null, Admin, Ct);
        await ProjectStore.TransitionAsync(db, "TR-1", ProjectStatus.Suspended, new DateOnly(2022, 4, 1), "资金未到位", Admin, Ct);

        Assert.Contains(" / ", ex.Message, StringComparison.Ordinal);
        await using var read = fixture.Open();
        var back = await ProjectStore.FindAsync(read, "TR-1", Ct);
        Assert.Equal(ProjectStatus.Suspended, back!.Status);
        Assert.Equal("资金未到位", back.StatusHistory[^1].Reason);
        Assert.Equal(2, back.StatusHistory.Count);
    }

    [Fact]
    public async Task Rights_EditorOfOtherRegion_DeniedButLeadDepartmentEditorAllowed()
    {
        await using var db = fixture.Open();
        var other = Actor.EditorOf("通州编辑", Tongzhou);
        var department = Actor.DepartmentEditor("住建局编辑", "区住建局");

        await Assert.ThrowsAsync<AccessDeniedException>(() => ProjectStore.CreateAsync(db, Sample("AC-1", Naxi), other, Ct));
        await ProjectStore.CreateAsync(db, Sample("AC-1", Naxi), department, Ct);
        await ProjectStore.FillReportAsync(db, "AC-1", 2022, 1, 1000m, 1000m, "开工", null, department, Ct);
        await ProjectStore.SubmitReportAsync(db, "AC-1", 2022, 1, department, Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => ProjectStore.ApproveReportAsync(db, "AC-1", 2022, 1, null, department, Ct));
        await ProjectStore.ApproveReportAsync(db, "AC-1", 2022, 1, null, Actor.ReviewerOf("区发改局审核", Naxi), Ct);

        var audit = await db.AuditEntries.Where(a => a.Entity == "project" && a.Key == "AC-1").ToListAsync(Ct);
        Assert.Equal("住建局编辑", Assert.Single(audit).User);
        Assert.Contains(await db.AuditEntries.Where(a => a.Entity == "monthly_report" && a.Key == "AC-1|2022-01|r0").ToListAsync(Ct),
            a => a.User == "区发改局审核" && a.Field == "state");
    }

    [Fact]
    public async Task Reports_ReturnEditApprove_ThenClosedMonthCorrectionKeepsOldRevision()
    {
        await using var db = fixture.Open();
        await ProjectStore.CreateAsync(db, Sample("MR-1", Jiangyang), Admin, Ct);
        await ProjectStore.FillReportAsync(db, "MR-1", 2022, 1, 900m, 900m, "桩基施工", ["用地未交付"], Admin, Ct);
        await ProjectStore.SubmitReportAsync(db, "MR-1", 2022, 1, Admin, Ct);
        await ProjectStore.ReturnReportAsync(db, "MR-1", 2022, 1, "数字与统计局不一致", Admin, Ct);
        await ProjectStore.FillReportAsync(db, "MR-1", 2022, 1, 1000m, 1000m, "桩基施工", null, Admin, Ct);
        await ProjectStore.SubmitReportAsync(db, "MR-1", 2022, 1, Admin, Ct);
        await ProjectStore.ApproveReportAsync(db, "MR-1", 2022, 1, null, Admin, Ct);
        await ProjectStore.CloseMonthAsync(db, Jiangyang, 2022, 1, Admin, new FakeTimeProvider(), Ct);

        var closed = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            ProjectStore.FillReportAsync(db, "MR-1", 2022, 1, 1100m, 1100m, null, null, Admin, Ct));
        await ProjectStore.CorrectReportAsync(db, "MR-1", 2022, 1, 1200m, 1200m, "统计局核定", Admin, null, Ct);
        var before = await ProjectLedgerQuery.LedgerAsync(db, StatPeriod.ForMonth(2022, 1), LedgerGrouping.Project, Jiangyang, Ct);
        await ProjectStore.SubmitReportAsync(db, "MR-1", 2022, 1, Admin, Ct);
        await ProjectStore.ApproveReportAsync(db, "MR-1", 2022, 1, null, Admin, Ct);
        var after = await ProjectLedgerQuery.LedgerAsync(db, StatPeriod.ForMonth(2022, 1), LedgerGrouping.Project, Jiangyang, Ct);

        Assert.Contains("已关账", closed.Message, StringComparison.Ordinal);
        var revisions = await ProjectStore.RevisionsAsync(db, "MR-1", 2022, 1, Ct);
        Assert.Equal([0, 1], revisions.Select(r => r.Revision));
        Assert.Equal(1000m, revisions[0].CumulativeThisYear);
        Assert.Equal(ReportState.Approved, revisions[0].State);
        Assert.Equal(1200m, revisions[1].CumulativeThisYear);
        Assert.Equal(1000m, before.Report.Row("MR-1")!.CompletedYearToDate);
        Assert.Equal(1200m, after.Report.Row("MR-1")!.CompletedYearToDate);
    }

    [Fact]
    public async Task FillReportAsync_CumulativeBelowLastMonth_Refused()
    {
        // 2021: other tests in this shared store close months of 2022 for 江阳区, and the order of tests is not fixed.
        await using var db = fixture.Open();
        await ProjectStore.CreateAsync(db, Sample("LOW-1", Jiangyang), Admin, Ct);
        await ProjectStore.FillReportAsync(db, "LOW-1", 2021, 1, 1000m, 1000m, null, null, Admin, Ct);
        await ProjectStore.SubmitReportAsync(db, "LOW-1", 2021, 1, Admin, Ct);
        await ProjectStore.ApproveReportAsync(db, "LOW-1", 2021, 1, null, Admin, Ct);

        var ex = await Assert.ThrowsAsync<ProjectRuleException>(() => ProjectStore.FillReportAsync(db, "LOW-1", 2021, 2, 0m, 800m, null, null, Admin, Ct));

        Assert.Contains("低于上月累计", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await ProjectStore.RevisionsAsync(db, "LOW-1", 2021, 2, Ct));
    }

    [Fact]
    public async Task Problems_AddStartResolve_RollOverUntilResolvedAndWarnWhenOverdue()
    {
        await using var db = fixture.Open();
        await ProjectStore.CreateAsync(db, Sample("PB-1", Jiangyang), Admin, Ct);
        await ProjectStore.AddProblemAsync(db, new ProjectProblem("PB-1-Q1", "PB-1", "用地", "征地拆迁未完成", "区自然资源局", new DateOnly(2022, 2, 10), new DateOnly(2022, 3, 31)), Admin, Ct);
        await ProjectStore.StartProblemAsync(db, "PB-1-Q1", Admin, Ct);

        var warnings = await ProjectWarningQuery.WarningsAsync(db, StatPeriod.CumulativeTo(2022, 6), WarningRules.Default, new DateOnly(2022, 7, 5), Jiangyang, null, null, Ct);
        var sheet = await ProjectSheetBuilder.BuildAsync(db, StatPeriod.ForMonth(2022, 4), Jiangyang, form: true, blank: true, Ct);
        await ProjectStore.ResolveProblemAsync(db, "PB-1-Q1", "已完成征地", new DateOnly(2022, 4, 20), Admin, Ct);
        var may = await ProjectSheetBuilder.BuildAsync(db, StatPeriod.ForMonth(2022, 5), Jiangyang, form: true, blank: true, Ct);

        var w = Assert.Single(warnings, w => w.ProjectCode == "PB-1" && w.Rule == WarningRule.ProblemOverdue);
        Assert.Equal("区自然资源局", w.Desk);
        Assert.Equal(new DateOnly(2022, 4, 1), w.Since);
        Assert.Contains("征地拆迁未完成", sheet.Single(r => r.Code == "PB-1").Problems, StringComparison.Ordinal);
        Assert.DoesNotContain("征地拆迁未完成", may.Single(r => r.Code == "PB-1").Problems, StringComparison.Ordinal);
        var stored = Assert.Single(await ProjectStore.ProblemsAsync(db, Jiangyang, Ct), q => q.Id == "PB-1-Q1");
        Assert.Equal((ProblemStatus.Resolved, "已完成征地"), (stored.Status, stored.Resolution));
    }

    [Fact]
    public async Task LedgerAsync_StoredLedger_EqualsCoreConsolidationForEveryGrouping()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(510521);
        var calendar = new ProjectLedgerCalendar();
        var projects = new List<Project>();
        var reports = new List<MonthlyReport>();
        for (var i = 0; i < 6; i++)
        {
            var p = Sample($"LG-{i}", region, i == 0 ? ProjectStatus.Signed : ProjectStatus.UnderConstruction);
            if (i == 0)
            {
                p.TransitionTo(ProjectStatus.Started, new DateOnly(2022, 3, 15));
            }

            await ProjectStore.CreateAsync(db, p, Admin, Ct);
            projects.Add(p);
            var cumulative = 0m;
            for (var m = 1; m <= 4 - (i % 3); m++)
            {
                var amount = 500m + (i * 100m) + m;
                await ProjectStore.FillReportAsync(db, p.Code, 2022, m, amount, cumulative + amount, "施工", null, Admin, Ct);
                await ProjectStore.SubmitReportAsync(db, p.Code, 2022, m, Admin, Ct);
                await ProjectStore.ApproveReportAsync(db, p.Code, 2022, m, null, Admin, Ct);
                var r = MonthlyReport.Create(p.Code, 2022, m, amount, cumulative + amount, cumulative, calendar);
                r.Submit(calendar);
                r.Approve("x");
                reports.Add(r);
                cumulative += amount;
            }
        }

        foreach (var period in new[] { StatPeriod.CumulativeTo(2022, 4), StatPeriod.ForQuarter(2022, 2) })
        {
            foreach (var by in Enum.GetValues<LedgerGrouping>())
            {
                var expected = Ledger.Consolidate(projects, reports, period, by);
                var actual = (await ProjectLedgerQuery.LedgerAsync(db, period, by, region, Ct)).Report;
                Assert.Equal(expected.Rows.Select(Flat), actual.Rows.Select(Flat));
                Assert.Equal(Flat(expected.Total), Flat(actual.Total));
            }
        }
    }

    private static string Flat(LedgerRow r) => string.Join("|", r.GroupKey, r.ProjectCount, string.Join(",", r.CountByStatus.OrderBy(k => k.Key)),
        r.TotalInvestment.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        r.AnnualPlan.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        r.CompletedInPeriod.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        r.CompletedYearToDate.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), r.NewStarts, r.Completions, r.Formula);
}

public sealed class SqliteProjectStoreTests(SqliteFixture fixture) : ProjectStoreTests<SqliteFixture>(fixture);

public sealed class PostgresProjectStoreTests(PostgresFixture fixture) : ProjectStoreTests<PostgresFixture>(fixture);
