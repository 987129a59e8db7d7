using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Storage.Auditing;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Observations;
using Baiqiang.Storage.PeerGroups;
using Baiqiang.Storage.Projects;
using Baiqiang.Storage.Regions;
using Baiqiang.Storage.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Baiqiang.Storage;

/// <summary>
/// The Baiqiang store: regions, indicators, observations (with revisions), peer groups, targets and the audit log.
/// </summary>
/// <remarks>
/// Open one with <see cref="BaiqiangStore.Open"/>; the concrete type is <see cref="SqliteBaiqiangDbContext"/> or
/// <see cref="PostgresBaiqiangDbContext"/>, each with its own migrations. Every save writes <see cref="AuditEntry"/>
/// rows for added, modified and deleted regions, indicators, observations and targets, attributed to
/// <see cref="CurrentUser"/> at <see cref="Clock"/>'s UTC time. Tables and columns are snake_case on both providers.
/// </remarks>
public abstract class BaiqiangDbContext : DbContext
{
    private protected BaiqiangDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Which database this context talks to.</summary>
    public abstract StoreProvider Provider { get; }

    /// <summary>Who the audit log names for changes saved through this context. Default "system".</summary>
    public string CurrentUser { get; set; } = "system";

    /// <summary>Saves with the audit rows naming <paramref name="user"/>, then puts <see cref="CurrentUser"/> back as it was.</summary>
    public async Task<int> SaveChangesAsAsync(string user, CancellationToken cancellationToken)
    {
        var previous = CurrentUser;
        CurrentUser = user;
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            CurrentUser = previous;
        }
    }

    /// <summary>The clock for audit timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How long a writer waits for another writer's lock before giving up with a <see cref="StoreBusyException"/>. Default 60 s.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Called once when a writer starts waiting for another writer (the CLI says so on standard error).</summary>
    public Action? Waiting { get; set; }

    public DbSet<RegionEntity> Regions => Set<RegionEntity>();

    public DbSet<IndicatorEntity> Indicators => Set<IndicatorEntity>();

    public DbSet<ObservationEntity> Observations => Set<ObservationEntity>();

    public DbSet<Units.UnitEntity> Units => Set<Units.UnitEntity>();

    public DbSet<PeerGroupEntity> PeerGroups => Set<PeerGroupEntity>();

    public DbSet<PeerGroupMemberEntity> PeerGroupMembers => Set<PeerGroupMemberEntity>();

    public DbSet<TargetEntity> Targets => Set<TargetEntity>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Evaluation.FrameworkVersionEntity> FrameworkVersions => Set<Evaluation.FrameworkVersionEntity>();
    public DbSet<Pipeline.DealEntity> Deals => Set<Pipeline.DealEntity>();

    public DbSet<Pipeline.DealFundsEntity> DealFunds => Set<Pipeline.DealFundsEntity>();

    public DbSet<Pipeline.DealMilestoneEntity> DealMilestones => Set<Pipeline.DealMilestoneEntity>();

    public DbSet<Services.EnterpriseEntity> Enterprises => Set<Services.EnterpriseEntity>();

    public DbSet<Services.VisitEntity> Visits => Set<Services.VisitEntity>();

    public DbSet<Services.RequestEntity> EnterpriseRequests => Set<Services.RequestEntity>();

    public DbSet<Services.CashOutEntity> CashOuts => Set<Services.CashOutEntity>();
    public DbSet<Extraction.ExtractionDocumentEntity> ExtractionDocuments => Set<Extraction.ExtractionDocumentEntity>();

    public DbSet<Extraction.PendingFactEntity> PendingFacts => Set<Extraction.PendingFactEntity>();
    public DbSet<ProjectEntity> Projects => Set<ProjectEntity>();

    public DbSet<MonthlyReportEntity> MonthlyReports => Set<MonthlyReportEntity>();

    public DbSet<ProjectProblemEntity> ProjectProblems => Set<ProjectProblemEntity>();

    public DbSet<ClosedMonthEntity> ClosedMonths => Set<ClosedMonthEntity>();

    public DbSet<Settings.StoreSettingEntity> Settings => Set<Settings.StoreSettingEntity>();

    public DbSet<SupervisionStepEntity> SupervisionSteps => Set<SupervisionStepEntity>();

    public DbSet<ProjectAttachmentEntity> ProjectAttachments => Set<ProjectAttachmentEntity>();

    public DbSet<ProjectAttachmentContentEntity> ProjectAttachmentContents => Set<ProjectAttachmentContentEntity>();

    public DbSet<Notifications.NotificationEntity> Notifications => Set<Notifications.NotificationEntity>();

    public DbSet<Notifications.NotificationDeliveryEntity> NotificationDeliveries => Set<Notifications.NotificationDeliveryEntity>();

    public DbSet<Notifications.NotificationRecipientEntity> NotificationRecipients => Set<Notifications.NotificationRecipientEntity>();

    /// <summary>The web nodes' shared data-protection key ring (see <see cref="Cluster.DataProtectionKeyEntity"/>).</summary>
    public DbSet<Cluster.DataProtectionKeyEntity> DataProtectionKeys => Set<Cluster.DataProtectionKeyEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<RegionCode>().HaveConversion<RegionCodeConverter>();
        configurationBuilder.Properties<IndicatorCode>().HaveConversion<IndicatorCodeConverter>();
        configurationBuilder.Properties<StatPeriod>().HaveConversion<StatPeriodConverter>();
        configurationBuilder.Properties<Unit>().HaveConversion<UnitConverter>();
        configurationBuilder.Properties<Qualifier>().HaveConversion<QualifierConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BaiqiangDbContext).Assembly);

        // Partial indexes: SQLite stores booleans as 0/1, PostgreSQL as boolean.
        var isCurrent = Provider == StoreProvider.Sqlite ? "is_current = 1" : "is_current";
        var observations = modelBuilder.Entity<ObservationEntity>();
        observations.HasIndex(o => new { o.RegionCode, o.IndicatorCode, o.Period }).HasFilter(isCurrent);
        observations.HasIndex(o => new { o.IndicatorCode, o.Period, o.RegionCode }).HasFilter(isCurrent);
        if (Provider == StoreProvider.PostgreSql)
        {
            Cluster.CitusKeys.Apply(modelBuilder);
            Cluster.ObservationPartitions.Apply(modelBuilder);
        }

        ApplySnakeCase(modelBuilder);
    }

    private static void ApplySnakeCase(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName() ?? Naming.ToSnakeCase(entity.ClrType.Name);
            entity.SetTableName(table);
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Naming.ToSnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.IsPrimaryKey() ? $"pk_{table}" : $"ak_{table}_{string.Join('_', key.Properties.Select(p => Naming.ToSnakeCase(p.Name)))}");
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName($"fk_{table}_{fk.PrincipalEntityType.GetTableName()}");
            }

            foreach (var index in entity.GetIndexes())
            {
                if (index.FindAnnotation(Microsoft.EntityFrameworkCore.Metadata.RelationalAnnotationNames.Name) is null)
                {
                    index.SetDatabaseName($"ix_{table}_{string.Join('_', index.Properties.Select(p => Naming.ToSnakeCase(p.Name)))}");
                }
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WriteAudit();
        if (Pipeline.FundsRollup.Touched(ChangeTracker) is not null)
        {
            throw new InvalidOperationException("招商项目和到位资金须用SaveChangesAsync保存(以同时更新资金到位率汇总) / deals and their funds must be saved with SaveChangesAsync, which keeps the funds rollup");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <remarks>A save that changes deals' funds, contracts or regions also moves their contributions in
    /// <see cref="Pipeline.FundsRollup"/>, in the same transaction under the store's write lock.</remarks>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WriteAudit();
        if (Pipeline.FundsRollup.Touched(ChangeTracker) is not { } touch)
        {
            return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (!acceptAllChangesOnSuccess)
        {
            throw new InvalidOperationException("招商项目和到位资金的保存须接受全部更改 / saves of deals and their funds must accept all changes on success");
        }

        return Pipeline.FundsRollup.SaveAsync(this, touch, () => base.SaveChangesAsync(true, cancellationToken), cancellationToken);
    }

    private void WriteAudit()
    {
        ChangeTracker.DetectChanges();
        Infrastructure.CodeKeys.Fill(ChangeTracker);
        var at = Clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries<IAuditable>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entries.Add(Row(entry, at, null, null, Summary(entry)));
                    break;
                case EntityState.Deleted:
                    entries.Add(Row(entry, at, null, Summary(entry), null));
                    break;
                case EntityState.Modified:
                    foreach (var p in entry.Properties)
                    {
                        if (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && p.Metadata.Name != Infrastructure.CodeKeys.Property)
                        {
                            entries.Add(Row(entry, at, Naming.ToSnakeCase(p.Metadata.Name), Naming.Format(p.OriginalValue), Naming.Format(p.CurrentValue)));
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        if (entries.Count > 0)
        {
            AuditEntries.AddRange(entries);
        }
    }

    private AuditEntry Row(EntityEntry<IAuditable> entry, DateTimeOffset at, string? field, string? oldValue, string? newValue) => new()
    {
        At = at,
        User = CurrentUser,
        Entity = entry.Entity.AuditEntity,
        Key = entry.Entity.AuditKey,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
    };

    private static string Summary(EntityEntry<IAuditable> entry) => string.Join(
        "; ",
        entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() || !p.Metadata.ValueGenerated.HasFlag(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd))
            .Where(p => p.CurrentValue is not null && p.Metadata.Name != Infrastructure.CodeKeys.Property)
            .Select(p => $"{Naming.ToSnakeCase(p.Metadata.Name)}={Naming.Format(p.CurrentValue)}"));
}
