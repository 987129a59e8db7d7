using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Storage.Extraction;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Documents;

/// <summary>
/// One document: its text with each fact's figure marked, the facts table with each fact's confidence and rule, accept /
/// reject per fact (reviewers of the fact's region), edit a pending fact (editors of its region, as <c>review edit</c>), and
/// accept in bulk at or above a typed confidence (off unless asked).
/// </summary>
public sealed class ReviewModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    public DocumentDetail? Detail { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public long FactId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The edit form's fields as typed (kept and shown again when a field is refused).</summary>
    [BindProperty]
    public FactEditText Edit { get; set; } = new();

    /// <summary>The bulk accept's threshold as typed (empty by default: bulk accept is off unless asked).</summary>
    [BindProperty]
    public string? MinConfidence { get; set; }

    /// <summary>The fact whose edit form is shown open (its edit was refused).</summary>
    public long? OpenEdit { get; private set; }

    /// <summary>The refused edit's reasons by field (region, indicator, period, value, unit, growth, fact).</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Detail = await DocumentViews.DetailAsync(db, User.ToActor(), id, ct);
        return Detail is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) => ReviewAsync(id, true, ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) => ReviewAsync(id, false, ct);

    /// <summary>Edits one pending fact as the CLI's <c>review edit</c> does; a refused field keeps what was typed and stores nothing.</summary>
    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct)
    {
        var actor = User.ToActor();
        try
        {
            var outcome = await DocumentViews.EditAsync(db, actor, id, FactId, Edit, ct);
            if (!outcome.Found)
            {
                Errors.Add(lang["没有这条事实", "no such fact"]);
            }
            else if (outcome.Errors.Count > 0)
            {
                OpenEdit = FactId;
                foreach (var (field, reason) in outcome.Errors)
                {
                    FieldErrors[field] = lang[reason];
                    Errors.Add(lang[reason]);
                }
            }
            else
            {
                Message = lang[$"事实{FactId}已修改", $"Fact {FactId} edited"];
                Edit = new FactEditText();
            }
        }
        catch (AccessDeniedException e)
        {
            Errors.Add(lang[e.Reason]);
        }

        Detail = await DocumentViews.DetailAsync(db, actor, id, ct);
        return Detail is null ? NotFound() : Page();
    }

    /// <summary>Accepts every pending fact of this document at or above the typed confidence (one audited step).</summary>
    public async Task<IActionResult> OnPostAcceptAboveAsync(long id, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (DocumentViews.ReadThreshold(MinConfidence, out var error) is { } min)
        {
            var result = await DocumentViews.AcceptAboveAsync(db, actor, clock, id, min, ct);
            Message = lang[
                $"按置信度 ≥ {min.ToString(CultureInfo.InvariantCulture)} 入库{result.Accepted.Count}条(新增{result.Inserted}、修订{result.Revised}、未变{result.Unchanged}),{result.Refused.Count}条仍待审核",
                $"Accepted {result.Accepted.Count} at confidence ≥ {min.ToString(CultureInfo.InvariantCulture)} (inserted {result.Inserted}, revised {result.Revised}, unchanged {result.Unchanged}); {result.Refused.Count} left pending"];
            Errors.AddRange(result.Refused.Select(r => $"{r.Id}: {r.Reason}"));
        }
        else
        {
            Errors.Add(lang[error!.Value]);
        }

        Detail = await DocumentViews.DetailAsync(db, actor, id, ct);
        return Detail is null ? NotFound() : Page();
    }

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
