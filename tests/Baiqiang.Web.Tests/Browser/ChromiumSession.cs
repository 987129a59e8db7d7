using Microsoft.Playwright;

namespace Baiqiang.Web.Tests.Browser;

/// <summary>
/// Debian's headless Chromium for a browser test: the test skips when it is missing and fails instead under CI=true; pages
/// (zh-CN, 900 px high) whose console errors are collected, and the sign-in form filled as a user would. Every wait is
/// for a state the page reaches (a selector, a URL, a chart's <c>data-rendered</c>), never a fixed delay, and the
/// timeouts are generous because the suite runs on a loaded, shared machine: a slow page waits longer, it does not fail.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>How long an action or wait may take before the test fails (a loaded 2-core machine needs far more than
    /// Playwright's 30 s default for a first page that compiles its views).</summary>
    public const float ActionTimeout = 90_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _baseUrl;

    private ChromiumSession(IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _playwright = playwright;
        _browser = browser;
        _baseUrl = baseUrl;
    }

    /// <summary>The test output's screenshots/ folder (created on first use).</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>The first page, opened with the session.</summary>
    public IPage Page { get; private set; } = null!;

    /// <summary>Every console message of type error any of the session's pages logged so far.</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Skips the test without Chromium (fails under CI=true), launches it and opens a page on <paramref name="baseUrl"/>.</summary>
    public static async Task<ChromiumSession> OpenAsync(string baseUrl, int width = 1280, int height = 900)
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
            Timeout = ActionTimeout,
            Args = ["--no-sandbox", "--disable-background-networking"],
        });
        var session = new ChromiumSession(playwright, browser, baseUrl);
        session.Page = await session.NewPageAsync(width, height);
        return session;
    }

    /// <summary>A page in a browser context of its own (its own cookies: another user can sign in there), with the
    /// session's timeouts and console-error collection.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(ActionTimeout);
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                ConsoleErrors.Add(m.Text);
            }
        };
        return page;
    }

    /// <summary>Signs in on the session's first page.</summary>
    public Task SignInAsync(string user, string password) => SignInAsync(Page, user, password);

    /// <summary>Signs in through the login form and waits until it has left the login page.</summary>
    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/Auth/Login");
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("#login");
        await WaitForPageAsync(page, url => !url.Contains("/Auth/Login", StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits until the page's URL satisfies <paramref name="url"/> and that document has been parsed. The URL is awaited at
    /// commit and the document's own <c>readyState</c> is polled, instead of Playwright's default wait for the <c>load</c>
    /// lifecycle event: once (a 90 s timeout in a full test run, with "NetworkIdle event fired" logged but never "load") that
    /// event was missed after a click had navigated, though the page had loaded.
    /// </summary>
    public static async Task WaitForPageAsync(IPage page, Func<string, bool> url)
    {
        await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
    }

    /// <summary>Waits until the ECharts chart or map in <paramref name="selector"/> has painted its last frame with every
    /// entry animation ended (the scripts set <c>data-rendered="true"</c> in the chart's <c>finished</c> handler).</summary>
    public static Task WaitForRenderedAsync(IPage page, string selector) =>
        page.WaitForSelectorAsync(selector + "[data-rendered=true]");

    /// <summary>How many pixels of the chart's canvas carry any ink: read once the chart has rendered, a blank canvas
    /// (a chart that failed to paint) shows as near zero whatever the chart holds.</summary>
    public static Task<int> CanvasInkAsync(IPage page, string chart) =>
        page.EvaluateAsync<int>(
            "id => { const c = document.querySelector('#' + id + ' canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }",
            chart);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
