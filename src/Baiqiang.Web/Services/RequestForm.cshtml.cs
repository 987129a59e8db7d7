using Baiqiang.Storage;
using Baiqiang.Storage.Services;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Baiqiang.Web.Services;

/// <summary><c>/Services/RequestForm?visit=ID</c> raises a request from a visit (linked to it, the visit's enterprise and
/// day); <c>?enterprise=CODE</c> one without a visit. The request starts as 受理 and shows on its page.</summary>
public sealed class RequestFormModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : DeskFormPage(lang)
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public VisitDetail? Visit { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Enterprises { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? visit, string? enterprise, CancellationToken ct)
    {
        if (!MayEnter)
        {
            return Forbid();
        }

        var today = await AsOfDays.DefaultDayAsync(db, clock, ct);
        Input.VisitId = visit?.Trim();
        Input.CreditCode = enterprise?.Trim().ToUpperInvariant();
        await LoadAsync(today, ct);
        if (Visit is not null)
        {
            Input.RaisedOn = DeskViews.Day(Visit.Visit.On);
            Input.Deadline = DeskViews.Day(Visit.Visit.On.AddDays(30));
        }
        else
        {
            Input.RaisedOn = DeskViews.Day(today);
            Input.Deadline = DeskViews.Day(today.AddDays(30));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayEnter)
        {
            return Forbid();
        }

        var today = await AsOfDays.DefaultDayAsync(db, clock, ct);
        return await SaveAsync(db, async actor => await ServiceDesk.RaiseRequestAsync(db, actor, Input.ToValues(), today, ct), k => $"/Services/Request/{k}?saved=1", () => LoadAsync(today, ct));
    }

    private async Task LoadAsync(DateOnly today, CancellationToken ct)
    {
        Visit = string.IsNullOrWhiteSpace(Input.VisitId) ? null : await DeskViews.VisitDetailAsync(db, User.ToActor(), Input.VisitId, today, ct);
        Enterprises = Visit is null ? await VisitFormModel.EnterpriseChoicesAsync(db, User.ToActor(), ct) : [];
    }
}
