using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Auth;

/// <summary>Sign-out (POST only, with the antiforgery token).</summary>
public sealed class LogoutModel(SignInManager<WebUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Dashboard/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Auth/Login");
    }
}
