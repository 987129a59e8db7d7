namespace Baiqiang.Core.Evaluation;

/// <summary>
/// Tiers (梯队) by optimal 1-D k-means (Ckmeans.1d.dp, Wang &amp; Song 2011): the partition of the sorted scores
/// into k contiguous groups minimising the within-group sum of squares, found exactly by dynamic programming
/// with the divide-and-conquer speed-up (O(k·n·log n)). Tier 1 is the highest-scoring group.
/// </summary>
public static class Tiers
{
    /// <summary>
    /// One tier per score (1 = best). k is clamped to the number of distinct scores (so a constant score vector
    /// is one tier). k &lt; 1 throws.
    /// </summary>
    public static int[] Assign(IReadOnlyList<double> scores, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int n = scores.Count;
        if (n == 0)
        {
            return [];
        }

        var order = Enumerable.Range(0, n).ToArray();
        var sorted = scores.ToArray();
        Array.Sort(sorted, order);
        int distinct = 1;
        for (int i = 1; i < n; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        k = Math.Min(k, distinct);
        var s1 = new double[n + 1];
        var s2 = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            s1[i + 1] = s1[i] + sorted[i];
            s2[i + 1] = s2[i] + (sorted[i] * sorted[i]);
        }

        // cost of group [a, b] inclusive, 0-based
        double Ssq(int a, int b)
        {
            int len = b - a + 1;
            double s = s1[b + 1] - s1[a];
            return Math.Max(0, s2[b + 1] - s2[a] - (s * s / len));
        }

        var d = new double[k, n];
        var back = new int[k, n];
        for (int i = 0; i < n; i++)
        {
            d[0, i] = Ssq(0, i);
        }

        for (int q = 1; q < k; q++)
        {
            Fill(q, q, n - 1, q, n - 1);
        }

        void Fill(int q, int lo, int hi, int jlo, int jhi)
        {
            if (lo > hi)
            {
                return;
            }

            int mid = (lo + hi) / 2;
            double best = double.PositiveInfinity;
            int arg = Math.Max(jlo, q);
            for (int j = Math.Max(jlo, q); j <= Math.Min(jhi, mid); j++)
            {
                double c = d[q - 1, j - 1] + Ssq(j, mid);
                if (c < best)
                {
                    best = c;
                    arg = j;
                }
            }

            d[q, mid] = best;
            back[q, mid] = arg;
            Fill(q, lo, mid - 1, jlo, arg);
            Fill(q, mid + 1, hi, arg, jhi);
        }

        var clusterOfSorted = new int[n];
        int end = n - 1;
        for (int q = k - 1; q >= 0; q--)
        {
            int start = q == 0 ? 0 : back[q, end];
            for (int i = start; i <= end; i++)
            {
                clusterOfSorted[i] = q;
            }

            end = start - 1;
        }

        var tiers = new int[n];
        for (int i = 0; i < n; i++)
        {
            tiers[order[i]] = k - clusterOfSorted[i];
        }

        return tiers;
    }
}
