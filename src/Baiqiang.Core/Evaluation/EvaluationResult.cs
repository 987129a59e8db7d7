namespace Baiqiang.Core.Evaluation;

/// <summary>One unit's score decomposed: per-indicator contributions and its strengths and weaknesses.</summary>
public sealed record UnitProfile(
    string Unit,
    double Score,
    int Rank,
    int Tier,
    IReadOnlyDictionary<string, double> DimensionScores,
    IReadOnlyDictionary<string, double> Contributions,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Weaknesses);

/// <summary>A unit near another in indicator space (对标).</summary>
public sealed record Peer(string Unit, double Distance, int Rank);

/// <summary>
/// The outcome of <see cref="EvaluationPipeline.Run"/>: for each kept unit (row order of <see cref="Units"/>) the
/// index score (higher = better), competition rank (ties share), tier (1 = top group), scores of every group
/// node, and the data-preparation audit (checks, dropped units, imputed cells, treatments).
/// </summary>
/// <remarks>
/// <see cref="Contributions"/>[i, j] = (product of the renormalised weights on the path to indicator j) ×
/// normalised value. When every level is arithmetic the contributions of a unit sum exactly to its score
/// (<see cref="ContributionsExact"/>); otherwise they are the weighted normalised values, indicative only.
/// </remarks>
public sealed class EvaluationResult
{
    private EvaluationResult()
    {
    }

    public EvaluationFramework Framework { get; private init; } = null!;

    public IReadOnlyList<string> Units { get; private init; } = [];

    /// <summary>Leaf (indicator) node codes in column order.</summary>
    public IReadOnlyList<string> IndicatorCodes { get; private init; } = [];

    public IReadOnlyList<double> Scores { get; private init; } = [];

    public IReadOnlyList<int> Ranks { get; private init; } = [];

    public IReadOnlyList<int> Tiers { get; private init; } = [];

    /// <summary>Score of every group node (dimension, sub-dimension) by node code, per unit.</summary>
    public IReadOnlyDictionary<string, double[]> NodeScores { get; private init; } = new Dictionary<string, double[]>();

    /// <summary>Normalised indicator values (higher = better) used in the aggregation.</summary>
    public double[,] Normalised { get; private init; } = new double[0, 0];

    /// <summary>The effective weight of each indicator in the index (product of weights on its path; Σ = 1).</summary>
    public IReadOnlyList<double> EffectiveWeights { get; private init; } = [];

    public double[,] Contributions { get; private init; } = new double[0, 0];

    public bool ContributionsExact { get; private init; }

    public DataCheckReport Checks { get; private init; } = null!;

    public IReadOnlyList<string> DroppedUnits { get; private init; } = [];

    public IReadOnlyList<ImputedCell> Imputed { get; private init; } = [];

    public IReadOnlyList<ColumnTreatment> Treatments { get; private init; } = [];

    internal int StrengthCount { get; private init; }

