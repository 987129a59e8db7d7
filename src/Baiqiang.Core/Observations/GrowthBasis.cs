namespace Baiqiang.Core.Observations;

/// <summary>The price basis a published growth rate was computed on.</summary>
/// <remarks>
/// Bulletins publish real growth of value added at comparable prices (按可比价计算) and nominal growth of sales, revenue and
/// investment at current prices (按现价计算). The two are different facts: one figure may carry both, and neither replaces
/// the other. <see cref="Unknown"/> is what a source that does not say gets; it is never guessed.
/// </remarks>
public enum GrowthBasis
{
    /// <summary>The source does not say (未注明).</summary>
    Unknown = 0,
    /// <summary>At comparable (constant) prices, i.e. real growth (可比价).</summary>
    Comparable = 1,
    /// <summary>At current prices, i.e. nominal growth (现价).</summary>
    Current = 2,
}
