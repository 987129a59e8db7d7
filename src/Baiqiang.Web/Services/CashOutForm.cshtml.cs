using Baiqiang.Storage;
using Baiqiang.Storage.Services;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Baiqiang.Web.Services;

/// <summary><c>/Services/CashOutForm?enterprise=CODE</c> records a policy cash-out (政策兑现) to an enterprise of the user's
/// region; one outside it is refused with 403 and the form kept.</summary>
public sealed class CashOutFormModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : DeskFormPage(lang)
{
    [BindProperty]
    public CashOutInput Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Enterprises { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? enterprise, CancellationToken ct)
    {
        if (!MayEnter)
        {
            return Forbid();
        }

        Input.CreditCode = enterprise?.Trim().ToUpperInvariant();
        Input.Date = DeskViews.Day(await AsOfDays.DefaultDayAsync(db, clock, ct));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayEnter)
        {
            return Forbid();
        }

        var today = await AsOfDays.DefaultDayAsync(db, clock, ct);
        var code = Input.CreditCode;
        return await SaveAsync(db, async actor => await ServiceDesk.RecordCashOutAsync(db, actor, Input.ToValues(), today, ct), _ => $"/Services/Enterprise/{Uri.EscapeDataString(code?.Trim().ToUpperInvariant() ?? string.Empty)}?saved=cashout", () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct) => Enterprises = await VisitFormModel.EnterpriseChoicesAsync(db, User.ToActor(), ct);
}
