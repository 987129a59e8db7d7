using System.Globalization;
using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;

namespace Baiqiang.Core.Tests.Evaluation;

/// <summary>Data checks, imputation, treatment, tiers, PCA weights, Monte Carlo and sensitivity.</summary>
public sealed class AnalysisTests
{
    [Fact]
    public void Skewness_Kurtosis_MatchE1071Type2()
    {
        // e1071::skewness(c(1:10, 100), type = 2) = 3.282..., kurtosis type 2 = 10.88... (computed from the formulas).
        double[] x = [.. Enumerable.Range(1, 10).Select(i => (double)i), 100];
        double n = x.Length, mu = x.Average();
        double m2 = x.Sum(v => Math.Pow(v - mu, 2)), m3 = x.Sum(v => Math.Pow(v - mu, 3)), m4 = x.Sum(v => Math.Pow(v - mu, 4));
        double g1 = Math.Sqrt(n) * m3 / Math.Pow(m2, 1.5);
        double r = n * m4 / (m2 * m2);
        Assert.Equal(g1 * Math.Sqrt(n * (n - 1)) / (n - 2), Statistics.Skewness(x), 12);
        Assert.Equal(((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)), Statistics.Kurtosis(x), 12);
        Assert.True(Statistics.Skewness(x) > 2 && Statistics.Kurtosis(x) > 3.5);
    }

    [Fact]
    public void DataChecks_Run_ReportsAvailabilityZerosUniqueAndCollinearity()
    {
        var x = new double[,]
        {
            { 1, 2, 0 },
            { 2, 4, 0 },
            { 3, 6, double.NaN },
            { 4, 8, 1 },
            { 5, 10.5, 0 },
        };
        var report = DataChecks.Run(["a", "b", "c"], x);

        Assert.Equal(0.8, report.Indicators[2].Availability, 12);
        Assert.Equal(0.75, report.Indicators[2].ZeroShare, 12);
        Assert.Equal(2, report.Indicators[2].UniqueValues);
        Assert.True(report.Indicators[2].FewUniqueFlag);
        Assert.Single(report.Collinear);
        Assert.Equal("a", report.Collinear[0].A);
        Assert.Equal(2.0 / 3, report.UnitAvailability[2], 12);
    }

    [Fact]
    public void CronbachAlpha_IdenticalColumns_IsOne_AndDegenerateIsZero()
    {
        var x = new double[,] { { 1, 1 }, { 2, 2 }, { 3, 3 } };
        Assert.Equal(1.0, DataChecks.CronbachAlpha(x, [0, 1]), 12);
        Assert.Equal(0.0, DataChecks.CronbachAlpha(x, [0]));
        Assert.Equal(0.0, DataChecks.CronbachAlpha(new double[,] { { 1, -1 }, { 2, -2 } }, [0, 1]));
    }

