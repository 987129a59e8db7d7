using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Tests.Evaluation;

/// <summary>
/// The scalar, row-major formulas that Core used before the vectorised evaluation core (commit before "Evaluation:
/// vectorised …"), kept here verbatim in their arithmetic so the property tests can hold the fast paths to them.
/// Validation is left out: the tests feed valid matrices. One rule is stated rather than computed: a constant column's
/// pymcdm entropy d_j is 0 (its E_j is exactly 1; computed, it is rounding noise, which decided the weights of a matrix
/// whose columns are all constant).
/// </summary>
internal static class ScalarReference
{
    public static double[] EntropyPymcdm(double[,] x)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        var colSum = new double[n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                colSum[j] += x[i, j];
            }
        }

        var plnp = new double[n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double p = x[i, j] / colSum[j];
                if (p > 0)
                {
                    plnp[j] += p * Math.Log(p);
                }
            }
        }

        double lnM = Math.Log(m);
        var d = new double[n];
        for (int j = 0; j < n; j++)
        {
            double dj = 1.0 - (-plnp[j] / lnM);
            d[j] = dj < 0 || IsConstant(x, j) ? 0 : dj; // a constant column carries no information (docs/evaluation.md)
        }

        return NormaliseOrEqual(d);
    }

    private static bool IsConstant(double[,] x, int j)
    {
        for (int i = 1; i < x.GetLength(0); i++)
        {
            if (x[i, j] != x[0, j])
            {
                return false;
            }
        }

        return true;
    }

    public static double[] EntropyMinMaxShift(double[,] x, Direction[] directions, double shift = Weights.DefaultEntropyShift)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        var z = MinMax(x, directions);
        var sum = new double[n];
        var zlnz = new double[n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = z[i, j] + shift;
                sum[j] += v;
                zlnz[j] += v * Math.Log(v);
            }
        }

        double lnM = Math.Log(m);
        var d = new double[n];
        for (int j = 0; j < n; j++)
        {
            double plnp = (zlnz[j] / sum[j]) - Math.Log(sum[j]);
            double dj = 1.0 + (plnp / lnM);
            d[j] = dj < 0 ? 0 : dj;
        }

        return NormaliseOrEqual(d);
    }

    public static double[] Critic(double[,] x, Direction[] directions)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        var z = MinMax(x, directions);
        var mean = new double[n];
        var sd = new double[n];
        for (int j = 0; j < n; j++)
        {
            (mean[j], sd[j]) = MeanSd(z, j);
        }

        var c = new double[n];
        for (int j = 0; j < n; j++)
        {
            if (sd[j] == 0)
            {
                continue;
            }

            double conflict = 0;
            for (int k = 0; k < n; k++)
            {
                double r = 0;
                if (k == j)
                {
                    r = 1;
                }
                else if (sd[k] != 0)
                {
                    double cov = 0;
                    for (int i = 0; i < m; i++)
                    {
                        cov += (z[i, j] - mean[j]) * (z[i, k] - mean[k]);
                    }

                    r = cov / m / (sd[j] * sd[k]);
                }

                conflict += 1 - r;
            }

            c[j] = sd[j] * conflict;
        }

        return NormaliseOrEqual(c);
    }

    public static double[] StandardDeviation(double[,] x, Direction[] directions)
    {
        var z = MinMax(x, directions);
        var sd = new double[x.GetLength(1)];
        for (int j = 0; j < sd.Length; j++)
        {
            sd[j] = MeanSd(z, j).Sd;
        }

        return NormaliseOrEqual(sd);
    }

    public static double[] Topsis(double[,] x, Direction[] directions, double[] weights, TopsisNormalization normalization)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        double total = weights.Sum();
        var w = weights.Select(v => v / total).ToArray();
        var z = normalization == TopsisNormalization.MinMax ? MinMax(x, directions) : Vector(x, directions);
        var pis = new double[n];
        var nis = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                z[i, j] *= w[j];
            }

            double lo = z[0, j], hi = z[0, j];
            for (int i = 1; i < m; i++)
            {
                lo = Math.Min(lo, z[i, j]);
                hi = Math.Max(hi, z[i, j]);
            }

            (nis[j], pis[j]) = (lo, hi);
        }

        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            double dp = 0, dm = 0;
            for (int j = 0; j < n; j++)
            {
                double a = z[i, j] - pis[j];
                double b = z[i, j] - nis[j];
                dp += a * a;
                dm += b * b;
            }

            dp = Math.Sqrt(dp);
            dm = Math.Sqrt(dm);
            r[i] = dp + dm == 0 ? 0.5 : dm / (dp + dm);
        }

        return r;
    }

    public static double[] WeightedSum(double[,] x, double[] weights)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        double total = weights.Sum();
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += weights[j] / total * x[i, j];
            }

            r[i] = s;
        }

        return r;
    }

    public static double[,] MinMax(double[,] x, Direction[] directions)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        var r = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            double lo = x[0, j], hi = x[0, j];
            for (int i = 1; i < m; i++)
            {
                lo = Math.Min(lo, x[i, j]);
                hi = Math.Max(hi, x[i, j]);
            }

            double range = hi - lo;
            bool benefit = directions[j] != Direction.LowerIsBetter;
            for (int i = 0; i < m; i++)
            {
                r[i, j] = range == 0 ? 1.0 : benefit ? (x[i, j] - lo) / range : (hi - x[i, j]) / range;
            }
        }

        return r;
    }

    private static double[,] Vector(double[,] x, Direction[] directions)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        var r = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            double ss = 0;
            for (int i = 0; i < m; i++)
            {
                ss += x[i, j] * x[i, j];
            }

            double norm = Math.Sqrt(ss);
            bool benefit = directions[j] != Direction.LowerIsBetter;
            for (int i = 0; i < m; i++)
            {
                double v = norm == 0 ? 0 : x[i, j] / norm;
                r[i, j] = benefit ? v : 1.0 - v;
            }
        }

        return r;
    }

    private static (double Mean, double Sd) MeanSd(double[,] z, int j)
    {
        int m = z.GetLength(0);
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            sum += z[i, j];
        }

        double mean = sum / m;
        double ss = 0;
        for (int i = 0; i < m; i++)
        {
            double d = z[i, j] - mean;
            ss += d * d;
        }

        return (mean, Math.Sqrt(ss / m));
    }

    private static double[] NormaliseOrEqual(double[] raw)
    {
        double total = raw.Sum();
        if (!(total > 0) || !double.IsFinite(total))
        {
            return [.. Enumerable.Repeat(1.0 / raw.Length, raw.Length)];
        }

        return [.. raw.Select(v => v / total)];
    }
}
