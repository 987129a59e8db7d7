using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Storage;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>
/// <c>/api/indicators</c> over a real store, once per provider: everyone reads and searches (traditional characters too);
/// an analyst adds, changes and retires an indicator through the store's code, each change audited; a county editor gets
/// 403 and changes nothing; bad fields are 400 in both languages, a taken code 409, an unknown one 404.
/// </summary>
public abstract class IndicatorsApiTestsBase<TFactory>(TFactory factory) : ProviderWebTests<TFactory>(factory)
    where TFactory : WebFactory
{
    [Fact]
    public async Task List_SearchAndFilters_FindByTraditionalNameAliasAndCategory()
    {
        await StartAsync("ind-analyst", "ind-editor");
        using var editor = await Factory.TokenClientAsync("ind-editor");

        var all = await editor.GetFromJsonAsync<JsonElement>("/api/indicators", Ct);
        var traditional = await editor.GetFromJsonAsync<JsonElement>("/api/indicators?q=" + Uri.EscapeDataString("地區生產總值"), Ct);
        var alias = await editor.GetFromJsonAsync<JsonElement>("/api/indicators?q=GDP", Ct);
        var finance = await editor.GetFromJsonAsync<JsonElement>("/api/indicators?category=" + Uri.EscapeDataString("财政") + "&kind=flow", Ct);
        var retired = await editor.GetFromJsonAsync<JsonElement>("/api/indicators?status=retired&q=gdp", Ct);

        Assert.True(all.GetArrayLength() >= 250, $"{all.GetArrayLength()} indicators");
        var gdp = traditional.EnumerateArray().First();
        Assert.Equal(("gdp", "地区生产总值", "亿元", "flow", "cumulative", "up", true), (gdp.GetProperty("code").GetString(), gdp.GetProperty("nameZh").GetString(),
            gdp.GetProperty("unit").GetString(), gdp.GetProperty("kind").GetString(), gdp.GetProperty("accumulation").GetString(),
            gdp.GetProperty("direction").GetString(), gdp.GetProperty("comparableGrowth").GetBoolean()));
        Assert.Contains(alias.EnumerateArray(), i => i.GetProperty("code").GetString() == "gdp");
        Assert.NotEmpty(finance.EnumerateArray());
        Assert.All(finance.EnumerateArray(), i => Assert.Equal(("财政", "flow"), (i.GetProperty("category").GetString(), i.GetProperty("kind").GetString())));
        Assert.Contains(finance.EnumerateArray(), i => i.GetProperty("code").GetString() == "budget_revenue");
        Assert.Equal(0, retired.GetArrayLength());
    }

    [Fact]
    public async Task Get_ByCodeOrTraditionalName_HasParentAndChildren_UnknownIs404()
    {
        await StartAsync("ind-analyst", "ind-editor");
        using var client = await Factory.TokenClientAsync("ind-editor");

        var gdp = await client.GetFromJsonAsync<JsonElement>("/api/indicators/" + Uri.EscapeDataString("地區生產總值"), Ct);
        using var missing = await client.GetAsync(new Uri("/api/indicators/no_such_indicator", UriKind.Relative), Ct);

        Assert.Equal("gdp", gdp.GetProperty("indicator").GetProperty("code").GetString());
        var children = gdp.GetProperty("children").EnumerateArray().ToList();
        Assert.NotEmpty(children);
        Assert.All(children, c => Assert.Equal(("gdp", "地区生产总值"), (c.GetProperty("parent").GetString(), c.GetProperty("parentNameZh").GetString())));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Writes_Analyst_AddUpdateRetire_AreStoredAndAudited()
    {
        await StartAsync("ind-analyst", "ind-editor");
        using var analyst = await Factory.TokenClientAsync("ind-analyst");

        using var add = await analyst.PostAsJsonAsync("/api/indicators", new
        {
            code = "api_new_energy_output", nameZh = "新能源产业产值", nameEn = "new energy industry output", unit = "亿元", kind = "flow",
            accumulation = "cumulative", direction = "up", category = "工业", parent = "industrial_output_total", comparableGrowth = false,
            aliases = new[] { "新能源产值" }, description = "测试用指标。",
        }, Ct);
        using var update = await analyst.PutAsJsonAsync("/api/indicators/api_new_energy_output", new { nameZh = "新能源产业总产值", unit = "万元" }, Ct);
        using var retire = await analyst.PostAsJsonAsync("/api/indicators/api_new_energy_output/retire", new { on = "2026-01-01" }, Ct);
        var byTraditional = await analyst.GetFromJsonAsync<JsonElement>("/api/indicators/" + Uri.EscapeDataString("新能源產業總產值"), Ct);

        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        Assert.Equal("/api/indicators/api_new_energy_output", add.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        var i = byTraditional.GetProperty("indicator");
        Assert.Equal(("新能源产业总产值", "万元", "industrial_output_total", "2026-01-01", "工业"), (i.GetProperty("nameZh").GetString(), i.GetProperty("unit").GetString(),
            i.GetProperty("parent").GetString(), i.GetProperty("retired").GetString(), i.GetProperty("category").GetString()));
        Assert.Contains("新能源产值", i.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "indicator" && a.Key == "api_new_energy_output").ToListAsync(Ct);
        Assert.All(audit, a => Assert.Equal("ind-analyst", a.User));
        Assert.Contains(audit, a => a.OldValue == "新能源产业产值" && a.NewValue == "新能源产业总产值");
        Assert.Contains(audit, a => a.OldValue is null && a.NewValue == "2026-01-01");
        Assert.Contains(audit, a => a.Field is null && a.OldValue is null);
    }

    [Fact]
    public async Task Writes_CountyEditor_Are403AndChangeNothing()
    {
        await StartAsync("ind-analyst", "ind-editor");
        using var editor = await Factory.TokenClientAsync("ind-editor");

        using var add = await editor.PostAsJsonAsync("/api/indicators", new { code = "editor_made", nameZh = "填报员指标", unit = "亿元" }, Ct);
        using var update = await editor.PutAsJsonAsync("/api/indicators/gdp", new { nameZh = "填报员改名" }, Ct);
        using var retire = await editor.PostAsJsonAsync("/api/indicators/gdp/retire", new { on = "2024-01-01" }, Ct);
        using var made = await editor.GetAsync(new Uri("/api/indicators/editor_made", UriKind.Relative), Ct);
        var gdp = await editor.GetFromJsonAsync<JsonElement>("/api/indicators/gdp", Ct);

        Assert.All([add, update, retire], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, made.StatusCode);
        Assert.Equal("地区生产总值", gdp.GetProperty("indicator").GetProperty("nameZh").GetString());
        Assert.Equal(JsonValueKind.Null, gdp.GetProperty("indicator").GetProperty("retired").ValueKind);
    }

    [Fact]
    public async Task Writes_BadInput_Are400InBothLanguages_TakenCodeIs409_UnknownIs404()
    {
        await StartAsync("ind-analyst", "ind-editor");
        using var analyst = await Factory.TokenClientAsync("ind-analyst");

        using var bad = await analyst.PostAsJsonAsync("/api/indicators", new { code = "Bad Code", nameZh = " ", unit = "斤两", kind = "wave", parent = "nowhere" }, Ct);
        using var taken = await analyst.PostAsJsonAsync("/api/indicators", new { code = "gdp", nameZh = "另一个生产总值", unit = "亿元" }, Ct);
        using var nameTaken = await analyst.PostAsJsonAsync("/api/indicators", new { code = "gdp_copy", nameZh = "地區生產總值", unit = "亿元" }, Ct);
        using var unknown = await analyst.PutAsJsonAsync("/api/indicators/no_such_indicator", new { nameZh = "无" }, Ct);
        using var badDay = await analyst.PostAsJsonAsync("/api/indicators/gdp/retire", new { on = "2024年1月" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains(" / indicator code 'Bad Code' is invalid", errors.GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("未知计量单位“斤两” / unknown unit '斤两'", errors.GetProperty("unit")[0].GetString());
        Assert.Contains("kind 'wave' is invalid", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("类型“wave”无效", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("indicator code 'gdp' already exists", await taken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nameTaken.StatusCode);
        Assert.Contains("已属于指标“地区生产总值”(gdp)", await nameTaken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
    }
}

/// <summary>The suite on the embedded SQLite store.</summary>
public sealed class IndicatorsApiTests(WebFactory factory) : IndicatorsApiTestsBase<WebFactory>(factory), IClassFixture<WebFactory>
{
    protected override bool Available => true;
}

/// <summary>The suite on PostgreSQL (BAIQIANG_TEST_PG).</summary>
public sealed class PostgresIndicatorsApiTests(PostgresWebFactory factory) : IndicatorsApiTestsBase<PostgresWebFactory>(factory), IClassFixture<PostgresWebFactory>
{
    protected override bool Available => Factory.Available;
}
