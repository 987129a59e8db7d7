using System.Net;
using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Storage.Cluster;
using Baiqiang.Web.Cluster;
using Baiqiang.Web.Notifications;
using Baiqiang.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Baiqiang.Web.Tests.Cluster;

/// <summary>Two web nodes on one store, in this process: shared sign-in keys, health endpoints, node header, locks.</summary>
public sealed class ClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cookie_IssuedByNodeA_AcceptedByNodeBOnOneSqliteFile()
    {
        using var a = new NodeFactory(Path.Combine(Path.GetTempPath(), "baiqiang-cluster-" + Guid.NewGuid().ToString("N"), "web.db"), "node-a");
        _ = a.Services;
        using var b = new NodeFactory(a.Store, "node-b");

        await AssertNodesShareSignInAsync(a, b);
        var repository = a.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
        Assert.Contains("EntityFrameworkCore", repository?.GetType().FullName, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(a.Store)!, recursive: true);
    }

    [Fact]
    public async Task Health_LiveAndReady_AnonymousWithNodeHeader()
    {
        using var a = new NodeFactory(Path.Combine(Path.GetTempPath(), "baiqiang-cluster-" + Guid.NewGuid().ToString("N"), "web.db"), "node-a");
        using var client = a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        using var page = await client.GetAsync(new Uri("/Auth/Login", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("status").GetString());
        Assert.Equal("node-a", Assert.Single(page.Headers.GetValues(ClusterSetup.NodeHeader)));
        Assert.Equal("node-a", Assert.Single(live.Headers.GetValues(ClusterSetup.NodeHeader)));

        // The store file goes away (a lost volume): not ready, then ready again once it is back, without a restart.
        var file = a.Store;
        BaiqiangStore.ReleaseSqlitePool(BaiqiangStore.Resolve(file, null));
        File.Move(file, file + ".away");
        using var gone = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        using var stillLive = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        File.Move(file + ".away", file);
        using var back = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.StatusCode);
        Assert.Contains("store", await gone.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillLive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task TwoNodes_StartedTogetherOnAMissingPostgresDatabase_MigrateOnceAndShareSignIn()
    {
        await using var database = PgDatabase.Require();
        using var a = new NodeFactory(database.ConnectionString, "node-a");
        using var b = new NodeFactory(database.ConnectionString, "node-b");

        // Both hosts create the database, migrate, seed and make the first key at the same time.
        await Task.WhenAll(Task.Run(() => a.Services, Ct), Task.Run(() => b.Services, Ct));

        Assert.Equal(BaiqiangStoreMigrations(), await database.ScalarAsync("SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM data_protection_keys"));
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM web_users WHERE \"UserName\" = 'admin'"));
        await AssertNodesShareSignInAsync(a, b);
    }

    [Fact]
    public async Task Readyz_PostgresDatabaseRefusesConnections_503ThenRecoversWithoutRestart()
    {
        await using var database = PgDatabase.Require();
        using var a = new NodeFactory(database.ConnectionString, "node-a");
        using var client = a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var before = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);

        await database.AdminAsync($"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS false");
        await database.AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database.Name}'");
        using var lost = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        await database.AdminAsync($"ALTER DATABASE \"{database.Name}\" ALLOW_CONNECTIONS true");
        using var back = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.Equal("unreachable", JsonDocument.Parse(await lost.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("store").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task ReminderSweep_TwoPostgresNodesAtOnce_EachReminderSentOnce()
    {
        await using var database = PgDatabase.Require();
        using var a = new NodeFactory(database.ConnectionString, "node-a");
        _ = a.Services;
        using var b = new NodeFactory(database.ConnectionString, "node-b");
        _ = b.Services;
        await using var hook = new WebhookReceiver();
        await using (var db = BaiqiangStore.Open(a.Services.GetRequiredService<StoreOptions>()))
        {
            Assert.True((await Storage.Settings.StoreSettings.SetAsync(db, Storage.Settings.StoreSettings.WebhookKey, hook.Url, "test", Ct)).Success);
        }

        using var adminA = await a.TokenClientAsync("admin");
        using var adminB = await b.TokenClientAsync("admin");
        var runs = await Task.WhenAll(
            adminA.PostAsync(new Uri("/api/reminders/run?today=2022-08-10", UriKind.Relative), null, Ct),
            adminB.PostAsync(new Uri("/api/reminders/run?today=2022-08-10", UriKind.Relative), null, Ct));
        var created = new List<int>();
        foreach (var run in runs)
        {
            using (run)
            {
                Assert.Equal(HttpStatusCode.OK, run.StatusCode);
                created.Add(JsonDocument.Parse(await run.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("created").GetInt32());
            }
        }

        Assert.Contains(0, created);
        Assert.True(created.Sum() > 0);
        var titles = hook.Titles;
        Assert.NotEmpty(titles);
        Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(titles.Count, await database.ScalarAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE channel = {(int)Storage.Notifications.DeliveryChannel.Webhook} AND status = {(int)Storage.Notifications.DeliveryStatus.Sent}"));
    }

    [Fact]
    public async Task ScheduledTick_AnotherNodeHoldsTheReminderLock_SkipsThenRunsOnceFree()
    {
        await using var database = PgDatabase.Require();
        using var a = new NodeFactory(database.ConnectionString, "node-a");
        var service = a.Services.GetServices<IHostedService>().OfType<ReminderService>().Single();
        var options = a.Services.GetRequiredService<StoreOptions>();
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = StoreLocks.RunExclusiveAsync(options, StoreLocks.ReminderKey, async () =>
        {
            held.SetResult();
            await release.Task;
            return true;
        }, Ct);
        await held.Task;

        var whileHeld = await service.RunOnceAsync(Ct);
        var lastRunWhileHeld = await database.ScalarAsync("SELECT COUNT(*) FROM settings WHERE key = 'reminders.last-run'");
        release.SetResult();
        await holder;
        var afterwards = await service.RunOnceAsync(Ct);

        Assert.False(whileHeld);
        Assert.Equal(0, lastRunWhileHeld);
        Assert.True(afterwards);
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM settings WHERE key = 'reminders.last-run'"));
    }

    private static long BaiqiangStoreMigrations() =>
        typeof(BaiqiangStore).Assembly.GetTypes().Count(t => t.Namespace == "Baiqiang.Storage.Migrations.Postgres"
            && t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)));

    /// <summary>Signs in with node A's form posted to node B (antiforgery across nodes), then uses B's cookie on A.</summary>
    private static async Task AssertNodesShareSignInAsync(WebFactory a, WebFactory b)
    {
        using var clientA = a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var clientB = b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = await CrossNodeSignIn.SignInAsync(clientA, clientB, "admin", WebFactory.AdminPassword, Ct);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/notifications", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var onA = await clientA.SendAsync(request, Ct);
        using var anonymous = await clientA.GetAsync(new Uri("/api/notifications", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal("node-a", Assert.Single(onA.Headers.GetValues(ClusterSetup.NodeHeader)));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
