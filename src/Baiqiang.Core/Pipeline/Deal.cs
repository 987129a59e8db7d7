using System.Globalization;
using Baiqiang.Core.Projects;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Pipeline;

/// <summary>The investor behind a deal.</summary>
/// <param name="Name">投资方名称.</param>
/// <param name="Type">投资方类型.</param>
/// <param name="OriginRegion">来源区域: 长三角, 京津冀, 粤港澳, 成渝 … or empty.</param>
/// <param name="OriginPlace">The investor's province or country (广东省, 德国 …), or empty.</param>
public sealed record Investor(string Name, InvestorType Type, string OriginRegion = "", string OriginPlace = "");

/// <summary>
/// An investment-attraction deal (招商项目): a lead that may become a signed, landed, started and producing project.
/// </summary>
/// <remarks>
/// <para>Money is <see cref="decimal"/> 万元 (planned investment ≥ 0). Stages move forward only, through
/// <see cref="TryAdvance"/>; stages may be skipped forward (a lead signed on the spot), never backwards, and each
/// stage's date must be on or after every earlier stage's date. 流失 (lost) needs a reason and is final, as is 投产.</para>
/// <para>A deal that skipped a stage counts as having reached it on the date of the next stage it reached
/// (<see cref="ReachedOn"/>), so a deal signed without a recorded 洽谈 still counts as negotiated.</para>
/// </remarks>
public sealed class Deal
{
    /// <summary>Maximum length of <see cref="Code"/>.</summary>
    public const int MaxCodeLength = 32;

    // Index = (int)DealStage for the forward stages 1..6; [0] unused.
    private readonly DateOnly?[] _dates = new DateOnly?[7];
    private readonly decimal _planned;

    /// <summary>Creates a deal at 线索 on <paramref name="leadOn"/>.</summary>
    public Deal(string code, string name, RegionCode region, Investor investor, DateOnly leadOn)
    {
        if (ValidateCode(code) is { } e)
        {
            throw new ArgumentException(e.ToString(), nameof(code));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(investor);
        Code = RecordCode.Canonical(code);
        Name = name.Trim();
        Region = region;
        Investor = investor;
        Stage = DealStage.Lead;
        _dates[(int)DealStage.Lead] = leadOn;
    }

    public static Bilingual? ValidateCode(string? code) => RecordCode.Validate(code, MaxCodeLength, "项目编号", "deal code");

    public string Code { get; }

    public string Name { get; }

    /// <summary>The county or park the deal lands in.</summary>
    public RegionCode Region { get; }

    public Investor Investor { get; }

    /// <summary>产业链 (电子信息, 新材料 …), or empty.</summary>
    public string IndustryChain { get; init; } = string.Empty;

    public LeadSource Source { get; init; } = LeadSource.Other;

    /// <summary>计划投资, 万元, ≥ 0.</summary>
    public decimal PlannedInvestment
    {
        get => _planned;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _planned = value;
        }
    }

    /// <summary>责任人.</summary>
    public string Responsible { get; init; } = string.Empty;

    /// <summary>责任单位 (招商局, 园区管委会 …), or empty.</summary>
    public string Department { get; init; } = string.Empty;

    public DealStage Stage { get; private set; }

    /// <summary>Date of 流失, when lost.</summary>
    public DateOnly? LostOn { get; private set; }

    /// <summary>Why the deal was lost, when lost.</summary>
    public string? LostReason { get; private set; }

    /// <summary>The highest forward stage reached (for a lost deal: before it was lost).</summary>
    public DealStage FurthestStage
    {
        get
        {
            for (var s = (int)DealStage.Producing; s >= 1; s--)
            {
                if (_dates[s] is not null)
                {
                    return (DealStage)s;
                }
            }

            return DealStage.Lead;
        }
    }

    /// <summary>The key-project (重点项目) code the signed deal became, or null (set by <see cref="DealConversion.ToProject"/>).</summary>
    public string? ProjectCode { get; internal set; }

    /// <summary>合同投资 and its signing date, or null when no contract is recorded (<see cref="TrySetContract"/>).</summary>
    public DealContract? Contract { get; private set; }

    /// <summary>
    /// Records the contract: 合同投资 (万元, ≥ 0) signed on <paramref name="signedOn"/>, or when that is null on the date the
    /// deal reached 签约. Fails, changing nothing, for a negative amount, a deal not signed and no date given, or a date
    /// before the lead date.
    /// </summary>
    public ParseResult<DealContract> TrySetContract(decimal amount, DateOnly? signedOn)
    {
        if (amount < 0)
        {
            return ParseResult<DealContract>.Fail($"合同投资不能为负数:{amount.ToString(CultureInfo.InvariantCulture)}", $"the contracted investment must not be negative: {amount.ToString(CultureInfo.InvariantCulture)}");
        }

        if ((signedOn ?? ReachedOn(DealStage.Signed)) is not { } on)
        {
            return ParseResult<DealContract>.Fail($"项目“{Code}”尚未签约,合同投资须填写合同签订日期", $"deal '{Code}' is not signed; a contracted investment needs its signing date");
        }

        var lead = _dates[(int)DealStage.Lead]!.Value;
        if (on < lead)
        {
            return ParseResult<DealContract>.Fail($"合同签订日期{D(on)}早于线索日期{D(lead)}", $"the contract date {D(on)} is before the lead date {D(lead)}");
        }

        Contract = new DealContract(amount, on);
        return ParseResult<DealContract>.Ok(Contract);
    }

