using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Evaluation;

/// <summary>A goalpost pair for <see cref="Normalization.Goalposts(DecisionMatrix, IReadOnlyList{Goalpost}, double)"/>: <see cref="Low"/> &lt; <see cref="High"/>.</summary>
public readonly record struct Goalpost(double Low, double High);

/// <summary>
/// Column-wise normalisations of a decision matrix. Every method returns a new <c>double[units, criteria]</c> in
/// which a higher value is better on every criterion (cost criteria are flipped as each method documents), so
/// the result feeds <see cref="Aggregation"/> directly. No method returns NaN or ∞.
/// </summary>
/// <remarks>
/// Constant columns (every unit has the same value, so max = min): min-max, distance-to-maximum and
/// distance-to-reference give 1.0 to every unit (all units attain the best value); z-score gives 0;
/// rank gives 1 and percentile rank 0 (all tied at the bottom, as R's <c>rank(ties = "min")</c> and
/// <c>dplyr::percent_rank</c>). Methods whose formula cannot be evaluated for the data (sum normalisation of
/// a column with non-positive total, distance to a target that equals the column's worst value, …) throw
/// <see cref="EvaluationException"/> naming the criterion.
/// </remarks>
public static class Normalization
{
    /// <summary>Min-max: benefit (x − min)/(max − min), cost (max − x)/(max − min); in [0, 1]; constant column → 1.0.</summary>
    public static double[,] MinMax(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return MinMaxCore(matrix.Values, matrix.DirectionArray, matrix.UnitCount, matrix.CriterionCount);
    }

    /// <inheritdoc cref="MinMax(DecisionMatrix)"/>
    public static double[,] MinMax(double[,] values, IReadOnlyList<Direction> directions)
    {
        var (m, n) = Check(values, directions);
        var dirs = new Direction[n];
        for (int j = 0; j < n; j++)
        {
            dirs[j] = directions[j];
        }

        return MinMaxCore(values, dirs, m, n);
    }

    /// <summary>Min-max on already validated data: two row-major passes over the flat storage.</summary>
    internal static double[,] MinMaxCore(double[,] values, Direction[] directions, int m, int n)
    {
        var (lo, hi, benefit) = ColumnRanges(values, directions, m, n);
        var range = new double[n];
        for (int j = 0; j < n; j++)
        {
            range[j] = hi[j] - lo[j];
        }

        var r = new double[m, n];
        var src = Flat(values);
        var dst = Flat(r);
        for (int i = 0; i < m; i++)
        {
            int row = i * n;
            for (int j = 0; j < n; j++)
            {
                double x = src[row + j];
                dst[row + j] = range[j] == 0 ? 1.0 : benefit[j] ? (x - lo[j]) / range[j] : (hi[j] - x) / range[j];
            }
        }

        return r;
    }

    /// <summary>Per column: min, max and whether it is a benefit column, in one row-major pass.</summary>
    internal static (double[] Min, double[] Max, bool[] Benefit) ColumnRanges(double[,] values, Direction[] directions, int m, int n)
    {
        var src = Flat(values);
        var min = new double[n];
        var max = new double[n];
        var benefit = new bool[n];
        for (int j = 0; j < n; j++)
        {
            min[j] = src[j];
            max[j] = src[j];
            benefit[j] = directions[j] != Direction.LowerIsBetter;
        }

        for (int i = 1; i < m; i++)
        {
            int row = i * n;
            for (int j = 0; j < n; j++)
            {
                double x = src[row + j];
                if (x < min[j])
                {
                    min[j] = x;
                }

                if (x > max[j])
                {
                    max[j] = x;
                }
            }
        }

        return (min, max, benefit);
    }

