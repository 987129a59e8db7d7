using System.Threading.Channels;
using Baiqiang.Core.Observations;

namespace Baiqiang.Storage.Import;

/// <summary>
/// Hands records from the reader to a writer while the file is still being read: the reader adds each accepted record
/// and flushes full chunks into a small bounded channel (so reading waits when writing falls behind and memory stays
/// bounded); the writer takes chunks as they come.
/// </summary>
/// <remarks>The first error the reader records marks the stream <see cref="Failed"/> and stops it passing records on:
/// the writer then only drains the channel and rolls back, while the reader goes on collecting every error.</remarks>
internal sealed class RecordStream
{
    public const int ChunkSize = 4096;

    private readonly Channel<ObservationRecord[]> _channel = Channel.CreateBounded<ObservationRecord[]>(
        new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private ObservationRecord[] _chunk = new ObservationRecord[ChunkSize];
    private int _count;
    private volatile bool _failed;

    /// <summary>True once the reader found an error: nothing of this file may be stored.</summary>
    public bool Failed => _failed;

    /// <summary>True when a chunk is ready for <see cref="FlushAsync"/>.</summary>
    public bool ChunkFull => _count >= ChunkSize;

    public ChannelReader<ObservationRecord[]> Reader => _channel.Reader;

    public void Add(ObservationRecord record)
    {
        if (_failed)
        {
            return;
        }

        if (_count == _chunk.Length)
        {
            Array.Resize(ref _chunk, _chunk.Length * 2);
        }

        _chunk[_count++] = record;
    }

    public void MarkFailed()
    {
        _failed = true;
        _count = 0;
    }

    /// <summary>Passes the records added since the last flush on to the writer, waiting while the channel is full.</summary>
    public async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_count == 0 || _failed)
        {
            return;
        }

        var chunk = _count == _chunk.Length ? _chunk : _chunk[.._count];
        _chunk = new ObservationRecord[ChunkSize];
        _count = 0;
        await _channel.Writer.WriteAsync(chunk, ct).ConfigureAwait(false);
    }

    /// <summary>No more records will come.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
