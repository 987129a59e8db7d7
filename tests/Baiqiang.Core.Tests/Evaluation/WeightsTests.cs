using System.Globalization;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using static Baiqiang.Core.Tests.Evaluation.EvaluationFixture;

namespace Baiqiang.Core.Tests.Evaluation;

public sealed class WeightsTests
{
    private static void SumsToOne(IReadOnlyList<double> w)
    {
        double s = 0;
        foreach (double x in w)
        {
            Assert.True(x >= 0 && double.IsFinite(x));
            s += x;
        }

        Assert.Equal(1.0, s, 12);
    }

    [Fact]
    public void Equal_FourCriteria_AreQuarters()
    {
        Assert.Equal([0.25, 0.25, 0.25, 0.25], Weights.Equal(4));
        Assert.Throws<EvaluationException>(() => Weights.Equal(0));
    }

    [Fact]
    public void Expert_Renormalises()
    {
        Near([0.5, 0.3, 0.2], Weights.Expert([50, 30, 20]));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Expert_InvalidWeight_Throws(double bad)
    {
        Assert.Throws<EvaluationException>(() => Weights.Expert([1, bad]));
    }

    [Fact]
    public void Expert_AllZero_Throws()
    {
        Assert.Throws<EvaluationException>(() => Weights.Expert([0, 0]));
    }

    [Fact]
    public void EntropyPymcdm_FixtureMatrix_MatchesReference()
    {
        // reference: numpy re-implementation of pymcdm entropy_weights formula (raw matrix, p = x/Σx, 0·ln0 = 0)
        var w = Weights.EntropyPymcdm(Matrix());
        Near([0.06391538399045828, 0.3788312783411814, 0.2879206127537567, 0.2693327249146037], w);
        SumsToOne(w);
    }

    [Theory]
    [InlineData(1e304)]   // Σ x ln x overflows: the column is summed as Σ p ln p instead
    [InlineData(1e-200)]  // small, but Σ x ln x / S − ln S still applies
    [InlineData(1e-300)]  // a total below 1e-240: summed as Σ p ln p
    [InlineData(1e-310)]  // subnormal values
    public void EntropyPymcdm_ColumnsScaledToExtremes_SameWeights(double scale)
    {
        // Entropy weights do not change when a column is multiplied by a constant; one column is scaled here, whichever
        // way the kernel has to sum it.
        var rng = new Random(5);
        var values = new double[40, 3];
        for (int i = 0; i < 40; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                values[i, j] = 1 + (rng.NextDouble() * 99);
            }
        }

        var scaled = (double[,])values.Clone();
        for (int i = 0; i < 40; i++)
        {
            scaled[i, 1] *= scale;
        }

        string[] units = [.. Enumerable.Range(0, 40).Select(i => "u" + i.ToString(CultureInfo.InvariantCulture))];
        Direction[] directions = [Direction.HigherIsBetter, Direction.HigherIsBetter, Direction.HigherIsBetter];
        var expected = Weights.EntropyPymcdm(new DecisionMatrix(units, ["a", "b", "c"], values, directions));
        var actual = Weights.EntropyPymcdm(new DecisionMatrix(units, ["a", "b", "c"], scaled, directions));
        double tolerance = scale < 1e-307 ? 1e-10 : 1e-12; // subnormals carry fewer significant bits
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(expected[j], actual[j], tolerance);
        }
    }

    [Fact]
    public void EntropyMinMaxShift_FixtureMatrix_MatchesReference()
    {
        // reference: numpy re-implementation of pymcdm entropy formula on min-max (with direction) + 0.0001
        var w = Weights.EntropyMinMaxShift(Matrix());
        Near([0.15780883171912827, 0.43857101627126444, 0.265465655646157, 0.13815449636345029], w);
        SumsToOne(w);
    }

    [Fact]
    public void EntropyVariants_Differ()
    {
        Assert.NotEqual(Weights.EntropyPymcdm(Matrix())[0], Weights.EntropyMinMaxShift(Matrix())[0], 3);
    }

    [Fact]
    public void EntropyPymcdm_NegativeValue_ThrowsNamingCell()
    {
        var m = new DecisionMatrix(["a", "b"], ["g", "h"], new double[,] { { 1, -2 }, { 3, 4 } },
            [Direction.HigherIsBetter, Direction.HigherIsBetter]);
        var ex = Assert.Throws<EvaluationException>(() => Weights.EntropyPymcdm(m));
        Assert.Contains("unit 'a', criterion 'h'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EntropyMinMaxShift", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntropyPymcdm_ZeroColumn_Throws()
    {
        var m = new DecisionMatrix(["a", "b"], ["g", "h"], new double[,] { { 1, 0 }, { 3, 0 } },
            [Direction.HigherIsBetter, Direction.HigherIsBetter]);
        Assert.Throws<EvaluationException>(() => Weights.EntropyPymcdm(m));
    }

    [Fact]
    public void EntropyMinMaxShift_NonPositiveShift_Throws()
    {
        Assert.Throws<EvaluationException>(() => Weights.EntropyMinMaxShift(Matrix(), 0));
    }

    [Fact]
    public void EntropyMinMaxShift_ConstantColumn_GetsZeroWeightNoNaN()
    {
        var m = new DecisionMatrix(["a", "b", "c"], ["x", "k"], new double[,] { { 1, 7 }, { 2, 7 }, { 5, 7 } },
            [Direction.HigherIsBetter, Direction.HigherIsBetter]);
        var w = Weights.EntropyMinMaxShift(m);
        Assert.Equal(0.0, w[1], 12);
        SumsToOne(w);
    }

    [Fact]
    public void Critic_FixtureMatrix_MatchesReference()
    {
        // reference: numpy re-implementation of pymcdm critic_weights formula (min-max, np.std, np.corrcoef)
        var w = Weights.Critic(Matrix());
        Near([0.27156958983563706, 0.2816716202616519, 0.25638458541134085, 0.19037420449137016], w);
        SumsToOne(w);
    }

    [Fact]
    public void Critic_ConstantColumn_ZeroWeightNoNaN()
    {
        var m = new DecisionMatrix(["a", "b", "c"], ["x", "k", "y"], new double[,] { { 1, 7, 3 }, { 2, 7, 1 }, { 5, 7, 2 } },
            [Direction.HigherIsBetter, Direction.HigherIsBetter, Direction.LowerIsBetter]);
        var w = Weights.Critic(m);
        Assert.Equal(0.0, w[1]);
        SumsToOne(w);
    }

    [Fact]
    public void StandardDeviation_FixtureMatrix_MatchesReference()
    {
        // reference: numpy re-implementation of pymcdm standard_deviation_weights formula (np.std of min-max columns)
        var w = Weights.StandardDeviation(Matrix());
        Near([0.2168241653799048, 0.30044037659736955, 0.2742632857462108, 0.20847217227651482], w);
        SumsToOne(w);
    }

    [Fact]
    public void ObjectiveWeights_AllColumnsConstant_FallBackToEqual()
    {
        var m = new DecisionMatrix(["a", "b"], ["x", "y"], new double[,] { { 1, 2 }, { 1, 2 } },
            [Direction.HigherIsBetter, Direction.HigherIsBetter]);
        Assert.Equal([0.5, 0.5], Weights.Critic(m));
        Assert.Equal([0.5, 0.5], Weights.StandardDeviation(m));
        Near([0.5, 0.5], Weights.EntropyPymcdm(m));
    }

    [Fact]
    public void EntropyPymcdm_EveryColumnConstant_ExactlyEqualWeights()
    {
        // A constant column's entropy is exactly 1, so d = 0 and, all columns constant, the weights fall back to equal.
        // Computed, each d is rounding noise of either sign, and the weights were that noise over its sum ([1, 0] on
        // some of these sizes and values).
        foreach (int m in new[] { 6, 56, 81, 125, 170, 208, 228, 254, 300 })
        {
            for (int c = 1; c <= 100; c += 3)
            {
                var values = new double[m, 3];
                for (int i = 0; i < m; i++)
                {
                    values[i, 0] = c;
                    values[i, 1] = 101 - c;
                    values[i, 2] = c * 0.37;
                }

                var matrix = new DecisionMatrix(
                    [.. Enumerable.Range(0, m).Select(i => "u" + i.ToString(CultureInfo.InvariantCulture))],
                    ["x", "y", "z"],
                    values,
                    [Direction.HigherIsBetter, Direction.LowerIsBetter, Direction.HigherIsBetter]);
                Assert.Equal([1.0 / 3, 1.0 / 3, 1.0 / 3], Weights.EntropyPymcdm(matrix));
            }
        }
    }

    [Fact]
    public void EntropyPymcdm_ConstantColumnBesideInformativeOnes_WeightExactlyZero()
    {
        var m = new DecisionMatrix(["a", "b", "c", "d"], ["x", "k", "y"],
            new double[,] { { 1, 0.3, 3 }, { 2, 0.3, 1 }, { 5, 0.3, 2 }, { 9, 0.3, 8 } },
            [Direction.HigherIsBetter, Direction.HigherIsBetter, Direction.LowerIsBetter]);
        var w = Weights.EntropyPymcdm(m);
        Assert.Equal(0.0, w[1]);
        SumsToOne(w);
    }

    [Fact]
    public void Ahp_SaatyThreeByThree_MatchesEigenvector()
    {
        // reference: numpy.linalg.eig principal eigenvector of Saaty's [[1,3,5],[1/3,1,3],[1/5,1/3,1]]
        var r = Weights.Ahp(new double[,] { { 1, 3, 5 }, { 1.0 / 3, 1, 3 }, { 1.0 / 5, 1.0 / 3, 1 } });
        Near([0.6369855717447568, 0.2582849943744952, 0.10472943388074796], r.WeightValues, 1e-12);
        Assert.Equal(3.0385110905581727, r.LambdaMax, 10);
        Assert.Equal(0.01925554527908635, r.ConsistencyIndex, 10);
        Assert.Equal(0.58, r.RandomIndex);
        Assert.Equal(0.03319921599842474, r.ConsistencyRatio, 10);
        Assert.True(r.IsConsistent);
        SumsToOne(r.ToArray());
    }

    [Fact]
    public void Ahp_PerfectlyConsistent_CrZero()
    {
        // w = (4, 2, 1)/7 → a_ij = w_i / w_j
        var r = Weights.Ahp(new double[,] { { 1, 2, 4 }, { 0.5, 1, 2 }, { 0.25, 0.5, 1 } });
        Near([4 / 7.0, 2 / 7.0, 1 / 7.0], r.WeightValues, 1e-12);
        Assert.Equal(0.0, r.ConsistencyRatio, 10);
    }

    [Fact]
    public void Ahp_Inconsistent_FlaggedOrThrowsWhenStrict()
    {
        // a > b (9), b > c (9), but c > a (9): wildly intransitive.
        var a = new double[,] { { 1, 9, 1.0 / 9 }, { 1.0 / 9, 1, 9 }, { 9, 1.0 / 9, 1 } };
        var r = Weights.Ahp(a);
        Assert.False(r.IsConsistent);
        Assert.True(r.ConsistencyRatio > 0.1);
        var ex = Assert.Throws<EvaluationException>(() => Weights.Ahp(a, strict: true));
        Assert.Contains("CR", ex.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("inconsistent", ex.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Ahp_NotReciprocal_Throws()
    {
        Assert.Throws<EvaluationException>(() => Weights.Ahp(new double[,] { { 1, 3 }, { 3, 1 } }));
    }

    [Fact]
    public void Ahp_NonSquareOrNonPositive_Throws()
    {
        Assert.Throws<EvaluationException>(() => Weights.Ahp(new double[2, 3]));
        Assert.Throws<EvaluationException>(() => Weights.Ahp(new double[,] { { 1, 0 }, { 0, 1 } }));
    }

    [Fact]
    public void Ahp_OneAndTwoCriteria_AreConsistentByDefinition()
    {
        var one = Weights.Ahp(new double[,] { { 1 } });
        Assert.Equal([1.0], one.WeightValues);
        Assert.Equal(0.0, one.ConsistencyRatio);
        var two = Weights.Ahp(new double[,] { { 1, 3 }, { 1.0 / 3, 1 } });
        Near([0.75, 0.25], two.WeightValues);
        Assert.Equal(0.0, two.ConsistencyRatio);
        Assert.True(two.IsConsistent);
    }

    [Fact]
    public void Ahp_MoreThanTenCriteria_Throws()
    {
        var a = new double[11, 11];
        for (int i = 0; i < 11; i++)
        {
            for (int j = 0; j < 11; j++)
            {
                a[i, j] = 1;
            }
        }

        var ex = Assert.Throws<EvaluationException>(() => Weights.Ahp(a));
        Assert.Contains("at most 10 criteria", ex.Message, StringComparison.Ordinal);
    }
}
