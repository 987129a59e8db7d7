using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baiqiang.Web.Tests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace Baiqiang.Web.Tests;

/// <summary>督办 and reminders through the API and pages over the sample ledger (problem JY-S08-Q1, 江阳区).</summary>
public sealed class SupervisionApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-editor", "editor", 510502);
        await factory.EnsureUserAsync("tz-reviewer", "reviewer", 320612);
        await factory.EnsureUserAsync("jy-reviewer", "reviewer", 510502);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Escalate_ReviewerOfRegion_LevelsUpRefusesLowerAndSheetOpens()
    {
        using var reviewer = await factory.TokenClientAsync("jy-reviewer");
        using var outsider = await factory.TokenClientAsync("tz-reviewer");

        using var up = await reviewer.PostAsJsonAsync("/api/projects/problems/JY-S08-Q1/escalate", new { level = "挂牌督办", reason = "用地指标逾期未落实", on = "2022-07-05" }, Ct);
        using var lower = await reviewer.PostAsJsonAsync("/api/projects/problems/JY-S08-Q1/escalate", new { level = "督办", reason = "再次督办", on = "2022-07-06" }, Ct);
        using var denied = await outsider.PostAsJsonAsync("/api/projects/problems/JY-S08-Q1/escalate", new { level = "约谈", reason = "越权", on = "2022-07-06" }, Ct);
        using var missing = await reviewer.PostAsJsonAsync("/api/projects/problems/NOPE-Q9/escalate", new { level = "约谈", reason = "x" }, Ct);
        var sheet = await reviewer.GetByteArrayAsync(new Uri("/api/projects/problems/JY-S08-Q1/supervision-sheet", UriKind.Relative), Ct);
        var page = await reviewer.GetStringAsync(new Uri("/Projects/Project/JY-S08", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        var item = await up.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Listed", "2022-07-15"), (item.GetProperty("level").GetString(), item.GetProperty("dueOn").GetString()));
        Assert.Equal(2, item.GetProperty("history").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, lower.StatusCode);
        var refusal = await lower.Content.ReadAsStringAsync(Ct);
        Assert.Contains("不能升级为督办", refusal, StringComparison.Ordinal);
        Assert.Contains("only to a higher level", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(sheet), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("挂牌督办单", text, StringComparison.Ordinal);
            Assert.Contains("用地指标未落实", text, StringComparison.Ordinal);
            Assert.Contains("区自然资源和规划局", text, StringComparison.Ordinal);
            Assert.Contains("2022-07-15", text, StringComparison.Ordinal);
            Assert.Contains("用地指标逾期未落实", text, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"supervision-JY-S08-Q1\"", page, StringComparison.Ordinal);
        Assert.Contains("用地指标逾期未落实", page, StringComparison.Ordinal);
        Assert.Contains("problem_supervision", page, StringComparison.Ordinal);
    }
}

/// <summary>Reminders through the API and the notifications page over the sample ledger (its own app: the sweep escalates by rule).</summary>
public sealed class RemindersApiTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await factory.EnsureUserAsync("jy-editor", "editor", 510502);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminders_RunAsAdmin_EditorSeesLateReportsWithUnreadCountOnce()
    {
        using var admin = await factory.TokenClientAsync("admin");
        using var editor = await factory.TokenClientAsync("jy-editor");
        using var refused = await editor.PostAsync(new Uri("/api/reminders/run?today=2022-08-10", UriKind.Relative), null, Ct);

        using var run = await admin.PostAsync(new Uri("/api/reminders/run?today=2022-08-10", UriKind.Relative), null, Ct);
        using var again = await admin.PostAsync(new Uri("/api/reminders/run?today=2022-08-10", UriKind.Relative), null, Ct);
        var list = await editor.GetFromJsonAsync<JsonElement>("/api/notifications", Ct);
        using var browser = await factory.SignedInClientAsync("jy-editor", WebFactory.UserPassword);
        var page = await browser.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct);
        using var read = await editor.PostAsJsonAsync("/api/notifications/read", new { }, Ct);
        var after = await read.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var first = await run.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(first.GetProperty("createdByCause").GetProperty("late-report").GetInt32() > 0);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.True(list.GetProperty("unread").GetInt32() >= items.Count(i => !i.GetProperty("read").GetBoolean()));
        var late = Assert.Single(items, i => i.GetProperty("cause").GetString() == "late-report" && i.GetProperty("subject").GetString() == "JY-S01");
        Assert.Equal("2022-07", late.GetProperty("period").GetString());
        Assert.DoesNotContain(items, i => i.GetProperty("subject").GetString()!.StartsWith("AY-", StringComparison.Ordinal));
        Assert.Contains("id=\"nav-unread\"", page, StringComparison.Ordinal);
        Assert.Contains("JY-S01", page, StringComparison.Ordinal);
        Assert.Equal(0, after.GetProperty("unread").GetInt32());
    }
}

/// <summary>The project page's 督办 form (its own app, so its escalation does not meet the API test's).</summary>
public sealed class SupervisionPageTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await factory.EnsureUserAsync("jy-reviewer", "reviewer", 510502);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProjectPage_ReviewerEscalatesThroughTheForm_HistoryShownAndLowerLevelRefused()
    {
        using var browser = await factory.SignedInClientAsync("jy-reviewer", WebFactory.UserPassword);
        var page = await browser.GetStringAsync(new Uri("/Projects/Project/JY-S08?today=2022-07-31", UriKind.Relative), Ct);
        Assert.Contains("class=\"escalate\"", page, StringComparison.Ordinal);

        async Task<string> EscalateAsync(string level, string reason)
        {
            using var post = await browser.PostAsync(new Uri("/Projects/Project/JY-S08?handler=Escalate&today=2022-07-31", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["ProblemId"] = "JY-S08-Q1", ["Level"] = level, ["Reason"] = reason, ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
            }), Ct);
            return await post.Content.ReadAsStringAsync(Ct);
        }

        var up = await EscalateAsync("约谈", "页面约谈责任单位");
        var lower = await EscalateAsync("督办", "页面再督办");

        Assert.Contains("已升级督办", up, StringComparison.Ordinal);
        Assert.Contains("页面约谈责任单位", up, StringComparison.Ordinal);
        Assert.Contains("不能升级为督办", lower, StringComparison.Ordinal);
    }
}
