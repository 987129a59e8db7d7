using System.Net;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>
/// Region boxes on the forms that post (deals, enterprises, new projects, plan approval, users, the monthly form) and the
/// Targets page's region lookup: a typed unique name (江阳区, 江阳, 泸县) is stored as its code; a shared one (通州: 南通 and
/// 北京) is refused beside the box in the user's language, naming the candidates, keeping the typed text, saving nothing.
/// </summary>
public sealed class RegionFormInputsTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri U(string path) => new(path, UriKind.Relative);

    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("rf-jy", "editor", 510502);
        await InputsTests.AddSharedNamesAsync(factory);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<T> QueryAsync<T>(Func<BaiqiangDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BaiqiangDbContext>());
    }

    private static void AssertRefusedShared(string html, string field, string typed)
    {
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains($"id=\"region-input-{field.Replace('.', '-')}-error\"", decoded, StringComparison.Ordinal);
        Assert.Contains($"地区名称“{typed}”不唯一", decoded, StringComparison.Ordinal);
        Assert.Contains("data-code=\"320612\"", decoded, StringComparison.Ordinal);
        Assert.Contains("北京市通州区（110112）", decoded, StringComparison.Ordinal);
        Assert.Contains($"name=\"{field}\" value=\"{typed}\"", decoded, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Deal(string code, string region, string token) => new()
    {
        ["Input.Code"] = code, ["Input.Name"] = "名称地区测试项目", ["Input.Region"] = region, ["Input.InvestorName"] = "某投资方",
        ["Input.InvestorType"] = "Private", ["Input.LeadOn"] = "2024-06-01", ["Input.PlannedInvestment"] = "8000",
        ["__RequestVerificationToken"] = token,
    };

    [Fact]
    public async Task DealForm_TypedUniqueName_StoredAsCode_SharedNameRefused()
    {
        using var client = await factory.SignedInClientAsync("rf-jy", WebFactory.UserPassword);
        var token = WebFactory.Antiforgery(await client.GetStringAsync(U("/Pipeline/Deals"), Ct));

        using var named = await client.PostAsync(U("/Pipeline/Deals?handler=Create"), new FormUrlEncodedContent(Deal("RF-D1", "江阳", token)), Ct);
        using var shared = await client.PostAsync(U("/Pipeline/Deals?handler=Create"), new FormUrlEncodedContent(Deal("RF-D2", "通州", token)), Ct);
        using var english = await client.PostAsync(U("/Pipeline/Deals?handler=Create&lang=en"), new FormUrlEncodedContent(Deal("RF-D3", "通州", token)), Ct);

        Assert.Contains("id=\"created\"", await named.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(new RegionCode(510502), await QueryAsync(db => db.Deals.Where(d => d.Code == "RF-D1").Select(d => d.RegionCode).SingleAsync(Ct)));
        AssertRefusedShared(await shared.Content.ReadAsStringAsync(Ct), "Input.Region", "通州");
        Assert.Contains("region name '通州' is ambiguous", WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.Deals.AnyAsync(d => d.Code == "RF-D2" || d.Code == "RF-D3", Ct)));
    }

    [Fact]
    public async Task EnterpriseForm_TypedUniqueName_StoredAsCode_SharedNameRefused()
    {
        using var client = await factory.SignedInClientAsync("rf-jy", WebFactory.UserPassword);
        var token = WebFactory.Antiforgery(await client.GetStringAsync(U("/Services/EnterpriseForm"), Ct));
        Dictionary<string, string> Form(string credit, string name, string region) => new()
        {
            ["Input.CreditCode"] = credit, ["Input.Name"] = name, ["Input.Region"] = region, ["__RequestVerificationToken"] = token,
        };

        using var shared = await client.PostAsync(U("/Services/EnterpriseForm"), new FormUrlEncodedContent(Form(DeskEntryTests.Code(9031, "510502"), "地区重名企业", "通州")), Ct);
        var good = DeskEntryTests.Code(9032, "510502");
        using var named = await client.PostAsync(U("/Services/EnterpriseForm"), new FormUrlEncodedContent(Form(good, "地区名称企业", "泸州市江阳区")), Ct);

        AssertRefusedShared(await shared.Content.ReadAsStringAsync(Ct), "Input.Region", "通州");
        Assert.False(await QueryAsync(db => db.Enterprises.AnyAsync(e => e.Name == "地区重名企业", Ct)));
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal(new RegionCode(510502), await QueryAsync(db => db.Enterprises.Where(e => e.CreditCode == good).Select(e => e.RegionCode).SingleAsync(Ct)));
    }

    [Fact]
    public async Task NewProjectForm_TypedUniqueName_StoredAsCode_SharedNameRefused()
    {
        using var client = await factory.SignedInClientAsync("rf-jy", WebFactory.UserPassword);
        async Task<Dictionary<string, string>> FormAsync(string code, string region)
        {
            var fields = HtmlForm.Fields(await client.GetStringAsync(U("/Projects/Edit"), Ct), "project-form");
            fields["Input.Code"] = code;
            fields["Input.Name"] = "名称地区测试项目" + code;
            fields["Input.Region"] = region;
            return fields;
        }

        using var shared = await client.PostAsync(U("/Projects/Edit"), new FormUrlEncodedContent(await FormAsync("RF-P2", "通州")), Ct);
        using var named = await client.PostAsync(U("/Projects/Edit"), new FormUrlEncodedContent(await FormAsync("RF-P1", "江阳区")), Ct);

        AssertRefusedShared(await shared.Content.ReadAsStringAsync(Ct), "Input.Region", "通州");
        Assert.False(await QueryAsync(db => db.Projects.AnyAsync(p => p.Code == "RF-P2", Ct)));
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal(new RegionCode(510502), await QueryAsync(db => db.Projects.Where(p => p.Code == "RF-P1").Select(p => p.RegionCode).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ApprovePlanForm_TypedUniqueName_ApprovesThatRegion_SharedNameRefused()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var token = WebFactory.Antiforgery(await client.GetStringAsync(U("/Projects/ApprovePlan"), Ct));
        Dictionary<string, string> Form(string region) => new() { ["Year"] = "2031", ["Region"] = region, ["__RequestVerificationToken"] = token };

        using var shared = await client.PostAsync(U("/Projects/ApprovePlan"), new FormUrlEncodedContent(Form("通州")), Ct);
        AssertRefusedShared(await shared.Content.ReadAsStringAsync(Ct), "Region", "通州");
        Assert.False(await QueryAsync(db => db.Set<PlanApprovalEntity>().AnyAsync(a => a.Year == 2031, Ct)));

        using var named = await client.PostAsync(U("/Projects/ApprovePlan"), new FormUrlEncodedContent(Form("泸县")), Ct);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal([new RegionCode(510521)], await QueryAsync(db => db.Set<PlanApprovalEntity>().Where(a => a.Year == 2031).Select(a => a.RegionCode).ToListAsync(Ct)));
    }

    [Fact]
    public async Task UsersForm_TypedNames_StoredAsCodes_SharedNameRefused()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var token = WebFactory.Antiforgery(await client.GetStringAsync(U("/Admin/Users"), Ct));
        Dictionary<string, string> Form(string user, string regions) => new()
        {
            ["UserName"] = user, ["DisplayName"] = "名称地区", ["Password"] = "Aa1-region-names", ["Roles"] = "editor", ["Regions"] = regions,
            ["__RequestVerificationToken"] = token,
        };

        using var shared = await client.PostAsync(U("/Admin/Users?handler=Create"), new FormUrlEncodedContent(Form("rf-shared", "江阳区,通州")), Ct);
        using var named = await client.PostAsync(U("/Admin/Users?handler=Create"), new FormUrlEncodedContent(Form("rf-named", "江阳区，泸县")), Ct);

        var sharedHtml = await shared.Content.ReadAsStringAsync(Ct);
        Assert.Contains("地区名称“通州”不唯一", WebUtility.HtmlDecode(sharedHtml), StringComparison.Ordinal);
        Assert.Contains("name=\"Regions\" value=\"江阳区,通州\"", WebUtility.HtmlDecode(sharedHtml), StringComparison.Ordinal);
        Assert.DoesNotContain("<td>rf-shared <span", sharedHtml, StringComparison.Ordinal);
        var namedHtml = WebUtility.HtmlDecode(await named.Content.ReadAsStringAsync(Ct));
        Assert.Contains("已创建用户 rf-named", namedHtml, StringComparison.Ordinal);
        Assert.Contains("<td>rf-named <span", namedHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"Regions\" value=\"510502,510521\"", namedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthlyForm_SaveWithRegionName_SavesForThatRegion()
    {
        using var client = await factory.SignedInClientAsync("rf-jy", WebFactory.UserPassword);
        var open = await client.GetAsync(U("/Projects/Form?region=江阳区&month=2022-08"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Contains("region=510502", Uri.UnescapeDataString(open.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var token = WebFactory.Antiforgery(await client.GetStringAsync(U("/Projects/Form?region=510502&month=2022-08"), Ct));

        using var saved = await client.PostAsync(U("/Projects/Form?handler=Save&region=" + Uri.EscapeDataString("江阳") + "&month=2022-08"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Lines[0].Code"] = "JY-S01", ["Lines[0].ThisMonth"] = "1000", ["__RequestVerificationToken"] = token,
        }), Ct);

        var html = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain("id=\"errors\"", html, StringComparison.Ordinal);
        Assert.Contains("江阳区（510502）", html, StringComparison.Ordinal);
        Assert.True(await QueryAsync(db => db.MonthlyReports.AnyAsync(r => r.ProjectCode == "JY-S01" && r.Year == 2022 && r.Month == 8, Ct)));
    }

    [Fact]
    public async Task TargetsPage_RegionName_LooksUpTheRegion_SharedNameListsCandidates()
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);

        using var named = await client.GetAsync(U("/Targets?region=" + Uri.EscapeDataString("江阳")), Ct);
        var shared = WebUtility.HtmlDecode(await client.GetStringAsync(U("/Targets?region=" + Uri.EscapeDataString("通州")), Ct));

        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.Equal("/Targets?region=510502", named.Headers.Location!.OriginalString);
        Assert.Contains("<h1>目标管理 · 江阳区</h1>", WebUtility.HtmlDecode(await client.GetStringAsync(U("/Targets?region=510502"), Ct)), StringComparison.Ordinal);
        Assert.Contains("地区名称“通州”不唯一", shared, StringComparison.Ordinal);
        Assert.Contains("href=\"/Targets?region=320612\"", shared, StringComparison.Ordinal);
        Assert.Contains("value=\"通州\"", shared, StringComparison.Ordinal);
    }
}
