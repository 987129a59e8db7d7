using Baiqiang.Core.Text;

namespace Baiqiang.Extraction;

/// <summary>What a cross-check compared.</summary>
public enum CrossCheckKind
{
    /// <summary>A reported percentage recomputed from its stated parts (176.8亿 of 335.7亿 is 52.7%, reported 54.3%).</summary>
    ReportedPercent = 1,
    /// <summary>Parts that should add up to the stated whole (67 = 39 + 20 + 8).</summary>
    PartsSum = 2,
    /// <summary>One indicator, region and period given two different growth rates in one document.</summary>
    ConflictingGrowth = 3,
}

/// <summary>
/// One check over extracted facts. Nothing is picked or corrected: a failed check is reported beside the facts it
/// concerns (<see cref="FactOffsets"/>) for a reviewer to decide.
/// </summary>
/// <param name="Kind">What was compared.</param>
/// <param name="Consistent">True when the figures agree (within the rounding of the reported figure).</param>
/// <param name="Message">Bilingual explanation with the formula.</param>
/// <param name="FactOffsets">Offsets of the facts involved, in the document's text.</param>
public sealed record CrossCheck(CrossCheckKind Kind, bool Consistent, Bilingual Message, IReadOnlyList<int> FactOffsets);
