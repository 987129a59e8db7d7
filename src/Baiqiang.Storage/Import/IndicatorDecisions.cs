using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Indicators;

namespace Baiqiang.Storage.Import;

/// <summary>
/// The 新指标 decision for one unknown name of a file: map it to a catalogue indicator (<paramref name="MapTo"/>, a code,
/// name or alias; the file's name becomes that indicator's alias, with its traditional form), or add it as a new indicator
/// (<paramref name="Add"/>; the file's name becomes its alias when the name given differs). Exactly one of the two.
/// </summary>
/// <param name="Name">The unknown name as the refusal listed it (matched as the catalogue matches names: traditional as
/// simplified, ignoring white space and ASCII case).</param>
/// <param name="MapTo">A code, name or alias of the catalogue indicator the name is another name of.</param>
/// <param name="Add">The indicator to add for the name.</param>
public sealed record IndicatorDecision(string Name, string? MapTo = null, Indicator? Add = null)
{
    /// <summary>A new indicator from the user's choices on the 新指标 step: flow figures accumulate over the year, rates and
    /// ratios may be negative; the description names the file it came from.</summary>
    public static Indicator NewIndicator(IndicatorCode code, string nameZh, Unit unit, IndicatorKind kind, string fileName)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var rate = kind is IndicatorKind.Rate or IndicatorKind.Ratio;
        return new Indicator(code, nameZh, string.Empty, unit, kind, Direction.HigherIsBetter, PublishedCumulatively: kind == IndicatorKind.Flow, AllowsNegative: rate, [])
        {
            Description = $"导入文件时添加 / added when importing {fileName}",
        };
    }
}

/// <summary>
/// Stores a file refused for unknown indicators once each name is decided (<see cref="IndicatorDecision"/>): the aliases and
/// new indicators are written (each audited under the actor), the file is read again against the grown catalogue and stored,
/// all in one transaction under the store's write lock (<see cref="NewIndicatorImport.ReadChangeAndStoreAsync"/>). A
/// decision that cannot be made, or a file that still fails, changes nothing.
/// </summary>
public static class IndicatorDecisions
{
    /// <summary>
    /// Reads with <paramref name="read"/>; when the only errors are unknown indicators, applies a decision to each and reads
    /// and stores again. A name without a decision is refused, unless <paramref name="addUndecided"/> (CLI
    /// <c>--add-indicators</c> beside <c>--map-indicator</c>) adds it from the file's name and unit as
    /// <see cref="NewIndicatorImport"/> does. Admins and analysts only: anyone else gets <see cref="AccessDeniedException"/>
    /// before anything is changed. A decision that cannot be made (unknown target, a unit of another dimension, a code or
    /// name taken) is an error naming the file's name and its row, in both languages.
    /// </summary>
    public static Task<NewIndicatorImportResult> ReadDecideAndStoreAsync(
        BaiqiangDbContext db, Func<IImportLookups, CancellationToken, Task<ImportResult>> read, IReadOnlyList<IndicatorDecision> decisions,
        string user, TimeProvider clock, Actor? actor, ImportOptions checks, CancellationToken ct, bool addUndecided = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(decisions);
        IndicatorStore.EnsureCanEdit(actor);
        var byKey = new Dictionary<string, IndicatorDecision>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in decisions)
        {
            byKey[Catalogue.Key(d.Name.Trim())] = d;
        }

