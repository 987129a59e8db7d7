using Baiqiang.Core.Access;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Web.Pipeline;

/// <summary>A deal as the list and the API show it. Money in 万元.</summary>
public sealed record DealItem(
    string Code, string Name, string Region, string RegionName, string InvestorName, string InvestorType, string OriginRegion,
    string IndustryChain, string Source, decimal PlannedInvestment, string Responsible, string Department,
    string Stage, string StageZh, DateOnly LeadOn, DateOnly? LostOn, string? LostReason, string? ProjectCode);

/// <summary>One step of a deal's stage history: the recorded date, or null when the stage was skipped or not reached.</summary>
public sealed record StageStep(string Stage, string StageZh, DateOnly? On, bool Reached);

/// <summary>A deal with its stage history and the stages it may still move to.</summary>
public sealed record DealDetail(DealItem Deal, IReadOnlyList<StageStep> History, IReadOnlyList<string> NextStages, bool Editable, DealMoneyItem? Money = null);

/// <summary>A funnel layer: deals that reached the stage by the period's end (a skipped stage counts as reached).</summary>
public sealed record FunnelStage(string Stage, string StageZh, int Count, decimal Amount);

/// <summary>A conversion rate by count and by amount, with its base and formula.</summary>
public sealed record RateItem(string NameZh, string NameEn, int Count, int BaseCount, decimal Amount, decimal BaseAmount, string BaseLabel, decimal? ByCountPercent, decimal? ByAmountPercent, string Formula);

/// <summary>The funnel of deals that entered the pipeline by the end of <c>Period</c>, and the period's conversion rates
/// with the money rates (资金到位率, 履约率) and the stage-to-stage rates.</summary>
public sealed record FunnelResponse(string Period, string? Region, IReadOnlyList<FunnelStage> Stages, int Lost, decimal LostAmount, IReadOnlyList<RateItem> Rates, string Definition, MoneyRates Money);

/// <summary>资金到位率: 实际到位资金 ÷ 合同投资 (万元) over <c>Deals</c> deals of the base.</summary>
public sealed record FundsRateItem(string BaseLabel, decimal InPlace, decimal Contracted, int Deals, decimal? Percent, string Formula);

/// <summary>履约率 as at <c>AsOf</c>: milestones met on time ÷ milestones due.</summary>
public sealed record PerformanceItem(DateOnly AsOf, int MetOnTime, int Due, decimal? Percent, string Formula);

/// <summary>A stage-to-stage rate (线索→签约 …) over the deals that reached the earlier stage in the period, with the median days.</summary>
public sealed record StageRateItem(string From, string To, string NameZh, string NameEn, int Base, int Reached, decimal? Percent, decimal? MedianDays, int DaysSample, string Formula);

/// <summary>The money rates and stage-to-stage rates of a period: 资金到位率 for the period's signings and for every deal under
/// contract by its end, 本期到位资金 (万元), 履约率 as at the as-of day, and 线索→签约, 签约→落地, 落地→开工, 开工→投产.</summary>
public sealed record MoneyRates(FundsRateItem FundsCohort, FundsRateItem FundsPeriod, decimal ArrivedInPeriod, PerformanceItem Performance, IReadOnlyList<StageRateItem> Stages);

/// <summary>One month of a deal's 到位资金 (万元); <c>OpeningBalance</c> is 期初累计 when the month carries one.</summary>
public sealed record FundsMonthItem(string Month, decimal ThisMonth, decimal Cumulative, decimal? OpeningBalance, string Note, bool OverContract);

/// <summary>A contract milestone and its status as at the as-of day (按期完成, 逾期完成, 逾期未完成, 未到期).</summary>
public sealed record MilestoneItem(string Kind, string KindZh, DateOnly PromisedOn, decimal? PromisedAmount, DateOnly? MetOn, string StatusZh);

/// <summary>A deal's contract (合同投资, 万元), funds and milestones, with its 资金到位率 and 履约率 as at <c>AsOf</c>.</summary>
public sealed record DealMoneyItem(
    decimal? ContractInvestment, DateOnly? ContractSignedOn, decimal InPlace, decimal ThisYear, FundsRateItem? FundsRate,
    IReadOnlyList<FundsMonthItem> Funds, IReadOnlyList<MilestoneItem> Milestones, PerformanceItem Performance, DateOnly AsOf);

