using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Regions;

/// <summary>What a zone write stored (the region) or why it stored nothing (a bilingual reason).</summary>
public sealed record ZoneResult(RegionEntity? Zone, Bilingual? Error)
{
    public bool Success => Error is null && Zone is not null;
}

/// <summary>
/// Adds, renames and retires parks and zones (开发区, 园区, 功能区, 新区) under a county-level region. Only administrators and
/// analysts write zones (<see cref="MayWrite"/>; others get <see cref="AccessDeniedException"/>); every change is audited by the
/// context (entity <c>region</c>, key the code, old → new per field).
/// </summary>
/// <remarks>
/// <para>Numbering follows the nine-digit rule parks already use: the parent's six digits and a serial from 401
/// (<see cref="RegionCode.Zone(int)"/>): 360123 → 360123401, then 360123402 …, one past the highest serial taken under that
/// parent, retired zones included, so a code is never given twice. The parent must be a stored, current region that is not
/// itself a zone.</para>
/// <para>A name is 1–100 characters and unique among the parent's current zones. Retiring sets
/// <see cref="RegionEntity.ValidTo"/> (exclusive; default today) and optionally a <see cref="RegionEntity.SuccessorCode"/>
/// (a stored current region other than the zone itself): figures for periods from that date on are then refused by import,
/// naming the successor.</para>
/// </remarks>
public static class ZoneStore
{
    /// <summary>The kinds of zone, Chinese (stored) → English.</summary>
    public static IReadOnlyDictionary<string, string> Kinds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["开发区"] = "development zone",
        ["园区"] = "park",
        ["功能区"] = "functional zone",
        ["新区"] = "new area",
    };

    /// <summary>The kind a zone without one is read as.</summary>
    public const string DefaultKind = "园区";

    public const int MaxNameLength = 100;

    /// <summary>Administrators and analysts maintain zones.</summary>
    public static bool MayWrite(Actor actor) => actor is not null && (actor.IsAdmin || actor.Roles.HasFlag(Role.Analyst));

    /// <summary>The zones under <paramref name="parent"/> (all zones when null), current first, by code. Not tracked.</summary>
    public static async Task<List<RegionEntity>> ListAsync(BaiqiangDbContext db, RegionCode? parent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Regions.AsNoTracking().Where(r => r.Kind == RegionKind.Park);
        if (parent is { } p)
        {
            query = query.Where(r => r.ParentCode == p);
        }

        var rows = await query.ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ValidTo is null ? 0 : 1).ThenBy(r => r.Code)];
    }

    /// <summary>Adds a zone named <paramref name="name"/> of <paramref name="kind"/> (blank: 园区) under <paramref name="parent"/>.</summary>
    public static async Task<ZoneResult> AddAsync(BaiqiangDbContext db, Actor actor, RegionCode parent, string? name, string? kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        Ensure(actor);
        var parentRow = await db.Regions.AsNoTracking().Where(r => r.Code == parent).ToListAsync(ct);
        if (parent.IsZone || parentRow.Count == 0)
        {
            return Fail($"上级区划“{parent}”不存在或本身是园区，不能设园区", $"parent region '{parent}' is not stored or is itself a zone");
        }

        if (parentRow.All(r => r.ValidTo is not null))
        {
            return Fail($"上级区划 {parent} {parentRow[0].Name}已撤销，不能新设园区", $"parent region {parent} {parentRow[0].Name} is abolished: no new zone can be added");
        }

        var (n, k, error) = Read(name, kind ?? DefaultKind);
        if (error is not null)
        {
            return new ZoneResult(null, error);
        }

        if (await NameTakenAsync(db, parent, n!, except: null, ct))
        {
            return Fail($"{parent}下已有名为“{n}”的园区", $"there is already a zone named '{n}' under {parent}");
        }

        if (await NextCodeAsync(db, parent, ct) is not { } next)
        {
            return Fail($"“{parent}”下的园区代码已用完", $"no free zone code left under '{parent}'");
        }

        var entity = new RegionEntity
        {
            Code = next, Name = n!, Kind = RegionKind.Park, ParentCode = parent, Vintage = RegionEntity.VintageUser, ZoneKind = k,
        };
        db.Regions.Add(entity);
        await db.SaveChangesAsAsync(actor.Name, ct);
        return new ZoneResult(entity, null);
    }

    /// <summary>Renames a current zone or changes its kind (null leaves a field as it is).</summary>
    public static async Task<ZoneResult> UpdateAsync(BaiqiangDbContext db, Actor actor, RegionCode code, string? name, string? kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        Ensure(actor);
        var (entity, refusal) = await FindCurrentZoneAsync(db, code, ct);
        if (entity is null)
        {
            return refusal!;
        }

        var (n, k, error) = Read(name ?? entity.Name, kind ?? entity.ZoneKind ?? DefaultKind);
        if (error is not null)
        {
            return new ZoneResult(null, error);
        }

        if (await NameTakenAsync(db, entity.ParentCode!.Value, n!, except: code, ct))
        {
            return Fail($"{entity.ParentCode}下已有名为“{n}”的园区", $"there is already a zone named '{n}' under {entity.ParentCode}");
        }

        entity.Name = n!;
        entity.ZoneKind = k;
        await db.SaveChangesAsAsync(actor.Name, ct);
        return new ZoneResult(entity, null);
    }

    /// <summary>Retires a current zone from <paramref name="from"/> (exclusive end of validity), optionally naming its successor.</summary>
    public static async Task<ZoneResult> RetireAsync(BaiqiangDbContext db, Actor actor, RegionCode code, DateOnly from, RegionCode? successor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        Ensure(actor);
        var (entity, refusal) = await FindCurrentZoneAsync(db, code, ct);
        if (entity is null)
        {
            return refusal!;
        }

        if (entity.ValidFrom is { } start && from <= start)
        {
            return Fail($"撤销日期{Day(from)}须晚于设立日期{Day(start)}", $"the retirement date {Day(from)} must be after the start {Day(start)}");
        }

        if (successor is { } s)
        {
            if (s == code)
            {
                return Fail("继任区划不能是园区自身", "a zone cannot succeed itself");
            }

            if (!await db.Regions.AsNoTracking().AnyAsync(r => r.Code == s && r.ValidTo == null, ct))
            {
                return Fail($"继任区划“{s}”不存在或已撤销", $"successor '{s}' is not a stored current region");
            }
        }

        entity.ValidTo = from;
        entity.SuccessorCode = successor;
        await db.SaveChangesAsAsync(actor.Name, ct);
        return new ZoneResult(entity, null);
    }

    /// <summary>The next zone code under <paramref name="parent"/>: serial 401, else one past the highest taken (retired
    /// zones included); null when 999 is taken.</summary>
    internal static async Task<RegionCode?> NextCodeAsync(BaiqiangDbContext db, RegionCode parent, CancellationToken ct)
    {
        var low = parent.Zone(401);
        var high = parent.Zone(999);
        var taken = await db.Regions.AsNoTracking().Where(r => r.Code >= low && r.Code <= high).Select(r => r.Code).ToListAsync(ct);
        var serial = taken.Count == 0 ? 401 : (taken.Max().Value % 1000) + 1;
        return serial > 999 ? null : parent.Zone(serial);
    }

    /// <summary>"2021-02-01".</summary>
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The stored kind, 园区 when none was recorded.</summary>
    public static string KindOf(RegionEntity zone) => zone?.ZoneKind ?? DefaultKind;

    private static void Ensure(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWrite(actor))
        {
            throw new AccessDeniedException(new Bilingual("只有管理员和分析员可以维护园区", "only administrators and analysts maintain zones"));
        }
    }

    private static (string? Name, string? Kind, Bilingual? Error) Read(string? name, string kind)
    {
        var n = ChineseText.Normalize((name ?? string.Empty).Trim());
        if (n.Length == 0)
        {
            return (null, null, new("园区名称不能为空", "the zone name is required"));
        }

        if (n.Length > MaxNameLength)
        {
            return (null, null, new($"园区名称不能超过{MaxNameLength}个字", $"the zone name may not exceed {MaxNameLength} characters"));
        }

        var k = ChineseText.Normalize(kind.Trim());
        if (!Kinds.ContainsKey(k))
        {
            return (null, null, new($"园区类型“{kind}”无效，应为 开发区、园区、功能区 或 新区", $"zone kind '{kind}' is not one of 开发区, 园区, 功能区, 新区"));
        }

        return (n, k, null);
    }

    private static async Task<bool> NameTakenAsync(BaiqiangDbContext db, RegionCode parent, string name, RegionCode? except, CancellationToken ct)
    {
        var same = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == parent && r.Kind == RegionKind.Park && r.ValidTo == null && r.Name == name)
            .Select(r => r.Code).ToListAsync(ct);
        return same.Any(c => c != except);
    }

    /// <summary>The tracked zone <paramref name="code"/> when it exists and is current; else why not.</summary>
    private static async Task<(RegionEntity? Zone, ZoneResult? Refusal)> FindCurrentZoneAsync(BaiqiangDbContext db, RegionCode code, CancellationToken ct)
    {
        var entity = code.IsZone ? await db.Regions.AsTracking().SingleOrDefaultAsync(r => r.Code == code, ct) : null;
        if (entity is null)
        {
            return (null, Fail($"园区“{code}”不存在", $"no zone '{code}'"));
        }

        return entity.ValidTo is { } end
            ? (null, Fail($"园区 {code} {entity.Name}已于{Day(end)}撤销，不能再修改", $"zone {code} {entity.Name} was retired on {Day(end)} and cannot be changed"))
            : (entity, null);
    }

    private static ZoneResult Fail(string zh, string en) => new(null, new Bilingual(zh, en));
}
