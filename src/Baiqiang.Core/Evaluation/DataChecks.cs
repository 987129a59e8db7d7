namespace Baiqiang.Core.Evaluation;

/// <summary>Per-indicator statistics from <see cref="DataChecks.Run"/>.</summary>
public sealed record IndicatorCheck(
    string Indicator,
    double Availability,
    double ZeroShare,
    int UniqueValues,
    double Skewness,
    double Kurtosis,
    bool SkewKurtFlag,
    bool LowAvailabilityFlag,
    bool FewUniqueFlag);

/// <summary>A pair of indicators whose correlation is beyond the collinearity threshold.</summary>
public sealed record CollinearPair(string A, string B, double Correlation);

/// <summary>Cronbach's alpha of one group of indicators (a dimension's leaves).</summary>
public sealed record GroupReliability(string Group, int Indicators, double CronbachAlpha);

/// <summary>The outcome of <see cref="DataChecks.Run"/>.</summary>
public sealed record DataCheckReport(
    IReadOnlyList<IndicatorCheck> Indicators,
    IReadOnlyList<double> UnitAvailability,
    IReadOnlyList<int> UnitsBelowThreshold,
    double[,] Correlations,
    IReadOnlyList<CollinearPair> Collinear);

/// <summary>Thresholds for <see cref="DataChecks.Run"/> (COINr's defaults where it has one).</summary>
public sealed record DataCheckOptions
{
    /// <summary>Units with a smaller share of present values are flagged for dropping (COINr <c>Screen</c> dat_thresh).</summary>
    public double MinUnitAvailability { get; init; } = 0.66;

    /// <summary>Indicators with a smaller share of present values are flagged.</summary>
    public double MinIndicatorAvailability { get; init; } = 0.66;

    /// <summary>|skew| threshold (COINr <c>check_SkewKurt</c>): flagged when |skew| ≥ this AND kurtosis ≥ <see cref="KurtosisThreshold"/>.</summary>
    public double SkewThreshold { get; init; } = 2;

    public double KurtosisThreshold { get; init; } = 3.5;

    /// <summary>|r| at or above which a pair is reported as collinear.</summary>
    public double CollinearityThreshold { get; init; } = 0.9;

    /// <summary>Fewer unique values than this are flagged (COINr <c>get_stats</c> t_unq default 0.5 × units is used when 0).</summary>
    public int MinUniqueValues { get; init; } = 5;
}

/// <summary>
/// Data checks before an evaluation (COINr <c>get_stats</c>, <c>get_data_avail</c>, <c>get_corr</c>,
/// <c>get_cronbach</c>): availability per unit and indicator, share of zeros, unique values, skew/kurtosis flags,
/// the full correlation matrix (pairwise complete), collinear pairs and units below the availability threshold.
/// NaN marks missing values.
/// </summary>
public static class DataChecks
{
    public static DataCheckReport Run(IReadOnlyList<string> indicators, double[,] values, DataCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(values);
        options ??= new DataCheckOptions();
        int m = values.GetLength(0), n = values.GetLength(1);
        var checks = new List<IndicatorCheck>(n);
        for (int j = 0; j < n; j++)
        {
            var col = Statistics.Column(values, j);
            double avail = m == 0 ? 0 : (double)col.Length / m;
            int zeros = 0;
            foreach (double v in col)
            {
                if (v == 0)
                {
                    zeros++;
                }
            }

            int unique = col.Distinct().Count();
            double skew = Statistics.Skewness(col), kurt = Statistics.Kurtosis(col);
            checks.Add(new IndicatorCheck(
                indicators[j],
                avail,
                col.Length == 0 ? 0 : (double)zeros / col.Length,
                unique,
                skew,
                kurt,
                Math.Abs(skew) >= options.SkewThreshold && kurt >= options.KurtosisThreshold,
                avail < options.MinIndicatorAvailability,
                unique < options.MinUniqueValues));
        }

        var unitAvail = new double[m];
        var below = new List<int>();
        for (int i = 0; i < m; i++)
        {
            int present = 0;
            for (int j = 0; j < n; j++)
            {
                if (!double.IsNaN(values[i, j]))
                {
                    present++;
                }
            }

            unitAvail[i] = n == 0 ? 0 : (double)present / n;
            if (unitAvail[i] < options.MinUnitAvailability)
            {
                below.Add(i);
            }
        }

        // Complete columns are centred and scaled once so that their correlation is a dot product; pairs
        // involving a column with missing cells use the pairwise-complete routine.
        var unit = new double[n][];
        for (int j = 0; j < n; j++)
        {
            if (checks[j].Availability < 1 || m < 3)
            {
                continue;
            }

            var c = new double[m];
            double mean = 0;
            for (int i = 0; i < m; i++)
            {
                c[i] = values[i, j];
                mean += c[i];
            }

            mean /= m;
            double ss = 0;
            for (int i = 0; i < m; i++)
            {
                c[i] -= mean;
                ss += c[i] * c[i];
            }

            if (ss > 0)
            {
                double inv = 1 / Math.Sqrt(ss);
                for (int i = 0; i < m; i++)
                {
                    c[i] *= inv;
                }

                unit[j] = c;
            }
        }

        // Columns centred on their own mean (shift-invariant, and keeps the one-pass sums well conditioned).
        var centred = new double[n][];
        for (int j = 0; j < n; j++)
        {
            var c = new double[m];
            double mean = 0;
            int present = 0;
            for (int i = 0; i < m; i++)
            {
                c[i] = values[i, j];
                if (!double.IsNaN(c[i]))
                {
                    mean += c[i];
                    present++;
                }
            }

            mean = present == 0 ? 0 : mean / present;
            for (int i = 0; i < m; i++)
            {
                c[i] -= mean;
            }

            centred[j] = c;
        }

        var corr = new double[n, n];
        var collinear = new List<CollinearPair>();
        for (int a = 0; a < n; a++)
        {
            corr[a, a] = 1;
            for (int b = a + 1; b < n; b++)
            {
                double r;
                if (unit[a] is { } ua && unit[b] is { } ub)
                {
                    r = Math.Clamp(Dot(ua, ub), -1, 1);
                }
                else if ((checks[a].Availability == 1 && unit[a] is null) || (checks[b].Availability == 1 && unit[b] is null))
                {
                    r = 0; // a complete constant column
                }
                else
                {
                    r = PairwiseCorrelation(centred[a], centred[b]);
                }

                corr[a, b] = corr[b, a] = r;
                if (Math.Abs(r) >= options.CollinearityThreshold)
                {
                    collinear.Add(new CollinearPair(indicators[a], indicators[b], r));
                }
            }
        }

        return new DataCheckReport(checks, unitAvail, below, corr, collinear);
    }