    /// <summary>The row-major storage of a rectangular array as one span (no copy).</summary>
    internal static Span<double> Flat(double[,] a) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(a)), a.Length);

    /// <summary>
    /// Z-score: (x − mean)/σ with the population standard deviation (ddof = 0), negated for cost criteria;
    /// constant column → 0.
    /// </summary>
    public static double[,] ZScore(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var values = matrix.Values;
        var directions = matrix.DirectionArray;
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var r = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            var (mean, sd) = MeanSd(values, j, m);
            double sign = directions[j] == Direction.LowerIsBetter ? -1.0 : 1.0;
            for (int i = 0; i < m; i++)
            {
                r[i, j] = sd == 0 ? 0.0 : sign * (values[i, j] - mean) / sd;
            }
        }

        return r;
    }

    /// <summary>
    /// Rank (COINr <c>n_rank</c>): 1 + the number of units strictly worse on the criterion, so the best unit gets
    /// the largest number and ties share the lowest rank of their group (R <c>ties.method = "min"</c>).
    /// </summary>
    public static double[,] Rank(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return RankCore(matrix, percent: false);
    }

    /// <summary>
    /// Percentile rank (<c>dplyr::percent_rank</c>, COINr <c>n_prank</c>): (rank − 1)/(units − 1) with
    /// <see cref="Rank(DecisionMatrix)"/>'s rank; in [0, 1], best unit 1 unless tied.
    /// </summary>
    public static double[,] PercentileRank(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return RankCore(matrix, percent: true);
    }

    /// <summary>
    /// Distance to maximum (COINr <c>n_dist2max</c>): 1 − (best − x)/(max − min), i.e. 1 for the best unit and
    /// 0 for the worst (numerically the same as <see cref="MinMax(DecisionMatrix)"/>); constant column → 1.0.
    /// </summary>
    public static double[,] DistanceToMaximum(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var values = matrix.Values;
        var directions = matrix.DirectionArray;
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var r = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            var (min, max) = MinMaxOf(values, j, m);
            double range = max - min;
            double best = directions[j] == Direction.LowerIsBetter ? min : max;
            for (int i = 0; i < m; i++)
            {
                r[i, j] = range == 0 ? 1.0 : 1.0 - (Math.Abs(best - values[i, j]) / range);
            }
        }

        return r;
    }

    /// <summary>
    /// Distance to a reference unit (COINr <c>n_dist2ref</c>): 1 − (ref − x)/(ref − min) for benefit,
    /// 1 − (x − ref)/(max − ref) for cost, where ref is the reference unit's value — the reference unit scores 1 and
    /// the worst unit 0; units better than it score above 1 unless <paramref name="capAtOne"/>. When the reference
    /// is itself the worst value (denominator 0, where COINr divides by zero) the denominator is max − min instead;
    /// constant column → 1.0.
    /// </summary>
    /// <param name="matrix">The decision matrix.</param>
    /// <param name="referenceUnit">Zero-based row of the reference unit; out of range throws.</param>
    /// <param name="capAtOne">Clip scores above 1 to 1.</param>
    public static double[,] DistanceToReference(DecisionMatrix matrix, int referenceUnit, bool capAtOne = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        if ((uint)referenceUnit >= (uint)m)
        {
            throw EvaluationException.Of(
                $"参照单元序号{referenceUnit.ToString(CultureInfo.InvariantCulture)}超出范围（0–{(m - 1).ToString(CultureInfo.InvariantCulture)}）",
                $"reference unit index {referenceUnit.ToString(CultureInfo.InvariantCulture)} is out of range (0–{(m - 1).ToString(CultureInfo.InvariantCulture)})");
        }

        var values = matrix.Values;
        var directions = matrix.DirectionArray;
        var r = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            var (min, max) = MinMaxOf(values, j, m);
            double range = max - min;
            double reference = values[referenceUnit, j];
            bool benefit = directions[j] != Direction.LowerIsBetter;
            double denominator = benefit ? reference - min : max - reference;
            if (denominator <= 0)
            {
                denominator = range;
            }

            for (int i = 0; i < m; i++)
            {
                double gap = benefit ? reference - values[i, j] : values[i, j] - reference;
                double v = range == 0 ? 1.0 : 1.0 - (gap / denominator);
                r[i, j] = capAtOne && v > 1.0 ? 1.0 : v;
            }
        }

        return r;
    }

    /// <summary>
    /// Distance to a target (COINr <c>n_dist2targ</c>): benefit (x − min)/(target − min), cost
    /// (max − x)/(max − target); 1 means the target is reached. <paramref name="capAtOne"/> (default) clips
    /// over-achievement to 1. A target equal to (or worse than) the column's worst value throws, since the
    /// distance is undefined.
    /// </summary>
    public static double[,] DistanceToTarget(DecisionMatrix matrix, IReadOnlyList<double> targets, bool capAtOne = true)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(targets);
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        CheckLength(targets.Count, n, "目标值", "targets");
        var values = matrix.Values;
        var directions = matrix.DirectionArray;
        var r = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            var (min, max) = MinMaxOf(values, j, m);
            bool benefit = directions[j] != Direction.LowerIsBetter;
            double target = targets[j];
            double span = benefit ? target - min : max - target;
            if (!double.IsFinite(target) || span <= 0)
            {
                throw EvaluationException.Of(
                    $"指标“{matrix.Criteria[j]}”的目标值{target.ToString(CultureInfo.InvariantCulture)}不优于该列最差值，无法计算目标距离",
                    $"target {target.ToString(CultureInfo.InvariantCulture)} for criterion '{matrix.Criteria[j]}' is not better than the column's worst value");
            }

            for (int i = 0; i < m; i++)
            {
                double v = benefit ? (values[i, j] - min) / span : (max - values[i, j]) / span;
                r[i, j] = capAtOne && v > 1.0 ? 1.0 : v;
            }
        }

        return r;
    }

    /// <summary>
    /// Goalposts (COINr <c>n_goalposts</c>): benefit (x − low)/(high − low), cost (high − x)/(high − low), clipped
    /// to [0, 1] and multiplied by <paramref name="scale"/> (default 100). Each goalpost needs finite
    /// low &lt; high, else throws.
    /// </summary>
    public static double[,] Goalposts(DecisionMatrix matrix, IReadOnlyList<Goalpost> goalposts, double scale = 100)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(goalposts);
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        CheckLength(goalposts.Count, n, "门槛值对", "goalposts");
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw EvaluationException.Of("门槛法的量程必须为正数", "the goalpost scale must be a positive number");
        }

        var values = matrix.Values;
        var directions = matrix.DirectionArray;
        var r = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            var (lo, hi) = goalposts[j];
            if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo >= hi)
            {
                throw EvaluationException.Of(
                    $"指标“{matrix.Criteria[j]}”的门槛值下限必须小于上限",
                    $"goalposts for criterion '{matrix.Criteria[j]}' need low < high");
            }

            double span = hi - lo;
            bool benefit = directions[j] != Direction.LowerIsBetter;
            for (int i = 0; i < m; i++)
            {
                double v = benefit ? (values[i, j] - lo) / span : (hi - values[i, j]) / span;
                v = v < 0 ? 0 : v > 1 ? 1 : v;
                r[i, j] = v * scale;
            }
        }

        return r;
    }

    /// <summary>
    /// Vector (pymcdm <c>vector_normalization</c>): benefit x/‖x‖₂, cost 1 − x/‖x‖₂. An all-zero column gives
    /// 0 (benefit) or 1 (cost).
    /// </summary>
    public static double[,] Vector(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return Vector(matrix.Values, matrix.DirectionArray);
    }

    /// <inheritdoc cref="Vector(DecisionMatrix)"/>
    public static double[,] Vector(double[,] values, IReadOnlyList<Direction> directions)
    {
        var (m, n) = Check(values, directions);
        var r = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            double ss = 0;
            for (int i = 0; i < m; i++)
            {
                ss += values[i, j] * values[i, j];
            }

            double norm = Math.Sqrt(ss);
            bool benefit = directions[j] != Direction.LowerIsBetter;
            for (int i = 0; i < m; i++)
            {
                double v = norm == 0 ? 0 : values[i, j] / norm;
                r[i, j] = benefit ? v : 1.0 - v;
            }
        }

        return r;
    }

    /// <summary>
    /// Sum (pymcdm <c>sum_normalization</c>): benefit x/Σx (column must be non-negative with a positive total),
    /// cost (1/x)/Σ(1/x) (column must be strictly positive). Violations throw naming the criterion.
    /// </summary>
    public static double[,] Sum(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var values = matrix.Values;
        var directions = matrix.DirectionArray;
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var r = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            bool benefit = directions[j] != Direction.LowerIsBetter;
            double total = 0;
            for (int i = 0; i < m; i++)
            {
                double x = values[i, j];
                if (benefit ? x < 0 : x <= 0)
                {
                    throw EvaluationException.Of(
                        $"总和归一化要求指标“{matrix.Criteria[j]}”{(benefit ? "非负" : "为正")}，但“{matrix.Units[i]}”为{x.ToString(CultureInfo.InvariantCulture)}",
                        $"sum normalisation needs criterion '{matrix.Criteria[j]}' to be {(benefit ? "non-negative" : "positive")}, but unit '{matrix.Units[i]}' has {x.ToString(CultureInfo.InvariantCulture)}");
                }

                total += benefit ? x : 1.0 / x;
            }

            if (total <= 0)
            {
                throw EvaluationException.Of(
                    $"指标“{matrix.Criteria[j]}”总和为0，无法做总和归一化",
                    $"criterion '{matrix.Criteria[j]}' sums to 0; sum normalisation is undefined");
            }

            for (int i = 0; i < m; i++)
            {
                r[i, j] = (benefit ? values[i, j] : 1.0 / values[i, j]) / total;
            }
        }

        return r;
    }

    private static double[,] RankCore(DecisionMatrix matrix, bool percent)
    {
        var values = matrix.Values;
        var directions = matrix.DirectionArray;
        int m = matrix.UnitCount;
        int n = matrix.CriterionCount;
        var r = new double[m, n];
        var sorted = new double[m];
        for (int j = 0; j < n; j++)
        {
            double sign = directions[j] == Direction.LowerIsBetter ? -1.0 : 1.0;
            for (int i = 0; i < m; i++)
            {
                sorted[i] = sign * values[i, j];
            }

            Array.Sort(sorted);
            for (int i = 0; i < m; i++)
            {
                int below = LowerBound(sorted, sign * values[i, j]);
                r[i, j] = percent ? (double)below / (m - 1) : below + 1;
            }
        }

        return r;
    }

    /// <summary>Index of the first element ≥ <paramref name="x"/> in ascending <paramref name="a"/>.</summary>
    private static int LowerBound(double[] a, double x)
    {
        int lo = 0;
        int hi = a.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (a[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    internal static (double Min, double Max) MinMaxOf(double[,] values, int column, int rows)
    {
        double min = values[0, column];
        double max = min;
        for (int i = 1; i < rows; i++)
        {
            double v = values[i, column];
            if (v < min)
            {
                min = v;
            }
            else if (v > max)
            {
                max = v;
            }
        }

        return (min, max);
    }

    /// <summary>Mean and population standard deviation (ddof = 0) of one column.</summary>
    internal static (double Mean, double Sd) MeanSd(double[,] values, int column, int rows)
    {
        double sum = 0;
        for (int i = 0; i < rows; i++)
        {
            sum += values[i, column];
        }

        double mean = sum / rows;
        double ss = 0;
        for (int i = 0; i < rows; i++)
        {
            double d = values[i, column] - mean;
            ss += d * d;
        }

        return (mean, Math.Sqrt(ss / rows));
    }

    internal static (int Rows, int Columns) Check(double[,] values, IReadOnlyList<Direction> directions)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(directions);
        int m = values.GetLength(0);
        int n = values.GetLength(1);
        CheckLength(directions.Count, n, "指标方向", "directions");
        for (int j = 0; j < n; j++)
        {
            if (directions[j] is not (Direction.HigherIsBetter or Direction.LowerIsBetter))
            {
                throw EvaluationException.Of(
                    $"第{(j + 1).ToString(CultureInfo.InvariantCulture)}列的方向必须是正向或逆向",
                    $"column {(j + 1).ToString(CultureInfo.InvariantCulture)} must be HigherIsBetter or LowerIsBetter, got {directions[j]}");
            }
        }

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (!double.IsFinite(values[i, j]))
                {
                    throw EvaluationException.Of(
                        $"第{(i + 1).ToString(CultureInfo.InvariantCulture)}行第{(j + 1).ToString(CultureInfo.InvariantCulture)}列不是有限数值",
                        $"row {(i + 1).ToString(CultureInfo.InvariantCulture)}, column {(j + 1).ToString(CultureInfo.InvariantCulture)} is not a finite number");
                }
            }
        }

        return (m, n);
    }

    internal static void CheckLength(int actual, int expected, string zh, string en)
    {
        if (actual != expected)
        {
            throw EvaluationException.Of(
                $"{zh}个数（{actual.ToString(CultureInfo.InvariantCulture)}）与指标数（{expected.ToString(CultureInfo.InvariantCulture)}）不一致",
                $"{actual.ToString(CultureInfo.InvariantCulture)} {en} for {expected.ToString(CultureInfo.InvariantCulture)} criteria");
        }
    }
}
