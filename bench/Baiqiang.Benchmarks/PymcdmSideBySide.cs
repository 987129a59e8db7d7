using System.Globalization;
using System.Text;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using BenchmarkDotNet.Attributes;

namespace Baiqiang.Benchmarks;

/// <summary>
/// <c>pymcdm-export DIR</c>: writes the <see cref="EvaluationBenchmarks.RandomMatrix"/> matrix as
/// <c>DIR/matrix.csv</c> (round-trip number format, so pymcdm reads the identical doubles), reads it back through
/// <see cref="MatrixFile"/> (what <c>baiqiang weights/rank --input</c> use), checks every value came back
/// bit-identical, and writes Baiqiang's results on it at full precision for <c>bench/pymcdm_side_by_side.py</c>.
/// </summary>
public static class PymcdmExport
{
    public static async Task RunAsync(string dir, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        var generated = EvaluationBenchmarks.RandomMatrix();
        var path = Path.Combine(dir, "matrix.csv");
        await File.WriteAllTextAsync(path, MatrixCsv(generated), ct);

        var read = await MatrixFile.ReadAsync(path, ct);
        var g = generated.ToArray();
        for (int i = 0; i < generated.UnitCount; i++)
        {
            for (int j = 0; j < generated.CriterionCount; j++)
            {
                if (BitConverter.DoubleToInt64Bits(read.Values[i, j]) != BitConverter.DoubleToInt64Bits(g[i, j]))
                {
                    throw new InvalidOperationException($"cell ({i}, {j}) did not round-trip through {path}");
                }
            }
        }

        var directions = generated.Directions.ToArray();
        var matrix = new DecisionMatrix(read.Units, read.Indicators, read.Values, directions);
        var allBenefit = new DecisionMatrix(
            read.Units, read.Indicators, read.Values, [.. Enumerable.Repeat(Direction.HigherIsBetter, directions.Length)]);
        await File.WriteAllTextAsync(
            Path.Combine(dir, "directions.txt"),
            string.Join(',', directions.Select(d => d == Direction.LowerIsBetter ? "-" : "+")) + "\n",
            ct);

        var entropy = Weights.EntropyPymcdm(matrix);
        await WriteWeightsAsync(Path.Combine(dir, "baiqiang-entropy.csv"), matrix, entropy, ct);
        await WriteWeightsAsync(Path.Combine(dir, "baiqiang-critic.csv"), matrix, Weights.Critic(matrix), ct);
        await WriteWeightsAsync(Path.Combine(dir, "baiqiang-critic-all-benefit.csv"), matrix, Weights.Critic(allBenefit), ct);
        await WriteScoresAsync(Path.Combine(dir, "baiqiang-topsis.csv"), matrix, Aggregation.Topsis(matrix, entropy, TopsisNormalization.MinMax), ct);
        await WriteScoresAsync(Path.Combine(dir, "baiqiang-topsis-vector.csv"), matrix, Aggregation.Topsis(matrix, entropy, TopsisNormalization.Vector), ct);
        Console.WriteLine($"wrote {matrix.UnitCount}×{matrix.CriterionCount} matrix (round-trip checked) and Baiqiang results to {dir}");
    }

