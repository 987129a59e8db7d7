using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Regions;

/// <summary>
/// An in-memory index of regions over one or more vintages: lookup by code, by name (with or without the
/// administrative suffix), children, the county-level units of a prefecture, and code lineage across recodes.
/// </summary>
/// <remarks>
/// <para>Several records may share a code when they are different vintages of it (non-overlapping validity); two
/// records with the same code and overlapping validity are a conflict and the constructor throws
/// <see cref="ArgumentException"/>. Several records may share a name (通州区 in Beijing and Nantong, or 三元区
/// before and after its 2021 recode).</para>
/// <para>Date semantics: when <c>asOf</c> is given, only records with <see cref="Region.IsValidOn"/> are seen; when it
/// is null, lookups by code return the latest record of that code, and lookups by name or parent see the
/// records still in force (<see cref="Region.ValidTo"/> null), falling back to all records when none is.</para>
/// <para>Results are sorted by code. The registry is immutable and safe to share between threads.</para>
/// </remarks>
public sealed partial class RegionRegistry
{
    private static readonly string[] DirectlyAdministeredNames = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

    private readonly List<Region> _all;
    private readonly Dictionary<RegionCode, List<Region>> _byCode = [];
    private readonly Dictionary<string, List<Region>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Region>> _byStem = new(StringComparer.Ordinal);
    private readonly Dictionary<RegionCode, List<Region>> _byParent = [];
    private readonly Dictionary<RegionCode, List<RegionCode>> _predecessors = [];

    /// <summary>Builds the index. Throws <see cref="ArgumentException"/> when one code has two records with overlapping validity.</summary>
    public RegionRegistry(IEnumerable<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        _all = [.. regions.OrderBy(r => r.Code).ThenBy(r => r.ValidFrom ?? DateOnly.MinValue)];
        foreach (var r in _all)
        {
            if (_byCode.TryGetValue(r.Code, out var sameCode))
            {
                if (sameCode.Find(o => Overlaps(o, r)) is { } clash)
                {
                    throw new ArgumentException(
                        $"行政区划代码{r.Code}重复且有效期重叠(“{clash.Name}”与“{r.Name}”) / region code {r.Code} appears twice with overlapping validity ('{clash.Name}' and '{r.Name}')",
                        nameof(regions));
                }

                sameCode.Add(r);
            }
            else
            {
                _byCode[r.Code] = [r];
            }

            Add(_byName, r.Name.Trim(), r);
            var stem = RegionKindRules.Stem(r.Name);
            if (!string.Equals(stem, r.Name.Trim(), StringComparison.Ordinal))
            {
                Add(_byStem, stem, r);
            }

            if (r.ParentCode is { } p)
            {
                Add(_byParent, p, r);
            }

            if (r.SuccessorCode is { } s && s != r.Code)
            {
                Add(_predecessors, s, r.Code);
            }
        }
    }

    /// <summary>Number of region records (every vintage of every code).</summary>
    public int Count => _all.Count;

    /// <summary>Every record, sorted by code then start of validity.</summary>
    public IReadOnlyList<Region> All => _all;

    /// <summary>Finds the latest record of <paramref name="code"/> in any vintage.</summary>
    public bool TryGet(RegionCode code, [MaybeNullWhen(false)] out Region region)
    {
        if (_byCode.TryGetValue(code, out var list))
        {
            region = Latest(list);
            return true;
        }

        region = null;
        return false;
    }

    /// <summary>The record of <paramref name="code"/> valid on <paramref name="asOf"/>, or its latest record when <paramref name="asOf"/> is null; null when none.</summary>
    public Region? Get(RegionCode code, DateOnly? asOf = null)
    {
        if (!_byCode.TryGetValue(code, out var list))
        {
            return null;
        }

        return asOf is { } d ? list.Find(r => r.IsValidOn(d)) : Latest(list);
    }

