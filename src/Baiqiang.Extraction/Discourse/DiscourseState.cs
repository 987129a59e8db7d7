using Baiqiang.Core.Periods;
using Baiqiang.Core.Regions;
using Baiqiang.Extraction.Sections;
using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Discourse;

/// <summary>
/// What holds from one sentence to the next: the period in force, and the region, period and subject a heading opened.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A period holds for the rest of its paragraph, and into the next paragraph when both are short (&lt; 150 characters:
/// bulletin lines). A long paragraph starts from the period of the heading (or title) it stands under, else none.</item>
/// <item>A heading's (or the title's) period holds under it until another is stated; a heading's region holds under it until
/// the next heading of the same or a higher level; a —— heading's words are the subject of figures that name none.</item>
/// <item>A 当月 period holds for its own sentence only; the period before it comes back after it.</item>
/// <item>The period of the first paragraph that states figures (一季度,全县… at the top) is the document's: a heading, and a short
/// line after a long paragraph, that state none fall back to it (一、工业 … 从主要行业看: …, 按构成分: … under a page that said
/// 1-5月 once); a long paragraph still states its own or has none. A news lede that names a date but no figure
/// (2020年上半年最后一天,…召开大会) sets nothing.</item>
/// <item>The period the page's first body sentence states (its lede: 1-7月,全县…), when that paragraph states figures in it, also
/// holds for a long paragraph that states none (a 七大支柱产业 paragraph under that lede).</item>
/// <item>The document's year: a year written in the title block, a heading or the first body sentence (2021年,全县…), else — for a
/// 统计公报 whose title names no year — the year before the reference date (a communiqué is published after its year). When it is
/// earlier than the reference date's year, periods written without a year (全年, 年末, 上半年, 1-9月, 一季度) are read in it, not in
/// the publication year; 今年/去年 still count from the reference date.</item>
/// </list>
/// </remarks>
internal sealed class DiscourseState(DateOnly? reference = null)
{
    private const int LongParagraph = 150;
    private const int Levels = 4;

    private readonly StatPeriod?[] _sectionPeriod = new StatPeriod?[Levels];
    private readonly (Region? Region, string Text)?[] _sectionRegion = new (Region?, string)?[Levels];
    private readonly string?[] _sectionSubject = new string?[Levels];
    private int _previousLength = int.MaxValue;
    private int _headingLevel = -1;
    private int _headingEnd = -1;
    private StatPeriod? _beforeMonthOnly;
    private bool _monthOnly;
    private StatPeriod? _documentPeriod;
    private StatPeriod? _ledePeriod;
    private StatPeriod? _ledeCandidate;
    private int _bodyParagraphs;
    private bool _inBody;
    private bool _sawBody;
    private int? _statedYear;
    private int? _communiqueYear;
    private StatPeriod? _lastWrittenYear;
    private StatPeriod? _ledeYear;
    private bool _genreRead;
    private string _n = string.Empty;
    private int _paragraphStart;
    private bool _aheadRead;
    private StatPeriod? _ahead;

    /// <summary>The period in force, or null.</summary>
    public StatPeriod? Period { get; private set; }

    /// <summary>The region a heading opened (null when no heading names one): it replaces the main region under that heading.</summary>
    public (Region? Region, string Text)? SectionRegion
    {
        get
        {
            for (var l = Levels - 1; l >= 0; l--)
            {
                if (_sectionRegion[l] is { } r)
                {
                    return r;
                }
            }

            return null;
        }
    }

    /// <summary>The subject a —— heading named, or null.</summary>
    public string? Subject
    {
        get
        {
            for (var l = Levels - 1; l >= 0; l--)
            {
                if (_sectionSubject[l] is { } s)
                {
                    return s;
                }
            }

            return null;
        }
    }

    /// <summary>The year the document reports on, when it states one (or is a 统计公报 that names none), else null.</summary>
    public int? DocumentYear => _statedYear ?? _communiqueYear;

