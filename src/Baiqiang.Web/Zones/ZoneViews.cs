using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Regions;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Zones;

/// <summary>A park or zone: <c>kind</c> 开发区|园区|功能区|新区, <c>retired</c> the first day it takes no figures (yyyy-MM-dd) or null.</summary>
public sealed record ZoneItem(string Code, string Name, string Kind, string KindEn, string Parent, string ParentName, string? Retired, string? Successor);

/// <summary>A new zone: <c>parent</c> a region code or name (required), <c>name</c> required, <c>kind</c> optional (园区).</summary>
public sealed record CreateZoneRequest(string? Parent, string? Name, string? Kind);

/// <summary>A zone's new name and/or kind (absent: unchanged).</summary>
public sealed record UpdateZoneRequest(string? Name, string? Kind);

/// <summary>Retires a zone from <c>on</c> (yyyy-MM-dd, exclusive end; default today), optionally naming a <c>successor</c> code.</summary>
public sealed record RetireZoneRequest(string? On, string? Successor);

/// <summary>What a zone write stored, or why nothing was stored ("中文 / English" by field); <see cref="Missing"/> for an unknown code.</summary>
public sealed record ZoneWrite(ZoneItem? Zone, bool Missing, Dictionary<string, string[]> Errors);

/// <summary>
/// The 园区 page and <c>/api/zones</c> over <see cref="ZoneStore"/> — the same code as <c>baiqiang regions add-zone|update-zone|retire-zone</c>,
/// so each write is checked (admins and analysts) and audited.
/// </summary>
public static class ZoneViews
{
    public static bool CanEdit(Actor actor) => ZoneStore.MayWrite(actor);

    /// <summary>The zones under <paramref name="parent"/> (a code or name; all when blank); null when the parent is unknown.</summary>
    public static async Task<IReadOnlyList<ZoneItem>?> ListAsync(BaiqiangDbContext db, string? parent, CancellationToken ct)
    {
        var lookups = await StoreLookups.LoadAsync(db, ct);
        RegionCode? code = null;
        if (!string.IsNullOrWhiteSpace(parent))
        {
            var r = lookups.ResolveRegion(parent);
            if (!r.Success)
            {
                return null;
            }

            code = r.Value;
        }

        return [.. (await ZoneStore.ListAsync(db, code, ct)).Select(z => Item(z, lookups))];
    }

    public static async Task<ZoneItem?> GetAsync(BaiqiangDbContext db, string code, CancellationToken ct)
    {
        if (!RegionCode.TryParse(code, out var c) || !c.IsZone)
        {
            return null;
        }

        var row = await db.Regions.AsNoTracking().Where(r => r.Code == c && r.Kind == RegionKind.Park).ToListAsync(ct);
        return row.Count == 0 ? null : Item(row[0], await StoreLookups.LoadAsync(db, ct));
    }

    public static async Task<ZoneWrite> AddAsync(BaiqiangDbContext db, Actor actor, CreateZoneRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Ensure(actor);
        var lookups = await StoreLookups.LoadAsync(db, ct);
        var parent = lookups.ResolveRegion(request.Parent ?? string.Empty);
        if (!parent.Success)
        {
            return Refused("parent", parent.Error!.Value);
        }

        return await ResultAsync(db, await ZoneStore.AddAsync(db, actor, parent.Value, request.Name, string.IsNullOrWhiteSpace(request.Kind) ? null : request.Kind, ct), ct);
    }

    public static async Task<ZoneWrite> UpdateAsync(BaiqiangDbContext db, Actor actor, string code, UpdateZoneRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Ensure(actor);
        if (await GetAsync(db, code, ct) is null)
        {
            return new ZoneWrite(null, true, []);
        }

        var kind = string.IsNullOrWhiteSpace(request.Kind) ? null : request.Kind;
        return await ResultAsync(db, await ZoneStore.UpdateAsync(db, actor, RegionCode.Parse(code), request.Name, kind, ct), ct);
    }

    public static async Task<ZoneWrite> RetireAsync(BaiqiangDbContext db, Actor actor, string code, RetireZoneRequest request, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Ensure(actor);
        if (await GetAsync(db, code, ct) is null)
        {
            return new ZoneWrite(null, true, []);
        }

        var day = today;
        if (!string.IsNullOrWhiteSpace(request.On) && !DateOnly.TryParseExact(request.On.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out day))
        {
            return Refused("on", new Bilingual($"撤销日期“{request.On}”应为 yyyy-MM-dd", $"the retirement date '{request.On}' should be yyyy-MM-dd"));
        }

        RegionCode? successor = null;
        if (!string.IsNullOrWhiteSpace(request.Successor))
        {
            var s = (await StoreLookups.LoadAsync(db, ct)).ResolveRegion(request.Successor);
            if (!s.Success)
            {
                return Refused("successor", s.Error!.Value);
            }

            successor = s.Value;
        }

        return await ResultAsync(db, await ZoneStore.RetireAsync(db, actor, RegionCode.Parse(code), day, successor, ct), ct);
    }

    /// <summary>The half of a "中文 / English" message the user reads.</summary>
    public static string Pick(string message, bool en) => message.Split(" / ", 2) is [var zh, var english] ? (en ? english : zh) : message;

    private static ZoneItem Item(RegionEntity z, StoreLookups lookups)
    {
        var kind = ZoneStore.KindOf(z);
        var parent = z.ParentCode is { } p ? p.ToString() : string.Empty;
        return new ZoneItem(z.Code.ToString(), z.Name, kind, ZoneStore.Kinds.TryGetValue(kind, out var en) ? en : kind, parent,
            z.ParentCode is { } pc ? lookups.RegionName(pc) : string.Empty, z.ValidTo is { } to ? ZoneStore.Day(to) : null, z.SuccessorCode?.ToString());
    }

    private static async Task<ZoneWrite> ResultAsync(BaiqiangDbContext db, ZoneResult result, CancellationToken ct) =>
        result.Success ? new ZoneWrite(Item(result.Zone!, await StoreLookups.LoadAsync(db, ct)), false, []) : Refused("zone", result.Error!.Value);

    private static ZoneWrite Refused(string field, Bilingual reason) => new(null, false, new(StringComparer.Ordinal) { [field] = [reason.ToString()] });

    private static void Ensure(Actor actor)
    {
        if (!CanEdit(actor))
        {
            throw new AccessDeniedException(new Bilingual("只有管理员和分析员可以维护园区", "only administrators and analysts maintain zones"));
        }
    }
}
