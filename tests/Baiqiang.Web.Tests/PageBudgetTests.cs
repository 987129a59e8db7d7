using System.Net;
using Baiqiang.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Baiqiang.Web.Tests;

/// <summary>The app with a tight parse budget: a read-only user may send 2,000 bytes and have no time at all to parse them.</summary>
public sealed class TightBudgetWebFactory : WebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Baiqiang:ParseBudget:ReaderMaxBytes", "2000");
        builder.UseSetting("Baiqiang:ParseBudget:ReaderSeconds", "0");
    }
}

/// <summary>
/// The Razor pages' upload forms keep the API's parse budget: over a read-only user's size cap the page answers 413,
/// past the deadline 422, and in both cases shows the reason on the page in both languages instead of an error page.
/// </summary>
public sealed class PageBudgetTests(TightBudgetWebFactory factory) : IClassFixture<TightBudgetWebFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await factory.EnsureUserAsync("budget-analyst", "analyst");
        await factory.EnsureUserAsync("budget-editor", "editor", 510502);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("/Imports", "Validate", "file")]
    [InlineData("/Documents", "Upload", "Upload")]
    public async Task UploadForm_ReadOnlyUserOverTheCap_413AndTheReasonOnThePage(string path, string handler, string field)
    {
        using var client = await factory.SignedInClientAsync("budget-analyst", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct);
        var text = "地区,指标,期别,数值,单位\n" + string.Concat(Enumerable.Repeat("320612,gdp,2023-01..06,880.5,亿元\n", 100));

        using var response = await client.PostAsync(new Uri($"{path}?handler={handler}", UriKind.Relative), Form(text, field, WebFactory.Antiforgery(page)), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("id=\"budget-error\"", html, StringComparison.Ordinal);
        Assert.Contains("只读用户上限", html, StringComparison.Ordinal);
        Assert.Contains("<html", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_ReadOnlyUserPastTheDeadline_422AndTheReasonOnThePageInEnglishToo()
    {
        using var client = await factory.SignedInClientAsync("budget-analyst", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Imports?lang=en", UriKind.Relative), Ct);

        using var response = await client.PostAsync(new Uri("/Imports?handler=Validate", UriKind.Relative),
            Form("地区,指标,期别,数值,单位\n320612,gdp,2023-01..06,880.5,亿元\n", "file", WebFactory.Antiforgery(page)), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"budget-error\"", html, StringComparison.Ordinal);
        Assert.Contains("took longer than the 0 s budget; nothing was stored", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_EditorUnderTheWriterBudget_ValidatesAsUsual()
    {
        using var client = await factory.SignedInClientAsync("budget-editor", WebFactory.UserPassword);
        var page = await client.GetStringAsync(new Uri("/Imports", UriKind.Relative), Ct);
        var text = "地区,指标,期别,数值,单位\n" + string.Concat(Enumerable.Repeat("510502,gdp,2023-01..06,880.5,亿元\n", 100));

        using var response = await client.PostAsync(new Uri("/Imports?handler=Validate", UriKind.Relative), Form(text, "file", WebFactory.Antiforgery(page)), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("id=\"budget-error\"", html, StringComparison.Ordinal);
        Assert.Contains("全部通过校验", html, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form(string csv, string field, string token)
    {
        var form = PageTests.Form(csv, "budget.csv", token);
        if (field != "file")
        {
            // The same bytes under the page's own field name.
            var renamed = new MultipartFormDataContent();
            var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            renamed.Add(file, field, "budget.csv");
            renamed.Add(new StringContent(token), "__RequestVerificationToken");
            form.Dispose();
            return renamed;
        }

        return form;
    }
}
