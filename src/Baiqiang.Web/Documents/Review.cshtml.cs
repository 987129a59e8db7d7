using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Storage.Extraction;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Documents;

/// <summary>One document: its text with each fact's figure marked, the facts table, and accept / reject per fact (reviewers of the fact's region).</summary>
public sealed class ReviewModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    public DocumentDetail? Detail { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public long FactId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Detail = await DocumentViews.DetailAsync(db, User.ToActor(), id, ct);
        return Detail is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) => ReviewAsync(id, true, ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) => ReviewAsync(id, false, ct);

    private async Task<IActionResult> ReviewAsync(long id, bool accept, CancellationToken ct)
    {
        var actor = User.ToActor();
        try
        {
            if (await DocumentViews.ReviewAsync(db, actor, clock, id, FactId, accept, Reason, ct) is null)
            {
                Errors.Add(lang["没有这条事实", "no such fact"]);
            }
            else
            {
                Message = accept ? lang[$"事实{FactId}已入库", $"Fact {FactId} accepted"] : lang[$"事实{FactId}已驳回", $"Fact {FactId} rejected"];
            }
        }
        catch (AccessDeniedException e)
        {
            Errors.Add(lang[e.Reason]);
        }
        catch (ExtractionReviewException e)
        {
            Errors.Add(lang[e.Reason]);
        }

        Detail = await DocumentViews.DetailAsync(db, actor, id, ct);
        return Detail is null ? NotFound() : Page();
    }
}