    /// <summary>
    /// The date a period written without a year is read against: 31 December of the document's year when that year is before the
    /// reference date's (a communiqué of 2021 published in 2022: its 全年 and 1-9月 are 2021's), else the reference date.
    /// </summary>
    public DateOnly? YearlessReference
        => DocumentYear is { } y && reference is { } r && y < r.Year && y >= StatPeriod.MinYear ? new DateOnly(y, 12, 31) : reference;

    /// <summary>Called at each kept line.</summary>
    public void EnterParagraph(string n, Paragraph p)
    {
        var length = p.End - p.Start;
        _n = n;
        if (!_aheadRead)
        {
            _aheadRead = true;
            _ahead = FirstStatedSpan(n, reference);
        }

        _paragraphStart = p.Start;
        _inBody = !p.IsHeading;
        _bodyParagraphs += _inBody ? 1 : 0;
        if (_inBody && !_genreRead && n.AsSpan(p.Start, length).ContainsAnyInRange('0', '9'))
        {
            _genreRead = true;
            if (_statedYear is null && _communiqueYear is null && reference is { Month: <= 5, Year: > StatPeriod.MinYear } published
                && ReportsTheYearJustEnded(n.AsSpan(p.Start, length)))
            {
                _communiqueYear = published.Year - 1; // 全年…比上年增长 on a page of March: last year's communiqué, named or not
                _sectionPeriod[0] ??= StatPeriod.ForYear(published.Year - 1);
            }
        }

        if (p.HeadingLevel == 0 && reference is { Year: > StatPeriod.MinYear } r && n.AsSpan(p.Start, length).Contains("统计公报", StringComparison.Ordinal))
        {
            _communiqueYear = r.Year - 1; // 某县国民经济和社会发展统计公报, published in spring: the year before
            _sectionPeriod[0] ??= StatPeriod.ForYear(r.Year - 1); // its figures are the year's unless a line says otherwise
        }

        if (p.IsHeading)
        {
            for (var l = Math.Max(p.HeadingLevel, 1); l < Levels; l++)
            {
                _sectionPeriod[l] = null;
                _sectionRegion[l] = null;
                _sectionSubject[l] = null;
            }

            _headingLevel = Math.Min(p.HeadingLevel, Levels - 1);
            _headingEnd = p.HeadingEnd;
            Period = SectionPeriod() ?? _documentPeriod ?? _ledeYear;
            if (p.HeadingLevel == 2 && n[SkipSpaces(n, p.Start, p.End)] == '-')
            {
                var from = SkipSpaces(n, p.Start, p.End) + 1;
                var words = n[from..p.HeadingEnd].Trim();
                if (words.Length is >= 2 and <= 16 && !words.Any(char.IsAsciiDigit))
                {
                    _sectionSubject[_headingLevel] = words;
                }
            }
        }
        else
        {
            _headingEnd = -1;
            if (length >= LongParagraph)
            {
                Period = SectionPeriod() ?? _ledePeriod ?? _ledeYear; // a long paragraph (an article's) states its own period, or the lede's, or none
            }
            else if (_previousLength >= LongParagraph)
            {
                Period = SectionPeriod() ?? _documentPeriod ?? _ledeYear; // a bulletin line (按构成分: …) after a long one: the page's period
            }
        }

        _previousLength = length;
    }

    // Words of a paragraph that reports on the current year or part of it, or on a goal: not a communiqué's review of the year.
    private static readonly string[] CurrentYearWords = ["今年", "本年", "当年", "月", "季度", "上半年", "下半年", "预计", "力争", "目标", "计划", "预期"];

