using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Baiqiang.Core.Evaluation;

/// <summary>Turns scores into ranks.</summary>
public static class Ranking
{
    /// <summary>Scores closer than this (absolute) are tied.</summary>
    public const double TieTolerance = 1e-12;

    /// <summary>
    /// Competition ranking ("1224"): rank 1 is the best score (largest when <paramref name="higherIsBetter"/>,
    /// else smallest); units whose score is within <see cref="TieTolerance"/> of the first score of their tie
    /// group share its rank, and the next rank skips accordingly. NaN scores throw
    /// <see cref="EvaluationException"/>. O(m log m).
    /// </summary>
    public static int[] Rank(IReadOnlyList<double> scores, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores is double[] array ? Rank(array, higherIsBetter) : Rank([.. scores], higherIsBetter);
    }

    /// <summary>This thread's sort buffers, kept from call to call so a ranking allocates only its result.</summary>
    [ThreadStatic]
    private static RankScratch? t_scratch;

    private static int[] Rank(double[] scores, bool higherIsBetter)
    {
        var ranks = new int[scores.Length];
        RankInto(scores, higherIsBetter, t_scratch ??= new RankScratch(scores.Length), ranks);
        return ranks;
    }

    /// <summary>
    /// <see cref="Rank(IReadOnlyList{double}, bool)"/> into caller-owned buffers, so a loop of rankings — a Monte
    /// Carlo run — allocates nothing but its results.
    /// </summary>
    /// <remarks>
    /// The scores' IEEE-754 bits are mapped to unsigned integers whose order is the numbers' order (sign bit flipped for
    /// positives, all bits flipped for negatives) and sorted (<see cref="PrefixSort"/>): an LSD radix sort, two passes
    /// of 8–11 bits, on the top 16–22 bits of the keys' range (key − lowest key, shifted), then the keys are gathered in that
    /// order with an insertion step for the few that share those bits; if the insertions have more to move than a few
    /// positions per key (scores bunched far closer than the spread of the rest), a comparison sort does the job.
    /// Branch-free passes instead of a branch per bucket (docs/benchmarks.md). Ranks depend only on the sorted sequence
    /// of scores, so they equal the comparison sort's (a property test compares the two). Below
    /// <see cref="RadixMinimum"/> units an ordinary sort is used.
    /// </remarks>
    internal static void RankInto(ReadOnlySpan<double> scores, bool higherIsBetter, RankScratch scratch, Span<int> ranks)
    {
        int m = scores.Length;
        scratch.Ensure(m);
        var order = scratch.Order.AsSpan(0, m);
        ulong flip = higherIsBetter ? 0x8000_0000_0000_0000UL : 0; // negating a double flips its sign bit
        Span<ulong> keys;
        if (m < RadixMinimum)
        {
            keys = scratch.Keys.AsSpan(0, m);
            for (int i = 0; i < m; i++)
            {
                double s = scores[i];
                if (double.IsNaN(s))
                {
                    throw NaNScores();
                }

                keys[i] = OrderedBits(BitConverter.DoubleToUInt64Bits(s) ^ flip);
                order[i] = i;
            }

            // The sort need not be stable: tied units get the same rank whatever their order within the group.
            keys.Sort(order);
        }
        else
        {
            keys = PrefixSort(scores, flip, order, scratch);
        }

        // The sorted keys back to the (negated where higher is better) scores, in place; then the tie groups. A score
        // starts a new group unless it equals the group's leader — so an infinite score (∞ − ∞ is NaN) neither splits its
        // group nor stalls — or is within the tolerance of it.
        var values = MemoryMarshal.Cast<ulong, double>(keys);
        ToValues(keys);
        int start = 0;
        double leader = m > 0 ? values[0] : 0;
        for (int k = 0; k < m; k++)
        {
            double v = values[k];
            if (!(v == leader || (v - leader) <= TieTolerance))
            {
                start = k;
                leader = v;
            }

            ranks[order[k]] = start + 1;
        }
    }

    /// <summary>Replaces each key by the bits of the double it came from (<see cref="FromOrderedBits"/>), four at a time.</summary>
    private static void ToValues(Span<ulong> keys)
    {
        unchecked
        {
            int i = 0;
            ref ulong at = ref MemoryMarshal.GetReference(keys);
            if (Vector256.IsHardwareAccelerated)
            {
                // A key with its top bit set came from a positive double (clear the bit), else from a negative one (flip all).
                var sign = Vector256.Create(0x8000_0000_0000_0000UL);
                for (; i <= keys.Length - 4; i += 4)
                {
                    var key = Vector256.LoadUnsafe(ref at, (nuint)i);
                    var positive = Vector256<ulong>.Zero - (key >>> 63); // all ones where the top bit is set
                    (key ^ (~positive | sign)).StoreUnsafe(ref at, (nuint)i);
                }
            }

            for (; i < keys.Length; i++)
            {
                ulong key = Unsafe.Add(ref at, i);
                Unsafe.Add(ref at, i) = BitConverter.DoubleToUInt64Bits(FromOrderedBits(key));
            }
        }
    }

    /// <summary>Below this many units the comparison sort is as fast as the radix sort's fixed passes.</summary>
    internal const int RadixMinimum = 256;

    /// <summary>The widest radix digit: 2^11 counters per digit.</summary>
    private const int MaxDigitBits = 11;

