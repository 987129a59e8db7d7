using System.Collections;

namespace Baiqiang.Core.Text;

/// <summary>
/// For each character of a normalised text, the index in the original it came from
/// (<see cref="ChineseText.NormalizeKeepingOffsetRuns"/>), kept as runs: from output index
/// <c>RunOut[k]</c> on, output index <c>i</c> maps to <c>RunSource[k] + (i − RunOut[k])</c> until the next run. A lookup is a
/// binary search over the runs; text that was copied one for one has one run.
/// </summary>
public sealed class OffsetMap : IReadOnlyList<int>
{
    private readonly int[] _runOut;
    private readonly int[] _runSource;

    internal OffsetMap(int[] runOut, int[] runSource, int count)
    {
        _runOut = runOut;
        _runSource = runSource;
        Count = count;
    }

    /// <summary>The length of the normalised text.</summary>
    public int Count { get; }

    /// <summary>The original index of normalised character <paramref name="index"/>.</summary>
    public int this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            // The last run starting at or before index (run starts strictly increase, the first is 0): a plain binary search,
            // as Array.BinarySearch finds it without a comparer call per step (the extractor maps three offsets per fact).
            var runOut = _runOut;
            int lo = 0, hi = runOut.Length - 1;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo + 1) >> 1);
                if (runOut[mid] <= index)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return _runSource[lo] + (index - runOut[lo]);
        }
    }

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator()
    {
        for (var k = 0; k < _runOut.Length; k++)
        {
            var end = k + 1 < _runOut.Length ? _runOut[k + 1] : Count;
            for (var i = _runOut[k]; i < end; i++)
            {
                yield return _runSource[k] + (i - _runOut[k]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
