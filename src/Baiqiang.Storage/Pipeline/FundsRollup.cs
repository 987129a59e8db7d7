using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Pipeline;

/// <summary>
/// One row of the 资金到位率 rollup (<see cref="FundsRollup"/>): what the deals of <see cref="RegionCode"/> whose contract
/// was signed in <see cref="ContractMonth"/> add in 填报月份 <see cref="Month"/>. Money in 万元; derived data, not audited.
/// </summary>
public sealed class DealFundsRollupEntity
{
    public RegionCode RegionCode { get; set; }

    /// <summary>yyyymm: the 填报月份 of the funds rows summed here, or the contract month for <see cref="Deals"/>/<see cref="Contracted"/>.</summary>
    public int Month { get; set; }

    /// <summary>yyyymm of the deals' 合同签订日期; 0 for funds rows of deals without a contract (only <see cref="ThisMonth"/>).</summary>
    public int ContractMonth { get; set; }

    /// <summary>Deals whose contract was signed in this month (rows where <see cref="Month"/> = <see cref="ContractMonth"/>).</summary>
    public int Deals { get; set; }

    /// <summary>Σ 合同投资 of those deals.</summary>
    public decimal Contracted { get; set; }

    /// <summary>Σ 本月到位 of the funds rows of the month (by the funds row's own region).</summary>
    public decimal ThisMonth { get; set; }

    /// <summary>Σ (累计到位 − the deal's previous stored month's 累计到位, 0 before its first): summed over months ≤ m it
    /// telescopes to each deal's 累计到位 at its latest reported month ≤ m.</summary>
    public decimal InPlaceChange { get; set; }
}

internal sealed class DealFundsRollupEntityConfiguration : IEntityTypeConfiguration<DealFundsRollupEntity>
{
    public void Configure(EntityTypeBuilder<DealFundsRollupEntity> builder)
    {
        builder.ToTable("deal_funds_rollup");
        builder.HasKey(r => new { r.RegionCode, r.Month, r.ContractMonth });
        builder.Property(r => r.Contracted).HasPrecision(28, 8);
        builder.Property(r => r.ThisMonth).HasPrecision(28, 8);
        builder.Property(r => r.InPlaceChange).HasPrecision(28, 8);
    }
}

/// <summary>
/// The rollup behind 资金到位率 (<see cref="FundsRates"/>): per region, 填报月份 and contract month, the number and
/// 合同投资 of the deals signed, Σ 本月到位 and Σ change of 累计到位. Any period's cohort and period rates and 本期到位资金
/// are sums over the rows with month ≤ the period's end, added in C# decimals (exact; SQLite would add its TEXT
/// decimals as REAL).
/// </summary>
/// <remarks>
/// <para>Kept in the same transaction as every write that changes what it sums: <see cref="BaiqiangDbContext"/>'s
/// <c>SaveChangesAsync</c> notices added, changed or deleted <see cref="DealFundsEntity"/> rows and deals whose region,
/// 合同投资 or contract date changed, takes the store's write lock (<see cref="StoreWriteLock"/>), reads those deals'
/// contributions before and after the save and applies the difference. Writes that bypass the context (raw SQL) must
/// call <see cref="RebuildAsync"/>.</para>
/// <para>Migration <c>FundsRollup</c> leaves the setting <see cref="RebuildKey"/>; <see cref="BaiqiangStore.MigrateAsync"/>
/// treats a store holding it as not up to date and rebuilds the rollup from <c>deal_funds</c> (then removes the key in
/// the same transaction), so a store that already held funds rows is backfilled exactly.</para>
/// </remarks>
public static class FundsRollup
{
    /// <summary>The setting that says the rollup must be rebuilt before use (left by migration <c>FundsRollup</c>).</summary>
    public const string RebuildKey = "pipeline.funds-rollup";

