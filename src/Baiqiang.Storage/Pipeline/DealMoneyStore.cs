using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;
using Baiqiang.Storage.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Pipeline;

/// <summary>What a row import stored, or the rows it refused (by row, column and reason) and nothing stored.</summary>
public sealed record RowsOutcome(int Added, int Updated, IReadOnlyList<ImportError> Errors)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>A deal's money: its contract, monthly 到位资金 and 履约 milestones, with the deal's own rates as at a day.</summary>
public sealed record DealMoney(
    DealContract? Contract, IReadOnlyList<FundsMonth> Funds, decimal InPlace, decimal ThisYear, FundsRate? FundsRate,
    IReadOnlyList<ContractMilestone> Milestones, PerformanceRate Performance, DateOnly AsOf);

/// <summary>
/// Writes and reads of the pipeline's money: contracts (合同投资), the monthly 到位资金 form (<see cref="DealFunds"/>'s
/// cumulative rule), 履约 milestones, and 资金到位率, 履约率 and stage-to-stage rates from the store. Writes take an
/// <see cref="Actor"/> (an editor changes only deals of regions in scope, else <see cref="AccessDeniedException"/>), are
/// all or nothing and audited by the context.
/// </summary>
public static class DealMoneyStore
{
    /// <summary>Records (or replaces) a stored deal's contract; throws <see cref="DomainRuleException"/> when the deal's rules refuse.</summary>
    public static async Task<DealContract> SetContractAsync(BaiqiangDbContext db, Actor actor, string code, decimal amount, DateOnly? signedOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var key = await StoredCodes.ResolveAsync(db.Set<DealEntity>().Select(d => d.Code), code, ct);
        var entity = await db.Set<DealEntity>().SingleOrDefaultAsync(d => d.Code == key, ct)
            ?? throw new DomainRuleException(new Bilingual($"找不到项目“{key}”", $"no deal '{key}'"));
        actor.EnsureCanEdit(entity.RegionCode);
        var deal = entity.ToDeal();
        deal.SetContract(amount, signedOn);
        entity.CopyFrom(deal);
        db.CurrentUser = actor.Name;
        await db.SaveChangesAsync(ct);
        return deal.Contract!;
    }

    /// <summary>Stores the monthly 到位资金 rows all or nothing under the store's write lock.</summary>
    /// <remarks>Refused rows: an unknown deal, a deal without 合同投资, a month twice, figures that break the cumulative rule
    /// (a cumulative that decreases, or that is not the previous cumulative plus this month), a cumulative above 合同投资
    /// without a note. A row for a stored month replaces it; the deal's whole chain of months is checked again.</remarks>
    public static Task<RowsOutcome> SaveFundsAsync(BaiqiangDbContext db, Actor actor, string file, IReadOnlyList<FundsRow> rows, CancellationToken ct) =>
        StoreWriteLock.RunAsync(db, () => SaveFundsUnlockedAsync(db, actor, file, rows, ct), ct);

