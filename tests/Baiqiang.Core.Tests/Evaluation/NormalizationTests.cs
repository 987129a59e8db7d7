using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using static Baiqiang.Core.Tests.Evaluation.EvaluationFixture;

namespace Baiqiang.Core.Tests.Evaluation;

public sealed class NormalizationTests
{
    private static DecisionMatrix WithConstant() => new(
        ["a", "b", "c"],
        ["x", "k"],
        new double[,] { { 1, 7 }, { 2, 7 }, { 3, 7 } },
        [Direction.HigherIsBetter, Direction.LowerIsBetter]);

    [Fact]
    public void MinMax_FixtureMatrix_MatchesReference()
    {
        // reference: numpy re-implementation of pymcdm minmax_normalization formula (cost: (max − x)/(max − min))
        double[] expected =
        [
            0.5, 0.0, 0.5, 1.0,
            1.0, 0.0, 0.0, 0.3333333333333333,
            0.0, 1.0, 1.0, 0.6666666666666666,
            0.25, 1.0, 0.0, 0.6666666666666666,
            0.75, 0.0, 1.0, 0.0,
        ];
        Near(expected, Normalization.MinMax(Matrix()));
    }

    [Fact]
    public void MinMax_ConstantColumn_IsAllOnes()
    {
        var z = Normalization.MinMax(WithConstant());
        Assert.Equal([1.0, 1.0, 1.0], [z[0, 1], z[1, 1], z[2, 1]]);
        Assert.Equal(0.5, z[1, 0]);
    }

    [Fact]
    public void MinMax_MismatchedDirections_Throws()
    {
        Assert.Throws<EvaluationException>(() => Normalization.MinMax(Values(), [Direction.HigherIsBetter]));
    }

