using Baiqiang.Core.Text;

namespace Baiqiang.Core.Indicators;

/// <summary>
/// One indicator catalogue (the store's rows, or the shipped file) with one lookup: a code, Chinese name, English name
/// or alias resolves through a single dictionary, after <see cref="ChineseText.Normalize"/> (traditional → simplified,
/// full-width → ASCII), ignoring white space and ASCII case. A lookup costs O(length of the name).
/// </summary>
/// <remarks>Codes win over names and names over aliases when two entries share a key; the store refuses such a
/// collision when an indicator is added or changed, so only hand-edited stores can hold one.</remarks>
public sealed class Catalogue
{
    private readonly Dictionary<string, Indicator> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<IndicatorCode, int> _order = [];
    private readonly Dictionary<IndicatorCode, List<Indicator>> _children = [];

    public Catalogue(IEnumerable<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        All = [.. indicators];
        for (var i = 0; i < All.Count; i++)
        {
            var x = All[i];
            _order.TryAdd(x.Code, i);
            _index.TryAdd(Key(x.Code.Value), x);
            if (x.Parent is { } p)
            {
                if (!_children.TryGetValue(p, out var list))
                {
                    _children[p] = list = [];
                }

                list.Add(x);
            }
        }

        foreach (var x in All)
        {
            _index.TryAdd(Key(x.NameZh), x);
        }

        foreach (var x in All)
        {
            if (x.NameEn.Length > 0)
            {
                _index.TryAdd(Key(x.NameEn), x);
            }

            foreach (var a in x.Aliases)
            {
                _index.TryAdd(Key(a), x);
            }
        }
    }

    /// <summary>The catalogue shipped with Baiqiang (<see cref="IndicatorCatalogue.Shipped"/>).</summary>
    public static Catalogue Shipped { get; } = new(IndicatorCatalogue.Shipped);

    /// <summary>Every indicator, in catalogue order (the shipped file's order, then the office's own).</summary>
    public IReadOnlyList<Indicator> All { get; }

    /// <summary>Finds an indicator by code (<c>gdp</c>), name (地区生产总值, 地區生產總值) or alias (GDP, 社消零); null when none matches.</summary>
    public Indicator? Find(string? codeOrNameOrAlias)
        => codeOrNameOrAlias is null ? null : _index.GetValueOrDefault(Key(codeOrNameOrAlias));

    /// <summary>The indicator with this code; null when the catalogue does not hold it.</summary>
    public Indicator? Get(IndicatorCode code) => _order.TryGetValue(code, out var i) ? All[i] : null;

    /// <summary>The indicators whose parent is <paramref name="code"/> (规上工业增加值 → 制造业增加值, 采矿业增加值 …).</summary>
    public IReadOnlyList<Indicator> Children(IndicatorCode code) => _children.TryGetValue(code, out var list) ? list : [];

    /// <summary>The position in catalogue order, for sorting; codes not in the catalogue sort last.</summary>
    public int OrderOf(IndicatorCode code) => _order.TryGetValue(code, out var i) ? i : int.MaxValue;

    /// <summary>True when <paramref name="key"/> (a name or alias) already names an indicator other than <paramref name="except"/>.</summary>
    public Indicator? Owner(string key, IndicatorCode? except = null)
        => Find(key) is { } i && i.Code != except ? i : null;

    /// <summary>
    /// The catalogue indicators whose names or aliases are closest to <paramref name="name"/> (an unknown name in a file),
    /// best first: scored by the characters they share (Dice coefficient over characters) less the edit distance relative
    /// to the longer name, both after normalisation, so 规上工业总产值 finds 规上工业增加值 and 工業總產值 reads as 工业总产值.
    /// Names sharing fewer than two characters are not suggested.
    /// </summary>
    public IReadOnlyList<Indicator> Closest(string name, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Key(name);
        if (key.Length == 0)
        {
            return [];
        }

        var best = new Dictionary<IndicatorCode, double>();
        foreach (var x in All.Where(i => i.Retired is null))
        {
            foreach (var n in x.Aliases.Prepend(x.NameZh))
            {
                var other = Key(n);
                var shared = Shared(key, other);
                if (shared < 2)
                {
                    continue;
                }

                var score = (2.0 * shared / (key.Length + other.Length)) - ((double)Distance(key, other) / Math.Max(key.Length, other.Length) / 2);
                if (!best.TryGetValue(x.Code, out var had) || score > had)
                {
                    best[x.Code] = score;
                }
            }
        }

        return [.. best.OrderByDescending(b => b.Value).ThenBy(b => OrderOf(b.Key)).Take(count).Select(b => Get(b.Key)!)];
    }

    private static int Shared(string a, string b)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in a)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var n = 0;
        foreach (var c in b)
        {
            if (counts.TryGetValue(c, out var k) && k > 0)
            {
                counts[c] = k - 1;
                n++;
            }
        }

        return n;
    }

    /// <summary>Levenshtein distance (insert, delete, substitute one character).</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The dictionary key of a name: normalised, without white space.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = ChineseText.Normalize(text);
        return t.Contains(' ', StringComparison.Ordinal) ? t.Replace(" ", string.Empty, StringComparison.Ordinal) : t;
    }
}
