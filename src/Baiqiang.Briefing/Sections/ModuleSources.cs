using Baiqiang.Briefing.Model;
using Baiqiang.Core.Access;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Services;
using Baiqiang.Core.Targets;
using Baiqiang.Storage.Pipeline;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Services;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Briefing.Sections;

/// <summary>
/// Key-project section from the project tables (<see cref="ProjectSnapshotQuery"/> → <see cref="KeyProjectsSource"/>):
/// counts by status, completion of the annual plan and lagging projects with their reasons, warnings evaluated as at the
/// period's last day. When the region has no stored project, falls back to <see cref="KeyProjectAggregatesSource"/>.
/// </summary>
public sealed class StoredKeyProjectsSource : IBriefingSectionSource
{
    private readonly KeyProjectAggregatesSource _fallback = new();

    public string Kind => Templates.SectionKinds.KeyProjects;

    public async Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = await ProjectSnapshotQuery.LoadAsync(context.Db, context.Region, context.Period, ct);
        if (snapshot.Projects.Count == 0)
        {
            return await _fallback.LoadAsync(context, ct);
        }

        var source = new KeyProjectsSource(snapshot.Projects, snapshot.ApprovedReports, snapshot.Problems, context.Period.End, "projects");
        return await source.LoadAsync(context, ct) ?? await _fallback.LoadAsync(context, ct);
    }
}

/// <summary>
/// Investment section (招商引资) from the pipeline (deals of the region and its parks): signings, their planned
/// investment, landings, starts and productions reached within the period, against the region's targets of the same
/// subject, and 资金到位率 (实际到位资金 ÷ 合同投资 of every deal under contract by the period's end). Falls back to stored observations (<see cref="InvestmentSource"/>) when no deal of the region reached a stage
/// in the period.
/// </summary>
public sealed class PipelineInvestmentSource : IBriefingSectionSource
{
    private readonly InvestmentSource _fallback = new();

    public string Kind => Templates.SectionKinds.Investment;

    public async Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (start, end) = (context.Period.Start, context.Period.End);
        var deals = await PipelineQueries.LoadDealsAsync(context.Db, context.Region, end, ct);
        bool In(Deal d, DealStage s) => d.ReachedOn(s) is { } on && on >= start && on <= end;
        var signed = deals.Where(d => In(d, DealStage.Signed)).ToList();
        var landed = deals.Count(d => In(d, DealStage.Landed));
        var started = deals.Count(d => In(d, DealStage.Started));
        var producing = deals.Count(d => In(d, DealStage.Producing));
        if (signed.Count + landed + started + producing == 0)
        {
            return await _fallback.LoadAsync(context, ct);
        }

        var period = context.Period.ToString();
        var items = new List<ProgressItem>
        {
            Item(context, "new_signed_projects", new Figure(signed.Count, Unit.Ge, Qualifier.Exact, new SourceRef("new_signed_projects", period, "pipeline"))),
        };
        // A deal without a planned investment is stored as 0; the total is left out rather than printed as 0.
        if (signed.Sum(d => d.PlannedInvestment) is var amount and > 0m)
        {
            items.Add(Item(context, "new_signed_investment", new Figure(Amount.WanYuan(amount).ConvertTo(Unit.YiYuan).Value, Unit.YiYuan, Qualifier.Exact, new SourceRef("new_signed_investment", period, "pipeline"))));
        }

        items.Add(Item(context, "projects_landed", new Figure(landed, Unit.Ge, Qualifier.Exact, new SourceRef("projects_landed", period, "pipeline"))));
        items.Add(Item(context, "new_project_starts", new Figure(started, Unit.Ge, Qualifier.Exact, new SourceRef("new_project_starts", period, "pipeline"))));
        items.Add(Item(context, "projects_producing", new Figure(producing, Unit.Ge, Qualifier.Exact, new SourceRef("projects_producing", period, "pipeline"))));

        // 资金到位率 of every deal under contract by the period's end (实际到位资金 ÷ 合同投资), when any contract is recorded.
        var funds = await DealMoneyStore.FundsRatesAsync(context.Db, context.Period, context.Region, ct);
        if (funds.Period.Percent is { } fundsRate)
        {
            items.Add(new ProgressItem("funds_in_place_rate", new Figure(Math.Round(fundsRate, 2, MidpointRounding.AwayFromZero), Unit.Percent, Qualifier.Exact, new SourceRef("funds_in_place_rate", period, "pipeline")), null, null));
        }

