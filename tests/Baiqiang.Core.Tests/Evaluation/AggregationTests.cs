using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using static Baiqiang.Core.Tests.Evaluation.EvaluationFixture;

namespace Baiqiang.Core.Tests.Evaluation;

public sealed class AggregationTests
{
    private static double[,] Goal() => Normalization.Goalposts(Matrix(), NormalizationTests.Posts());

    [Fact]
    public void WeightedSum_Goalposts_MatchesReference()
    {
        // reference: numpy re-implementation of Σ w·x on the goalpost-normalised fixture
        Near([52.333333333333336, 55.0, 56.666666666666664, 53.666666666666664, 56.333333333333336],
            Aggregation.WeightedSum(Goal(), W), 1e-10);
    }

    [Fact]
    public void WeightedSum_WeightsRenormalised()
    {
        Near(Aggregation.WeightedSum(Goal(), W), Aggregation.WeightedSum(Goal(), [4, 3, 2, 1]), 1e-10);
    }

    [Fact]
    public void Geometric_Goalposts_MatchesReference()
    {
        // reference: numpy re-implementation of exp(Σ w·ln x) (weighted geometric mean)
        Near([51.0408766058867, 52.59585282553349, 49.33008582571921, 50.50593035725192, 53.93564494620824],
            Aggregation.Geometric(Goal(), W), 1e-10);
    }

    [Fact]
    public void Harmonic_Goalposts_MatchesReference()
    {
        // reference: numpy re-implementation of 1/Σ(w/x) (weighted harmonic mean)
        Near([49.91680532445923, 50.42016806722689, 42.10526315789474, 47.80876494023904, 51.54639175257733],
            Aggregation.Harmonic(Goal(), W), 1e-10);
    }

    [Fact]
    public void GeneralizedMean_PowerTwoAndMinusHalf_MatchReference()
    {
        // reference: numpy re-implementation of (Σ w·x^p)^(1/p)
        Near([53.80004130522991, 57.445626465380286, 62.40548408949685, 56.98196595805066, 58.5970230567314],
            Aggregation.GeneralizedMean(Goal(), W, 2), 1e-10);
        Near([50.458727586074154, 51.470080000030116, 45.56188491047107, 49.08666838505838, 52.729993738301076],
            Aggregation.GeneralizedMean(Goal(), W, -0.5), 1e-10);
    }

    [Fact]
    public void GeneralizedMean_SpecialPowers_EqualNamedMeans()
    {
        var g = Goal();
        Near(Aggregation.Geometric(g, W), Aggregation.GeneralizedMean(g, W, 0), 1e-10);
        Near(Aggregation.WeightedSum(g, W), Aggregation.GeneralizedMean(g, W, 1), 1e-10);
        Near(Aggregation.Harmonic(g, W), Aggregation.GeneralizedMean(g, W, -1), 1e-10);
    }

