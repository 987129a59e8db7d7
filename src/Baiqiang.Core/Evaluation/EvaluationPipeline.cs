using System.Globalization;
using System.Numerics.Tensors;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Evaluation;

/// <summary>Normalisation used by the pipeline (see <see cref="Normalization"/> for the formulas).</summary>
public enum NormalizationMethod
{
    /// <summary>Min-max with direction, scaled to [<see cref="EvaluationOptions.ScaleLow"/>, <see cref="EvaluationOptions.ScaleHigh"/>].</summary>
    MinMax = 0,
    /// <summary>z-score (mean 0, population σ 1), cost columns negated; not rescaled (so not for geometric means).</summary>
    ZScore = 1,
    /// <summary>Rank 1..m (best = m).</summary>
    Rank = 2,
    /// <summary>Percentile rank, scaled to [low, high].</summary>
    PercentileRank = 3,
    /// <summary>Distance to maximum, scaled to [low, high] (same ranks as min-max).</summary>
    DistanceToMaximum = 4,
    /// <summary>Vector normalisation x/‖x‖ (cost 1 − x/‖x‖).</summary>
    Vector = 5,
    /// <summary>Sum normalisation x/Σx (cost (1/x)/Σ(1/x)).</summary>
    Sum = 6,
}

/// <summary>Where indicator weights within a group come from.</summary>
public enum WeightSource
{
    /// <summary>The framework's expert weights.</summary>
    Framework = 0,
    Equal = 1,
    /// <summary>Entropy on the normalised values (pymcdm formula).</summary>
    Entropy = 2,
    /// <summary>Entropy with the min-max + 0.0001 shift used in Chinese papers.</summary>
    EntropyMinMax = 3,
    Critic = 4,
    StandardDeviation = 5,
    Pca = 6,
}

/// <summary>Options for <see cref="EvaluationPipeline.Run"/>.</summary>
public sealed record EvaluationOptions
{
    public DataCheckOptions Checks { get; init; } = new();

    /// <summary>Drop units whose data availability is below <see cref="DataCheckOptions.MinUnitAvailability"/> before imputing.</summary>
    public bool DropSparseUnits { get; init; } = true;

    public ImputationMethod Imputation { get; init; } = ImputationMethod.Median;

    /// <summary>Winsorise / log-transform skewed indicators (<see cref="Treatment"/>).</summary>
    public bool Treat { get; init; } = true;

    public TreatmentOptions Treatment { get; init; } = new();

    public NormalizationMethod Normalization { get; init; } = NormalizationMethod.MinMax;

    /// <summary>
    /// Lower end of the scaled range (default 1, so geometric and harmonic means are always defined on min-max,
    /// percentile and distance-to-maximum scores).
    /// </summary>
    public double ScaleLow { get; init; } = 1;

    public double ScaleHigh { get; init; } = 100;

    public WeightSource IndicatorWeights { get; init; } = WeightSource.Framework;

    /// <summary>Number of tiers (梯队) for <see cref="Tiers"/>.</summary>
    public int TierCount { get; init; } = 5;

    /// <summary>How many strengths and weaknesses to list per unit.</summary>
    public int StrengthCount { get; init; } = 3;
}

/// <summary>The data an evaluation runs on: units × indicator columns (NaN = missing) and optional denominators.</summary>
public sealed record EvaluationData(IReadOnlyList<string> Units, IReadOnlyList<string> Indicators, double[,] Values)
{
    /// <summary>Resident population (万人) per unit, for <see cref="Denominator.PerCapita"/>; NaN = unknown.</summary>
    public IReadOnlyList<double>? Population { get; init; }

    /// <summary>Land area (km²) per unit, for <see cref="Denominator.PerArea"/>.</summary>
    public IReadOnlyList<double>? Area { get; init; }

    /// <summary>GDP (亿元) per unit, for <see cref="Denominator.PerGdp"/>; defaults to the <c>gdp</c> column when present.</summary>
    public IReadOnlyList<double>? Gdp { get; init; }

    /// <summary>Peer-group label per unit, for group imputation.</summary>
    public IReadOnlyList<string>? Groups { get; init; }
}

/// <summary>
/// The one entry point: framework + data + options → scores, ranks, tiers, per-dimension scores, indicator
/// contributions, strengths/weaknesses, and (via <see cref="Uncertainty"/>) rank intervals.
/// Steps: denominate → check → drop sparse units → impute (recorded) → treat outliers → normalise → weight →
/// aggregate level by level (each group with its own method) → rank, tier, decompose.
/// </summary>
public static class EvaluationPipeline
{
    public static EvaluationResult Run(EvaluationFramework framework, EvaluationData data, EvaluationOptions? options = null)
    {
        var prepared = Prepare(framework, data, options ?? new EvaluationOptions());
        return prepared.Evaluate();
    }