    /// <summary>Row of <paramref name="unit"/>, or −1.</summary>
    public int IndexOf(string unit)
    {
        for (int i = 0; i < Units.Count; i++)
        {
            if (string.Equals(Units[i], unit, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The profile of unit row <paramref name="i"/>: dimension scores, indicator contributions, and strengths /
    /// weaknesses = the indicators on which it ranks best / worst among all units (COINr <c>get_str_weak</c>).
    /// </summary>
    public UnitProfile Profile(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Units.Count);
        int n = IndicatorCodes.Count, m = Units.Count;
        var indicatorRank = new int[n];
        for (int j = 0; j < n; j++)
        {
            int better = 0;
            for (int k = 0; k < m; k++)
            {
                if (Normalised[k, j] > Normalised[i, j] + Ranking.TieTolerance)
                {
                    better++;
                }
            }

            indicatorRank[j] = better + 1;
        }

        var byRank = Enumerable.Range(0, n).OrderBy(j => indicatorRank[j]).ThenBy(j => j).ToArray();
        int s = Math.Min(StrengthCount, n);
        var dims = Framework.Dimensions.Where(d => NodeScores.ContainsKey(d.Code)).ToDictionary(d => d.Code, d => NodeScores[d.Code][i], StringComparer.Ordinal);
        var contributions = Enumerable.Range(0, n).ToDictionary(j => IndicatorCodes[j], j => Contributions[i, j], StringComparer.Ordinal);
        return new UnitProfile(
            Units[i],
            Scores[i],
            Ranks[i],
            Tiers[i],
            dims,
            contributions,
            [.. byRank.Take(s).Select(j => IndicatorCodes[j])],
            [.. byRank.Reverse().Take(s).Select(j => IndicatorCodes[j])]);
    }

    /// <summary>
    /// The <paramref name="count"/> units nearest to row <paramref name="i"/> by weighted Euclidean distance on the
    /// normalised indicators, d² = Σ_j w_j (x_ij − x_kj)² with the effective weights — benchmarking peers (对标). O(m·n).
    /// </summary>
    public IReadOnlyList<Peer> NearestPeers(int i, int count = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Units.Count);
        int n = IndicatorCodes.Count;
        var list = new List<Peer>();
        for (int k = 0; k < Units.Count; k++)
        {
            if (k == i)
            {
                continue;
            }

            double d2 = 0;
            for (int j = 0; j < n; j++)
            {
                double d = Normalised[i, j] - Normalised[k, j];
                d2 += EffectiveWeights[j] * d * d;
            }

            list.Add(new Peer(Units[k], Math.Sqrt(d2), Ranks[k]));
        }

        return [.. list.OrderBy(p => p.Distance).ThenBy(p => p.Rank).Take(count)];
    }

    internal static EvaluationResult Build(
        PreparedEvaluation p, double[,] norm, Dictionary<Baiqiang.Core.Evaluation.FrameworkNode, double[]> weights, double[] top, double[] index,
        Dictionary<FrameworkNode, double[]> nodes)
    {
        int m = index.Length, n = p.Leaves.Count;
        var effective = new double[n];
        bool exact = p.Framework.Aggregation == AggregationMethod.Arithmetic;
        void Walk(FrameworkNode node, double w)
        {
            if (node.IsLeaf)
            {
                effective[p.LeafIndex[node]] = w;
                return;
            }

            exact &= node.Aggregation == AggregationMethod.Arithmetic;
            var cw = weights[node];
            double total = cw.Sum();
            for (int c = 0; c < node.Children.Count; c++)
            {
                Walk(node.Children[c], w * cw[c] / total);
            }
        }

        double topTotal = top.Sum();
        for (int d = 0; d < p.Framework.Dimensions.Count; d++)
        {
            Walk(p.Framework.Dimensions[d], top[d] / topTotal);
        }

        var contributions = new double[m, n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                contributions[i, j] = effective[j] * norm[i, j];
            }
        }

        return new EvaluationResult
        {
            Framework = p.Framework,
            Units = p.Matrix.Units,
            IndicatorCodes = p.Matrix.Criteria,
            Scores = index,
            Ranks = Ranking.Rank(index, higherIsBetter: true),
            Tiers = Evaluation.Tiers.Assign(index, p.Options.TierCount),
            NodeScores = nodes.ToDictionary(kv => kv.Key.Code, kv => kv.Value, StringComparer.Ordinal),
            Normalised = norm,
            EffectiveWeights = effective,
            Contributions = contributions,
            ContributionsExact = exact,
            Checks = p.Checks,
            DroppedUnits = p.Dropped,
            Imputed = p.Imputed,
            Treatments = p.Treatments,
            StrengthCount = p.Options.StrengthCount,
        };
    }
}

/// <summary>One unit's rank now and in another period.</summary>
public sealed record RankChange(string Unit, int Rank, int? PreviousRank, int? Change);

/// <summary>Rank change against another period (units matched by name; Change = previous − current, positive = moved up).</summary>
public static class RankChanges
{
    public static IReadOnlyList<RankChange> Between(EvaluationResult current, EvaluationResult previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var before = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < previous.Units.Count; i++)
        {
            before[previous.Units[i]] = previous.Ranks[i];
        }

        var list = new List<RankChange>(current.Units.Count);
        for (int i = 0; i < current.Units.Count; i++)
        {
            int? prev = before.TryGetValue(current.Units[i], out int r) ? r : null;
            list.Add(new RankChange(current.Units[i], current.Ranks[i], prev, prev - current.Ranks[i]));
        }

        return list;
    }
}
