using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Services;

namespace Baiqiang.Core.Tests.Services;

/// <summary>江阳's visit campaign (25 firms, 17 problems, 6 solved) and 通州's 67 needs (39 + 20 + 8).</summary>
public sealed class ServiceSeedTests
{
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly RegionCode Tongzhou = new(320612);

    /// <summary>A valid code whose 9th–17th characters encode <paramref name="n"/>.</summary>
    internal static UnifiedSocialCreditCode Code(int n, string division = "510502")
    {
        var body = "91" + division + n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return UnifiedSocialCreditCode.Parse(body + UnifiedSocialCreditCode.CheckCharacter(body));
    }

    private static (List<Visit> Visits, List<EnterpriseRequest> Requests) JiangyangCampaign()
    {
        var visits = Enumerable.Range(1, 25).Select(i => new Visit($"JY-V{i}", new DateOnly(2023, 3, 1 + (i % 20)), "区领导、区经信局", Code(i), Jiangyang)).ToList();
        var requests = new List<EnterpriseRequest>();
        for (var i = 1; i <= 17; i++)
        {
            var r = new EnterpriseRequest($"JY-R{i}", Code(i), Jiangyang, (RequestCategory)((i % 9) + 1), i % 2 == 0 ? "区经信局" : "区人社局", new DateOnly(2023, 3, 5), new DateOnly(2023, 4, 30)) { VisitId = $"JY-V{i}" };
            if (i <= 6)
            {
                Assert.True(r.TryClose(RequestStatus.Resolved, new DateOnly(2023, 3, 5).AddDays(i * 3), "已协调解决").Success);
            }
            else if (i <= 10)
            {
                Assert.True(r.TryStart(new DateOnly(2023, 3, 10)).Success);
            }

            requests.Add(r);
        }

        return (visits, requests);
    }

    [Fact]
    public void Statistics_JiangyangCampaign_ResolutionRate353()
    {
        var (visits, requests) = JiangyangCampaign();

        var report = ServiceStatistics.Compute(visits, requests, StatPeriod.ForMonth(2023, 3), new DateOnly(2023, 3, 31));

        Assert.Equal(25, report.Visits);
        Assert.Equal(25, report.EnterprisesReached);
        Assert.Equal(17, report.Raised);
        Assert.Equal(6, report.Resolved);
        Assert.Equal(35.3m, Math.Round(report.ResolutionRatePercent!.Value, 1, MidpointRounding.AwayFromZero));
        Assert.Contains("6 ÷ 受理诉求 17", report.ResolutionFormula, StringComparison.Ordinal);
        Assert.Equal(10.5m, report.MedianDaysToResolve); // 3, 6, 9, 12, 15, 18 → (9 + 12) ÷ 2
        Assert.Equal(0, report.Overdue);
    }

    [Fact]
    public void Statistics_AfterDeadline_OpenRequestsAreOverdue()
    {
        var (visits, requests) = JiangyangCampaign();
        var report = ServiceStatistics.Compute(visits, requests, StatPeriod.ForYear(2023), new DateOnly(2023, 5, 1));
        Assert.Equal(11, report.Overdue);
    }

    [Fact]
    public void Statistics_Tongzhou67Needs_ByCategory()
    {
        var requests = new List<EnterpriseRequest>();
        void Add(RequestCategory c, int n, string dept)
        {
            for (var i = 0; i < n; i++)
            {
                requests.Add(new EnterpriseRequest($"TZ-{c}-{i}", Code(requests.Count + 1, "320612"), Tongzhou, c, dept, new DateOnly(2023, 5, 10), new DateOnly(2023, 8, 31)));
            }
        }

        Add(RequestCategory.TechnicalRenovation, 39, "区工信局");
        Add(RequestCategory.Innovation, 20, "区科技局");
        Add(RequestCategory.ListingFinancing, 8, "区金融办");

        var report = ServiceStatistics.Compute([], requests, StatPeriod.CumulativeTo(2023, 6), new DateOnly(2023, 6, 30));

        Assert.Equal(67, report.Raised);
        Assert.Equal(39, report.ByCategory[RequestCategory.TechnicalRenovation]);
        Assert.Equal(20, report.ByCategory[RequestCategory.Innovation]);
        Assert.Equal(8, report.ByCategory[RequestCategory.ListingFinancing]);
        Assert.Equal(39, report.ByDepartment["区工信局"]);
    }

