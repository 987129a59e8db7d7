using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Services;

/// <summary>The requests board by status, overdue flagged, with start/close forms for the requests the user may handle.</summary>
public sealed class RequestsModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    /// <summary>Only requests of this region and those below it.</summary>
    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    [BindProperty]
    public string? Id { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    public RequestBoard? Board { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) =>
        ChangeAsync((actor, on) => ServiceViews.StartAsync(db, actor, Id ?? string.Empty, new StartRequestRequest(on), ct), lang["已转为办理中", "Now in progress"], ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        ChangeAsync((actor, on) => ServiceViews.CloseAsync(db, actor, Id ?? string.Empty, new CloseRequestRequest(Outcome ?? string.Empty, on, Resolution), ct), lang["已办结", "Closed"], ct);

    private async Task<IActionResult> ChangeAsync(Func<Actor, DateOnly, Task<Core.Text.Bilingual?>> change, string done, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(On ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            Errors.Add(lang["日期格式应为 yyyy-MM-dd", "the date must be yyyy-MM-dd"]);
        }
        else if (!await ServiceViews.RequestExistsAsync(db, Id ?? string.Empty, ct))
        {
            Errors.Add(lang[$"找不到诉求“{Id}”", $"no request '{Id}'"]);
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
                    Message = $"{Id}: {done}";
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
        var region = ServiceViews.ParseRegion(Region);
        if (!region.Success)
        {
            Errors.Add(lang[region.Error!.Value]);
            return;
        }

        Board = await ServiceViews.BoardAsync(db, User.ToActor(), Department, await AsOfDays.DefaultDayAsync(db, clock, ct), ct, region.Value);
    }
}
