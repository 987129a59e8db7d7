using System.Text.RegularExpressions;
using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Storage.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Baiqiang.Cli.Tests;

/// <summary><c>baiqiang users add|reset-password|list</c> on the web app's own user tables: the printed password signs in
/// (checked with the web's Identity rules), a reset replaces it, every change is audited.</summary>
public sealed partial class UsersCommandTests
{
    [Fact]
    public async Task AddListReset_EditorOfJiangyang_PasswordWorksResetReplacesItAudited()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var added = await cli.OkAsync("users", "add", "zhang", "--role", "editor", "--region", "江阳区", "--display-name", "张三");
        Assert.Contains("已添加用户 zhang:填报员,地区 510502", added, StringComparison.Ordinal);
        var first = PasswordIn(added);

        var list = await cli.OkAsync("users", "list");
        var row = Assert.Single(list.Split('\n'), l => l.StartsWith("zhang ", StringComparison.Ordinal));
        Assert.Matches(@"zhang\s+张三\s+填报员\s+510502\s+否 no", row);

        var reset = await cli.OkAsync("users", "reset-password", "zhang");
        var second = PasswordIn(reset);
        Assert.NotEqual(first, second);

        var options = BaiqiangStore.Resolve(store.Path, null);
        await using (var db = BaiqiangStore.Open(options))
        await using (var services = UserAccounts.BuildAdminServices(options, db, TimeProvider.System))
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
            var zhang = await users.FindByNameAsync("zhang");
            Assert.NotNull(zhang);
            Assert.False(await users.CheckPasswordAsync(zhang, first));
            Assert.True(await users.CheckPasswordAsync(zhang, second));
            Assert.Equal(["editor"], await users.GetRolesAsync(zhang));

            // Locked by an administrator on the web: the list says so, and a reset does not unlock.
            var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
            var (_, errors) = await admin.UpdateAsync(Actor.LocalAdmin("web-admin"), zhang.Id, new UpdateUserRequest(["editor"], ["510502"], null, true), TestContext.Current.CancellationToken);
            Assert.Empty(errors);

            var audit = await db.AuditEntries.Where(a => a.Entity == "web_user" && a.Key == "zhang").OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal([null, "password", "access"], audit.Select(a => a.Field));
            Assert.All(audit.Take(2), a => Assert.Equal(Environment.UserName, a.User));
            Assert.DoesNotContain(audit, a => (a.NewValue ?? string.Empty).Contains(second, StringComparison.Ordinal));
        }

        await cli.OkAsync("users", "reset-password", "zhang");
        Assert.Matches(@"zhang\s+张三\s+填报员\s+510502\s+是 yes", Assert.Single((await cli.OkAsync("users", "list")).Split('\n'), l => l.StartsWith("zhang ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(new[] { "users", "add", "wang", "--role", "boss" }, "未知角色“boss”")]
    [InlineData(new[] { "users", "add", "wang", "--role", "reviewer" }, "填报员、审核员须用 --region 指定地区")]
    [InlineData(new[] { "users", "add", "wang", "--role", "editor", "--region", "火星区" }, "火星区")]
    [InlineData(new[] { "users", "reset-password", "nobody" }, "用户“nobody”不存在")]
    public async Task AddOrReset_BadInput_RefusedWithReasonAndNothingAdded(string[] args, string reason)
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);

        var (exit, _, error) = await cli.RunAsync(args);

        Assert.NotEqual(0, exit);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains(" / ", error, StringComparison.Ordinal); // and in English
        Assert.Contains("尚无网页用户", await cli.OkAsync("users", "list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_SameNameTwiceAndChineseRoleNames_SecondRefused()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);

        Assert.Contains("管理员、分析员", await cli.OkAsync("users", "add", "li", "--role", "管理员,analyst"), StringComparison.Ordinal);
        var (exit, _, error) = await cli.RunAsync("users", "add", "li", "--role", "admin");

        Assert.Equal(1, exit);
        Assert.Contains("用户名已存在", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddList_OnPostgres_UsersInTheStoresDatabase()
    {
        var admin = Environment.GetEnvironmentVariable("BAIQIANG_TEST_PG");
        if (string.IsNullOrEmpty(admin))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "BAIQIANG_TEST_PG must be set in CI");
            Assert.Skip("BAIQIANG_TEST_PG is not set: PostgreSQL tests skipped locally");
        }

        var name = "bq_users_" + Guid.NewGuid().ToString("N")[..12];
        var db = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            var cli = new CliRunner(db);
            await cli.OkAsync("init");
            PasswordIn(await cli.OkAsync("users", "add", "chen", "--role", "analyst"));
            PasswordIn(await cli.OkAsync("users", "reset-password", "chen"));
            Assert.Matches(@"chen\s+分析员\s+否 no", await cli.OkAsync("users", "list"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }

    private static string PasswordIn(string output) => PasswordLine().Match(output) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no password printed: " + output);

    [GeneratedRegex(@"密码 password: (\S{16})")]
    private static partial Regex PasswordLine();
}
