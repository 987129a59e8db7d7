using Scalar.AspNetCore;

namespace Baiqiang.Web.Shared;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and its browsable reference (<c>/scalar</c>), both behind sign-in.</summary>
public static class ApiSetup
{
    public static void AddBaiqiangApi(this WebApplicationBuilder builder) => builder.Services.AddOpenApi();

    public static void MapBaiqiangApiReference(this WebApplication app)
    {
        app.MapOpenApi().RequireAuthorization();
        app.MapScalarApiReference().RequireAuthorization();
    }

    /// <summary>A bare authenticated endpoint: the yardstick the region-series API's throughput is compared with.</summary>
    public static void MapHelloApi(this WebApplication app) =>
        app.MapGet("/api/hello", () => TypedResults.Ok(new HelloResponse("你好", "hello")))
            .WithTags("meta").WithName("Hello").RequireAuthorization();

    public sealed record HelloResponse(string Zh, string En);
}
