namespace Baiqiang.Core.Evaluation;

public static partial class Weights
{
    /// <summary>
    /// PCA weights (OECD/JRC Handbook, first principal component): the correlation matrix R of the columns,
    /// its principal eigenvector v (power iteration), w_j = v_j² (so Σw = 1 and the sign of v does not matter).
    /// Constant columns have zero correlation with everything and get ≈ 0 weight; if R has no dominant
    /// direction (every column constant) the result is equal weights.
    /// </summary>
    public static double[] Pca(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.CriterionCount;
        var x = matrix.ToArray();
        var r = new double[n, n];
        bool any = false;
        for (int a = 0; a < n; a++)
        {
            r[a, a] = Statistics.SampleSd(Statistics.Column(x, a)) > 0 ? 1 : 0;
            any |= r[a, a] > 0;
            for (int b = a + 1; b < n; b++)
            {
                r[a, b] = r[b, a] = Statistics.Correlation(x, a, b);
            }
        }

        if (!any)
        {
            return Equal(n);
        }

        var v = new double[n];
        Array.Fill(v, 1 / Math.Sqrt(n));
        var next = new double[n];
        for (int iter = 0; iter < 1000; iter++)
        {
            double norm = 0;
            for (int a = 0; a < n; a++)
            {
                double s = 0;
                for (int b = 0; b < n; b++)
                {
                    s += r[a, b] * v[b];
                }

                next[a] = s;
                norm += s * s;
            }

            norm = Math.Sqrt(norm);
            if (!(norm > 0))
            {
                return Equal(n);
            }

            double change = 0;
            for (int a = 0; a < n; a++)
            {
                double nv = next[a] / norm;
                change = Math.Max(change, Math.Abs(nv - v[a]));
                v[a] = nv;
            }

            if (change < 1e-13)
            {
                break;
            }
        }

        var w = new double[n];
        for (int a = 0; a < n; a++)
        {
            w[a] = v[a] * v[a];
        }

        double total = w.Sum();
        for (int a = 0; a < n; a++)
        {
            w[a] /= total;
        }

        return w;
    }
}
