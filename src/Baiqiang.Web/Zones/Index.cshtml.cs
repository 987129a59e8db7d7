using Baiqiang.Core.Access;
using Baiqiang.Storage;
using Baiqiang.Storage.Regions;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Baiqiang.Web.Zones;

/// <summary>园区: parks and zones per region (<c>?parent=</c> a code or name), with add, rename/kind and retire forms for
/// admins and analysts (others read; their posts get 403). Writes go through <see cref="ZoneStore"/>, audited.</summary>
public sealed class IndexModel(BaiqiangDbContext db, Lang lang, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Parent { get; set; }

    /// <summary>A message after a write (the redirect's <c>done</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Successor { get; set; }

    public IReadOnlyList<ZoneItem> Zones { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public List<string> Errors { get; } = [];

    public static IReadOnlyDictionary<string, string> Kinds => ZoneStore.Kinds;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        WriteAsync(a => ZoneViews.AddAsync(db, a, new CreateZoneRequest(Parent, Name, Kind), ct), "added", ct);

    public Task<IActionResult> OnPostUpdateAsync(string code, CancellationToken ct) =>
        WriteAsync(a => ZoneViews.UpdateAsync(db, a, code, new UpdateZoneRequest(Name, Kind), ct), "updated", ct);

    public Task<IActionResult> OnPostRetireAsync(string code, CancellationToken ct) =>
        WriteAsync(a => ZoneViews.RetireAsync(db, a, code, new RetireZoneRequest(On, Successor), DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct), "retired", ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEdit = ZoneViews.CanEdit(User.ToActor());
        if (await ZoneViews.ListAsync(db, Parent, ct) is { } zones)
        {
            Zones = zones;
        }
        else
        {
            Errors.Add(lang[$"未知地区“{Parent}”", $"unknown region '{Parent}'"]);
        }
    }

    private async Task<IActionResult> WriteAsync(Func<Actor, Task<ZoneWrite>> write, string done, CancellationToken ct)
    {
        ZoneWrite result;
        try
        {
            result = await write(User.ToActor());
        }
        catch (AccessDeniedException)
        {
            return Forbid();
        }

        if (result.Zone is { } z)
        {
            return Redirect($"/Zones?parent={Uri.EscapeDataString(z.Parent)}&done={done}:{z.Code}");
        }

        if (result.Missing)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        Errors.AddRange(result.Errors.Values.SelectMany(v => v).Select(m => ZoneViews.Pick(m, lang.En)));
        return Page();
    }
}
