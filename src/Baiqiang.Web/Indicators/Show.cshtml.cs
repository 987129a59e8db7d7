using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Indicators;

/// <summary>One indicator (<c>/Indicators/Show?code=gdp</c>; a name or alias works too): every field, its parent and children.</summary>
public sealed class ShowModel(BaiqiangDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public IndicatorDetail Detail { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code) || await IndicatorViews.GetAsync(db, Code, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        CanEdit = IndicatorViews.CanEdit(User.ToActor());
        return Page();
    }
}
