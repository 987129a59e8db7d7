using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>The key-project API over the sample ledger (江阳区 12 projects, 安义高新园区 6): figures, workflow and who may change what.</summary>
public sealed class ProjectsApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-editor", "editor", 510502);
        await factory.EnsureUserAsync("tz-editor", "editor", 320612);
        await factory.EnsureUserAsync("analyst1", "analyst");
        await factory.EnsureUserAsync("reviewer1", "reviewer", 510502);
        await PipelineServicesApiTests.EnsureDeskAsync(factory, "fg-desk", "区发改局");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object NewProject(string code, string region, string? department = null) => new
    {
        code, name = "测试项目" + code, region, category = "产业", kind = "新开工", totalInvestment = 50000m,
        annualPlans = new[] { new { year = 2022, amount = 12000m } }, leader = "测试领导", leadDepartment = department ?? "测试局", status = "签约",
        statusSince = "2022-01-10",
    };

    private static MultipartFormDataContent Upload(string text, string name)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", name);
        return content;
    }

    private static async Task<decimal> CompletedAsync(HttpClient client, string period, string code)
    {
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/projects/ledger?period={period}&by=project&region=510502", Ct);
        return ledger.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == code).GetProperty("completedYearToDate").GetDecimal();
    }

    [Fact]
    public async Task Ledger_JiangyangFirstHalf_MatchesTheSeedTotalsWithFormulas()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var ledger = await client.GetFromJsonAsync<JsonElement>("/api/projects/ledger?period=2022-01..06&by=region&region=510502", Ct);
        var row = Assert.Single(ledger.GetProperty("rows").EnumerateArray());
        Assert.Equal("江阳区", row.GetProperty("label").GetString());
        Assert.Equal(12, row.GetProperty("projects").GetInt32());
        Assert.Equal(3_357_000m, row.GetProperty("annualPlan").GetDecimal());
        Assert.Equal(1_768_000m, row.GetProperty("completedYearToDate").GetDecimal());
        Assert.Equal(52.67m, Math.Round(row.GetProperty("completionPercent").GetDecimal(), 2));
        Assert.Equal(50m, row.GetProperty("timeElapsedPercent").GetDecimal());
        Assert.True(row.GetProperty("onTrack").GetBoolean());
        Assert.Equal("176.8亿元 ÷ 335.7亿元 = 52.67%", row.GetProperty("formula").GetString());
        Assert.Equal("6 ÷ 12 × 100% = 50%", row.GetProperty("timeFormula").GetString());
        Assert.Contains("52.67% − 50% = +2.67", row.GetProperty("gapFormula").GetString(), StringComparison.Ordinal);
        // 电子信息产业园 started 2022-03-15, 农产品冷链中心 completed 2022-05-20.
        Assert.Equal(1, row.GetProperty("newStarts").GetInt32());
        Assert.Equal(1, row.GetProperty("completions").GetInt32());
    }

    [Fact]
    public async Task Ledger_GroupedByLeaderAndFiltered_CountsOnlyMatchingProjects()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var byLeader = await client.GetFromJsonAsync<JsonElement>("/api/projects/ledger?period=2022-01..06&by=leader&region=510502", Ct);
        Assert.Equal(["张副区长", "李副区长", "王副区长"], byLeader.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).OrderBy(k => k switch { "张副区长" => 0, "李副区长" => 1, _ => 2 }));
        Assert.Equal(12, byLeader.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("projects").GetInt32()));

        var ecology = await client.GetFromJsonAsync<JsonElement>("/api/projects/ledger?period=2022-01..06&by=project&region=510502&category=生态环保", Ct);
        Assert.Equal(["JY-S02", "JY-S10"], ecology.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(600_000m, ecology.GetProperty("total").GetProperty("annualPlan").GetDecimal());
        Assert.Equal(0, ecology.GetProperty("targets").GetArrayLength());

        var producing = await client.GetFromJsonAsync<JsonElement>("/api/projects/ledger?period=2022-01..06&status=竣工", Ct);
        Assert.Equal("JY-S11", Assert.Single(producing.GetProperty("rows").EnumerateArray()).GetProperty("key").GetString());

        using var bad = await client.GetAsync(new Uri("/api/projects/ledger?by=weather&period=2022-13", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("无法识别分组方式", text, StringComparison.Ordinal);
        Assert.Contains("unknown grouping", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerExport_CsvAndXlsx_CarryTheViewsRowsAndTotal()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        using var csv = await client.GetAsync(new Uri("/api/projects/ledger/export?period=2022-01..06&by=region", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains("分组方式,分组,名称,项目数", text, StringComparison.Ordinal);
        Assert.Contains("region,510502,江阳区,12,", text, StringComparison.Ordinal);
        Assert.Contains("合计", text, StringComparison.Ordinal);
        Assert.Contains("176.8亿元 ÷ 335.7亿元 = 52.67%", text, StringComparison.Ordinal);
        using var xlsx = await client.GetAsync(new Uri("/api/projects/ledger/export?period=2022-01..06&by=leader&format=xlsx", UriKind.Relative), Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Project_Detail_HasFieldsHistoryReportsProblemsAndAudit()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var d = await client.GetFromJsonAsync<JsonElement>("/api/projects/JY-S08", Ct);
        var p = d.GetProperty("project");
        Assert.Equal("酒城大道提升改造", p.GetProperty("name").GetString());
        Assert.Equal("江阳区交通局", p.GetProperty("ownerEnterprise").GetString());
        Assert.Equal(220_000m, p.GetProperty("annualPlans")[0].GetProperty("amount").GetDecimal());
        var milestone = Assert.Single(p.GetProperty("milestones").EnumerateArray());
        Assert.Equal("二期主体开工", milestone.GetProperty("name").GetString());
        Assert.Equal(6, d.GetProperty("reports").GetArrayLength());
        Assert.Equal("2022-06", d.GetProperty("reports")[0].GetProperty("month").GetString());
        Assert.Equal("已审核", d.GetProperty("reports")[0].GetProperty("revisions")[0].GetProperty("stateZh").GetString());
        var problem = Assert.Single(d.GetProperty("problems").EnumerateArray());
        Assert.Equal("JY-S08-Q1", problem.GetProperty("id").GetString());
        Assert.True(problem.GetProperty("open").GetBoolean());
        Assert.True(problem.GetProperty("overdue").GetBoolean());
        Assert.False(d.GetProperty("editable").GetBoolean());
        Assert.Contains(d.GetProperty("audit").EnumerateArray(), a => a.GetProperty("entity").GetString() == "project");
        var s07 = await client.GetFromJsonAsync<JsonElement>("/api/projects/JY-S07", Ct);
        var change = Assert.Single(s07.GetProperty("history").EnumerateArray());
        Assert.Equal("开工", change.GetProperty("toZh").GetString());
        Assert.Equal("2022-03-15", change.GetProperty("on").GetString());
        using var missing = await client.GetAsync(new Uri("/api/projects/NOPE-1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task JiangyangEditor_CannotChangeATongzhouProject()
    {
        using var admin = await factory.TokenClientAsync("admin");
        using var made = await admin.PostAsJsonAsync("/api/projects", NewProject("TZ-K1", "320612"), Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        using var jy = await factory.TokenClientAsync("jy-editor");
        using var create = await jy.PostAsJsonAsync("/api/projects", NewProject("TZ-K2", "320612"), Ct);
        using var update = await jy.PutAsJsonAsync("/api/projects/TZ-K1", NewProject("TZ-K1", "320612"), Ct);
        using var transition = await jy.PostAsJsonAsync("/api/projects/TZ-K1/transition", new { status = "开工", on = "2022-04-01" }, Ct);
        using var fill = await jy.PostAsJsonAsync("/api/projects/TZ-K1/reports/2022-04", new { completedThisMonth = 100m }, Ct);
        using var problem = await jy.PostAsJsonAsync("/api/projects/TZ-K1/problems", new { description = "越权", responsibleDepartment = "某局", raisedOn = "2022-04-01" }, Ct);
        Assert.All([create, update, transition, fill, problem], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));

        var detail = await admin.GetFromJsonAsync<JsonElement>("/api/projects/TZ-K1", Ct);
        Assert.Equal("签约", detail.GetProperty("project").GetProperty("statusZh").GetString());
        Assert.Equal(0, detail.GetProperty("reports").GetArrayLength());
        Assert.Equal(0, detail.GetProperty("problems").GetArrayLength());

        using var tz = await factory.TokenClientAsync("tz-editor");
        using var own = await tz.PostAsJsonAsync("/api/projects/TZ-K1/transition", new { status = "开工", on = "2022-04-01" }, Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task CreateAndUpdate_RightsComeBeforeContent_AndTheRulesAreTheEditPagesRules()
    {
        using var admin = await factory.TokenClientAsync("admin");
        using var made = await admin.PostAsJsonAsync("/api/projects", NewProject("TZ-K3", "320612"), Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        // Out of scope or read-only: 403 even when the body is invalid, so nothing about the project leaks through validation.
        using var jy = await factory.TokenClientAsync("jy-editor");
        using var update = await jy.PutAsJsonAsync("/api/projects/TZ-K3", new { code = "TZ-K3", name = "", region = "320612", totalInvestment = -1m }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        using var analyst = await factory.TokenClientAsync("analyst1");
        using var create = await analyst.PostAsJsonAsync("/api/projects", new { code = "", name = "", region = "x" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);

        // An unknown region is named as such, before the scope question.
        using var unknown = await jy.PostAsJsonAsync("/api/projects", NewProject("JY-K9", "510599"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("区划 510599 不存在 / region 510599 is not stored", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // What the schema cannot hold is refused with a reason, not stored truncated or failed on save.
        using var longName = await jy.PostAsJsonAsync("/api/projects", new { code = "JY-K9", name = new string('长', 301), region = "510502" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Contains("项目名称超过300个字符", await longName.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var milestone = await jy.PostAsJsonAsync("/api/projects", new
        {
            code = "JY-K9", name = "节点测试", region = "510502", milestones = new[] { new { name = " ", deadline = "2023-01-01" } },
            agreements = new[] { new { signedOn = "2022-01-01", newCompletionDate = "2023-01-01", taxCommitment = 0.123456789m } },
        }, Ct);
        var text = await milestone.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, milestone.StatusCode);
        Assert.Contains("a milestone needs a name", text, StringComparison.Ordinal);
        Assert.Contains("承诺税收不能为负数，万元最多8位小数", text, StringComparison.Ordinal);
        using var missing = await admin.GetAsync(new Uri("/api/projects/JY-K9", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("analyst1")]
    [InlineData("reviewer1")]
    public async Task Writes_AnalystAndReviewer_CannotEditProjects(string user)
    {
        using var client = await factory.TokenClientAsync(user);
        using var create = await client.PostAsJsonAsync("/api/projects", NewProject("RO-" + user, "510502"), Ct);
        using var transition = await client.PostAsJsonAsync("/api/projects/JY-S05/transition", new { status = "竣工", on = "2022-07-01" }, Ct);
        using var fill = await client.PostAsJsonAsync("/api/projects/JY-S05/reports/2022-07", new { completedThisMonth = 100m }, Ct);
        using var problem = await client.PostAsJsonAsync("/api/projects/JY-S05/problems", new { description = "x", responsibleDepartment = "y", raisedOn = "2022-07-01" }, Ct);
        using var resolve = await client.PostAsJsonAsync("/api/projects/problems/JY-S08-Q1/resolve", new { resolution = "x", on = "2022-07-01" }, Ct);
        using var import = await client.PostAsync(new Uri("/api/projects/form/import?commit=true", UriKind.Relative), Upload("项目编号,本月完成投资,填报月份\nJY-S05,1,2022-07\n", "f.csv"), Ct);
        Assert.All([create, transition, fill, problem, resolve, import], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [Fact]
    public async Task Analyst_CannotReviewOrCloseAMonth()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        using var approve = await client.PostAsJsonAsync("/api/projects/JY-S05/reports/2022-06/approve", new { }, Ct);
        using var close = await client.PostAsJsonAsync("/api/projects/months/close", new { region = "510502", month = "2022-06" }, Ct);
        Assert.All([approve, close], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [Fact]
    public async Task Reports_EditorFillsAndSubmits_ReviewerApproves_LedgerCountsIt()
    {
        using var editor = await factory.TokenClientAsync("jy-editor");
        using var reviewer = await factory.TokenClientAsync("reviewer1");
        var before = await CompletedAsync(reviewer, "2022-01..07", "JY-S01");
        Assert.Equal(330_000m, before);

        using var fill = await editor.PostAsJsonAsync("/api/projects/JY-S01/reports/2022-07", new { completedThisMonth = 45_000m, progress = "主体施工", problems = new[] { "雨季影响" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, fill.StatusCode);
        var draft = (await fill.Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        Assert.Equal(375_000m, draft.GetProperty("cumulativeThisYear").GetDecimal());
        Assert.Equal(330_000m, draft.GetProperty("previousCumulative").GetDecimal());
        Assert.Equal("填报", draft.GetProperty("stateZh").GetString());

        // Editors do not approve; reviewers do not fill.
        using var selfApprove = await editor.PostAsJsonAsync("/api/projects/JY-S01/reports/2022-07/approve", new { }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, selfApprove.StatusCode);
        using var early = await reviewer.PostAsJsonAsync("/api/projects/JY-S01/reports/2022-07/approve", new { }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("填报状态的月报不能审核", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var submit = await editor.PostAsync(new Uri("/api/projects/JY-S01/reports/2022-07/submit", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal(before, await CompletedAsync(reviewer, "2022-01..07", "JY-S01"));

        using var approve = await reviewer.PostAsJsonAsync("/api/projects/JY-S01/reports/2022-07/approve", new { comment = "同意" }, Ct);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var approved = (await approve.Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        Assert.Equal("已审核", approved.GetProperty("stateZh").GetString());
        Assert.Equal("reviewer1", approved.GetProperty("reviewer").GetString());
        Assert.True(approved.GetProperty("counted").GetBoolean());
        Assert.Equal(375_000m, await CompletedAsync(reviewer, "2022-01..07", "JY-S01"));
    }

    [Fact]
    public async Task Reports_ReturnNeedsAComment_AndTheEditorCanResubmit()
    {
        using var editor = await factory.TokenClientAsync("jy-editor");
        using var reviewer = await factory.TokenClientAsync("reviewer1");
        (await editor.PostAsJsonAsync("/api/projects/JY-S03/reports/2022-07", new { completedThisMonth = 20_000m }, Ct)).Dispose();
        (await editor.PostAsync(new Uri("/api/projects/JY-S03/reports/2022-07/submit", UriKind.Relative), null, Ct)).Dispose();
        using var noComment = await reviewer.PostAsJsonAsync("/api/projects/JY-S03/reports/2022-07/return", new { comment = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("退回须填写审核意见 / returning a report requires a comment", await noComment.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var returned = await reviewer.PostAsJsonAsync("/api/projects/JY-S03/reports/2022-07/return", new { comment = "数字偏大，请核实" }, Ct);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("已退回", (await returned.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("stateZh").GetString());
        using var refill = await editor.PostAsJsonAsync("/api/projects/JY-S03/reports/2022-07", new { completedThisMonth = 15_000m }, Ct);
        Assert.Equal(HttpStatusCode.OK, refill.StatusCode);
        Assert.Equal(245_000m, (await refill.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("cumulativeThisYear").GetDecimal());
    }

    [Fact]
    public async Task Fill_CumulativeBelowLastMonthOrClosedMonth_IsRefusedBilingually()
    {
        using var editor = await factory.TokenClientAsync("jy-editor");
        using var lower = await editor.PostAsJsonAsync("/api/projects/JY-S04/reports/2022-07", new { completedThisMonth = 0m, cumulativeThisYear = 100_000m }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, lower.StatusCode);
        var text = await lower.Content.ReadAsStringAsync(Ct);
        Assert.Contains("本年累计完成100000万元低于上月累计160000万元", text, StringComparison.Ordinal);
        Assert.Contains("is lower than last month's cumulative 160000", text, StringComparison.Ordinal);
        using var negative = await editor.PostAsJsonAsync("/api/projects/JY-S04/reports/2022-07", new { completedThisMonth = -5m }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);

        using var reviewer = await factory.TokenClientAsync("reviewer1");
        using var editorClose = await editor.PostAsJsonAsync("/api/projects/months/close", new { region = "510502", month = "2022-11" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, editorClose.StatusCode);
        using var close = await reviewer.PostAsJsonAsync("/api/projects/months/close", new { region = "510502", month = "2022-11" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        using var closed = await editor.PostAsJsonAsync("/api/projects/JY-S04/reports/2022-11", new { completedThisMonth = 1_000m }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        var closedText = await closed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("2022-11已关账，不能再修改", closedText, StringComparison.Ordinal);
        Assert.Contains("2022-11 is closed", closedText, StringComparison.Ordinal);
        var detail = await editor.GetFromJsonAsync<JsonElement>("/api/projects/JY-S04", Ct);
        Assert.DoesNotContain(detail.GetProperty("reports").EnumerateArray(), m => m.GetProperty("month").GetString() is "2022-07" or "2022-11");
        var form = await editor.GetFromJsonAsync<JsonElement>("/api/projects/reports?region=510502&month=2022-11", Ct);
        Assert.True(form.GetProperty("closed").GetBoolean());
        Assert.All(form.GetProperty("lines").EnumerateArray(), l => Assert.False(l.GetProperty("editable").GetBoolean()));
    }

    [Fact]
    public async Task Transition_IllegalMoves_ReturnTheCoreBilingualReason()
    {
        using var editor = await factory.TokenClientAsync("jy-editor");
        using var skip = await editor.PostAsJsonAsync("/api/projects/JY-S05/transition", new { status = "投产", on = "2022-07-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        var text = await skip.Content.ReadAsStringAsync(Ct);
        Assert.Contains("项目状态不能从在建变更为投产，下一步只能是竣工", text, StringComparison.Ordinal);
        Assert.Contains("cannot move from UnderConstruction to Producing", text, StringComparison.Ordinal);
        using var noReason = await editor.PostAsJsonAsync("/api/projects/JY-S05/transition", new { status = "暂停", on = "2022-07-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("变更为暂停须说明原因", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var suspend = await editor.PostAsJsonAsync("/api/projects/JY-S05/transition", new { status = "暂停", on = "2022-07-01", reason = "资金未到位" }, Ct);
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        var body = await suspend.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("暂停", body.GetProperty("project").GetProperty("statusZh").GetString());
        Assert.Equal(["UnderConstruction", "Terminated"], body.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("资金未到位", body.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DepartmentDesk_ChangesOnlyProjectsItLeads()
    {
        using var desk = await factory.TokenClientAsync("fg-desk");
        // JY-S10 (i = 9) is led by 区发改局, JY-S02 by 区经信局.
        using var own = await desk.PostAsJsonAsync("/api/projects/JY-S10/problems", new { description = "管网接入未批复", responsibleDepartment = "区住建局", raisedOn = "2022-07-02", dueOn = "2022-07-31" }, Ct);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        using var other = await desk.PostAsJsonAsync("/api/projects/JY-S02/problems", new { description = "越权", responsibleDepartment = "区住建局", raisedOn = "2022-07-02" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Problems_AddAndResolve_WithRulesAndUpdate()
    {
        using var editor = await factory.TokenClientAsync("jy-editor");
        using var added = await editor.PostAsJsonAsync("/api/projects/JY-S06/problems", new { description = "施工许可待办", responsibleDepartment = "区住建局", raisedOn = "2022-07-05", dueOn = "2022-07-20", category = "审批" }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var problem = await added.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("JY-S06-Q1", problem.GetProperty("id").GetString());
        Assert.Equal("待办", problem.GetProperty("statusZh").GetString());
        using var early = await editor.PostAsJsonAsync("/api/projects/problems/JY-S06-Q1/resolve", new { resolution = "已办结", on = "2022-07-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("早于提出日期", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var resolved = await editor.PostAsJsonAsync("/api/projects/problems/JY-S06-Q1/resolve", new { resolution = "已取得施工许可", on = "2022-07-18" }, Ct);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var after = await resolved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("已解决", after.GetProperty("statusZh").GetString());
        Assert.False(after.GetProperty("open").GetBoolean());
        using var missing = await editor.PostAsJsonAsync("/api/projects/problems/NOPE/resolve", new { resolution = "x", on = "2022-07-18" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Update the description: the leader changes (王副区长 → 李副区长, so the by-leader ledger keeps its three leaders),
        // status and plans stay, and the audit trail names the editor.
        var detail = await editor.GetFromJsonAsync<JsonElement>("/api/projects/JY-S06", Ct);
        var p = detail.GetProperty("project");
        using var update = await editor.PutAsJsonAsync("/api/projects/JY-S06", new
        {
            code = "JY-S06", name = p.GetProperty("name").GetString(), region = "510502", totalInvestment = p.GetProperty("totalInvestment").GetDecimal(),
            leader = "李副区长", leadDepartment = p.GetProperty("leadDepartment").GetString(),
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var updated = await update.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("李副区长", updated.GetProperty("project").GetProperty("leader").GetString());
        Assert.Equal("在建", updated.GetProperty("project").GetProperty("statusZh").GetString());
        Assert.Equal(280_000m, updated.GetProperty("project").GetProperty("annualPlans")[0].GetProperty("amount").GetDecimal());
        Assert.Contains(updated.GetProperty("audit").EnumerateArray(), a => a.GetProperty("user").GetString() == "jy-editor" && a.GetProperty("newValue").GetString() == "李副区长");
    }

    [Fact]
    public async Task Warnings_SampleFirstHalf_NameRuleReasonSinceAndDesk()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var w = await client.GetFromJsonAsync<JsonElement>("/api/projects/warnings?period=2022-01..06&region=510502&today=2022-07-15", Ct);
        var items = w.GetProperty("warnings").EnumerateArray().ToList();
        var milestone = items.Single(x => x.GetProperty("rule").GetString() == "MilestoneOverdue");
        Assert.Equal("JY-S08", milestone.GetProperty("projectCode").GetString());
        Assert.Equal("2022-06-01", milestone.GetProperty("since").GetString());
        Assert.Contains("二期主体开工", milestone.GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
        var problem = items.Single(x => x.GetProperty("rule").GetString() == "ProblemOverdue" && x.GetProperty("projectCode").GetString() == "JY-S08");
        Assert.Equal("区自然资源和规划局", problem.GetProperty("desk").GetString());
        Assert.Equal("问题超期", problem.GetProperty("ruleZh").GetString());
    }

    [Fact]
    public async Task Warnings_AsOfADay_JudgeOverdueRulesOnThatDay()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        // JY-S08's milestone 二期主体开工 was due 2022-05-31: not yet overdue on that day, 30 days overdue at the end of June.
        var may = await client.GetFromJsonAsync<JsonElement>("/api/projects/warnings?period=2022-01..06&region=510502&today=2022-05-31", Ct);
        Assert.Equal("2022-05-31", may.GetProperty("today").GetString());
        Assert.DoesNotContain(may.GetProperty("warnings").EnumerateArray(), x => x.GetProperty("rule").GetString() == "MilestoneOverdue");
        var june = await client.GetFromJsonAsync<JsonElement>("/api/projects/warnings?period=2022-01..06&region=510502&today=2022-06-30", Ct);
        Assert.Equal("2022-06-30", june.GetProperty("today").GetString());
        var milestone = june.GetProperty("warnings").EnumerateArray().Single(x => x.GetProperty("rule").GetString() == "MilestoneOverdue");
        Assert.Equal("JY-S08", milestone.GetProperty("projectCode").GetString());
        Assert.Contains("已逾期30天", milestone.GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
        Assert.Contains("30 days overdue", milestone.GetProperty("reasonEn").GetString(), StringComparison.Ordinal);

        // Without a period, the ledger's default period is taken as of that day too: 1–5月 as of 2022-05-31.
        var defaultMay = await client.GetFromJsonAsync<JsonElement>("/api/projects/warnings?region=510502&today=2022-05-31", Ct);
        Assert.Equal("2022-01..05", defaultMay.GetProperty("period").GetString());
    }

    [Fact]
    public async Task Project_AsOfADay_JudgesMilestonesAndProblemsOnThatDayAsTheWarningsDo()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        // JY-S08's milestone 二期主体开工 and problem JY-S08-Q1 (raised 2022-04-10) are both due 2022-05-31.
        foreach (var (day, overdue) in new[] { ("2022-04-01", false), ("2022-05-31", false), ("2022-06-01", true), ("2022-06-30", true) })
        {
            var d = await client.GetFromJsonAsync<JsonElement>($"/api/projects/JY-S08?today={day}", Ct);
            Assert.Equal(day, d.GetProperty("today").GetString());
            var milestone = Assert.Single(d.GetProperty("project").GetProperty("milestones").EnumerateArray());
            Assert.Equal(overdue, milestone.GetProperty("overdue").GetBoolean());
            var problem = Assert.Single(d.GetProperty("problems").EnumerateArray());
            Assert.Equal(overdue, problem.GetProperty("overdue").GetBoolean());
            Assert.True(problem.GetProperty("open").GetBoolean());

            var w = await client.GetFromJsonAsync<JsonElement>($"/api/projects/warnings?period=2022-01..06&region=510502&today={day}", Ct);
            Assert.Equal(overdue, w.GetProperty("warnings").EnumerateArray().Any(x => x.GetProperty("projectCode").GetString() == "JY-S08"
                && x.GetProperty("rule").GetString() == "MilestoneOverdue"));
        }

        // Without a day: the store's as-of setting (the sample sets 2023-07-31, after its 2022 deadlines), fields as before.
        var now = await client.GetFromJsonAsync<JsonElement>("/api/projects/JY-S08", Ct);
        Assert.True(now.GetProperty("project").GetProperty("milestones")[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(new DateOnly(2023, 7, 31), DateOnly.ParseExact(now.GetProperty("today").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Ledger_AsOfADay_TakesTheDefaultPeriodOnThatDay()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var may = await client.GetFromJsonAsync<JsonElement>("/api/projects/ledger?region=510502&today=2022-05-31", Ct);
        Assert.Equal("2022-01..05", may.GetProperty("period").GetString());
        Assert.Equal("2022-05-31", may.GetProperty("today").GetString());
        var given = await client.GetFromJsonAsync<JsonElement>("/api/projects/ledger?period=2022-01..06&region=510502&today=2022-05-31", Ct);
        Assert.Equal("2022-01..06", given.GetProperty("period").GetString());
    }

    [Theory]
    [InlineData("/api/projects/JY-S08", "2022-13-01")]
    [InlineData("/api/projects/JY-S08", "30/06/2022")]
    [InlineData("/api/projects/NO-SUCH", "2022-02-30")]
    [InlineData("/api/projects/ledger", "2022-02-30")]
    [InlineData("/api/projects/ledger/export", "tomorrow")]
    public async Task AsOfEndpoints_InvalidDay_400WithTheWarningsMessage(string path, string today)
    {
        using var client = await factory.TokenClientAsync("analyst1");
        using var response = await client.GetAsync(new Uri($"{path}?today={Uri.EscapeDataString(today)}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("today").EnumerateArray()).GetString();
        Assert.Equal($"截至日期（today）“{today}”不是有效日期，应写作 2022-06-30 / 'today' ('{today}') is not a valid date: write it like 2022-06-30", message);
    }

    [Theory]
    [InlineData("2022-13-01")]
    [InlineData("2022-02-30")]
    [InlineData("30/06/2022")]
    public async Task Warnings_InvalidDay_400NamingTheFieldInBothLanguages(string today)
    {
        using var client = await factory.TokenClientAsync("analyst1");
        using var response = await client.GetAsync(new Uri($"/api/projects/warnings?period=2022-01..06&today={Uri.EscapeDataString(today)}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("today").EnumerateArray()).GetString();
        Assert.Equal($"截至日期（today）“{today}”不是有效日期，应写作 2022-06-30 / 'today' ('{today}') is not a valid date: write it like 2022-06-30", message);
    }

    [Fact]
    public async Task Form_DownloadBlankAndPrefilled_HasTheRegionsProjects()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var csv = await client.GetStringAsync(new Uri("/api/projects/form?region=510502&month=2022-06", UriKind.Relative), Ct);
        Assert.Contains("填报月份", csv, StringComparison.Ordinal);
        Assert.Contains("1-6月累计完成投资(万元)", csv, StringComparison.Ordinal);
        Assert.Contains("JY-S01", csv, StringComparison.Ordinal);
        Assert.Contains("330000", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("AY-S01", csv, StringComparison.Ordinal);
        var blank = await client.GetStringAsync(new Uri("/api/projects/form?region=510502&month=2022-06&blank=true", UriKind.Relative), Ct);
        Assert.DoesNotContain("330000", blank, StringComparison.Ordinal);
        using var xlsx = await client.GetAsync(new Uri("/api/projects/form?region=360123401&month=2022-06&format=xlsx", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var bad = await client.GetAsync(new Uri("/api/projects/form?region=510502&month=2022-13", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task FormImport_ValidateThenCommit_AllOrNothingWithinScope()
    {
        const string Header = "项目编号,本月完成投资(万元),形象进度,填报月份\n";
        var good = Header + "JY-S09,12000,装修,2022-07\nJY-S12,3000,主体完工,2022-07\n";
        using var editor = await factory.TokenClientAsync("jy-editor");
        using var validate = await editor.PostAsync(new Uri("/api/projects/form/import", UriKind.Relative), Upload(good, "7月.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, validate.StatusCode);
        Assert.False((await validate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("committed").GetBoolean());
        var untouched = await editor.GetFromJsonAsync<JsonElement>("/api/projects/JY-S09", Ct);
        Assert.DoesNotContain(untouched.GetProperty("reports").EnumerateArray(), m => m.GetProperty("month").GetString() == "2022-07");

        var mixed = good + "AY-S01,5000,厂房,2022-07\n";
        using var denied = await editor.PostAsync(new Uri("/api/projects/form/import?commit=true", UriKind.Relative), Upload(mixed, "7月.csv"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var reportOnly = await editor.PostAsync(new Uri("/api/projects/form/import", UriKind.Relative), Upload(mixed, "7月.csv"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reportOnly.StatusCode);
        var issue = Assert.Single((await reportOnly.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray());
        Assert.Equal(4, issue.GetProperty("row").GetInt32());
        Assert.Contains("无权填报", issue.GetProperty("zh").GetString(), StringComparison.Ordinal);

        var bad = Header + "JY-S09,12000,装修,2022-07\nJY-S12,-3,主体完工,2022-07\n";
        using var invalid = await editor.PostAsync(new Uri("/api/projects/form/import?commit=true", UriKind.Relative), Upload(bad, "7月.csv"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var e = Assert.Single((await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray());
        Assert.Equal(3, e.GetProperty("row").GetInt32());
        Assert.Equal("本月完成投资(万元)", e.GetProperty("column").GetString());
        Assert.Contains("must not be negative", e.GetProperty("en").GetString(), StringComparison.Ordinal);
        untouched = await editor.GetFromJsonAsync<JsonElement>("/api/projects/JY-S09", Ct);
        Assert.DoesNotContain(untouched.GetProperty("reports").EnumerateArray(), m => m.GetProperty("month").GetString() == "2022-07");

        using var commit = await editor.PostAsync(new Uri("/api/projects/form/import?commit=true", UriKind.Relative), Upload(good, "7月.csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        var report = await commit.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(report.GetProperty("committed").GetBoolean());
        Assert.Equal(2, report.GetProperty("added").GetInt32());
        var revisions = await editor.GetFromJsonAsync<JsonElement>("/api/projects/JY-S09/reports/2022-07", Ct);
        Assert.Equal("已提交", revisions[0].GetProperty("stateZh").GetString());
        Assert.Equal(122_000m, revisions[0].GetProperty("cumulativeThisYear").GetDecimal());
    }

    [Fact]
    public async Task FormImport_RefusalIsDecidedByKindNotByText()
    {
        // "无权-1" is an unknown code: its content error reads "项目编号无权-1不存在", which once passed for a refusal of rights.
        const string Header = "项目编号,本月完成投资(万元),形象进度,填报月份\n";
        const string Content = "无权-1,100,施工,2022-07\n";
        using var editor = await factory.TokenClientAsync("jy-editor");

        using var contentOnly = await editor.PostAsync(new Uri("/api/projects/form/import?commit=true", UriKind.Relative), Upload(Header + Content, "7月.csv"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, contentOnly.StatusCode);
        var issue = Assert.Single((await contentOnly.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray());
        Assert.Contains("无权-1", issue.GetProperty("zh").GetString(), StringComparison.Ordinal);

        // The same content error beside a row of a project the editor may not report for: the refusal makes the commit 403.
        var mixed = Header + Content + "AY-S02,100,施工,2022-07\n";
        using var denied = await editor.PostAsync(new Uri("/api/projects/form/import?commit=true", UriKind.Relative), Upload(mixed, "7月.csv"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var validated = await editor.PostAsync(new Uri("/api/projects/form/import", UriKind.Relative), Upload(mixed, "7月.csv"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, validated.StatusCode);
        Assert.Equal([2, 3], (await validated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()));
        var ay = await editor.GetFromJsonAsync<JsonElement>("/api/projects/AY-S02", Ct);
        Assert.DoesNotContain(ay.GetProperty("reports").EnumerateArray(), m => m.GetProperty("month").GetString() == "2022-07");
    }

    [Fact]
    public async Task List_ByRegion_GivesTheParksProjects()
    {
        using var client = await factory.TokenClientAsync("analyst1");
        var list = await client.GetFromJsonAsync<List<JsonElement>>("/api/projects?region=360123401", Ct);
        Assert.Equal(6, list!.Count);
        Assert.All(list, p => Assert.StartsWith("AY-S", p.GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.NotEqual("360123401", list[0].GetProperty("regionName").GetString());
    }
}
