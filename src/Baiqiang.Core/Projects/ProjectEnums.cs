using Baiqiang.Core.Text;

namespace Baiqiang.Core.Projects;

/// <summary>What a key project (重点项目) is for. Chinese names via <see cref="ProjectText"/>.</summary>
public enum ProjectCategory
{
    /// <summary>产业.</summary>
    Industry = 1,

    /// <summary>基础设施.</summary>
    Infrastructure = 2,

    /// <summary>社会民生.</summary>
    SocialWelfare = 3,

    /// <summary>生态环保.</summary>
    Ecology = 4,

    /// <summary>其他.</summary>
    Other = 5,
}

/// <summary>How a project stands in the year's plan (新开工/续建/技改/前期).</summary>
public enum ProjectKind
{
    /// <summary>新开工: starts this year.</summary>
    NewStart = 1,

    /// <summary>续建: started in an earlier year.</summary>
    Continuing = 2,

    /// <summary>技改: technical renovation of an existing plant.</summary>
    TechnicalRenovation = 3,

    /// <summary>前期: preparatory work only.</summary>
    Preparatory = 4,
}

/// <summary>
/// Lifecycle of a key project. Forward order 储备 → 签约 → 开工 → 在建 → 竣工 → 投产; 暂停 and 终止 on the side.
/// Allowed moves are defined by <see cref="ProjectLifecycle.CanTransition(ProjectStatus, ProjectStatus)"/>.
/// </summary>
public enum ProjectStatus
{
    /// <summary>储备: in the reserve pool, not yet signed.</summary>
    Reserve = 1,

    /// <summary>签约: contract signed.</summary>
    Signed = 2,

    /// <summary>开工: construction started.</summary>
    Started = 3,

    /// <summary>在建: under construction.</summary>
    UnderConstruction = 4,

    /// <summary>竣工: construction completed.</summary>
    Completed = 5,

    /// <summary>投产: in production. Final.</summary>
    Producing = 6,

    /// <summary>暂停: suspended; can only go back to the status it was suspended from, or be terminated.</summary>
    Suspended = 7,

    /// <summary>终止: terminated. Final.</summary>
    Terminated = 8,
}

/// <summary>Chinese names of the project enums, and their parsing (exact Chinese name or English member name).</summary>
public static class ProjectText
{
    public static string Name(ProjectCategory category) => category switch
    {
        ProjectCategory.Industry => "产业",
        ProjectCategory.Infrastructure => "基础设施",
        ProjectCategory.SocialWelfare => "社会民生",
        ProjectCategory.Ecology => "生态环保",
        ProjectCategory.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "未知项目类别 / unknown project category"),
    };

    public static string Name(ProjectKind kind) => kind switch
    {
        ProjectKind.NewStart => "新开工",
        ProjectKind.Continuing => "续建",
        ProjectKind.TechnicalRenovation => "技改",
        ProjectKind.Preparatory => "前期",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知项目性质 / unknown project kind"),
    };

    public static string Name(ProjectStatus status) => status switch
    {
        ProjectStatus.Reserve => "储备",
        ProjectStatus.Signed => "签约",
        ProjectStatus.Started => "开工",
        ProjectStatus.UnderConstruction => "在建",
        ProjectStatus.Completed => "竣工",
        ProjectStatus.Producing => "投产",
        ProjectStatus.Suspended => "暂停",
        ProjectStatus.Terminated => "终止",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "未知项目状态 / unknown project status"),
    };

    public static string Name(ReportState state) => state switch
    {
        ReportState.Draft => "填报",
        ReportState.Submitted => "已提交",
        ReportState.Approved => "已审核",
        ReportState.Returned => "已退回",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "未知填报状态 / unknown report state"),
    };

    /// <summary>Parses 储备/签约/…/终止 (or the English member name, ordinal, case-sensitive).</summary>
    public static ParseResult<ProjectStatus> ParseStatus(string text) => Parse<ProjectStatus>(text, Name, "项目状态", "project status");

    /// <summary>Parses 产业/基础设施/社会民生/生态环保/其他 (or the English member name).</summary>
    public static ParseResult<ProjectCategory> ParseCategory(string text) => Parse<ProjectCategory>(text, Name, "项目类别", "project category");

    /// <summary>Parses 新开工/续建/技改/前期 (or the English member name).</summary>
    public static ParseResult<ProjectKind> ParseKind(string text) => Parse<ProjectKind>(text, Name, "项目性质", "project kind");

    private static ParseResult<T> Parse<T>(string text, Func<T, string> name, string zh, string en)
        where T : struct, Enum
    {
        var t = (text ?? string.Empty).Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(name(v), t, StringComparison.Ordinal) || string.Equals(v.ToString(), t, StringComparison.Ordinal))
            {
                return ParseResult<T>.Ok(v);
            }
        }

        return ParseResult<T>.Fail($"无法识别{zh}“{t}”", $"unknown {en} '{t}'");
    }
}

/// <summary>A domain rule of the project ledger was broken (illegal transition, edit of a closed month …).</summary>
/// <remarks>The message is "中文 / English"; <see cref="Reason"/> keeps both halves.</remarks>
public sealed class ProjectRuleException : InvalidOperationException
{
    public ProjectRuleException(Bilingual reason)
        : base(reason.ToString())
    {
        Reason = reason;
    }

    public ProjectRuleException()
        : this(new Bilingual("违反项目台账规则", "project ledger rule broken"))
    {
    }

    public ProjectRuleException(string message)
        : base(message)
    {
        Reason = new Bilingual(message, message);
    }

    public ProjectRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = new Bilingual(message, message);
    }

    /// <summary>The bilingual reason.</summary>
    public Bilingual Reason { get; }
}
