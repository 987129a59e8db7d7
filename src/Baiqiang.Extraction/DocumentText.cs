using System.Buffers;
using System.Collections;
using System.Net;
using System.Text;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;

namespace Baiqiang.Extraction;

/// <summary>
/// A document ready to scan: plain text (HTML tags, scripts and entities removed), its normalised form
/// (<see cref="ChineseText.NormalizeKeepingOffsetRuns"/>) with a map back to the plain text, and the spans that carry the
/// article (navigation, share buttons, comment boxes and related-article lists left out).
/// </summary>
/// <remarks>Offsets everywhere in the extraction module index <see cref="Plain"/>. Building is linear in the input.</remarks>
public sealed class DocumentText
{
    // A line that is only one of these is page furniture.
    private static readonly string[] FurnitureLines =
    [
        "分享让更多人看到", "返回顶部", "评论", "关注", "小字号", "大字号", "打印", "关闭窗口", "联系我们", "在线咨询", "服务粉丝",
        "我们一直在努力", "分享到", "收藏", "点赞", "在看", "阅读原文",
    ];

    // A line starting with one of these is furniture too.
    private static readonly string[] FurniturePrefixes =
    [
        "分享", "(责编", "(责任编辑", "责任编辑", "责编", "当前位置", "留言与评论", "人民网>>", "来源:", "日期:", "【如果您有线索", "报料",
        "在线咨询", "(图片来自网络", "原标题", "主办:", "主办单位", "承办:", "承办单位", "协办", "技术支持", "声明:", "免责声明", "版权声明",
        "网站地图", "联系电话", "联系我们", "地址:", "邮编", "备案号", "首页>", "首页 >",
    ];

    // A short line holding one of these anywhere is a footer (版权所有, Copyright ©, 蜀ICP备…, 网站标识码).
    private static readonly string[] FooterWords = ["版权所有", "Copyright", "copyright", "COPYRIGHT", "All Rights Reserved", "©", "ICP备", "ICP证", "公网安备", "网站标识码"];

    // IsFurniture runs for every line (twice where a line may be broken): the lists above as one first-character test and one
    // multi-string search, so that an article's line costs one look-up and one scan instead of some sixty comparisons.
    private static readonly Tokens.CharSet FurnitureFirst = Tokens.CharSet.FirstOf(FurnitureLines.Concat(FurniturePrefixes));
    private static readonly SearchValues<string> Footers = SearchValues.Create(FooterWords, StringComparison.Ordinal);

    // From a line starting with one of these to the end, the page lists other articles.
    private static readonly string[] TailMarkers = ["相关阅读", "相关文章", "相关新闻", "推荐阅读", "热门文章", "最新文章", "猜你喜欢", "延伸阅读"];

    private readonly IReadOnlyList<int> _map;

    private DocumentText(string plain, string normalized, IReadOnlyList<int> map, List<(int Start, int End)> spans, List<Bilingual> notices)
    {
        Plain = plain;
        Normalized = normalized;
        _map = map;
        SourceIndex = map;
        ContentSpans = spans;
        Notices = notices;
    }

    /// <summary>What reading left out that a user should know of (text after a 相关阅读 marker that was not a list of links).</summary>
    public IReadOnlyList<Bilingual> Notices { get; }

    /// <summary>The text facts' offsets refer to (HTML stripped).</summary>
    public string Plain { get; }

    /// <summary>
    /// Normalised text (simplified, ASCII digits and punctuation, no pinyin glosses, no single space between a figure and its
    /// unit or between a word and its figure in prose), one char per <see cref="SourceIndex"/> entry.
    /// </summary>
    public string Normalized { get; }

    /// <summary>For each character of <see cref="Normalized"/>, the index in <see cref="Plain"/> it came from.</summary>
    public IReadOnlyList<int> SourceIndex { get; }

    /// <summary>Half-open spans of <see cref="Normalized"/> holding article text, one per kept line.</summary>
    public IReadOnlyList<(int Start, int End)> ContentSpans { get; }

    /// <summary>Builds a document from raw text or HTML (detected by a leading tag).</summary>
    public static DocumentText Create(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var plain = LooksLikeHtml(raw) ? StripHtml(raw) : raw;
        var normalized = ChineseText.NormalizeKeepingOffsetRuns(plain, out var runs);
        IReadOnlyList<int> map = runs;
        normalized = ListDots(normalized);
        if (Merged(Merged(BrokenLines(normalized), FigureSpaces(normalized)), CellSeparatorLines(normalized)) is { Count: > 0 } spaces)
        {
            normalized = Without(normalized, spaces);
            map = new SkippingMap(runs, spaces);
        }

        var notices = new List<Bilingual>();
        return new DocumentText(plain, normalized, map, ContentLines(normalized, notices), notices);
    }

