using Baiqiang.Core.Evaluation;

namespace Baiqiang.Core.Tests.Evaluation;

public sealed class RankingTests
{
    [Fact]
    public void Rank_HigherIsBetter_CompetitionRanking()
    {
        Assert.Equal([1, 2, 2, 4], Ranking.Rank([9.0, 5.0, 5.0, 1.0], higherIsBetter: true));
    }

    [Fact]
    public void Rank_LowerIsBetter_Reverses()
    {
        Assert.Equal([4, 2, 2, 1], Ranking.Rank([9.0, 5.0, 5.0, 1.0], higherIsBetter: false));
    }

    [Fact]
    public void Rank_WithinTolerance_Tied_BeyondTolerance_NotTied()
    {
        Assert.Equal([1, 1, 3], Ranking.Rank([0.3, 0.1 + 0.2, 0.2], higherIsBetter: true));
        Assert.Equal([2, 1], Ranking.Rank([1.0, 1.0 + 1e-9], higherIsBetter: true));
    }

    [Fact]
    public void Rank_UnsortedInput_KeepsUnitOrder()
    {
        Assert.Equal([3, 1, 5, 2, 3], Ranking.Rank([2.0, 7.0, -1.0, 4.0, 2.0], higherIsBetter: true));
    }

    [Fact]
    public void Rank_NaN_Throws()
    {
        Assert.Throws<EvaluationException>(() => Ranking.Rank([1.0, double.NaN], higherIsBetter: true));
    }

    [Fact]
    public void Rank_Empty_IsEmpty()
    {
        Assert.Empty(Ranking.Rank([], higherIsBetter: true));
    }
}