    private static async Task<RowsOutcome> SaveFundsUnlockedAsync(BaiqiangDbContext db, Actor actor, string file, IReadOnlyList<FundsRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<ImportError>();
        var deals = await ResolveDealsAsync(db, actor, file, rows.Select(r => (r.Row, r.DealCode)), errors, ct);
        var ids = deals.Values.Select(d => d.Id).Distinct().ToList();
        var stored = new List<DealFundsEntity>();
        foreach (var chunk in ids.Chunk(500))
        {
            stored.AddRange(await db.Set<DealFundsEntity>().Where(f => chunk.Contains(f.DealId)).ToListAsync(ct));
        }

        var storedByDeal = stored.GroupBy(f => f.DealId).ToDictionary(g => g.Key, g => g.ToList());
        var added = 0;
        var updated = 0;
        var toAdd = new List<DealFundsEntity>();
        foreach (var group in rows.Where(r => deals.ContainsKey(r.Row)).GroupBy(r => deals[r.Row].Id))
        {
            var deal = deals[group.First().Row];
            if (deal.ContractInvestment is not { } contract)
            {
                foreach (var r in group)
                {
                    errors.Add(new ImportError(file, r.Row, FundsFile.Header("code"), new Bilingual(
                        $"项目“{deal.Code}”尚未登记合同投资,不能填报到位资金", $"deal '{deal.Code}' has no contracted investment recorded; funds cannot be reported")));
                }

                continue;
            }

            var mine = storedByDeal.GetValueOrDefault(deal.Id) ?? [];
            var (chain, refusals) = DealFunds.Check(deal.Code, contract, mine.Select(f => f.ToMonth()), group.Select(r => new FundsEntry(r.Month, r.ThisMonth, r.Cumulative, r.Note, r.Row)));
            errors.AddRange(refusals.Select(e => new ImportError(file, e.Row, FundsFile.Header(e.Column), e.Reason)));
            if (refusals.Count > 0)
            {
                continue;
            }

            var byMonth = mine.ToDictionary(f => f.Month);
            foreach (var m in chain)
            {
                if (byMonth.TryGetValue(DealFundsEntity.Key(m.Month), out var e))
                {
                    if (e.ToMonth() != m)
                    {
                        e.CopyFrom(m);
                        updated++;
                    }
                }
                else
                {
                    var n = new DealFundsEntity { DealId = deal.Id, DealCode = deal.Code, RegionCode = deal.RegionCode };
                    n.CopyFrom(m);
                    toAdd.Add(n);
                    added++;
                }
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new RowsOutcome(0, 0, errors);
        }

        db.AddRange(toAdd);
        db.CurrentUser = actor.Name;
        await db.SaveChangesAsync(ct);
        return new RowsOutcome(added, updated, []);
    }

    /// <summary>Stores the 履约 milestones all or nothing: one per deal and 节点, a row for a stored one replaces it.</summary>
    public static Task<RowsOutcome> SaveMilestonesAsync(BaiqiangDbContext db, Actor actor, string file, IReadOnlyList<MilestoneRow> rows, CancellationToken ct) =>
        StoreWriteLock.RunAsync(db, () => SaveMilestonesUnlockedAsync(db, actor, file, rows, ct), ct);

    private static async Task<RowsOutcome> SaveMilestonesUnlockedAsync(BaiqiangDbContext db, Actor actor, string file, IReadOnlyList<MilestoneRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<ImportError>();
        var deals = await ResolveDealsAsync(db, actor, file, rows.Select(r => (r.Row, r.DealCode)), errors, ct);
        var ids = deals.Values.Select(d => d.Id).Distinct().ToList();
        var stored = new Dictionary<(long, ContractMilestoneKind), DealMilestoneEntity>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var m in await db.Set<DealMilestoneEntity>().Where(m => chunk.Contains(m.DealId)).ToListAsync(ct))
            {
                stored[(m.DealId, m.Kind)] = m;
            }
        }

        var seen = new HashSet<(long, ContractMilestoneKind)>();
        var added = 0;
        var updated = 0;
        foreach (var r in rows)
        {
            if (!deals.TryGetValue(r.Row, out var deal))
            {
                continue;
            }

            var m = r.Milestone;
            if (!seen.Add((deal.Id, m.Kind)))
            {
                errors.Add(new ImportError(file, r.Row, "节点", new Bilingual(
                    $"项目{deal.Code}的{ContractMilestone.Name(m.Kind)}节点重复出现", $"deal {deal.Code} lists the {m.Kind} milestone twice")));
                continue;
            }

            if (stored.TryGetValue((deal.Id, m.Kind), out var e))
            {
                if (e.ToMilestone() != m)
                {
                    (e.PromisedOn, e.PromisedAmount, e.MetOn) = (m.PromisedOn, m.PromisedAmount, m.MetOn);
                    updated++;
                }
            }
            else
            {
                db.Add(new DealMilestoneEntity
                {
                    DealId = deal.Id, DealCode = deal.Code, RegionCode = deal.RegionCode, Kind = m.Kind, PromisedOn = m.PromisedOn,
                    PromisedAmount = m.PromisedAmount, MetOn = m.MetOn,
                });
                added++;
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new RowsOutcome(0, 0, errors);
        }

        db.CurrentUser = actor.Name;
        await db.SaveChangesAsync(ct);
        return new RowsOutcome(added, updated, []);
    }

    /// <summary>The stored deal of each row (by row number); unknown codes become errors; a deal outside the actor's scope throws.</summary>
    private static async Task<Dictionary<int, DealEntity>> ResolveDealsAsync(
        BaiqiangDbContext db, Actor actor, string file, IEnumerable<(int Row, string Code)> rows, List<ImportError> errors, CancellationToken ct)
    {
        var list = rows.ToList();
        var storedByKey = await StoredCodes.ByKeyAsync(db.Set<DealEntity>().Select(d => d.Code), ct);
        var codes = list.Select(r => storedByKey.GetValueOrDefault(RecordCode.Key(r.Code))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var byCode = new Dictionary<string, DealEntity>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var d in await db.Set<DealEntity>().AsNoTracking().Where(d => chunk.Contains(d.Code)).ToListAsync(ct))
            {
                byCode[d.Code] = d;
            }
        }

