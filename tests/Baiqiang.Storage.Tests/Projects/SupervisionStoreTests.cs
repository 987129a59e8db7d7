using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Projects;

/// <summary>督办 on the store against each provider: escalation, refusals, rule escalation, history, audit and the 督办单.</summary>
public abstract class SupervisionStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly Actor Admin = Actor.LocalAdmin("tester");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SeedAsync(BaiqiangDbContext db, string code, string problem, DateOnly raised, DateOnly? due)
    {
        await ProjectStore.CreateAsync(db, ProjectStoreTests<TFixture>.Sample(code, Jiangyang), Admin, Ct);
        await ProjectStore.AddProblemAsync(db, new ProjectProblem(problem, code, "用地", "征地拆迁未完成", "区自然资源局", raised, due), Admin, Ct);
    }

    [Fact]
    public async Task EscalateAsync_UpTheLevels_StoresHistoryAuditsAndWritesSheet()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "SV-1", "SV-1-Q1", new DateOnly(2022, 2, 10), new DateOnly(2022, 3, 31));

        var first = await SupervisionStore.EscalateAsync(db, "SV-1-Q1", SupervisionLevel.Supervised, new DateOnly(2022, 4, 5), "逾期未办结", Admin, Ct);
        var second = await SupervisionStore.EscalateAsync(db, "SV-1-Q1", SupervisionLevel.Listed, new DateOnly(2022, 4, 25), "督办期满仍未解决", Admin, Ct);
        var lower = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            SupervisionStore.EscalateAsync(db, "SV-1-Q1", SupervisionLevel.Supervised, new DateOnly(2022, 4, 26), "再次督办", Admin, Ct));
        var view = await SupervisionStore.FindAsync(db, "SV-1-Q1", Ct);
        using var sheet = new MemoryStream();
        SupervisionSheet.Write(view!, "江阳区发展和改革局", new DateOnly(2022, 4, 26), sheet);

        Assert.Equal(new DateOnly(2022, 4, 20), first.DueOn);
        Assert.Equal(new DateOnly(2022, 5, 5), second.DueOn);
        Assert.Contains("不能升级为督办", lower.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("cannot be escalated to supervised", lower.Reason.En, StringComparison.Ordinal);
        Assert.Equal(SupervisionLevel.Listed, view!.Supervision.Level);
        Assert.Equal(
            [SupervisionLevel.Assigned, SupervisionLevel.Supervised, SupervisionLevel.Listed],
            view.Supervision.History.Select(h => h.Level).ToArray());
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "problem_supervision" && a.Key.StartsWith("SV-1-Q1|")).ToListAsync(Ct);
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Equal("tester", a.User));

        sheet.Position = 0;
        using var word = WordprocessingDocument.Open(sheet, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("挂牌督办单", text, StringComparison.Ordinal);
        Assert.Contains("酒城大道改造SV-1", text, StringComparison.Ordinal);
        Assert.Contains("征地拆迁未完成", text, StringComparison.Ordinal);
        Assert.Contains("区自然资源局", text, StringComparison.Ordinal);
        Assert.Contains("2022-05-05", text, StringComparison.Ordinal);
        Assert.Contains("督办期满仍未解决", text, StringComparison.Ordinal);
        Assert.Contains("逾期未办结", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalateAsync_ResolvedOrOutOfScope_IsRefusedAndNothingStored()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "SV-2", "SV-2-Q1", new DateOnly(2022, 2, 10), null);
        var reviewerElsewhere = Actor.ReviewerOf("other", new RegionCode(510503));

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            SupervisionStore.EscalateAsync(db, "SV-2-Q1", SupervisionLevel.Interview, new DateOnly(2022, 4, 5), "约谈", reviewerElsewhere, Ct));
        var noReason = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            SupervisionStore.EscalateAsync(db, "SV-2-Q1", SupervisionLevel.Interview, new DateOnly(2022, 4, 5), " ", Admin, Ct));
        await ProjectStore.ResolveProblemAsync(db, "SV-2-Q1", "已完成征地", new DateOnly(2022, 4, 1), Admin, Ct);
        var resolved = await Assert.ThrowsAsync<ProjectRuleException>(() =>
            SupervisionStore.EscalateAsync(db, "SV-2-Q1", SupervisionLevel.Interview, new DateOnly(2022, 4, 5), "约谈", Admin, Ct));

        Assert.Contains("reason", noReason.Reason.En, StringComparison.Ordinal);
        Assert.Contains("已解决", resolved.Reason.Zh, StringComparison.Ordinal);
        Assert.False(await db.SupervisionSteps.AnyAsync(s => s.ProblemKey == "SV-2-Q1", Ct));
    }

    [Fact]
    public async Task ApplyRulesAsync_DaysOpenAndRedMonths_EscalateOnceToTheLevelTheRulesAskFor()
    {
        await using var db = fixture.Open();
        await SeedAsync(db, "SV-3", "SV-3-Q1", new DateOnly(2023, 1, 2), null);
        await ProjectStore.AddProblemAsync(db, new ProjectProblem("SV-3-Q2", "SV-3", "资金", "配套资金未到位", "区财政局", new DateOnly(2023, 3, 1)), Admin, Ct);
        var today = new DateOnly(2023, 4, 10); // Q1 open 98 days, Q2 40 days

        var first = await SupervisionStore.ApplyRulesAsync(db, today, SupervisionRules.Default, Ct);
        var again = await SupervisionStore.ApplyRulesAsync(db, today, SupervisionRules.Default, Ct);

        var q1 = Assert.Single(first, s => s.Key == "SV-3-Q1").Step;
        var q2 = Assert.Single(first, s => s.Key == "SV-3-Q2").Step;
        Assert.Equal((SupervisionLevel.Interview, true, SupervisionStore.RuleActor), (q1.Level, q1.ByRule, q1.By));
        Assert.Contains("98天", q1.Reason, StringComparison.Ordinal);
        // No report in 2023 against an 8,000万元 plan: red in February and March (behind time by 16.7 and 25 points).
        Assert.Equal((SupervisionLevel.Listed, new DateOnly(2023, 4, 20)), (q2.Level, q2.DueOn));
        Assert.Contains("连续2个月", q2.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(again, s => s.Key.StartsWith("SV-3-", StringComparison.Ordinal));
    }
}

public sealed class SqliteSupervisionStoreTests(SqliteFixture fixture) : SupervisionStoreTests<SqliteFixture>(fixture);

public sealed class PostgresSupervisionStoreTests(PostgresFixture fixture) : SupervisionStoreTests<PostgresFixture>(fixture);
