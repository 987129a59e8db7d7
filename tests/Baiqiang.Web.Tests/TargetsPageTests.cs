using System.Net;
using Baiqiang.Web.Tests.Support;

namespace Baiqiang.Web.Tests;

/// <summary>The 目标管理 page over HTTP: list with progress, add/edit/delete with antiforgery, the store's refusals in the user's language.</summary>
public sealed class TargetsPageTests(WebFactory factory) : IClassFixture<WebFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("jy-tg-page", "editor", 510502);
        await factory.EnsureUserAsync("tg-page-analyst", "analyst");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    [Theory]
    [InlineData("/Targets?region=512000402", "目标与进度", "力争今年新签约项目100个以上", "≥ 100个")]
    [InlineData("/Targets?region=资阳市", "工业总产值在2020年基础上实现翻一番以上", "缺少基期2020年的数值", "≥ 2 × 2020年")]
    [InlineData("/Targets?region=512000402&lang=en", "Targets and progress", "Add a target", "deals signed")]
    [InlineData("/Targets?region=512000&lang=en", "no figure for the base period 2020", "Pipeline and project counts", "≥ 2 × 2020")]
    public async Task Page_Admin_RendersInTheUsersLanguage(string path, string first, string second, string third)
    {
        using var client = await factory.SignedInClientAsync("admin", WebFactory.AdminPassword);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            // A region typed by name (资阳市) is redirected to its canonical URL (?region=512000), as every region box is.
            Assert.Equal("/Targets?region=512000", response.Headers.Location!.OriginalString);
            var canonical = response.Headers.Location;
            response.Dispose();
            response = await client.GetAsync(canonical, Ct);
        }

        using var page = response;
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains(first, html, StringComparison.Ordinal);
        Assert.Contains(second, html, StringComparison.Ordinal);
        Assert.Contains(third, html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Targets\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_EditorOfTheRegion_RefusalsInChineseAndEnglishThenAddsWithProgress()
    {
        using var client = await factory.SignedInClientAsync("jy-tg-page", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Targets", UriKind.Relative), Ct);
        Assert.Contains("id=\"target-form\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"510502\"", page, StringComparison.Ordinal);
        var token = WebFactory.Antiforgery(page);

        using var zh = await client.PostAsync(new Uri("/Targets?handler=Save&region=510502", UriKind.Relative), Form(new()
        {
            ["Region"] = "510502", ["Subject"] = "gdp", ["Deadline"] = "2025", ["Comparator"] = ">=", ["Value"] = "100", ["Unit"] = "个",
            ["Multiple"] = "2", ["BasePeriod"] = "2020", ["__RequestVerificationToken"] = token,
        }), Ct);
        var zhHtml = await zh.Content.ReadAsStringAsync(Ct);
        Assert.Contains("目标值：目标值与倍数只能填一个", zhHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("not both", zhHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"100\"", zhHtml, StringComparison.Ordinal);

        using var en = await client.PostAsync(new Uri("/Targets?handler=Save&region=510502&lang=en", UriKind.Relative), Form(new()
        {
            ["Region"] = "510502", ["Subject"] = "gdp", ["Deadline"] = "2025年", ["Value"] = "100", ["Unit"] = "个", ["__RequestVerificationToken"] = token,
        }), Ct);
        var enHtml = await en.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Unit: unit &#x27;个&#x27; cannot be converted to the unit &#x27;亿元&#x27; of indicator &#x27;gdp&#x27;", enHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("不能换算", enHtml, StringComparison.Ordinal);

        using var ok = await client.PostAsync(new Uri("/Targets?handler=Save&region=510502&lang=zh", UriKind.Relative), Form(new()
        {
            ["Region"] = "510502", ["Subject"] = "retail_sales", ["Deadline"] = "2022年", ["Comparator"] = ">=", ["Value"] = "4500000", ["Unit"] = "万元",
            ["Key"] = "page-jy-retail", ["__RequestVerificationToken"] = token,
        }), Ct);
        var okHtml = await ok.Content.ReadAsStringAsync(Ct);
        Assert.Contains("已添加目标“page-jy-retail”", okHtml, StringComparison.Ordinal);
        Assert.Matches("id=\"target-page-jy-retail\"[\\s\\S]*?≥ 450亿元[\\s\\S]*?228.09亿元[\\s\\S]*?50.69%[\\s\\S]*?50.00%[\\s\\S]*?进度正常", okHtml);

        // Without the antiforgery token the post is refused.
        using var forged = await client.PostAsync(new Uri("/Targets?handler=Save&region=510502", UriKind.Relative), Form(new()
        {
            ["Region"] = "510502", ["Subject"] = "gdp", ["Deadline"] = "2030", ["Value"] = "1",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task EditAndDelete_EditorOfTheRegion_PrefillsSavesAndDeletesAfterConfirmation()
    {
        using var client = await factory.SignedInClientAsync("jy-tg-page", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Targets?region=510502", UriKind.Relative), Ct);
        var token = WebFactory.Antiforgery(page);
        using var added = await client.PostAsync(new Uri("/Targets?handler=Save&region=510502", UriKind.Relative), Form(new()
        {
            ["Region"] = "510502", ["Subject"] = "budget_revenue", ["Deadline"] = "2026", ["Value"] = "40亿元", ["Key"] = "page-jy-budget", ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Contains("已添加目标“page-jy-budget”", await added.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var edit = await client.GetStringAsync(new Uri("/Targets?region=510502&edit=page-jy-budget", UriKind.Relative), Ct);
        Assert.Contains("编辑目标 page-jy-budget", edit, StringComparison.Ordinal);
        Assert.Contains("name=\"OriginalKey\" value=\"page-jy-budget\"", edit, StringComparison.Ordinal);
        Assert.Contains("name=\"Value\" value=\"40\"", edit, StringComparison.Ordinal);
        using var saved = await client.PostAsync(new Uri("/Targets?handler=Save&region=510502", UriKind.Relative), Form(new()
        {
            ["Region"] = "510502", ["OriginalKey"] = "page-jy-budget", ["Subject"] = "budget_revenue", ["Deadline"] = "2026", ["Comparator"] = "<=",
            ["Value"] = "45", ["Unit"] = "亿元", ["Description"] = "一般公共预算收入控制在45亿元以内", ["__RequestVerificationToken"] = WebFactory.Antiforgery(edit),
        }), Ct);
        var savedHtml = await saved.Content.ReadAsStringAsync(Ct);
        Assert.Contains("目标“page-jy-budget”已保存", savedHtml, StringComparison.Ordinal);
        Assert.Matches("id=\"target-page-jy-budget\"[\\s\\S]*?一般公共预算收入控制在45亿元以内[\\s\\S]*?≤ 45亿元", savedHtml);

        var confirm = await client.GetStringAsync(new Uri("/Targets?region=510502&delete=page-jy-budget", UriKind.Relative), Ct);
        Assert.Contains("id=\"confirm-delete\"", confirm, StringComparison.Ordinal);
        Assert.Contains("确认删除目标“一般公共预算收入控制在45亿元以内”（page-jy-budget）", confirm, StringComparison.Ordinal);
        using var deleted = await client.PostAsync(new Uri("/Targets?handler=Delete&region=510502", UriKind.Relative), Form(new()
        {
            ["Key"] = "page-jy-budget", ["__RequestVerificationToken"] = WebFactory.Antiforgery(confirm),
        }), Ct);
        var deletedHtml = await deleted.Content.ReadAsStringAsync(Ct);
        Assert.Contains("已删除目标“page-jy-budget”", deletedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"target-page-jy-budget\"", deletedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnly_AnalystAndOtherRegion_NoFormAndForgedPostRefused()
    {
        using var analyst = await factory.SignedInClientAsync("tg-page-analyst", WebFactory.UserPassword);
        var page = await analyst.GetStringAsync(new Uri("/Targets?region=320612", UriKind.Relative), Ct);
        Assert.Contains("id=\"read-only\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"target-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"delete\"", page, StringComparison.Ordinal);
        using var forced = await analyst.PostAsync(new Uri("/Targets?handler=Delete&region=320612", UriKind.Relative), Form(new()
        {
            ["Key"] = "tongzhou-new-major-starts-2023", ["__RequestVerificationToken"] = WebFactory.Antiforgery(page),
        }), Ct);
        Assert.Contains("无权修改 320612 的数据", await forced.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var editor = await factory.SignedInClientAsync("jy-tg-page", WebFactory.UserPassword);
        var tongzhou = await editor.GetStringAsync(new Uri("/Targets?region=320612", UriKind.Relative), Ct);
        Assert.Contains("id=\"read-only\"", tongzhou, StringComparison.Ordinal);
        using var forged = await editor.PostAsync(new Uri("/Targets?handler=Save&region=320612&lang=en", UriKind.Relative), Form(new()
        {
            ["Region"] = "320612", ["Subject"] = "gdp", ["Deadline"] = "2030", ["Value"] = "3000", ["__RequestVerificationToken"] = WebFactory.Antiforgery(tongzhou),
        }), Ct);
        Assert.Contains("may not change data of 320612", await forged.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var after = await editor.GetStringAsync(new Uri("/Targets?region=320612", UriKind.Relative), Ct);
        Assert.DoesNotContain("320612-gdp-2030", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_LinksToTargetsOnlyForThoseWhoMayEdit()
    {
        using var editor = await factory.SignedInClientAsync("jy-tg-page", WebFactory.UserPassword);
        using var analyst = await factory.SignedInClientAsync("tg-page-analyst", WebFactory.UserPassword);

        var own = await editor.GetStringAsync(new Uri("/?region=510502", UriKind.Relative), Ct);
        var other = await editor.GetStringAsync(new Uri("/?region=320612", UriKind.Relative), Ct);
        var read = await analyst.GetStringAsync(new Uri("/?region=510502&lang=en", UriKind.Relative), Ct);

        Assert.Contains("<a class=\"aside\" id=\"manage-targets\" href=\"/Targets?region=510502\">管理目标</a>", own, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"manage-targets\"", other, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"manage-targets\"", read, StringComparison.Ordinal);
    }
}
