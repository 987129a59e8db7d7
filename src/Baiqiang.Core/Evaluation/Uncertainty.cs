using System.Globalization;

namespace Baiqiang.Core.Evaluation;

/// <summary>Options for <see cref="Uncertainty.MonteCarlo"/> and <see cref="Uncertainty.Sensitivity"/>.</summary>
public sealed record UncertaintyOptions
{
    public int Replications { get; init; } = 1000;

    /// <summary>Seed; replication r uses its own generator seeded from (Seed, r), so results do not depend on thread scheduling.</summary>
    public int Seed { get; init; } = 20261123;

    /// <summary>Each weight is multiplied by a factor drawn uniformly from [1 − p, 1 + p] (COINr's weight perturbation).</summary>
    public double WeightPerturbation { get; init; } = 0.25;

    /// <summary>Normalisations to draw from (uniformly). Empty = the pipeline's own.</summary>
    public IReadOnlyList<NormalizationMethod> Normalizations { get; init; } = [NormalizationMethod.MinMax, NormalizationMethod.PercentileRank];

    /// <summary>Top-level aggregations to draw from (uniformly). Empty = the framework's own.</summary>
    public IReadOnlyList<AggregationMethod> Aggregations { get; init; } = [AggregationMethod.Arithmetic, AggregationMethod.Geometric];

    /// <summary>Maximum threads; 0 = all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; }
}

/// <summary>A unit's rank distribution over the replications.</summary>
public sealed record RankInterval(string Unit, int NominalRank, double MedianRank, double P5, double P95, double MeanRank);

/// <summary>First-order (S_i) and total (ST_i) sensitivity index of one uncertain input.</summary>
public sealed record SensitivityIndex(string Input, double FirstOrder, double Total);

/// <summary>
/// Uncertainty and sensitivity analysis of a composite (COINr <c>get_sensitivity</c>). The uncertain inputs are
/// the weight of every node (perturbed), the normalisation method and the top-level aggregation method; the
/// prepared data (checks, imputation, treatment) is fixed.
/// </summary>
/// <remarks>
/// Deterministic: replication r draws from <c>new Random(HashCode(seed, r))</c>, replications run in parallel and
/// are written to their own slot. Rank intervals are the 5th and 95th percentiles (R type-7 interpolation).
/// </remarks>
public static class Uncertainty
{
    /// <summary>Monte Carlo over weights, normalisation and aggregation: each unit's nominal rank and its rank interval.</summary>
    public static IReadOnlyList<RankInterval> MonteCarlo(
        EvaluationFramework framework, EvaluationData data, EvaluationOptions? options = null, UncertaintyOptions? uncertainty = null)
    {
        options ??= new EvaluationOptions();
        uncertainty ??= new UncertaintyOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(uncertainty.Replications, 1);
        var p = EvaluationPipeline.Prepare(framework, data, options);
        var nominal = p.Evaluate();
        var space = new InputSpace(p, uncertainty);
        int m = nominal.Units.Count, reps = uncertainty.Replications;
        var ranks = new int[reps][];
        Parallel.For(
            0,
            reps,
            Parallelism(uncertainty),
            () => new McScratch(space.Dimension, m),
            (r, _, scratch) =>
            {
                var u = scratch.U;
                var rng = new Random(Seed(uncertainty.Seed, r));
                for (int k = 0; k < u.Length; k++)
                {
                    u[k] = rng.NextDouble();
                }

                var rank = new int[m];
                Ranking.RankInto(space.Evaluate(u), higherIsBetter: true, scratch.Ranking, rank);
                ranks[r] = rank;
                return scratch;
            },
            _ => { });

        // Each unit's rank distribution, in blocks of units: a block's ranks are gathered replication by replication
        // (sequential reads of each replication's ranks), then each unit's slice is sorted as integers.
        var result = new RankInterval[m];
        const int Block = 64;
        int blocks = (m + Block - 1) / Block;
        Parallel.For(
            0,
            blocks,
            Parallelism(uncertainty),
            () => (new int[Block * reps], new int[m + 1]),
            (b, _, scratch) =>
            {
                var (buffer, counts) = scratch;
                int first = b * Block, count = Math.Min(Block, m - first);
                for (int r = 0; r < reps; r++)
                {
                    var row = ranks[r];
                    for (int u = 0; u < count; u++)
                    {
                        buffer[(u * reps) + r] = row[first + u];
                    }
                }

                for (int u = 0; u < count; u++)
                {
                    var column = buffer.AsSpan(u * reps, reps);
                    SortRanks(column, counts);
                    long sum = 0;
                    foreach (int rank in column)
                    {
                        sum += rank;
                    }

                    int i = first + u;
                    result[i] = new RankInterval(
                        nominal.Units[i],
                        nominal.Ranks[i],
                        Quantile(column, 0.5),
                        Quantile(column, 0.05),
                        Quantile(column, 0.95),
                        (double)sum / reps);
                }

                return scratch;
            },
            _ => { });

        return result;
    }