    /// <summary>Everything up to (but not including) normalisation; reused by Monte Carlo replications.</summary>
    internal static PreparedEvaluation Prepare(EvaluationFramework framework, EvaluationData data, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(data);
        framework.Validate();
        int m0 = data.Values.GetLength(0);
        if (data.Units.Count != m0 || data.Indicators.Count != data.Values.GetLength(1))
        {
            throw EvaluationException.Of("数据的单元数或指标数与矩阵尺寸不一致", "unit or indicator names do not match the data matrix");
        }

        var leaves = framework.Indicators();
        var raw = Denominate(leaves, data);
        var leafCodes = leaves.Select(l => l.Code).ToArray();
        var checks = DataChecks.Run(leafCodes, raw, options.Checks);

        var keep = Enumerable.Range(0, m0).ToList();
        var dropped = new List<string>();
        if (options.DropSparseUnits && checks.UnitsBelowThreshold.Count > 0)
        {
            var below = checks.UnitsBelowThreshold.ToHashSet();
            dropped.AddRange(below.Order().Select(i => data.Units[i]));
            keep.RemoveAll(below.Contains);
        }

        if (keep.Count < 2)
        {
            throw EvaluationException.Of(
                $"数据完整度达标的单元不足2个（剔除{dropped.Count.ToString(CultureInfo.InvariantCulture)}个）",
                $"fewer than 2 units have enough data ({dropped.Count.ToString(CultureInfo.InvariantCulture)} dropped)");
        }

        int m = keep.Count, n = leaves.Count;
        var x = new double[m, n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                x[i, j] = raw[keep[i], j];
            }
        }

        var units = keep.Select(i => data.Units[i]).ToArray();
        var groups = data.Groups is null ? null : keep.Select(i => data.Groups[i]).ToArray();
        var (imputed, log) = Imputation.Impute(x, options.Imputation, groups, leafCodes);
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                if (double.IsNaN(imputed[i, j]))
                {
                    throw EvaluationException.Of(
                        $"“{units[i]}”的指标“{leafCodes[j]}”缺失，且未指定插补方法",
                        $"unit '{units[i]}' has no value for '{leafCodes[j]}' and no imputation was requested");
                }
            }
        }

        IReadOnlyList<ColumnTreatment> treatments = [];
        var treated = imputed;
        if (options.Treat)
        {
            (treated, treatments) = Treatment.Treat(imputed, options.Treatment);
        }

        var matrix = new DecisionMatrix(units, leafCodes, treated, [.. leaves.Select(l => l.Direction)]);
        return new PreparedEvaluation(framework, options, matrix, leaves, checks, dropped, log, treatments);
    }

    private static double[,] Denominate(IReadOnlyList<FrameworkNode> leaves, EvaluationData data)
    {
        int m = data.Units.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < data.Indicators.Count; j++)
        {
            index.TryAdd(data.Indicators[j], j);
        }

        IReadOnlyList<double>? gdp = data.Gdp;
        if (gdp is null && index.TryGetValue("gdp", out int g))
        {
            gdp = Enumerable.Range(0, m).Select(i => data.Values[i, g]).ToArray();
        }

        var x = new double[m, leaves.Count];
        for (int j = 0; j < leaves.Count; j++)
        {
            var leaf = leaves[j];
            if (!index.TryGetValue(leaf.Indicator!, out int c))
            {
                throw EvaluationException.Of(
                    $"数据中没有指标“{leaf.Indicator}”（体系节点“{leaf.Code}”）",
                    $"the data has no indicator '{leaf.Indicator}' (framework node '{leaf.Code}')");
            }

            IReadOnlyList<double>? denominator = leaf.Denominator switch
            {
                Denominator.PerCapita => data.Population ?? throw Missing("常住人口", "population", leaf.Code),
                Denominator.PerArea => data.Area ?? throw Missing("面积", "area", leaf.Code),
                Denominator.PerGdp => gdp ?? throw Missing("地区生产总值", "GDP", leaf.Code),
                _ => null,
            };
            for (int i = 0; i < m; i++)
            {
                double v = data.Values[i, c];
                if (denominator is not null)
                {
                    double d = denominator[i];
                    v = d > 0 && double.IsFinite(d) ? v / d : double.NaN;
                }

                x[i, j] = double.IsFinite(v) ? v : double.NaN;
            }
        }

        return x;
    }

    private static EvaluationException Missing(string zh, string en, string code)
        => EvaluationException.Of($"指标“{code}”需要按{zh}折算，但未提供{zh}数据", $"indicator '{code}' is divided by {en}, but no {en} was given");
}

