using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Quantities;

/// <summary>A range of amounts as reports write them (<c>5至8亿元</c>): both ends inclusive, <paramref name="Low"/> ≤ <paramref name="High"/>.</summary>
public readonly record struct AmountRange(Amount Low, Amount High);

/// <summary>
/// Reads and writes amounts the way Chinese reports print them: <c>880.5亿元</c>, <c>1.47万余家</c>, <c>近3亿元</c>,
/// <c>下降15.4%</c>, <c>回落2.1个百分点</c>, <c>二十七个</c>.
/// </summary>
/// <remarks>
/// <para>Parsing runs <see cref="ChineseText.Normalize"/> first (traditional, full-width and spaces are fine). A
/// multiplier directly followed by a unit symbol keeps the compound unit when one exists (<c>880.5亿元</c> →
/// 880.5 亿元, <c>1.1万亩</c> → 1.1 万亩); otherwise the number is multiplied into the plain unit (<c>2万个</c> →
/// 20000 个, <c>1.47万余家</c> → 14700 家 with <see cref="Qualifier.More"/>, because 余 separates 万 from 家).</para>
/// <para>Qualifiers: 近/接近/将近 → <see cref="Qualifier.Nearly"/>; 超/超过/逾 → <see cref="Qualifier.Over"/>;
/// 约/大约, …左右 → <see cref="Qualifier.About"/>; …以上 → <see cref="Qualifier.AtLeast"/>; 不足/不到, …以下/以内 →
/// <see cref="Qualifier.AtMost"/>; 余/多 after the number → <see cref="Qualifier.More"/>.</para>
/// <para>Direction words set the sign: 增长/增加/提高/上升/回升/拉动 keep it, 下降/减少/回落/下滑/降低 negate it
/// (<c>下降15.4%</c> → −15.4 %; <c>增长-8.7%</c> → −8.7 %). <c>个百分点</c> is always
/// <see cref="Unit.PercentagePoint"/>, never a percent.</para>
/// </remarks>
public static class AmountText
{
    // Longest first, so 比上年同期 is removed whole rather than leaving 同期 behind.
    private static readonly string[] Ignorable =
    [
        "比上年同期", "较上年同期", "比去年同期", "较去年同期", "比上年", "较上年", "比去年", "较去年", "同比", "环比",
        "分别", "共计", "合计", "达到", "占比", "为", "达", "占",
    ];
    private static readonly string[] Up = ["增长", "增加", "上升", "提高", "回升", "上涨", "提升", "拉动", "增"];
    private static readonly string[] Down = ["下降", "减少", "回落", "下跌", "降低", "下滑", "降", "减"];
    private static readonly (string Word, Qualifier Qualifier)[] Prefixes =
    [
        ("接近", Qualifier.Nearly), ("将近", Qualifier.Nearly), ("近", Qualifier.Nearly),
        ("超过", Qualifier.Over), ("超出", Qualifier.Over), ("超", Qualifier.Over), ("逾", Qualifier.Over),
        ("大约", Qualifier.About), ("约", Qualifier.About),
        ("不足", Qualifier.AtMost), ("不到", Qualifier.AtMost),
    ];

    private static readonly (string Word, Qualifier Qualifier)[] Suffixes =
    [
        ("以上", Qualifier.AtLeast), ("以下", Qualifier.AtMost), ("以内", Qualifier.AtMost), ("左右", Qualifier.About),
    ];

    private static readonly string[] Multipliers = ["万亿", "亿", "万"];

