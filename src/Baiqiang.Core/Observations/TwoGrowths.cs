using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Observations;

/// <summary>
/// One figure's two growths on different price bases: the growth with its basis (<c>growth_percent</c>,
/// <c>growth_basis</c>) and, when the source also prints it, the growth at current prices
/// (<c>current_price_growth_percent</c>).
/// </summary>
/// <remarks>
/// The one shape every record is stored in: the second column holds a current-price growth only beside a growth on
/// another basis (comparable or unstated). A current-price growth alone is the growth itself, basis 现价, so an export
/// and its re-import agree whichever column a file used.
/// </remarks>
public static class TwoGrowths
{
    /// <summary>Puts a growth, its basis and a current-price growth into the stored shape; null when a current-price
    /// growth is given twice with two different figures (the caller names the cell).</summary>
    public static (decimal? Growth, GrowthBasis Basis, decimal? CurrentPrice)? Normalise(decimal? growth, GrowthBasis basis, decimal? currentPrice)
    {
        if (currentPrice is not { } c)
        {
            return (growth, growth is null ? GrowthBasis.Unknown : basis, null);
        }

        if (growth is not { } g)
        {
            return (c, GrowthBasis.Current, null);
        }

        if (basis == GrowthBasis.Current)
        {
            return g == c ? (g, GrowthBasis.Current, null) : null;
        }

        return (g, basis, c);
    }

    /// <summary>The growth a ranking or comparison across regions reads: for an indicator whose growth is published at
    /// comparable prices (<see cref="Indicator.ComparableGrowth"/>) the first growth (可比价 where the source said so);
    /// for any other indicator the current-price growth when the figure carries one.</summary>
    public static (decimal? Growth, GrowthBasis Basis) ForRanking(bool comparableGrowth, decimal? growth, GrowthBasis basis, decimal? currentPrice)
        => !comparableGrowth && currentPrice is { } c ? (c, GrowthBasis.Current) : (growth, basis);

    /// <summary>The basis a ranking of an indicator's growth uses, as text for its note: 可比价 for an indicator published
    /// at comparable prices, 现价 otherwise.</summary>
    public static Bilingual RankingBasisNote(Indicator indicator) => indicator.ComparableGrowth
        ? new("增速按可比价(未注明价格基础的按原样)比较", "growth compared at comparable prices (growths of unstated basis as published)")
        : new("增速按现价比较(有现价增速的取现价)", "growth compared at current prices (the current-price growth where a figure has one)");

    /// <summary>The growths as a report prints them, each with its basis: 按可比价计算增长7.8%；按现价计算增长6.1% (a growth of
    /// unstated basis without the prefix); empty when there is none.</summary>
    public static string Describe(decimal? growth, GrowthBasis basis, decimal? currentPrice)
    {
        var first = growth is { } g ? GrowthBasisText.ReportPrefix(basis).TrimEnd('，') + AmountText.FormatGrowth(g, yearOnYear: false) : string.Empty;
        var second = currentPrice is { } c ? GrowthBasisText.ReportPrefix(GrowthBasis.Current).TrimEnd('，') + AmountText.FormatGrowth(c, yearOnYear: false) : string.Empty;
        return first.Length > 0 && second.Length > 0 ? first + "；" + second : first + second;
    }
}
