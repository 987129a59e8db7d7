using Baiqiang.Core.Access;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>月报审核: a region's submitted reports of a month with approve / return-with-comment, and closing (关账) the month. Reviewers of the region only.</summary>
public sealed class ReviewModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    /// <summary>The as-of day (<c>today=2023-06-30</c>) the default month is taken on; blank: the store's as-of day, else the clock's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public FormResponse? Form { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task OnPostApproveAsync(CancellationToken ct) => StepAsync(
        (a, m) => ProjectViews.ApproveAsync(db, a, Code ?? string.Empty, m, Comment, ct), lang[$"{Code} 已审核通过", $"{Code} approved"], ct);

    public Task OnPostReturnAsync(CancellationToken ct) => StepAsync(
        (a, m) => ProjectViews.ReturnAsync(db, a, Code ?? string.Empty, m, Comment, ct), lang[$"{Code} 已退回", $"{Code} returned"], ct);

    public async Task OnPostCloseAsync(CancellationToken ct)
    {
        var (region, month) = await ScopeAsync(ct);
        if (region is { } r && month is { } m)
        {
            try
            {
                await ProjectViews.CloseMonthAsync(db, User.ToActor(), r, m, clock, ct);
                Message = lang[$"{m} 已关账", $"{m} closed"];
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
    }

    private async Task StepAsync(Func<Actor, ReportingMonth, Task<Bilingual?>> step, string done, CancellationToken ct)
    {
        var (region, month) = await ScopeAsync(ct);
        if (region is not null && month is { } m)
        {
            try
            {
                if (await step(User.ToActor(), m) is { } refusal)
                {
                    Errors.Add(lang[refusal]);
                }
                else
                {
                    Message = done;
                }
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
    }

    private async Task<(RegionCode? Region, ReportingMonth? Month)> ScopeAsync(CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var region = ProjectViews.ParseRegion(Region, errors) ?? (errors.Count == 0 ? await ProjectViews.DefaultRegionAsync(db, User.ToActor(), ct) : null);
        ReportingMonth? month = null;
        if (string.IsNullOrWhiteSpace(Month) && region is not null)
        {
            var day = ProjectViews.ParseAsOf(Today, await AsOfDays.DefaultDayAsync(db, clock, ct), errors);
            month = day is { } d ? await ProjectViews.DefaultMonthAsync(db, region, d, ct) : null;
        }
        else if (!string.IsNullOrWhiteSpace(Month))
        {
            month = ProjectViews.ParseMonth(Month, errors);
        }

        Errors.AddRange(errors.SelectMany(e => e.Value).Select(x => ProjectViews.Pick(x, lang.En)));
        Region = region?.ToString() ?? Region;
        Month = month?.ToString() ?? Month;
        return errors.Count > 0 ? (null, null) : (region, month);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (region, month) = await ScopeAsync(ct);
        if (region is { } r && month is { } m)
        {
            Form = await ProjectViews.FormAsync(db, User.ToActor(), r, m, ct);
        }
    }
}
