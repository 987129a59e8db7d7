using System.Globalization;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Evaluation;

/// <summary>How <see cref="DecisionMatrix.FromDecimal"/> treats a missing (null) value.</summary>
public enum MissingValuePolicy
{
    /// <summary>A missing value is an error naming the unit and criterion.</summary>
    Reject = 0,
    /// <summary>Replace by the mean of the criterion's present values.</summary>
    ColumnMean = 1,
    /// <summary>Replace by the median of the criterion's present values (mean of the middle two for an even count).</summary>
    ColumnMedian = 2,
}

/// <summary>
/// An immutable decision matrix: units (rows, e.g. counties) × criteria (columns, e.g. indicators), each
/// criterion with a <see cref="Direction"/> (benefit = <see cref="Direction.HigherIsBetter"/>, cost =
/// <see cref="Direction.LowerIsBetter"/>).
/// </summary>
/// <remarks>
/// Invariants, checked on construction (violations throw <see cref="EvaluationException"/>): at least 2 units and
/// 1 criterion; unit names and criterion names non-empty and unique (ordinal); every value finite (no NaN/∞ —
/// missing values are only handled by imputation in <see cref="FromDecimal"/>); one direction per criterion and
/// none <see cref="Direction.Neutral"/>. The values are copied in, so later changes to the caller's array do not
/// leak in.
/// </remarks>
public sealed class DecisionMatrix
{
    private readonly double[,] _values;
    private readonly double[] _columns;
    private readonly string[] _units;
    private readonly string[] _criteria;
    private readonly Direction[] _directions;

    public DecisionMatrix(
        IReadOnlyList<string> units,
        IReadOnlyList<string> criteria,
        double[,] values,
        IReadOnlyList<Direction> directions)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(directions);

        int m = values.GetLength(0);
        int n = values.GetLength(1);
        if (m < 2)
        {
            throw EvaluationException.Of(
                $"综合评价至少需要2个评价单元，实际为{m.ToString(CultureInfo.InvariantCulture)}个",
                $"an evaluation needs at least 2 units, got {m.ToString(CultureInfo.InvariantCulture)}");
        }

        if (n < 1)
        {
            throw EvaluationException.Of("综合评价至少需要1项指标", "an evaluation needs at least 1 criterion");
        }

        if (units.Count != m)
        {
            throw EvaluationException.Of(
                $"单元名称数（{units.Count.ToString(CultureInfo.InvariantCulture)}）与矩阵行数（{m.ToString(CultureInfo.InvariantCulture)}）不一致",
                $"{units.Count.ToString(CultureInfo.InvariantCulture)} unit names for {m.ToString(CultureInfo.InvariantCulture)} matrix rows");
        }

        if (criteria.Count != n)
        {
            throw EvaluationException.Of(
                $"指标名称数（{criteria.Count.ToString(CultureInfo.InvariantCulture)}）与矩阵列数（{n.ToString(CultureInfo.InvariantCulture)}）不一致",
                $"{criteria.Count.ToString(CultureInfo.InvariantCulture)} criterion names for {n.ToString(CultureInfo.InvariantCulture)} matrix columns");
        }

        if (directions.Count != n)
        {
            throw EvaluationException.Of(
                $"指标方向数（{directions.Count.ToString(CultureInfo.InvariantCulture)}）与指标数（{n.ToString(CultureInfo.InvariantCulture)}）不一致",
                $"{directions.Count.ToString(CultureInfo.InvariantCulture)} directions for {n.ToString(CultureInfo.InvariantCulture)} criteria");
        }

        _units = CheckNames(units, "单元", "unit");
        _criteria = CheckNames(criteria, "指标", "criterion");
        _directions = new Direction[n];
        for (int j = 0; j < n; j++)
        {
            var d = directions[j];
            if (d is not (Direction.HigherIsBetter or Direction.LowerIsBetter))
            {
                throw EvaluationException.Of(
                    $"指标“{_criteria[j]}”的方向必须是正向（越大越好）或逆向（越小越好）",
                    $"criterion '{_criteria[j]}' must be HigherIsBetter or LowerIsBetter, got {d}");
            }

            _directions[j] = d;
        }

        _values = new double[m, n];
        _columns = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = values[i, j];
                _columns[(j * m) + i] = v;
                if (!double.IsFinite(v))
                {
                    throw EvaluationException.Of(
                        $"“{_units[i]}”的指标“{_criteria[j]}”不是有限数值（{v.ToString(CultureInfo.InvariantCulture)}）；缺失值请先插补",
                        $"unit '{_units[i]}', criterion '{_criteria[j]}' is not a finite number ({v.ToString(CultureInfo.InvariantCulture)}); impute missing values first");
                }

