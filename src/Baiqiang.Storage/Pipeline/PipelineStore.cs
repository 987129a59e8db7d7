using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Targets;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Targets;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Pipeline;

/// <summary>What a batch write stored, or why it stored nothing.</summary>
public sealed record StoreOutcome(int Added, int Updated, IReadOnlyList<Bilingual> Errors)
{
    public bool Success => Errors.Count == 0;

    internal static StoreOutcome Failed(List<Bilingual> errors) => new(0, 0, errors);
}

/// <summary>Writes deals: batch upsert by code (imports), stage moves, conversion to a key project. Every write takes
/// an <see cref="Actor"/> (an editor changes only deals of regions in scope) and is audited by the context.</summary>
/// <remarks>All or nothing: any refused deal leaves the store untouched. An existing deal may only move forward: a
/// re-import whose furthest stage is behind the stored one, or that revives a lost deal, is refused.</remarks>
public static class PipelineStore
{
    /// <summary>Upserts the deals all or nothing, deciding what exists under the store's write lock (<see cref="StoreWriteLock"/>).</summary>
    public static Task<StoreOutcome> SaveDealsAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<Deal> deals, CancellationToken ct) =>
        StoreWriteLock.RunAsync(db, () => SaveDealsUnlockedAsync(db, actor, deals, ct), ct);

    private static async Task<StoreOutcome> SaveDealsUnlockedAsync(BaiqiangDbContext db, Actor actor, IReadOnlyList<Deal> deals, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(deals);
        foreach (var d in deals)
        {
            actor.EnsureCanEdit(d.Region);
        }

        var errors = StoredCodes.Collisions(deals.Select(d => d.Code), "项目编号", "deal code");

        // Matched by the folded code (ay2023-01 and ＡＹ2023-01 are AY2023-01), loaded by their stored spelling.
        var storedByKey = await StoredCodes.ByKeyAsync(db.Set<DealEntity>().Select(d => d.Code), ct);
        var codes = deals.Select(d => storedByKey.GetValueOrDefault(RecordCode.Key(d.Code))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var existing = new Dictionary<string, DealEntity>(RecordCode.Comparer);
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var e in await db.Set<DealEntity>().Where(d => chunk.Contains(d.Code)).ToListAsync(ct))
            {
                existing[e.Code] = e;
            }
        }

        foreach (var d in deals)
        {
            if (existing.TryGetValue(d.Code, out var stored))
            {
                actor.EnsureCanEdit(stored.RegionCode);
                if (stored.RegionCode != d.Region)
                {
                    // The region is part of the deal's key (Cluster/CitusKeys): a deal stays in the region it was entered in.
                    errors.Add(new Bilingual(
                        $"项目“{stored.Code}”属于{stored.RegionCode}，不能改为{d.Region}", $"deal '{stored.Code}' belongs to {stored.RegionCode} and cannot move to {d.Region}"));
                }

                var old = stored.ToDeal();
                if (d.FurthestStage < old.FurthestStage || (old.Stage == DealStage.Lost && d.Stage != DealStage.Lost))
                {
                    errors.Add(new Bilingual(
                        $"项目“{d.Code}”的阶段不能从{PipelineText.Name(old.Stage)}倒退为{PipelineText.Name(d.Stage)}",
                        $"deal '{d.Code}' cannot go back from {old.Stage} to {d.Stage}"));
                }
            }
        }

        if (errors.Count > 0)
        {
            return StoreOutcome.Failed(errors);
        }

        var added = 0;
        var updated = 0;
        foreach (var d in deals)
        {
            if (existing.TryGetValue(d.Code, out var stored))
            {
                var spelling = stored.Code;
                stored.CopyFrom(d);
                stored.Code = spelling; // the record keeps the spelling it was first given
                updated++;
            }
            else
            {
                db.Add(DealEntity.From(d));
                added++;
            }
        }

        db.CurrentUser = actor.Name;
        await db.SaveChangesAsync(ct);
        return new StoreOutcome(added, updated, []);
    }

    /// <summary>Moves a stored deal to <paramref name="stage"/>; throws <see cref="DomainRuleException"/> when the deal's rules refuse.</summary>
    public static async Task<Deal> AdvanceAsync(BaiqiangDbContext db, Actor actor, string code, DealStage stage, DateOnly on, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var entity = await FindAsync(db, code, ct);
        actor.EnsureCanEdit(entity.RegionCode);
        var deal = entity.ToDeal();
        deal.Advance(stage, on, reason);
        entity.CopyFrom(deal);
        db.CurrentUser = actor.Name;
        await db.SaveChangesAsync(ct);
        return deal;
    }

    /// <summary>
    /// Converts a signed deal into a key project (<see cref="DealConversion.ToProject"/>) and creates that project in the
    /// ledger (<see cref="ProjectStore.CreateAsync"/>): the deal's <c>project_code</c> and the new project are written by
    /// one SaveChanges, so both are stored or neither is.
    /// </summary>
    /// <remarks>Refuses (bilingual <see cref="DomainRuleException"/>) a deal not yet signed, lost, or already
    /// converted; refuses (<see cref="ProjectRuleException"/>) a project code already in the ledger. The actor must be
    /// able to edit the deal's region and the project's region and lead department.</remarks>
    public static async Task<Project> ConvertToProjectAsync(BaiqiangDbContext db, Actor actor, string code, string? projectCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var entity = await FindAsync(db, code, ct);
        actor.EnsureCanEdit(entity.RegionCode);
        var deal = entity.ToDeal();
        var project = DealConversion.ToProject(deal, projectCode);
        entity.ProjectCode = project.Code;
        try
        {
            await ProjectStore.CreateAsync(db, project, actor, ct);
        }
        catch
        {
            // Nothing was stored: forget the pending changes so a later save on this context cannot write half of them.
            foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                added.State = EntityState.Detached;
            }

            var dealEntry = db.Entry(entity);
            dealEntry.CurrentValues.SetValues(dealEntry.OriginalValues);
            dealEntry.State = EntityState.Unchanged;
            throw;
        }

        return project;
    }

    private static async Task<DealEntity> FindAsync(BaiqiangDbContext db, string code, CancellationToken ct)
    {
        var key = await StoredCodes.ResolveAsync(db.Set<DealEntity>().Select(d => d.Code), code, ct);
        return await db.Set<DealEntity>().SingleOrDefaultAsync(d => d.Code == key, ct)
            ?? throw new DomainRuleException(new Bilingual($"找不到项目“{key}”", $"no deal '{key}'"));
    }
}