    /// <summary>
    /// Regions whose name is exactly <paramref name="name"/>; when there is none, regions whose name without its
    /// suffix is <paramref name="name"/> (江阳 → 江阳区, 通州 → both 通州区). Empty when nothing matches.
    /// </summary>
    public IReadOnlyList<Region> FindByName(string name, DateOnly? asOf = null)
    {
        var n = (name ?? string.Empty).Trim();
        if (n.Length == 0)
        {
            return [];
        }

        var exact = _byName.TryGetValue(n, out var e) ? Visible(e, asOf) : [];
        if (exact.Count > 0)
        {
            return exact;
        }

        return _byStem.TryGetValue(n, out var s) ? Visible(s, asOf) : [];
    }

    /// <summary>
    /// Resolves a six- or nine-digit code, or a name, to one region. Fails with a bilingual message when nothing
    /// matches, or when a name is ambiguous (listing the candidates with their parents, e.g.
    /// "通州区(北京市 110112)、通州区(南通市 320612)") unless <paramref name="within"/> narrows it to one.
    /// </summary>
    public ParseResult<Region> Resolve(string codeOrName, DateOnly? asOf = null, RegionCode? within = null)
    {
        var t = (codeOrName ?? string.Empty).Trim();
        if (t.Length == 0)
        {
            return ParseResult<Region>.Fail("地区名称或代码不能为空", "a region name or code is required");
        }

        if (t.All(c => c is (>= '0' and <= '9') or (>= '０' and <= '９')))
        {
            var parsed = RegionCode.TryParse(t.AsSpan());
            if (!parsed.Success)
            {
                return ParseResult<Region>.Fail(parsed.Error!.Value);
            }

            var code = parsed.Value;
            if (Get(code, asOf) is { } r)
            {
                return within is { } w && !(w == code || w.Contains(code))
                    ? ParseResult<Region>.Fail($"{Describe(r)}不在{DescribeCode(w)}范围内", $"{code} is not within {w}")
                    : ParseResult<Region>.Ok(r);
            }

            return ParseResult<Region>.Fail(
                asOf is { } d1 ? $"未找到{d1.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}有效的行政区划代码{code}" : $"未找到行政区划代码{code}",
                asOf is { } d2 ? $"no region with code {code} in force on {d2.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : $"no region with code {code}");
        }

        IReadOnlyList<Region> found = FindByName(t, asOf);
        if (within is { } scope)
        {
            found = [.. found.Where(r => r.Code == scope || scope.Contains(r.Code))];
        }

        if (found.Count == 1)
        {
            return ParseResult<Region>.Ok(found[0]);
        }

        if (found.Count == 0)
        {
            var where = within is { } ws ? $"在{DescribeCode(ws)}内" : string.Empty;
            var whereEn = within is { } wse ? $" within {wse}" : string.Empty;
            return ParseResult<Region>.Fail($"{where}未找到地区“{t}”", $"no region named '{t}'{whereEn}");
        }

        var list = string.Join("、", found.Select(Describe));
        return ParseResult<Region>.Fail(
            $"地区名称“{t}”有{found.Count}个匹配:{list};请给出代码或上级地区",
            $"region name '{t}' matches {found.Count} regions: {list}; give a code or the parent region");
    }

    /// <summary>Regions whose <see cref="Region.ParentCode"/> is <paramref name="parent"/>, sorted by code.</summary>
    public IReadOnlyList<Region> Children(RegionCode parent, DateOnly? asOf = null)
        => _byParent.TryGetValue(parent, out var list) ? Visible(list, asOf) : [];

    /// <summary>
    /// "全市各县市区": the counties, districts, county-level cities, banners and other county-level units of a
    /// prefecture, sorted by code. Given a province-level code, the units of all its prefecture-level children (for a
    /// municipality such as 北京市 that means its 市辖区/县 groupings, i.e. all its districts).
    /// Statistical development zones and parks are left out unless <paramref name="includeZones"/> is true.
    /// </summary>
    public IReadOnlyList<Region> CountyLevelUnitsOf(RegionCode prefecture, DateOnly? asOf = null, bool includeZones = false)
    {
        var result = new List<Region>();
        var sources = prefecture.Level == RegionLevel.Province
            ? [.. Children(prefecture, asOf).Where(p => p.Level == RegionLevel.Prefecture).Select(p => p.Code)]
            : new List<RegionCode> { prefecture };
        foreach (var src in sources)
        {
            foreach (var child in Children(src, asOf))
            {
                if (RegionKindRules.IsCountyLevelUnit(child.Kind) || (includeZones && child.Kind == RegionKind.StatisticalDevelopmentZone))
                {
                    result.Add(child);
                }

                if (includeZones)
                {
                    result.AddRange(Children(child.Code, asOf).Where(z => z.Kind == RegionKind.Park));
                }
            }
        }

        return [.. result.OrderBy(r => r.Code)];
    }

    /// <summary>
    /// Follows <see cref="Region.SuccessorCode"/> links from <paramref name="code"/> to the code that finally replaced
    /// it (350681 → 350604). Null when the code is unknown or has no successor. Cycles stop at the first repeat.
    /// </summary>
    public RegionCode? Successor(RegionCode code)
    {
        RegionCode? result = null;
        var seen = new HashSet<RegionCode> { code };
        var current = code;
        while (TryGet(current, out var r) && r.SuccessorCode is { } next && seen.Add(next))
        {
            result = next;
            current = next;
        }

        return result;
    }

    /// <summary>Every code that is the same place over time — predecessors and successors, transitively — including <paramref name="code"/> itself, sorted.</summary>
    public IReadOnlyList<RegionCode> Lineage(RegionCode code)
    {
        var seen = new HashSet<RegionCode> { code };
        var queue = new Queue<RegionCode>();
        queue.Enqueue(code);
        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            if (_byCode.TryGetValue(c, out var records))
            {
                foreach (var r in records)
                {
                    if (r.SuccessorCode is { } s && seen.Add(s))
                    {
                        queue.Enqueue(s);
                    }
                }
            }

            if (_predecessors.TryGetValue(c, out var preds))
            {
                foreach (var p in preds.Where(seen.Add))
                {
                    queue.Enqueue(p);
                }
            }
        }

        return [.. seen.Order()];
    }

