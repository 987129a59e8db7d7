using System.Globalization;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;

namespace Baiqiang.Extraction.Tokens;

/// <summary>A figure read from the text: where its qualifier, number and unit lie, and the amount they state.</summary>
/// <param name="QualifierStart">Where the figure with its qualifier (超, 近, −) starts.</param>
/// <param name="Start">Where the number starts.</param>
/// <param name="End">The end of the figure with its 以上/左右 suffix.</param>
/// <param name="Amount">The amount (value, unit, qualifier).</param>
/// <param name="High">The high end of a range (5至8亿元), else null.</param>
/// <param name="BareYi">The figure ends in 亿 with no unit (完成投资56.7亿): read as 亿元, which holds only when its measure is money.</param>
internal readonly record struct NumberToken(int QualifierStart, int Start, int End, Amount Amount, decimal? High, bool BareYi = false);

/// <summary>
/// Reads one figure at a position: Arabic or Chinese numerals, a range, 余/多, 万/亿/万亿, the unit, 以上/左右. Dates, times, years,
/// 5+N, 六大 and numbers of more than <see cref="MaxDigits"/> digits are not figures. Every look-ahead and look-back is bounded,
/// so scanning a text is linear whatever it holds; nothing is allocated for positions that hold no figure.
/// </summary>
internal static class NumberScanner
{
    /// <summary>A numeral longer than this is not a figure (no report states one; decimal holds 28 digits).</summary>
    public const int MaxDigits = 40;

    private static readonly (string Word, Qualifier Q)[] PrefixQualifiers =
    [
        ("超过", Qualifier.Over), ("超出", Qualifier.Over), ("接近", Qualifier.Nearly), ("将近", Qualifier.Nearly), ("大约", Qualifier.About),
        ("不足", Qualifier.AtMost), ("不到", Qualifier.AtMost), ("近", Qualifier.Nearly), ("超", Qualifier.Over), ("逾", Qualifier.Over),
        ("约", Qualifier.About),
    ];

    private static readonly string[] Suffixes = ["以上", "左右", "以下", "以内"];

    private static readonly string[] AtLeastWords = ["不低于", "不少于", "不小于"];

    private static readonly string[] Multipliers = ["万亿", "亿", "万"];

    private static readonly string[] BorrowedUnits = ["个百分点", "%"];

    // Units the scanner reads beyond Unit.TryFind. (US dollars — 美元, 万美元, 亿美元 — are built-in units of their own dimension now,
    // never converted to 元.)
    private static readonly Dictionary<string, Unit> ExtraUnits = new(StringComparer.Ordinal)
    {
        // The symbol of the kilowatt-hour beside 千瓦时/度 (kWh, kW·h): the built-in units, not new ones. (千瓦·时 and 千瓦小时 start
        // with a numeral, so AmountText reads them through Unit.TryFind, which knows neither yet.)
        ["kWh"] = Unit.KilowattHour, ["万kWh"] = Unit.WanKilowattHour, ["亿kWh"] = Unit.YiKilowattHour,
        ["kW·h"] = Unit.KilowattHour, ["万kW·h"] = Unit.WanKilowattHour, ["亿kW·h"] = Unit.YiKilowattHour,
    };

    /// <summary>Whether <paramref name="unit"/> is one of the foreign-currency units the scanner reads (美元, 万美元, 亿美元).</summary>
    public static bool IsForeignCurrency(Unit unit) => unit.Dimension == Dimension.UsDollar;

    // Unit look-ups by span, per thread (a plain dictionary reads faster than a shared concurrent one): filled on demand from
    // Unit.TryFind, misses included, capped so that random input cannot grow it without bound.
    [ThreadStatic]
    private static Dictionary<string, Unit>? t_units;

    /// <summary>Whether a number starts at <paramref name="i"/> (not inside a longer numeral, code or decimal).</summary>
    public static bool IsNumberStart(string n, int i, int s)
    {
        var c = n[i];
        if (char.IsAsciiDigit(c))
        {
            return i == s || !(char.IsAsciiLetterOrDigit(n[i - 1]) || n[i - 1] is '.' or '_' or '/' or '+' or '-' && i - 1 > s && char.IsAsciiDigit(n[i - 2]))
                || (i - 3 >= s && n.AsSpan(i - 3, 3) is "GDP" && (i - 3 == s || !char.IsAsciiLetter(n[i - 4]))); // 实现GDP762亿元: the measure glued to its figure
        }

        return Words.IsChineseDigit(c) && (i == s || !Words.IsChineseNumeral(n[i - 1]));
    }

