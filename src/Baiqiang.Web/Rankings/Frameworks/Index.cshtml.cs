using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Rankings.Frameworks;

/// <summary>评价指标体系: every stored version (and the built-in one), export links, and the JSON/XLSX import form.</summary>
public sealed class IndexModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    public IReadOnlyList<FrameworkItem> Frameworks { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!RankingViews.CanEditFrameworks(actor))
        {
            return Forbid();
        }

        var (fw, error) = await RankingsApi.ReadUploadAsync(file, ct);
        if (fw is null)
        {
            Errors.Add(RankingViews.Pick(error!, lang.En));
        }
        else
        {
            try
            {
                var (item, added, errors) = await RankingViews.SaveAsync(db, actor, fw, clock, ct);
                Errors.AddRange(errors.Select(e => RankingViews.Pick(e, lang.En)));
                if (item is not null)
                {
                    Message = added
                        ? lang[$"已保存为 {item.Name} 第 {item.Version} 版", $"saved as {item.Name} version {item.Version}"]
                        : lang[$"与 {item.Name} 第 {item.Version} 版相同，未新增版本", $"identical to {item.Name} version {item.Version}; no new version"];
                }
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Frameworks = await RankingViews.FrameworksAsync(db, ct);
        CanEdit = RankingViews.CanEditFrameworks(User.ToActor());
    }
}
