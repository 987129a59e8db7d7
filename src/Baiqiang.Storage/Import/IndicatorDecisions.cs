using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;

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
    public static async Task<NewIndicatorImportResult> ReadDecideAndStoreAsync(
        BaiqiangDbContext db, Func<IImportLookups, CancellationToken, Task<ImportResult>> read, IReadOnlyList<IndicatorDecision> decisions,
        string user, TimeProvider clock, Actor actor, ImportOptions checks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(decisions);
        try
        {
            return await ApplyAsync(db, read, decisions, user, clock, actor, checks, ct);
        }
        catch (ImplausibleFiguresException e)
        {
            var errors = e.Figures.Select(f => f.ToError(Path.GetFileName(f.Record.Source.Reference))).ToList();
            return new NewIndicatorImportResult(new ImportResult([], errors, ImportLayout.Unknown, 0), null, []);
        }
    }

    private static async Task<NewIndicatorImportResult> ApplyAsync(
        BaiqiangDbContext db, Func<IImportLookups, CancellationToken, Task<ImportResult>> read, IReadOnlyList<IndicatorDecision> decisions,
        string user, TimeProvider clock, Actor actor, ImportOptions checks, CancellationToken ct)
    {
        var first = await read(await StoreLookups.LoadAsync(db, ct), ct);
        if (first.Success)
        {
            return new NewIndicatorImportResult(first, await ObservationWriter.WriteCheckedAsync(db, first.Records, user, clock, checks, ct), []);
        }

        if (!first.OnlyUnknownIndicators)
        {
            return new NewIndicatorImportResult(first, null, []);
        }

        var file = first.Errors[0].File;
        var byName = decisions.GroupBy(d => d.Name.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var undecided = first.UnknownIndicators.Where(u => !byName.TryGetValue(u.Name, out var d) || (d.MapTo is null) == (d.Add is null)).ToList();
        if (undecided.Count > 0)
        {
            var errors = undecided.Select(u => new ImportError(file, u.FirstRow, u.Column, new Bilingual(
                $"新指标“{u.Name}”须选择：映射到已有指标，或添加为新指标（二选一）",
                $"new indicator '{u.Name}' needs a decision: map it to an existing indicator or add it as a new one (one of the two)"))).ToList();
            return new NewIndicatorImportResult(first with { Errors = errors }, null, []);
        }

        await using var tx = await StoreWriteLock.BeginAsync(db, ct);
        try
        {
            var added = new List<Indicator>();
            var refused = new List<ImportError>();
            foreach (var u in first.UnknownIndicators)
            {
                var d = byName[u.Name];
                try
                {
                    if (d.Add is { } add)
                    {
                        var aliases = add.Aliases.ToList();
                        if (!string.Equals(add.NameZh, u.Name, StringComparison.Ordinal) && !aliases.Contains(u.Name, StringComparer.Ordinal))
                        {
                            aliases.Add(u.Name);
                        }

                        IndicatorCatalogue.AddTraditional(aliases, u.Name);
                        added.Add(await IndicatorStore.AddAsync(db, add with { Aliases = aliases.Distinct(StringComparer.Ordinal).ToList() }, ct, actor));
                        continue;
                    }

                    var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
                    if (catalogue.Find(d.MapTo) is not { } target)
                    {
                        refused.Add(new ImportError(file, u.FirstRow, u.Column, new Bilingual(
                            $"“{u.Name}”要映射到的指标“{d.MapTo}”不在指标目录中", $"'{u.Name}' is mapped to '{d.MapTo}', which is not in the indicator catalogue")));
                        continue;
                    }

                    if (u.Unit is { } unit && !unit.IsCompatibleWith(target.Unit))
                    {
                        refused.Add(new ImportError(file, u.FirstRow, u.Column, new Bilingual(
                            $"“{u.Name}”的单位“{unit.Symbol}”不能换算为“{target.NameZh}”的单位“{target.Unit.Symbol}”",
                            $"the unit '{unit.Symbol}' of '{u.Name}' does not convert to the unit '{target.Unit.Symbol}' of '{target.Code}'")));
                        continue;
                    }

                    var withAlias = target.Aliases.ToList();
                    withAlias.Add(u.Name);
                    IndicatorCatalogue.AddTraditional(withAlias, u.Name);
                    await IndicatorStore.UpdateAsync(db, target with { Aliases = withAlias.Distinct(StringComparer.Ordinal).ToList() }, ct, actor);
                }
                catch (IndicatorException e)
                {
                    refused.Add(new ImportError(file, u.FirstRow, u.Column, new Bilingual($"“{u.Name}”：{e.Reason.Zh}", $"'{u.Name}': {e.Reason.En}")));
                }
            }

            var second = refused.Count > 0 ? first with { Errors = refused } : await read(await StoreLookups.LoadAsync(db, ct), ct);
            if (!second.Success)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return new NewIndicatorImportResult(second, null, []);
            }

            var written = await ObservationWriter.WriteCheckedAsync(db, second.Records, user, clock, checks, ct);
            await tx.CommitAsync(ct);
            return new NewIndicatorImportResult(second, written, added);
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
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
