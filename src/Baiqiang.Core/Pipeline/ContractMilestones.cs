using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Pipeline;

/// <summary>A 履约 milestone a contract promises.</summary>
public enum ContractMilestoneKind
{
    /// <summary>注册: the project company is registered.</summary>
    Registration = 1,

    /// <summary>开工.</summary>
    Start = 2,

    /// <summary>投产.</summary>
    Production = 3,

    /// <summary>达产: production at the promised capacity.</summary>
    FullProduction = 4,
}

/// <summary>One contract milestone: what was promised by when (and for how much), and when it was actually met.</summary>
/// <param name="Kind">注册, 开工, 投产 or 达产.</param>
/// <param name="PromisedOn">约定日期.</param>
/// <param name="PromisedAmount">约定金额, 万元, or null.</param>
/// <param name="MetOn">实际日期, or null when not met yet.</param>
public sealed record ContractMilestone(ContractMilestoneKind Kind, DateOnly PromisedOn, decimal? PromisedAmount, DateOnly? MetOn)
{
    /// <summary>Due by <paramref name="asOf"/>: its promised date is on or before it.</summary>
    public bool IsDue(DateOnly asOf) => PromisedOn <= asOf;

    /// <summary>Met on time as at <paramref name="asOf"/>: met on or before the promised date, and by <paramref name="asOf"/>.</summary>
    public bool MetOnTime(DateOnly asOf) => MetOn is { } m && m <= PromisedOn && m <= asOf;

    /// <summary>"按期" / "逾期完成" / "逾期未完成" / "未到期" as at <paramref name="asOf"/>.</summary>
    public string StatusZh(DateOnly asOf) => MetOnTime(asOf) ? "按期完成"
        : MetOn is { } m && m <= asOf ? "逾期完成"
        : IsDue(asOf) ? "逾期未完成"
        : "未到期";

    public static string Name(ContractMilestoneKind kind) => kind switch
    {
        ContractMilestoneKind.Registration => "注册",
        ContractMilestoneKind.Start => "开工",
        ContractMilestoneKind.Production => "投产",
        ContractMilestoneKind.FullProduction => "达产",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知履约节点 / unknown milestone"),
    };

    /// <summary>Parses 注册 (or 落地), 开工, 投产, 达产, or the English member name.</summary>
    public static ParseResult<ContractMilestoneKind> ParseKind(string text)
    {
        var t = (text ?? string.Empty).Trim();
        return t is "落地" or "落地(注册)" or "落地(注册)" ? ParseResult<ContractMilestoneKind>.Ok(ContractMilestoneKind.Registration) : PipelineText.Parse<ContractMilestoneKind>(t, Name, "履约节点", "milestone");
    }
}

/// <summary>履约率 as at a day: contract milestones met on time ÷ milestones due, × 100.</summary>
/// <param name="MetOnTime">Due milestones met on or before their promised date.</param>
/// <param name="Due">Milestones whose promised date is on or before <paramref name="AsOf"/>.</param>
/// <param name="AsOf">The as-of day.</param>
/// <remarks>A milestone met early but not yet due is outside the base until its promised date.</remarks>
public sealed record PerformanceRate(int MetOnTime, int Due, DateOnly AsOf)
{
    public const string NameZh = "履约率";

    public const string NameEn = "contract performance rate";

    public decimal? Percent => Due == 0 ? null : MetOnTime * 100m / Due;

    /// <summary>"履约率(基数:截至2026-06-30已到约定日期的合同节点) = 按期完成 3 ÷ 应完成 4 × 100 = 75.00%".</summary>
    public string Formula => string.Create(CultureInfo.InvariantCulture,
        $"{NameZh}(基数:截至{AsOf:yyyy-MM-dd}已到约定日期的合同节点) = 按期完成 {MetOnTime} ÷ 应完成 {Due} × 100 = {DealFunds.P(Percent)}");

    public static PerformanceRate Compute(IEnumerable<ContractMilestone> milestones, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var due = 0;
        var met = 0;
        foreach (var m in milestones)
        {
            if (m.IsDue(asOf))
            {
                due++;
                met += m.MetOnTime(asOf) ? 1 : 0;
            }
        }

        return new PerformanceRate(met, due, asOf);
    }
}
