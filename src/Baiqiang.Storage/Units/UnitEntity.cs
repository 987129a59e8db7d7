using System.Globalization;
using Baiqiang.Core.Quantities;
using Baiqiang.Storage.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Baiqiang.Storage.Units;

/// <summary>A stored unit of measure: code, symbol (its Chinese name), English name, dimension, the exact factor to the
/// dimension's base unit (as text, every digit kept), for counts the noun, and aliases joined by '|'.</summary>
public sealed class UnitEntity : IAuditable
{
    public string Code { get; set; } = string.Empty;

    /// <summary>The Chinese symbol (万元), unique.</summary>
    public string Symbol { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    /// <summary>money, count, percent, percentage_point, multiple, area, mass, energy, length, volume, currency_usd, power, coal_equivalent, dimensionless.</summary>
    public string Dimension { get; set; } = string.Empty;

    /// <summary>Base units in one of this unit, exact (亿元 → 100000000).</summary>
    public decimal Factor { get; set; }

    /// <summary>For counts, the noun counted (家 for 万家); null otherwise.</summary>
    public string? CountNoun { get; set; }

    /// <summary>Other spellings, joined by '|'.</summary>
    public string Aliases { get; set; } = string.Empty;

    /// <summary>True for the units shipped with Baiqiang (seeded by migration <c>UnitsGrowthBasis</c>).</summary>
    public bool IsBuiltin { get; set; }

    string IAuditable.AuditEntity => "unit";

    string IAuditable.AuditKey => Code;

    public UnitDefinition ToDefinition()
    {
        var dimension = UnitTable.ParseDimension(Dimension);
        var unit = Unit.TryFind(Symbol, out var known) && IsBuiltin
            ? known
            : Unit.Define(Symbol, dimension.Success ? dimension.Value : Core.Quantities.Dimension.Dimensionless, Factor, CountNoun, NameEn);
        return new UnitDefinition(Code, unit, Aliases.Length == 0 ? [] : Aliases.Split('|'));
    }

    public static UnitEntity From(UnitDefinition definition, bool isBuiltin)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var u = definition.Unit;
        return new UnitEntity
        {
            Code = definition.Code,
            Symbol = u.Symbol,
            NameEn = u.EnglishName,
            Dimension = UnitTable.DimensionText(u.Dimension),
            Factor = u.Factor,
            CountNoun = u.CountNoun,
            Aliases = string.Join('|', definition.Aliases),
            IsBuiltin = isBuiltin,
        };
    }
}

internal sealed class UnitEntityConfiguration : IEntityTypeConfiguration<UnitEntity>
{
    public void Configure(EntityTypeBuilder<UnitEntity> builder)
    {
        builder.ToTable("units");
        builder.HasKey(u => u.Code);
        builder.Property(u => u.Code).HasMaxLength(32).ValueGeneratedNever();
        builder.Property(u => u.Symbol).HasMaxLength(20);
        builder.Property(u => u.NameEn).HasMaxLength(100);
        builder.Property(u => u.Dimension).HasMaxLength(20);
        // Text keeps every digit of the decimal on both providers (亩 = 666.66…67 平方米 to 28 digits).
        builder.Property(u => u.Factor).HasConversion(f => UnitTable.FactorText(f), s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture)).HasMaxLength(40);
        builder.Property(u => u.CountNoun).HasMaxLength(20);
        builder.Property(u => u.Aliases).HasMaxLength(500);
        builder.HasIndex(u => u.Symbol).IsUnique().HasDatabaseName("ux_units_symbol");
    }
}
