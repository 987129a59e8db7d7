using Baiqiang.Storage;
using Baiqiang.Storage.Indicators;
using Baiqiang.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Indicators;

/// <summary>指标目录: the store's catalogue, searched by code, name or alias (traditional characters too) and filtered by
/// category, kind and status; admins and analysts see the add and edit links.</summary>
public sealed class IndexModel(BaiqiangDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>active | retired | all (default: all).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The code of an indicator just saved (after the edit form's redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public IReadOnlyList<IndicatorItem> Indicators { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public int Total { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
        Total = catalogue.All.Count;
        Categories = IndicatorViews.Categories(catalogue);
        Indicators = IndicatorViews.Filter(catalogue, Q, Category, Kind, Status);
        CanEdit = IndicatorViews.CanEdit(User.ToActor());
    }
}
