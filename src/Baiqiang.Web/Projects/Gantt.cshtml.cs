using Baiqiang.Storage;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary><c>/Projects/Gantt?by=group|region&amp;key=…&amp;today=…</c>: the Gantt view of a ledger group's milestones.</summary>
public sealed class GanttModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    public GanttResponse? View { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ProjectViews.ParseAsOf(Today, await AsOfDays.DefaultDayAsync(db, clock, ct), errors) is { } day)
        {
            (View, errors) = await MilestonePlanViews.GroupGanttAsync(db, By, Key, day, ct);
        }

        Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
        return Page();
    }
}
