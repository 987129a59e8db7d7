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
    // Each reads a column once and does all of its per-element work in that pass, on Vector512 where the machine has
    // it and on Vector256 elsewhere (AVX2 on x86-64, AdvSimd pairs on Arm), with a scalar loop for the last few
    // elements. Every lane gets the same operations in the same order at either width, and the sums keep the same
    // lanes, so the results do not depend on the machine's vector width: the managed CLI, the Native AOT front and a
    // run under valgrind (which has no AVX-512) compute the same bits.
    //
    // The 512-bit and 256-bit bodies (the logarithm, SumMinMaxAndXLogX512/256, the loops of AddTopsisDistances and
    // Closeness) are written out twice on purpose. One generic body needs a constraint both vector types satisfy, and
    // the one the runtime has, ISimdVector<TSelf, T>, is internal to System.Private.CoreLib in .NET 10 (it is not in
    // the Microsoft.NETCore.App.Ref 10.0 reference assemblies; dotnet/runtime#90764 added it as internal only). A
    // home-made interface over wrapper structs would be needed instead, and the logarithm also moves between the
    // double and ulong views of a vector, which such an interface would have to carry as a second type parameter.
    // The pairs are held in step by tests: KernelLogarithmTests compares the logarithm's two widths bit for bit, and
    // Topsis_UnitInAVectorLaneOrTheScalarTail_SameBits a unit's TOPSIS score in a vector lane and in the scalar tail.

    /// <summary>
    /// Σx, min x and Σ x ln x (0 · ln 0 = 0) of a column, in one pass; for finite x ≥ 0 (a negative x gives a meaningless
    /// Σ x ln x, but the minimum shows it).
    /// </summary>
    /// <remarks>
    /// Eight values a step: on Vector512 in one register, on Vector256 in two, each lane of the 512-bit register
    /// summing the same values as the same lane of the two 256-bit ones, and the logarithm lane by lane with the same
    /// operations, so the sums have the same bits on every machine.
    /// </remarks>
    public static (double Sum, double Min, double SumXLogX) SumMinAndXLogX(ReadOnlySpan<double> x)
    {
        var (sum, min, _, xLogX) = SumMinMaxAndXLogX(x);
        return (sum, min, xLogX);
    }

    /// <summary>
    /// <see cref="SumMinAndXLogX"/> and the column's maximum from the same read, for the entropy + TOPSIS chain
    /// (<see cref="Aggregation.EntropyTopsis"/>), whose min-max normalisation needs each column's minimum and maximum.
    /// </summary>
    public static (double Sum, double Min, double Max, double SumXLogX) SumMinMaxAndXLogX(ReadOnlySpan<double> x)
    {
        unchecked
        {
            ref double at = ref MemoryMarshal.GetReference(x);
            int n = x.Length;
            int i = 0;
            double sum = 0;
            double min = double.PositiveInfinity;
            double max = double.NegativeInfinity;
            double xLogX = 0;
            if (n >= 8)
            {
                // Each width in a method of its own, so that the JIT inlines the logarithm into both loops.
                i = n & ~7;
                if (Vector512.IsHardwareAccelerated)
                {
                    (sum, min, max, xLogX) = SumMinMaxAndXLogX512(ref at, i);
                }
                else if (Vector256.IsHardwareAccelerated)
                {
                    (sum, min, max, xLogX) = SumMinMaxAndXLogX256(ref at, i);
                }
                else
                {
                    i = 0;
                }
            }

            for (; i < n; i++)
            {
                double v = Unsafe.Add(ref at, i);
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                if (v > 0)
                {
                    xLogX += v * Math.Log(v);
                }
            }

            return (sum, min, max, xLogX);
        }
    }

    private static (double Sum, double Min, double Max, double SumXLogX) SumMinMaxAndXLogX512(ref double at, int n)
    {
        var s = Vector512<double>.Zero;
        var lo = Vector512.Create(double.PositiveInfinity);
        var hi = Vector512.Create(double.NegativeInfinity);
        var acc = Vector512<double>.Zero;
        for (int i = 0; i < n; i += 8)
        {
            var a = Vector512.LoadUnsafe(ref at, (nuint)i);
            s += a;
            lo = Vector512.MinNative(lo, a);
            hi = Vector512.MaxNative(hi, a);
            acc += a * Log(a);
        }

        return (
            Vector256.Sum(s.GetLower() + s.GetUpper()),
            Lowest(Vector256.MinNative(lo.GetLower(), lo.GetUpper())),
            -Lowest(-Vector256.MaxNative(hi.GetLower(), hi.GetUpper())),
            Vector256.Sum(acc.GetLower() + acc.GetUpper()));
    }

    private static (double Sum, double Min, double Max, double SumXLogX) SumMinMaxAndXLogX256(ref double at, int n)
    {
        var s0 = Vector256<double>.Zero;
        var s1 = Vector256<double>.Zero;
        var m0 = Vector256.Create(double.PositiveInfinity);
        var m1 = m0;
        var h0 = Vector256.Create(double.NegativeInfinity);
        var h1 = h0;
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        for (int i = 0; i < n; i += 8)
        {
            var a = Vector256.LoadUnsafe(ref at, (nuint)i);
            var b = Vector256.LoadUnsafe(ref at, (nuint)(i + 4));
            s0 += a;
            s1 += b;
            m0 = Vector256.MinNative(m0, a);
            m1 = Vector256.MinNative(m1, b);
            h0 = Vector256.MaxNative(h0, a);
            h1 = Vector256.MaxNative(h1, b);
            acc0 += PLogP(a);
            acc1 += PLogP(b);
        }

        return (
            Vector256.Sum(s0 + s1),
            Lowest(Vector256.MinNative(m0, m1)),
            -Lowest(-Vector256.MaxNative(h0, h1)),
            Vector256.Sum(acc0 + acc1));
    }

    /// <summary>min x and max x of a column, in one pass.</summary>
    /// <remarks>
    /// Four independent minimums and maximums (Vector512 where the machine has it: 32 values a step, else Vector256:
    /// 16), so a step is not held up by the latency of the previous one; min and max are exact, so the result
    /// does not depend on the width or the grouping.
    /// </remarks>
    public static (double Min, double Max) MinAndMax(ReadOnlySpan<double> x)
    {
        unchecked
        {
            ref double at = ref MemoryMarshal.GetReference(x);
            int n = x.Length;
            int i = 0;
            double min = double.PositiveInfinity;
            double max = double.NegativeInfinity;
            if (Vector512.IsHardwareAccelerated && n >= 32)
            {
                var lo0 = Vector512.Create(double.PositiveInfinity);
                var lo1 = lo0;
                var lo2 = lo0;
                var lo3 = lo0;
                var hi0 = Vector512.Create(double.NegativeInfinity);
                var hi1 = hi0;
                var hi2 = hi0;
                var hi3 = hi0;
                for (; i <= n - 32; i += 32)
                {
                    var a = Vector512.LoadUnsafe(ref at, (nuint)i);
                    var b = Vector512.LoadUnsafe(ref at, (nuint)(i + 8));
                    var c = Vector512.LoadUnsafe(ref at, (nuint)(i + 16));
                    var d = Vector512.LoadUnsafe(ref at, (nuint)(i + 24));
                    lo0 = Vector512.MinNative(lo0, a);
                    lo1 = Vector512.MinNative(lo1, b);
                    lo2 = Vector512.MinNative(lo2, c);
                    lo3 = Vector512.MinNative(lo3, d);
                    hi0 = Vector512.MaxNative(hi0, a);
                    hi1 = Vector512.MaxNative(hi1, b);
                    hi2 = Vector512.MaxNative(hi2, c);
                    hi3 = Vector512.MaxNative(hi3, d);
                }

                var lo = Vector512.MinNative(Vector512.MinNative(lo0, lo1), Vector512.MinNative(lo2, lo3));
                var hi = Vector512.MaxNative(Vector512.MaxNative(hi0, hi1), Vector512.MaxNative(hi2, hi3));
                min = Lowest(Vector256.MinNative(lo.GetLower(), lo.GetUpper()));
                max = -Lowest(-Vector256.MaxNative(hi.GetLower(), hi.GetUpper()));
            }
            else if (Vector256.IsHardwareAccelerated && n >= 16)
            {
                var lo0 = Vector256.Create(double.PositiveInfinity);
                var lo1 = lo0;
                var lo2 = lo0;
                var lo3 = lo0;
                var hi0 = Vector256.Create(double.NegativeInfinity);
                var hi1 = hi0;
                var hi2 = hi0;
                var hi3 = hi0;
                for (; i <= n - 16; i += 16)
                {
                    var a = Vector256.LoadUnsafe(ref at, (nuint)i);
                    var b = Vector256.LoadUnsafe(ref at, (nuint)(i + 4));
                    var c = Vector256.LoadUnsafe(ref at, (nuint)(i + 8));
                    var d = Vector256.LoadUnsafe(ref at, (nuint)(i + 12));
                    lo0 = Vector256.MinNative(lo0, a);
                    lo1 = Vector256.MinNative(lo1, b);
                    lo2 = Vector256.MinNative(lo2, c);
                    lo3 = Vector256.MinNative(lo3, d);
                    hi0 = Vector256.MaxNative(hi0, a);
                    hi1 = Vector256.MaxNative(hi1, b);
                    hi2 = Vector256.MaxNative(hi2, c);
                    hi3 = Vector256.MaxNative(hi3, d);
                }

                min = Lowest(Vector256.MinNative(Vector256.MinNative(lo0, lo1), Vector256.MinNative(lo2, lo3)));
                max = -Lowest(-Vector256.MaxNative(Vector256.MaxNative(hi0, hi1), Vector256.MaxNative(hi2, hi3)));
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
    /// The TOPSIS squared distances of every unit, added criterion by criterion: for criterion j (column
    /// <c>columns[j·m .. j·m + m)</c>, taken in the order <paramref name="criteria"/> lists them) a = x·k_j + b_j and
    /// c = x·k_j + w_j, with (k, b, w) = <paramref name="terms"/>[3j..3j + 3), are the weighted normalised value's
    /// distances to the ideal and the anti-ideal; a² is added to <paramref name="toIdeal"/> and c² to
    /// <paramref name="toAntiIdeal"/>, each with one rounding (fused multiply-add).
    /// </summary>
    /// <remarks>
    /// Four criteria per pass over the two distance arrays (a short last group is padded with terms of 0, which add
    /// exactly 0), so the arrays are read and written once per four columns. Every unit gets the same operations in the
    /// same order whatever the vector width (Vector512, Vector256 or scalar), so the result has the same bits on every
    /// machine.
    /// </remarks>
    public static void AddTopsisDistances(
        ReadOnlySpan<double> columns,
        int m,
        ReadOnlySpan<int> criteria,
        ReadOnlySpan<double> terms,
        Span<double> toIdeal,
        Span<double> toAntiIdeal)
    {
        if (toIdeal.Length < m || toAntiIdeal.Length < m)
        {
            throw new ArgumentException("the distance buffers are shorter than the column");
        }

        Span<double> t = stackalloc double[12];
        for (int g = 0; g < criteria.Length; g += 4)
        {
            var group = criteria.Slice(g, Math.Min(4, criteria.Length - g));
            t.Clear();
            for (int c = 0; c < group.Length; c++)
            {
                int j = group[c];
                if ((uint)((j + 1) * m) > (uint)columns.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(criteria));
                }

                terms.Slice(3 * j, 3).CopyTo(t.Slice(3 * c, 3));
            }

            // Padding reads the group's first column with terms 0.
            AddFour(
                ref Unsafe.Add(ref MemoryMarshal.GetReference(columns), group[0] * m),
                ref Unsafe.Add(ref MemoryMarshal.GetReference(columns), group[group.Length > 1 ? 1 : 0] * m),
                ref Unsafe.Add(ref MemoryMarshal.GetReference(columns), group[group.Length > 2 ? 2 : 0] * m),
                ref Unsafe.Add(ref MemoryMarshal.GetReference(columns), group[group.Length > 3 ? 3 : 0] * m),
                m,
                t,
                ref MemoryMarshal.GetReference(toIdeal),
                ref MemoryMarshal.GetReference(toAntiIdeal));
        }
    }

    private static void AddFour(
        ref double x0, ref double x1, ref double x2, ref double x3, int m, ReadOnlySpan<double> t, ref double dp, ref double dm)
    {
        unchecked
        {
            int i = 0;
            if (Vector512.IsHardwareAccelerated && m >= 8)
            {
                var k0 = Vector512.Create(t[0]); var b0 = Vector512.Create(t[1]); var w0 = Vector512.Create(t[2]);
                var k1 = Vector512.Create(t[3]); var b1 = Vector512.Create(t[4]); var w1 = Vector512.Create(t[5]);
                var k2 = Vector512.Create(t[6]); var b2 = Vector512.Create(t[7]); var w2 = Vector512.Create(t[8]);
                var k3 = Vector512.Create(t[9]); var b3 = Vector512.Create(t[10]); var w3 = Vector512.Create(t[11]);
                for (; i <= m - 8; i += 8)
                {
                    var p = Vector512.LoadUnsafe(ref dp, (nuint)i);
                    var q = Vector512.LoadUnsafe(ref dm, (nuint)i);
                    var x = Vector512.LoadUnsafe(ref x0, (nuint)i);
                    var a = Vector512.FusedMultiplyAdd(x, k0, b0);
                    var c = Vector512.FusedMultiplyAdd(x, k0, w0);
                    p = Vector512.FusedMultiplyAdd(a, a, p);
                    q = Vector512.FusedMultiplyAdd(c, c, q);
                    x = Vector512.LoadUnsafe(ref x1, (nuint)i);
                    a = Vector512.FusedMultiplyAdd(x, k1, b1);
                    c = Vector512.FusedMultiplyAdd(x, k1, w1);
                    p = Vector512.FusedMultiplyAdd(a, a, p);
                    q = Vector512.FusedMultiplyAdd(c, c, q);
                    x = Vector512.LoadUnsafe(ref x2, (nuint)i);
                    a = Vector512.FusedMultiplyAdd(x, k2, b2);
                    c = Vector512.FusedMultiplyAdd(x, k2, w2);
                    p = Vector512.FusedMultiplyAdd(a, a, p);
                    q = Vector512.FusedMultiplyAdd(c, c, q);
                    x = Vector512.LoadUnsafe(ref x3, (nuint)i);
                    a = Vector512.FusedMultiplyAdd(x, k3, b3);
                    c = Vector512.FusedMultiplyAdd(x, k3, w3);
                    p = Vector512.FusedMultiplyAdd(a, a, p);
                    q = Vector512.FusedMultiplyAdd(c, c, q);
                    p.StoreUnsafe(ref dp, (nuint)i);
                    q.StoreUnsafe(ref dm, (nuint)i);
                }
            }

            if (Vector256.IsHardwareAccelerated && i <= m - 4)
            {
                var k0 = Vector256.Create(t[0]); var b0 = Vector256.Create(t[1]); var w0 = Vector256.Create(t[2]);
                var k1 = Vector256.Create(t[3]); var b1 = Vector256.Create(t[4]); var w1 = Vector256.Create(t[5]);
                var k2 = Vector256.Create(t[6]); var b2 = Vector256.Create(t[7]); var w2 = Vector256.Create(t[8]);
                var k3 = Vector256.Create(t[9]); var b3 = Vector256.Create(t[10]); var w3 = Vector256.Create(t[11]);
                for (; i <= m - 4; i += 4)
                {
                    var p = Vector256.LoadUnsafe(ref dp, (nuint)i);
                    var q = Vector256.LoadUnsafe(ref dm, (nuint)i);
                    var x = Vector256.LoadUnsafe(ref x0, (nuint)i);
                    var a = Vector256.FusedMultiplyAdd(x, k0, b0);
                    var c = Vector256.FusedMultiplyAdd(x, k0, w0);
                    p = Vector256.FusedMultiplyAdd(a, a, p);
                    q = Vector256.FusedMultiplyAdd(c, c, q);
                    x = Vector256.LoadUnsafe(ref x1, (nuint)i);
                    a = Vector256.FusedMultiplyAdd(x, k1, b1);
                    c = Vector256.FusedMultiplyAdd(x, k1, w1);
                    p = Vector256.FusedMultiplyAdd(a, a, p);
                    q = Vector256.FusedMultiplyAdd(c, c, q);
                    x = Vector256.LoadUnsafe(ref x2, (nuint)i);
                    a = Vector256.FusedMultiplyAdd(x, k2, b2);
                    c = Vector256.FusedMultiplyAdd(x, k2, w2);
                    p = Vector256.FusedMultiplyAdd(a, a, p);
                    q = Vector256.FusedMultiplyAdd(c, c, q);
                    x = Vector256.LoadUnsafe(ref x3, (nuint)i);
                    a = Vector256.FusedMultiplyAdd(x, k3, b3);
                    c = Vector256.FusedMultiplyAdd(x, k3, w3);
                    p = Vector256.FusedMultiplyAdd(a, a, p);
                    q = Vector256.FusedMultiplyAdd(c, c, q);
                    p.StoreUnsafe(ref dp, (nuint)i);
                    q.StoreUnsafe(ref dm, (nuint)i);
                }
            }

            for (; i < m; i++)
            {
                double p = Unsafe.Add(ref dp, i);
                double q = Unsafe.Add(ref dm, i);
                p = Square(Unsafe.Add(ref x0, i), t[0], t[1], p);
                q = Square(Unsafe.Add(ref x0, i), t[0], t[2], q);
                p = Square(Unsafe.Add(ref x1, i), t[3], t[4], p);
                q = Square(Unsafe.Add(ref x1, i), t[3], t[5], q);
                p = Square(Unsafe.Add(ref x2, i), t[6], t[7], p);
                q = Square(Unsafe.Add(ref x2, i), t[6], t[8], q);
                p = Square(Unsafe.Add(ref x3, i), t[9], t[10], p);
                q = Square(Unsafe.Add(ref x3, i), t[9], t[11], q);
                Unsafe.Add(ref dp, i) = p;
                Unsafe.Add(ref dm, i) = q;
            }
        }
    }

    /// <summary>sum + (x·k + b)², each step with one rounding, as the vector loops compute it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Square(double x, double k, double b, double sum)
    {
        double a = Math.FusedMultiplyAdd(x, k, b);
        return Math.FusedMultiplyAdd(a, a, sum);
    }

    /// <summary>
    /// TOPSIS closeness from the summed squares: √dm / (√dp + √dm), written over <paramref name="toIdeal"/>; a unit at
    /// distance 0 from both (every unit identical) gets 0.5.
    /// </summary>
    /// <remarks>
    /// Computed as dm / (√(dp·dm) + dm) — one square root instead of two, which is the loop's bottleneck — except for a
    /// unit whose dp·dm is below the smallest normal double (it is at the ideal or the anti-ideal, or both distances are
    /// tiny), which gets the two-root form. The choice is made unit by unit, so the result does not depend on the vector
    /// width or on which units share a vector.
    /// </remarks>
    public static void Closeness(Span<double> toIdeal, ReadOnlySpan<double> toAntiIdeal)
    {
        unchecked
        {
            int n = toIdeal.Length;
            ref double dp = ref MemoryMarshal.GetReference(toIdeal);
            ref double dm = ref MemoryMarshal.GetReference(toAntiIdeal);
            int i = 0;
            if (Vector512.IsHardwareAccelerated && n >= 8)
            {
                var smallest = Vector512.Create(SmallestNormal);
                for (; i <= n - 8; i += 8)
                {
                    var p = Vector512.LoadUnsafe(ref dp, (nuint)i);
                    var q = Vector512.LoadUnsafe(ref dm, (nuint)i);
                    var product = p * q;
                    var c = q / (Vector512.Sqrt(product) + q);
                    if (Vector512.LessThanAny(product, smallest))
                    {
                        var sp = Vector512.Sqrt(p);
                        var sq = Vector512.Sqrt(q);
                        var sum = sp + sq;
                        var exact = Vector512.ConditionalSelect(Vector512.Equals(sum, Vector512<double>.Zero), Vector512.Create(0.5), sq / sum);
                        c = Vector512.ConditionalSelect(Vector512.LessThan(product, smallest), exact, c);
                    }

                    c.StoreUnsafe(ref dp, (nuint)i);
                }
            }

            if (Vector256.IsHardwareAccelerated && i <= n - 4)
            {
                var smallest = Vector256.Create(SmallestNormal);
                for (; i <= n - 4; i += 4)
                {
                    var p = Vector256.LoadUnsafe(ref dp, (nuint)i);
                    var q = Vector256.LoadUnsafe(ref dm, (nuint)i);
                    var product = p * q;
                    var c = q / (Vector256.Sqrt(product) + q);
                    if (Vector256.LessThanAny(product, smallest))
                    {
                        var sp = Vector256.Sqrt(p);
                        var sq = Vector256.Sqrt(q);
                        var sum = sp + sq;
                        var exact = Vector256.ConditionalSelect(Vector256.Equals(sum, Vector256<double>.Zero), Vector256.Create(0.5), sq / sum);
                        c = Vector256.ConditionalSelect(Vector256.LessThan(product, smallest), exact, c);
                    }

                    c.StoreUnsafe(ref dp, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                double p = Unsafe.Add(ref dp, i);
                double q = Unsafe.Add(ref dm, i);
                double product = p * q;
                double c;
                if (product < SmallestNormal)
                {
                    double sum = Math.Sqrt(p) + Math.Sqrt(q);
                    c = sum == 0 ? 0.5 : Math.Sqrt(q) / sum;
                }
                else
                {
                    c = q / (Math.Sqrt(product) + q);
                }

                Unsafe.Add(ref dp, i) = c;
            }
        }
    }

    /// <summary>The smallest positive normal double (2^−1022).</summary>
    private const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>p ln p lane by lane for finite p ≥ 0 (0 where p is 0: <see cref="Log(Vector256{double})"/> of 0 is finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PLogP(Vector256<double> p) => p * Log(p);

    // ln 2 split so that k · Ln2High is exact for |k| < 2^21: Ln2High keeps the top 32 significant bits of ln 2.
    private const double Ln2High = 0.6931471803691238;     // 0x3FE62E42FEE00000
    private const double Ln2Low = 1.9082149292705877e-10;  // ln 2 − Ln2High

    // R(w) = w·(R0 + R1·w + … + R6·w⁶) ≈ (2 atanh s − 2s)/s for w = s² ≤ 0.02944 (|s| ≤ (√2 − 1)/(√2 + 1)): a degree-6
    // Chebyshev fit of (2 atanh s − 2s)/s³ (mpmath), relative error of 2s + s·R below 2^−57.6 of ln(1 + f) — under a
    // thirtieth of an ulp — with three fused multiply-adds fewer than the Taylor series' 2/3 … 2/21 (eval-fast3's fit).
    private const double R0 = 0.666666666666667;
    private const double R1 = 0.39999999999899444;
    private const double R2 = 0.2857142862600327;
    private const double R3 = 0.22222211130259878;
    private const double R4 = 0.18182889455674947;
    private const double R5 = 0.15331710618210773;
    private const double R6 = 0.14616585424888623;

    /// <summary>
    /// Natural logarithm lane by lane for finite normal x &gt; 0, within 1 ulp of <see cref="Math.Log(double)"/> on the
    /// property tests' data. A lane that is 0 gives a finite value (about −709), so that 0 · ln 0 comes out 0; a subnormal
    /// lane gives a finite value that is not its logarithm, but between −745 and −708, so x · ln x is off by less than
    /// 1e-305 (callers that can meet subnormals fall back where that matters).
    /// </summary>
    /// <remarks>
    /// x = 2^k · z with z in (√½, √2]; f = z − 1, s = f / (2 + f); ln(1 + f) = 2 atanh s = 2s + s·R(s²) with
    /// R(w) = w·(R0 + R1·w + … + R6·w⁶), a minimax-style fit of the atanh series' tail (2w/3 + 2w²/5 + …) on
    /// |s| ≤ 0.172, six fused multiply-adds where the Taylor series truncated to 1e-19 needed nine; assembled as
    /// k·ln2 + f − (f²/2 − s·(f²/2 + R)), so the rounding errors stay in the small terms.
    /// Written with vector operations only (one division, no table, no compare), so every x86-64-v3 or Arm machine
    /// computes the same bits, and the Vector512 form below gives every lane the same bits as this one.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Log(Vector256<double> x)
    {
        // Integer arithmetic only (no compare, no select): with C the bits of √½ + 1 ulp, u = bits + 2^62 − C puts the
        // exponent of x/√½, plus 1024, in its top 12 bits, so z = x / 2^k is bits − (u's top 12 bits) + 2^62 and k is
        // (u >>> 52) − 1024, exactly, as a double (2^52 + (u >>> 52) − 2^52 − 1024).
        var bits = x.AsUInt64();
        var u = bits + Vector256.Create(0x4000_0000_0000_0000UL - 0x3FE6_A09E_667F_3BCEUL);
        var z = (bits - (u & Vector256.Create(0xFFF0_0000_0000_0000UL)) + Vector256.Create(0x4000_0000_0000_0000UL)).AsDouble();
        var k = ((u >>> 52) | Vector256.Create(0x4330_0000_0000_0000UL)).AsDouble() - Vector256.Create(4503599627370496.0 + 1024.0);

        var f = z - Vector256<double>.One;
        var s = f / (Vector256.Create(2.0) + f);
        var halfSquare = Vector256.Create(0.5) * f * f;
        var w = s * s;
        var r = Vector256.Create(R6);
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(R5));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(R4));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(R3));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(R2));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(R1));
        r = Vector256.FusedMultiplyAdd(r, w, Vector256.Create(R0));
        r *= w;
        var small = Vector256.FusedMultiplyAdd(s, halfSquare + r, k * Vector256.Create(Ln2Low));
        return Vector256.FusedMultiplyAdd(k, Vector256.Create(Ln2High), f - (halfSquare - small));
    }

    /// <summary>
    /// <see cref="Log(Vector256{double})"/> on eight lanes: the same operations on the same constants, so every lane
    /// has the bits the 256-bit form gives it (a copy: see the note above the fused kernels on why there is no generic
    /// body).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Log(Vector512<double> x)
    {
        // Integer arithmetic only (no compare, no select): with C the bits of √½ + 1 ulp, u = bits + 2^62 − C puts the
        // exponent of x/√½, plus 1024, in its top 12 bits, so z = x / 2^k is bits − (u's top 12 bits) + 2^62 and k is
        // (u >>> 52) − 1024, exactly, as a double (2^52 + (u >>> 52) − 2^52 − 1024).
        var bits = x.AsUInt64();
        var u = bits + Vector512.Create(0x4000_0000_0000_0000UL - 0x3FE6_A09E_667F_3BCEUL);
        var z = (bits - (u & Vector512.Create(0xFFF0_0000_0000_0000UL)) + Vector512.Create(0x4000_0000_0000_0000UL)).AsDouble();
        var k = ((u >>> 52) | Vector512.Create(0x4330_0000_0000_0000UL)).AsDouble() - Vector512.Create(4503599627370496.0 + 1024.0);

        var f = z - Vector512<double>.One;
        var s = f / (Vector512.Create(2.0) + f);
        var halfSquare = Vector512.Create(0.5) * f * f;
        var w = s * s;
        var r = Vector512.Create(R6);
        r = Vector512.FusedMultiplyAdd(r, w, Vector512.Create(R5));
        r = Vector512.FusedMultiplyAdd(r, w, Vector512.Create(R4));
        r = Vector512.FusedMultiplyAdd(r, w, Vector512.Create(R3));
        r = Vector512.FusedMultiplyAdd(r, w, Vector512.Create(R2));
        r = Vector512.FusedMultiplyAdd(r, w, Vector512.Create(R1));
        r = Vector512.FusedMultiplyAdd(r, w, Vector512.Create(R0));
        r *= w;
        var small = Vector512.FusedMultiplyAdd(s, halfSquare + r, k * Vector512.Create(Ln2Low));
        return Vector512.FusedMultiplyAdd(k, Vector512.Create(Ln2High), f - (halfSquare - small));
    }

    private static double Lowest(Vector256<double> v)
    {
        var h = Vector128.MinNative(v.GetLower(), v.GetUpper());
        return Math.Min(h.ToScalar(), h.GetElement(1));
    }
}
