using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Services;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Services;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Sample;

/// <summary>
/// Sample pipeline and service-desk data rebuilt from the seeds: 安义's 38 projects of 2023 (256.79亿元, 开工率 100%,
/// 投产率 84.05% by amount), 江阳's visit campaign (25 firms, 17 problems, 6 solved) and cash-outs (1,095万元 of
/// industrial subsidies; 779.19万元 of rent waived for 336 firms and 76 sole traders), 通州's 67 needs (39 技术改造,
/// 20 科技创新, 8 上市融资). Amounts per item are generated; only the totals come from the reports.
/// </summary>
/// <remarks>Idempotent: nothing is added when the sample deal AY2023-01 is already stored.</remarks>
public static class PipelineServiceSample
{
    private static readonly RegionCode AnyiPark = new(360123401);
    private static readonly RegionCode Jiangyang = new(510502);
    private static readonly RegionCode Tongzhou = new(320612);

    public static async Task LoadAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Deals.AnyAsync(d => d.Code == "AY2023-01", ct))
        {
            return;
        }

        var actor = Actor.LocalAdmin("sample");
        await PipelineStore.SaveDealsAsync(db, actor, AnyiDeals(), ct);

        var firms = Enumerable.Range(1, 25).Select(i => new Enterprise(Code(Jiangyang, i), $"江阳样例企业{i}", Jiangyang)
        {
            Industry = i % 2 == 0 ? "装备制造" : "白酒",
            Size = EnterpriseSize.Small,
            Flags = i % 5 == 0 ? EnterpriseTags.AboveScale | EnterpriseTags.HighTech : EnterpriseTags.AboveScale,
        }).ToList();
        var tongzhouFirms = Enumerable.Range(1, 67).Select(i => new Enterprise(Code(Tongzhou, i), $"通州样例企业{i}", Tongzhou)
        {
            Industry = "电子信息",
            Flags = EnterpriseTags.WhiteList,
        }).ToList();
        await ServiceStore.SaveEnterprisesAsync(db, actor, [.. firms, .. tongzhouFirms], ct);

        var visits = firms.Select((f, i) => new Visit($"JY-2023-V{i + 1:D2}", new DateOnly(2023, 3, 1 + (i % 25)), "区领导、区经信局", f.CreditCode, Jiangyang, "三服务走访")).ToList();
        await ServiceStore.SaveVisitsAsync(db, actor, visits, ct);

        var requests = new List<EnterpriseRequest>();
        RequestCategory[] jyCategories = [RequestCategory.Loans, RequestCategory.Labour, RequestCategory.Land, RequestCategory.Approval, RequestCategory.PolicyDelivery];
        string[] jyDepartments = ["区金融工作局", "区人社局", "区自然资源局", "区行政审批局", "区经信局"];
        for (var i = 0; i < 17; i++)
        {
            var r = new EnterpriseRequest($"JY-2023-R{i + 1:D2}", firms[i].CreditCode, Jiangyang, jyCategories[i % 5], jyDepartments[i % 5], new DateOnly(2023, 3, 5 + i), new DateOnly(2023, 4, 30))
            {
                VisitId = visits[i].Id,
            };
            if (i < 6)
            {
                r.TryClose(RequestStatus.Resolved, new DateOnly(2023, 3, 20 + i), "已协调解决");
                r.TryRate(Satisfaction.Satisfied);
            }
            else if (i < 12)
            {
                r.TryStart(new DateOnly(2023, 3, 25));
            }

            requests.Add(r);
        }

        (RequestCategory Category, int Count, string Department)[] tongzhou =
            [(RequestCategory.TechnicalRenovation, 39, "区工信局"), (RequestCategory.Innovation, 20, "区科技局"), (RequestCategory.ListingFinancing, 8, "区金融监管局")];
        var n = 0;
        foreach (var (category, count, department) in tongzhou)
        {
            for (var i = 0; i < count; i++, n++)
            {
                requests.Add(new EnterpriseRequest($"TZ-2023-R{n + 1:D2}", tongzhouFirms[n].CreditCode, Tongzhou, category, department, new DateOnly(2023, 5, 1 + (n % 28)), new DateOnly(2023, 8, 31)));
            }
        }

        await ServiceStore.SaveRequestsAsync(db, actor, requests, ct);

        var cashOuts = new List<PolicyCashOut>
        {
            new("JY-2023-S001", "工业发展奖补", CashOutKind.Subsidy, BeneficiaryKind.Enterprise, firms[0].Name, Jiangyang, 1095m, new DateOnly(2023, 6, 30)) { CreditCode = firms[0].CreditCode },
        };
        // 779.19万元 over 336 firms and 76 sole traders: 335 firms at 2.1万元, the 336th taking what makes the total; traders 0.5万元 each.
        for (var i = 0; i < 336; i++)
        {
            var amount = i < 335 ? 2.1m : 779.19m - (335 * 2.1m) - (76 * 0.5m);
            cashOuts.Add(new PolicyCashOut($"JY-2023-J{i + 1:D3}", "国有房屋租金减免", CashOutKind.Relief, BeneficiaryKind.Enterprise, $"承租企业{i + 1}", Jiangyang, amount, new DateOnly(2023, 4, 30)));
        }

        for (var i = 0; i < 76; i++)
        {
            cashOuts.Add(new PolicyCashOut($"JY-2023-G{i + 1:D3}", "国有房屋租金减免", CashOutKind.Relief, BeneficiaryKind.IndividualBusiness, $"个体工商户{i + 1}", Jiangyang, 0.5m, new DateOnly(2023, 4, 30)));
        }

        await ServiceStore.SaveCashOutsAsync(db, actor, cashOuts, ct);
    }

    /// <summary>38 deals signed, landed and started in 2023; 32 producing of 67,447.5万元 each and 6 others (409,580万元):
    /// 2,567,900万元 in all, production by amount 2,158,320 ÷ 2,567,900 = 84.05%.</summary>
    public static List<Deal> AnyiDeals()
    {
        string[] chains = ["铝型材", "电子信息", "新能源", "食品加工"];
        string[] origins = ["长三角", "粤港澳", "京津冀", "本省"];
        var deals = new List<Deal>();
        for (var i = 0; i < 38; i++)
        {
            var producing = i < 32;
            var month = (i % 12) + 1;
            var deal = new Deal($"AY2023-{i + 1:D2}", $"安义高新园区招商项目{i + 1}", AnyiPark, new Investor($"投资企业{i + 1}", (InvestorType)((i % 7) + 1), origins[i % 4]), new DateOnly(2022, 11, 1 + (i % 28)))
            {
                PlannedInvestment = producing ? 67447.5m : (i == 37 ? 68265m : 68263m),
                IndustryChain = chains[i % 4],
                Source = (LeadSource)((i % 5) + 1),
                Responsible = "招商专班" + ((i % 4) + 1).ToString(CultureInfo.InvariantCulture),
                Department = "安义县招商局",
            };
            deal.Advance(DealStage.Negotiating, new DateOnly(2022, 12, 1 + (i % 28)));
            deal.Advance(DealStage.Signed, new DateOnly(2023, month, 2));
            deal.Advance(DealStage.Landed, new DateOnly(2023, month, 10));
            deal.Advance(DealStage.Started, new DateOnly(2023, month, 20));
            if (producing)
            {
                deal.Advance(DealStage.Producing, new DateOnly(2023, month, 28));
            }

            deals.Add(deal);
        }

        var lost = new Deal("AY2023-L1", "安义高新园区储备项目", AnyiPark, new Investor("外地投资企业", InvestorType.Foreign, "粤港澳", "香港"), new DateOnly(2023, 2, 1)) { PlannedInvestment = 30000m, Source = LeadSource.Expert };
        lost.Advance(DealStage.Lost, new DateOnly(2023, 5, 1), "投资方转投外省");
        deals.Add(lost);
        deals.Add(new Deal("AY2023-L2", "安义高新园区在谈项目", AnyiPark, new Investor("上市公司甲", InvestorType.Listed, "长三角", "上海市"), new DateOnly(2023, 9, 1)) { PlannedInvestment = 50000m, Source = LeadSource.Fund });
        return deals;
    }

    private static UnifiedSocialCreditCode Code(RegionCode region, int n)
    {
        var body = "91" + region.Value.ToString("D6", CultureInfo.InvariantCulture)[..6] + n.ToString("D9", CultureInfo.InvariantCulture);
        return UnifiedSocialCreditCode.Parse(body + UnifiedSocialCreditCode.CheckCharacter(body));
    }
}
