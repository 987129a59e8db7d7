using System.Net;
using System.Net.Http.Json;
using System.Text;
using Baiqiang.Storage;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>What each role may do through the API: reads for all, writes within scope, administration for admins.</summary>
public sealed class RoleAccessTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private const string TongzhouCsv = "地区,指标,期别,数值,单位,同比增长\n320612,地区生产总值,2024年,1900.5,亿元,6.1\n";
    private const string JiangyangCsv = "地区,指标,期别,数值,单位,同比增长\n510502,地区生产总值,2024年,1500.2,亿元,5.5\n";

    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-editor", "editor", 510502);
        await factory.EnsureUserAsync("analyst1", "analyst");
        await factory.EnsureUserAsync("reviewer1", "reviewer", 510502);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string> ReadPaths =>
    [
        "/api/hello", "/api/regions", "/api/indicators", "/api/dashboard/320612", "/api/observations/series?region=320612&indicator=gdp",
        "/api/observations/compare?indicator=gdp&regions=510502,320612", "/api/observations/export?indicator=gdp&regions=320612", "/api/tokens",
        "/api/pipeline/funnel?period=2023", "/api/pipeline/deals", "/api/pipeline/deals/AY2023-01", "/api/pipeline/deals/export", "/api/pipeline/scoreboard?year=2023",
        "/api/pipeline/targets", "/api/services/enterprises", "/api/services/requests", "/api/services/statistics?period=2023", "/api/services/export/requests",
        "/api/documents", "/api/briefings?region=320612&period=2023-01..06&format=html",
        "/api/projects", "/api/projects/ledger?period=2022-01..06&by=region", "/api/projects/ledger/export?by=leader", "/api/projects/map?period=2022-01..06", "/api/projects/JY-S01",
        "/api/projects/JY-S01/reports/2022-06", "/api/projects/reports?region=510502&month=2022-06", "/api/projects/warnings",
        "/api/projects/form?region=510502&month=2022-06",
        "/api/targets", "/api/targets?region=512000402", "/api/targets/tongzhou-new-major-starts-2023",
    ];

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public async Task ReadEndpoints_EveryRole_Succeed(string path)
    {
        foreach (var user in new[] { "admin", "analyst1", "jy-editor", "reviewer1" })
        {
            using var client = await factory.TokenClientAsync(user);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} GET {path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("analyst1")]
    [InlineData("jy-editor")]
    [InlineData("reviewer1")]
    public async Task AdminEndpoints_NonAdmin_AreForbidden(string user)
    {
        using var client = await factory.TokenClientAsync(user);
        var ct = TestContext.Current.CancellationToken;
        using var list = await client.GetAsync(new Uri("/api/admin/users", UriKind.Relative), ct);
        using var audit = await client.GetAsync(new Uri("/api/admin/audit", UriKind.Relative), ct);
        using var create = await client.PostAsJsonAsync("/api/admin/users", new { userName = "x1", displayName = "x", password = "Xx-123456789", roles = new[] { "admin" } }, ct);
        using var update = await client.PutAsJsonAsync("/api/admin/users/abc", new { roles = new[] { "admin" } }, ct);
        Assert.All([list, audit, create, update], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [Fact]
    public async Task ImportApi_EditorOfJiangyang_CannotChangeTongzhou()
    {
        using var client = await factory.TokenClientAsync("jy-editor");
        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(TongzhouCsv, "tz.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync(320612, 2024));
    }

    [Fact]
    public async Task ImportApi_EditorOfJiangyang_MixedFile_StoresNothing()
    {
        using var client = await factory.TokenClientAsync("jy-editor");
        var mixed = JiangyangCsv + "320612,地区生产总值,2024年,1900.5,亿元,6.1\n";
        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(mixed, "mixed.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync(320612, 2024));
    }

    [Fact]
    public async Task ImportValidateApi_EditorOfJiangyang_ReportsTongzhouAsNotAllowed()
    {
        using var client = await factory.TokenClientAsync("jy-editor");
        using var response = await client.PostAsync(new Uri("/api/imports/validate", UriKind.Relative), Upload(TongzhouCsv, "tz.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("无权修改 320612", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportApi_EditorOfJiangyang_StoresJiangyangAndAuditsTheEditor()
    {
        using var client = await factory.TokenClientAsync("jy-editor");
        var csv = "地区,指标,期别,数值,单位,同比增长\n510502,地区生产总值,2019年,1000.5,亿元,5.5\n";
        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(csv, "jy.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountAsync(510502, 2019));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.User == "jy-editor" && a.Entity == "observation", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SeriesApi_AfterAnImport_ShowsTheNewValueAtOnce()
    {
        using var client = await factory.TokenClientAsync("jy-editor");
        var ct = TestContext.Current.CancellationToken;
        var before = await client.GetStringAsync(new Uri("/api/observations/series?region=510502&indicator=retail_sales", UriKind.Relative), ct);
        Assert.DoesNotContain("2017", before, StringComparison.Ordinal);
        var csv = "地区,指标,期别,数值,单位,同比增长\n510502,社会消费品零售总额,2017年,300.25,亿元,7.1\n";
        using var import = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(csv, "retail.csv"), ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var after = await client.GetStringAsync(new Uri("/api/observations/series?region=510502&indicator=retail_sales", UriKind.Relative), ct);
        Assert.Contains("300.25", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyst1")]
    [InlineData("reviewer1")]
    public async Task ImportApi_ReadOnlyRoles_AreForbidden(string user)
    {
        using var client = await factory.TokenClientAsync(user);
        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(JiangyangCsv, "jy.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ImportApi_WrongFileType_IsRefusedBeforeParsing()
    {
        using var client = await factory.TokenClientAsync("admin");
        using var response = await client.PostAsync(new Uri("/api/imports/validate", UriKind.Relative), Upload("MZ\0\0binary", "tool.exe"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不支持的文件类型", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportApi_OversizedFile_IsRefusedBeforeParsing()
    {
        using var client = await factory.TokenClientAsync("admin");
        var big = new ByteArrayContent(new byte[Imports.ImportLimits.MaxUploadBytes + 1]);
        big.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent { { big, "file", "big.csv" } };
        using var response = await client.PostAsync(new Uri("/api/imports/validate", UriKind.Relative), form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("文件过大", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportApi_CookieWithoutAntiforgeryToken_IsRefused()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(JiangyangCsv, "jy.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(510502, 2024));
    }

    [Fact]
    public async Task AdminApi_UpdateScope_ChangesWhatTheEditorMayImport()
    {
        await factory.EnsureUserAsync("tz-later", "editor", 510502);
        using var admin = await factory.TokenClientAsync("admin");
        var ct = TestContext.Current.CancellationToken;
        var users = await admin.GetFromJsonAsync<List<UserItem>>("/api/admin/users", ct);
        var id = users!.Single(u => u.UserName == "tz-later").Id;
        using var put = await admin.PutAsJsonAsync($"/api/admin/users/{id}", new UpdateUserRequest(["editor"], ["320612"], [], false), ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var editor = await factory.TokenClientAsync("tz-later");
        using var jy = await editor.PostAsync(new Uri("/api/imports", UriKind.Relative), Upload(JiangyangCsv.Replace("2024", "2018", StringComparison.Ordinal), "jy.csv"), ct);
        Assert.Equal(HttpStatusCode.Forbidden, jy.StatusCode);
        var audit = await admin.GetStringAsync(new Uri("/api/admin/audit?entity=web_user", UriKind.Relative), ct);
        Assert.Contains("regions=320612", audit, StringComparison.Ordinal);
    }

    internal static MultipartFormDataContent Upload(string text, string name)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private async Task<int> CountAsync(int region, int year)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var code = new Core.Regions.RegionCode(region);
        return await db.Observations.CountAsync(o => o.RegionCode == code && o.PeriodYear == year, TestContext.Current.CancellationToken);
    }
}

/// <summary>Personal API tokens: created once, stored hashed, revocable.</summary>
public sealed class TokenTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Token_CreatedThroughApi_WorksUntilRevoked()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await factory.TokenClientAsync("admin");
        using var create = await admin.PostAsJsonAsync("/api/tokens", new Auth.CreateTokenRequest("script"), ct);
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        var created = await create.Content.ReadFromJsonAsync<Auth.CreatedToken>(ct);
        Assert.StartsWith("bq_", created!.Token, StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<WebIdentityDbContext>();
            var row = await identity.ApiTokens.SingleAsync(t => t.Id == created.Id, ct);
            Assert.NotEqual(created.Token, row.Hash);
            Assert.Equal(Passwords.Hash(created.Token), row.Hash);
        }

        using var script = factory.CreateClient();
        script.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", created.Token);
        using var before = await script.GetAsync(new Uri("/api/hello", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using var revoke = await admin.DeleteAsync(new Uri($"/api/tokens/{created.Id}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using var after = await script.GetAsync(new Uri("/api/hello", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Token_FirstUse_AnsweredWhileAnotherWriterHoldsTheStore_AndStampedAfter()
    {
        // A token's first call used to write its last-used time inside the request, so it waited for any other writer (the
        // reminder sweep over every project, an import). The call is now answered at once and the stamp follows.
        var ct = TestContext.Current.CancellationToken;
        using var script = await factory.TokenClientAsync("admin");
        var hash = Passwords.Hash(script.DefaultRequestHeaders.Authorization!.Parameter!);
        await using (var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={factory.DbPath};Pooling=False"))
        {
            await writer.OpenAsync(ct);
            await using (var begin = writer.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync(ct);
            }

            using var response = await script.GetAsync(new Uri("/api/hello", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var rollback = writer.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(ct);
        }

        DateTimeOffset? stamped = null;
        for (var i = 0; i < 300 && stamped is null; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            stamped = await scope.ServiceProvider.GetRequiredService<WebIdentityDbContext>().ApiTokens.AsNoTracking()
                .Where(t => t.Hash == hash).Select(t => t.LastUsedAt).SingleAsync(ct);
            if (stamped is null)
            {
                await Task.Delay(100, ct);
            }
        }

        Assert.NotNull(stamped);
    }

    [Fact]
    public async Task Token_Unknown_IsUnauthorized()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "bq_not-a-real-token");
        using var response = await client.GetAsync(new Uri("/api/regions", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
