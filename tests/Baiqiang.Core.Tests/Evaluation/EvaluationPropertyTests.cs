using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using static Baiqiang.Core.Tests.Evaluation.EvaluationFixture;

namespace Baiqiang.Core.Tests.Evaluation;

/// <summary>Deterministic property checks over seeded random matrices (<c>new Random(42)</c>).</summary>
public sealed class EvaluationPropertyTests
{
    private static DecisionMatrix RandomMatrix(Random rng, int m, int n, bool withTies)
    {
        var values = new double[m, n];
        var dirs = new Direction[n];
        var units = new string[m];
        var criteria = new string[n];
        for (int j = 0; j < n; j++)
        {
            dirs[j] = rng.Next(2) == 0 ? Direction.HigherIsBetter : Direction.LowerIsBetter;
            criteria[j] = "c" + j.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        for (int i = 0; i < m; i++)
        {
            units[i] = "u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (int j = 0; j < n; j++)
            {
                double v = 1 + (rng.NextDouble() * 99);
                values[i, j] = withTies ? (Math.Round(v / 10) * 10) + 5 : v;
            }
        }

        return new DecisionMatrix(units, criteria, values, dirs);
    }

    private static DecisionMatrix Permute(DecisionMatrix source, int[] perm)
    {
        int m = source.UnitCount;
        int n = source.CriterionCount;
        var values = new double[m, n];
        var units = new string[m];
        for (int i = 0; i < m; i++)
        {
            units[i] = source.Units[perm[i]];
            for (int j = 0; j < n; j++)
            {
                values[i, j] = source[perm[i], j];
            }
        }

        return new DecisionMatrix(units, [.. source.Criteria], values, [.. source.Directions]);
    }

    private static double[] RandomWeights(Random rng, int n)
    {
        var w = new double[n];
        for (int j = 0; j < n; j++)
        {
            w[j] = 0.05 + rng.NextDouble();
        }

        return Weights.Expert(w);
    }

    private static double[,] Shift(double[,] z, double by)
    {
        var r = (double[,])z.Clone();
        for (int i = 0; i < r.GetLength(0); i++)
        {
            for (int j = 0; j < r.GetLength(1); j++)
            {
                r[i, j] += by;
            }
        }

        return r;
    }

    private static Dictionary<string, int[]> AllRankings(DecisionMatrix m, double[] w)
    {
        return new Dictionary<string, int[]>(StringComparer.Ordinal)
        {
            ["wsm-entropy"] = Ranking.Rank(Aggregation.WeightedSum(Normalization.MinMax(m), Weights.EntropyMinMaxShift(m)), true),
            ["wsm"] = Ranking.Rank(Aggregation.WeightedSum(Normalization.MinMax(m), w), true),
            ["geometric"] = Ranking.Rank(Aggregation.Geometric(Shift(Normalization.MinMax(m), 1), w), true),
            ["topsis-vector"] = Ranking.Rank(Aggregation.Topsis(m, w, TopsisNormalization.Vector), true),
            ["topsis-minmax"] = Ranking.Rank(Aggregation.Topsis(m, w, TopsisNormalization.MinMax), true),
            ["vikor"] = [.. Aggregation.Vikor(m, w).Ranks],
            ["copeland"] = Ranking.Rank(Aggregation.Copeland(m, w), true),
        };
    }

    [Fact]
    public void Ranks_InvariantToReorderingUnits()
    {
        var rng = new Random(42);
        for (int trial = 0; trial < 60; trial++)
        {
            int m = rng.Next(3, 40);
            int n = rng.Next(1, 7);
            var matrix = RandomMatrix(rng, m, n, withTies: trial % 2 == 0);
            var w = RandomWeights(rng, n);
            var perm = new int[m];
            for (int i = 0; i < m; i++)
            {
                perm[i] = i;
            }

            rng.Shuffle(perm);
            var before = AllRankings(matrix, w);
            var after = AllRankings(Permute(matrix, perm), w);
            foreach (var (method, ranks) in before)
            {
                for (int i = 0; i < m; i++)
                {
                    Assert.True(
                        ranks[perm[i]] == after[method][i],
                        $"trial {trial}, {method}: unit {perm[i]} ranked {ranks[perm[i]]} before and {after[method][i]} after reordering");
                }
            }
        }
    }

    [Fact]
    public void DominatingUnit_NeverRankedBelowDominated()
    {
        var rng = new Random(42);
        for (int trial = 0; trial < 200; trial++)
        {
            int m = rng.Next(3, 30);
            int n = rng.Next(1, 7);
            var seed = RandomMatrix(rng, m, n, withTies: false);
            int b = rng.Next(m);
            int a = (b + 1 + rng.Next(m - 1)) % m;
            int strict = rng.Next(n);
            var values = seed.ToArray();
            for (int j = 0; j < n; j++)
            {
                double gain = (j == strict ? 1 : 0) + (rng.Next(3) == 0 ? 0 : rng.NextDouble() * 5);
                values[a, j] = values[b, j] + (seed.IsBenefit(j) ? gain : -gain);
            }

            var matrix = new DecisionMatrix([.. seed.Units], [.. seed.Criteria], values, [.. seed.Directions]);
            var w = RandomWeights(rng, n);
            foreach (var (method, ranks) in AllRankings(matrix, w))
            {
                Assert.True(
                    ranks[a] <= ranks[b],
                    $"trial {trial}, {method}: dominating unit {a} ranked {ranks[a]} below dominated unit {b} ({ranks[b]})");
            }
        }
    }

    [Fact]
    public void AllMethods_RandomMatricesWithConstantAndDuplicateRows_NeverNaN()
    {
        var rng = new Random(42);
        for (int trial = 0; trial < 60; trial++)
        {
            int m = rng.Next(2, 25);
            int n = rng.Next(1, 6);
            var values = RandomMatrix(rng, m, n, withTies: trial % 3 == 0).ToArray();
            if (trial % 4 == 0)
            {
                for (int i = 0; i < m; i++)
                {
                    values[i, 0] = 42; // constant column
                }
            }

            if (trial % 5 == 0)
            {
                for (int j = 0; j < n; j++)
                {
                    values[m - 1, j] = values[0, j]; // duplicate unit
                }
            }

            var dirs = new Direction[n];
            var criteria = new string[n];
            var units = new string[m];
            for (int j = 0; j < n; j++)
            {
                dirs[j] = j % 2 == 0 ? Direction.HigherIsBetter : Direction.LowerIsBetter;
                criteria[j] = "c" + j.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            for (int i = 0; i < m; i++)
            {
                units[i] = "u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var matrix = new DecisionMatrix(units, criteria, values, dirs);
            AllFinite(Normalization.MinMax(matrix));
            AllFinite(Normalization.ZScore(matrix));
            AllFinite(Normalization.Rank(matrix));
            AllFinite(Normalization.PercentileRank(matrix));
            AllFinite(Normalization.DistanceToMaximum(matrix));
            AllFinite(Normalization.DistanceToReference(matrix, 0));
            AllFinite(Normalization.Vector(matrix));
            AllFinite(Normalization.Sum(matrix));
            var goalposts = new Goalpost[n];
            Array.Fill(goalposts, new Goalpost(0, 200)); // every value strictly inside, so the means below get positive input
            var g = Normalization.Goalposts(matrix, goalposts);
            AllFinite(g);
            foreach (var w in new[]
                     {
                         Weights.Equal(n), Weights.EntropyPymcdm(matrix), Weights.EntropyMinMaxShift(matrix),
                         Weights.Critic(matrix), Weights.StandardDeviation(matrix),
                     })
            {
                AllFinite(w);
                AllFinite(Aggregation.WeightedSum(Normalization.MinMax(matrix), w));
                AllFinite(Aggregation.Geometric(g, w));
                AllFinite(Aggregation.Harmonic(g, w));
                AllFinite(Aggregation.GeneralizedMean(g, w, 3));
                AllFinite(Aggregation.Topsis(matrix, w));
                AllFinite(Aggregation.Topsis(matrix, w, TopsisNormalization.MinMax));
                var v = Aggregation.Vikor(matrix, w);
                AllFinite(v.S);
                AllFinite(v.R);
                AllFinite(v.Q);
                AllFinite(Aggregation.Copeland(matrix, w));
            }
        }
    }

    [Fact]
    public void Pipeline_2978UnitsBy30Criteria_RanksEveryUnit()
    {
        // The national scale (every county-level unit × 30 indicators); its speed is measured in bench/, not here.
        var rng = new Random(42);
        var matrix = RandomMatrix(rng, 2978, 30, withTies: false);

        var ranks = Run(matrix);

        Assert.Equal(2978, ranks.Length);
        Assert.Contains(1, ranks);
        Assert.All(ranks, r => Assert.InRange(r, 1, 2978));
        Assert.Equal(2978, ranks.Distinct().Count());

        static int[] Run(DecisionMatrix m)
        {
            var z = Normalization.MinMax(m);
            var w = Weights.EntropyMinMaxShift(m);
            return Ranking.Rank(Aggregation.WeightedSum(z, w), higherIsBetter: true);
        }
    }
}
