using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Services;
using Baiqiang.Storage.Services;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Services;

/// <summary>Desk entry (typed records) against each provider: the import's rules, rights, all-or-nothing and audit.</summary>
/// <remarks>The class shares one store, so each test uses its own credit codes and keys.</remarks>
public abstract class ServiceDeskTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly RegionCode Naxi = new(510503);
    private static readonly Actor Admin = Actor.LocalAdmin("admin");
    private static readonly Actor JiangyangEditor = Actor.EditorOf("jy-desk", Jiangyang);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static string Code(int n, string division = "510502")
    {
        var body = "91" + division + n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    private static Dictionary<string, string?> Values(params (string Key, string? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private async Task<BaiqiangDbContext> WithEnterpriseAsync(string code, RegionCode region)
    {
        var db = fixture.Open();
        var outcome = await ServiceDesk.CreateEnterpriseAsync(db, Admin, Values(("credit_code", code), ("name", "企业" + code[^4..]), ("region", region.ToString())), Ct);
        Assert.True(outcome.Success, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        return db;
    }

    [Fact]
    public async Task CreateEnterprise_BadCheckDigit_RefusedOnTheCodeFieldAndNothingStored()
    {
        await using var db = fixture.Open();
        var good = Code(7001);
        var bad = good[..17] + (good[17] == '0' ? '1' : '0');

        var outcome = await ServiceDesk.CreateEnterpriseAsync(db, JiangyangEditor, Values(("credit_code", bad), ("name", "校验位错企业"), ("region", "510502")), Ct);

        var error = Assert.Single(outcome.Errors["credit_code"]);
        Assert.Contains("校验位错误", error.Zh, StringComparison.Ordinal);
        Assert.Contains("check digit", error.En, StringComparison.Ordinal);
        Assert.False(await db.Enterprises.AnyAsync(e => e.Name == "校验位错企业", Ct));
    }

    [Fact]
    public async Task CreateAndUpdateEnterprise_CountyEditor_OwnCountyOnlyAndAuditedFieldByField()
    {
        await using var db = fixture.Open();
        var code = Code(7002);
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceDesk.CreateEnterpriseAsync(db, JiangyangEditor, Values(("credit_code", Code(7003, "510503")), ("name", "纳溪企业"), ("region", "510503")), Ct));
        var created = await ServiceDesk.CreateEnterpriseAsync(db, JiangyangEditor, Values(("credit_code", code.ToLowerInvariant()), ("name", "江阳新材料"), ("region", "510502"), ("tags", "规上")), Ct);

        var updated = await ServiceDesk.UpdateEnterpriseAsync(db, JiangyangEditor, code, Values(("name", "江阳新材料股份"), ("region", "510502"), ("tags", "规上、高新技术企业")), Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceDesk.UpdateEnterpriseAsync(db, JiangyangEditor, code, Values(("name", "搬走"), ("region", "510503")), Ct));

        Assert.Equal(code, created.Key);
        Assert.True(updated!.Success);
        var stored = await db.Enterprises.AsNoTracking().SingleAsync(e => e.CreditCode == code, Ct);
        Assert.Equal(("江阳新材料股份", EnterpriseTags.AboveScale | EnterpriseTags.HighTech, Jiangyang), (stored.Name, stored.Tags, stored.RegionCode));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "enterprise" && a.Key == code).ToListAsync(Ct);
        Assert.Contains(audit, a => a.Field == "name" && a.OldValue == "江阳新材料" && a.NewValue == "江阳新材料股份" && a.User == "jy-desk");
        Assert.Null(await ServiceDesk.UpdateEnterpriseAsync(db, JiangyangEditor, Code(7999), Values(("name", "无")), Ct));
    }

    [Fact]
    public async Task LogVisit_WithRequestRaised_BothStoredLinkedAndKeysGenerated()
    {
        var code = Code(7010);
        await using var db = await WithEnterpriseAsync(code, Jiangyang);

        var outcome = await ServiceDesk.LogVisitAsync(db, JiangyangEditor, Values(
            ("date", "2024-05-06"), ("visitors", "张科长、李干事"), ("credit_code", code), ("notes", "用工、融资"),
            ("request.category", "用工"), ("request.department", "区人社局"), ("request.deadline", "2024-06-05"), ("request.description", "招聘技工30人")), new DateOnly(2024, 5, 6), Ct);

        Assert.True(outcome.Success, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        var visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Key == outcome.Key, Ct);
        Assert.StartsWith("ZF-20240506-", visit.Key, StringComparison.Ordinal);
        Assert.Equal((Jiangyang, "用工、融资"), (visit.RegionCode, visit.Notes));
        var request = await db.EnterpriseRequests.AsNoTracking().SingleAsync(r => r.VisitKey == visit.Key, Ct);
        Assert.Equal((RequestCategory.Labour, "区人社局", new DateOnly(2024, 5, 6), RequestStatus.Accepted), (request.Category, request.Department, request.RaisedOn, request.Status));
        Assert.StartsWith("SQ-20240506-", request.Key, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "visit" && a.Key == visit.Key && a.User == "jy-desk", Ct));
    }

    [Fact]
    public async Task LogVisit_BadRequestPart_NothingStoredAndErrorsNamedByField()
    {
        var code = Code(7011);
        await using var db = await WithEnterpriseAsync(code, Jiangyang);

        var outcome = await ServiceDesk.LogVisitAsync(db, JiangyangEditor, Values(
            ("date", "2024-05-07"), ("visitors", ""), ("credit_code", code),
            ("request.category", "用工"), ("request.department", "区人社局"), ("request.deadline", "2024-05-01")), new DateOnly(2024, 5, 7), Ct);
        var unknown = await ServiceDesk.LogVisitAsync(db, JiangyangEditor, Values(("date", "2024-05-07"), ("visitors", "张"), ("credit_code", Code(7012))), new DateOnly(2024, 5, 7), Ct);

        Assert.Contains("visitors", outcome.Errors.Keys);
        Assert.Contains("办理期限早于受理日期", Assert.Single(outcome.Errors["request.deadline"]).Zh, StringComparison.Ordinal);
        Assert.Contains("企业库中没有", Assert.Single(unknown.Errors["credit_code"]).Zh, StringComparison.Ordinal);
        Assert.False(await db.Visits.AnyAsync(v => v.CreditCode == code, Ct));
        Assert.False(await db.EnterpriseRequests.AnyAsync(r => r.CreditCode == code, Ct));
    }

    [Fact]
    public async Task RaiseRequest_FromVisit_LinkedThenClosedOnlyWithResolutionAndHistoryAudited()
    {
        var code = Code(7020);
        await using var db = await WithEnterpriseAsync(code, Jiangyang);
        var visit = await ServiceDesk.LogVisitAsync(db, JiangyangEditor, Values(("id", "ZF-T-7020"), ("date", "2024-04-01"), ("visitors", "王主任"), ("credit_code", code)), new DateOnly(2024, 4, 1), Ct);

        var raised = await ServiceDesk.RaiseRequestAsync(db, JiangyangEditor, Values(
            ("visit_id", "ZF-T-7020"), ("category", "用地"), ("department", "区自然资源局"), ("deadline", "2024-04-30"), ("description", "扩建用地指标"),
            ("status", "已解决"), ("closed_on", "2024-04-02"), ("resolution", "—")), new DateOnly(2024, 4, 1), Ct);
        var noResolution = await Assert.ThrowsAsync<DomainRuleException>(() => ServiceStore.CloseRequestAsync(db, JiangyangEditor, raised.Key!, RequestStatus.Resolved, new DateOnly(2024, 4, 20), "  ", Ct));
        await ServiceStore.StartRequestAsync(db, JiangyangEditor, raised.Key!, new DateOnly(2024, 4, 3), Ct);
        await ServiceStore.CloseRequestAsync(db, JiangyangEditor, raised.Key!, RequestStatus.Resolved, new DateOnly(2024, 4, 20), "调剂用地12亩", Ct);

        Assert.True(visit.Success);
        Assert.True(raised.Success, string.Join("; ", raised.Errors.SelectMany(e => e.Value)));
        Assert.Contains("办理结果", noResolution.Reason.Zh, StringComparison.Ordinal);
        var stored = await db.EnterpriseRequests.AsNoTracking().SingleAsync(r => r.Key == raised.Key, Ct);
        Assert.Equal(("ZF-T-7020", new DateOnly(2024, 4, 1), Jiangyang, RequestStatus.Resolved), (stored.VisitKey, stored.RaisedOn, stored.RegionCode, stored.Status));
        var history = await ServiceQueries.RequestHistoryAsync(db, raised.Key!, Ct);
        Assert.Null(history[0].Field);
        Assert.Contains(history, h => h.Field == "status" && h.OldValue == "Accepted" && h.NewValue == "InProgress");
        Assert.Contains(history, h => h.Field == "status" && h.OldValue == "InProgress" && h.NewValue == "Resolved" && h.User == "jy-desk");
        var missing = await ServiceDesk.RaiseRequestAsync(db, JiangyangEditor, Values(("visit_id", "ZF-NONE"), ("category", "用地"), ("department", "x"), ("deadline", "2024-04-30")), new DateOnly(2024, 4, 1), Ct);
        Assert.Contains("找不到走访", Assert.Single(missing.Errors["visit_id"]).Zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordCashOut_OwnRegionStoredExactOtherRegionDenied()
    {
        var own = Code(7030);
        var naxi = Code(7031, "510503");
        await using var db = await WithEnterpriseAsync(own, Jiangyang);
        Assert.True((await ServiceDesk.CreateEnterpriseAsync(db, Admin, Values(("credit_code", naxi), ("name", "纳溪企业"), ("region", "510503")), Ct)).Success);

        var stored = await ServiceDesk.RecordCashOutAsync(db, JiangyangEditor, Values(("credit_code", own), ("programme", "技改奖补"), ("amount", "12.345"), ("date", "2024-03-15")), new DateOnly(2024, 3, 15), Ct);
        var zero = await ServiceDesk.RecordCashOutAsync(db, JiangyangEditor, Values(("credit_code", own), ("programme", "技改奖补"), ("amount", "0"), ("date", "2024-03-15")), new DateOnly(2024, 3, 15), Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceDesk.RecordCashOutAsync(db, JiangyangEditor, Values(("credit_code", naxi), ("programme", "技改奖补"), ("amount", "5"), ("date", "2024-03-15")), new DateOnly(2024, 3, 15), Ct));

        Assert.True(stored.Success, string.Join("; ", stored.Errors.SelectMany(e => e.Value)));
        var row = await db.CashOuts.AsNoTracking().SingleAsync(c => c.Key == stored.Key, Ct);
        Assert.Equal((12.345m, CashOutKind.Subsidy, BeneficiaryKind.Enterprise, "企业" + own[^4..], Jiangyang), (row.Amount, row.Kind, row.BeneficiaryKind, row.Beneficiary, row.RegionCode));
        Assert.Contains("金额须大于0", Assert.Single(zero.Errors["amount"]).Zh, StringComparison.Ordinal);
        Assert.False(await db.CashOuts.AnyAsync(c => c.CreditCode == naxi, Ct));
    }

    [Fact]
    public async Task Report_RegionFilter_CountsOnlyThatRegionAndBelow()
    {
        var jy = Code(7040);
        var nx = Code(7041, "510503");
        await using var db = await WithEnterpriseAsync(jy, Jiangyang);
        Assert.True((await ServiceDesk.CreateEnterpriseAsync(db, Admin, Values(("credit_code", nx), ("name", "纳溪企业乙"), ("region", "510503")), Ct)).Success);
        foreach (var (code, day) in new[] { (jy, "2019-02-03"), (jy, "2019-02-04"), (nx, "2019-02-05") })
        {
            Assert.True((await ServiceDesk.LogVisitAsync(db, Admin, Values(("date", day), ("visitors", "甲"), ("credit_code", code),
                ("request.category", "审批"), ("request.department", "R7040审批局"), ("request.deadline", "2019-03-01")), new DateOnly(2019, 2, 3), Ct)).Success);
        }

        var all = await ServiceQueries.ReportAsync(db, StatPeriod.ForMonth(2019, 2), new DateOnly(2019, 3, 31), ["R7040审批局"], null, Ct);
        var city = await ServiceQueries.ReportAsync(db, StatPeriod.ForMonth(2019, 2), new DateOnly(2019, 3, 31), ["R7040审批局"], new RegionCode(510500), Ct);
        var jiangyang = await ServiceQueries.ReportAsync(db, StatPeriod.ForMonth(2019, 2), new DateOnly(2019, 3, 31), ["R7040审批局"], Jiangyang, Ct);

        Assert.Equal((3, 3), (all.Visits, all.Raised));
        Assert.Equal((3, 3), (city.Visits, city.Raised));
        Assert.Equal((2, 1, 2, 2), (jiangyang.Visits, jiangyang.EnterprisesReached, jiangyang.Raised, jiangyang.Overdue));
    }
}

public sealed class SqliteServiceDeskTests(SqliteFixture fixture) : ServiceDeskTests<SqliteFixture>(fixture);

public sealed class PostgresServiceDeskTests(PostgresFixture fixture) : ServiceDeskTests<PostgresFixture>(fixture);
