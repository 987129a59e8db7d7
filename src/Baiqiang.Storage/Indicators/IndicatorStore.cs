using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Units;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Indicators;

/// <summary>The indicator catalogue in the store: the shipped entries plus the ones users add. The store is the truth;
/// <see cref="LoadCatalogueAsync(BaiqiangDbContext, CancellationToken)"/> builds the one <see cref="Catalogue"/> every reader uses.</summary>
public static class IndicatorStore
{
    /// <summary>
    /// Adds shipped catalogue entries (<see cref="IndicatorCatalogue.Shipped"/>) that are missing and refreshes changed
    /// built-in ones, except those a user has edited (<see cref="IndicatorEntity.UserModified"/>); never touches
    /// user-defined indicators. Running it twice changes nothing.
    /// </summary>
    public static async Task<int> SeedCatalogueAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        var changed = 0;
        foreach (var indicator in IndicatorCatalogue.Shipped)
        {
            if (!existing.TryGetValue(indicator.Code, out var row))
            {
                db.Indicators.Add(IndicatorEntity.From(indicator, isBuiltin: true));
                changed++;
                continue;
            }

            if (!row.IsBuiltin || row.UserModified || row.SameAs(indicator))
            {
                continue;
            }

            row.CopyFrom(indicator);
            changed++;
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return changed;
    }

    /// <summary>The store's catalogue: shipped entries in file order, then the office's own by code.</summary>
    public static async Task<Catalogue> LoadCatalogueAsync(BaiqiangDbContext db, CancellationToken ct)
        => new(await LoadAllAsync(db, ct));

    /// <summary>The store's catalogue, its units resolved through <paramref name="units"/> (the store's unit table, already loaded).</summary>
    public static async Task<Catalogue> LoadCatalogueAsync(BaiqiangDbContext db, UnitTable units, CancellationToken ct)
        => new(await LoadAllAsync(db, units, ct));

    /// <summary>Every stored indicator: shipped entries in file order, then the office's own by code.</summary>
    public static async Task<IReadOnlyList<Indicator>> LoadAllAsync(BaiqiangDbContext db, CancellationToken ct)
        => await LoadAllAsync(db, await UnitStore.LoadTableAsync(db, ct), ct);

    private static async Task<IReadOnlyList<Indicator>> LoadAllAsync(BaiqiangDbContext db, UnitTable units, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(units);
        var rows = await db.Indicators.AsNoTracking().ToListAsync(ct);
        var shipped = Catalogue.Shipped;
        return [.. rows.OrderBy(r => shipped.OrderOf(r.Code)).ThenBy(r => r.Code).Select(r => r.ToIndicator() is var i && i.Unit.Symbol.Length > 0 ? i with { Unit = units.Resolve(i.Unit) } : i)];
    }

    /// <summary>Adds a user-defined indicator; refuses a code, name or alias already in use, or an unknown parent.</summary>
    public static async Task<Indicator> AddAsync(BaiqiangDbContext db, Indicator indicator, CancellationToken ct, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        EnsureCanEdit(actor);
        var catalogue = await LoadCatalogueAsync(db, ct);
        if (catalogue.Get(indicator.Code) is not null)
        {
            throw new IndicatorException(new Bilingual($"指标代码“{indicator.Code}”已存在", $"indicator code '{indicator.Code}' already exists"));
        }

        Validate(catalogue, indicator);
        await ValidateUnitAsync(db, indicator, null, ct);
        db.Indicators.Add(IndicatorEntity.From(indicator, isBuiltin: false));
        await db.SaveChangesAsAsync(actor?.Name ?? db.CurrentUser, ct);
        return indicator;
    }

    /// <summary>Replaces an indicator's fields (not its code); a built-in one is marked as edited so seeding leaves it alone.</summary>
    public static async Task<Indicator> UpdateAsync(BaiqiangDbContext db, Indicator indicator, CancellationToken ct, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        EnsureCanEdit(actor);
        // Tracked whatever the context's default: the web's request contexts read untracked, and an untracked row's
        // changes would be dropped by SaveChanges without a word (a 新指标 alias the re-read then did not know).
        var row = await db.Indicators.AsTracking().SingleOrDefaultAsync(i => i.Code == indicator.Code, ct) ?? throw Unknown(indicator.Code.Value);
        Validate(await LoadCatalogueAsync(db, ct), indicator);
        await ValidateUnitAsync(db, indicator, row, ct);
        if (row.SameAs(indicator))
        {
            return indicator;
        }

        row.CopyFrom(indicator);
        row.UserModified = row.IsBuiltin;
        await db.SaveChangesAsAsync(actor?.Name ?? db.CurrentUser, ct);
        return indicator;
    }

