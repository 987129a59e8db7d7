using Baiqiang.Storage;

namespace Baiqiang.Web.Shared.Inputs;

/// <summary><c>GET /api/regions/suggest?q=江阳&amp;limit=10</c>: the regions a typed name could mean, for the pages' region
/// boxes and for scripts.</summary>
public static class RegionSuggestApi
{
    /// <summary>Regions whose name, short name (江阳 for 江阳区) or parent-qualified name (泸州市江阳区) matches <paramref name="q"/>,
    /// exact matches first, current regions before abolished ones (<c>retired</c>, with their <c>successor</c>), then by code.
    /// A digit string matches codes by prefix. At most <paramref name="limit"/> (1–20, default 10); empty for empty text.</summary>
    public static async Task<Ok<IReadOnlyList<RegionCandidate>>> SuggestAsync(BaiqiangDbContext db, string? q, int? limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.Ok<IReadOnlyList<RegionCandidate>>([]);
        }

        var names = await RegionNames.LoadAsync(db, ct);
        return TypedResults.Ok(names.Suggest(q, limit ?? 10));
    }
}
