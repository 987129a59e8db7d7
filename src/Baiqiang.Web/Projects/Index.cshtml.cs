using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>
/// 重点项目台账: the ledger for a period, grouped and filtered, with each derived figure's formula; leader and department
/// views are groupings. <c>today=2022-06-30</c> (default: today) is the as-of day the default period is taken on, as on
/// the warnings page, and is carried to the project pages.
/// </summary>
public sealed class IndexModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [PeriodInput]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    /// <summary>工作推进组 filter (exact name); blank for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    /// <summary>The as-of day as typed (<c>2022-06-30</c>); blank means today.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    public LedgerResponse? Ledger { get; private set; }

    /// <summary>Administrators and reviewers see the way to approve the year's plan (the baseline of milestones).</summary>
    public bool MayApprovePlan => User.ToActor() is var a && (a.IsAdmin || a.Roles.HasFlag(Baiqiang.Core.Access.Role.Reviewer));

    /// <summary>The as-of day the user chose, for the links to project pages; null when the page is as of today.</summary>
    public string? CarriedToday { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Whether to offer 新建项目: administrators and editors (the store still checks the region on save).</summary>
    public bool MayCreate => ProjectViews.MayCreate(User.ToActor());

    /// <summary>The current query, for the export links.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (args, errors) = await ProjectViews.ParseLedgerAsync(db, new LedgerQuery(Period, By, Region, Status, Tag, Category, Today, Group), await AsOfDays.DefaultDayAsync(db, clock, ct), ct);
        if (args is null)
        {
            Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
            return;
        }

        Period = args.Period.ToString();
        By = ProjectViews.GroupingName(args.By);
        Ledger = await ProjectViews.LedgerAsync(db, args, ct);
        CarriedToday = string.IsNullOrWhiteSpace(Today) ? null : args.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var q = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder { { "period", Period }, { "by", By } };
        foreach (var (k, v) in new[] { ("region", Region), ("status", Status), ("tag", Tag), ("category", Category), ("group", Group), ("today", CarriedToday) })
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                q.Add(k, v.Trim());
            }
        }

        Query = q.ToQueryString().Value ?? string.Empty;
    }
}