/// <summary>Reads for the CLI and the web app: deals, rates, the monthly scoreboard and target progress.</summary>
public static class PipelineQueries
{
    /// <summary>Deals of <paramref name="region"/> and the regions below it (all when null) that entered the pipeline by <paramref name="through"/> (all when null).</summary>
    public static async Task<List<Deal>> LoadDealsAsync(BaiqiangDbContext db, RegionCode? region, DateOnly? through, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<DealEntity>().AsNoTracking();
        if (through is { } t)
        {
            query = query.Where(d => d.LeadOn <= t);
        }

        var rows = await query.ToListAsync(ct);
        return rows.Where(r => region is null || Actor.IsWithin(r.RegionCode, region.Value)).Select(r => r.ToDeal()).ToList();
    }

    /// <summary>Rates for <paramref name="period"/>, counted in SQL: each deal that can fall in a cohort (entered by the
    /// period's end and either entered in it or reached some later stage in or after it) gets its cohort flags from
    /// CASE expressions over the stage-date columns, and the database returns one row per group, region and set of
    /// cohorts with the count and the exact decimal sum of planned investment (EF Core's decimal sum on SQLite, numeric
    /// on PostgreSQL). <see cref="PipelineRates.FromCells"/> turns those rows into the same rates as
    /// <see cref="PipelineRates.Compute(IEnumerable{DealRateFacts}, StatPeriod, PipelineGrouping)"/>.</summary>
    /// <remarks>A skipped stage counts as reached with the next recorded one (<see cref="DealRateFacts.FromRecorded"/>):
    /// the reached dates are COALESCEs of the later columns. Stored deals were validated when saved.</remarks>
    public static async Task<IReadOnlyList<PipelineRateRow>> RatesAsync(BaiqiangDbContext db, StatPeriod period, PipelineGrouping grouping, RegionCode? region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = (period.Start, period.End);
        var inputs = db.Set<DealEntity>().AsNoTracking()
            .Where(d => d.LeadOn <= end && (d.LeadOn >= start || d.SignedOn >= start || d.LandedOn >= start || d.StartedOn >= start || d.ProducingOn >= start))
            .Select(d => new RateInput
            {
                Region = d.RegionCode,
                Chain = d.IndustryChain,
                Source = d.Source,
                InvestorType = d.InvestorType,
                Origin = d.OriginRegion,
                Amount = d.PlannedInvestment,
                Cohorts = (d.LeadOn >= start ? (int)DealCohorts.Lead : 0)
                    + (d.LeadOn >= start && (d.SignedOn ?? d.LandedOn ?? d.StartedOn ?? d.ProducingOn) <= end ? (int)DealCohorts.LeadSigned : 0)
                    + ((d.SignedOn ?? d.LandedOn ?? d.StartedOn ?? d.ProducingOn) >= start && (d.SignedOn ?? d.LandedOn ?? d.StartedOn ?? d.ProducingOn) <= end
                        ? (int)DealCohorts.Signed
                            + ((d.LandedOn ?? d.StartedOn ?? d.ProducingOn) <= end ? (int)DealCohorts.Landed : 0)
                            + ((d.StartedOn ?? d.ProducingOn) <= end ? (int)DealCohorts.Started : 0)
                            + (d.ProducingOn <= end ? (int)DealCohorts.Producing : 0)
                        : 0),
            });

        // Group only by the column the grouping names (and the region, for the scope filter below).
        IQueryable<RateInput> cells = grouping switch
        {
            PipelineGrouping.IndustryChain => inputs.GroupBy(i => new { i.Region, i.Chain, i.Cohorts })
                .Select(g => new RateInput { Region = g.Key.Region, Chain = g.Key.Chain, Cohorts = g.Key.Cohorts, Count = g.Count(), Amount = g.Sum(i => i.Amount) }),
            PipelineGrouping.Source => inputs.GroupBy(i => new { i.Region, i.Source, i.Cohorts })
                .Select(g => new RateInput { Region = g.Key.Region, Source = g.Key.Source, Cohorts = g.Key.Cohorts, Count = g.Count(), Amount = g.Sum(i => i.Amount) }),
            PipelineGrouping.InvestorType => inputs.GroupBy(i => new { i.Region, i.InvestorType, i.Cohorts })
                .Select(g => new RateInput { Region = g.Key.Region, InvestorType = g.Key.InvestorType, Cohorts = g.Key.Cohorts, Count = g.Count(), Amount = g.Sum(i => i.Amount) }),
            PipelineGrouping.OriginRegion => inputs.GroupBy(i => new { i.Region, i.Origin, i.Cohorts })
                .Select(g => new RateInput { Region = g.Key.Region, Origin = g.Key.Origin, Cohorts = g.Key.Cohorts, Count = g.Count(), Amount = g.Sum(i => i.Amount) }),
            _ => inputs.GroupBy(i => new { i.Region, i.Cohorts })
                .Select(g => new RateInput { Region = g.Key.Region, Cohorts = g.Key.Cohorts, Count = g.Count(), Amount = g.Sum(i => i.Amount) }),
        };

        var rows = await cells.ToListAsync(ct);
        return PipelineRates.FromCells(
            rows.Where(r => region is null || Actor.IsWithin(r.Region, region.Value))
                .Select(r => new DealRateCell(
                    PipelineRates.KeyOf(grouping, r.Region, r.Chain, r.Source, r.InvestorType, r.Origin), (DealCohorts)r.Cohorts, r.Count, r.Amount)),
            grouping);
    }

