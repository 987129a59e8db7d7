using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Indicators;

namespace Baiqiang.Storage.Import;

/// <summary>
/// The 新指标 decision for one unknown name of a file: map it to a catalogue indicator (<paramref name="MapTo"/>: the name
/// becomes an alias of that indicator, simplified and traditional), or add it as a new indicator (<paramref name="Add"/>:
/// its code, name, unit and kind as the user gave them; the file's name becomes an alias when the name differs).
/// </summary>
/// <param name="Name">The unknown name exactly as the refusal listed it.</param>
/// <param name="MapTo">A code, name or alias of a catalogue indicator.</param>
/// <param name="Add">The indicator to add.</param>
public sealed record IndicatorDecision(string Name, string? MapTo = null, Indicator? Add = null);

/// <summary>
/// Stores a file refused for unknown indicators after the user decided each name (<see cref="IndicatorDecision"/>): the
/// aliases and the new indicators are written (each audited under the actor) and the file read again and stored, all in one
/// transaction under the store's write lock — a decision that fails, or a file that still fails, changes nothing.
/// </summary>
public static class IndicatorDecisions
{
    /// <summary>
    /// Reads with <paramref name="read"/>; when the only errors are unknown indicators and every one has a decision, applies
    /// the decisions and reads and stores again. Admins and analysts only (<see cref="IndicatorStore"/> refuses others with
    /// <see cref="AccessDeniedException"/>). A missing or unusable decision (unknown target indicator, code or name taken,
    /// a unit of another dimension) is an error naming the file's name, in both languages; nothing is stored.
    /// </summary>
    public static Task<NewIndicatorImportResult> ReadDecideAndStoreAsync(
        BaiqiangDbContext db, Func<IImportLookups, CancellationToken, Task<ImportResult>> read, IReadOnlyList<IndicatorDecision> decisions,
        string user, TimeProvider clock, Actor actor, ImportOptions checks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(decisions);
        var byName = decisions.GroupBy(d => d.Name.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return NewIndicatorImport.ReadChangeAndStoreAsync(db, read, user, clock, checks, first => RefuseUndecided(first, byName), async first =>
        {
            var file = first.Errors[0].File;
            var added = new List<Indicator>();
            var refused = new List<ImportError>();
            foreach (var u in first.UnknownIndicators)
            {
                try
                {
                    if (await ApplyAsync(db, u, byName[u.Name], actor, ct) is { } done)
                    {
                        added.Add(done);
                    }
                }
                catch (IndicatorException e)
                {
                    refused.Add(new ImportError(file, u.FirstRow, u.Column, new Bilingual($"“{u.Name}”：{e.Reason.Zh}", $"'{u.Name}': {e.Reason.En}")));
                }
            }

            return (added, refused);
        }, ct);
    }

    /// <summary>A refusal naming each unknown name without exactly one decision; null when every name has one.</summary>
    private static ImportResult? RefuseUndecided(ImportResult first, Dictionary<string, IndicatorDecision> byName)
    {
        var undecided = first.UnknownIndicators.Where(u => !byName.TryGetValue(u.Name, out var d) || (d.MapTo is null) == (d.Add is null)).ToList();
        if (undecided.Count == 0)
        {
            return null;
        }

        var file = first.Errors[0].File;
        var errors = undecided.Select(u => new ImportError(file, u.FirstRow, u.Column, new Bilingual(
            $"新指标“{u.Name}”须选择：映射到已有指标，或添加为新指标（二选一）",
            $"new indicator '{u.Name}' needs a decision: map it to an existing indicator or add it as a new one (one of the two)"))).ToList();
        return first with { Errors = errors };
    }

    /// <summary>Adds the decided indicator (returned) or records the name as the mapped indicator's alias (null); throws
    /// <see cref="IndicatorException"/> for a decision that cannot be made (unknown indicator, a unit of another dimension, a collision).</summary>
    private static async Task<Indicator?> ApplyAsync(BaiqiangDbContext db, UnknownIndicator u, IndicatorDecision d, Actor actor, CancellationToken ct)
    {
        if (d.Add is { } add)
        {
            var aliases = add.Aliases.ToList();
            if (!string.Equals(add.NameZh, u.Name, StringComparison.Ordinal))
            {
                aliases.Add(u.Name);
            }

            IndicatorCatalogue.AddTraditional(aliases, u.Name);
            return await IndicatorStore.AddAsync(db, add with { Aliases = aliases.Distinct(StringComparer.Ordinal).ToList() }, ct, actor);
        }

        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
        if (catalogue.Find(d.MapTo) is not { } target)
        {
            throw new IndicatorException(new Bilingual($"要映射到的指标“{d.MapTo}”不在指标目录中", $"'{d.MapTo}', the indicator it is mapped to, is not in the catalogue"));
        }

        if (u.Unit is { } unit && !unit.IsCompatibleWith(target.Unit))
        {
            throw new IndicatorException(new Bilingual(
                $"单位“{unit.Symbol}”不能换算为“{target.NameZh}”的单位“{target.Unit.Symbol}”",
                $"its unit '{unit.Symbol}' does not convert to the unit '{target.Unit.Symbol}' of '{target.Code}'"));
        }

        var withAlias = target.Aliases.ToList();
        withAlias.Add(u.Name);
        IndicatorCatalogue.AddTraditional(withAlias, u.Name);
        await IndicatorStore.UpdateAsync(db, target with { Aliases = withAlias.Distinct(StringComparer.Ordinal).ToList() }, ct, actor);
        return null;
    }

    /// <summary>The kinds a user may give a new indicator: flow (累计), stock (期末), rate/index, ratio.</summary>
    public static Indicator NewIndicator(IndicatorCode code, string nameZh, Unit unit, IndicatorKind kind, string fileName)
    {
        var rate = kind is IndicatorKind.Rate or IndicatorKind.Ratio;
        return new Indicator(code, nameZh, string.Empty, unit, kind, Direction.HigherIsBetter, PublishedCumulatively: kind == IndicatorKind.Flow, AllowsNegative: rate, [])
        {
            Description = $"导入文件时添加 / added when importing {fileName}",
        };
    }
}
