using System.Globalization;
using Baiqiang.Core.Access;
using Baiqiang.Core.Indicators;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Indicators;
using Baiqiang.Storage.Infrastructure;
using Baiqiang.Storage.Lookups;
using Baiqiang.Storage.Observations;

namespace Baiqiang.Storage.Import;

/// <summary>What an import with <c>--add-indicators</c> did: the read (records or every error), the write (null when
/// nothing was stored) and the indicators it added to the catalogue (none when nothing was stored).</summary>
public sealed record NewIndicatorImportResult(ImportResult Read, WriteSummary? Written, IReadOnlyList<Indicator> Added);

/// <summary>
/// The unknown-indicator decision taken as “add them”: a file whose only errors are indicator names the catalogue does
/// not hold gets those names added as the office's own indicators (with the unit the file gives them), is read again
/// against the grown catalogue and stored — all in one transaction, so a file that still fails adds nothing.
/// </summary>
public static class NewIndicatorImport
{
    /// <summary>The code prefix of indicators added from a file (<c>own_001</c>, <c>own_002</c> …).</summary>
    public const string CodePrefix = "own_";

    /// <summary>
    /// Reads with <paramref name="read"/> against the store's lookups; when the only errors are unknown indicators, adds
    /// each (code <c>own_NNN</c>, its name and traditional form, the file's unit, flow summed over the year unless the unit
    /// is a percentage) and reads and stores again, in one transaction under the store's write lock. A name the file gives
    /// no unit for is refused (nothing added). Admins and analysts only (<paramref name="actor"/>), as for any catalogue change.
    /// The figures are judged against their regions' last figures as any import's are (<paramref name="checks"/>' multiple
    /// and override reason; <see cref="LastFigureCheck"/>); a refusal there rolls back the added indicators too.
    /// </summary>
    public static Task<NewIndicatorImportResult> ReadAddAndStoreAsync(
        BaiqiangDbContext db, Func<IImportLookups, CancellationToken, Task<ImportResult>> read, string user, TimeProvider clock, Actor? actor,
        ImportOptions checks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return ReadChangeAndStoreAsync(db, read, user, clock, checks, RefuseWithoutUnit, async first =>
        {
            var file = first.Errors[0].File;
            var added = new List<Indicator>();
            foreach (var u in first.UnknownIndicators)
            {
                added.Add(await IndicatorStore.AddAsync(db, FromFile(u, await NextCodeAsync(db, ct), file), ct, actor));
            }

            return (added, []);
        }, ct);
    }

    /// <summary>The indicator added for an unknown name: its name and traditional form, the file's unit, flow summed over
    /// the year unless the unit is a percentage, multiple or plain number (then a rate, which may be negative).</summary>
    internal static Indicator FromFile(UnknownIndicator u, IndicatorCode code, string file)
    {
        var aliases = new List<string>();
        IndicatorCatalogue.AddTraditional(aliases, u.Name);
        var rate = KindFor(u.Unit) == IndicatorKind.Rate;
        return new Indicator(code, u.Name, string.Empty, u.Unit!, rate ? IndicatorKind.Rate : IndicatorKind.Flow, Direction.HigherIsBetter,
            PublishedCumulatively: !rate, AllowsNegative: rate, aliases)
        {
            Description = $"导入文件时添加 / added when importing {file}",
        };
    }

    /// <summary>The kind a name added from a file gets: a rate for a percentage, percentage point, multiple or plain number;
    /// a flow otherwise (and when the file gives no unit).</summary>
    public static IndicatorKind KindFor(Unit? unit)
        => unit?.Dimension is Dimension.Percent or Dimension.PercentagePoint or Dimension.Multiple or Dimension.Dimensionless ? IndicatorKind.Rate : IndicatorKind.Flow;

