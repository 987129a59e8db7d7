using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;

namespace Baiqiang.Core.Evaluation;

/// <summary>How <see cref="Aggregation.Topsis"/> normalises the raw matrix before weighting.</summary>
public enum TopsisNormalization
{
    /// <summary>Vector normalisation x/‖x‖ (classic Hwang–Yoon TOPSIS); cost columns 1 − x/‖x‖.</summary>
    Vector = 0,
    /// <summary>Min-max normalisation with direction (constant column → 1.0).</summary>
    MinMax = 1,
}

/// <summary>
/// VIKOR output (pymcdm): group utility S, individual regret R and compromise index Q per unit. Lower is better
/// for all three; <see cref="Ranks"/> ranks by Q ascending (competition ranking).
/// </summary>
public sealed class VikorResult
{
    internal VikorResult(double[] s, double[] r, double[] q)
    {
        S = s;
        R = r;
        Q = q;
        Ranks = Ranking.Rank(q, higherIsBetter: false);
    }

    public IReadOnlyList<double> S { get; }

    public IReadOnlyList<double> R { get; }

    public IReadOnlyList<double> Q { get; }

    /// <summary>1 = smallest Q (best compromise); ties share a rank.</summary>
    public IReadOnlyList<int> Ranks { get; }
}

/// <summary>
/// Aggregation of normalised scores (or, for TOPSIS/VIKOR/Copeland, of the raw decision matrix) into one
/// score per unit, in row order. Weights must be finite, ≥ 0, one per criterion, with a positive total; they are
/// renormalised to sum to 1. Outputs are never NaN.
/// </summary>
/// <remarks>
/// The means (<see cref="WeightedSum"/>, <see cref="Geometric"/>, <see cref="Harmonic"/>,
/// <see cref="GeneralizedMean"/>) take a matrix that is already normalised so that higher is better on every
/// column (see <see cref="Normalization"/>); higher result = better. TOPSIS closeness and Copeland score:
/// higher = better. VIKOR Q: lower = better.
/// </remarks>
public static class Aggregation
{
    /// <summary>Weighted arithmetic mean (WSM / SAW): Σ_j w_j x_ij.</summary>
    public static double[] WeightedSum(double[,] scores, IReadOnlyList<double> weights)
    {
        var (m, n, w) = Prepare(scores, weights);
        var x = Normalization.Flat(scores);
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            r[i] = TensorPrimitives.Dot<double>(w, x.Slice(i * n, n));
        }

