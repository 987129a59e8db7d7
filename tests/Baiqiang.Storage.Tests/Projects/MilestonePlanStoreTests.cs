using System.Text;
using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>Baselines, re-plans and 前期手续 on the store against each provider. Each test uses its own codes and region.</summary>
public abstract class MilestonePlanStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly Actor Admin = Actor.LocalAdmin("tester");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Project WithMilestones(string code, RegionCode region, ProjectStatus status, params Milestone[] milestones)
    {
        var p = ProjectStoreTests<TFixture>.Sample(code, region, status);
        return new Project(p.Code, p.Name, p.Region, p.Status, p.StatusSince)
        {
            AnnualPlans = p.AnnualPlans, LeadDepartment = p.LeadDepartment, PlannedStart = p.PlannedStart, Milestones = milestones,
        };
    }

    [Fact]
    public async Task ApprovePlanAsync_ThenMoveDate_RefusedWithoutReason_ReplanKeepsBaselineAndHistory()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(510521); // 泸县
        var node = new Milestone("主体封顶", new DateOnly(2023, 6, 30));
        var eia = new Milestone("环评", new DateOnly(2023, 3, 31)) { Kind = MilestoneKind.Preliminary };
        var later = new Milestone("竣工验收", new DateOnly(2024, 5, 31));
        await ProjectStore.CreateAsync(db, WithMilestones("BL-1", region, ProjectStatus.Signed, node, eia, later), Admin, Ct);

        var approved = await MilestonePlanStore.ApprovePlanAsync(db, 2023, region, Admin, Ct);
        var again = await MilestonePlanStore.ApprovePlanAsync(db, 2023, region, Admin, Ct);
        var stored = (await ProjectStore.FindAsync(db, "BL-1", Ct))!;

        Assert.Equal((2, false), (approved.Baselined, approved.AlreadyApproved));
        Assert.Equal((0, true), (again.Baselined, again.AlreadyApproved));
        Assert.Equal(new DateOnly(2023, 6, 30), stored.Milestones.Single(m => m.Name == "主体封顶").Baseline);
        Assert.Equal(MilestoneKind.Preliminary, stored.Milestones.Single(m => m.Name == "环评").Kind);
        Assert.Null(stored.Milestones.Single(m => m.Name == "竣工验收").Baseline); // 2024's plan is not approved

        // Changing a baselined date through an ordinary update without a reason is refused, in both languages, and nothing moves.
        var moved = WithMilestones("BL-1", region, ProjectStatus.Signed, node with { Deadline = new DateOnly(2023, 9, 30) }, eia, later);
        db.ChangeTracker.Clear();
        var refused = await Assert.ThrowsAsync<ProjectRuleException>(() => ProjectStore.UpdateAsync(db, moved, Admin, Ct));
        Assert.Contains("须填写调整原因", refused.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("requires a reason", refused.Reason.En, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        var noReason = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            MilestonePlanStore.ReplanAsync(db, "BL-1", "主体封顶", new DateOnly(2023, 9, 30), "  ", Admin, Ct));
        Assert.Contains("主体封顶", noReason.Reason.Zh, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(new DateOnly(2023, 6, 30), (await ProjectStore.FindAsync(db, "BL-1", Ct))!.Milestones.Single(m => m.Name == "主体封顶").Deadline);

        // With a reason: the current plan moves, the baseline stays, the re-plan is kept and audited.
        await MilestonePlanStore.ReplanAsync(db, "BL-1", "主体封顶", new DateOnly(2023, 9, 30), "钢材到货延迟", Admin, Ct);
        db.ChangeTracker.Clear();
        await ProjectStore.UpdateAsync(db, WithMilestones("BL-1", region, ProjectStatus.Signed,
            node with { Deadline = new DateOnly(2023, 10, 31) }, eia with { CompletedOn = new DateOnly(2023, 3, 20) }, later), Admin, "雨季停工", Ct);
        db.ChangeTracker.Clear();
        var after = (await ProjectStore.FindAsync(db, "BL-1", Ct))!.Milestones.Single(m => m.Name == "主体封顶");
        var replans = await MilestonePlanStore.ReplansAsync(db, "BL-1", Ct);

        Assert.Equal((new DateOnly(2023, 10, 31), new DateOnly(2023, 6, 30), 123), (after.Deadline, after.Baseline!.Value, after.SlipDays!.Value));
        Assert.Equal(
            [("主体封顶", new DateOnly(2023, 6, 30), new DateOnly(2023, 9, 30), "钢材到货延迟"), ("主体封顶", new DateOnly(2023, 9, 30), new DateOnly(2023, 10, 31), "雨季停工")],
            replans.Select(r => (r.Milestone, r.From, r.To, r.Reason)).ToArray());
        Assert.All(replans, r => Assert.Equal("tester", r.By));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "milestone_replan" && a.Key.StartsWith("BL-1|"), Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "plan_approval" && a.Key == "510521|2023", Ct));

        // A baselined milestone cannot be dropped; a new one in the approved year is baselined at once.
        db.ChangeTracker.Clear();
        var dropped = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            ProjectStore.UpdateAsync(db, WithMilestones("BL-1", region, ProjectStatus.Signed, eia, later), Admin, Ct));
        Assert.Contains("不能删除", dropped.Reason.Zh, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        await ProjectStore.UpdateAsync(db, WithMilestones("BL-1", region, ProjectStatus.Signed,
            after, eia with { CompletedOn = new DateOnly(2023, 3, 20) }, later, new Milestone("设备安装", new DateOnly(2023, 11, 30))), Admin, Ct);
        db.ChangeTracker.Clear();
        Assert.Equal(new DateOnly(2023, 11, 30), (await ProjectStore.FindAsync(db, "BL-1", Ct))!.Milestones.Single(m => m.Name == "设备安装").Baseline);
    }

    [Fact]
    public async Task ApprovePlanAsync_Rights_ReviewerOfAnotherRegionDenied_OtherRegionsUntouched()
    {
        await using var db = fixture.Open();
        var mine = new RegionCode(510522); // 合江县
        var other = new RegionCode(510524); // 叙永县
        await ProjectStore.CreateAsync(db, WithMilestones("BL-2", mine, ProjectStatus.Signed, new Milestone("开工", new DateOnly(2025, 4, 30))), Admin, Ct);
        await ProjectStore.CreateAsync(db, WithMilestones("BL-3", other, ProjectStatus.Signed, new Milestone("开工", new DateOnly(2025, 4, 30))), Admin, Ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => MilestonePlanStore.ApprovePlanAsync(db, 2025, mine, Actor.ReviewerOf("r", other), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => MilestonePlanStore.ApprovePlanAsync(db, 2025, null, Actor.ReviewerOf("r", mine), Ct));
        var r = await MilestonePlanStore.ApprovePlanAsync(db, 2025, mine, Actor.ReviewerOf("r", mine), Ct);

        Assert.Equal(1, r.Baselined);
        db.ChangeTracker.Clear();
        Assert.NotNull((await ProjectStore.FindAsync(db, "BL-2", Ct))!.Milestones[0].Baseline);
        Assert.Null((await ProjectStore.FindAsync(db, "BL-3", Ct))!.Milestones[0].Baseline);
    }

    [Fact]
    public async Task RedFlagsAsync_PreliminarySteps_OverdueByDateAndStartedWithoutPermit_TurnRedWithReasons()
    {
        await using var db = fixture.Open();
        var region = new RegionCode(510525); // 古蔺县
        await ProjectStore.CreateAsync(db, WithMilestones("PR-1", region, ProjectStatus.Signed,
            new Milestone("环评", new DateOnly(2023, 3, 31)) { Kind = MilestoneKind.Preliminary },
            new Milestone("立项", new DateOnly(2023, 2, 28), new DateOnly(2023, 2, 20)) { Kind = MilestoneKind.Preliminary }), Admin, Ct);
        await ProjectStore.CreateAsync(db, WithMilestones("PR-2", region, ProjectStatus.UnderConstruction,
            new Milestone("施工许可", new DateOnly(2023, 12, 31)) { Kind = MilestoneKind.Preliminary }), Admin, Ct);

        var flags = await ProjectLedgerQuery.RedFlagsAsync(db, new DateOnly(2023, 4, 10), region, Ct);
        var p1 = Assert.Single(flags["PR-1"]);
        var p2 = Assert.Single(flags["PR-2"]);

        Assert.Equal("前期手续“环评”计划2023-03-31办结，已逾期10天", p1.Zh);
        Assert.Contains("environmental assessment", p1.En, StringComparison.Ordinal);
        Assert.Equal("项目已在建，前期手续“施工许可”尚未办结(计划2023-12-31)", p2.Zh);
        Assert.Equal(LightColor.Red, ProjectLights.Judge(80m, 25m, LightThresholds.Default, flags["PR-2"]).Color);

        // The Gantt rows of PR-1: the open step runs to the as-of day, the done one ends on its day.
        var rows = MilestoneGantt.For((await ProjectStore.FindAsync(db, "PR-1", Ct))!, new DateOnly(2023, 4, 10));
        Assert.Equal(["立项", "环评"], rows.Select(r => r.Milestone).ToArray());
        Assert.Equal((new DateOnly(2023, 2, 20), true), (rows[0].Actual!.End, rows[0].Done));
        Assert.Equal((new DateOnly(2023, 2, 20), new DateOnly(2023, 4, 10), true), (rows[1].Actual!.Start, rows[1].Actual!.End, rows[1].Overdue));
        Assert.Equal((new DateOnly(2023, 2, 28), new DateOnly(2023, 3, 31)), (rows[1].Current.Start, rows[1].Current.End));
    }

    [Fact]
    public async Task LedgerImport_PreliminaryColumns_ImportStepsAndRefuseBaselinedMoveWithoutReason()
    {
        await using var db = fixture.Open();
        await ProjectStore.CreateAsync(db, WithMilestones("PI-1", new RegionCode(510502), ProjectStatus.Signed), Admin, Ct);
        Task<ProjectImportResult> Import(string csv) =>
            ProjectFileImporter.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "ledger.csv", new ProjectImportOptions(), Admin, Ct);

        // Headers in traditional characters read the same (環評計劃日期).
        var first = await Import("项目编号,立项计划日期,立项完成日期,環評計劃日期,施工许可计划日期\r\nPI-1,2026-02-28,2026-02-20,2026-04-30,2026-08-31\r\n");
        Assert.True(first.Success, string.Join("; ", first.Errors.Select(e => e.ToString())));
        db.ChangeTracker.Clear();
        var p = (await ProjectStore.FindAsync(db, "PI-1", Ct))!;
        Assert.Equal(["立项", "环评", "施工许可"], p.Milestones.Select(m => m.Name).ToArray());
        Assert.All(p.Milestones, m => Assert.Equal(MilestoneKind.Preliminary, m.Kind));
        Assert.Equal(new DateOnly(2026, 2, 20), p.Milestones[0].CompletedOn);

        await MilestonePlanStore.ApprovePlanAsync(db, 2026, new RegionCode(510502), Admin, Ct);
        var refused = await Import("项目编号,环评计划日期\r\nPI-1,2026-06-30\r\n");
        var error = Assert.Single(refused.Errors);
        Assert.Equal((2, "环评计划日期"), (error.Row, error.Column));
        Assert.Contains("须填写调整原因", error.ToString(), StringComparison.Ordinal);

        var accepted = await Import("项目编号,环评计划日期,调整原因\r\nPI-1,2026-06-30,专家评审推迟\r\n");
        Assert.True(accepted.Success);
        db.ChangeTracker.Clear();
        var eia = (await ProjectStore.FindAsync(db, "PI-1", Ct))!.Milestones.Single(m => m.Name == "环评");
        Assert.Equal((new DateOnly(2026, 6, 30), new DateOnly(2026, 4, 30)), (eia.Deadline, eia.Baseline!.Value));
        Assert.Equal("专家评审推迟", Assert.Single(await MilestonePlanStore.ReplansAsync(db, "PI-1", Ct)).Reason);
    }
}

public sealed class SqliteMilestonePlanStoreTests(SqliteFixture fixture) : MilestonePlanStoreTests<SqliteFixture>(fixture);

public sealed class PostgresMilestonePlanStoreTests(PostgresFixture fixture) : MilestonePlanStoreTests<PostgresFixture>(fixture);
