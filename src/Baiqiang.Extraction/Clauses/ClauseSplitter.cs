using Baiqiang.Extraction.Tokens;

namespace Baiqiang.Extraction.Clauses;

/// <summary>
/// Paragraphs → sentences → clauses. A sentence ends at 。 ; ! ? …; inside it a comma, colon, bracket or quote ends a name
/// (the next figure's indicator is read after it), and a comma whose next words start a new predicate (同比增长, 占…, 比…,
/// 分别, 其中, a verb) opens a clause that has no subject of its own: it speaks of the subject of the clause before.
/// </summary>
internal static class ClauseSplitter
{
    private static readonly string[] PredicateStarts =
    [
        "同比", "比上年", "比去年", "较上年", "较去年", "增长", "下降", "增速", "增幅", "占", "分别", "其中", "高于", "低于", "快于", "慢于",
        "完成", "实现", "达到", "为", "拉动", "位居", "排名", "居全", "按可比价",
    ];

    /// <summary>Whether <paramref name="c"/> ends a sentence.</summary>
    public static bool EndsSentence(char c) => c is '。' or '!' or '?' or ';' or '…' or '\t'; // a tab separates table cells

    /// <summary>Whether <paramref name="c"/> ends a name inside a sentence (the words after it begin a new segment).</summary>
    public static bool EndsSegment(char c) => c is ',' or ':' or '、' or '(' or ')' or '"' or '“' or '”' or '《' or '》' or ' ';

    /// <summary>The sentences of the paragraph <paramref name="start"/>..<paramref name="end"/>, as half-open spans.</summary>
    public static IEnumerable<(int Start, int End)> Sentences(string n, int start, int end)
    {
        var s = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || EndsSentence(n[i]))
            {
                if (i > s)
                {
                    yield return (s, i);
                }

                s = i + 1;
            }
        }
    }

    /// <summary>The clauses of a sentence: split at each comma that starts a new predicate; each says whether it lacks a subject.</summary>
    public static List<(int Start, int End, bool SubjectLess)> Clauses(string n, int s, int e)
    {
        var list = new List<(int, int, bool)>();
        var from = s;
        var subjectLess = false;
        for (var i = s; i < e; i++)
        {
            if (n[i] == ',' && i + 1 < e && StartsPredicate(n, i + 1, e))
            {
                list.Add((from, i, subjectLess));
                from = i + 1;
                subjectLess = true;
            }
        }

        list.Add((from, e, subjectLess));
        return list;
    }

    /// <summary>Whether the words at <paramref name="i"/> begin a predicate (no subject of their own).</summary>
    public static bool StartsPredicate(string n, int i, int e) => Words.MatchAny(n, i, e, PredicateStarts) > 0;
}
