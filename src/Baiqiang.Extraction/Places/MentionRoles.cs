using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Places;

/// <summary>What a place named on a page does there, as far as the page's main region is concerned.</summary>
internal enum MentionRole
{
    /// <summary>Named in the body as a clause's place (江阳区实现地区生产总值…): a vote for the main region.</summary>
    Body,

    /// <summary>In the title or masthead (the first short lines): a strong vote.</summary>
    Title,

    /// <summary>The office that published the figures, in the title or the lead (重庆市统计局, 据甲县统计局, 乙县人民政府): a strong vote.</summary>
    Publisher,

    /// <summary>One item of an enumeration (甲县、乙县、丙县; 苏州工业园区、厦门海沧投资区…等5个): named in passing, never the page's region.</summary>
    Listed,

    /// <summary>
    /// A comparator or a group's extreme (高于甲县, 仅次于乙县, 位居丙县之后; 增速最高的为丁市, 排名第一的是戊县): named in passing, never the
    /// page's region.
    /// </summary>
    Compared,

    /// <summary>
    /// Part of an organisation's, medium's or project's name (深圳新闻网, 中国西部(成都)科学城): it says where the page is, never
    /// what it reports on.
    /// </summary>
    Named,
}

/// <summary>
/// The role of each place a page names (<see cref="MentionRole"/>), decided by the words around it, not by which place it is:
/// where it stands (the title, the lead), what follows it (an office: 统计局, 财政局, 人民政府), and whether it is one item of a
/// 、-list or the subject of a comparison. <see cref="RegionContext"/> lets only <see cref="MentionRole.Body"/>,
/// <see cref="MentionRole.Title"/> and <see cref="MentionRole.Publisher"/> mentions vote for the page's main region; every
/// mention still backs a stem, resolves an ambiguous name and stays a clause's own region where the statement reader finds one.
/// </summary>
internal static class MentionRoles
{
    // Offices that publish a page's figures: a place right before one of them (no other word between) names the publisher.
    private static readonly string[] Offices =
    [
        "统计局", "财政局", "人民政府", "政府", "发展和改革委员会", "发展和改革局", "发改委", "发改局", "商务局", "税务局", "统计信息网", "调查队",
        "人大常委会", "人民代表大会", "政协",
    ];

    // The characters that end a list item: a place inside the item that ends (or follows) an enumeration comma is listed.
    private const string ItemEnds = "、,，。;；:：()（）!?！？\n";

    // Words before 为/是 that make the place after them a group's extreme or rank, not the clause's subject (增速最高的为丁市).
    private static readonly string[] Extremes = ["最高", "最低", "最快", "最慢", "最大", "最小", "最多", "最少", "第一", "首位", "末位"];

    /// <summary>Classifies every mention; <paramref name="comparators"/> are the starts already read as comparators, <paramref name="titleEnd"/> the end of the title lines, <paramref name="leadEnd"/> the end of the first paragraph after them.</summary>
    public static MentionRole[] Classify(string n, IReadOnlyList<RegionMention> mentions, HashSet<int> comparators, int titleEnd, int leadEnd)
    {
        var roles = new MentionRole[mentions.Count];
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            roles[k] = InBracketsInsideAName(n, m) ? MentionRole.Named
                : comparators.Contains(m.Start) || IsAnExtreme(n, m) ? MentionRole.Compared
                : IsListed(n, mentions, k) ? MentionRole.Listed
                : m.Start < leadEnd && NamesAnOffice(n, m) ? MentionRole.Publisher
                : m.Start < titleEnd ? MentionRole.Title
                : MentionRole.Body;
        }