    /// <summary>The next <paramref name="count"/> free <c>own_NNN</c> codes of <paramref name="catalogue"/>, to prefill the 新指标 step.</summary>
    public static IReadOnlyList<IndicatorCode> SuggestCodes(Catalogue catalogue, int count)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var next = NextNumber(catalogue);
        return [.. Enumerable.Range(next, count).Select(n => new IndicatorCode(CodePrefix + n.ToString("D3", CultureInfo.InvariantCulture)))];
    }

    /// <summary>The next free <c>own_NNN</c> code of the store's catalogue.</summary>
    internal static async Task<IndicatorCode> NextCodeAsync(BaiqiangDbContext db, CancellationToken ct)
        => new(CodePrefix + NextNumber(await IndicatorStore.LoadCatalogueAsync(db, ct)).ToString("D3", CultureInfo.InvariantCulture));

    /// <summary>A refusal naming each unknown name the file gives no unit for; null when every one has a unit.</summary>
    private static ImportResult? RefuseWithoutUnit(ImportResult first)
    {
        var file = first.Errors[0].File;
        var noUnit = first.UnknownIndicators.Where(u => u.Unit is null).ToList();
        if (noUnit.Count == 0)
        {
            return null;
        }

        return new ImportResult([], [.. noUnit.Select(u => NoUnit(file, u))], first.Layout, first.RowsRead) { UnknownIndicators = first.UnknownIndicators };
    }

    /// <summary>Why an unknown name cannot be added from the file: the file gives no unit for it.</summary>
    internal static ImportError NoUnit(string file, UnknownIndicator u) => new(file, u.FirstRow, u.Column, new Bilingual(
        $"不能添加指标“{u.Name}”:文件没有给出它的单位(请在单位列或表头写明,或先用 baiqiang indicators add 添加)",
        $"cannot add indicator '{u.Name}': the file gives no unit for it (state it in a unit column or header, or add it first with baiqiang indicators add)"));

    /// <summary>
    /// The shape every unknown-indicator decision shares: read; a clean file is stored as it is; a file whose only errors are
    /// unknown indicators is checked by <paramref name="refuse"/> (a refusal before anything is written, or null), then
    /// <paramref name="change"/> grows the catalogue under the store's write lock (the indicators added, or errors that roll
    /// it back), and the file is read again and stored in the same transaction. A refusal by the regions' last figures
    /// (<see cref="LastFigureCheck"/>) rolls everything back too.
    /// </summary>
    internal static async Task<NewIndicatorImportResult> ReadChangeAndStoreAsync(
        BaiqiangDbContext db, Func<IImportLookups, CancellationToken, Task<ImportResult>> read, string user, TimeProvider clock, ImportOptions checks,
        Func<ImportResult, ImportResult?> refuse, Func<ImportResult, Task<(List<Indicator> Added, List<ImportError> Refused)>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(clock);
        try
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

            if (refuse(first) is { } refused)
            {
                return new NewIndicatorImportResult(refused, null, []);
            }

            await using var tx = await StoreWriteLock.BeginAsync(db, ct);
            try
            {
                var (added, errors) = await change(first);
                var second = errors.Count > 0 ? first with { Errors = errors } : await read(await StoreLookups.LoadAsync(db, ct), ct);
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
        catch (ImplausibleFiguresException e)
        {
            // Refused by the regions' last figures after the file itself was valid: nothing was stored or added.
            var errors = e.Figures.Select(f => f.ToError(Path.GetFileName(f.Record.Source.Reference))).ToList();
            return new NewIndicatorImportResult(new ImportResult([], errors, ImportLayout.Unknown, 0), null, []);
        }
    }

    private static int NextNumber(Catalogue catalogue)
    {
        var max = 0;
        foreach (var i in catalogue.All)
        {
            if (i.Code.Value.StartsWith(CodePrefix, StringComparison.Ordinal)
                && int.TryParse(i.Code.Value.AsSpan(CodePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                max = Math.Max(max, n);
            }
        }

        return max + 1;
    }
}
