using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

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
        var space = new InputSpace(p, uncertainty);
        var units = p.Matrix.Units;
        var nominalRanks = Ranking.Rank(space.NominalIndex(), higherIsBetter: true);
        int m = units.Count, reps = uncertainty.Replications;

        // One block for every replication's ranks (replication r owns ranks[r·m .. r·m + m)), filled in place: a
        // replication allocates nothing but its generator.
        var ranks = GC.AllocateUninitializedArray<int>(checked(reps * m));
        Parallel.For(
            0,
            reps,
            Parallelism(uncertainty),
            () => new McScratch(space, m),
            (r, _, scratch) =>
            {
                var u = scratch.U;
                var rng = new Random(Seed(uncertainty.Seed, r));
                for (int k = 0; k < u.Length; k++)
                {
                    u[k] = rng.NextDouble();
                }

                ReadOnlySpan<double> index = space.TryEvaluateFused(u, scratch.Fused) ? scratch.Fused.Index : space.Evaluate(u);
                Ranking.RankInto(index, higherIsBetter: true, scratch.Ranking, ranks.AsSpan(r * m, m));
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
                    var row = ranks.AsSpan((r * m) + first, count);
                    for (int u = 0; u < count; u++)
                    {
                        buffer[(u * reps) + r] = row[u];
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
                        units[i],
                        nominalRanks[i],
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

    /// <summary>One worker's buffers: the replication's point of the input space, the fused evaluation's and the ranking's buffers.</summary>
    private sealed class McScratch(InputSpace space, int units)
    {
        public double[] U { get; } = new double[space.Dimension];

        public FusedScratch Fused { get; } = space.NewFusedScratch(units);

        public RankScratch Ranking { get; } = new(units);
    }

    /// <summary>Maps a point of the unit hypercube to one configuration and evaluates it.</summary>
    internal sealed class InputSpace
    {
        private readonly PreparedEvaluation _p;
        private readonly UncertaintyOptions _o;
        private readonly List<FrameworkNode> _groups = [];
        private readonly Dictionary<NormalizationMethod, Dictionary<FrameworkNode, double[]>> _baseWeights = [];
        private readonly double[] _topBase;
        private readonly NormalizationMethod[] _norms;
        private readonly AggregationMethod[] _aggs;
        private readonly bool _dimensionOnly;

        // The fused path (see TryEvaluateFused): per normalisation, its column-major matrix and each group's base weights;
        // each group's leaves as offsets of their columns. Null when the framework is not two levels of arithmetic groups.
        private readonly double[][]? _fusedColumns;
        private readonly double[][][]? _fusedBase;
        private readonly int[][]? _fusedLeaves;
        private readonly int _leafCount;

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

            // Each normalisation and its weights (a percentile rank sorts every column) on its own core.
            var distinct = _norms.Distinct().ToArray();
            var perMethod = new Dictionary<FrameworkNode, double[]>[distinct.Length];
            Parallel.For(0, distinct.Length, Parallelism(o), n =>
                perMethod[n] = p.BaseWeights(p.Normalised(distinct[n], p.Options.ScaleLow, p.Options.ScaleHigh)));
            for (int n = 0; n < distinct.Length; n++)
            {
                _baseWeights[distinct[n]] = perMethod[n];
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

            var dims = p.Framework.Dimensions;
            bool fusable = !dimensionWeightsOnly && _groups.Count == dims.Count;
            for (int d = 0; fusable && d < dims.Count; d++)
            {
                var g = dims[d];
                fusable = ReferenceEquals(_groups[d], g) && !g.IsLeaf && g.Aggregation == AggregationMethod.Arithmetic
                    && g.Children.All(c => c.IsLeaf);
            }

            if (fusable)
            {
                int m = p.Matrix.Units.Count;
                _fusedLeaves = new int[dims.Count][];
                for (int d = 0; d < dims.Count; d++)
                {
                    var children = dims[d].Children;
                    _fusedLeaves[d] = new int[children.Count];
                    for (int c = 0; c < children.Count; c++)
                    {
                        _fusedLeaves[d][c] = p.LeafIndex[children[c]] * m;
                    }

                    _leafCount += children.Count;
                }

                _fusedColumns = new double[_norms.Length][];
                _fusedBase = new double[_norms.Length][][];
                for (int n = 0; n < _norms.Length; n++)
                {
                    _fusedColumns[n] = p.ColumnMajorOf(p.Normalised(_norms[n], p.Options.ScaleLow, p.Options.ScaleHigh));
                    _fusedBase[n] = [.. dims.Select(d => _baseWeights[_norms[n]][d])];
                }
            }
        }

        public List<string> Names { get; }

        public int Dimension => Names.Count;

        /// <summary>
        /// The nominal configuration's index (the pipeline's own normalisation, weights and top aggregation), as
        /// <see cref="PreparedEvaluation.Evaluate"/> computes it, without building the full result.
        /// </summary>
        public double[] NominalIndex()
        {
            var nm = _p.Options.Normalization;
            var norm = _p.Normalised(nm, _p.Options.ScaleLow, _p.Options.ScaleHigh);
            var weights = _baseWeights.TryGetValue(nm, out var cached) ? cached : _p.BaseWeights(norm);
            return _p.Aggregate(norm, weights, _topBase, _p.Framework.Aggregation, keepNodes: false).Index;
        }

        /// <summary>Buffers for <see cref="TryEvaluateFused"/>, one per worker.</summary>
        public FusedScratch NewFusedScratch(int units)
            => _fusedLeaves is null ? new FusedScratch(0, 0, 0) : new FusedScratch(_fusedLeaves.Length, _leafCount, units);

        /// <summary>
        /// <see cref="Evaluate"/> without allocating, for a framework of dimensions that are arithmetic groups of leaves
        /// and an arithmetic or geometric top: the index goes to <see cref="FusedScratch.Index"/>. An arithmetic top is
        /// one pass over the leaf columns (each group's weighted sum and the dimensions' weighted sum per block of units);
        /// a geometric top keeps the group scores and takes exp Σ w ln s as the general path does. Every score gets the
        /// same operations in the same order as <see cref="Evaluate"/> ((x·a) + s from s = 0, weights divided by their
        /// running sum), so the two agree to the last bit. False (nothing computed) where the general path must decide:
        /// another structure or aggregation, or a geometric mean over a non-positive score or weight.
        /// </summary>
        public bool TryEvaluateFused(double[] u, FusedScratch scratch)
        {
            if (_fusedLeaves is null || _fusedColumns is null || _fusedBase is null)
            {
                return false;
            }

            var agg = _aggs[Math.Min((int)(u[^1] * _aggs.Length), _aggs.Length - 1)];
            if (agg is not (AggregationMethod.Arithmetic or AggregationMethod.Geometric))
            {
                return false;
            }

            double p = _o.WeightPerturbation;
            int k = 0, groups = _fusedLeaves.Length;
            var top = scratch.Top;
            double topTotal = 0;
            bool topUsable = true;
            for (int d = 0; d < groups; d++)
            {
                top[d] = _topBase[d] * (1 + (p * ((2 * u[k++]) - 1)));
                topTotal += top[d];
                topUsable &= top[d] >= 0 && double.IsFinite(top[d]);
            }

            if (agg == AggregationMethod.Geometric && !(topUsable && topTotal > 0))
            {
                return false;
            }

            for (int d = 0; d < groups; d++)
            {
                top[d] /= topTotal;
            }

            int norm = Math.Min((int)(u[^2] * _norms.Length), _norms.Length - 1);
            var bases = _fusedBase[norm];
            var coef = scratch.Coefficients;
            int q = 0;
            for (int g = 0; g < groups; g++)
            {
                var b = bases[g];
                int first = q;
                double total = 0;
                for (int c = 0; c < b.Length; c++)
                {
                    double w = b[c] * (1 + (p * ((2 * u[k++]) - 1)));
                    coef[q++] = w;
                    total += w;
                }

                for (int j = first; j < q; j++)
                {
                    coef[j] /= total;
                }
            }

            if (agg == AggregationMethod.Arithmetic)
            {
                WeightedSums(_fusedColumns[norm], _fusedLeaves, coef, top, scratch.Index, null);
                return true;
            }

            var scores = scratch.Groups;
            WeightedSums(_fusedColumns[norm], _fusedLeaves, coef, top, scratch.Index, scores);
            for (int g = 0; g < groups; g++)
            {
                if (!(TensorPrimitives.Min<double>(scores[g]) > 0))
                {
                    return false;
                }
            }

            var s = scratch.Index.AsSpan();
            s.Clear();
            for (int g = 0; g < groups; g++)
            {
                TensorPrimitives.Log<double>(scores[g], scratch.Log);
                TensorPrimitives.MultiplyAdd(scratch.Log, top[g], s, s);
            }

            TensorPrimitives.Exp<double>(s, s);
            return true;
        }

        /// <summary>
        /// Each group's weighted sum of its leaf columns (into <paramref name="groupScores"/> when given), else the
        /// dimensions' weighted sum of those (into <paramref name="index"/>), one block of units at a time.
        /// </summary>
        private static void WeightedSums(
            double[] columns, int[][] leaves, double[] coef, double[] top, double[] index, double[][]? groupScores)
        {
            int m = index.Length, width = Vector<double>.Count, i = 0;
            ref double cols = ref MemoryMarshal.GetArrayDataReference(columns);
            for (; i <= m - width; i += width)
            {
                var acc = Vector<double>.Zero;
                int q = 0;
                for (int g = 0; g < leaves.Length; g++)
                {
                    var group = leaves[g];
                    var sum = Vector<double>.Zero;
                    for (int c = 0; c < group.Length; c++)
                    {
                        sum = (Vector.LoadUnsafe(ref cols, (nuint)(group[c] + i)) * new Vector<double>(coef[q++])) + sum;
                    }

                    if (groupScores is null)
                    {
                        acc = (sum * new Vector<double>(top[g])) + acc;
                    }
                    else
                    {
                        sum.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(groupScores[g]), (nuint)i);
                    }
                }

                if (groupScores is null)
                {
                    acc.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(index), (nuint)i);
                }
            }

            for (; i < m; i++)
            {
                double acc = 0;
                int q = 0;
                for (int g = 0; g < leaves.Length; g++)
                {
                    var group = leaves[g];
                    double sum = 0;
                    for (int c = 0; c < group.Length; c++)
                    {
                        sum = (columns[group[c] + i] * coef[q++]) + sum;
                    }

                    if (groupScores is null)
                    {
                        acc = (sum * top[g]) + acc;
                    }
                    else
                    {
                        groupScores[g][i] = sum;
                    }
                }

                if (groupScores is null)
                {
                    index[i] = acc;
                }
            }
        }

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

    /// <summary>Buffers of <see cref="InputSpace.TryEvaluateFused"/>: weights, the index, and for a geometric top the group scores and their logarithms.</summary>
    internal sealed class FusedScratch
    {
        public FusedScratch(int groups, int leaves, int units)
        {
            Top = new double[groups];
            Coefficients = new double[leaves];
            Index = new double[groups == 0 ? 0 : units];
            Log = new double[Index.Length];
            Groups = new double[groups][];
            for (int g = 0; g < groups; g++)
            {
                Groups[g] = new double[units];
            }
        }

        public double[] Top { get; }

        public double[] Coefficients { get; }

        public double[] Index { get; }

        public double[] Log { get; }

        public double[][] Groups { get; }
    }

    /// <summary>"3 (2–5)": nominal rank and 5th–95th percentile interval, for display.</summary>
    public static string Format(RankInterval r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return string.Create(CultureInfo.InvariantCulture, $"{r.NominalRank} ({r.P5:0.#}–{r.P95:0.#})");
    }
}