        return roles;
    }

    /// <summary>Whether the place stands alone in brackets between the words of a name (中国西部(成都)科学城, 长江(泸州)港).</summary>
    internal static bool InBracketsInsideAName(string n, RegionMention m)
    {
        var (s, e) = (m.Start, m.Start + m.Length);
        return s >= 2 && e + 1 < n.Length && n[s - 1] is '(' or '（' && n[e] is ')' or '）' && Words.IsCjk(n[s - 2]) && Words.IsCjk(n[e + 1]);
    }

    /// <summary>Whether a role lets a mention vote for the page's main region.</summary>
    public static bool Votes(MentionRole role) => role is MentionRole.Body or MentionRole.Title or MentionRole.Publisher;

    /// <summary>Whether an office's name follows the place right away (重庆市统计局, 甲县人民政府, 据乙市财政局).</summary>
    internal static bool NamesAnOffice(string n, RegionMention m) => Words.MatchAny(n, m.Start + m.Length, n.Length, Offices) > 0;

    /// <summary>
    /// Whether the place is one item of an enumeration of places: the words around it, up to the nearest punctuation on each
    /// side, meet an enumeration comma whose other item names a place too (甲县、乙县; 苏州工业园区、厦门海沧投资区、…等5个; not
    /// 江阳区一季度GDP、投资双增长), unless both items state a figure (甲县增长6.2%、乙县增长3.1%: clauses of their own), or it is joined to the place before or after it by 和/及/与 with nothing else between (甲县和乙县).
    /// </summary>
    internal static bool IsListed(string n, IReadOnlyList<RegionMention> mentions, int k)
    {
        var m = mentions[k];
        var (s, e) = Item(n, m.Start, m.Start + m.Length);
        // 纳溪区增长6.2%、龙马潭区增长3.1%: two clauses of their own, each place its own figure's subject — but the last item of a
        // list runs on into the group's predicate (…、合江县临港园区等3个园区实现工业总产值…) and is still an item.
        var own = StatesAFigure(n, m.Start + m.Length, e);
        if (s > 0 && n[s - 1] == '、')
        {
            var (ps, pe) = Item(n, s - 1, s - 1);
            if (AnyMentionIn(mentions, ps, pe) && !(own && StatesAFigure(n, ps, pe)))
            {
                return true;
            }
        }

        if (e < n.Length && n[e] == '、')
        {
            var (ns, ne) = Item(n, e + 1, e + 1);
            if (AnyMentionIn(mentions, ns, ne) && !(own && StatesAFigure(n, ns, ne)))
            {
                return true;
            }
        }

        return (k > 0 && Joined(n, mentions[k - 1], m)) || (k + 1 < mentions.Count && Joined(n, m, mentions[k + 1]));
    }

    private static readonly string[] Predicates = ["实现", "完成", "达到"];

    /// <summary>
    /// Whether the words in [from, to) hold a growth word, a predicate (增长, 下降, 实现, 完成) or a figure that is not a count of
    /// the group (江阳区120.5亿元; not 7个县, 等3个园区).
    /// </summary>
    private static bool StatesAFigure(string n, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (char.IsAsciiDigit(n[k]))
            {
                var j = k;
                while (j < to && (char.IsAsciiDigit(n[j]) || n[j] == '.'))
                {
                    j++;
                }

                if (j >= to || n[j] is not ('个' or '家' or '县' or '市' or '区' or '旗'))
                {
                    return true;
                }

                k = j;
                continue;
            }

            if (Words.MatchAny(n, k, to, Words.Up) > 0 || Words.MatchAny(n, k, to, Words.Down) > 0 || Words.MatchAny(n, k, to, Predicates) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The item around [from, to): back and on to the nearest punctuation (at most 24 characters each way).</summary>
    private static (int Start, int End) Item(string n, int from, int to)
    {
        var s = from;
        while (s > 0 && from - s < 24 && !ItemEnds.Contains(n[s - 1], StringComparison.Ordinal))
        {
            s--;
        }

        var e = to;
        while (e < n.Length && e - to < 24 && !ItemEnds.Contains(n[e], StringComparison.Ordinal))
        {
            e++;
        }

        return (s, e);
    }

    /// <summary>Whether a mention starts within [start, end) (mentions are in text order).</summary>
    private static bool AnyMentionIn(IReadOnlyList<RegionMention> mentions, int start, int end)
    {
        var (lo, hi) = (0, mentions.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (mentions[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < mentions.Count && mentions[lo].Start < end;
    }

    private static bool Joined(string n, RegionMention first, RegionMention second)
        => second.Start - (first.Start + first.Length) == 1 && n[second.Start - 1] is '和' or '及' or '与';

    /// <summary>
    /// Whether the place names a group's extreme or first: right after 为/是 (or 的为, 的是) whose words back to the clause's start
    /// hold 最高/最快/第一… (增速最高的为丁市, 总量最大的是戊县).
    /// </summary>
    internal static bool IsAnExtreme(string n, RegionMention m)
    {
        var k = m.Start;
        if (k == 0 || n[k - 1] is not ('为' or '是'))
        {
            return false;
        }

        for (var j = k - 1; j > 0 && k - j <= 16; j--)
        {
            if (ItemEnds.Contains(n[j - 1], StringComparison.Ordinal))
            {
                break;
            }

            if (Words.MatchAny(n, j - 1, k, Extremes) > 0)
            {
                return true;
            }
        }

        return false;
    }
}