/// <summary>The prepared (checked, imputed, treated) matrix plus the compiled tree; evaluates one configuration.</summary>
internal sealed class PreparedEvaluation
{
    private readonly Dictionary<(NormalizationMethod, double, double), double[,]> _normalised = [];
    private readonly Dictionary<double[,], double[]> _columnMajor = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<double[], double[]?[]> _leafLogs = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _lock = new();

    public PreparedEvaluation(
        EvaluationFramework framework,
        EvaluationOptions options,
        DecisionMatrix matrix,
        IReadOnlyList<FrameworkNode> leaves,
        DataCheckReport checks,
        IReadOnlyList<string> dropped,
        IReadOnlyList<ImputedCell> imputed,
        IReadOnlyList<ColumnTreatment> treatments)
    {
        Framework = framework;
        Options = options;
        Matrix = matrix;
        Leaves = leaves;
        Checks = checks;
        Dropped = dropped;
        Imputed = imputed;
        Treatments = treatments;
        LeafIndex = new Dictionary<FrameworkNode, int>(ReferenceEqualityComparer.Instance);
        for (int j = 0; j < leaves.Count; j++)
        {
            LeafIndex[leaves[j]] = j;
        }
    }

    public EvaluationFramework Framework { get; }

    public EvaluationOptions Options { get; }

    public DecisionMatrix Matrix { get; }

    public IReadOnlyList<FrameworkNode> Leaves { get; }

    public Dictionary<FrameworkNode, int> LeafIndex { get; }

    public DataCheckReport Checks { get; }

    public IReadOnlyList<string> Dropped { get; }

    public IReadOnlyList<ImputedCell> Imputed { get; }

    public IReadOnlyList<ColumnTreatment> Treatments { get; }

    /// <summary>Normalised matrix (higher = better), cached per method and scale; callers must not mutate it.</summary>
    public double[,] Normalised(NormalizationMethod method, double low, double high)
    {
        lock (_lock)
        {
            if (_normalised.TryGetValue((method, low, high), out var cached))
            {
                return cached;
            }
        }

        var z = method switch
        {
            NormalizationMethod.MinMax => Normalization.MinMax(Matrix),
            NormalizationMethod.ZScore => Normalization.ZScore(Matrix),
            NormalizationMethod.Rank => Normalization.Rank(Matrix),
            NormalizationMethod.PercentileRank => Normalization.PercentileRank(Matrix),
            NormalizationMethod.DistanceToMaximum => Normalization.DistanceToMaximum(Matrix),
            NormalizationMethod.Vector => Normalization.Vector(Matrix),
            NormalizationMethod.Sum => Normalization.Sum(Matrix),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
        if (method is NormalizationMethod.MinMax or NormalizationMethod.PercentileRank or NormalizationMethod.DistanceToMaximum)
        {
            var span = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref z[0, 0], z.Length);
            double range = high - low;
            for (int k = 0; k < span.Length; k++)
            {
                span[k] = low + (range * span[k]);
            }
        }

        var columns = ColumnMajor(z);
        lock (_lock)
        {
            _normalised[(method, low, high)] = z;
            _columnMajor[z] = columns;
        }

        return z;
    }

    /// <summary>The column-major copy of a matrix from <see cref="Normalised"/> (cached with it; callers must not mutate it).</summary>
    public double[] ColumnMajorOf(double[,] normalised)
    {
        lock (_lock)
        {
            if (_columnMajor.TryGetValue(normalised, out var cached))
            {
                return cached;
            }
        }

        return ColumnMajor(normalised);
    }

    /// <summary>Group weights, indicator weights from <see cref="EvaluationOptions.IndicatorWeights"/> where a group's children are all leaves.</summary>
    public Dictionary<FrameworkNode, double[]> BaseWeights(double[,] normalised)
    {
        var result = new Dictionary<FrameworkNode, double[]>(ReferenceEqualityComparer.Instance);
        void Walk(FrameworkNode node)
        {
            if (node.IsLeaf)
            {
                return;
            }

            result[node] = ChildWeights(node, normalised);
            foreach (var c in node.Children)
            {
                Walk(c);
            }
        }

        foreach (var d in Framework.Dimensions)
        {
            Walk(d);
        }

        return result;
    }

