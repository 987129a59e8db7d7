using Baiqiang.Core.Regions;

namespace Baiqiang.Extraction;

/// <summary>A region name found in a document: where, as written, and the regions it may mean.</summary>
internal readonly record struct RegionMention(int Start, int Length, string Text, IReadOnlyList<Region> Candidates);

/// <summary>
/// Finds region names (通州区, 江阳, 安义高新园区) in normalised text in one pass: a dictionary keyed by the first two
/// characters, then the longest name that matches. Names are the registry's full names, and stems (通州, 江阳) of
/// prefectures, county-level units and parks.
/// </summary>
public sealed class RegionMatcher
{
    private readonly Dictionary<int, List<(string Name, List<Region> Regions)>> _byPrefix = [];
    private readonly bool[] _firstChars = new bool[char.MaxValue + 1]; // the characters a name starts with: a cheap test before the look-up
    private readonly HashSet<RegionCode> _sharedZoneNames = [];

    /// <summary>Builds the matcher over every region of <paramref name="registry"/>.</summary>
    public RegionMatcher(RegionRegistry registry, IEnumerable<RegionCode>? preferred = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        Preferred = preferred is null ? new HashSet<RegionCode>() : [.. preferred];
        var names = new Dictionary<string, List<Region>>(StringComparer.Ordinal);
        foreach (var r in registry.All)
        {
            if (r.ValidTo is not null)
            {
                continue; // abolished vintages would only add false ambiguity
            }

            Add(names, r.Name, r);
            var stem = RegionKindRules.Stem(r.Name);
            if (stem.Length >= 2 && !string.Equals(stem, r.Name, StringComparison.Ordinal) && !CommonWords.Contains(stem))
            {
                Add(names, stem, r);
            }
        }

        // 滨海新区: a new zone named after a word that is another place's name too (滨海县) is a kind of name that provinces give their
        // own zones (绍兴滨海新区), so the registry's one is not the only place it can mean.
        foreach (var r in registry.All)
        {
            if (r.ValidTo is null && r.Name.Length >= 4 && r.Name.EndsWith("新区", StringComparison.Ordinal)
                && names.TryGetValue(r.Name[..^2], out var others)
                && others.Exists(o => o.Code != r.Code && !o.Code.Contains(r.Code) && o.Code.Prefecture != r.Code.Prefecture))
            {
                _sharedZoneNames.Add(r.Code);
            }
        }

        foreach (var (name, regions) in names)
        {
            if (name.Length < 2)
            {
                continue;
            }

            var key = Key(name[0], name[1]);
            _firstChars[name[0]] = true;
            if (!_byPrefix.TryGetValue(key, out var list))
            {
                _byPrefix[key] = list = [];
            }

            list.Add((name, regions));
        }

        foreach (var list in _byPrefix.Values)
        {
            list.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length));
        }
    }

    // Stems that are everyday words in reports, never read as a region on their own.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "城区", "新区", "市中", "中心", "高新", "开发", "经济", "工业", "城关", "郊区", "矿区", "林区", "新城", "和平", "长安", "东方", "南部",
        "北部", "西部", "东部", "中部", "城中", "城东", "城西", "城南", "城北", "河东", "河西", "江北", "江南", "永定", "开放", "宝山", "普陀",
        "白云", "新华", "向阳", "红旗", "前进", "胜利", "建设", "光明", "友谊", "和谐", "平安", "安定", "太平", "兴业", "金融", "示范", "城市",
    };

    /// <summary>The registry names are resolved in.</summary>
    public RegionRegistry Registry { get; }

    /// <summary>Regions to prefer when a name is ambiguous and the text gives no hint (the store's own regions).</summary>
    public HashSet<RegionCode> Preferred { get; }

    /// <summary>
    /// Whether <paramref name="region"/> is a new zone whose name is not unique nationally (滨海新区, where 滨海 is also 滨海县): other
    /// provinces' zones of the same name are not in the registry, so the name means this region only when the page names its
    /// prefecture or province.
    /// </summary>
    public bool HasSharedZoneName(Region region) => region is not null && _sharedZoneNames.Contains(region.Code);

    private static void Add(Dictionary<string, List<Region>> names, string name, Region r)
    {
        if (!names.TryGetValue(name, out var list))
        {
            names[name] = list = [];
        }

        if (!list.Exists(x => x.Code == r.Code))
        {
            list.Add(r);
        }
    }

    private static int Key(char a, char b) => (a << 16) | b;

    /// <summary>Whether a region's full name (not a stem) starts at <paramref name="i"/>.</summary>
    private bool FullNameAt(string text, int i, int end)
    {
        if (i + 1 >= end || !_byPrefix.TryGetValue(Key(text[i], text[i + 1]), out var list))
        {
            return false;
        }

        foreach (var (name, regions) in list)
        {
            if (i + name.Length <= end && text.AsSpan(i, name.Length).SequenceEqual(name) && regions.Exists(r => string.Equals(r.Name, name, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every region mention in <paramref name="text"/> within [start, end), longest match first, non-overlapping.</summary>
    internal void FindAll(string text, int start, int end, List<RegionMention> into)
    {
        var i = start;
        while (i + 1 < end)
        {
            if (_firstChars[text[i]] && _byPrefix.TryGetValue(Key(text[i], text[i + 1]), out var list))
            {
                var matched = false;
                foreach (var (name, regions) in list)
                {
                    if (i + name.Length <= end && text.AsSpan(i, name.Length).SequenceEqual(name))
                    {
                        if (text[i] is '和' or '及' or '与' && FullNameAt(text, i + 1, end))
                        {
                            break; // 纳溪区和龙马潭区: the conjunction before a full name, not the stem 和龙
                        }

                        into.Add(new RegionMention(i, name.Length, name, regions));
                        i += name.Length;
                        matched = true;
                        break;
                    }
                }

                if (matched)
                {
                    continue;
                }
            }

            i++;
        }
    }
}
