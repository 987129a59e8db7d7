using Baiqiang.Storage;
using Baiqiang.Storage.Services;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Services;

/// <summary>
/// <c>/Services/VisitForm?enterprise=CODE</c>: logs a visit (date, visitors, enterprise, topics) and, optionally, a request
/// raised during it — stored together or not at all, then shown on the visit's page (<c>/Services/Visit/{id}</c>).
/// </summary>
public sealed class VisitFormModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : DeskFormPage(lang)
{
    [BindProperty]
    public VisitInput Input { get; set; } = new();

    /// <summary>Enterprises of the user's regions to pick from (credit code, name).</summary>
    public IReadOnlyList<(string Code, string Name)> Enterprises { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? enterprise, CancellationToken ct)
    {
        if (!MayEnter)
        {
            return Forbid();
        }

        Input.CreditCode = enterprise?.Trim().ToUpperInvariant();
        Input.Date = DeskViews.Day(await AsOfDays.DefaultDayAsync(db, clock, ct));
        Input.Visitors = User.Identity?.Name;
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
        return await SaveAsync(db, async actor => await ServiceDesk.LogVisitAsync(db, actor, Input.ToValues(), today, ct), k => $"/Services/Visit/{k}?saved=1", () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct) => Enterprises = await EnterpriseChoicesAsync(db, User.ToActor(), ct);

    /// <summary>The enterprises the actor may enter records for, by name.</summary>
    internal static async Task<IReadOnlyList<(string Code, string Name)>> EnterpriseChoicesAsync(BaiqiangDbContext db, Core.Access.Actor actor, CancellationToken ct)
    {
        var rows = await db.Set<EnterpriseEntity>().AsNoTracking().OrderBy(e => e.Name).Select(e => new { e.CreditCode, e.Name, e.RegionCode }).Take(5000).ToListAsync(ct);
        return [.. rows.Where(e => actor.CanEdit(e.RegionCode)).Select(e => (e.CreditCode, e.Name))];
    }
}
