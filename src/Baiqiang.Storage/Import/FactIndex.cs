namespace Baiqiang.Storage.Import;

/// <summary>
/// The duplicate index of an import: which record holds each (region, indicator, period) key so far.
/// </summary>
/// <remarks>
/// A file of a million rows puts a million keys here, one look-up and one insert per row, far beyond the CPU caches: a
/// <see cref="Dictionary{TKey, TValue}"/> touches its bucket array and then its entry array, two cache misses, and
/// rehashes every key each time it grows. Here a key and its record's index are one 16-byte slot of a single
/// open-addressed table (linear probing, at most half full), so a look-up is one miss and the hash is a multiply.
/// </remarks>
internal sealed class FactIndex
{
    private Slot[] _slots = new Slot[1 << 10];
    private int _count;

    public int Count => _count;

    /// <summary>The index already held for the key; otherwise stores <paramref name="index"/> for it and returns -1.</summary>
    public int GetOrAdd(int region, int indicator, int period, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (_count >= _slots.Length >> 1)
        {
            Grow();
        }

        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = Hash(region, indicator, period) & mask; ; i = (i + 1) & mask)
        {
            ref var s = ref slots[i];
            if (s.IndexPlusOne == 0)
            {
                s = new Slot(region, indicator, period, index + 1);
                _count++;
                return -1;
            }

            if (s.Region == region && s.Indicator == indicator && s.Period == period)
            {
                return s.IndexPlusOne - 1;
            }
        }
    }

    private void Grow()
    {
        var old = _slots;
        var slots = new Slot[old.Length * 2];
        var mask = slots.Length - 1;
        foreach (var s in old)
        {
            if (s.IndexPlusOne == 0)
            {
                continue;
            }

            var i = Hash(s.Region, s.Indicator, s.Period) & mask;
            while (slots[i].IndexPlusOne != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = s;
        }

        _slots = slots;
    }

    /// <summary>Mixes the three parts (region codes and periods run in sequence) so that consecutive keys spread.</summary>
    private static int Hash(int region, int indicator, int period)
    {
        var h = ((((ulong)(uint)region << 32) | (uint)period) * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)indicator * 0xC2B2AE3D27D4EB4FUL);
        return (int)(h ^ (h >> 29) ^ (h >> 43)) & int.MaxValue;
    }

    /// <summary>A key and its record's index plus one (0: the slot is empty).</summary>
    private readonly record struct Slot(int Region, int Indicator, int Period, int IndexPlusOne);
}
