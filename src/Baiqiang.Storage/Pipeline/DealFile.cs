using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Lists;

namespace Baiqiang.Storage.Pipeline;

/// <summary>The deal list's columns (import and export) and its row parser.</summary>
/// <remarks>Money column header names its unit: <c>计划投资(亿元)</c> or <c>planned_investment(万元)</c>. Stage dates are
/// one column each; the stage is derived from them (a <c>stage</c> column, when present, must agree).</remarks>
public static class DealFile
{
    public static IReadOnlyList<ListColumn> Columns { get; } =
    [
        new("code", "项目编号", Required: true),
        new("name", "项目名称", Required: true),
        new("region", "地区代码", Required: true, Aliases: ["所在地区"]),
        new("investor", "投资方", Required: true, Aliases: ["投资方名称"]),
        new("investor_type", "投资方类型", Required: true),
        new("origin_region", "来源区域"),
        new("origin_place", "来源地", Aliases: ["投资方所在省份或国家"]),
        new("industry_chain", "产业链"),
        new("source", "线索来源"),
        new("planned_investment", "计划投资", Required: true, IsMoney: true),
        new("responsible", "责任人"),
        new("department", "责任单位"),
        new("stage", "阶段"),
        new("lead_on", "线索日期", Required: true),
        new("negotiating_on", "洽谈日期"),
        new("signed_on", "签约日期"),
        new("landed_on", "落地日期", Aliases: ["注册日期"]),
        new("started_on", "开工日期"),
        new("producing_on", "投产日期"),
        new("lost_on", "流失日期"),
        new("lost_reason", "流失原因"),
        new("project_code", "重点项目编号"),
        new("contract_investment", "合同投资", IsMoney: true, Aliases: ["合同投资额"]),
        new("contract_signed_on", "合同签订日期", Aliases: ["合同签约日期"]),
    ];

    /// <summary>Export header: the English keys, planned investment in 万元.</summary>
    public static IReadOnlyList<string> ExportHeader { get; } = [.. Columns.Select(c => c.IsMoney ? c.Key + "(万元)" : c.Key)];

    public static Task<ListImport<Deal>> ReadAsync(string path, ImportOptions? options, CancellationToken ct) =>
        ListFileReader.ReadAsync(path, Columns, Parse, options, ct);

    public static Deal? Parse(ListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var code = row.Required("code", "项目编号");
        if (code is not null && Deal.ValidateCode(code) is { } codeError)
        {
            row.Error("code", codeError);
            code = null;
        }

        var name = row.Required("name", "项目名称");
        var region = row.Region("region", required: true);
        var investor = row.Required("investor", "投资方");
        var type = row.Text("investor_type") is { Length: > 0 } t ? row.Take("investor_type", PipelineText.ParseInvestorType(t)) : Missing<InvestorType>(row, "investor_type", "投资方类型");
        var source = row.Text("source") is { Length: > 0 } s ? row.Take("source", PipelineText.ParseSource(s)) : LeadSource.Other;
        var amount = row.Money("planned_investment");
        if (amount is null && row.Text("planned_investment").Length == 0)
        {
            row.Error("planned_investment", new Bilingual("计划投资不能为空", "planned investment must not be empty"));
        }

        var dates = new Dictionary<DealStage, DateOnly>();
        foreach (var (key, stage) in new[] { ("lead_on", DealStage.Lead), ("negotiating_on", DealStage.Negotiating), ("signed_on", DealStage.Signed), ("landed_on", DealStage.Landed), ("started_on", DealStage.Started), ("producing_on", DealStage.Producing) })
        {
            if (row.Date(key) is { } d)
            {
                dates[stage] = d;
            }
        }

        var lostOn = row.Date("lost_on");
        var contractAmount = row.Money("contract_investment");
        var contractOn = row.Date("contract_signed_on");
        DealStage? stated = row.Text("stage") is { Length: > 0 } st ? row.Take("stage", PipelineText.ParseStage(st)) : null;
        if (code is null || name is null || region is null || investor is null || type is null || source is null || amount is null)
        {
            return null;
        }

        if (!dates.ContainsKey(DealStage.Lead))
        {
            row.Error("lead_on", new Bilingual("线索日期不能为空", "the lead date must not be empty"));
            return null;
        }

        var restored = Deal.Restore(
            leadOn => new Deal(code, name, region.Value, new Investor(investor, type.Value, row.Text("origin_region"), row.Text("origin_place")), leadOn)
            {
                IndustryChain = row.Text("industry_chain"),
                Source = source.Value,
                PlannedInvestment = amount.Value,
                Responsible = row.Text("responsible"),
                Department = row.Text("department"),
            },
            dates,
            lostOn,
            row.Text("lost_reason"));
        if (restored.Error is { } e)
        {
            row.Error("lead_on", e);
            return null;
        }

        var deal = restored.Value;
        if (stated is { } want && want != deal.Stage)
        {
            row.Error("stage", new Bilingual(
                $"阶段“{PipelineText.Name(want)}”与阶段日期不符(按日期应为{PipelineText.Name(deal.Stage)})",
                $"stage '{want}' disagrees with the stage dates (they say {deal.Stage})"));
            return null;
        }

        if (row.Text("project_code") is { Length: > 0 } pc)
        {
            if (Core.Projects.Project.ValidateCode(pc) is { } pcError)
            {
                row.Error("project_code", pcError);
                return null;
            }

            deal.LinkProject(pc);
        }

        if (contractAmount is { } ca)
        {
            if (deal.TrySetContract(ca, contractOn).Error is { } contractError)
            {
                row.Error("contract_signed_on", contractError);
                return null;
            }
        }
        else if (contractOn is not null)
        {
            row.Error("contract_investment", new Bilingual("填写了合同签订日期但没有合同投资", "a contract date was given without the contracted investment"));
            return null;
        }

        return deal;
    }

    public static object?[] ToRow(DealEntity d) =>
    [
        d.Code, d.Name, d.RegionCode.ToString(), d.InvestorName, PipelineText.Name(d.InvestorType), d.OriginRegion, d.OriginPlace, d.IndustryChain,
        PipelineText.Name(d.Source), d.PlannedInvestment, d.Responsible, d.Department, PipelineText.Name(d.Stage), d.LeadOn, d.NegotiatingOn, d.SignedOn,
        d.LandedOn, d.StartedOn, d.ProducingOn, d.LostOn, d.LostReason, d.ProjectCode, d.ContractInvestment, d.ContractSignedOn,
    ];

    private static T? Missing<T>(ListRow row, string key, string zh)
        where T : struct
    {
        row.Error(key, new Bilingual($"“{zh}”不能为空", $"'{key}' must not be empty"));
        return null;
    }
}