    private double[] ChildWeights(FrameworkNode node, double[,] normalised)
    {
        var framework = Weights.Expert([.. node.Children.Select(c => c.Weight)]);
        if (Options.IndicatorWeights == WeightSource.Framework || !node.Children.All(c => c.IsLeaf))
        {
            return framework;
        }

        int m = normalised.GetLength(0), k = node.Children.Count;
        var sub = new double[m, k];
        for (int c = 0; c < k; c++)
        {
            int j = LeafIndex[node.Children[c]];
            for (int i = 0; i < m; i++)
            {
                sub[i, c] = normalised[i, j];
            }
        }

        if (k == 1)
        {
            return [1.0];
        }

        var dm = new DecisionMatrix(Matrix.Units, [.. node.Children.Select(c => c.Code)], sub, Enumerable.Repeat(Direction.HigherIsBetter, k).ToArray());
        return Options.IndicatorWeights switch
        {
            WeightSource.Equal => Weights.Equal(k),
            WeightSource.Entropy => Weights.EntropyPymcdm(dm),
            WeightSource.EntropyMinMax => Weights.EntropyMinMaxShift(dm),
            WeightSource.Critic => Weights.Critic(dm),
            WeightSource.StandardDeviation => Weights.StandardDeviation(dm),
            WeightSource.Pca => Weights.Pca(dm),
            _ => framework,
        };
    }

    /// <summary>
    /// Scores of every group node and the index for one configuration. <paramref name="weights"/> maps each group
    /// node to its children's weights; <paramref name="topWeights"/> are the dimension weights.
    /// </summary>
    public (double[] Index, Dictionary<FrameworkNode, double[]> Nodes) Aggregate(
        double[,] normalised, Dictionary<FrameworkNode, double[]> weights, double[] topWeights, AggregationMethod top, bool keepNodes)
    {
        // Leaves are read as contiguous slices of the normalised matrix's column-major copy (cached with it), so a
        // Monte Carlo replication copies no leaf column.
        double[]? columns;
        lock (_lock)
        {
            _columnMajor.TryGetValue(normalised, out columns);
        }

        // Leaf logarithms are cached only beside a cached column-major copy (one that lives as long as this object).
        bool cachedColumns = columns is not null;
        columns ??= ColumnMajor(normalised);
        int m = normalised.GetLength(0);
        ReadOnlyMemory<double> Leaf(FrameworkNode leaf) => new(columns, LeafIndex[leaf] * m, m);
        var nodes = new Dictionary<FrameworkNode, double[]>(ReferenceEqualityComparer.Instance);
        double[] Score(FrameworkNode node)
        {
            var children = node.Children;
            var cols = new ReadOnlyMemory<double>[children.Count];
            double[]?[]? logs = null;
            for (int c = 0; c < children.Count; c++)
            {
                if (children[c].IsLeaf)
                {
                    cols[c] = Leaf(children[c]);
                    if (cachedColumns && node.Aggregation == AggregationMethod.Geometric)
                    {
                        logs ??= new double[]?[children.Count];
                        logs[c] = LeafLog(columns, LeafIndex[children[c]], m);
                    }
                }
                else
                {
                    cols[c] = Score(children[c]);
                }
            }

            var s = Combine(cols, weights[node], node.Aggregation, node.Power, children, logs);
            if (keepNodes)
            {
                nodes[node] = s;
            }

            return s;
        }

        var dims = Framework.Dimensions;
        var dimCols = new ReadOnlyMemory<double>[dims.Count];
        for (int d = 0; d < dims.Count; d++)
        {
            dimCols[d] = dims[d].IsLeaf ? Leaf(dims[d]) : Score(dims[d]);
        }

        var index = Combine(dimCols, topWeights, top, 1, dims);
        return (index, nodes);
    }

    /// <summary>
    /// ln of one leaf column of a cached column-major matrix, computed once (a Monte Carlo replication that draws the
    /// geometric mean reads it instead of taking 2,978 logarithms per leaf again); null when the column has a value ≤ 0,
    /// so the geometric mean's own checks decide. The same <c>TensorPrimitives.Log</c>
    /// call as the uncached path, so results are bit-identical.
    /// </summary>
    private double[]? LeafLog(double[] columns, int leaf, int m)
    {
        double[]?[]? logs;
        lock (_lock)
        {
            if (!_leafLogs.TryGetValue(columns, out logs))
            {
                logs = new double[]?[columns.Length / Math.Max(m, 1)];
                _leafLogs[columns] = logs;
            }

            if (logs[leaf] is { } done)
            {
                return done.Length == 0 ? null : done;
            }
        }

        var column = columns.AsSpan(leaf * m, m);
        double[] log = [];
        if (TensorPrimitives.Min<double>(column) > 0)
        {
            log = new double[m];
            TensorPrimitives.Log(column, log);
        }

        lock (_lock)
        {
            logs[leaf] = log;
        }

        return log.Length == 0 ? null : log;
    }

