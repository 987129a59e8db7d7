using System.Globalization;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using BenchmarkDotNet.Attributes;

namespace Baiqiang.Benchmarks;

/// <summary>
/// Issue 5's targets: all 2,978 county-level units × 30 indicators (log-normal, so skewed; 3% missing) through
/// checks, dropping, imputation, treatment, normalisation, entropy weights, tree aggregation, ranking and tiers —
/// and a 1,000-replication Monte Carlo over weights, normalisation and aggregation (parallel, seeded).
/// </summary>
[MemoryDiagnoser]
public class EvaluationPipelineBenchmarks
{
    private EvaluationFramework _framework = null!;
    private EvaluationData _data = null!;
    private readonly EvaluationOptions _options = new() { IndicatorWeights = WeightSource.Entropy };

    [GlobalSetup]
    public void Setup() => (_framework, _data) = Build(2978, 30, 42);

    /// <summary>A five-dimension framework of six indicators each, and matching synthetic data.</summary>
    public static (EvaluationFramework Framework, EvaluationData Data) Build(int units, int indicators, int seed)
    {
        var rng = new Random(seed);
        var codes = Enumerable.Range(0, indicators).Select(j => "i" + j.ToString("D2", CultureInfo.InvariantCulture)).ToArray();
        var dims = Enumerable.Range(0, 5).Select(d => new FrameworkNode
        {
            Code = "d" + d.ToString(CultureInfo.InvariantCulture),
            Weight = 1 + d,
            Children = [.. codes.Where((_, j) => j % 5 == d).Select((c, k) => new FrameworkNode
            {
                Code = c,
                Indicator = c,
                Direction = k == 3 ? Direction.LowerIsBetter : Direction.HigherIsBetter,
            })],
        }).ToArray();
        var framework = new EvaluationFramework { Name = "bench", Dimensions = dims };
        var values = new double[units, indicators];
        for (int i = 0; i < units; i++)
        {
            for (int j = 0; j < indicators; j++)
            {
                double normal = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                values[i, j] = rng.NextDouble() < 0.03 ? double.NaN : Math.Exp(3 + normal);
            }
        }

        var data = new EvaluationData([.. Enumerable.Range(0, units).Select(i => "u" + i.ToString(CultureInfo.InvariantCulture))], codes, values);
        return (framework, data);
    }

    [Benchmark(Description = "2978×30 full pipeline (checks, impute, treat, min-max, entropy, tree WSM, rank, tiers)")]
    public EvaluationResult Pipeline() => EvaluationPipeline.Run(_framework, _data, _options);

    [Benchmark(Description = "2978×30 Monte Carlo, 1,000 replications")]
    public IReadOnlyList<RankInterval> MonteCarlo()
        => Uncertainty.MonteCarlo(_framework, _data, _options, new UncertaintyOptions { Replications = 1000 });
}