    /// <summary>Pearson r over rows where both are present (one pass); 0 under 3 rows or a constant side.</summary>
    private static double PairwiseCorrelation(double[] x, double[] y)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double a = x[i], b = y[i];
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                continue;
            }

            sx += a;
            sy += b;
            sxx += a * a;
            syy += b * b;
            sxy += a * b;
            n++;
        }

        if (n < 3)
        {
            return 0;
        }

        double cov = sxy - (sx * sy / n), vx = sxx - (sx * sx / n), vy = syy - (sy * sy / n);
        return vx <= 1e-300 || vy <= 1e-300 ? 0 : Math.Clamp(cov / Math.Sqrt(vx * vy), -1, 1);
    }

    private static double Dot(double[] a, double[] b)
    {
        var va = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(a);
        var vb = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(b);
        var acc = System.Numerics.Vector<double>.Zero;
        for (int k = 0; k < va.Length; k++)
        {
            acc += va[k] * vb[k];
        }

        double s = System.Numerics.Vector.Sum(acc);
        for (int k = va.Length * System.Numerics.Vector<double>.Count; k < a.Length; k++)
        {
            s += a[k] * b[k];
        }

        return s;
    }

    /// <summary>
    /// Cronbach's alpha of the columns <paramref name="columns"/> (complete rows only):
    /// α = k/(k−1) · (1 − Σ var_j / var(Σ_j x_j)) with sample variances. Fewer than 2 columns or 2 complete rows,
    /// or a constant total, gives 0 (documented fallback, never NaN).
    /// </summary>
    public static double CronbachAlpha(double[,] values, IReadOnlyList<int> columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(columns);
        int k = columns.Count;
        if (k < 2)
        {
            return 0;
        }

        var rows = new List<double[]>();
        for (int i = 0; i < values.GetLength(0); i++)
        {
            var r = new double[k];
            bool ok = true;
            for (int c = 0; c < k; c++)
            {
                r[c] = values[i, columns[c]];
                ok &= !double.IsNaN(r[c]);
            }

            if (ok)
            {
                rows.Add(r);
            }
        }

        if (rows.Count < 2)
        {
            return 0;
        }

        double sumVar = 0;
        for (int c = 0; c < k; c++)
        {
            double sd = Statistics.SampleSd(rows.Select(r => r[c]).ToArray());
            sumVar += sd * sd;
        }

        double totalSd = Statistics.SampleSd(rows.Select(r => r.Sum()).ToArray());
        double totalVar = totalSd * totalSd;
        return totalVar <= 0 ? 0 : k / (k - 1.0) * (1 - (sumVar / totalVar));
    }
}
