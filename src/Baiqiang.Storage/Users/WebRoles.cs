using System.Security.Claims;
using System.Security.Cryptography;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;

namespace Baiqiang.Storage.Users;

/// <summary>The four roles, as Identity role names, and their mapping onto <see cref="Role"/>.</summary>
public static class WebRoles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Editor = "editor";
    public const string Reviewer = "reviewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Analyst, Editor, Reviewer];

    /// <summary>The role's Chinese name (管理员, 分析员, 填报员, 审核员); unknown names come back unchanged.</summary>
    public static string NameZh(string name) => name switch
    {
        Admin => "管理员",
        Analyst => "分析员",
        Editor => "填报员",
        Reviewer => "审核员",
        _ => name,
    };

    /// <summary>A role named in English (admin) or Chinese (管理员), as Identity's role name; null when neither.</summary>
    public static string? Parse(string text)
    {
        var t = text.Trim();
        return All.FirstOrDefault(r => string.Equals(r, t, StringComparison.OrdinalIgnoreCase) || NameZh(r) == t);
    }

    public static Role ToRole(string name) => name switch
    {
        Admin => Role.Admin,
        Analyst => Role.Analyst,
        Editor => Role.Editor,
        Reviewer => Role.Reviewer,
        _ => Role.None,
    };
}

/// <summary>Claim types for a user's scopes (stored as Identity user claims, carried in the cookie).</summary>
public static class BaiqiangClaims
{
    /// <summary>A region the user may edit/review (and everything under it): its 6- or 9-digit code.</summary>
    public const string Region = "baiqiang:region";

    /// <summary>A department whose data the user may edit regardless of region.</summary>
    public const string Department = "baiqiang:department";
}

/// <summary>Builds the Core <see cref="Actor"/> every write path checks, from the signed-in principal.</summary>
public static class ActorFactory
{
    /// <summary>The actor for <paramref name="user"/>: roles from role claims, scopes from scope claims. Anonymous → no roles.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = Role.None;
        foreach (var claim in user.FindAll(ClaimTypes.Role))
        {
            roles |= WebRoles.ToRole(claim.Value);
        }

        var regions = new HashSet<RegionCode>();
        foreach (var claim in user.FindAll(BaiqiangClaims.Region))
        {
            if (RegionCode.TryParse(claim.Value, out var code))
            {
                regions.Add(code);
            }
        }

        var departments = user.FindAll(BaiqiangClaims.Department).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(user.Identity?.Name ?? "anonymous", user.Identity?.IsAuthenticated == true ? roles : Role.None, regions, departments);
    }
}

/// <summary>Random secrets: first-run passwords and API tokens.</summary>
public static class Passwords
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>
    /// A 16-character password from the OS's CSPRNG that always has an upper-case letter, a lower-case letter, a digit
    /// and a symbol: one of each is drawn from its own class (13 random characters alone lack an upper-case letter about
    /// once in 800 draws, which Identity then refuses).
    /// </summary>
    public static string Generate() =>
        RandomNumberGenerator.GetString(Alphabet, 12)
        + RandomNumberGenerator.GetString(Upper, 1)
        + RandomNumberGenerator.GetString(Lower, 1)
        + RandomNumberGenerator.GetString(Digits, 1)
        + "!";

    /// <summary>A personal API token: "bq_" and 40 random characters.</summary>
    public static string NewToken() => "bq_" + RandomNumberGenerator.GetString(Alphabet, 40);

    /// <summary>Lower-case hex SHA-256 of a token (tokens are random and long, so a plain hash is enough).</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
