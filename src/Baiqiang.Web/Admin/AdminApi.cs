using Baiqiang.Core.Text;
using Baiqiang.Web.Auth;

namespace Baiqiang.Web.Admin;

/// <summary>Users, roles, region scopes and the audit log; administrators only.</summary>
public static class AdminApi
{
    public static void AddBaiqiangAdmin(this IServiceCollection services) => services.AddScoped<UserAdmin>();

    public static void MapAdminApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/admin").WithTags("admin").RequireAuthorization(AuthSetup.AdminPolicy).DisableAntiforgery().RequireAntiforgeryForCookies();
        api.MapGet("/users", ListUsersAsync).WithName("ListUsers");
        api.MapPost("/users", CreateUserAsync).WithName("CreateUser");
        api.MapPut("/users/{id}", UpdateUserAsync).WithName("UpdateUser");
        api.MapGet("/audit", AuditAsync).WithName("ListAudit");
    }

    internal static async Task<Ok<IReadOnlyList<UserItem>>> ListUsersAsync(UserAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct));

    internal static async Task<Results<Created<UserItem>, ValidationProblem>> CreateUserAsync(CreateUserRequest request, HttpContext http, UserAdmin admin, CancellationToken ct)
    {
        var (user, errors) = await admin.CreateAsync(http.User.ToActor(), request, ct);
        return user is null ? Problem(errors) : TypedResults.Created($"/api/admin/users/{user.Id}", user);
    }

    internal static async Task<Results<Ok<UserItem>, ValidationProblem>> UpdateUserAsync(string id, UpdateUserRequest request, HttpContext http, UserAdmin admin, CancellationToken ct)
    {
        var (user, errors) = await admin.UpdateAsync(http.User.ToActor(), id, request, ct);
        return user is null ? Problem(errors) : TypedResults.Ok(user);
    }

    internal static async Task<Ok<IReadOnlyList<AuditItem>>> AuditAsync(string? user, string? entity, int? take, UserAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.AuditAsync(user, entity, take ?? 200, ct));

    private static ValidationProblem Problem(IReadOnlyList<Bilingual> errors) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = errors.Select(e => e.ToString()).ToArray() });
}
