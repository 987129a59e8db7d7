namespace Baiqiang.Core.Evaluation;

/// <summary>What <see cref="Treatment.Treat"/> did to one column.</summary>
public enum TreatmentKind
{
    /// <summary>Passed the skew/kurtosis check as it was.</summary>
    None = 0,
    /// <summary>Winsorised (some extreme points replaced by the next value in).</summary>
    Winsorised = 1,
    /// <summary>Winsorisation up to the limit did not pass; ln(x) of the original column (all values &gt; 0).</summary>
    Log = 2,
    /// <summary>As <see cref="Log"/> but the column had values ≤ 0: ln(x − min + 0.01 (max − min)) (COINr <c>log_CT</c>).</summary>
    LogShifted = 3,
    /// <summary>Box-Cox with the given λ.</summary>
    BoxCox = 4,
}

/// <summary>The treatment of one column: what was done, which rows were winsorised, and whether it passes now.</summary>
public sealed record ColumnTreatment(int Indicator, TreatmentKind Kind, IReadOnlyList<int> WinsorisedRows, bool Passes, double Skewness, double Kurtosis);

/// <summary>Options for <see cref="Treatment.Treat"/>; defaults are COINr's (<c>Treat</c>: winmax 5, skew 2, kurtosis 3.5).</summary>
public sealed record TreatmentOptions
{
    /// <summary>Largest number of winsorisation steps per column.</summary>
    public int MaxWinsorised { get; init; } = 5;

    public double SkewThreshold { get; init; } = 2;

    public double KurtosisThreshold { get; init; } = 3.5;

    /// <summary>Fall back to a log transform when winsorisation up to the limit does not pass (COINr <c>f2 = "log_CT"</c>).</summary>
    public bool LogFallback { get; init; } = true;
}

/// <summary>
/// Outlier treatment (COINr <c>Treat</c> / <c>winsorise</c> / <c>check_SkewKurt</c>). A column passes when
/// |skew| &lt; 2 OR kurtosis &lt; 3.5 (e1071 type-2 estimators, <see cref="Statistics"/>). A failing column is
/// winsorised one step at a time: if skew ≥ 0 the maximum (every unit tied at it) is replaced by the largest
/// remaining value, else the minimum by the smallest remaining value, re-checking after each step, up to
/// <see cref="TreatmentOptions.MaxWinsorised"/> steps. If it still fails, the ORIGINAL column is log-transformed
/// (ln x when every value is &gt; 0, else COINr's <c>log_CT</c>). NaN cells are left as they are.
/// </summary>
public static class Treatment
{
    /// <summary>COINr <c>check_SkewKurt</c>: |skew| &lt; skew threshold OR kurtosis &lt; kurtosis threshold.</summary>
    public static bool Passes(IReadOnlyList<double> x, double skewThreshold = 2, double kurtosisThreshold = 3.5)
        => Math.Abs(Statistics.Skewness(x)) < skewThreshold || Statistics.Kurtosis(x) < kurtosisThreshold;

    /// <summary>Treats every column; returns a new matrix and one <see cref="ColumnTreatment"/> per column.</summary>
    public static (double[,] Values, IReadOnlyList<ColumnTreatment> Columns) Treat(double[,] values, TreatmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= new TreatmentOptions();
        var x = (double[,])values.Clone();
        int m = x.GetLength(0), n = x.GetLength(1);
        var report = new List<ColumnTreatment>(n);
        for (int j = 0; j < n; j++)
        {
            var rows = new List<int>(m);
            for (int i = 0; i < m; i++)
            {
                if (!double.IsNaN(x[i, j]))
                {
                    rows.Add(i);
                }
            }

            var col = rows.Select(i => x[i, j]).ToArray();
            var (treated, kind, winsorised) = TreatColumn(col, options);
            for (int k = 0; k < rows.Count; k++)
            {
                x[rows[k], j] = treated[k];
            }

            report.Add(new ColumnTreatment(
                j,
                kind,
                [.. winsorised.Select(k => rows[k])],
                Passes(treated, options.SkewThreshold, options.KurtosisThreshold),
                Statistics.Skewness(treated),
                Statistics.Kurtosis(treated)));
        }

        return (x, report);
    }

    /// <summary>Treats one column (no NaN); returns the treated values, what was done and the winsorised positions.</summary>
    public static (double[] Values, TreatmentKind Kind, IReadOnlyList<int> Winsorised) TreatColumn(IReadOnlyList<double> column, TreatmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        options ??= new TreatmentOptions();
        var x = column.ToArray();
        if (x.Length < 4 || Passes(x, options.SkewThreshold, options.KurtosisThreshold))
        {
            return (x, TreatmentKind.None, []);
        }

        var winsorised = new HashSet<int>();
        bool pass = false;
        for (int step = 0; step < options.MaxWinsorised && !pass; step++)
        {
            bool high = Statistics.Skewness(x) >= 0;
            double extreme = high ? x.Max() : x.Min();
            double next = double.NaN;
            foreach (double v in x)
            {
                if (v != extreme && (double.IsNaN(next) || (high ? v > next : v < next)))
                {
                    next = v;
                }
            }

            if (double.IsNaN(next))
            {
                break;
            }

            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] == extreme)
                {
                    x[i] = next;
                    winsorised.Add(i);
                }
            }

            pass = Passes(x, options.SkewThreshold, options.KurtosisThreshold);
        }

        if (pass || !options.LogFallback)
        {
            return (x, TreatmentKind.Winsorised, [.. winsorised.Order()]);
        }

        var original = column.ToArray();
        double min = original.Min(), max = original.Max();
        if (min > 0)
        {
            return (original.Select(v => Math.Log(v)).ToArray(), TreatmentKind.Log, []);
        }

        double shift = (max - min) * 0.01;
        return (original.Select(v => Math.Log(v - min + shift)).ToArray(), TreatmentKind.LogShifted, []);
    }

    /// <summary>Box-Cox: (x^λ − 1)/λ, or ln x when λ = 0. Every value must be &gt; 0, else throws.</summary>
    public static double[] BoxCox(IReadOnlyList<double> x, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!double.IsFinite(lambda))
        {
            throw EvaluationException.Of("Box-Cox 参数 λ 须为有限数", "the Box-Cox λ must be finite");
        }

        var y = new double[x.Count];
        for (int i = 0; i < y.Length; i++)
        {
            if (!(x[i] > 0))
            {
                throw EvaluationException.Of("Box-Cox 变换要求所有值大于0", "Box-Cox needs every value > 0");
            }

            y[i] = lambda == 0 ? Math.Log(x[i]) : (Math.Pow(x[i], lambda) - 1) / lambda;
        }

        return y;
    }
}
