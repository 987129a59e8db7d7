using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Services;

/// <summary>Enterprise size (企业规模, per 统计上大中小微型企业划分办法).</summary>
public enum EnterpriseSize
{
    /// <summary>大型.</summary>
    Large = 1,

    /// <summary>中型.</summary>
    Medium = 2,

    /// <summary>小型.</summary>
    Small = 3,

    /// <summary>微型.</summary>
    Micro = 4,
}

/// <summary>Recognitions and lists an enterprise is on (标签).</summary>
[Flags]
public enum EnterpriseTags
{
    None = 0,

    /// <summary>规上 (规模以上).</summary>
    AboveScale = 1,

    /// <summary>高新技术企业.</summary>
    HighTech = 2,

    /// <summary>专精特新.</summary>
    Specialized = 4,

    /// <summary>专精特新"小巨人".</summary>
    LittleGiant = 8,

    /// <summary>科技型中小企业.</summary>
    TechSme = 16,

    /// <summary>白名单 (涉企执法白名单, as 通州's 182 firms).</summary>
    WhiteList = 32,

    /// <summary>上市.</summary>
    Listed = 64,
}

/// <summary>A key contact of an enterprise.</summary>
public sealed record EnterpriseContact(string Name, string Role = "", string Phone = "");

/// <summary>An enterprise of the service desk's registry (企业库).</summary>
/// <remarks>Identity is the <see cref="CreditCode"/>: two enterprises with the same code are the same enterprise.</remarks>
public sealed record Enterprise(UnifiedSocialCreditCode CreditCode, string Name, RegionCode Region)
{
    public string Name { get; } = string.IsNullOrWhiteSpace(Name) ? throw new ArgumentException("企业名称不能为空 / an enterprise name is required", nameof(Name)) : Name.Trim();

    /// <summary>The park (园区) the enterprise sits in, if any.</summary>
    public RegionCode? Park { get; init; }

    /// <summary>行业 (e.g. 电子信息, 装备制造), or empty.</summary>
    public string Industry { get; init; } = string.Empty;

    public EnterpriseSize? Size { get; init; }

    public EnterpriseTags Flags { get; init; }

    public IReadOnlyList<EnterpriseContact> Contacts { get; init; } = [];
}

/// <summary>Chinese names and parsing of the service enums.</summary>
public static class ServiceText
{
    private static readonly (EnterpriseTags Flag, string Zh)[] FlagNames =
    [
        (EnterpriseTags.AboveScale, "规上"),
        (EnterpriseTags.HighTech, "高新技术企业"),
        (EnterpriseTags.Specialized, "专精特新"),
        (EnterpriseTags.LittleGiant, "小巨人"),
        (EnterpriseTags.TechSme, "科技型中小企业"),
        (EnterpriseTags.WhiteList, "白名单"),
        (EnterpriseTags.Listed, "上市"),
    ];

    public static string Name(EnterpriseSize s) => s switch
    {
        EnterpriseSize.Large => "大型",
        EnterpriseSize.Medium => "中型",
        EnterpriseSize.Small => "小型",
        EnterpriseSize.Micro => "微型",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "未知企业规模 / unknown size"),
    };

    public static string Name(RequestCategory c) => c switch
    {
        RequestCategory.TechnicalRenovation => "技术改造",
        RequestCategory.Innovation => "科技创新",
        RequestCategory.ListingFinancing => "上市融资",
        RequestCategory.Loans => "融资贷款",
        RequestCategory.Labour => "用工",
        RequestCategory.Land => "用地",
        RequestCategory.Approval => "审批",
        RequestCategory.PolicyDelivery => "政策兑现",
        RequestCategory.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "未知诉求类别 / unknown request category"),
    };

    public static string Name(RequestStatus s) => s switch
    {
        RequestStatus.Accepted => "受理",
        RequestStatus.InProgress => "办理中",
        RequestStatus.Resolved => "已解决",
        RequestStatus.Unresolvable => "无法解决",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "未知办理状态 / unknown request status"),
    };

    public static string Name(Satisfaction s) => s switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.FairlySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "未知满意度 / unknown satisfaction"),
    };

    public static string Name(BeneficiaryKind k) => k switch
    {
        BeneficiaryKind.Enterprise => "企业",
        BeneficiaryKind.IndividualBusiness => "个体工商户",
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, "未知对象类型 / unknown beneficiary kind"),
    };

    public static string Name(CashOutKind k) => k switch
    {
        CashOutKind.Subsidy => "奖补",
        CashOutKind.Relief => "减免",
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, "未知兑现方式 / unknown cash-out kind"),
    };

    /// <summary>规上、高新技术企业 … joined with 、.</summary>
    public static string Names(EnterpriseTags flags) => string.Join("、", FlagNames.Where(f => flags.HasFlag(f.Flag)).Select(f => f.Zh));

    /// <summary>Parses flags separated by 、 , ; or spaces (专精特新"小巨人" is accepted for 小巨人).</summary>
    public static ParseResult<EnterpriseTags> ParseFlags(string? text)
    {
        var flags = EnterpriseTags.None;
        foreach (var part in (text ?? string.Empty).Split(['、', ',', ',', ';', ';', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var p = part.Trim('"', '“', '”');
            var match = FlagNames.FirstOrDefault(f => string.Equals(f.Zh, p, StringComparison.Ordinal) || string.Equals(f.Flag.ToString(), p, StringComparison.OrdinalIgnoreCase));
            if (match.Zh is null)
            {
                if (p.EndsWith("小巨人", StringComparison.Ordinal))
                {
                    flags |= EnterpriseTags.LittleGiant;
                    continue;
                }

                if (p is "高企" or "高新")
                {
                    flags |= EnterpriseTags.HighTech;
                    continue;
                }

                return ParseResult<EnterpriseTags>.Fail($"无法识别企业标签“{p}”", $"unknown enterprise flag '{p}'");
            }

            flags |= match.Flag;
        }

        return ParseResult<EnterpriseTags>.Ok(flags);
    }

    public static ParseResult<EnterpriseSize> ParseSize(string text) => PipelineText.Parse<EnterpriseSize>(text, Name, "企业规模", "enterprise size");

    public static ParseResult<RequestCategory> ParseCategory(string text) => PipelineText.Parse<RequestCategory>(text, Name, "诉求类别", "request category");

    public static ParseResult<RequestStatus> ParseStatus(string text) => PipelineText.Parse<RequestStatus>(text, Name, "办理状态", "request status");

    public static ParseResult<Satisfaction> ParseSatisfaction(string text) => PipelineText.Parse<Satisfaction>(text, Name, "满意度", "satisfaction");

    public static ParseResult<BeneficiaryKind> ParseBeneficiaryKind(string text) => PipelineText.Parse<BeneficiaryKind>(text, Name, "对象类型", "beneficiary kind");

    public static ParseResult<CashOutKind> ParseCashOutKind(string text) => PipelineText.Parse<CashOutKind>(text, Name, "兑现方式", "cash-out kind");
}
