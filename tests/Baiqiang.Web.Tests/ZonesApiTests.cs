using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>
/// <c>/api/zones</c> over a real store, once per provider: an analyst adds a zone under 江阳区 (next nine-digit code), renames
/// it and retires it naming a successor, each audited; everyone reads; a county editor gets 403; bad input is 400 in both
/// languages; an unknown zone is 404.
/// </summary>
public abstract class ZonesApiTestsBase<TFactory>(TFactory factory) : ProviderWebTests<TFactory>(factory)
    where TFactory : WebFactory
{
    [Fact]
    public async Task Writes_Analyst_AddRenameRetire_NumberedAuditedAndListed()
    {
        await StartAsync("zone-analyst", "zone-editor");
        using var analyst = await Factory.TokenClientAsync("zone-analyst");
        using var editor = await Factory.TokenClientAsync("zone-editor");

        using var add = await analyst.PostAsJsonAsync("/api/zones", new { parent = "江阳区", name = "江阳测试园区", kind = "开发区" }, Ct);
        var created = await add.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var code = created.GetProperty("code").GetString()!;
        using var second = await analyst.PostAsJsonAsync("/api/zones", new { parent = "510502", name = "江阳第二园区" }, Ct);
        var secondCode = (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString()!;
        using var rename = await analyst.PutAsJsonAsync("/api/zones/" + code, new { name = "江阳高新园区" }, Ct);
        using var retire = await analyst.PostAsJsonAsync("/api/zones/" + code + "/retire", new { on = "2024-01-01", successor = secondCode }, Ct);
        var list = await editor.GetFromJsonAsync<JsonElement>("/api/zones?parent=510502", Ct);

        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        Assert.StartsWith("510502", code, StringComparison.Ordinal);
        Assert.Equal(9, code.Length);
        Assert.Equal(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(secondCode, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("开发区", "development zone", "510502", "江阳区"), (created.GetProperty("kind").GetString(), created.GetProperty("kindEn").GetString(),
            created.GetProperty("parent").GetString(), created.GetProperty("parentName").GetString()));
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        var row = list.EnumerateArray().Single(z => z.GetProperty("code").GetString() == code);
        Assert.Equal(("江阳高新园区", "2024-01-01", secondCode), (row.GetProperty("name").GetString(), row.GetProperty("retired").GetString(), row.GetProperty("successor").GetString()));
        Assert.Contains(list.EnumerateArray(), z => z.GetProperty("code").GetString() == secondCode && z.GetProperty("kind").GetString() == "园区");

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "region" && a.Key == code).ToListAsync(Ct);
        Assert.All(audit, a => Assert.Equal("zone-analyst", a.User));
        Assert.Contains(audit, a => a.OldValue == "江阳测试园区" && a.NewValue == "江阳高新园区");
        Assert.Contains(audit, a => a.NewValue == secondCode);
    }

    [Fact]
    public async Task Writes_CountyEditor_Are403_BadInputIs400_UnknownIs404()
    {
        await StartAsync("zone-analyst", "zone-editor");
        using var editor = await Factory.TokenClientAsync("zone-editor");
        using var analyst = await Factory.TokenClientAsync("zone-analyst");

        using var byEditor = await editor.PostAsJsonAsync("/api/zones", new { parent = "510502", name = "填报员园区" }, Ct);
        using var badKind = await analyst.PostAsJsonAsync("/api/zones", new { parent = "510502", name = "某园区", kind = "工业区" }, Ct);
        using var badParent = await analyst.PostAsJsonAsync("/api/zones", new { parent = "不存在县", name = "某园区" }, Ct);
        using var unknown = await analyst.PutAsJsonAsync("/api/zones/510502999", new { name = "无" }, Ct);
        var list = await editor.GetFromJsonAsync<JsonElement>("/api/zones", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.DoesNotContain(list.EnumerateArray(), z => z.GetProperty("name").GetString() == "填报员园区");
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("园区类型“工业区”无效，应为 开发区、园区、功能区 或 新区 / zone kind '工业区' is not one of", await badKind.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badParent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class ZonesApiTests(WebFactory factory) : ZonesApiTestsBase<WebFactory>(factory), IClassFixture<WebFactory>
{
    protected override bool Available => true;
}

/// <summary>The suite on PostgreSQL (BAIQIANG_TEST_PG).</summary>
public sealed class PostgresZonesApiTests(PostgresWebFactory factory) : ZonesApiTestsBase<PostgresWebFactory>(factory), IClassFixture<PostgresWebFactory>
{
    protected override bool Available => Factory.Available;
}
