using Baiqiang.Core.Observations;
using Baiqiang.Storage.Observations;

namespace Baiqiang.Storage.Import;

/// <summary>What <see cref="ObservationImport.ReadAndStoreAsync"/> did: the read (records or every error) and, when the
/// file was valid, what the write stored. <see cref="Written"/> is null exactly when nothing was stored.</summary>
public sealed record StoredImport(ImportResult Read, WriteSummary? Written);

/// <summary>Reads an observation file and stores it, all rows or none, overlapping the two for large files.</summary>
public static class ObservationImport
{
    /// <summary>
    /// Reads <paramref name="path"/> with <see cref="ObservationFileReader"/> and stores its records with
    /// <see cref="ObservationWriter"/>'s rules (revisions, unchanged facts, audit) in one transaction.
    /// </summary>
    /// <remarks>
    /// <para>A file of fewer than <see cref="ObservationWriter.RebuildIndexesThreshold"/> records is read whole, then
    /// written by <see cref="ObservationWriter.WriteAsync"/>. A larger one is written while it is read: the reader
    /// parses and validates on one thread and hands records over a bounded channel to the bulk load on another
    /// (see <see cref="ObservationWriter.WriteStreamAsync"/>), so the database works while the file is still being read.</para>
    /// <para>Figures that stray from their region's last comparable stored figure by more than
    /// <see cref="ImportOptions.PlausibleMultiple"/> are refused as errors of kind <see cref="ImportErrorKind.Implausible"/>
    /// (nothing stored), unless <see cref="ImportOptions.ForceReason"/> is given: then they are stored and audited.</para>
    /// <para>All or nothing either way: when the file has any error the transaction is rolled back and
    /// <see cref="StoredImport.Read"/> lists every error, as <see cref="ObservationFileReader.ReadAsync(string, IImportLookups, ImportOptions, CancellationToken)"/> would.</para>
    /// </remarks>
    public static async Task<StoredImport> ReadAndStoreAsync(
        BaiqiangDbContext db, string path, IImportLookups lookups, ImportOptions options, string user, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);

        var stream = new RecordStream();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(
            async () =>
            {
                try
                {
                    return await ObservationFileReader.ReadIntoAsync(path, lookups, options, stream, stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    stream.Complete();
                }
            },
            CancellationToken.None);

        try
        {
            var head = new List<ObservationRecord>(ObservationWriter.RebuildIndexesThreshold + RecordStream.ChunkSize);
            while (head.Count < ObservationWriter.RebuildIndexesThreshold && await stream.Reader.WaitToReadAsync(ct))
            {
                while (head.Count < ObservationWriter.RebuildIndexesThreshold && stream.Reader.TryRead(out var chunk))
                {
                    head.AddRange(chunk);
                }
            }

            if (head.Count < ObservationWriter.RebuildIndexesThreshold)
            {
                // The whole file is in (or it failed): the small-file path, with the writer's usual choices.
                var read = await reading;
                return read.Success
                    ? new StoredImport(read, await ObservationWriter.WriteCheckedAsync(db, read.Records, user, clock, options, ct))
                    : new StoredImport(read, null);
            }

            var written = await ObservationWriter.WriteStreamAsync(db, head, stream, reading, user, clock, options, ct);
            return new StoredImport(await reading, written);
        }
        catch (ImplausibleFiguresException e)
        {
            // Refused by the region's last figures, after the file itself was valid: nothing was stored.
            var read = await reading;
            var errors = e.Figures.Select(f => f.ToError(Path.GetFileName(path))).ToList();
            return new StoredImport(new ImportResult([], errors, read.Layout, read.RowsRead) { Mapping = read.Mapping }, null);
        }
        catch
        {
            // Stop the reader (it may be waiting on a full channel) before the error leaves.
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (OperationCanceledException)
            {
            }

            throw;
        }
    }
}
