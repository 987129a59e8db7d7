using System.Buffers;
using System.Globalization;
using Baiqiang.Core.Periods;

namespace Baiqiang.Extraction.Tokens;

/// <summary>How a period expression is used where it stands.</summary>
internal enum PeriodUse
{
    /// <summary>A date (7月26日, 2022年06月14日): not a statistical period.</summary>
    Date,
    /// <summary>在2020年基础上: the base of a target.</summary>
    BaseYear,
    /// <summary>比一季度, 较上年, 由上年的…(调整为): the base of a comparison or a change, not the period of the figure.</summary>
    ComparisonBase,
    /// <summary>二季度招商引资推进会: part of a meeting's name.</summary>
    EventName,
    /// <summary>上年同期 with no body: the current period one year earlier.</summary>
    SamePeriodLastYear,
    /// <summary>全年计划, 全年目标: the year of a plan named as the base of a share; the period in force stays.</summary>
    PlanYear,
    /// <summary>全年 with no body: the reference year.</summary>
    WholeYear,
    /// <summary>A period that states the figures' period (<see cref="PeriodToken.Period"/>; null when it does not resolve).</summary>
    Period,
}

/// <summary>A period expression: its length, its use, and the period it resolves to.</summary>
/// <param name="Length">Characters it spans.</param>
/// <param name="Use">How it is used.</param>
/// <param name="Period">The resolved period (for <see cref="PeriodUse.Period"/>).</param>
/// <param name="SamePeriod">同期 was written (上年同期).</param>
/// <param name="MonthOnly">当月/本月: a period for its own clause, not for the sentences after it.</param>
internal readonly record struct PeriodToken(int Length, PeriodUse Use, StatPeriod? Period, bool SamePeriod, bool MonthOnly)
{
    /// <summary>年初以来 / 今年以来 / 截至目前: the year to date of whatever month the text reports on, which the reference date only guesses.</summary>
    public bool SinceYearStart { get; init; }

    /// <summary>The year is written in digits (2021年, 2021年1-9月), not implied (上半年) nor relative (今年).</summary>
    public bool YearWritten { get; init; }

    /// <summary>No year at all is written, neither in digits nor relative (8月底, 1-8月, 上半年; not 今年 nor 上年1-8月).</summary>
    public bool NoYear { get; init; }
}

/// <summary>
/// Reads period expressions (2023年, 今年, 上半年, 1至6月, 1-6月份, 一季度, 前三季度, 截至目前, 上年同期, 6月当月) and says how each is used.
/// Resolves against the document's reference date through <see cref="ChinesePeriodParser"/>. Bounded look-ahead.
/// </summary>
internal static class PeriodScanner
{
    private static readonly string[] YearWords = ["今年", "去年", "上年", "本年", "前年", "全年"];

    private static readonly string[] Bodies =
        ["上半年", "下半年", "前三季度", "前两季度", "一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度", "全年", "年初以来"];

    private static readonly string[] SinceWords = ["截至目前", "年初以来", "今年以来"];

    // 1-4月以来, 二季度以来, 下半年以来: a span that names its months is not the plain year to date.
    private static readonly SearchValues<char> NotSinceYearStart = SearchValues.Create("月季半0123456789");

    // The months of a year in which last year's late-month and whole-year bulletins are published (1-12月 on 31 March).
    private const int LateBulletinMonths = 4;

    private static readonly string[] MonthSuffixes = ["份", "末", "底", "累计"];

    // 全县年末, 至年末, 园区年底: words after which 年末 stands on its own (not 今年末, 往年末).
    private static readonly SearchValues<char> YearEndMayFollow = SearchValues.Create("县区市州旗镇乡园至到及和的");