    /// <summary>
    /// The single spaces that separate a figure from what reads with it, in a line of prose (one holding , 。 or ; and no tab):
    /// between a number and its unit, 年 or % (<c>2124.3 亿元</c>, <c>2017 年</c>, <c>1.2 %</c>), and between a word and the
    /// figure after it (<c>增长 1.2%</c>, <c>营业收入 2124.3</c>). Full-width, no-break and thin spaces are single spaces after
    /// normalisation. Table rows (tabs, or no sentence punctuation) and runs of two or more spaces keep theirs: they separate
    /// cells. Linear: each line is looked at twice.
    /// </summary>
    private static List<int>? FigureSpaces(string n)
    {
        List<int>? spaces = null;
        var lineStart = 0;
        while (lineStart < n.Length)
        {
            var lineEnd = n.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? n.Length : lineEnd;
            var line = n.AsSpan(lineStart, lineEnd - lineStart);
            if (line.Contains(' ') && !line.Contains('\t') && line.IndexOfAny(",。;") >= 0)
            {
                for (var k = lineStart + 1; k < lineEnd - 1; k++)
                {
                    if (n[k] != ' ' || n[k - 1] == ' ' || n[k + 1] == ' ')
                    {
                        continue;
                    }

                    var before = n[k - 1];
                    var after = n[k + 1];
                    var figureAfter = char.IsAsciiDigit(after) || (after == '-' && k + 2 < lineEnd && char.IsAsciiDigit(n[k + 2]));
                    if ((char.IsAsciiDigit(before) && ReadsWithFigure(n, k + 1, lineEnd)) || (Tokens.Words.IsCjk(before) && figureAfter))
                    {
                        (spaces ??= []).Add(k);
                    }
                }
            }

            lineStart = lineEnd + 1;
        }

        return spaces;
    }

    // A line broken mid-sentence is at least this long (the width of a page's lines); a shorter one is a heading or a title.
    private const int BrokenLineMin = 12;

    /// <summary>
    /// The line breaks (with the spaces beside them) inside a sentence, dropped so the sentence reads whole: text copied from a
    /// PDF or a narrow column breaks lines at the page width, splitting a figure from its unit (<c>316 亿\n元</c>) or 增长 from
    /// its rate (<c>增长\n7.6%</c>). A break is inside a sentence when the line before is prose (12 or more characters, one
    /// holding , 。 or ;) that does not end a sentence or a clause (it ends in a character, a figure, %, , or 、), and the line
    /// after starts mid-clause (a character or a figure, not a heading's number such as 一、 or 2.消费税, 第, 注: nor ——) and is prose
    /// too (punctuated, or 12 or more characters). Table rows (| or a tab, or cells aligned by runs of spaces) and the lines around them keep their breaks, and so
    /// do page furniture (来源:…) and the line after it. Linear.
    /// </summary>
    private static List<int>? BrokenLines(string n)
    {
        List<int>? drops = null;
        var lineStart = 0;
        while (lineStart < n.Length)
        {
            var lineEnd = n.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                break;
            }

            var line = n.AsSpan(lineStart, lineEnd - lineStart).TrimEnd(" \r");
            var nextStart = lineEnd + 1;
            var nextEnd = n.IndexOf('\n', nextStart);
            nextEnd = nextEnd < 0 ? n.Length : nextEnd;
            var next = n.AsSpan(nextStart, nextEnd - nextStart);
            var nextText = next.TrimStart(' ').TrimEnd(" \r");
            if (IsOpenProse(line) && StartsMidClause(nextText) && (nextText.Length >= BrokenLineMin || nextText.IndexOfAny(",。;") >= 0)
                && !IsFurniture(line.Trim()) && !IsFurniture(nextText))
            {
                drops ??= [];
                for (var k = lineStart + line.Length; k < nextStart + (next.Length - next.TrimStart(' ').Length); k++)
                {
                    drops.Add(k); // the line's trailing spaces, the break, the next line's leading spaces
                }
            }

            lineStart = nextStart;
        }