        return new InvestmentData(items);
    }

    internal static ProgressItem Item(BriefingContext context, string code, Figure actual)
    {
        var target = context.Targets.FirstOrDefault(t => string.Equals(t.Subject, code, StringComparison.Ordinal) && t.Form == TargetForm.Level && t.Deadline.Year == context.Period.Year);
        if (target is null)
        {
            return new ProgressItem(code, actual, null, null);
        }

        var targetSource = new SourceRef(code, target.Deadline.ToString(), "target:" + target.Id);
        return new ProgressItem(code, actual, new Figure(target.Value!.Value.Value, target.Value.Value.Unit, target.Value.Value.Qualifier, targetSource), targetSource);
    }
}

/// <summary>
/// 月月有签约、月月有落地、月月有开工 from the pipeline: the months of the period's year through its last month, empty
/// months marked. Left out when no deal of the region reached 签约, 落地 or 开工 in those months.
/// </summary>
public sealed class PipelineScoreboardSource : IBriefingSectionSource
{
    public string Kind => Templates.SectionKinds.Scoreboard;

    public async Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var year = context.Period.Year;
        var months = await PipelineQueries.ScoreboardAsync(context.Db, year, context.Period.LastMonth, context.Region, ct);
        return months.All(m => m.Signings + m.Landings + m.Starts == 0)
            ? null
            : new ScoreboardData(year, months, new SourceRef("pipeline_scoreboard", context.Period.ToString(), "pipeline"));
    }
}

/// <summary>
/// Enterprise-service section from the service desk (visits and requests of the region and its parks): visits,
/// enterprises reached, requests raised and resolved in the period and the resolution rate (resolved ÷ raised × 100).
/// Falls back to stored observations (<see cref="ServiceSource"/>) when the desk holds nothing for the region and period.
/// </summary>
public sealed class DeskServiceSource : IBriefingSectionSource
{
    private readonly ServiceSource _fallback = new();

    public string Kind => Templates.SectionKinds.Service;

    public async Task<ISectionData?> LoadAsync(BriefingContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (start, end) = (context.Period.Start, context.Period.End);
        var region = context.Region;
        var visits = (await context.Db.Set<VisitEntity>().AsNoTracking().Where(v => v.On >= start && v.On <= end)
                .Select(v => new { v.RegionCode, v.CreditCode }).ToListAsync(ct))
            .Where(v => Actor.IsWithin(v.RegionCode, region)).ToList();
        var requests = (await context.Db.Set<RequestEntity>().AsNoTracking().Where(r => r.RaisedOn >= start && r.RaisedOn <= end)
                .Select(r => new { r.RegionCode, r.Status }).ToListAsync(ct))
            .Where(r => Actor.IsWithin(r.RegionCode, region)).ToList();
        if (visits.Count == 0 && requests.Count == 0)
        {
            return await _fallback.LoadAsync(context, ct);
        }

        var period = context.Period.ToString();
        SourceRef Src(string code) => new(code, period, "service-desk");
        var items = new List<ProgressItem>();
        if (visits.Count > 0)
        {
            items.Add(PipelineInvestmentSource.Item(context, "enterprise_visits", new Figure(visits.Count, Unit.Ci, Qualifier.Exact, Src("enterprise_visits"))));
            var reached = visits.Select(v => v.CreditCode).Distinct(StringComparer.Ordinal).Count();
            items.Add(PipelineInvestmentSource.Item(context, "enterprises_reached", new Figure(reached, Unit.Jia, Qualifier.Exact, Src("enterprises_reached"))));
        }

        if (requests.Count > 0)
        {
            var solved = requests.Count(r => r.Status == RequestStatus.Resolved);
            items.Add(PipelineInvestmentSource.Item(context, "enterprise_requests", new Figure(requests.Count, Unit.Jian, Qualifier.Exact, Src("enterprise_requests"))));
            items.Add(PipelineInvestmentSource.Item(context, "enterprise_requests_solved", new Figure(solved, Unit.Jian, Qualifier.Exact, Src("enterprise_requests_solved"))));
            var rate = Math.Round((decimal)solved / requests.Count * 100m, 2, MidpointRounding.AwayFromZero);
            items.Add(new ProgressItem("enterprise_requests_resolution_rate", new Figure(rate, Unit.Percent, Qualifier.Exact, Src("enterprise_requests_resolution_rate")), null, null));
        }

        return new ServiceData(items);
    }
}
