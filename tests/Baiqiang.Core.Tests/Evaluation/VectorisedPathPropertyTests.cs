using System.Globalization;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using FsCheck.Xunit;

namespace Baiqiang.Core.Tests.Evaluation;

/// <summary>
/// FsCheck properties: the vectorised evaluation core (column spans, TensorPrimitives) agrees with the scalar row-major
/// formulas it replaced (<see cref="ScalarReference"/>) to 1e-12 on random matrices — sizes, values, directions, and
/// the degenerate shapes (constant columns, zeros in the data) drawn by FsCheck.
/// </summary>
public sealed class VectorisedPathPropertyTests
{
    private const double Tolerance = 1e-12;

    /// <summary>A random matrix from FsCheck's draws: 2–300 units, 1–40 criteria; some columns constant, some with zeros.</summary>
    private static (double[,] Values, Direction[] Directions, DecisionMatrix Matrix) Draw(int seed, byte units, byte criteria, bool degenerate)
    {
        var rng = new Random(seed);
        int m = 2 + (units % 299);
        int n = 1 + (criteria % 40);
        var values = new double[m, n];
        var dirs = new Direction[n];
        for (int j = 0; j < n; j++)
        {
            dirs[j] = rng.Next(3) == 0 ? Direction.LowerIsBetter : Direction.HigherIsBetter;
            int shape = degenerate ? rng.Next(4) : 3;
            double constant = 1 + rng.Next(100);
            for (int i = 0; i < m; i++)
            {
                values[i, j] = shape switch
                {
                    0 => constant,                                      // a constant column
                    1 => rng.Next(3) == 0 ? 0 : rng.NextDouble() * 50,  // zeros among positives
                    2 => Math.Exp(rng.NextDouble() * 20),               // wide magnitudes
                    _ => 1 + (rng.NextDouble() * 1000),
                };
            }
        }

        var matrix = new DecisionMatrix(
            [.. Enumerable.Range(0, m).Select(i => "u" + i.ToString(CultureInfo.InvariantCulture))],
            [.. Enumerable.Range(0, n).Select(j => "c" + j.ToString(CultureInfo.InvariantCulture))],
            values,
            dirs);
        return (values, dirs, matrix);
    }

    private static bool Close(double[] expected, double[] actual)
    {
        if (expected.Length != actual.Length)
        {
            return false;
        }

        for (int k = 0; k < expected.Length; k++)
        {
            if (double.IsNaN(actual[k]) || Math.Abs(expected[k] - actual[k]) > Tolerance)
            {
                return false;
            }
        }

        return true;
    }

    private static double[] Weights01(int seed, int n)
    {
        var rng = new Random(seed ^ 0x5eed);
        return [.. Enumerable.Range(0, n).Select(_ => 0.01 + rng.NextDouble())];
    }

    [Property(MaxTest = 200)]
    public bool EntropyPymcdm_RandomMatrices_MatchesScalar(int seed, byte units, byte criteria, bool degenerate)
    {
        var (values, _, matrix) = Draw(seed, units, criteria, degenerate);
        for (int j = 0; j < matrix.CriterionCount; j++)
        {
            double total = 0;
            for (int i = 0; i < matrix.UnitCount; i++)
            {
                total += values[i, j];
            }

            if (total <= 0)
            {
                return true; // undefined entropy: both refuse (tested elsewhere)
            }
        }

        return Close(ScalarReference.EntropyPymcdm(values), Weights.EntropyPymcdm(matrix));
    }

    /// <summary>
    /// Draws on which the property above failed about once in 2,000 (on main 2c463f7 too): every column constant, so each
    /// d_j was rounding noise and the weights that noise over its sum (e.g. [1, 0] against [0.5, 0.5]).
    /// </summary>
    [Theory]
    [InlineData(1516495589, 206, 81)]
    [InlineData(-1234059714, 226, 42)]
    [InlineData(186619502, 4, 201)]
    [InlineData(178675054, 230, 83)]
    [InlineData(-382447550, 54, 1)]
    [InlineData(1945005048, 168, 1)]
    public void EntropyPymcdm_EveryColumnConstantDraws_MatchesScalar(int seed, int units, int criteria)
    {
        Assert.True(EntropyPymcdm_RandomMatrices_MatchesScalar(seed, (byte)units, (byte)criteria, degenerate: true));
    }

    [Property(MaxTest = 200)]
    public bool EntropyMinMaxShift_RandomMatrices_MatchesScalar(int seed, byte units, byte criteria, bool degenerate)
    {
        var (values, dirs, matrix) = Draw(seed, units, criteria, degenerate);
        return Close(ScalarReference.EntropyMinMaxShift(values, dirs), Weights.EntropyMinMaxShift(matrix));
    }

    [Property(MaxTest = 200)]
    public bool Critic_RandomMatrices_MatchesScalar(int seed, byte units, byte criteria, bool degenerate)
    {
        var (values, dirs, matrix) = Draw(seed, units, criteria, degenerate);
        return Close(ScalarReference.Critic(values, dirs), Weights.Critic(matrix));
    }

    [Property(MaxTest = 200)]
    public bool StandardDeviation_RandomMatrices_MatchesScalar(int seed, byte units, byte criteria, bool degenerate)
    {
        var (values, dirs, matrix) = Draw(seed, units, criteria, degenerate);
        return Close(ScalarReference.StandardDeviation(values, dirs), Weights.StandardDeviation(matrix));
    }

