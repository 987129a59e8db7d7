using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Pipeline;

/// <summary>One deal: stage history, contract, 到位资金 and 履约 milestones with 资金到位率 and 履约率, and the forms that
/// advance it and record its contract (editors of the deal's region).</summary>
public sealed class DealModel(BaiqiangDbContext db, TimeProvider clock, Lang lang) : PageModel
{
    public DealDetail? Detail { get; private set; }

    public List<string> Errors { get; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public string? Stage { get; set; }

    /// <summary><c>?today=</c>: the day 资金到位率 and 履约率 are taken on (default: the store's as-of setting, else the clock).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Today { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>合同投资 as typed (万元), kept when refused.</summary>
    [BindProperty]
    public string? ContractInvestment { get; set; }

    /// <summary>合同签订日期 as typed (yyyy-MM-dd; blank: the 签约 date).</summary>
    [BindProperty]
    public string? ContractSignedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        return await ShowAsync(User.ToActor(), code, ct);
    }

    public async Task<IActionResult> OnPostContractAsync(string code, CancellationToken ct)
    {
        var actor = User.ToActor();
        DateOnly? on = null;
        if (!decimal.TryParse(ContractInvestment ?? string.Empty, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            Errors.Add(lang["合同投资应为数字(万元)", "the contracted investment must be a number (10k yuan)"]);
        }

        if (!string.IsNullOrWhiteSpace(ContractSignedOn))
        {
            if (DateOnly.TryParseExact(ContractSignedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                on = d;
            }
            else
            {
                Errors.Add(lang["日期格式应为 yyyy-MM-dd", "the date must be yyyy-MM-dd"]);
            }
        }

        if (Errors.Count == 0)
        {
            try
            {
                if (await PipelineViews.SetContractAsync(db, actor, code, new SetContractRequest(amount, on), ct) is { } refusal)
                {
                    Errors.Add(lang[refusal]);
                }
                else
                {
                    Message = lang["合同已保存", "Contract saved"];
                }
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }

        return await ShowAsync(actor, code, ct);
    }

    private async Task<IActionResult> ShowAsync(Actor actor, string code, CancellationToken ct)
    {
        var asOf = DateOnly.TryParseExact(Today ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : await AsOfDays.DefaultDayAsync(db, clock, ct);
        Detail = await PipelineViews.DetailAsync(db, actor, code, asOf, ct);
        if (Detail?.Money is { } m && Errors.Count == 0)
        {
            ContractInvestment ??= m.ContractInvestment?.ToString(CultureInfo.InvariantCulture);
            ContractSignedOn ??= m.ContractSignedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return Detail is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAdvanceAsync(string code, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!DateOnly.TryParseExact(On ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            Errors.Add(lang["日期格式应为 yyyy-MM-dd", "the date must be yyyy-MM-dd"]);
        }
        else
        {
            try
            {
                if (await PipelineViews.AdvanceAsync(db, actor, code, new AdvanceDealRequest(Stage ?? string.Empty, on, Reason), ct) is { } refusal)
                {
                    Errors.Add(lang[refusal]);
                }
                else
                {
                    Message = lang["阶段已更新", "Stage updated"];
                }
            }
            catch (AccessDeniedException e)
            {
                Errors.Add(lang[e.Reason]);
            }
        }

        return await ShowAsync(actor, code, ct);
    }
}