        return drops;
    }

    /// <summary>The fewest separator lines that make a flattened table (a header of three cells and a row of three).</summary>
    private const int MinSeparatorLines = 5;

    /// <summary>
    /// A table flattened to one cell a line with a line holding only | between cells (<c>指 标⏎|⏎绝对数⏎|⏎比上年增长%⏎|⏎生产总值⏎|⏎295.4</c>):
    /// the | lines (with their breaks) are dropped, so the cells stand one a line and the stacked-table reader reads them. Only a run
    /// of at least <see cref="MinSeparatorLines"/> such lines, each between two short lines with no sentence punctuation (cells),
    /// is dropped; a lone | line stays. Linear.
    /// </summary>
    private static List<int>? CellSeparatorLines(string n)
    {
        List<int>? drops = null;
        var run = new List<(int Start, int End)>();
        var prevStart = -1;
        var prevEnd = -1;
        var lineStart = 0;
        while (lineStart <= n.Length)
        {
            var lineEnd = n.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? n.Length : lineEnd;
            var line = n.AsSpan(lineStart, lineEnd - lineStart).Trim(" \r");
            if (line is "|" && prevStart >= 0 && IsCellLine(n.AsSpan(prevStart, prevEnd - prevStart)) && lineEnd < n.Length && NextIsCell(n, lineEnd + 1))
            {
                run.Add((lineStart, Math.Min(n.Length, lineEnd + 1)));
            }
            else if (line is not "|")
            {
                if (!IsCellLine(line))
                {
                    Flush();
                }
            }
            else
            {
                Flush();
            }

            prevStart = lineStart;
            prevEnd = lineEnd;
            if (lineEnd >= n.Length)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        Flush();
        return drops;

        void Flush()
        {
            if (run.Count >= MinSeparatorLines)
            {
                drops ??= [];
                foreach (var (a, b) in run)
                {
                    for (var k = a; k < b; k++)
                    {
                        drops.Add(k);
                    }
                }
            }

            run.Clear();
        }
    }

    private static bool NextIsCell(string n, int start)
    {
        var end = n.IndexOf('\n', start);
        return IsCellLine(n.AsSpan(start, (end < 0 ? n.Length : end) - start));
    }

    /// <summary>A flattened table's cell: a short line (at most 30 characters) with no sentence punctuation and no |.</summary>
    private static bool IsCellLine(ReadOnlySpan<char> line)
    {
        line = line.Trim(" \r");
        return line.Length is > 0 and <= 30 && line.IndexOfAny(",。;|\t") < 0;
    }

    private static bool IsOpenProse(ReadOnlySpan<char> line)
        => line.Length >= BrokenLineMin && line.IndexOfAny(",。;") >= 0 && !line.ContainsAny('|', '\t') && !line.Contains("  ", StringComparison.Ordinal)
            && (Tokens.Words.IsCjk(line[^1]) || char.IsAsciiDigit(line[^1]) || line[^1] is '%' or ',' or '、');

    private static bool StartsMidClause(ReadOnlySpan<char> next)
    {
        if (next.IsEmpty || next.ContainsAny('|', '\t') || next.Contains("  ", StringComparison.Ordinal) || !(Tokens.Words.IsCjk(next[0]) || char.IsAsciiDigit(next[0]) || next[0] == '%'))
        {
            return false;
        }

        var k = 0;
        while (k < next.Length && k < 3 && (char.IsAsciiDigit(next[k]) || "一二三四五六七八九十".Contains(next[k], StringComparison.Ordinal)))
        {
            k++;
        }

        // 一、工业 / 2.消费税 / 10、…: a list item's or a heading's number opens a line of its own; 7.6% and 2019年 go on.
        return !(k > 0 && k < next.Length && (next[k] == '、' || (next[k] == '.' && k + 1 < next.Length && !char.IsAsciiDigit(next[k + 1]))))
            && next[0] != '第' && !next.StartsWith("注:", StringComparison.Ordinal) // 第二节…, 注:… (a table's note)
            && !StartsASentence(next); // …结构为9.2:51:39.8⏎全年居民消费价格…: the line before ended its sentence without a stop
    }

    /// <summary>Words that open a bulletin's sentence (a year or a scope): a line starting with one is no sentence's middle.</summary>
    private static readonly string[] SentenceOpeners = ["全年", "年末", "今年", "全县", "全区", "全市", "全省", "全州", "全旗"];

    private static bool StartsASentence(ReadOnlySpan<char> next)
    {
        foreach (var w in SentenceOpeners)
        {
            if (next.StartsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two ascending lists of positions as one (either may be null).</summary>
    private static List<int>? Merged(List<int>? a, List<int>? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        var all = new List<int>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            var x = j >= b.Count || (i < a.Count && a[i] <= b[j]) ? a[i++] : b[j++];
            if (all.Count == 0 || all[^1] != x)
            {
                all.Add(x);
            }
        }

        return all;
    }

    /// <summary>
    /// A middle dot between two Chinese characters separates the items of a list inside a name (电力·热力·燃气及水生产和供应业):
    /// it becomes 、, which the name stages keep inside an industry's name. The dot of 千瓦·时 (a unit) stays. A middle dot between
    /// one to three digits and the next digits is a decimal point typed with the wrong key (1·8%, 2·9%): it becomes '.'. One for one,
    /// so offsets do not move.
    /// </summary>
    private static string ListDots(string n)
    {
        var at = n.IndexOfAny(['·', '・', '•']);
        if (at < 0)
        {
            return n;
        }

        var first = -1;
        for (var k = Math.Max(1, at); k < n.Length - 1; k++)
        {
            if (DotAs(n, k) != '\0')
            {
                first = k;
                break;
            }
        }

        // One copy of the document (not a char array and then a string: two on the large object heap), made only when a dot changes.
        return first < 0 ? n : string.Create(n.Length, (n, first), static (chars, state) =>
        {
            var (text, from) = state;
            text.CopyTo(chars);
            for (var k = from; k < text.Length - 1; k++)
            {
                var c = DotAs(text, k);
                if (c != '\0')
                {
                    chars[k] = c;
                }
            }
        });
    }

    /// <summary>What the dot at <paramref name="k"/> stands for: 、 between Chinese characters, '.' between digits (上涨1·8%: a middle dot
    /// typed for the decimal point, not 8%; a year, 2022·12, keeps it), or '\0' when it stays.</summary>
    private static char DotAs(string n, int k)
    {
        if (n[k] is '·' or '・' or '•' && Tokens.Words.IsCjk(n[k - 1]) && Tokens.Words.IsCjk(n[k + 1]) && n[k + 1] != '时')
        {
            return '、';
        }

        return n[k] is '·' or '・' && char.IsAsciiDigit(n[k - 1]) && char.IsAsciiDigit(n[k + 1]) && DigitsBefore(n, k) <= 3 ? '.' : '\0';
    }

    private static int DigitsBefore(string n, int k)
    {
        var d = 0;
        while (k - d - 1 >= 0 && d < 4 && char.IsAsciiDigit(n[k - d - 1]))
        {
            d++;
        }

        return d;
    }

    /// <summary>Whether the text at <paramref name="at"/> is a figure's unit (亿元, 万吨, 个百分点), 年/月, or %.</summary>
    private static bool ReadsWithFigure(string n, int at, int end)
    {
        if (n[at] is '%' or '年' or '月' or '个' or '万' or '亿' or '倍')
        {
            return true;
        }

        if (!Tokens.Words.IsCjk(n[at]) && !char.IsAsciiLetter(n[at]))
        {
            return false;
        }

        for (var len = Math.Min(4, end - at); len >= 1; len--)
        {
            if (Unit.TryFind(n.Substring(at, len), out _))
            {
                return true;
            }
        }

        return false;
    }

    // Written straight into the new string: a StringBuilder held a second document-sized buffer (large object heap) until ToString.
    private static string Without(string n, List<int> drop)
        => string.Create(n.Length - drop.Count, (n, drop), static (chars, state) =>
        {
            var (text, dropped) = state;
            var (from, to) = (0, 0);
            foreach (var k in dropped)
            {
                text.AsSpan(from, k - from).CopyTo(chars[to..]);
                to += k - from;
                from = k + 1;
            }

            text.AsSpan(from).CopyTo(chars[to..]);
        });

    /// <summary>A normalisation map with some of its characters dropped (the figure spaces): index i of the shorter text is index i + (drops at or before it) of the longer.</summary>
    private sealed class SkippingMap(OffsetMap inner, List<int> dropped) : IReadOnlyList<int>
    {
        // The index in the shorter text at which each drop takes effect: the k-th drop at long index d shifts every short index ≥ d − k.
        private readonly int[] _at = [.. dropped.Select((d, k) => d - k)];

        public int Count => inner.Count - _at.Length;

        public int this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                int lo = 0, hi = _at.Length; // the number of drops with _at ≤ index
                while (lo < hi)
                {
                    var mid = (lo + hi) >> 1;
                    if (_at[mid] <= index)
                    {
                        lo = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                return inner[index + lo];
            }
        }

        public IEnumerator<int> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The offset in <see cref="Plain"/> of normalised position <paramref name="i"/> (the end maps to the text's end).</summary>
    public int ToPlain(int i) => i < _map.Count ? _map[i] : Plain.Length;

    internal static bool LooksLikeHtml(string raw)
    {
        var head = raw.AsSpan(0, Math.Min(raw.Length, 2048)).TrimStart();
        return head.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && head.Contains("</", StringComparison.Ordinal));
    }

    /// <summary>
    /// Removes tags, comments, scripts, styles and navigation blocks (nav, header, footer, aside, form); block tags become line
    /// breaks; entities are decoded. A hand-written scanner: linear, no regular expressions.
    /// </summary>
    internal static string StripHtml(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        var i = 0;
        string? skipUntil = null;
        var cells = new TableCells();
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                if (skipUntil is null)
                {
                    if (c == '&')
                    {
                        var semi = html.IndexOf(';', i, Math.Min(12, html.Length - i));
                        if (semi > i)
                        {
                            sb.Append(WebUtility.HtmlDecode(html[i..(semi + 1)]));
                            i = semi + 1;
                            continue;
                        }
                    }

                    sb.Append(c);
                }

                i++;
                continue;
            }

            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }

            var close = html.IndexOf('>', i + 1);
            if (close < 0)
            {
                break;
            }

            var tag = TagName(html, i + 1, close, out var isEnd);
            if (skipUntil is not null)
            {
                if (isEnd && string.Equals(tag, skipUntil, StringComparison.OrdinalIgnoreCase))
                {
                    skipUntil = null;
                }
            }
            else if (!isEnd && tag is "script" or "style" or "nav" or "header" or "footer" or "aside" or "form" or "noscript" or "select"
                && html[close - 1] != '/')
            {
                skipUntil = tag;
            }
            else if (tag is "td" or "th" or "tr" or "table")
            {
                cells.Tag(sb, tag, isEnd, html.AsSpan(i, close - i));
            }
            else if (tag is "p" or "div" or "br" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "section" or "article" or "ul" or "ol")
            {
                sb.Append(cells.InCell ? ' ' : '\n'); // inside a table cell a paragraph break would split the row
            }

            i = close + 1;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Table markup as text: one line per row, cells separated by a tab, each cell in the slot of its column — a cell that a
    /// rowspan from above covers, or the columns a colspan adds, are empty slots — so that <c>Tables.TableReader</c> can read
    /// headers and columns from the text alone. Nested tables are read as rows of the outer one.
    /// </summary>
    private sealed class TableCells
    {
        private readonly List<int> _rowspanLeft = [];
        private int _column;
        private int _tabs;
        private bool _rowOpen;
        private int _depth;

        public bool InCell { get; private set; }

        public void Tag(StringBuilder sb, string tag, bool isEnd, ReadOnlySpan<char> markup)
        {
            switch (tag)
            {
                case "table":
                    _depth = Math.Max(0, _depth + (isEnd ? -1 : 1));
                    _rowspanLeft.Clear();
                    InCell = false;
                    sb.Append('\n');
                    return;
                case "tr":
                    InCell = false;
                    if (_rowOpen)
                    {
                        for (var c = _column; c < _rowspanLeft.Count; c++)
                        {
                            _rowspanLeft[c] = Math.Max(0, _rowspanLeft[c] - 1); // covered columns after the row's last cell
                        }
                    }

                    _rowOpen = !isEnd;
                    _column = 0;
                    _tabs = 0;

                    sb.Append('\n');
                    return;
            }

            if (_depth == 0)
            {
                sb.Append('\n'); // a cell outside any table: a line of its own, as before
                return;
            }

            if (isEnd)
            {
                InCell = false;
                return;
            }

            while (_column < _rowspanLeft.Count && _rowspanLeft[_column] > 0)
            {
                _rowspanLeft[_column]--; // covered by a cell above
                _column++;
            }

            while (_tabs < _column)
            {
                sb.Append('\t'); // the slot of column _column: empty slots for covered columns and colspans
                _tabs++;
            }

            var rowspan = Attribute(markup, "rowspan");
            var colspan = Math.Clamp(Attribute(markup, "colspan"), 1, 64);
            for (var c = _column; c < _column + colspan; c++)
            {
                while (_rowspanLeft.Count <= c && _rowspanLeft.Count < 256)
                {
                    _rowspanLeft.Add(0);
                }

                if (c < _rowspanLeft.Count)
                {
                    _rowspanLeft[c] = Math.Clamp(rowspan - 1, 0, 1000);
                }
            }

            _column += colspan;
            InCell = true;
        }

        /// <summary>A small integer attribute (rowspan="2"), 1 when absent or unreadable.</summary>
        private static int Attribute(ReadOnlySpan<char> markup, string name)
        {
            var at = markup.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return 1;
            }

            var k = at + name.Length;
            while (k < markup.Length && markup[k] is '=' or '"' or '\'' or ' ')
            {
                k++;
            }

            var v = 0;
            var digits = 0;
            while (k < markup.Length && char.IsAsciiDigit(markup[k]) && digits < 4)
            {
                v = v * 10 + (markup[k] - '0');
                k++;
                digits++;
            }

            return digits == 0 ? 1 : Math.Max(1, v);
        }
    }

    private static string TagName(string html, int start, int end, out bool isEnd)
    {
        isEnd = start < end && html[start] == '/';
        var s = isEnd ? start + 1 : start;
        var e = s;
        while (e < end && char.IsAsciiLetterOrDigit(html[e]))
        {
            e++;
        }

        return html[s..e].ToLowerInvariant();
    }

    /// <summary>A line of a link list: short with no sentence in it, or bulleted.</summary>
    private const int LinkLineMax = 40;

    private static List<(int, int)> ContentLines(string n, List<Bilingual> notices)
    {
        var spans = new List<(int, int)>();
        var start = 0;
        while (start < n.Length)
        {
            var end = n.IndexOf('\n', start);
            if (end < 0)
            {
                end = n.Length;
            }

            var line = n.AsSpan(start, end - start).Trim().TrimStart("-•·*").Trim();
            var tail = false;
            foreach (var m in TailMarkers)
            {
                if (line.StartsWith(m, StringComparison.Ordinal) && line.Length <= m.Length + 4)
                {
                    tail = true;
                }
            }

            if (tail)
            {
                // 相关阅读: what follows is dropped when it is a list of links (short lines). If longer text follows the list,
                // only the marker and its links are dropped, the text is kept, and a notice says what was dropped.
                var (linksEnd, links, rest) = LinkList(n, end + 1);
                if (rest == 0)
                {
                    break;
                }

                notices.Add(new Bilingual(
                    $"“{line}”后的{links}行短链接已略去,其后的正文照常读取",
                    $"dropped {links} short link line(s) after '{line}'; the text after them was read as usual"));
                start = linksEnd;
                continue;
            }

            if (!IsFurniture(line))
            {
                spans.Add((start, end));
            }

            start = end + 1;
        }

        return spans;
    }

    /// <summary>From <paramref name="from"/>: where the run of link lines ends, how many there were, and whether text follows (1) or not (0).</summary>
    private static (int End, int Links, int TextFollows) LinkList(string n, int from)
    {
        var k = from;
        var links = 0;
        while (k < n.Length)
        {
            var e = n.IndexOf('\n', k);
            e = e < 0 ? n.Length : e;
            var line = n.AsSpan(k, e - k).Trim();
            var bullet = !line.IsEmpty && line[0] is '•' or '·' or '▪' or '●' or '○' or '*' or '-' or '>';
            if (!bullet && (line.Length > LinkLineMax || line.IndexOfAny("。;!?") >= 0))
            {
                break; // a bulleted line is a link or its teaser, whatever its length
            }

            links += line.IsEmpty ? 0 : 1;
            k = e + 1;
        }

        var end = Math.Min(k, n.Length);
        var rest = 0;
        for (var j = end; j < n.Length;)
        {
            var e = n.IndexOf('\n', j);
            e = e < 0 ? n.Length : e;
            if (!n.AsSpan(j, e - j).Trim().IsEmpty)
            {
                rest = 1; // one is enough to know: stopping here keeps many markers linear
                break;
            }

            j = e + 1;
        }

        return (end, links, rest);
    }

    private static bool IsFurniture(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return true;
        }

        if (FurnitureFirst.Contains(line[0]))
        {
            foreach (var f in FurnitureLines)
            {
                if (line.SequenceEqual(f))
                {
                    return true;
                }
            }

            foreach (var p in FurniturePrefixes)
            {
                if (line.StartsWith(p, StringComparison.Ordinal) && line.Length < 80)
                {
                    return true;
                }
            }
        }

        return line.Length < 120 && line.ContainsAny(Footers); // any of FooterWords
    }
}
