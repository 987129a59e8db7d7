using Baiqiang.Core.Regions;

namespace Baiqiang.Extraction;

/// <summary>Everything read from one document.</summary>
/// <param name="Doc">The document's name.</param>
/// <param name="Text">The document's text (plain and normalised, with the offset map).</param>
/// <param name="Facts">Facts in document order.</param>
/// <param name="Checks">Cross-checks over the facts (consistent ones included).</param>
/// <param name="MainRegion">The region the document is about, as written, or null.</param>
/// <param name="MainRegionCode">Its code when resolved.</param>
/// <param name="ReferenceDate">The date relative periods were resolved against (given, or inferred from the text).</param>
/// <param name="ReferenceDateInferred">True when <paramref name="ReferenceDate"/> was inferred from the years the text states.</param>
public sealed record ExtractionResult(
    string Doc,
    DocumentText Text,
    IReadOnlyList<ExtractedFact> Facts,
    IReadOnlyList<CrossCheck> Checks,
    string? MainRegion,
    RegionCode? MainRegionCode,
    DateOnly? ReferenceDate,
    bool ReferenceDateInferred);
