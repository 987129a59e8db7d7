using System.Globalization;
using System.Numerics.Tensors;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Evaluation;

/// <summary>
/// The outcome of an AHP pairwise comparison: weights (principal eigenvector, summing to 1), λmax,
/// CI = (λmax − n)/(n − 1), Saaty's random index RI and CR = CI/RI (0 when n ≤ 2, where RI = 0).
/// </summary>
public sealed class AhpResult
{
    internal AhpResult(double[] weights, double lambdaMax, double ci, double ri, double cr)
    {
        WeightValues = weights;
        LambdaMax = lambdaMax;
        ConsistencyIndex = ci;
        RandomIndex = ri;
        ConsistencyRatio = cr;
    }

    /// <summary>The criterion weights, summing to 1.</summary>
    public IReadOnlyList<double> WeightValues { get; }

    /// <summary>The principal eigenvalue λmax (≥ n for a positive reciprocal matrix).</summary>
    public double LambdaMax { get; }

    public double ConsistencyIndex { get; }

    public double RandomIndex { get; }

    public double ConsistencyRatio { get; }

    /// <summary>CR ≤ 0.1, Saaty's acceptance threshold.</summary>
    public bool IsConsistent => ConsistencyRatio <= Weights.AhpConsistencyThreshold;

    /// <summary>A copy of the weights as an array.</summary>
    public double[] ToArray() => [.. WeightValues];
}

/// <summary>
/// Criterion weighting methods. Every method returns a new array with one weight per criterion (in column
/// order), each ≥ 0, summing to 1 (within rounding), never NaN.
/// </summary>
/// <remarks>
/// Objective methods follow pymcdm's formulas. Where a formula degenerates (every criterion equally
/// uninformative: Σd = 0 for entropy, ΣC = 0 for CRITIC, Σσ = 0 for STD) the result is equal weights.
/// The standard deviation's degrees of freedom do not matter for CRITIC and STD because the common factor
/// cancels when the weights are normalised; the population form (numpy's <c>np.std</c>, ddof = 0) is used.
/// </remarks>
public static partial class Weights
{
    /// <summary>Saaty's CR acceptance threshold, 0.1.</summary>
    public const double AhpConsistencyThreshold = 0.1;

    /// <summary>The default shift added after min-max normalisation in <see cref="EntropyMinMaxShift"/>.</summary>
    public const double DefaultEntropyShift = 0.0001;

    // Saaty's random consistency index for n = 1..10.
    private static readonly double[] RandomIndexTable = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

    /// <summary>Equal weights 1/n for <paramref name="criteria"/> ≥ 1 criteria.</summary>
    public static double[] Equal(int criteria)
    {
        if (criteria < 1)
        {
            throw EvaluationException.Of("指标数至少为1", "the number of criteria must be at least 1");
        }

        var w = new double[criteria];
        Array.Fill(w, 1.0 / criteria);
        return w;
    }

    /// <summary>
    /// Expert (subjective) weights, renormalised to sum to 1. Each must be finite and ≥ 0 with a positive total;
    /// otherwise throws.
    /// </summary>
    public static double[] Expert(IReadOnlyList<double> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (given.Count < 1)
        {
            throw EvaluationException.Of("专家权重为空", "no expert weights given");
        }

        double total = 0;
        for (int j = 0; j < given.Count; j++)
        {
            double g = given[j];
            if (!double.IsFinite(g) || g < 0)
            {
                throw EvaluationException.Of(
                    $"第{(j + 1).ToString(CultureInfo.InvariantCulture)}个专家权重必须为非负有限数，实际为{g.ToString(CultureInfo.InvariantCulture)}",
                    $"expert weight #{(j + 1).ToString(CultureInfo.InvariantCulture)} must be a finite non-negative number, got {g.ToString(CultureInfo.InvariantCulture)}");
            }

            total += g;
        }

        if (total <= 0)
        {
            throw EvaluationException.Of("专家权重之和必须为正", "expert weights must have a positive total");
        }

        var w = new double[given.Count];
        for (int j = 0; j < w.Length; j++)
        {
            w[j] = given[j] / total;
        }

        return w;
    }

    /// <summary>
    /// The smallest column total for which <see cref="EntropyPymcdm"/> uses Σ x ln x / S − ln S: a subnormal x changes
    /// Σ x ln x by less than 1e-305, which is below 1e-65 of Σ x ln x / S from this total up.
    /// </summary>
    private const double SmallestFusedTotal = 1e-240;

