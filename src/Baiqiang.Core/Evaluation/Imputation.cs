using System.Globalization;

namespace Baiqiang.Core.Evaluation;

/// <summary>Cross-sectional imputation methods (COINr <c>i_mean</c>, <c>i_median</c>, <c>i_mean_grp</c>, <c>i_median_grp</c>).</summary>
public enum ImputationMethod
{
    /// <summary>No imputation: missing cells stay missing (the pipeline then rejects them).</summary>
    None = 0,
    Mean = 1,
    Median = 2,
    /// <summary>Mean of the unit's peer group; falls back to the column mean when the group has no value.</summary>
    GroupMean = 3,
    /// <summary>Median of the unit's peer group; falls back to the column median when the group has no value.</summary>
    GroupMedian = 4,
}

/// <summary>Panel (time-series) imputation (COINr <c>impute_panel</c>).</summary>
public enum PanelImputation
{
    /// <summary>The latest earlier observation, else the earliest later one (COINr "constant").</summary>
    Constant = 0,
    /// <summary>Linear interpolation between the neighbouring observations; outside them the closest observed value (COINr "linear").</summary>
    Linear = 1,
    /// <summary>The latest observation of the series at or before the period (last observation carried forward only).</summary>
    Latest = 2,
}

/// <summary>One imputed cell: which unit and indicator, by what method, and the value put in.</summary>
public sealed record ImputedCell(int Unit, int Indicator, string Method, double Value);

/// <summary>Imputation with an audit trail: every imputed cell is returned in <see cref="ImputedCell"/> records.</summary>
public static class Imputation
{
    /// <summary>
    /// Fills NaN cells column by column. Returns a new matrix (the input is not changed) and the imputed cells.
    /// A column with no value at all cannot be imputed and throws. <paramref name="groups"/> (one label per row)
    /// is required for the group methods.
    /// </summary>
    public static (double[,] Values, IReadOnlyList<ImputedCell> Imputed) Impute(
        double[,] values, ImputationMethod method, IReadOnlyList<string>? groups = null, IReadOnlyList<string>? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var x = (double[,])values.Clone();
        var log = new List<ImputedCell>();
        if (method == ImputationMethod.None)
        {
            return (x, log);
        }

        int m = x.GetLength(0), n = x.GetLength(1);
        bool grouped = method is ImputationMethod.GroupMean or ImputationMethod.GroupMedian;
        if (grouped && (groups is null || groups.Count != m))
        {
            throw EvaluationException.Of("按组插补需要每个单元的组别", "group imputation needs one group label per unit");
        }

        bool median = method is ImputationMethod.Median or ImputationMethod.GroupMedian;
        string name = method.ToString();
        for (int j = 0; j < n; j++)
        {
            var col = Statistics.Column(values, j);
            if (col.Length == m)
            {
                continue;
            }

            if (col.Length == 0)
            {
                string ind = indicators is not null && j < indicators.Count ? indicators[j] : (j + 1).ToString(CultureInfo.InvariantCulture);
                throw EvaluationException.Of($"指标“{ind}”全部缺失，无法插补", $"indicator '{ind}' has no values at all and cannot be imputed");
            }

            double overall = median ? Statistics.Median(col) : Statistics.Mean(col);
            Dictionary<string, double>? byGroup = null;
            if (grouped)
            {
                byGroup = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var g in groups!.Distinct(StringComparer.Ordinal).ToArray())
                {
                    var present = new List<double>();
                    for (int i = 0; i < m; i++)
                    {
                        if (string.Equals(groups![i], g, StringComparison.Ordinal) && !double.IsNaN(values[i, j]))
                        {
                            present.Add(values[i, j]);
                        }
                    }

                    if (present.Count > 0)
                    {
                        byGroup[g] = median ? Statistics.Median(present) : Statistics.Mean(present);
                    }
                }
            }

            for (int i = 0; i < m; i++)
            {
                if (double.IsNaN(x[i, j]))
                {
                    double fill = overall;
                    string how = name;
                    if (byGroup is not null)
                    {
                        if (byGroup.TryGetValue(groups![i], out double g))
                        {
                            fill = g;
                        }
                        else
                        {
                            how = median ? "Median (group empty)" : "Mean (group empty)";
                        }
                    }

                    x[i, j] = fill;
                    log.Add(new ImputedCell(i, j, how, fill));
                }
            }
        }

        return (x, log);
    }

    /// <summary>
    /// Imputes one unit's series (values in time order at <paramref name="times"/>, NaN missing) by
    /// <paramref name="method"/>; returns the filled series and the indices imputed. An all-missing series is
    /// returned unchanged (nothing to impute from).
    /// </summary>
    public static (double[] Values, IReadOnlyList<int> Imputed) ImputePanel(IReadOnlyList<double> times, IReadOnlyList<double> series, PanelImputation method)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(series);
        if (times.Count != series.Count)
        {
            throw EvaluationException.Of("时间与数值个数不一致", "times and values differ in length");
        }

        var y = series.ToArray();
        var imputed = new List<int>();
        var observed = new List<int>();
        for (int t = 0; t < y.Length; t++)
        {
            if (!double.IsNaN(series[t]))
            {
                observed.Add(t);
            }
        }

        if (observed.Count == 0)
        {
            return (y, imputed);
        }

        for (int t = 0; t < y.Length; t++)
        {
            if (!double.IsNaN(series[t]))
            {
                continue;
            }

            int before = -1, after = -1;
            foreach (int o in observed)
            {
                if (o < t)
                {
                    before = o;
                }
                else if (after < 0)
                {
                    after = o;
                }
            }

            double v;
            switch (method)
            {
                case PanelImputation.Latest:
                    if (before < 0)
                    {
                        continue;
                    }

                    v = series[before];
                    break;
                case PanelImputation.Constant:
                    v = before >= 0 ? series[before] : series[after];
                    break;
                default:
                    if (before >= 0 && after >= 0)
                    {
                        double f = (times[t] - times[before]) / (times[after] - times[before]);
                        v = series[before] + (f * (series[after] - series[before]));
                    }
                    else
                    {
                        v = before >= 0 ? series[before] : series[after];
                    }

                    break;
            }

            y[t] = v;
            imputed.Add(t);
        }

        return (y, imputed);
    }
}
