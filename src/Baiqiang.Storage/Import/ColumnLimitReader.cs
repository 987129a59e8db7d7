using System.Buffers;
using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Storage.Import;

/// <summary>A record of a delimited file with more cells than a spreadsheet can hold; thrown before the CSV parser sees it.</summary>
internal sealed class CsvTooManyColumnsException(int row) : Exception(string.Create(CultureInfo.InvariantCulture, $"第{row}行 / row {row}: {Why}"))
{
    /// <summary>Why, without the row (an import error names the row itself).</summary>
    public static readonly Bilingual Why = new(
        $"这一行超过{ColumnLimitReader.MaxColumns}列(Excel 工作表的上限),不是统计表,未读取",
        $"this row has more than {ColumnLimitReader.MaxColumns} columns (the most an Excel worksheet holds); it is not a statistical table and was not read");

    /// <summary>1-based number of the record (as <see cref="RowSource.RowNumber"/> counts them).</summary>
    public int Row { get; } = row;
}

/// <summary>
/// Passes a delimited text through unchanged while counting the delimiters of each record (outside quotes), and stops
/// with <see cref="CsvTooManyColumnsException"/> at a record of more than <see cref="MaxColumns"/> cells.
/// </summary>
/// <remarks>Sylvan's CSV parser takes time quadratic in the number of cells of one record (a 256 KB single line of
/// “x,x,x,…” took 12 s), so a one-line file could hold a web request for minutes. No statistical table is wider than
/// a worksheet (16,384 columns in Excel), and this check costs one pass over characters already in memory.</remarks>
internal sealed class ColumnLimitReader(TextReader inner, char delimiter) : TextReader
{
    /// <summary>Excel's widest worksheet (XFD).</summary>
    public const int MaxColumns = 16_384;

    /// <summary>What ends a run of plain cells: a quote or a record end. The delimiters inside a run are counted at once.</summary>
    private static readonly SearchValues<char> Marks = SearchValues.Create(['"', '\r', '\n']);

    private bool _quoted;
    private int _delimiters;
    private int _record = 1;
    private bool _afterCr;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            Scan([(char)c]);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = inner.Read(buffer);
        Scan(buffer[..n]);
        return n;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Scan(buffer.Span[..n]);
        return n;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => ReadBlock(buffer.AsSpan(index, count));

    public override int ReadBlock(Span<char> buffer)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = Read(buffer[total..])) > 0)
        {
            total += n;
        }

        return total;
    }

    public override Task<int> ReadBlockAsync(char[] buffer, int index, int count) => ReadBlockAsync(buffer.AsMemory(index, count)).AsTask();

    public override async ValueTask<int> ReadBlockAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = await ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += n;
        }

        return total;
    }

    /// <summary>Follows quotes and record ends through <paramref name="chars"/>, jumping over the characters between them
    /// with a vectorised search (inside quotes only a quote matters) and counting the delimiters of each run between them
    /// with a vectorised count, so a record costs a search or two rather than one per cell.</summary>
    private void Scan(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            var k = _quoted ? chars.IndexOf('"') : chars.IndexOfAny(Marks);
            if (!_quoted)
            {
                var run = k < 0 ? chars : chars[..k];
                if (!run.IsEmpty)
                {
                    _afterCr = false;
                    _delimiters += run.Count(delimiter);
                    if (_delimiters >= MaxColumns)
                    {
                        throw new CsvTooManyColumnsException(_record);
                    }
                }
            }

            if (k < 0)
            {
                _afterCr = false;
                return;
            }

            // A line feed ends no second record right after the carriage return that ended one.
            var afterCr = _afterCr && k == 0;
            _afterCr = false;
            var c = chars[k];
            chars = chars[(k + 1)..];
            if (c == '"')
            {
                // A doubled quote inside a quoted cell leaves and re-enters quotes: the state stays right.
                _quoted = !_quoted;
            }
            else if (c == '\r' || !afterCr)
            {
                _delimiters = 0;
                _record++;
                _afterCr = c == '\r';
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
