using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage;
using Baiqiang.Storage.Regions;

namespace Baiqiang.Web.Shared.Inputs;

/// <summary>One region a typed name could mean: its code, its name with its parent's (泸州市江阳区), and whether it has been
/// abolished (and by what it was replaced).</summary>
public sealed record RegionCandidate(string Code, string Name, string FullName, string Kind, bool Retired, string? Successor);

/// <summary>What a typed region resolved to: a code, or a bilingual reason and (when the name is shared) the candidates.</summary>
public sealed record RegionResolution(RegionCode? Code, Bilingual? Error, IReadOnlyList<RegionCandidate> Candidates)
{
    public bool Success => Code is not null;
}

/// <summary>
/// Regions asked for by name as a person types them: 江阳, 江阳区, 泸州市江阳区, 泸州江阳, 四川省泸州市江阳区, a code, or traditional
/// characters (江陽區). Built over every stored vintage, so an abolished region (龙海市 350681) can still be named.
/// </summary>
/// <remarks>
/// <para>Resolution: a digit string is taken as a code and left to the page. Otherwise names are compared after
/// <see cref="ChineseText.Normalize"/> and without white space. Exact names win over shortened ones (江阳 for 江阳区,
/// 泸州 for 泸州市); either may be preceded by its parent's and grandparent's names, full or shortened. When a name
/// matches both current and abolished regions only the current ones count; when it still matches several regions the
/// result is an error listing them (code and parent), so the user can pick one.</para>
/// <para>Suggestions rank exact names, then names that start with the text, then names that contain it, current regions
/// before abolished ones, then by code.</para>
/// </remarks>
public sealed class RegionNames
{
    /// <summary>The most suggestions an endpoint returns.</summary>
    public const int MaxSuggestions = 20;

    private readonly Dictionary<RegionCode, Region> _byCode = [];

    public RegionNames(IEnumerable<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        foreach (var r in regions.OrderBy(r => r.ValidFrom ?? DateOnly.MinValue))
        {
            _byCode[r.Code] = r; // latest vintage of each code
        }
    }

    public static async Task<RegionNames> LoadAsync(BaiqiangDbContext db, CancellationToken ct) =>
        new(await RegionStore.LoadAllAsync(db, ct));

    /// <summary>Resolves typed text to one region code (see remarks).</summary>
    public RegionResolution Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Key(text);
        if (t.Length == 0)
        {
            return new(null, new Bilingual("地区为空", "the region is empty"), []);
        }

        if (t.All(char.IsAsciiDigit))
        {
            return RegionCode.TryParse(t, out var code)
                ? new(code, null, [])
                : new(null, new Bilingual($"“{text}”不是有效的行政区划代码", $"'{text}' is not a valid region code"), []);
        }

        var exact = _byCode.Values.Where(r => Matches(r, t, shortened: false)).ToList();
        var matches = exact.Count > 0 ? exact : _byCode.Values.Where(r => Matches(r, t, shortened: true)).ToList();
        if (matches.Any(r => r.ValidTo is null))
        {
            matches = matches.Where(r => r.ValidTo is null).ToList();
        }

        if (matches.Count == 1)
        {
            return new(matches[0].Code, null, []);
        }

        if (matches.Count == 0)
        {
            return new(null, new Bilingual(
                $"找不到地区“{text}”(可填名称如“江阳区”“泸州市江阳区”,或6位行政区划代码)",
                $"no region named '{text}' (type a name such as 江阳区 or 泸州市江阳区, or a 6-digit region code)"), []);
        }

