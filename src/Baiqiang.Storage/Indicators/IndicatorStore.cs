using Baiqiang.Core.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Indicators;

/// <summary>The indicator catalogue in the store: the built-in entries plus the ones users add.</summary>
public static class IndicatorStore
{
    /// <summary>
    /// Adds built-in catalogue entries that are missing and refreshes changed built-in ones; never touches
    /// user-defined indicators. Running it twice changes nothing.
    /// </summary>
    public static async Task<int> SeedCatalogueAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var existing = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        var changed = 0;
        foreach (var indicator in IndicatorCatalogue.Default)
        {
            var fresh = IndicatorEntity.From(indicator, isBuiltin: true);
            if (!existing.TryGetValue(indicator.Code, out var row))
            {
                db.Indicators.Add(fresh);
                changed++;
                continue;
            }

            if (!row.IsBuiltin)
            {
                continue;
            }

            if (row.NameZh != fresh.NameZh || row.NameEn != fresh.NameEn || !row.Unit.Equals(fresh.Unit) || row.Kind != fresh.Kind
                || row.Direction != fresh.Direction || row.PublishedCumulatively != fresh.PublishedCumulatively
                || row.AllowsNegative != fresh.AllowsNegative || row.Aliases != fresh.Aliases)
            {
                row.NameZh = fresh.NameZh;
                row.NameEn = fresh.NameEn;
                row.Unit = fresh.Unit;
                row.Kind = fresh.Kind;
                row.Direction = fresh.Direction;
                row.PublishedCumulatively = fresh.PublishedCumulatively;
                row.AllowsNegative = fresh.AllowsNegative;
                row.Aliases = fresh.Aliases;
                changed++;
            }
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return changed;
    }

    /// <summary>Adds a user-defined indicator; refuses a code or name already in use.</summary>
    public static async Task<Indicator> AddAsync(BaiqiangDbContext db, Indicator indicator, CancellationToken ct)
    {
        if (await db.Indicators.AnyAsync(i => i.Code == indicator.Code || i.NameZh == indicator.NameZh, ct))
        {
            throw new InvalidOperationException($"指标“{indicator.Code}”或“{indicator.NameZh}”已存在 / indicator '{indicator.Code}' or '{indicator.NameZh}' already exists");
        }

        db.Indicators.Add(IndicatorEntity.From(indicator, isBuiltin: false));
        await db.SaveChangesAsync(ct);
        return indicator;
    }

    public static async Task<IReadOnlyList<Indicator>> LoadAllAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        var rows = await db.Indicators.AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Code).Select(r => r.ToIndicator())];
    }
}
