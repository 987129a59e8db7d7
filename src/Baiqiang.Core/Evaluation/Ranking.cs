using System.Runtime.CompilerServices;

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
    /// positives, all bits flipped for negatives) and sorted: by value into one bucket per unit, each bucket then by
    /// insertion (<see cref="BucketSort"/>); when a score is infinite or all are equal, by an LSD radix sort, 11 bits per
    /// pass, a pass skipped when every key shares its digit. For 2,978 units the bucket sort takes about a third of the
    /// radix sort's instructions (docs/benchmarks.md). Ranks depend only on the sorted sequence of scores, so they equal
    /// the comparison sort's (a property test compares the two). Below <see cref="RadixMinimum"/> units an ordinary
    /// sort is used.
    /// </remarks>
    internal static void RankInto(ReadOnlySpan<double> scores, bool higherIsBetter, RankScratch scratch, Span<int> ranks)
    {
        int m = scores.Length;
        scratch.Ensure(m);
        var keys = scratch.Keys.AsSpan(0, m);
        var order = scratch.Order.AsSpan(0, m);
        double lo = double.PositiveInfinity;
        double hi = double.NegativeInfinity;
        for (int i = 0; i < m; i++)
        {
            double s = scores[i];
            if (double.IsNaN(s))
            {
                throw EvaluationException.Of("得分中含有非数值（NaN），无法排名", "scores contain NaN and cannot be ranked");
            }

            double v = higherIsBetter ? -s : s;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
            keys[i] = OrderedBits(v);
            order[i] = i;
        }

        // The sort need not be stable: tied units get the same rank whatever their order within the group.
        if (m < RadixMinimum)
        {
            keys.Sort(order);
        }
        else if (!BucketSort(keys, order, lo, hi, scratch))
        {
            RadixSort(keys, order, scratch);
        }

        int k = 0;
        while (k < m)
        {
            int start = k;
            double leader = FromOrderedBits(keys[k]);

            // The leader always takes its rank and equal scores always tie, so an infinite score (∞ − ∞ is NaN) neither
            // stalls the loop nor splits its tie group.
            do
            {
                ranks[order[k]] = start + 1;
                k++;
            }
            while (k < m && (keys[k] == keys[start] || (FromOrderedBits(keys[k]) - leader) <= TieTolerance));
        }
    }

    /// <summary>Below this many units the comparison sort is as fast as the radix sort's fixed passes.</summary>
    internal const int RadixMinimum = 256;

    private const int DigitBits = 11;

    /// <summary>Maps a double to an unsigned integer with the same order (NaN excluded; −0 sorts just before +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong OrderedBits(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double FromOrderedBits(ulong key)
        => BitConverter.UInt64BitsToDouble((key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key);

    /// <summary>Buckets larger than this are sorted by <see cref="MemoryExtensions.Sort{TKey, TValue}(Span{TKey}, Span{TValue})"/>, smaller ones by insertion.</summary>
    private const int InsertionMaximum = 32;

    /// <summary>
    /// Sorts the keys by value into m buckets of equal width between the lowest and highest value (a monotone map, so
    /// the buckets come in order), then each bucket by its keys — by insertion, as buckets hold one or two keys for
    /// spread-out scores. Three passes over the keys instead of the radix sort's twelve; false (nothing done) when a
    /// value is infinite or all are equal, which the radix sort handles.
    /// </summary>
    private static bool BucketSort(Span<ulong> keys, Span<int> order, double lo, double hi, RankScratch scratch)
    {
        int m = keys.Length;
        double width = hi - lo;
        double scale = m / width;
        if (!double.IsFinite(width) || !(width > 0) || !double.IsFinite(scale))
        {
            return false;
        }

        unchecked
        {
            var start = scratch.Buckets.AsSpan(0, m + 1);
            start.Clear();
            foreach (ulong key in keys)
            {
                start[Bucket(key, lo, scale, m) + 1]++;
            }

            for (int b = 1; b <= m; b++)
            {
                start[b] += start[b - 1];
            }

            var sortedKeys = scratch.Keys2.AsSpan(0, m);
            var sortedOrder = scratch.Order2.AsSpan(0, m);
            for (int i = 0; i < m; i++)
            {
                ulong key = keys[i];
                int at = start[Bucket(key, lo, scale, m)]++;
                sortedKeys[at] = key;
                sortedOrder[at] = order[i];
            }

            // start[b] is now where bucket b ends (bucket b + 1 begins).
            int from = 0;
            for (int b = 0; b < m; b++)
            {
                int to = start[b];
                if (to - from > InsertionMaximum)
                {
                    sortedKeys[from..to].Sort(sortedOrder[from..to]);
                }
                else
                {
                    for (int i = from + 1; i < to; i++)
                    {
                        ulong key = sortedKeys[i];
                        int unit = sortedOrder[i];
                        int j = i - 1;
                        while (j >= from && sortedKeys[j] > key)
                        {
                            sortedKeys[j + 1] = sortedKeys[j];
                            sortedOrder[j + 1] = sortedOrder[j];
                            j--;
                        }

                        sortedKeys[j + 1] = key;
                        sortedOrder[j + 1] = unit;
                    }
                }

                from = to;
            }

            sortedKeys.CopyTo(keys);
            sortedOrder.CopyTo(order);
            return true;
        }
    }

    /// <summary>The bucket of a key's value: ⌊(v − lo) · scale⌋, at most m − 1; non-decreasing in v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(ulong key, double lo, double scale, int m)
        => Math.Min(unchecked((int)((FromOrderedBits(key) - lo) * scale)), m - 1);

    private static void RadixSort(Span<ulong> keys, Span<int> order, RankScratch scratch)
    {
        int m = keys.Length;
        var srcKeys = keys;
        var srcOrder = order;
        var dstKeys = scratch.Keys2.AsSpan(0, m);
        var dstOrder = scratch.Order2.AsSpan(0, m);
        var counts = scratch.Counts.AsSpan();
        bool inScratch = false;
        for (int shift = 0; shift < 64; shift += DigitBits)
        {
            counts.Clear();
            foreach (ulong key in srcKeys)
            {
                counts[(int)((key >> shift) & ((1UL << DigitBits) - 1))]++;
            }

            if (counts[(int)((srcKeys[0] >> shift) & ((1UL << DigitBits) - 1))] == m)
            {
                continue; // every key has this digit: the pass would not move anything
            }

            int total = 0;
            for (int d = 0; d < counts.Length; d++)
            {
                int c = counts[d];
                counts[d] = total;
                total += c;
            }

            for (int i = 0; i < m; i++)
            {
                ulong key = srcKeys[i];
                int at = counts[(int)((key >> shift) & ((1UL << DigitBits) - 1))]++;
                dstKeys[at] = key;
                dstOrder[at] = srcOrder[i];
            }

            var tk = srcKeys;
            srcKeys = dstKeys;
            dstKeys = tk;
            var to = srcOrder;
            srcOrder = dstOrder;
            dstOrder = to;
            inScratch = !inScratch;
        }

        if (inScratch)
        {
            srcKeys.CopyTo(keys);
            srcOrder.CopyTo(order);
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

    public int[] Counts { get; } = new int[1 << 11];

    /// <summary>Bucket boundaries for the bucket sort: units + 1.</summary>
    public int[] Buckets { get; private set; } = [];

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
        Buckets = new int[units + 1];
    }
}