    [Fact]
    public void TryClose_ResolvedWithoutResolution_FailsAndStaysOpen()
    {
        var r = new EnterpriseRequest("R1", Code(1), Jiangyang, RequestCategory.Land, "区自然资源局", new DateOnly(2023, 3, 5), new DateOnly(2023, 4, 30));
        var result = r.TryClose(RequestStatus.Resolved, new DateOnly(2023, 3, 9), "  ");
        Assert.False(result.Success);
        Assert.Contains("办理结果", result.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Accepted, r.Status);
        Assert.False(r.TryRate(Satisfaction.Satisfied).Success);
    }

    [Fact]
    public void TryClose_BeforeRaised_Fails()
    {
        var r = new EnterpriseRequest("R1", Code(1), Jiangyang, RequestCategory.Land, "区自然资源局", new DateOnly(2023, 3, 5), new DateOnly(2023, 4, 30));
        Assert.False(r.TryClose(RequestStatus.Unresolvable, new DateOnly(2023, 3, 1), "规划不允许").Success);
    }

    [Fact]
    public void Restore_ClosedWithoutDate_Fails()
    {
        var r = new EnterpriseRequest("R1", Code(1), Jiangyang, RequestCategory.Land, "区自然资源局", new DateOnly(2023, 3, 5), new DateOnly(2023, 4, 30));
        Assert.False(EnterpriseRequest.Restore(r, RequestStatus.Resolved, null, null, "已解决", null).Success);
    }

    [Fact]
    public void Constructor_DeadlineBeforeRaised_Throws() =>
        Assert.Throws<DomainRuleException>(() => new EnterpriseRequest("R1", Code(1), Jiangyang, RequestCategory.Land, "区自然资源局", new DateOnly(2023, 3, 5), new DateOnly(2023, 3, 1)));

    [Fact]
    public void CashOutTotals_JiangyangRentRelief_SumsByProgramme()
    {
        var cashOuts = new List<PolicyCashOut>();
        for (var i = 0; i < 336; i++)
        {
            cashOuts.Add(new PolicyCashOut($"E{i}", "国有房屋租金减免", CashOutKind.Relief, BeneficiaryKind.Enterprise, $"企业{i}", Jiangyang, i < 335 ? 2m : 779.19m - 670m - 76m, new DateOnly(2023, 6, 1)));
        }

        for (var i = 0; i < 76; i++)
        {
            cashOuts.Add(new PolicyCashOut($"G{i}", "国有房屋租金减免", CashOutKind.Relief, BeneficiaryKind.IndividualBusiness, $"个体户{i}", Jiangyang, 1m, new DateOnly(2023, 6, 1)));
        }

        cashOuts.Add(new PolicyCashOut("S1", "工业奖补", CashOutKind.Subsidy, BeneficiaryKind.Enterprise, "企业1", Jiangyang, 1095m, new DateOnly(2023, 7, 1)));

        var totals = CashOutTotals.ByProgramme(cashOuts, StatPeriod.ForYear(2023));

        var relief = Assert.Single(totals, t => t.Programme == "国有房屋租金减免");
        Assert.Equal(779.19m, relief.Amount);
        Assert.Equal(336, relief.Enterprises);
        Assert.Equal(76, relief.IndividualBusinesses);
        Assert.Equal(1095m, Assert.Single(totals, t => t.Kind == CashOutKind.Subsidy).Amount);
        Assert.Empty(CashOutTotals.ByProgramme(cashOuts, StatPeriod.ForYear(2022)));
    }

    [Fact]
    public void ParseFlags_ChineseList_CombinesFlags()
    {
        var r = ServiceText.ParseFlags("规上、高新技术企业、专精特新\"小巨人\"");
        Assert.Equal(EnterpriseTags.AboveScale | EnterpriseTags.HighTech | EnterpriseTags.LittleGiant, r.Value);
        Assert.False(ServiceText.ParseFlags("独角兽").Success);
    }
}
