using System.Globalization;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Periods;

/// <summary>
/// Reads a statistical period as Chinese reports write it (<c>2022年上半年</c>, <c>今年1至6月</c>, <c>前三季度</c>,
/// <c>一季度</c>, <c>1—4月份</c>, <c>二〇二二年</c>, traditional or full-width) and the canonical forms.
/// </summary>
/// <remarks>
/// <para>Text is first run through <see cref="ChineseText.Normalize"/>. Accepted shapes, with an optional year in
/// front (<c>2022年</c>, <c>二〇二二年</c>, <c>2022年度</c>, <c>今年</c>/<c>本年</c>, <c>去年</c>/<c>上年</c>
/// (+<c>同期</c>), <c>前年</c>):</para>
/// <list type="bullet">
/// <item><c>全年</c> or the year alone → the year.</item>
/// <item><c>上半年</c> → 1–6月 (≡ <c>2022-01..06</c>); <c>下半年</c> → <c>2022-H2</c>.</item>
/// <item><c>一季度</c>/<c>第一季度</c>/<c>1季度</c>/<c>一季</c> → 1–3月; <c>二/三/四季度</c> → that single quarter
/// (<c>2022-Q3</c>); <c>前两季度</c> → 1–6月; <c>前三季度</c> → 1–9月.</item>
/// <item><c>1至6月</c>, <c>1-6月</c>, <c>1到6月份</c>, <c>一至六月</c>, <c>1月至6月</c> → the inclusive span; <c>6月</c>/<c>6月份</c> → the month;
/// <c>6月累计</c>, <c>截至6月底</c>, <c>6月末</c> → 1–6月.</item>
/// <item><c>今年以来</c>, <c>年初以来</c>, <c>年初至今</c>, <c>截至目前</c> → from January to the reference date's month
/// (inclusive; the reference month may be incomplete — that is how reports use these words).</item>
/// <item><c>本月</c>/<c>当月</c> → the reference date's month; <c>上月</c> → the month before it.</item>
/// </list>
/// <para>Relative forms (今年, 去年, 上年, or no year at all) need a reference date (the CLI's <c>--date</c>); a
/// text without a year takes the reference date's year. Without a reference date they fail with a bilingual
/// reason. <c>上年同期</c> on its own fails: it needs the period it refers to (<c>上年同期1至6月</c>).</para>
/// </remarks>
public static class ChinesePeriodParser
{
    /// <summary>Parses a Chinese or canonical period; never throws for non-null text.</summary>
    /// <param name="text">The period text.</param>
    /// <param name="referenceDate">The date the text was written (its publication date), for relative forms.</param>
    public static ParseResult<StatPeriod> TryParse(string text, DateOnly? referenceDate = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = ChineseText.Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return ParseResult<StatPeriod>.Fail("统计期别为空", "the period is empty");
        }

        if (t.Length >= 4 && char.IsAsciiDigit(t[0]) && char.IsAsciiDigit(t[1]) && char.IsAsciiDigit(t[2]) && char.IsAsciiDigit(t[3])
            && (t.Length == 4 || t[4] == '-'))
        {
            return StatPeriod.TryParseCanonical(t);
        }

        var rest = t;
        var cumulativeTo = false;
        foreach (var p in (string[])["截至到", "截止到", "截至", "截止", "至"])
        {
            if (rest.StartsWith(p, StringComparison.Ordinal) && rest.Length > p.Length)
            {
                rest = rest[p.Length..];
                cumulativeTo = true;
                break;
            }
        }

