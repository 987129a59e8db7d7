using Baiqiang.Core.Access;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Services;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Services;

/// <summary>
/// Writes the service desk's lists. Every write takes an <see cref="Actor"/>: region editors write their regions'
/// rows; a department's editor (<see cref="Actor.DepartmentEditor"/>) handles requests assigned to that department.
/// All or nothing: any error leaves the store untouched. Every change is audited by the context.
/// </summary>
/// <remarks>Enterprises, visits and cash-outs are added (a credit code or key already stored is a duplicate and an
/// error); requests are added or updated by key, and an update may only move a request forward (受理 → 办理中 → 办结).
/// Visits and requests must name an enterprise of the registry (stored, or in the same batch for enterprises).</remarks>
public static class ServiceStore
{
    /// <summary>Stores the batch all or nothing, deciding what exists under the store's write lock (<see cref="StoreWriteLock"/>).</summary>
    public static Task<StoreOutcome> SaveEnterprisesAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<Enterprise> items, CancellationToken ct) =>
        StoreWriteLock.RunAsync(db, () => SaveEnterprisesUnlockedAsync(db, actor, items, ct), ct);

    /// <summary>Stores the batch all or nothing, deciding what exists under the store's write lock (<see cref="StoreWriteLock"/>).</summary>
    public static Task<StoreOutcome> SaveVisitsAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<Visit> items, CancellationToken ct) =>
        StoreWriteLock.RunAsync(db, () => SaveVisitsUnlockedAsync(db, actor, items, ct), ct);

    /// <summary>Stores the batch all or nothing, deciding what exists under the store's write lock (<see cref="StoreWriteLock"/>).</summary>
    public static Task<StoreOutcome> SaveRequestsAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<EnterpriseRequest> items, CancellationToken ct) =>
        StoreWriteLock.RunAsync(db, () => SaveRequestsUnlockedAsync(db, actor, items, ct), ct);

    /// <summary>Stores the batch all or nothing, deciding what exists under the store's write lock (<see cref="StoreWriteLock"/>).</summary>
    public static Task<StoreOutcome> SaveCashOutsAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<PolicyCashOut> items, CancellationToken ct) =>
        StoreWriteLock.RunAsync(db, () => SaveCashOutsUnlockedAsync(db, actor, items, ct), ct);

    private static async Task<StoreOutcome> SaveEnterprisesUnlockedAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<Enterprise> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(items);
        foreach (var e in items)
        {
            actor.EnsureCanEdit(e.Region);
        }

        var errors = Duplicates(items.Select(e => e.CreditCode.Value), "统一社会信用代码", "credit code");
        var stored = await ExistingAsync(db.Set<EnterpriseEntity>(), items.Select(e => e.CreditCode.Value), (q, chunk) => q.Where(e => chunk.Contains(e.CreditCode)).Select(e => e.CreditCode), ct);
        errors.AddRange(stored.Order(StringComparer.Ordinal).Select(c => new Bilingual($"企业库中已有统一社会信用代码为“{c}”的企业", $"an enterprise with credit code '{c}' is already registered")));
        if (errors.Count > 0)
        {
            return StoreOutcome.Failed(errors);
        }

        db.AddRange(items.Select(EnterpriseEntity.From));
        return await SaveAsync(db, actor, items.Count, 0, ct);
    }

    private static async Task<StoreOutcome> SaveVisitsUnlockedAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<Visit> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(items);
        foreach (var v in items)
        {
            actor.EnsureCanEdit(v.Region);
        }

        var errors = Duplicates(items.Select(v => v.Id), "走访编号", "visit id");
        var stored = await ExistingAsync(db.Set<VisitEntity>(), items.Select(v => v.Id), (q, chunk) => q.Where(v => chunk.Contains(v.Key)).Select(v => v.Key), ct);
        errors.AddRange(stored.Select(k => new Bilingual($"走访编号“{k}”已存在", $"visit id '{k}' already exists")));
        errors.AddRange(await UnknownEnterprisesAsync(db, items.Select(v => v.Enterprise.Value), ct));
        if (errors.Count > 0)
        {
            return StoreOutcome.Failed(errors);
        }

        db.AddRange(items.Select(VisitEntity.From));
        return await SaveAsync(db, actor, items.Count, 0, ct);
    }

    private static async Task<StoreOutcome> SaveRequestsUnlockedAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<EnterpriseRequest> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(items);
        foreach (var r in items)
        {
            actor.EnsureCanEdit(r.Region, r.Department);
        }

        var errors = Duplicates(items.Select(r => r.Id), "诉求编号", "request id");
        errors.AddRange(await UnknownEnterprisesAsync(db, items.Select(r => r.Enterprise.Value), ct));
        var storedByKey = await StoredCodes.ByKeyAsync(db.Set<RequestEntity>().Select(r => r.Key), ct);
        var existing = new Dictionary<string, RequestEntity>(RecordCode.Comparer);
        foreach (var chunk in items.Select(r => storedByKey.GetValueOrDefault(RecordCode.Key(r.Id))).OfType<string>().Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var e in await db.Set<RequestEntity>().Where(r => chunk.Contains(r.Key)).ToListAsync(ct))
            {
                existing[e.Key] = e;
            }
        }

        foreach (var r in items)
        {
            if (existing.TryGetValue(r.Id, out var stored))
            {
                actor.EnsureCanEdit(stored.RegionCode, stored.Department);
                if (stored.RegionCode != r.Region)
                {
                    // The region is part of the request's key (Cluster/CitusKeys): a request stays in the region it was raised in.
                    errors.Add(new Bilingual(
                        $"诉求“{stored.Key}”属于{stored.RegionCode}，不能改为{r.Region}", $"request '{stored.Key}' belongs to {stored.RegionCode} and cannot move to {r.Region}"));
                }

                if (Rank(r.Status) < Rank(stored.Status) || (stored.ClosedOn is not null && stored.Status != r.Status))
                {
                    errors.Add(new Bilingual(
                        $"诉求“{r.Id}”的状态不能从{ServiceText.Name(stored.Status)}回到{ServiceText.Name(r.Status)}",
                        $"request '{r.Id}' cannot go back from {stored.Status} to {r.Status}"));
                }
            }
        }

        if (errors.Count > 0)
        {
            return StoreOutcome.Failed(errors);
        }

        var added = 0;
        foreach (var r in items)
        {
            if (existing.TryGetValue(r.Id, out var stored))
            {
                var spelling = stored.Key;
                stored.CopyFrom(r);
                stored.Key = spelling; // the record keeps the spelling it was first given
            }
            else
            {
                db.Add(RequestEntity.From(r));
                added++;
            }
        }

        return await SaveAsync(db, actor, added, items.Count - added, ct);
    }

    private static async Task<StoreOutcome> SaveCashOutsUnlockedAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<PolicyCashOut> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(items);
        foreach (var c in items)
        {
            actor.EnsureCanEdit(c.Region);
        }

        var errors = Duplicates(items.Select(c => c.Id), "兑现编号", "cash-out id");
        var stored = await ExistingAsync(db.Set<CashOutEntity>(), items.Select(c => c.Id), (q, chunk) => q.Where(c => chunk.Contains(c.Key)).Select(c => c.Key), ct);
        errors.AddRange(stored.Select(k => new Bilingual($"兑现编号“{k}”已存在", $"cash-out id '{k}' already exists")));
        if (errors.Count > 0)
        {
            return StoreOutcome.Failed(errors);
        }

        db.AddRange(items.Select(CashOutEntity.From));
        return await SaveAsync(db, actor, items.Count, 0, ct);
    }

    /// <summary>
    /// Changes a stored enterprise's fields (all but its credit code, its identity) to <paramref name="changed"/>'s, audited
    /// field by field. The actor must be able to edit both the stored region and the new one. False when no such enterprise.
    /// </summary>
    public static Task<bool> UpdateEnterpriseAsync(BaiqiangDbContext db, Actor actor, Enterprise changed, CancellationToken ct) =>
        StoreWriteLock.RunAsync(db, async () =>
        {
            ArgumentNullException.ThrowIfNull(actor);
            ArgumentNullException.ThrowIfNull(changed);
            var code = changed.CreditCode.Value;
            var entity = await db.Set<EnterpriseEntity>().AsTracking().SingleOrDefaultAsync(e => e.CreditCode == code, ct);
            if (entity is null)
            {
                return false;
            }

            actor.EnsureCanEdit(entity.RegionCode);
            actor.EnsureCanEdit(changed.Region);
            var fresh = EnterpriseEntity.From(changed);
            (entity.Name, entity.RegionCode, entity.ParkCode, entity.Industry, entity.Size, entity.Tags, entity.Contacts) =
                (fresh.Name, fresh.RegionCode, fresh.ParkCode, fresh.Industry, fresh.Size, fresh.Tags, fresh.Contacts);
            db.CurrentUser = actor.Name;
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    /// <summary>受理 → 办理中 for one stored request.</summary>
    public static Task<EnterpriseRequest> StartRequestAsync(BaiqiangDbContext db, Actor actor, string key, DateOnly on, CancellationToken ct) =>
        HandleAsync(db, actor, key, r => r.TryStart(on).Error, ct);

    /// <summary>Closes one stored request as 已解决 (resolution required) or 无法解决 (reason required).</summary>
    public static Task<EnterpriseRequest> CloseRequestAsync(BaiqiangDbContext db, Actor actor, string key, RequestStatus outcome, DateOnly on, string? resolution, CancellationToken ct) =>
        HandleAsync(db, actor, key, r => r.TryClose(outcome, on, resolution).Error, ct);

    /// <summary>Records the enterprise's satisfaction with a closed request.</summary>
    public static Task<EnterpriseRequest> RateRequestAsync(BaiqiangDbContext db, Actor actor, string key, Satisfaction satisfaction, CancellationToken ct) =>
        HandleAsync(db, actor, key, r => r.TryRate(satisfaction).Error, ct);

    private static async Task<EnterpriseRequest> HandleAsync(BaiqiangDbContext db, Actor actor, string key, Func<EnterpriseRequest, Bilingual?> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var k = await StoredCodes.ResolveAsync(db.Set<RequestEntity>().Select(r => r.Key), key, ct);
        var entity = await db.Set<RequestEntity>().SingleOrDefaultAsync(r => r.Key == k, ct)
            ?? throw new DomainRuleException(new Bilingual($"找不到诉求“{k}”", $"no request '{k}'"));
        actor.EnsureCanEdit(entity.RegionCode, entity.Department);
        var request = entity.ToRequest();
        if (change(request) is { } error)
        {
            throw new DomainRuleException(error);
        }

        entity.CopyFrom(request);
        db.CurrentUser = actor.Name;
        await db.SaveChangesAsync(ct);
        return request;
    }

    private static int Rank(RequestStatus s) => s switch
    {
        RequestStatus.Accepted => 0,
        RequestStatus.InProgress => 1,
        _ => 2,
    };

    private static async Task<StoreOutcome> SaveAsync(BaiqiangDbContext db, Actor actor, int added, int updated, CancellationToken ct)
    {
        db.CurrentUser = actor.Name;
        await db.SaveChangesAsync(ct);
        return new StoreOutcome(added, updated, []);
    }

    private static List<Bilingual> Duplicates(IEnumerable<string> keys, string zh, string en) =>
        StoredCodes.Collisions(keys, zh, en);

    private static async Task<List<string>> ExistingAsync<TEntity>(IQueryable<TEntity> set, IEnumerable<string> keys, Func<IQueryable<TEntity>, string[], IQueryable<string>> match, CancellationToken ct)
    {
        var found = new List<string>();
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            found.AddRange(await match(set, chunk).ToListAsync(ct));
        }

        return found;
    }

    private static async Task<List<Bilingual>> UnknownEnterprisesAsync(BaiqiangDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        var known = (await ExistingAsync(db.Set<EnterpriseEntity>(), wanted, (q, chunk) => q.Where(e => chunk.Contains(e.CreditCode)).Select(e => e.CreditCode), ct)).ToHashSet(StringComparer.Ordinal);
        return [.. wanted.Where(c => !known.Contains(c)).Select(UnknownEnterprise)];
    }

    /// <summary>Why a visit, request or cash-out naming <paramref name="code"/> is refused when the registry lacks it.</summary>
    internal static Bilingual UnknownEnterprise(string code) =>
        new($"企业库中没有统一社会信用代码为“{code}”的企业,请先导入企业", $"no enterprise with credit code '{code}' is registered; import the enterprises first");
}