        IndicatorDecision? Decision(UnknownIndicator u) => byKey.GetValueOrDefault(Catalogue.Key(u.Name));
        return NewIndicatorImport.ReadChangeAndStoreAsync(db, read, user, clock, checks, first => Refuse(first, Decision, addUndecided), async first =>
        {
            var file = first.Errors[0].File;
            var added = new List<Indicator>();
            var refused = new List<ImportError>();
            foreach (var u in first.UnknownIndicators)
            {
                try
                {
                    var indicator = Decision(u) is { } d
                        ? await ApplyAsync(db, u, d, actor, ct)
                        : await IndicatorStore.AddAsync(db, NewIndicatorImport.FromFile(u, await NewIndicatorImport.NextCodeAsync(db, ct), file), ct, actor);
                    if (indicator is not null)
                    {
                        added.Add(indicator);
                    }
                }
                catch (IndicatorException e)
                {
                    refused.Add(new ImportError(file, u.FirstRow, u.Column, new Bilingual($"“{u.Name}”:{e.Reason.Zh}", $"'{u.Name}': {e.Reason.En}")));
                }
            }

            return (added, refused);
        }, ct);
    }

    /// <summary>A refusal naming each unknown name without a usable decision (neither or both choices; no decision and no
    /// unit to add it by); null when every name can be decided.</summary>
    private static ImportResult? Refuse(ImportResult first, Func<UnknownIndicator, IndicatorDecision?> decision, bool addUndecided)
    {
        var file = first.Errors[0].File;
        var errors = new List<ImportError>();
        foreach (var u in first.UnknownIndicators)
        {
            var d = decision(u);
            if (d is not null && (d.MapTo is null) == (d.Add is null))
            {
                errors.Add(new ImportError(file, u.FirstRow, u.Column, new Bilingual(
                    $"新指标“{u.Name}”须选择:映射到已有指标,或添加为新指标(二选一)",
                    $"new indicator '{u.Name}' needs one decision: map it to an existing indicator or add it as a new one (one of the two)")));
            }
            else if (d is null && !addUndecided)
            {
                errors.Add(new ImportError(file, u.FirstRow, u.Column, new Bilingual(
                    $"新指标“{u.Name}”尚未决定:请映射到已有指标或添加为新指标",
                    $"new indicator '{u.Name}' has no decision: map it to an existing indicator or add it as a new one")));
            }
            else if (d is null && u.Unit is null)
            {
                errors.Add(NewIndicatorImport.NoUnit(file, u));
            }
        }

        return errors.Count == 0 ? null : new ImportResult([], errors, first.Layout, first.RowsRead) { UnknownIndicators = first.UnknownIndicators };
    }

    /// <summary>Adds the decided indicator (returned), or records the file's name as the mapped indicator's alias (null).
    /// Throws <see cref="IndicatorException"/> for a decision that cannot be made.</summary>
    private static async Task<Indicator?> ApplyAsync(BaiqiangDbContext db, UnknownIndicator u, IndicatorDecision d, Actor? actor, CancellationToken ct)
    {
        if (d.Add is { } add)
        {
            var aliases = add.Aliases.ToList();
            if (Catalogue.Key(add.NameZh) != Catalogue.Key(u.Name))
            {
                aliases.Add(u.Name);
            }

            IndicatorCatalogue.AddTraditional(aliases, add.NameZh);
            return await IndicatorStore.AddAsync(db, add with { Aliases = [.. aliases.Distinct(StringComparer.Ordinal)] }, ct, actor);
        }

        var catalogue = await IndicatorStore.LoadCatalogueAsync(db, ct);
        if (catalogue.Find(d.MapTo) is not { } target)
        {
            throw new IndicatorException(new Bilingual($"要映射到的指标“{d.MapTo}”不在指标目录中", $"'{d.MapTo}', the indicator to map it to, is not in the catalogue"));
        }

        if (target.Retired is not null)
        {
            throw new IndicatorException(new Bilingual($"指标“{target.NameZh}”({target.Code})已停用,不能再映射", $"indicator '{target.Code}' is retired and takes no new names"));
        }

        if (u.Unit is { } unit && !unit.IsCompatibleWith(target.Unit))
        {
            throw new IndicatorException(new Bilingual(
                $"单位“{unit.Symbol}”不能换算为指标“{target.NameZh}”的单位“{target.Unit.Symbol}”",
                $"its unit '{unit.Symbol}' does not convert to the unit '{target.Unit.Symbol}' of '{target.Code}'"));
        }

        // The file's name and its traditional form only: the target's own aliases are left as they are.
        var traditional = new List<string>();
        IndicatorCatalogue.AddTraditional(traditional, u.Name);
        List<string> aliasesOfTarget = [.. target.Aliases, u.Name, .. traditional];
        await IndicatorStore.UpdateAsync(db, target with { Aliases = [.. aliasesOfTarget.Distinct(StringComparer.Ordinal)] }, ct, actor);
        return null;
    }
}
