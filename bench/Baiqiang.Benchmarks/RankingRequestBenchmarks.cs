using Baiqiang.Core.Evaluation;
using BenchmarkDotNet.Attributes;

namespace Baiqiang.Benchmarks;

/// <summary>
/// The heaviest requests the 综合评价 page and <c>/api/rankings/run</c> accept: Monte Carlo at the 5,000-replication cap
/// and Saltelli sensitivity at the N = 1,000 cap, for a top-100 list (100 units × 15 indicators) and for every
/// county-level unit (2,978 × 30). Same synthetic data as <see cref="EvaluationPipelineBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class RankingRequestBenchmarks
{
    private readonly EvaluationOptions _options = new();
    private EvaluationFramework _smallFramework = null!;
    private EvaluationData _small = null!;
    private EvaluationFramework _allFramework = null!;
    private EvaluationData _all = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_smallFramework, _small) = EvaluationPipelineBenchmarks.Build(100, 15, 7);
        (_allFramework, _all) = EvaluationPipelineBenchmarks.Build(2978, 30, 42);
    }

    [Benchmark(Description = "100×15 Monte Carlo, 5,000 replications (request cap)")]
    public IReadOnlyList<RankInterval> SmallMonteCarlo()
        => Uncertainty.MonteCarlo(_smallFramework, _small, _options, new UncertaintyOptions { Replications = RankingCaps.Replications });

    [Benchmark(Description = "100×15 sensitivity, N = 1,000 (request cap)")]
    public IReadOnlyList<SensitivityIndex> SmallSensitivity()
        => Uncertainty.Sensitivity(_smallFramework, _small, _options, new UncertaintyOptions { Replications = RankingCaps.Sensitivity });

    [Benchmark(Description = "2978×30 sensitivity, N = 1,000 (request cap)")]
    public IReadOnlyList<SensitivityIndex> AllSensitivity()
        => Uncertainty.Sensitivity(_allFramework, _all, _options, new UncertaintyOptions { Replications = RankingCaps.Sensitivity });

    /// <summary>The caps of <c>Baiqiang.Web.Rankings.RankingViews</c> (the benchmarks do not reference the web project).</summary>
    private static class RankingCaps
    {
        public const int Replications = 5000;
        public const int Sensitivity = 1000;
    }
}
