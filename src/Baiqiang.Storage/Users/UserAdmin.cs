using System.Security.Claims;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Users;

public sealed record UserItem(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Regions, IReadOnlyList<string> Departments, bool LockedOut);

/// <summary>Create a user: roles from admin/analyst/editor/reviewer, regions as codes, departments as names.</summary>
public sealed record CreateUserRequest(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, IReadOnlyList<string>? Regions, IReadOnlyList<string>? Departments);

/// <summary>Replace a user's roles and scopes.</summary>
public sealed record UpdateUserRequest(IReadOnlyList<string> Roles, IReadOnlyList<string>? Regions, IReadOnlyList<string>? Departments, bool? LockedOut);

public sealed record AuditItem(long Id, DateTimeOffset At, string User, string Entity, string Key, string? Field, string? OldValue, string? NewValue);

/// <summary>User administration shared by the admin pages and the admin API. Every change takes the acting <see cref="Actor"/>.</summary>
public sealed class UserAdmin(UserManager<WebUser> users, BaiqiangDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserItem>> ListAsync(CancellationToken ct)
    {
        var list = new List<UserItem>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync(ct))
        {
            list.Add(await ItemAsync(user));
        }

        return list;
    }

    public async Task<(UserItem? User, IReadOnlyList<Bilingual> Errors)> CreateAsync(Actor actor, CreateUserRequest request, CancellationToken ct)
    {
        actor.EnsureAdmin();
        var errors = Validate(request.Roles, request.Regions, out var regions);
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 100)
        {
            errors.Add(new Bilingual("用户名须为1–100个字符", "the user name must be 1–100 characters"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var user = new WebUser { UserName = request.UserName.Trim(), DisplayName = (request.DisplayName ?? string.Empty).Trim() };
        var created = await users.CreateAsync(user, request.Password ?? string.Empty);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => new Bilingual(IdentityZh(e), e.Description)).ToList());
        }

        await ApplyAsync(user, request.Roles, regions, request.Departments ?? []);
        await AuditAsync(actor, user.UserName!, null, null, $"roles={string.Join(',', request.Roles)}; regions={string.Join(',', regions)}", ct);
        return (await ItemAsync(user), []);
    }

    public async Task<(UserItem? User, IReadOnlyList<Bilingual> Errors)> UpdateAsync(Actor actor, string id, UpdateUserRequest request, CancellationToken ct)
    {
        actor.EnsureAdmin();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return (null, [new Bilingual("用户不存在", "no such user")]);
        }

        var errors = Validate(request.Roles, request.Regions, out var regions);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var before = await ItemAsync(user);
        await ApplyAsync(user, request.Roles, regions, request.Departments ?? []);
        if (request.LockedOut is { } locked)
        {
            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        }

        await users.UpdateSecurityStampAsync(user);
        var after = await ItemAsync(user);
        await AuditAsync(actor, user.UserName!, "access", Describe(before), Describe(after), ct);
        return (after, []);
    }

    /// <summary>
    /// Gives <paramref name="userName"/> a new generated password (for an administrator who lost theirs): the old one
    /// stops working, signed-in sessions end within a minute (new security stamp), failed sign-ins are forgotten and a
    /// lockout from them ends; a lock set by an administrator stays. Audited without the password, which is returned
    /// once and stored only as a hash.
    /// </summary>
    public async Task<(string? Password, IReadOnlyList<Bilingual> Errors)> ResetPasswordAsync(Actor actor, string userName, CancellationToken ct)
    {
        actor.EnsureAdmin();
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return (null, [new Bilingual($"用户“{userName}”不存在", $"no user '{userName}'")]);
        }

        var password = Passwords.Generate();
        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }

        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return (null, added.Errors.Select(e => new Bilingual(IdentityZh(e), e.Description)).ToList());
        }

        await users.ResetAccessFailedCountAsync(user);
        if (await users.GetLockoutEndDateAsync(user) is { } end && end != DateTimeOffset.MaxValue)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, user.UserName!, "password", null, "重置 reset", ct);
        return (password, []);
    }

    public async Task<IReadOnlyList<AuditItem>> AuditAsync(string? user, string? entity, int take, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
        {
            query = query.Where(a => a.User == user);
        }

        if (!string.IsNullOrWhiteSpace(entity))
        {
            query = query.Where(a => a.Entity == entity);
        }

        return await query.OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, 1000))
            .Select(a => new AuditItem(a.Id, a.At, a.User, a.Entity, a.Key, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(ct);
    }

    private static string Describe(UserItem u) =>
        $"roles={string.Join(',', u.Roles)}; regions={string.Join(',', u.Regions)}; departments={string.Join(',', u.Departments)}; locked={u.LockedOut}";

    private async Task AuditAsync(Actor actor, string key, string? field, string? oldValue, string? newValue, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry { At = clock.GetUtcNow(), User = actor.Name, Entity = "web_user", Key = key, Field = field, OldValue = oldValue, NewValue = newValue });
        await db.SaveChangesAsync(ct);
    }

    private static List<Bilingual> Validate(IReadOnlyList<string>? roles, IReadOnlyList<string>? regionTexts, out List<RegionCode> regions)
    {
        var errors = new List<Bilingual>();
        regions = [];
        foreach (var role in roles ?? [])
        {
            if (!WebRoles.All.Contains(role))
            {
                errors.Add(new Bilingual($"未知角色“{role}”", $"unknown role '{role}'"));
            }
        }

        if (roles is null || roles.Count == 0)
        {
            errors.Add(new Bilingual("请至少选择一个角色", "choose at least one role"));
        }

        foreach (var text in regionTexts ?? [])
        {
            if (RegionCode.TryParse(text.Trim(), out var code))
            {
                regions.Add(code);
            }
            else
            {
                errors.Add(new Bilingual($"“{text}”不是区划代码", $"'{text}' is not a region code"));
            }
        }

        return errors;
    }

    private async Task ApplyAsync(WebUser user, IReadOnlyList<string> roles, IReadOnlyList<RegionCode> regions, IReadOnlyList<string> departments)
    {
        var currentRoles = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, currentRoles.Except(roles, StringComparer.Ordinal));
        await users.AddToRolesAsync(user, roles.Except(currentRoles, StringComparer.Ordinal).Distinct(StringComparer.Ordinal));
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type is BaiqiangClaims.Region or BaiqiangClaims.Department).ToList();
        if (claims.Count > 0)
        {
            await users.RemoveClaimsAsync(user, claims);
        }

        var fresh = regions.Distinct().Select(r => new Claim(BaiqiangClaims.Region, r.ToString()))
            .Concat(departments.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct(StringComparer.Ordinal).Select(d => new Claim(BaiqiangClaims.Department, d)))
            .ToList();
        if (fresh.Count > 0)
        {
            await users.AddClaimsAsync(user, fresh);
        }
    }

    private async Task<UserItem> ItemAsync(WebUser user)
    {
        var claims = await users.GetClaimsAsync(user);
        return new UserItem(user.Id, user.UserName ?? string.Empty, user.DisplayName, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
            claims.Where(c => c.Type == BaiqiangClaims.Region).Select(c => c.Value).ToList(),
            claims.Where(c => c.Type == BaiqiangClaims.Department).Select(c => c.Value).ToList(),
            await users.IsLockedOutAsync(user));
    }

    private static string IdentityZh(IdentityError e) => e.Code switch
    {
        "DuplicateUserName" => "用户名已存在",
        "PasswordTooShort" => "密码至少10个字符",
        "PasswordRequiresDigit" => "密码须包含数字",
        "PasswordRequiresLower" => "密码须包含小写字母",
        "PasswordRequiresUpper" => "密码须包含大写字母",
        "InvalidUserName" => "用户名只能包含字母、数字和 -._@+",
        _ => "无法创建用户",
    };
}