    /// <summary>As <see cref="TrySetContract"/>, throwing <see cref="DomainRuleException"/> on failure.</summary>
    public void SetContract(decimal amount, DateOnly? signedOn = null)
    {
        if (TrySetContract(amount, signedOn).Error is { } e)
        {
            throw new DomainRuleException(e);
        }
    }

    /// <summary>The recorded date of a forward stage, or null when the deal has not reached it or skipped it.</summary>
    public DateOnly? DateOf(DealStage stage) => stage == DealStage.Lost ? LostOn : _dates[(int)stage];

    /// <summary>When the deal reached <paramref name="stage"/> (or a later forward stage, if it skipped it); null if never.</summary>
    public DateOnly? ReachedOn(DealStage stage)
    {
        if (stage == DealStage.Lost)
        {
            return LostOn;
        }

        for (var s = (int)stage; s <= (int)DealStage.Producing; s++)
        {
            if (_dates[s] is { } d)
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>True when the deal reached <paramref name="stage"/> on or before <paramref name="asOf"/>.</summary>
    public bool Reached(DealStage stage, DateOnly asOf) => ReachedOn(stage) is { } d && d <= asOf;

    private DateOnly LatestDate => LostOn ?? _dates[(int)FurthestStage]!.Value;

    /// <summary>
    /// Moves the deal to <paramref name="to"/> on <paramref name="on"/>. Fails, changing nothing, when the move goes
    /// backwards or stays put, the deal is final (投产/流失), a date is earlier than the last stage's date, or 流失 has no reason.
    /// </summary>
    public ParseResult<DealStage> TryAdvance(DealStage to, DateOnly on, string? reason = null)
    {
        if (Stage is DealStage.Producing or DealStage.Lost)
        {
            return ParseResult<DealStage>.Fail(
                $"项目“{Code}”已{PipelineText.Name(Stage)},不能再变更为{PipelineText.Name(to)}",
                $"deal '{Code}' is {Stage}, which is final; it cannot move to {to}");
        }

        if (to == DealStage.Lost)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return ParseResult<DealStage>.Fail("项目流失须说明原因", "a lost deal needs a reason");
            }
        }
        else if (to <= Stage)
        {
            return ParseResult<DealStage>.Fail(
                $"项目阶段不能从{PipelineText.Name(Stage)}倒退或停留在{PipelineText.Name(to)}",
                $"a deal cannot go back from {Stage} to {to}");
        }

        var last = LatestDate;
        if (on < last)
        {
            return ParseResult<DealStage>.Fail(
                $"{PipelineText.Name(to)}日期{D(on)}早于{PipelineText.Name(Stage)}日期{D(last)},阶段日期顺序错误",
                $"the {to} date {D(on)} is before the {Stage} date {D(last)}; stage dates are out of order");
        }

        if (to == DealStage.Lost)
        {
            LostOn = on;
            LostReason = reason!.Trim();
        }
        else
        {
            _dates[(int)to] = on;
        }

        Stage = to;
        return ParseResult<DealStage>.Ok(to);
    }

    /// <summary>As <see cref="TryAdvance"/>, throwing <see cref="DomainRuleException"/> on failure.</summary>
    public void Advance(DealStage to, DateOnly on, string? reason = null)
    {
        var r = TryAdvance(to, on, reason);
        if (r.Error is { } e)
        {
            throw new DomainRuleException(e);
        }
    }

    /// <summary>
    /// Rebuilds a deal from recorded stage dates (an import row or a database row): the lead date is required, later
    /// stages may be blank (skipped or not reached); dates must not go backwards; a lost date needs a reason.
    /// </summary>
    public static ParseResult<Deal> Restore(
        Func<DateOnly, Deal> create,
        IReadOnlyDictionary<DealStage, DateOnly> stageDates,
        DateOnly? lostOn,
        string? lostReason)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(stageDates);
        if (!stageDates.TryGetValue(DealStage.Lead, out var leadOn))
        {
            return ParseResult<Deal>.Fail("缺少线索日期", "the lead date is missing");
        }

        var deal = create(leadOn);
        foreach (var stage in PipelineText.ForwardStages.Skip(1))
        {
            if (stageDates.TryGetValue(stage, out var on))
            {
                var r = deal.TryAdvance(stage, on);
                if (r.Error is { } e)
                {
                    return ParseResult<Deal>.Fail(e);
                }
            }
        }

        if (lostOn is { } lost)
        {
            var r = deal.TryAdvance(DealStage.Lost, lost, lostReason);
            if (r.Error is { } e)
            {
                return ParseResult<Deal>.Fail(e);
            }
        }
        else if (!string.IsNullOrWhiteSpace(lostReason))
        {
            return ParseResult<Deal>.Fail("填写了流失原因但没有流失日期", "a lost reason was given without a lost date");
        }

        return ParseResult<Deal>.Ok(deal);
    }

    /// <summary>Records the key-project code the deal was converted into (used when loading from storage).</summary>
    public void LinkProject(string projectCode)
    {
        if (Project.ValidateCode(projectCode) is { } e)
        {
            throw new ArgumentException(e.ToString(), nameof(projectCode));
        }

        ProjectCode = RecordCode.Canonical(projectCode);
    }

    public override string ToString() => $"{Code} {Name}";

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
