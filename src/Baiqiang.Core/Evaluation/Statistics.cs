namespace Baiqiang.Core.Evaluation;

/// <summary>
/// Column statistics used by the data checks and treatment. NaN marks a missing value and is skipped.
/// Skewness and kurtosis are the e1071 "type 2" estimators COINr uses (Excel's SKEW and KURT): sample skewness
/// G1 = √(n(n−1))/(n−2) · g1 and excess kurtosis G2 = ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)) with r = n Σd⁴/(Σd²)².
/// </summary>
public static class Statistics
{
    /// <summary>The present (non-NaN) values of column <paramref name="j"/>.</summary>
    public static double[] Column(double[,] x, int j)
    {
        int m = x.GetLength(0);
        var list = new List<double>(m);
        for (int i = 0; i < m; i++)
        {
            if (!double.IsNaN(x[i, j]))
            {
                list.Add(x[i, j]);
            }
        }

        return [.. list];
    }

    public static double Mean(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Mean(Span(x));
    }

    /// <summary>Arrays are read as spans (no interface dispatch per element); other lists are copied once.</summary>
    private static ReadOnlySpan<double> Span(IReadOnlyList<double> x) => x is double[] a ? a : x.ToArray();

    public static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i];
        }

        return x.Length == 0 ? double.NaN : s / x.Length;
    }

    /// <summary>Median (mean of the middle two for an even count); NaN when empty.</summary>
    public static double Median(IReadOnlyList<double> x)
    {
        if (x.Count == 0)
        {
            return double.NaN;
        }

        var s = x.ToArray();
        Array.Sort(s);
        int k = s.Length / 2;
        return s.Length % 2 == 1 ? s[k] : (s[k - 1] + s[k]) / 2;
    }

    /// <summary>Sample standard deviation (n − 1); 0 for fewer than 2 values.</summary>
    public static double SampleSd(IReadOnlyList<double> x)
    {
        if (x.Count < 2)
        {
            return 0;
        }

        double mu = Mean(x);
        double ss = 0;
        for (int i = 0; i < x.Count; i++)
        {
            ss += (x[i] - mu) * (x[i] - mu);
        }

        return Math.Sqrt(ss / (x.Count - 1));
    }

    /// <summary>Sample skewness (e1071 type 2, COINr <c>skew</c>); 0 for a constant column or fewer than 3 values.</summary>
    public static double Skewness(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Skewness(Span(x));
    }

    /// <inheritdoc cref="Skewness(IReadOnlyList{double})"/>
    public static double Skewness(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        if (n < 3)
        {
            return 0;
        }

        double mu = Mean(x);
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < n; i++)
        {
            double d = x[i] - mu;
            s2 += d * d;
            s3 += d * d * d;
        }

        if (s2 <= 0)
        {
            return 0;
        }

        double g1 = Math.Sqrt(n) * s3 / Math.Pow(s2, 1.5);
        return g1 * Math.Sqrt((double)n * (n - 1)) / (n - 2);
    }

    /// <summary>Excess kurtosis (e1071 type 2, COINr <c>kurt</c>); 0 for a constant column or fewer than 4 values.</summary>
    public static double Kurtosis(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Kurtosis(Span(x));
    }

    /// <inheritdoc cref="Kurtosis(IReadOnlyList{double})"/>
    public static double Kurtosis(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        if (n < 4)
        {
            return 0;
        }

        double mu = Mean(x);
        double s2 = 0;
        double s4 = 0;
        for (int i = 0; i < n; i++)
        {
            double d = x[i] - mu;
            s2 += d * d;
            s4 += d * d * d * d;
        }

        if (s2 <= 0)
        {
            return 0;
        }

        double r = n * s4 / (s2 * s2);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((double)(n - 2) * (n - 3));
    }

    /// <summary>
    /// Pearson correlation over the rows where both columns are present; 0 when fewer than 3 such rows or either
    /// side is constant (documented fallback, never NaN).
    /// </summary>
    public static double Correlation(double[,] x, int a, int b)
    {
        int m = x.GetLength(0);
        double sa = 0, sb = 0;
        int n = 0;
        for (int i = 0; i < m; i++)
        {
            if (!double.IsNaN(x[i, a]) && !double.IsNaN(x[i, b]))
            {
                sa += x[i, a];
                sb += x[i, b];
                n++;
            }
        }

        if (n < 3)
        {
            return 0;
        }

        double ma = sa / n, mb = sb / n, sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < m; i++)
        {
            if (!double.IsNaN(x[i, a]) && !double.IsNaN(x[i, b]))
            {
                double da = x[i, a] - ma, db = x[i, b] - mb;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }

        return saa <= 0 || sbb <= 0 ? 0 : Math.Clamp(sab / Math.Sqrt(saa * sbb), -1, 1);
    }

    /// <summary>Pearson correlations between two vectors of equal length (no missing values); 0 for a constant side.</summary>
    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var m = new double[a.Count, 2];
        for (int i = 0; i < a.Count; i++)
        {
            m[i, 0] = a[i];
            m[i, 1] = b[i];
        }

        return Correlation(m, 0, 1);
    }

    /// <summary>Percentile by linear interpolation between order statistics (R type 7, numpy default); <paramref name="sorted"/> ascending.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