    /// <summary>
    /// Entropy weights as pymcdm computes them, on the raw matrix (directions ignored):
    /// p_ij = x_ij / Σ_i x_ij, E_j = −Σ_i p_ij ln p_ij / ln m (0·ln 0 = 0), d_j = 1 − E_j, w = d/Σd.
    /// A constant column has E_j = 1 exactly, so d_j = 0 (weight 0; every column constant: equal weights).
    /// Every value must be ≥ 0 and every column total > 0, else throws naming the unit/criterion.
    /// </summary>
    public static double[] EntropyPymcdm(DecisionMatrix matrix) => EntropyPymcdmAndRanges(matrix, [], []);

    /// <summary>
    /// <see cref="EntropyPymcdm(DecisionMatrix)"/>, also writing each column's minimum and maximum into
    /// <paramref name="minimums"/> and <paramref name="maximums"/> (length = criteria, or both empty for none) from
    /// the same read of the column — the min-max TOPSIS that follows in <see cref="Aggregation.EntropyTopsis"/>
    /// needs them.
    /// </summary>
    internal static double[] EntropyPymcdmAndRanges(DecisionMatrix matrix, Span<double> minimums, Span<double> maximums)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;

        // One pass per column for its total S, its minimum and Σ x ln x, so that Σ p ln p = Σ x ln x / S − ln S with
        // p = x / S: no division and no normalised copy per value. The pass after the checks reads a column once more
        // only where that form cannot be used — a sum that overflows, or a total below SmallestFusedTotal, where the
        // kernel's logarithm of a subnormal value would matter — and sums Σ p ln p directly, with p = x · (1/S), or
        // x / S if 1/S is subnormal.
        var d = new double[n];
        var totals = d; // the totals live in d until each is replaced by that criterion's d_j
        Span<double> xLogX = n <= 256 ? stackalloc double[n] : new double[n];
        Span<bool> constant = n <= 256 ? stackalloc bool[n] : new bool[n];
        int negative = -1;
        for (int j = 0; j < n; j++)
        {
            var (sum, min, max, sumXLogX) = ColumnKernels.SumMinMaxAndXLogX(matrix.Column(j));
            if (minimums.Length > 0)
            {
                minimums[j] = min;
                maximums[j] = max;
            }

            totals[j] = sum;
            xLogX[j] = sumXLogX;
            constant[j] = min == max;
            if (min < 0 && negative < 0)
            {
                negative = j;
            }
        }

