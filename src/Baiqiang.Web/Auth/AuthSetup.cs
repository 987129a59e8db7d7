using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Baiqiang.Web.Auth;

/// <summary>Identity (cookies for pages), personal API tokens (Bearer for scripts), roles, rate limits.</summary>
public static class AuthSetup
{
    public const string TokenScheme = "ApiToken";
    public const string SmartScheme = "CookieOrToken";
    public const string AdminPolicy = "admin";
    public const string LoginRateLimit = "login";

    public static void AddBaiqiangAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddSingleton<AdminLockout>();
        services.AddSingleton<TokenUseStamps>();
        services.AddIdentity<WebUser, IdentityRole>(UserAccounts.ConfigureIdentity)
            .AddEntityFrameworkStores<WebIdentityDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Auth/Login";
            o.LogoutPath = "/Auth/Logout";
            o.AccessDeniedPath = "/Auth/Denied";
            o.Cookie.Name = "bq.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // Scope changes made by an administrator reach a signed-in user's cookie within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(TokenScheme, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireRole(WebRoles.Admin));

        var permits = builder.Configuration.GetValue("Baiqiang:LoginPermitsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// For API writes made with the session cookie (the pages' own scripts), checks the antiforgery token, since a
    /// browser sends cookies cross-site; token-authenticated scripts carry no ambient credential and skip it.
    /// </summary>
    public static RouteGroupBuilder RequireAntiforgeryForCookies(this RouteGroupBuilder group) => group.AddEndpointFilter(async (ctx, next) =>
    {
        var http = ctx.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "防伪令牌无效 / antiforgery token missing or invalid");
            }
        }

        return await next(ctx);
    });
}

/// <summary>Authenticates <c>Authorization: Bearer bq_…</c> against the hashed personal tokens.</summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    WebIdentityDbContext identity,
    UserManager<WebUser> users,
    IUserClaimsPrincipalFactory<WebUser> principals,
    Microsoft.Extensions.Caching.Memory.IMemoryCache cache,
    TokenUseStamps stamps,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>
    /// A token's principal is reused for this long (scripts call in bursts; a database round trip per call would
    /// dominate cheap endpoints). Revoking a token evicts it at once; a role or lockout change reaches tokens within this time.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static string CacheKey(string hash) => "api-token:" + hash;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = Passwords.Hash(header["Bearer ".Length..].Trim());
        if (cache.TryGetValue(CacheKey(hash), out ClaimsPrincipal? known) && known is not null)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(known, Scheme.Name));
        }

        var token = await identity.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("unknown token");
        }

        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("user missing or locked out");
        }

        var now = clock.GetUtcNow();
        if (token.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(5))
        {
            // Not awaited: the request must not wait for the store's write lock (see TokenUseStamps).
            _ = stamps.RecordAsync(token.Id, now);
        }

        ClaimsPrincipal principal = await principals.CreateAsync(user);
        cache.Set(CacheKey(hash), principal, CacheFor);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
