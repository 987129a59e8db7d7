using Baiqiang.Core.Projects;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Pipeline;

/// <summary>Turns a signed deal into a key project (重点项目) of the ledger, so nobody retypes it.</summary>
/// <remarks>
/// Mapping: code (given, or the deal's code), name, region, 产业链, investor → 业主单位, planned investment → 总投资
/// (万元), responsible person → 挂点领导, department → 牵头部门, tag 招商引资 plus the lead source. Status: 签约/落地 →
/// 签约 (since the signing date), 开工 → 开工 (since the start date), 投产 → 投产. Pure: it stores nothing; persisting
/// the project is the ledger's business. The deal remembers the project code (<see cref="Deal.ProjectCode"/>).
/// </remarks>
public static class DealConversion
{
    /// <summary>Tag every converted project carries.</summary>
    public const string Tag = "招商引资";

    /// <summary>
    /// Converts <paramref name="deal"/>; throws <see cref="DomainRuleException"/> when it has not been signed, was lost,
    /// or was already converted.
    /// </summary>
    public static Project ToProject(Deal deal, string? projectCode = null)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.Stage is DealStage.Lead or DealStage.Negotiating or DealStage.Lost)
        {
            throw new DomainRuleException(new Bilingual(
                $"项目“{deal.Code}”处于{PipelineText.Name(deal.Stage)}阶段，签约后才能转为重点项目",
                $"deal '{deal.Code}' is at {deal.Stage}; only a signed deal becomes a key project"));
        }

        if (deal.ProjectCode is { } existing)
        {
            throw new DomainRuleException(new Bilingual(
                $"项目“{deal.Code}”已转为重点项目 {existing}",
                $"deal '{deal.Code}' already became key project {existing}"));
        }

        var (status, since) = deal.Stage switch
        {
            DealStage.Producing => (ProjectStatus.Producing, deal.DateOf(DealStage.Producing)),
            DealStage.Started => (ProjectStatus.Started, deal.DateOf(DealStage.Started)),
            _ => (ProjectStatus.Signed, deal.ReachedOn(DealStage.Signed)),
        };
        var code = string.IsNullOrWhiteSpace(projectCode) ? deal.Code : projectCode.Trim();
        var project = new Project(code, deal.Name, deal.Region, status, since)
        {
            Category = ProjectCategory.Industry,
            Kind = ProjectKind.NewStart,
            IndustryChain = deal.IndustryChain.Length == 0 ? null : deal.IndustryChain,
            OwnerEnterprise = deal.Investor.Name,
            TotalInvestment = deal.PlannedInvestment,
            Leader = deal.Responsible,
            LeadDepartment = deal.Department,
            Tags = new HashSet<string>(StringComparer.Ordinal) { Tag, PipelineText.Name(deal.Source) },
        };
        deal.ProjectCode = project.Code;
        return project;
    }
}
