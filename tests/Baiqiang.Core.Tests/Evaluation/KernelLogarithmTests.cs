using System.Runtime.Intrinsics;
using Baiqiang.Core.Evaluation;

namespace Baiqiang.Core.Tests.Evaluation;

/// <summary>
/// The entropy kernel's vector logarithm (a fitted polynomial of seven coefficients): within 1 ulp of Math.Log on
/// shares, values near 1, powers of two and random normal doubles, and every lane of both widths the same bits.
/// </summary>
public sealed class KernelLogarithmTests
{
    private static long Ulps(double a, double b) =>
        Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    private static IEnumerable<double> Values()
    {
        var rng = new Random(20261207);
        for (int i = 0; i < 400_000; i++)
        {
            yield return (i % 4) switch
            {
                0 => Math.Exp(-rng.NextDouble() * 30),                                    // shares, 1e-13 … 1
                1 => 1 + ((rng.NextDouble() - 0.5) * Math.Pow(2, -rng.Next(1, 52))),    // next to 1
                2 => Math.Sqrt(0.5) * (1 + ((rng.NextDouble() - 0.5) * 1e-3)),          // next to √½, the reduction's edge
                _ => BitConverter.Int64BitsToDouble(rng.NextInt64(0x0010_0000_0000_0000L, 0x7FEF_FFFF_FFFF_FFFFL)),
            };
        }

        for (int e = -1022; e <= 1023; e++)
        {
            yield return Math.ScaleB(1, e);
            yield return Math.ScaleB(Math.Sqrt(2), e);
        }
    }

    [Fact]
    public void Log_NormalValues_WithinOneUlpOfMathLog()
    {
        long worst = 0;
        double at = 0;
        foreach (double x in Values())
        {
            double expected = Math.Log(x);
            double actual = ColumnKernels.Log(Vector256.Create(x)).GetElement(0);
            long u = expected == 0 ? (actual == 0 ? 0 : long.MaxValue) : Ulps(actual, expected);
            if (u > worst)
            {
                worst = u;
                at = x;
            }
        }

        Assert.True(worst <= 1, $"worst {worst} ulps at {at:R}");
    }

    [Fact]
    public void Log_EveryLaneOfBothWidths_SameBitsAsTheFirstLane()
    {
        var rng = new Random(7);
        var lanes = new double[8];
        for (int i = 0; i < 50_000; i++)
        {
            for (int k = 0; k < 8; k++)
            {
                lanes[k] = Math.Exp((rng.NextDouble() - 0.7) * 40);
            }

            var v512 = ColumnKernels.Log(Vector512.Create(lanes));
            var lo = ColumnKernels.Log(Vector256.Create(lanes.AsSpan(0, 4)));
            var hi = ColumnKernels.Log(Vector256.Create(lanes.AsSpan(4, 4)));
            for (int k = 0; k < 8; k++)
            {
                double single = ColumnKernels.Log(Vector256.Create(lanes[k])).GetElement(0);
                double wide = v512.GetElement(k);
                double narrow = k < 4 ? lo.GetElement(k) : hi.GetElement(k - 4);
                Assert.Equal(BitConverter.DoubleToInt64Bits(single), BitConverter.DoubleToInt64Bits(wide));
                Assert.Equal(BitConverter.DoubleToInt64Bits(single), BitConverter.DoubleToInt64Bits(narrow));
            }
        }
    }
}
