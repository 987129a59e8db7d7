using Baiqiang.Core.Observations;

namespace Baiqiang.Core.Tests.Observations;

public sealed class TwoGrowthsTests
{
    [Fact]
    public void Normalise_ComparableAndCurrent_KeepsBoth()
        => Assert.Equal((7.8m, GrowthBasis.Comparable, 6.1m), TwoGrowths.Normalise(7.8m, GrowthBasis.Comparable, 6.1m));

    [Fact]
    public void Normalise_CurrentPriceGrowthAlone_BecomesTheGrowthAtCurrentPrices()
        => Assert.Equal((5.8m, GrowthBasis.Current, (decimal?)null), TwoGrowths.Normalise(null, GrowthBasis.Unknown, 5.8m));

    [Fact]
    public void Normalise_CurrentBasisTwiceWithOneFigure_KeepsOne()
        => Assert.Equal((5.8m, GrowthBasis.Current, (decimal?)null), TwoGrowths.Normalise(5.8m, GrowthBasis.Current, 5.8m));

    [Fact]
    public void Normalise_CurrentBasisTwiceWithTwoFigures_IsRefused()
        => Assert.Null(TwoGrowths.Normalise(5.8m, GrowthBasis.Current, 6.1m));

    [Fact]
    public void Normalise_NoGrowth_ForgetsTheBasis()
        => Assert.Equal(((decimal?)null, GrowthBasis.Unknown, (decimal?)null), TwoGrowths.Normalise(null, GrowthBasis.Comparable, null));

    [Theory]
    [InlineData(true, 7.8, 1)]
    [InlineData(false, 6.1, 2)]
    public void ForRanking_TwoGrowths_PicksTheIndicatorsPublishedBasis(bool comparableGrowth, double expected, int basis)
        => Assert.Equal(((decimal)expected, (GrowthBasis)basis), TwoGrowths.ForRanking(comparableGrowth, 7.8m, GrowthBasis.Comparable, 6.1m));

    [Fact]
    public void ForRanking_OneGrowth_IsThatGrowthWhateverTheFlag()
        => Assert.Equal((4.2m, GrowthBasis.Unknown), TwoGrowths.ForRanking(false, 4.2m, GrowthBasis.Unknown, null));

    [Fact]
    public void Describe_TwoGrowths_NamesEachBasis()
    {
        Assert.Equal("按可比价计算增长7.8%；按现价计算增长6.1%", TwoGrowths.Describe(7.8m, GrowthBasis.Comparable, 6.1m));
        Assert.Equal("下降2.1%", TwoGrowths.Describe(-2.1m, GrowthBasis.Unknown, null));
        Assert.Equal(string.Empty, TwoGrowths.Describe(null, GrowthBasis.Unknown, null));
    }
}
