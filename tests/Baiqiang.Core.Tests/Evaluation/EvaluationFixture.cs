using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Tests.Evaluation;

/// <summary>The fixed 5×4 matrix the reference values were computed on, plus helpers.</summary>
internal static class EvaluationFixture
{
    public static readonly string[] Units = ["A", "B", "C", "D", "E"];

    public static readonly string[] Criteria = ["price", "storage", "camera", "looks"];

    public static readonly Direction[] Directions =
        [Direction.LowerIsBetter, Direction.HigherIsBetter, Direction.HigherIsBetter, Direction.HigherIsBetter];

    /// <summary>Weights used by the aggregation reference values.</summary>
    public static readonly double[] W = [0.4, 0.3, 0.2, 0.1];

    public static DecisionMatrix Matrix() => new(Units, Criteria, Values(), Directions);

    public static double[,] Values() => new double[,]
    {
        { 250, 16, 12, 5 },
        { 200, 16, 8, 3 },
        { 300, 32, 16, 4 },
        { 275, 32, 8, 4 },
        { 225, 16, 16, 2 },
    };

    public static void Near(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"[{i}] expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    public static void Near(IReadOnlyList<double> expectedRowMajor, double[,] actual, double tolerance = 1e-12)
    {
        int n = actual.GetLength(1);
        Assert.Equal(expectedRowMajor.Count, actual.Length);
        for (int k = 0; k < expectedRowMajor.Count; k++)
        {
            double a = actual[k / n, k % n];
            Assert.True(
                Math.Abs(expectedRowMajor[k] - a) <= tolerance,
                $"[{k / n},{k % n}] expected {expectedRowMajor[k]:R}, got {a:R}");
        }
    }

    public static void AllFinite(double[,] x)
    {
        foreach (double v in x)
        {
            Assert.True(double.IsFinite(v), $"non-finite value {v}");
        }
    }

    public static void AllFinite(IReadOnlyList<double> x)
    {
        foreach (double v in x)
        {
            Assert.True(double.IsFinite(v), $"non-finite value {v}");
        }
    }
}
