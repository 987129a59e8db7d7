using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Web.Cluster;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests.Cluster;

/// <summary>
/// deploy/two-nodes.sh for real: two web processes of the built host on one PostgreSQL database, Debian's nginx in front.
/// Runs when nginx and BAIQIANG_TEST_PG are there (CI installs nginx; with CI=true a missing one fails the test).
/// </summary>
public sealed class TwoNodeDeployTests
{
    private const string Nginx = "/usr/sbin/nginx";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodesBehindNginx_SignInImportSweepAndNodeLoss_ServedThroughout()
    {
        if (!File.Exists(Nginx))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "CI=true but nginx is not installed");
            Assert.Skip("the two-node test needs nginx (apt-get install -y nginx)");
        }

        await using var database = PgDatabase.Require();
        var state = Directory.CreateTempSubdirectory("baiqiang-two-nodes-").FullName;
        var (proxyPort, portA, portB) = (FreePort(), FreePort(), FreePort());
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["STATE"] = state,
            ["BAIQIANG_PG"] = database.ConnectionString,
            ["BAIQIANG_WEB_DLL"] = WebDll(),
            ["BAIQIANG_ADMIN_PASSWORD"] = WebFactory.AdminPassword,
            ["NGINX_PORT"] = Port(proxyPort),
            ["NODE_A_PORT"] = Port(portA),
            ["NODE_B_PORT"] = Port(portB),
            // The scheduled sweep stays off: the test runs the sweep itself, on both nodes at once.
            ["Reminders__IntervalMinutes"] = "0",
        };
        try
        {
            await ScriptAsync("start", env);
            await RunAsync(database, proxyPort, portA, portB, state);
        }
        finally
        {
            await ScriptAsync("stop", env);
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
                // nginx may still be closing its log as it quits; a leftover temp folder is harmless.
            }
        }
    }

    private static async Task RunAsync(PgDatabase database, int proxyPort, int portA, int portB, string state)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var proxy = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{Port(proxyPort)}"), Timeout = TimeSpan.FromSeconds(120) };

        // Signed in through nginx; the session is served by both nodes (round robin, no stickiness).
        var form = await proxy.GetStringAsync(new Uri("/Auth/Login", UriKind.Relative), Ct);
        using (var login = await proxy.PostAsync(new Uri("/Auth/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = WebFactory.AdminPassword,
            ["__RequestVerificationToken"] = WebFactory.Antiforgery(form),
        }), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var nodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20 && nodes.Count < 2; i++)
        {
            using var list = await proxy.GetAsync(new Uri("/api/notifications", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            nodes.Add(list.Headers.GetValues(ClusterSetup.NodeHeader).Single());
        }

        Assert.Equal(new[] { "node-a", "node-b" }, nodes.Order(StringComparer.Ordinal));

        // A personal token (made through nginx with the cookie) to talk to each node directly.
        var tokensPage = await proxy.GetStringAsync(new Uri("/Auth/Tokens", UriKind.Relative), Ct);
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tokens", UriKind.Relative)) { Content = JsonContent.Create(new { name = "two-nodes" }) };
        tokenRequest.Headers.Add("X-CSRF-TOKEN", WebFactory.Antiforgery(tokensPage));
        using var tokenResponse = await proxy.SendAsync(tokenRequest, Ct);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString();
        using var nodeA = Direct(portA, token!);
        using var nodeB = Direct(portB, token!);

        // Node B has the series cached; an import on node A reaches it within 1 s (LISTEN/NOTIFY, not the 10 s cache time).
        const string Series = "/api/observations/series?region=510502&indicator=gdp";
        Assert.DoesNotContain("1612.3", await nodeB.GetStringAsync(new Uri(Series, UriKind.Relative), Ct), StringComparison.Ordinal);
        using (var import = await nodeA.PostAsync(new Uri("/api/imports", UriKind.Relative),
                   RoleAccessTests.Upload("地区,指标,期别,数值,单位,同比增长\n510502,地区生产总值,2025年,1612.3,亿元,5.9\n", "jy.csv"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        }

        var watch = Stopwatch.StartNew();
        var seen = false;
        while (!seen && watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            seen = (await nodeB.GetStringAsync(new Uri(Series, UriKind.Relative), Ct)).Contains("1612.3", StringComparison.Ordinal);
        }

        watch.Stop();
        Assert.True(seen && watch.Elapsed < TimeSpan.FromSeconds(1), "node B showed the import after " + watch.ElapsedMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms");

        // The reminder sweep on both nodes at once: every reminder is sent once.
        await using var hook = new WebhookReceiver();
        await using (var db = BaiqiangStore.Open(new StoreOptions(StoreProvider.PostgreSql, database.ConnectionString)))
        {
            Assert.True((await Storage.Settings.StoreSettings.SetAsync(db, Storage.Settings.StoreSettings.WebhookKey, hook.Url, "test", Ct)).Success);
        }

        var runs = await Task.WhenAll(
            nodeA.PostAsync(new Uri("/api/reminders/run?today=2022-08-10", UriKind.Relative), null, Ct),
            nodeB.PostAsync(new Uri("/api/reminders/run?today=2022-08-10", UriKind.Relative), null, Ct));
        var created = new List<int>();
        foreach (var run in runs)
        {
            using (run)
            {
                Assert.Equal(HttpStatusCode.OK, run.StatusCode);
                created.Add((await run.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("created").GetInt32());
            }
        }

        Assert.Contains(0, created);
        Assert.True(created.Sum() > 0);
        Assert.NotEmpty(hook.Titles);
        Assert.Equal(hook.Titles.Count, hook.Titles.Distinct(StringComparer.Ordinal).Count());

        // Node A dies mid-session: the same cookie carries on through nginx, now served by node B.
        using (var kill = Process.Start("kill", ["-9", (await File.ReadAllTextAsync(Path.Combine(state, "node-a.pid"), Ct)).Trim()])!)
        {
            await kill.WaitForExitAsync(Ct);
        }

        for (var i = 0; i < 6; i++)
        {
            using var list = await proxy.GetAsync(new Uri("/api/notifications", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal("node-b", list.Headers.GetValues(ClusterSetup.NodeHeader).Single());
        }

        using var page = await proxy.GetAsync(new Uri("/?region=510502", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("node-b", page.Headers.GetValues(ClusterSetup.NodeHeader).Single());
    }

    private static HttpClient Direct(int port, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port(port)}"), Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task ScriptAsync(string command, IReadOnlyDictionary<string, string> env)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot(), "deploy", "two-nodes.sh"));
        start.ArgumentList.Add(command);
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"two-nodes.sh {command} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Baiqiang.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>The web host built beside these tests (same configuration).</summary>
    private static string WebDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoRoot(), "src", "Baiqiang.Web", "bin", configuration, "net10.0", "Baiqiang.Web.dll");
        Assert.True(File.Exists(dll), "not built: " + dll);
        return dll;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