    /// <summary>Parses one amount; never throws for non-null text.</summary>
    public static ParseResult<Amount> TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Prepare(text);
        return ParseCore(t) is { } a ? ParseResult<Amount>.Ok(a) : Fail(text);
    }

    /// <summary>Parses one amount, throwing <see cref="FormatException"/> with a bilingual message.</summary>
    public static Amount Parse(string text) => TryParse(text).Value;

    /// <summary>
    /// Parses a range such as <c>5至8亿元</c>, <c>5-8亿元</c>, <c>5亿元至8亿元</c> or <c>1万至2万元</c>; the unit written after
    /// the upper end applies to both ends. Fails when the text is not a range or the low end exceeds the high end.
    /// </summary>
    public static ParseResult<AmountRange> TryParseRange(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Prepare(text);
        for (var i = 1; i < t.Length - 1; i++)
        {
            if (t[i] is not ('至' or '到' or '-') || t[i - 1] is '-' or '+')
            {
                continue;
            }

            var left = t[..i];
            var right = t[(i + 1)..];
            if (!ChineseNumber.IsNumberChar(t[i - 1]) && ParseCore(left) is null)
            {
                continue; // 增长-8.7% is a signed figure, not a range
            }

            if (ParseCore(right) is not { } high || LowEnd(left, right, high) is not { } low)
            {
                continue;
            }

            if (!low.Unit.IsCompatibleWith(high.Unit))
            {
                continue;
            }

            if (low.BaseValue > high.BaseValue)
            {
                return ParseResult<AmountRange>.Fail($"范围“{text}”的下限大于上限", $"range '{text}' has its low end above its high end");
            }

            return ParseResult<AmountRange>.Ok(new AmountRange(low, high));
        }

        return ParseResult<AmountRange>.Fail(
            $"无法识别数量范围“{text}”(应如 5至8亿元、5-8%)", $"cannot read range '{text}' (expected e.g. 5至8亿元, 5-8%)");
    }

    private static Amount? LowEnd(string left, string right, Amount high)
    {
        if (ParseCore(left) is { } own && !own.Unit.Equals(Unit.None))
        {
            return own;
        }

        // Borrow the high end's unit: the longest numeric head of the right side whose tail, appended to the left, gives the same unit.
        for (var j = right.Length - 1; j >= 1; j--)
        {
            if (!ChineseNumber.TryParseNormalized(right[..j], right).Success)
            {
                continue;
            }

            if (ParseCore(left + right[j..]) is { } low && low.Unit.Equals(high.Unit))
            {
                return low;
            }
        }

        return high.Unit.Equals(Unit.None) && ParseCore(left) is { } bare ? bare : null;
    }

    private static string Prepare(string text) => ChineseText.Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static Amount? ParseCore(string t)
    {
        var sign = 1m;
        Qualifier? qualifier = null;
        bool changed;
        do
        {
            changed = false;
            foreach (var w in Ignorable)
            {
                if (t.StartsWith(w, StringComparison.Ordinal) && t.Length > w.Length)
                {
                    t = t[w.Length..];
                    changed = true;
                }
            }

            foreach (var w in Down)
            {
                if (t.StartsWith(w, StringComparison.Ordinal) && t.Length > w.Length)
                {
                    t = t[w.Length..];
                    sign = -sign;
                    changed = true;
                    break;
                }
            }

            foreach (var w in Up)
            {
                if (t.StartsWith(w, StringComparison.Ordinal) && t.Length > w.Length)
                {
                    t = t[w.Length..];
                    changed = true;
                    break;
                }
            }

            foreach (var (w, q) in Prefixes)
            {
                if (qualifier is null && t.StartsWith(w, StringComparison.Ordinal) && t.Length > w.Length)
                {
                    t = t[w.Length..];
                    qualifier = q;
                    changed = true;
                    break;
                }
            }
        }
        while (changed);

        foreach (var (w, q) in Suffixes)
        {
            if (t.EndsWith(w, StringComparison.Ordinal) && t.Length > w.Length)
            {
                t = t[..^w.Length];
                qualifier ??= q;
                break;
            }
        }

        var n = 0;
        if (n < t.Length && t[n] is '-' or '+')
        {
            n++;
        }

        while (n < t.Length && ChineseNumber.IsNumberChar(t[n]))
        {
            n++;
        }

        for (var k = n; k >= 1; k--)
        {
            var numText = t[..k];
            var tail = t[k..];
            var more = tail.Length > 0 && tail[0] is '余' or '多';
            if (more)
            {
                tail = tail[1..];
            }

            if (!Unit.TryFind(tail, out var unit))
            {
                continue;
            }

            if (!more)
            {
                foreach (var m in Multipliers)
                {
                    if (numText.Length > m.Length && numText.EndsWith(m, StringComparison.Ordinal) && Unit.TryFind(m + tail, out var compound)
                        && ChineseNumber.TryParseNormalized(numText[..^m.Length], numText) is { Success: true } head)
                    {
                        return new Amount(sign * head.Value, compound, qualifier ?? Qualifier.Exact);
                    }
                }
            }

            var value = ChineseNumber.TryParseNormalized(numText, numText);
            if (value.Success)
            {
                return new Amount(sign * value.Value, unit, qualifier ?? (more ? Qualifier.More : Qualifier.Exact));
            }
        }

        return null;
    }

    private static ParseResult<Amount> Fail(string text) => ParseResult<Amount>.Fail(
        $"无法识别数量“{text}”(应如 880.5亿元、1.47万余家、下降2.1%、2.4个百分点)",
        $"cannot read amount '{text}' (expected e.g. 880.5亿元, 1.47万余家, 下降2.1%, 2.4个百分点)");

    /// <summary>An invariant number with no trailing zeros and no thousands separators: 41.00 → 41, 3197.60 → 3197.6.</summary>
    internal static string Number(decimal value)
        => ChineseNumber.StripZeros(value).ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes <paramref name="amount"/> as reports print it: <c>880.5亿元</c>, <c>41亿元</c>, <c>近3亿元</c>, <c>超10亿元</c>,
    /// <c>200亿元以上</c>, <c>约110亿元</c>, <c>60余家</c>, <c>7.8%</c>, <c>2.4个百分点</c>, <c>3倍</c>. A count of 10,000 or more
    /// in a base count unit is written with 万 (or 亿) when that reads back to the same amount: 14700 家 with
    /// <see cref="Qualifier.More"/> → <c>1.47万余家</c>, 20000 个 → <c>2万个</c>; 14700 家 exact stays <c>14700家</c>
    /// (<c>1.47万家</c> would read back as 1.47 万家). <see cref="Parse"/> of the result gives <paramref name="amount"/> back.
    /// </summary>
    public static string Format(Amount amount)
    {
        var unit = amount.Unit ?? Unit.None;
        var value = amount.Value;
        var more = amount.Qualifier == Qualifier.More;
        var numberText = Number(value);
        if (unit.Dimension == Dimension.Count && unit.Factor == 1m && Math.Abs(value) >= 10_000m)
        {
            if (Math.Abs(value) >= 100_000_000m && (more || !Unit.TryFind("亿" + unit.Symbol, out _)))
            {
                numberText = Number(value / 100_000_000m) + "亿";
            }
            else if (more || !Unit.TryFind("万" + unit.Symbol, out _))
            {
                numberText = Number(value / 10_000m) + "万";
            }
        }

        var body = numberText + (more ? "余" : string.Empty) + unit.Symbol;
        return amount.Qualifier switch
        {
            Qualifier.Nearly => "近" + body,
            Qualifier.Over => "超" + body,
            Qualifier.About => "约" + body,
            Qualifier.AtLeast => body + "以上",
            Qualifier.AtMost => body + "以下",
            _ => body,
        };
    }

    /// <summary>7.8 → <c>同比增长7.8%</c>, −2.1 → <c>同比下降2.1%</c>, 0 → <c>同比持平</c>; without 同比 when <paramref name="yearOnYear"/> is false.</summary>
    public static string FormatGrowth(decimal growthPercent, bool yearOnYear = true)
    {
        var prefix = yearOnYear ? "同比" : string.Empty;
        return growthPercent switch
        {
            > 0m => $"{prefix}增长{Number(growthPercent)}%",
            < 0m => $"{prefix}下降{Number(-growthPercent)}%",
            _ => $"{prefix}持平",
        };
    }

    /// <summary>1.2 → <c>提高1.2个百分点</c>, −2.1 → <c>回落2.1个百分点</c>, 0 → <c>持平</c>.</summary>
    public static string FormatPointChange(decimal points) => points switch
    {
        > 0m => $"提高{Number(points)}个百分点",
        < 0m => $"回落{Number(-points)}个百分点",
        _ => "持平",
    };

    /// <summary>
    /// English rendering: 880.5亿元 → <c>88.05 billion yuan</c>, 779.19万元 → <c>7,791.9 thousand yuan</c>, 14700 家 (余) →
    /// <c>14,700+ firms</c>, 7.8% → <c>7.8%</c>, 2.4个百分点 → <c>2.4 percentage points</c>, 1.1万亩 → <c>11,000 mu</c>.
    /// </summary>
    public static string FormatEnglish(Amount amount)
    {
        var unit = amount.Unit ?? Unit.None;
        var v = amount.Value;
        string number;
        string suffix;
        if (unit.Dimension == Dimension.Money)
        {
            (number, suffix) = unit.Symbol switch
            {
                "万亿元" => (English(v), " trillion yuan"),
                "亿元" => (English(v / 10m), " billion yuan"),
                "万元" => (English(v * 10m), " thousand yuan"),
                _ => (English(amount.BaseValue), " yuan"),
            };
        }
        else if (unit.Dimension == Dimension.Percent)
        {
            (number, suffix) = (English(v), "%");
        }
        else if (unit.Dimension == Dimension.PercentagePoint)
        {
            (number, suffix) = (English(v), Math.Abs(v) == 1m ? " percentage point" : " percentage points");
        }
        else if (unit.Dimension == Dimension.Multiple)
        {
            (number, suffix) = (English(v), " times");
        }
        else if (unit.Dimension == Dimension.Count)
        {
            (number, suffix) = (English(amount.BaseValue), " " + CountNounEnglish(unit.CountNoun));
        }
        else if (unit.Equals(Unit.None))
        {
            (number, suffix) = (English(v), string.Empty);
        }
        else if (SplitMultiplier(unit) is var (factor, baseUnit))
        {
            (number, suffix) = (English(v * factor), " " + baseUnit.EnglishName);
        }
        else
        {
            (number, suffix) = (English(v), " " + unit.EnglishName);
        }

        if (amount.Qualifier == Qualifier.More)
        {
            number += "+";
        }

        var body = number + suffix;
        return amount.Qualifier switch
        {
            Qualifier.Nearly => "nearly " + body,
            Qualifier.Over => "over " + body,
            Qualifier.About => "about " + body,
            Qualifier.AtLeast => "at least " + body,
            Qualifier.AtMost => "at most " + body,
            _ => body,
        };
    }

    private static (decimal Factor, Unit BaseUnit)? SplitMultiplier(Unit unit)
    {
        foreach (var (m, f) in (ReadOnlySpan<(string, decimal)>)[("万亿", 1_000_000_000_000m), ("亿", 100_000_000m), ("万", 10_000m)])
        {
            if (unit.Symbol.Length > m.Length && unit.Symbol.StartsWith(m, StringComparison.Ordinal) && Unit.TryFind(unit.Symbol[m.Length..], out var b))
            {
                return (f, b);
            }
        }

        return null;
    }

    private static string English(decimal value)
        => ChineseNumber.StripZeros(value).ToString("#,0.############################", CultureInfo.InvariantCulture);

    private static string CountNounEnglish(string? noun) => noun switch
    {
        "家" => "firms",
        "户" => "households",
        "个" => "units",
        "项" => "items",
        "人" or "名" or "位" => "people",
        "件" => "pieces",
        "条" => "items",
        "笔" => "transactions",
        "次" => "times",
        "台" => "sets",
        "辆" => "vehicles",
        "只" => "pieces",
        _ => noun ?? string.Empty,
    };
}
