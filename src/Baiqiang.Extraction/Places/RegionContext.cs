using Baiqiang.Core.Regions;
using Baiqiang.Extraction.Tokens;

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
    private readonly List<RegionMention> _context = []; // comparators and sources of the figures: places named, never the subject
    private readonly Dictionary<int, MentionRole> _roles = []; // each mention's role by its start (MentionRoles): only some vote for the main region

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

        var found = context.Mentions.ToList(); // every place as found: a list item is an item even when its neighbour begins a park's name

        // 厦门火炬高新区管委会, 天水市经济技术开发区: a place that begins the name of a park the registry does not hold is not the
        // region; the park's figures are not the city's (a place with a registered park under it — 资阳市高新区 — stays, and a
        // registered park's own name is matched whole).
        context.Mentions.RemoveAll(m => m.Candidates.All(c => !c.IsPark && !matcher.Registry.Children(c.Code).Any(ch => ch.IsPark))
            && BeginsAParksName(n, m.Start + m.Length));

        // A place inside a longer word is not the region: a one-character name with its suffix glued after a word (示范县 → 范县,
        // 工业兴县 → 兴县, 现代县域 → 代县), and a place that begins the name of a newspaper, website, company or factory
        // (天水日报, 天天天水网, 天水长城开关厂, 江阳区城投公司).
        var mentionEnds = new HashSet<int>(context.Mentions.Select(m => m.Start + m.Length));
        context.Mentions.RemoveAll(m => GluedAfterAWord(n, m, mentionEnds) || StartsAWord(n, m));

        // An organisation's or medium's name still says where the page is (深圳新闻网 on a page about 龙华区, which 深圳 and 海口 both
        // have): it backs a stem and resolves an ambiguous name, but never votes for the main region (MentionRole.Named).
        var organisations = new List<RegionMention>();
        context.Mentions.RemoveAll(m =>
        {
            var named = BeginsAnOrganisationsName(n, m.Start + m.Length);
            if (named)
            {
                organisations.Add(m); // one test per mention: moved aside, not tested again to be removed
            }

            return named;
        });

        // Places the page compares itself with (位居郧阳区、丹江口市、茅箭区之后, 仅次于甲县) are not what it reports on: 我县 never
        // means one of them.
        var comparators = Comparators(n, context.Mentions);
        var scope = ScopeWordTally(text);

        // 根据河源市地区生产总值统一核算结果, 据某市统计局反馈: a prefecture named as the source of the accounting, on a page that speaks
        // of itself as a county or district (全区/全县 more often than 全市), is not the page's region.
        // Both still say which province or prefecture the page is in (they back a stem and resolve an ambiguous name).
        foreach (var m in context.Mentions)
        {
            if (comparators.Contains(m.Start)
                || (scope.County >= scope.Prefecture + scope.City && m.Candidates.All(c => c.Kind is RegionKind.PrefectureCity or RegionKind.Province)
                    && NamesTheAccountsSource(n, m)))
            {
                context._context.Add(m);
            }
        }

        // 绍兴滨海新区: a place glued right after a prefecture or province it is not under is that prefecture's own place of the same
        // name, which the registry does not hold (天津's 滨海新区 is 120116): neither it, anywhere on the page, nor the prefecture
        // before it is the region; the prefecture still says where the page is.
        var foreign = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 1; k < context.Mentions.Count; k++)
        {
            var (parent, m) = (context.Mentions[k - 1], context.Mentions[k]);
            if (parent.Start + parent.Length == m.Start && parent.Candidates.All(c => c.Kind is RegionKind.PrefectureCity or RegionKind.Province)
                && !m.Candidates.Any(c => parent.Candidates.Any(p => p.Code.Contains(c.Code))))
            {
                foreign.Add(m.Text);
                context._context.Add(parent);
            }
        }

        // 中广网呼和浩特8月20日消息, 新华社成都3月5日电: the dateline is where the report was filed; on a page that names a province
        // besides, the dateline's city is not what it reports on.
        if (context.Mentions.Concat(context._context).Any(m => !IsDateline(n, m) && ProvinceOf(m) is not null))
        {
            context._context.AddRange(context.Mentions.Where(m => IsDateline(n, m)));
        }

        var named = new HashSet<int>(context._context.Select(m => m.Start));
        context.Mentions.RemoveAll(m => named.Contains(m.Start) || foreign.Contains(m.Text));

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

        var roles = MentionRoles.Classify(n, found, comparators, titleEnd, LeadEnd(text, titleEnd));
        for (var k = 0; k < found.Count; k++)
        {
            context._roles[found[k].Start] = roles[k];
        }

        foreach (var m in organisations)
        {
            context._roles[m.Start] = MentionRole.Named;
        }

        context._context.AddRange(organisations);

        context.FindMain(matcher, titleEnd, scope);
        // A prefecture chosen only as the one the page names most (通辽市、鄂尔多斯市… in a list of a province's cities) when the lead
        // names the province: the province's page.
        if (context.Main is null || (context.Main.Kind == RegionKind.PrefectureCity && !context.Mentions.Exists(m => m.Start < LeadEnd(text, titleEnd) && m.Candidates.Contains(context.Main))))
        {
            context.ProvinceLed(n, text, titleEnd, scope, comparators);
        }

        return context;
    }

    /// <summary>
    /// A page about a province (近日从自治区统计局获悉,1至2月,广西规模以上工业增加值…; 9月四川规上工业增加值… in its title): no county,
    /// park or city is its region, it names the province in its title or first paragraph (as the subject or as the 统计局 that
    /// published the figures), and it never speaks of itself as a 市 or 州, nor as a 县/区/旗 unless the province is an
    /// autonomous region (whose own word is 全区).
    /// </summary>
    private void ProvinceLed(string n, DocumentText text, int titleEnd, (int Prefecture, int City, int County, int Province) scope, HashSet<int> comparators)
    {
        if (scope.Prefecture > 0 || text.ContentSpans.Count == 0)
        {
            return;
        }

        var leadEnd = LeadEnd(text, titleEnd);
        var lead = Mentions.Concat(_context).Where(m => m.Start < leadEnd && !IsDateline(n, m) && Votes(m)).ToList();
        var province = lead.Where(m => !comparators.Contains(m.Start)).OrderBy(m => m.Start).Select(ProvinceOf).FirstOrDefault(p => p is not null);
        if (province is null || lead.Any(m => ProvinceOf(m) is null && m.Candidates.All(c => c.Kind != RegionKind.Province)))
        {
            return; // a county or city named in the lead as well: not (only) the province's page
        }

        if (scope.City > 0 && !InAMunicipality(province))
        {
            return; // 全市 on a province's page names a city; a municipality's own word is 全市 (重庆市统计局…全市规模以上工业)
        }

        if (scope.County > 0 && !province.Name.EndsWith("自治区", StringComparison.Ordinal))
        {
            return;
        }

        Main = province;
        MainText = province.Name;
    }

    /// <summary>Whether a mention is one item of an enumeration of places (<see cref="MentionRole.Listed"/>): never a clause's region on its own.</summary>
    public bool Listed(RegionMention m) => _roles.GetValueOrDefault(m.Start) == MentionRole.Listed;

    /// <summary>Whether a mention may vote for the main region (<see cref="MentionRoles"/>: not a list item, not a comparator).</summary>
    private bool Votes(RegionMention m) => !_roles.TryGetValue(m.Start, out var role) || MentionRoles.Votes(role);

    /// <summary>The end of the first paragraph after the title.</summary>
    private static int LeadEnd(DocumentText text, int titleEnd) => text.ContentSpans.Select(c => c.End).FirstOrDefault(e => e > titleEnd, titleEnd);

    /// <summary>The province a mention names, when that is all it can name.</summary>
    private static Region? ProvinceOf(RegionMention m)
        => m.Candidates.Count == 1 && m.Candidates[0].Kind == RegionKind.Province ? m.Candidates[0] : null;

    /// <summary>A place followed by a date and 电/消息/讯 (呼和浩特8月20日消息, 成都3月5日电): a news agency's dateline.</summary>
    private static bool IsDateline(string n, RegionMention m)
    {
        var k = m.Start + m.Length;
        var digits = 0;
        while (k < n.Length && digits < 2 && char.IsAsciiDigit(n[k]))
        {
            (k, digits) = (k + 1, digits + 1);
        }

        if (digits == 0 || k >= n.Length || n[k] != '月')
        {
            return false;
        }

        k++;
        digits = 0;
        while (k < n.Length && digits < 2 && char.IsAsciiDigit(n[k]))
        {
            (k, digits) = (k + 1, digits + 1);
        }

        return digits > 0 && k + 1 < n.Length && n[k] is '日' && (n[k + 1] is '电' or '讯' || string.CompareOrdinal(n, k + 1, "消息", 0, 2) == 0);
    }

    private static readonly string[] ParkNameEnds =
        ["高新技术产业开发区", "经济技术开发区", "高新区", "开发区", "经开区", "高新园区", "工业园区", "产业园区", "保税区", "综保区", "管委会"];

    /// <summary>Whether the words right after a place (at most 8 characters of a name, no punctuation) end in a park's name.</summary>
    private static bool BeginsAParksName(string n, int from)
    {
        for (var k = from; k < n.Length && k - from <= 8; k++)
        {
            foreach (var end in ParkNameEnds)
            {
                if (string.CompareOrdinal(n, k, end, 0, end.Length) == 0)
                {
                    return true;
                }
            }

            if (!char.IsLetter(n[k]) || n[k] is '的' or '和' or '与' or '及' or '在' or '等')
            {
                return false;
            }
        }

        return false;
    }

    // Characters after which a name stands on its own: the end of a period (2023年, 1-6月份, 一季度, 今年以来, 目前), a
    // preposition or conjunction, a parent's suffix (河南省, 濮阳市), a particle.
    private const string BoundaryBefore = "年月日份度季来前后中内外间时期在于和与及同对向从据为是到至由自经将把被让给比较共省市州盟区县旗的之即";

    /// <summary>
    /// Whether a two-character name (a one-character stem and its suffix: 范县, 兴县, 代县) is glued after a word — its first
    /// character forms a word with the character before it (示范县, 模范县, 工业兴县, 现代县域) — rather than standing after a
    /// boundary, its parent's name (濮阳范县, 甘肃漳县) or punctuation.
    /// </summary>
    private static bool GluedAfterAWord(string n, RegionMention m, HashSet<int> mentionEnds)
    {
        if (m.Length != 2 || m.Start == 0 || !m.Candidates.Any(c => string.Equals(c.Name, m.Text, StringComparison.Ordinal)))
        {
            return false;
        }

        var before = n[m.Start - 1];
        return Words.IsCjk(before) && !mentionEnds.Contains(m.Start) && !BoundaryBefore.Contains(before, StringComparison.Ordinal);
    }

    // Words that, right after a place, make it the start of a medium's or a street's name (天水日报, 天天天水网讯, 天水路).
    private static readonly string[] MediaEnds = ["日报", "晚报", "时报", "商报", "报社", "新闻网", "网讯", "网消息", "网记者", "电视台", "广播电视台", "在线", "路", "大道", "大街"];

    // Words that end a company's or factory's name a few words after the place (天水华天电子集团, 天水长城开关厂).
    private static readonly string[] CompanyEnds = ["集团", "公司", "有限", "厂", "银行", "宾馆", "酒店", "大厦"];

    /// <summary>
    /// Whether the words right after a place make it the start of an organisation's name: a medium or street right after it
    /// (天水日报, 天水网 before punctuation, 天水路), or a company, bank or factory within eight characters with no verb, growth
    /// word or punctuation between (天水华天电子集团, 天水长城开关厂; not 天水…厂房).
    /// </summary>
    private static bool BeginsAnOrganisationsName(string n, int from)
    {
        if (from >= n.Length)
        {
            return false;
        }

        if (Words.MatchAny(n, from, n.Length, MediaEnds) > 0 || (n[from] == '网' && (from + 1 == n.Length || !Words.IsCjk(n[from + 1]))))
        {
            return true;
        }

        for (var k = from; k < n.Length && k - from < 8; k++)
        {
            foreach (var end in CompanyEnds)
            {
                if (Words.At(n, k, n.Length, end) && !(end == "厂" && k + 1 < n.Length && n[k + 1] is '房' or '区' or '矿' or '家' or '商' or '长'))
                {
                    return true; // before the verbs: 有 of 有限公司 is not a verb here
                }
            }

            if (!Words.IsCjk(n[k]) || Words.MatchAny(n, k, n.Length, Words.Verbs) > 0 || Words.MatchAny(n, k, n.Length, Words.Up) > 0
                || Words.MatchAny(n, k, n.Length, Words.Down) > 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a full name ending in 市 is glued to the next character into a word of its own (绵阳市场信息网: 绵阳 + 市场, not
    /// 绵阳市 + 场信息网).
    /// </summary>
    private static bool StartsAWord(string n, RegionMention m)
    {
        var end = m.Start + m.Length;
        return m.Text.EndsWith('市') && end < n.Length && n[end] == '场';
    }

    // Words right before a place that make it a comparator: 位居/居, 比/较, 高于/低于/快于/慢于/次于 (仅次于, 落后于), 超过, 领先, 排在.
    private static readonly string[] ComparatorsBefore = ["高于", "低于", "快于", "慢于", "次于", "后于", "超过", "领先", "排在", "居", "比", "较"];

    // Words right after a list of places that make them comparators: 位居甲县、乙县之后.
    private static readonly string[] ComparatorsAfter = ["之后", "之前", "后面", "前面"];

    /// <summary>
    /// The starts of mentions that name a comparator: a list of places (joined by 、/和/及/与) right after 居, 比, 高于, 仅次于 …, or
    /// right before 之后/之前.
    /// </summary>
    private static HashSet<int> Comparators(string n, List<RegionMention> mentions)
    {
        var found = new HashSet<int>();
        var first = 0;
        for (var k = 0; k < mentions.Count; k++)
        {
            if (k == 0 || !JoinedToPrevious(n, mentions[k - 1], mentions[k]))
            {
                first = k;
            }

            var last = k + 1 == mentions.Count || !JoinedToPrevious(n, mentions[k], mentions[k + 1]);
            if (!last)
            {
                continue;
            }

            var start = mentions[first].Start;
            var end = mentions[k].Start + mentions[k].Length;
            var before = false;
            foreach (var w in ComparatorsBefore)
            {
                before |= start >= w.Length && string.CompareOrdinal(n, start - w.Length, w, 0, w.Length) == 0;
            }

            if (before || Words.MatchAny(n, end, n.Length, ComparatorsAfter) > 0)
            {
                for (var j = first; j <= k; j++)
                {
                    found.Add(mentions[j].Start);
                }
            }
        }

        return found;
    }

    private static bool JoinedToPrevious(string n, RegionMention previous, RegionMention next)
    {
        var gap = next.Start - (previous.Start + previous.Length);
        return gap == 1 && n[next.Start - 1] is '、' or '和' or '及' or '与';
    }

    // Words after the source's name (at most 16 characters on, before punctuation) that make it the source of the accounting.
    private static readonly string[] AccountsWords = ["核算", "反馈", "统计局", "统计部门"];

    /// <summary>Whether a place right after 据/根据/经/按照 names the source of the figures (…统一核算结果, …统计局反馈), not their region.</summary>
    private static bool NamesTheAccountsSource(string n, RegionMention m)
    {
        if (m.Start == 0 || n[m.Start - 1] is not ('据' or '经' or '照'))
        {
            return false;
        }

        var from = m.Start + m.Length;
        for (var k = from; k < n.Length && k - from <= 16 && Words.IsCjk(n[k]); k++)
        {
            if (Words.MatchAny(n, k, n.Length, AccountsWords) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How often the text speaks of itself at prefecture level (全州/我州/本州, 全市/我市/本市) and at county level
    /// (全县/全区/全旗, 我县/我区, 本县/本区), and of its province (全省/我省/本省, wherever they stand), not counting a scope word after a comparator or 占 (高于全市平均, 占全市的比重,
    /// 居全市第3位), which names another region.
    /// </summary>
    private static (int Prefecture, int City, int County, int Province) ScopeWordTally(DocumentText text)
    {
        var n = text.Normalized;
        var (prefecture, city, county, province) = (0, 0, 0, 0);
        foreach (var (start, end) in text.ContentSpans)
        {
            for (var i = start; i + 1 < end; i++)
            {
                if (n[i] is not ('全' or '我' or '本'))
                {
                    continue;
                }

                if (n[i + 1] == '省')
                {
                    province++; // 高于全省, 居全省第3: whatever it compares, the page is in a province
                    continue;
                }

                if (i > start && n[i - 1] is '于' or '比' or '较' or '占' or '居' or '在' or '超' or '均')
                {
                    continue;
                }

                switch (n[i + 1])
                {
                    case '州':
                        prefecture++;
                        break;
                    case '市':
                        city++;
                        break;
                    case '县' or '区' or '旗':
                        county++;
                        break;
                }
            }
        }

        return (prefecture, city, county, province);
    }

    /// <summary>The region a mention resolves to, or null when unknown or still ambiguous.</summary>
    public Region? Resolved(RegionMention m) => _resolved.GetValueOrDefault(m.Text);

    /// <summary>How many times a park's page must say 全州/全市 (or 我市, 本州…) before the prefecture, not the park, is its subject.</summary>
    private const int MinParkPrefectureScopeWords = 3;

    private void FindMain(RegionMatcher matcher, int titleEnd, (int Prefecture, int City, int County, int Province) scope)
    {
        var counts = new Dictionary<RegionCode, int>();
        foreach (var m in Mentions.Concat(_context))
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
                _resolved[m.Text] = Resolve(Plausible(m.Candidates, scope.Province > 0), counts, matcher);
            }
        }

        var fullNames = new HashSet<RegionCode>(Mentions
            .Where(m => _resolved[m.Text] is { } r0 && matcher.IsFullName(m.Text, r0))
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
        foreach (var m in Mentions.Where(Votes))
        {
            if (_resolved[m.Text] is { Kind: RegionKind.PrefectureCity } pref)
            {
                prefectures[pref.Code] = prefectures.GetValueOrDefault(pref.Code) + 1;
            }

            if (_resolved[m.Text] is { } r && (RegionKindRules.IsCountyLevelUnit(r.Kind) || IsZone(r)) && Backed(r))
            {
                var prev = tally.TryGetValue(r.Code, out var p0) ? p0 : (Count: 0, First: m.Start, Text: m.Text);
                var longer = prev.Text.Length >= m.Text.Length ? prev.Text : m.Text;
                var weight = matcher.IsFullName(m.Text, r) ? 2 : 1; // a full name (or 维西县 for 维西傈僳族自治县) says more than a stem
                if (m.Start < titleEnd || _roles.GetValueOrDefault(m.Start) == MentionRole.Publisher)
                {
                    weight *= 2; // the title or masthead, or the office that published the figures, names what the page is about
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

        // 全州 means the whole autonomous prefecture, and 全市 the whole city unless the county-level unit is itself a city
        // (如皋市's 全市): a page that speaks of itself at prefecture level more than twice as often as at county level, and names
        // that prefecture, is about the prefecture, whatever counties, parks or newspapers (甘孜日报) it also names. A park is
        // never itself a 市 or 州, so one or two such words on a park's page cite the city it belongs to, and the park's page
        // needs MinParkPrefectureScopeWords (seed 002: 列为全市"三件大事", 我市出台…, its own 全区 only in the related-articles list).
        var prefectureWords = scope.Prefecture + (Main?.Kind == RegionKind.CountyLevelCity ? 0 : scope.City);
        if (bestPrefecture is { } named && Main is not null && Main.Code != named.Key && named.Key.Contains(Main.Code)
            && prefectureWords > 2 * scope.County && (!IsZone(Main) || prefectureWords >= MinParkPrefectureScopeWords)
            && matcher.Registry.TryGet(named.Key, out var whole))
        {
            Main = whole;
            MainText = whole.Name;
        }

        if (Main is null && bestPrefecture is { } only && matcher.Registry.TryGet(only.Key, out var city))
        {
            Main = city;
            MainText = city.Name;
        }
    }

    // A park, or a development zone the division tables number under its city (130371 秦皇岛市经济技术开发区): the subject of its own page.
    private static bool IsZone(Region r) => r.IsPark || r.Kind == RegionKind.StatisticalDevelopmentZone;

    // The municipalities directly under the central government (北京, 天津, 上海, 重庆): they have no 省 above their districts.
    private static bool InAMunicipality(Region r) => r.Code.ProvinceDigits is 11 or 12 or 31 or 50;

    /// <summary>
    /// The candidates a page can mean: a page that speaks of its own province (全省, 我省) is not in a municipality, so a name the
    /// registry holds only for a municipality's district (滨海新区 120116) is another province's place of the same name there.
    /// </summary>
    private static IReadOnlyList<Region> Plausible(IReadOnlyList<Region> candidates, bool inAProvince)
        => inAProvince && candidates.Any(InAMunicipality) ? [.. candidates.Where(c => !InAMunicipality(c))] : candidates;

    /// <summary>How often the document names <paramref name="c"/>'s parent, prefecture or province.</summary>
    private static int AncestorMentions(Region c, Dictionary<RegionCode, int> counts, RegionMatcher matcher)
    {
        var score = 0;
        var p = c.ParentCode;
        while (p is { } pc)
        {
            score += counts.GetValueOrDefault(pc);
            p = matcher.Registry.TryGet(pc, out var pr) ? pr.ParentCode : null;
        }

        return score;
    }

    private static Region? Resolve(IReadOnlyList<Region> candidates, Dictionary<RegionCode, int> counts, RegionMatcher matcher)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count == 1)
        {
            // 滨海新区 on a page that names neither 天津 nor anything under it: another province's zone of that name, not 120116.
            return matcher.HasSharedZoneName(candidates[0]) && AncestorMentions(candidates[0], counts, matcher) == 0 ? null : candidates[0];
        }

        // Score: mentions of the candidate's parent and province elsewhere in the document.
        var scored = candidates.Select(c => (Region: c, Score: AncestorMentions(c, counts, matcher))).OrderByDescending(s => s.Score).ToList();
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

        if (word[^1] == '省')
        {
            // 全省规模以上工业增加值…: the province's figure — the page's own on a province's page, its province's on a county's.
            return Main.Kind == RegionKind.Province ? Main : Matcher!.Registry.TryGet(Main.Code.Province, out var province) ? province : null;
        }

        if (word[^1] == '市' && Main.Kind is not (RegionKind.PrefectureCity or RegionKind.CountyLevelCity) && !(Main.Kind == RegionKind.Province && InAMunicipality(Main)))
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
