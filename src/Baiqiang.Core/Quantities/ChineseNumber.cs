using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Quantities;

/// <summary>
/// Reads numbers as Chinese reports write them: Arabic (<c>3,197.6</c>), Chinese (<c>二十七</c>, <c>一万四千七百</c>,
/// <c>二〇二二</c>, <c>三点五</c>) and mixed (<c>1.47万</c>, <c>3.5亿</c>, <c>2万亿</c>), exactly, as <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// <para>The whole text must be a number: <c>1.47万家</c> fails here (use <see cref="AmountText"/> for amounts).
/// Full-width digits and traditional characters (<c>億</c>, <c>萬</c>, <c>兩</c>) are accepted, because the text
/// is run through <see cref="ChineseText.Normalize"/> first.</para>
/// <para>Multipliers: 十 ×10, 百 ×100, 千 ×1,000, 万 ×10⁴, 亿 ×10⁸, 万亿 ×10¹². A leading <c>-</c>, <c>+</c> or
/// <c>负</c> gives the sign. When a multiplier was applied, trailing zeros are removed (1.47万 → 14700, not 14700.00).</para>
/// </remarks>
public static class ChineseNumber
{
    private const string Digits = "〇零一二两三四五六七八九";

    /// <summary>Characters that may appear in a number (Arabic digits, separators, Chinese numerals and multipliers).</summary>
    internal static bool IsNumberChar(char c) => c is (>= '0' and <= '9') or '.' or ',' || IsChineseNumeral(c);

    /// <summary>Chinese digits, 十百千万亿 and 点 (the decimal point).</summary>
    internal static bool IsChineseNumeral(char c) => Digits.Contains(c, StringComparison.Ordinal) || c is '十' or '百' or '千' or '万' or '亿' or '点';

    /// <summary>Parses <paramref name="text"/> as one number; fails with a bilingual reason quoting the text.</summary>
    public static ParseResult<decimal> TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = ChineseText.Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        return TryParseNormalized(t, text);
    }

    /// <summary>Parses, throwing <see cref="FormatException"/> with a bilingual message.</summary>
    public static decimal Parse(string text) => TryParse(text).Value;

    internal static ParseResult<decimal> TryParseNormalized(string t, string original)
    {
        if (t.Length == 0)
        {
            return Fail(original);
        }

        var negative = false;
        var i = 0;
        if (t[0] is '-' or '+' or '负' or '正')
        {
            negative = t[0] is '-' or '负';
            i = 1;
        }

        try
        {
            var value = Core(t, i, out var multiplied);
            if (value is null)
            {
                return Fail(original);
            }

            var v = multiplied ? StripZeros(value.Value) : value.Value;
            return ParseResult<decimal>.Ok(negative ? -v : v);
        }
        catch (OverflowException)
        {
            return ParseResult<decimal>.Fail($"数字“{original}”超出范围", $"number '{original}' is out of range");
        }
    }

    /// <summary>Removes trailing fractional zeros (14700.00 → 14700) without changing the value.</summary>
    internal static decimal StripZeros(decimal value) => value / 1.0000000000000000000000000000m;

    private static decimal? Core(string t, int start, out bool multiplied)
    {
        multiplied = false;
        decimal total = 0m;   // completed 亿 groups
        decimal section = 0m; // completed 万 groups and 十百千 within the current group
        decimal? num = null;  // the pending digit run
        var sawDigit = false;
        var fraction = false;
        var fractionScale = 1m;
        var lastWasArabic = false;
        var i = start;
        while (i < t.Length)
        {
            var c = t[i];
            if (c is >= '0' and <= '9' || (c == '.' && i + 1 < t.Length && t[i + 1] is >= '0' and <= '9'))
            {
                if (num is not null || lastWasArabic)
                {
                    return null;
                }

                var end = i;
                while (end < t.Length && (t[end] is >= '0' and <= '9' or '.' or ','))
                {
                    end++;
                }

                var s = t[i..end];
                if (!IsArabic(s))
                {
                    return null;
                }

                num = decimal.Parse(s.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                sawDigit = true;
                lastWasArabic = true;
                i = end;
                continue;
            }

            var d = Digits.IndexOf(c, StringComparison.Ordinal);
            if (d >= 0)
            {
                if (lastWasArabic)
                {
                    return null;
                }

                var digit = d switch { 0 or 1 => 0, 2 => 1, 3 or 4 => 2, _ => d - 2 };
                if (fraction)
                {
                    fractionScale /= 10m;
                    num = (num ?? 0m) + (digit * fractionScale);
                }
                else
                {
                    // Consecutive digits read positionally: 二〇二二 → 2022; 一百零五 → 零 then 五 → 5.
                    num = num is null ? digit : (num.Value * 10m) + digit;
                }

                sawDigit = true;
                i++;
                continue;
            }

            lastWasArabic = false;
            switch (c)
            {
                case '点':
                    if (fraction || num is null)
                    {
                        return null;
                    }

                    fraction = true;
                    break;
                case '十' or '百' or '千':
                    var unit = c switch { '十' => 10m, '百' => 100m, _ => 1000m };
                    if (num is null && !(c == '十' && section == 0m))
                    {
                        return null;
                    }

                    section += (num ?? 1m) * unit;
                    sawDigit = true;
                    num = null;
                    fraction = false;
                    multiplied = true;
                    break;
                case '万':
                    if (num is null && section == 0m && total == 0m)
                    {
                        return null;
                    }

                    if (i + 1 < t.Length && t[i + 1] == '亿')
                    {
                        // 万亿: the pending group is in units of 10¹².
                        total = (total + section + (num ?? 0m)) * 1_000_000_000_000m;
                        section = 0m;
                        i++;
                    }
                    else
                    {
                        section = (section + (num ?? 0m)) * 10_000m;
                    }

                    num = null;
                    fraction = false;
                    multiplied = true;
                    break;
                case '亿':
                    if (num is null && section == 0m)
                    {
                        return null;
                    }

                    total = (total + section + (num ?? 0m)) * 100_000_000m;
                    section = 0m;
                    num = null;
                    fraction = false;
                    multiplied = true;
                    break;
                default:
                    return null;
            }

            i++;
        }

        return sawDigit ? total + section + (num ?? 0m) : null;
    }

    private static bool IsArabic(string s)
    {
        // 3197.6 | 3,197.6 | .5 — commas only as thousands groups before the point.
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        if (dot != s.LastIndexOf('.'))
        {
            return false;
        }

        var intPart = dot < 0 ? s : s[..dot];
        var frac = dot < 0 ? string.Empty : s[(dot + 1)..];
        if (frac.Contains(',', StringComparison.Ordinal) || (dot >= 0 && frac.Length == 0))
        {
            return false;
        }

        if (!intPart.Contains(',', StringComparison.Ordinal))
        {
            return intPart.Length > 0 || frac.Length > 0;
        }

        var groups = intPart.Split(',');
        if (groups[0].Length is < 1 or > 3)
        {
            return false;
        }

        for (var g = 1; g < groups.Length; g++)
        {
            if (groups[g].Length != 3)
            {
                return false;
            }
        }

        return true;
    }

    private static ParseResult<decimal> Fail(string original) => ParseResult<decimal>.Fail(
        $"无法识别数字“{original}”(应为 3197.6、3,197.6、二十七、1.47万 等)",
        $"cannot read number '{original}' (expected e.g. 3197.6, 3,197.6, 二十七, 1.47万)");
}