        return r;
    }

    /// <summary>
    /// Weighted geometric mean Π_j x_ij^w_j. Every value must be &gt; 0; a value ≤ 0 throws naming the unit and
    /// criterion (from <paramref name="units"/>/<paramref name="criteria"/> when given, else 1-based positions).
    /// </summary>
    public static double[] Geometric(
        double[,] scores,
        IReadOnlyList<double> weights,
        IReadOnlyList<string>? units = null,
        IReadOnlyList<string>? criteria = null)
    {
        var (m, n, w) = Prepare(scores, weights);
        RequirePositive(scores, m, n, "几何平均", "geometric mean", units, criteria, strict: true);
        var x = Normalization.Flat(scores);
        var log = new double[x.Length];
        TensorPrimitives.Log<double>(x, log);
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            r[i] = TensorPrimitives.Dot<double>(w, log.AsSpan(i * n, n));
        }

        TensorPrimitives.Exp<double>(r, r);

        return r;
    }

    /// <summary>Weighted harmonic mean 1 / Σ_j (w_j / x_ij). Every value must be &gt; 0 (else throws as <see cref="Geometric"/>).</summary>
    public static double[] Harmonic(
        double[,] scores,
        IReadOnlyList<double> weights,
        IReadOnlyList<string>? units = null,
        IReadOnlyList<string>? criteria = null)
    {
        var (m, n, w) = Prepare(scores, weights);
        RequirePositive(scores, m, n, "调和平均", "harmonic mean", units, criteria, strict: true);
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += w[j] / scores[i, j];
            }

            r[i] = 1.0 / s;
        }

        return r;
    }

    /// <summary>
    /// Weighted generalised (power) mean (Σ_j w_j x_ij^p)^(1/p); p = 0 is the geometric mean, p = 1 the
    /// arithmetic, p = −1 the harmonic. Values must be &gt; 0 when p ≤ 0 and ≥ 0 when p &gt; 0; p must be finite.
    /// </summary>
    public static double[] GeneralizedMean(
        double[,] scores,
        IReadOnlyList<double> weights,
        double power,
        IReadOnlyList<string>? units = null,
        IReadOnlyList<string>? criteria = null)
    {
        if (!double.IsFinite(power))
        {
            throw EvaluationException.Of("幂平均的幂次必须为有限数", "the power of a generalised mean must be finite");
        }

        if (power == 0)
        {
            return Geometric(scores, weights, units, criteria);
        }

        var (m, n, w) = Prepare(scores, weights);
        RequirePositive(scores, m, n, "幂平均", "generalised mean", units, criteria, strict: power < 0);
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += w[j] * Math.Pow(scores[i, j], power);
            }

            r[i] = Math.Pow(s, 1.0 / power);
        }

        return r;
    }

    /// <summary>
    /// TOPSIS relative closeness D⁻/(D⁺ + D⁻) in [0, 1] on the raw matrix: normalise (direction-aware, so every
    /// column is benefit), weight, ideal = column max, anti-ideal = column min, Euclidean distances. If every unit
    /// is identical (D⁺ = D⁻ = 0) all units get 0.5.
    /// </summary>
    public static double[] Topsis(
        DecisionMatrix matrix,
        IReadOnlyList<double> weights,
        TopsisNormalization normalization = TopsisNormalization.Vector)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var w = Normalised(Weights.CheckWeights(weights, n));
        if (normalization is not (TopsisNormalization.Vector or TopsisNormalization.MinMax))
        {
            throw EvaluationException.Of("未知的TOPSIS归一化方法", $"unknown TOPSIS normalisation {normalization}");
        }

        // Per criterion, one pass for its min and max (and, for vector normalisation, its norm): the weighted normalised
        // value is z = (x − c)·s for the column's centre c and scale s (min-max: c = min, s = w/(max − min), or for a cost
        // column c = max and s negative; vector: c = 0, s = w/‖x‖, or c = ‖x‖ and s = −w/‖x‖, i.e. w·(1 − x/‖x‖)). z is
        // monotone in x, so the ideal and anti-ideal (the column's max and min of z) are z at the column's best and worst
        // x, and the distances to them are (x − best)·s and (x − worst)·s, computed as x·s − best·s with one rounding.
        // A constant (or, for vector, all-zero) column has every unit at distance 0 from both and is left out. The
        // squared distances then accumulate per unit, four criteria a pass (ColumnKernels.AddTopsisDistances): toIdeal
        // is the result array, toAntiIdeal a pooled buffer.
        var r = new double[m];
        var rented = ArrayPool<double>.Shared.Rent(m + (3 * n));
        Span<int> used = n <= 256 ? stackalloc int[n] : new int[n];
        try
        {
            var toIdeal = r.AsSpan();
            var toAntiIdeal = rented.AsSpan(0, m);
            toAntiIdeal.Clear();
            var terms = rented.AsSpan(m, 3 * n);
            int count = 0;
            for (int j = 0; j < n; j++)
            {
                var column = matrix.Column(j);
                var (lo, hi) = ColumnKernels.MinAndMax(column);
                bool benefit = matrix.IsBenefit(j);
                double scale;
                if (normalization == TopsisNormalization.MinMax)
                {
                    double range = hi - lo;
                    if (range == 0)
                    {
                        continue; // every z is w_j: the ideal and the anti-ideal, at distance 0 from both
                    }

                    scale = w[j] / range;
                }
                else
                {
                    double norm = Math.Sqrt(TensorPrimitives.Dot(column, column));
                    if (norm == 0)
                    {
                        continue; // an all-zero column: every z is the same (0, or w_j for a cost column)
                    }

                    scale = w[j] / norm;
                }

                // The sign of s does not matter to a squared distance.
                terms[3 * j] = scale;
                terms[(3 * j) + 1] = -(benefit ? hi : lo) * scale;
                terms[(3 * j) + 2] = -(benefit ? lo : hi) * scale;
                used[count++] = j;
            }

            ColumnKernels.AddTopsisDistances(matrix.Columns, m, used[..count], terms, toIdeal, toAntiIdeal);
            ColumnKernels.Closeness(toIdeal, toAntiIdeal);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        return r;
    }

    /// <summary>
    /// VIKOR (pymcdm, no normalisation function): f* = best, f⁻ = worst of each column;
    /// d_ij = w_j (f*_j − x_ij)/(f*_j − f⁻_j); S_i = Σ_j d_ij, R_i = max_j d_ij;
    /// Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*). A constant column contributes 0, and a
    /// zero spread in S or R makes that term 0. <paramref name="v"/> ∈ [0, 1] (default 0.5) is the weight of
    /// the majority-rule strategy.
    /// </summary>
    public static VikorResult Vikor(DecisionMatrix matrix, IReadOnlyList<double> weights, double v = 0.5)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(v >= 0 && v <= 1))
        {
            throw EvaluationException.Of("VIKOR 参数 v 必须在0到1之间", "the VIKOR parameter v must be between 0 and 1");
        }

        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var w = Normalised(Weights.CheckWeights(weights, n));
        var x = matrix.Values;
        var best = new double[n];
        var span = new double[n];
        for (int j = 0; j < n; j++)
        {
            var (min, max) = Normalization.MinMaxOf(x, j, m);
            bool benefit = matrix.IsBenefit(j);
            best[j] = benefit ? max : min;
            span[j] = benefit ? max - min : min - max;
        }

        var s = new double[m];
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            double si = 0;
            double ri = 0;
            for (int j = 0; j < n; j++)
            {
                double d = span[j] == 0 ? 0 : w[j] * (best[j] - x[i, j]) / span[j];
                si += d;
                if (d > ri)
                {
                    ri = d;
                }
            }

            s[i] = si;
            r[i] = ri;
        }

        var (sStar, sMinus) = MinMax(s);
        var (rStar, rMinus) = MinMax(r);
        var q = new double[m];
        for (int i = 0; i < m; i++)
        {
            double a = sMinus == sStar ? 0 : (s[i] - sStar) / (sMinus - sStar);
            double b = rMinus == rStar ? 0 : (r[i] - rStar) / (rMinus - rStar);
            q[i] = (v * a) + ((1 - v) * b);
        }

        return new VikorResult(s, r, q);
    }

    /// <summary>
    /// Copeland outranking: for each pair of units, each criterion's weight goes to the unit that is strictly
    /// better on it (direction-aware); the unit with the larger total (by more than 1e-12) wins the pair.
    /// Score = wins − losses, in [−(m−1), m−1]; higher is better. Cost O(m²·n).
    /// </summary>
    public static double[] Copeland(DecisionMatrix matrix, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var w = Normalised(Weights.CheckWeights(weights, n));
        // Orient every column so that larger is better, row-major, then for each pair sum w_j·sgn(y_a − y_b):
        // the weight of criteria favouring a minus the weight favouring b.
        var x = Normalization.Flat(matrix.Values);
        var y = new double[x.Length];
        for (int i = 0; i < m; i++)
        {
            int row = i * n;
            for (int j = 0; j < n; j++)
            {
                y[row + j] = matrix.IsBenefit(j) ? x[row + j] : -x[row + j];
            }
        }

        var score = new double[m];
        for (int a = 0; a < m; a++)
        {
            var ya = new ReadOnlySpan<double>(y, a * n, n);
            for (int b = a + 1; b < m; b++)
            {
                var yb = new ReadOnlySpan<double>(y, b * n, n);
                double net = 0;
                for (int j = 0; j < ya.Length; j++)
                {
                    double diff = ya[j] - yb[j];
                    net += diff > 0 ? w[j] : diff < 0 ? -w[j] : 0;
                }

                if (net > Ranking.TieTolerance)
                {
                    score[a] += 1;
                    score[b] -= 1;
                }
                else if (net < -Ranking.TieTolerance)
                {
                    score[b] += 1;
                    score[a] -= 1;
                }
            }
        }

        return score;
    }

    private static (double Min, double Max) MinMax(double[] v)
    {
        double min = v[0];
        double max = v[0];
        for (int i = 1; i < v.Length; i++)
        {
            if (v[i] < min)
            {
                min = v[i];
            }

            if (v[i] > max)
            {
                max = v[i];
            }
        }

        return (min, max);
    }

    private static (int Rows, int Columns, double[] Weights) Prepare(double[,] scores, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int m = scores.GetLength(0);
        int n = scores.GetLength(1);
        var w = Normalised(Weights.CheckWeights(weights, n));
        var flat = Normalization.Flat(scores);
        for (int k = 0; k < flat.Length; k++)
        {
            if (!double.IsFinite(flat[k]))
            {
                int i = k / n;
                int j = k % n;
                throw EvaluationException.Of(
                    $"第{(i + 1).ToString(CultureInfo.InvariantCulture)}行第{(j + 1).ToString(CultureInfo.InvariantCulture)}列不是有限数值",
                    $"row {(i + 1).ToString(CultureInfo.InvariantCulture)}, column {(j + 1).ToString(CultureInfo.InvariantCulture)} is not a finite number");
            }
        }

        return (m, n, w);
    }

    private static double[] Normalised(double[] w)
    {
        double total = 0;
        foreach (double x in w)
        {
            total += x;
        }

        if (!(total > 0))
        {
            throw EvaluationException.Of("权重之和必须为正", "weights must have a positive total");
        }

        for (int j = 0; j < w.Length; j++)
        {
            w[j] /= total;
        }

        return w;
    }

    private static void RequirePositive(
        double[,] x,
        int m,
        int n,
        string zh,
        string en,
        IReadOnlyList<string>? units,
        IReadOnlyList<string>? criteria,
        bool strict)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = x[i, j];
                if (strict ? v <= 0 : v < 0)
                {
                    string unit = units is not null && i < units.Count ? units[i] : "#" + (i + 1).ToString(CultureInfo.InvariantCulture);
                    string criterion = criteria is not null && j < criteria.Count ? criteria[j] : "#" + (j + 1).ToString(CultureInfo.InvariantCulture);
                    throw EvaluationException.Of(
                        $"{zh}要求数据{(strict ? "为正" : "非负")}，但单元“{unit}”的指标“{criterion}”为{v.ToString(CultureInfo.InvariantCulture)}",
                        $"the {en} needs {(strict ? "positive" : "non-negative")} values, but unit '{unit}', criterion '{criterion}' is {v.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }
    }
}
