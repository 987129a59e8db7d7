using System.Diagnostics;
using System.Net;
using Baiqiang.Core.Access;
using Microsoft.AspNetCore.Diagnostics;

namespace Baiqiang.Web.Shared;

/// <summary>Pages, language, error handling and security headers.</summary>
public static class WebSetup
{
    /// <summary>Razor Pages rooted at the project folder, so each feature folder holds its pages beside its code.</summary>
    public static void AddBaiqiangWeb(this WebApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        builder.AddBaiqiangProxy();
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.ConfigureFilter(new ParseBudgetPageFilter());
            o.Conventions.ConfigureFilter(new Inputs.CanonicalInputsFilter());
            o.Conventions.AllowAnonymousToPage("/Auth/Login");
            o.Conventions.AllowAnonymousToPage("/Auth/Denied");
            o.Conventions.AuthorizeFolder("/Admin", Auth.AuthSetup.AdminPolicy);
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "bq.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddScoped<Lang>();
        builder.Services.AddSingleton(sp => new Rankings.BoundaryFiles(sp.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));
        // Chinese text is written as characters, not &#x...; escapes (still HTML-encoded where it must be).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["requestId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = Imports.ImportLimits.MaxUploadBytes + 1024 * 1024);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = Imports.ImportLimits.MaxUploadBytes + 1024 * 1024);
    }

    public static void UseBaiqiangPipeline(this WebApplication app)
    {
        app.UseBaiqiangProxy();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteErrorAsync });
        app.UseHsts();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.Use(Lang.SwitchFromQuery);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    public static void MapBaiqiangPages(this WebApplication app) => app.MapRazorPages();

    /// <summary>CSP with no inline script or style (ECharts draws on canvas from /lib); the API reference page needs its own inline bootstrap.</summary>
    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var h = http.Response.Headers;
        var reference = http.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase);
        h.ContentSecurityPolicy = reference
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'"
            : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }

    /// <summary>No stack traces: the user sees a bilingual message and a request id to quote; the log has the rest.</summary>
    private static async Task WriteErrorAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var requestId = Activity.Current?.Id ?? http.TraceIdentifier;
        var denied = error is AccessDeniedException;
        var busy = Baiqiang.Storage.StoreBusyException.From(error);
        http.Response.StatusCode = denied ? StatusCodes.Status403Forbidden
            : busy is { IsConflict: true } ? StatusCodes.Status409Conflict
            : busy is not null ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status500InternalServerError;
        if (busy is not null)
        {
            http.Response.Headers.RetryAfter = busy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var (zh, en) = denied && error is AccessDeniedException ade
            ? (ade.Reason.Zh, ade.Reason.En)
            : busy is not null ? (busy.Reason.Zh, busy.Reason.En)
            : ("服务器内部错误，请把请求编号告诉管理员", "Internal error; please quote the request id to your administrator");
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await TypedResults.Problem(statusCode: http.Response.StatusCode, title: $"{zh} / {en}", extensions: new Dictionary<string, object?> { ["requestId"] = requestId }).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>百强 · 出错</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>" +
            $"<body><main class=\"error\"><h1>{WebUtility.HtmlEncode(zh)}</h1><p>{WebUtility.HtmlEncode(en)}</p>" +
            $"<p>请求编号 / request id: <code id=\"request-id\">{WebUtility.HtmlEncode(requestId)}</code></p><p><a href=\"/\">返回首页 / home</a></p></main></body></html>");
    }
}
