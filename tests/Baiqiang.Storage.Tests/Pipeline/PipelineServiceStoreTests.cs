using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Services;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Services;
using Baiqiang.Storage.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Tests.Pipeline;

/// <summary>Deals and the service desk against each provider: rights, all-or-nothing, audit, SQL statistics.</summary>
/// <remarks>The class shares one store, so each test uses its own key prefix.</remarks>
public abstract class PipelineServiceStoreTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly RegionCode AnyiPark = new(360123401);
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly Actor Admin = Actor.LocalAdmin("admin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UnifiedSocialCreditCode Code(int n, string division = "510502")
    {
        var body = "91" + division + n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return UnifiedSocialCreditCode.Parse(body + UnifiedSocialCreditCode.CheckCharacter(body));
    }

    private static Deal Deal(string code, RegionCode region, DateOnly lead, DateOnly? signed = null)
    {
        var d = new Deal(code, "项目" + code, region, new Investor("投资方", InvestorType.Private, "长三角", "浙江省"), lead) { PlannedInvestment = 5000m, Department = "招商局" };
        if (signed is { } s)
        {
            d.Advance(DealStage.Signed, s);
        }

        return d;
    }

    [Fact]
    public async Task SaveDeals_EditorOfOtherRegion_DeniedAndNothingStored()
    {
        await using var db = fixture.Open();
        var editor = Actor.EditorOf("江阳编辑", Jiangyang);

        await Assert.ThrowsAsync<AccessDeniedException>(() => PipelineStore.SaveDealsAsync(db, editor, [Deal("D1-JY", Jiangyang, new(2023, 1, 1)), Deal("D1-AY", AnyiPark, new(2023, 1, 1))], Ct));

        Assert.False(await db.Deals.AnyAsync(d => d.Code.StartsWith("D1-"), Ct));
    }

    [Fact]
    public async Task SaveDeals_ReimportBehindStoredStage_RefusedAndStoredUnchanged()
    {
        await using var db = fixture.Open();
        var editor = Actor.EditorOf("安义编辑", new RegionCode(360123));
        Assert.True((await PipelineStore.SaveDealsAsync(db, editor, [Deal("D2-1", AnyiPark, new(2023, 1, 1), new(2023, 2, 1))], Ct)).Success);

        var outcome = await PipelineStore.SaveDealsAsync(db, editor, [Deal("D2-1", AnyiPark, new(2023, 1, 1)), Deal("D2-2", AnyiPark, new(2023, 1, 1))], Ct);

        Assert.False(outcome.Success);
        Assert.Contains("倒退", Assert.Single(outcome.Errors).Zh, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(DealStage.Signed, (await db.Deals.SingleAsync(d => d.Code == "D2-1", Ct)).Stage);
        Assert.False(await db.Deals.AnyAsync(d => d.Code == "D2-2", Ct));
    }

    [Fact]
    public async Task AdvanceAndConvert_StoredDeal_AuditedWithUserAndProjectCode()
    {
        await using var db = fixture.Open();
        await PipelineStore.SaveDealsAsync(db, Admin, [Deal("D3-1", AnyiPark, new(2023, 1, 1), new(2023, 2, 1))], Ct);

        await PipelineStore.AdvanceAsync(db, Actor.EditorOf("张三", AnyiPark), "D3-1", DealStage.Started, new(2023, 4, 1), null, Ct);
        var project = await PipelineStore.ConvertToProjectAsync(db, Admin, "D3-1", "KP-D3-1", Ct);

        Assert.Equal("KP-D3-1", project.Code);
        Assert.Equal(5000m, project.TotalInvestment);
        var audit = await db.AuditEntries.Where(a => a.Entity == "deal" && a.Key == "D3-1").ToListAsync(Ct);
        Assert.Contains(audit, a => a.Field == "stage" && a.User == "张三" && a.NewValue == nameof(DealStage.Started));
        Assert.Contains(audit, a => a.Field == "project_code" && a.NewValue == "KP-D3-1");
        await Assert.ThrowsAsync<DomainRuleException>(() => PipelineStore.AdvanceAsync(db, Admin, "D3-1", DealStage.Signed, new(2023, 5, 1), null, Ct));
    }

    [Fact]
    public async Task ConvertToProject_SignedDeal_StoresProjectWithInvestmentAndTag()
    {
        await using var db = fixture.Open();
        await PipelineStore.SaveDealsAsync(db, Admin, [Deal("D6-1", Jiangyang, new(2023, 1, 1), new(2023, 2, 1))], Ct);

        await PipelineStore.ConvertToProjectAsync(db, Admin, "D6-1", null, Ct);

        db.ChangeTracker.Clear();
        var stored = await ProjectStore.FindAsync(db, "D6-1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(5000m, stored.TotalInvestment);
        Assert.Equal(ProjectStatus.Signed, stored.Status);
        Assert.Contains(DealConversion.Tag, stored.Tags);
        Assert.Equal("D6-1", (await db.Deals.SingleAsync(d => d.Code == "D6-1", Ct)).ProjectCode);
    }

    [Fact]
    public async Task ConvertToProject_UnsignedOrAlreadyConverted_RefusedBilingually()
    {
        await using var db = fixture.Open();
        await PipelineStore.SaveDealsAsync(db, Admin, [Deal("D7-1", Jiangyang, new(2023, 1, 1)), Deal("D7-2", Jiangyang, new(2023, 1, 1), new(2023, 2, 1))], Ct);
        await PipelineStore.ConvertToProjectAsync(db, Admin, "D7-2", "KP-D7-2", Ct);

        var unsigned = await Assert.ThrowsAsync<DomainRuleException>(() => PipelineStore.ConvertToProjectAsync(db, Admin, "D7-1", null, Ct));
        var again = await Assert.ThrowsAsync<DomainRuleException>(() => PipelineStore.ConvertToProjectAsync(db, Admin, "D7-2", "KP-D7-2b", Ct));

        Assert.Contains("签约后", unsigned.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("signed", unsigned.Reason.En, StringComparison.Ordinal);
        Assert.Contains("KP-D7-2", again.Reason.Zh, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Null(await ProjectStore.FindAsync(db, "D7-1", Ct));
        Assert.Null(await ProjectStore.FindAsync(db, "KP-D7-2b", Ct));
    }

    [Fact]
    public async Task ConvertToProject_ProjectCodeTaken_NothingStored()
    {
        await using var db = fixture.Open();
        await PipelineStore.SaveDealsAsync(db, Admin, [Deal("D8-1", Jiangyang, new(2023, 1, 1), new(2023, 2, 1)), Deal("D8-2", Jiangyang, new(2023, 1, 1), new(2023, 2, 1))], Ct);
        await PipelineStore.ConvertToProjectAsync(db, Admin, "D8-1", "KP-D8", Ct);

        await Assert.ThrowsAsync<ProjectRuleException>(() => PipelineStore.ConvertToProjectAsync(db, Admin, "D8-2", "KP-D8", Ct));
        await db.SaveChangesAsync(Ct);

        db.ChangeTracker.Clear();
        Assert.Null((await db.Deals.SingleAsync(d => d.Code == "D8-2", Ct)).ProjectCode);
        Assert.Equal("项目D8-1", (await ProjectStore.FindAsync(db, "KP-D8", Ct))!.Name);
    }

    [Fact]
    public async Task ConvertToProject_EditorOfOtherRegion_AccessDenied()
    {
        await using var db = fixture.Open();
        await PipelineStore.SaveDealsAsync(db, Admin, [Deal("D9-1", Jiangyang, new(2023, 1, 1), new(2023, 2, 1))], Ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => PipelineStore.ConvertToProjectAsync(db, Actor.EditorOf("李四", AnyiPark), "D9-1", null, Ct));

        db.ChangeTracker.Clear();
        Assert.Null(await ProjectStore.FindAsync(db, "D9-1", Ct));
    }

    [Fact]
    public async Task SaveEnterprises_DuplicateCreditCode_NothingStored()
    {
        await using var db = fixture.Open();
        var a = new Enterprise(Code(4001), "甲", Jiangyang);
        Assert.True((await ServiceStore.SaveEnterprisesAsync(db, Admin, [a], Ct)).Success);

        var inBatch = await ServiceStore.SaveEnterprisesAsync(db, Admin, [new Enterprise(Code(4002), "乙", Jiangyang), new Enterprise(Code(4002), "乙二", Jiangyang)], Ct);
        var stored = await ServiceStore.SaveEnterprisesAsync(db, Admin, [new Enterprise(Code(4003), "丙", Jiangyang), a with { }], Ct);

        Assert.Contains("重复", Assert.Single(inBatch.Errors).Zh, StringComparison.Ordinal);
        Assert.Contains("已有", Assert.Single(stored.Errors).Zh, StringComparison.Ordinal);
        var codes = new[] { Code(4002).Value, Code(4003).Value };
        Assert.False(await db.Enterprises.AnyAsync(e => codes.Contains(e.CreditCode), Ct));
    }

    [Fact]
    public async Task Requests_DepartmentEditor_SeesAndHandlesOnlyOwn()
    {
        await using var db = fixture.Open();
        await ServiceStore.SaveEnterprisesAsync(db, Admin, [new Enterprise(Code(5001), "丁", Jiangyang)], Ct);
        var own = new EnterpriseRequest("D5-own", Code(5001), Jiangyang, RequestCategory.Labour, "D5人社局", new(2023, 3, 1), new(2023, 3, 31));
        var other = new EnterpriseRequest("D5-other", Code(5001), Jiangyang, RequestCategory.Land, "D5自然资源局", new(2023, 3, 1), new(2023, 3, 31));
        var desk = Actor.DepartmentEditor("人社窗口", "D5人社局");
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceStore.SaveRequestsAsync(db, desk, [own, other], Ct));
        Assert.True((await ServiceStore.SaveRequestsAsync(db, Admin, [own, other], Ct)).Success);

        var visible = await ServiceQueries.RequestsForAsync(db, desk, Ct);
        var closed = await ServiceStore.CloseRequestAsync(db, desk, "D5-own", RequestStatus.Resolved, new(2023, 3, 10), "组织专场招聘会", Ct);

        Assert.Equal("D5-own", Assert.Single(visible).Id);
        Assert.Equal(RequestStatus.Resolved, closed.Status);
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceStore.CloseRequestAsync(db, desk, "D5-other", RequestStatus.Resolved, new(2023, 3, 10), "x", Ct));
        var noResolution = await Assert.ThrowsAsync<DomainRuleException>(() => ServiceStore.CloseRequestAsync(db, Admin, "D5-other", RequestStatus.Resolved, new(2023, 3, 10), " ", Ct));
        Assert.Contains("办理结果", noResolution.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains(await db.AuditEntries.Where(a => a.Entity == "request" && a.Key == "D5-own").ToListAsync(Ct), a => a.Field == "status" && a.User == "人社窗口");
    }

    [Fact]
    public async Task Report_JiangyangCampaign_SqlFiguresMatchSeed()
    {
        await using var db = fixture.Open();
        var firms = Enumerable.Range(6001, 25).Select(i => new Enterprise(Code(i), "企业" + i, Jiangyang)).ToList();
        await ServiceStore.SaveEnterprisesAsync(db, Admin, firms, Ct);
        await ServiceStore.SaveVisitsAsync(db, Admin, [.. firms.Select((f, i) => new Visit($"D6-V{i}", new DateOnly(2021, 3, 1 + (i % 20)), "区领导", f.CreditCode, Jiangyang))], Ct);
        var requests = new List<EnterpriseRequest>();
        for (var i = 0; i < 17; i++)
        {
            var r = new EnterpriseRequest($"D6-R{i}", firms[i].CreditCode, Jiangyang, i < 9 ? RequestCategory.Labour : RequestCategory.Loans, i % 2 == 0 ? "D6经信局" : "D6金融办", new(2021, 3, 5), new(2021, 3, 25));
            if (i < 6)
            {
                r.TryClose(RequestStatus.Resolved, new DateOnly(2021, 3, 5).AddDays((i + 1) * 3), "已解决");
            }

            requests.Add(r);
        }

        await ServiceStore.SaveRequestsAsync(db, Admin, requests, Ct);

        var report = await ServiceQueries.ReportAsync(db, StatPeriod.ForMonth(2021, 3), new DateOnly(2021, 3, 31), null, Ct);

        Assert.Equal((25, 25, 17, 6), (report.Visits, report.EnterprisesReached, report.Raised, report.Resolved));
        Assert.Equal(35.3m, Math.Round(report.ResolutionRatePercent!.Value, 1, MidpointRounding.AwayFromZero));
        Assert.Equal(10.5m, report.MedianDaysToResolve);
        Assert.Equal(11, report.Overdue);
        Assert.Equal(9, report.ByCategory[RequestCategory.Labour]);
        Assert.Equal(9, report.ByDepartment["D6经信局"]);
        var own = await ServiceQueries.ReportAsync(db, StatPeriod.ForMonth(2021, 3), new DateOnly(2021, 3, 31), ["D6金融办"], Ct);
        Assert.Equal(8, own.Raised);
    }

    [Fact]
    public async Task CashOutTotals_ByProgramme_SummedInDatabase()
    {
        await using var db = fixture.Open();
        await ServiceStore.SaveCashOutsAsync(db, Admin,
        [
            new PolicyCashOut("D7-1", "D7租金减免", CashOutKind.Relief, BeneficiaryKind.Enterprise, "甲", Jiangyang, 500m, new(2020, 6, 1)),
            new PolicyCashOut("D7-2", "D7租金减免", CashOutKind.Relief, BeneficiaryKind.IndividualBusiness, "乙", Jiangyang, 279.19m, new(2020, 6, 2)),
            new PolicyCashOut("D7-3", "D7工业奖补", CashOutKind.Subsidy, BeneficiaryKind.Enterprise, "甲", Jiangyang, 1095m, new(2020, 7, 1)),
        ], Ct);
        var dup = await ServiceStore.SaveCashOutsAsync(db, Admin, [new PolicyCashOut("D7-1", "x", CashOutKind.Relief, BeneficiaryKind.Enterprise, "甲", Jiangyang, 1m, new(2020, 6, 1))], Ct);

        var totals = await ServiceQueries.CashOutTotalsAsync(db, StatPeriod.ForYear(2020), Ct);

        Assert.False(dup.Success);
        var relief = Assert.Single(totals, t => t.Programme == "D7租金减免");
        Assert.Equal((779.19m, 1, 1), (relief.Amount, relief.Enterprises, relief.IndividualBusinesses));
        Assert.Equal(1095m, Assert.Single(totals, t => t.Programme == "D7工业奖补").Amount);
    }

    [Fact]
    public async Task SaveVisits_UnknownEnterprise_Refused()
    {
        await using var db = fixture.Open();
        var outcome = await ServiceStore.SaveVisitsAsync(db, Admin, [new Visit("D8-V1", new(2023, 1, 1), "x", Code(8001), Jiangyang)], Ct);
        Assert.Contains("请先导入企业", Assert.Single(outcome.Errors).Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PipelineGrouping.None)]
    [InlineData(PipelineGrouping.Source)]
    [InlineData(PipelineGrouping.Region)]
    [InlineData(PipelineGrouping.IndustryChain)]
    [InlineData(PipelineGrouping.InvestorType)]
    [InlineData(PipelineGrouping.OriginRegion)]
    public async Task RatesAsync_FromStoredColumns_EqualInMemoryRatesOfTheSameDeals(PipelineGrouping grouping)
    {
        await using var db = fixture.Open();
        var tongzhou = new RegionCode(320612);
        var park = new RegionCode(320612401);
        var deals = new List<Deal>();
        for (var i = 0; i < 40; i++)
        {
            var investor = i % 4 == 1 ? new Investor("投资方", InvestorType.Foreign, "珠三角", "广东省") : new Investor("投资方", InvestorType.Private, "长三角", "浙江省");
            var d = new Deal($"R9-{i:D2}", "项目" + i, i % 3 == 0 ? park : tongzhou, investor, new(2022 + (i % 2), 1 + (i % 12), 1))
            {
                IndustryChain = i % 3 == 1 ? "新能源" : string.Empty,
                Source = (LeadSource)(1 + (i % 4)),
                PlannedInvestment = 1000m + (i * 37.5m),
                Department = "招商局",
            };
            var at = d.ReachedOn(DealStage.Lead)!.Value;
            if (i % 5 != 0)
            {
                d.Advance(DealStage.Signed, at.AddDays(20));
            }

            if (i % 5 is 2 or 3)
            {
                // 落地 skipped: 开工 straight after 签约 still counts as landed.
                d.Advance(DealStage.Started, at.AddDays(60));
            }

            if (i % 5 == 3 && i % 2 == 0)
            {
                d.Advance(DealStage.Producing, at.AddDays(200));
            }

            deals.Add(d);
        }

        Assert.True((await PipelineStore.SaveDealsAsync(db, Admin, deals, Ct)).Success);

        foreach (var period in new[] { StatPeriod.ForYear(2023), StatPeriod.ParseCanonical("2022-01..06") })
        {
            // The store skips deals that cannot fall in the period's cohorts, so which all-zero groups appear may differ.
            static bool Counts(PipelineRateRow r) => r.Group == "合计" || r.NewLeads > 0 || r.NewSignings > 0;
            var fromStore = (await PipelineQueries.RatesAsync(db, period, grouping, tongzhou, Ct)).Where(Counts).ToList();
            var inMemory = PipelineRates.Compute(deals, period, grouping).Where(Counts).ToList();
            Assert.NotEmpty(inMemory);
            Assert.Equal(inMemory.Select(r => r.Group), fromStore.Select(r => r.Group));
            Assert.Equal(inMemory.Select(r => r.Production.Formula), fromStore.Select(r => r.Production.Formula));
            Assert.Equal(inMemory.Select(r => r.Landing.Formula), fromStore.Select(r => r.Landing.Formula));
            Assert.Equal(inMemory.Select(r => r.Signing.Formula), fromStore.Select(r => r.Signing.Formula));
        }
    }
}

public sealed class SqlitePipelineServiceStoreTests(SqliteFixture fixture) : PipelineServiceStoreTests<SqliteFixture>(fixture);

public sealed class PostgresPipelineServiceStoreTests(PostgresFixture fixture) : PipelineServiceStoreTests<PostgresFixture>(fixture);
