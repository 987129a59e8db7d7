using Baiqiang.Core.Indicators;
using Baiqiang.Core.Metrics;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Extraction;

/// <summary>
/// Reads indicator facts from Chinese economic reports and bulletins: values with growth, growth alone, shares, plan
/// completion, counts, pulls in points, multiples, ranks and targets, each with its region, period and source clause.
/// </summary>
/// <remarks>
/// <para>One left-to-right pass per sentence with hand-written scanners (no regular expressions), so time is linear in
/// the input and no input can make it backtrack. Never throws for non-null input.</para>
/// <para>Regions: a name in the sentence before the figure (通州区, 江阳) resolved through the registry; an ambiguous
/// name (通州区: Beijing 110112 or Nantong 320612) takes the candidate whose parent or province the document also names
/// (南通, 江苏), else a preferred region (the store's own), else stays unresolved. 全区/全县/我区/园区 mean the
/// document's main region (its most-mentioned county-level unit or park); 全市/我市 mean the main region when it is a
/// city, else its prefecture.</para>
/// <para>Periods: the latest period expression of the paragraph before the figure, resolved against the document
/// date; without one, against the latest full date the text states (2022年06月14日), else the latest year it
/// states outside 到…年 target horizons.</para>
/// </remarks>
public sealed class FactExtractor
{
    private static readonly (string Name, Indicator Indicator)[] CatalogueNames = [.. IndicatorCatalogue.Default
        .SelectMany(i => new[] { i.NameZh }.Concat(i.Aliases).Select(n => (n, i)))
        .OrderByDescending(p => p.n.Length)];

    private static readonly string[] UpWords = ["增长", "增加", "提高", "上升", "提升", "回升", "上涨", "增幅", "增速", "增"];
    private static readonly string[] DownWords = ["下降", "减少", "回落", "下滑", "降低", "下跌", "降幅", "降"];
    private static readonly (string Word, Qualifier Q)[] PrefixQualifiers =
    [
        ("超过", Qualifier.Over), ("超出", Qualifier.Over), ("接近", Qualifier.Nearly), ("将近", Qualifier.Nearly), ("大约", Qualifier.About),
        ("不足", Qualifier.AtMost), ("不到", Qualifier.AtMost), ("近", Qualifier.Nearly), ("超", Qualifier.Over), ("逾", Qualifier.Over),
        ("约", Qualifier.About),
    ];

    private static readonly string[] TargetMarkers = ["力争", "确保", "争取", "目标", "预计", "计划新", "要实现", "将实现", "将达到", "力爭"];

    // Words that end a name on their left: the indicator is what follows the last of them.
    private static readonly string[] Verbs =
    [
        "实现", "完成", "引进", "推进", "实施", "走访", "收集", "解决", "签约", "促成", "审批", "减免", "兑现", "授牌", "引导", "招引", "带领",
        "新增", "培育", "集聚", "确定", "列入", "梳理出", "开工", "竣工", "落地", "投产", "建成", "达到", "达", "为", "共", "有", "是", "突破",
        "累计", "合计", "总计", "共计", "其中", "已", "了", "的", "由", "到位", "和", "及", "与", "等", "对接落实", "落实", "生产",
        "加快", "形成", "建设", "开展", "出台", "推出", "设立", "引资", "到账", "多出", "释放", "提供", "深入", "辖区", "一道", "打造", "邀请", "布局",
    ];

    private static readonly string[] StripTail =
    [
        "同比", "(下同)", "比上年同期", "比去年同期", "较上年同期", "比上年", "比去年", "较上年", "较去年", "同期", "分别", "达到", "达", "为",
        "共", "约", "了", "已", "累计", "合计", "共计", "总计", "是", "实现", "完成", "超过", "突破", "年均", "平均", "的", "可比",
    ];

    private static readonly string[] ScopeWords = ["全区", "全县", "全市", "全州", "全旗", "我区", "我县", "我市", "我州", "本区", "本县", "本市", "园区", "全园"];

    private readonly RegionMatcher? _regions;

    /// <summary>Creates an extractor; without a matcher, regions are reported as written and never resolved.</summary>
    public FactExtractor(RegionMatcher? regions = null) => _regions = regions;

    /// <summary>Extracts the facts of one document.</summary>
    /// <param name="doc">The document's name, copied into every fact.</param>
    /// <param name="raw">Its text or HTML.</param>
    /// <param name="documentDate">The publication date (<c>--date</c>); inferred from the text when null.</param>
    public ExtractionResult Extract(string doc, string raw, DateOnly? documentDate = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(raw);
        var text = DocumentText.Create(raw);
        var run = new Run(this, doc, text);
        var inferred = documentDate is null;
        run.Reference = documentDate ?? InferReferenceDate(text);
        run.UndatedYear = documentDate is null && run.Reference is { Month: 12, Day: 31 } r ? r.Year : null;
        run.FindRegions();
        foreach (var (start, end) in text.ContentSpans)
        {
            run.Paragraph(start, end);
        }

        var checks = run.FinishChecks();
        return new ExtractionResult(doc, text, run.Facts, checks, run.MainText, run.Main?.Code, run.Reference, inferred && run.Reference is not null);
    }

