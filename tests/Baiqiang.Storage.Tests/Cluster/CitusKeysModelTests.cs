using Baiqiang.Storage.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Baiqiang.Storage.Tests.Cluster;

/// <summary>
/// The Citus rule on the PostgreSQL model: every distributed table (docs/scale.md's list) keys on <c>region_code</c> —
/// primary key, every unique key, every foreign key to another distributed table — and every table is in a list.
/// </summary>
public sealed class CitusKeysModelTests
{
    /// <summary>
    /// Distributed tables whose keys are not converted yet. Closed: a table leaves it when converted (the second test fails
    /// while a converted table stays listed) and no table joins it.
    /// </summary>
    private static readonly HashSet<string> NotYetConverted = new(StringComparer.Ordinal)
    {
        // Empty: every fact table of docs/scale.md keys on region_code (migration CitusKeys).
    };

    private static IModel PostgresModel()
    {
        using var db = BaiqiangStore.Open(new StoreOptions(StoreProvider.PostgreSql, "Host=localhost;Database=baiqiang_model"));
        return db.GetService<IDesignTimeModel>().Model;
    }

    private static string Table(string violation) => violation[..violation.IndexOf(':', StringComparison.Ordinal)];

    [Fact]
    public void PostgresModel_DistributedTables_KeepRegionCodeInEveryKey()
    {
        var violations = CitusLayout.FromDocs().Violations(PostgresModel()).Where(v => !NotYetConverted.Contains(Table(v))).ToList();

        Assert.True(violations.Count == 0, "Citus rule broken:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void PostgresModel_NotYetConverted_ListsOnlyTablesThatStillBreakTheRule()
    {
        var layout = CitusLayout.FromDocs();
        var breaking = layout.Violations(PostgresModel()).Select(Table).ToHashSet(StringComparer.Ordinal);

        var converted = NotYetConverted.Where(t => !breaking.Contains(t)).ToList();
        Assert.True(converted.Count == 0, "remove from NotYetConverted (they keep the rule now): " + string.Join(", ", converted));
        Assert.All(NotYetConverted, t => Assert.Equal(CitusPlacement.Distributed, layout.Tables.GetValueOrDefault(t, CitusPlacement.Local)));
    }

    [Fact]
    public void Violations_NewFactTableKeyedByIdAlone_NamesEveryBrokenKey()
    {
        using var db = new ProbeContext();
        var layout = CitusLayout.Parse("""
            SELECT create_reference_table('probe_catalogue');
            SELECT create_distributed_table('probe_facts', 'region_code');
            SELECT create_distributed_table('probe_children', 'region_code', colocate_with => 'probe_facts');
            """);

        var violations = layout.Violations(db.GetService<IDesignTimeModel>().Model);

        Assert.Contains("probe_facts: primary key (id) lacks region_code", violations);
        Assert.Contains("probe_facts: unique index ix_probe_facts_code (code) lacks region_code", violations);
        Assert.Contains("probe_children: foreign key (fact_id) → probe_facts does not pair region_code with region_code", violations);
        Assert.Contains("probe_catalogue: a reference table references distributed probe_facts", violations);
        Assert.Contains("probe_unlisted: in none of docs/scale.md's lists (distributed, reference or local)", violations);
    }

    [Fact]
    public void Violations_FactTableKeyedByRegion_NoneReported()
    {
        using var db = new ProbeContext();
        var layout = CitusLayout.Parse("SELECT create_distributed_table('probe_keyed', 'region_code');");

        var violations = layout.Violations(db.GetService<IDesignTimeModel>().Model);

        Assert.DoesNotContain(violations, v => v.StartsWith("probe_keyed:", StringComparison.Ordinal));
    }

    private sealed class ProbeFact
    {
        public long Id { get; set; }

        public int RegionCode { get; set; }

        public string Code { get; set; } = string.Empty;
    }

    private sealed class ProbeChild
    {
        public long Id { get; set; }

        public int RegionCode { get; set; }

        public long FactId { get; set; }
    }

    private sealed class ProbeCatalogue
    {
        public long Id { get; set; }

        public long FactId { get; set; }
    }

    private sealed class ProbeUnlisted
    {
        public long Id { get; set; }

        public int RegionCode { get; set; }
    }

    private sealed class ProbeKeyed
    {
        public long Id { get; set; }

        public int RegionCode { get; set; }

        public string Code { get; set; } = string.Empty;
    }

    private sealed class ProbeContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseNpgsql("Host=localhost;Database=probe");

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            var fact = modelBuilder.Entity<ProbeFact>().ToTable("probe_facts");
            fact.HasIndex(f => f.Code).IsUnique().HasDatabaseName("ix_probe_facts_code");
            modelBuilder.Entity<ProbeChild>().ToTable("probe_children").HasOne<ProbeFact>().WithMany().HasForeignKey(c => c.FactId);
            modelBuilder.Entity<ProbeCatalogue>().ToTable("probe_catalogue").HasOne<ProbeFact>().WithMany().HasForeignKey(c => c.FactId);
            modelBuilder.Entity<ProbeUnlisted>().ToTable("probe_unlisted");
            var keyed = modelBuilder.Entity<ProbeKeyed>().ToTable("probe_keyed");
            keyed.HasKey(k => new { k.RegionCode, k.Id });
            keyed.HasIndex(k => new { k.RegionCode, k.Code }).IsUnique();
            foreach (var e in modelBuilder.Model.GetEntityTypes())
            {
                foreach (var p in e.GetProperties())
                {
                    p.SetColumnName(Naming.ToSnakeCase(p.Name));
                }
            }
        }
    }
}
