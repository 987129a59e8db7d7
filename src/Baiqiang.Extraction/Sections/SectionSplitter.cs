using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Sections;

/// <summary>One kept line of a document: its span in the normalised text and, when it opens a section, the heading's level and length.</summary>
/// <param name="Start">Start in <see cref="DocumentText.Normalized"/>.</param>
/// <param name="End">End (exclusive).</param>
/// <param name="HeadingLevel">0 for the title (the short lines before the first sentence, a site's greeting line aside), 1 for 一、, 2 for (一) and ——, 3 for 1. / 1、; -1 for body text.</param>
/// <param name="HeadingEnd">Where the heading's own words end (the rest of the line is body text under it).</param>
internal readonly record struct Paragraph(int Start, int End, int HeadingLevel, int HeadingEnd)
{
    public bool IsHeading => HeadingLevel >= 0;
}

/// <summary>
/// Document → sections: marks the lines that open a scope — the title, 一、 二、, (一) (二), ——重大产业项目, 1. / 1、 — so the
/// discourse stage can let a heading's region, period or subject hold for the lines under it until the next heading of the
/// same or a higher level.
/// </summary>
internal static class SectionSplitter
{
    /// <summary>The kept lines of <paramref name="text"/> with their heading levels.</summary>
    public static List<Paragraph> Split(DocumentText text)
    {
        var n = text.Normalized;
        var list = new List<Paragraph>(text.ContentSpans.Count);
        var sawBody = false;
        for (var k = 0; k < text.ContentSpans.Count; k++)
        {
            var (s, e) = text.ContentSpans[k];
            var (level, headingEnd) = Heading(n, s, e);
            if (!sawBody && (level < 0 || n[s] == '-') && e - s <= 60 && (!HasSentenceEnd(n, s, e) || MastheadGreeting(n, s, e)))
            {
                (level, headingEnd) = (0, e); // the title block: title, subtitle (——…纪实), masthead
            }

            sawBody |= level < 0;

            list.Add(new Paragraph(s, e, level, headingEnd));
        }

        return list;
    }

    /// <summary>The heading level of the line <paramref name="s"/>..<paramref name="e"/> and where its heading words end; (-1, s) when it is body text.</summary>
    public static (int Level, int HeadingEnd) Heading(string n, int s, int e)
    {
        var i = s;
        while (i < e && n[i] is ' ' or '\t' or '\u3000')
        {
            i++;
        }

        var level = -1;
        var k = i;
        if (k < e && Words.IsChineseDigit(n[k]))
        {
            while (k < e && k - i < 3 && Words.IsChineseDigit(n[k]))
            {
                k++;
            }

            if (k < e && n[k] == '、')
            {
                level = 1;
                k++;
            }
        }
        else if (k + 2 < e && n[k] == '(' && Words.IsChineseDigit(n[k + 1]))
        {
            k++;
            while (k < e && k - i < 4 && Words.IsChineseDigit(n[k]))
            {
                k++;
            }

            if (k < e && n[k] == ')')
            {
                level = 2;
                k++;
            }
        }
        else if (k + 1 < e && n[k] == '-' && Words.IsCjk(n[k + 1]))
        {
            level = 2;
            k++;
        }
        else if (k + 1 < e && char.IsAsciiDigit(n[k]))
        {
            while (k < e && k - i < 2 && char.IsAsciiDigit(n[k]))
            {
                k++;
            }

            if (k + 1 < e && (n[k] is '、' || (n[k] == '.' && !char.IsAsciiDigit(n[k + 1]))))
            {
                level = 3;
                k++;
            }
        }

        if (level < 0)
        {
            return (-1, s);
        }

        // The heading's words run to the first sentence end, or the line's end; a long run is body text, not a heading.
        var end = k;
        while (end < e && end - k < 40 && n[end] is not ('。' or ';' or ':' or '!' or '?'))
        {
            end++;
        }

        if (end == e || n[end] is '。' or ':' or ';')
        {
            return (level, end);
        }

        return (level, k);
    }

    /// <summary>
    /// A short line with no figure that ends in ! or ? before the title (欢迎访问某市统计局网站!): the site's masthead, not the first
    /// sentence of the body, so the short lines after it (the article's title 1—4月某市经济运行情况, its date line) are still the title block.
    /// </summary>
    private static bool MastheadGreeting(string n, int s, int e)
    {
        var line = n.AsSpan(s, e - s).Trim();
        return line.Length is > 0 and <= 24 && line[^1] is '!' or '?' && line[..^1].IndexOfAny("。;!?") < 0 && !line.ContainsAnyInRange('0', '9');
    }

    private static bool HasSentenceEnd(string n, int s, int e) => n.AsSpan(s, e - s).IndexOfAny("。;!?") >= 0;
}