    private static string MatrixCsv(DecisionMatrix m)
    {
        var sb = new StringBuilder();
        sb.Append("unit");
        foreach (var c in m.Criteria)
        {
            sb.Append(',').Append(c);
        }

        sb.Append('\n');
        for (int i = 0; i < m.UnitCount; i++)
        {
            sb.Append(m.Units[i]);
            for (int j = 0; j < m.CriterionCount; j++)
            {
                sb.Append(',').Append(m[i, j].ToString("R", CultureInfo.InvariantCulture));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static Task WriteWeightsAsync(string path, DecisionMatrix m, double[] w, CancellationToken ct)
    {
        var sb = new StringBuilder("indicator,weight\n");
        for (int j = 0; j < w.Length; j++)
        {
            sb.Append(m.Criteria[j]).Append(',').Append(w[j].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return File.WriteAllTextAsync(path, sb.ToString(), ct);
    }

    private static Task WriteScoresAsync(string path, DecisionMatrix m, double[] scores, CancellationToken ct)
    {
        var ranks = Ranking.Rank(scores, higherIsBetter: true);
        var sb = new StringBuilder("unit,score,rank\n");
        for (int i = 0; i < scores.Length; i++)
        {
            sb.Append(m.Units[i]).Append(',')
                .Append(scores[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(ranks[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return File.WriteAllTextAsync(path, sb.ToString(), ct);
    }
}

/// <summary>
/// <c>pymcdm-loop WHAT N</c>: runs one step of <see cref="PymcdmSideBySideBenchmarks"/> (<c>entropy</c>, <c>topsis</c>,
/// <c>rank</c> or <c>all</c> = entropy + TOPSIS + rank) N times, for instruction counts under callgrind and CPU time
/// under <c>/usr/bin/time</c>, which load on the machine does not distort as it does wall-clock timings. Compare two
/// values of N to take out start-up and JIT compilation.
/// </summary>
public static class PymcdmLoop
{
    public static void Run(string what, int rounds)
    {
        var b = new PymcdmSideBySideBenchmarks();
        b.Setup();
        var scores = b.Topsis();
        Func<object> step = what switch
        {
            "entropy" => b.Entropy,
            "topsis" => b.Topsis,
            "rank" => () => Ranking.Rank(scores, higherIsBetter: true),
            "all" => b.EntropyTopsisRank,
            "all-separate" => b.EntropyTopsisRankSeparate,
            _ => throw new ArgumentException($"unknown step '{what}' (entropy, topsis, rank, all, all-separate)", nameof(what)),
        };
        long check = 0;
        var times = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            check += step().GetHashCode() & 1;
            times[r] = System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        // Per-call wall-clock figures of the second half of the calls (the first half warms up): under load only the
        // best is worth reading.
        var tail = times.AsSpan(rounds / 2).ToArray();
        Array.Sort(tail);
        string Pick(double q) => tail.Length == 0 ? "-" : tail[(int)(q * (tail.Length - 1))].ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine($"{what} × {rounds.ToString(CultureInfo.InvariantCulture)} done ({check.ToString(CultureInfo.InvariantCulture)}); best {Pick(0)} µs, p10 {Pick(0.1)} µs, median {Pick(0.5)} µs");
    }
}

/// <summary>
/// The steps <c>bench/pymcdm_side_by_side.py</c> times in pymcdm, one for one, on the same 2,978 × 30 matrix:
/// pymcdm-style entropy weights, CRITIC weights, min-max TOPSIS with given weights, and the whole
/// entropy → TOPSIS → rank chain. Nothing else (no checks, imputation or treatment).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class PymcdmSideBySideBenchmarks
{
    private DecisionMatrix _matrix = null!;
    private double[] _entropy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _matrix = EvaluationBenchmarks.RandomMatrix();
        _entropy = Weights.EntropyPymcdm(_matrix);
    }

    [Benchmark(Description = "entropy weights (pymcdm variant)")]
    public double[] Entropy() => Weights.EntropyPymcdm(_matrix);

    [Benchmark(Description = "CRITIC weights")]
    public double[] Critic() => Weights.Critic(_matrix);

    [Benchmark(Description = "TOPSIS min-max, given weights")]
    public double[] Topsis() => Aggregation.Topsis(_matrix, _entropy, TopsisNormalization.MinMax);

    /// <summary>What <c>baiqiang rank --method topsis --weights-method entropy</c> runs (Aggregation.EntropyTopsis).</summary>
    [Benchmark(Description = "entropy + TOPSIS min-max + rank")]
    public int[] EntropyTopsisRank() => Ranking.Rank(Aggregation.EntropyTopsis(_matrix).Scores, higherIsBetter: true);

    [Benchmark(Description = "entropy + TOPSIS min-max + rank, separate calls")]
    public int[] EntropyTopsisRankSeparate()
    {
        var w = Weights.EntropyPymcdm(_matrix);
        return Ranking.Rank(Aggregation.Topsis(_matrix, w, TopsisNormalization.MinMax), higherIsBetter: true);
    }
}
