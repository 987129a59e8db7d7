using System.Net;
using Baiqiang.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Baiqiang.Web.Tests;

/// <summary>Every endpoint the app maps, found from the EndpointDataSource, refuses anonymous callers — so a new endpoint cannot skip auth.</summary>
public sealed class EndpointAuthorizationTests(WebFactory factory) : IClassFixture<WebFactory>
{
    /// <summary>The only pages a stranger may open; and the load balancer's health probes (status and node name only).</summary>
    private static readonly string[] Anonymous = ["/Auth/Login", "/Auth/Denied", "/healthz", "/readyz"];

    /// <summary>The API reference's own script and icon files (public library assets, no data) are the only other open paths.</summary>
    private static bool IsReferenceAsset(string path) =>
        path.StartsWith("/scalar/", StringComparison.OrdinalIgnoreCase) && (path.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task EveryEndpoint_Anonymous_GetsUnauthorizedOrLoginRedirect()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 15, $"only {endpoints.Count} endpoints found");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var path = "/" + Fill(endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (Anonymous.Contains(path, StringComparer.OrdinalIgnoreCase) || IsReferenceAsset(path))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                var ok = response.StatusCode == HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Auth/Login", StringComparison.Ordinal));
                Assert.True(ok, $"{method} {path} ({endpoint.DisplayName}) answered {(int)response.StatusCode} to an anonymous caller");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 20);
    }

    [Fact]
    public void EveryEndpoint_ExceptSignIn_CarriesNoAllowAnonymous()
    {
        var open = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Where(p => !IsReferenceAsset(p))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        Assert.Equal(Anonymous.Order(StringComparer.OrdinalIgnoreCase), open);
    }

    private static string Fill(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, "\\{([^}:=?]+)[^}]*\\}", m => m.Groups[1].Value.TrimStart('*') switch
    {
        "region" => "510502",
        "id" => "1",
        "documentName" => "v1",
        _ => "x",
    });
}