    /// <summary>One deal's grouping fields, amount and cohort flags, and after grouping one cell's count and sum.</summary>
    private sealed class RateInput
    {
        public RegionCode Region { get; init; }

        public string Chain { get; init; } = string.Empty;

        public LeadSource Source { get; init; }

        public InvestorType InvestorType { get; init; }

        public string Origin { get; init; } = string.Empty;

        public int Cohorts { get; init; }

        public int Count { get; init; }

        public decimal Amount { get; init; }
    }

    public static async Task<IReadOnlyList<ScoreboardMonth>> ScoreboardAsync(BaiqiangDbContext db, int year, int throughMonth, RegionCode? region, CancellationToken ct)
    {
        var deals = await LoadDealsAsync(db, region, new DateOnly(year, 12, 31), ct);
        return MonthlyScoreboard.Build(deals, year, throughMonth);
    }

    /// <summary>Progress of the stored targets whose subject is a pipeline measure (<see cref="PipelineMeasures"/>) for <paramref name="asOf"/>'s year.</summary>
    public static async Task<IReadOnlyList<PipelineTargetProgress>> TargetsAsync(BaiqiangDbContext db, StatPeriod asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entities = await db.Set<TargetEntity>().AsNoTracking().ToListAsync(ct);
        var targets = entities.Select(e => e.ToTarget()).Where(t => PipelineMeasures.Describe(t.Subject) is not null && t.Deadline.Year == asOf.Year).ToList();
        if (targets.Count == 0)
        {
            return [];
        }

        var deals = await LoadDealsAsync(db, null, asOf.End, ct);
        return PipelineTargets.Evaluate(targets, deals, asOf);
    }
}