        var candidates = matches.OrderBy(r => r.Code).Select(Candidate).ToList();
        var zh = string.Join("、", candidates.Select(c => $"{c.FullName}({c.Code})"));
        var en = string.Join(", ", candidates.Select(c => $"{c.FullName} ({c.Code})"));
        return new(null, new Bilingual(
            $"地区名称“{text}”不唯一,可能是:{zh};请选择其一或写明上级(如“{candidates[0].FullName}”)",
            $"region name '{text}' is ambiguous, it could be: {en}; pick one or prefix the parent's name (e.g. {candidates[0].FullName})"), candidates);
    }

    /// <summary>Regions whose name (or parent-qualified name) contains the typed text, best first (see remarks).</summary>
    public IReadOnlyList<RegionCandidate> Suggest(string text, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Key(text);
        if (t.Length == 0)
        {
            return [];
        }

        limit = Math.Clamp(limit, 1, MaxSuggestions);
        if (t.All(char.IsAsciiDigit))
        {
            return [.. _byCode.Values.Where(r => r.Code.ToString().StartsWith(t, StringComparison.Ordinal))
                .OrderBy(r => r.ValidTo is null ? 0 : 1).ThenBy(r => r.Code).Take(limit).Select(Candidate)];
        }

        return [.. _byCode.Values
            .Select(r => (Region: r, Score: Score(r, t)))
            .Where(x => x.Score >= 0)
            .OrderBy(x => x.Score).ThenBy(x => x.Region.ValidTo is null ? 0 : 1).ThenBy(x => x.Region.Code)
            .Take(limit)
            .Select(x => Candidate(x.Region))];
    }

    /// <summary>The stored region of a code (latest vintage), for the page to show the name beside the code.</summary>
    public RegionCandidate? Find(RegionCode code) => _byCode.TryGetValue(code, out var r) ? Candidate(r) : null;

    private int Score(Region r, string t)
    {
        if (r.Name == t || Matches(r, t, shortened: false))
        {
            return 0;
        }

        if (Matches(r, t, shortened: true))
        {
            return 1;
        }

        if (r.Name.StartsWith(t, StringComparison.Ordinal))
        {
            return 2;
        }

        if (r.Name.Contains(t, StringComparison.Ordinal))
        {
            return 3;
        }

        return (ParentName(r) + r.Name).Contains(t, StringComparison.Ordinal) ? 4 : -1;
    }

    /// <summary>True when <paramref name="t"/> is the region's name (or, with <paramref name="shortened"/>, its name
    /// without 省/市/县/区/旗), optionally preceded by the names of its parent and grandparent.</summary>
    private bool Matches(Region r, string t, bool shortened)
    {
        foreach (var own in Forms(r.Name, shortened))
        {
            if (t == own)
            {
                return true;
            }

            if (t.Length > own.Length && t.EndsWith(own, StringComparison.Ordinal) && AncestorsMatch(r, t[..^own.Length], depth: 0))
            {
                return true;
            }
        }

        return false;
    }

    private bool AncestorsMatch(Region r, string prefix, int depth)
    {
        if (depth > 2 || r.ParentCode is not { } p || !_byCode.TryGetValue(p, out var parent))
        {
            return false;
        }

        foreach (var form in Forms(parent.Name, shortened: true))
        {
            if (prefix == form)
            {
                return true;
            }

            if (prefix.Length > form.Length && prefix.EndsWith(form, StringComparison.Ordinal) && AncestorsMatch(parent, prefix[..^form.Length], depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Forms(string name, bool shortened)
    {
        yield return name;
        if (shortened && Shorten(name) is { } s)
        {
            yield return s;
        }
    }

    /// <summary>江阳区 → 江阳, 泸州市 → 泸州, 四川省 → 四川; two-character names (城区) keep their suffix.</summary>
    private static string? Shorten(string name) =>
        name.Length > 2 && name[^1] is '省' or '市' or '县' or '区' or '旗' ? name[..^1] : null;

    private string ParentName(Region r) => r.ParentCode is { } p && _byCode.TryGetValue(p, out var parent) ? parent.Name : string.Empty;

    private RegionCandidate Candidate(Region r) => new(
        r.Code.ToString(), r.Name, ParentName(r) + r.Name, r.Kind.ToString(), r.ValidTo is not null, r.SuccessorCode?.ToString());

    private static string Key(string text) => string.Concat(ChineseText.Normalize(text).Where(c => !char.IsWhiteSpace(c)));
}