    /// <summary>资金到位率 of <paramref name="period"/> for deals of <paramref name="region"/> and below (all when null), from the rollup.</summary>
    /// <remarks>Deals under contract by the period's end (contract month ≤ its last month) with Σ change of 累计到位 over
    /// months ≤ it (= each deal's 累计到位 at its latest reported month); the cohort is those signed in the period;
    /// 本期到位资金 is Σ 本月到位 of the period's months. Identical to <see cref="FundsRates.Compute"/> over the deals.</remarks>
    public static async Task<FundsRates> RatesAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (startKey, endKey) = (MonthKey(period.Start), MonthKey(period.End));
        var rows = await db.Set<DealFundsRollupEntity>().AsNoTracking()
            .Where(r => r.Month <= endKey && (r.Month >= startKey || (r.ContractMonth > 0 && r.ContractMonth <= endKey)))
            .ToListAsync(ct);
        decimal arrived = 0, cIn = 0, cBase = 0, pIn = 0, pBase = 0;
        int cN = 0, pN = 0;
        foreach (var r in rows)
        {
            if (region is { } scope && !Actor.IsWithin(r.RegionCode, scope))
            {
                continue;
            }

            if (r.Month >= startKey)
            {
                arrived += r.ThisMonth;
            }

            if (r.ContractMonth is > 0 and var contractMonth && contractMonth <= endKey)
            {
                pN += r.Deals;
                pBase += r.Contracted;
                pIn += r.InPlaceChange;
                if (contractMonth >= startKey)
                {
                    cN += r.Deals;
                    cBase += r.Contracted;
                    cIn += r.InPlaceChange;
                }
            }
        }

