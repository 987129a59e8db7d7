using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Discourse;

/// <summary>
/// The date relative periods (今年, 上半年) are read against when the caller gives none: the latest full date the text states
/// (年月日, moved later by a 7月27日 of the same year); else 31 December of the latest year it states outside 到/至…年 horizons
/// and goal sentences; null when it states no year. Bounded look-around, linear in the text.
/// </summary>
internal static class ReferenceDate
{
    private static readonly string[] GoalWords = ["力争", "确保", "争取", "目标", "翻番", "翻一番", "基础上", "预计"];

    public static DateOnly? Infer(DocumentText text)
    {
        var n = text.Normalized;
        DateOnly? best = null;
        int? bestYear = null;
        foreach (var (start, end) in text.ContentSpans)
        {
            for (var i = start; i + 5 <= end; i++)
            {
                if (n[i] is not ('1' or '2') || !PeriodScanner.IsYearAt(n, i, end) || (i > start && char.IsAsciiDigit(n[i - 1])))
                {
                    continue;
                }

                var year = PeriodScanner.YearAt(n, i);
                var j = i + 5;
                if (ReadInt(n, ref j, end, 2) is { } month && j < end && n[j] == '月' && month is >= 1 and <= 12)
                {
                    j++;
                    if (ReadInt(n, ref j, end, 2) is { } day && j < end && n[j] is '日' or '号' && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                    {
                        var d = new DateOnly(year, month, day);
                        best = best is null || d > best ? d : best;
                        continue;
                    }
                }

                var horizon = i > start && n[i - 1] is '到' or '至';
                if (!horizon && !InGoalSentence(n, i, start, end))
                {
                    bestYear = bestYear is null || year > bestYear ? year : bestYear;
                }
            }
        }

        if (best is { } b)
        {
            // 7月27日 without a year, later in the same year than the latest full date, is when the text was written.
            foreach (var (start, end) in text.ContentSpans)
            {
                for (var i = start; i < end; i++)
                {
                    if (!char.IsAsciiDigit(n[i]))
                    {
                        continue;
                    }

                    var j = i;
                    if ((i > start && (char.IsAsciiDigit(n[i - 1]) || n[i - 1] == '年')) || ReadInt(n, ref j, end, 2) is not { } month || j >= end || n[j] != '月' || month is < 1 or > 12)
                    {
                        continue;
                    }

                    j++;
                    if (ReadInt(n, ref j, end, 2) is { } day && j < end && n[j] is '日' or '号' && day >= 1 && day <= DateTime.DaysInMonth(b.Year, month))
                    {
                        var d = new DateOnly(b.Year, month, day);
                        best = d > best ? d : best;
                    }
                }
            }

            return best;
        }

        return bestYear is { } y ? new DateOnly(y, 12, 31) : null;
    }

    /// <summary>True when the sentence around <paramref name="i"/> states a goal: its years are horizons, not the date of writing.</summary>
    private static bool InGoalSentence(string n, int i, int lineStart, int lineEnd)
    {
        // Bounded look-around (200 characters each way) keeps the scan linear on run-on text.
        var s = i;
        while (s > lineStart && i - s < 200 && n[s - 1] is not ('。' or ';' or '!' or '?'))
        {
            s--;
        }

        var e = i;
        while (e < lineEnd && e - i < 200 && n[e] is not ('。' or ';' or '!' or '?'))
        {
            e++;
        }

        var sentence = n.AsSpan(s, e - s);
        foreach (var w in GoalWords)
        {
            if (sentence.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int? ReadInt(string n, ref int j, int end, int maxDigits)
    {
        var v = 0;
        var k = 0;
        while (j < end && k < maxDigits && char.IsAsciiDigit(n[j]))
        {
            v = v * 10 + (n[j] - '0');
            j++;
            k++;
        }

        return k == 0 ? null : v;
    }
}
