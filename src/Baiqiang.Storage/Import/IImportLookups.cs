using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Storage.Import;

/// <summary>
/// The reference data an import validates against: regions, the indicator catalogue and period parsing.
/// </summary>
/// <remarks>
/// The reader calls each member at most once per distinct cell text and caches the answer, so implementations
/// may be moderately expensive. Implementations must be deterministic for a given text and must not throw for
/// bad input: failures are reported through <see cref="ParseResult{T}.Error"/> (bilingual, shown to the user
/// as-is) or a null indicator.
/// </remarks>
public interface IImportLookups
{
    /// <summary>Resolves a six/nine-digit code or a region name to a code. An ambiguous name (通州区) fails
    /// with a message listing the candidates; a malformed code fails quoting the text.</summary>
    ParseResult<RegionCode> ResolveRegion(string codeOrName);

    /// <summary>Finds an indicator by code (<c>gdp</c>), Chinese name (地区生产总值) or alias; null when unknown.</summary>
    Indicator? FindIndicator(string codeOrName);

    /// <summary>Parses a canonical period (<c>2023-01..06</c>) or Chinese text (2023年上半年).</summary>
    ParseResult<StatPeriod> ParsePeriod(string text);

    /// <summary>The stored region of <paramref name="code"/> (its latest vintage), for validity checks; null when unknown or
    /// when the implementation keeps no validity (then no figure is refused for an abolished code).</summary>
    Region? FindRegion(RegionCode code) => null;

    /// <summary>The units a file may use and their exact factors (the store's unit table); the shipped units by default.</summary>
    UnitTable Units => UnitTable.Shipped;

    /// <summary>The catalogue indicators closest to an unknown name, best first (for the refusal's suggestions); none by default.</summary>
    IReadOnlyList<Indicator> ClosestIndicators(string name) => [];
}
