using Baiqiang.Core.Access;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Baiqiang.Storage.Units;

/// <summary>The store's unit table (<c>units</c>): the shipped units (seeded by migration) and the ones an office adds.
/// <see cref="LoadTableAsync"/> builds the one <see cref="UnitTable"/> imports convert with.</summary>
public static class UnitStore
{
    /// <summary>The store's units: the shipped ones in seed order, then the office's own by code.</summary>
    public static async Task<UnitTable> LoadTableAsync(BaiqiangDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Units.AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
        {
            return UnitTable.Shipped;
        }

        var order = UnitTable.Shipped.All.Select((u, i) => (u.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return new UnitTable(rows
            .OrderBy(r => order.GetValueOrDefault(r.Code, int.MaxValue))
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => r.ToDefinition()));
    }

    /// <summary>Adds an office's unit; refuses a bad or taken code, a symbol or alias already naming a unit, a factor ≤ 0.
    /// Admins and analysts only; audited.</summary>
    public static async Task<UnitDefinition> AddAsync(BaiqiangDbContext db, UnitDefinition definition, CancellationToken ct, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        if (actor is not null && !actor.IsAdmin && !actor.Roles.HasFlag(Role.Analyst))
        {
            throw new AccessDeniedException(new Bilingual("只有管理员和分析员可以修改计量单位表", "only admins and analysts may change the unit table"));
        }

        if (UnitDefinition.ValidateCode(definition.Code) is { } bad)
        {
            throw new UnitException(bad);
        }

        var table = await LoadTableAsync(db, ct);
        if (table.All.Any(u => u.Code == definition.Code))
        {
            throw new UnitException(new Bilingual($"单位代码“{definition.Code}”已存在", $"unit code '{definition.Code}' already exists"));
        }

        foreach (var name in definition.Aliases.Prepend(definition.Unit.Symbol))
        {
            if (table.Definition(name) is { } other)
            {
                throw new UnitException(new Bilingual(
                    $"名称“{name}”已属于计量单位“{other.Unit.Symbol}”({other.Code})",
                    $"the name '{name}' already belongs to unit '{other.Unit.Symbol}' ({other.Code})"));
            }
        }

        db.Units.Add(UnitEntity.From(definition, isBuiltin: false));
        await db.SaveChangesAsAsync(actor?.Name ?? db.CurrentUser, ct);
        return definition;
    }
}

/// <summary>A unit change that cannot be made as asked (bad or taken code, name collision), with a bilingual reason.</summary>
public sealed class UnitException : InvalidOperationException
{
    public UnitException(Bilingual reason)
        : base(reason.ToString()) => Reason = reason;

    public UnitException()
    {
    }

    public UnitException(string message)
        : base(message)
    {
    }

    public UnitException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Bilingual Reason { get; } = new(string.Empty, string.Empty);
}
