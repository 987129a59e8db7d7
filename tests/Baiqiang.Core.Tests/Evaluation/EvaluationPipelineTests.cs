using System.Globalization;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Tests.Evaluation;

public sealed class EvaluationPipelineTests
{
    /// <summary>A two-dimension framework: size (gdp, revenue) and cost (debt, lower is better).</summary>
    internal static EvaluationFramework SmallFramework(AggregationMethod top = AggregationMethod.Arithmetic, AggregationMethod inner = AggregationMethod.Arithmetic) => new()
    {
        Name = "small",
        Aggregation = top,
        Dimensions =
        [
            new FrameworkNode
            {
                Code = "size", NameZh = "规模", Weight = 0.6, Aggregation = inner,
                Children =
                [
                    new FrameworkNode { Code = "gdp", Indicator = "gdp", Weight = 2 },
                    new FrameworkNode { Code = "rev", Indicator = "budget_revenue", Weight = 1 },
                ],
            },
            new FrameworkNode
            {
                Code = "risk", NameZh = "风险", Weight = 0.4,
                Children = [new FrameworkNode { Code = "debt", Indicator = "debt", Direction = Direction.LowerIsBetter }],
            },
        ],
    };

    internal static EvaluationData RandomData(int m, int seed, double missingShare = 0)
    {
        var rng = new Random(seed);
        var x = new double[m, 3];
        for (int i = 0; i < m; i++)
        {
            x[i, 0] = 100 + (900 * rng.NextDouble());
            x[i, 1] = 5 + (50 * rng.NextDouble());
            x[i, 2] = 1 + (9 * rng.NextDouble());
            for (int j = 0; j < 3; j++)
            {
                if (rng.NextDouble() < missingShare)
                {
                    x[i, j] = double.NaN;
                }
            }
        }

        return new EvaluationData(
            [.. Enumerable.Range(0, m).Select(i => "U" + i.ToString("D4", CultureInfo.InvariantCulture))],
            ["gdp", "budget_revenue", "debt"],
            x);
    }

    [Fact]
    public void Run_ArithmeticTree_ContributionsSumToScoreAndRanksFollowScores()
    {
        var result = EvaluationPipeline.Run(SmallFramework(), RandomData(40, 1), new EvaluationOptions { Treat = false });

        Assert.True(result.ContributionsExact);
        Assert.Equal(1.0, result.EffectiveWeights.Sum(), 12);
        Assert.Equal([0.4, 0.2, 0.4], result.EffectiveWeights.Select(w => Math.Round(w, 12)));
        for (int i = 0; i < result.Units.Count; i++)
        {
            double sum = 0;
            for (int j = 0; j < 3; j++)
            {
                sum += result.Contributions[i, j];
            }

            Assert.Equal(result.Scores[i], sum, 9);
        }

        int best = result.Ranks.ToList().IndexOf(1);
        Assert.Equal(result.Scores.Max(), result.Scores[best]);
        Assert.Contains("size", result.NodeScores.Keys);
    }

    [Fact]
    public void Run_HandComputedThreeUnits_MatchesMinMaxWeightedSum()
    {
        var data = new EvaluationData(
            ["A", "B", "C"],
            ["gdp", "budget_revenue", "debt"],
            new double[,] { { 100, 10, 5 }, { 200, 30, 1 }, { 300, 20, 3 } });
        var r = EvaluationPipeline.Run(SmallFramework(), data, new EvaluationOptions { Treat = false, ScaleLow = 0, ScaleHigh = 1 });

        // A: gdp 0, rev 0, debt 0 → 0; B: 0.5, 1, 1 → 0.4·0.5 + 0.2·1 + 0.4·1 = 0.8; C: 1, 0.5, 0.5 → 0.4 + 0.1 + 0.2 = 0.7
        EvaluationFixture.Near([0, 0.8, 0.7], r.Scores);
        Assert.Equal([3, 1, 2], r.Ranks);
        var profile = r.Profile(1);
        Assert.Equal("B", profile.Unit);
        Assert.Contains("rev", profile.Strengths);
        Assert.Equal("gdp", profile.Weaknesses[0]);
    }

