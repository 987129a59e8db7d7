using System.CommandLine;
using Baiqiang.Cli.Store;
using Baiqiang.Core.Access;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Cli.Users;

/// <summary>
/// <c>baiqiang users add|reset-password|list</c>: the web app's users, in the store's database, for an administrator
/// at the server's console (a lost first-run password, a new colleague). The same <see cref="UserAdmin"/> as the web's
/// 用户管理 page does the work and audits it under the operating-system user's name.
/// </summary>
internal static class UsersCommand
{
    public static Command Create() => new("users", "网页用户:添加、重置密码、列出(忘记管理员密码时使用) / the web app's users: add, reset a password, list")
    {
        Add(), ResetPassword(), List(),
    };

    private static Argument<string> UserArgument() => new("USER") { Description = "用户名 / user name" };

    private static Command Add()
    {
        var user = UserArgument();
        var roles = new Option<string[]>("--role")
        {
            Description = "角色(可多个):admin 管理员、analyst 分析员、editor 填报员、reviewer 审核员 / role(s): admin, analyst, editor, reviewer",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var regions = new Option<string[]>("--region")
        {
            Description = "可编辑的地区(代码或名称,可多个;填报员、审核员需要) / region(s) the user may edit, by code or name (editors and reviewers need one)",
            AllowMultipleArgumentsPerToken = true,
        };
        var departments = new Option<string[]>("--department") { Description = "可编辑的部门(责任单位,可多个) / department(s) the user may edit", AllowMultipleArgumentsPerToken = true };
        var displayName = new Option<string?>("--display-name") { Description = "显示名,如 张三 / display name" };
        var command = new Command("add", "添加网页用户,生成并显示一次初始密码 / add a web user; prints a generated password once")
        {
            user, roles, regions, departments, displayName,
        };
        command.SetAction(async (parse, ct) =>
        {
            var roleNames = new List<string>();
            foreach (var text in Split(parse.GetValue(roles)))
            {
                if (WebRoles.Parse(text) is not { } role)
                {
                    await parse.Err().WriteLineAsync(new Bilingual($"未知角色“{text}”:应为 admin、analyst、editor、reviewer 之一", $"unknown role '{text}': use admin, analyst, editor or reviewer").ToString());
                    return 2;
                }

                roleNames.Add(role);
            }

            await using var db = await StoreAccess.OpenAsync(parse, ct);
            var regionCodes = new List<string>();
            var regionTexts = Split(parse.GetValue(regions)).ToList();
            if (regionTexts.Count > 0)
            {
                var lookups = await StoreLookups.LoadAsync(db, ct);
                foreach (var text in regionTexts)
                {
                    var r = lookups.ResolveRegion(text);
                    if (!r.Success)
                    {
                        await parse.Err().WriteLineAsync(r.Error.ToString());
                        return 2;
                    }

                    regionCodes.Add(r.Value.ToString());
                }
            }

            if (regionCodes.Count == 0 && roleNames.Any(r => r is WebRoles.Editor or WebRoles.Reviewer))
            {
                await parse.Err().WriteLineAsync(new Bilingual("填报员、审核员须用 --region 指定地区", "an editor or reviewer needs a region: give --region").ToString());
                return 2;
            }

            await using var services = await OpenAdminAsync(parse, db, ct);
            var password = Passwords.Generate();
            var request = new CreateUserRequest(parse.GetRequiredValue(user), parse.GetValue(displayName) ?? string.Empty, password, roleNames, regionCodes, [.. Split(parse.GetValue(departments))]);
            var (created, errors) = await services.GetRequiredService<UserAdmin>().CreateAsync(Operator(), request, ct);
            if (created is null)
            {
                await WriteErrorsAsync(parse, errors);
                return 1;
            }

            await parse.Out().WriteLineAsync($"已添加用户 {created.UserName}:{Roles(created)}{Scope(created)} / user {created.UserName} added");
            await WritePasswordAsync(parse, created.UserName, password);
            return 0;
        });
        return command;
    }

    private static Command ResetPassword()
    {
        var user = UserArgument();
        var command = new Command("reset-password", "为用户生成新密码并显示一次(旧密码失效,已登录的会话随之退出) / give a user a new generated password, shown once (the old one stops working)")
        {
            user,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            await using var services = await OpenAdminAsync(parse, db, ct);
            var (password, errors) = await services.GetRequiredService<UserAdmin>().ResetPasswordAsync(Operator(), parse.GetRequiredValue(user), ct);
            if (password is null)
            {
                await WriteErrorsAsync(parse, errors);
                return 1;
            }

            await parse.Out().WriteLineAsync($"已为 {parse.GetRequiredValue(user).Trim()} 重置密码 / password reset");
            await WritePasswordAsync(parse, parse.GetRequiredValue(user).Trim(), password);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "列出网页用户:角色、地区、部门、是否锁定 / list the web users: roles, regions, departments, locked");
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await StoreAccess.OpenAsync(parse, ct);
            await using var services = await OpenAdminAsync(parse, db, ct);
            var users = await services.GetRequiredService<UserAdmin>().ListAsync(ct);
            if (users.Count == 0)
            {
                await parse.Out().WriteLineAsync("尚无网页用户:首次启动网页程序会创建管理员 admin,或用 users add 添加 / no web users yet: the web app's first run creates 'admin', or use users add");
                return 0;
            }

            var table = new TextTable("用户名 user", "显示名 name", "角色 roles", "地区 regions", "部门 departments", "锁定 locked");
            foreach (var u in users)
            {
                table.Add(u.UserName, u.DisplayName, Roles(u), string.Join(',', u.Regions), string.Join(',', u.Departments), u.LockedOut ? "是 yes" : "否 no");
            }

            table.WriteTo(parse.Out());
            return 0;
        });
        return command;
    }

    /// <summary>The console's operator acts as an administrator (like every other command on the store), audited by OS user name.</summary>
    private static Actor Operator() => Actor.LocalAdmin(Environment.UserName);

    private static async Task<ServiceProvider> OpenAdminAsync(ParseResult parse, BaiqiangDbContext db, CancellationToken ct)
    {
        var services = UserAccounts.BuildAdminServices(StoreAccess.Options(parse), db, TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        await UserAccounts.EnsureSchemaAndRolesAsync(scope.ServiceProvider, ct);
        return services;
    }

    private static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Roles(UserItem u) => string.Join('、', u.Roles.Select(WebRoles.NameZh));

    private static string Scope(UserItem u) =>
        (u.Regions.Count > 0 ? $",地区 {string.Join(',', u.Regions)}" : string.Empty) + (u.Departments.Count > 0 ? $",部门 {string.Join(',', u.Departments)}" : string.Empty);

    private static async Task WriteErrorsAsync(ParseResult parse, IReadOnlyList<Bilingual> errors)
    {
        foreach (var e in errors)
        {
            await parse.Err().WriteLineAsync(e.ToString());
        }
    }

    /// <summary>The password, framed, once: it is stored only as a hash and never written to a log.</summary>
    private static async Task WritePasswordAsync(ParseResult parse, string userName, string password)
    {
        var o = parse.Out();
        var rule = new string('=', 60);
        await o.WriteLineAsync(rule);
        await o.WriteLineAsync($"  用户 user: {userName}");
        await o.WriteLineAsync($"  密码 password: {password}");
        await o.WriteLineAsync("  仅显示这一次,请登录后修改 / shown once: change it after signing in");
        await o.WriteLineAsync(rule);
    }
}
