using Baiqiang.Core.Text;

namespace Baiqiang.Core.Pipeline;

/// <summary>Who the investor is (投资方类型). Chinese names via <see cref="PipelineText"/>.</summary>
public enum InvestorType
{
    /// <summary>世界500强.</summary>
    Global500 = 1,

    /// <summary>中国500强.</summary>
    China500 = 2,

    /// <summary>央企.</summary>
    CentralSoe = 3,

    /// <summary>国企.</summary>
    StateOwned = 4,

    /// <summary>上市公司.</summary>
    Listed = 5,

    /// <summary>民企.</summary>
    Private = 6,

    /// <summary>外资.</summary>
    Foreign = 7,
}

/// <summary>Where a lead came from (线索来源).</summary>
public enum LeadSource
{
    /// <summary>展会.</summary>
    Exhibition = 1,

    /// <summary>基金 (fund-led investing, 以投促招).</summary>
    Fund = 2,

    /// <summary>专家 (expert networks).</summary>
    Expert = 3,

    /// <summary>以商招商 (referrals by existing tenants).</summary>
    TenantReferral = 4,

    /// <summary>驻点 (resident investment-promotion offices).</summary>
    ResidentOffice = 5,

    /// <summary>其他.</summary>
    Other = 6,
}

/// <summary>
/// Stage of an investment deal: 线索 → 洽谈 → 签约 → 落地(注册) → 开工 → 投产, forward only; 流失 (lost, with a reason)
/// from any stage before 投产.
/// </summary>
public enum DealStage
{
    /// <summary>线索.</summary>
    Lead = 1,

    /// <summary>洽谈.</summary>
    Negotiating = 2,

    /// <summary>签约.</summary>
    Signed = 3,

    /// <summary>落地(注册): the project company is registered.</summary>
    Landed = 4,

    /// <summary>开工.</summary>
    Started = 5,

    /// <summary>投产. Final.</summary>
    Producing = 6,

    /// <summary>流失: lost, with a reason. Final.</summary>
    Lost = 7,
}

/// <summary>Chinese names of the pipeline enums and their parsing (Chinese name or English member name).</summary>
public static class PipelineText
{
    /// <summary>The forward stages in order (without 流失).</summary>
    public static IReadOnlyList<DealStage> ForwardStages { get; } =
        [DealStage.Lead, DealStage.Negotiating, DealStage.Signed, DealStage.Landed, DealStage.Started, DealStage.Producing];

    public static string Name(InvestorType t) => t switch
    {
        InvestorType.Global500 => "世界500强",
        InvestorType.China500 => "中国500强",
        InvestorType.CentralSoe => "央企",
        InvestorType.StateOwned => "国企",
        InvestorType.Listed => "上市公司",
        InvestorType.Private => "民企",
        InvestorType.Foreign => "外资",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "未知投资方类型 / unknown investor type"),
    };

    public static string Name(LeadSource s) => s switch
    {
        LeadSource.Exhibition => "展会",
        LeadSource.Fund => "基金",
        LeadSource.Expert => "专家",
        LeadSource.TenantReferral => "以商招商",
        LeadSource.ResidentOffice => "驻点",
        LeadSource.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "未知线索来源 / unknown lead source"),
    };

    public static string Name(DealStage s) => s switch
    {
        DealStage.Lead => "线索",
        DealStage.Negotiating => "洽谈",
        DealStage.Signed => "签约",
        DealStage.Landed => "落地",
        DealStage.Started => "开工",
        DealStage.Producing => "投产",
        DealStage.Lost => "流失",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "未知项目阶段 / unknown deal stage"),
    };

    public static ParseResult<InvestorType> ParseInvestorType(string text) => Parse<InvestorType>(text, Name, "投资方类型", "investor type");

    public static ParseResult<LeadSource> ParseSource(string text) => Parse<LeadSource>(text, Name, "线索来源", "lead source");

    /// <summary>Parses 线索/洽谈/签约/落地(or 注册)/开工/投产/流失.</summary>
    public static ParseResult<DealStage> ParseStage(string text)
    {
        var t = (text ?? string.Empty).Trim();
        return t is "注册" or "落地(注册)" or "落地(注册)" ? ParseResult<DealStage>.Ok(DealStage.Landed) : Parse<DealStage>(t, Name, "项目阶段", "deal stage");
    }

    internal static ParseResult<T> Parse<T>(string text, Func<T, string> name, string zh, string en)
        where T : struct, Enum
    {
        var t = (text ?? string.Empty).Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(name(v), t, StringComparison.Ordinal) || string.Equals(v.ToString(), t, StringComparison.OrdinalIgnoreCase))
            {
                return ParseResult<T>.Ok(v);
            }
        }

        return ParseResult<T>.Fail($"无法识别{zh}“{t}”", $"unknown {en} '{t}'");
    }
}

/// <summary>A rule of the pipeline or the service desk was broken; the message is "中文 / English".</summary>
public sealed class DomainRuleException : InvalidOperationException
{
    public DomainRuleException(Bilingual reason)
        : base(reason.ToString())
    {
        Reason = reason;
    }

    public DomainRuleException()
    {
    }

    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Bilingual Reason { get; }
}
