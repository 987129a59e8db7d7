using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Pipeline;

/// <summary>One deal: stage history and the form that advances it (editors of the deal's region).</summary>
public sealed class DealModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    public DealDetail? Detail { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Detail = await PipelineViews.DetailAsync(db, User.ToActor(), code, ct);
        return Detail is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAdvanceAsync(string code, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!DateOnly.TryParseExact(On ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            Errors.Add(lang["日期格式应为 yyyy-MM-dd", "the date must be yyyy-MM-dd"]);
        }
        else
        {
            try
            {
                if (await PipelineViews.AdvanceAsync(db, actor, code, new AdvanceDealRequest(Stage ?? string.Empty, on, Reason), ct) is { } refusal)
                {
                    Errors.Add(lang[refusal]);
                }
                else
                {
                    Message = lang["阶段已更新", "Stage updated"];
                }
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }

        Detail = await PipelineViews.DetailAsync(db, actor, code, ct);
        return Detail is null ? NotFound() : Page();
    }
}
