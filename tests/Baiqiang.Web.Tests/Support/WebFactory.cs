using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Baiqiang.Core.Regions;
using Baiqiang.Web.Admin;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests.Support;

/// <summary>The whole app over a fresh SQLite file with the sample data, and helpers to act as each role.</summary>
public class WebFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Test-Pass-123";
    public const string UserPassword = "User-Test-Pass-123";

    private readonly string _folder = Directory.CreateTempSubdirectory("baiqiang-web-").FullName;

    public string DbPath => Path.Combine(_folder, "web.db");

    protected virtual int LoginPermitsPerMinute => 10_000;

    /// <summary>The store the app opens: a SQLite file unless a subclass says otherwise.</summary>
    protected virtual string StoreSetting => DbPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("BAIQIANG_DB", StoreSetting);
        builder.UseSetting("Baiqiang:AdminPassword", AdminPassword);
        builder.UseSetting("Baiqiang:LoginPermitsPerMinute", LoginPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The scheduled reminder sweep stays off: a test runs it through /api/reminders/run with its own day.
        builder.UseSetting("Reminders:IntervalMinutes", "0");
        builder.UseEnvironment("Production");
    }

    /// <summary>Creates a user with one role and region scopes (idempotent by name).</summary>
    public async Task EnsureUserAsync(string name, string role, params int[] regions)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
        if (await users.FindByNameAsync(name) is not null)
        {
            return;
        }

        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var (user, errors) = await admin.CreateAsync(Core.Access.Actor.LocalAdmin("test"),
            new CreateUserRequest(name, name, UserPassword, [role], regions.Select(r => new RegionCode(r).ToString()).ToList(), []), TestContext.Current.CancellationToken);
        Assert.True(user is not null, string.Join("; ", errors));
    }

    /// <summary>An HTTP client carrying a fresh personal API token of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> TokenClientAsync(string userName)
    {
        string token;
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
            token = (await TokensApi.IssueAsync(scope.ServiceProvider.GetRequiredService<WebIdentityDbContext>(), user.Id, "test", TimeProvider.System, TestContext.Current.CancellationToken)).Token;
        }

        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client signed in through the login form (cookies, antiforgery).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/Auth/Login", UriKind.Relative));
        using var post = await client.PostAsync(new Uri("/Auth/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Antiforgery(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        return client;
    }

    public static string Antiforgery(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException("no antiforgery token in page");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
