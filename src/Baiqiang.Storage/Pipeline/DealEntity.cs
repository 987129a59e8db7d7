using Baiqiang.Core.Pipeline;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Baiqiang.Storage.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Pipeline;

/// <summary>An investment deal (招商项目) row: one column per stage date, so rates and the scoreboard filter in SQL.</summary>
/// <remarks>Enums are stored as their integer values; money in 万元. <see cref="ProjectCode"/> is the key project the
/// signed deal became (<see cref="DealConversion.ToProject"/>), or null.</remarks>
public sealed class DealEntity : IAuditable
{
    public long Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public RegionCode RegionCode { get; set; }

    public string InvestorName { get; set; } = string.Empty;

    public InvestorType InvestorType { get; set; }

    public string OriginRegion { get; set; } = string.Empty;

    public string OriginPlace { get; set; } = string.Empty;

    public string IndustryChain { get; set; } = string.Empty;

    public LeadSource Source { get; set; }

    public decimal PlannedInvestment { get; set; }

    public string Responsible { get; set; } = string.Empty;

    public string Department { get; set; } = string.Empty;

    public DealStage Stage { get; set; }

    public DateOnly LeadOn { get; set; }

    public DateOnly? NegotiatingOn { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly? LandedOn { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? ProducingOn { get; set; }

    public DateOnly? LostOn { get; set; }

    public string? LostReason { get; set; }

    public string? ProjectCode { get; set; }

    /// <summary>合同投资, 万元, or null when no contract is recorded.</summary>
    public decimal? ContractInvestment { get; set; }

    /// <summary>合同签订日期 (set together with <see cref="ContractInvestment"/>).</summary>
    public DateOnly? ContractSignedOn { get; set; }

    string IAuditable.AuditEntity => "deal";

    string IAuditable.AuditKey => Code;

    public static DealEntity From(Deal d)
    {
        var e = new DealEntity();
        e.CopyFrom(d);
        return e;
    }

    /// <summary>Copies every field of <paramref name="d"/> (the key <see cref="Code"/> included).</summary>
    public void CopyFrom(Deal d)
    {
        ArgumentNullException.ThrowIfNull(d);
        Code = d.Code;
        Name = d.Name;
        RegionCode = d.Region;
        InvestorName = d.Investor.Name;
        InvestorType = d.Investor.Type;
        OriginRegion = d.Investor.OriginRegion;
        OriginPlace = d.Investor.OriginPlace;
        IndustryChain = d.IndustryChain;
        Source = d.Source;
        PlannedInvestment = d.PlannedInvestment;
        Responsible = d.Responsible;
        Department = d.Department;
        Stage = d.Stage;
        LeadOn = d.DateOf(DealStage.Lead)!.Value;
        NegotiatingOn = d.DateOf(DealStage.Negotiating);
        SignedOn = d.DateOf(DealStage.Signed);
        LandedOn = d.DateOf(DealStage.Landed);
        StartedOn = d.DateOf(DealStage.Started);
        ProducingOn = d.DateOf(DealStage.Producing);
        LostOn = d.LostOn;
        LostReason = d.LostReason;
        ProjectCode = d.ProjectCode ?? ProjectCode;

        // A list without the contract columns keeps the stored contract, as it keeps the project code.
        if (d.Contract is { } c)
        {
            ContractInvestment = c.Amount;
            ContractSignedOn = c.SignedOn;
        }
    }

    /// <summary>Rebuilds the domain deal (its rules re-checked).</summary>
    public Deal ToDeal()
    {
        var r = Deal.Restore(Create, Dates(), LostOn, LostReason);
        var deal = r.Value;
        if (ProjectCode is { } p)
        {
            deal.LinkProject(p);
        }

        if (ContractInvestment is { } amount)
        {
            deal.SetContract(amount, ContractSignedOn);
        }

        return deal;
    }

    private Deal Create(DateOnly leadOn) => new(Code, Name, RegionCode, new Investor(InvestorName, InvestorType, OriginRegion, OriginPlace), leadOn)
    {
        IndustryChain = IndustryChain,
        Source = Source,
        PlannedInvestment = PlannedInvestment,
        Responsible = Responsible,
        Department = Department,
    };

    private Dictionary<DealStage, DateOnly> Dates()
    {
        var d = new Dictionary<DealStage, DateOnly> { [DealStage.Lead] = LeadOn };
        void Add(DealStage s, DateOnly? on)
        {
            if (on is { } v)
            {
                d[s] = v;
            }
        }

        Add(DealStage.Negotiating, NegotiatingOn);
        Add(DealStage.Signed, SignedOn);
        Add(DealStage.Landed, LandedOn);
        Add(DealStage.Started, StartedOn);
        Add(DealStage.Producing, ProducingOn);
        return d;
    }
}

internal sealed class DealEntityConfiguration : IEntityTypeConfiguration<DealEntity>
{
    public void Configure(EntityTypeBuilder<DealEntity> builder)
    {
        builder.ToTable("deals", tb => tb.HasTrigger(Migrations.Data.CodeKeysData.Trigger("deals")));
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Code).HasMaxLength(Deal.MaxCodeLength);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property<string>(CodeKeys.Property).HasMaxLength(Deal.MaxCodeLength).IsRequired();
        builder.HasIndex(CodeKeys.Property).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.InvestorName).HasMaxLength(300);
        builder.Property(d => d.OriginRegion).HasMaxLength(50);
        builder.Property(d => d.OriginPlace).HasMaxLength(50);
        builder.Property(d => d.IndustryChain).HasMaxLength(100);
        builder.Property(d => d.Responsible).HasMaxLength(100);
        builder.Property(d => d.Department).HasMaxLength(100);
        builder.Property(d => d.LostReason).HasMaxLength(1000);
        builder.Property(d => d.ProjectCode).HasMaxLength(32);
        builder.Property(d => d.PlannedInvestment).HasPrecision(28, 8);
        builder.HasIndex(d => new { d.RegionCode, d.SignedOn });
        builder.Property(d => d.ContractInvestment).HasPrecision(28, 8);
    }
}

