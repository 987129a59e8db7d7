using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Indicators;

/// <summary>
/// Adds an indicator (<c>/Indicators/Edit</c>) or changes one (<c>?code=…</c>), and retires it (handler <c>Retire</c>). The
/// store's code checks and audits each write, as for <c>baiqiang indicators add|update|retire</c>; admins and analysts only
/// (else 403).
/// </summary>
public sealed class EditModel(BaiqiangDbContext db, Lang lang, TimeProvider clock) : PageModel
{
    /// <summary>The indicator being edited; null when adding.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    /// <summary>The retirement day typed (yyyy-MM-dd; blank: today).</summary>
    [BindProperty]
    public string? RetireOn { get; set; }

    public bool Creating => string.IsNullOrWhiteSpace(Code);

    public string? Retired { get; private set; }

    public List<string> Errors { get; } = [];

    public HashSet<string> BadFields { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IndicatorViews.CanEdit(User.ToActor()))
        {
            return Forbid();
        }

        if (Creating)
        {
            return Page();
        }

        if (await IndicatorViews.GetAsync(db, Code!, ct) is not { } detail)
        {
            return NotFound();
        }

        var i = detail.Indicator;
        Code = i.Code;
        Retired = i.Retired;
        Input = new IndicatorForm
        {
            Code = i.Code, NameZh = i.NameZh, NameEn = i.NameEn, Unit = i.Unit, Kind = i.Kind, Accumulation = i.Accumulation, Direction = i.Direction,
            Category = i.Category, Parent = i.Parent, ComparableGrowth = i.ComparableGrowth, AllowsNegative = i.AllowsNegative,
            Aliases = string.Join("|", i.Aliases), Description = i.Description,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new IndicatorRequest(Input.Code, Input.NameZh, Input.NameEn ?? string.Empty, Input.Unit, Input.Kind, Input.Accumulation, Input.Direction,
            Input.Category ?? string.Empty, Input.Parent ?? string.Empty, Input.ComparableGrowth, Input.AllowsNegative,
            IndicatorViews.SplitAliases(Input.Aliases), Input.Description ?? string.Empty);
        return await WriteAsync(actor => Creating
            ? IndicatorViews.AddAsync(db, actor, request, ct)
            : IndicatorViews.UpdateAsync(db, actor, Code!, request, ct));
    }

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await WriteAsync(actor => IndicatorViews.RetireAsync(db, actor, Code ?? string.Empty, RetireOn, today, ct));
    }

    private async Task<IActionResult> WriteAsync(Func<Actor, Task<IndicatorWrite>> write)
    {
        IndicatorWrite result;
        try
        {
            result = await write(User.ToActor());
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }

        if (result.Indicator is { } saved)
        {
            return Redirect($"/Indicators?saved={Uri.EscapeDataString(saved.Indicator.Code)}&q={Uri.EscapeDataString(saved.Indicator.Code)}");
        }

        if (result.Missing)
        {
            return NotFound();
        }

        foreach (var (field, messages) in result.Errors)
        {
            BadFields.Add(field);
            Errors.AddRange(messages.Select(m => IndicatorViews.Pick(m, lang.En)));
        }

        return Page();
    }

    /// <summary>The form's fields as typed; kind, accumulation and direction use the catalogue file's words.</summary>
    public sealed class IndicatorForm
    {
        public string? Code { get; set; }

        public string? NameZh { get; set; }

        public string? NameEn { get; set; }

        public string? Unit { get; set; }

        public string Kind { get; set; } = "flow";

        public string Accumulation { get; set; } = "cumulative";

        public string Direction { get; set; } = "up";

        public string? Category { get; set; }

        public string? Parent { get; set; }

        public bool ComparableGrowth { get; set; }

        public bool AllowsNegative { get; set; }

        /// <summary>Aliases joined by '|'.</summary>
        public string? Aliases { get; set; }

        public string? Description { get; set; }
    }
}
