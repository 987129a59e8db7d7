using Baiqiang.Core.Indicators;
using Baiqiang.Core.Periods;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;

namespace Baiqiang.Storage.Import;

/// <summary>
/// <see cref="IImportLookups"/> over in-memory lists of regions and indicators, with an optional parser for
/// Chinese period text (plug <c>ChinesePeriodParser</c> in here).
/// </summary>
/// <remarks>
/// <para>Regions: a digit string must be a well-formed code (<see cref="RegionCode.TryParse(ReadOnlySpan{char})"/>)
/// of a listed region; any other text is matched against names, then against “parent name + name” (南通市通州区),
/// which is how a user disambiguates a name shared by several regions. Several vintages of one code count once.</para>
/// <para>Indicators: through <see cref="Catalogue"/> (code, Chinese name, English name or alias, traditional characters read as simplified, ignoring white space and ASCII case).</para>
/// <para>Periods: the canonical form first, then the Chinese-period parser passed to the constructor, when given.</para>
/// </remarks>
public sealed class InMemoryImportLookups : IImportLookups
{
    private readonly Dictionary<RegionCode, Region> _byCode = [];
    private readonly Dictionary<string, List<Region>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Region>> _byQualifiedName = new(StringComparer.Ordinal);
    private readonly Catalogue _catalogue;
    private readonly Func<string, ParseResult<StatPeriod>>? _chinesePeriods;

    /// <summary>The units files may use (the shipped table unless the constructor was given one).</summary>
    public UnitTable Units { get; }

    /// <summary>The catalogue indicators closest to an unknown name (<see cref="Catalogue.Closest"/>).</summary>
    public IReadOnlyList<Indicator> ClosestIndicators(string name) => _catalogue.Closest(name);

    public InMemoryImportLookups(
        IEnumerable<Region> regions,
        IEnumerable<Indicator> indicators,
        Func<string, ParseResult<StatPeriod>>? chinesePeriods = null)
        : this(regions, new Catalogue(indicators ?? throw new ArgumentNullException(nameof(indicators))), chinesePeriods)
    {
    }

    public InMemoryImportLookups(
        IEnumerable<Region> regions,
        Catalogue catalogue,
        Func<string, ParseResult<StatPeriod>>? chinesePeriods = null,
        UnitTable? units = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _chinesePeriods = chinesePeriods;
        Units = units ?? UnitTable.Shipped;

        // Latest vintage of each code wins for names shown in messages.
        foreach (var r in regions.OrderBy(r => r.ValidFrom ?? DateOnly.MinValue))
        {
            _byCode[r.Code] = r;
        }

        foreach (var r in _byCode.Values.OrderBy(r => r.Code))
        {
            Add(_byName, r.Name, r);
            if (r.ParentCode is { } p && _byCode.TryGetValue(p, out var parent))
            {
                Add(_byQualifiedName, parent.Name + r.Name, r);
            }
        }
    }

    public ParseResult<RegionCode> ResolveRegion(string codeOrName)
    {
        var text = (codeOrName ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return ParseResult<RegionCode>.Fail("地区为空", "the region is empty");
        }

        if (LooksLikeCode(text))
        {
            var parsed = RegionCode.TryParse(text.AsSpan());
            if (!parsed.Success)
            {
                return parsed;
            }

            return _byCode.ContainsKey(parsed.Value)
                ? parsed
                : ParseResult<RegionCode>.Fail($"未知的行政区划代码“{text}”", $"unknown region code '{text}'");
        }

        var key = Key(text);
        if (!_byName.TryGetValue(key, out var matches) && !_byQualifiedName.TryGetValue(key, out matches))
        {
            return ParseResult<RegionCode>.Fail($"未知地区“{text}”", $"unknown region '{text}'");
        }

        if (matches.Count == 1)
        {
            return ParseResult<RegionCode>.Ok(matches[0].Code);
        }

        var zh = string.Join("、", matches.Select(m => $"{m.Code} {ParentName(m)}{m.Name}"));
        var en = string.Join(", ", matches.Select(m => $"{m.Code} {ParentName(m)}{m.Name}"));
        var example = ParentName(matches[0]) is { Length: > 0 } parent ? $"(如“{parent}{text}”)" : string.Empty;
        return ParseResult<RegionCode>.Fail(
            $"地区名称“{text}”有歧义,可能是:{zh};请改用行政区划代码或写明上级{example}",
            $"region name '{text}' is ambiguous, it could be: {en}; use the region code or prefix the parent's name");
    }

    public Indicator? FindIndicator(string codeOrName) => _catalogue.Find(codeOrName);

    /// <summary>The catalogue indicators resolve through.</summary>
    public Catalogue Catalogue => _catalogue;

    public ParseResult<StatPeriod> ParsePeriod(string text)
    {
        var canonical = StatPeriod.TryParseCanonical(text);
        if (canonical.Success || _chinesePeriods is null)
        {
            return canonical;
        }

        return _chinesePeriods(text);
    }

    /// <summary>The listed region of <paramref name="code"/> (latest vintage), or null.</summary>
    public Region? FindRegion(RegionCode code) => _byCode.GetValueOrDefault(code);

    /// <summary>The region's name (latest vintage), or its code when it is not listed.</summary>
    public string RegionName(RegionCode code) => _byCode.TryGetValue(code, out var r) ? r.Name : code.ToString();

    private string ParentName(Region r) => r.ParentCode is { } p && _byCode.TryGetValue(p, out var parent) ? parent.Name : string.Empty;

    private static bool LooksLikeCode(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= '０' and <= '９')))
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(string text)
    {
        var t = text.Trim();
        if (!t.Any(char.IsWhiteSpace))
        {
            return t;
        }

        return string.Concat(t.Where(c => !char.IsWhiteSpace(c)));
    }

    private static void Add(Dictionary<string, List<Region>> index, string name, Region r)
    {
        if (!index.TryGetValue(name, out var list))
        {
            index[name] = list = [];
        }

        list.Add(r);
    }
}
