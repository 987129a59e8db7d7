using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Services;

/// <summary>
/// One request: its deadline (days left or overdue), the visit it was raised on, its history (every status change from the
/// audit log: who, when, old → new) and, for those who may handle it, start and close forms. A close without a resolution
/// (or reason) is refused, and the form keeps what was typed.
/// </summary>
public sealed class RequestModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    public RequestDetail? Detail { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }

        On = DeskViews.Day(Detail.Today);
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, (actor, on) => ServiceViews.StartAsync(db, actor, id, new StartRequestRequest(on), ct), lang["已转为办理中", "Now in progress"], ct);

    public Task<IActionResult> OnPostCloseAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, (actor, on) => ServiceViews.CloseAsync(db, actor, id, new CloseRequestRequest(Outcome ?? string.Empty, on, Resolution), ct), lang["已办结", "Closed"], ct);

    private async Task<IActionResult> ChangeAsync(string id, Func<Actor, DateOnly, Task<Bilingual?>> change, string done, CancellationToken ct)
    {
        if (!await ServiceViews.RequestExistsAsync(db, id, ct))
        {
            return NotFound();
        }

        int? status = null;
        if (!DateOnly.TryParseExact(On ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            Errors.Add(lang["日期格式应为 yyyy-MM-dd", "the date must be yyyy-MM-dd"]);
        }
        else
        {
            try
            {
                if (await change(User.ToActor(), on) is { } refusal)
                {
                    Errors.Add(lang[refusal]);
                }
                else
                {
                    Message = done;
                    (Outcome, Resolution) = (null, null);
                }
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
                status = StatusCodes.Status403Forbidden;
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task LoadAsync(string id, CancellationToken ct) =>
        Detail = await DeskViews.RequestDetailAsync(db, User.ToActor(), id, await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
}
