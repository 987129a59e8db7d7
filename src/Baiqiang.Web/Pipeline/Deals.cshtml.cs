using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Baiqiang.Web.Shared.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Pipeline;

/// <summary>The deal list with filters, and the form that creates a deal (editors, within their regions).</summary>
public sealed class DealsModel(BaiqiangDbContext db, Lang lang) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [RegionInput]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Chain { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty]
    public DealForm Input { get; set; } = new();

    public IReadOnlyList<DealItem> Deals { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Created { get; private set; }

    public bool MayEdit => User.ToActor() is { } a && (a.IsAdmin || a.Roles.HasFlag(Role.Editor));

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!decimal.TryParse(Input.PlannedInvestment ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture, out var planned))
        {
            Errors.Add(lang["计划投资应为数字（万元）", "planned investment must be a number (10k yuan)"]);
        }

        if (!DateOnly.TryParseExact(Input.LeadOn ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var leadOn))
        {
            Errors.Add(lang["线索日期格式应为 yyyy-MM-dd", "the lead date must be yyyy-MM-dd"]);
        }

        if (Errors.Count == 0)
        {
            try
            {
                var (deal, errors) = await PipelineViews.CreateAsync(db, User.ToActor(), new CreateDealRequest(
                    Input.Code ?? string.Empty, Input.Name ?? string.Empty, Input.Region ?? string.Empty, Input.InvestorName ?? string.Empty,
                    Input.InvestorType ?? string.Empty, leadOn, Input.IndustryChain, Input.Source, planned), ct);
                if (deal is not null)
                {
                    Created = deal.Code;
                    Input = new DealForm();
                }

                Errors.AddRange(errors.SelectMany(e => e.Value).Select(Pick));
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
        var (region, stage, source, errors) = PipelineViews.ParseFilter(new DealFilter(Region, Stage, Chain, Source));
        Errors.AddRange(errors.SelectMany(e => e.Value).Select(Pick));
        Deals = await PipelineViews.ListAsync(db, region, stage, Chain, source, ct);
    }

    private string Pick(string message) => message.Split(" / ", 2) is [var zh, var en] ? lang[zh, en] : message;

    /// <summary>The create form's fields as typed (parsed on the server).</summary>
    public sealed class DealForm
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        [RegionInput]
        public string? Region { get; set; }

        public string? InvestorName { get; set; }

        public string? InvestorType { get; set; }

        public string? LeadOn { get; set; }

        public string? IndustryChain { get; set; }

        public string? Source { get; set; }

        public string? PlannedInvestment { get; set; }
    }
}
