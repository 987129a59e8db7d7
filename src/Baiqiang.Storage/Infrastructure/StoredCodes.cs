using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Infrastructure;

/// <summary>Finds stored records by <see cref="RecordCode.Key"/>, so that <c>ay2023-01</c> or <c>ＡＹ2023-01</c> reaches the
/// record stored as <c>AY2023-01</c> (whose spelling is kept) instead of creating a second one.</summary>
/// <remarks>Reads the code column only and folds in memory: NFKC cannot be done by SQL on both providers, and codes
/// stored before codes were normalised may be in any spelling.</remarks>
internal static class StoredCodes
{
    /// <summary>Matching key → stored spelling, for every code in <paramref name="codes"/>.</summary>
    public static async Task<Dictionary<string, string>> ByKeyAsync(IQueryable<string> codes, CancellationToken ct)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in await codes.ToListAsync(ct))
        {
            map.TryAdd(RecordCode.Key(c), c);
        }

        return map;
    }

    /// <summary>The stored spelling of <paramref name="code"/>'s record; its canonical spelling when none is stored.</summary>
    public static async Task<string> ResolveAsync(IQueryable<string> codes, string? code, CancellationToken ct)
    {
        var canonical = RecordCode.Canonical(code);
        if (canonical.Length == 0 || await codes.AnyAsync(c => c == canonical, ct))
        {
            return canonical;
        }

        var byKey = await ByKeyAsync(codes, ct);
        return byKey.GetValueOrDefault(RecordCode.Key(canonical), canonical);
    }

    /// <summary>Errors for codes of one batch that are the same record under different spellings (ay-1, AY-1), naming both.</summary>
    public static List<Bilingual> Collisions(IEnumerable<string> codes, string zhWhat, string enWhat)
    {
        var errors = new List<Bilingual>();
        foreach (var g in codes.GroupBy(c => c, RecordCode.Comparer).Where(g => g.Count() > 1))
        {
            var spellings = g.Distinct(StringComparer.Ordinal).ToList();
            errors.Add(spellings.Count > 1
                ? RecordCode.Collision(zhWhat, enWhat, spellings[0], spellings[1])
                : new Bilingual($"{zhWhat}“{g.Key}”重复出现{g.Count()}次", $"{enWhat} '{g.Key}' appears {g.Count()} times"));
        }

        return errors;
    }
}