    [Fact]
    public void MinMax_RawArrayWithNeutralOrNaN_Throws()
    {
        var dirs = new[] { Direction.LowerIsBetter, Direction.Neutral, Direction.HigherIsBetter, Direction.HigherIsBetter };
        Assert.Throws<EvaluationException>(() => Normalization.MinMax(Values(), dirs));
        var values = Values();
        values[2, 3] = double.NaN;
        var ex = Assert.Throws<EvaluationException>(() => Normalization.MinMax(values, Directions));
        Assert.Contains("row 3, column 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vector_RawArrayOverload_EqualsMatrixOverload()
    {
        var a = Normalization.Vector(Values(), Directions);
        var b = Normalization.Vector(Matrix());
        Assert.Equal(b, a);
    }

    [Fact]
    public void ZScore_StorageColumn_IsPopulationZScore()
    {
        // storage = 16,16,32,32,16: mean 22.4, population σ = √61.44 → z(32) = √1.5, z(16) = −√(2/3)
        var z = Normalization.ZScore(Matrix());
        Assert.Equal(Math.Sqrt(1.5), z[2, 1], 12);
        Assert.Equal(-Math.Sqrt(2.0 / 3.0), z[0, 1], 12);
    }

    [Fact]
    public void ZScore_CostColumn_IsNegatedAndConstantIsZero()
    {
        var z = Normalization.ZScore(WithConstant());
        Assert.Equal(0, z[1, 1]);
        var price = Normalization.ZScore(Matrix());
        Assert.True(price[1, 0] > 0); // cheapest (200) scores highest
        Assert.True(price[2, 0] < 0);
    }

    [Fact]
    public void Rank_CostAndTiedColumns_UseMinTies()
    {
        var r = Normalization.Rank(Matrix());
        Assert.Equal([3.0, 5.0, 1.0, 2.0, 4.0], [r[0, 0], r[1, 0], r[2, 0], r[3, 0], r[4, 0]]);
        Assert.Equal([1.0, 1.0, 4.0, 4.0, 1.0], [r[0, 1], r[1, 1], r[2, 1], r[3, 1], r[4, 1]]);
    }

    [Fact]
    public void PercentileRank_TiedColumn_IsDplyrPercentRank()
    {
        var r = Normalization.PercentileRank(Matrix());
        Assert.Equal([0.0, 0.0, 0.75, 0.75, 0.0], [r[0, 1], r[1, 1], r[2, 1], r[3, 1], r[4, 1]]);
        Assert.Equal(1.0, r[1, 0]);
        var c = Normalization.PercentileRank(WithConstant());
        Assert.Equal(0.0, c[2, 1]);
    }

    [Fact]
    public void DistanceToMaximum_BestIsOneWorstIsZero()
    {
        var d = Normalization.DistanceToMaximum(Matrix());
        Assert.Equal(1.0, d[1, 0]); // cheapest
        Assert.Equal(0.0, d[2, 0]);
        Assert.Equal(0.5, d[0, 0], 12);
        Assert.Equal(1.0, Normalization.DistanceToMaximum(WithConstant())[0, 1]);
    }

    [Fact]
    public void DistanceToReference_ReferenceUnitScoresOne_BetterExceedsUnlessCapped()
    {
        var m = Matrix();
        var d = Normalization.DistanceToReference(m, referenceUnit: 1);
        Assert.Equal(1.0, d[1, 0]);
        Assert.Equal(0.5, d[0, 0], 12); // price 250 vs reference 200, range 100
        Assert.Equal(0.0, d[2, 0], 12);
        Assert.Equal(2.0, d[2, 2], 12); // camera 16 vs reference 8, range 8
        var capped = Normalization.DistanceToReference(m, referenceUnit: 1, capAtOne: true);
        Assert.Equal(1.0, capped[2, 2]);
    }

    [Fact]
    public void DistanceToReference_OutOfRange_Throws()
    {
        Assert.Throws<EvaluationException>(() => Normalization.DistanceToReference(Matrix(), 5));
    }

    [Fact]
    public void DistanceToTarget_BenefitAndCost()
    {
        // price (cost): (max 300 − x)/(300 − 180); storage: (x − 16)/(24 − 16)
        var d = Normalization.DistanceToTarget(Matrix(), [180, 24, 16, 5], capAtOne: false);
        Assert.Equal(100.0 / 120.0, d[1, 0], 12);
        Assert.Equal(2.0, d[2, 1], 12);
        var capped = Normalization.DistanceToTarget(Matrix(), [180, 24, 16, 5]);
        Assert.Equal(1.0, capped[2, 1]);
    }

    [Fact]
    public void DistanceToTarget_TargetNoBetterThanWorst_Throws()
    {
        var ex = Assert.Throws<EvaluationException>(() => Normalization.DistanceToTarget(Matrix(), [300, 24, 16, 5]));
        Assert.Contains("criterion 'price'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Goalposts_FixtureMatrix_MatchesReference()
    {
        // reference: numpy re-implementation of COINr n_goalposts formula (clip((x − lo)/(hi − lo), 0, 1) × 100; cost flipped)
        double[] expected =
        [
            50.0, 40.0, 60.0, 83.33333333333334,
            75.0, 40.0, 40.0, 50.0,
            25.0, 80.0, 80.0, 66.66666666666666,
            37.5, 80.0, 40.0, 66.66666666666666,
            62.5, 40.0, 80.0, 33.33333333333333,
        ];
        Near(expected, Normalization.Goalposts(Matrix(), Posts()), 1e-10);
    }

    [Fact]
    public void Goalposts_OutsideRange_ClipsToZeroAndScale()
    {
        var z = Normalization.Goalposts(Matrix(), [new(210, 260), new(20, 30), new(0, 20), new(0, 6)], scale: 1);
        Assert.Equal(1.0, z[1, 0]); // 200 cheaper than the low post → best
        Assert.Equal(0.0, z[2, 0]); // 300 dearer than the high post → worst
        Assert.Equal(0.0, z[0, 1]);
        Assert.Equal(1.0, z[2, 1]);
    }

    [Fact]
    public void Goalposts_LowNotBelowHigh_Throws()
    {
        Assert.Throws<EvaluationException>(
            () => Normalization.Goalposts(Matrix(), [new(350, 150), new(0, 40), new(0, 20), new(0, 6)]));
    }

    [Fact]
    public void Vector_BenefitAndCost()
    {
        var z = Normalization.Vector(Matrix());
        double norm = Math.Sqrt((3 * 256) + (2 * 1024));
        Assert.Equal(32 / norm, z[2, 1], 12);
        double priceNorm = Math.Sqrt((250.0 * 250) + (200 * 200) + (300 * 300) + (275 * 275) + (225 * 225));
        Assert.Equal(1 - (200 / priceNorm), z[1, 0], 12);
    }

    [Fact]
    public void Sum_BenefitIsShareCostIsInverseShare()
    {
        var z = Normalization.Sum(Matrix());
        Assert.Equal(1.0 / 7.0, z[0, 1], 12);
        double inv = (1 / 250.0) + (1 / 200.0) + (1 / 300.0) + (1 / 275.0) + (1 / 225.0);
        Assert.Equal(1 / 200.0 / inv, z[1, 0], 12);
    }

    [Fact]
    public void Sum_ZeroCost_Throws()
    {
        var m = new DecisionMatrix(["a", "b"], ["c"], new double[,] { { 0 }, { 1 } }, [Direction.LowerIsBetter]);
        var ex = Assert.Throws<EvaluationException>(() => Normalization.Sum(m));
        Assert.Contains("unit 'a'", ex.Message, StringComparison.Ordinal);
    }

    internal static Goalpost[] Posts() => [new(150, 350), new(0, 40), new(0, 20), new(0, 6)];
}