        return new FundsRates(
            new FundsRate(cIn, cBase, cN, FundsRates.CohortBase), new FundsRate(pIn, pBase, pN, FundsRates.PeriodBase), arrived);
    }

    /// <summary>Rebuilds the whole rollup from <c>deals</c> and <c>deal_funds</c> under the store's write lock.</summary>
    public static Task RebuildAsync(BaiqiangDbContext db, CancellationToken ct) =>
        StoreWriteLock.RunAsync(db, () => RebuildUnlockedAsync(db, ct), ct);

    /// <summary>Rebuilds the rollup when <see cref="RebuildKey"/> is set, and removes the key in the same transaction.</summary>
    internal static async Task RebuildIfPendingAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        if (!await db.Settings.AsNoTracking().AnyAsync(s => s.Key == RebuildKey, ct))
        {
            return;
        }

        await StoreWriteLock.RunAsync(db, async () =>
        {
            await RebuildUnlockedAsync(db, ct);
            return await db.Settings.Where(s => s.Key == RebuildKey).ExecuteDeleteAsync(ct);
        }, ct);
    }

    private static async Task<bool> RebuildUnlockedAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var sums = await ContributionsAsync(db, null, ct);
        await db.Set<DealFundsRollupEntity>().ExecuteDeleteAsync(ct);
        var rows = sums.Where(s => !s.Value.IsZero).Select(s => s.Value.ToEntity(s.Key)).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        Detach(db, rows);
        return true;
    }

    /// <summary>What a save changes of the rollup's inputs: stored deals (by id) and deals being added.</summary>
    internal sealed record Touch(HashSet<long> Ids, List<DealEntity> Added);

    /// <summary>The deals a pending save changes the rollup's inputs of, or null when it changes none.</summary>
    internal static Touch? Touched(ChangeTracker tracker)
    {
        var auto = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false; // the context has just detected changes for the audit
        try
        {
            var ids = new HashSet<long>();
            var added = new List<DealEntity>();
            foreach (var e in tracker.Entries<DealFundsEntity>())
            {
                if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    ids.Add(e.Entity.DealId);
                    if (e.State == EntityState.Modified)
                    {
                        ids.Add(e.Property(f => f.DealId).OriginalValue);
                    }
                }
            }

            foreach (var e in tracker.Entries<DealEntity>())
            {
                switch (e.State)
                {
                    case EntityState.Added when e.Entity.ContractInvestment is not null:
                        added.Add(e.Entity);
                        break;
                    case EntityState.Deleted:
                        ids.Add(e.Entity.Id);
                        break;
                    case EntityState.Modified when Changed(e.Property(d => d.RegionCode)) || Changed(e.Property(d => d.ContractInvestment)) || Changed(e.Property(d => d.ContractSignedOn)):
                        ids.Add(e.Entity.Id);
                        break;
                    default:
                        break;
                }
            }

            return ids.Count > 0 || added.Count > 0 ? new Touch(ids, added) : null;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
    }

    private static bool Changed<T>(PropertyEntry<DealEntity, T> p) => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);

    /// <summary>Saves through <paramref name="save"/> and moves the touched deals' contributions, in one transaction
    /// holding the write lock (the caller's transaction when there is one).</summary>
    internal static async Task<int> SaveAsync(BaiqiangDbContext db, Touch touch, Func<Task<int>> save, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await StoreWriteLock.BeginAsync(db, ct) : null;
        var saved = false;
        try
        {
            if (own is null)
            {
                await StoreWriteLock.EnterAsync(db, ct);
            }

            var change = await ContributionsAsync(db, touch.Ids, ct);
            foreach (var key in change.Keys.ToList())
            {
                change[key] = change[key].Negate();
            }

            var result = await save();
            saved = true;
            var ids = new HashSet<long>(touch.Ids);
            ids.UnionWith(touch.Added.Select(d => d.Id));
            foreach (var (key, sums) in await ContributionsAsync(db, ids, ct))
            {
                change[key] = change.GetValueOrDefault(key).Plus(sums);
            }

            await ApplyAsync(db, change, save, ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            return result;
        }
        catch
        {
            if (own is not null)
            {
                await own.RollbackAsync(CancellationToken.None);
                if (saved)
                {
                    db.ChangeTracker.Clear(); // the tracker took changes the rollback undid
                }
            }

            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static async Task ApplyAsync(BaiqiangDbContext db, Dictionary<RollupKey, Sums> change, Func<Task<int>> save, CancellationToken ct)
    {
        var changed = change.Where(c => !c.Value.IsZero).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var stored = new Dictionary<RollupKey, DealFundsRollupEntity>();
        foreach (var chunk in changed.Select(c => c.Key.Month).Distinct().Chunk(500))
        {
            foreach (var r in await db.Set<DealFundsRollupEntity>().AsNoTracking().Where(r => chunk.Contains(r.Month)).ToListAsync(ct))
            {
                stored[new RollupKey(r.RegionCode, r.Month, r.ContractMonth)] = r;
            }
        }

        var set = db.Set<DealFundsRollupEntity>();
        var touched = new List<DealFundsRollupEntity>(changed.Count);
        foreach (var (key, delta) in changed)
        {
            if (stored.TryGetValue(key, out var row))
            {
                var sums = Sums.Of(row).Plus(delta);
                if (sums.IsZero)
                {
                    set.Remove(row);
                }
                else
                {
                    sums.CopyTo(row);
                    set.Update(row);
                }

                touched.Add(row);
            }
            else
            {
                var added = delta.ToEntity(key);
                set.Add(added);
                touched.Add(added);
            }
        }

        await save();
        Detach(db, touched);
    }

    private static void Detach(BaiqiangDbContext db, IEnumerable<DealFundsRollupEntity> rows)
    {
        foreach (var r in rows)
        {
            db.Entry(r).State = EntityState.Detached;
        }
    }

    /// <summary>The rollup contributions of the deals <paramref name="ids"/> (all deals and funds rows when null), from the store.</summary>
    private static async Task<Dictionary<RollupKey, Sums>> ContributionsAsync(BaiqiangDbContext db, IReadOnlyCollection<long>? ids, CancellationToken ct)
    {
        var deals = new List<DealFacts>();
        var funds = new List<FundsFacts>();
        var dealSet = db.Set<DealEntity>().AsNoTracking();
        var fundsSet = db.Set<DealFundsEntity>().AsNoTracking();
        var chunks = ids is null ? new long[]?[] { null } : ids.Chunk(500).ToArray<long[]?>();
        foreach (var chunk in chunks)
        {
            deals.AddRange(await (chunk is null ? dealSet : dealSet.Where(d => chunk.Contains(d.Id)))
                .Where(d => d.ContractInvestment != null && d.ContractSignedOn != null)
                .Select(d => new DealFacts(d.Id, d.RegionCode, d.ContractInvestment!.Value, d.ContractSignedOn!.Value))
                .ToListAsync(ct));
            funds.AddRange(await (chunk is null ? fundsSet : fundsSet.Where(f => chunk.Contains(f.DealId)))
                .Select(f => new FundsFacts(f.DealId, f.RegionCode, f.Month, f.ThisMonth, f.Cumulative))
                .ToListAsync(ct));
        }

        var into = new Dictionary<RollupKey, Sums>();
        var byDeal = funds.GroupBy(f => f.DealId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Month).ToList());
        foreach (var d in deals)
        {
            var contractMonth = MonthKey(d.SignedOn);
            Add(into, new RollupKey(d.Region, contractMonth, contractMonth), new Sums(1, d.Amount, 0, 0));
            var previous = 0m;
            foreach (var f in byDeal.GetValueOrDefault(d.Id) ?? [])
            {
                Add(into, new RollupKey(f.Region, f.Month, contractMonth), new Sums(0, 0, f.ThisMonth, 0));
                Add(into, new RollupKey(d.Region, f.Month, contractMonth), new Sums(0, 0, 0, f.Cumulative - previous));
                previous = f.Cumulative;
            }

            byDeal.Remove(d.Id);
        }

        // Funds rows of deals without a contract (or of no stored deal) still count in 本期到位资金.
        foreach (var f in byDeal.Values.SelectMany(x => x))
        {
            Add(into, new RollupKey(f.Region, f.Month, 0), new Sums(0, 0, f.ThisMonth, 0));
        }

        return into;
    }

    private static void Add(Dictionary<RollupKey, Sums> into, RollupKey key, Sums sums) => into[key] = into.GetValueOrDefault(key).Plus(sums);

    private static int MonthKey(DateOnly d) => (d.Year * 100) + d.Month;

    private readonly record struct RollupKey(RegionCode Region, int Month, int ContractMonth);

    private readonly record struct DealFacts(long Id, RegionCode Region, decimal Amount, DateOnly SignedOn);

    private readonly record struct FundsFacts(long DealId, RegionCode Region, int Month, decimal ThisMonth, decimal Cumulative);

    private readonly record struct Sums(int Deals, decimal Contracted, decimal ThisMonth, decimal InPlaceChange)
    {
        public bool IsZero => Deals == 0 && Contracted == 0 && ThisMonth == 0 && InPlaceChange == 0;

        public Sums Plus(Sums o) => new(Deals + o.Deals, Contracted + o.Contracted, ThisMonth + o.ThisMonth, InPlaceChange + o.InPlaceChange);

        public Sums Negate() => new(-Deals, -Contracted, -ThisMonth, -InPlaceChange);

        public static Sums Of(DealFundsRollupEntity r) => new(r.Deals, r.Contracted, r.ThisMonth, r.InPlaceChange);

        public void CopyTo(DealFundsRollupEntity r) => (r.Deals, r.Contracted, r.ThisMonth, r.InPlaceChange) = (Deals, Contracted, ThisMonth, InPlaceChange);

        public DealFundsRollupEntity ToEntity(RollupKey key)
        {
            var r = new DealFundsRollupEntity { RegionCode = key.Region, Month = key.Month, ContractMonth = key.ContractMonth };
            CopyTo(r);
            return r;
        }
    }
}
