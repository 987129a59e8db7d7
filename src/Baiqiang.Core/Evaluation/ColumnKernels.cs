using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Baiqiang.Core.Evaluation;

/// <summary>
/// The per-criterion arithmetic of the weighting and aggregation methods, over contiguous spans with
/// <see cref="TensorPrimitives"/> (SIMD where the processor has it), and the fused single-pass kernels of entropy
/// weights and TOPSIS (Vector256, with their own logarithm).
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

    // ---- Fused single-pass kernels (entropy weights and TOPSIS) ----
    //
    // Each reads a column once and does all of its per-element work in that pass, four lanes of 256 bits at a time
    // (Vector256: AVX2 on x86-64, AdvSimd pairs on Arm), with a scalar loop for the last few elements. They use
    // 256-bit vectors even where 512-bit ones exist, so their results do not depend on the machine's vector width:
    // the managed CLI, the Native AOT front and a run under valgrind (which has no AVX-512) compute the same bits.

    /// <summary>Σx and min x of a column, in one pass.</summary>
    public static (double Sum, double Min) SumAndMin(ReadOnlySpan<double> x)
    {
        unchecked
        {
            ref double at = ref MemoryMarshal.GetReference(x);
            int n = x.Length;
            int i = 0;
            double sum = 0;
            double min = double.PositiveInfinity;
            if (Vector256.IsHardwareAccelerated && n >= 8)
            {
                var s0 = Vector256<double>.Zero;
                var s1 = Vector256<double>.Zero;
                var m0 = Vector256.Create(double.PositiveInfinity);
                var m1 = m0;
                for (; i <= n - 8; i += 8)
                {
                    var a = Vector256.LoadUnsafe(ref at, (nuint)i);
                    var b = Vector256.LoadUnsafe(ref at, (nuint)(i + 4));
                    s0 += a;
                    s1 += b;
                    m0 = Vector256.MinNative(m0, a);
                    m1 = Vector256.MinNative(m1, b);
                }

                sum = Vector256.Sum(s0 + s1);
                min = Lowest(Vector256.MinNative(m0, m1));
            }

            for (; i < n; i++)
            {
                double v = Unsafe.Add(ref at, i);
                sum += v;
                min = Math.Min(min, v);
            }

            return (sum, min);
        }
    }

    /// <summary>min x and max x of a column, in one pass.</summary>
    public static (double Min, double Max) MinAndMax(ReadOnlySpan<double> x)
    {
        unchecked
        {
            ref double at = ref MemoryMarshal.GetReference(x);
            int n = x.Length;
            int i = 0;
            double min = double.PositiveInfinity;
            double max = double.NegativeInfinity;
            if (Vector256.IsHardwareAccelerated && n >= 8)
            {
                var lo0 = Vector256.Create(double.PositiveInfinity);
                var lo1 = lo0;
                var hi0 = Vector256.Create(double.NegativeInfinity);
                var hi1 = hi0;
                for (; i <= n - 8; i += 8)
                {
                    var a = Vector256.LoadUnsafe(ref at, (nuint)i);
                    var b = Vector256.LoadUnsafe(ref at, (nuint)(i + 4));
                    lo0 = Vector256.MinNative(lo0, a);
                    lo1 = Vector256.MinNative(lo1, b);
                    hi0 = Vector256.MaxNative(hi0, a);
                    hi1 = Vector256.MaxNative(hi1, b);
                }

                min = Lowest(Vector256.MinNative(lo0, lo1));
                max = -Lowest(-Vector256.MaxNative(hi0, hi1));
            }

            for (; i < n; i++)
            {
                double v = Unsafe.Add(ref at, i);
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            return (min, max);
        }
    }

    /// <summary>
    /// Σ p ln p with p = x · <paramref name="scale"/> (0 · ln 0 = 0) for a non-negative column, in one pass:
    /// <paramref name="scale"/> is 1 / Σx, so p is x / Σx to within an ulp without a division per element.
    /// </summary>
    public static double PLogPScaled(ReadOnlySpan<double> x, double scale)
    {
        unchecked
        {
            ref double at = ref MemoryMarshal.GetReference(x);
            int n = x.Length;
            int i = 0;
            double s = 0;
            if (Vector256.IsHardwareAccelerated && n >= 8)
            {
                var k = Vector256.Create(scale);
                var acc0 = Vector256<double>.Zero;
                var acc1 = Vector256<double>.Zero;
                for (; i <= n - 8; i += 8)
                {
                    var p0 = Vector256.LoadUnsafe(ref at, (nuint)i) * k;
                    var p1 = Vector256.LoadUnsafe(ref at, (nuint)(i + 4)) * k;
                    acc0 += PLogP(p0);
                    acc1 += PLogP(p1);
                }

                s = Vector256.Sum(acc0 + acc1);
            }

            for (; i < n; i++)
            {
                double p = Unsafe.Add(ref at, i) * scale;
                if (p > 0)
                {
                    s += p * Math.Log(p);
                }
            }

            return s;
        }
    }

    /// <summary>
    /// One criterion's share of the TOPSIS distances: z = (x − <paramref name="centre"/>) · <paramref name="scale"/>
    /// is the weighted normalised value, and (z − ideal)² and (z − anti-ideal)² are added to
    /// <paramref name="toIdeal"/> and <paramref name="toAntiIdeal"/> element by element.
    /// </summary>
    public static void AddTopsisDistances(
        ReadOnlySpan<double> x,
        double centre,
        double scale,
        double ideal,
        double antiIdeal,
        Span<double> toIdeal,
        Span<double> toAntiIdeal)
    {
        unchecked
        {
            int n = x.Length;
            if (toIdeal.Length < n || toAntiIdeal.Length < n)
            {
                throw new ArgumentException("the distance buffers are shorter than the column");
            }

            ref double at = ref MemoryMarshal.GetReference(x);
            ref double dp = ref MemoryMarshal.GetReference(toIdeal);
            ref double dm = ref MemoryMarshal.GetReference(toAntiIdeal);
            int i = 0;
            if (Vector256.IsHardwareAccelerated && n >= 4)
            {
                var c = Vector256.Create(centre);
                var k = Vector256.Create(scale);
                var best = Vector256.Create(ideal);
                var worst = Vector256.Create(antiIdeal);
                for (; i <= n - 4; i += 4)
                {
                    var z = (Vector256.LoadUnsafe(ref at, (nuint)i) - c) * k;
                    var a = z - best;
                    var b = z - worst;
                    ((a * a) + Vector256.LoadUnsafe(ref dp, (nuint)i)).StoreUnsafe(ref dp, (nuint)i);
                    ((b * b) + Vector256.LoadUnsafe(ref dm, (nuint)i)).StoreUnsafe(ref dm, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                double z = (Unsafe.Add(ref at, i) - centre) * scale;
                double a = z - ideal;
                double b = z - antiIdeal;
                Unsafe.Add(ref dp, i) += a * a;
                Unsafe.Add(ref dm, i) += b * b;
            }
        }
    }

    /// <summary>
    /// TOPSIS closeness from the summed squares: √dm / (√dp + √dm), written over <paramref name="toIdeal"/>; a unit at
    /// distance 0 from both (every unit identical) gets 0.5.
    /// </summary>
    public static void Closeness(Span<double> toIdeal, ReadOnlySpan<double> toAntiIdeal)
    {
        unchecked
        {
            int n = toIdeal.Length;
            ref double dp = ref MemoryMarshal.GetReference(toIdeal);
            ref double dm = ref MemoryMarshal.GetReference(toAntiIdeal);
            int i = 0;
            if (Vector256.IsHardwareAccelerated && n >= 4)
            {
                var half = Vector256.Create(0.5);
                for (; i <= n - 4; i += 4)
                {
                    var p = Vector256.Sqrt(Vector256.LoadUnsafe(ref dp, (nuint)i));
                    var q = Vector256.Sqrt(Vector256.LoadUnsafe(ref dm, (nuint)i));
                    var sum = p + q;
                    Vector256.ConditionalSelect(Vector256.Equals(sum, Vector256<double>.Zero), half, q / sum)
                        .StoreUnsafe(ref dp, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                double p = Math.Sqrt(Unsafe.Add(ref dp, i));
                double q = Math.Sqrt(Unsafe.Add(ref dm, i));
                double sum = p + q;
                Unsafe.Add(ref dp, i) = sum == 0 ? 0.5 : q / sum;
            }
        }
    }

    /// <summary>p ln p lane by lane for finite p ≥ 0 (0 where p is 0: <see cref="Log"/> of 0 is finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PLogP(Vector256<double> p) => p * Log(p);

    // ln 2 split so that k · Ln2High is exact for |k| < 2^21: Ln2High keeps the top 32 significant bits of ln 2.
    private const double Ln2High = 0.6931471803691238;     // 0x3FE62E42FEE00000
    private const double Ln2Low = 1.9082149292705877e-10;  // ln 2 − Ln2High

    /// <summary>
    /// Natural logarithm lane by lane for finite x &gt; 0 (subnormals included), within 1 ulp of <see cref="Math.Log(double)"/>
    /// on the property tests' data; a lane that is 0 gives a finite value (about −745), so that 0 · ln 0 comes out 0.
    /// </summary>
    /// <remarks>
    /// x = 2^k · z with z in [√½, √2); f = z − 1, s = f / (2 + f); ln(1 + f) = 2 atanh s = 2s + s·R(s²) with
    /// R(w) = Σ 2w^j/(2j + 1), j = 1…10 (the Taylor series of atanh, truncated where the next term is below 1e-19 for
    /// |s| ≤ 0.172); assembled as k·ln2 + f − (f²/2 − s·(f²/2 + R)), so the rounding errors stay in the small terms.
    /// Written with Vector256 operations only (one division, no table), so every x86-64-v3 or Arm machine computes the same bits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Log(Vector256<double> x)
    {
        // Subnormals: scale by 2^52 first and take 52 off the exponent.
        var tiny = Vector256.LessThan(x, Vector256.Create(2.2250738585072014E-308));
        x = Vector256.ConditionalSelect(tiny, x * 4503599627370496.0, x);
        var bits = x.AsUInt64();
        var z = ((bits & Vector256.Create(0x000F_FFFF_FFFF_FFFFUL)) | Vector256.Create(0x3FF0_0000_0000_0000UL)).AsDouble();
        var high = Vector256.GreaterThan(z, Vector256.Create(1.4142135623730951));
        z = Vector256.ConditionalSelect(high, z * 0.5, z);

        // k = biased exponent − 1023 (+1 where z was halved, −52 where x was scaled), exactly, as a double.
        var k = ((bits >>> 52) | Vector256.Create(0x4330_0000_0000_0000UL)).AsDouble() - Vector256.Create(4503599627370496.0 + 1023.0)
            + (high.AsDouble() & Vector256<double>.One)
            - (tiny & Vector256.Create(52.0));

        var f = z - Vector256<double>.One;
        var s = f / (Vector256.Create(2.0) + f);
        var halfSquare = Vector256.Create(0.5) * f * f;
        var w = s * s;
        var r = Vector256.Create(2.0 / 21);
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(2.0 / 19));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(2.0 / 17));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(2.0 / 15));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(2.0 / 13));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(2.0 / 11));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(2.0 / 9));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(2.0 / 7));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(2.0 / 5));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(2.0 / 3));
        r *= w;
        var small = Vector256.FusedMultiplyAdd(s, halfSquare + r, k * Vector256.Create(Ln2Low));
        return Vector256.FusedMultiplyAdd(k, Vector256.Create(Ln2High), f - (halfSquare - small));
    }

    private static double Lowest(Vector256<double> v)
    {
        var h = Vector128.MinNative(v.GetLower(), v.GetUpper());
        return Math.Min(h.ToScalar(), h.GetElement(1));
    }
}
