using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>The 重点项目 pages over HTTP: render in Chinese and English, forms with antiforgery, refusals shown in the user's language.</summary>
public sealed class ProjectsPageTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-page", "editor", 510502);
        await factory.EnsureUserAsync("jy-page-reviewer", "reviewer", 510502);
        await factory.EnsureUserAsync("page-analyst", "analyst");
        await PipelineServicesApiTests.EnsureDeskAsync(factory, "fg-page-desk", "区发改局");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/Projects?period=2022-01..06&by=region", "江阳区", "176.8亿元")]
    [InlineData("/Projects?period=2022-01..06&by=region&region=510502", "335.7亿元", "176.8亿元 ÷ 335.7亿元 = 52.67%")]
    [InlineData("/Projects?period=2022-01..06&by=leader", "张副区长", "时间过半、任务过半")]
    [InlineData("/Projects?period=2022-01..06&by=department", "区发改局", "牵头部门")]
    [InlineData("/Projects?period=2022-01..05&by=project&region=360123401", "AY-S01", "铝型材智能制造项目")]
    [InlineData("/Projects/Project/JY-S08", "用地指标未落实", "二期主体开工")]
    [InlineData("/Projects/Project/JY-S07", "状态记录", "2022-03-15")]
    [InlineData("/Projects/Form?region=510502&month=2022-07", "月报填报", "JY-S12")]
    [InlineData("/Projects/Review?region=510502&month=2022-06", "月报审核", "本月其他月报")]
    [InlineData("/Projects/Warnings?period=2022-01..06", "节点逾期", "区自然资源和规划局")]
    public async Task Page_Admin_RendersInChinese(string path, string first, string second)
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(first, html, StringComparison.Ordinal);
        Assert.Contains(second, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Projects?period=2022-01..06&by=region&lang=en", "Key projects · ledger", "17.68 billion yuan")]
    [InlineData("/Projects/Project/JY-S08?lang=en", "Status history", "Audit history")]
    [InlineData("/Projects/Form?region=510502&month=2022-07&lang=en", "Last month&#x27;s cumulative", "not filled")]
    [InlineData("/Projects/Review?region=510502&month=2022-06&lang=en", "Key projects · review", "Other reports of the month")]
    [InlineData("/Projects/Warnings?period=2022-01..06&lang=en", "milestone overdue", "days overdue")]
    public async Task Page_English_RendersInEnglish(string path, string first, string second)
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(first, html, StringComparison.Ordinal);
        Assert.Contains(second, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_NavigationAndDefaultPeriod_ComeFromTheStore()
    {
        using var client = await factory.SignedInClientAsync("page-analyst", WebFactory.UserPassword);
        var html = await client.GetStringAsync(new Uri("/Projects", UriKind.Relative), Ct);
        Assert.Contains("<a href=\"/Projects\"", html, StringComparison.Ordinal);
        Assert.Contains("重点项目", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2022-01..06\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-leader\"", html, StringComparison.Ordinal);
        Assert.Contains("/api/projects/ledger/export?period=2022-01..06&amp;by=project", html, StringComparison.Ordinal);
        // 安义 by 1–6月 has only five months reported against a 6/12 clock: lagging rows are marked.
        var anyi = await client.GetStringAsync(new Uri("/Projects?period=2022-01..06&by=project&region=360123401", UriKind.Relative), Ct);
        Assert.Contains("class=\"broken\" data-key=\"AY-S05\"", anyi, StringComparison.Ordinal);
        Assert.Contains("滞后", anyi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_AsOfADay_ShowsThatDaysWarningsAndKeepsItInTheForm()
    {
        using var client = await factory.SignedInClientAsync("page-analyst", WebFactory.UserPassword);
        // JY-S08's milestone 二期主体开工 (due 2022-05-31) is overdue as of the end of June, not as of its deadline.
        var june = await client.GetStringAsync(new Uri("/Projects/Warnings?period=2022-01..06&region=510502&today=2022-06-30", UriKind.Relative), Ct);
        Assert.Contains("截至 <time id=\"as-of-day\" datetime=\"2022-06-30\">2022年6月30日</time><span id=\"as-of-source\">（指定日期）</span>，", june, StringComparison.Ordinal);
        Assert.Contains("节点“二期主体开工”期限2022-05-31，已逾期30天未完成", june, StringComparison.Ordinal);
        Assert.Contains("name=\"today\" type=\"date\" value=\"2022-06-30\"", june, StringComparison.Ordinal);
        var may = await client.GetStringAsync(new Uri("/Projects/Warnings?period=2022-01..06&region=510502&today=2022-05-31", UriKind.Relative), Ct);
        Assert.Contains("datetime=\"2022-05-31\">2022年5月31日</time><span id=\"as-of-source\">（指定日期）</span>，", may, StringComparison.Ordinal);
        Assert.DoesNotContain("二期主体开工", may, StringComparison.Ordinal);
        var english = await client.GetStringAsync(new Uri("/Projects/Warnings?period=2022-01..06&region=510502&today=2022-06-30&lang=en", UriKind.Relative), Ct);
        Assert.Contains("As of <time id=\"as-of-day\" datetime=\"2022-06-30\">30 Jun 2022</time><span id=\"as-of-source\"> (given)</span>", english, StringComparison.Ordinal);
        Assert.Contains("30 days overdue", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_AsOfADay_MilestoneAndProblemOverdueOnlyAfterTheirDeadline()
    {
        using var client = await factory.SignedInClientAsync("page-analyst", WebFactory.UserPassword);
        // JY-S08: milestone 二期主体开工 and problem JY-S08-Q1 are both due 2022-05-31.
        var june = await client.GetStringAsync(new Uri("/Projects/Project/JY-S08?today=2022-06-30", UriKind.Relative), Ct);
        Assert.Contains("截至 <time id=\"as-of-day\" datetime=\"2022-06-30\">2022年6月30日</time>", june, StringComparison.Ordinal);
        Assert.Matches(OverdueMilestone, june);
        Assert.Contains("已逾期", Row(june, "problem-JY-S08-Q1"), StringComparison.Ordinal);
        // The links carry the day: back to the region's warnings, and the subnav's ledger and warnings.
        Assert.Contains("id=\"warnings-as-of\" href=\"/Projects/Warnings?region=510502&amp;today=2022-06-30\"", june, StringComparison.Ordinal);
        Assert.Contains("href=\"/Projects/Warnings?today=2022-06-30\"", june, StringComparison.Ordinal);
        Assert.Contains("href=\"/Projects?by=leader&amp;today=2022-06-30\"", june, StringComparison.Ordinal);

        var may = await client.GetStringAsync(new Uri("/Projects/Project/JY-S08?today=2022-05-31", UriKind.Relative), Ct);
        Assert.Contains("datetime=\"2022-05-31\">2022年5月31日</time>", may, StringComparison.Ordinal);
        Assert.Matches("<tr data-milestone=\"二期主体开工\">\\s*<td>二期主体开工\\s*</td>", may);
        Assert.DoesNotMatch(OverdueMilestone, may);
        Assert.DoesNotContain("已逾期", Row(may, "problem-JY-S08-Q1"), StringComparison.Ordinal);

        // No day: the clock's (2026 and later, long after the sample's 2022 deadlines), and the links carry nothing.
        var now = await client.GetStringAsync(new Uri("/Projects/Project/JY-S08", UriKind.Relative), Ct);
        Assert.Matches(OverdueMilestone, now);
        Assert.Contains("href=\"/Projects/Warnings?region=510502\"", now, StringComparison.Ordinal);
        Assert.DoesNotContain("today=", now, StringComparison.Ordinal);

        var english = await client.GetStringAsync(new Uri("/Projects/Project/JY-S08?today=2022-06-30&lang=en", UriKind.Relative), Ct);
        Assert.Contains("As of <time id=\"as-of-day\" datetime=\"2022-06-30\">30 Jun 2022</time>", english, StringComparison.Ordinal);
        Assert.Contains("<span class=\"flag\">overdue</span>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectAndWarnings_SameDay_AgreeOnTheOverdueMilestoneAndLinkWithTheDay()
    {
        using var client = await factory.SignedInClientAsync("page-analyst", WebFactory.UserPassword);
        foreach (var (day, overdue) in new[] { ("2022-05-31", false), ("2022-06-01", true), ("2022-06-30", true) })
        {
            var warnings = await client.GetStringAsync(new Uri($"/Projects/Warnings?period=2022-01..06&region=510502&today={day}", UriKind.Relative), Ct);
            var project = await client.GetStringAsync(new Uri($"/Projects/Project/JY-S08?today={day}", UriKind.Relative), Ct);
            Assert.Equal(overdue, warnings.Contains("节点“二期主体开工”", StringComparison.Ordinal));
            Assert.Equal(overdue, OverdueMilestone.IsMatch(project));
            Assert.Contains($"<time id=\"as-of-day\" datetime=\"{day}\">", warnings, StringComparison.Ordinal);
            Assert.Contains($"<time id=\"as-of-day\" datetime=\"{day}\">", project, StringComparison.Ordinal);
            // The warnings page links each project to its page as of the same day.
            Assert.Contains($"href=\"/Projects/Project/JY-S08?today={day}\"", warnings, StringComparison.Ordinal);
        }

        // Warnings as of today (no day given) link to the project page as of today too: nothing to carry.
        var live = await client.GetStringAsync(new Uri("/Projects/Warnings?period=2022-01..06&region=510502", UriKind.Relative), Ct);
        Assert.Contains("href=\"/Projects/Project/JY-S08\"", live, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_AsOfADay_CarriesItToProjectPagesAndTheExport()
    {
        using var client = await factory.SignedInClientAsync("page-analyst", WebFactory.UserPassword);
        var html = await client.GetStringAsync(new Uri("/Projects?period=2022-01..06&by=project&region=510502&today=2022-06-30", UriKind.Relative), Ct);
        Assert.Contains("href=\"/Projects/Project/JY-S08?today=2022-06-30\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"today\" type=\"date\" value=\"2022-06-30\"", html, StringComparison.Ordinal);
        Assert.Contains("&amp;today=2022-06-30&amp;format=xlsx", html, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2022-06-30\">2022年6月30日</time>", html, StringComparison.Ordinal);
        // The default period is the ledger's as of that day, as on the warnings page: 1–5月 as of 2022-05-31.
        var may = await client.GetStringAsync(new Uri("/Projects?region=510502&today=2022-05-31", UriKind.Relative), Ct);
        Assert.Contains("name=\"period\" value=\"2022-01..05\"", may, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh", "截至日期（today）“2022-02-30”不是有效日期，应写作 2022-06-30", "is not a valid date")]
    [InlineData("en", "&#x27;today&#x27; (&#x27;2022-02-30&#x27;) is not a valid date: write it like 2022-06-30", "不是有效日期")]
    public async Task Project_InvalidDay_ShowsTheWarningsMessageInTheUsersLanguage(string lang, string shown, string otherHalf)
    {
        using var client = await factory.SignedInClientAsync("page-analyst", WebFactory.UserPassword);
        using var response = await client.GetAsync(new Uri($"/Projects/Project/JY-S08?today=2022-02-30&lang={lang}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(shown, html, StringComparison.Ordinal);
        Assert.DoesNotContain(otherHalf, html, StringComparison.Ordinal);
        Assert.Contains("id=\"errors\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"milestones\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2022-02-30\"", html, StringComparison.Ordinal);
        // The ledger takes the same parser.
        var ledger = await client.GetStringAsync(new Uri($"/Projects?today=2022-02-30&lang={lang}", UriKind.Relative), Ct);
        Assert.Contains(shown, ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ledger\"", ledger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_InvalidDayOnAPost_WritesNothing()
    {
        using var client = await factory.SignedInClientAsync("jy-page", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Projects/Project/JY-S10", UriKind.Relative), Ct);
        var token = WebFactory.Antiforgery(page);
        using var post = await client.PostAsync(new Uri("/Projects/Project/JY-S10?handler=AddProblem&today=not-a-day", UriKind.Relative), Form(new()
        {
            ["Description"] = "as-of refusal probe", ["Department"] = "区发改局", ["On"] = "2022-06-01", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Contains("截至日期（today）“not-a-day”不是有效日期", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("as-of refusal probe", await client.GetStringAsync(new Uri("/Projects/Project/JY-S10", UriKind.Relative), Ct), StringComparison.Ordinal);

        // A valid day is kept by the form: the post answers as of that day.
        var dated = await client.GetStringAsync(new Uri("/Projects/Project/JY-S10?today=2022-06-30", UriKind.Relative), Ct);
        Assert.Contains("action=\"/Projects/Project/JY-S10?today=2022-06-30&amp;handler=AddProblem\"", dated, StringComparison.Ordinal);
    }

    /// <summary>JY-S08's milestone row flagged 逾期 on the project page.</summary>
    private static readonly Regex OverdueMilestone = new("<tr class=\"broken\" data-milestone=\"二期主体开工\">\\s*<td>二期主体开工\\s*<span class=\"flag\">逾期</span>", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string Row(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, id + " not found");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("zh", "截至日期（today）“2022-02-30”不是有效日期，应写作 2022-06-30", "is not a valid date")]
    [InlineData("en", "&#x27;today&#x27; (&#x27;2022-02-30&#x27;) is not a valid date: write it like 2022-06-30", "不是有效日期")]
    public async Task Warnings_InvalidDay_ShowsTheMessageInTheUsersLanguage(string lang, string shown, string otherHalf)
    {
        using var client = await factory.SignedInClientAsync("page-analyst", WebFactory.UserPassword);
        using var response = await client.GetAsync(new Uri($"/Projects/Warnings?period=2022-01..06&today=2022-02-30&lang={lang}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(shown, html, StringComparison.Ordinal);
        Assert.DoesNotContain(otherHalf, html, StringComparison.Ordinal);
        Assert.Contains("id=\"errors\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"warnings\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2022-02-30\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_BadPeriod_ShowsTheMessageInTheUsersLanguage()
    {
        using var client = await factory.SignedInClientAsync("page-analyst", WebFactory.UserPassword);
        using var response = await client.GetAsync(new Uri("/Projects?period=abc&by=weather&lang=en", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("unknown grouping &#x27;weather&#x27;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("无法识别分组方式", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectForms_Editor_TransitionsAndIsRefusedWithTheCoreMessage()
    {
        using var client = await factory.SignedInClientAsync("jy-page", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Projects/Project/JY-S09", UriKind.Relative), Ct);
        Assert.Contains("id=\"transition\"", page, StringComparison.Ordinal);
        var token = WebFactory.Antiforgery(page);
        using var illegal = await client.PostAsync(new Uri("/Projects/Project/JY-S09?handler=Transition", UriKind.Relative), Form(new()
        {
            ["Status"] = "Producing", ["On"] = "2022-07-01", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Contains("项目状态不能从在建变更为投产，下一步只能是竣工", await illegal.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var illegalEn = await client.PostAsync(new Uri("/Projects/Project/JY-S09?handler=Transition&lang=en", UriKind.Relative), Form(new()
        {
            ["Status"] = "Suspended", ["On"] = "2022-07-01", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Contains("moving to Suspended requires a reason", await illegalEn.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var ok = await client.PostAsync(new Uri("/Projects/Project/JY-S09?handler=Transition&lang=zh", UriKind.Relative), Form(new()
        {
            ["Status"] = "Completed", ["On"] = "2022-07-20", ["__RequestVerificationToken"] = token,
        }), Ct);
        var okHtml = await ok.Content.ReadAsStringAsync(Ct);
        Assert.Contains("状态已变更", okHtml, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"status\">竣工</strong>", okHtml, StringComparison.Ordinal);

        using var problem = await client.PostAsync(new Uri("/Projects/Project/JY-S09?handler=AddProblem", UriKind.Relative), Form(new()
        {
            ["Description"] = "验收资料不全", ["Department"] = "区住建局", ["On"] = "2022-07-21", ["DueOn"] = "2022-08-15", ["__RequestVerificationToken"] = token,
        }), Ct);
        var problemHtml = await problem.Content.ReadAsStringAsync(Ct);
        Assert.Contains("问题已登记", problemHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"problem-JY-S09-Q1\"", problemHtml, StringComparison.Ordinal);
        using var resolve = await client.PostAsync(new Uri("/Projects/Project/JY-S09?handler=ResolveProblem", UriKind.Relative), Form(new()
        {
            ["ProblemId"] = "JY-S09-Q1", ["Resolution"] = "已补齐", ["On"] = "2022-07-30", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Contains("问题已解决", await resolve.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Without the antiforgery token the post is refused.
        using var forged = await client.PostAsync(new Uri("/Projects/Project/JY-S09?handler=Transition", UriKind.Relative), Form(new()
        {
            ["Status"] = "Producing", ["On"] = "2022-08-01",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // An 安义 project is outside Jiangyang: no forms.
        var anyi = await client.GetStringAsync(new Uri("/Projects/Project/AY-S01", UriKind.Relative), Ct);
        Assert.DoesNotContain("id=\"transition\"", anyi, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"add-problem\"", anyi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthlyForm_EditorSavesSubmitsAndIsRefusedAllOrNothing()
    {
        using var client = await factory.SignedInClientAsync("jy-page", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Projects/Form?region=510502&month=2022-08", UriKind.Relative), Ct);
        var token = WebFactory.Antiforgery(page);
        // Line 0 is JY-S01, line 1 JY-S02 (by code). JY-S02's cumulative is below its June figure: nothing is stored.
        using var bad = await client.PostAsync(new Uri("/Projects/Form?handler=Save&region=510502&month=2022-08", UriKind.Relative), Form(new()
        {
            ["Lines[0].Code"] = "JY-S01", ["Lines[0].ThisMonth"] = "1000",
            ["Lines[1].Code"] = "JY-S02", ["Lines[1].ThisMonth"] = "0", ["Lines[1].Cumulative"] = "1",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        var badHtml = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("JY-S02：本年累计完成1万元低于上月累计250000万元", badHtml, StringComparison.Ordinal);
        Assert.Contains("未保存任何数据", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"1000\"", badHtml, StringComparison.Ordinal);
        var s01 = await client.GetStringAsync(new Uri("/Projects/Project/JY-S01", UriKind.Relative), Ct);
        Assert.DoesNotContain("2022-08", s01, StringComparison.Ordinal);

        using var submit = await client.PostAsync(new Uri("/Projects/Form?handler=Submit&region=510502&month=2022-08", UriKind.Relative), Form(new()
        {
            ["Lines[0].Code"] = "JY-S01", ["Lines[0].ThisMonth"] = "1000", ["Lines[0].Progress"] = "8月施工",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        var html = await submit.Content.ReadAsStringAsync(Ct);
        Assert.Contains("已保存并提交 1 个项目的月报", html, StringComparison.Ordinal);
        Assert.Contains("已提交", html, StringComparison.Ordinal);
        Assert.Contains("33.1亿元", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthlyForm_UploadValidatesByRowAndColumn()
    {
        using var client = await factory.SignedInClientAsync("jy-page", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Projects/Form?region=510502&month=2022-09", UriKind.Relative), Ct);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebFactory.Antiforgery(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("项目编号,本月完成投资(个),填报月份\nJY-S03,100,2022-09\n"));
        content.Add(file, "Upload", "9月.csv");
        using var response = await client.PostAsync(new Uri("/Projects/Form?handler=Upload&region=510502&month=2022-09&lang=en", UriKind.Relative), content, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"import-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("is not a money unit", html, StringComparison.Ordinal);
        Assert.Contains("本月完成投资(个)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("无权-1,100,2022-09\n", false)]
    [InlineData("无权-1,100,2022-09\nAY-S03,100,2022-09\n", true)]
    public async Task MonthlyForm_UploadCommit_RefusalMessageOnlyForARowOutOfScope(string rows, bool refused)
    {
        using var client = await factory.SignedInClientAsync("jy-page", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Projects/Form?region=510502&month=2022-09", UriKind.Relative), Ct);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebFactory.Antiforgery(page)), "__RequestVerificationToken" },
        };
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("项目编号,本月完成投资(万元),填报月份\n" + rows)), "Upload", "9月.csv");
        using var response = await client.PostAsync(new Uri("/Projects/Form?handler=Upload&commit=true&region=510502&month=2022-09", UriKind.Relative), content, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("项目编号无权-1不存在", html, StringComparison.Ordinal);
        Assert.Equal(refused, html.Contains("文件中有无权填报的项目，未导入任何数据", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_EditorIsReadOnly_ReviewerReturnsWithComment()
    {
        using var editor = await factory.SignedInClientAsync("jy-page", WebFactory.UserPassword);
        var formPage = await editor.GetStringAsync(new Uri("/Projects/Form?region=510502&month=2022-10", UriKind.Relative), Ct);
        using var submitted = await editor.PostAsync(new Uri("/Projects/Form?handler=Submit&region=510502&month=2022-10", UriKind.Relative), Form(new()
        {
            ["Lines[0].Code"] = "JY-S05", ["Lines[0].ThisMonth"] = "2500", ["__RequestVerificationToken"] = WebFactory.Antiforgery(formPage),
        }), Ct);
        Assert.Contains("已保存并提交 1 个项目的月报", await submitted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var asEditor = await editor.GetStringAsync(new Uri("/Projects/Review?region=510502&month=2022-10", UriKind.Relative), Ct);
        Assert.Contains("id=\"not-reviewer\"", asEditor, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"primary approve\"", asEditor, StringComparison.Ordinal);
        using var forced = await editor.PostAsync(new Uri("/Projects/Review?handler=Approve&region=510502&month=2022-10", UriKind.Relative), Form(new()
        {
            ["Code"] = "JY-S05", ["__RequestVerificationToken"] = WebFactory.Antiforgery(asEditor),
        }), Ct);
        Assert.Contains("无权审核 510502 的报表", await forced.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var reviewer = await factory.SignedInClientAsync("jy-page-reviewer", WebFactory.UserPassword);
        var review = await reviewer.GetStringAsync(new Uri("/Projects/Review?region=510502&month=2022-10", UriKind.Relative), Ct);
        Assert.Contains("id=\"review-JY-S05\"", review, StringComparison.Ordinal);
        using var returned = await reviewer.PostAsync(new Uri("/Projects/Review?handler=Return&region=510502&month=2022-10", UriKind.Relative), Form(new()
        {
            ["Code"] = "JY-S05", ["Comment"] = "请附照片", ["__RequestVerificationToken"] = WebFactory.Antiforgery(review),
        }), Ct);
        var html = await returned.Content.ReadAsStringAsync(Ct);
        Assert.Contains("JY-S05 已退回", html, StringComparison.Ordinal);
        Assert.Contains("id=\"other-JY-S05\"", html, StringComparison.Ordinal);
        Assert.Contains("请附照片", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthlyForm_DepartmentDesk_EditsOnlyTheLinesItLeads()
    {
        using var client = await factory.SignedInClientAsync("fg-page-desk", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Projects/Form?region=510502&month=2022-09", UriKind.Relative), Ct);
        Assert.Contains("id=\"save\"", page, StringComparison.Ordinal);
        // JY-S01 is led by 区发改局 (an input), JY-S02 by 区经信局 (read only).
        Assert.Matches("id=\"line-JY-S01\"[\\s\\S]*?class=\"this-month\"[\\s\\S]*?id=\"line-JY-S02\"", page);
        Assert.DoesNotMatch("id=\"line-JY-S02\"(?:(?!</tr>)[\\s\\S])*class=\"this-month\"", page);
        using var forged = await client.PostAsync(new Uri("/Projects/Form?handler=Save&region=510502&month=2022-09", UriKind.Relative), Form(new()
        {
            ["Lines[0].Code"] = "JY-S01", ["Lines[0].ThisMonth"] = "100",
            ["Lines[1].Code"] = "JY-S02", ["Lines[1].ThisMonth"] = "100",
            ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
        }), Ct);
        var html = await forged.Content.ReadAsStringAsync(Ct);
        Assert.Contains("无权修改 510502 的数据", html, StringComparison.Ordinal);
        Assert.Contains("未保存任何数据", html, StringComparison.Ordinal);
        var s01 = await client.GetStringAsync(new Uri("/Projects/Project/JY-S01", UriKind.Relative), Ct);
        Assert.DoesNotContain("2022-09", s01, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);
}
