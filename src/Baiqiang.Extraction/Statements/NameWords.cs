using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Statements;

/// <summary>Word-level helpers for the subject role: connective words trimmed off a name, the direction word before a rate.</summary>
internal static class NameWords
{
    private static readonly string[] ComparableBasis = ["按可比价格计算", "按可比价计算", "按可比口径计算", "按可比价格", "按可比价", "可比价"];

    private static readonly string[] DirectionTails = ["了", "达到", "达", "为"];

    private static readonly CharSet TailLast = CharSet.LastOf(Words.StripTail);

    private static readonly CharSet HeadFirst = CharSet.FirstOf(Words.StripHead);

    private static readonly CharSet DirectionLast = CharSet.LastOf(Words.Up.Concat(Words.Down));

    /// <summary>The length and sign of the direction word (增长, 下降 …, optionally followed by 了/达/为) at the end of <paramref name="pre"/>.</summary>
    public static (int Length, int Sign) DirectionAtEnd(string pre) => DirectionAtEnd(pre.AsSpan());

    /// <inheritdoc cref="DirectionAtEnd(string)"/>
    public static (int Length, int Sign) DirectionAtEnd(ReadOnlySpan<char> pre)
    {
        var t = pre;
        var trimmed = 0;
        foreach (var w in DirectionTails)
        {
            if (t.EndsWith(w, StringComparison.Ordinal) && t.Length > w.Length)
            {
                t = t[..^w.Length];
                trimmed = w.Length;
                break;
            }
        }

        if (t.IsEmpty || !DirectionLast.Contains(t[^1]))
        {
            return (0, 1); // no direction word ends with this character
        }

        foreach (var w in Words.Down)
        {
            if (EndsWithWord(t, w))
            {
                return (w.Length + trimmed, -1);
            }
        }

        foreach (var w in Words.Up)
        {
            if (EndsWithWord(t, w))
            {
                return (w.Length + trimmed, 1);
            }
        }

        return (0, 1);
    }

    public static string StripDirection(string t)
    {
        var (len, _) = DirectionAtEnd(t);
        return len > 0 ? t[..^len] : t;
    }

    /// <summary>Removes connective words at the ends of a name (同比, 达, 为, 其中 …) and returns what is left.</summary>
    public static string Clean(string t)
    {
        var (start, length) = CleanRange(t);
        return length == t.Length ? t : t.Substring(start, length);
    }

    /// <summary>Where the name <see cref="Clean(string)"/> leaves lies in <paramref name="t"/>: its start and length (no copy).</summary>
    public static (int Start, int Length) CleanRange(ReadOnlySpan<char> t)
    {
        var start = 0;
        bool changed;
        do
        {
            changed = false;
            // A word list is walked only when the name's last (first) character ends (starts) one of its words: a pass that
            // strips nothing leaves t as it was, so skipping it changes nothing.
            for (var k = 0; k < Words.StripTail.Length && t.Length > 0 && TailLast.Contains(t[^1]); k++)
            {
                var w = Words.StripTail[k];
                if (EndsWithWord(t, w))
                {
                    t = t[..^w.Length];
                    changed = true;
                }
            }

            if (t.Length > 2 && t[^1] is '比' or '较' && t[^2] is not ('占' or '之' or '对' or '构' or '环' or '同' or '相'))
            {
                t = t[..^1]; // 高技术产业总产值比去年同期增长: the base period was read as a period, its 比 is no part of the name
                changed = true;
            }

            if (t.Length > 2 && char.IsAsciiDigit(t[0]) && ListNumberLength(t) is > 0 and var numbering)
            {
                t = t[numbering..]; // 2.消费税, 10.债务付息支出: the item's number in a list is no part of its name
                start += numbering;
                changed = true;
            }

            if (ScopeWordLength(t) is > 0 and var scope && t.Length > scope + 1)
            {
                t = t[scope..]; // 全省规模以上工业增加值, 全盟常住人口, 预计地区生产总值: the scope (or how the figure is known) is no part of the measure
                start += scope;
                changed = true;
            }

            foreach (var w in t.Length > 0 && HeadFirst.Contains(t[0]) ? Words.StripHead : [])
            {
                if (StartsWithWord(t, w) && !t.StartsWith("到位", StringComparison.Ordinal))
                {
                    t = t[w.Length..];
                    start += w.Length;
                    changed = true;
                }
            }
        }
        while (changed && t.Length > 0);

        return (start, t.Length);
    }

    /// <summary>
    /// The length of a scope word at the start of a name — 全/我/本/该 and one character of an administrative level (全省, 全盟, 我市,
    /// 该县), or 预计 — when a Chinese word follows it; else 0. The scope says whose figure it is (the region's role), never which measure:
    /// 全省民生支出 is the 民生支出 of the province. 全区域, 全市场 are words of their own.
    /// </summary>
    public static int ScopeWordLength(ReadOnlySpan<char> t)
    {
        if (t.Length < 3 || !Words.IsCjk(t[2]))
        {
            return 0;
        }

        if (t.StartsWith("预计", StringComparison.Ordinal))
        {
            return 2;
        }

        return t[0] is '全' or '我' or '本' or '该' && t[1] is '省' or '市' or '区' or '县' or '州' or '盟' or '旗' && t[2] is not ('域' or '场' or '面' or '内')
            ? 2 : 0;
    }

    /// <summary>The length of a list item's number (1–2 digits, then . or 、) at the start of a name, when a Chinese word follows; else 0.</summary>
    private static int ListNumberLength(ReadOnlySpan<char> t)
    {
        var k = char.IsAsciiDigit(t[1]) ? 2 : 1;
        return k + 1 < t.Length && t[k] is '.' or '、' or '．' && Words.IsCjk(t[k + 1]) ? k + 1 : 0;
    }

    // EndsWith/StartsWith for a non-empty word, testing the one character that rules out most words before comparing the rest:
    // these run over 30-odd words for every figure's name.
    private static bool EndsWithWord(ReadOnlySpan<char> t, string w) => t.Length >= w.Length && t[^1] == w[^1] && t.EndsWith(w, StringComparison.Ordinal);

    private static bool StartsWithWord(ReadOnlySpan<char> t, string w) => t.Length >= w.Length && t[0] == w[0] && t.StartsWith(w, StringComparison.Ordinal);

    /// <summary>Whether <see cref="Clean(string)"/> leaves nothing of <paramref name="t"/> (no copy).</summary>
    public static bool CleansToEmpty(ReadOnlySpan<char> t) => CleanRange(t).Length == 0;

    /// <summary>
    /// A growth whose own words name nothing (同比, 增速, 按可比价计算同比, 比上年 once the base period is set aside) belongs to
    /// the figure just before it: 生产总值400.61亿元,按可比价计算同比增长6.1%.
    /// </summary>
    public static bool IsBareGrowthName(string name)
    {
        foreach (var basis in ComparableBasis)
        {
            if (name.StartsWith(basis, StringComparison.Ordinal))
            {
                name = name[basis.Length..];
                break;
            }
        }

        name = name.TrimStart(',', '，');
        if (name is "比" or "较")
        {
            name = string.Empty;
        }

        return name.Length == 0 || name is "增速" or "增幅" or "同口径" or "按同口径" or "同口径计算";
    }
}