    /// <summary>Retires an indicator from <paramref name="on"/>: its figures stay, imports of new ones are refused.</summary>
    public static async Task<Indicator> RetireAsync(BaiqiangDbContext db, string codeOrName, DateOnly on, CancellationToken ct, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = (await LoadCatalogueAsync(db, ct)).Find(codeOrName) ?? throw Unknown(codeOrName);
        return await UpdateAsync(db, found with { Retired = on }, ct, actor);
    }

    /// <summary>The reason an indicator takes no figure for a period ending <paramref name="periodEnd"/>; null when it does.</summary>
    public static Bilingual? RetiredReason(Indicator indicator, DateOnly periodEnd)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.Retired is not { } r || periodEnd < r)
        {
            return null;
        }

        var day = r.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Bilingual(
            $"指标“{indicator.NameZh}”({indicator.Code})已于{day}停用,不再接收新数据",
            $"indicator '{indicator.NameEn}' ({indicator.Code}) was retired on {day} and takes no new figures");
    }

    /// <summary>Refuses (<see cref="AccessDeniedException"/>, in both languages) an actor who is neither admin nor analyst;
    /// a null actor is the local operator and may.</summary>
    internal static void EnsureCanEdit(Actor? actor)
    {
        if (actor is not null && !actor.IsAdmin && !actor.Roles.HasFlag(Role.Analyst))
        {
            throw new AccessDeniedException(new Bilingual("只有管理员和分析员可以修改指标目录", "only admins and analysts may change the indicator catalogue"));
        }
    }

    /// <summary>An indicator's unit must be in the store's unit table; once figures are stored in it, a unit of another
    /// dimension is refused (万元 → 万千瓦时 would make every stored figure wrong).</summary>
    private static async Task ValidateUnitAsync(BaiqiangDbContext db, Indicator indicator, IndicatorEntity? stored, CancellationToken ct)
    {
        var symbol = indicator.Unit.Symbol;
        var units = await UnitStore.LoadTableAsync(db, ct);
        if (symbol.Length > 0 && units.Definition(symbol) is null)
        {
            throw new IndicatorException(new Bilingual(
                $"未知计量单位“{symbol}”:请先用 baiqiang units add 添加",
                $"unknown unit '{symbol}': add it first with baiqiang units add"));
        }

        if (stored is null || stored.Unit.Equals(indicator.Unit))
        {
            return;
        }

        var before = units.Resolve(stored.Unit);
        var after = units.Resolve(indicator.Unit);
        if (!before.IsCompatibleWith(after) && await db.Observations.AnyAsync(o => o.IndicatorCode == indicator.Code, ct))
        {
            throw new IndicatorException(new Bilingual(
                $"单位“{after.Symbol}”({UnitTable.DimensionZh(after.Dimension)})与已存数据的单位“{before.Symbol}”({UnitTable.DimensionZh(before.Dimension)})量纲不同",
                $"unit '{after.Symbol}' ({UnitTable.DimensionText(after.Dimension)}) is of another dimension than the stored figures' unit '{before.Symbol}' ({UnitTable.DimensionText(before.Dimension)})"));
        }
    }

    private static void Validate(Catalogue catalogue, Indicator indicator)
    {
        if (string.IsNullOrWhiteSpace(indicator.NameZh))
        {
            throw new IndicatorException(new Bilingual("指标中文名称为空", "the indicator's Chinese name is empty"));
        }

        foreach (var key in indicator.Aliases.Prepend(indicator.NameZh))
        {
            if (catalogue.Owner(key, indicator.Code) is { } other)
            {
                throw new IndicatorException(new Bilingual(
                    $"名称“{key}”已属于指标“{other.NameZh}”({other.Code})",
                    $"the name '{key}' already belongs to indicator '{other.NameEn}' ({other.Code})"));
            }
        }

        if (indicator.Parent is { } p)
        {
            if (p == indicator.Code || catalogue.Get(p) is null)
            {
                throw new IndicatorException(new Bilingual($"上级指标“{p}”不存在", $"parent indicator '{p}' does not exist"));
            }

            for (var up = catalogue.Get(p); up?.Parent is { } next; up = catalogue.Get(next))
            {
                if (next == indicator.Code)
                {
                    throw new IndicatorException(new Bilingual($"上级指标“{p}”会形成循环", $"parent indicator '{p}' would make a cycle"));
                }
            }
        }
    }

    private static IndicatorException Unknown(string code)
        => new(new Bilingual($"未知指标“{code}”", $"unknown indicator '{code}'"));
}

/// <summary>A catalogue change that cannot be made as asked (collision, unknown parent, unknown indicator), with a bilingual reason.</summary>
public sealed class IndicatorException : InvalidOperationException
{
    public IndicatorException(Bilingual reason)
        : base(reason.ToString()) => Reason = reason;

    public IndicatorException()
    {
    }

    public IndicatorException(string message)
        : base(message)
    {
    }

    public IndicatorException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Bilingual Reason { get; } = new(string.Empty, string.Empty);
}
