using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Extraction.Checks;
using Baiqiang.Extraction.Clauses;
using Baiqiang.Extraction.Discourse;
using Baiqiang.Extraction.Facts;
using Baiqiang.Extraction.Places;
using Baiqiang.Extraction.Sections;
using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Statements;

/// <summary>
/// Sentences → statements with roles. Walks each sentence once, left to right: region mentions and scope words set the clause's
/// region, period expressions go to the discourse state, and each figure is given its roles — the subject measure (the
/// indicator with its qualifier), a value, a growth, a comparison with a named comparator, a share, a plan share, a pull, a
/// rank, an increment or a target — and handed to the <see cref="FactBuilder"/>.
/// </summary>
internal sealed class StatementReader(
    DocumentText text,
    IndicatorNames dictionary,
    RegionContext regions,
    DiscourseState discourse,
    FactBuilder facts,
    CrossChecker checks,
    DateOnly? reference)
{
    /// <summary>How far back from a figure its name is looked for: no indicator name is longer, and it keeps the scan linear.</summary>
    private const int NameWindow = 80;

    private static readonly string[] SharedSuffixes = ["总产值", "增加值", "产值", "产量", "销售额", "零售额", "营业收入", "营业额", "投资", "收入", "利润", "出栏", "存栏"];

    private static readonly string[] IncrementWords = ["增加", "减少", "多增", "少增", "增收", "减收", "增支", "减支", "削减", "压减", "短收", "超收"];

    private readonly string _n = text.Normalized;
    private int _mentionIndex;
    private bool _paragraphGoal;
    private int _paragraphFirstFact;
    private (int Start, int End) _line = (-1, -1), _lineBefore = (-1, -1); // this kept line and the one before it
    private bool _lineBeforeHadFacts;
    private string? _projectClass; // 共安排重点项目250个: the project class the paragraph last counted, which its bare measures are of

    // A government work report (政府工作报告) read in January–March: its 预计 paragraphs review the year just ended.
    private readonly bool _springWorkReport = reference is { Month: <= 3 } && text.Normalized.Contains("政府工作报告", StringComparison.Ordinal);
    private bool _reviewParagraph;

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
        public Queue<(Region Region, string Text)> RespectiveRegions { get; } = new(); // 甲县、乙县分别增长x%、y%: the regions still owed one
        public Queue<ExtractedFact> RespectiveLevels { get; } = new(); // A 50.8亿元,其中B 18.8亿元,分别增长x%和y%: the levels still owed a rate
        public (string Name, string Raw, IndicatorCode? Code) RespectiveMeasure;
        public int RespectiveSign = 1;
        public int ParenOpen = -1;
        public int ParenNameStart;
        public int FactsAtParen;
        public bool PlanSharesOwed;
        public bool PlanBaseOpen; // 为年初预算数60999万元的40.4%: the plan figure was read, its share follows after 的
        public StatPeriod? ComparisonBase;
        public string? ComparisonBaseText;
        public int ComparisonBaseEnd = -1; // where the last comparison base ended: 比1-3月、1-4月: the periods listed after it are bases too
        public Dimension RespectiveDim;
        public bool RespectiveRatesAreLevels; // 三次产业贡献率分别为a%、b%、c%: the owed names take rates as levels, not growths

        /// <summary>
        /// Opens a list read in order (甲、乙、丙分别…): the first item takes the figure at hand, the rest are owed the figures
        /// that follow, in <paramref name="dim"/>; a growth list also sets their sign (下降: −1), a rate list whether its
        /// rates are levels (贡献率) rather than growths.
        /// </summary>
        public void OweRest(List<string> items, Dimension dim, int? sign = null, bool ratesAreLevels = false)
        {
            Respectively.Clear();
            for (var i = 1; i < items.Count; i++)
            {
                Respectively.Enqueue(items[i]);
            }

            if (sign is { } given)
            {
                RespectiveSign = given;
            }

            RespectiveDim = dim;
            RespectiveRatesAreLevels = ratesAreLevels;
        }

        /// <summary>How many fields <see cref="Reset"/> clears; a test compares it with the class's fields, so a field added without a reset fails.</summary>
        public const int ResetFieldCount = 24;

        /// <summary>
        /// Makes this state the fresh state of a new sentence (as <c>new SentenceState { … }</c> would): the reader keeps one and
        /// resets it per sentence, so that a sentence costs no allocation of its own. Every field above must be cleared here.
        /// </summary>
        public void Reset(int nameStart, int firstFact, bool target)
        {
            NameStart = nameStart;
            Excluded.Clear();
            Mention = null;
            Region = null;
            RegionText = null;
            Target = target;
            FirstFact = firstFact;
            Last = null;
            AfterEnumeration = false;
            Respectively.Clear();
            RespectiveRegions.Clear();
            RespectiveLevels.Clear();
            RespectiveMeasure = default;
            RespectiveSign = 1;
            ParenOpen = -1;
            ParenNameStart = 0;
            FactsAtParen = 0;
            PlanSharesOwed = false;
            PlanBaseOpen = false;
            ComparisonBase = null;
            ComparisonBaseText = null;
            ComparisonBaseEnd = -1;
            RespectiveDim = default;
            RespectiveRatesAreLevels = false;
        }
    }

    private readonly SentenceState _sentence = new();

    private int _sentenceStart; // where the sentence being read starts: a bare measure's subject may be named earlier in it

    // The characters the sentence walk stops at (Words.MayStartWord(c) || ClauseSplitter.EndsSegment(c) || 持 or 累), as one
    // table: the walk tests every character, and most start nothing.
    private static readonly bool[] StopsTheScan = BuildStops();

    private static bool[] BuildStops()
    {
        var table = new bool[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = Words.MayStartWord((char)c) || ClauseSplitter.EndsSegment((char)c) || c is '持' or '累';
        }

        return table;
    }

    /// <summary>Reads one kept line.</summary>
    public void Paragraph(Paragraph p)
    {
        discourse.EnterParagraph(_n, p);
        _paragraphGoal = false;
        _projectClass = null;
        _lineBeforeHadFacts = facts.Facts.Count > _paragraphFirstFact;
        (_lineBefore, _line) = (_line, (p.Start, p.End));
        _paragraphFirstFact = facts.Facts.Count;
        _yearRange = null;
        _reviewParagraph = _springWorkReport && OpensWith(p.Start, p.End, "预计");
        // ClauseSplitter.Sentences' spans, walked here without an enumerator per paragraph.
        var s = p.Start;
        for (var i = p.Start; i <= p.End; i++)
        {
            if (i == p.End || ClauseSplitter.EndsSentence(_n[i]))
            {
                if (i > s)
                {
                    Sentence(s, i);
                    discourse.EndSentence();
                }

                s = i + 1;
            }
        }

        if (!discourse.HasDocumentPeriod)
        {
            // 一季度,全县…: the first paragraph that states figures gives the page its period (headings below may state none).
            for (var k = _paragraphFirstFact; k < facts.Facts.Count; k++)
            {
                if (facts.Facts[k] is { Period: { } first, Kind: not (FactKind.Target or FactKind.Rank or FactKind.Comparison or FactKind.Count) })
                {
                    discourse.SetDocumentPeriod(first);
                    break;
                }
            }
        }
    }

    private void Sentence(int s, int e)
    {
        _sentenceStart = s;
        var st = _sentence;
        st.Reset(s, facts.Facts.Count, _paragraphGoal);
        if (discourse.SectionRegion is { } sr)
        {
            (st.Region, st.RegionText) = (sr.Region, sr.Text);
        }

        var mentions = regions.Mentions;
        while (_mentionIndex < mentions.Count && mentions[_mentionIndex].Start < s)
        {
            _mentionIndex++;
        }

        var i = s;
        while (i < e)
        {
            var c = _n[i];
            var mentionHere = _mentionIndex < mentions.Count && mentions[_mentionIndex].Start == i;
            if (!mentionHere && !StopsTheScan[c])
            {
                i++;
                continue; // the common case: a character that starts nothing the reader looks for
            }

            if (ClauseSplitter.EndsSegment(c))
            {
                if (c == '、' && IndustryNameGoesOn(i, e))
                {
                    i++;
                    continue; // 电力、热力、燃气及水生产和供应业: one industry's name, not a list
                }

                Segment(st, c, i);
                i++;
                continue;
            }

            if ((Words.MatchAny(_n, i, e, Words.Goal) > 0 && !CompletedGoal(i, s)) || (c == '到' && PeriodScanner.IsYearAt(_n, i + 1, e) && (reference is null || PeriodScanner.YearAt(_n, i + 1) > reference.Value.Year))
                || (c == '将' && !Words.At(_n, i, e, "将近") && !(i > s && _n[i - 1] == '即') && i + 1 < e && Words.IsCjk(_n[i + 1])))
            {
                st.Target = true;
                if (GoalLeadsIn(i, e))
                {
                    _paragraphGoal = true; // 主要目标: …, 力争: … — the goal word governs the rest of the paragraph
                }
            }

            if (mentionHere)
            {
                i = Mention(st, mentions[_mentionIndex++], i);
                continue;
            }

            if (Words.MatchAny(_n, i, e, Words.Scope) is > 0 and var scopeLen && (_n[i + scopeLen - 1] != '省' || OpensAClause(st, i, s)))
            {
                if (!AfterComparator(i, s))
                {
                    st.RegionText = Words.WordAt(_n, i, e, Words.Scope); // the list's own string, equal to the text: no copy per scope word
                    st.Region = st.RegionText is "园区" or "全园" && discourse.SectionRegion is { Region: { IsPark: true } park } ? park : regions.Scope(st.RegionText);
                    st.Mention = null;
                    if (!EndsAParksName(i, s))
                    {
                        st.NameStart = i + scopeLen;
                        st.Excluded.Clear();
                    }
                }

                i += scopeLen;
                continue;
            }

            if (PeriodScanner.TryScan(_n, i, e, reference, out var period, discourse.YearlessReference))
            {
                if (period.Use is PeriodUse.Period or PeriodUse.WholeYear && i >= 1 && i - 1 == st.ComparisonBaseEnd && _n[i - 1] is '、' or '和' or '及' or '与')
                {
                    // 增速比1-3月、1-4月、1-5月分别提高…: a period listed after a comparison base is a base too, never the statement's period.
                    period = period with { Use = PeriodUse.ComparisonBase };
                }

                if (period.Use == PeriodUse.ComparisonBase)
                {
                    if (st.ComparisonBaseEnd < 0 || i - 1 != st.ComparisonBaseEnd)
                    {
                        st.ComparisonBase = period.Period;
                        st.ComparisonBaseText = _n.Substring(i, period.Length);
                    }

                    st.ComparisonBaseEnd = i + period.Length;
                }

                discourse.OnPeriod(period, i, insideSentence: i > s, sentenceStart: s);
                if (!(period.Use == PeriodUse.ComparisonBase && _n[i + period.Length - 1] is '末' or '底' && discourse.Period is not { FirstMonth: 1, LastMonth: 12 }))
                {
                    st.Excluded.Add((i, i + period.Length)); // 5月末…比上年末增长: kept in the words, a change since the year's start
                }

                i += period.Length;
                continue;
            }

            if (c == '累' && Words.At(_n, i, e, "累计"))
            {
                discourse.OnCumulative(); // 5月份,…;非税收入累计完成…: the year to date, not the month
            }

            if (c == '持')
            {
                if (Words.At(_n, i, e, "持平"))
                {
                    SameAsLastYear(st, s, i, e);
                    i += 2;
                }
                else
                {
                    i++;
                }

                continue;
            }

            if (Words.At(_n, i, e, "翻一番") || Words.At(_n, i, e, "翻两番") || Words.At(_n, i, e, "翻番"))
            {
                i = Doubling(st, s, i, e);
                continue;
            }

            if (Words.At(_n, i, e, "位居") || Words.At(_n, i, e, "排名") || Words.At(_n, i, e, "居全"))
            {
                i = Rank(st, s, i, e);
                continue;
            }

            if (NumberScanner.IsNumberStart(_n, i, s))
            {
                i = NumberScanner.Scan(_n, s, i, e, st.NameStart, out var token);
                if (token is { } t)
                {
                    Classify(st, s, e, t);
                    if (!IsSizeClass(t, e))
                    {
                        st.NameStart = t.End;
                        st.Excluded.Clear();
                    }
                }

                continue;
            }

            i++;
        }

        if (Words.At(_n, s, e, "其中"))
        {
            checks.CheckParts(facts.Facts, st.FirstFact);
        }

        ExpectedReview(st, s, e);
        RespectiveYears(st, s, e);
    }

    private bool OpensWith(int start, int end, string word)
    {
        var k = start;
        while (k < end && char.IsWhiteSpace(_n[k]))
        {
            k++;
        }

        return Words.At(_n, k, end, word);
    }

    private static readonly string[] GoalWordsBesidesExpected = ["力争", "目标", "计划", "预期", "确保", "争取"];

    /// <summary>
    /// 预计地区生产总值超过2100亿元,增长8.8%左右;规上工业增加值突破1100亿元… opening a paragraph of a 政府工作报告 read in January–March
    /// reviews the year just ended: its figures are that year's outcomes (values, growths), not goals, and 预计 is no part of their
    /// names. A figure with a goal word of its own (力争, 目标, 计划, 预期…) or a written year other than the year just ended stays
    /// as read.
    /// </summary>
    private void ExpectedReview(SentenceState st, int s, int e)
    {
        if (!_reviewParagraph || reference is not { } r || ContainsAny(s, e, GoalWordsBesidesExpected))
        {
            return;
        }

        var year = StatPeriod.ForYear(r.Year - 1);
        for (var k = st.FirstFact; k < facts.Facts.Count; k++)
        {
            var f = facts.Facts[k];
            if (f.Period is { } written && written.Year != year.Year)
            {
                continue;
            }

            var kind = f.Kind == FactKind.Target ? (f.Amount is null ? FactKind.Growth : FactKind.Value) : f.Kind;
            var name = f.Indicator.StartsWith("预计", StringComparison.Ordinal) && f.Indicator.Length > 2 ? f.Indicator[2..] : f.Indicator;
            var raw = f.IndicatorRaw.StartsWith("预计", StringComparison.Ordinal) && f.IndicatorRaw.Length > 2 ? f.IndicatorRaw[2..] : f.IndicatorRaw;
            var code = f.IndicatorCode;
            if (!ReferenceEquals(name, f.Indicator) && code is null && dictionary.FindLongest(name, null) is { } found && found.Start == 0 && found.Length == name.Length)
            {
                (name, code) = (found.Indicator.NameZh, found.Indicator.Code);
            }

            if (kind != f.Kind || !ReferenceEquals(name, f.Indicator) || f.Period is null)
            {
                facts.Replace(f, f with { Kind = kind, Indicator = name, IndicatorRaw = raw, IndicatorCode = code, Period = year, Rule = f.Rule + "+review.year-just-ended" });
            }
        }
    }

    private bool ContainsAny(int s, int e, string[] words)
    {
        var span = _n.AsSpan(s, e - s);
        foreach (var w in words)
        {
            if (span.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // 2016年至2018年 stated in the sentence, or in a clause before it up to the full stop (…;分别完成…).
    private (int From, int To)? _yearRange;

    /// <summary>
    /// 2016年至2018年,分别完成地区生产总值a亿元、b亿元、c亿元: under a range of years, a 分别 list of one name's figures with as many
    /// figures as years dates them in order (2016, 2017, 2018), not all the range's last year. The range holds for the clauses
    /// after it up to the full stop.
    /// </summary>
    private void RespectiveYears(SentenceState st, int s, int e)
    {
        _yearRange = YearRangeIn(s, e) ?? _yearRange;
        if (_yearRange is not { } range || st.FirstFact >= facts.Facts.Count || _n.AsSpan(s, e - s).IndexOf("分别", StringComparison.Ordinal) < 0)
        {
            EndYearRangeAt(e);
            return;
        }

        var years = range.To - range.From + 1;
        var last = StatPeriod.ForYear(range.To);
        var k = st.FirstFact;
        while (k < facts.Facts.Count)
        {
            var first = facts.Facts[k];
            var run = 1;
            while (k + run < facts.Facts.Count && facts.Facts[k + run] is var next && next.Kind == first.Kind
                && string.Equals(next.Indicator, first.Indicator, StringComparison.Ordinal))
            {
                run++;
            }

            if (run == years && first.Kind is FactKind.Value or FactKind.Growth && AllInPeriod(facts.Facts, k, run, last))
            {
                for (var j = 0; j < run; j++)
                {
                    var f = facts.Facts[k + j];
                    facts.Replace(f, f with { Period = StatPeriod.ForYear(range.From + j), Rule = f.Rule + "+period.respectively-years" });
                }
            }

            k += run;
        }

        EndYearRangeAt(e);
    }

    // A loop, not Enumerable.Range(…).All(lambda): the lambda's closure was made at every sentence's RespectiveYears call.
    private static bool AllInPeriod(List<ExtractedFact> all, int from, int count, StatPeriod period)
    {
        for (var j = from; j < from + count; j++)
        {
            if (all[j].Period != period)
            {
                return false;
            }
        }

        return true;
    }

    private void EndYearRangeAt(int e)
    {
        if (e >= _n.Length || _n[e] != ';')
        {
            _yearRange = null;
        }
    }

    /// <summary>2016年至2018年, 2016-2018年, 2016年到2018年 (two to six years) inside [s, e).</summary>
    private (int From, int To)? YearRangeIn(int s, int e)
    {
        for (var i = s; i + 9 < e; i++)
        {
            if (!char.IsAsciiDigit(_n[i]))
            {
                continue; // either form starts with a digit: one test per character before the longer ones
            }

            if (!PeriodScanner.IsYearAt(_n, i, e) && !(i + 4 < e && _n[i + 4] is '至' or '到' or '-' or '—' or '~' && AllDigits(i, 4)))
            {
                continue;
            }

            var j = _n[i + 4] == '年' ? i + 5 : i + 4;
            if (j < e && _n[j] is '至' or '到' or '-' or '—' or '~' && j + 5 < e && AllDigits(j + 1, 4) && _n[j + 5] == '年')
            {
                var (from, to) = (PeriodScanner.YearAt(_n, i), PeriodScanner.YearAt(_n, j + 1));
                if (to - from is >= 1 and <= 5)
                {
                    return (from, to);
                }
            }
        }

        return null;
    }

    private bool AllDigits(int i, int count)
    {
        for (var k = i; k < i + count; k++)
        {
            if (!char.IsAsciiDigit(_n[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A money size class (5000万元以上项目投资): the figure is part of the name after it, which it does not cut.</summary>
    private bool IsSizeClass(NumberToken t, int e)
        => (t.Amount.Qualifier is Qualifier.AtLeast or Qualifier.AtMost || ThresholdAfter(t.End, e) > 0) && t.Amount.Unit.Dimension is Dimension.Money or Dimension.UsDollar
            && t.End < e && Words.IsCjk(_n[t.End])
            && !Words.At(_n, t.End, e, "的") && Words.MatchAny(_n, t.End, e, Words.Up) == 0 && Words.MatchAny(_n, t.End, e, Words.Down) == 0;

    /// <summary>The length of 及以上/及以下 right after a figure (5000万元及以上项目), which the number scanner does not read as 以上; else 0.</summary>
    private int ThresholdAfter(int at, int e) => Words.At(_n, at, e, "及以上") || Words.At(_n, at, e, "及以下") ? 3 : 0;

    /// <summary>Nouns a threshold figure classes (总投资2000万美元以上的项目, 主营业务收入2000万元以上的企业).</summary>
    private static readonly string[] ClassedNouns = ["项目", "企业", "工业企业", "单位", "法人单位"];

    /// <summary>
    /// A figure that is a threshold, not a value: 5亿元以上项目, 5000万元及以上项目, 总投资2000万美元以上的项目 — 以上/以下 (or 及以上) with a
    /// word after it, or with 的 and a class of projects or enterprises after it.
    /// </summary>
    private bool IsThreshold(NumberToken t, int e)
    {
        var after = t.End + ThresholdAfter(t.End, e);
        if (!(t.Amount.Qualifier is Qualifier.AtLeast or Qualifier.AtMost || after > t.End) || after >= e || !Words.IsCjk(_n[after]))
        {
            return false;
        }

        return !Words.At(_n, after, e, "的") || Words.MatchAny(_n, after + 1, e, ClassedNouns) > 0;
    }

    /// <summary>
    /// Whether the 园区 at <paramref name="i"/> ends a park's own name (水口工业园区完成产值): a word of the name stands right before
    /// it, so it stays in the subject (the region is still the scope's).
    /// </summary>
    private bool EndsAParksName(int i, int s)
        => _n[i] == '园' && i > s && Words.IsCjk(_n[i - 1]) && "中其和及与的在对为是了全".IndexOf(_n[i - 1], StringComparison.Ordinal) < 0;

    /// <summary>A comma, colon, bracket or quote: the next figure's name starts after it, except after a short bracket (a gloss).</summary>
    private void Segment(SentenceState st, char c, int i)
    {
        if (c == '(')
        {
            st.ParenOpen = i;
            st.ParenNameStart = st.NameStart;
            st.FactsAtParen = facts.Facts.Count;
        }
        else if (c == ')' && st.ParenOpen >= 0 && i - st.ParenOpen <= 24 && facts.Facts.Count == st.FactsAtParen)
        {
            // 规上工业增加值(可比价)增长8.1%: a bracket without a figure does not cut the name around it.
            st.Excluded.Add((st.ParenOpen, i + 1));
            st.NameStart = st.ParenNameStart;
            st.ParenOpen = -1;
            return;
        }

        if (c == ':' && st.Target)
        {
            _paragraphGoal = true;
        }

        st.AfterEnumeration = c == '、';
        st.NameStart = i + 1;
        st.Excluded.Clear();
        if (c == ')')
        {
            st.ParenOpen = -1;
        }
    }

    private static readonly string[] IndustryMeasures = ["增加值", "总产值", "产值", "投资", "营业收入", "利润", "产量", "用电量"];

    /// <summary>Measures of a goods or price category (粮油、食品类零售额, 生活用品及服务类价格).</summary>
    private static readonly string[] CategoryMeasures = ["零售额", "商品零售额", "销售额", "价格"];

    /// <summary>
    /// Whether the 、 at <paramref name="i"/> joins parts of one industry's name: within 24 characters after it, with no figure
    /// or punctuation but 、/和/及 between, comes 业 followed by a measure (增加值, 产值, 投资 …); or parts of one goods category's
    /// name (粮油、食品类零售额, 服装、鞋帽、针纺织品类): 类 followed by its measure, the part before the 、 not a category of its own.
    /// </summary>
    private bool IndustryNameGoesOn(int i, int e)
    {
        var joined = false;
        for (var k = i + 1; k < e && k - i <= 24; k++)
        {
            var c = _n[k];
            if (c == '业' && Words.MatchAny(_n, k + 1, e, IndustryMeasures) > 0)
            {
                return true;
            }

            if (c == '类' && i > 0 && _n[i - 1] != '类' && Words.MatchAny(_n, k + 1, e, CategoryMeasures) > 0)
            {
                return true;
            }

            joined |= c is '和' or '及';
            var rate = k + 1 + (Words.At(_n, k + 1, e, "同比") ? 2 : 0); // 石油、煤炭及其他燃料加工业同比增长17.1%
            if (c == '业' && joined && i > 0 && _n[i - 1] != '业' && (Words.MatchAny(_n, rate, e, Words.Up) > 0 || Words.MatchAny(_n, rate, e, Words.Down) > 0))
            {
                return true; // 计算机、通信和其他电子设备制造业增长14.6%: one industry (a list of industries has 业 in each part)
            }

            if (!(Words.IsCjk(c) || c == '、') || Words.MatchAny(_n, k, e, Words.Up) > 0 || Words.MatchAny(_n, k, e, Words.Down) > 0 || Words.At(_n, k, e, "分别"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// 完成年初目标的12%, 为年度目标的26.3%, 占全年目标的…: a goal already measured against (after 完成, at most 4 characters back, or
    /// after 为/占 with 的 after it) governs nothing.
    /// </summary>
    private bool CompletedGoal(int i, int s)
    {
        if (_n[i] != '目')
        {
            return false;
        }

        if (i + 2 < _n.Length && _n[i + 1] == '标' && _n[i + 2] == '的' && MeasuredAgainst(i, s))
        {
            return true;
        }

        for (var k = i - 2; k >= s && i - k <= 6; k--)
        {
            if (_n[k] == '完' && _n[k + 1] == '成')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether 为 or 占 stands at most 4 characters before <paramref name="i"/> (为年度目标的, 占全年目标的).</summary>
    private bool MeasuredAgainst(int i, int s)
    {
        for (var k = i - 1; k >= s && i - k <= 4; k--)
        {
            if (_n[k] is '为' or '占')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 完成年任务的24.1%, 占年任务的18.5%, 为年度目标的26.3%, 完成年初目标的X%: a plan share written against a task or goal (a task
    /// or goal named after 完成/为/占 and before 的).
    /// </summary>
    private static bool NamesATask(string pre)
        => (pre.Contains("任务", StringComparison.Ordinal) || pre.Contains("目标的", StringComparison.Ordinal))
            && (pre.Contains("完成", StringComparison.Ordinal) || pre.Contains('为', StringComparison.Ordinal) || pre.Contains('占', StringComparison.Ordinal));

    /// <summary>目标:, 力争: or a goal word that opens the paragraph's first clause.</summary>
    private bool GoalLeadsIn(int i, int e)
    {
        for (var k = i; k < e && k - i < 12; k++)
        {
            if (_n[k] == ':')
            {
                return true;
            }

            if (char.IsAsciiDigit(_n[k]) || _n[k] == ',')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="i"/> opens the sentence or a clause (after a comma, or right after a period: 一季度全省…). 全省 there
    /// is the subject of the figures that follow; inside a clause (位居全省第3, 列全省前列) it names what the page compares itself with.
    /// </summary>
    private bool OpensAClause(SentenceState st, int i, int s)
        => i == s || ClauseSplitter.EndsSegment(_n[i - 1]) || st.Excluded.Exists(x => x.End == i);

    /// <summary>A place named right after 高于/低于/比/较/快于 or an opening bracket is the comparator, not the clause's region.</summary>
    private bool AfterComparator(int i, int s)
    {
        if (i - 1 >= s && _n[i - 1] is '比' or '较' or '于' or '占' or '(')
        {
            return true; // 增长7.5%(全市11.1%): a place opening a bracket is what the figure is compared with
        }

        return i - 2 >= s && Words.MatchAny(_n, i - 2, i, Words.Comparators) > 0;
    }

    private int Mention(SentenceState st, RegionMention m, int i)
    {
        var resolved = regions.Resolved(m);
        if (resolved is { } stemOf && !string.Equals(stemOf.Name, m.Text, StringComparison.Ordinal) && (regions.Main is null || !regions.Related(stemOf)))
        {
            return i + 1; // 江海储能, 包容合作: a stem of some unrelated region is a word, not a place; with no region backed
                          // by the text at all, a bare stem (新兴产业, 建安工程投资) is a word too
        }

        if (AfterComparator(i, st.NameStart) || InsideName(m) || Words.At(_n, m.Start + m.Length, _n.Length, "级") || AfterAnAttribute(m))
        {
            return i + m.Length; // 高于全市平均; 通州湾科创城 项目, 江阳区人民医院; 县级以上龙头企业 (a level): a comparator or part of a name, not the region
        }

        if (regions.Listed(m))
        {
            // 富顺县、荣县、隆昌市4个县(市)增速超过8%: an item of an enumeration of places is not the clause's region; the clause's
            // figures are the group's (a 分别 list pairs its regions with its figures itself: RespectiveRegionList).
            (st.Mention, st.Region, st.RegionText) = (null, null, m.Text);
        }
        else if (resolved is { } r && (RegionKindRules.IsCountyLevelUnit(r.Kind) || r.IsPark || r.Kind == RegionKind.PrefectureCity))
        {
            st.Mention = m;
            st.Region = r;
            st.RegionText = m.Text;
            discourse.OnRegion(r, m.Text, i);
        }
        else if (resolved is null && m.Candidates.Count > 1 && m.Candidates.Any(regions.Related)
            && (regions.Main is not null || NamedExactly(m)))
        {
            st.Mention = m;
            st.Region = null;
            st.RegionText = m.Text;
            discourse.OnRegion(null, m.Text, i);
        }

        st.NameStart = i + m.Length;
        st.Excluded.Clear();
        return i + m.Length;
    }

    /// <summary>
    /// Whether the place name follows an attribute ending in 性 (战略性新兴产业, 生产性…): an adjective in 性 qualifies the noun after it,
    /// so the "place" is the start of that noun (新兴 of 新兴产业), not a region.
    /// </summary>
    private bool AfterAnAttribute(RegionMention m) => m.Start > 1 && _n[m.Start - 1] == '性' && Words.IsCjk(_n[m.Start - 2]);

    private static readonly string[] NameEnds =
    [
        "项目", "医院", "学校", "中学", "小学", "大学", "公司", "集团", "银行", "论坛", "大会", "博览会", "展会", "推介会", "峰会", "节", "杯", "品牌",
        "牌", "商会", "协会", "产业园", "科技园", "工业园", "广场", "大道", "大桥", "站", "港", "号",
    ];

    /// <summary>
    /// Whether a place name is part of an organisation's, event's, project's or product's name (江阳区人民医院, 通州湾创新论坛): the
    /// words glued after it (at most 8, no figure, no punctuation) end in such a noun.
    /// </summary>
    private bool InsideName(RegionMention m)
    {
        if (m.Start > 0 && _n[m.Start - 1] is '“' or '"' or '《' or '「')
        {
            return true; // “泸州飘香包装旧厂房重建”: a quoted project or product name
        }

        var from = m.Start + m.Length;
        for (var k = from; k < _n.Length && k - from < 8; k++)
        {
            var c = _n[k];
            if (!Words.IsCjk(c) || Words.MatchAny(_n, k, _n.Length, Words.Verbs) > 0 || Words.MatchAny(_n, k, _n.Length, Words.Up) > 0
                || Words.MatchAny(_n, k, _n.Length, Words.Down) > 0)
            {
                return false;
            }

            foreach (var end in NameEnds)
            {
                if ((k - from >= 2 || end is "医院" or "学校" or "中学" or "小学" or "大学" or "公司" or "集团" or "银行" or "商会" or "协会") && Words.At(_n, k, _n.Length, end) && k + end.Length - from <= 10)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] LevelWordsBefore = ["基本", "保持", "与", "和", "同"];

    private static readonly string[] RateWords = ["增幅", "增速", "降幅", "幅度", "速度", "水平", "涨幅", "占比", "比重"];

    /// <summary>
    /// 与去年同期持平 / 同比持平: a growth of 0 — of the level just before it when the words name nothing (工业用电量3.2亿千瓦时,与上年持平),
    /// else of what they name (商品房销售面积与上年持平). A rate equal to last year's (增幅与去年同期持平) is a comparison, no fact; 持平
    /// against any other period (与1-4月持平) is not a growth.
    /// </summary>
    /// <summary>A comparison word alone before a rate (同比11.4%): the growth verb left out.</summary>
    private static readonly string[] YearOnYearWords = ["同比", "比上年", "比去年", "比上年同期", "比去年同期", "较上年", "较去年", "较上年同期", "较去年同期"];

    private void SameAsLastYear(SentenceState st, int s, int i, int e)
    {
        if (i >= 2 && _n.AsSpan(i - 2, 2) is "基本" or "大体" or "大致")
        {
            return; // 与上年基本持平: about the same as last year, not a growth of exactly 0
        }

        var written = _n[st.NameStart..i];
        if (!written.Contains("同比", StringComparison.Ordinal) && !written.Contains("上年", StringComparison.Ordinal) && !written.Contains("去年", StringComparison.Ordinal))
        {
            return;
        }

        var own = CleanPre(st, i);
        bool changed;
        do
        {
            changed = false;
            foreach (var w in LevelWordsBefore)
            {
                if (own.EndsWith(w, StringComparison.Ordinal))
                {
                    own = NameWords.Clean(own[..^w.Length]);
                    changed = true;
                }
            }
        }
        while (changed && own.Length > 0);

        if (ContainsAnyOf(own, RateWords))
        {
            return;
        }

        if (own.Length == 0)
        {
            if (st.Last is { GrowthPct: null, Amount: { Unit.Dimension: not Dimension.Percent } } level && level.Kind is FactKind.Value or FactKind.PlanCompletion)
            {
                st.Last = facts.Replace(level, level with { GrowthPct = 0m, Rule = level.Rule + "+growth.same-as-last-year" });
            }

            return;
        }

        var found = dictionary.FindLongest(own, null) is { } f && f.Start + f.Length == own.Length && QualifiedName(own, f.Start, f.Length) is null ? f.Indicator : null;
        if (own.Length >= 2)
        {
            Emit(st, s, e, new FactDraft(FactKind.Growth, null, null, 0m, null, found?.NameZh ?? own, own, found?.Code, i, 2, "growth.same-as-last-year"));
        }
    }

    private int Doubling(SentenceState st, int s, int i, int e)
    {
        var len = Words.At(_n, i, e, "翻番") ? 2 : 3;
        var times = _n[i + 1] == '两' ? 4m : 2m;
        var q = Words.At(_n, i + len, e, "以上") ? Qualifier.AtLeast : Qualifier.Exact;
        var (name, raw, code) = Name(st, i, null, inheritFrom: null);
        if (name.Length > 0)
        {
            Emit(st, s, e, new FactDraft(FactKind.Target, new Amount(times, Unit.Times, q), null, null, null, name, raw, code, i, len + (q == Qualifier.AtLeast ? 2 : 0), "target.doubling"));
        }

        st.NameStart = i + len;
        return i + len;
    }

    private void Classify(SentenceState st, int s, int e, NumberToken t)
    {
        var (q0, figureStart, figureEnd, amount, high) = (t.QualifierStart, t.Start, t.End, t.Amount, t.High);
        var figureLength = figureEnd - figureStart;
        var dim = amount.Unit.Dimension;
        if (dim == Dimension.Length || (dim == Dimension.Dimensionless && !NumberScanner.IsForeignCurrency(amount.Unit)))
        {
            return; // before the words are copied: nothing below reads them for such a figure
        }

        if (t.BareYi && !NamesMoney(st, q0))
        {
            return; // 天然气产量1.2亿方: a bare 亿 is 亿元 only for a money measure
        }

        var pre = Pre(st, q0);
        var (dirLen, sign) = NameWords.DirectionAtEnd(pre);

        if (dim is Dimension.Money or Dimension.Count && Respectively(st, s, e, t, pre, dirLen))
        {
            return;
        }

        if (dim == Dimension.Percent)
        {
            Percent(st, s, e, t, pre, dirLen, sign);
            return;
        }

        if (dim == Dimension.PercentagePoint)
        {
            Points(st, s, e, t, pre, dirLen, sign);
            return;
        }

        if (dim == Dimension.Multiple)
        {
            if (RespectiveMultiple(st, s, e, t, pre, dirLen, sign))
            {
                return;
            }

            var (mn, mraw, mcode) = Name(st, q0 - dirLen, null, st.Last);
            if (mn.Length > 0)
            {
                Emit(st, s, e, new FactDraft(FactKind.Multiple, amount, high, null, null, mn, mraw, mcode, figureStart, figureLength, "multiple"));
            }

            return;
        }

        if (dim == Dimension.Count)
        {
            Count(st, s, e, t, pre);
            return;
        }

        if (IsThreshold(t, e))
        {
            return; // 5亿元以上项目, 5000万元及以上项目, 2000万美元以上的项目: a size class, not a figure
        }

        if (IsBaseLevel(st, q0, pre))
        {
            return; // 比上年同期196978万元: last year's level, named only as the base; not this year's, and it takes no growth
        }

        if (dim == Dimension.Money && IsPlanBase(pre))
        {
            st.PlanBaseOpen = true; // the budget or plan a share is of (为年初预算数60999万元的40.4%) is not a fact of its own
            return;
        }

        // 比年初增加12亿元: an increment is a change, not a level, and takes no growth rate.
        var incrementLen = 0;
        foreach (var w in IncrementWords)
        {
            if (pre.EndsWith(w, StringComparison.Ordinal))
            {
                incrementLen = w.Length;
                break;
            }
        }

        if (incrementLen > 0)
        {
            var down = pre.EndsWith("减少", StringComparison.Ordinal) || pre.EndsWith("少增", StringComparison.Ordinal) || pre.EndsWith("减收", StringComparison.Ordinal) || pre.EndsWith("减支", StringComparison.Ordinal) || pre.EndsWith("短收", StringComparison.Ordinal)
                || pre.EndsWith("削减", StringComparison.Ordinal) || pre.EndsWith("压减", StringComparison.Ordinal);
            var own = NameWords.Clean(pre[..^incrementLen]);
            var basisAt = own.StartsWith('与') ? 0 : own.IndexOfAny(['比', '较']);
            var (iname, iraw, icode) = basisAt == 0 && st.Last is { } level
                ? (level.Indicator, level.IndicatorRaw, level.IndicatorCode) // 比年初增加12.6亿元: the change of the level just before
                : Name(st, q0 - incrementLen, null, st.Last);
            if (iname.Length > 0)
            {
                var signed = down ? amount with { Value = -amount.Value } : amount;
                var region = st.Region ?? (st.RegionText is null ? regions.Main : null);
                // Not st.Last: a growth after it (增加12.6亿元,增长7.4%) is the level's, never the increment's.
                facts.Add(new FactDraft(FactKind.Increment, signed, high, null, null, iname, iraw, icode, figureStart, figureLength, "increment.change-word", Borrowed: basisAt == 0),
                    s, e, discourse.Period, region, st.RegionText ?? regions.MainText, st.Target);
            }

            return;
        }

        var (vn, vraw, vcode) = Name(st, q0, dim, st.Last);
        var rule = vcode is null ? "value.words-before-figure" : "value.catalogue-name";
        if (vn.Length < 2)
        {
            (vn, vraw, _, _) = Following(figureEnd, e);
            vcode = null;
            rule = "value.noun-after-figure";
            if (vn.Length > 0 && !IsNounPhrase(vn))
            {
                // 12.35亿元 同比增长5.2% under a line 一般公共预算收入: the words after the figure are its growth, not its name; an
                // infographic names the figure on the line above it. With no such line the figure names nothing.
                (vn, vraw, vcode) = figureStart == _line.Start ? MeasureOfLineBefore(dim) : (string.Empty, string.Empty, null);
                rule = "value.line-before";
            }
        }

        if (vn.Length == 0)
        {
            return;
        }

        if (st.Last is { Kind: FactKind.Growth, Amount: null, GrowthPct: { } before } grew && string.Equals(grew.Indicator, vn, StringComparison.Ordinal) && IsLevelAfterItsGrowth(pre)
            && ReferenceEquals(facts.Facts.Count > 0 ? facts.Facts[^1] : null, grew))
        {
            // 地区生产总值增长6.2%达92.9亿元, 同比增长8%,达到12亿元: the growth before its level is one fact with it, not two.
            facts.Facts.RemoveAt(facts.Facts.Count - 1);
            Emit(st, s, e, new FactDraft(FactKind.Value, amount, high, before, null, vn, vraw, vcode, figureStart, figureLength, rule + "+growth.before-its-level"));
            return;
        }

        Emit(st, s, e, new FactDraft(FactKind.Value, amount, high, null, null, vn, vraw, vcode, figureStart, figureLength, rule));
    }

    /// <summary>
    /// Whether words after a figure can be its name: not when they open with a comparison or a direction (同比增长, 比上年, 增长, 下降) —
    /// those say how the figure moved, not what it measures.
    /// </summary>
    private static bool IsNounPhrase(string words)
    {
        var t = words.AsSpan();
        foreach (var w in YearOnYearWords)
        {
            if (t.StartsWith(w, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var list in (string[][])[Words.Up, Words.Down])
        {
            foreach (var w in list)
            {
                if (w.Length >= 2 && t.StartsWith(w, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The measure a line without figures names when it stands right above a line that opens with a figure (an infographic's caption:
    /// 一般公共预算收入⏎12.35亿元 同比增长5.2%): the catalogue name the line ends with, else the line's words when they are a short noun
    /// phrase (no figure, no punctuation); nothing otherwise.
    /// </summary>
    private (string Name, string Raw, IndicatorCode? Code) MeasureOfLineBefore(Dimension? dim)
    {
        var (from, to) = _lineBefore;
        if (from < 0 || _lineBeforeHadFacts || to - from is < 2 or > 24)
        {
            return (string.Empty, string.Empty, null);
        }

        var line = _n[from..to].TrimEnd();
        if (dictionary.FindLongest(line, dim) is { } found && found.Start + found.Length == line.Length)
        {
            return (found.Indicator.NameZh, RawOf(from + found.Start, found.Length), found.Indicator.Code);
        }

        var (start, length) = NameWords.CleanRange(line);
        return length is >= 2 and <= 12 && line.AsSpan(start, length).IndexOfAnyExceptInRange('\u4E00', '\u9FFF') < 0
            ? (line.Substring(start, length), RawOf(from + start, length), null)
            : (string.Empty, string.Empty, null);
    }

    /// <summary>The words between a growth and a level that are only the verb reaching it (达, 达到, 为): the level is the growth's.</summary>
    private static bool IsLevelAfterItsGrowth(string pre)
    {
        return pre.AsSpan().Trim(" ,;:") is "达" or "达到" or "为" or "至";
    }

    /// <summary>Words that make a measure money (投资, 收入, 产值, 销售额 …), for a figure written with a bare 亿.</summary>
    private static readonly string[] MoneyWords = ["投资", "收入", "产值", "增加值", "总值", "额", "支出", "利润", "税", "资金", "贷款", "存款", "余额", "营收", "GDP"];

    /// <summary>Whether the words before a figure name a money measure: a catalogue name in money, or a money word (完成投资56.7亿).</summary>
    private bool NamesMoney(SentenceState st, int q0)
    {
        var words = CleanPre(st, q0);
        if (words.Length == 0)
        {
            return st.Last is { Amount.Unit.Dimension: Dimension.Money }; // …,其中工业投资12.3亿元,技改投资5.6亿
        }

        return dictionary.FindLongest(words, Dimension.Money) is not null || ContainsAnyOf(words, MoneyWords);
    }

    /// <summary>
    /// Whether a level figure stands right after a comparison base with no words of its own (比上年同期196978万元, 较去年同期): the
    /// base period's level the change is measured from.
    /// </summary>
    private bool IsBaseLevel(SentenceState st, int q0, string pre)
    {
        if (st.ComparisonBaseEnd >= 0 && q0 - st.ComparisonBaseEnd <= 1 && NameWords.Clean(pre) is "比" or "较" or "")
        {
            return true;
        }

        // 上年同期 right before a figure is read as a date's start, not as a base: the words say 比/较 + last year.
        var written = _n.AsSpan(Math.Max(st.NameStart, q0 - 8), q0 - Math.Max(st.NameStart, q0 - 8));
        return pre.AsSpan().TrimStart() is ['比' or '较', ..] && NameWords.CleansToEmpty(pre) && (written.EndsWith("同期") || written.EndsWith("上年") || written.EndsWith("去年"));
    }

    private static readonly string[] PlanBaseNames = ["预算数", "预算", "年度计划", "年计划", "全年计划", "计划数", "计划任务", "目标任务", "年度目标", "任务数", "目标数", "任务", "目标"];

    /// <summary>年初预算, 调整预算数 — but not 一般公共预算收入/支出, a measure whose name holds 预算.</summary>
    private static bool NamesABudget(string pre)
    {
        for (var at = pre.IndexOf("预算", StringComparison.Ordinal); at >= 0; at = pre.IndexOf("预算", at + 2, StringComparison.Ordinal))
        {
            var next = at + 2 < pre.Length ? pre[at + 2] : '的';
            if (next is not ('收' or '支' or '总' or '内' or '外'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>为年初预算数 / 占调整预算 / 完成年度计划 before a money figure: the figure is the plan a share is taken of.</summary>
    private static bool IsPlanBase(string pre)
    {
        var cleaned = pre.AsSpan().TrimEnd(); // a span, not a trimmed copy per money figure
        var verb = Math.Max(cleaned.LastIndexOf('为'), Math.Max(cleaned.LastIndexOf('占'), cleaned.LastIndexOf("完成", StringComparison.Ordinal)));
        if (verb < 0 || cleaned.Length - verb > 10)
        {
            return false;
        }

        foreach (var w in PlanBaseNames)
        {
            if (cleaned.EndsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 工业投资、基础设施投资分别完成12.4亿元、8.6亿元: each item of the list before 分别 takes the next figure of the same unit, in order.
    /// </summary>
    private bool Respectively(SentenceState st, int s, int e, NumberToken t, string pre, int dirLen)
    {
        var dim = t.Amount.Unit.Dimension;
        if (dirLen == 0 && st.Respectively.Count > 0 && st.RespectiveDim == dim && NameWords.CleansToEmpty(pre))
        {
            var owed = st.Respectively.Dequeue();
            Emit(st, s, e, new FactDraft(dim == Dimension.Count ? OutputOrCount(owed, t.Amount.Unit) : FactKind.Value, t.Amount, t.High, null, null, owed, owed, dictionary.FindLongest(owed, dim) is { } f && f.Length == owed.Length ? f.Indicator.Code : (IndicatorCode?)null,
                t.Start, t.End - t.Start, "value.respectively"));
            return true;
        }

        var at = pre.LastIndexOf("分别", StringComparison.Ordinal);
        var measureAfter = at >= 0 ? NameWords.Clean(pre[(at + 2)..]) : string.Empty;
        if (dirLen == 0 && at >= 0 && RespectiveNames(s, t.QualifierStart - pre.Length + at, OutputWords.Contains(measureAfter) ? measureAfter : null) is { Count: >= 2 } names)
        {
            st.OweRest(names, dim);
            var code = dictionary.FindLongest(names[0], dim) is { } f0 && f0.Length == names[0].Length ? f0.Indicator.Code : (IndicatorCode?)null;
            Emit(st, s, e, new FactDraft(dim == Dimension.Count ? OutputOrCount(names[0], t.Amount.Unit) : FactKind.Value, t.Amount, t.High, null, null, names[0], names[0], code, t.Start, t.End - t.Start, "value.respectively"));
            return true;
        }

        return false;
    }

    private void Percent(SentenceState st, int s, int e, NumberToken t, string pre, int dirLen, int sign)
    {
        var (q0, figureStart, figureLength, amount, high) = (t.QualifierStart, t.Start, t.End - t.Start, t.Amount, t.High);
        if (RespectiveLevel(st, pre, dirLen, sign, amount.Value) || JoinedRatesOfLevels(st, s, e, t, pre, dirLen, sign) || ComparatorInBrackets(st, pre))
        {
            return;
        }

        if (PartOfAStructure(s, q0))
        {
            return; // 三次产业结构由22.3%、28.6%和49.1%调整为…: the parts of a structure are no figures of their own
        }

        if (dirLen == 0 && AgainstTheTimePlan(pre) is not 0 and var paceSign)
        {
            // 完成预算的16.2%,较均衡进度慢0.5%: the plan share compared with the share of the year gone by — a comparison of the level
            // before it, never a value; the growth after it (…,下降24.2%) is still that level's (st.Last stays).
            if (st.Last is { Kind: FactKind.PlanCompletion or FactKind.Value } paced)
            {
                facts.Add(new FactDraft(FactKind.Comparison, amount with { Value = paceSign * amount.Value }, high, null, null, paced.Indicator, paced.IndicatorRaw, paced.IndicatorCode,
                    figureStart, figureLength, "comparison.time-plan", Borrowed: true, Comparator: "均衡进度"), s, e, paced.Period, RegionOf(paced), paced.Region, goal: false);
            }

            return;
        }

        if (dirLen == 0 && st.Last is { GrowthPct: null, Amount.Unit.Dimension: not Dimension.Percent, Kind: FactKind.Value or FactKind.PlanCompletion } bareLevel
            && YearOnYearWords.Contains(_n[Math.Max(st.NameStart, q0 - 10)..q0].Trim(" ,;:".ToCharArray())))
        {
            // 人均可支配收入36935元,同比11.4%: a rate after only the comparison word, the growth verb left out, is the level's growth.
            st.Last = facts.Replace(bareLevel, bareLevel with { GrowthPct = amount.Value, Rule = bareLevel.Rule + "+growth.comparison-word-only" });
            return;
        }

        if (dirLen == 0 && st.RespectiveRegions.Count > 0 && st.RespectiveDim == Dimension.Percent && NameWords.Clean(pre) is "" or "和" or "及")
        {
            // 甲县、乙县分别增长7.2%和6.9%: the next region of the list takes the next figure, of the same measure.
            EmitForRegion(st, s, e, st.RespectiveRegions.Dequeue(), new FactDraft(FactKind.Growth, null, null, st.RespectiveSign * amount.Value, null,
                st.RespectiveMeasure.Name, st.RespectiveMeasure.Raw, st.RespectiveMeasure.Code, figureStart, figureLength, "growth.respectively-regions", Borrowed: true));
            return;
        }

        if (dirLen > 0 && pre.Contains("分别", StringComparison.Ordinal) && RespectiveRegionList(s, q0 - pre.Length + pre.LastIndexOf("分别", StringComparison.Ordinal)) is { Count: >= 2 } places)
        {
            // The measure is named before 分别, or is the one the sentence or paragraph spoke of last (…增长12.1%;甲县、乙县分别增长…).
            var measure = Name(st, q0 - dirLen, null, st.Last ?? (facts.Facts.Count > _paragraphFirstFact ? facts.Facts[^1] : null));
            if (measure.Name.Length > 0)
            {
                st.Respectively.Clear();
                st.RespectiveRegions.Clear();
                foreach (var later in places.Skip(1))
                {
                    st.RespectiveRegions.Enqueue(later);
                }

                (st.RespectiveSign, st.RespectiveDim, st.RespectiveMeasure) = (sign, Dimension.Percent, measure);
                EmitForRegion(st, s, e, places[0], new FactDraft(FactKind.Growth, null, null, sign * amount.Value, null, measure.Name, measure.Raw, measure.Code,
                    figureStart, figureLength, "growth.respectively-regions", Borrowed: true));
                return;
            }
        }

        if (dirLen == 0 && st.Respectively.Count > 0 && st.RespectiveDim == Dimension.Percent && NameWords.CleansToEmpty(pre))
        {
            // …分别增长37.0%、16.4%: the next name of the list takes the next figure.
            var owed = st.Respectively.Dequeue();
            Emit(st, s, e, st.RespectiveRatesAreLevels
                ? new FactDraft(IsShareName(owed) ? FactKind.Share : FactKind.Value, amount, high, null, null, owed, owed, null, figureStart, figureLength, "value.rate-respectively")
                : new FactDraft(FactKind.Growth, null, null, st.RespectiveSign * amount.Value, null, owed, owed, null, figureStart, figureLength, "growth.respectively"));
            return;
        }

        // 工业增加值、固定资产投资、社会消费品零售总额增幅分别达到8.2%、10.5%、6.7%: the rate word before 分别 makes the list
        // growths of the items (降幅: declines), never values named 增幅; 三次产业对经济增长的贡献率分别为a%、b%、c%: rates that are
        // levels of each item, in order.
        if (dirLen == 0 && RatesRespectively(pre) is { } rates && RespectiveNames(s, q0 - pre.Length + rates.ListEnd) is { Count: >= 2 } rated
            && rated.All(x => !char.IsAsciiDigit(x[0]) && !x.EndsWith('月') && !x.EndsWith("月份", StringComparison.Ordinal) && !x.EndsWith("季度", StringComparison.Ordinal) && !x.EndsWith('年')))
        {
            if (rates.Sign == 0)
            {
                var word = rates.Word; // captured here, not the pattern variable: that made Percent's closure at every percent figure
                rated = [.. rated.Select(x => x.EndsWith(word, StringComparison.Ordinal) ? x : x + word)]; // 第一产业、第二产业…贡献率
            }

            st.OweRest(rated, Dimension.Percent, rates.Sign, ratesAreLevels: rates.Sign == 0);
            Emit(st, s, e, rates.Sign == 0
                ? new FactDraft(IsShareName(rated[0]) ? FactKind.Share : FactKind.Value, amount, high, null, null, rated[0], rated[0], null, figureStart, figureLength, "value.rate-respectively")
                : new FactDraft(FactKind.Growth, null, null, rates.Sign * amount.Value, null, rated[0], rated[0], null, figureStart, figureLength, "growth.rate-word-respectively"));
            return;
        }

        if (dirLen > 0 && pre.Contains("分别", StringComparison.Ordinal)
            && (CommaListedNames(s, q0 - pre.Length + pre.LastIndexOf("分别", StringComparison.Ordinal), JoinedRatesAfter(s, figureStart + figureLength, e, multiplesToo: true) + 1)
                ?? RespectiveNames(s, q0 - pre.Length + pre.LastIndexOf("分别", StringComparison.Ordinal))) is { Count: >= 2 } names)
        {
            st.OweRest(names, Dimension.Percent, sign);
            Emit(st, s, e, new FactDraft(FactKind.Growth, null, null, sign * amount.Value, null, names[0], names[0], null, figureStart, figureLength, "growth.respectively"));
            return;
        }

        // 较一季度(-10.8%)回升: a rate in brackets after a comparison base is that earlier period's growth of the same indicator; so is
        // a rate right after the base and a rate word (增幅比1-4月增速12.3%提高0.3个百分点).
        if (st.ComparisonBase is { } basePeriod && st.Last is { } before
            && ((dirLen == 0 && st.ParenOpen >= 0 && NameWords.CleansToEmpty(pre))
                || (q0 >= st.ComparisonBaseEnd && q0 - st.ComparisonBaseEnd <= 3 && EarlierRateWords.Contains(_n[st.ComparisonBaseEnd..q0]))))
        {
            var earlier = facts.Add(new FactDraft(FactKind.Growth, null, null, amount.Value, null, before.Indicator, before.IndicatorRaw, before.IndicatorCode, figureStart, figureLength,
                st.ParenOpen >= 0 ? "growth.earlier-period-in-brackets" : "growth.earlier-period-rate", Borrowed: true),
                s, e, basePeriod, before.RegionCode is null ? null : RegionOf(before), before.Region, goal: false);
            _ = earlier;
            return;
        }

        if (dirLen > 0 && SinceYearStart(pre[..^dirLen]) is var basis && basis > 0)
        {
            // 贷款余额286.4亿元,比年初增长8.2%: a change since the start of the year (or the end of last year), not a year-on-year
            // growth — an increment in percent of the level before it (or of the words before 比年初), never a name of its own.
            var words = NameWords.Clean(pre[..^(dirLen + basis)]);
            var (iname, iraw, icode) = words.Length == 0 && st.Last is { Amount: not null } level
                ? (level.Indicator, level.IndicatorRaw, level.IndicatorCode)
                : Name(st, q0 - dirLen - basis, null, st.Last);
            if (iname.Length > 0)
            {
                var region = st.Region ?? (st.RegionText is null ? regions.Main : null);
                facts.Add(new FactDraft(FactKind.Increment, sign < 0 ? amount with { Value = -amount.Value } : amount, high, null, null, iname, iraw, icode, figureStart, figureLength,
                    "increment.since-year-start-rate", Borrowed: words.Length == 0), s, e, discourse.Period, region, st.RegionText ?? regions.MainText, st.Target);
            }

            return;
        }

        if (dirLen > 0 && !pre.Contains("分别", StringComparison.Ordinal) && JoinedRatesAfter(s, figureStart + figureLength, e) is > 0 and var more
            && RespectiveNames(s, q0 - dirLen) is { } listed && listed.Count == more + 1)
        {
            // 进口额、出口额同比下降37.9%和36.9%: two named items, one direction, their rates joined by 和 — a 分别 list without 分别.
            st.OweRest(listed, Dimension.Percent, sign);
            Emit(st, s, e, new FactDraft(FactKind.Growth, null, null, sign * amount.Value, null, listed[0], listed[0], null, figureStart, figureLength, "growth.respectively-unsaid"));
            return;
        }

        if (dirLen > 0 && !pre.EndsWith("拉动", StringComparison.Ordinal))
        {
            var growth = sign * amount.Value;
            var ownName = NameWords.Clean(pre[..^dirLen]);
            if (GroupRightAfterItsCount(st, q0, ownName))
            {
                return; // …等5个中类增长超200%: a threshold over a counted group, not a growth of the whole nor of 中类
            }
            if (st.Last is { } last && last.GrowthPct is null && last.Amount is not null && last.Kind is FactKind.Value or FactKind.Count or FactKind.PlanCompletion or FactKind.Target
                && NameWords.IsBareGrowthName(ownName))
            {
                st.Last = facts.JoinGrowth(last, growth, "+growth.of-previous-level", st.RespectiveLevels);
                return;
            }

            if (RestatedLevel(st, ownName) is { } restated)
            {
                // 第二产业实现增加值280.5亿元,占GDP比重61.8%,增加值增长6.8%: the measure named again is the level's, not a new fact.
                var updated = facts.Replace(restated, restated with { GrowthPct = growth, Rule = restated.Rule + "+growth.of-restated-level" });
                st.Last = ReferenceEquals(st.Last, restated) ? updated : st.Last;
                return;
            }

            // X占比为a%,同比增长b%: the growth belongs to X's level when the sentence gave one, else to X — never to the share.
            if (st.Last is { Kind: FactKind.Share } share && NameWords.IsBareGrowthName(ownName))
            {
                var level = LevelBefore(st, share);
                if (level is { GrowthPct: null })
                {
                    st.Last = facts.Replace(level, level with { GrowthPct = growth, Rule = level.Rule + "+growth.of-level-before-share" });
                    return;
                }

                Emit(st, s, e, new FactDraft(FactKind.Growth, null, null, growth, null, ShareSubject(share.Indicator), share.IndicatorRaw, null, figureStart, figureLength, "growth.of-share-subject", Borrowed: true));
                return;
            }

            if (st.Last is { Kind: FactKind.Increment } && NameWords.IsBareGrowthName(ownName))
            {
                return; // 比年初增加12亿元,增长8%: the rate is of a level the text does not give here, not of the increment
            }

            var (name, raw, code) = Name(st, q0 - dirLen, null, st.Last);
            if (name.Length == 0)
            {
                return;
            }

            Emit(st, s, e, new FactDraft(FactKind.Growth, null, null, growth, null, name, raw, code, figureStart, figureLength, "growth.name-before-rate", Borrowed: code is null && ownName.Length == 0, GrowthQualifier: amount.Qualifier));
            return;
        }

        var plan = (pre.Contains("计划", StringComparison.Ordinal) || NamesABudget(pre) || NamesATask(pre))
            && (pre.Contains('占', StringComparison.Ordinal) || pre.Contains("完成", StringComparison.Ordinal) || pre.EndsWith('的') || pre.Contains('为', StringComparison.Ordinal));
        plan |= st.PlanBaseOpen && pre.Trim() == "的";
        // 完成投资21.37亿元,投资完成率44.0%: a completion rate right after a money level is that level's share of its plan.
        plan |= NameWords.Clean(pre).EndsWith("完成率", StringComparison.Ordinal) && st.Last is { Amount.Unit.Dimension: Dimension.Money, PlanSharePct: null } && !pre.Contains('占', StringComparison.Ordinal);
        if (plan || (st.PlanSharesOwed && NameWords.CleansToEmpty(pre)))
        {
            st.PlanBaseOpen = false;
            PlanShare(st, s, e, t, pre);
            return;
        }

        var isShare = pre.Contains('占', StringComparison.Ordinal) || pre.Contains("比重", StringComparison.Ordinal);
        var (sn, sraw, scode) = Name(st, q0, Dimension.Percent, st.Last);
        if (isShare && scode is null && ShareOf(st, q0) is { } numerator)
        {
            // 数字经济核心产业增加值占GDP比重为9.8%: the share is of the words before 占 (the whole after it is not the subject).
            (sn, sraw, scode) = (numerator + "占比", numerator + "占比", null);
        }

        if (isShare && sn is "总量" or "总量占比" && st.Last is { Kind: FactKind.Value or FactKind.Growth or FactKind.PlanCompletion, Indicator.Length: > 0 } named)
        {
            // 高技术制造业增加值下降14.5%,总量占全区规上工业增加值65.7%: 总量 is the total of the measure just named.
            (sn, scode) = (named.Indicator + "占比", null);
        }
        else if (isShare && scode is null && sn.Length > 4 && sn.EndsWith("占比", StringComparison.Ordinal) && st.Last is { Kind: FactKind.Value or FactKind.Growth, Indicator: { } whole }
            && whole.Length > sn.Length - 2 && whole.EndsWith(sn[..^2], StringComparison.Ordinal))
        {
            // 民营企业增加值增长11.0%,增加值占比69.2%: the measure named again is the one just named, with its subject.
            (sn, scode) = (whole + "占比", null);
        }

        if (sn.Length == 0 || sn.EndsWith("时序进度", StringComparison.Ordinal) || sn.EndsWith("序时进度", StringComparison.Ordinal))
        {
            return; // (时序进度16.67%): the share of the year gone by, a yardstick — not a fact of the region
        }

        Emit(st, s, e, new FactDraft(isShare ? FactKind.Share : FactKind.Value, amount, high, null, null, sn, sraw, scode, figureStart, figureLength, isShare ? "share.occupies" : "value.rate"));
    }

    // The share of the year gone by that a plan share is measured against (较均衡进度慢0.5%, 超序时进度2.1%).
    private static readonly string[] TimePlanWords = ["均衡进度", "时序进度", "序时进度", "时间进度"];

    /// <summary>
    /// The sign of a comparison with the time plan that ends the words before a rate (较均衡进度慢 → −1, 超序时进度 / 比时间进度快 → +1),
    /// or 0 when the words end otherwise.
    /// </summary>
    private static int AgainstTheTimePlan(string pre)
    {
        foreach (var w in TimePlanWords)
        {
            var at = pre.LastIndexOf(w, StringComparison.Ordinal);
            if (at >= 0 && pre.Length - (at + w.Length) <= 3)
            {
                var around = pre[Math.Max(0, at - 3)..];
                if (around.AsSpan().IndexOfAny("慢低") >= 0 || around.Contains("落后", StringComparison.Ordinal) || around.Contains("滞后", StringComparison.Ordinal))
                {
                    return -1;
                }

                return around.AsSpan().IndexOfAny("快高超较比") >= 0 ? 1 : 0; // (时序进度16.67%) alone compares nothing: it is the yardstick itself
            }
        }

        return 0;
    }

    /// <summary>
    /// Whether a rate stands in a structure's list of parts: 结构 within 60 characters before it, in the same clause, followed by
    /// 由/为/是/: and no growth word (三次产业结构由22.3%、28.6%和49.1%调整为21.4%、27.9%和50.7%; 产业结构为12.1%:40.2%:47.7%).
    /// </summary>
    private bool PartOfAStructure(int s, int q0)
    {
        var from = Math.Max(s, q0 - 60);
        var at = q0 - from >= 2 ? _n.LastIndexOf("结构", q0 - 1, q0 - from, StringComparison.Ordinal) : -1;
        if (at < 0)
        {
            return false;
        }

        var introduced = false;
        for (var k = at + 2; k < q0; k++)
        {
            if (_n[k] is ',' or ';' or '。' || Words.MatchAny(_n, k, q0, Words.Up) > 0 || Words.MatchAny(_n, k, q0, Words.Down) > 0)
            {
                return false;
            }

            introduced |= _n[k] is '由' or '为' or '是' or ':' or '∶';
        }

        return introduced;
    }

    /// <summary>
    /// Whether the words of a growth are a group right after its count (…等5个中类增长超200%, 3家企业增长20%以上): the group's rate
    /// is a threshold over its members, not a figure of the region.
    /// </summary>
    private bool GroupRightAfterItsCount(SentenceState st, int q0, string ownName)
    {
        var from = st.NameStart;
        if (ownName.Length is 0 or > 4 || from < 2 || from > q0 || ownName[0] is '月' or '季' or '年')
        {
            return false; // 前4个月进出口增长9.4%: a count of months is a period, not a group
        }

        var before = _n[from - 2];
        return _n[from - 1] is '个' or '家' or '项' && (char.IsAsciiDigit(before) || "一二两三四五六七八九十几".Contains(before, StringComparison.Ordinal));
    }

    /// <summary>
    /// How many percentages follow the figure ending at <paramref name="from"/>, each joined to the one before by 和/及/、 alone
    /// (37.9%和36.9%, 5.1%、3.2%和2.0%); 0 when none does.
    /// </summary>
    private int JoinedRatesAfter(int s, int from, int e, bool multiplesToo = false)
    {
        var count = 0;
        var k = from;
        while (k + 1 < e && _n[k] is '和' or '及' or '、' && NumberScanner.IsNumberStart(_n, k + 1, s))
        {
            NumberScanner.Scan(_n, s, k + 1, e, k + 1, out var next);
            if (next is not { } rate || rate.Start != k + 1
                || !(rate.Amount.Unit.Dimension == Dimension.Percent || (multiplesToo && rate.Amount.Unit.Dimension == Dimension.Multiple)))
            {
                break;
            }

            count++;
            k = rate.End;
        }

        return count;
    }

    /// <summary>
    /// 甲、乙、丙产量分别增长3.9倍、2.3倍和10.9%: a 分别 list whose figures mix multiples and rates. Each item keeps its own figure's
    /// unit (a multiple stays a multiple; a rate is the item's growth): a multiple opening the list owes the rest of the names to the
    /// figures after it, of either unit, and a multiple after a list opened by a rate takes the next name. A list of names whose
    /// length is not the number of figures gives nothing rather than misaligned facts.
    /// </summary>
    private bool RespectiveMultiple(SentenceState st, int s, int e, NumberToken t, string pre, int dirLen, int sign)
    {
        var q0 = t.QualifierStart;
        var (figureStart, figureLength) = (t.Start, t.End - t.Start);
        if (dirLen == 0 && st.Respectively.Count > 0 && st.RespectiveDim == Dimension.Percent && !st.RespectiveRatesAreLevels && NameWords.CleansToEmpty(pre))
        {
            var owed = st.Respectively.Dequeue();
            Emit(st, s, e, new FactDraft(FactKind.Multiple, t.Amount, t.High, null, null, owed, owed, null, figureStart, figureLength, "multiple.respectively"));
            return true;
        }

        var at = pre.LastIndexOf("分别", StringComparison.Ordinal);
        if (dirLen == 0 || at < 0 || sign < 0)
        {
            return false;
        }

        var figures = JoinedRatesAfter(s, t.End, e, multiplesToo: true) + 1;
        var respectively = q0 - pre.Length + at;
        if ((CommaListedNames(s, respectively, figures) ?? RespectiveNames(s, respectively)) is not { Count: >= 2 } names)
        {
            return false;
        }

        if (names.Count != figures)
        {
            st.Respectively.Clear();
            return true; // three names, two figures: which goes with which is not said
        }

        st.OweRest(names, Dimension.Percent, sign);
        Emit(st, s, e, new FactDraft(FactKind.Multiple, t.Amount, t.High, null, null, names[0], names[0], null, figureStart, figureLength, "multiple.respectively"));
        return true;
    }

    private static readonly string[] ComparatorScopes = ["全市", "全省", "全国", "全州", "全区", "全县", "全盟", "市", "省"];

    /// <summary>
    /// 增长7.5%(全市11.1%), 增长4.1%(全省平均3.0%), (泸州市6.2%): a rate in brackets after the region's own figure, with only
    /// another region or scope before it, is the comparator's figure — not a fact of the region.
    /// </summary>
    private bool ComparatorInBrackets(SentenceState st, string pre)
    {
        if (st.ParenOpen < 0 || st.Last is null || st.Last.Kind is not (FactKind.Value or FactKind.Growth))
        {
            return false;
        }

        var words = NameWords.Clean(pre.Trim());
        var place = 0;
        foreach (var w in ComparatorScopes)
        {
            if (words.StartsWith(w, StringComparison.Ordinal))
            {
                place = w.Length; // the first that matches, as FirstOrDefault; a loop, so no closure is made for every rate
                break;
            }
        }

        if (place == 0 && AfterLeadingPlace(st.ParenOpen + 1, _n.Length) is var after && after > st.ParenOpen + 1)
        {
            place = Math.Min(words.Length, after - st.ParenOpen - 1);
        }

        return place > 0 && NameWords.Clean(NameWords.StripDirection(words[place..])) is "" or "平均" or "平均水平" or "增速" or "增幅";
    }

    /// <summary>
    /// 财政总收入50.8亿元,其中一般公共预算收入18.8亿元,分别增长26.7%和18.9%: a 分别 that names nothing of its own gives its rates,
    /// in order, to the levels of the sentence still without one; true when the rate was given to one.
    /// </summary>
    private bool RespectiveLevel(SentenceState st, string pre, int dirLen, int sign, decimal rate)
    {
        ExtractedFact level;
        if (dirLen == 0 && st.RespectiveLevels.Count > 0 && NameWords.Clean(pre) is "" or "和" or "及")
        {
            level = st.RespectiveLevels.Dequeue();
        }
        else if (dirLen > 0 && pre.Contains("分别", StringComparison.Ordinal) && NameWords.Clean(pre[..^dirLen]).Length == 0)
        {
            var open = facts.Facts.Skip(st.FirstFact)
                .Where(f => f.Kind is FactKind.Value or FactKind.PlanCompletion && f.GrowthPct is null && f.Amount is { Unit.Dimension: not Dimension.Percent })
                .ToList();
            if (open.Count < 2)
            {
                return false;
            }

            st.RespectiveLevels.Clear();
            foreach (var later in open.Skip(1))
            {
                st.RespectiveLevels.Enqueue(later);
            }

            st.RespectiveSign = sign;
            level = open[0];
        }
        else
        {
            return false;
        }

        st.Last = facts.Replace(level, level with { GrowthPct = st.RespectiveSign * rate, Rule = level.Rule + "+growth.respectively-levels" });
        return true;
    }

    /// <summary>How many facts back a growth looks for the level it belongs to (bounded: a line with no full stop stays linear).</summary>
    private const int LevelLookBack = 8;

    /// <summary>
    /// …分别达到18687元、5634元,增长7.8%、9.2%: a bare growth followed by as many joined rates as the sentence has levels still
    /// without one gives them its rates in order (the first level the first rate); true when it did.
    /// </summary>
    private bool JoinedRatesOfLevels(SentenceState st, int s, int e, NumberToken t, string pre, int dirLen, int sign)
    {
        if (dirLen == 0 || pre.Contains("分别", StringComparison.Ordinal) || !NameWords.IsBareGrowthName(NameWords.Clean(pre[..^dirLen]))
            || JoinedRatesAfter(s, t.End, e) is not (> 0 and var more))
        {
            return false;
        }

        var open = facts.Facts.Skip(Math.Max(st.FirstFact, facts.Facts.Count - LevelLookBack))
            .Where(f => f.Kind is FactKind.Value or FactKind.PlanCompletion && f.GrowthPct is null && f.Amount is { Unit.Dimension: not Dimension.Percent })
            .ToList();
        if (open.Count != more + 1)
        {
            return false;
        }

        st.RespectiveLevels.Clear();
        foreach (var later in open.Skip(1))
        {
            st.RespectiveLevels.Enqueue(later);
        }

        st.RespectiveSign = sign;
        st.Last = facts.Replace(open[0], open[0] with { GrowthPct = sign * t.Amount.Value, Rule = open[0].Rule + "+growth.respectively-levels" });
        return true;
    }

    /// <summary>
    /// 占年度计划的54.3%, 为年计划的X%: the plan share of the money figure before it (never a new fact); after a list
    /// (A、B、C分别完成…, 分别占年计划的a%、b%、c%) each share goes to the list's items in order.
    /// </summary>
    private void PlanShare(SentenceState st, int s, int e, NumberToken t, string pre)
    {
        var (q0, figureStart, figureLength, amount) = (t.QualifierStart, t.Start, t.End - t.Start, t.Amount);
        if (pre.Contains("分别", StringComparison.Ordinal) || st.PlanSharesOwed)
        {
            // The money facts of the sentence still without a plan share take the shares in order.
            var open = facts.Facts.Skip(st.FirstFact).Where(f => f.Amount is { Unit.Dimension: Dimension.Money } && f.PlanSharePct is null).FirstOrDefault();
            if (open is not null)
            {
                var updated = facts.Replace(open, open with { Kind = open.Kind == FactKind.Target ? FactKind.Target : FactKind.PlanCompletion, PlanSharePct = amount.Value, Rule = open.Rule + "+plan-share.respectively" });
                checks.CheckPlan(facts.Facts, updated);
                st.PlanSharesOwed = true; // more shares may follow in the list
                st.Last = updated;
                return;
            }
        }

        if (st.Last is { } last && last.Amount is { Unit.Dimension: Dimension.Money } && last.PlanSharePct is null)
        {
            var updated = facts.Replace(last, last with { Kind = st.Target ? FactKind.Target : FactKind.PlanCompletion, PlanSharePct = amount.Value, Rule = last.Rule + "+plan-share.of-previous" });
            checks.CheckPlan(facts.Facts, updated);
            st.Last = updated;
            return;
        }

        if (pre.Contains('为', StringComparison.Ordinal) && !pre.Contains("完成", StringComparison.Ordinal))
        {
            return; // 为年计划的X% with no figure before it to complete: not a fact of its own
        }

        var (pn, praw, pcode) = Name(st, q0, null, null);
        Emit(st, s, e, new FactDraft(FactKind.PlanCompletion, null, null, null, amount.Value, pn.Length > 0 ? pn : "完成年度计划", praw.Length > 0 ? praw : "年度计划", pcode, figureStart, figureLength, "plan-share.alone"));
    }

    private void Points(SentenceState st, int s, int e, NumberToken t, string pre, int dirLen, int sign)
    {
        var (q0, figureStart, figureLength, amount, high) = (t.QualifierStart, t.Start, t.End - t.Start, t.Amount, t.High);
        var pullAt = Math.Max(Math.Max(pre.LastIndexOf("拉动", StringComparison.Ordinal), pre.LastIndexOf("拉低", StringComparison.Ordinal)),
            Math.Max(pre.LastIndexOf("上拉", StringComparison.Ordinal), pre.LastIndexOf("下拉", StringComparison.Ordinal)));
        var pull = pullAt >= 0;
        var written = _n[Math.Max(st.NameStart, q0 - NameWindow)..q0]; // with the period words: 比一季度 names the comparator
        var (writtenDirLen, writtenSign) = NameWords.DirectionAtEnd(written);
        if (!pull && Comparison(written, writtenDirLen, writtenSign) is { } cmp && st.Last is { Kind: FactKind.Value or FactKind.Growth or FactKind.Target or FactKind.Comparison } basis)
        {
            // 增长6.4%,高于全市平均1.2个百分点 / 增速比一季度提高1.0个百分点: a comparison of the rate just before, with its comparator.
            var fact = facts.Add(new FactDraft(FactKind.Comparison, amount with { Value = cmp.Sign * amount.Value }, high, null, null, basis.Indicator, basis.IndicatorRaw, basis.IndicatorCode,
                figureStart, figureLength, "comparison.points", Borrowed: true, Comparator: cmp.Comparator), s, e, basis.Period, RegionOf(basis), basis.Region, goal: false);
            _ = fact;
            return;
        }

        if (!pull && dirLen > 0 && st.ComparisonBaseText is { } baseText && NameWords.Clean(NameWords.StripDirection(pre)).Length == 0
            && st.Last is { Kind: FactKind.Value or FactKind.Growth } prior)
        {
            // 增速较一季度(-10.8%)回升16个百分点: the bracket cut the words, but the points still compare with 一季度.
            facts.Add(new FactDraft(FactKind.Comparison, amount with { Value = sign * amount.Value }, high, null, null, prior.Indicator, prior.IndicatorRaw, prior.IndicatorCode,
                figureStart, figureLength, "comparison.points", Borrowed: true, Comparator: baseText), s, e, prior.Period, RegionOf(prior), prior.Region, goal: false);
            return;
        }

        var (pn, praw, pcode) = Name(st, q0 - dirLen, null, st.Last);
        var pullOverScope = false;
        if (!pull && PullBeforeScope(s, q0 - dirLen) is > 0 and var afterPull)
        {
            pullOverScope = true;
            // 拉动全县GDP增长1.94个百分点: the scope word restarted the name, but the figure is still a pull of what follows it.
            pull = true;
            sign = _n[afterPull - 2] == '下' || _n[afterPull - 1] == '低' ? -sign : sign; // 下拉全县…1.1个百分点 and 拉低全县… pull down
            var from = afterPull + Words.MatchAny(_n, afterPull, q0, Words.Scope);
            var target = NameWords.Clean(NameWords.StripDirection(_n[from..q0]));
            if (target.Length > 0)
            {
                var found = dictionary.FindLongest(target, null);
                (pn, praw, pcode) = (found?.Indicator.NameZh ?? target, RawOf(from, target.Length), found?.Indicator.Code);
            }
        }

        if (pull && !pullOverScope)
        {
            var at = pullAt;
            sign = pre[at] == '下' || pre[at + 1] == '低' ? -sign : sign; // 下拉, 拉低: a pull down
            var target = NameWords.Clean(NameWords.StripDirection(pre[(at + 2)..]));
            if (target.Length > 0)
            {
                var start = q0 - pre.Length + at + 2;
                var found = dictionary.FindLongest(target, null);
                (pn, praw, pcode) = (found?.Indicator.NameZh ?? target, RawOf(start, target.Length), found?.Indicator.Code);
            }
            else if (st.Last is { Kind: FactKind.Pull } lp)
            {
                (pn, praw, pcode) = (lp.Indicator, lp.IndicatorRaw, lp.IndicatorCode);
            }
        }
        else if (st.Last is { Kind: FactKind.Pull } lastPull && NameWords.CleansToEmpty(pre))
        {
            pull = true;
            (pn, praw, pcode) = (lastPull.Indicator, lastPull.IndicatorRaw, lastPull.IndicatorCode);
        }

        if (pn.Length == 0)
        {
            return;
        }

        if (!pull)
        {
            // Points that pull nothing compare a rate with something (降幅比1-10月收窄0.9个百分点, 超序时进度2.3个百分点,
            // 比重上升3.82个百分点): a comparison of the rate before it, never a growth of its own.
            var basisFact = st.Last is { Kind: FactKind.Value or FactKind.Growth or FactKind.Share or FactKind.PlanCompletion } b ? b : null;
            var comparator = Comparison(written, writtenDirLen, writtenSign)?.Comparator ?? st.ComparisonBaseText;
            facts.Add(new FactDraft(FactKind.Comparison, amount with { Value = sign * amount.Value }, high, null, null, basisFact?.Indicator ?? pn, basisFact?.IndicatorRaw ?? praw, basisFact is null ? pcode : basisFact.IndicatorCode,
                figureStart, figureLength, "comparison.points-change", Borrowed: basisFact is not null, Comparator: comparator), s, e, basisFact?.Period ?? discourse.Period, basisFact is null ? st.Region ?? regions.Main : RegionOf(basisFact), basisFact?.Region ?? st.RegionText ?? regions.MainText, goal: false);
            return;
        }

        Emit(st, s, e, new FactDraft(FactKind.Pull, amount with { Value = sign * amount.Value }, high, null, null, pn, praw, pcode, figureStart, figureLength, "pull"));
    }

    /// <summary>
    /// The comparator and sign of 高于全市平均 / 低于全省 / 比一季度提高 / 较上年回落 / 快于全国 at the end of <paramref name="pre"/>
    /// (before the figure), or null. 低于, 慢于 and a falling direction are negative.
    /// </summary>
    internal static (string Comparator, int Sign)? Comparison(string pre, int dirLen, int dirSign)
    {
        var body = dirLen > 0 ? pre[..^dirLen] : pre;
        foreach (var w in Words.Comparators)
        {
            var at = body.LastIndexOf(w, StringComparison.Ordinal);
            if (at >= 0)
            {
                var comparator = TrimComparator(body[(at + w.Length)..]);
                var sign = w is "低于" or "慢于" ? -1 : 1;
                return comparator.Length > 0 ? (comparator, sign * (dirLen > 0 ? dirSign : 1)) : null;
            }
        }

        foreach (var w in (string[])["比", "较"])
        {
            var at = body.LastIndexOf(w, StringComparison.Ordinal);
            if (at >= 0 && at + 1 < body.Length)
            {
                var rest = body[(at + 1)..];
                var sign = dirSign;
                if (dirLen == 0)
                {
                    if (rest.EndsWith('高') || rest.EndsWith('快') || rest.EndsWith('多'))
                    {
                        rest = rest[..^1];
                        sign = 1;
                    }
                    else if (rest.EndsWith('低') || rest.EndsWith('慢') || rest.EndsWith('少'))
                    {
                        rest = rest[..^1];
                        sign = -1;
                    }
                    else
                    {
                        return null;
                    }
                }

                var comparator = TrimComparator(rest);
                return comparator.Length > 0 ? (comparator, sign) : null;
            }
        }

        return null;
    }

    private static string TrimComparator(string c)
    {
        c = c.Trim();
        foreach (var w in (string[])["水平", "的"])
        {
            if (c.EndsWith(w, StringComparison.Ordinal) && c.Length > w.Length + 1)
            {
                c = c[..^w.Length];
            }
        }

        return c;
    }

    private void Count(SentenceState st, int s, int e, NumberToken t, string pre)
    {
        var (q0, figureStart, figureEnd, amount, high) = (t.QualifierStart, t.Start, t.End, t.Amount, t.High);
        if (Words.At(_n, figureEnd, e, "工作日") || Words.At(_n, figureEnd, e, "小时") || Words.At(_n, figureEnd, e, "月") || Words.At(_n, figureEnd, e, "方面"))
        {
            return; // 3至5个工作日: a duration
        }

        if (IsListSize(pre, figureStart, figureEnd, e))
        {
            return; // 5个产业生态圈, 出台2个文件, 三个之一: the size of a list or one of N, not a statistic
        }

        var (cn, craw, ccode) = Name(st, q0, Dimension.Count, null, allowInherit: false);
        var rule = "count.name-before-figure";
        if (cn.Length < 2 || Words.EndsWithAny(pre, ["等", "及", "和", "与", "、"], 1) || cn is "全省" or "全国" or "全市"
            || (st.AfterEnumeration && dictionary.FindLongest(cn, Dimension.Count) is null && Following(figureEnd, e).Name.Length >= 2))
        {
            (cn, craw, _, _) = Following(figureEnd, e);
            ccode = null;
            rule = "count.noun-after-figure";
            if (cn.Length > 0 && dictionary.FindLongest(cn, Dimension.Count) is { } fc)
            {
                (cn, ccode) = (fc.Indicator.NameZh, fc.Indicator.Code);
            }
        }

        if (cn.Length == 0)
        {
            return;
        }

        if ((ProjectClass(NameWords.Clean(pre)) ?? ProjectClass(cn)) is { } projects)
        {
            _projectClass = projects; // 新开工项目21个: the words before the count, which the verb inside them does not cut
        }

        Emit(st, s, e, new FactDraft(OutputOrCount(cn, amount.Unit), amount, high, null, null, cn, craw, ccode, figureStart, figureEnd - figureStart, rule));
    }

    private static readonly string[] OutputWords = ["存栏", "出栏", "产量", "销量", "出栏量", "存栏量"];

    /// <summary>
    /// Employment measures of a year (城镇新增就业, 失业人员再就业, 劳动力转移就业, 外出就业): the labour market's level, not a
    /// count of things (带动就业5700人 by a project stays a count).
    /// </summary>
    private static readonly string[] EmploymentWords = ["新增就业", "再就业", "转移就业", "外出就业"];

    /// <summary>
    /// 生猪存栏4.99万头, 汽车产量12.1万辆: head of livestock and pieces produced are a measure's level (a value, like 万吨 of
    /// grain), not a count of enterprises or projects; so are the employment measures (<see cref="EmploymentWords"/>).
    /// </summary>
    private static FactKind OutputOrCount(string name, Unit unit)
        => unit.CountNoun is "头" or "羽" || ContainsAnyOf(name, OutputWords) || ContainsAnyOf(name, EmploymentWords) || IsPeopleMeasure(name, unit) ? FactKind.Value : FactKind.Count;

    /// <summary>
    /// 常住人口13.6万人, 出生人口1904人, 城镇登记失业人数143人, 新增就业岗位6007个: a population or the labour market's level (a name
    /// ending in 人口/人数/劳动力 in persons, or in 就业 of a group of persons — 就业困难人员安置就业, not a project's 带动就业 — or 岗位 in
    /// 个) is a statistic's value, not a count of things.
    /// </summary>
    private static bool IsPeopleMeasure(string name, Unit unit)
        => (unit.CountNoun is "人" && (name.EndsWith("人口", StringComparison.Ordinal) || name.EndsWith("人数", StringComparison.Ordinal)
                || name.EndsWith("劳动力", StringComparison.Ordinal) || (name.EndsWith("就业", StringComparison.Ordinal) && name.Contains("人员", StringComparison.Ordinal))))
            || (unit.CountNoun is "个" && name.EndsWith("就业岗位", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="text"/> contains one of <paramref name="words"/> (a loop: a lambda over the text made a closure per call).</summary>
    private static bool ContainsAnyOf(string text, string[] words)
    {
        foreach (var w in words)
        {
            if (text.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ArrangingWords = ["共安排", "安排", "共有", "共", "实施", "谋划", "列入", "纳入", "确定"];

    /// <summary>
    /// The class of projects a count names (共安排重点项目250个 → 重点项目, 续建项目68个 → 续建项目), or null when the count is not of
    /// a project class (企业26家, 58个项目: a bare 项目 names no class).
    /// </summary>
    private static string? ProjectClass(string countName)
    {
        var name = countName;
        foreach (var w in ArrangingWords)
        {
            if (name.StartsWith(w, StringComparison.Ordinal))
            {
                name = name[w.Length..];
                break;
            }
        }

        // 5000万元及以上项目: a size class written with its figure is a class of projects too
        return name.Length is > 2 and <= 16 && name.EndsWith("项目", StringComparison.Ordinal) && (name.All(Words.IsCjk) || (name.Contains("以上", StringComparison.Ordinal)
            && name.All(c => Words.IsCjk(c) || char.IsAsciiDigit(c) || c == '.'))) ? name : null;
    }

    /// <summary>
    /// 省重点项目 / 市重点项目 + a catalogue measure of key projects (年度计划投资, 完成投资): the name with its level kept, when one
    /// character of 省/市 stands right before the catalogue name; null otherwise.
    /// </summary>
    private static string? LevelOfProjects(string cleaned, int start, int length)
        => start >= 1 && cleaned[start - 1] is '省' or '市' && string.CompareOrdinal(cleaned, start, "重点项目", 0, 4) == 0
            && (start < 2 || !Words.IsCjk(cleaned[start - 2]) || cleaned[start - 2] is '全' or '其' or '中')
            ? cleaned.Substring(start - 1, length + 1) : null;

    /// <summary>
    /// The project class of a plan figure just read (基础设施项目年度计划投资20.4亿元, → 基础设施项目), whose 完成投资 follows in the next
    /// clause; null when the figure is not a class's plan.
    /// </summary>
    private static string? ClassOfPlan(ExtractedFact? last)
    {
        if (last is not { Kind: FactKind.Value or FactKind.PlanCompletion, Amount.Unit.Dimension: Dimension.Money })
        {
            return null;
        }

        foreach (var m in BareProjectMeasures)
        {
            if (m != "完成投资" && last.Indicator.EndsWith(m, StringComparison.Ordinal) && last.Indicator[..^m.Length] is { Length: > 2 } projects && projects.EndsWith("项目", StringComparison.Ordinal))
            {
                return projects;
            }
        }

        return last.IndicatorCode?.Value == "key_project_annual_plan" ? "重点项目" : null;
    }

    /// <summary>Measures that name no subject of their own; after a count of a project class they are that class's.</summary>
    private static readonly string[] BareProjectMeasures = ["年度计划投资", "年计划投资", "计划投资", "完成投资", "投资额"];

    /// <summary>
    /// The catalogue's code for a name built from a subject and a measure (重点项目 + 完成投资 → key_project_investment_completed), trying
    /// it without an administrative level (市级重点项目 → 重点项目); the name as built when the catalogue has neither.
    /// </summary>
    private (string Name, IndicatorCode? Code) Catalogued(string subject, string measure)
    {
        foreach (var candidate in (string[])[subject + measure, Words.EndsWithAny(subject, ["项目"], 1) && subject.Length > 4 && subject[1] == '级' ? subject[2..] + measure : string.Empty])
        {
            if (candidate.Length > 0 && dictionary.FindLongest(candidate, null) is { } f && f.Start == 0 && f.Length == candidate.Length)
            {
                return (f.Indicator.NameZh, f.Indicator.Code);
            }
        }

        return (subject + measure, null);
    }

    private static readonly string[] ListNouns = ["生态圈", "文件", "方面", "行动", "工程", "体系", "机制", "中心", "板块", "集群", "平台", "片区", "组团", "战略", "任务", "清单", "专班", "领域", "环节", "之一"];

    /// <summary>A count that sizes a list (5个产业生态圈, 出台2个文件) or says one of N (三个之一): the noun after it is a kind of thing, not a statistic.</summary>
    private bool IsListSize(string pre, int figureStart, int figureEnd, int e)
    {
        var (noun, _, _, _) = Following(figureEnd, e);
        foreach (var w in ListNouns)
        {
            if (noun.EndsWith(w, StringComparison.Ordinal) || Words.At(_n, figureEnd, e, w))
            {
                return true;
            }
        }

        _ = pre;
        _ = figureStart;
        return false;
    }

    /// <summary>The subject before 占 in the current segment (数字经济核心产业增加值 in …增加值占GDP比重为), else the level just before; null when neither.</summary>
    private string? ShareOf(SentenceState st, int q0)
    {
        var from = Math.Max(st.NameStart, q0 - NameWindow);
        var at = _n.AsSpan(from, q0 - from).LastIndexOf('占');
        if (at < 0)
        {
            return null;
        }

        var (name, raw, code) = Name(st, from + at, null, null, allowInherit: false);
        if (name.Length >= 2)
        {
            return code is null ? name : ChineseText.ToSimplified(raw); // 税收收入占比: the subject as written, not its catalogue head
        }

        // …增长15.9%,占全县投资比重为78.8%: the share is of the subject of the figure just before it — on an infographic's next line
        // when the share's line opens with 占 (税收收入增长6.4%⏎占一般公共预算收入比重为71.5%).
        var before = st.Last ?? (from + at == _line.Start && facts.Facts.Count > 0 && facts.Facts.Count == _paragraphFirstFact && _lineBeforeHadFacts
            && _lineBefore.End - _lineBefore.Start <= 40 ? facts.Facts[^1] : null);
        return before is { Kind: FactKind.Value or FactKind.Growth or FactKind.PlanCompletion } level && level.Amount is not { Unit.Dimension: Dimension.Percent }
            ? (level.IndicatorCode is null ? level.Indicator : ChineseText.ToSimplified(level.IndicatorRaw))
            : null;
    }

    /// <summary>
    /// The sentence's last level still without a growth whose measure <paramref name="ownName"/> names again (增加值 after 第二产业实现增加值,
    /// the same catalogue code, or the tail of its name); null when the words name anything else.
    /// </summary>
    private ExtractedFact? RestatedLevel(SentenceState st, string ownName)
    {
        var name = NameWords.Clean(ownName);
        if (name.Length < 2)
        {
            return null;
        }

        var code = dictionary.FindLongest(name, null) is { } f && f.Start == 0 && f.Length == name.Length ? f.Indicator.Code : (IndicatorCode?)null;
        for (var k = facts.Facts.Count - 1; k >= Math.Max(st.FirstFact, facts.Facts.Count - LevelLookBack); k--)
        {
            var level = facts.Facts[k];
            if (level.Kind is not (FactKind.Value or FactKind.PlanCompletion) || level.Amount is not { Unit.Dimension: not Dimension.Percent })
            {
                continue;
            }

            var same = (code is { } c && level.IndicatorCode == c) || level.Indicator.EndsWith(name, StringComparison.Ordinal)
                || ChineseText.ToSimplified(level.IndicatorRaw).EndsWith(name, StringComparison.Ordinal);
            return same && level.GrowthPct is null ? level : null; // only the last level: an earlier one is not what the clause restates
        }

        return null;
    }

    /// <summary>The level fact before a share in the same sentence (X1564.97亿元,占全市比重为69.3%), or null.</summary>
    private ExtractedFact? LevelBefore(SentenceState st, ExtractedFact share)
    {
        for (var k = facts.Facts.Count - 1; k >= st.FirstFact; k--)
        {
            var f = facts.Facts[k];
            if (!ReferenceEquals(f, share) && f.Kind is FactKind.Value or FactKind.Target && f.Amount is { Unit.Dimension: not Dimension.Percent })
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>The subject of a share's name: 高新技术产业产值占比 → 高新技术产业产值.</summary>
    private static string ShareSubject(string shareName)
    {
        foreach (var w in (string[])["占比", "比重", "所占比重", "占"])
        {
            var at = shareName.IndexOf(w, StringComparison.Ordinal);
            if (at > 0)
            {
                return shareName[..at];
            }
        }

        return shareName;
    }

    private Region? RegionOf(ExtractedFact f)
        => f.RegionCode is { } code && regions.Matcher?.Registry.TryGet(code, out var r) == true ? r : null;

    /// <summary>The noun after a count (134家企业 → 企业), up to a verb, conjunction or punctuation, at most 10 characters.</summary>
    private (string Name, string Raw, int Start, int Length) Following(int from, int e)
    {
        while (from < e && _n[from] is '的' or '"' or '“')
        {
            from++;
        }

        if (Words.At(_n, from, e, "工作日") || Words.At(_n, from, e, "小时") || Words.At(_n, from, e, "月") || Words.At(_n, from, e, "方面"))
        {
            return (string.Empty, string.Empty, from, 0);
        }

        var k = from;
        while (k < e && k - from < 10 && Words.IsCjk(_n[k]))
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

    private static readonly string[] StopWords =
        ["先后", "与", "和", "及", "为", "一道", "的", "等", "共", "进行", "签订", "实现", "完成", "列入", "参会", "开展", "引资", "对接", "在", "深入", "送", "减免", "审批", "均", "如期", "加快", "竣工", "开工", "高于", "低于", "快于", "慢于"];

    private bool StopAt(int k, int e) => Words.MatchAny(_n, k, e, StopWords) > 0;

    /// <summary>The text of the current name segment before <paramref name="end"/> (at most <see cref="NameWindow"/> characters), with period expressions and glosses taken out.</summary>
    private string Pre(SentenceState st, int end)
    {
        var from = Math.Max(st.NameStart, end - NameWindow);
        if (end <= from)
        {
            return string.Empty;
        }

        // The kept pieces, as the walk below cuts them: counted first, then copied straight into the string (no builder).
        var length = KeptAround(st.Excluded, from, end, _n, default);
        if (length == end - from)
        {
            // Nothing excluded inside the window (a period earlier in the sentence is not): the plain substring.
            if (_lastPre.From != from || _lastPre.End != end)
            {
                _lastPre = (from, end, _n[from..end]);
            }

            return _lastPre.Text;
        }

        return length == 0 ? string.Empty : string.Create(length, (st.Excluded, from, end, _n), static (chars, state) => KeptAround(state.Item1, state.from, state.end, state._n, chars));
    }

    /// <summary>
    /// The characters of <paramref name="n"/>[<paramref name="from"/>..<paramref name="end"/>] outside the excluded spans:
    /// how many, copied into <paramref name="into"/> when it is not empty.
    /// </summary>
    private static int KeptAround(List<(int Start, int End)> excluded, int from, int end, string n, Span<char> into)
    {
        var (p, length) = (from, 0);
        foreach (var (xs, xe) in excluded)
        {
            if (xs >= end)
            {
                break;
            }

            if (xs > p)
            {
                Keep(p, xs, ref length, n, into);
            }

            p = Math.Max(p, xe);
        }

        if (end > p)
        {
            Keep(p, end, ref length, n, into);
        }

        return length;

        static void Keep(int a, int b, ref int length, string n, Span<char> into)
        {
            if (!into.IsEmpty)
            {
                n.AsSpan(a, b - a).CopyTo(into[length..]);
            }

            length += b - a;
        }
    }

    /// <summary>Whether a candidate of the mention has exactly the name written (a loop: a lambda over <paramref name="m"/> made a closure per mention).</summary>
    private static bool NamedExactly(RegionMention m)
    {
        foreach (var c in m.Candidates)
        {
            if (string.Equals(c.Name, m.Text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>NameWords.Clean(Pre(st, end))</c> with one copy instead of two or three: when no excluded span (a period, a gloss)
    /// falls inside the window, the cleaned range is cut from the normalised text directly.
    /// </summary>
    private string CleanPre(SentenceState st, int end)
    {
        var from = Math.Max(st.NameStart, end - NameWindow);
        if (end <= from)
        {
            return string.Empty;
        }

        foreach (var (xs, xe) in st.Excluded)
        {
            if (xs < end && xe > from)
            {
                return NameWords.Clean(Pre(st, end));
            }
        }

        var (start, length) = NameWords.CleanRange(_n.AsSpan(from, end - from));
        return start == 0 && length == end - from && _lastPre.From == from && _lastPre.End == end
            ? _lastPre.Text // the words Pre just copied for this figure, with nothing to clean: the same text, not a second copy
            : _n.Substring(from + start, length);
    }

    // The last text Pre cut from the normalised text (no excluded span), by its range: the name of a figure asks for it again.
    private (int From, int End, string Text) _lastPre = (-1, -1, string.Empty);

    // The text Words.LastVerb's skip test reads, and that test as one delegate made once (not a closure per name).
    private string _verbText = string.Empty;
    private Func<int, int, bool>? _insideAWord;

    /// <summary>
    /// The subject measure named in the current segment before <paramref name="end"/>: a catalogued name when one is there (the
    /// longest, never one inside a longer different name), else the words after the last verb — with what the verb completes
    /// when the words before it qualify it (续建项目完成投资, not 完成投资); else the previous fact's when the segment is empty.
    /// </summary>
    private (string Name, string Raw, IndicatorCode? Code) Name(SentenceState st, int end, Dimension? dim, ExtractedFact? inheritFrom, bool allowInherit = true)
    {
        var segmentEnd = Math.Max(st.NameStart, end);
        var cleaned = CleanPre(st, segmentEnd);
        if (cleaned.Length > 0)
        {
            if (dictionary.FindLongest(cleaned, dim) is { } found && !GluedToMore(cleaned, found.Start + found.Length))
            {
                if (SpendingOfRevenue(cleaned, found.Start, found.Length) is { } spending)
                {
                    return (spending, RawOf(Locate(st, segmentEnd, cleaned, found.Start), spending.Length), null);
                }

                if (QualifiedName(cleaned, found.Start, found.Length) is { } qualified)
                {
                    // 城镇常住居民人均可支配收入, 口腔装备材料产业营业收入: a qualified measure is not its catalogue head — unless the
                    // catalogue has the qualified measure itself (规模以上服务业实现营业收入 → 规上服务业营业收入).
                    var qAt = Locate(st, segmentEnd, cleaned, found.Start + found.Length - qualified.Length);
                    var verbLength = qualified.Length > found.Length + 2 && qualified.AsSpan(qualified.Length - found.Length - 2, 2) is "实现" or "完成" ? 2 : 0;
                    if (CataloguedSubject(qualified[..^(found.Length + verbLength)], qualified[^found.Length..]) is { } whole)
                    {
                        return (whole.NameZh, RawOf(qAt, qualified.Length), whole.Code);
                    }

                    return (qualified, RawOf(qAt, qualified.Length), null);
                }

                var at = Locate(st, segmentEnd, cleaned, found.Start);
                if (MeasureAfterItsSubject(cleaned, found.Start + found.Length) is { } ownMeasure)
                {
                    // 亿元以上项目完成投资: the catalogue name is the subject of the measure its verb completes, not the figure's name.
                    var subjectName = cleaned.Substring(found.Start, found.Length);
                    var (built, builtCode) = Catalogued(subjectName, ownMeasure);
                    return (built, RawOf(at, subjectName.Length + ownMeasure.Length), builtCode);
                }

                if (LevelOfProjects(cleaned, found.Start, found.Length) is { } classed)
                {
                    // 省重点项目年度计划投资: the province's (or city's) list of key projects, not the region's own — the class stays in the name.
                    return (classed, RawOf(Locate(st, segmentEnd, cleaned, found.Start - 1), classed.Length), null);
                }

                return (found.Indicator.NameZh, RawOf(at, found.Length), found.Indicator.Code);
            }

            _verbText = cleaned;
            Words.LastVerb(cleaned, _insideAWord ??= (at, length) => InsideAWord(_verbText, at, length), out var cut, out var verbAt);
            if (cut >= 2 && cleaned[cut - 1] == '及' && ThresholdFigureStart(cleaned, cut - 1) is { } classAt)
            {
                (cut, verbAt) = (classAt, classAt); // 5000万元及以上项目投资额: the size class's 及 is no verb, and the class is part of the name
            }

            var name = NameWords.Clean(cleaned[cut..]);
            if (name.Length < 2 && cut > 0)
            {
                name = cleaned; // 项目开工率, 投产率: the "verb" is part of the name
            }

            if (dim is Dimension.Money && Words.EndsWithAny(name, SubjectThenVerb, 2) && NameWords.Clean(name[..^2]) is { Length: >= 2 } subjectFirst && !Words.EndsWithVerb(subjectFirst, minLength: 1)
                && QualifierBefore(subjectFirst + "完成", subjectFirst.Length) == subjectFirst)
            {
                name = subjectFirst; // 省外资金到位18.4亿元: the subject comes before its verb, the figure after
            }

            if (Words.EndsWithVerb(name, minLength: 2) || Words.EndsWithAny(name, ["以上", "以下", "左右"], 2) || (name.Length <= 3 && Words.IsChineseDigit(name[0])))
            {
                name = string.Empty;
            }

            var longest = name.Contains('、', StringComparison.Ordinal) ? 24 : 14; // 规上工业企业工业生产用电量 // a name kept whole across its 、 (粮油、食品类零售额) may be longer
            if (name.Length > longest)
            {
                name = name[KeptWhole(name, name.Length - (name[^longest] == '级' ? longest + 1 : longest))..]; // 县级以上农业龙头企业年销售收入: a level word is not cut in two
            }

            if (name is "贡献率" or "贡献度" && ContributionOf(cleaned) is { } contribution)
            {
                name = contribution; // 第二产业对经济增长的贡献率: whose contribution, to what — not a bare 贡献率
            }

            if (verbAt >= 0 && (name.Contains('业', StringComparison.Ordinal) || name.Contains('类', StringComparison.Ordinal) || (IsFunctionalSpending(name) && !cleaned.AsSpan(0, verbAt).EndsWith("支出")))
                && cleaned[verbAt..cut] is "和" or "及" or "与"
                && IndustryNameStart(cleaned, verbAt) is { } begin)
            {
                name = cleaned[begin..]; // 橡胶和塑料制品业增加值, 生活用品及服务类价格: 和/及 inside an industry's or category's name does not cut it
            }
            else if (verbAt > 0 && cleaned[verbAt..cut] is "累计" or "合计" or "共计" or "总计" or "已" && (VerbMeasures.Contains(name) || OutputWords.Contains(name))
                && QualifierBefore(cleaned, verbAt) is { Length: > 0 } subjectWords)
            {
                // 蔬菜累计产量, 水口镇累计产值: 累计/已 is an adverb between the subject and its measure, and the subject stays.
                var sAt = Locate(st, segmentEnd, cleaned, Math.Max(0, verbAt - subjectWords.Length));
                var rawLength = subjectWords.Length + cut - verbAt + name.Length;
                if (CataloguedSubject(subjectWords, name) is { } subjectMeasure)
                {
                    return (subjectMeasure.NameZh, RawOf(sAt, rawLength), subjectMeasure.Code);
                }

                return (subjectWords + name, RawOf(sAt, rawLength), null);
            }
            else if (cut >= 2 && cleaned[verbAt..cut] is "完成" or "实现" && OutputMeasures.Contains(name) && QualifierBefore(cleaned, verbAt).Length == 0
                && SubjectOfBareMeasure(st, name, st.NameStart) is { } owned)
            {
                return owned; // 规模工业总产值…;实现增加值…, 全区规模以上工业总产值…,累计完成产值: the measure of the subject named before
            }
            else if (!VerbMeasures.Contains(name) && cut >= 2 && cleaned[verbAt..cut] is "完成" or "实现" && QualifierBefore(cleaned, verbAt) is { Length: > 0 } subjectWords2
                && CataloguedSubject(subjectWords2, name) is { } qualifiedMeasure)
            {
                // 全省限额以上单位实现消费品零售额: the subject before the verb and the measure after it are one catalogue name.
                var sAt = Locate(st, segmentEnd, cleaned, Math.Max(0, verbAt - subjectWords2.Length));
                return (qualifiedMeasure.NameZh, RawOf(sAt, subjectWords2.Length + cut - verbAt + name.Length), qualifiedMeasure.Code);
            }
            else if (VerbMeasures.Contains(name) && cut >= 2 && cleaned[verbAt..cut] is "完成" or "实现"
                && (name is "投资" or "产值" or "营业收入" or "销售收入" || QualifierBefore(cleaned, verbAt).Length > 0))
            {
                // 续建项目完成投资, 实现产值: the verb is part of the measure, and so is the noun it qualifies; 第一产业实现增加值 and
                // 规模以上工业实现总产值 are the catalogue's 第一产业增加值 and 规上工业总产值 when it has them.
                var qualifier = QualifierBefore(cleaned, verbAt);
                var measure = cleaned[verbAt..cut] + name;
                if (qualifier.Length > 0 && CataloguedSubject(qualifier, name) is { } subjectMeasure)
                {
                    var sAt = Locate(st, segmentEnd, cleaned, Math.Max(0, verbAt - qualifier.Length));
                    return (subjectMeasure.NameZh, RawOf(sAt, qualifier.Length + cut - verbAt + name.Length), subjectMeasure.Code);
                }
                if (qualifier.Length == 0 && name == "投资" && (_projectClass ?? ClassOfPlan(st.Last) ?? (st.Last is null ? discourse.Subject : null)) is { } projects)
                {
                    // 共安排重点项目250个…累计完成投资210.88亿元; under ——重大产业项目, 累计完成投资…: the projects counted or headed.
                    var (built, builtCode) = Catalogued(projects, measure);
                    var bAt = Locate(st, segmentEnd, cleaned, Math.Max(0, verbAt));
                    return (built, builtCode is null ? built : RawOf(bAt, cut - verbAt + name.Length), builtCode);
                }

                if (qualifier.Length > 0 && Catalogued(qualifier, measure) is { Code: { } qualifiedCode } catalogued)
                {
                    var qAt = Locate(st, segmentEnd, cleaned, Math.Max(0, verbAt - qualifier.Length));
                    return (catalogued.Name, RawOf(qAt, qualifier.Length + cut - verbAt + name.Length), qualifiedCode); // 重点项目累计完成投资
                }

                name = qualifier + measure;
            }
            else if (_projectClass is { } counted && BareProjectMeasures.Contains(name) && cleaned.EndsWith(name, StringComparison.Ordinal) && cleaned.Length == name.Length)
            {
                // 续建项目68个,年度计划投资138.2亿元: the plan is of the projects just counted.
                var (built, builtCode) = Catalogued(counted, name);
                var bAt = Locate(st, segmentEnd, cleaned, 0);
                return (built, builtCode is null ? built : RawOf(bAt, name.Length), builtCode);
            }
            else if (cut == 0 && name == cleaned && BareMeasures.Contains(name) && st.Last is { Kind: FactKind.Value } before
                && OwnerOf(before, name) is { } owner)
            {
                // 蔬菜播种面积12.3万亩,产量25.6万吨; 县属规模工业总产值6.52亿元,增加值1.67亿元: a bare measure opening the clause after
                // another measure of one subject is that subject's.
                if (CataloguedSubject(owner, name) is { } ownMeasure)
                {
                    return (ownMeasure.NameZh, RawOf(Locate(st, segmentEnd, cleaned, 0), name.Length), ownMeasure.Code);
                }

                name = owner + name;
            }
            else if (name.Length < 2 && st.Last is null && dim is Dimension.Money && discourse.Subject is { } subject)
            {
                name = subject; // under ——重大产业项目, a figure that names nothing speaks of the heading's subject
            }

            if (name is "第一产业" or "第二产业" or "第三产业" && MeasureOfParagraph() is { } industryMeasure)
            {
                // 固定资产投资增长11.9%…分产业看,第一产业下降18.3%: the paragraph's measure, by industry
                var idx = cleaned.LastIndexOf(name, StringComparison.Ordinal);
                var raw = idx >= 0 ? RawOf(Locate(st, segmentEnd, cleaned, idx), name.Length) : name;
                return CataloguedSubject(name, industryMeasure) is { } byIndustry ? (byIndustry.NameZh, raw, byIndustry.Code) : (name + industryMeasure, raw, null);
            }

            if (name.Length >= 2 && name.AsSpan().ContainsAnyExcept(DigitsPointPercent))
            {
                var idx = cleaned.LastIndexOf(name, StringComparison.Ordinal);
                var at = Locate(st, segmentEnd, cleaned, Math.Max(0, idx));
                return (name, idx >= 0 ? RawOf(at, name.Length) : name, null);
            }
        }

        if (allowInherit && cleaned.Length == 0 && inheritFrom is { } f && f.Kind is not FactKind.Increment)
        {
            return (f.Indicator, f.IndicatorRaw, f.IndicatorCode);
        }

        return (string.Empty, string.Empty, null);
    }

    /// <summary>
    /// 第二产业对经济增长的贡献率: the whole words when they name a subject (two or more characters before 对) and what it contributes to,
    /// and end in the rate; null otherwise.
    /// </summary>
    private static string? ContributionOf(string cleaned)
    {
        var at = cleaned.IndexOf('对', StringComparison.Ordinal);
        return at >= 2 && cleaned.Length <= 24 && cleaned.AsSpan(0, at).ContainsAnyExceptInRange('\u4E00', '\u9FFF') is false
            && (cleaned.EndsWith("贡献率", StringComparison.Ordinal) || cleaned.EndsWith("贡献度", StringComparison.Ordinal)) ? cleaned : null;
    }

    /// <summary>Measures that may open a clause with no subject of their own (…,产量25.6万吨; …,增加值1.67亿元).</summary>
    private static readonly string[] BareMeasures = ["产量", "产值", "总产值", "增加值", "利税总额", "利润总额"];

    /// <summary>Other measures of a subject, named just before a bare measure of it (蔬菜播种面积…,产量…; 茶叶产量…,产值…;
    /// 规上工业企业主营业务收入…,利税总额…).</summary>
    private static readonly string[] OtherMeasureHeads =
        ["播种面积", "种植面积", "采摘面积", "收获面积", "面积", "产量", "总产值", "产值", "增加值", "主营业务收入", "营业收入", "利润总额", "利税总额"];

    /// <summary>Enterprise output measures that a verb may introduce with no subject (实现增加值, 完成产值): they take the subject named before.</summary>
    private static readonly string[] OutputMeasures = ["总产值", "产值", "增加值", "主营业务收入", "营业收入", "利润总额", "利税总额"];

    /// <summary>Words between a subject and its measure that are no part of the subject (规模工业预计完成总产值).</summary>
    private static readonly string[] OwnerTailWords = ["完成", "实现", "累计", "预计", "共"];

    /// <summary>
    /// The subject of <paramref name="before"/> — its indicator without its measure and the verbs before that (规模工业 of
    /// 规模工业预计完成总产值) — when it has one of at least two Chinese characters and its measure is not <paramref name="measure"/>
    /// itself; else null.
    /// </summary>
    private static string? OwnerOf(ExtractedFact? before, string measure)
    {
        if (before is null || OtherMeasureHead(before.Indicator) is not { } head || head == measure)
        {
            return null;
        }

        var owner = before.Indicator[..^head.Length];
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var w in OwnerTailWords)
            {
                if (owner.Length > w.Length && owner.EndsWith(w, StringComparison.Ordinal))
                {
                    owner = owner[..^w.Length];
                    changed = true;
                }
            }
        }

        return owner.Length >= 2 && owner.All(Words.IsCjk) ? owner : null;
    }

    /// <summary>
    /// The name of a bare output measure after 完成/实现 (实现增加值4.29亿元, 累计完成产值84.82亿元): the subject of the figure before
    /// it in the sentence; else the subject the sentence names with the same measure before it (全区规模以上工业总产值增速…,
    /// 累计完成产值 → 规上工业总产值); else the subject of the paragraph's last figure (规模工业总产值13.29亿元;实现增加值…). Null when
    /// none is named: the measure stays bare.
    /// </summary>
    private (string Name, string Raw, IndicatorCode? Code)? SubjectOfBareMeasure(SentenceState st, string measure, int end)
    {
        var paragraphLast = facts.Facts.Count > _paragraphFirstFact ? facts.Facts[^1] : null;
        var owner = OwnerOf(st.Last, measure);
        if (owner is null && SubjectNamedBefore(measure, end) is { } named)
        {
            return named;
        }

        owner ??= OwnerOf(paragraphLast, measure);
        if (owner is null)
        {
            return null;
        }

        return CataloguedSubject(owner, measure) is { } whole ? (whole.NameZh, owner + measure, whole.Code) : (owner + measure, owner + measure, null);
    }

    /// <summary>
    /// A subject with <paramref name="measure"/> named earlier in the sentence, in a clause of its own (全区规模以上工业总产值增速逐月下降):
    /// the words before the measure's last mention back to punctuation (at most 16 characters), without a leading scope word; the
    /// catalogue's name when the catalogue has the whole; null when no such words stand there.
    /// </summary>
    private (string Name, string Raw, IndicatorCode? Code)? SubjectNamedBefore(string measure, int end)
    {
        var from = Math.Max(_sentenceStart, end - NameWindow);
        var at = end <= from ? -1 : _n.LastIndexOf(measure, end - 1, end - from, StringComparison.Ordinal);
        if (at < 0 || at + measure.Length > end)
        {
            return null;
        }

        var k = at;
        while (k > from && at - k < 16 && Words.IsCjk(_n[k - 1]))
        {
            k--;
        }

        var phrase = _n[k..(at + measure.Length)];
        if (Words.MatchAny(phrase, 0, phrase.Length, Words.Scope) is > 0 and var scope)
        {
            phrase = phrase[scope..];
        }

        _verbText = phrase;
        Words.LastVerb(phrase, _insideAWord ??= (p, length) => InsideAWord(_verbText, p, length), out var cut, out _);
        phrase = NameWords.Clean(phrase[cut..]);
        if (phrase.Length < measure.Length + 2 || !phrase.EndsWith(measure, StringComparison.Ordinal))
        {
            return null;
        }

        return dictionary.FindLongest(phrase, null) is { } f && f.Start == 0 && f.Length == phrase.Length
            ? (f.Indicator.NameZh, phrase, f.Indicator.Code)
            : (phrase, phrase, null);
    }

    /// <summary>The first of <see cref="OtherMeasureHeads"/> that <paramref name="indicator"/> ends with, or null (a loop: a lambda there made a closure per name).</summary>
    private static string? OtherMeasureHead(string indicator)
    {
        foreach (var h in OtherMeasureHeads)
        {
            if (indicator.EndsWith(h, StringComparison.Ordinal))
            {
                return h;
            }
        }

        return null;
    }

    // A name made only of these is a number, not a name (12.5%).
    private static readonly System.Buffers.SearchValues<char> DigitsPointPercent = System.Buffers.SearchValues.Create("0123456789.%");

    /// <summary>Verbs that may stand between a money figure and its subject written first (省外资金到位18.4亿元).</summary>
    private static readonly string[] SubjectThenVerb = ["到位", "完成", "实现"];

    /// <summary>Measures a verb completes (实现增加值, 完成投资): the subject before the verb is part of their name.</summary>
    private static readonly string[] VerbMeasures = ["投资", "产值", "总产值", "增加值", "营业收入", "销售收入", "销售额", "商品销售额", "营业额", "利润总额", "产量"];

    /// <summary>
    /// The catalogue entry whose whole name is <paramref name="subject"/> + <paramref name="measure"/> (第一产业 + 增加值), trying the
    /// subject without a trailing 企业 as well (规模以上工业企业 + 总产值 → 规上工业总产值); null when the catalogue has neither.
    /// </summary>
    private Indicator? CataloguedSubject(string subject, string measure)
    {
        foreach (var s in (string[])[subject, subject.EndsWith("企业", StringComparison.Ordinal) && subject.Length > 4 ? subject[..^2] : string.Empty])
        {
            var candidate = s + measure;
            if (s.Length >= 2 && dictionary.FindLongest(candidate, null) is { } f && f.Start == 0 && f.Length == candidate.Length)
            {
                return f.Indicator;
            }
        }

        return null;
    }

    private static readonly string[] WordsHoldingVerbs = ["有色", "有限", "有机", "有效", "有线", "有制", "共享", "为主"]; // 有制: 非公有制经济

    /// <summary>Words whose last character is a one-character verb: 共 in 公共 (公共财政预算支出) is not 共 "in all".</summary>
    private static readonly string[] WordsEndingInAVerb = ["公共", "国有"];

    /// <summary>Whether the verb at <paramref name="at"/> is part of a word (有色金属, 有效投资, 公共预算), not a verb that ends a name.</summary>
    private static bool InsideAWord(string text, int at, int length)
    {
        if (length == 2)
        {
            // 工业生产用电量, 能源生产消费合计: 生产 before 用/消费 is part of the noun, not a verb that ends the subject.
            // 生产性服务业: 生产 before 性 makes an adjective, not a verb.
            // 工业生产者出厂价格: a verb before 者 makes the noun of who does it (生产者, 经营者), not a verb that ends the subject.
            return (at + 2 < text.Length && text[at + 2] == '者') || string.CompareOrdinal(text, at, "生产用", 0, 3) == 0 || string.CompareOrdinal(text, at, "生产消费", 0, 4) == 0 || string.CompareOrdinal(text, at, "生产性", 0, 3) == 0
                || string.CompareOrdinal(text, at, "新增就业", 0, 4) == 0; // 城镇新增就业岗位: the measure's own word
        }

        if (length != 1)
        {
            return false;
        }

        foreach (var w in WordsHoldingVerbs)
        {
            if (w[0] == text[at] && string.CompareOrdinal(text, at, w, 0, w.Length) == 0)
            {
                return true; // a loop, not Any with a closure: this runs for every verb candidate of every name
            }
        }

        foreach (var w in WordsEndingInAVerb)
        {
            if (w[^1] == text[at] && at >= w.Length - 1 && string.CompareOrdinal(text, at - w.Length + 1, w, 0, w.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Words before a catalogue name that do not change the measure (地方一般公共预算收入, 金融机构人民币存款余额). 限额以上/限上 do
    /// change it: 限上社会消费品零售总额 is the part of the total sold by units above the quota, not the total.
    /// </summary>
    private static readonly string[] NeutralQualifiers =
        ["地方", "全体", "企业", "金融机构", "各项", "人民币", "本外币", "全部", "全社会", "规模以上", "规上", "全口径", "其中", "实际", "累计", "当年", "年末", "月末", "末", "本年", "今年", "同期", "总"];

    /// <summary>Enterprise measures that a subject before 实现/完成 qualifies (规模以上服务业企业实现营业收入).</summary>
    private static readonly string[] SubjectMeasures = ["营业收入", "营收", "利润总额"];

    /// <summary>
    /// The qualified measure when words that change it stand right before the catalogue name at <paramref name="start"/> in
    /// <paramref name="cleaned"/> (城镇常住 + 居民人均可支配收入, 人均 + 地区生产总值, 口腔装备材料产业 + 营业收入), or — for enterprise
    /// measures — before a 实现/完成 in front of it (规模以上工业企业实现营业收入); null when the catalogue name stands alone.
    /// </summary>
    private static string? QualifiedName(string cleaned, int start, int length)
    {
        var name = cleaned.Substring(start, length);
        var q = start;
        while (q > 0 && start - q < 12 && (Words.IsCjk(cleaned[q - 1]) || SizeClassDigit(cleaned, q - 1))
            && (!Words.EndsWithVerb(cleaned.AsSpan(0, q), minLength: 1) || InsideAWord(cleaned, q - 2, 2)))
        {
            q--; // 生产性服务业营业收入: 生产 before 性 is no verb (InsideAWord)
        }

        if (q > 0 && IsJoiner(cleaned[q - 1]) && q < start && cleaned[(start - 1)] is '业' or '类' && IndustryNameStart(cleaned, q - 1) is { } industryStart)
        {
            q = industryStart; // 信息传输、软件和信息技术服务业 + 营业收入: the industry's name goes on past its 和 and 、
        }

        var tail = cleaned[q..start];
        var verb = string.Empty;
        if (tail.Length == 0 && SubjectMeasures.Contains(name) && start >= 4 && cleaned.AsSpan(start - 2, 2) is "实现" or "完成")
        {
            verb = cleaned.Substring(start - 2, 2);
            var v = start - 2;
            q = v;
            while (q > 0 && v - q < 12 && Words.IsCjk(cleaned[q - 1]) && !Words.EndsWithVerb(cleaned.AsSpan(0, q), minLength: 1))
            {
                q--;
            }

            tail = cleaned[q..v];
        }

        if (tail.EndsWith("地方级", StringComparison.Ordinal))
        {
            return tail + verb + name; // 地方级税收收入: the local level's share of the tax, not the region's whole tax revenue
        }

        if (NameWords.ScopeWordLength(tail + name) is > 0 and var scope && scope <= tail.Length)
        {
            tail = tail[scope..]; // 全盟常住人口, 全省城镇常住居民…: the scope word says whose figure it is, not which measure
        }

        var rest = tail;
        bool changed;
        do
        {
            changed = false;
            foreach (var w in NeutralQualifiers)
            {
                if (rest.StartsWith(w, StringComparison.Ordinal))
                {
                    rest = rest[w.Length..];
                    changed = true;
                }
            }
        }
        while (changed && rest.Length > 0);

        return rest.Length >= 2 || rest is "轻" or "重" ? tail + verb + name : null; // 轻工业增加值 is not 工业增加值
    }

    /// <summary>
    /// 国有土地使用权出让收入安排的支出: spending financed by a catalogued revenue, named after it, is spending, not the revenue;
    /// the whole name from the revenue on, or null when the words after the catalogue name are not such a spending.
    /// </summary>
    private static string? SpendingOfRevenue(string cleaned, int start, int length)
    {
        var after = start + length;
        return after < cleaned.Length && cleaned.Length - after <= 6 && cleaned.AsSpan(start, length).EndsWith("收入", StringComparison.Ordinal)
            && cleaned.EndsWith("支出", StringComparison.Ordinal) ? cleaned[start..] : null;
    }

    /// <summary>
    /// Where the figure of a size class written as 5000万元及以上 starts in <paramref name="cleaned"/>, given the 及 at
    /// <paramref name="joiner"/>: digits, then at most three characters of a money unit (万元, 亿元, 万美元), then 及以上/及以下; else null.
    /// </summary>
    private static int? ThresholdFigureStart(string cleaned, int joiner)
    {
        if (!(cleaned.AsSpan(joiner + 1).StartsWith("以上") || cleaned.AsSpan(joiner + 1).StartsWith("以下")))
        {
            return null;
        }

        var j = joiner;
        while (j > 0 && joiner - j < 3 && cleaned[j - 1] is '元' or '美' or '万' or '亿')
        {
            j--;
        }

        var digitsEnd = j;
        while (j > 0 && (char.IsAsciiDigit(cleaned[j - 1]) || cleaned[j - 1] == '.'))
        {
            j--;
        }

        return j < digitsEnd && digitsEnd < joiner ? j : null;
    }

    /// <summary>A digit or point of a size class written before a name (5000万元以上项目投资).</summary>
    private static bool SizeClassDigit(string cleaned, int at)
        => (char.IsAsciiDigit(cleaned[at]) || cleaned[at] == '.') && cleaned.AsSpan(at).IndexOf("以") is > 0 and var k && k <= 10 && !cleaned.AsSpan(at, k).ContainsAny('%', ',');

    private static readonly string[] NotInIndustryNames = ["全县", "全区", "全市", "其中", "完成", "实现", "增长", "下降", "累计", "达到", "分别"];

    // A loop, not part.All(Words.IsCjk): that made a string enumerator for every part of every name.
    private static bool AllCjk(string part)
    {
        foreach (var c in part)
        {
            if (!Words.IsCjk(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsJoiner(char c) => c is '和' or '及' or '、' or '与';

    /// <summary>
    /// A spending named by its function (传媒支出 of 文化体育与传媒支出, 计划生育支出 of 医疗卫生与计划生育支出): a name of two to six
    /// characters before 支出, which a 与/和/及 before it may join to the rest of the function's name, like an industry's.
    /// </summary>
    private static bool IsFunctionalSpending(string name)
        => name.Length is >= 4 and <= 8 && name.EndsWith("支出", StringComparison.Ordinal) && name.All(Words.IsCjk);

    /// <summary>
    /// Where an industry's name joined by 和/及/、 begins, going back from the joiner at <paramref name="joiner"/> over parts of at
    /// most 8 characters (电力、热力、燃气及水生产和供应业); null when the part before the joiner is not a name part.
    /// </summary>
    private static int? IndustryNameStart(string cleaned, int joiner)
    {
        int? begin = null;
        var p = joiner;
        while (p > 0)
        {
            var q = p;
            while (q > 0 && !IsJoiner(cleaned[q - 1]) && cleaned[q - 1] is not ('的' or '中') && p - q < 8)
            {
                q--;
            }

            var part = cleaned[q..p];
            if (part.Length == 0 || !AllCjk(part) || ContainsAnyOf(part, NotInIndustryNames))
            {
                break;
            }

            begin = q;
            if (q > 0 && IsJoiner(cleaned[q - 1]))
            {
                p = q - 1;
                continue;
            }

            break;
        }

        return begin;
    }

    /// <summary>
    /// The noun phrase just before a 完成/实现 (at most 12 characters, no verb inside): 续建项目 in 续建项目完成投资, 水口镇规模以上工业企业
    /// in 水口镇规模以上工业企业完成产值.
    /// </summary>
    private static string QualifierBefore(string cleaned, int verbAt)
    {
        var q = NameWords.Clean(cleaned[..verbAt]);
        if (q.EndsWith("预计", StringComparison.Ordinal))
        {
            q = q[..^2]; // 规模工业预计完成总产值: 预计 says how the figure is known, it is no part of the subject
        }

        foreach (var timeWord in UpToWords)
        {
            if (q.StartsWith(timeWord, StringComparison.Ordinal))
            {
                q = q[timeWord.Length..]; // 止六月底累计完成产值: what is left of 截至/止 once the period is read is no subject
                break;
            }
        }

        if (q.Length is < 2 or > 12 || !q.All(Words.IsCjk))
        {
            return string.Empty;
        }

        if (q.Length > 2 && q.EndsWith("项目", StringComparison.Ordinal) && !q.Contains("完成", StringComparison.Ordinal))
        {
            return q; // 新开工项目, 竣工投产项目: a class of projects named by its stage keeps its verb
        }

        foreach (var v in Words.Verbs)
        {
            if (v.Length >= 2 && q.Contains(v, StringComparison.Ordinal)
                && !(v == "建设" && (q.Contains("基础建设", StringComparison.Ordinal) || q.Contains("设施建设", StringComparison.Ordinal))))
            {
                return string.Empty; // (园区基础建设完成投资: 基础建设 is a noun, not a verb)
            }
        }

        return q;
    }

    /// <summary>
    /// Whether the catalogue name ending at <paramref name="end"/> of <paramref name="cleaned"/> is glued to more of a name: a name
    /// ending in a Latin letter followed by a measure per unit of it (万元GDP能耗 is energy per unit of GDP, not GDP; GDP总量 is GDP).
    /// </summary>
    private static bool GluedToMore(string cleaned, int end)
        => end > 0 && end < cleaned.Length && char.IsAsciiLetter(cleaned[end - 1]) && Words.MatchAny(cleaned, end, cleaned.Length, PerUnitMeasures) > 0;

    /// <summary>Measures per unit of a product (万元GDP能耗, 万元GDP电耗, 万元GDP用水量).</summary>
    private static readonly string[] PerUnitMeasures = ["能耗", "电耗", "水耗", "用水量", "用地"];

    /// <summary>
    /// The measure the paragraph's figures so far are of, for a bare 第一产业/第二产业/第三产业 (分产业看, 第一产业下降18.3%): 投资 when
    /// its last figure of an investment, 增加值 when of a value added or the product; null when neither.
    /// </summary>
    private string? MeasureOfParagraph()
    {
        for (var k = facts.Facts.Count - 1; k >= _paragraphFirstFact; k--)
        {
            var indicator = facts.Facts[k].Indicator;
            if (indicator is "第一产业" or "第二产业" or "第三产业")
            {
                continue;
            }

            if (indicator.EndsWith("投资", StringComparison.Ordinal))
            {
                return "投资";
            }

            return indicator.EndsWith("增加值", StringComparison.Ordinal) || indicator.EndsWith("生产总值", StringComparison.Ordinal) ? "增加值" : null;
        }

        return null;
    }

    /// <summary>Words for "up to" left before a verb once the period after them is read (截至六月底, 止5月底).</summary>
    private static readonly string[] UpToWords = ["截至", "截止", "止", "至"];

    /// <summary>Position in the normalised text of index <paramref name="indexInCleaned"/> of a cleaned name (searched backwards from the figure).</summary>
    private int Locate(SentenceState st, int end, string cleaned, int indexInCleaned)
    {
        var from = Math.Max(st.NameStart, end - NameWindow);
        var seg = _n.AsSpan(from, Math.Max(0, end - from));
        var pos = seg.LastIndexOf(cleaned.AsSpan(indexInCleaned, Math.Min(cleaned.Length - indexInCleaned, 6))); // 信息传输…信息技术: two characters may recur
        if (pos < 0)
        {
            pos = seg.LastIndexOf(cleaned.AsSpan(indexInCleaned, Math.Min(cleaned.Length - indexInCleaned, 2)));
        }

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
        var raw = text.Plain.AsSpan()[ps..Math.Min(pe, text.Plain.Length)];
        if (raw.Length > 24 || _raws.Dictionary.Count >= 4096)
        {
            return raw.ToString();
        }

        if (!_raws.TryGetValue(raw, out var known))
        {
            known = raw.ToString();
            _raws.Dictionary[known] = known;
        }

        return known; // the same few names are written again and again: one string each per document
    }

    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _raws = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private int Rank(SentenceState st, int s, int i, int e)
    {
        var k = i + 2;
        var limit = Math.Min(e, i + 14);
        while (k < limit && _n[k] is not (',' or '。'))
        {
            if (Words.At(_n, k, limit, "前列") || Words.At(_n, k, limit, "前茅"))
            {
                EmitRank(st, s, e, i, k + 2 - i, null);
                return k + 2;
            }

            if (_n[k] == '第' && k + 1 < e)
            {
                var j = k + 1;
                while (j < e && j - k < 8 && (char.IsAsciiDigit(_n[j]) || Words.IsChineseNumeral(_n[j])))
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

    /// <summary>A rank after a figure belongs to that figure's indicator, region and period (位居全市第二: 全市 is the group, not the region).</summary>
    private void EmitRank(SentenceState st, int s, int e, int start, int length, decimal? rank)
    {
        var basis = st.Last;
        var name = basis is null ? CleanPre(st, start) : basis.Indicator;
        if (name.Length == 0)
        {
            return;
        }

        var amount = rank is { } r ? new Amount(r, Unit.None) : (Amount?)null;
        var draft = new FactDraft(FactKind.Rank, amount, null, null, null, name, basis?.IndicatorRaw ?? name, basis?.IndicatorCode, start, length, basis is null ? "rank.name-before" : "rank.of-previous-figure", Borrowed: basis is not null);
        if (basis is not null)
        {
            facts.Add(draft, s, e, basis.Period, RegionOf(basis), basis.Region, goal: false);
            return; // st.Last stays the figure the rank is of
        }

        Emit(st, s, e, draft);
    }

    /// <summary>Emits a fact of one region of a 分别 list; that region stays the sentence's region for what follows.</summary>
    private void EmitForRegion(SentenceState st, int s, int e, (Region Region, string Text) place, FactDraft draft)
    {
        (st.Region, st.RegionText) = place;
        Emit(st, s, e, draft);
    }

    /// <summary>
    /// The regions of a 分别 list (安岳县、乐至县分别增长…): the clause before 分别 is nothing but two or more resolved region names
    /// joined by 、/和/及; null otherwise (a list of measures is read by <see cref="RespectiveNames"/>).
    /// </summary>
    private List<(Region Region, string Text)>? RespectiveRegionList(int s, int respectively)
    {
        var from = respectively;
        while (from > s && respectively - from < ListWindow && _n[from - 1] is not (',' or ';' or ':' or '。'))
        {
            from--;
        }

        var list = new List<(Region, string)>();
        var k = from;
        var mentions = regions.Mentions;
        var (lo, hi) = (0, mentions.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = mentions[mid].Start < from ? (mid + 1, hi) : (lo, mid);
        }

        for (var j = lo; j < mentions.Count && mentions[j].Start < respectively; j++)
        {
            var m = mentions[j];

            if (regions.Resolved(m) is not { } r || !_n.AsSpan(k, m.Start - k).Trim().ToString().All(c => c is '、' or '和' or '及' || (list.Count == 0 && Words.IsCjk(c) && m.Start - k <= 2)))
            {
                return null;
            }

            list.Add((r, m.Text));
            k = m.Start + m.Length;
        }

        return list.Count >= 2 && k == respectively ? list : null;
    }

    private void Emit(SentenceState st, int s, int e, FactDraft draft)
    {
        if (draft.Code is { } code && PartOfASubset(code))
        {
            draft = draft with { Code = null }; // 限额以上单位…; 城镇消费品零售额…: a part of the subset, not of the catalogue's whole
        }

        if (draft.Code is null && draft.Kind is FactKind.Value or FactKind.Growth && IsCompanyName(draft.Name))
        {
            return; // 中石油增长5.2%, 中省属批发企业烟草增长3.1%: a company's figure, not an indicator of the region
        }

        var region = st.Region ?? (st.RegionText is null ? regions.Main : null);
        var regionText = st.RegionText ?? regions.MainText;
        st.Last = facts.Add(draft, s, e, discourse.Period, region, regionText, st.Target);
    }

    // Loops, not Any(lambda): a lambda over the name made a closure and a delegate for every fact emitted.
    private static bool StartsWithAny(string name, string[] words)
    {
        foreach (var w in words)
        {
            if (name.StartsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a name cut to its last characters from <paramref name="cut"/> starts when that would cut a size class in two
    /// (规模以上工业战略性新兴产业增加值 keeps 规模以上, not 以上…): at the class's start; else at <paramref name="cut"/>.</summary>
    private static int KeptWhole(string name, int cut)
    {
        foreach (var sizeClass in (string[])["规模以上", "限额以上"])
        {
            var at = name.LastIndexOf(sizeClass, Math.Min(name.Length - 1, cut + sizeClass.Length - 1), StringComparison.Ordinal);
            if (at >= 0 && at < cut && cut < at + sizeClass.Length)
            {
                return at;
            }
        }

        return cut;
    }

    /// <summary>
    /// The rest of <paramref name="cleaned"/> from <paramref name="end"/> when it is 完成/实现 and a measure the verb completes (完成投资,
    /// 实现产值): what follows a catalogue name that is then only the measure's subject; null otherwise.
    /// </summary>
    private static string? MeasureAfterItsSubject(string cleaned, int end)
    {
        var rest = cleaned.AsSpan(end);
        return rest.Length > 3 && rest[..2] is "完成" or "实现" && VerbMeasures.Contains(rest[2..].ToString()) ? rest.ToString() : null;
    }

    private Dictionary<IndicatorCode, Indicator>? _byCode;

    /// <summary>
    /// Whether a catalogued part (城镇消费品零售额, whose whole is 社会消费品零售总额) is written, in this paragraph, as a breakdown of a
    /// size-class subset of that whole (限额以上单位消费品零售额, a sibling of the part in the catalogue) and the whole itself is not
    /// named there: the figure is then the subset's part (限上城镇消费品零售额), which the catalogue does not hold — its code would
    /// store it as the whole's part. Its name stays; its code goes.
    /// </summary>
    private bool PartOfASubset(IndicatorCode code)
    {
        _byCode ??= dictionary.Indicators.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First());
        if (!_byCode.TryGetValue(code, out var part) || part.Parent is not { } whole)
        {
            return false;
        }

        var subset = false;
        for (var k = _paragraphFirstFact; k < facts.Facts.Count; k++)
        {
            if (facts.Facts[k].IndicatorCode is not { } other)
            {
                subset |= NamesASubsetOf(facts.Facts[k].Indicator, whole); // 限额以上消费品零售额, not catalogued under that name
                continue;
            }

            if (other == code)
            {
                continue;
            }

            if (other == whole)
            {
                return false; // 社会消费品零售总额…,其中城镇…: the part of the whole named
            }

            subset |= _byCode.TryGetValue(other, out var sibling) && sibling.Parent == whole && IsSizeClassSubset(sibling.NameZh);
        }

        return subset;
    }

    /// <summary>
    /// Whether an uncatalogued name is a size class's subset of <paramref name="whole"/>: a size class (限额以上, 限上, 规模以上, 规上)
    /// followed by at least four characters that end the whole's name or one of its aliases (限额以上消费品零售额: 社会消费品零售额).
    /// </summary>
    private bool NamesASubsetOf(string name, IndicatorCode whole)
    {
        foreach (var sizeClass in (string[])["限额以上", "规模以上", "限上", "规上"])
        {
            var at = name.IndexOf(sizeClass, StringComparison.Ordinal);
            if (at >= 0 && name.Length - at - sizeClass.Length >= 4 && _byCode!.TryGetValue(whole, out var w))
            {
                var rest = name[(at + sizeClass.Length)..];
                return w.NameZh.EndsWith(rest, StringComparison.Ordinal) || w.Aliases.Any(a => a.EndsWith(rest, StringComparison.Ordinal));
            }
        }

        return false;
    }

    /// <summary>A catalogue name of a size class's subset of a whole: 限上…, 规上…, 限额以上…, 规模以上….</summary>
    private static bool IsSizeClassSubset(string name)
        => name.StartsWith("限上", StringComparison.Ordinal) || name.StartsWith("规上", StringComparison.Ordinal)
            || name.StartsWith("限额以上", StringComparison.Ordinal) || name.StartsWith("规模以上", StringComparison.Ordinal);

    private static readonly string[] CompanyNames = ["中石油", "中石化", "中海油", "中国石油", "中国石化", "国家电网", "国网", "中国移动", "中国联通", "中国电信"];

    /// <summary>A company's short name (中石油, 国家电网 …), a name ending in 公司/集团, or the tobacco company among wholesale firms
    /// (批发企业烟草): the subject is one firm, not the region.</summary>
    private static bool IsCompanyName(string name)
        => StartsWithAny(name, CompanyNames) || Words.EndsWithAny(name, ["公司", "集团"], 2)
            || name.Contains("企业烟草", StringComparison.Ordinal);

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

            if (k >= 1 && ((_n[k - 1] == '拉' && c is '动' or '低') || (c == '拉' && _n[k - 1] is '上' or '下')))
            {
                return Words.MatchAny(_n, k + 1, end, Words.Scope) > 0 ? k + 1 : 0;
            }
        }

        return 0;
    }

    /// <summary>Where a list's names begin when a place opens its clause (江阳区二、三产业投资分别…: the place is the region, not a name).</summary>
    private int AfterLeadingPlace(int from, int end)
    {
        var mentions = regions.Mentions;
        var (lo, hi) = (0, mentions.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = mentions[mid].Start < from ? (mid + 1, hi) : (lo, mid);
        }

        return lo < mentions.Count && mentions[lo].Start == from && mentions[lo].Start + mentions[lo].Length < end ? mentions[lo].Start + mentions[lo].Length : from;
    }

    /// <summary>How far back from 分别 its list of names or regions is looked for (a list of seven industries runs past 100 characters).</summary>
    private const int ListWindow = 160;

    /// <summary>
    /// A list of industries (its last item ends in 业) whose names hold 、 (酒、饮料和精制茶制造业、医药制造业): a part that does not
    /// end in 业 begins the next part's name, so it is joined to it.
    /// </summary>
    private static List<string> JoinIndustryParts(List<string> items)
    {
        if (items.Count < 3 || !items[^1].EndsWith('业'))
        {
            return items;
        }

        var joined = new List<string>(items.Count);
        var pending = string.Empty;
        foreach (var item in items)
        {
            pending = pending.Length == 0 ? item : pending + "、" + item;
            if (item.EndsWith('业'))
            {
                joined.Add(pending);
                pending = string.Empty;
            }
        }

        if (pending.Length > 0)
        {
            joined.Add(pending);
        }

        return joined;
    }

    /// <summary>
    /// 二、三产业投资 / 一、二、三产业: items that are a bare ordinal share the last item's words — 第二产业投资, 第三产业投资.
    /// </summary>
    private static List<string> ExpandOrdinals(List<string> items)
    {
        if (items.Count >= 2 && items[0] is { Length: 2 } first && first[0] == '第' && Words.IsChineseDigit(first[1]))
        {
            items = [first[1..], .. items.Skip(1)]; // 第一、二、三产业: the ordinal's 第 written once, on the first item
        }

        if (items.Count < 2 || items[^1].Length < 3 || !Words.IsChineseDigit(items[^1][0]) || items.Take(items.Count - 1).Any(i => i.Length != 1 || !Words.IsChineseDigit(i[0])))
        {
            return items;
        }

        var rest = items[^1][1..];
        var ordinal = rest.StartsWith("产业", StringComparison.Ordinal) ? "第" : string.Empty;
        return [.. items.Select(i => ordinal + i[0] + rest)];
    }

    // 比1-4月增速12.3%: the words between a comparison base and a rate that make the rate the base period's own.
    private static readonly string[] EarlierRateWords = ["增速", "增幅", "涨幅", "的增速", "的增幅", "的涨幅"];

    /// <summary>
    /// 规上工业用电、煤、天然气、热力: the first item names what is used (用电), the short items after it are other things used by the same
    /// subject — 规上工业用煤, 规上工业用天然气 …; other lists are returned as they are.
    /// </summary>
    /// <summary>
    /// 轻、重工业占比分别…, 大、中型企业…: a first item of one character shares the rest of the second item's words (轻工业占比,
    /// 重工业占比) when that rest is 工业, 型 or 资; null when the items are not so written.
    /// </summary>
    private static readonly string[] SharedTails = ["工业", "型", "资"]; // 轻、重工业; 大、中型; 内、外资

    private static List<string>? OneCharacterHeads(List<string> items)
    {
        if (items.Count != 2 || items[0].Length != 1 || !Words.IsCjk(items[0][0]) || items[1].Length < 3 || Words.MatchAny(items[1], 1, items[1].Length, SharedTails) == 0)
        {
            return null; // 猪、牛、羊、家禽出栏 and 一、二、三产业 are no such items
        }

        var rest = items[^1][1..];
        return [.. items.Take(items.Count - 1).Select(i => i + rest), items[^1]];
    }

    /// <summary>Words for a change of state that stand between a list's names and its 分别 (由负转正, 均).</summary>
    private static readonly string[] StateWords = ["由负转正", "由降转升", "由负转增", "扭负为正", "均", "都"];

    private static string WithoutStateWord(string clause)
    {
        foreach (var w in StateWords)
        {
            if (clause.EndsWith(w, StringComparison.Ordinal))
            {
                return NameWords.Clean(clause[..^w.Length]);
            }
        }

        return clause;
    }

    private static List<string> SharedUse(List<string> items)
    {
        var use = items.Count >= 2 ? items[0].IndexOf('用', StringComparison.Ordinal) : -1;
        if (use <= 0 || use + 1 >= items[0].Length || items.Skip(1).Any(i => i.Length is 0 or > 3 || i.Contains('用', StringComparison.Ordinal)))
        {
            return items;
        }

        var head = items[0][..(use + 1)];
        return [items[0], .. items.Skip(1).Select(i => head + i)];
    }

    private static readonly string[] SinceYearStartBases =
        ["比年初", "较年初", "比上年末", "较上年末", "比去年末", "较去年末", "比上年底", "较上年底", "比去年底", "较去年底"];

    /// <summary>The length of 比年初 / 较上年末 … ending <paramref name="words"/> (a change since the start of the year), else 0.</summary>
    private static int SinceYearStart(string words)
    {
        foreach (var b in SinceYearStartBases)
        {
            if (words.EndsWith(b, StringComparison.Ordinal))
            {
                return b.Length;
            }
        }

        return 0;
    }

    private static readonly string[] RespectiveVerbs = ["达到", "达", "为", "是"];

    private static readonly (string Word, int Sign)[] RateWordsBeforeRespectively =
        [("增长率", 1), ("增幅", 1), ("增速", 1), ("涨幅", 1), ("降幅", -1), ("贡献率", 0), ("贡献度", 0), ("占比", 0), ("比重", 0)];

    /// <summary>Whether a rate listed after 分别 under this name is a share (轻、重工业占比分别为a%和b%), not a level of its own.</summary>
    private static bool IsShareName(string name) => name.EndsWith("占比", StringComparison.Ordinal) || name.EndsWith("比重", StringComparison.Ordinal);

    /// <summary>
    /// …增幅分别达到 / …降幅分别为 / …贡献率分别为 right before a rate: where the list before the rate word ends (贡献率 stays part of
    /// each item's name, a growth word does not) and the sign (0: the rates are levels, not growths). Null otherwise.
    /// </summary>
    private static (int ListEnd, int Sign, string Word)? RatesRespectively(string pre)
    {
        var at = pre.LastIndexOf("分别", StringComparison.Ordinal);
        if (at < 0 || pre[(at + 2)..].Trim() is { Length: > 0 } tail && !RespectiveVerbs.Contains(tail, StringComparer.Ordinal))
        {
            return null;
        }

        var before = pre[..at].TrimEnd();
        foreach (var lead in (string[])["同比", "均"])
        {
            if (before.EndsWith(lead, StringComparison.Ordinal))
            {
                before = before[..^lead.Length];
            }
        }

        foreach (var (word, sign) in RateWordsBeforeRespectively)
        {
            if (before.EndsWith(word, StringComparison.Ordinal) && before.Length > word.Length)
            {
                return (sign == 0 ? at : before.Length - word.Length, sign, word);
            }
        }

        return null;
    }

    /// <summary>
    /// The names a counted list gives in the comma-separated clauses that end right before <paramref name="clauseStart"/>: the first
    /// clause says how many (…的三个行业是A), the others are one name each (B,C); null unless the count matches. Industry names
    /// keep their 、 (计算机、通信和其他电子设备制造业).
    /// </summary>
    private List<string>? NamesListedBefore(int s, int clauseStart)
    {
        if (clauseStart - 1 <= s || _n[clauseStart - 1] is not (',' or '，'))
        {
            return null;
        }

        var names = new List<string>();
        var end = clauseStart - 1;
        while (end > s && names.Count < 10)
        {
            var start = end;
            while (start > s && end - start < 40 && _n[start - 1] is not (',' or '，' or ';' or '；' or ':' or '：' or '。'))
            {
                start--;
            }

            var segment = _n[start..end];
            var isAt = segment.LastIndexOf('是');
            if (isAt > 0)
            {
                names.Insert(0, NameWords.Clean(segment[(isAt + 1)..]));
                var count = CountBefore(segment, isAt);
                return count == names.Count && names.All(x => x.Length >= 2 && !x.Any(char.IsAsciiDigit)) ? names : null;
            }

            if (segment.Length is < 2 or > 24 || segment.Any(char.IsAsciiDigit) || start <= s || _n[start - 1] is not (',' or '，'))
            {
                return null;
            }

            names.Insert(0, NameWords.Clean(segment));
            end = start - 1;
        }

        return null;
    }

    /// <summary>
    /// 农副食品加工业,金属制品业,…,专用设备制造业增加值分别增长10.2%、11.4%…: a 分别 list whose items are separated by commas
    /// (an item may hold 、 of its own: 五金、电料类,通讯器材类,…类商品销售额). As many comma-separated items right before 分别 as
    /// rates follow it, each an industry or a category (ending in 业 or 类) with no figure; the measure the last item ends with
    /// completes the others. Three items at least (A,B分别 is too often a clause and a list). Null when the clauses before are not
    /// such a list. Bounded: 24 characters an item.
    /// </summary>
    private List<string>? CommaListedNames(int s, int respectively, int count)
    {
        if (count < 2)
        {
            return null;
        }

        var items = new List<string>(count);
        var end = respectively;
        for (var k = 0; k < count; k++)
        {
            var start = end;
            while (start > s && end - start <= 24 && _n[start - 1] is not (',' or '，' or ';' or '；' or ':' or '：' or '。'))
            {
                start--;
            }

            if (k < count - 1 && (start <= s || _n[start - 1] is not (',' or '，')))
            {
                return null;
            }

            var item = NameWords.Clean(_n[start..end]);
            if (item.Length is < 2 or > 24 || !item.All(c => Words.IsCjk(c) || c == '、'))
            {
                return null;
            }

            items.Insert(0, item);
            end = start - 1;
        }

        if (count == 2 && !items.All(i => i.Contains('、', StringComparison.Ordinal)))
        {
            return null; // two items only when each holds a 、 (居民服务、修理和其他服务业,文化、体育和娱乐业): the 、 list cannot be the list
        }

        var last = items[^1];
        var categoryEnd = last.LastIndexOfAny(['业', '类']);
        if (categoryEnd >= 2 && last[categoryEnd - 1] == '营')
        {
            categoryEnd = last.LastIndexOfAny(['业', '类'], categoryEnd - 2); // …服务业营业收入: the 业 of 营业 is the measure's
        }

        if (categoryEnd < 1 || last.Length - categoryEnd - 1 < 2 || items.Take(count - 1).Any(i => i[^1] is not ('业' or '类')))
        {
            return null;
        }

        var measure = last[(categoryEnd + 1)..];
        return [.. items.Take(count - 1).Select(i => ChineseText.ToSimplified(i + measure)), ChineseText.ToSimplified(last)];
    }

    /// <summary>The size of a counted group that ends right before <paramref name="at"/> (三个行业, 3家企业, 前五位 …), or 0.</summary>
    private static int CountBefore(string words, int at)
    {
        for (var k = at - 1; k >= 1 && at - k <= 6; k--)
        {
            if (words[k] is '个' or '家' or '项' or '位' or '大')
            {
                var c = words[k - 1];
                return char.IsAsciiDigit(c) && (k < 2 || !char.IsAsciiDigit(words[k - 2])) ? c - '0' : "一二三四五六七八九".IndexOf(c, StringComparison.Ordinal) + 1 is var v and > 0 ? v : c == '两' ? 2 : 0;
            }
        }

        return 0;
    }

    /// <summary>
    /// The names a 分别 list gives its figures, in order: the clause before 分别 split on 、 (or on one 和/及), each item
    /// completed with the indicator the last item ends with (船舶工业、水产加工总产值 → 船舶工业总产值, 水产加工总产值).
    /// Null when it is not such a list. Bounded: looks back at most 60 characters.
    /// </summary>
    /// <remarks>
    /// When the measure follows 分别 (生猪、牛、羊分别出栏…), <paramref name="measureAfter"/> is it: each item is a subject of that
    /// measure (生猪出栏, 牛出栏), and a one-character item (牛, 羊) is a name.
    /// </remarks>
    private List<string>? RespectiveNames(int s, int respectively, string? measureAfter = null)
    {
        var from = respectively;
        while (from > s && respectively - from < ListWindow && _n[from - 1] is not (',' or '，' or ';' or '；' or ':' or '：' or '。'))
        {
            from--;
        }

        var segmentStart = from;
        from = AfterLeadingPlace(from, respectively);
        var clause = WithoutStateWord(NameWords.Clean(_n[from..respectively]));
        if (clause.Length == 0 && from > s + 1 && _n[from - 1] is ',' or '，')
        {
            // 甲业及乙业由负转正,分别增长a%、b%: the names stand before the state that the comma closes
            var stateEnd = from - 1;
            var f = stateEnd;
            while (f > s && stateEnd - f < ListWindow && _n[f - 1] is not (',' or '，' or ';' or '；' or ':' or '：' or '。'))
            {
                f--;
            }

            segmentStart = f;
            from = AfterLeadingPlace(f, stateEnd);
            clause = WithoutStateWord(NameWords.Clean(_n[from..stateEnd]));
        }
        foreach (var w in Words.Scope)
        {
            if (clause.StartsWith(w, StringComparison.Ordinal))
            {
                clause = clause[w.Length..];
                break;
            }
        }

        var items = OneCharacterHeads(clause.Split('、').ToList()) ?? JoinIndustryParts(clause.Split('、').ToList());
        items = ExpandOrdinals(items);
        foreach (var three in (string[])["三次产业", "三大产业"])
        {
            if (items.Count == 1 && clause.StartsWith(three, StringComparison.Ordinal) && clause.Length > three.Length)
            {
                // 三次产业对经济增长的贡献率: the first, second and third industries, in that order.
                var rest = clause[three.Length..];
                items = ["第一产业" + rest, "第二产业" + rest, "第三产业" + rest];
            }
        }

        if (items.Count == 1 && clause.StartsWith("城乡", StringComparison.Ordinal) && clause.Length > 4)
        {
            items = ["城镇" + clause[2..], "农村" + clause[2..]]; // 城乡居民人均可支配收入分别…: the urban figure first, then the rural
        }

        items = SharedUse(items);
        if (items.Count < 2)
        {
            foreach (var and in (string[])["业及", "业和", "业与", "和", "及"])
            {
                // 农副食品加工业及印刷和记录媒介复制业: the joiner after an industry's 业 separates two industries, before a 和 inside a name
                var at = clause.IndexOf(and, StringComparison.Ordinal);
                if (at > 0 && clause.IndexOf(and, at + 1, StringComparison.Ordinal) < 0)
                {
                    at += and.Length - 1;
                    items = [clause[..at], clause[(at + 1)..]];
                    break;
                }
            }
        }

        if (items.Count < 2 && measureAfter is null && NamesListedBefore(s, segmentStart) is { } listed)
        {
            // 产值最大的三个行业是A,B,C,累计产值分别为…: the names are the counted list of the clauses before; the words before 分别
            // are their measure.
            var measure = clause.StartsWith("累计", StringComparison.Ordinal) || clause.StartsWith("合计", StringComparison.Ordinal) ? clause[2..] : clause;
            return measure.Length is >= 2 and <= 8 ? [.. listed.Select(i => ChineseText.ToSimplified(i + measure))] : null;
        }

        if (items.Count < 2 || items.Any(i => i.Length == 0 || (i.Length == 1 && !Words.IsCjk(i[0]))))
        {
            return null;
        }

        if (measureAfter is not null)
        {
            return [.. items.Select(i => ChineseText.ToSimplified(i + measureAfter))];
        }

        var last = items[^1];
        string? suffix;
        if (dictionary.FindLongest(last, null) is { } found && found.Start + found.Length == last.Length && found.Start > 0)
        {
            suffix = last[found.Start..];
        }
        else
        {
            suffix = SharedSuffixes.FirstOrDefault(x => last.EndsWith(x, StringComparison.Ordinal) && last.Length > x.Length);
        }

        // 猪、牛、羊存栏: a one-character item (an animal) is a name only when the list's head count completes it.
        if (items.Any(i => i.Length < 2) && suffix is not ("出栏" or "存栏"))
        {
            return null;
        }

        // 规上工业增加值、固定资产投资: an item that ends in a measure of its own takes no other.
        return [.. items.Select(i => suffix is null || i.EndsWith(suffix, StringComparison.Ordinal) || (i.Length > 2 && SharedSuffixes.Any(x => i.EndsWith(x, StringComparison.Ordinal)))
            ? ChineseText.ToSimplified(i) : ChineseText.ToSimplified(i + suffix))];
    }
}
