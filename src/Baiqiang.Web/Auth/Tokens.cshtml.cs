using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Auth;

/// <summary>The user's personal API tokens: create one (shown once), revoke any.</summary>
public sealed class TokensModel(UserManager<WebUser> users, WebIdentityDbContext identity, TimeProvider clock, Lang lang, Microsoft.Extensions.Caching.Memory.IMemoryCache cache) : PageModel
{
    public IReadOnlyList<TokenItem> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var name = Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 100)
        {
            Error = lang["令牌名称须为1–100个字符", "The token name must be 1–100 characters"];
        }
        else
        {
            NewToken = (await TokensApi.IssueAsync(identity, users.GetUserId(User)!, name, clock, ct)).Token;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        await TokensApi.RevokeAsync(identity, cache, users.GetUserId(User)!, id, ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        Tokens = await identity.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id)
            .Select(t => new TokenItem(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt)).ToListAsync(ct);
    }
}