/// <summary>One month of a deal's 实际到位资金 (<see cref="FundsMonth"/>); <see cref="Month"/> is yyyymm (202603). Money in 万元.</summary>
public sealed class DealFundsEntity : IAuditable
{
    public long Id { get; set; }

    public long DealId { get; set; }

    public string DealCode { get; set; } = string.Empty;

    public RegionCode RegionCode { get; set; }

    /// <summary>填报月份 as yyyymm, so "latest month ≤ m" is one index range.</summary>
    public int Month { get; set; }

    public decimal ThisMonth { get; set; }

    public decimal Cumulative { get; set; }

    public decimal PreviousCumulative { get; set; }

    public bool IsOpeningBalance { get; set; }

    public string Note { get; set; } = string.Empty;

    public bool OverContract { get; set; }

    string IAuditable.AuditEntity => "deal_funds";

    string IAuditable.AuditKey => $"{DealCode}|{Month}";

    public static int Key(Core.Projects.ReportingMonth m) => (m.Year * 100) + m.Month;

    public FundsMonth ToMonth() => new(new Core.Projects.ReportingMonth(Month / 100, Month % 100), ThisMonth, Cumulative, PreviousCumulative, IsOpeningBalance, Note, OverContract);

    public void CopyFrom(FundsMonth m)
    {
        ArgumentNullException.ThrowIfNull(m);
        Month = Key(m.Month);
        ThisMonth = m.ThisMonth;
        Cumulative = m.Cumulative;
        PreviousCumulative = m.PreviousCumulative;
        IsOpeningBalance = m.IsOpeningBalance;
        Note = m.Note;
        OverContract = m.OverContract;
    }
}

/// <summary>A 履约 milestone of a deal's contract (<see cref="ContractMilestone"/>), one per deal and kind.</summary>
public sealed class DealMilestoneEntity : IAuditable
{
    public long Id { get; set; }

    public long DealId { get; set; }

    public string DealCode { get; set; } = string.Empty;

    public RegionCode RegionCode { get; set; }

    public ContractMilestoneKind Kind { get; set; }

    public DateOnly PromisedOn { get; set; }

    public decimal? PromisedAmount { get; set; }

    public DateOnly? MetOn { get; set; }

    string IAuditable.AuditEntity => "deal_milestone";

    string IAuditable.AuditKey => $"{DealCode}|{ContractMilestone.Name(Kind)}";

    public ContractMilestone ToMilestone() => new(Kind, PromisedOn, PromisedAmount, MetOn);
}

internal sealed class DealFundsEntityConfiguration : IEntityTypeConfiguration<DealFundsEntity>
{
    public void Configure(EntityTypeBuilder<DealFundsEntity> builder)
    {
        builder.ToTable("deal_funds");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.DealCode).HasMaxLength(Deal.MaxCodeLength);
        builder.Property(f => f.Note).HasMaxLength(1000);
        builder.Property(f => f.ThisMonth).HasPrecision(28, 8);
        builder.Property(f => f.Cumulative).HasPrecision(28, 8);
        builder.Property(f => f.PreviousCumulative).HasPrecision(28, 8);
        builder.HasIndex(f => new { f.DealId, f.Month }).IsUnique();
        builder.HasIndex(f => f.Month);
    }
}

internal sealed class DealMilestoneEntityConfiguration : IEntityTypeConfiguration<DealMilestoneEntity>
{
    public void Configure(EntityTypeBuilder<DealMilestoneEntity> builder)
    {
        builder.ToTable("deal_milestones");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.DealCode).HasMaxLength(Deal.MaxCodeLength);
        builder.Property(m => m.PromisedAmount).HasPrecision(28, 8);
        builder.HasIndex(m => new { m.DealId, m.Kind }).IsUnique();
    }
}