/// <summary>Records a deal's contract: 合同投资 in 万元 and its signing date (blank: the 签约 date).</summary>
public sealed record SetContractRequest(decimal ContractInvestment, DateOnly? SignedOn = null);

/// <summary>One month of the scoreboard; <c>FlagZh</c> names what the month lacks (无签约、无落地、无开工).</summary>
public sealed record ScoreboardItem(int Month, int Signings, decimal SignedAmount, int Landings, decimal LandedAmount, int Starts, decimal StartedAmount, bool Broken, string FlagZh);

public sealed record ScoreboardResponse(int Year, string? Region, int ThroughMonth, IReadOnlyList<ScoreboardItem> Months, int BrokenMonths);

/// <summary>An annual pipeline target and where it stands.</summary>
public sealed record TargetItem(string Id, string Region, string Subject, string DescriptionZh, string Deadline, decimal TargetValue, decimal Current, decimal ProgressPercent, decimal TimeElapsedPercent, bool Met, bool OnTrack, string Formula);

public sealed record TargetsResponse(string AsOf, IReadOnlyList<TargetItem> Targets);

/// <summary>Filters of the deal list (all optional; region includes the parks below it).</summary>
public sealed record DealFilter(string? Region, string? Stage, string? Chain, string? Source);

/// <summary>Creates a deal at 线索. Money in 万元.</summary>
public sealed record CreateDealRequest(
    string Code, string Name, string Region, string InvestorName, string InvestorType, DateOnly LeadOn,
    string? IndustryChain = null, string? Source = null, decimal PlannedInvestment = 0m, string? Responsible = null,
    string? Department = null, string? OriginRegion = null, string? OriginPlace = null);

/// <summary>Moves a deal to <c>Stage</c> (Chinese name or English member name) on <c>On</c>; 流失 needs <c>Reason</c>.</summary>
public sealed record AdvanceDealRequest(string Stage, DateOnly On, string? Reason = null);

/// <summary>The reads and writes the pipeline pages and API share: validation to bilingual messages, the Actor on every write.</summary>
public static class PipelineViews
{
    public const string FunnelDefinitionZh = "漏斗：截至期末已进入储备库的项目中，累计到达各阶段的项目个数和计划投资（跳过的阶段视为已到达）";

    public static async Task<List<Deal>> DealsAsync(BaiqiangDbContext db, RegionCode? region, CancellationToken ct) =>
        await PipelineQueries.LoadDealsAsync(db, region, null, ct);

