using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Baiqiang.Web.Shared;

/// <summary>
/// HTTPS behind a TLS-terminating proxy: <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed only from the
/// loopback address (a proxy on the same machine) and from the addresses in configuration
/// <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g.
/// 10.0.0.0/24); from anyone else they are ignored. A request that arrives (or is forwarded) as HTTPS gets HSTS and
/// Secure cookies; the <c>Server</c> header is not sent.
/// </summary>
public static class ProxySetup
{
    public static void AddBaiqiangProxy(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;

            // The defaults (127.0.0.0/8 and ::1) stay: the usual proxy runs on the same machine.
            foreach (var p in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(p.Trim()));
            }

            foreach (var n in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n.Trim()));
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(180));
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
    }

    /// <summary>First in the pipeline, so every later step (rate limits by client address, cookies, HSTS) sees the client's view.</summary>
    public static void UseBaiqiangProxy(this WebApplication app) => app.UseForwardedHeaders();
}
