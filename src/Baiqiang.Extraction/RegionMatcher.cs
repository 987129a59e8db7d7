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
    private readonly Dictionary<string, RegionCode> _fullShortForms = new(StringComparer.Ordinal);

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

        // Short forms the registry does not spell: 维西县 for 维西傈僳族自治县, 秦皇岛开发区 for 秦皇岛市经济技术开发区 (AddShortForms).
        AddShortForms(registry, names);

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

    // The 55 minority nationalities' names as they stand in the names of autonomous units (维西傈僳族自治县, 巴里坤哈萨克自治县).
    private static readonly string[] Nationalities =
    [
        "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
        "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
        "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春",
        "赫哲", "门巴", "珞巴", "基诺", "各族",
    ];

    /// <summary>
    /// Adds the short forms pages write for names the registry spells in full, each only when it names one region and is not
    /// already a name or stem of another: an autonomous county, banner or prefecture without its nationalities (维西傈僳族自治县 →
    /// 维西县 and 维西; 黔东南苗族侗族自治州 → 黔东南州 and 黔东南; none when the stem already names a place: 河南蒙古族自治县 is not
    /// 河南县), and a development zone by its city's short name
    /// (秦皇岛市经济技术开发区 → 秦皇岛开发区 and 秦皇岛经开区; 唐山高新技术产业开发区 → 唐山高新区). A short form with the unit's
    /// suffix counts as a full name (<see cref="IsFullName"/>).
    /// </summary>
    private void AddShortForms(RegionRegistry registry, Dictionary<string, List<Region>> names)
    {
        var candidates = new Dictionary<string, List<(Region Region, bool Full)>>(StringComparer.Ordinal);
        var provinces = new HashSet<string>(StringComparer.Ordinal); // 河南, 宁夏: a province's short name is no county's stem
        foreach (var p in registry.All.Where(p => p.Level == RegionLevel.Province))
        {
            var name = p.Name.EndsWith("自治区", StringComparison.Ordinal) ? p.Name[..^3].TrimEnd('族') : p.Name.TrimEnd('省', '市'); // 广西壮族 → 广西壮
            var shortName = Nationalities.Where(x => name.EndsWith(x, StringComparison.Ordinal) && name.Length - x.Length >= 2).Select(x => name[..^x.Length]).FirstOrDefault() ?? name;
            provinces.Add(shortName);

            // 四川, 广西, 内蒙古, 新疆: a province by its short name, when no other place has that name.
            if (p.ValidTo is null && shortName.Length >= 2 && !names.ContainsKey(shortName))
            {
                names[shortName] = [p];
            }
        }

        void Propose(string alias, Region r, bool full)
        {
            if (alias.Length < 2)
            {
                return;
            }

            if (!candidates.TryGetValue(alias, out var list))
            {
                candidates[alias] = list = [];
            }

            if (!list.Exists(x => x.Region.Code == r.Code))
            {
                list.Add((r, full));
            }
        }

        foreach (var r in registry.All)
        {
            if (r.ValidTo is not null)
            {
                continue;
            }

            if (WithoutNationalities(r.Name) is { } auto && !provinces.Contains(auto.Base))
            {
                // 甘孜藏族自治州 → 甘孜州 though 甘孜 is 甘孜县's stem: the unit's suffix says which; the bare 甘孜 stays the county's.
                Propose(auto.Base + auto.Suffix, r, full: true);
                if (!names.ContainsKey(auto.Base))
                {
                    Propose(auto.Base, r, full: false);
                }
            }

            if (r.Level == RegionLevel.County && r.ParentCode is { } pc && registry.TryGet(pc, out var city) && city.Level == RegionLevel.Prefecture)
            {
                foreach (var (longForm, shortForms) in ZoneForms)
                {
                    if (!r.Name.EndsWith(longForm, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var head = r.Name[..^longForm.Length];
                    if (registry.TryGet(city.ParentCode ?? pc, out var province) && province.Level == RegionLevel.Province)
                    {
                        var ps = RegionKindRules.Stem(province.Name);
                        head = head.StartsWith(ps, StringComparison.Ordinal) && head.Length > ps.Length ? head[ps.Length..] : head;
                    }

                    var cityStem = RegionKindRules.Stem(city.Name);
                    if (string.Equals(head, city.Name, StringComparison.Ordinal))
                    {
                        head = cityStem;
                    }

                    if (cityStem.Length >= 2 && head.StartsWith(cityStem, StringComparison.Ordinal))
                    {
                        foreach (var shortForm in shortForms)
                        {
                            Propose(head + shortForm, r, full: true);
                            if (string.Equals(head, cityStem, StringComparison.Ordinal))
                            {
                                Propose(city.Name + shortForm, r, full: true);
                            }
                        }
                    }

                    break;
                }
            }
        }

        foreach (var (alias, list) in candidates)
        {
            if (list.Count != 1 || names.ContainsKey(alias) || CommonWords.Contains(alias))
            {
                continue; // two units would share it, or it already names a place: no short form
            }

            Add(names, alias, list[0].Region);
            if (list[0].Full)
            {
                _fullShortForms[alias] = list[0].Region.Code;
            }
        }
    }

    // A development zone's long name and the short forms pages write for it after the city's short name.
    private static readonly (string Long, string[] Short)[] ZoneForms =
    [
        ("经济技术开发区", ["开发区", "经开区"]),
        ("高新技术产业开发区", ["高新区"]),
        ("经济开发区", ["开发区"]),
    ];

    /// <summary>维西傈僳族自治县 → (维西, 县); 巴里坤哈萨克自治县 → (巴里坤, 县); null when the name is no autonomous unit's or nothing is left.</summary>
    internal static (string Base, string Suffix)? WithoutNationalities(string name)
    {
        string? suffix = name.EndsWith("自治县", StringComparison.Ordinal) ? "县"
            : name.EndsWith("自治旗", StringComparison.Ordinal) ? "旗"
            : name.EndsWith("自治州", StringComparison.Ordinal) ? "州"
            : null;
        if (suffix is null)
        {
            return null;
        }

        var rest = name[..^3];
        var stripped = false;
        while (true)
        {
            var before = rest;
            if (rest.EndsWith('族'))
            {
                rest = rest[..^1];
            }

            var longest = Nationalities.Where(x => rest.EndsWith(x, StringComparison.Ordinal) && rest.Length - x.Length >= 2).MaxBy(x => x.Length);
            if (longest is null)
            {
                rest = before;
                break;
            }

            rest = rest[..^longest.Length];
            stripped = true;
        }

        return stripped && rest.Length >= 2 ? (rest, suffix) : null;
    }

    /// <summary>Whether <paramref name="text"/> is <paramref name="region"/>'s full name or a short form that keeps its unit (维西县, 秦皇岛开发区).</summary>
    public bool IsFullName(string text, Region region)
        => region is not null && (string.Equals(text, region.Name, StringComparison.Ordinal)
            || (_fullShortForms.TryGetValue(text, out var code) && code == region.Code));

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