    [Fact]
    public void Run_DifferentMethodPerLevel_GeometricInsideTopsisOnTop()
    {
        var fw = SmallFramework(top: AggregationMethod.Topsis, inner: AggregationMethod.Geometric);
        var r = EvaluationPipeline.Run(fw, RandomData(30, 2));

        Assert.False(r.ContributionsExact);
        Assert.All(r.Scores, s => Assert.InRange(s, 0, 100));
        Assert.All(r.NodeScores["size"], s => Assert.InRange(s, 1, 100));
    }

    [Fact]
    public void Run_MissingCells_ImputedAndRecorded()
    {
        var data = RandomData(50, 3, missingShare: 0.05);
        int missing = 0;
        foreach (double v in data.Values)
        {
            missing += double.IsNaN(v) ? 1 : 0;
        }

        var r = EvaluationPipeline.Run(SmallFramework(), data, new EvaluationOptions { DropSparseUnits = false, Imputation = ImputationMethod.Median });

        Assert.True(missing > 0);
        Assert.Equal(missing, r.Imputed.Count);
        Assert.All(r.Scores, s => Assert.True(double.IsFinite(s)));
    }

    [Fact]
    public void Run_SparseUnit_DroppedByAvailabilityThreshold()
    {
        var data = RandomData(10, 4);
        data.Values[3, 0] = double.NaN;
        data.Values[3, 1] = double.NaN;

        var r = EvaluationPipeline.Run(SmallFramework(), data);

        Assert.Equal(["U0003"], r.DroppedUnits);
        Assert.Equal(9, r.Units.Count);
        Assert.Equal(1.0 / 3, r.Checks.UnitAvailability[3], 12);
    }

    [Fact]
    public void Run_PerCapitaDenominator_DividesByPopulation()
    {
        var fw = new EvaluationFramework
        {
            Name = "pc",
            Dimensions = [new FrameworkNode { Code = "gdp_pc", Indicator = "gdp", Denominator = Denominator.PerCapita }],
        };
        var data = new EvaluationData(["A", "B"], ["gdp"], new double[,] { { 100 }, { 150 } }) { Population = [10, 30] };

        var r = EvaluationPipeline.Run(fw, data, new EvaluationOptions { Treat = false });

        Assert.Equal([1, 2], r.Ranks); // 10 per person beats 5
    }

    [Fact]
    public void Run_ConstantIndicator_NoNaN()
    {
        var data = RandomData(20, 5);
        for (int i = 0; i < 20; i++)
        {
            data.Values[i, 2] = 7;
        }

        foreach (var ws in Enum.GetValues<WeightSource>())
        {
            var r = EvaluationPipeline.Run(SmallFramework(), data, new EvaluationOptions { IndicatorWeights = ws });
            Assert.All(r.Scores, s => Assert.True(double.IsFinite(s)));
        }
    }