    [Fact]
    public void Impute_GroupMedian_UsesGroupAndFallsBackToColumn()
    {
        var x = new double[,] { { 1 }, { 3 }, { double.NaN }, { 100 }, { double.NaN } };
        var (y, log) = Imputation.Impute(x, ImputationMethod.GroupMedian, ["g1", "g1", "g1", "g2", "g3"]);

        Assert.Equal(2, y[2, 0]);
        Assert.Equal(3, y[4, 0]); // g3 has no value → column median of (1, 3, 100)
        Assert.Equal(2, log.Count);
        Assert.Equal("GroupMedian", log[0].Method);
        Assert.Contains("group empty", log[1].Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Treat_NonPositiveSkewedColumn_UsesShiftedLog_NoNaN()
    {
        double[] x = [.. Enumerable.Range(0, 20).Select(i => (double)i - 5), 500, 1000, 2000];
        var (y, kind, _) = Treatment.TreatColumn(x, new TreatmentOptions { MaxWinsorised = 1 });
        Assert.Equal(TreatmentKind.LogShifted, kind);
        Assert.All(y, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void BoxCox_LambdaZeroIsLog_NonPositiveThrows()
    {
        EvaluationFixture.Near([0, Math.Log(2)], Treatment.BoxCox([1, 2], 0));
        EvaluationFixture.Near([0, 1.5], Treatment.BoxCox([1, 2], 2));
        Assert.Throws<EvaluationException>(() => Treatment.BoxCox([0, 1], 0.5));
    }

    [Fact]
    public void Tiers_ThreeClearClusters_FoundExactly()
    {
        double[] s = [1, 2, 1.5, 50, 52, 51, 99, 100, 98];
        Assert.Equal([3, 3, 3, 2, 2, 2, 1, 1, 1], Tiers.Assign(s, 3));
        Assert.Equal([1, 1, 1], Tiers.Assign([5.0, 5, 5], 4));
    }

    [Fact]
    public void Tiers_MatchBruteForceOptimum_OnRandomData()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 30; trial++)
        {
            var s = Enumerable.Range(0, 9).Select(_ => Math.Round(rng.NextDouble() * 100, 1)).ToArray();
            var tiers = Tiers.Assign(s, 3);
            Assert.Equal(BruteForceSsq(s, 3), Ssq(s, tiers), 9);
        }
    }

    private static double Ssq(double[] s, int[] groups)
        => groups.Distinct().Sum(g =>
        {
            var xs = s.Where((_, i) => groups[i] == g).ToArray();
            double mu = xs.Average();
            return xs.Sum(v => (v - mu) * (v - mu));
        });

    private static double BruteForceSsq(double[] s, int k)
    {
        var sorted = s.Order().ToArray();
        double best = double.MaxValue;
        for (int a = 1; a < sorted.Length; a++)
        {
            for (int b = a + 1; b < sorted.Length; b++)
            {
                var g = sorted.Select((_, i) => i < a ? 0 : i < b ? 1 : 2).ToArray();
                best = Math.Min(best, Ssq(sorted, g));
            }
        }

        return k == 3 ? best : double.NaN;
    }

    [Fact]
    public void Pca_TwoCorrelatedOneNoise_WeightsCorrelatedPairHigher()
    {
        var rng = new Random(3);
        var x = new double[50, 3];
        for (int i = 0; i < 50; i++)
        {
            double f = rng.NextDouble();
            x[i, 0] = f + (0.01 * rng.NextDouble());
            x[i, 1] = (2 * f) + (0.01 * rng.NextDouble());
            x[i, 2] = rng.NextDouble();
        }

        var dm = new DecisionMatrix(
            [.. Enumerable.Range(0, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ["a", "b", "c"],
            x,
            [Direction.HigherIsBetter, Direction.HigherIsBetter, Direction.HigherIsBetter]);
        var w = Weights.Pca(dm);

        Assert.Equal(1.0, w.Sum(), 12);
        Assert.True(w[0] > 0.4 && w[1] > 0.4 && w[2] < 0.1, string.Join(",", w));
    }

    [Fact]
    public void MonteCarlo_SameSeed_SameIntervals_AndNominalInsideInterval()
    {
        var fw = EvaluationPipelineTests.SmallFramework();
        var data = EvaluationPipelineTests.RandomData(40, 11);
        var opts = new UncertaintyOptions { Replications = 200, Seed = 5 };

        var a = Uncertainty.MonteCarlo(fw, data, uncertainty: opts);
        var b = Uncertainty.MonteCarlo(fw, data, uncertainty: opts with { MaxDegreeOfParallelism = 1 });

        Assert.Equal(a, b);
        Assert.Equal(EvaluationPipeline.Run(fw, data).Ranks, a.Select(r => r.NominalRank));
        Assert.All(a, r => Assert.True(r.P5 <= r.MedianRank && r.MedianRank <= r.P95));
        Assert.Contains(a, r => r.P95 > r.P5);
    }

    [Theory]
    [InlineData(WeightSource.Entropy, 301, 3)]
    [InlineData(WeightSource.Framework, 64, 4)]
    [InlineData(WeightSource.Critic, 7, 5)]
    public void MonteCarlo_FusedReplication_SameScoresAsGeneralPathToTheBit(WeightSource weights, int units, int seed)
    {
        var rng = new Random(seed);
        var dims = Enumerable.Range(0, 4).Select(d => new FrameworkNode
        {
            Code = "d" + d.ToString(CultureInfo.InvariantCulture),
            Weight = 1 + rng.Next(5),
            Children = [.. Enumerable.Range(0, 1 + rng.Next(6)).Select(c => new FrameworkNode
            {
                Code = $"d{d}x{c}",
                Indicator = $"d{d}x{c}",
                Weight = 0.5 + rng.NextDouble(),
                Direction = c == 1 ? Direction.LowerIsBetter : Direction.HigherIsBetter,
            })],
        }).ToArray();
        var fw = new EvaluationFramework { Name = "fused", Dimensions = dims };
        string[] codes = [.. dims.SelectMany(d => d.Children).Select(c => c.Code)];
        var values = new double[units, codes.Length];
        for (int i = 0; i < units; i++)
        {
            for (int j = 0; j < codes.Length; j++)
            {
                values[i, j] = Math.Exp(3 * rng.NextDouble()) + rng.Next(3);
            }
        }

        var data = new EvaluationData([.. Enumerable.Range(0, units).Select(i => "u" + i.ToString(CultureInfo.InvariantCulture))], codes, values);
        var prepared = EvaluationPipeline.Prepare(fw, data, new EvaluationOptions { IndicatorWeights = weights });
        var space = new Uncertainty.InputSpace(prepared, new UncertaintyOptions { WeightPerturbation = 0.4 });
        var scratch = space.NewFusedScratch(prepared.Matrix.Units.Count);
        var u = new double[space.Dimension];
        int geometric = 0;
        for (int r = 0; r < 200; r++)
        {
            for (int k = 0; k < u.Length; k++)
            {
                u[k] = rng.NextDouble();
            }

            Assert.True(space.TryEvaluateFused(u, scratch));
            Assert.Equal(space.Evaluate(u), scratch.Index);
            geometric += u[^1] >= 0.5 ? 1 : 0;
        }

        Assert.InRange(geometric, 50, 150);
    }

    [Fact]
    public void MonteCarlo_GeometricGroups_TakeTheGeneralPath()
    {
        var fw = EvaluationPipelineTests.SmallFramework(inner: AggregationMethod.Geometric);
        var prepared = EvaluationPipeline.Prepare(fw, EvaluationPipelineTests.RandomData(40, 13), new EvaluationOptions());
        var space = new Uncertainty.InputSpace(prepared, new UncertaintyOptions());

        Assert.False(space.TryEvaluateFused([.. Enumerable.Repeat(0.3, space.Dimension)], space.NewFusedScratch(40)));
        Assert.Equal(40, Uncertainty.MonteCarlo(fw, EvaluationPipelineTests.RandomData(40, 13), uncertainty: new UncertaintyOptions { Replications = 50 }).Count);
    }

    [Fact]
    public void Sensitivity_IndicesFiniteAndTotalAtLeastFirstOrderRoughly()
    {
        var fw = EvaluationPipelineTests.SmallFramework();
        var data = EvaluationPipelineTests.RandomData(40, 12);

        var s = Uncertainty.Sensitivity(fw, data, uncertainty: new UncertaintyOptions { Replications = 300, Seed = 9 });

        Assert.Equal(["weight:size", "weight:risk", "normalisation", "aggregation"], s.Select(x => x.Input));
        Assert.All(s, x => Assert.True(double.IsFinite(x.FirstOrder) && double.IsFinite(x.Total) && x.Total >= 0));
        Assert.True(s.Sum(x => x.Total) > 0.5);
    }
}
