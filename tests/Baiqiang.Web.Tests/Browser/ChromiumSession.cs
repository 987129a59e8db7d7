using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Debian's headless Chromium for a browser test: the test skips when it is missing and fails instead under CI=true; one
/// page (zh-CN, 900 px high) whose console errors are collected, and the sign-in form filled as a user would.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                ConsoleErrors.Add(m.Text);
            }
        };
    }

    /// <summary>The test output's screenshots/ folder (created on first use).</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public IPage Page { get; }

    /// <summary>Every console message of type error the page logged so far.</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Skips the test without Chromium (fails under CI=true), launches it and opens a page on <paramref name="baseUrl"/>.</summary>
    public static async Task<ChromiumSession> OpenAsync(string baseUrl, int width = 1280)
    {
        if (!File.Exists(Executable))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but chromium is missing");
            }

            Assert.Skip("chromium is not installed at " + Executable);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "zh-CN" });
        return new ChromiumSession(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>Signs in through the login form and waits until it has left the login page.</summary>
    public async Task SignInAsync(string user, string password)
    {
        await Page.GotoAsync("/Auth/Login");
        await Page.FillAsync("input[name=UserName]", user);
        await Page.FillAsync("input[name=Password]", password);
        await Page.ClickAsync("#login");
        await Page.WaitForURLAsync(url => !url.Contains("/Auth/Login", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