    [Fact]
    public void Geometric_ZeroValue_ThrowsNamingUnitAndCriterion()
    {
        var m = Matrix();
        var z = Normalization.MinMax(m); // has zeros
        var ex = Assert.Throws<EvaluationException>(() => Aggregation.Geometric(z, W, m.Units, m.Criteria));
        Assert.Contains("单元“A”的指标“storage”", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unit 'A', criterion 'storage'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Geometric_NegativeValueWithoutNames_UsesPositions()
    {
        var ex = Assert.Throws<EvaluationException>(
            () => Aggregation.Geometric(new double[,] { { 1, 2 }, { 3, -4 } }, [0.5, 0.5]));
        Assert.Contains("unit '#2', criterion '#2'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Harmonic_NonPositive_Throws()
    {
        Assert.Throws<EvaluationException>(() => Aggregation.Harmonic(new double[,] { { 1, 0 }, { 3, 4 } }, [0.5, 0.5]));
    }

    [Fact]
    public void WeightedSum_MismatchedWeights_Throws()
    {
        Assert.Throws<EvaluationException>(() => Aggregation.WeightedSum(Goal(), [0.5, 0.5]));
        Assert.Throws<EvaluationException>(() => Aggregation.WeightedSum(Goal(), [0, 0, 0, 0]));
    }

    [Fact]
    public void Topsis_Vector_MatchesReference()
    {
        // reference: numpy re-implementation of pymcdm TOPSIS formula with vector_normalization
        Near([0.36394735363571074, 0.39591421034348884, 0.6040857896565112, 0.5467369616923835, 0.44102439912098207],
            Aggregation.Topsis(Matrix(), W));
    }

    [Fact]
    public void Topsis_MinMax_MatchesReference()
    {
        // reference: numpy re-implementation of pymcdm TOPSIS formula with minmax_normalization
        Near([0.39564392373896, 0.5226024847201979, 0.47739751527980206, 0.4716068485605285, 0.520869628449301],
            Aggregation.Topsis(Matrix(), W, TopsisNormalization.MinMax));
    }

    [Theory]
    [InlineData(TopsisNormalization.MinMax)]
    [InlineData(TopsisNormalization.Vector)]
    public void Topsis_UnitInAVectorLaneOrTheScalarTail_SameBits(TopsisNormalization normalization)
    {
        // 21 units: the first 16 go through the vector loops, the last 5 through the scalar one. Moving a unit from the
        // front to the back must not change a bit of its closeness (so the result is the same at any vector width).
        // 7 criteria, so the last group of four is padded.
        var rng = new Random(3);
        const int units = 21;
        const int criteria = 7;
        var values = new double[units, criteria];
        for (int i = 0; i < units; i++)
        {
            for (int j = 0; j < criteria; j++)
            {
                values[i, j] = 1 + (rng.NextDouble() * 1000);
            }
        }

        var moved = new double[units, criteria];
        for (int i = 0; i < units; i++)
        {
            for (int j = 0; j < criteria; j++)
            {
                moved[i, j] = values[(i + 1) % units, j]; // unit 0 goes last
            }
        }

        var directions = Enumerable.Range(0, criteria).Select(j => j % 3 == 2 ? Direction.LowerIsBetter : Direction.HigherIsBetter).ToArray();
        var names = Enumerable.Range(0, units).Select(i => "u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var criteriaNames = Enumerable.Range(0, criteria).Select(j => "c" + j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var w = Enumerable.Range(1, criteria).Select(j => (double)j).ToArray();
        var before = Aggregation.Topsis(new DecisionMatrix(names, criteriaNames, values, directions), w, normalization);
        var after = Aggregation.Topsis(new DecisionMatrix(names, criteriaNames, moved, directions), w, normalization);
        for (int i = 0; i < units; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(before[(i + 1) % units]), BitConverter.DoubleToInt64Bits(after[i]));
        }
    }

    [Fact]
    public void Topsis_VectorAndMinMax_RankDifferently()
    {
        var vector = Ranking.Rank(Aggregation.Topsis(Matrix(), W, TopsisNormalization.Vector), higherIsBetter: true);
        var minMax = Ranking.Rank(Aggregation.Topsis(Matrix(), W, TopsisNormalization.MinMax), higherIsBetter: true);
        Assert.Equal([5, 4, 1, 2, 3], vector);
        Assert.Equal([5, 1, 3, 4, 2], minMax);
    }

    [Fact]
    public void Topsis_AllUnitsIdentical_AllHalf()
    {
        var m = new DecisionMatrix(["a", "b"], ["x", "y"], new double[,] { { 1, 2 }, { 1, 2 } },
            [Direction.HigherIsBetter, Direction.LowerIsBetter]);
        Assert.Equal([0.5, 0.5], Aggregation.Topsis(m, [0.5, 0.5]));
    }

    [Fact]
    public void Vikor_FixtureMatrix_MatchesReferenceAndRanksByQ()
    {
        // reference: numpy re-implementation of pymcdm VIKOR formula (v = 0.5, no normalisation function)
        var r = Aggregation.Vikor(Matrix(), W);
        Near([0.6, 0.5666666666666667, 0.43333333333333335, 0.5333333333333333, 0.5], r.S);
        Near([0.3, 0.3, 0.4, 0.30000000000000004, 0.3], r.R);
        Near([0.5, 0.4, 0.5, 0.30000000000000027, 0.2], r.Q);
        Assert.Equal([4, 3, 4, 2, 1], r.Ranks);
    }

    [Fact]
    public void Vikor_VOutOfRange_Throws()
    {
        Assert.Throws<EvaluationException>(() => Aggregation.Vikor(Matrix(), W, 1.5));
    }

    [Fact]
    public void Copeland_FixtureMatrix_PairwiseMajority()
    {
        // Pairwise weight sums with W = (0.4 price↓, 0.3 storage, 0.2 camera, 0.1 looks), by hand:
        var s = Aggregation.Copeland(Matrix(), W);
        // A–B: A wins camera .2, looks .1 = .3; B wins price .4 → B.
        // A–C: A price .4, looks .1 = .5; C storage .3, camera .2 = .5 → tie.
        // A–D: A price .4, camera .2, looks .1 = .7; D storage .3 → A.
        // A–E: A looks .1; E price .4, camera .2 = .6 → E.
        // B–C: B price .4; C storage, camera, looks .6 → C.
        // B–D: B price .4; D storage .3, looks .1 = .4 → tie.
        // B–E: B price .4, looks .1 = .5; E camera .2 → B.
        // C–D: C camera .2; D price .4 → D.
        // C–E: C storage .3, looks .1 = .4; E price .4 → tie.
        // D–E: D storage .3, looks .1 = .4; E price .4, camera .2 = .6 → E.
        Assert.Equal([-1.0, 1.0, 0.0, -1.0, 1.0], s);
        Assert.Equal([4, 1, 3, 4, 1], Ranking.Rank(s, higherIsBetter: true));
    }

    [Fact]
    public void GeneralizedMean_PositivePowerAllowsZeros_NegativePowerDoesNot()
    {
        var z = new double[,] { { 0, 4 }, { 2, 2 } };
        Near([Math.Sqrt(8), 2.0], Aggregation.GeneralizedMean(z, [0.5, 0.5], 2), 1e-12);
        Assert.Throws<EvaluationException>(() => Aggregation.GeneralizedMean(z, [0.5, 0.5], -2));
        Assert.Throws<EvaluationException>(() => Aggregation.GeneralizedMean(z, [0.5, 0.5], double.PositiveInfinity));
    }

    [Fact]
    public void Vikor_ConstantColumn_ContributesNothing()
    {
        var m = new DecisionMatrix(["a", "b", "c"], ["x", "k"], new double[,] { { 1, 7 }, { 2, 7 }, { 3, 7 } },
            [Direction.HigherIsBetter, Direction.LowerIsBetter]);
        var r = Aggregation.Vikor(m, [0.5, 0.5]);
        Near([0.5, 0.25, 0.0], r.S);
        Near([1.0, 0.5, 0.0], r.Q);
        Assert.Equal([3, 2, 1], r.Ranks);
    }
}