    private static double[] ColumnMajor(double[,] x)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        var columns = new double[m * n];
        var flat = Normalization.Flat(x);
        for (int i = 0; i < m; i++)
        {
            int row = i * n;
            for (int j = 0; j < n; j++)
            {
                columns[(j * m) + i] = flat[row + j];
            }
        }

        return columns;
    }

    private double[] Combine(
        ReadOnlyMemory<double>[] cols, double[] w, AggregationMethod method, double power, IReadOnlyList<FrameworkNode> children, double[]?[]? leafLogs = null)
    {
        int m = cols[0].Length, k = cols.Length;
        if (method == AggregationMethod.Arithmetic)
        {
            double total = w.Sum();
            var r = new double[m];
            for (int c = 0; c < k; c++)
            {
                TensorPrimitives.MultiplyAdd(cols[c].Span, w[c] / total, r, r);
            }

            return r;
        }

        if (method == AggregationMethod.Geometric && w.All(x => x >= 0 && double.IsFinite(x)) && w.Sum() > 0 && AllPositive(cols, leafLogs))
        {
            // Π x_c^(w_c/Σw) as exp Σ (w_c/Σw) ln x_c, column by column (Aggregation.Geometric's formula).
            double total = w.Sum();
            var s = new double[m];
            double[]? log = null;
            for (int c = 0; c < k; c++)
            {
                ReadOnlySpan<double> lnx;
                if (leafLogs?[c] is { } cached)
                {
                    lnx = cached;
                }
                else
                {
                    log ??= new double[m];
                    TensorPrimitives.Log(cols[c].Span, log);
                    lnx = log;
                }

                TensorPrimitives.MultiplyAdd(lnx, w[c] / total, s, s);
            }

            TensorPrimitives.Exp<double>(s, s);
            return s;
        }

        string[] names = [.. children.Select(c => c.Code)];
        var x = new double[m, k];
        for (int c = 0; c < k; c++)
        {
            var col = cols[c].Span;
            for (int i = 0; i < m; i++)
            {
                x[i, c] = col[i];
            }
        }

        switch (method)
        {
            case AggregationMethod.Geometric:
                return Aggregation.Geometric(x, w, Matrix.Units, names);
            case AggregationMethod.Harmonic:
                return Aggregation.Harmonic(x, w, Matrix.Units, names);
            case AggregationMethod.Generalized:
                return Aggregation.GeneralizedMean(x, w, power, Matrix.Units, names);
        }

        var dm = new DecisionMatrix(Matrix.Units, names, x, Enumerable.Repeat(Direction.HigherIsBetter, k).ToArray());
        switch (method)
        {
            case AggregationMethod.Topsis:
                return [.. Aggregation.Topsis(dm, w, TopsisNormalization.MinMax).Select(v => 100 * v)];
            case AggregationMethod.Vikor:
                return [.. Aggregation.Vikor(dm, w).Q.Select(q => 100 * (1 - q))];
            default:
                var cop = Aggregation.Copeland(dm, w);
                double span = 2.0 * (m - 1);
                return [.. cop.Select(s => 100 * (s + (m - 1)) / span)];
        }
    }

    private static bool AllPositive(ReadOnlyMemory<double>[] cols, double[]?[]? leafLogs)
    {
        for (int c = 0; c < cols.Length; c++)
        {
            // A cached leaf log exists only for a column whose minimum is > 0.
            if (leafLogs?[c] is null && !(TensorPrimitives.Min(cols[c].Span) > 0))
            {
                return false;
            }
        }

        return true;
    }

    public EvaluationResult Evaluate()
    {
        var norm = Normalised(Options.Normalization, Options.ScaleLow, Options.ScaleHigh);
        var weights = BaseWeights(norm);
        var top = Weights.Expert([.. Framework.Dimensions.Select(d => d.Weight)]);
        var (index, nodes) = Aggregate(norm, weights, top, Framework.Aggregation, keepNodes: true);
        return EvaluationResult.Build(this, norm, weights, top, index, nodes);
    }
}
