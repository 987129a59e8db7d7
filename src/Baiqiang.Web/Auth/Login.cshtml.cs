using System.ComponentModel.DataAnnotations;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Baiqiang.Web.Auth;

/// <summary>Sign-in: Identity's password check with lockout after 5 failures; at most N attempts a minute per address.</summary>
[EnableRateLimiting(AuthSetup.LoginRateLimit)]
public sealed class LoginModel(SignInManager<WebUser> signIn, UserManager<WebUser> users, AdminLockout adminLockout, Lang lang) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = lang["请输入用户名和密码", "Enter your user name and password"];
            return Page();
        }

        var user = await users.FindByNameAsync(UserName.Trim());
        if (user is not null && await users.IsInRoleAsync(user, WebRoles.Admin))
        {
            return await AdminSignInAsync(user, Password);
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Error = result.IsLockedOut ? Locked() : lang["用户名或密码不正确", "Wrong user name or password"];
        return Page();
    }

    /// <summary>An administrator is locked out per client address (<see cref="AdminLockout"/>), never account-wide.</summary>
    private async Task<IActionResult> AdminSignInAsync(WebUser user, string password)
    {
        var client = HttpContext.Connection.RemoteIpAddress;
        if (adminLockout.IsLockedOut(user.Id, client))
        {
            Error = Locked();
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            adminLockout.Succeeded(user.Id, client);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Error = adminLockout.Failed(user.Id, client) || result.IsLockedOut
            ? Locked()
            : lang["用户名或密码不正确", "Wrong user name or password"];
        return Page();
    }

    private string Locked() => lang["登录失败次数过多，账号已锁定15分钟", "Too many failed attempts: the account is locked for 15 minutes"];
}
