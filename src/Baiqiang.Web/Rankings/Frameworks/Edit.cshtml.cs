using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Storage.Evaluation;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Rankings.Frameworks;

/// <summary>
/// One framework version: the tree (dimension → sub-dimension → indicator) with weights, effective weights, directions,
/// denominators and aggregation methods; for administrators and reviewers an editor that saves a NEW version.
/// </summary>
public sealed class EditModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    [BindProperty]
    public string? TitleZh { get; set; }

    [BindProperty]
    public string? TitleEn { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? TopAggregation { get; set; }

    [BindProperty]
    public List<NodeInput> Nodes { get; set; } = [];

    public string Name { get; private set; } = string.Empty;

    public FrameworkDetail? Detail { get; private set; }

    public IReadOnlyList<FrameworkItem> Versions { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public IReadOnlyList<ReferenceApi.IndicatorItem> Indicators { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        if (!await LoadAsync(name, ct))
        {
            return NotFound();
        }

        TitleZh = Detail!.TitleZh;
        TitleEn = Detail.TitleEn;
        Note = Detail.Note;
        TopAggregation = Detail.Aggregation;
        Nodes = [.. Detail.Nodes.Select(NodeInput.From), new NodeInput()];
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string name, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!RankingViews.CanEditFrameworks(actor))
        {
            return Forbid();
        }

        var (fw, errors) = RankingViews.FromRows(name, TitleZh ?? string.Empty, TitleEn ?? string.Empty, Note ?? string.Empty, TopAggregation ?? string.Empty, Nodes);
        Errors.AddRange(errors.Select(e => RankingViews.Pick(e, lang.En)));
        if (fw is not null)
        {
            try
            {
                var (item, added, saveErrors) = await RankingViews.SaveAsync(db, actor, fw, clock, ct);
                Errors.AddRange(saveErrors.Select(e => RankingViews.Pick(e, lang.En)));
                if (item is not null)
                {
                    return Redirect($"/Rankings/Frameworks/{Uri.EscapeDataString(item.Name)}?version={item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}&saved={(added ? "new" : "same")}");
                }
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }

        // Re-show the posted rows with the errors; the tree view shows the version that was being edited.
        await LoadAsync(name, ct);
        if (!Nodes.Exists(n => string.IsNullOrWhiteSpace(n.Code)))
        {
            Nodes.Add(new NodeInput());
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string name, CancellationToken ct)
    {
        Name = name;
        var loaded = await RankingViews.LoadFrameworkAsync(db, name, Version, ct);
        if (loaded is null)
        {
            return false;
        }

        Detail = RankingViews.Detail(loaded.Value.Framework, loaded.Value.Row);
        Versions = [.. (await RankingViews.FrameworksAsync(db, ct)).Where(f => f.Name == name)];
        CanEdit = RankingViews.CanEditFrameworks(User.ToActor());
        Indicators = CanEdit ? await ReferenceApi.LoadIndicatorsAsync(db, ct) : [];
        if (Request.Query["saved"] is { Count: > 0 } saved)
        {
            Message = saved.ToString() == "new"
                ? lang[$"已保存为第 {Detail.Version} 版（旧版本保留）", $"saved as version {Detail.Version} (older versions kept)"]
                : lang[$"与第 {Detail.Version} 版相同，未新增版本", $"identical to version {Detail.Version}; no new version"];
        }

        return true;
    }
}