    /// <summary>
    /// The date relative periods are read against when none is given: the latest full date the text states (年月日); else
    /// 31 December of the latest year it states outside 到/至…年 horizons; null when it states no year.
    /// </summary>
    internal static DateOnly? InferReferenceDate(DocumentText text)
    {
        var n = text.Normalized;
        DateOnly? best = null;
        int? bestYear = null;
        foreach (var (start, end) in text.ContentSpans)
        {
            for (var i = start; i + 5 <= end; i++)
            {
                if (!IsYearAt(n, i, end) || (i > start && char.IsAsciiDigit(n[i - 1])))
                {
                    continue;
                }

                var year = (n[i] - '0') * 1000 + (n[i + 1] - '0') * 100 + (n[i + 2] - '0') * 10 + (n[i + 3] - '0');
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
                if (!horizon && !InTargetSentence(n, i, start, end))
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
                    var j = i;
                    if ((i > start && (char.IsAsciiDigit(n[i - 1]) || n[i - 1] == '年')) || ReadInt(n, ref j, end, 2) is not { } month || j >= end || n[j] != '月' || month is < 1 or > 12)
                    {
                        continue;
                    }

                    j++;
                    if (ReadInt(n, ref j, end, 2) is { } day && j < end && n[j] is '日' or '号' && day <= DateTime.DaysInMonth(b.Year, month))
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

    /// <summary>True when the sentence around <paramref name="i"/> states a goal (力争, 确保, 目标, 翻番 …): its years are horizons, not the date of writing.</summary>
    private static bool InTargetSentence(string n, int i, int lineStart, int lineEnd)
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
        foreach (var w in (string[])["力争", "确保", "争取", "目标", "翻番", "翻一番", "基础上", "预计"])
        {
            if (sentence.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYearAt(string n, int i, int end)
        => i + 4 < end && char.IsAsciiDigit(n[i]) && char.IsAsciiDigit(n[i + 1]) && char.IsAsciiDigit(n[i + 2]) && char.IsAsciiDigit(n[i + 3])
            && n[i + 4] == '年' && n[i] is '1' or '2' && !(i + 4 + 1 < end && n[i + 5] == '级');

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

    internal static (Indicator Indicator, int Start, int Length)? FindCatalogued(string name, Dimension? dimension)
    {
        foreach (var (alias, indicator) in CatalogueNames)
        {
            if (alias.Length > name.Length)
            {
                continue;
            }

            var at = name.IndexOf(alias, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            if (dimension is { } d && !Compatible(indicator.Unit.Dimension, d))
            {
                continue;
            }

            return (indicator, at, alias.Length);
        }

        return null;
    }

    private static bool Compatible(Dimension indicator, Dimension written)
        => indicator == written || (indicator == Dimension.Percent && written == Dimension.PercentagePoint);

    /// <summary>The state of one document's pass.</summary>
    private sealed class Run(FactExtractor owner, string doc, DocumentText text)
    {
        private readonly string _n = text.Normalized;
        private readonly List<RegionMention> _mentions = [];
        private readonly Dictionary<string, Region?> _resolved = new(StringComparer.Ordinal);
        private readonly List<CrossCheck> _checks = [];
        private int _mentionIndex;

        // Paragraph state.
        private StatPeriod? _period;
        private bool _periodIsSamePeriodLastYear;

        public List<ExtractedFact> Facts { get; } = [];

        public DateOnly? Reference { get; set; }

        /// <summary>Set when the text has no date of writing and only names years: the latest of them.</summary>
        public int? UndatedYear { get; set; }

        public Region? Main { get; private set; }

        public string? MainText { get; private set; }

        public void FindRegions()
        {
            if (owner._regions is not { } matcher)
            {
                return;
            }

            foreach (var (start, end) in text.ContentSpans)
            {
                matcher.FindAll(_n, start, end, _mentions);
            }

            // Counts per candidate code, for context and for the main region.
            var counts = new Dictionary<RegionCode, int>();
            foreach (var m in _mentions)
            {
                foreach (var r in m.Candidates)
                {
                    counts[r.Code] = counts.GetValueOrDefault(r.Code) + 1;
                }
            }

            foreach (var m in _mentions)
            {
                if (!_resolved.ContainsKey(m.Text))
                {
                    _resolved[m.Text] = Resolve(m.Candidates, counts, matcher);
                }
            }

            // A county or park counts towards the main region only when the text backs it: its full name, or a parent's name.
            var fullNames = new HashSet<RegionCode>(_mentions.Where(m => _resolved[m.Text] is { } r0 && string.Equals(r0.Name, m.Text, StringComparison.Ordinal)).Select(m => _resolved[m.Text]!.Code));
            bool Backed(Region r)
            {
                if (fullNames.Contains(r.Code))
                {
                    return true;
                }

                var p = r.ParentCode;
                while (p is { } pc)
                {
                    if (counts.GetValueOrDefault(pc) > 0)
                    {
                        return true;
                    }

                    p = matcher.Registry.TryGet(pc, out var pr) ? pr.ParentCode : null;
                }

                return false;
            }

            var prefectures = new Dictionary<RegionCode, int>();
            var tally = new Dictionary<RegionCode, (int Count, int First, string Text)>();
            foreach (var m in _mentions)
            {
                if (_resolved[m.Text] is { Kind: RegionKind.PrefectureCity } pref)
                {
                    prefectures[pref.Code] = prefectures.GetValueOrDefault(pref.Code) + 1;
                }

                if (_resolved[m.Text] is { } r && (RegionKindRules.IsCountyLevelUnit(r.Kind) || r.IsPark) && Backed(r))
                {
                    var prev = tally.TryGetValue(r.Code, out var p0) ? p0 : (Count: 0, First: m.Start, Text: m.Text);
                    var text1 = prev.Text.Length >= m.Text.Length ? prev.Text : m.Text;
                    var weight = string.Equals(m.Text, r.Name, StringComparison.Ordinal) ? 2 : 1; // a full name says more than a stem
                    tally[r.Code] = (prev.Count + weight, prev.First, text1);
                }
            }

            var bestPrefecture = prefectures.OrderByDescending(p => p.Value).Select(p => (KeyValuePair<RegionCode, int>?)p).FirstOrDefault();
            if (tally.Count > 0)
            {
                var best = tally.OrderByDescending(t => t.Value.Count).ThenBy(t => t.Value.First).First();
                Main = matcher.Registry.TryGet(best.Key, out var reg) ? reg : null;
                MainText = Main?.Name ?? best.Value.Text;
                if (bestPrefecture is { } bp && bp.Value > 2 * best.Value.Count)
                {
                    Main = null; // a city-wide report that names its counties in passing
                }
            }

            if (Main is null && bestPrefecture is { } only && matcher.Registry.TryGet(only.Key, out var city))
            {
                Main = city;
                MainText = city.Name;
            }
        }

        private static Region? Resolve(IReadOnlyList<Region> candidates, Dictionary<RegionCode, int> counts, RegionMatcher matcher)
        {
            if (candidates.Count == 1)
            {
                return candidates[0];
            }

            // Score: mentions of the candidate's parent and province elsewhere in the document.
            var scored = candidates.Select(c =>
            {
                var score = 0;
                var p = c.ParentCode;
                while (p is { } pc)
                {
                    score += counts.GetValueOrDefault(pc);
                    p = matcher.Registry.TryGet(pc, out var pr) ? pr.ParentCode : null;
                }

                return (Region: c, Score: score);
            }).OrderByDescending(s => s.Score).ToList();
            if (scored[0].Score > 0 && scored[0].Score > scored[1].Score)
            {
                return scored[0].Region;
            }

            var preferred = candidates.Where(c => matcher.Preferred.Contains(c.Code)).ToList();
            return preferred.Count == 1 ? preferred[0] : null;
        }

        private int _previousParagraphLength = int.MaxValue;

        public void Paragraph(int start, int end)
        {
            // Bulletins state 上半年 once and then list one indicator per short line: the period carries over short lines.
            // News paragraphs are long and change subject: each starts without a period.
            var length = end - start;
            if (length >= 150 || _previousParagraphLength >= 150)
            {
                _period = null;
                _periodIsSamePeriodLastYear = false;
            }

            _previousParagraphLength = length;

            var s = start;
            for (var i = start; i <= end; i++)
            {
                if (i == end || _n[i] is '。' or '!' or '?' or ';' or '…')
                {
                    if (i > s)
                    {
                        Sentence(s, i);
                    }

                    s = i + 1;
                }
            }
        }

        private sealed class SentenceState
        {
            public int NameStart;
            public List<(int Start, int End)> Excluded { get; } = [];
            public RegionMention? Mention;
            public Region? Region;
            public string? RegionText;
            public bool Target;
            public int FirstFact;
            public ExtractedFact? Last;
            public bool AfterEnumeration;
            public Queue<string> Respectively { get; } = new(); // the names still owed a figure after 分别 (A、B分别增长x%、y%)
            public int RespectiveSign = 1;
        }

        private void Sentence(int s, int e)
        {
            var st = new SentenceState { NameStart = s, FirstFact = Facts.Count };
            while (_mentionIndex < _mentions.Count && _mentions[_mentionIndex].Start < s)
            {
                _mentionIndex++;
            }

            var i = s;
            while (i < e)
            {
                var c = _n[i];
                if (c is ',' or ':' or '、' or '(' or ')' or '"' or '“' or '”' or '《' or '》' or ' ')
                {
                    st.AfterEnumeration = c == '、';
                    st.NameStart = i + 1;
                    st.Excluded.Clear();
                    i++;
                    continue;
                }

                if (MatchAny(i, e, TargetMarkers) > 0 || (c == '到' && IsYearAt(_n, i + 1, e) && (Reference is null || YearAt(i + 1) > Reference.Value.Year))
                    || (c == '将' && !Starts(i, e, "将近") && !(i > s && _n[i - 1] == '即') && i + 1 < e && ChineseTextIsCjk(_n[i + 1])))
                {
                    st.Target = true;
                }

                if (_mentionIndex < _mentions.Count && _mentions[_mentionIndex].Start == i)
                {
                    var m = _mentions[_mentionIndex++];
                    if (_resolved.GetValueOrDefault(m.Text) is { } stemOf && !string.Equals(stemOf.Name, m.Text, StringComparison.Ordinal) && (Main is null || !Related(stemOf)))
                    {
                        i++;
                        continue; // 江海储能, 包容合作: a stem of some unrelated region is a word, not a place; with no region backed
                                  // by the text at all, a bare stem (新兴产业, 建安工程投资) is a word too
                    }

                    if (_resolved.GetValueOrDefault(m.Text) is { } r && (RegionKindRules.IsCountyLevelUnit(r.Kind) || r.IsPark || r.Kind == RegionKind.PrefectureCity))
                    {
                        st.Mention = m;
                        st.Region = r;
                        st.RegionText = m.Text;
                    }
                    else if (_resolved.GetValueOrDefault(m.Text) is null && m.Candidates.Count > 1 && m.Candidates.Any(Related)
                        && (Main is not null || m.Candidates.Any(c => string.Equals(c.Name, m.Text, StringComparison.Ordinal))))
                    {
                        st.Mention = m;
                        st.Region = null;
                        st.RegionText = m.Text;
                    }

                    i += m.Length;
                    st.NameStart = i;
                    st.Excluded.Clear();
                    continue;
                }

                if (MatchAny(i, e, ScopeWords) is > 0 and var scopeLen)
                {
                    st.RegionText = _n.Substring(i, scopeLen);
                    st.Region = Scope(st.RegionText);
                    st.Mention = null;
                    i += scopeLen;
                    st.NameStart = i;
                    st.Excluded.Clear();
                    continue;
                }

                if (TryPeriod(i, e, out var plen))
                {
                    st.Excluded.Add((i, i + plen));
                    i += plen;
                    continue;
                }

                if (Starts(i, e, "翻一番") || Starts(i, e, "翻两番") || Starts(i, e, "翻番"))
                {
                    var len = Starts(i, e, "翻番") ? 2 : 3;
                    var times = _n[i + 1] == '两' ? 4m : 2m;
                    var q = Starts(i + len, e, "以上") ? Qualifier.AtLeast : Qualifier.Exact;
                    var (name, raw, code, ns, nl) = Name(st, s, i, null, inheritFrom: null);
                    if (name.Length > 0)
                    {
                        Emit(st, FactKind.Target, new Amount(times, Unit.Times, q), null, null, null, (name, raw, code), s, e, i, len + (q == Qualifier.AtLeast ? 2 : 0), ns, nl);
                    }

                    i += len;
                    st.NameStart = i;
                    continue;
                }

                if (Starts(i, e, "位居") || Starts(i, e, "排名") || Starts(i, e, "居全"))
                {
                    i = Rank(st, s, i, e);
                    continue;
                }

                if (IsNumberStart(i, s))
                {
                    i = Number(st, s, i, e);
                    continue;
                }

                i++;
            }

            CheckParts(s, e, st);
        }

        /// <summary>True for the main region, its ancestors, and regions under the same prefecture (siblings and their parks).</summary>
        private bool Related(Region r)
        {
            if (Main is null)
            {
                return true;
            }

            if (r.Code == Main.Code || r.Code.Contains(Main.Code) || Main.Code.Contains(r.Code))
            {
                return true;
            }

            return Main.Code.Prefecture is { } mp && (mp == r.Code || mp.Contains(r.Code));
        }

        private int YearAt(int i) => (_n[i] - '0') * 1000 + (_n[i + 1] - '0') * 100 + (_n[i + 2] - '0') * 10 + (_n[i + 3] - '0');

        private Region? Scope(string word)
        {
            if (Main is null)
            {
                return null;
            }

            var kind = word[^1];
            if (word is "园区" or "全园")
            {
                return Main;
            }

            if (kind == '市' && Main.Kind is not (RegionKind.PrefectureCity or RegionKind.CountyLevelCity))
            {
                var p = Main.ParentCode;
                while (p is { } pc && owner._regions!.Registry.TryGet(pc, out var pr))
                {
                    if (pr.Kind == RegionKind.PrefectureCity)
                    {
                        return pr;
                    }

                    p = pr.ParentCode;
                }

                return null;
            }

            return Main;
        }

        private int MatchAny(int i, int e, string[] words)
        {
            foreach (var w in words)
            {
                if (Starts(i, e, w))
                {
                    return w.Length;
                }
            }

            return 0;
        }

        private bool Starts(int i, int e, string w) => i + w.Length <= e && _n.AsSpan(i, w.Length).SequenceEqual(w);

        private bool IsNumberStart(int i, int s)
        {
            var c = _n[i];
            if (char.IsAsciiDigit(c))
            {
                return i == s || !(char.IsAsciiLetterOrDigit(_n[i - 1]) || _n[i - 1] is '.' or '_' or '/' or '+' or '-' && i - 1 > s && char.IsAsciiDigit(_n[i - 2]));
            }

            return IsChineseDigit(c) && (i == s || !IsChineseNumeral(_n[i - 1]));
        }

        private static bool IsChineseDigit(char c) => c is '一' or '二' or '两' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';

        private static bool IsChineseNumeral(char c) => IsChineseDigit(c) || c is '〇' or '零' or '百' or '千' or '万' or '亿';

        /// <summary>Scans a number at <paramref name="i"/>: digits, then 余/多, multiplier, unit, 以上/左右; emits a fact when it is one.</summary>
        private int Number(SentenceState st, int s, int i, int e)
        {
            var j = i;
            var chinese = !char.IsAsciiDigit(_n[i]);
            if (chinese)
            {
                var hasPlace = false;
                while (j < e && IsChineseNumeral(_n[j]))
                {
                    hasPlace |= _n[j] is '十' or '百' or '千';
                    j++;
                }

                if (!hasPlace || j - i < 2 || (j < e && _n[j] is '大' or '五' or '年' or '级'))
                {
                    return i + 1; // 一批, 六大产业, 十大行动, 三百亿级: not figures
                }
            }
            else
            {
                while (j < e && (char.IsAsciiDigit(_n[j]) || (_n[j] is '.' or ',' && j + 1 < e && char.IsAsciiDigit(_n[j + 1]))))
                {
                    j++;
                }
            }

            if (j < e && _n[j] is '年' or '月' or '日' or '号' or '时' or '岁' or '天' or '周' or '届' or '期' or '代' or '点' or '分' or '秒' or ':' or '/' or '级' or '+' or '-' && !(j + 1 < e && char.IsAsciiDigit(_n[j + 1]) && _n[j] is '-'))
            {
                var k = j;
                while (k < e && (char.IsAsciiDigit(_n[k]) || _n[k] is '.' or ',' or ':' or '/' or '+' or '-'))
                {
                    k++;
                }

                return Math.Max(k, j + 1); // dates, times, 5+N, 1+3: not figures
            }

            // A range: 5至8亿元, 3-5个.
            var numEnd = j;
            decimal? high = null;
            if (j + 1 < e && _n[j] is '至' or '到' or '-' or '~' && char.IsAsciiDigit(_n[j + 1]) && !chinese)
            {
                var k = j + 1;
                while (k < e && (char.IsAsciiDigit(_n[k]) || (_n[k] is '.' && k + 1 < e && char.IsAsciiDigit(_n[k + 1]))))
                {
                    k++;
                }

                if (k < e && _n[k] is '年' or '月' or '日')
                {
                    return k;
                }

                if (decimal.TryParse(_n.AsSpan(j + 1, k - j - 1), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var h))
                {
                    high = h;
                    j = k;
                }
            }

            // 余/多, multiplier, 余/多, then the unit.
            var u = j;
            if (u < e && _n[u] is '余' or '多')
            {
                u++;
            }

            var unitStart = u;
            foreach (var m in (string[])["万亿", "亿", "万"])
            {
                if (Starts(u, e, m))
                {
                    u += m.Length;
                    break;
                }
            }

            if (u < e && _n[u] is '余' or '多')
            {
                u++;
            }

            var unitLen = 0;
            Unit unit = Unit.None;
            for (var len = Math.Min(5, e - u); len >= 1; len--)
            {
                if (Unit.TryFind(_n.Substring(u, len), out var found) && !found.Equals(Unit.None))
                {
                    unit = found;
                    unitLen = len;
                    break;
                }
            }

            if (unitLen == 0 && Starts(u, e, "元/"))
            {
                unitLen = 1;
                unit = Unit.Yuan;
            }

            var end = u + unitLen;
            if (unitLen == 0)
            {
                // 5.6和4.4个百分点: the first figure borrows the unit of the next.
                if (j < e && _n[j] is '和' or '、' && j + 1 < e && char.IsAsciiDigit(_n[j + 1]) && u == j)
                {
                    var k = j + 1;
                    while (k < e && (char.IsAsciiDigit(_n[k]) || _n[k] == '.'))
                    {
                        k++;
                    }

                    foreach (var borrowed in (string[])["个百分点", "%"])
                    {
                        if (Starts(k, e, borrowed))
                        {
                            unit = Unit.Find(borrowed);
                            end = j;
                            break;
                        }
                    }
                }

                if (unit.Equals(Unit.None))
                {
                    return Math.Max(j, i + 1);
                }
            }

            var suffix = 0;
            foreach (var w in (string[])["以上", "左右", "以下", "以内"])
            {
                if (Starts(end, e, w))
                {
                    suffix = w.Length;
                    break;
                }
            }

            // Qualifier and sign words before the number.
            var q0 = i;
            var negative = false;
            if (q0 > s && _n[q0 - 1] == '-' && !(q0 - 1 > s && char.IsAsciiDigit(_n[q0 - 2])))
            {
                negative = true;
                q0--;
            }

            var qualifierWord = string.Empty;
            foreach (var (w, _) in PrefixQualifiers)
            {
                if (q0 - w.Length >= st.NameStart && _n.AsSpan(q0 - w.Length, w.Length).SequenceEqual(w))
                {
                    qualifierWord = w;
                    q0 -= w.Length;
                    break;
                }
            }

            var body = _n[i..end];
            if (high is not null)
            {
                body = _n[i..numEnd] + _n[j..end]; // the low end with the unit written after the high end
            }

            var parsed = end == j && unitLen == 0
                ? (ChineseNumber.TryParse(_n[i..j]) is { Success: true } bv ? ParseResult<Amount>.Ok(new Amount((negative ? -1 : 1) * bv.Value, unit)) : ParseResult<Amount>.Fail("-", "-"))
                : AmountText.TryParse(qualifierWord + (negative ? "-" : string.Empty) + body + (suffix > 0 ? _n.Substring(end, suffix) : string.Empty));
            if (!parsed.Success)
            {
                return end > i ? end : i + 1;
            }

            var amount = parsed.Value;
            if (high is { } hv && unitStart > numEnd && _n.Substring(numEnd, unitStart - numEnd).Length > 0)
            {
                high = hv;
            }

            var next = end + suffix;
            Classify(st, s, e, q0, i, next, amount, high);
            st.NameStart = next;
            st.Excluded.Clear();
            return next;
        }

        private void Classify(SentenceState st, int s, int e, int q0, int figureStart, int figureEnd, Amount amount, decimal? high)
        {
            var pre = Pre(st, q0);
            var unit = amount.Unit;
            var dim = unit.Dimension;
            var (dirLen, sign) = DirectionAtEnd(pre);
            if (dim == Dimension.Length || dim == Dimension.Dimensionless)
            {
                return;
            }

            if (dim == Dimension.Percent)
            {
                if (dirLen == 0 && st.Respectively.Count > 0 && Clean(pre).Length == 0)
                {
                    // …分别增长37.0%、16.4%: the next name of the list takes the next figure.
                    var owed = st.Respectively.Dequeue();
                    var g = st.RespectiveSign * amount.Value;
                    Emit(st, FactKind.Growth, null, null, g, null, (owed, owed, null), s, e, figureStart, figureEnd - figureStart, figureStart, 0);
                    return;
                }

                if (dirLen > 0 && pre.Contains("分别", StringComparison.Ordinal) && RespectiveNames(s, q0 - pre.Length + pre.LastIndexOf("分别", StringComparison.Ordinal)) is { Count: >= 2 } names)
                {
                    var g = sign * amount.Value;
                    st.Respectively.Clear();
                    foreach (var later in names.Skip(1))
                    {
                        st.Respectively.Enqueue(later);
                    }

                    st.RespectiveSign = sign;
                    Emit(st, FactKind.Growth, null, null, g, null, (names[0], names[0], null), s, e, figureStart, figureEnd - figureStart, figureStart, 0);
                    return;
                }

                if (dirLen > 0 && !pre.EndsWith("拉动", StringComparison.Ordinal))
                {
                    var growth = sign * amount.Value;
                    var ownName = Clean(pre[..^dirLen]);
                    if (st.Last is { } last && last.GrowthPct is null && last.Amount is not null && last.Kind is FactKind.Value or FactKind.Count or FactKind.PlanCompletion or FactKind.Target
                        && IsBareGrowthName(ownName))
                    {
                        Replace(last, last with { GrowthPct = growth });
                        return;
                    }

                    var (name, raw, code, ns, nl) = Name(st, s, q0 - dirLen, null, st.Last);
                    if (name.Length == 0)
                    {
                        return;
                    }

                    var gAmount = amount with { Value = growth };
                    Emit(st, FactKind.Growth, null, null, growth, null, (name, raw, code), s, e, figureStart, figureEnd - figureStart, ns, nl, gAmount.Qualifier);
                    return;
                }

                var plan = pre.Contains("计划", StringComparison.Ordinal) && (pre.Contains('占', StringComparison.Ordinal) || pre.Contains("完成", StringComparison.Ordinal));
                if (plan)
                {
                    if (st.Last is { } last && last.Amount is { Unit.Dimension: Dimension.Money } && last.PlanSharePct is null)
                    {
                        var updated = last with { Kind = st.Target ? FactKind.Target : FactKind.PlanCompletion, PlanSharePct = amount.Value };
                        Replace(last, updated);
                        CheckPlan(updated);
                        return;
                    }

                    var (pn, praw, pcode, pns, pnl) = Name(st, s, q0, null, null);
                    Emit(st, FactKind.PlanCompletion, null, null, null, amount.Value, (pn.Length > 0 ? pn : "完成年度计划", praw.Length > 0 ? praw : "年度计划", pcode), s, e, figureStart, figureEnd - figureStart, pns, pnl);
                    return;
                }

                var share = pre.Contains('占', StringComparison.Ordinal) || pre.Contains("比重", StringComparison.Ordinal);
                var (sn, sraw, scode, sns, snl) = Name(st, s, q0, Dimension.Percent, st.Last);
                if (sn.Length == 0)
                {
                    return;
                }

                Emit(st, share ? FactKind.Share : FactKind.Value, amount, high, null, null, (sn, sraw, scode), s, e, figureStart, figureEnd - figureStart, sns, snl);
                return;
            }

            if (dim == Dimension.PercentagePoint)
            {
                var pull = pre.Contains("拉动", StringComparison.Ordinal);
                var (pn, praw, pcode, pns, pnl) = Name(st, s, q0 - dirLen, null, st.Last);
                if (!pull && st.Last is { Kind: FactKind.Value or FactKind.Growth } basis
                    && Clean(StripDirection(pre)) is "" or "比" or "较" or "增速" or "增幅" or "增速比" or "增幅比" or "增速较" or "增幅较")
                {
                    // 同比增长6.4%,增速比一季度提高1.0个百分点: the change in the growth of the figure just before.
                    (pn, praw, pcode) = (basis.Indicator, basis.IndicatorRaw, basis.IndicatorCode);
                }

                var pullOverScope = false;
                if (!pull && PullBeforeScope(s, q0 - dirLen) is > 0 and var afterPull)
                {
                    pullOverScope = true;
                    // 拉动全县GDP增长1.94个百分点: the scope word restarted the name, but the figure is still a pull of what follows it.
                    pull = true;
                    var from = afterPull + MatchAny(afterPull, q0, ScopeWords);
                    var target = Clean(StripDirection(_n[from..q0]));
                    if (target.Length > 0)
                    {
                        var found = FindCatalogued(target, null);
                        (pn, praw, pcode) = (found?.Indicator.NameZh ?? target, RawOf(from, target.Length), found?.Indicator.Code);
                        (pns, pnl) = (from, target.Length);
                    }
                }

                if (pull && !pullOverScope)
                {
                    var at = pre.LastIndexOf("拉动", StringComparison.Ordinal);
                    var target = Clean(StripDirection(pre[(at + 2)..]));
                    if (target.Length > 0)
                    {
                        var start = q0 - pre.Length + at + 2;
                        var found = FindCatalogued(target, null);
                        (pn, praw, pcode) = (found?.Indicator.NameZh ?? target, RawOf(start, target.Length), found?.Indicator.Code);
                        (pns, pnl) = (start, target.Length);
                    }
                    else if (st.Last is { Kind: FactKind.Pull } lp)
                    {
                        (pn, praw, pcode) = (lp.Indicator, lp.IndicatorRaw, lp.IndicatorCode);
                    }
                }
                else if (st.Last is { Kind: FactKind.Pull } lastPull && Clean(pre).Length == 0)
                {
                    pull = true;
                    (pn, praw, pcode) = (lastPull.Indicator, lastPull.IndicatorRaw, lastPull.IndicatorCode);
                }

                if (pn.Length == 0)
                {
                    return;
                }

                Emit(st, pull ? FactKind.Pull : FactKind.Growth, amount with { Value = sign * amount.Value }, high, null, null, (pn, praw, pcode), s, e, figureStart, figureEnd - figureStart, pns, pnl);
                return;
            }

            if (dim == Dimension.Multiple)
            {
                var (mn, mraw, mcode, mns, mnl) = Name(st, s, q0 - dirLen, null, st.Last);
                if (mn.Length > 0)
                {
                    Emit(st, FactKind.Multiple, amount, high, null, null, (mn, mraw, mcode), s, e, figureStart, figureEnd - figureStart, mns, mnl);
                }

                return;
            }

            if (dim == Dimension.Count)
            {
                if (Starts(figureEnd, e, "工作日") || Starts(figureEnd, e, "小时") || Starts(figureEnd, e, "月") || Starts(figureEnd, e, "方面"))
                {
                    return; // 3至5个工作日: a duration
                }

                var (cn, craw, ccode, cns, cnl) = Name(st, s, q0, Dimension.Count, null, allowInherit: false);
                if (cn.Length == 0 || IsVerbOnly(cn) || EndsWithAny(pre, ["等", "及", "和", "与", "、"], 1) || cn is "全省" or "全国" or "全市"
                    || (st.AfterEnumeration && FindCatalogued(cn, Dimension.Count) is null && Following(figureEnd, e).Name.Length >= 2))
                {
                    (cn, craw, cns, cnl) = Following(figureEnd, e);
                    ccode = null;
                    if (cn.Length > 0 && FindCatalogued(cn, Dimension.Count) is { } fc)
                    {
                        (cn, ccode) = (fc.Indicator.NameZh, fc.Indicator.Code);
                    }
                }

                if (cn.Length == 0)
                {
                    return;
                }

                Emit(st, FactKind.Count, amount, high, null, null, (cn, craw, ccode), s, e, figureStart, figureEnd - figureStart, cns, cnl);
                return;
            }

            if (amount.Qualifier is Qualifier.AtLeast or Qualifier.AtMost && figureEnd < e && ChineseTextIsCjk(_n[figureEnd]) && !Starts(figureEnd, e, "的"))
            {
                return; // 5亿元以上项目: a size class, not a figure
            }

            var (vn, vraw, vcode, vns, vnl) = Name(st, s, q0, dim, st.Last);
            if (vn.Length == 0 || IsVerbOnly(vn))
            {
                (vn, vraw, vns, vnl) = Following(figureEnd, e);
                vcode = null;
            }

            if (vn.Length == 0)
            {
                return;
            }

            Emit(st, FactKind.Value, amount, high, null, null, (vn, vraw, vcode), s, e, figureStart, figureEnd - figureStart, vns, vnl);
        }

        private static bool IsVerbOnly(string name) => name.Length < 2;

        private static bool EndsWithAny(string name, string[] words, int minLength)
        {
            foreach (var w in words)
            {
                if (w.Length >= minLength && name.EndsWith(w, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The noun after a count (134家企业 → 企业), up to a verb, conjunction or punctuation, at most 10 characters.</summary>
        private (string Name, string Raw, int Start, int Length) Following(int from, int e)
        {
            while (from < e && _n[from] is '的' or '"' or '“')
            {
                from++;
            }

            if (Starts(from, e, "工作日") || Starts(from, e, "小时") || Starts(from, e, "月") || Starts(from, e, "方面"))
            {
                return (string.Empty, string.Empty, from, 0);
            }

            var k = from;
            while (k < e && k - from < 10 && ChineseTextIsCjk(_n[k]))
            {
                if (k > from && StopAt(k, e))
                {
                    break;
                }

                k++;
            }

            var name = _n[from..k];
            return name.Length >= 1 && !(name.Length == 1 && name[0] is '的' or '和' or '及') ? (name, RawOf(from, name.Length), from, name.Length) : (string.Empty, string.Empty, from, 0);
        }

        private bool StopAt(int k, int e)
        {
            foreach (var w in (string[])["先后", "与", "和", "及", "为", "一道", "的", "等", "共", "进行", "签订", "实现", "完成", "列入", "参会", "开展", "引资", "对接", "在", "深入", "送", "减免", "审批", "均", "如期", "加快", "竣工", "开工"])
            {
                if (Starts(k, e, w))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ChineseTextIsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

        /// <summary>The text of the current name segment before <paramref name="end"/>, with period expressions taken out.</summary>
        private string Pre(SentenceState st, int end)
        {
            if (end <= st.NameStart)
            {
                return string.Empty;
            }

            if (st.Excluded.Count == 0)
            {
                return _n[st.NameStart..end];
            }

            var sb = new System.Text.StringBuilder(end - st.NameStart);
            var p = st.NameStart;
            foreach (var (xs, xe) in st.Excluded)
            {
                if (xs >= end)
                {
                    break;
                }

                if (xs > p)
                {
                    sb.Append(_n, p, xs - p);
                }

                p = Math.Max(p, xe);
            }

            if (end > p)
            {
                sb.Append(_n, p, end - p);
            }

            return sb.ToString();
        }

        private static (int Length, int Sign) DirectionAtEnd(string pre)
        {
            var t = pre;
            var trimmed = 0;
            foreach (var w in (string[])["了", "达到", "达", "为"])
            {
                if (t.EndsWith(w, StringComparison.Ordinal) && t.Length > w.Length)
                {
                    t = t[..^w.Length];
                    trimmed = w.Length;
                    break;
                }
            }

            foreach (var w in DownWords)
            {
                if (t.EndsWith(w, StringComparison.Ordinal))
                {
                    return (w.Length + trimmed, -1);
                }
            }

            foreach (var w in UpWords)
            {
                if (t.EndsWith(w, StringComparison.Ordinal))
                {
                    return (w.Length + trimmed, 1);
                }
            }

            return (0, 1);
        }

        private static string StripDirection(string t)
        {
            var (len, _) = DirectionAtEnd(t);
            return len > 0 ? t[..^len] : t;
        }

        /// <summary>Removes connective words at the ends of a name (同比, 达, 为, 其中 …) and returns what is left.</summary>
        private static string Clean(string t)
        {
            bool changed;
            do
            {
                changed = false;
                foreach (var w in StripTail)
                {
                    if (t.EndsWith(w, StringComparison.Ordinal) && t.Length >= w.Length)
                    {
                        t = t[..^w.Length];
                        changed = true;
                    }
                }

                foreach (var w in (string[])["其中", "全年", "今年", "累计", "共", "已", "由", "到", "对", "为", "了", "的", "和", "及", "与"])
                {
                    if (t.StartsWith(w, StringComparison.Ordinal) && t.Length >= w.Length && !t.StartsWith("到位", StringComparison.Ordinal))
                    {
                        t = t[w.Length..];
                        changed = true;
                    }
                }
            }
            while (changed && t.Length > 0);

            return t;
        }

        /// <summary>The indicator named in the current segment before <paramref name="end"/>: a catalogued name when one is there, else the words after the last verb.</summary>
        private (string Name, string Raw, IndicatorCode? Code, int Start, int Length) Name(SentenceState st, int s, int end, Dimension? dim, ExtractedFact? inheritFrom, bool allowInherit = true)
        {
            var pre = Pre(st, Math.Max(st.NameStart, end));
            var cleaned = Clean(pre);
            if (cleaned.Length > 0)
            {
                if (FindCatalogued(cleaned, dim) is { } found)
                {
                    var at = LocateInSegment(st, end, cleaned, found.Start);
                    return (found.Indicator.NameZh, RawOf(at, found.Length), found.Indicator.Code, at, found.Length);
                }

                var cut = 0;
                foreach (var v in Verbs)
                {
                    var at = cleaned.LastIndexOf(v, StringComparison.Ordinal);
                    if (at >= 0 && at + v.Length > cut && at + v.Length < cleaned.Length)
                    {
                        cut = at + v.Length;
                    }
                }

                var name = Clean(cleaned[cut..]);
                if (name.Length < 2 && cut > 0)
                {
                    name = cleaned; // 项目开工率, 投产率: the "verb" is part of the name
                }

                if (EndsWithAny(name, Verbs, minLength: 2) || EndsWithAny(name, ["以上", "以下", "左右"], 2) || (name.Length <= 3 && IsChineseDigit(name[0])))
                {
                    name = string.Empty;
                }

                if (name.Length > 12)
                {
                    name = name[^12..];
                }

                if (name is "投资" or "产值" && cut >= 2)
                {
                    name = cleaned[(cut - 2)..cut] + name; // 完成投资, 实现产值: the verb is part of the name
                }

                if (name.Length >= 2 && !name.All(ch => ch is (>= '0' and <= '9') or '.' or '%'))
                {
                    var idx = cleaned.LastIndexOf(name, StringComparison.Ordinal);
                    var at = LocateInSegment(st, end, cleaned, Math.Max(0, idx));
                    return (name, RawOf(at, name.Length), null, at, name.Length);
                }
            }

            if (allowInherit && cleaned.Length == 0 && inheritFrom is { } f)
            {
                return (f.Indicator, f.IndicatorRaw, f.IndicatorCode, -1, 0);
            }

            return (string.Empty, string.Empty, null, -1, 0);
        }

        /// <summary>Position in the normalised text of index <paramref name="indexInCleaned"/> of a cleaned name (best effort: searched backwards from the figure).</summary>
        private int LocateInSegment(SentenceState st, int end, string cleaned, int indexInCleaned)
        {
            var from = Math.Max(st.NameStart, 0);
            var seg = _n.AsSpan(from, Math.Max(0, end - from));
            var pos = seg.LastIndexOf(cleaned.AsSpan(indexInCleaned, Math.Min(cleaned.Length - indexInCleaned, 2)));
            return pos < 0 ? from : from + pos;
        }

        private string RawOf(int start, int length)
        {
            if (start < 0 || length <= 0)
            {
                return string.Empty;
            }

            var ps = text.ToPlain(start);
            var pe = text.ToPlain(start + length - 1) + 1;
            return text.Plain[ps..Math.Min(pe, text.Plain.Length)];
        }

        private int Rank(SentenceState st, int s, int i, int e)
        {
            var k = i + 2;
            var limit = Math.Min(e, i + 14);
            while (k < limit && _n[k] is not (',' or '。'))
            {
                if (Starts(k, limit, "前列") || Starts(k, limit, "前茅"))
                {
                    EmitRank(st, s, e, i, k + 2 - i, null);
                    return k + 2;
                }

                if (_n[k] == '第' && k + 1 < e)
                {
                    var j = k + 1;
                    while (j < e && (char.IsAsciiDigit(_n[j]) || IsChineseNumeral(_n[j])))
                    {
                        j++;
                    }

                    if (j > k + 1 && ChineseNumber.TryParse(_n[(k + 1)..j]) is { Success: true } r)
                    {
                        EmitRank(st, s, e, i, j - i, r.Value);
                        return j;
                    }
                }

                k++;
            }

            return i + 2;
        }

        private void EmitRank(SentenceState st, int s, int e, int start, int length, decimal? rank)
        {
            var basis = st.Last;
            var name = basis is null ? Clean(Pre(st, start)) : basis.Indicator;
            if (name.Length == 0)
            {
                return;
            }

            var amount = rank is { } r ? new Amount(r, Unit.None) : (Amount?)null;
            Emit(st, FactKind.Rank, amount, null, null, null, (name, basis?.IndicatorRaw ?? name, basis?.IndicatorCode), s, e, start, length, -1, 0);
            if (basis is not null && Facts[^1] is { } rankFact)
            {
                Facts[^1] = rankFact with { Region = basis.Region, RegionCode = basis.RegionCode, Period = basis.Period };
                st.Last = basis;
            }
        }

        private void Emit(SentenceState st, FactKind kind, Amount? amount, decimal? high, decimal? growth, decimal? planShare,
            (string Name, string Raw, IndicatorCode? Code) indicator, int s, int e, int figureStart, int figureLength, int nameStart, int nameLength,
            Qualifier growthQualifier = Qualifier.Exact)
        {
            _ = growthQualifier;
            _ = nameStart;
            _ = nameLength;
            var period = IsOneProjectsTotal(indicator.Name) ? null : _period;
            if (indicator.Code?.Value == "urban_contribution" && _n.AsSpan(s, figureStart - s).IndexOf("城区", StringComparison.Ordinal) < 0)
            {
                // 贡献度 alone is an industry's contribution to growth (第二产业…贡献度为30.5%); only 城区贡献度 is the district's share of the city's increment.
                indicator = (ChineseText.ToSimplified(indicator.Raw), indicator.Raw, null);
            }

            // Targets: a goal word in the sentence (力争, 确保 …), 将 (will) before the figure, a period after the document date, or —
            // in an undated text that only names years — a whole-year figure for the latest year it names (a plan, not a result).
            var target = st.Target || (period is { } p && Reference is { } r && p.Start > r)
                || (period is { } py && UndatedYear is { } uy && py.Year == uy && py.FirstMonth == 1 && py.LastMonth == 12);
            if (target && kind is not FactKind.Rank)
            {
                kind = FactKind.Target;
            }

            var region = st.Region ?? (st.RegionText is null ? Main : null);
            var regionText = st.RegionText ?? MainText;
            var plainStart = text.ToPlain(figureStart);
            var plainEnd = text.ToPlain(Math.Min(figureStart + figureLength, _n.Length) - 1) + 1;
            // The source clause: the sentence, or a window of it around the figure when the sentence runs on (so output stays linear).
            var ws = Math.Max(s, figureStart - 200);
            var we = Math.Min(e, figureStart + figureLength + 200);
            var sentenceStart = text.ToPlain(ws);
            var fact = new ExtractedFact(doc, kind, regionText, region?.Code, ChineseText.ToSimplified(indicator.Name), indicator.Raw, indicator.Code,
                period, amount, high, growth, planShare, _n[ws..we], plainStart, Math.Max(1, plainEnd - plainStart), sentenceStart);
            Facts.Add(fact);
            st.Last = fact;
        }

        private static readonly string[] ComparableBasis = ["按可比价格计算", "按可比价计算", "按可比口径计算", "按可比价格", "按可比价", "可比价"];

        /// <summary>
        /// A growth whose own words name nothing (同比, 增速, 按可比价计算同比, 比上年 once the base period is set aside) belongs to
        /// the figure just before it: 生产总值400.61亿元,按可比价计算同比增长6.1%.
        /// </summary>
        private static bool IsBareGrowthName(string name)
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

            return name.Length == 0 || name is "增速" or "增幅";
        }

        private static readonly string[] ProgrammeWords = ["重点", "重大", "新开工", "开工", "签约", "续建", "在建", "产业", "招商", "省级", "市级", "全部", "各类"];

        /// <summary>
        /// 度亘光电项目总投资1.1亿元: the total investment of one named project is an attribute of the project over its whole life,
        /// not a figure of the paragraph's period; a programme's total (重点项目总投资, 新开工项目总投资) keeps its period.
        /// </summary>
        private static bool IsOneProjectsTotal(string name)
        {
            var simplified = ChineseText.ToSimplified(name);
            if (!simplified.EndsWith("项目总投资", StringComparison.Ordinal))
            {
                return false;
            }

            var owner = simplified[..^"项目总投资".Length];
            if (owner.Length < 2 || owner.Any(char.IsAsciiDigit))
            {
                return false;
            }

            foreach (var w in ProgrammeWords)
            {
                if (owner.EndsWith(w, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private void Replace(ExtractedFact old, ExtractedFact updated)
        {
            var at = Facts.LastIndexOf(old);
            if (at >= 0)
            {
                Facts[at] = updated;
            }
        }

        private void CheckPlan(ExtractedFact completed)
        {
            // The annual plan: the latest money fact before it in the document whose name says 年度计划.
            for (var k = Facts.Count - 1; k >= 0; k--)
            {
                var f = Facts[k];
                if (completed.Offset - f.Offset >= 400)
                {
                    return; // the plan is stated close before its completion, or not at all
                }

                if (f.Offset < completed.Offset && f.Amount is { Unit.Dimension: Dimension.Money } plan && plan.Value > 0
                    && (f.Indicator.Contains("年度计划", StringComparison.Ordinal) || f.IndicatorCode?.Value == "key_project_annual_plan")
                    && completed.Offset - f.Offset < 400 && (f.Period is null || completed.Period is null || f.Period.Value.Year == completed.Period.Value.Year))
                {
                    var done = completed.Amount!.Value.ConvertTo(plan.Unit).Value;
                    var check = Metric.CheckReportedPercent(done, plan.Value, completed.PlanSharePct!.Value);
                    _checks.Add(new CrossCheck(CrossCheckKind.ReportedPercent, check.Consistent, check.Message, [f.Offset, completed.Offset]));
                    return;
                }
            }
        }

        /// <summary>其中 A类39条、B类20条、C类8条 after a total (需求67条): the parts should add up.</summary>
        private void CheckParts(int s, int e, SentenceState st)
        {
            if (!Starts(s, e, "其中") || Facts.Count - st.FirstFact < 2 || st.FirstFact == 0)
            {
                return;
            }

            var whole = Facts[st.FirstFact - 1];
            var parts = Facts.Skip(st.FirstFact).Where(f => f.Amount is { } a && whole.Amount is { } w && a.Unit.Equals(w.Unit) && f.Kind == whole.Kind).ToList();
            if (whole.Amount is not { } wa || parts.Count < 2 || wa.Qualifier != Qualifier.Exact)
            {
                return;
            }

            var sum = parts.Sum(p => p.Amount!.Value.Value);
            var ok = sum == wa.Value;
            var formula = string.Join(" + ", parts.Select(p => Numbers.Text(p.Amount!.Value.Value))) + " = " + Numbers.Text(sum);
            var message = ok
                ? new Bilingual($"分项之和与总数一致:{formula}({whole.Indicator}{Numbers.Text(wa.Value)}{wa.Unit.Symbol})", $"parts add up to the whole: {formula} ({Numbers.Text(wa.Value)})")
                : new Bilingual($"分项之和{Numbers.Text(sum)}与总数{Numbers.Text(wa.Value)}{wa.Unit.Symbol}不符:{formula}", $"parts sum to {Numbers.Text(sum)}, not the stated {Numbers.Text(wa.Value)}: {formula}");
            _checks.Add(new CrossCheck(CrossCheckKind.PartsSum, ok, message, [whole.Offset, .. parts.Select(p => p.Offset)]));
        }

        public List<CrossCheck> FinishChecks()
        {
            var groups = Facts.Where(f => f.GrowthPct is not null && f.Kind is FactKind.Value or FactKind.Growth)
                .GroupBy(f => (f.RegionCode?.Value ?? 0, f.Region ?? string.Empty, f.IndicatorCode?.Value ?? f.Indicator, f.Period?.ToString() ?? string.Empty));
            foreach (var g in groups)
            {
                var distinct = g.Select(f => f.GrowthPct!.Value).Distinct().ToList();
                if (distinct.Count > 1)
                {
                    var list = string.Join("、", g.Select(f => Numbers.Text(f.GrowthPct!.Value) + "%"));
                    var period = g.Key.Item4.Length > 0 ? g.Key.Item4 : "?";
                    _checks.Add(new CrossCheck(CrossCheckKind.ConflictingGrowth, false,
                        new Bilingual($"同一文档中{g.Key.Item3}({period})有不同增速:{list},未自动取舍", $"{g.Key.Item3} ({period}) has different growth rates in one document: {list}; none was picked"),
                        [.. g.Select(f => f.Offset)]));
                }
            }

            return _checks;
        }

        /// <summary>Scans a period expression at <paramref name="i"/> and makes it the paragraph's current period when it resolves.</summary>
        private bool TryPeriod(int i, int e, out int length)
        {
            length = 0;
            var j = i;
            var hasYear = false;
            if (IsYearAt(_n, i, e) && (i == 0 || !char.IsAsciiDigit(_n[i - 1])))
            {
                j = i + 5;
                hasYear = true;
                if (j < e && _n[j] == '度')
                {
                    j++;
                }
            }
            else
            {
                foreach (var w in (string[])["今年", "去年", "上年", "本年", "前年", "全年"])
                {
                    if (Starts(i, e, w))
                    {
                        j = i + 2;
                        hasYear = true;
                        break;
                    }
                }
            }

            var samePeriod = false;
            if (Starts(j, e, "同期"))
            {
                samePeriod = true;
                j += 2;
            }

            var bodyStart = j;
            j = PeriodBody(j, e);
            var hasBody = j > bodyStart;
            if (!hasYear && !hasBody)
            {
                // 截至目前, 年初以来
                foreach (var w in (string[])["截至目前", "年初以来", "今年以来"])
                {
                    if (Starts(i, e, w))
                    {
                        j = i + w.Length;
                        hasBody = true;
                        break;
                    }
                }

                if (!hasBody)
                {
                    return false;
                }
            }

            if (Starts(j, e, "以来"))
            {
                j += 2;
            }

            // A date (7月26日) or a full date is not a period.
            if (j < e && _n[j] is '日' or '号' || (j < e && char.IsAsciiDigit(_n[j]) && hasYear && !hasBody))
            {
                length = SkipDate(i, e);
                return length > 0;
            }

            length = j - i;
            var t = _n.Substring(i, length);
            if (Starts(j, e, "基础上") || Starts(j, e, "的基础上"))
            {
                return true; // 在2020年基础上翻一番: a base year, not the period of the figure
            }

            if (i > 0 && _n[i - 1] is '比' or '较')
            {
                return true; // 增速比一季度提高1.0个百分点, 比上年增长5.7%: the base of a comparison, not the period of the figure
            }

            if (NamesAnEvent(j, e))
            {
                return true; // 全市二季度招商引资推进会: the name of a meeting, not the period of the figures after it
            }

            if (samePeriod && !hasBody && _period is { } current)
            {
                _period = current.SamePeriodLastYear();
                _periodIsSamePeriodLastYear = true;
                return true;
            }

            if (Starts(i, e, "全年") && !hasBody && Reference is { } rf)
            {
                _period = StatPeriod.ForYear(rf.Year);
                return true;
            }

            var parsed = ChinesePeriodParser.TryParse(t, Reference);
            if (parsed.Success)
            {
                _period = parsed.Value;
                _periodIsSamePeriodLastYear = samePeriod;
            }

            return true;
        }

        /// <summary>
        /// The position after 拉动 when 拉动 + a scope word (全县, 全区 …) stands shortly before <paramref name="end"/> with no figure or
        /// clause break between them; otherwise 0. Bounded look-back.
        /// </summary>
        private int PullBeforeScope(int s, int end)
        {
            for (var k = end - 1; k >= s && end - k <= 24; k--)
            {
                var c = _n[k];
                if (char.IsAsciiDigit(c) || c is ',' or '，' or ';' or '；' or '、')
                {
                    return 0;
                }

                if (k >= 1 && _n[k - 1] == '拉' && c == '动')
                {
                    return MatchAny(k + 1, end, ScopeWords) > 0 ? k + 1 : 0;
                }
            }

            return 0;
        }

        private static readonly string[] SharedSuffixes = ["总产值", "增加值", "产值", "产量", "销售额", "营业收入", "营业额", "投资", "收入", "利润"];

        /// <summary>
        /// The names a 分别 list gives its figures, in order: the clause before 分别 split on 、 (or on one 和/及), each item
        /// completed with the indicator the last item ends with (船舶工业、水产加工总产值 → 船舶工业总产值, 水产加工总产值;
        /// 高新技术和数字经济规上工业增加值 → 高新技术规上工业增加值, 数字经济规上工业增加值). Null when it is not such a list.
        /// Bounded: looks back at most 60 characters.
        /// </summary>
        private List<string>? RespectiveNames(int s, int respectively)
        {
            var from = respectively;
            while (from > s && respectively - from < 60 && _n[from - 1] is not (',' or '，' or ';' or '；' or ':' or '：' or '。'))
            {
                from--;
            }

            var clause = Clean(_n[from..respectively]);
            foreach (var w in ScopeWords)
            {
                if (clause.StartsWith(w, StringComparison.Ordinal))
                {
                    clause = clause[w.Length..];
                    break;
                }
            }

            var items = clause.Split('、').ToList();
            if (items.Count < 2)
            {
                foreach (var and in (string[])["和", "及"])
                {
                    var at = clause.IndexOf(and, StringComparison.Ordinal);
                    if (at > 0 && clause.IndexOf(and, at + 1, StringComparison.Ordinal) < 0)
                    {
                        items = [clause[..at], clause[(at + 1)..]];
                        break;
                    }
                }
            }

            if (items.Count < 2 || items.Any(i => i.Length < 2))
            {
                return null;
            }

            var last = items[^1];
            string? suffix = null;
            if (FindCatalogued(last, null) is { } found && found.Start + found.Length == last.Length && found.Start > 0)
            {
                suffix = last[found.Start..];
            }
            else
            {
                suffix = SharedSuffixes.FirstOrDefault(x => last.EndsWith(x, StringComparison.Ordinal) && last.Length > x.Length);
            }

            return items.Select(i => suffix is null || i.EndsWith(suffix, StringComparison.Ordinal) ? ChineseText.ToSimplified(i) : ChineseText.ToSimplified(i + suffix)).ToList();
        }

        private static readonly string[] EventWords =
            ["推进会", "大会", "会议", "座谈会", "观摩会", "调度会", "部署会", "动员会", "分析会", "例会", "推介会", "洽谈会", "博览会", "交易会", "观摩活动"];

        /// <summary>
        /// Whether the words after a period expression, up to the clause's end and before any figure, name a meeting
        /// (二季度招商引资暨项目建设推进会): then the period qualifies the meeting, not the figures that follow. Bounded look-ahead.
        /// </summary>
        private bool NamesAnEvent(int j, int e)
        {
            for (var k = j; k < e && k - j <= 30; k++)
            {
                var c = _n[k];
                if (c is ',' or '，' or '、' or ';' or '；' or ':' or '：' || char.IsAsciiDigit(c))
                {
                    return false;
                }

                foreach (var w in EventWords)
                {
                    if (Starts(k, e, w))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private int SkipDate(int i, int e)
        {
            var j = i;
            while (j < e && (char.IsAsciiDigit(_n[j]) || _n[j] is '年' or '月' or '日' or '号'))
            {
                j++;
            }

            return j - i;
        }

        /// <summary>上半年, 下半年, 前三季度, 一季度, 第二季度, 1至6月, 1-6月份, 6月, 6月末, 6月底; returns the end (== start when none).</summary>
        private int PeriodBody(int j, int e)
        {
            foreach (var w in (string[])["上半年", "下半年", "前三季度", "前两季度", "一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度", "全年", "年初以来"])
            {
                if (Starts(j, e, w))
                {
                    return j + w.Length;
                }
            }

            // Months: N月, N至M月, N-M月, N月至M月, 一至六月, then 份/末/底/累计.
            var k = j;
            var m1 = MonthNumber(ref k, e);
            if (m1 is null)
            {
                return j;
            }

            if (k < e && _n[k] == '月')
            {
                if (k + 1 < e && _n[k + 1] is '日' or '号' || (k + 1 < e && char.IsAsciiDigit(_n[k + 1])))
                {
                    return j; // 7月26日: a date
                }

                k++;
            }

            if (k < e && _n[k] is '至' or '到' or '-')
            {
                var k2 = k + 1;
                if (MonthNumber(ref k2, e) is not null && k2 < e && _n[k2] == '月')
                {
                    k = k2 + 1;
                }
                else
                {
                    return j;
                }
            }
            else if (k == j || _n[k - 1] != '月')
            {
                return j;
            }

            foreach (var w in (string[])["份", "末", "底", "累计"])
            {
                if (Starts(k, e, w))
                {
                    k += w.Length;
                    break;
                }
            }

            if (k < e && _n[k] is '日' or '号')
            {
                return j;
            }

            return k;
        }

        private int? MonthNumber(ref int k, int e)
        {
            if (k >= e)
            {
                return null;
            }

            var start = k;
            var v = 0;
            while (k < e && char.IsAsciiDigit(_n[k]) && k - start < 2)
            {
                v = v * 10 + (_n[k] - '0');
                k++;
            }

            if (k > start)
            {
                return v is >= 1 and <= 12 ? v : null;
            }

            var idx = "一二三四五六七八九十".IndexOf(_n[k], StringComparison.Ordinal);
            if (k < e && idx >= 0)
            {
                k++;
                if (idx == 9 && k < e && "一二".IndexOf(_n[k], StringComparison.Ordinal) is var t and >= 0)
                {
                    k++;
                    return 11 + t;
                }

                return idx + 1;
            }

            return null;
        }
    }
}