    /// <summary>
    /// Whether the first paragraph with figures reads like a communiqué on a whole year (全年…比上年增长, 年末…比上年末): whole-year
    /// figures compared with the year before, and no month, quarter, 今年 or goal.
    /// </summary>
    private static bool ReportsTheYearJustEnded(ReadOnlySpan<char> paragraph)
    {
        if (!paragraph.Contains("全年", StringComparison.Ordinal) && !paragraph.StartsWith("年末", StringComparison.Ordinal))
        {
            return false;
        }

        if (!paragraph.Contains("比上年", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var w in CurrentYearWords)
        {
            if (paragraph.Contains(w, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipSpaces(string n, int s, int e)
    {
        while (s < e - 1 && n[s] is ' ' or '\t')
        {
            s++;
        }

        return s;
    }

    private StatPeriod? SectionPeriod()
    {
        for (var l = Levels - 1; l >= 0; l--)
        {
            if (_sectionPeriod[l] is { } p)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>A period expression at <paramref name="at"/> (already scanned).</summary>
    /// <remarks>
    /// A single month or quarter inside a sentence (其中3月份增长9.1%, 其中二季度完成…) that ends the cumulative period in force is
    /// that month's or quarter's figure only, like 当月: the sentences after it keep the cumulative period.
    /// </remarks>
    public void OnPeriod(PeriodToken token, int at, bool insideSentence = false, int sentenceStart = -1)
    {
        StatPeriod? next;
        var resolvedSince = false;
        switch (token.Use)
        {
            case PeriodUse.SamePeriodLastYear:
                if (Period is not { } current)
                {
                    return;
                }

                next = current.SamePeriodLastYear();
                break;
            case PeriodUse.WholeYear when (Period ?? SectionPeriod() ?? _documentPeriod) is { } inForce:
                next = StatPeriod.ForYear(inForce.Year); // 全年 in a report on 2015 (title, heading, first figures) is 2015, not the year it was published
                break;
            case PeriodUse.Period when token.SinceYearStart && token.Period is { } toDate && (Period ?? SectionPeriod() ?? SpanAhead(at, token.Length)) is { FirstMonth: 1 } own
                && own.Year == toDate.Year && own.LastMonth <= toDate.LastMonth:
                next = own; // 今年以来 under a title or paragraph about 1-4月, published in May: those months, not the publication month's;
                            // leading a page that states 上半年 further down (published in late July): 1-6月, the page's span
                            // (a feature paragraph on a page that states no span keeps the reference date's: 今年以来…目前 in late July)
                resolvedSince = Period is null && SectionPeriod() is null;
                break;
            case PeriodUse.WholeYear or PeriodUse.Period:
                next = token.Period;
                if (token.MonthOnly && next is null && Period is { } p)
                {
                    next = StatPeriod.ForMonth(p.Year, p.LastMonth); // 当月 alone: the last month of the period in force
                }

                if (next is null)
                {
                    return;
                }

                if (token.Use == PeriodUse.Period && token.YearWritten)
                {
                    _lastWrittenYear = next;
                }
                else if (token.Use == PeriodUse.Period && token.NoYear && _lastWrittenYear is { } written && next is { } bare && written.Year != bare.Year
                    && written.FirstMonth == bare.FirstMonth && written.LastMonth == bare.LastMonth)
                {
                    next = written; // 截至8月底 after sections on 截至2015年8月底: the same months of the year the text stated
                }

                break;
            default:
                return;
        }

        var monthOnly = token.MonthOnly
            || (token.Use == PeriodUse.Period && insideSentence && IsPassingYear(next, at, sentenceStart))
            || (insideSentence && next is { } m && (m.FirstMonth == m.LastMonth || m.QuarterNumber is > 1)
                && (Period ?? SectionPeriod() ?? _documentPeriod) is { } cumulative
                && cumulative.Year == m.Year && cumulative.FirstMonth < m.FirstMonth && cumulative.LastMonth == m.LastMonth)
            || (insideSentence && next is { } single && single.FirstMonth == single.LastMonth && Period is null && AfterQizhong(at));
        if (monthOnly)
        {
            if (!_monthOnly)
            {
                _beforeMonthOnly = Period;
                _monthOnly = true;
            }
        }
        else
        {
            _monthOnly = false;
        }

        Period = next;
        var inHeading = at < _headingEnd && _headingLevel >= 0;
        if (inHeading && !monthOnly)
        {
            _sectionPeriod[_headingLevel] = next;
        }

        if (token.Use == PeriodUse.Period && !monthOnly && _inBody && (!token.SinceYearStart || resolvedSince) && next is { } lead
            && lead.LastMonth > lead.FirstMonth && !(lead.FirstMonth == 1 && lead.LastMonth == 12) && (_headingLevel >= 1 || _bodyParagraphs == 1)
            && LeadsTheParagraph(at, token.Length))
        {
            // 1-10月,示范区… under 一、工业: the span holds for the section's later paragraphs; 今年上半年以来,全区… opening the body: for
            // the page's. A lead in a later paragraph of a page without headings (a feature's 2022年上半年,…) is that paragraph's own.
            _sectionPeriod[Math.Max(_headingLevel, 0)] = lead;
        }

        var firstBodySentence = _inBody && !_sawBody;
        if (token.Use == PeriodUse.Period && !monthOnly && !token.SinceYearStart && (inHeading || firstBodySentence) && next is { } stated)
        {
            if (token.YearWritten)
            {
                _statedYear = stated.Year; // 2021年,全县… / 二、2022年工作安排: the year the page (or what follows) reports on
            }

            if (firstBodySentence)
            {
                _ledeCandidate ??= stated;
                if (token.YearWritten && stated is { FirstMonth: 1, LastMonth: 12 } && _ledeYear is null && OpensTheSentence(at, token.Length))
                {
                    _ledeYear = stated; // 2022年,全县上下…: the year holds for the sections below that state none
                }
            }
        }
    }

    /// <summary>
    /// Whether 其中 stands just before <paramref name="at"/> (其中,6月份…, 其中6月): a month singled out of a longer period the page
    /// reports on, for its own sentence only, even where no period was in force to compare it with.
    /// </summary>
    private bool AfterQizhong(int at)
    {
        for (var k = at - 1; k >= 1 && at - k <= 3; k--)
        {
            if (_n[k - 1] == '其' && _n[k] == '中')
            {
                return true;
            }

            if (_n[k] is not (',' or '，' or ' '))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a whole year named inside a sentence (实现了今年“开门红”, 完成2021年目标的52%) falls in a part of that year in force
    /// (今年1-3月,…): then it is a passing mention that holds for its own sentence only, not the figures' period from there on. A year
    /// that opens its sentence (今年,全县…; 2021年全县力争…) still sets the period.
    /// </summary>
    private bool IsPassingYear(StatPeriod? year, int at, int sentenceStart)
    {
        if (year is not { FirstMonth: 1, LastMonth: 12 } whole || sentenceStart < 0
            || (Period ?? SectionPeriod() ?? _documentPeriod) is not { } inForce || inForce.Year != whole.Year || inForce.LastMonth == 12)
        {
            return false;
        }

        for (var k = sentenceStart; k < at; k++)
        {
            if (_n[k] is ',' or '，' or ':' or '：' || char.IsAsciiDigit(_n[k]))
            {
                return true; // after the sentence's first clause or a figure
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a period token at <paramref name="at"/> is the lead clause of its paragraph (1-10月,示范区…; 本报讯 今年上半年以来,…;
    /// 1至8月期间,…): in the paragraph's first words, before any comma or figure, and followed by a comma.
    /// </summary>
    private bool LeadsTheParagraph(int at, int length)
    {
        if (at < _paragraphStart || at - _paragraphStart > 12)
        {
            return false;
        }

        for (var k = _paragraphStart; k < at; k++)
        {
            if (_n[k] is ',' or '，' or '。' or ';' or '；' or ':' or '：' || char.IsAsciiDigit(_n[k]))
            {
                return false;
            }
        }

        var end = at + length;
        if (end + 2 < _n.Length && _n[end] == '期' && _n[end + 1] == '间')
        {
            end += 2;
        }

        return end < _n.Length && _n[end] is ',' or '，';
    }

    /// <summary>
    /// The page's first stated span (<see cref="FirstStatedSpan"/>) for a 今年以来/年初以来 that leads its paragraph, when no period is in
    /// force; null for 截至目前 (up to the day of writing, which the reference date gives) and for one inside a sentence.
    /// </summary>
    private StatPeriod? SpanAhead(int at, int length)
        => _ahead is { } ahead && !_n.AsSpan(at).StartsWith("截至目前", StringComparison.Ordinal) && LeadsTheParagraph(at, length) ? ahead : null;

    /// <summary>
    /// The first span from January the page states (1-6月, 上半年, 前三季度) in its first 4,000 characters, in the reference date's
    /// year and not after its month: what 今年以来 at the top of a page means when the page names its months only further down.
    /// </summary>
    private static StatPeriod? FirstStatedSpan(string n, DateOnly? reference)
    {
        if (reference is not { } r)
        {
            return null;
        }

        var end = Math.Min(n.Length, 4000);
        for (var i = 0; i < end; i++)
        {
            if (!PeriodScanner.TryScan(n, i, end, reference, out var t))
            {
                continue;
            }

            if (t.Use == PeriodUse.Period && !t.SinceYearStart && !t.MonthOnly && t.Period is { FirstMonth: 1 } span && span.LastMonth is > 1 and < 12
                && span.Year == r.Year && span.LastMonth <= r.Month)
            {
                return span;
            }

            i += Math.Max(t.Length, 1) - 1;
        }

        return null;
    }

    /// <summary>Whether a period token at <paramref name="at"/> opens its paragraph and is followed by a comma (2022年,全县…).</summary>
    private bool OpensTheSentence(int at, int length)
    {
        var end = at + length;
        return at >= _paragraphStart && at - _paragraphStart <= 1 && end < _n.Length && _n[end] is ',' or '，';
    }

    /// <summary>Whether the document's period is known (the first paragraph with figures has been read).</summary>
    public bool HasDocumentPeriod => _documentPeriod is not null;

    /// <summary>The period of the first paragraph that stated figures: it holds wherever no heading or sentence states another.</summary>
    /// <remarks>
    /// When that paragraph is the first of the body and its first sentence stated this period, the period is the lede's
    /// (1-7月,全县…): long paragraphs that state none take it too. A lede that names a date but no figure (2020年上半年最后一天,
    /// …召开大会, figures paragraphs later) gives none.
    /// </remarks>
    public void SetDocumentPeriod(StatPeriod period)
    {
        if (_documentPeriod is null && _bodyParagraphs == 1 && _ledeCandidate == period)
        {
            _ledePeriod = period;
        }

        _documentPeriod ??= period;
    }

    /// <summary>A region named at <paramref name="at"/>: inside a heading's words it becomes the section's region.</summary>
    public void OnRegion(Region? region, string text, int at)
    {
        if (at < _headingEnd && _headingLevel >= 1)
        {
            _sectionRegion[_headingLevel] = (region, text);
        }
    }

    /// <summary>
    /// 累计 inside a sentence while a single month is in force (2024年5月份,税收收入…;非税收入累计完成…, or under a heading 2024年5月份):
    /// the figures after it are the year to date (2024-01..05), for the rest of the sentence; the month comes back after it.
    /// </summary>
    public void OnCumulative()
    {
        if (_monthOnly || Period is not { } month || month.FirstMonth != month.LastMonth || month.FirstMonth == 1)
        {
            return;
        }

        _beforeMonthOnly = Period;
        _monthOnly = true;
        Period = StatPeriod.CumulativeTo(month.Year, month.LastMonth);
    }

    /// <summary>Called at each sentence's end: a 当月 period gives way to the one before it.</summary>
    public void EndSentence()
    {
        _sawBody |= _inBody;
        if (_monthOnly)
        {
            Period = _beforeMonthOnly;
            _monthOnly = false;
        }
    }
}
