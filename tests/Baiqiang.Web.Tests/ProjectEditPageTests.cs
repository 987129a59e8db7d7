using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>
/// The 新建/编辑项目 page (<c>/Projects/Edit[/{code}]</c>) over HTTP: a project created there is in the API and the ledger,
/// an edit is audited old → new on the project page, the API's validation shows in the user's language with the typed
/// values kept, and region scope and read-only roles are refused on GET and on forged POSTs.
/// </summary>
public sealed class ProjectEditPageTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-edit", "editor", 510502);
        await factory.EnsureUserAsync("edit-analyst", "analyst");
        await factory.EnsureUserAsync("jy-edit-reviewer", "reviewer", 510502);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri U(string path) => new(path, UriKind.Relative);

    /// <summary>The new-project form as a browser posts it after the user filled it, with <paramref name="changes"/> applied.</summary>
    private static async Task<Dictionary<string, string>> NewFormAsync(HttpClient client, string lang, Dictionary<string, string> changes)
    {
        var page = await client.GetStringAsync(U("/Projects/Edit?lang=" + lang), Ct);
        var fields = HtmlForm.Fields(page, "project-form");
        var filled = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Code"] = "JY-N01", ["Input.Name"] = "城南智能装备产业园", ["Input.Category"] = "Industry", ["Input.Kind"] = "NewStart",
            ["Input.IndustryChain"] = "装备制造", ["Input.OwnerEnterprise"] = "泸州城南投资有限公司", ["Input.ConstructionContent"] = "新建厂房12万平方米",
            ["Input.TotalInvestment"] = "12.5", ["Input.TotalInvestmentUnit"] = "亿元",
            ["Input.Plans[0].Year"] = "2022", ["Input.Plans[0].Amount"] = "3", ["Input.PlanUnit"] = "亿元",
            ["Input.PlannedStart"] = "2022-03-01", ["Input.PlannedFinish"] = "2024-12-31",
            ["Input.Tags"] = "省重点、市重点", ["Input.Leader"] = "赵副区长", ["Input.LeadDepartment"] = "区经信局", ["Input.WorkGroup"] = "区经信局、区自然资源和规划局",
            ["Input.Milestones[0].Name"] = "主体封顶", ["Input.Milestones[0].Deadline"] = "2023-06-30",
            ["Input.Agreements[0].SignedOn"] = "2022-05-10", ["Input.Agreements[0].NewCompletionDate"] = "2025-06-30", ["Input.Agreements[0].TaxCommitment"] = "800", ["Input.TaxUnit"] = "万元",
            ["Input.Status"] = "Signed", ["Input.StatusSince"] = "2022-02-15",
        };
        foreach (var (k, v) in filled.Concat(changes))
        {
            fields[k] = v;
        }

        return fields;
    }

    [Fact]
    public async Task Create_Editor_ProjectIsInTheApiTheLedgerAndItsPage()
    {
        using var client = await factory.SignedInClientAsync("jy-edit", WebFactory.UserPassword);
        var ledger = await client.GetStringAsync(U("/Projects"), Ct);
        Assert.Contains("<a href=\"/Projects/Edit\" id=\"new-project\"", ledger, StringComparison.Ordinal);
        var blank = HtmlForm.Fields(await client.GetStringAsync(U("/Projects/Edit"), Ct), "project-form");
        Assert.Equal("510502", blank["Input.Region"]);

        using var post = await client.PostAsync(U("/Projects/Edit"), new FormUrlEncodedContent(await NewFormAsync(client, "zh", [])), Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/Projects/Project/JY-N01?saved=created", post.Headers.Location!.OriginalString);

        var page = await client.GetStringAsync(U(post.Headers.Location.OriginalString), Ct);
        Assert.Contains("项目已创建", page, StringComparison.Ordinal);
        Assert.Contains("JY-N01 · 城南智能装备产业园", page, StringComparison.Ordinal);
        Assert.Contains("12.5亿元", page, StringComparison.Ordinal);
        Assert.Contains("id=\"edit-project\"", page, StringComparison.Ordinal);

        // The API sees every field, money exactly in 万元.
        using var api = await factory.TokenClientAsync("edit-analyst");
        var d = await api.GetFromJsonAsync<JsonElement>("/api/projects/JY-N01", Ct);
        var p = d.GetProperty("project");
        Assert.Equal("510502", p.GetProperty("region").GetString());
        Assert.Equal(125_000m, p.GetProperty("totalInvestment").GetDecimal());
        Assert.Equal(30_000m, Assert.Single(p.GetProperty("annualPlans").EnumerateArray()).GetProperty("amount").GetDecimal());
        Assert.Equal("签约", p.GetProperty("statusZh").GetString());
        Assert.Equal("2022-02-15", p.GetProperty("statusSince").GetString());
        Assert.Equal(["市重点", "省重点"], p.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["区经信局", "区自然资源和规划局"], p.GetProperty("workGroup").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("主体封顶", Assert.Single(p.GetProperty("milestones").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(800m, Assert.Single(p.GetProperty("agreements").EnumerateArray()).GetProperty("taxCommitment").GetDecimal());
        Assert.Equal("2024-12-31", p.GetProperty("plannedFinish").GetString());
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/projects?region=510502", Ct);
        Assert.Contains(listed.EnumerateArray(), x => x.GetProperty("code").GetString() == "JY-N01");
        Assert.Contains(d.GetProperty("audit").EnumerateArray(), a => a.GetProperty("entity").GetString() == "project" && a.GetProperty("user").GetString() == "jy-edit");

        // The ledger lists it with its plan (no report yet).
        var row = await api.GetFromJsonAsync<JsonElement>("/api/projects/ledger?period=2022-01..06&by=project&region=510502", Ct);
        var mine = Assert.Single(row.GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == "JY-N01");
        Assert.Equal(30_000m, mine.GetProperty("annualPlan").GetDecimal());
        var ledgerPage = await client.GetStringAsync(U("/Projects?period=2022-01..06&by=project&region=510502"), Ct);
        Assert.Contains("<a href=\"/Projects/Project/JY-N01\">JY-N01</a> 城南智能装备产业园", ledgerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Editor_ChangesFieldsAndTheProjectPageShowsTheAuditOldToNew()
    {
        using var client = await factory.SignedInClientAsync("jy-edit", WebFactory.UserPassword);
        var project = await client.GetStringAsync(U("/Projects/Project/JY-S06"), Ct);
        Assert.Contains("href=\"/Projects/Edit/JY-S06\"", project, StringComparison.Ordinal);
        var fields = HtmlForm.Fields(await client.GetStringAsync(U("/Projects/Edit/JY-S06"), Ct), "project-form");
        var oldName = fields["Input.Name"];
        var oldLeader = fields["Input.Leader"];
        Assert.Equal("JY-S06", fields["Input.Code"]);
        Assert.False(string.IsNullOrEmpty(oldName));
        Assert.False(fields.ContainsKey("Input.Status"));

        // Posting the form unchanged stores nothing new: amounts shown in 亿元 convert back to the same 万元.
        using var api = await factory.TokenClientAsync("edit-analyst");
        var before = (await api.GetFromJsonAsync<JsonElement>("/api/projects/JY-S06", Ct)).GetProperty("audit").GetArrayLength();
        using var same = await client.PostAsync(U("/Projects/Edit/JY-S06"), new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        Assert.Equal(before, (await api.GetFromJsonAsync<JsonElement>("/api/projects/JY-S06", Ct)).GetProperty("audit").GetArrayLength());

        fields["Input.Name"] = oldName + "（二期）";
        fields["Input.Leader"] = "钱副区长";
        fields["Input.TotalInvestment"] = "123456.5";
        fields["Input.TotalInvestmentUnit"] = "万元";
        var oldFinish = fields["Input.PlannedFinish"];
        fields["Input.PlannedFinish"] = "2026-06-30";
        using var post = await client.PostAsync(U("/Projects/Edit/JY-S06"), new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/Projects/Project/JY-S06?saved=updated", post.Headers.Location!.OriginalString);

        var page = await client.GetStringAsync(U(post.Headers.Location.OriginalString), Ct);
        Assert.Contains("修改已保存", page, StringComparison.Ordinal);
        Assert.Contains($"<td>name</td><td>{oldName}</td><td>{oldName}（二期）</td>", page, StringComparison.Ordinal);
        Assert.Contains($"<td>leader</td><td>{oldLeader}</td><td>钱副区长</td>", page, StringComparison.Ordinal);
        Assert.Matches("<td>total_investment</td><td>[0-9.]+</td><td>123456.5</td>", page);
        Assert.Contains($"<td>planned_finish</td><td>{oldFinish}</td><td>2026-06-30</td>", page, StringComparison.Ordinal);
        var detail = await api.GetFromJsonAsync<JsonElement>("/api/projects/JY-S06", Ct);
        Assert.Equal(123_456.5m, detail.GetProperty("project").GetProperty("totalInvestment").GetDecimal());
        Assert.Equal(before + 4, detail.GetProperty("audit").GetArrayLength());
        Assert.Contains(detail.GetProperty("audit").EnumerateArray(), a => a.GetProperty("field").GetString() == "name" && a.GetProperty("user").GetString() == "jy-edit");
    }

    [Theory]
    [InlineData("zh", "项目名称不能为空", "总投资“12.5.3”不是有效的数字", "区划 510599 不存在", "项目编号JY-S01已存在")]
    [InlineData("en", "the project name is required", "the total investment &#x27;12.5.3&#x27; is not a number", "region 510599 is not stored", "project code JY-S01 already exists")]
    public async Task Create_InvalidForm_ShowsTheReasonsInTheUsersLanguageAndKeepsTheValues(string lang, string emptyName, string badAmount, string unknownRegion, string duplicate)
    {
        using var client = await factory.SignedInClientAsync("jy-edit", WebFactory.UserPassword);
        using var bad = await client.PostAsync(U("/Projects/Edit?lang=" + lang), new FormUrlEncodedContent(await NewFormAsync(client, lang, new()
        {
            ["Input.Code"] = "JY-BAD-" + lang, ["Input.Name"] = " ", ["Input.TotalInvestment"] = "12.5.3",
        })), Ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"errors\"", html, StringComparison.Ordinal);
        Assert.Contains(emptyName, html, StringComparison.Ordinal);
        Assert.Contains(badAmount, html, StringComparison.Ordinal);
        Assert.DoesNotContain(lang == "en" ? "项目名称不能为空" : "the project name is required", html, StringComparison.Ordinal);
        var kept = HtmlForm.Fields(html, "project-form");
        Assert.Equal("12.5.3", kept["Input.TotalInvestment"]);
        Assert.Equal("亿元", kept["Input.TotalInvestmentUnit"]);
        Assert.Equal("赵副区长", kept["Input.Leader"]);
        Assert.Equal("主体封顶", kept["Input.Milestones[0].Name"]);
        Assert.Equal("Signed", kept["Input.Status"]);

        using var region = await client.PostAsync(U("/Projects/Edit?lang=" + lang), new FormUrlEncodedContent(await NewFormAsync(client, lang, new()
        {
            ["Input.Code"] = "JY-BAD-" + lang, ["Input.Region"] = "510599",
        })), Ct);
        var regionHtml = await region.Content.ReadAsStringAsync(Ct);
        Assert.Contains(unknownRegion, regionHtml, StringComparison.Ordinal);
        Assert.Equal("510599", HtmlForm.Fields(regionHtml, "project-form")["Input.Region"]);

        using var taken = await client.PostAsync(U("/Projects/Edit?lang=" + lang), new FormUrlEncodedContent(await NewFormAsync(client, lang, new()
        {
            ["Input.Code"] = "JY-S01",
        })), Ct);
        var takenHtml = await taken.Content.ReadAsStringAsync(Ct);
        Assert.Contains(duplicate, takenHtml, StringComparison.Ordinal);

        using var api = await factory.TokenClientAsync("edit-analyst");
        using var missing = await api.GetAsync(U("/api/projects/JY-BAD-" + lang), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var s01 = await api.GetFromJsonAsync<JsonElement>("/api/projects/JY-S01", Ct);
        Assert.NotEqual("城南智能装备产业园", s01.GetProperty("project").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Edit_InvalidAmount_IsRefusedAndNothingChanges()
    {
        using var client = await factory.SignedInClientAsync("jy-edit", WebFactory.UserPassword);
        var fields = HtmlForm.Fields(await client.GetStringAsync(U("/Projects/Edit/JY-S07?lang=en"), Ct), "project-form");
        fields["Input.Plans[0].Amount"] = "三亿";
        fields["Input.Name"] = "不应保存";
        using var post = await client.PostAsync(U("/Projects/Edit/JY-S07"), new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = await post.Content.ReadAsStringAsync(Ct);
        Assert.Contains("annual plan row 1&#x27;s amount &#x27;三亿&#x27; is not a number", html, StringComparison.Ordinal);
        Assert.Equal("不应保存", HtmlForm.Fields(html, "project-form")["Input.Name"]);
        using var api = await factory.TokenClientAsync("edit-analyst");
        var d = await api.GetFromJsonAsync<JsonElement>("/api/projects/JY-S07", Ct);
        Assert.NotEqual("不应保存", d.GetProperty("project").GetProperty("name").GetString());
    }

    [Fact]
    public async Task JiangyangEditor_TongzhouProject_IsRefusedOnGetAndOnForgedPosts()
    {
        using var admin = await factory.TokenClientAsync("admin");
        using var made = await admin.PostAsJsonAsync("/api/projects", new { code = "TZ-E1", name = "通州测试项目", region = "320612", totalInvestment = 50000m }, Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        using var client = await factory.SignedInClientAsync("jy-edit", WebFactory.UserPassword);
        var project = await client.GetStringAsync(U("/Projects/Project/TZ-E1"), Ct);
        Assert.DoesNotContain("id=\"edit-project\"", project, StringComparison.Ordinal);
        using var get = await client.GetAsync(U("/Projects/Edit/TZ-E1"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/Auth/Denied", get.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var byQuery = await client.GetAsync(U("/Projects/Edit?code=TZ-E1"), Ct);
        Assert.Contains("/Auth/Denied", byQuery.Headers.Location!.ToString(), StringComparison.Ordinal);

        // A forged edit: the caller's own form (valid antiforgery token) posted at the Tongzhou project.
        var own = HtmlForm.Fields(await client.GetStringAsync(U("/Projects/Edit/JY-S04"), Ct), "project-form");
        own["Input.Code"] = "TZ-E1";
        own["Input.Region"] = "320612";
        own["Input.Name"] = "越权改名";
        using var forged = await client.PostAsync(U("/Projects/Edit/TZ-E1"), new FormUrlEncodedContent(own), Ct);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("/Auth/Denied", forged.Headers.Location!.ToString(), StringComparison.Ordinal);

        // A forged create in Tongzhou: the store's refusal on the form, nothing stored.
        using var create = await client.PostAsync(U("/Projects/Edit"), new FormUrlEncodedContent(await NewFormAsync(client, "zh", new()
        {
            ["Input.Code"] = "TZ-E2", ["Input.Region"] = "320612",
        })), Ct);
        Assert.Contains("用户“jy-edit”无权修改 320612 的数据", await create.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var d = await admin.GetFromJsonAsync<JsonElement>("/api/projects/TZ-E1", Ct);
        Assert.Equal("通州测试项目", d.GetProperty("project").GetProperty("name").GetString());
        using var none = await admin.GetAsync(U("/api/projects/TZ-E2"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Theory]
    [InlineData("edit-analyst")]
    [InlineData("jy-edit-reviewer")]
    public async Task ReadOnlyRoles_SeeNoLinks_AndAreRefusedOnGetAndPost(string user)
    {
        using var client = await factory.SignedInClientAsync(user, WebFactory.UserPassword);
        var ledger = await client.GetStringAsync(U("/Projects"), Ct);
        Assert.DoesNotContain("id=\"new-project\"", ledger, StringComparison.Ordinal);
        var project = await client.GetStringAsync(U("/Projects/Project/JY-S03"), Ct);
        Assert.DoesNotContain("id=\"edit-project\"", project, StringComparison.Ordinal);
        foreach (var path in new[] { "/Projects/Edit", "/Projects/Edit/JY-S03" })
        {
            using var get = await client.GetAsync(U(path), Ct);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.Contains("/Auth/Denied", get.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // The layout's sign-out form carries a valid antiforgery token: the posts are refused on rights, not on the token.
        var token = WebFactory.Antiforgery(ledger);
        foreach (var path in new[] { "/Projects/Edit", "/Projects/Edit/JY-S03" })
        {
            using var post = await client.PostAsync(U(path), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Code"] = "RO-1", ["Input.Name"] = "只读用户新建", ["Input.Region"] = "510502",
            }), Ct);
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Contains("/Auth/Denied", post.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        using var api = await factory.TokenClientAsync("edit-analyst");
        using var none = await api.GetAsync(U("/api/projects/RO-1"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var s03 = await api.GetFromJsonAsync<JsonElement>("/api/projects/JY-S03", Ct);
        Assert.NotEqual("只读用户新建", s03.GetProperty("project").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await factory.SignedInClientAsync("jy-edit", WebFactory.UserPassword);
        var fields = await NewFormAsync(client, "zh", new() { ["Input.Code"] = "JY-NOTOKEN" });
        fields.Remove("__RequestVerificationToken");
        using var post = await client.PostAsync(U("/Projects/Edit"), new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }
}
