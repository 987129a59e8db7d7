using Baiqiang.Core.Evaluation;
using FsCheck.Xunit;

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

    [Fact]
    public void Rank_InfiniteScores_RankedWithoutStalling()
    {
        // ∞ − ∞ is NaN, which once kept the tie loop from moving past the first infinite score.
        Assert.Equal([1, 1, 3, 4], Ranking.Rank([double.PositiveInfinity, double.PositiveInfinity, 5.0, double.NegativeInfinity], higherIsBetter: true));
    }

    /// <summary>The ranking as it was before the radix sort: a comparison sort of (key, unit) pairs.</summary>
    private static int[] ComparisonRank(double[] scores, bool higherIsBetter)
    {
        int m = scores.Length;
        var keys = new double[m];
        var order = new int[m];
        for (int i = 0; i < m; i++)
        {
            keys[i] = higherIsBetter ? -scores[i] : scores[i];
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ranks = new int[m];
        int k = 0;
        while (k < m)
        {
            int start = k;
            double leader = keys[k];
            do
            {
                ranks[order[k]] = start + 1;
                k++;
            }
            while (k < m && (keys[k] == leader || (keys[k] - leader) <= Ranking.TieTolerance));
        }

        return ranks;
    }

    [Property(MaxTest = 300)]
    public bool Rank_LargeInputs_EqualComparisonSortRanks(int seed, ushort units, byte shape, bool higherIsBetter)
    {
        var rng = new Random(seed);
        int m = Ranking.RadixMinimum + (units % 4000);
        var scores = new double[m];
        for (int i = 0; i < m; i++)
        {
            scores[i] = (shape % 8) switch
            {
                0 => rng.Next(20),                                        // many exact ties
                1 => (rng.NextDouble() - 0.5) * 1e6,                      // negatives and positives
                2 => rng.Next(3) == 0 ? 0.0 : (rng.Next(2) == 0 ? -0.0 : rng.NextDouble()), // signed zeros
                3 => 50 + (rng.Next(5) * 1e-13),                          // ties within the tolerance
                4 => rng.Next(50) == 0 ? double.PositiveInfinity : Math.Exp(rng.NextDouble() * 40) * (rng.Next(2) == 0 ? -1 : 1),
                5 => i == 0 ? 1e9 : rng.NextDouble(),                     // one outlier: every other score in the first bucket
                6 => rng.Next(4) * double.Epsilon,                        // a subnormal spread: the bucket scale overflows
                _ => rng.NextDouble() * 100,                              // the Monte Carlo's case: scores in [0, 100]
            };
        }

        return Ranking.Rank(scores, higherIsBetter).AsSpan().SequenceEqual(ComparisonRank(scores, higherIsBetter));
    }

    [Fact]
    public void Rank_BunchedScoresBesideAnOutlier_EqualComparisonSortRanks()
    {
        // 3,000 distinct scores within 1e-9 of each other and one far away: they all share the radix sort's prefix,
        // so the insertion step would be quadratic; the comparison sort takes over and the ranks stay exact.
        var rng = new Random(11);
        var scores = Enumerable.Range(0, 3000).Select(_ => 1 + (rng.NextDouble() * 1e-9)).Append(1e300).ToArray();
        Assert.Equal(ComparisonRank(scores, higherIsBetter: true), Ranking.Rank(scores, higherIsBetter: true));
        Assert.Equal(ComparisonRank(scores, higherIsBetter: false), Ranking.Rank(scores, higherIsBetter: false));
    }

    [Fact]
    public void Rank_LargeInputWithNaN_Throws()
    {
        var scores = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
        scores[700] = double.NaN;
        Assert.Throws<EvaluationException>(() => Ranking.Rank(scores, higherIsBetter: true));
    }

    [Fact]
    public void RankInto_ReusedScratchAcrossSizes_SameRanksAsFreshRanking()
    {
        var scratch = new RankScratch(10);
        var rng = new Random(7);
        foreach (int m in new[] { 5, 3000, 300, 4000 })
        {
            var scores = Enumerable.Range(0, m).Select(_ => Math.Round(rng.NextDouble() * 100, 1)).ToArray();
            var ranks = new int[m];
            Ranking.RankInto(scores, higherIsBetter: false, scratch, ranks);
            Assert.Equal(ComparisonRank(scores, higherIsBetter: false), ranks);
        }
    }
}
