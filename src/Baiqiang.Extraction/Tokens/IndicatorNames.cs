using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;

namespace Baiqiang.Extraction.Tokens;

/// <summary>One indicator name found in a text: where, how long, and which indicator (null for a blocking word).</summary>
internal readonly record struct IndicatorMatch(int Start, int Length, Indicator? Indicator);

/// <summary>
/// Every indicator name and alias of a catalogue in one Aho–Corasick automaton over characters: one pass over a text finds
/// all names in it, whatever the catalogue's size. <see cref="FindLongest"/> picks the longest unit-compatible name, and a
/// name that lies inside a longer different name is never taken (税收 inside 非税收入, 出口额 inside 进出口额).
/// </summary>
public sealed class IndicatorNames
{
    /// <summary>Names that are not indicators but contain one: a match inside them is not the indicator.</summary>
    private static readonly string[] Blockers = ["非税收入", "进出口额", "进口额", "存贷款余额", "税收返还", "出口退税", "全口径税收", "税收总额"];

    private static readonly Lazy<IndicatorNames> DefaultNames = new(() => new IndicatorNames(IndicatorCatalogue.Default));

    // Automaton: node 0 is the root; transitions keyed by (node << 16) | char.
    private readonly Dictionary<long, int> _next = [];
    private readonly List<int> _fail = [0];
    private readonly List<int> _pattern = [-1];   // the pattern ending exactly at this node, or -1
    private readonly List<int> _output = [-1];    // the nearest node on the fail chain (itself included) that ends a pattern
    private readonly List<(string Name, Indicator? Indicator)> _patterns = [];
    private readonly int[] _root = new int[char.MaxValue + 1];       // the root's transitions, by character (0: none)
    private readonly bool[] _alphabet = new bool[char.MaxValue + 1]; // characters some name holds: any other one leads back to the root

    [ThreadStatic]
    private static List<IndicatorMatch>? t_matches;

    /// <summary>Builds the automaton over the names and aliases of <paramref name="catalogue"/>.</summary>
    public IndicatorNames(IEnumerable<Indicator> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        Indicators = [.. catalogue];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in Indicators)
        {
            foreach (var name in new[] { indicator.NameZh }.Concat(indicator.Aliases))
            {
                if (!string.IsNullOrWhiteSpace(name) && seen.Add(name))
                {
                    Add(name, indicator);
                }
            }
        }

        foreach (var b in Blockers)
        {
            if (seen.Add(b))
            {
                Add(b, null);
            }
        }

