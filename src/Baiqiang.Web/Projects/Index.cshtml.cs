using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>重点项目台账: the ledger for a period, grouped and filtered, with each derived figure's formula; leader and department views are groupings.</summary>
public sealed class IndexModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public LedgerResponse? Ledger { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Whether to offer 新建项目: administrators and editors (the store still checks the region on save).</summary>
    public bool MayCreate => ProjectViews.MayCreate(User.ToActor());

    /// <summary>The current query, for the export links.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var (args, errors) = await ProjectViews.ParseLedgerAsync(db, new LedgerQuery(Period, By, Region, Status, Tag, Category), today, ct);
        if (args is null)
        {
            Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
            return;
        }

        Period = args.Period.ToString();
        By = ProjectViews.GroupingName(args.By);
        Ledger = await ProjectViews.LedgerAsync(db, args, ct);
        var q = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder { { "period", Period }, { "by", By } };
        foreach (var (k, v) in new[] { ("region", Region), ("status", Status), ("tag", Tag), ("category", Category) })
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                q.Add(k, v.Trim());
            }
        }

        Query = q.ToQueryString().Value ?? string.Empty;
    }
}
