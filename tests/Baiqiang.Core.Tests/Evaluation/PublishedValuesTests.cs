using Baiqiang.Core.Evaluation;
using Baiqiang.Core.Indicators;
using static Baiqiang.Core.Tests.Evaluation.EvaluationFixture;

namespace Baiqiang.Core.Tests.Evaluation;

/// <summary>
/// Values published in the test suites of pymcdm (tests/test_weights.py, tests/test_mcdm.py — read from the copy in
/// the public repository leeeeeeeee2/mcda, test/ folder, which mirrors pymcdm's suite) and COINr
/// (tests/testthat/test-normalise.R, test-treat.R, test-impute_panel.R). Each test names its source and variant and
/// rounds as the source does.
/// </summary>
public sealed class PublishedValuesTests
{
    private static DecisionMatrix M(double[,] x, params Direction[] directions)
    {
        int m = x.GetLength(0), n = x.GetLength(1);
        var dirs = directions.Length == 0 ? Enumerable.Repeat(Direction.HigherIsBetter, n).ToArray() : directions;
        return new DecisionMatrix(
            [.. Enumerable.Range(1, m).Select(i => "A" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [.. Enumerable.Range(1, n).Select(j => "C" + j.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            x,
            dirs);
    }

    private static double[] Round(IEnumerable<double> x, int digits) => [.. x.Select(v => Math.Round(v, digits, MidpointRounding.ToEven))];

    [Fact]
    public void EntropyPymcdm_Elsayed2017Matrix_MatchesPymcdmTestWeights()
    {
        // pymcdm tests/test_weights.py TestEntropyWeights (Elsayed et al. 2017), raw-matrix variant, rounded to 6.
        var x = new double[,]
        {
            { 7, 312, 1891, 6613, 163 },
            { 72, 88, 728, 941804, 1078 },
            { 10, 252, 2594, 3466, 117471 },
            { 10, 145, 980, 2371, 86329 },
            { 65, 54, 350, 501, 29897 },
            { 29, 48, 380, 912, 34051 },
            { 7, 476, 3300, 78470, 2212 },
            { 70, 87, 650, 733, 819000 },
            { 4, 86, 591, 3015, 103 },
            { 12, 79, 579, 3240, 96098 },
            { 21, 45, 261, 1253, 453 },
            { 1, 72, 530, 4333, 0.104800 },
        };

        Assert.Equal([0.104991, 0.069124, 0.071373, 0.449937, 0.304575], Round(Weights.EntropyPymcdm(M(x)), 6));
    }

    [Fact]
    public void StandardDeviation_Jahan2013Matrix_MatchesPymcdmTestWeights()
    {
        // pymcdm tests/test_weights.py TestSTDWeights (Jahan & Edwards 2013), rounded to 2. Columns already span [0, 1].
        var x = new double[,]
        {
            { 0, 0, 0 },
            { 0.39, 0.3, 0.77 },
            { 0.17, 0.36, 0.8 },
            { 0.35, 0.29, 0.93 },
            { 0.3, 0.4, 0.94 },
            { 0.84, 0.71, 1 },
            { 1, 1, 0.99 },
        };

        Assert.Equal([0.35, 0.31, 0.34], Round(Weights.StandardDeviation(M(x)), 2));
    }

    [Fact]
    public void Critic_Tus2019Matrix_MatchesPymcdmTestWeights()
    {
        // pymcdm tests/test_weights.py TestCRITICWeights (Tuş & Adalı 2019), rounded to 3. pymcdm's test calls
        // critic_weights(matrix) without types, i.e. every column treated as a benefit column — the variant here.
        var x = new double[,]
        {
            { 5000, 3, 3, 4, 3, 2 },
            { 680, 5, 3, 2, 2, 1 },
            { 2000, 3, 2, 3, 4, 3 },
            { 600, 4, 3, 1, 2, 2 },
            { 800, 2, 4, 3, 3, 4 },
        };

        Assert.Equal([0.157, 0.249, 0.168, 0.121, 0.154, 0.151], Round(Weights.Critic(M(x)), 3));
    }

    [Fact]
    public void TopsisMinMax_Opricovic2004_MatchesPymcdmTestPreferences()
    {
        // pymcdm tests/test_mcdm.py TestTOPSIS (Opricovic & Tzeng 2004); pymcdm's TOPSIS default is min-max
        // normalisation, i.e. our `topsis` (TopsisNormalization.MinMax). Rounded to 3.
        var x = new double[,] { { 1, 3000 }, { 2, 3750 }, { 5, 4500 } };
        var p = Aggregation.Topsis(M(x, Direction.LowerIsBetter, Direction.HigherIsBetter), [0.5, 0.5], TopsisNormalization.MinMax);
        Assert.Equal([0.500, 0.617, 0.500], Round(p, 3));
    }

    [Fact]
    public void Vikor_Yang2020_MatchesPymcdmTestQ()
    {
        // pymcdm tests/test_mcdm.py TestVIKOR.test_output_yang (Yang & Wu 2020), Q rounded to 4.
        var x = new double[,]
        {
            { 78, 56, 34, 6 },
            { 4, 45, 3, 97 },
            { 18, 2, 50, 63 },
            { 9, 14, 11, 92 },
            { 85, 9, 100, 29 },
        };

        var q = Aggregation.Vikor(M(x), [0.25, 0.25, 0.25, 0.25]).Q;
        Assert.Equal([0.5679, 0.7667, 1, 0.7493, 0], Round(q, 4));
    }

    [Fact]
    public void Vikor_Opricovic2004_MatchesPymcdmTestQ()
    {
        // pymcdm tests/test_mcdm.py TestVIKOR.test_output_opricovic, Q exactly [1, 0, 1].
        var x = new double[,] { { 1, 3000 }, { 2, 3750 }, { 5, 4500 } };
        var q = Aggregation.Vikor(M(x, Direction.LowerIsBetter, Direction.HigherIsBetter), [0.5, 0.5]).Q;
        Assert.Equal([1.0, 0.0, 1.0], Round(q, 12));
    }

    [Fact]
    public void DistanceToTarget_CoinrDist2targ_MatchesCoinrTest()
    {
        // COINr tests/testthat/test-normalise.R "dist2targ": x = (0, 5, 11), targ 10, direction 1.
        var up = M(new double[,] { { 0 }, { 5 }, { 11 } });
        Near([0, 0.5, 1.1], Normalization.DistanceToTarget(up, [10], capAtOne: false));
        Near([0, 0.5, 1], Normalization.DistanceToTarget(up, [10], capAtOne: true));

        // reverse direction: x = (−1, 1, 10), targ 0, direction −1.
        var down = M(new double[,] { { -1 }, { 1 }, { 10 } }, Direction.LowerIsBetter);
        Near([1.1, 0.9, 0], Normalization.DistanceToTarget(down, [0], capAtOne: false));
        Near([1, 0.9, 0], Normalization.DistanceToTarget(down, [0], capAtOne: true));
    }

    [Fact]
    public void DistanceToReference_CoinrNDist2ref_FormulaOfCoinrTest()
    {
        // COINr tests/testthat/test-normalise.R "n_funcs": n_dist2ref(x, iref = 1) = 1 − (x_ref − x)/(x_ref − x_min),
        // and with cap_max values above 1 become 1. x = (3, 1, 5, 2), reference = first unit.
        var x = M(new double[,] { { 3 }, { 1 }, { 5 }, { 2 } });
        Near([1, 0, 2, 0.5], Normalization.DistanceToReference(x, 0));
        Near([1, 0, 1, 0.5], Normalization.DistanceToReference(x, 0, capAtOne: true));
    }

    [Fact]
    public void Goalposts_CoinrGoalpostCases_MatchCoinrTest()
    {
        // COINr tests/testthat/test-normalise.R "n_funcs": n_goalposts(1 | 11 | −1, c(0, 10, 1)) and direction −1.
        var up = M(new double[,] { { 1 }, { 11 }, { -1 } });
        Near([0.1, 1, 0], Normalization.Goalposts(up, [new Goalpost(0, 10)], scale: 1));
        var down = M(new double[,] { { 1 }, { 11 }, { -1 } }, Direction.LowerIsBetter);
        Near([0.9, 0, 1], Normalization.Goalposts(down, [new Goalpost(0, 10)], scale: 1));
    }

    [Fact]
    public void Winsorise_OneOutlier_MatchesCoinrTreatNum()
    {
        // COINr tests/testthat/test-treat.R "treat_num": x = c(1:10, 100) fails check_SkewKurt; winsorised with
        // winmax 5 the 100 becomes 10, the rest unchanged, and it then passes.
        double[] x = [.. Enumerable.Range(1, 10).Select(i => (double)i), 100];
        Assert.False(Treatment.Passes(x));
        var (y, kind, points) = Treatment.TreatColumn(x, new TreatmentOptions { MaxWinsorised = 5 });
        Assert.Equal(TreatmentKind.Winsorised, kind);
        Assert.Equal(10, y[10]);
        Assert.Equal(x[..10], y[..10]);
        Assert.Equal([10], points);
        Assert.True(Treatment.Passes(y));
    }

    [Fact]
    public void Winsorise_TwoOutliersWinmaxOne_FallsBackToLogOfOriginal_AsCoinrTreatNum()
    {
        // COINr tests/testthat/test-treat.R "treat_num": x = c(1:20, 100, 200), winmax 1 does not pass; with
        // f2 = "log" the result is log(x) of the original values.
        double[] x = [.. Enumerable.Range(1, 20).Select(i => (double)i), 100, 200];
        var (noLog, kind0, _) = Treatment.TreatColumn(x, new TreatmentOptions { MaxWinsorised = 1, LogFallback = false });
        Assert.Equal(TreatmentKind.Winsorised, kind0);
        Assert.False(Treatment.Passes(noLog));

        var (y, kind, _) = Treatment.TreatColumn(x, new TreatmentOptions { MaxWinsorised = 1 });
        Assert.Equal(TreatmentKind.Log, kind);
        Near([.. x.Select(v => Math.Log(v))], y);
    }

    [Fact]
    public void ImputePanel_Linear_MatchesCoinrLinearImpWorks()
    {
        // COINr tests/testthat/test-impute_panel.R "linear_imp_works" (times 2020–2022).
        double[] t = [2020, 2021, 2022];
        Assert.Equal([1.0, 2, 3], Imputation.ImputePanel(t, [1, 2, 3], PanelImputation.Linear).Values);
        Assert.Equal([3.0, 4, 5], Imputation.ImputePanel(t, [3, double.NaN, 5], PanelImputation.Linear).Values);
        Assert.Equal([5.0, 5, 6], Imputation.ImputePanel(t, [double.NaN, 5, 6], PanelImputation.Linear).Values);
        Assert.Equal([7.0, 8, 8], Imputation.ImputePanel(t, [7, 8, double.NaN], PanelImputation.Linear).Values);
    }

    [Fact]
    public void ImputePanel_Constant_MatchesCoinrConstantImpWorks()
    {
        // COINr tests/testthat/test-impute_panel.R "constant_imp_works".
        double[] t = [2020, 2021, 2022];
        Assert.Equal([3.0, 3, 5], Imputation.ImputePanel(t, [3, double.NaN, 5], PanelImputation.Constant).Values);
        Assert.Equal([5.0, 5, 6], Imputation.ImputePanel(t, [double.NaN, 5, 6], PanelImputation.Constant).Values);
        var (v, imputed) = Imputation.ImputePanel(t, [7, 8, double.NaN], PanelImputation.Constant);
        Assert.Equal([7.0, 8, 8], v);
        Assert.Equal([2], imputed);
    }

    [Fact]
    public void ImputePanel_Latest_NeverFillsBackwards()
    {
        var (v, imputed) = Imputation.ImputePanel([2020, 2021, 2022], [double.NaN, 5, double.NaN], PanelImputation.Latest);
        Assert.True(double.IsNaN(v[0]));
        Assert.Equal(5, v[2]);
        Assert.Equal([2], imputed);
    }

    [Fact]
    public void GeneralizedMean_CoinrAGenmeanDefinition_HandComputed()
    {
        // COINr R/aggregate.R a_genmean: (Σ w x^p / Σ w)^(1/p); a_gmean = Π x^(w/Σw); a_hmean = Σw / Σ(w/x).
        var x = new double[,] { { 1, 4 }, { 2, 8 } };
        double[] w = [1, 3];
        Near([Math.Pow(1, 0.25) * Math.Pow(4, 0.75), Math.Pow(2, 0.25) * Math.Pow(8, 0.75)], Aggregation.Geometric(x, w));
        Near([1 / ((0.25 / 1) + (0.75 / 4)), 1 / ((0.25 / 2) + (0.75 / 8))], Aggregation.Harmonic(x, w));
        Near([Math.Sqrt((0.25 * 1) + (0.75 * 16)), Math.Sqrt((0.25 * 4) + (0.75 * 64))], Aggregation.GeneralizedMean(x, w, 2), 1e-12);
    }
}
