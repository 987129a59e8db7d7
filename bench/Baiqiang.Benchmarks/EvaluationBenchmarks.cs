using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using BenchmarkDotNet.Attributes;

namespace Baiqiang.Benchmarks;

/// <summary>All 2,978 county-level units × 30 indicators: min-max, entropy weights, weighted sum and ranking.</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private DecisionMatrix _matrix = null!;

    [GlobalSetup]
    public void Setup() => _matrix = RandomMatrix();

    /// <summary>
    /// The benchmark matrix: 2,978 units × 30 criteria, <c>1 + NextDouble() × 1000</c> from <c>new Random(42)</c>
    /// row-major, every fifth criterion (j % 5 == 4) cost-type. Also exported for the pymcdm comparison.
    /// </summary>
    public static DecisionMatrix RandomMatrix()
    {
        var rng = new Random(42);
        const int units = 2978;
        const int criteria = 30;
        var values = new double[units, criteria];
        for (var i = 0; i < units; i++)
        {
            for (var j = 0; j < criteria; j++)
            {
                values[i, j] = 1 + (rng.NextDouble() * 1000);
            }
        }

        return new DecisionMatrix(
            [.. Enumerable.Range(0, units).Select(i => $"u{i}")],
            [.. Enumerable.Range(0, criteria).Select(j => $"c{j}")],
            values,
            [.. Enumerable.Range(0, criteria).Select(j => j % 5 == 4 ? Direction.LowerIsBetter : Direction.HigherIsBetter)]);
    }

    [Benchmark(Description = "2978×30 min-max + entropy + WSM + rank")]
    public int[] EntropyWsmRank()
    {
        var z = Normalization.MinMax(_matrix);
        var w = Weights.EntropyMinMaxShift(_matrix);
        return Ranking.Rank(Aggregation.WeightedSum(z, w), higherIsBetter: true);
    }

    [Benchmark(Description = "2978×30 TOPSIS (vector) + rank")]
    public int[] TopsisRank()
    {
        var w = Weights.Critic(_matrix);
        return Ranking.Rank(Aggregation.Topsis(_matrix, w), higherIsBetter: true);
    }
}
