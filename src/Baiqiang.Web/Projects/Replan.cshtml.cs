using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>
/// <c>POST /Projects/Replan/{code}</c>: the project page's re-plan form. Success goes back to the project page; a refusal
/// (no reason for a baselined milestone, a malformed date, no rights) is shown here with the form to try again.
/// </summary>
public sealed class ReplanModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    [BindProperty]
    public string? Milestone { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    public string Code { get; private set; } = string.Empty;

    public List<string> Errors { get; } = [];

    public IActionResult OnGet(string code)
    {
        Code = code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Code = code;
        if (!DateOnly.TryParseExact(Date?.Trim() ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Errors.Add(lang["新计划日期格式应为 yyyy-MM-dd", "the new planned date must be yyyy-MM-dd"]);
            return Page();
        }

        try
        {
            if (await MilestonePlanViews.ReplanAsync(db, User.ToActor(), code, new ReplanRequest(Milestone ?? string.Empty, date, Reason), ct) is { } refusal)
            {
                Errors.Add(lang[refusal]);
                return Page();
            }
        }
        catch (AccessDeniedException e)
        {
            Errors.Add(lang[e.Reason]);
            return Page();
        }

        var back = "/Projects/Project/" + Uri.EscapeDataString(code) + "?saved=replanned";
        return LocalRedirect(string.IsNullOrWhiteSpace(Today) ? back : back + "&today=" + Uri.EscapeDataString(Today.Trim()));
    }
}
