using System.Numerics.Tensors;

namespace Baiqiang.Core.Evaluation;

/// <summary>
/// The per-criterion arithmetic of the weighting and aggregation methods, over contiguous spans with
/// <see cref="TensorPrimitives"/> (SIMD where the processor has it).
/// </summary>
/// <remarks>
/// Each kernel applies the same formula, in the same order of operations per element, as the scalar row-major loops it
/// replaced; only sums (<see cref="TensorPrimitives.Sum{T}(ReadOnlySpan{T})"/>, <see cref="TensorPrimitives.Dot{T}"/>)
/// add in a different order, so results agree with the scalar formulas to within 1e-12 (the property tests in
/// Baiqiang.Core.Tests hold them to that). No kernel allocates: callers pass the buffers.
/// </remarks>
internal static class ColumnKernels
{
    /// <summary>Min-max normalisation of one column with direction into <paramref name="destination"/>; a constant column gives 1.0.</summary>
    /// <returns>The column's (min, max).</returns>
    public static (double Min, double Max) MinMax(ReadOnlySpan<double> column, bool benefit, Span<double> destination)
    {
        double lo = TensorPrimitives.Min(column);
        double hi = TensorPrimitives.Max(column);
        double range = hi - lo;
        if (range == 0)
        {
            destination.Fill(1.0);
        }
        else if (benefit)
        {
            TensorPrimitives.Subtract(column, lo, destination);
            TensorPrimitives.Divide(destination, range, destination);
        }
        else
        {
            TensorPrimitives.Subtract(hi, column, destination);
            TensorPrimitives.Divide(destination, range, destination);
        }

        return (lo, hi);
    }

    /// <summary>Vector normalisation of one column: benefit x/‖x‖₂, cost 1 − x/‖x‖₂; an all-zero column gives 0 (benefit) or 1 (cost).</summary>
    public static void Vector(ReadOnlySpan<double> column, bool benefit, Span<double> destination)
    {
        double norm = Math.Sqrt(TensorPrimitives.Dot(column, column));
        if (norm == 0)
        {
            destination.Fill(benefit ? 0.0 : 1.0);
            return;
        }

        TensorPrimitives.Divide(column, norm, destination);
        if (!benefit)
        {
            TensorPrimitives.Subtract(1.0, destination, destination);
        }
    }

    /// <summary>
    /// Σ p ln p with p = x / Σx for one non-negative column with a positive total (0 · ln 0 = 0).
    /// <paramref name="p"/> and <paramref name="log"/> are scratch buffers of the column's length.
    /// </summary>
    public static double PLogP(ReadOnlySpan<double> column, double total, Span<double> p, Span<double> log)
    {
        TensorPrimitives.Divide(column, total, p);
        if (TensorPrimitives.Min(p) > 0)
        {
            TensorPrimitives.Log(p, log);
            return TensorPrimitives.Dot(p, log);
        }

        double s = 0;
        foreach (double v in p)
        {
            if (v > 0)
            {
                s += v * Math.Log(v);
            }
        }

        return s;
    }

    /// <summary>Population mean and standard deviation (ddof = 0); <paramref name="centred"/> receives x − mean.</summary>
    public static (double Mean, double Sd) Centre(ReadOnlySpan<double> column, Span<double> centred)
    {
        double mean = TensorPrimitives.Sum(column) / column.Length;
        TensorPrimitives.Subtract(column, mean, centred);
        return (mean, Math.Sqrt(TensorPrimitives.Dot(centred, centred) / column.Length));
    }

    /// <summary>Adds (x − target)² to <paramref name="sumOfSquares"/>, element by element; <paramref name="scratch"/> is a buffer.</summary>
    public static void AddSquaredDistance(ReadOnlySpan<double> x, double target, Span<double> sumOfSquares, Span<double> scratch)
    {
        TensorPrimitives.Subtract(x, target, scratch);
        TensorPrimitives.MultiplyAdd(scratch, scratch, sumOfSquares, sumOfSquares);
    }
}