    /// <summary>
    /// Scans the number at <paramref name="i"/> (inside the clause <paramref name="s"/>..<paramref name="e"/>; qualifiers are looked for
    /// back to <paramref name="nameStart"/>). Returns where scanning goes on; <paramref name="token"/> is set when it is a figure.
    /// </summary>
    public static int Scan(string n, int s, int i, int e, int nameStart, out NumberToken? token)
    {
        token = null;
        var j = i;
        var chinese = !char.IsAsciiDigit(n[i]);
        if (chinese)
        {
            var hasPlace = false;
            while (j < e && Words.IsChineseNumeral(n[j]))
            {
                hasPlace |= n[j] is '十' or '百' or '千';
                j++;
            }

            if (!hasPlace || j - i < 2 || j - i > MaxDigits || (j < e && n[j] is '大' or '五' or '年' or '级'))
            {
                return i + 1; // 一批, 六大产业, 十大行动, 三百亿级: not figures
            }
        }
        else
        {
            var digits = 0;
            var dots = 0;
            while (j < e && (char.IsAsciiDigit(n[j]) || (n[j] is '.' or ',' && j + 1 < e && char.IsAsciiDigit(n[j + 1]))))
            {
                digits += char.IsAsciiDigit(n[j]) ? 1 : 0;
                dots += n[j] == '.' ? 1 : 0;
                j++;
            }

            if (digits > MaxDigits || dots > 1)
            {
                return j; // a run of 41 or more digits, or 14.3.5: not a figure
            }

            if (j + 1 < e && n[j] == '.' && n[j + 1] == '.')
            {
                // 14..3%: a malformed number; skip it and what is glued to it.
                var k = j;
                while (k < e && k - j < MaxDigits && (char.IsAsciiDigit(n[k]) || n[k] is '.' or '%'))
                {
                    k++;
                }

                return k;
            }
        }

        if (j < e && n[j] is '年' or '月' or '日' or '号' or '时' or '岁' or '天' or '周' or '届' or '期' or '代' or '点' or '分' or '秒' or ':' or '/' or '级' or '+' or '-'
            && !(j + 1 < e && char.IsAsciiDigit(n[j + 1]) && n[j] is '-'))
        {
            var k = j;
            while (k < e && k - j < 64 && (char.IsAsciiDigit(n[k]) || n[k] is '.' or ',' or ':' or '/' or '+' or '-'))
            {
                k++;
            }

            return Math.Max(k, j + 1); // dates, times, 5+N, 1+3: not figures
        }

        // A range: 5至8亿元, 3-5个.
        var numEnd = j;
        decimal? high = null;
        if (j + 1 < e && n[j] is '至' or '到' or '-' or '~' && char.IsAsciiDigit(n[j + 1]) && !chinese)
        {
            var k = j + 1;
            while (k < e && k - j <= MaxDigits && (char.IsAsciiDigit(n[k]) || (n[k] is '.' && k + 1 < e && char.IsAsciiDigit(n[k + 1]))))
            {
                k++;
            }

            if (k < e && n[k] is '年' or '月' or '日')
            {
                return k;
            }

            if (decimal.TryParse(n.AsSpan(j + 1, k - j - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h))
            {
                high = h;
                j = k;
            }
        }

        // 余/多, multiplier, 余/多, then the unit.
        var u = j;
        if (u < e && n[u] is '余' or '多')
        {
            u++;
        }

        var multiplier = string.Empty;
        foreach (var m in Multipliers)
        {
            if (Words.At(n, u, e, m))
            {
                u += m.Length;
                multiplier = m;
                break;
            }
        }

        if (u < e && n[u] is '余' or '多')
        {
            u++;
        }

        var (unit, unitLen) = LongestUnit(n.AsSpan(u, Math.Max(0, Math.Min(5, e - u))));

        if (unitLen == 0 && Words.At(n, u, e, "元/"))
        {
            unitLen = 1;
            unit = Unit.Yuan;
        }

        var end = u + unitLen;
        var bareYi = false;
        if (unitLen == 0)
        {
            // 5.6和4.4个百分点: the first figure borrows the unit of the next.
            if (j < e && n[j] is '和' or '、' && j + 1 < e && char.IsAsciiDigit(n[j + 1]) && u == j)
            {
                var k = j + 1;
                while (k < e && k - j <= MaxDigits && (char.IsAsciiDigit(n[k]) || n[k] == '.'))
                {
                    k++;
                }

                foreach (var borrowed in BorrowedUnits)
                {
                    if (Words.At(n, k, e, borrowed))
                    {
                        unit = Unit.Find(borrowed);
                        end = j;
                        break;
                    }
                }
            }

            if (unit.Equals(Unit.None) && IsBareYi(n, i, j, u, e, multiplier, chinese))
            {
                unit = Unit.YiYuan; // 完成投资56.7亿,: 亿元 with 元 left out (StatementReader keeps it only for a money measure)
                bareYi = true;
            }

            if (unit.Equals(Unit.None))
            {
                return Math.Max(j, i + 1);
            }
        }

        var suffix = Words.MatchAny(n, end, e, Suffixes);

        // Qualifier and sign words before the number.
        var q0 = i;
        var negative = false;
        if (q0 > s && n[q0 - 1] == '-' && !(q0 - 1 > s && char.IsAsciiDigit(n[q0 - 2])))
        {
            negative = true;
            q0--;
        }

        var qualifierWord = string.Empty;
        Qualifier? prefixQualifier = null;
        var atLeast = false;
        foreach (var w in AtLeastWords)
        {
            if (q0 - w.Length >= nameStart && n.AsSpan(q0 - w.Length, w.Length).SequenceEqual(w))
            {
                atLeast = true; // 不低于6%: a threshold, kept as 以上
                q0 -= w.Length;
                break;
            }
        }

        foreach (var (w, q) in atLeast ? [] : PrefixQualifiers)
        {
            if (q0 - w.Length >= nameStart && n.AsSpan(q0 - w.Length, w.Length).SequenceEqual(w))
            {
                qualifierWord = w;
                prefixQualifier = q;
                q0 -= w.Length;
                break;
            }
        }

        Amount read;
        if (end == j && unitLen == 0)
        {
            if (ChineseNumber.TryParse(n[i..j]) is not { Success: true } bv)
            {
                return end > i ? end : i + 1;
            }

            read = new Amount((negative ? -1 : 1) * bv.Value, unit);
        }
        else if (high is not null || chinese || bareYi || !TryReadPlain(n, i, j, u, end, suffix, prefixQualifier, negative, unit, out read))
        {
            var body = high is not null ? string.Concat(n.AsSpan(i, numEnd - i), n.AsSpan(j, end - j)) : n[i..end];
            var parsed = AmountText.TryParse(qualifierWord + (negative ? "-" : string.Empty) + body + (bareYi ? "元" : string.Empty) + (suffix > 0 ? n.Substring(end, suffix) : string.Empty));
            if (!parsed.Success)
            {
                return end > i ? end : i + 1;
            }

            read = parsed.Value;
            if (!chinese && high is null && !bareYi && unitLen > 0 && u == j && Words.IsChineseNumeral(unit.Symbol[0]) && read.Unit.Equals(unit) is false
                && AmountText.TryParse(qualifierWord + (negative ? "-" : string.Empty) + n[i..j] + (suffix > 0 ? n.Substring(end, suffix) : string.Empty)) is { Success: true } plain)
            {
                read = plain.Value with { Unit = unit }; // 125.6百羽: the unit as written, not 百 read into the number (12560 羽)
            }
        }

        var amount = atLeast && read.Qualifier == Qualifier.Exact ? read with { Qualifier = Qualifier.AtLeast } : read;
        token = new NumberToken(q0, i, end + suffix, amount, high, bareYi);
        return end + suffix;
    }

    /// <summary>
    /// 56.7亿 with nothing after 亿 that reads as a unit: an Arabic number, then 亿 alone (not 万亿, no 余/多), then punctuation, the
    /// clause's end or 以上/左右 — never a word (1.2亿方 is not money; StatementReader drops a bare 亿 whose measure is not money).
    /// </summary>
    private static bool IsBareYi(string n, int i, int j, int u, int e, string multiplier, bool chinese)
        => !chinese && multiplier == "亿" && u == j + 1 && j > i && (u == e || !Words.IsCjk(n[u]) || Words.MatchAny(n, u, e, Suffixes) > 0);

    /// <summary>
    /// The amount of a plain figure — ASCII digits with at most one point, then 余/多, 万/亿/万亿, 余/多 and a unit — read straight
    /// from the text, as <see cref="AmountText.TryParse"/> reads it (same value, scale, unit and qualifier) without building and
    /// re-normalising a string per figure. False for every other form (commas, Chinese numerals, 5余万元, a unit starting with
    /// a numeral such as 千瓦时, 万亿 with no compound unit): those go through <see cref="AmountText"/>.
    /// </summary>
    private static bool TryReadPlain(string n, int i, int j, int u, int end, int suffix, Qualifier? prefixQualifier, bool negative, Unit unit, out Amount amount)
    {
        amount = default;
        if (n.AsSpan(i, j - i).Contains(','))
        {
            return false;
        }

        var p = j;
        var moreBefore = p < u && n[p] is '余' or '多';
        p += moreBefore ? 1 : 0;
        var multiplier = 0;
        if (Words.At(n, p, u, "万亿"))
        {
            multiplier = 3;
        }
        else if (Words.At(n, p, u, "亿"))
        {
            multiplier = 2;
        }
        else if (Words.At(n, p, u, "万"))
        {
            multiplier = 1;
        }

        var multiplierText = multiplier switch { 3 => "万亿", 2 => "亿", 1 => "万", _ => string.Empty };
        p += multiplierText.Length;
        var moreAfter = p < u && n[p] is '余' or '多';
        p += moreAfter ? 1 : 0;
        if (p != u || (moreBefore && (multiplier > 0 || moreAfter)) || !PlainUnitText(n.AsSpan(u, end - u))
            || !decimal.TryParse(n.AsSpan(i, j - i), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var num))
        {
            return false;
        }

        var more = moreBefore || moreAfter;
        var qualifier = prefixQualifier ?? (suffix > 0 ? SuffixQualifier(n, end) : null);
        if (multiplier == 0)
        {
            var v = 0m + 0m + num; // as ChineseNumber adds its groups
            amount = new Amount(1m * (negative ? -v : v), unit, qualifier ?? (more ? Qualifier.More : Qualifier.Exact));
            return true;
        }

        if (!more)
        {
            Span<char> compoundText = stackalloc char[multiplierText.Length + end - u];
            multiplierText.CopyTo(compoundText);
            n.AsSpan(u, end - u).CopyTo(compoundText[multiplierText.Length..]);
            if (FindUnit(compoundText) is { } compound)
            {
                var v = 0m + 0m + num;
                amount = new Amount(1m * (negative ? -v : v), compound, qualifier ?? Qualifier.Exact); // 880.5亿元: the compound unit
                return true;
            }

            if (multiplier == 3)
            {
                return false; // 万亿 with no compound unit: AmountText tries 亿 + unit next
            }
        }

        var scaled = multiplier switch
        {
            3 => ((0m + 0m + num) * 1_000_000_000_000m) + 0m + 0m,
            2 => ((0m + 0m + num) * 100_000_000m) + 0m + 0m,
            _ => 0m + ((0m + num) * 10_000m) + 0m,
        };
        var stripped = Numbers.Strip(scaled);
        amount = new Amount(1m * (negative ? -stripped : stripped), unit, qualifier ?? (more ? Qualifier.More : Qualifier.Exact));
        return true;
    }

    /// <summary>The qualifier of the suffix word at <paramref name="at"/>: 以上, 左右, 以下 or 以内 (<see cref="Suffixes"/>).</summary>
    private static Qualifier SuffixQualifier(string n, int at) => n[at + 1] switch
    {
        '上' => Qualifier.AtLeast,
        '右' => Qualifier.About,
        _ => Qualifier.AtMost,
    };

    /// <summary>
    /// A unit written as normalisation leaves it (ASCII, or CJK that is not traditional) and not starting with a numeral, 余 or
    /// 多, so that <see cref="AmountText"/> would split the figure from its unit at the same place.
    /// </summary>
    private static bool PlainUnitText(ReadOnlySpan<char> unitText)
    {
        if (unitText.IsEmpty || Words.IsChineseNumeral(unitText[0]) || unitText[0] is '点' or '余' or '多' or '.' or ',' || char.IsAsciiDigit(unitText[0]))
        {
            return false;
        }

        foreach (var c in unitText)
        {
            if (!(char.IsAsciiLetter(c) || c is '%' or '·' || (Words.IsCjk(c) && !ChineseText.TraditionalTable.ContainsKey(c))))
            {
                return false;
            }
        }

        return true;
    }

    // The longest unit at the start of the (at most five) characters after a number, per thread, by those characters: one
    // look-up per figure instead of one per length tried. Capped like t_units.
    [ThreadStatic]
    private static Dictionary<string, (Unit Unit, int Length)>? t_longest;

    /// <summary>The longest unit that <paramref name="window"/> starts with (its first 5..1 characters), or <see cref="Unit.None"/> and 0.</summary>
    private static (Unit Unit, int Length) LongestUnit(ReadOnlySpan<char> window)
    {
        var cache = t_longest ??= new Dictionary<string, (Unit, int)>(StringComparer.Ordinal);
        if (cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(window, out var cached))
        {
            return cached;
        }

        (Unit, int) longest = (Unit.None, 0);
        for (var len = window.Length; len >= 1; len--)
        {
            if (FindUnit(window[..len]) is { } found)
            {
                longest = (found, len);
                break;
            }
        }

        if (cache.Count < 20_000)
        {
            cache[window.ToString()] = longest;
        }

        return longest;
    }

    private static Unit? FindUnit(ReadOnlySpan<char> symbol)
    {
        var cache = t_units ??= new Dictionary<string, Unit>(StringComparer.Ordinal);
        if (cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(symbol, out var cached))
        {
            return cached.Equals(Unit.None) ? null : cached;
        }

        var key = symbol.ToString();
        var found = Unit.TryFind(key, out var unit) ? unit : ExtraUnits.GetValueOrDefault(key) ?? Unit.None;
        if (cache.Count < 20_000)
        {
            cache[key] = found;
        }

        return found.Equals(Unit.None) ? null : found;
    }
}