    public static async Task<Dictionary<RegionCode, string>> RegionNamesAsync(BaiqiangDbContext db, IEnumerable<RegionCode> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        var rows = await db.Regions.AsNoTracking().Where(r => wanted.Contains(r.Code)).Select(r => new { r.Code, r.Name, r.ValidTo }).ToListAsync(ct);
        return rows.OrderBy(r => r.ValidTo is null ? 1 : 0).GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Last().Name);
    }

    public static DealItem ToItem(Deal d, IReadOnlyDictionary<RegionCode, string> names) => new(
        d.Code, d.Name, d.Region.ToString(), names.TryGetValue(d.Region, out var n) ? n : d.Region.ToString(), d.Investor.Name,
        PipelineText.Name(d.Investor.Type), d.Investor.OriginRegion, d.IndustryChain, PipelineText.Name(d.Source), d.PlannedInvestment,
        d.Responsible, d.Department, d.Stage.ToString(), PipelineText.Name(d.Stage), d.ReachedOn(DealStage.Lead)!.Value, d.LostOn, d.LostReason, d.ProjectCode);

    /// <summary>Parses the optional filters; errors name the field.</summary>
    public static (RegionCode? Region, DealStage? Stage, LeadSource? Source, Dictionary<string, string[]> Errors) ParseFilter(DealFilter filter)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RegionCode? region = null;
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            if (RegionCode.TryParse(filter.Region.Trim(), out var code))
            {
                region = code;
            }
            else
            {
                errors["region"] = ["区划代码应为6位或9位数字 / region code must be 6 or 9 digits"];
            }
        }

        DealStage? stage = null;
        if (!string.IsNullOrWhiteSpace(filter.Stage))
        {
            var p = PipelineText.ParseStage(filter.Stage);
            if (p.Success)
            {
                stage = p.Value;
            }
            else
            {
                errors["stage"] = [p.Error!.Value.ToString()];
            }
        }

        LeadSource? source = null;
        if (!string.IsNullOrWhiteSpace(filter.Source))
        {
            var p = PipelineText.ParseSource(filter.Source);
            if (p.Success)
            {
                source = p.Value;
            }
            else
            {
                errors["source"] = [p.Error!.Value.ToString()];
            }
        }

        return (region, stage, source, errors);
    }

    public static async Task<IReadOnlyList<DealItem>> ListAsync(BaiqiangDbContext db, RegionCode? region, DealStage? stage, string? chain, LeadSource? source, CancellationToken ct)
    {
        var deals = (await DealsAsync(db, region, ct))
            .Where(d => stage is null || d.Stage == stage)
            .Where(d => string.IsNullOrWhiteSpace(chain) || string.Equals(d.IndustryChain, chain.Trim(), StringComparison.Ordinal))
            .Where(d => source is null || d.Source == source)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var names = await RegionNamesAsync(db, deals.Select(d => d.Region), ct);
        return [.. deals.Select(d => ToItem(d, names))];
    }

    public static async Task<DealDetail?> DetailAsync(BaiqiangDbContext db, Actor actor, string code, CancellationToken ct) =>
        await DetailAsync(db, actor, code, null, ct);

    /// <summary>The deal with its money as at <paramref name="asOf"/> (null: no money part).</summary>
    public static async Task<DealDetail?> DetailAsync(BaiqiangDbContext db, Actor actor, string code, DateOnly? asOf, CancellationToken ct)
    {
        var key = code.Trim();
        var entity = await db.Set<DealEntity>().AsNoTracking().SingleOrDefaultAsync(d => d.Code == key, ct);
        if (entity is null)
        {
            return null;
        }

        var deal = entity.ToDeal();
        var names = await RegionNamesAsync(db, [deal.Region], ct);
        var history = PipelineText.ForwardStages
            .Select(s => new StageStep(s.ToString(), PipelineText.Name(s), deal.DateOf(s), deal.ReachedOn(s) is not null))
            .Append(new StageStep(nameof(DealStage.Lost), PipelineText.Name(DealStage.Lost), deal.LostOn, deal.LostOn is not null))
            .ToList();
        IReadOnlyList<string> next = deal.Stage is DealStage.Producing or DealStage.Lost
            ? []
            : [.. PipelineText.ForwardStages.Where(s => s > deal.Stage).Append(DealStage.Lost).Select(s => s.ToString())];
        var money = asOf is { } day && await DealMoneyStore.DealAsync(db, key, day, ct) is { } m ? ToItem(m) : null;
        return new DealDetail(ToItem(deal, names), history, next, actor.CanEdit(deal.Region), money);
    }

    public static DealMoneyItem ToItem(DealMoney m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new DealMoneyItem(
            m.Contract?.Amount, m.Contract?.SignedOn, m.InPlace, m.ThisYear, m.FundsRate is { } r ? ToItem(r) : null,
            [.. m.Funds.Select(f => new FundsMonthItem(f.Month.ToString(), f.ThisMonth, f.Cumulative, f.IsOpeningBalance ? f.PreviousCumulative : null, f.Note, f.OverContract))],
            [.. m.Milestones.Select(x => new MilestoneItem(x.Kind.ToString(), ContractMilestone.Name(x.Kind), x.PromisedOn, x.PromisedAmount, x.MetOn, x.StatusZh(m.AsOf)))],
            ToItem(m.Performance), m.AsOf);
    }

    public static FundsRateItem ToItem(FundsRate r) => new(r.BaseLabel, r.InPlace, r.Contracted, r.Deals, Round(r.Percent), r.Formula);

    public static PerformanceItem ToItem(PerformanceRate r) => new(r.AsOf, r.MetOnTime, r.Due, Round(r.Percent), r.Formula);

    /// <summary>资金到位率, 履约率 (as at <paramref name="asOf"/>) and the stage-to-stage rates of <paramref name="period"/>.</summary>
    public static async Task<MoneyRates> MoneyRatesAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, DateOnly asOf, CancellationToken ct)
    {
        var funds = await DealMoneyStore.FundsRatesAsync(db, period, region, ct);
        var performance = await DealMoneyStore.PerformanceAsync(db, asOf, region, ct);
        var stages = await DealMoneyStore.StageRatesAsync(db, period, region, ct);
        return new MoneyRates(
            ToItem(funds.Cohort), ToItem(funds.Period), funds.ArrivedInPeriod, ToItem(performance),
            [.. stages.Select(s => new StageRateItem(s.From.ToString(), s.To.ToString(), s.NameZh, s.NameEn, s.Base, s.Reached, Round(s.Percent), s.MedianDays, s.DaysSample, s.Formula))]);
    }

    /// <summary>Records the contract of a deal; refusals by the deal's rules come back as a bilingual message, an actor
    /// outside the deal's region gets <see cref="AccessDeniedException"/>.</summary>
    public static async Task<Bilingual?> SetContractAsync(BaiqiangDbContext db, Actor actor, string code, SetContractRequest request, CancellationToken ct)
    {
        try
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            await DealMoneyStore.SetContractAsync(db, actor, code, request.ContractInvestment, request.SignedOn, ct);
            return null;
        }
        catch (DomainRuleException e)
        {
            return e.Reason;
        }
    }

    /// <summary>Validates and stores a new deal. Throws <see cref="AccessDeniedException"/> when the actor may not edit its region.</summary>
    public static async Task<(DealItem? Deal, Dictionary<string, string[]> Errors)> CreateAsync(BaiqiangDbContext db, Actor actor, CreateDealRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, Bilingual message) => errors[field] = [message.ToString()];

        if (Deal.ValidateCode(request.Code) is { } codeError)
        {
            Add("code", codeError);
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            Add("name", new Bilingual("项目名称不能为空", "the deal name is required"));
        }

        if (string.IsNullOrWhiteSpace(request.InvestorName))
        {
            Add("investorName", new Bilingual("投资方名称不能为空", "the investor name is required"));
        }

        if (!RegionCode.TryParse(request.Region?.Trim() ?? string.Empty, out var region))
        {
            Add("region", new Bilingual("区划代码应为6位或9位数字", "region code must be 6 or 9 digits"));
        }

        var type = PipelineText.ParseInvestorType(request.InvestorType ?? string.Empty);
        if (!type.Success)
        {
            Add("investorType", type.Error!.Value);
        }

        var source = string.IsNullOrWhiteSpace(request.Source) ? ParseResult<LeadSource>.Ok(LeadSource.Other) : PipelineText.ParseSource(request.Source);
        if (!source.Success)
        {
            Add("source", source.Error!.Value);
        }

        if (request.PlannedInvestment < 0)
        {
            Add("plannedInvestment", new Bilingual("计划投资不能为负数", "planned investment must not be negative"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        actor.EnsureCanEdit(region);
        if (!await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            Add("region", new Bilingual($"区划 {region} 不存在", $"region {region} is not stored"));
            return (null, errors);
        }

        var code = request.Code.Trim();
        if (await db.Set<DealEntity>().AnyAsync(d => d.Code == code, ct))
        {
            Add("code", new Bilingual($"项目编号“{code}”已存在", $"deal code '{code}' already exists"));
            return (null, errors);
        }

        var deal = new Deal(code, request.Name, region, new Investor(request.InvestorName.Trim(), type.Value, request.OriginRegion?.Trim() ?? string.Empty, request.OriginPlace?.Trim() ?? string.Empty), request.LeadOn)
        {
            IndustryChain = request.IndustryChain?.Trim() ?? string.Empty,
            Source = source.Value,
            PlannedInvestment = request.PlannedInvestment,
            Responsible = request.Responsible?.Trim() ?? string.Empty,
            Department = request.Department?.Trim() ?? string.Empty,
        };
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var outcome = await PipelineStore.SaveDealsAsync(db, actor, [deal], ct);
        if (!outcome.Success)
        {
            errors["code"] = [.. outcome.Errors.Select(e => e.ToString())];
            return (null, errors);
        }

        var names = await RegionNamesAsync(db, [region], ct);
        return (ToItem(deal, names), errors);
    }

    /// <summary>Parses the stage and advances the deal. Refusals by the deal's rules come back as a bilingual message;
    /// an actor outside the deal's region gets <see cref="AccessDeniedException"/>.</summary>
    public static async Task<Bilingual?> AdvanceAsync(BaiqiangDbContext db, Actor actor, string code, AdvanceDealRequest request, CancellationToken ct)
    {
        var stage = PipelineText.ParseStage(request.Stage ?? string.Empty);
        if (!stage.Success)
        {
            return stage.Error!.Value;
        }

        try
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            await PipelineStore.AdvanceAsync(db, actor, code, stage.Value, request.On, request.Reason, ct);
            return null;
        }
        catch (DomainRuleException e)
        {
            return e.Reason;
        }
    }

    public static async Task<FunnelResponse> FunnelAsync(BaiqiangDbContext db, StatPeriod period, RegionCode? region, DateOnly asOf, CancellationToken ct)
    {
        var deals = await PipelineQueries.LoadDealsAsync(db, region, period.End, ct);
        var end = period.End;
        var stages = PipelineText.ForwardStages
            .Select(s =>
            {
                var reached = deals.Where(d => d.Reached(s, end)).ToList();
                return new FunnelStage(s.ToString(), PipelineText.Name(s), reached.Count, reached.Sum(d => d.PlannedInvestment));
            })
            .ToList();
        var lost = deals.Where(d => d.LostOn is { } l && l <= end).ToList();
        var total = PipelineRates.Compute(deals, period, PipelineGrouping.None)[0];
        var rates = new[] { total.Signing, total.Landing, total.Start, total.Production }
            .Select(r => new RateItem(r.NameZh, r.NameEn, r.Count, r.BaseCount, r.Amount, r.BaseAmount, r.BaseLabel, Round(r.ByCountPercent), Round(r.ByAmountPercent), r.Formula))
            .ToList();
        return new FunnelResponse(period.ToString(), region?.ToString(), stages, lost.Count, lost.Sum(d => d.PlannedInvestment), rates, FunnelDefinitionZh,
            await MoneyRatesAsync(db, period, region, asOf, ct));
    }

    public static async Task<ScoreboardResponse> ScoreboardAsync(BaiqiangDbContext db, int year, RegionCode? region, DateOnly today, CancellationToken ct)
    {
        // The current year is shown through the last complete month, so a month in progress is not flagged yet.
        var through = year < today.Year ? 12 : year == today.Year ? today.Month - 1 : 0;
        var months = await PipelineQueries.ScoreboardAsync(db, year, through, region, ct);
        var items = months.Select(m => new ScoreboardItem(m.Month, m.Signings, m.SignedAmount, m.Landings, m.LandedAmount, m.Starts, m.StartedAmount, m.Broken, m.FlagZh)).ToList();
        return new ScoreboardResponse(year, region?.ToString(), through, items, items.Count(i => i.Broken));
    }

    public static async Task<TargetsResponse> TargetsAsync(BaiqiangDbContext db, StatPeriod asOf, CancellationToken ct)
    {
        var progress = await PipelineQueries.TargetsAsync(db, asOf, ct);
        return new TargetsResponse(asOf.ToString(), [.. progress.Select(p => new TargetItem(
            p.Target.Id, p.Target.Region.ToString(), p.Target.Subject, p.Target.DescriptionZh ?? p.Target.Subject, p.Target.Deadline.ToString(),
            p.Status.TargetValue, p.Status.Current, Round(p.Status.ProgressPercent)!.Value, Round(p.Status.TimeElapsedPercent)!.Value,
            p.Status.Met, p.Status.OnTrack, p.Status.Formula))]);
    }

    /// <summary>The year the pipeline's latest lead entered in (the default year of the pages), or today's year when empty.</summary>
    public static async Task<int> LatestYearAsync(BaiqiangDbContext db, DateOnly today, CancellationToken ct)
    {
        var latest = await db.Set<DealEntity>().AsNoTracking().OrderByDescending(d => d.LeadOn).Select(d => (DateOnly?)d.LeadOn).FirstOrDefaultAsync(ct);
        var signed = await db.Set<DealEntity>().AsNoTracking().Where(d => d.SignedOn != null).OrderByDescending(d => d.SignedOn).Select(d => d.SignedOn).FirstOrDefaultAsync(ct);
        var years = new[] { latest?.Year, signed?.Year }.OfType<int>().ToList();
        return years.Count == 0 ? today.Year : Math.Min(years.Max(), today.Year);
    }

    public static decimal? Round(decimal? v) => v is { } x ? Math.Round(x, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>万元 shown the Chinese way (亿元 from 1亿 up).</summary>
    public static string Money(decimal wan, bool en) => wan >= 10000m
        ? Shared.Fmt.Amount(Math.Round(wan / 10000m, 2, MidpointRounding.AwayFromZero), Baiqiang.Core.Quantities.Unit.YiYuan, en)
        : Shared.Fmt.Amount(wan, Baiqiang.Core.Quantities.Unit.WanYuan, en);
}