        // The year prefix: explicit (2022年, 二〇二二年, 2022年度) or relative (今年, 上年 …, resolved against the reference date).
        int? year = null;
        int? relativeOffset = null;
        string? yearWord = null;
        foreach (var (word, offset) in RelativeYears)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                yearWord = word;
                relativeOffset = offset;
                rest = rest[word.Length..];
                break;
            }
        }

        if (yearWord is null)
        {
            var yi = rest.IndexOf('年', StringComparison.Ordinal);
            if (yi == 4 && TryYear(rest[..4], out var y))
            {
                year = y;
                rest = rest[5..];
                if (rest.StartsWith('度'))
                {
                    rest = rest[1..];
                }
            }
        }

        var samePeriod = false;
        if (rest.StartsWith("同期", StringComparison.Ordinal))
        {
            samePeriod = true;
            rest = rest[2..];
            if (rest.Length == 0)
            {
                return ParseResult<StatPeriod>.Fail(
                    $"“{text}”缺少所指的期别,应写明如“上年同期1至6月”",
                    $"'{text}' needs the period it refers to, e.g. 上年同期1至6月 (same period last year, Jan–Jun)");
            }
        }

        foreach (var suffix in (string[])["累计", "期间", "份"])
        {
            if (rest.EndsWith(suffix, StringComparison.Ordinal) && rest.Length > suffix.Length)
            {
                cumulativeTo |= suffix == "累计";
                rest = rest[..^suffix.Length];
            }
        }

        // Everything below needs a year: the explicit one, or one resolved from the reference date.
        if (year is null)
        {
            if (referenceDate is not { } reference)
            {
                var recognised = rest is "" or "全年" or "全年度" or "年度" or "年初以来" or "年初至今" or "目前" or "当前" or "至今" or "以来" or "来"
                    or "本月" or "当月" or "上月"
                    || ParseBody(rest, cumulativeTo) is not null;
                return recognised && !(rest.Length == 0 && yearWord is null) ? NeedsReference(text) : Unknown(text);
            }

            year = reference.Year + (relativeOffset ?? 0);
        }

        if (rest is "" or "全年" or "全年度" or "年度")
        {
            return rest.Length == 0 && (cumulativeTo || samePeriod) ? Unknown(text) : Canonical(year.Value, 1, 12, text);
        }

        // From January to the reference month: 今年以来, 年初以来, 年初至今, 截至目前 (only for the current year).
        var sinceJanuary = rest switch
        {
            "年初以来" or "年初至今" or "目前" or "当前" or "至今" => yearWord is null or "今年" or "本年",
            "以来" or "来" => yearWord is "今年" or "本年",
            _ => (bool?)null,
        };
        if (sinceJanuary is { } ok)
        {
            if (!ok || referenceDate is null || year != referenceDate.Value.Year)
            {
                return referenceDate is null ? NeedsReference(text) : Unknown(text);
            }

            return Canonical(year.Value, 1, referenceDate.Value.Month, text);
        }

        // 本月/当月 (the reference month) and 上月 (the month before it, possibly in the previous year).
        if (rest is "本月" or "当月" or "上月" && yearWord is null && !samePeriod && !cumulativeTo)
        {
            if (referenceDate is not { } r || year != r.Year)
            {
                return referenceDate is null ? NeedsReference(text) : Unknown(text);
            }

            var month = rest == "上月" ? r.AddMonths(-1) : r;
            return Canonical(month.Year, month.Month, month.Month, text);
        }

        var span = ParseBody(rest, cumulativeTo);
        if (span is not { } s)
        {
            return Unknown(text);
        }

        return Canonical(year.Value, s.First, s.Last, text);
    }

    /// <summary>Parses, throwing <see cref="FormatException"/> with the bilingual reason.</summary>
    public static StatPeriod Parse(string text, DateOnly? referenceDate = null) => TryParse(text, referenceDate).Value;

    private static readonly (string Word, int Offset)[] RelativeYears =
    [
        ("今年", 0), ("本年度", 0), ("本年", 0), ("去年", -1), ("上年度", -1), ("上一年", -1), ("上年", -1), ("前年", -2),
    ];

    private static (int First, int Last)? ParseBody(string rest, bool cumulativeTo)
    {
        switch (rest)
        {
            case "上半年":
                return (1, 6);
            case "下半年":
                return (7, 12);
            default:
                break;
        }

        // 前三季度, 前两季度, 一季度, 第一季度, 1季度, 一季, Q3.
        if (rest.Length >= 2 && rest[0] is 'Q' or 'q' && rest.Length == 2 && rest[1] is >= '1' and <= '4')
        {
            var q = rest[1] - '0';
            return ((q * 3) - 2, q * 3);
        }

        var qi = rest.IndexOf('季', StringComparison.Ordinal);
        if (qi > 0 && (rest.Length == qi + 1 || (rest.Length == qi + 2 && rest[qi + 1] == '度')))
        {
            var head = rest[..qi];
            var first = head.StartsWith('前');
            if (first || head.StartsWith('第'))
            {
                head = head[1..];
            }

            if (!TrySmallInt(head, 1, 4, out var q))
            {
                return null;
            }

            return first ? (1, q * 3) : ((q * 3) - 2, q * 3);
        }

        // Month spans and single months: 1至6月, 1月至6月, 一至六月, 6月, 6月底.
        if (rest.EndsWith('底') || rest.EndsWith('末'))
        {
            rest = rest[..^1];
            cumulativeTo = true;
        }

        if (!rest.EndsWith('月'))
        {
            return null;
        }

        rest = rest[..^1];
        if (rest.EndsWith('份'))
        {
            return null; // 6份月
        }

        var sep = rest.IndexOfAny(['至', '到', '-']);
        if (sep < 0)
        {
            return TrySmallInt(rest, 1, 12, out var m) ? (cumulativeTo ? 1 : m, m) : null;
        }

        var a = rest[..sep];
        var b = rest[(sep + 1)..];
        if (a.EndsWith("月份", StringComparison.Ordinal))
        {
            a = a[..^2];
        }
        else if (a.EndsWith('月'))
        {
            a = a[..^1];
        }

        return TrySmallInt(a, 1, 12, out var from) && TrySmallInt(b, 1, 12, out var to) && (!cumulativeTo || from == 1) ? (from, to) : null;
    }

    private static bool TrySmallInt(string s, int min, int max, out int value)
    {
        value = 0;
        if (s.Length is 0 or > 3 || s.Contains('.', StringComparison.Ordinal) || s.Contains(',', StringComparison.Ordinal)
            || s.Contains('万', StringComparison.Ordinal) || s.Contains('亿', StringComparison.Ordinal) || s[0] is '-' or '+')
        {
            return false;
        }

        var r = ChineseNumber.TryParseNormalized(s, s);
        if (!r.Success || r.Value != decimal.Truncate(r.Value) || r.Value < min || r.Value > max)
        {
            return false;
        }

        value = (int)r.Value;
        return true;
    }

    private static bool TryYear(string s, out int year)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            return true;
        }

        // 二〇二二 / 二零二二: digit by digit.
        year = 0;
        foreach (var c in s)
        {
            var d = "〇一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (d < 0)
            {
                d = c == '零' ? 0 : -1;
            }

            if (d < 0)
            {
                return false;
            }

            year = (year * 10) + d;
        }

        return true;
    }

    private static ParseResult<StatPeriod> Canonical(int year, int first, int last, string text)
    {
        var canonical = first == last
            ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{first:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{first:D2}..{last:D2}");
        var r = StatPeriod.TryParseCanonical(canonical);
        return r.Success ? r : ParseResult<StatPeriod>.Fail(
            $"“{text}”不是有效的统计期别:{r.Error!.Value.Zh}", $"'{text}' is not a valid period: {r.Error!.Value.En}");
    }

    private static ParseResult<StatPeriod> NeedsReference(string text) => ParseResult<StatPeriod>.Fail(
        $"“{text}”是相对期别(今年、上年、上半年等),需要参考日期(--date)",
        $"'{text}' is a relative period (this year, last year, first half …) and needs a reference date (--date)");

    private static ParseResult<StatPeriod> Unknown(string text) => ParseResult<StatPeriod>.Fail(
        $"无法识别统计期别“{text}”(应如 2022年、2022年上半年、今年1至6月、前三季度、2022-01..06)",
        $"cannot read period '{text}' (expected e.g. 2022年, 2022年上半年, 今年1至6月, 前三季度, 2022-01..06)");
}