        BuildFailLinks();
        BuildTransitions();
    }

    /// <summary>The built-in catalogue's dictionary (<see cref="IndicatorCatalogue.Default"/>), built once.</summary>
    public static IndicatorNames Default => DefaultNames.Value;

    /// <summary>The indicators this dictionary knows.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>How many names (with aliases and blocking words) the automaton holds.</summary>
    public int NameCount => _patterns.Count;

    private void Add(string name, Indicator? indicator)
    {
        var node = 0;
        foreach (var c in name)
        {
            var key = ((long)node << 16) | c;
            _alphabet[c] = true;
            if (!_next.TryGetValue(key, out var child))
            {
                child = _fail.Count;
                _fail.Add(0);
                _pattern.Add(-1);
                _output.Add(-1);
                _next[key] = child;
                _children.Add((node, c, child));
                if (node == 0)
                {
                    _root[c] = child;
                }
            }

            node = child;
        }

        _patterns.Add((name, indicator));
        _pattern[node] = _patterns.Count - 1;
    }

    private readonly List<(int Parent, char C, int Child)> _children = [];

    private void BuildFailLinks()
    {
        // Breadth-first over the trie: children were created parent-first, so sort by depth through a queue.
        var byParent = _children.GroupBy(x => x.Parent).ToDictionary(g => g.Key, g => g.ToList());
        var queue = new Queue<int>();
        queue.Enqueue(0);
        _output[0] = -1;
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!byParent.TryGetValue(node, out var kids))
            {
                continue;
            }

            foreach (var (_, c, child) in kids)
            {
                var f = node == 0 ? 0 : Step(_fail[node], c);
                _fail[child] = f == child ? 0 : f;
                _output[child] = _pattern[child] >= 0 ? child : _output[_fail[child]];
                queue.Enqueue(child);
            }
        }

        _children.Clear();
    }

    // The transitions of _next once built, in one open-addressed table (linear probing, a power of two long): keys are
    // (node << 16) | char + 1 (0 marks an empty slot), so a step reads two arrays instead of hashing through a Dictionary.
    private long[] _keys = [];
    private int[] _children2 = [];
    private int _mask;

    private void BuildTransitions()
    {
        var size = 16;
        while (size < _next.Count * 2)
        {
            size <<= 1;
        }

        _keys = new long[size];
        _children2 = new int[size];
        _mask = size - 1;
        foreach (var (key, child) in _next)
        {
            var slot = Slot(key + 1);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key + 1;
            _children2[slot] = child;
        }
    }

    private int Slot(long stored) => (int)((ulong)(stored * -7046029254386353131L) >> 40) & _mask;

    private bool TryNext(int node, char c, out int child)
    {
        if (_keys.Length == 0)
        {
            return _next.TryGetValue(((long)node << 16) | c, out child); // while the automaton is being built
        }

        var stored = (((long)node << 16) | c) + 1;
        for (var slot = Slot(stored); _keys[slot] != 0; slot = (slot + 1) & _mask)
        {
            if (_keys[slot] == stored)
            {
                child = _children2[slot];
                return true;
            }
        }

        child = 0;
        return false;
    }

    private int Step(int node, char c)
    {
        if (!_alphabet[c])
        {
            return 0; // no name holds c: every state falls back to the root
        }

        while (node != 0)
        {
            if (TryNext(node, c, out var child))
            {
                return child;
            }

            node = _fail[node];
        }

        return _root[c];
    }

    /// <summary>Every name in <paramref name="text"/> (overlapping ones included), in order of their ends.</summary>
    internal List<IndicatorMatch> FindAll(ReadOnlySpan<char> text) => FindAll(text, []);

    /// <summary>Every name in <paramref name="text"/> (overlapping ones included), in order of their ends, into <paramref name="found"/> (cleared first).</summary>
    private List<IndicatorMatch> FindAll(ReadOnlySpan<char> text, List<IndicatorMatch> found)
    {
        found.Clear();
        var node = 0;
        for (var i = 0; i < text.Length; i++)
        {
            node = Step(node, text[i]);
            for (var o = _output[node]; o >= 0; o = _output[_fail[o]])
            {
                var (name, indicator) = _patterns[_pattern[o]];
                found.Add(new IndicatorMatch(i + 1 - name.Length, name.Length, indicator));
                if (_fail[o] == 0)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The longest indicator name in <paramref name="text"/> whose unit fits <paramref name="dimension"/> (any when null), leftmost
    /// among equals; a name inside a longer name of another indicator or a blocking word does not count.
    /// </summary>
    public (Indicator Indicator, int Start, int Length)? FindLongest(ReadOnlySpan<char> text, Dimension? dimension)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        var all = FindAll(text, t_matches ??= []); // a buffer per thread: one look-up per figure allocates nothing
        IndicatorMatch? best = null;
        foreach (var m in all)
        {
            if (m.Indicator is not { } indicator || (dimension is { } d && !Compatible(indicator.Unit.Dimension, d)))
            {
                continue;
            }

            if (InsideLongerOther(m, all) || EndsInsideAWord(text, m))
            {
                continue;
            }

            if (best is not { } b || m.Length > b.Length || (m.Length == b.Length && m.Start < b.Start))
            {
                best = m;
            }
        }

        return best is { Indicator: { } bi } bm ? (bi, bm.Start, bm.Length) : null;
    }

    /// <summary>Two-character head nouns of measures: a name whose last character begins one of them is cut inside a longer name.</summary>
    private static readonly string[] HeadNouns = ["收入", "支出"];

    /// <summary>
    /// Whether <paramref name="m"/> ends inside a word of the text: its last character and the next one make a head noun, so the
    /// name it belongs to is longer and different (税收 in 原国税收入 is 国税 + 收入, not tax revenue). 税收收入 and 税收入库 stay 税收.
    /// </summary>
    private static bool EndsInsideAWord(ReadOnlySpan<char> text, IndicatorMatch m)
    {
        var end = m.Start + m.Length;
        if (end >= text.Length)
        {
            return false;
        }

        foreach (var w in HeadNouns)
        {
            if (text[end - 1] == w[0] && text[end] == w[1] && !(end + 1 < text.Length && text[end + 1] == '库'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideLongerOther(IndicatorMatch m, List<IndicatorMatch> all)
    {
        foreach (var o in all)
        {
            if (o.Length > m.Length && o.Start <= m.Start && o.Start + o.Length >= m.Start + m.Length && !ReferenceEquals(o.Indicator, m.Indicator)
                && (o.Indicator is null || o.Indicator.Code != m.Indicator!.Code))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Compatible(Dimension indicator, Dimension written)
        => indicator == written || (indicator == Dimension.Percent && written == Dimension.PercentagePoint);
}