        var result = new Dictionary<int, DealEntity>();
        foreach (var (row, code) in list)
        {
            if (storedByKey.GetValueOrDefault(RecordCode.Key(code)) is { } stored && byCode.TryGetValue(stored, out var d))
            {
                actor.EnsureCanEdit(d.RegionCode);
                result[row] = d;
            }
            else
            {
                errors.Add(new ImportError(file, row, "项目编号", new Bilingual($"找不到项目“{code.Trim()}”", $"no deal '{code.Trim()}'")));
            }
        }

        return result;
    }

    /// <summary>A deal's contract, funds and milestones with its 资金到位率 and 履约率 as at <paramref name="asOf"/>; null when there is no such deal.</summary>
    public static async Task<DealMoney?> DealAsync(BaiqiangDbContext db, string code, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = code.Trim();
        var deal = await db.Set<DealEntity>().AsNoTracking().SingleOrDefaultAsync(d => d.Code == key, ct);
        if (deal is null)
        {
            return null;
        }

        var funds = (await db.Set<DealFundsEntity>().AsNoTracking().Where(f => f.DealId == deal.Id).OrderBy(f => f.Month).ToListAsync(ct)).Select(f => f.ToMonth()).ToList();
        var milestones = (await db.Set<DealMilestoneEntity>().AsNoTracking().Where(m => m.DealId == deal.Id).OrderBy(m => m.Kind).ToListAsync(ct)).Select(m => m.ToMilestone()).ToList();
        var month = ReportingMonth.Of(asOf);
        var inPlace = DealFunds.InPlaceAt(funds, month);
        DealContract? contract = deal.ContractInvestment is { } a ? new DealContract(a, deal.ContractSignedOn!.Value) : null;
        return new DealMoney(
            contract, funds, inPlace, DealFunds.ThisYearAt(funds, month), contract is null ? null : FundsRates.ForDeal(contract, inPlace),
            milestones, PerformanceRate.Compute(milestones, asOf), asOf);
    }

    /// <summary>
    /// 资金到位率 of <paramref name="period"/> for deals of <paramref name="region"/> (and below; all when null): the deals
    /// under contract by the period's end with their 累计到位 at its last month (the latest reported month ≤ it), and
    /// 本期到位资金 summed by region, read from <see cref="FundsRollup"/> (a few rows per region and month, summed exactly).
    /// </summary>
    public static Task<FundsRates> FundsRatesAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, CancellationToken ct) =>
        FundsRollup.RatesAsync(db, period, region, ct);

    /// <summary>Stage-to-stage rates of <paramref name="period"/> (<see cref="StageRates"/>) over the deals that can reach a stage in it.</summary>
    public static async Task<IReadOnlyList<StageRate>> StageRatesAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = (period.Start, period.End);
        var rows = await db.Set<DealEntity>().AsNoTracking()
            .Where(d => d.LeadOn <= end && (d.LeadOn >= start || d.SignedOn >= start || d.LandedOn >= start || d.StartedOn >= start || d.ProducingOn >= start))
            .Select(d => new { d.RegionCode, d.LeadOn, d.SignedOn, d.LandedOn, d.StartedOn, d.ProducingOn })
            .ToListAsync(ct);
        return StageRates.Compute(
            rows.Where(r => region is null || Actor.IsWithin(r.RegionCode, region.Value)).Select(r => new DealStageFacts(r.LeadOn, r.SignedOn, r.LandedOn, r.StartedOn, r.ProducingOn)),
            period);
    }

    /// <summary>履约率 as at <paramref name="asOf"/> over the milestones of deals of <paramref name="region"/> (all when null).</summary>
    public static async Task<PerformanceRate> PerformanceAsync(BaiqiangDbContext db, DateOnly asOf, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<DealMilestoneEntity>().AsNoTracking().Where(m => m.PromisedOn <= asOf).ToListAsync(ct);
        return PerformanceRate.Compute(rows.Where(r => region is null || Actor.IsWithin(r.RegionCode, region.Value)).Select(r => r.ToMilestone()), asOf);
    }
}
