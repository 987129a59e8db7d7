using System.Runtime.CompilerServices;

namespace Baiqiang.Extraction.Tokens;

/// <summary>
/// The word lists every stage shares, and <see cref="MayStartWord"/>: a table of the characters any listed word starts
/// with, so a scanner tests the lists only at the few positions where one can begin (a hot-path filter, no allocation).
/// </summary>
internal static class Words
{
    public static readonly string[] Up = ["增长", "增加", "提高", "上升", "提升", "回升", "上涨", "增幅", "增速", "增"];

    public static readonly string[] Down = ["负增长", "下降", "减少", "回落", "下滑", "降低", "下跌", "降幅", "降"];

    /// <summary>Words that make a clause a plan rather than an observation.</summary>
    public static readonly string[] Goal = ["力争", "确保", "争取", "目标", "预计", "计划新", "要实现", "将实现", "将达到", "力爭"];

    /// <summary>Scope words: 全区/我县 mean the main region, 全市/我市 its prefecture.</summary>
    public static readonly string[] Scope = ["全区", "全县", "全市", "全州", "全旗", "我区", "我县", "我市", "我州", "本区", "本县", "本市", "园区", "全园", "全省", "我省", "本省"];

    /// <summary>Words that end a name on their left: the indicator is what follows the last of them.</summary>
    public static readonly string[] Verbs =
    [
        "实现", "完成", "引进", "推进", "实施", "走访", "收集", "解决", "签约", "促成", "审批", "减免", "兑现", "授牌", "引导", "招引", "带领",
        "新增", "培育", "集聚", "确定", "列入", "梳理出", "开工", "竣工", "落地", "投产", "建成", "达到", "达", "为", "共", "有", "是", "突破",
        "累计", "合计", "总计", "共计", "其中", "已", "了", "的", "由", "到位", "和", "及", "与", "等", "对接落实", "落实", "生产",
        "加快", "形成", "建设", "开展", "出台", "推出", "设立", "引资", "到账", "多出", "释放", "提供", "深入", "辖区", "一道", "打造", "邀请", "布局",
    ];

    /// <summary>Connective words removed from the right end of a name.</summary>
    public static readonly string[] StripTail =
    [
        "同比", "(下同)", "比上年同期", "比去年同期", "较上年同期", "比上年", "比去年", "较上年", "较去年", "同期", "分别", "达到", "达", "为",
        "共", "约", "了", "已", "累计", "合计", "共计", "总计", "是", "实现", "完成", "超过", "突破", "年均", "平均", "的", "可比",
    ];

    /// <summary>Connective words removed from the left end of a name.</summary>
    public static readonly string[] StripHead = ["其中", "目前", "当前", "全年", "今年", "累计", "共", "已", "由", "到", "对", "为", "了", "的", "和", "及", "与", "该县", "该区", "该市", "该旗"];

    /// <summary>Words before a rate that compare it with something named after them (高于全市平均, 比一季度).</summary>
    public static readonly string[] Comparators = ["高于", "低于", "快于", "慢于", "超过", "领先"];

    public static readonly string[] EventWords =
        ["推进会", "大会", "会议", "座谈会", "观摩会", "调度会", "部署会", "动员会", "分析会", "例会", "推介会", "洽谈会", "博览会", "交易会", "观摩活动"];

    private static readonly bool[] Starters = BuildStarters();

    // For each character, the indices into Verbs of the verbs that start with it (in list order).
    private static readonly Dictionary<char, int[]> VerbsByFirst = Verbs.Select((v, k) => (v, k)).GroupBy(x => x.v[0]).ToDictionary(g => g.Key, g => g.Select(x => x.k).ToArray());

    // The characters some verb starts with: the dictionary is asked only for these.
    private static readonly CharSet VerbFirstChars = CharSet.FirstOf(Verbs);

    // For each character, whether some verb ends with it.
    private static readonly CharSet VerbLastChars = CharSet.LastOf(Verbs);

    /// <summary>
    /// The verb of <see cref="Verbs"/> whose last occurrence in <paramref name="cleaned"/> ends furthest right without ending the
    /// text (the first in list order among equals): where the name after it starts (<paramref name="cut"/>, 0 when none) and
    /// where the verb starts (<paramref name="verbAt"/>, -1 when none). The same as asking each verb for its
    /// <c>LastIndexOf</c>, in one backward pass.
    /// </summary>
    public static void LastVerb(ReadOnlySpan<char> cleaned, out int cut, out int verbAt) => LastVerb(cleaned, null, out cut, out verbAt);