    /// <summary>
    /// Every character a period expression can start with: a digit (2023年, 6月), a Chinese month numeral (一至六月), the first
    /// character of a year word, a body, a since-word, 同期, 当月, 本月, 年末/年底 and 元 (元至九月). <see cref="TryScan"/> answers false at once for any
    /// other (it is asked at most positions of a sentence). A word list added above is covered; a new kind of start must be
    /// added here (PeriodScannerStartTests compares with and without this filter over the corpus).
    /// </summary>
    private static readonly CharSet Starts = CharSet.FirstOf(
        [.. YearWords, .. Bodies, .. SinceWords, "同期", "当月", "本月", "年末", "年底", "元", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", .. "一二三四五六七八九十".Select(c => c.ToString())]);

    /// <summary>Scans a period expression at <paramref name="i"/>; false when none starts there.</summary>
    /// <param name="n">The normalised text.</param>
    /// <param name="i">Where the expression would start.</param>
    /// <param name="e">The end of the sentence.</param>
    /// <param name="reference">The reference date: 今年, 去年, 截至目前 count from it.</param>
    /// <param name="yearless">The date a period written with no year (全年, 年末, 上半年, 1-9月) is read against: the end of the
    /// document's year when it reports on an earlier year than the reference date's; the reference date when null.</param>
    /// <param name="token">The expression, when one starts at <paramref name="i"/>.</param>
    public static bool TryScan(string n, int i, int e, DateOnly? reference, out PeriodToken token, DateOnly? yearless = null)
    {
        token = default;
        return i < e && (uint)i < (uint)n.Length && Starts.Contains(n[i]) && TryScanAt(n, i, e, reference, out token, yearless);
    }

    /// <summary><see cref="TryScan"/> without its first-character filter (for the test that the filter drops nothing).</summary>
    internal static bool TryScanAt(string n, int i, int e, DateOnly? reference, out PeriodToken token, DateOnly? yearless = null)
    {
        token = default;
        var j = i;
        var hasYear = false;
        var yearWritten = false;
        var relativeYear = false;
        var yearEnd = 0;
        if (IsYearAt(n, i, e) && (i == 0 || !char.IsAsciiDigit(n[i - 1])))
        {
            j = i + 5;
            hasYear = true;
            yearWritten = true;
            if (j < e && n[j] == '度')
            {
                j++;
            }
            else if (j < e && n[j] is '末' or '底')
            {
                j++; // 2021年末: the year's end, the period of a balance or a stock at that date
                yearEnd = 1;
            }
        }
        else if (Words.MatchAny(n, i, e, YearWords) > 0)
        {
            j = i + 2;
            hasYear = true;
            relativeYear = n[i] != '全';
            if (relativeYear && j < e && n[j] is '末' or '底')
            {
                j++; // 上年末, 去年底: a year's end (比上年末 is a comparison base)
                yearEnd = 1;
            }
        }
        else if ((Words.At(n, i, e, "年末") || Words.At(n, i, e, "年底")) && (i == 0 || !Words.IsCjk(n[i - 1]) || YearEndMayFollow.Contains(n[i - 1])))
        {
            // 年末全县常住人口…: the end of the year the document reports on, read like 全年.
            token = new PeriodToken(2, PeriodUse.WholeYear, (yearless ?? reference) is { Year: >= StatPeriod.MinYear and <= StatPeriod.MaxYear } ye ? StatPeriod.ForYear(ye.Year) : null, false, false);
            return true;
        }

        var readAgainst = yearWritten || relativeYear ? reference : yearless ?? reference;

        var samePeriod = false;
        if (Words.At(n, j, e, "同期"))
        {
            samePeriod = true;
            j += 2;
        }

        if (UpToADay(n, i, j, e, readAgainst, out token))
        {
            return true;
        }

        var bodyStart = j;
        var singleMonth = false;
        var monthsWritten = false;
        var firstMonths = 0;
        if (yearEnd == 0)
        {
            j = Body(n, j, e, out singleMonth, out monthsWritten, out firstMonths);
        }

        var hasBody = j > bodyStart;
        if (!hasYear && !hasBody)
        {
            var w = Words.MatchAny(n, i, e, SinceWords);
            if (w == 0)
            {
                if (Words.At(n, i, e, "当月") || Words.At(n, i, e, "本月"))
                {
                    token = new PeriodToken(2, PeriodUse.Period, null, false, MonthOnly: true);
                    return true;
                }

                return false;
            }

            j = i + w;
            hasBody = true;
        }

        var since = 0;
        if (Words.At(n, j, e, "以来"))
        {
            j += 2;
            since = bodyStart < j - 2 && !Words.At(n, bodyStart, e, "年初以来") ? 2 : 0; // 上半年以来: the span it names, to date
        }

        // A date (7月26日) or a full date is not a period.
        if ((j < e && n[j] is '日' or '号') || (j < e && char.IsAsciiDigit(n[j]) && hasYear && !hasBody))
        {
            var length = SkipDate(n, i, e);
            token = new PeriodToken(length, PeriodUse.Date, null, false, false);
            return length > 0;
        }

        var monthOnly = false;
        if (Words.At(n, j, e, "当月"))
        {
            j += 2;
            monthOnly = true;
        }

        var len = j - i;
        if (Words.At(n, j, e, "基础上") || Words.At(n, j, e, "的基础上"))
        {
            token = new PeriodToken(len, PeriodUse.BaseYear, null, samePeriod, false);
            return true;
        }

        if (i > 0 && (n[i - 1] is '比' or '较' or '于' or '与' || (n[i - 1] == '由' && n[i] is '上' or '去' && j < e && n[j] == '的')))
        {
            // 由上年的6.9:55.9:37.2调整为…: where a change started, like 比上年, not the period of what follows (a written year
            // keeps its own: 由2020年的28.6%到2021年的34.5% gives 2020's figure and 2021's)
            token = new PeriodToken(len, PeriodUse.ComparisonBase, Parse(n.AsSpan(i, len - yearEnd), readAgainst), samePeriod, false);
            return true;
        }

        if (NamesAnEvent(n, j, e))
        {
            token = new PeriodToken(len, PeriodUse.EventName, null, samePeriod, false);
            return true;
        }

        if (samePeriod && !hasBody)
        {
            token = new PeriodToken(len, PeriodUse.SamePeriodLastYear, null, true, false);
            return true;
        }

        if (Words.At(n, i, e, "全年") && !hasBody && (Words.At(n, j, e, "计划") || Words.At(n, j, e, "目标") || Words.At(n, j, e, "任务") || Words.At(n, j, e, "预算")))
        {
            token = new PeriodToken(len, PeriodUse.PlanYear, null, false, false); // 占全年计划的51.2%: the period in force stays
            return true;
        }

        if (Words.At(n, i, e, "全年") && !hasBody)
        {
            token = new PeriodToken(len, PeriodUse.WholeYear, (yearless ?? reference) is { Year: >= StatPeriod.MinYear and <= StatPeriod.MaxYear } rf ? StatPeriod.ForYear(rf.Year) : null, false, false);
            return true;
        }

        var sinceYearStart = !singleMonth && (Words.At(n, i, e, "截至目前") || (n.AsSpan(i, len).EndsWith("以来") && n.AsSpan(i, len).IndexOfAny(NotSinceYearStart) < 0));
        var written = n.AsSpan(i, len - (monthOnly ? 2 : 0) - yearEnd - (sinceYearStart ? 0 : since));
        var period = firstMonths > 0
            ? Parse(string.Concat(n.AsSpan(i, bodyStart - i), "1-", firstMonths.ToString(CultureInfo.InvariantCulture), "月"), readAgainst) // 前11个月 = 1-11月
            : written.Contains('元')
            ? Parse(written.ToString().Replace('元', '一'), sinceYearStart ? reference : readAgainst) // 元至九月 = 一至九月
            : Parse(written, sinceYearStart ? reference : readAgainst);

        // 今年上半年以来, 1-4月以来, 前三季度以来: the months from January the words name (the page's period, stated in its lead);
        // a span that does not start in January (二季度以来, 5月以来, 下半年以来) or a single quarter says since when, not which months.
        if (since > 0 && !sinceYearStart && period is { } named && (named.FirstMonth != 1 || named.LastMonth == named.FirstMonth || named.QuarterNumber is not null || singleMonth))
        {
            period = null;
        }

        // 截至二季度, 截止2022年三季度末: the quarters up to that one, the year to date (1..6), not the single quarter.
        if (period is { QuarterNumber: > 1 } quarter && i >= 2 && (Words.At(n, i - 2, e, "截至") || Words.At(n, i - 2, e, "截止")))
        {
            period = StatPeriod.CumulativeTo(quarter.Year, quarter.LastMonth);
        }

        // 6月份…累计: a single month followed by 累计 in the same clause is the year to date (1..6月).
        if (period is { } p && singleMonth && !monthOnly && CumulativeFollows(n, j, e))
        {
            period = StatPeriod.CumulativeTo(p.Year, p.LastMonth);
        }

        // 1-12月 on a page published on 31 March: months written without a year that end after the month of the date they are read
        // against have not happened yet that year, so they are last year's (the page reports on 2024-01..12). Only for a date in the
        // first four months, when last year's late-month and whole-year bulletins come out (1-9月 in a June text is more likely a
        // goal, or a date the text states for an earlier event). 全年, 上半年 and the quarters keep their year: in a report early in
        // the year they are mostly its goals.
        if (period is { } late && !hasYear && !sinceYearStart && monthsWritten && readAgainst is { Month: <= LateBulletinMonths } against
            && late.Year == against.Year && late.LastMonth > against.Month && late.Year > StatPeriod.MinYear)
        {
            period = late.AddYears(-1);
        }

        token = new PeriodToken(len, PeriodUse.Period, period, samePeriod, monthOnly)
        {
            SinceYearStart = sinceYearStart,
            YearWritten = yearWritten,
            NoYear = !hasYear,
        };
        return true;
    }

    // Period expressions repeat (1-6月, 上半年, 2023年): each is parsed once per thread and reference date, not once per mention.
    // One cache per reference date: a document reads periods against two dates in turn (the reference date for 2023年…, the
    // document's own year for a bare 1-6月), and a single cache cleared on every switch parsed nearly every mention again.
    [ThreadStatic]
    private static Dictionary<(bool Dated, DateOnly Date), Dictionary<string, StatPeriod?>>? t_parsed;

    /// <summary><see cref="ChinesePeriodParser.TryParse"/> of <paramref name="text"/>, the period or null, remembered per reference date.</summary>
    private static StatPeriod? Parse(ReadOnlySpan<char> text, DateOnly? reference)
    {
        var caches = t_parsed ??= [];
        var at = (reference.HasValue, reference.GetValueOrDefault());
        if (!caches.TryGetValue(at, out var cache) || cache.Count >= 4096)
        {
            if (cache is null && caches.Count >= 8)
            {
                caches.Clear(); // bounded: random input cannot grow it without end
            }

            caches[at] = cache = new Dictionary<string, StatPeriod?>(StringComparer.Ordinal);
        }

        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var key = text.ToString();
        var parsed = ChinesePeriodParser.TryParse(key, reference);
        StatPeriod? period = parsed.Success ? parsed.Value : null;
        cache[key] = period;
        return period;
    }

    public static bool IsYearAt(string n, int i, int e)
        => i + 4 < e && char.IsAsciiDigit(n[i]) && char.IsAsciiDigit(n[i + 1]) && char.IsAsciiDigit(n[i + 2]) && char.IsAsciiDigit(n[i + 3])
            && n[i + 4] == '年' && n[i] is '1' or '2' && !(i + 5 < e && n[i + 5] == '级');

    public static int YearAt(string n, int i) => (n[i] - '0') * 1000 + (n[i + 1] - '0') * 100 + (n[i + 2] - '0') * 10 + (n[i + 3] - '0');

    /// <summary>累计 within the next 24 characters of the sentence, before any figure.</summary>
    private static bool CumulativeFollows(string n, int j, int e)
    {
        for (var k = j; k < e && k - j < 24; k++)
        {
            if (char.IsAsciiDigit(n[k]) || n[k] is '。' or ';')
            {
                return false;
            }

            if (Words.At(n, k, e, "累计"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words after a period expression, up to the clause's end and before any figure, name a meeting
    /// (二季度招商引资暨项目建设推进会): then the period qualifies the meeting, not the figures that follow. Bounded look-ahead.
    /// </summary>
    private static bool NamesAnEvent(string n, int j, int e)
    {
        for (var k = j; k < e && k - j <= 30; k++)
        {
            var c = n[k];
            if (c is ',' or '，' or '、' or ';' or '；' or ':' or '：' || char.IsAsciiDigit(c))
            {
                return false;
            }

            if (Words.MatchAny(n, k, e, Words.EventWords) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 截至3月31日, 截止2011年9月30日 (from <paramref name="i"/>, the month at <paramref name="j"/>): the year to date up to that
    /// day's month (1..3, 1..9), like 截至3月底. A day without 截至/截止 stays a date.
    /// </summary>
    private static bool UpToADay(string n, int i, int j, int e, DateOnly? readAgainst, out PeriodToken token)
    {
        token = default;
        if (i < 2 || !(Words.At(n, i - 2, e, "截至") || Words.At(n, i - 2, e, "截止")))
        {
            return false;
        }

        var k = j;
        if (MonthNumber(n, ref k, e) is not (>= 1 and <= 12) || k >= e || n[k] != '月')
        {
            return false;
        }

        var d = k + 1;
        while (d < e && d - k <= 2 && char.IsAsciiDigit(n[d]))
        {
            d++;
        }

        if (d == k + 1 || d >= e || n[d] is not ('日' or '号') || Parse(n.AsSpan(i, k + 1 - i), readAgainst) is not { } month || month.FirstMonth != month.LastMonth)
        {
            return false;
        }

        token = new PeriodToken(d + 1 - i, PeriodUse.Period, StatPeriod.CumulativeTo(month.Year, month.LastMonth), false, false);
        return true;
    }

    private static int SkipDate(string n, int i, int e)
    {
        var j = i;
        while (j < e && j - i < 16 && (char.IsAsciiDigit(n[j]) || n[j] is '年' or '月' or '日' or '号'))
        {
            j++;
        }

        return j - i;
    }

    /// <summary>
    /// 上半年, 前三季度, 一季度, 1至6月, 1-6月份, 6月, 6月末, 6月底, 前11个月 (<paramref name="firstMonths"/> = 11: the first eleven
    /// months); returns the end (== start when none).
    /// </summary>
    private static int Body(string n, int j, int e, out bool singleMonth, out bool months, out int firstMonths)
    {
        singleMonth = false;
        months = false;
        firstMonths = 0;
        var w = Words.MatchAny(n, j, e, Bodies);
        if (w > 0)
        {
            return j + w;
        }

        if (j + 1 < e && n[j] == '前')
        {
            var f = j + 1;
            var count = n[f] == '两' ? 2 : MonthNumber(n, ref f, e);
            f += n[j + 1] == '两' ? 1 : 0;
            if (count is >= 2 and <= 12 && Words.At(n, f, e, "个月"))
            {
                months = true;
                firstMonths = count.Value;
                return f + 2;
            }

            return j;
        }

        // Months: N月, N至M月, N-M月, N月至M月, 一至六月, then 份/末/底/累计.
        var k = j;
        var m1 = MonthNumber(n, ref k, e);
        if (m1 is null)
        {
            return j;
        }

        var single = true;
        if (k < e && n[k] == '月')
        {
            if ((k + 1 < e && n[k + 1] is '日' or '号') || (k + 1 < e && char.IsAsciiDigit(n[k + 1])))
            {
                return j; // 7月26日: a date
            }

            k++;
        }

        if (k < e && n[k] is '至' or '到' or '-')
        {
            var k2 = k + 1;
            if (MonthNumber(n, ref k2, e) is not null && k2 < e && n[k2] == '月')
            {
                k = k2 + 1;
                single = false;
            }
            else
            {
                return j;
            }
        }
        else if (k == j || n[k - 1] != '月')
        {
            return j;
        }

        foreach (var suffix in MonthSuffixes)
        {
            if (Words.At(n, k, e, suffix))
            {
                k += suffix.Length;
                break;
            }
        }

        if (k < e && n[k] is '日' or '号')
        {
            return j;
        }

        singleMonth = single;
        months = true;
        return k;
    }

    private static int? MonthNumber(string n, ref int k, int e)
    {
        if (k >= e)
        {
            return null;
        }

        var start = k;
        var v = 0;
        while (k < e && char.IsAsciiDigit(n[k]) && k - start < 2)
        {
            v = v * 10 + (n[k] - '0');
            k++;
        }

        if (k > start)
        {
            return v is >= 1 and <= 12 ? v : null;
        }

        if (n[k] == '元' && k + 1 < e && n[k + 1] is '月' or '至' or '到' or '-')
        {
            k++;
            return 1; // 元月, 元至九月: January
        }

        var idx = "一二三四五六七八九十".IndexOf(n[k], StringComparison.Ordinal);
        if (idx >= 0)
        {
            k++;
            if (idx == 9 && k < e && "一二".IndexOf(n[k], StringComparison.Ordinal) is var t and >= 0)
            {
                k++;
                return 11 + t;
            }

            return idx + 1;
        }

        return null;
    }
}
