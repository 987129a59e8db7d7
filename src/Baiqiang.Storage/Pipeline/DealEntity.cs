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
    }
}
