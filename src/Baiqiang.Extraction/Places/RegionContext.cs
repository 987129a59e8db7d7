using Baiqiang.Core.Regions;

namespace Baiqiang.Extraction.Places;

/// <summary>
/// The places a document names and the region it is about. Built once per document: every region mention (through the
/// <see cref="RegionMatcher"/>), each ambiguous name resolved by the parents the document also names, and the main region.
/// </summary>
/// <remarks>
/// The main region is the most-mentioned county-level unit or park that the text backs (its full name, a parent named, or a
/// name in the title or masthead — the first lines), full names counting double and the title counting double again; a
/// prefecture mentioned more than twice as often wins instead (a city-wide report naming its counties in passing).
/// </remarks>
internal sealed class RegionContext
{
    private readonly Dictionary<string, Region?> _resolved = new(StringComparer.Ordinal);

    private RegionContext(RegionMatcher? matcher) => Matcher = matcher;

    public RegionMatcher? Matcher { get; }

    /// <summary>Every mention, in text order.</summary>
    public List<RegionMention> Mentions { get; } = [];

    /// <summary>The region the document is about, or null.</summary>
    public Region? Main { get; private set; }

    /// <summary>The main region as written (its registry name when resolved).</summary>
    public string? MainText { get; private set; }

    /// <summary>Finds the mentions and the main region of <paramref name="text"/>.</summary>
    public static RegionContext Build(RegionMatcher? matcher, DocumentText text)
    {
        var context = new RegionContext(matcher);
        if (matcher is null)
        {
            return context;
        }

        var n = text.Normalized;
        foreach (var (start, end) in text.ContentSpans)
        {
            matcher.FindAll(n, start, end, context.Mentions);
        }

        // The title and masthead: the first two kept lines when they are short.
        var titleEnd = 0;
        for (var k = 0; k < Math.Min(2, text.ContentSpans.Count); k++)
        {
            var (s, e) = text.ContentSpans[k];
            if (e - s <= 60 && n.AsSpan(s, e - s).IndexOfAny("。;!?,") < 0)
            {
                titleEnd = e;
            }
        }

        context.FindMain(matcher, titleEnd);
        return context;
    }

    /// <summary>The region a mention resolves to, or null when unknown or still ambiguous.</summary>
    public Region? Resolved(RegionMention m) => _resolved.GetValueOrDefault(m.Text);

    private void FindMain(RegionMatcher matcher, int titleEnd)
    {
        var counts = new Dictionary<RegionCode, int>();
        foreach (var m in Mentions)
        {
            foreach (var r in m.Candidates)
            {
                counts[r.Code] = counts.GetValueOrDefault(r.Code) + 1;
            }
        }

        foreach (var m in Mentions)
        {
            if (!_resolved.ContainsKey(m.Text))
            {
                _resolved[m.Text] = Resolve(m.Candidates, counts, matcher);
            }
        }

        var fullNames = new HashSet<RegionCode>(Mentions
            .Where(m => _resolved[m.Text] is { } r0 && string.Equals(r0.Name, m.Text, StringComparison.Ordinal))
            .Select(m => _resolved[m.Text]!.Code));
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
        foreach (var m in Mentions)
        {
            if (_resolved[m.Text] is { Kind: RegionKind.PrefectureCity } pref)
            {
                prefectures[pref.Code] = prefectures.GetValueOrDefault(pref.Code) + 1;
            }

            if (_resolved[m.Text] is { } r && (RegionKindRules.IsCountyLevelUnit(r.Kind) || r.IsPark) && Backed(r))
            {
                var prev = tally.TryGetValue(r.Code, out var p0) ? p0 : (Count: 0, First: m.Start, Text: m.Text);
                var longer = prev.Text.Length >= m.Text.Length ? prev.Text : m.Text;
                var weight = string.Equals(m.Text, r.Name, StringComparison.Ordinal) ? 2 : 1; // a full name says more than a stem
                if (m.Start < titleEnd)
                {
                    weight *= 2; // the title or masthead names what the page is about
                }

                tally[r.Code] = (prev.Count + weight, prev.First, longer);
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

    /// <summary>True for the main region, its ancestors, and regions under the same prefecture (siblings and their parks).</summary>
    public bool Related(Region r)
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

    /// <summary>What a scope word means: 全区/我县/园区 the main region, 全市/我市 its prefecture when the main region is a district or county.</summary>
    public Region? Scope(string word)
    {
        if (Main is null)
        {
            return null;
        }

        if (word is "园区" or "全园")
        {
            return Main;
        }

        if (word[^1] == '市' && Main.Kind is not (RegionKind.PrefectureCity or RegionKind.CountyLevelCity))
        {
            var p = Main.ParentCode;
            while (p is { } pc && Matcher!.Registry.TryGet(pc, out var pr))
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
}