                _values[i, j] = v;
            }
        }
    }

    /// <summary>Number of units (rows), at least 2.</summary>
    public int UnitCount => _units.Length;

    /// <summary>Number of criteria (columns), at least 1.</summary>
    public int CriterionCount => _criteria.Length;

    /// <summary>Unit names in row order.</summary>
    public IReadOnlyList<string> Units => _units;

    /// <summary>Criterion names in column order.</summary>
    public IReadOnlyList<string> Criteria => _criteria;

    /// <summary>Direction of each criterion, never <see cref="Direction.Neutral"/>.</summary>
    public IReadOnlyList<Direction> Directions => _directions;

    /// <summary>The value of <paramref name="unit"/> on <paramref name="criterion"/> (zero-based indices).</summary>
    public double this[int unit, int criterion] => _values[unit, criterion];

    /// <summary>The values without copying; callers inside the assembly must not mutate it.</summary>
    internal double[,] Values => _values;

    internal Direction[] DirectionArray => _directions;

    /// <summary>
    /// Criterion <paramref name="criterion"/>'s values in unit order, contiguous: the matrix keeps a column-major copy
    /// (made once, in the constructor) so the per-criterion kernels in <see cref="ColumnKernels"/> run over spans.
    /// </summary>
    internal ReadOnlySpan<double> Column(int criterion) => _columns.AsSpan(criterion * _units.Length, _units.Length);

    /// <summary>Every criterion's column, one after another (criterion j at j × <see cref="UnitCount"/>).</summary>
    internal ReadOnlySpan<double> Columns => _columns;

    /// <summary>A copy of the values.</summary>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>Whether criterion <paramref name="criterion"/> is a benefit (higher is better) criterion.</summary>
    public bool IsBenefit(int criterion) => _directions[criterion] == Direction.HigherIsBetter;

    /// <summary>
    /// Builds a matrix from store values (exact decimals), converting each to double exactly once. Null marks a
    /// missing value, handled by <paramref name="missing"/>; a criterion with no present value at all cannot be
    /// imputed and throws.
    /// </summary>
    public static DecisionMatrix FromDecimal(
        IReadOnlyList<string> units,
        IReadOnlyList<string> criteria,
        decimal?[,] values,
        IReadOnlyList<Direction> directions,
        MissingValuePolicy missing = MissingValuePolicy.Reject)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(values);
        int m = values.GetLength(0);
        int n = values.GetLength(1);
        var result = new double[m, n];
        var present = new List<double>(m);
        for (int j = 0; j < n; j++)
        {
            present.Clear();
            for (int i = 0; i < m; i++)
            {
                if (values[i, j] is { } v)
                {
                    present.Add((double)v);
                }
            }

            double fill = double.NaN;
            if (present.Count < m)
            {
                string criterion = j < criteria.Count ? criteria[j] : j.ToString(CultureInfo.InvariantCulture);
                if (missing == MissingValuePolicy.Reject)
                {
                    int firstMissing = 0;
                    while (values[firstMissing, j] is not null)
                    {
                        firstMissing++;
                    }

                    string unit = firstMissing < units.Count ? units[firstMissing] : firstMissing.ToString(CultureInfo.InvariantCulture);
                    throw EvaluationException.Of(
                        $"“{unit}”的指标“{criterion}”缺失，且未指定插补方法",
                        $"unit '{unit}' has no value for criterion '{criterion}' and no imputation was requested");
                }

                if (present.Count == 0)
                {
                    throw EvaluationException.Of(
                        $"指标“{criterion}”全部缺失，无法插补",
                        $"criterion '{criterion}' has no values at all and cannot be imputed");
                }

                fill = missing == MissingValuePolicy.ColumnMedian ? Median(present) : Mean(present);
            }

            for (int i = 0; i < m; i++)
            {
                result[i, j] = values[i, j] is { } v ? (double)v : fill;
            }
        }

        return new DecisionMatrix(units, criteria, result, directions);
    }

    private static double Mean(List<double> xs)
    {
        double s = 0;
        foreach (double x in xs)
        {
            s += x;
        }

        return s / xs.Count;
    }

    private static double Median(List<double> xs)
    {
        xs.Sort();
        int k = xs.Count / 2;
        return xs.Count % 2 == 1 ? xs[k] : (xs[k - 1] + xs[k]) / 2;
    }

    private static string[] CheckNames(IReadOnlyList<string> names, string zh, string en)
    {
        var copy = new string[names.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < copy.Length; i++)
        {
            string name = names[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw EvaluationException.Of(
                    $"第{(i + 1).ToString(CultureInfo.InvariantCulture)}个{zh}名称为空",
                    $"{en} name #{(i + 1).ToString(CultureInfo.InvariantCulture)} is empty");
            }

            if (!seen.Add(name))
            {
                throw EvaluationException.Of($"{zh}名称“{name}”重复", $"duplicate {en} name '{name}'");
            }

            copy[i] = name;
        }

        return copy;
    }
}