    /// <summary>As <see cref="LastVerb(ReadOnlySpan{char}, out int, out int)"/>, passing over a verb's last occurrence when
    /// <paramref name="skip"/> says it sits inside a longer word (its position and length).</summary>
    public static void LastVerb(ReadOnlySpan<char> cleaned, Func<int, int, bool>? skip, out int cut, out int verbAt)
    {
        Span<int> lastAt = stackalloc int[Verbs.Length];
        lastAt.Fill(-1);
        for (var p = cleaned.Length - 1; p >= 0; p--)
        {
            if (!VerbFirstChars.Contains(cleaned[p]) || !VerbsByFirst.TryGetValue(cleaned[p], out var candidates))
            {
                continue;
            }

            foreach (var k in candidates)
            {
                if (lastAt[k] < 0 && cleaned[p..].StartsWith(Verbs[k], StringComparison.Ordinal))
                {
                    lastAt[k] = p;
                }
            }
        }

        cut = 0;
        verbAt = -1;
        for (var k = 0; k < Verbs.Length; k++)
        {
            var at = lastAt[k];
            if (at >= 0 && at + Verbs[k].Length > cut && at + Verbs[k].Length < cleaned.Length && (skip is null || !skip(at, Verbs[k].Length)))
            {
                cut = at + Verbs[k].Length;
                verbAt = at;
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> ends with a verb of <see cref="Verbs"/> at least <paramref name="minLength"/> long.</summary>
    public static bool EndsWithVerb(ReadOnlySpan<char> name, int minLength)
        => !name.IsEmpty && VerbLastChars.Contains(name[^1]) && EndsWithAny(name, Verbs, minLength);

    /// <summary>True when some word a statement reader looks for (goal, scope, period, rank, 翻番, comparison) may start with <paramref name="c"/>.</summary>
    public static bool MayStartWord(char c) => c < Starters.Length && Starters[c];

    private static bool[] BuildStarters()
    {
        var table = new bool[0x10000];
        string[] extra =
        [
            "今年", "去年", "上年", "本年", "前年", "全年", "截至目前", "年初以来", "今年以来", "上半年", "下半年", "前三季度", "前两季度", "一季度", "二季度",
            "三季度", "四季度", "第一季度", "当月", "本月", "到", "翻一番", "翻两番", "翻番", "位居", "排名", "居全", "将", "年末", "年底", "元月",
            "一二三四五六七八九十",
        ];
        foreach (var list in new[] { Goal, Scope, Comparators, extra })
        {
            foreach (var w in list)
            {
                table[w[0]] = true;
            }
        }

        foreach (var c in "一二三四五六七八九十")
        {
            table[c] = true;
        }

        for (var c = '0'; c <= '9'; c++)
        {
            table[c] = true; // years and months
        }

        return table;
    }

    /// <summary>Whether <paramref name="w"/> is written at <paramref name="i"/> (and ends by <paramref name="e"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool At(string n, int i, int e, string w)
        => i >= 0 && i + w.Length <= e && (w.Length == 0 || (n[i] == w[0] && n.AsSpan(i, w.Length).SequenceEqual(w))); // the first character rules out most

    /// <summary>The length of the first word of <paramref name="words"/> written at <paramref name="i"/>, or 0.</summary>
    public static int MatchAny(string n, int i, int e, string[] words)
    {
        foreach (var w in words)
        {
            if (At(n, i, e, w))
            {
                return w.Length;
            }
        }

        return 0;
    }

    /// <summary>The first word of <paramref name="words"/> written at <paramref name="i"/> (the one <see cref="MatchAny"/> measures), or the empty string.</summary>
    public static string WordAt(string n, int i, int e, string[] words)
    {
        foreach (var w in words)
        {
            if (At(n, i, e, w))
            {
                return w;
            }
        }

        return string.Empty;
    }

    // The words as a span: a list written at the call (EndsWithAny(name, ["以上", "以下"], 2)) is then built on the stack, not as
    // a new array per call (the name stage asks once per figure); a static array is passed as it was.
    public static bool EndsWithAny(string name, ReadOnlySpan<string> words, int minLength) => EndsWithAny(name.AsSpan(), words, minLength);

    /// <inheritdoc cref="EndsWithAny(string, ReadOnlySpan{string}, int)"/>
    public static bool EndsWithAny(ReadOnlySpan<char> name, ReadOnlySpan<string> words, int minLength)
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

    public static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    public static bool IsChineseDigit(char c) => c is '一' or '二' or '两' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十';

    public static bool IsChineseNumeral(char c) => IsChineseDigit(c) || c is '〇' or '零' or '百' or '千' or '万' or '亿';
}
