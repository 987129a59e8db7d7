using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Storage;
using Baiqiang.Storage.Projects;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Projects;

/// <summary>
/// <c>/Projects/ApprovePlan</c>: approves a year's plan (定基线) for a region — reviewers of the region, or administrators
/// for every region — freezing that year's planned milestone dates as the baseline; lists the approvals made so far.
/// </summary>
public sealed class ApprovePlanModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    [Shared.Inputs.RegionInput]
    public string? Region { get; set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    public IReadOnlyList<PlanApproval> Approvals { get; private set; } = [];

    /// <summary>Whether the caller may approve at all (administrators and reviewers); the store checks the region.</summary>
    public bool MayApprove => User.ToActor() is var a && (a.IsAdmin || a.Roles.HasFlag(Role.Reviewer));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Approvals = await MilestonePlanStore.ApprovalsAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            Errors.Add(lang["计划年度应为四位数字，如 2023", "the plan year must be four digits, e.g. 2023"]);
        }
        else
        {
            try
            {
                var (result, errors) = await MilestonePlanViews.ApproveAsync(db, User.ToActor(), new ApprovePlanRequest(year, Region), ct);
                Errors.AddRange(errors.SelectMany(e => e.Value).Select(m => ProjectViews.Pick(m, lang.En)));
                if (result is not null)
                {
                    var scope = result.Region ?? lang["全部地区", "every region"];
                    Message = result.AlreadyApproved
                        ? lang[$"{scope} {year}年度计划此前已批准；本次新定基线节点{result.Baselined}个", $"the {year} plan of {scope} was approved before; {result.Baselined} more milestones baselined"]
                        : lang[$"已批准{scope} {year}年度计划，{result.Baselined}个节点定为基线", $"approved the {year} plan of {scope}: {result.Baselined} milestones baselined"];
                }
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }

        db.ChangeTracker.Clear();
        Approvals = await MilestonePlanStore.ApprovalsAsync(db, ct);
        return Page();
    }
}