    [Property(MaxTest = 200)]
    public bool TopsisMinMax_RandomMatrices_MatchesScalar(int seed, byte units, byte criteria, bool degenerate)
    {
        var (values, dirs, matrix) = Draw(seed, units, criteria, degenerate);
        var w = Weights01(seed, matrix.CriterionCount);
        return Close(
            ScalarReference.Topsis(values, dirs, w, TopsisNormalization.MinMax),
            Aggregation.Topsis(matrix, w, TopsisNormalization.MinMax));
    }

    [Property(MaxTest = 300)]
    public bool EntropyTopsis_RandomMatrices_MatchesSeparateCallsAndRanksIdentical(int seed, byte units, byte criteria, bool degenerate)
    {
        // The fused chain (min and max from the entropy's pass) against entropy, then TOPSIS, then rank as separate
        // calls: cost columns, constant columns, zeros; a matrix the entropy rejects must be rejected by both.
        var (_, _, matrix) = Draw(seed, units, criteria, degenerate);
        double[] w;
        double[] scores;
        try
        {
            w = Weights.EntropyPymcdm(matrix);
            scores = Aggregation.Topsis(matrix, w, TopsisNormalization.MinMax);
        }
        catch (EvaluationException)
        {
            return Record.Exception(() => Aggregation.EntropyTopsis(matrix)) is EvaluationException;
        }

        var fused = Aggregation.EntropyTopsis(matrix);
        return Close(w, fused.Weights)
            && Close(scores, fused.Scores)
            && Ranking.Rank(scores, higherIsBetter: true).SequenceEqual(Ranking.Rank(fused.Scores, higherIsBetter: true));
    }

    [Property(MaxTest = 300)]
    public bool SumMinMaxAndXLogX_RandomColumns_MatchesMinAndMaxAndTheEntropyKernel(int seed, byte length, bool degenerate)
    {
        var (_, _, matrix) = Draw(seed, length, 0, degenerate);
        var column = matrix.Column(0);
        var (sum, min, max, xLogX) = ColumnKernels.SumMinMaxAndXLogX(column);
        var (sum2, min2, xLogX2) = ColumnKernels.SumMinAndXLogX(column);
        var (lo, hi) = ColumnKernels.MinAndMax(column);
        return min == lo && max == hi && sum == sum2 && min == min2 && xLogX == xLogX2;
    }

    [Property(MaxTest = 200)]
    public bool TopsisVector_RandomMatrices_MatchesScalar(int seed, byte units, byte criteria, bool degenerate)
    {
        var (values, dirs, matrix) = Draw(seed, units, criteria, degenerate);
        var w = Weights01(seed, matrix.CriterionCount);
        return Close(
            ScalarReference.Topsis(values, dirs, w, TopsisNormalization.Vector),
            Aggregation.Topsis(matrix, w, TopsisNormalization.Vector));
    }

    [Property(MaxTest = 200)]
    public bool WeightedSum_RandomMatrices_MatchesScalar(int seed, byte units, byte criteria, bool degenerate)
    {
        var (values, dirs, matrix) = Draw(seed, units, criteria, degenerate);
        var z = ScalarReference.MinMax(values, dirs);
        var w = Weights01(seed, matrix.CriterionCount);
        return Close(ScalarReference.WeightedSum(z, w), Aggregation.WeightedSum(z, w));
    }

    [Property(MaxTest = 100)]
    public bool Weights_ConstantColumns_NeverNaN(int seed, byte units, byte criteria)
    {
        var (_, _, matrix) = Draw(seed, units, criteria, degenerate: true);
        return new[] { Weights.Critic(matrix), Weights.StandardDeviation(matrix), Weights.EntropyMinMaxShift(matrix) }
            .All(w => w.All(double.IsFinite) && Math.Abs(w.Sum() - 1) < 1e-9);
    }

    [Property(MaxTest = 300)]
    public bool PLogPScaled_WideRangeColumns_MatchesMathLog(int seed, byte length, byte shape)
    {
        // The entropy kernel's own vectorised logarithm against Math.Log, on zeros, subnormals, huge and ordinary values.
        var rng = new Random(seed);
        var x = new double[1 + length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (shape % 4) switch
            {
                0 => rng.Next(4) == 0 ? 0 : rng.NextDouble() * 50,
                1 => Math.Exp((rng.NextDouble() - 0.5) * 1400),
                2 => rng.Next(3) == 0 ? rng.Next(1, 1000) * double.Epsilon : 1 + rng.NextDouble(),
                _ => 1 + (rng.NextDouble() * 1000),
            };
        }

        double total = x.Sum();
        double scale = 1.0 / total;
        if (!(total > 0) || !double.IsNormal(scale))
        {
            return true; // Weights.EntropyPymcdm divides instead (and refuses a zero total)
        }

        double expected = 0;
        double magnitude = 0;
        foreach (double v in x)
        {
            double p = v * scale;
            if (p > 0)
            {
                expected += p * Math.Log(p);
                magnitude += Math.Abs(p * Math.Log(p));
            }
        }

        // Summed in another order: the bound for n additions (n·ε relative to Σ|p ln p|) plus an ulp or two per logarithm.
        double actual = ColumnKernels.PLogPScaled(x, scale);
        return Math.Abs(actual - expected) <= (x.Length + 4) * 2.3e-16 * Math.Max(1, magnitude);
    }
}
