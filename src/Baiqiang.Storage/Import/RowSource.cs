using System.Globalization;
using Baiqiang.Core.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Baiqiang.Storage.Import;

/// <summary>A forward-only sequence of rows of text cells, numbered as a spreadsheet numbers them (from 1).</summary>
/// <remarks>One row may be pushed back (<see cref="PushBack"/>) so layout detection can look at a row and leave it for the data pass.</remarks>
internal abstract class RowSource : IDisposable
{
    private bool _replay;

    /// <summary>1-based number of the current row.</summary>
    public int RowNumber { get; private set; }

    /// <summary>Cells in the current row.</summary>
    public abstract int FieldCount { get; }

    /// <summary>The raw text of a cell; empty beyond the row's end.</summary>
    public abstract ReadOnlySpan<char> Field(int index);

    public string FieldString(int index) => Field(index).Trim().ToString();

    /// <summary>The current row's cells, trimmed, as strings (for headers and titles, not the data pass).</summary>
    public string[] Snapshot()
    {
        var cells = new string[FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = FieldString(i);
        }

        return cells;
    }

    /// <summary>True when every cell must line up with the header (delimited text); false for a worksheet, whose empty
    /// trailing cells are simply absent.</summary>
    protected virtual bool StrictWidth => true;

    /// <summary>Cells up to the last one with text: the width data rows must fit (a header's trailing empty cells name no column).</summary>
    public static int HeaderWidth(string[] header)
    {
        var n = header.Length;
        while (n > 0 && header[n - 1].Length == 0)
        {
            n--;
        }

        return n;
    }

    /// <summary>The error for a row that does not line up with a header of <paramref name="headerWidth"/> named columns
    /// (<see cref="HeaderWidth"/>) and <paramref name="headerCells"/> cells in all: in a delimited file fewer cells than
    /// the named columns (a truncated “…,247” must not import as 247 with no growth) or more than the header row has;
    /// in both kinds of file, a value in a cell beyond the named columns. Null when the row fits.</summary>
    public Bilingual? WidthError(int headerWidth, int headerCells)
    {
        var count = FieldCount;
        if (StrictWidth && count < headerWidth)
        {
            return new Bilingual(
                string.Create(CultureInfo.InvariantCulture, $"这一行只有{count}个单元格,少于表头的{headerWidth}列(行被截断或缺少分隔符?)"),
                string.Create(CultureInfo.InvariantCulture, $"this row has {count} cells, fewer cells than the {headerWidth} header columns (truncated row or missing delimiter?)"));
        }

        var longer = StrictWidth && count > Math.Max(headerWidth, headerCells);
        for (var i = headerWidth; i < count && !longer; i++)
        {
            longer = !Field(i).IsWhiteSpace();
        }

        return longer
            ? new Bilingual(
                string.Create(CultureInfo.InvariantCulture, $"这一行有{count}个单元格,多于表头的{headerWidth}列(多余的分隔符或放错列的数据?)"),
                string.Create(CultureInfo.InvariantCulture, $"this row has {count} cells, more cells than the {headerWidth} header columns (a stray delimiter or a value in the wrong column?)"))
            : null;
    }

    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < FieldCount; i++)
            {
                if (!Field(i).IsWhiteSpace())
                {
                    return false;
                }
            }

            return true;
        }
    }

    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        // Every reader's row loop passes here: a request's deadline stops the read between rows.
        ct.ThrowIfCancellationRequested();
        if (_replay)
        {
            _replay = false;
            return true;
        }

        if (!await ReadCoreAsync(ct).ConfigureAwait(false))
        {
            return false;
        }

        RowNumber++;
        return true;
    }

    /// <summary>Makes the next <see cref="ReadAsync"/> return the current row again.</summary>
    public void PushBack() => _replay = true;

    protected abstract ValueTask<bool> ReadCoreAsync(CancellationToken ct);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>Rows of a delimited text file, parsed by Sylvan.Data.Csv without copying cells.</summary>
internal sealed class CsvRowSource : RowSource
{
    private readonly CsvDataReader _csv;

    private CsvRowSource(CsvDataReader csv) => _csv = csv;

    public static async Task<CsvRowSource> CreateAsync(TextReader reader, char delimiter, CancellationToken ct)
    {
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            BufferSize = 0x10000,
            MaxBufferSize = 0x100000,
            OwnsReader = true,
        };
        var csv = await CsvDataReader.CreateAsync(new ColumnLimitReader(reader, delimiter), options, ct).ConfigureAwait(false);
        return new CsvRowSource(csv);
    }

    public override int FieldCount => _csv.RowFieldCount;

    public override ReadOnlySpan<char> Field(int index) => index < _csv.RowFieldCount ? _csv.GetFieldSpan(index) : [];

    protected override async ValueTask<bool> ReadCoreAsync(CancellationToken ct) => await _csv.ReadAsync(ct).ConfigureAwait(false);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Rows of one worksheet of an XLSX package (the first unless named), read by MiniExcel; numbers become invariant text.
/// With <c>fillMergedCells</c> every cell of a merged range reads as its top-left cell.</summary>
internal sealed class XlsxRowSource : RowSource
{
    private readonly IEnumerator<object> _rows;
    private string[] _current = [];

    public XlsxRowSource(Stream stream, string? sheetName = null, bool fillMergedCells = false)
    {
        var configuration = fillMergedCells ? new MiniExcelLibs.OpenXml.OpenXmlConfiguration { FillMergedCells = true } : null;
        var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration);
        _rows = rows.Cast<object>().GetEnumerator();
    }

    public override int FieldCount => _current.Length;

    protected override bool StrictWidth => false;

    public override ReadOnlySpan<char> Field(int index) => index < _current.Length ? _current[index] : [];

    protected override ValueTask<bool> ReadCoreAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!_rows.MoveNext())
        {
            return ValueTask.FromResult(false);
        }

        _current = ToCells(_rows.Current as IDictionary<string, object?>);
        return ValueTask.FromResult(true);
    }

    private static string[] ToCells(IDictionary<string, object?>? row)
    {
        if (row is null || row.Count == 0)
        {
            return [];
        }

        var cells = new string[row.Count];
        var max = -1;
        foreach (var (key, value) in row)
        {
            var i = ColumnIndex(key);
            if (i < 0)
            {
                continue;
            }

            if (i >= cells.Length)
            {
                Array.Resize(ref cells, i + 1);
            }

            cells[i] = CellText(value);
            max = Math.Max(max, i);
        }

        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] ??= string.Empty;
        }

        return max + 1 == cells.Length ? cells : cells[..(max + 1)];
    }

    /// <summary>“A” → 0, “AB” → 27; -1 when not a column letter.</summary>
    private static int ColumnIndex(string key)
    {
        var n = 0;
        foreach (var c in key)
        {
            if (c is < 'A' or > 'Z')
            {
                return -1;
            }

            n = (n * 26) + (c - 'A' + 1);
        }

        return n - 1;
    }

    /// <summary>A cell value as text, the way the bulletin reader (<see cref="XlsxWorkbook"/>) gives it too.</summary>
    internal static string CellText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        // The shortest text that round-trips the double: what Excel itself shows for 880.5 or 228.09.
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        // Excel turns a typed “2023-06” into 1 June 2023: read the first of a month back as the month.
        DateTime dt when dt.TimeOfDay == TimeSpan.Zero && dt.Day == 1 => dt.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rows.Dispose();
        }

        base.Dispose(disposing);
    }
}
