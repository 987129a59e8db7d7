using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Admin;

/// <summary>用户管理: create users, set roles and region/department scopes, lock accounts.</summary>
public sealed class UsersModel(UserAdmin admin, Lang lang) : PageModel
{
    public IReadOnlyList<UserItem> Users { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Done { get; private set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    [Shared.Inputs.RegionInput(Multiple = true)]
    public string? Regions { get; set; }

    [BindProperty]
    public string? Departments { get; set; }

    [BindProperty]
    public bool Locked { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (user, errors) = await admin.CreateAsync(User.ToActor(), new CreateUserRequest(UserName ?? string.Empty, DisplayName ?? string.Empty, Password ?? string.Empty, Roles, Split(Regions), Split(Departments)), ct);
        Errors = errors.Select(e => lang[e]).ToList();
        Done = user is null ? null : lang[$"已创建用户 {user.UserName}", $"created user {user.UserName}"];
        Users = await admin.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(string id, CancellationToken ct)
    {
        var (user, errors) = await admin.UpdateAsync(User.ToActor(), id, new UpdateUserRequest(Roles, Split(Regions), Split(Departments), Locked), ct);
        Errors = errors.Select(e => lang[e]).ToList();
        Done = user is null ? null : lang[$"已更新用户 {user.UserName}", $"updated user {user.UserName}"];
        Users = await admin.ListAsync(ct);
        return Page();
    }

    private static string[] Split(string? text) =>
        (text ?? string.Empty).Split([',', '，', ' ', ';', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
