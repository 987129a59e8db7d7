using Baiqiang.Core.Services;
using Baiqiang.Storage;
using Baiqiang.Storage.Services;
using Baiqiang.Web.Auth;
using Baiqiang.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Baiqiang.Web.Services;

/// <summary>
/// <c>/Services/EnterpriseForm</c> registers an enterprise; <c>/Services/EnterpriseForm/{code}</c> edits one (its credit code
/// stays). The credit code is checked as typed in the browser (a hint) and by its check digit on the server, through the
/// import's own parser and <see cref="ServiceStore"/> (rights and audit as for an imported list).
/// </summary>
public sealed class EnterpriseFormModel(BaiqiangDbContext db, Lang lang) : DeskFormPage(lang)
{
    [BindProperty]
    public EnterpriseInput Input { get; set; } = new();

    /// <summary>The enterprise being edited; null when registering one.</summary>
    public string? Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (!MayEnter)
        {
            return Forbid();
        }

        if (!string.IsNullOrWhiteSpace(code))
        {
            var e = await ServiceDesk.FindEnterpriseAsync(db, code, ct);
            if (e is null)
            {
                return NotFound();
            }

            if (!User.ToActor().CanEdit(e.RegionCode))
            {
                return Forbid();
            }

            Code = e.CreditCode;
            Input = new EnterpriseInput
            {
                CreditCode = e.CreditCode, Name = e.Name, Region = e.RegionCode.ToString(), Park = e.ParkCode?.ToString(), Industry = e.Industry,
                Size = e.Size is { } s ? ServiceText.Name(s) : null, Tags = ServiceText.Names(e.Tags), Contacts = e.Contacts,
            };
        }
        else
        {
            Input.Region = User.ToActor().Regions.Order().Select(r => r.ToString()).FirstOrDefault();
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        if (!MayEnter)
        {
            return Task.FromResult<IActionResult>(Forbid());
        }

        Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
        return SaveAsync(
            db,
            async actor => Code is null
                ? await ServiceDesk.CreateEnterpriseAsync(db, actor, Input.ToValues(), ct)
                : await ServiceDesk.UpdateEnterpriseAsync(db, actor, Code, Input.ToValues(), ct),
            k => $"/Services/Enterprise/{k}?saved=1",
            () => Task.CompletedTask);
    }
}
