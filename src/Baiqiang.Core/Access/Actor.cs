using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Access;

/// <summary>What a user may do. One user may hold several roles.</summary>
[Flags]
public enum Role
{
    None = 0,

    /// <summary>分析员: reads everything, changes nothing.</summary>
    Analyst = 1,

    /// <summary>填报员/编辑: changes data of the regions (and departments) in scope.</summary>
    Editor = 2,

    /// <summary>审核员: approves or returns reports of the regions in scope.</summary>
    Reviewer = 4,

    /// <summary>管理员: everything, everywhere, including users and roles.</summary>
    Admin = 8,
}

/// <summary>
/// Who is acting, with which roles, over which regions and departments. Every module checks its writes through
/// <see cref="EnsureCanEdit(RegionCode, string?)"/> / <see cref="EnsureCanReview"/>, so the web app, the API and the
/// CLI enforce one rule: a county's editor changes only that county's data (and its parks' data).
/// </summary>
/// <remarks>
/// A scope region covers itself and every region below it by code: a prefecture scope (510500) covers its counties
/// (510502) and their parks (510502401). Departments (责任单位, e.g. "发改局") scope editors who serve a department's
/// desk across regions, such as the responsible unit of a key project or an enterprise request.
/// </remarks>
public sealed record Actor(string Name, Role Roles, IReadOnlySet<RegionCode> Regions, IReadOnlySet<string> Departments)
{
    private static readonly IReadOnlySet<RegionCode> NoRegions = new HashSet<RegionCode>();
    private static readonly IReadOnlySet<string> NoDepartments = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The local operator of the CLI and of the embedded single-user store: an administrator.</summary>
    public static Actor LocalAdmin(string name) => new(name, Role.Admin, NoRegions, NoDepartments);

    /// <summary>An editor of the given regions.</summary>
    public static Actor EditorOf(string name, params RegionCode[] regions) =>
        new(name, Role.Editor, regions.ToHashSet(), NoDepartments);

    /// <summary>An editor serving the given departments (in any region).</summary>
    public static Actor DepartmentEditor(string name, params string[] departments) =>
        new(name, Role.Editor, NoRegions, departments.ToHashSet(StringComparer.Ordinal));

    /// <summary>A reviewer of the given regions.</summary>
    public static Actor ReviewerOf(string name, params RegionCode[] regions) =>
        new(name, Role.Reviewer, regions.ToHashSet(), NoDepartments);

    /// <summary>An analyst: reads everything.</summary>
    public static Actor AnalystNamed(string name) => new(name, Role.Analyst, NoRegions, NoDepartments);

    public bool IsAdmin => Roles.HasFlag(Role.Admin);

    /// <summary>Everyone with any role reads everything (the lists are public statistics and office ledgers).</summary>
    public bool CanRead => Roles != Role.None;

    /// <summary>True when <paramref name="region"/> is one of the scope regions or lies below one.</summary>
    public bool Covers(RegionCode region) => IsAdmin || Regions.Any(scope => IsWithin(region, scope));

    /// <summary>Editors change data of regions in scope, or data whose responsible department is in scope.</summary>
    public bool CanEdit(RegionCode region, string? department = null) =>
        IsAdmin
        || (Roles.HasFlag(Role.Editor)
            && (Covers(region) || (department is not null && Departments.Contains(department))));

    /// <summary>Reviewers approve or return reports of regions in scope.</summary>
    public bool CanReview(RegionCode region) => IsAdmin || (Roles.HasFlag(Role.Reviewer) && Covers(region));

    /// <summary>Throws <see cref="AccessDeniedException"/> naming the user and region unless <see cref="CanEdit"/>.</summary>
    public void EnsureCanEdit(RegionCode region, string? department = null)
    {
        if (!CanEdit(region, department))
        {
            throw new AccessDeniedException(new Bilingual(
                $"用户“{Name}”无权修改 {region} 的数据",
                $"user '{Name}' may not change data of {region}"));
        }
    }

    /// <summary>Throws <see cref="AccessDeniedException"/> unless <see cref="CanReview"/>.</summary>
    public void EnsureCanReview(RegionCode region)
    {
        if (!CanReview(region))
        {
            throw new AccessDeniedException(new Bilingual(
                $"用户“{Name}”无权审核 {region} 的报表",
                $"user '{Name}' may not review reports of {region}"));
        }
    }

    /// <summary>Throws unless the actor is an administrator.</summary>
    public void EnsureAdmin()
    {
        if (!IsAdmin)
        {
            throw new AccessDeniedException(new Bilingual($"用户“{Name}”不是管理员", $"user '{Name}' is not an administrator"));
        }
    }

    /// <summary>Region <paramref name="region"/> equals <paramref name="scope"/> or descends from it by code.</summary>
    public static bool IsWithin(RegionCode region, RegionCode scope)
    {
        for (RegionCode? r = region; r is { } current; r = current.Parent)
        {
            if (current == scope)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A refused write or review; <c>Message</c> is "中文 / English".</summary>
public sealed class AccessDeniedException : UnauthorizedAccessException
{
    public AccessDeniedException(Bilingual reason)
        : base(reason.ToString())
    {
        Reason = reason;
    }

    public AccessDeniedException()
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Bilingual Reason { get; }
}
