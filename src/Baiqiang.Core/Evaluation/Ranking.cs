namespace Baiqiang.Core.Evaluation;

/// <summary>Turns scores into ranks.</summary>
public static class Ranking
{
    /// <summary>Scores closer than this (absolute) are tied.</summary>
    public const double TieTolerance = 1e-12;

    /// <summary>
    /// Competition ranking ("1224"): rank 1 is the best score (largest when <paramref name="higherIsBetter"/>,
    /// else smallest); units whose score is within <see cref="TieTolerance"/> of the first score of their tie
    /// group share its rank, and the next rank skips accordingly. NaN scores throw
    /// <see cref="EvaluationException"/>. O(m log m).
    /// </summary>
    public static int[] Rank(IReadOnlyList<double> scores, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores is double[] array ? Rank(array, higherIsBetter) : Rank([.. scores], higherIsBetter);
    }

    private static int[] Rank(double[] scores, bool higherIsBetter)
    {
        int m = scores.Length;
        var keys = new double[m];
        var order = new int[m];
        for (int i = 0; i < m; i++)
        {
            double s = scores[i];
            if (double.IsNaN(s))
            {
                throw EvaluationException.Of("得分中含有非数值（NaN），无法排名", "scores contain NaN and cannot be ranked");
            }

            keys[i] = higherIsBetter ? -s : s;
            order[i] = i;
        }

        // The sort need not be stable: tied units get the same rank whatever their order within the group.
        Array.Sort(keys, order);
        var ranks = new int[m];
        int k = 0;
        while (k < m)
        {
            int start = k;
            double leader = keys[k];
            while (k < m && (keys[k] - leader) <= TieTolerance)
            {
                ranks[order[k]] = start + 1;
                k++;
            }
        }

        return ranks;
    }
}
