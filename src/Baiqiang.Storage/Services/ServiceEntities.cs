using System.Globalization;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Services;
using Baiqiang.Storage.Auditing;
using Baiqiang.Storage.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Services;

/// <summary>An enterprise of the registry; the credit code is unique.</summary>
public sealed class EnterpriseEntity : IAuditable
{
    public long Id { get; set; }

    public string CreditCode { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public RegionCode RegionCode { get; set; }

    public RegionCode? ParkCode { get; set; }

    public string Industry { get; set; } = string.Empty;

    public EnterpriseSize? Size { get; set; }

    public EnterpriseTags Tags { get; set; }

    /// <summary>Contacts as "姓名|职务|电话" joined by "; ".</summary>
    public string Contacts { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "enterprise";

    string IAuditable.AuditKey => CreditCode;

    public static EnterpriseEntity From(Enterprise e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EnterpriseEntity
        {
            CreditCode = e.CreditCode.Value,
            Name = e.Name,
            RegionCode = e.Region,
            ParkCode = e.Park,
            Industry = e.Industry,
            Size = e.Size,
            Tags = e.Flags,
            Contacts = FormatContacts(e.Contacts),
        };
    }

    public Enterprise ToEnterprise() => new(UnifiedSocialCreditCode.Parse(CreditCode), Name, RegionCode)
    {
        Park = ParkCode,
        Industry = Industry,
        Size = Size,
        Flags = Tags,
        Contacts = ParseContacts(Contacts),
    };

    public static string FormatContacts(IEnumerable<EnterpriseContact> contacts) =>
        string.Join("; ", contacts.Select(c => string.Join('|', c.Name, c.Role, c.Phone).TrimEnd('|')));

    public static IReadOnlyList<EnterpriseContact> ParseContacts(string text) =>
        [.. (text ?? string.Empty).Split([';', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('|', StringSplitOptions.TrimEntries))
            .Select(p => new EnterpriseContact(p[0], p.Length > 1 ? p[1] : string.Empty, p.Length > 2 ? p[2] : string.Empty))];
}

/// <summary>A visit (走访).</summary>
public sealed class VisitEntity : IAuditable
{
    public long Id { get; set; }

    public string Key { get; set; } = string.Empty;

    public DateOnly On { get; set; }

    public string Visitors { get; set; } = string.Empty;

    public string CreditCode { get; set; } = string.Empty;

    public RegionCode RegionCode { get; set; }

    public string Notes { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "visit";

    string IAuditable.AuditKey => Key;

    public static VisitEntity From(Visit v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new() { Key = v.Id, On = v.On, Visitors = v.Visitors, CreditCode = v.Enterprise.Value, RegionCode = v.Region, Notes = v.Notes };
    }
}

/// <summary>An enterprise request; <see cref="RaisedMonth"/> (yyyyMM) and <see cref="DaysToResolve"/> are stored so
/// statistics group and take the median in SQL.</summary>
public sealed class RequestEntity : IAuditable
{
    public long Id { get; set; }

    public string Key { get; set; } = string.Empty;

    public string CreditCode { get; set; } = string.Empty;

    public RegionCode RegionCode { get; set; }

    public RequestCategory Category { get; set; }

    public string Department { get; set; } = string.Empty;

    public DateOnly RaisedOn { get; set; }

    /// <summary>yyyyMM of <see cref="RaisedOn"/>.</summary>
    public int RaisedMonth { get; set; }

    public DateOnly Deadline { get; set; }

    public RequestStatus Status { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? Resolution { get; set; }

    public Satisfaction? Satisfaction { get; set; }

    /// <summary>Days from raised to 已解决, else null.</summary>
    public int? DaysToResolve { get; set; }

    public string? VisitKey { get; set; }

    public string Description { get; set; } = string.Empty;

    string IAuditable.AuditEntity => "request";

    string IAuditable.AuditKey => Key;

    public static RequestEntity From(EnterpriseRequest r)
    {
        var e = new RequestEntity();
        e.CopyFrom(r);
        return e;
    }

    public void CopyFrom(EnterpriseRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        Key = r.Id;
        CreditCode = r.Enterprise.Value;
        RegionCode = r.Region;
        Category = r.Category;
        Department = r.Department;
        RaisedOn = r.RaisedOn;
        RaisedMonth = (r.RaisedOn.Year * 100) + r.RaisedOn.Month;
        Deadline = r.Deadline;
        Status = r.Status;
        StartedOn = r.StartedOn;
        ClosedOn = r.ClosedOn;
        Resolution = r.Resolution;
        Satisfaction = r.Satisfaction;
        DaysToResolve = r.DaysToResolve;
        VisitKey = r.VisitId;
        Description = r.Description;
    }

    public EnterpriseRequest ToRequest()
    {
        var fresh = new EnterpriseRequest(Key, UnifiedSocialCreditCode.Parse(CreditCode), RegionCode, Category, Department, RaisedOn, Deadline)
        {
            VisitId = VisitKey,
            Description = Description,
        };
        return EnterpriseRequest.Restore(fresh, Status, StartedOn, ClosedOn, Resolution, Satisfaction).Value;
    }

    public static string MonthText(int yyyymm) => string.Create(CultureInfo.InvariantCulture, $"{yyyymm / 100:D4}-{yyyymm % 100:D2}");
}

/// <summary>A policy cash-out (奖补兑现 / 减免).</summary>
public sealed class CashOutEntity : IAuditable
{
    public long Id { get; set; }

    public string Key { get; set; } = string.Empty;

    public string Programme { get; set; } = string.Empty;

    public CashOutKind Kind { get; set; }

    public BeneficiaryKind BeneficiaryKind { get; set; }

    public string Beneficiary { get; set; } = string.Empty;

    public string? CreditCode { get; set; }

    public RegionCode RegionCode { get; set; }

    public decimal Amount { get; set; }

    public DateOnly On { get; set; }

    string IAuditable.AuditEntity => "cash_out";

    string IAuditable.AuditKey => Key;

    public static CashOutEntity From(PolicyCashOut c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new()
        {
            Key = c.Id,
            Programme = c.Programme,
            Kind = c.Kind,
            BeneficiaryKind = c.BeneficiaryKind,
            Beneficiary = c.Beneficiary,
            CreditCode = c.CreditCode?.Value,
            RegionCode = c.Region,
            Amount = c.Amount,
            On = c.On,
        };
    }
}

internal sealed class EnterpriseEntityConfiguration : IEntityTypeConfiguration<EnterpriseEntity>
{
    public void Configure(EntityTypeBuilder<EnterpriseEntity> builder)
    {
        builder.ToTable("enterprises");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.CreditCode).HasMaxLength(18);
        builder.HasIndex(e => e.CreditCode).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.Industry).HasMaxLength(100);
        builder.Property(e => e.Contacts).HasMaxLength(2000);
        builder.HasIndex(e => e.RegionCode);
    }
}

internal sealed class VisitEntityConfiguration : IEntityTypeConfiguration<VisitEntity>
{
    public void Configure(EntityTypeBuilder<VisitEntity> builder)
    {
        builder.ToTable("visits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Key).HasMaxLength(64);
        builder.HasIndex(v => v.Key).IsUnique();
        builder.Property(v => v.Visitors).HasMaxLength(500);
        builder.Property(v => v.CreditCode).HasMaxLength(18);
        builder.Property(v => v.Notes).HasMaxLength(4000);
        builder.HasIndex(v => v.On);
    }
}

internal sealed class RequestEntityConfiguration : IEntityTypeConfiguration<RequestEntity>
{
    public void Configure(EntityTypeBuilder<RequestEntity> builder)
    {
        builder.ToTable("enterprise_requests", tb => tb.HasTrigger(Migrations.Data.CodeKeysData.Trigger("enterprise_requests")));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Key).HasMaxLength(64);
        builder.HasIndex(r => r.Key).IsUnique();
        builder.Property<string>(CodeKeys.Property).HasMaxLength(64).IsRequired();
        builder.HasIndex(CodeKeys.Property).IsUnique();
        builder.Property(r => r.CreditCode).HasMaxLength(18);
        builder.Property(r => r.Department).HasMaxLength(100);
        builder.Property(r => r.Resolution).HasMaxLength(4000);
        builder.Property(r => r.VisitKey).HasMaxLength(64);
        builder.Property(r => r.Description).HasMaxLength(4000);
        // Covering index of the statistics query: filter by month, group by department × category, count by status,
        // deadline and closing date without touching the table.
        builder.HasIndex(r => new { r.RaisedMonth, r.Department, r.Category, r.Status, r.Deadline, r.ClosedOn });
        builder.HasIndex(r => new { r.RaisedMonth, r.DaysToResolve });
        builder.HasIndex(r => new { r.Department, r.Status });
    }
}

internal sealed class CashOutEntityConfiguration : IEntityTypeConfiguration<CashOutEntity>
{
    public void Configure(EntityTypeBuilder<CashOutEntity> builder)
    {
        builder.ToTable("cash_outs");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Key).HasMaxLength(64);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Programme).HasMaxLength(200);
        builder.Property(c => c.Beneficiary).HasMaxLength(300);
        builder.Property(c => c.CreditCode).HasMaxLength(18);
        builder.Property(c => c.Amount).HasPrecision(28, 8);
        builder.HasIndex(c => new { c.On, c.Programme });
    }
}
