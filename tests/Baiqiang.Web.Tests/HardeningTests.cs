using System.Net;
using System.Text;
using Baiqiang.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Baiqiang.Web.Tests;

/// <summary>The app as a TLS proxy (or an outsider) reaches it: the test server has no client address, so the header
/// <c>X-Test-Client</c> plays the connection's remote address; 10.1.2.3 is the configured proxy.</summary>
public sealed class ProxyWebFactory : WebFactory
{
    public const string Proxy = "10.1.2.3";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                if (http.Request.Headers.TryGetValue("X-Test-Client", out var ip))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                }

                return following();
            });
            next(app);
        };
    }
}

/// <summary>HTTPS behind a proxy, the Server header, administrator lockout per address, and the parse budget of read-only users.</summary>
public sealed class HardeningTests(ProxyWebFactory factory) : IClassFixture<ProxyWebFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await factory.EnsureUserAsync("analyst-budget", "analyst");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private HttpClient Client(string client, bool https)
    {
        var c = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        c.DefaultRequestHeaders.Host = "baiqiang.example.gov.cn";
        c.DefaultRequestHeaders.Add("X-Test-Client", client);
        if (https)
        {
            c.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }

        return c;
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Single(v => v.StartsWith(name + "=", StringComparison.Ordinal)) : throw new InvalidOperationException("no Set-Cookie " + name);

    [Fact]
    public async Task Login_HttpsForwardedByConfiguredProxy_CookiesSecureAndHsts()
    {
        using var client = Client(ProxyWebFactory.Proxy, https: true);
        using var form = await client.GetAsync(new Uri("/Auth/Login", UriKind.Relative), Ct);
        var antiforgery = SetCookie(form, "bq.af");
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.True(form.Headers.Contains("Strict-Transport-Security"));

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Auth/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "admin",
                ["Password"] = WebFactory.AdminPassword,
                ["__RequestVerificationToken"] = WebFactory.Antiforgery(await form.Content.ReadAsStringAsync(Ct)),
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(post, Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("secure", SetCookie(signedIn, "bq.auth"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_ForwardedProtoFromUnknownAddress_NotTrusted()
    {
        using var client = Client("203.0.113.9", https: true);
        using var form = await client.GetAsync(new Uri("/Auth/Login", UriKind.Relative), Ct);

        Assert.DoesNotContain("secure", SetCookie(form, "bq.af"), StringComparison.OrdinalIgnoreCase);
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void Kestrel_ServerHeader_Off()
    {
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task Login_AdminFailsFiveTimesFromOneAddress_LockedThereOnly()
    {
        await factory.EnsureUserAsync("admin2", "admin");
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("用户名或密码不正确", await LoginAsync("198.51.100.7", "admin2", "wrong-password-" + i), StringComparison.Ordinal);
        }

        // The fifth failure locks the account, as Identity's lockout does, but only for this address.
        Assert.Contains("账号已锁定", await LoginAsync("198.51.100.7", "admin2", "wrong-password-4"), StringComparison.Ordinal);

        Assert.Contains("账号已锁定", await LoginAsync("198.51.100.7", "admin2", WebFactory.UserPassword), StringComparison.Ordinal);
        Assert.Null(await LoginAsync("198.51.100.8", "admin2", WebFactory.UserPassword));
    }

    [Fact]
    public async Task ValidateApi_ReadOnlyUserOverFourMegabytes_413WithReason()
    {
        using var client = await factory.TokenClientAsync("analyst-budget");
        var text = "地区,指标,期别,数值\n" + string.Concat(Enumerable.Repeat("320612,gdp,2023-01..06,880.5\n", 160_000));
        using var response = await client.PostAsync(new Uri("/api/imports/validate", UriKind.Relative), RoleAccessTests.Upload(text, "big.csv"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("只读用户上限4 MB", body, StringComparison.Ordinal);
        Assert.Contains("read-only user's limit is 4 MB", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateApi_ReadOnlyUserOneMegabyteSingleLine_ClearErrorNotHalfAMinute()
    {
        using var client = await factory.TokenClientAsync("analyst-budget");
        var line = new StringBuilder("地区");
        while (line.Length < 1 << 20)
        {
            line.Append(",ab");
        }

        using var response = await client.PostAsync(new Uri("/api/imports/validate", UriKind.Relative), RoleAccessTests.Upload(line.ToString(), "one-line.csv"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("16384", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Signs in from <paramref name="address"/>; null on success, else the page's error text.</summary>
    private async Task<string?> LoginAsync(string address, string user, string password)
    {
        using var client = Client(address, https: false);
        using var form = await client.GetAsync(new Uri("/Auth/Login", UriKind.Relative), Ct);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Auth/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = user,
                ["Password"] = password,
                ["__RequestVerificationToken"] = WebFactory.Antiforgery(await form.Content.ReadAsStringAsync(Ct)),
            }),
        };
        post.Headers.Add("Cookie", SetCookie(form, "bq.af").Split(';')[0]);
        using var response = await client.SendAsync(post, Ct);
        return response.StatusCode == HttpStatusCode.Redirect ? null : await response.Content.ReadAsStringAsync(Ct);
    }
}