    /// <summary>"通州区(南通市 320612)": a region with its parent's name (the province for 市辖区/县 groupings) and code.</summary>
    public string Describe(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var parent = ParentDisplayName(region);
        return parent is null ? $"{region.Name}({region.Code})" : $"{region.Name}({parent} {region.Code})";
    }

    private string DescribeCode(RegionCode code) => TryGet(code, out var r) ? $"{r.Name}({r.Code})" : code.ToString();

    private string? ParentDisplayName(Region region)
    {
        var parentCode = region.ParentCode;
        while (parentCode is { } pc && TryGet(pc, out var p))
        {
            if (!DirectlyAdministeredNames.Contains(p.Name.Trim(), StringComparer.Ordinal))
            {
                return p.Name;
            }

            parentCode = p.ParentCode ?? (pc.Level == RegionLevel.Province ? null : pc.Province);
            if (parentCode == pc)
            {
                break;
            }
        }

        return null;
    }

    private static bool Overlaps(Region a, Region b)
    {
        var aFrom = a.ValidFrom ?? DateOnly.MinValue;
        var bFrom = b.ValidFrom ?? DateOnly.MinValue;
        var aTo = a.ValidTo ?? DateOnly.MaxValue;
        var bTo = b.ValidTo ?? DateOnly.MaxValue;
        return aFrom < bTo && bFrom < aTo;
    }

    private static Region Latest(List<Region> records)
        => records.Find(r => r.ValidTo is null) ?? records.MaxBy(r => r.ValidTo!.Value)!;

    private static List<Region> Visible(List<Region> records, DateOnly? asOf)
    {
        IEnumerable<Region> picked;
        if (asOf is { } d)
        {
            picked = records.Where(r => r.IsValidOn(d));
        }
        else
        {
            var current = records.Where(r => r.ValidTo is null).ToList();
            picked = current.Count > 0 ? current : records;
        }

        // One record per code (the latest), sorted by code.
        return [.. picked.GroupBy(r => r.Code).Select(g => g.Last()).OrderBy(r => r.Code)];
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var list))
        {
            list.Add(value);
        }
        else
        {
            index[key] = [value];
        }
    }
}