    [Fact]
    public void Run_AllMissingColumn_ThrowsBilingual()
    {
        var data = RandomData(10, 6);
        for (int i = 0; i < 10; i++)
        {
            data.Values[i, 1] = double.NaN;
        }

        var e = Assert.Throws<EvaluationException>(() => EvaluationPipeline.Run(SmallFramework(), data, new EvaluationOptions { DropSparseUnits = false }));
        Assert.Contains("全部缺失", e.Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("no values", e.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_GeometricOnZScores_ThrowsNamingUnit()
    {
        var fw = SmallFramework(inner: AggregationMethod.Geometric);
        var e = Assert.Throws<EvaluationException>(() =>
            EvaluationPipeline.Run(fw, RandomData(10, 7), new EvaluationOptions { Normalization = NormalizationMethod.ZScore }));
        Assert.Contains("几何平均", e.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_IndicatorMissingFromData_ThrowsNamingIt()
    {
        var data = new EvaluationData(["A", "B"], ["gdp", "budget_revenue"], new double[,] { { 1, 2 }, { 3, 4 } });
        var e = Assert.Throws<EvaluationException>(() => EvaluationPipeline.Run(SmallFramework(), data));
        Assert.Contains("debt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ReorderedUnits_SameRankPerUnit()
    {
        var data = RandomData(60, 8);
        var r1 = EvaluationPipeline.Run(SmallFramework(), data);
        var perm = Enumerable.Range(0, 60).OrderBy(i => (i * 37) % 61).ToArray();
        var x = new double[60, 3];
        for (int i = 0; i < 60; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                x[i, j] = data.Values[perm[i], j];
            }
        }

        var r2 = EvaluationPipeline.Run(SmallFramework(), new EvaluationData([.. perm.Select(i => data.Units[i])], data.Indicators, x));
        for (int i = 0; i < 60; i++)
        {
            Assert.Equal(r1.Ranks[r1.IndexOf(r2.Units[i])], r2.Ranks[i]);
        }
    }

    [Fact]
    public void Run_DominatingUnit_NeverRankedBelowDominated()
    {
        var rng = new Random(42);
        foreach (var top in new[] { AggregationMethod.Arithmetic, AggregationMethod.Geometric, AggregationMethod.Harmonic, AggregationMethod.Topsis })
        {
            for (int trial = 0; trial < 20; trial++)
            {
                var data = RandomData(25, rng.Next());
                // make U0000 dominate U0001: better or equal on everything (debt is lower-is-better)
                data.Values[0, 0] = Math.Max(data.Values[0, 0], data.Values[1, 0]);
                data.Values[0, 1] = Math.Max(data.Values[0, 1], data.Values[1, 1]);
                data.Values[0, 2] = Math.Min(data.Values[0, 2], data.Values[1, 2]);
                var r = EvaluationPipeline.Run(SmallFramework(top), data);
                Assert.True(r.Ranks[0] <= r.Ranks[1], $"{top} trial {trial}: {r.Ranks[0]} > {r.Ranks[1]}");
            }
        }
    }

    [Fact]
    public void NearestPeers_ExcludesSelf_OrderedByDistance()
    {
        var r = EvaluationPipeline.Run(SmallFramework(), RandomData(30, 9));
        var peers = r.NearestPeers(0, 5);

        Assert.Equal(5, peers.Count);
        Assert.DoesNotContain(peers, p => p.Unit == r.Units[0]);
        Assert.True(peers.Zip(peers.Skip(1)).All(t => t.First.Distance <= t.Second.Distance));
    }

    [Fact]
    public void RankChanges_Between_PositiveWhenMovedUp()
    {
        var data = new EvaluationData(["A", "B", "C"], ["gdp", "budget_revenue", "debt"], new double[,] { { 100, 10, 5 }, { 200, 30, 1 }, { 300, 20, 3 } });
        var before = new EvaluationData(["A", "B", "D"], ["gdp", "budget_revenue", "debt"], new double[,] { { 300, 30, 1 }, { 200, 20, 3 }, { 100, 10, 5 } });
        var now = EvaluationPipeline.Run(SmallFramework(), data, new EvaluationOptions { Treat = false });
        var prev = EvaluationPipeline.Run(SmallFramework(), before, new EvaluationOptions { Treat = false });

        var changes = RankChanges.Between(now, prev);

        Assert.Equal(new RankChange("A", 3, 1, -2), changes[0]);
        Assert.Equal(new RankChange("B", 1, 2, 1), changes[1]);
        Assert.Equal(new RankChange("C", 2, null, null), changes[2]);
    }

    [Fact]
    public void Framework_JsonRoundTrip_KeepsTree()
    {
        var fw = EvaluationFramework.Top100Illustration;
        var json = fw.ToJson();
        var back = EvaluationFramework.FromJson(json);

        Assert.Equal(json, back.ToJson());
        Assert.Contains("经济实力", json, StringComparison.Ordinal);
        Assert.Contains("NOT CCID", back.Note, StringComparison.Ordinal);
        Assert.All(fw.Indicators(), l => Assert.NotNull(Catalogue.Shipped.Find(l.Indicator!)));
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"dimensions\":[]}", "没有维度")]
    [InlineData("{\"name\":\"x\",\"dimensions\":[{\"code\":\"a\",\"weight\":-1,\"indicator\":\"gdp\"}]}", "权重")]
    [InlineData("{\"name\":\"x\",\"dimensions\":[{\"code\":\"a\"}]}", "既无下级")]
    [InlineData("{\"name\":\"x\",\"dimensions\":[{\"code\":\"a\",\"indicator\":\"gdp\",\"direction\":\"neutral\"}]}", "中性")]
    [InlineData("{not json", "格式错误")]
    public void Framework_FromJson_Invalid_ThrowsBilingual(string json, string zh)
    {
        var e = Assert.Throws<EvaluationException>(() => EvaluationFramework.FromJson(json));
        Assert.Contains(zh, e.Reason.Zh, StringComparison.Ordinal);
    }
}
