using System.Globalization;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Baiqiang.Storage.Infrastructure;

/// <summary>Stores a <see cref="RegionCode"/> as its integer value (510502, or 360123401 for a park).</summary>
internal sealed class RegionCodeConverter() : ValueConverter<RegionCode, int>(c => c.Value, v => new RegionCode(v));

/// <summary>Stores an <see cref="IndicatorCode"/> as its text.</summary>
internal sealed class IndicatorCodeConverter() : ValueConverter<IndicatorCode, string>(c => c.Value, v => new IndicatorCode(v));

/// <summary>Stores a <see cref="StatPeriod"/> in its canonical form (2022, 2022-06, 2022-01..04, 2022-Q3, 2022-H2).</summary>
internal sealed class StatPeriodConverter() : ValueConverter<StatPeriod, string>(p => p.ToString(), v => StatPeriod.ParseCanonical(v));

/// <summary>Stores a <see cref="Unit"/> as its symbol (亿元). A symbol only the store's unit table knows reads as
/// <see cref="Unit.Unresolved"/> until <see cref="Units.UnitStore"/>'s table resolves it.</summary>
internal sealed class UnitConverter() : ValueConverter<Unit, string>(u => u.Symbol, v => Read(v))
{
    private static Unit Read(string symbol) => Unit.TryFind(symbol, out var u) ? u : Unit.Unresolved(symbol);
}

/// <summary>Stores a <see cref="Qualifier"/> as its integer value.</summary>
internal sealed class QualifierConverter() : ValueConverter<Qualifier, int>(q => (int)q, v => (Qualifier)v);

/// <summary>Stores instants in UTC (PostgreSQL <c>timestamptz</c> accepts only offset zero).</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(d => d.ToUniversalTime(), d => d.ToUniversalTime());

internal static class Naming
{
    /// <summary>PeriodFirstMonth → period_first_month.</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Formats a value for audit rows and messages, culture-invariantly.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        // Dates as the app writes them (2022-03-15), not the invariant culture's 03/15/2022.
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