    /// <summary>
    /// Variance-based sensitivity of the mean absolute rank shift against the nominal ranking, for each uncertain
    /// input (the weight of each dimension, the normalisation, the aggregation). Saltelli sampling: matrices A, B
    /// (N × k uniform) and A_B^(i) (A with column i from B); f = output. First order (Saltelli 2010):
    /// S_i = mean(f(B)·(f(A_B^i) − f(A))) / V; total (Jansen 1999): ST_i = mean((f(A) − f(A_B^i))²) / (2V), with
    /// V the variance of f over A and B together. N(k + 2) model runs. V = 0 gives 0 for every index.
    /// </summary>
    public static IReadOnlyList<SensitivityIndex> Sensitivity(
        EvaluationFramework framework, EvaluationData data, EvaluationOptions? options = null, UncertaintyOptions? uncertainty = null)
    {
        options ??= new EvaluationOptions();
        uncertainty ??= new UncertaintyOptions();
        int n = uncertainty.Replications;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var p = EvaluationPipeline.Prepare(framework, data, options);
        var nominal = p.Evaluate().Ranks;
        var space = new InputSpace(p, uncertainty, dimensionWeightsOnly: true);
        int k = space.Dimension;
        var rng = new Random(uncertainty.Seed);
        var a = new double[n][];
        var b = new double[n][];
        for (int r = 0; r < n; r++)
        {
            a[r] = new double[k];
            b[r] = new double[k];
            for (int c = 0; c < k; c++)
            {
                a[r][c] = rng.NextDouble();
                b[r][c] = rng.NextDouble();
            }
        }

        double Output(double[] u)
        {
            var ranks = Ranking.Rank(space.Evaluate(u), higherIsBetter: true);
            double s = 0;
            for (int i = 0; i < ranks.Length; i++)
            {
                s += Math.Abs(ranks[i] - nominal[i]);
            }

            return s / ranks.Length;
        }

        var fa = new double[n];
        var fb = new double[n];
        var fab = new double[k][];
        for (int c = 0; c < k; c++)
        {
            fab[c] = new double[n];
        }

        Parallel.For(0, n * (k + 2), Parallelism(uncertainty), t =>
        {
            int r = t / (k + 2), which = t % (k + 2);
            if (which == 0)
            {
                fa[r] = Output(a[r]);
            }
            else if (which == 1)
            {
                fb[r] = Output(b[r]);
            }
            else
            {
                int c = which - 2;
                var u = (double[])a[r].Clone();
                u[c] = b[r][c];
                fab[c][r] = Output(u);
            }
        });

        double mean = (fa.Sum() + fb.Sum()) / (2 * n);
        double v = 0;
        for (int r = 0; r < n; r++)
        {
            v += ((fa[r] - mean) * (fa[r] - mean)) + ((fb[r] - mean) * (fb[r] - mean));
        }

        v /= 2 * n;
        var result = new SensitivityIndex[k];
        for (int c = 0; c < k; c++)
        {
            double s1 = 0, st = 0;
            for (int r = 0; r < n; r++)
            {
                s1 += fb[r] * (fab[c][r] - fa[r]);
                st += (fa[r] - fab[c][r]) * (fa[r] - fab[c][r]);
            }

            result[c] = v > 0
                ? new SensitivityIndex(space.Names[c], s1 / n / v, st / (2.0 * n) / v)
                : new SensitivityIndex(space.Names[c], 0, 0);
        }

        return result;
    }

    /// <summary>
    /// Sorts one unit's ranks (each in 1..m) in place: a counting sort over the span between the lowest and highest rank
    /// when that span is narrow (the usual case: a unit's ranks cluster), else an ordinary sort.
    /// </summary>
    private static void SortRanks(Span<int> ranks, int[] counts)
    {
        int lo = int.MaxValue, hi = int.MinValue;
        foreach (int r in ranks)
        {
            lo = Math.Min(lo, r);
            hi = Math.Max(hi, r);
        }

        int width = hi - lo + 1;
        if (width > counts.Length || width > 4 * ranks.Length)
        {
            ranks.Sort();
            return;
        }

        var c = counts.AsSpan(0, width);
        c.Clear();
        foreach (int r in ranks)
        {
            c[r - lo]++;
        }

        int k = 0;
        for (int v = 0; v < width; v++)
        {
            ranks.Slice(k, c[v]).Fill(lo + v);
            k += c[v];
        }
    }