        if (negative >= 0)
        {
            // Name the first negative cell in row order, as the row-major check did.
            var values = matrix.Values;
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (values[i, j] < 0)
                    {
                        throw EvaluationException.Of(
                            $"熵权法（pymcdm）要求非负数据，但“{matrix.Units[i]}”的指标“{matrix.Criteria[j]}”为{values[i, j].ToString(CultureInfo.InvariantCulture)}；请改用 EntropyMinMaxShift",
                            $"pymcdm entropy needs non-negative data, but unit '{matrix.Units[i]}', criterion '{matrix.Criteria[j]}' is {values[i, j].ToString(CultureInfo.InvariantCulture)}; use EntropyMinMaxShift instead");
                    }
                }
            }
        }

        for (int j = 0; j < n; j++)
        {
            if (totals[j] <= 0)
            {
                throw EvaluationException.Of(
                    $"指标“{matrix.Criteria[j]}”合计为0，熵权无定义",
                    $"criterion '{matrix.Criteria[j]}' sums to 0; its entropy is undefined");
            }
        }

        double[]? p = null;
        double[]? log = null;
        double lnM = Math.Log(m);
        for (int j = 0; j < n; j++)
        {
            if (constant[j])
            {
                // Every p is 1/m, so E_j is exactly 1 and d_j exactly 0. Computed, it would be rounding noise of either
                // sign (about 1e-16), and where every column is constant the weights would be that noise over its sum:
                // arbitrary, and different from the scalar formula's (docs/evaluation.md).
                d[j] = 0;
                continue;
            }

            double total = totals[j];
            double inverse = 1.0 / total;
            double plnp;
            if (total >= SmallestFusedTotal && double.IsNormal(inverse) && double.IsFinite(xLogX[j]))
            {
                plnp = (xLogX[j] / total) - Math.Log(total);
            }
            else if (double.IsNormal(inverse))
            {
                plnp = ColumnKernels.PLogPScaled(matrix.Column(j), inverse);
            }
            else
            {
                p ??= new double[m];
                log ??= new double[m];
                plnp = ColumnKernels.PLogP(matrix.Column(j), total, p, log);
            }

            double dj = 1.0 - (-plnp / lnM);
            d[j] = dj < 0 ? 0 : dj; // E can exceed 1 by rounding only.
        }

        return NormaliseOrEqualInPlace(d);
    }

    /// <summary>
    /// Entropy weights as Chinese papers usually compute them: min-max normalise with direction (constant column →
    /// 1.0), add <paramref name="shift"/> (default 0.0001, must be &gt; 0) so no p is 0, then the same formula as
    /// <see cref="EntropyPymcdm"/>.
    /// </summary>
    public static double[] EntropyMinMaxShift(DecisionMatrix matrix, double shift = DefaultEntropyShift)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!double.IsFinite(shift) || shift <= 0)
        {
            throw EvaluationException.Of("熵权法平移量必须为正数", "the entropy shift must be a positive number");
        }

        // Per column: z = min-max + shift; Σ p ln p = Σ z ln z / S − ln S with p = z / S.
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var z = new double[m];
        var log = new double[m];
        double lnM = Math.Log(m);
        var d = new double[n];
        for (int j = 0; j < n; j++)
        {
            ColumnKernels.MinMax(matrix.Column(j), matrix.IsBenefit(j), z);
            TensorPrimitives.Add(z, shift, z);
            double sum = TensorPrimitives.Sum<double>(z);
            TensorPrimitives.Log(z, log);
            double plnp = (TensorPrimitives.Dot<double>(z, log) / sum) - Math.Log(sum);
            double dj = 1.0 + (plnp / lnM);
            d[j] = dj < 0 ? 0 : dj;
        }

        return NormaliseOrEqual(d);
    }

    /// <summary>
    /// CRITIC (Diakoulaki et al.; pymcdm's formula): min-max normalise with direction, σ_j of each normalised column,
    /// Pearson correlation r_jk, C_j = σ_j Σ_k (1 − r_jk), w = C/ΣC. A constant column has σ = 0 (so C = 0) and its
    /// correlation with any column is taken as 0. Unlike pymcdm's <c>critic_weights</c>, which normalises every column
    /// as a benefit, cost columns are flipped first, so correlations between cost and benefit columns change sign: on a
    /// matrix with cost columns the two differ (3.7e-4 on the benchmark matrix); with all-benefit data they agree to
    /// 1e-17 (docs/benchmarks.md, "pymcdm side by side").
    /// </summary>
    public static double[] Critic(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var (centred, sd) = CentredMinMaxColumns(matrix);

        // r_jk = Σ_i c_ij c_ik / m / (σ_j σ_k), symmetric: each pair once.
        var conflict = new double[n];
        for (int j = 0; j < n; j++)
        {
            if (sd[j] == 0)
            {
                continue;
            }

            var cj = centred.AsSpan(j * m, m);
            for (int k = j + 1; k < n; k++)
            {
                if (sd[k] == 0)
                {
                    // A constant column's correlation with anything is taken as 0: it adds 1 to the other's conflict.
                    conflict[j] += 1;
                    continue;
                }

                double r = TensorPrimitives.Dot<double>(cj, centred.AsSpan(k * m, m)) / m / (sd[j] * sd[k]);
                conflict[j] += 1 - r;
                conflict[k] += 1 - r;
            }

            for (int k = 0; k < j; k++)
            {
                if (sd[k] == 0)
                {
                    conflict[j] += 1;
                }
            }
        }

        var c = new double[n];
        for (int j = 0; j < n; j++)
        {
            c[j] = sd[j] == 0 ? 0 : sd[j] * conflict[j];
        }

        return NormaliseOrEqual(c);
    }

    /// <summary>Standard-deviation weights (pymcdm STD): σ of each min-max normalised column (with direction) / Σσ.</summary>
    public static double[] StandardDeviation(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return NormaliseOrEqual(CentredMinMaxColumns(matrix).Sd);
    }

    /// <summary>Min-max normalised columns (with direction), centred on their means, column-major; and each column's σ.</summary>
    private static (double[] Centred, double[] Sd) CentredMinMaxColumns(DecisionMatrix matrix)
    {
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var centred = new double[m * n];
        var z = new double[m];
        var sd = new double[n];
        for (int j = 0; j < n; j++)
        {
            ColumnKernels.MinMax(matrix.Column(j), matrix.IsBenefit(j), z);
            sd[j] = ColumnKernels.Centre(z, centred.AsSpan(j * m, m)).Sd;
        }

        return (centred, sd);
    }

    /// <summary>
    /// AHP weights from a pairwise comparison matrix A (a_ij = importance of i over j): A must be square
    /// (1 ≤ n ≤ 10), positive, with a unit diagonal and reciprocal (a_ji·a_ij = 1 within 1e-6), else throws.
    /// Weights are the principal eigenvector by power iteration; λmax = mean_i (A w)_i / w_i.
    /// CR &gt; 0.1 marks the result inconsistent; with <paramref name="strict"/> it throws instead.
    /// </summary>
    public static AhpResult Ahp(double[,] pairwise, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(pairwise);
        int n = pairwise.GetLength(0);
        if (n != pairwise.GetLength(1) || n < 1)
        {
            throw EvaluationException.Of("层次分析法的判断矩阵必须是非空方阵", "the AHP comparison matrix must be a non-empty square matrix");
        }

        if (n > RandomIndexTable.Length)
        {
            throw EvaluationException.Of(
                $"层次分析法最多支持{RandomIndexTable.Length.ToString(CultureInfo.InvariantCulture)}项指标（随机一致性指标表的范围）",
                $"AHP supports at most {RandomIndexTable.Length.ToString(CultureInfo.InvariantCulture)} criteria (the random index table's range)");
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double a = pairwise[i, j];
                string cell = $"({(i + 1).ToString(CultureInfo.InvariantCulture)},{(j + 1).ToString(CultureInfo.InvariantCulture)})";
                if (!double.IsFinite(a) || a <= 0)
                {
                    throw EvaluationException.Of($"判断矩阵元素{cell}必须为正数", $"comparison matrix entry {cell} must be positive");
                }

                if (Math.Abs((a * pairwise[j, i]) - 1.0) > 1e-6)
                {
                    throw EvaluationException.Of(
                        $"判断矩阵不互反：元素{cell}与其对称元素之积不为1",
                        $"the comparison matrix is not reciprocal: entry {cell} times its mirror is not 1");
                }
            }
        }

        // Power iteration from the row geometric means (already close to the eigenvector).
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            double logSum = 0;
            for (int j = 0; j < n; j++)
            {
                logSum += Math.Log(pairwise[i, j]);
            }

            w[i] = Math.Exp(logSum / n);
        }

        Scale(w);
        var next = new double[n];
        for (int iter = 0; iter < 10_000; iter++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++)
                {
                    s += pairwise[i, j] * w[j];
                }

                next[i] = s;
            }

            Scale(next);
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }

            (w, next) = (next, w);
            if (change < 1e-15)
            {
                break;
            }
        }

        double lambda = 0;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += pairwise[i, j] * w[j];
            }

            lambda += s / w[i];
        }

        lambda /= n;
        double ci = n <= 1 ? 0 : Math.Max(0, (lambda - n) / (n - 1));
        double ri = RandomIndexTable[n - 1];
        double cr = ri == 0 ? 0 : ci / ri;
        var result = new AhpResult(w, lambda, ci, ri, cr);
        if (strict && !result.IsConsistent)
        {
            throw EvaluationException.Of(
                $"判断矩阵一致性比率 CR = {cr.ToString("0.0000", CultureInfo.InvariantCulture)} > 0.1，未通过一致性检验",
                $"the comparison matrix is inconsistent: CR = {cr.ToString("0.0000", CultureInfo.InvariantCulture)} > 0.1");
        }

        return result;
    }

    private static void Scale(double[] v)
    {
        double s = 0;
        foreach (double x in v)
        {
            s += x;
        }

        for (int i = 0; i < v.Length; i++)
        {
            v[i] /= s;
        }
    }

    /// <summary>raw / Σraw written over <paramref name="raw"/> and returned; equal weights when Σraw is not a positive finite number.</summary>
    private static double[] NormaliseOrEqualInPlace(double[] raw)
    {
        double total = 0;
        foreach (double x in raw)
        {
            total += x;
        }

        if (!(total > 0) || !double.IsFinite(total))
        {
            return Equal(raw.Length);
        }

        for (int j = 0; j < raw.Length; j++)
        {
            raw[j] /= total;
        }

        return raw;
    }

    private static double[] NormaliseOrEqual(double[] raw) => NormaliseOrEqualInPlace((double[])raw.Clone());

    internal static double[] CheckWeights(IReadOnlyList<double> weights, int criteria)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Normalization.CheckLength(weights.Count, criteria, "权重", "weights");
        var w = new double[criteria];
        for (int j = 0; j < criteria; j++)
        {
            double x = weights[j];
            if (!double.IsFinite(x) || x < 0)
            {
                throw EvaluationException.Of(
                    $"第{(j + 1).ToString(CultureInfo.InvariantCulture)}个权重必须为非负有限数",
                    $"weight #{(j + 1).ToString(CultureInfo.InvariantCulture)} must be a finite non-negative number");
            }

            w[j] = x;
        }

        return w;
    }

    internal static bool IsBenefit(Direction d) => d != Direction.LowerIsBetter;
}
