using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>Baselines, re-plans and the Gantt data through <c>/api/projects</c> over the sample ledger (江阳区; JY-S08 has 二期主体开工 due 2022-05-31).</summary>
public sealed class MilestonePlanApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-plan-editor", "editor", 510502);
        await factory.EnsureUserAsync("jy-plan-reviewer", "reviewer", 510502);
        await factory.EnsureUserAsync("plan-analyst", "analyst");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApproveReplanGantt_BaselineKept_ReasonRequired_GanttShowsBothDates()
    {
        using var analyst = await factory.TokenClientAsync("plan-analyst");
        using var reviewer = await factory.TokenClientAsync("jy-plan-reviewer");
        using var editor = await factory.TokenClientAsync("jy-plan-editor");

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/projects/plans/approve", new { year = 2022, region = "510502" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync("/api/projects/plans/approve", new { year = 2022 }, Ct)).StatusCode);
        var approved = await reviewer.PostAsJsonAsync("/api/projects/plans/approve", new { year = 2022, region = "510502" }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var result = await approved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(result.GetProperty("baselined").GetInt32() >= 1);
        Assert.False(result.GetProperty("alreadyApproved").GetBoolean());

        var project = await editor.GetFromJsonAsync<JsonElement>("/api/projects/JY-S08?today=2022-07-10", Ct);
        var m = project.GetProperty("project").GetProperty("milestones").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "二期主体开工");
        Assert.Equal(("2022-05-31", "Node"), (m.GetProperty("baseline").GetString(), m.GetProperty("kind").GetString()));

        var refused = await editor.PostAsJsonAsync("/api/projects/JY-S08/milestones/replan", new { milestone = "二期主体开工", date = "2022-09-30" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("须填写调整原因", body, StringComparison.Ordinal);
        Assert.Contains("requires a reason", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await analyst.PostAsJsonAsync("/api/projects/JY-S08/milestones/replan", new { milestone = "二期主体开工", date = "2022-09-30", reason = "x" }, Ct)).StatusCode);

        var ok = await editor.PostAsJsonAsync("/api/projects/JY-S08/milestones/replan?today=2022-07-10",
            new { milestone = "二期主体开工", date = "2022-09-30", reason = "用地指标延后下达" }, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var gantt = await editor.GetFromJsonAsync<JsonElement>("/api/projects/JY-S08/gantt?today=2022-07-10", Ct);
        var row = Assert.Single(gantt.GetProperty("rows").EnumerateArray());
        Assert.Equal("2022-05-31", row.GetProperty("baseline").GetProperty("end").GetString());
        Assert.Equal("2022-09-30", row.GetProperty("current").GetProperty("end").GetString());
        Assert.Equal("2022-07-10", row.GetProperty("actual").GetProperty("end").GetString());
        Assert.Equal(122, row.GetProperty("slipDays").GetInt32());
        var replan = Assert.Single(gantt.GetProperty("replans").EnumerateArray());
        Assert.Equal(("2022-05-31", "2022-09-30", "用地指标延后下达", "jy-plan-editor"),
            (replan.GetProperty("from").GetString(), replan.GetProperty("to").GetString(), replan.GetProperty("reason").GetString(), replan.GetProperty("by").GetString()));

        var group = await analyst.GetFromJsonAsync<JsonElement>("/api/projects/gantt?by=region&key=510502&today=2022-07-10", Ct);
        Assert.Contains(group.GetProperty("rows").EnumerateArray(), r => r.GetProperty("projectCode").GetString() == "JY-S08");
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.GetAsync("/api/projects/gantt?by=leader&key=x", Ct)).StatusCode);
    }
}