    /// <summary><see cref="Statistics.Quantile"/>'s type-7 interpolation over sorted integer ranks.</summary>
    private static double Quantile(ReadOnlySpan<int> sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (double)(sorted[hi] - sorted[lo]));
    }

    private static ParallelOptions Parallelism(UncertaintyOptions o)
        => new() { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism > 0 ? o.MaxDegreeOfParallelism : -1 };

    private static int Seed(int seed, int replication) => unchecked((seed * 1_000_003) + replication);

    /// <summary>One worker's buffers: the replication's point of the input space and the ranking's sort buffers.</summary>
    private sealed class McScratch(int dimension, int units)
    {
        public double[] U { get; } = new double[dimension];

        public RankScratch Ranking { get; } = new(units);
    }

    /// <summary>Maps a point of the unit hypercube to one configuration and evaluates it.</summary>
    private sealed class InputSpace
    {
        private readonly PreparedEvaluation _p;
        private readonly UncertaintyOptions _o;
        private readonly List<FrameworkNode> _groups = [];
        private readonly Dictionary<NormalizationMethod, Dictionary<FrameworkNode, double[]>> _baseWeights = [];
        private readonly double[] _topBase;
        private readonly NormalizationMethod[] _norms;
        private readonly AggregationMethod[] _aggs;
        private readonly bool _dimensionOnly;

        public InputSpace(PreparedEvaluation p, UncertaintyOptions o, bool dimensionWeightsOnly = false)
        {
            _p = p;
            _o = o;
            _dimensionOnly = dimensionWeightsOnly;
            _norms = o.Normalizations.Count > 0 ? [.. o.Normalizations] : [p.Options.Normalization];
            _aggs = o.Aggregations.Count > 0 ? [.. o.Aggregations] : [p.Framework.Aggregation];
            if (_aggs.Any(a => a is AggregationMethod.Geometric or AggregationMethod.Harmonic) && !(p.Options.ScaleLow > 0)
                && _norms.Any(n => n is NormalizationMethod.MinMax or NormalizationMethod.PercentileRank or NormalizationMethod.DistanceToMaximum))
            {
                throw EvaluationException.Of(
                    "几何/调和平均要求标准化下限 ScaleLow > 0",
                    "geometric or harmonic aggregation needs ScaleLow > 0");
            }

            foreach (var nm in _norms)
            {
                _baseWeights[nm] = p.BaseWeights(p.Normalised(nm, p.Options.ScaleLow, p.Options.ScaleHigh));
            }

            _groups.AddRange(_baseWeights[_norms[0]].Keys);
            _topBase = Weights.Expert([.. p.Framework.Dimensions.Select(d => d.Weight)]);
            var names = new List<string>();
            names.AddRange(p.Framework.Dimensions.Select(d => "weight:" + d.Code));
            if (!dimensionWeightsOnly)
            {
                foreach (var g in _groups)
                {
                    names.AddRange(g.Children.Select(c => "weight:" + c.Code));
                }
            }

            names.Add("normalisation");
            names.Add("aggregation");
            Names = names;
        }

        public List<string> Names { get; }

        public int Dimension => Names.Count;

        public double[] Evaluate(double[] u)
        {
            int k = 0;
            double Factor(double x) => 1 + (_o.WeightPerturbation * ((2 * x) - 1));
            var top = new double[_topBase.Length];
            for (int d = 0; d < top.Length; d++)
            {
                top[d] = _topBase[d] * Factor(u[k++]);
            }

            var nm = _norms[Math.Min((int)(u[^2] * _norms.Length), _norms.Length - 1)];
            var agg = _aggs[Math.Min((int)(u[^1] * _aggs.Length), _aggs.Length - 1)];
            var baseWeights = _baseWeights[nm];
            var weights = baseWeights;
            if (!_dimensionOnly)
            {
                weights = new Dictionary<FrameworkNode, double[]>(ReferenceEqualityComparer.Instance);
                foreach (var g in _groups)
                {
                    var w = (double[])baseWeights[g].Clone();
                    for (int c = 0; c < w.Length; c++)
                    {
                        w[c] *= Factor(u[k++]);
                    }

                    weights[g] = w;
                }
            }

            var norm = _p.Normalised(nm, _p.Options.ScaleLow, _p.Options.ScaleHigh);
            return _p.Aggregate(norm, weights, top, agg, keepNodes: false).Index;
        }
    }

    /// <summary>"3 (2–5)": nominal rank and 5th–95th percentile interval, for display.</summary>
    public static string Format(RankInterval r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return string.Create(CultureInfo.InvariantCulture, $"{r.NominalRank} ({r.P5:0.#}–{r.P95:0.#})");
    }
}