    /// <summary>Maps a double's bits to an unsigned integer with the same order (NaN excluded; −0 sorts just before +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong OrderedBits(ulong bits)
        => (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double FromOrderedBits(ulong key)
        => BitConverter.UInt64BitsToDouble((key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key);

    private static EvaluationException NaNScores()
        => EvaluationException.Of("得分中含有非数值（NaN），无法排名", "scores contain NaN and cannot be ranked");

    /// <summary>
    /// The scores' keys (<see cref="OrderedBits"/> of the score, negated by <paramref name="flip"/>) in ascending order,
    /// their units into <paramref name="order"/>. The lowest and highest key come from the vectorised minimum and maximum
    /// of the scores; two LSD radix passes then sort on the prefix p = (key − lowest) &gt;&gt;
    /// shift, the top 2d bits of the keys' range (d = 8 to 11 bits a digit, by the number of units), which is monotone
    /// in the key, each pass moving one 64-bit word per unit (p above the unit's index). Only keys with the same prefix
    /// can then be out of order: gathering the keys in that order, an insertion step puts those right, and a comparison
    /// sort takes over if that would move more than 8 positions per key (scores bunched far closer than the rest).
    /// </summary>
    private static Span<ulong> PrefixSort(ReadOnlySpan<double> scores, ulong flip, Span<int> order, RankScratch scratch)
    {
        unchecked
        {
            int m = scores.Length;

            // The range of the scores; a zero bound is taken as −0 for the minimum and +0 for the maximum, whose keys bound
            // both zeros. A NaN is caught in the pass below, when its turn comes; until then the range may be wrong (the
            // native min and max do not carry NaN), so the high digit is clamped to stay inside its histogram.
            var (min, max) = ColumnKernels.MinAndMax(scores);
            min = min == 0 ? -0.0 : min;
            max = max == 0 ? 0.0 : max;
            ulong lowest = OrderedBits(BitConverter.DoubleToUInt64Bits(flip == 0 ? min : max) ^ flip);
            ulong highest = OrderedBits(BitConverter.DoubleToUInt64Bits(flip == 0 ? max : min) ^ flip);

            // Digits of d bits with 2^(2d) about 16 slots per unit (8 bits for 2,978 units, at most 11), so few keys share
            // a prefix while the histograms and their prefix sums stay small.
            int digitBits = Math.Clamp(((33 - BitOperations.LeadingZeroCount((uint)m)) / 2) + 2, 8, MaxDigitBits);
            int bits = 64 - BitOperations.LeadingZeroCount(highest - lowest);
            int shift = Math.Max(0, bits - (2 * digitBits));
            int mask = (1 << digitBits) - 1;

            // The keys, and both digits' histograms with the words for the scatter passes, in one pass.
            var keys = scratch.Keys.AsSpan(0, m);
            var low = scratch.Counts.AsSpan(0, 1 << digitBits);
            var high = scratch.Counts.AsSpan(1 << MaxDigitBits, 1 << digitBits);
            low.Clear();
            high.Clear();
            var words = scratch.Words.AsSpan(0, m);
            for (int i = 0; i < m; i++)
            {
                double s = scores[i];
                if (double.IsNaN(s))
                {
                    throw NaNScores();
                }

                ulong key = OrderedBits(BitConverter.DoubleToUInt64Bits(s) ^ flip);
                keys[i] = key;
                ulong p = (key - lowest) >> shift;
                words[i] = (p << 32) | (uint)i;
                low[(int)p & mask]++;
                high[(int)Math.Min(p >> digitBits, (ulong)mask)]++;
            }

            int totalLow = 0;
            int totalHigh = 0;
            for (int d = 0; d < low.Length; d++)
            {
                int c = low[d];
                low[d] = totalLow;
                totalLow += c;
                c = high[d];
                high[d] = totalHigh;
                totalHigh += c;
            }

            var words2 = scratch.Words2.AsSpan(0, m);
            foreach (ulong w in words)
            {
                words2[low[(int)(w >> 32) & mask]++] = w;
            }

            foreach (ulong w in words2)
            {
                words[high[(int)(w >> (32 + digitBits))]++] = w;
            }

            // Gather the keys in prefix order; a key below the one before it (same prefix) is inserted where it belongs.
            var sorted = scratch.Keys2.AsSpan(0, m);
            int budget = 8 * m;
            for (int i = 0; i < m; i++)
            {
                int unit = (int)(uint)words[i];
                ulong key = keys[unit];
                int j = i - 1;
                if (j >= 0 && sorted[j] > key)
                {
                    do
                    {
                        sorted[j + 1] = sorted[j];
                        order[j + 1] = order[j];
                        j--;
                    }
                    while (j >= 0 && sorted[j] > key);

                    budget -= i - j;
                    if (budget < 0)
                    {
                        // Bunched scores: a comparison sort of all the keys in their original order.
                        keys.CopyTo(sorted);
                        for (int u = 0; u < m; u++)
                        {
                            order[u] = u;
                        }

                        sorted.Sort(order);
                        return sorted;
                    }
                }

                sorted[j + 1] = key;
                order[j + 1] = unit;
            }

            return sorted;
        }
    }
}

/// <summary>Buffers for <see cref="Ranking.RankInto"/>: one per thread, reused from ranking to ranking.</summary>
internal sealed class RankScratch
{
    public RankScratch(int units) => Ensure(units);

    public ulong[] Keys { get; private set; } = [];

    public int[] Order { get; private set; } = [];

    public ulong[] Keys2 { get; private set; } = [];

    public int[] Order2 { get; private set; } = [];

    /// <summary>The two radix digits' histograms, side by side.</summary>
    public int[] Counts { get; } = new int[2 << 11];

    /// <summary>The radix sort's words (a key's prefix above its unit's index), before and after the first pass.</summary>
    public ulong[] Words { get; private set; } = [];

    public ulong[] Words2 { get; private set; } = [];

    public void Ensure(int units)
    {
        if (Keys.Length >= units)
        {
            return;
        }

        Keys = new ulong[units];
        Order = new int[units];
        Keys2 = new ulong[units];
        Order2 = new int[units];
        Words = new ulong[units];
        Words2 = new ulong[units];
    }
}
