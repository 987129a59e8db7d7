using System.Globalization;
using Baiqiang.Core.Quantities;
using Baiqiang.Core.Regions;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Import;
using Sylvan.Data.Csv;

namespace Baiqiang.Storage.Lists;

/// <summary>A column of a list file: a key, accepted header names (Chinese and English) and whether it is required.</summary>
/// <param name="Key">The English header written by exports (<c>credit_code</c>).</param>
/// <param name="Zh">The Chinese header (统一社会信用代码); further accepted names in <paramref name="Aliases"/>.</param>
/// <param name="Required">A missing required column rejects the file.</param>
/// <param name="IsMoney">An amount column: its header must name the unit, e.g. 计划投资(亿元); values are converted to 万元.</param>
/// <param name="Aliases">More accepted header names.</param>
public sealed record ListColumn(string Key, string Zh, bool Required = false, bool IsMoney = false, params string[] Aliases);

/// <summary>The outcome of reading a list file: every item, or the errors and no item at all.</summary>
public sealed record ListImport<T>(IReadOnlyList<T> Items, IReadOnlyList<ImportError> Errors, int RowsRead)
{
    public IReadOnlyList<T> Items { get; init; } = Errors.Count > 0 && Items.Count > 0
        ? throw new ArgumentException("an import with errors must not carry items / 有错误的导入结果不能带有记录", nameof(Items))
        : Items;

    public bool Success => Errors.Count == 0;
}

/// <summary>
/// Reads a list file (CSV/TSV/TXT in UTF-8 or GB18030, or XLSX) of one header row and data rows, with the same
/// checks as observation imports (<see cref="FileChecks"/>: type, size, zip bomb, encoding). Maps header names to
/// <see cref="ListColumn"/>s and hands each data row to a parser that reports errors by row and column; the result is
/// all or nothing.
/// </summary>
public static class ListFileReader
{
    /// <summary>Reads <paramref name="path"/> and parses every row with <paramref name="parse"/>.</summary>
    public static async Task<ListImport<T>> ReadAsync<T>(string path, IReadOnlyList<ListColumn> columns, Func<ListRow, T?> parse, ImportOptions? options, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ImportOptions.Default;
        var fileName = Path.GetFileName(path);
        if (FileChecks.FormatOf(fileName) == FileChecks.FileFormat.Unsupported)
        {
            return Fail<T>(fileName, FileChecks.UnsupportedFormat(fileName));
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Fail<T>(fileName, new Bilingual($"找不到文件“{path}”", $"file not found: '{path}'"));
        }

        if (info.Length > options.MaxBytes)
        {
            return Fail<T>(fileName, FileChecks.TooLarge(info.Length, options.MaxBytes));
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, fileName, columns, parse, options, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a seekable <paramref name="stream"/> (left open) named <paramref name="fileName"/>.</summary>
    public static async Task<ListImport<T>> ReadAsync<T>(Stream stream, string fileName, IReadOnlyList<ListColumn> columns, Func<ListRow, T?> parse, ImportOptions? options, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(parse);
        options ??= ImportOptions.Default;
        fileName = Path.GetFileName(fileName);
        if (FileChecks.FormatOf(fileName) == FileChecks.FileFormat.Unsupported)
        {
            return Fail<T>(fileName, FileChecks.UnsupportedFormat(fileName));
        }

        if (stream.Length == 0)
        {
            return Fail<T>(fileName, FileChecks.Empty());
        }

        if (stream.Length > options.MaxBytes)
        {
            return Fail<T>(fileName, FileChecks.TooLarge(stream.Length, options.MaxBytes));
        }

        var errors = new List<ImportError>();
        var items = new List<T>();
        RowSource? rows = null;
        var rowsRead = 0;
        try
        {
            if (FileChecks.FormatOf(fileName) == FileChecks.FileFormat.Xlsx)
            {
                if (FileChecks.CheckXlsxPackage(stream, options.MaxUncompressedXlsxBytes) is { } packageError)
                {
                    return Fail<T>(fileName, packageError);
                }

                rows = new XlsxRowSource(stream);
            }
            else
            {
                var encoding = await FileChecks.DetectEncodingAsync(stream, ct).ConfigureAwait(false);
                var delimiter = await FileChecks.DetectDelimiterAsync(stream, encoding, fileName, ct).ConfigureAwait(false);
                var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
                rows = await CsvRowSource.CreateAsync(reader, delimiter, ct).ConfigureAwait(false);
            }

            ListHeader? header = null;
            var headerCells = 0;
            var headerWidth = 0;
            while (await rows.ReadAsync(ct).ConfigureAwait(false))
            {
                if (rows.IsBlank)
                {
                    continue;
                }

                if (header is null)
                {
                    var cells = rows.Snapshot();
                    (headerCells, headerWidth) = (cells.Length, RowSource.HeaderWidth(cells));
                    header = ListHeader.Match(cells, columns, fileName, rows.RowNumber, errors);
                    if (errors.Count > 0)
                    {
                        break;
                    }

                    continue;
                }

                if (++rowsRead > options.MaxRows)
                {
                    errors.Add(new ImportError(fileName, rows.RowNumber, null, new Bilingual($"数据行超过{options.MaxRows}行上限", $"more than {options.MaxRows} data rows")));
                    break;
                }

                if (rows.WidthError(headerWidth, headerCells) is { } widthError)
                {
                    errors.Add(new ImportError(fileName, rows.RowNumber, null, widthError));
                    continue;
                }

                var row = new ListRow(fileName, rows.RowNumber, rows.Snapshot(), header, errors);
                var before = errors.Count;
                var item = parse(row);
                if (errors.Count == before && item is not null)
                {
                    items.Add(item);
                }

                if (errors.Count >= options.MaxErrors)
                {
                    errors.Add(new ImportError(fileName, null, null, new Bilingual($"错误过多,已停止于第{rows.RowNumber}行", $"too many errors; stopped at row {rows.RowNumber}")));
                    break;
                }
            }

            if (header is null && errors.Count == 0)
            {
                errors.Add(new ImportError(fileName, null, null, new Bilingual("文件中没有表头和数据", "the file has no header row and no data")));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var why = ex switch
            {
                System.Text.DecoderFallbackException => new Bilingual("文件含有无法解码的字节(请另存为 UTF-8 或 GBK 编码的 CSV)", "the file contains bytes that cannot be decoded (save it as UTF-8 or GBK CSV)"),
                CsvFormatException => new Bilingual($"CSV 格式错误(例如引号未闭合):{ex.Message}", $"malformed CSV (e.g. a quote left open): {ex.Message}"),
                _ => new Bilingual($"文件内容无法读取:{ex.Message}", $"the file's content could not be read: {ex.Message}"),
            };
            errors.Add(new ImportError(fileName, rows is null ? null : rows.RowNumber + 1, null, why));
        }
        finally
        {
            rows?.Dispose();
        }

        return errors.Count > 0 ? new ListImport<T>([], errors, rowsRead) : new ListImport<T>(items, [], rowsRead);
    }

    private static ListImport<T> Fail<T>(string fileName, Bilingual message) => new([], [new ImportError(fileName, null, null, message)], 0);
}

/// <summary>Where each known column sits in a file, and the unit of its money columns.</summary>
public sealed class ListHeader
{
    private readonly Dictionary<string, (int Index, string Header, Unit? Unit)> _map = new(StringComparer.Ordinal);

    private ListHeader()
    {
    }

    internal static ListHeader Match(string[] cells, IReadOnlyList<ListColumn> columns, string file, int row, List<ImportError> errors)
    {
        var header = new ListHeader();
        for (var i = 0; i < cells.Length; i++)
        {
            var raw = cells[i].Trim().TrimStart('\uFEFF');
            if (raw.Length == 0)
            {
                continue;
            }

            var (name, unitText) = SplitUnit(raw);
            var column = columns.FirstOrDefault(c =>
                string.Equals(c.Key, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Zh, name, StringComparison.Ordinal)
                || c.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
            if (column is null)
            {
                continue;
            }

            if (header._map.ContainsKey(column.Key))
            {
                errors.Add(new ImportError(file, row, raw, new Bilingual($"列“{column.Zh}”重复出现", $"column '{column.Key}' appears twice")));
                continue;
            }

            Unit? unit = null;
            if (column.IsMoney)
            {
                unit = unitText is not null && Unit.TryFind(unitText, out var found) ? found : null;
                if (unitText is null)
                {
                    errors.Add(new ImportError(file, row, raw, new Bilingual(
                        $"金额列“{raw}”须在表头注明单位,如“{column.Zh}(万元)”或“{column.Zh}(亿元)”",
                        $"money column '{raw}' must name its unit in the header, e.g. '{column.Key}(万元)' or '{column.Key}(亿元)'")));
                }
                else if (unit is null || unit.Dimension != Dimension.Money)
                {
                    errors.Add(new ImportError(file, row, raw, new Bilingual(
                        $"金额列“{raw}”的单位“{unitText}”不是货币单位(应为元、万元或亿元)",
                        $"money column '{raw}' has unit '{unitText}', which is not money (use 元, 万元 or 亿元)")));
                }
            }

            header._map[column.Key] = (i, raw, unit);
        }

        foreach (var c in columns.Where(c => c.Required && !header._map.ContainsKey(c.Key)))
        {
            errors.Add(new ImportError(file, row, null, new Bilingual($"缺少必需的列“{c.Zh}”({c.Key})", $"required column '{c.Key}' ({c.Zh}) is missing")));
        }

        return header;
    }

    /// <summary>"计划投资(亿元)" → ("计划投资", "亿元"); "name" → ("name", null).</summary>
    private static (string Name, string? Unit) SplitUnit(string raw)
    {
        var open = raw.IndexOfAny(['(', '(']);
        if (open > 0 && raw[^1] is ')' or ')')
        {
            return (raw[..open].Trim(), raw[(open + 1)..^1].Trim());
        }

        return (raw, null);
    }

    /// <summary>A header holding every column at its own position, named by its key, money in 万元 (a form's fields).</summary>
    internal static ListHeader ForColumns(IReadOnlyList<ListColumn> columns)
    {
        var header = new ListHeader();
        for (var i = 0; i < columns.Count; i++)
        {
            header._map[columns[i].Key] = (i, columns[i].Key, columns[i].IsMoney ? Unit.WanYuan : null);
        }

        return header;
    }

    internal bool TryGet(string key, out int index, out string headerText, out Unit? unit)
    {
        if (_map.TryGetValue(key, out var e))
        {
            (index, headerText, unit) = e;
            return true;
        }

        (index, headerText, unit) = (-1, key, null);
        return false;
    }
}

/// <summary>One data row; typed getters record a bilingual error naming the row and column and return null.</summary>
public sealed class ListRow
{
    private readonly string _file;
    private readonly string[] _cells;
    private readonly ListHeader _header;
    private readonly List<ImportError> _errors;

    internal ListRow(string file, int row, string[] cells, ListHeader header, List<ImportError> errors)
    {
        _file = file;
        Row = row;
        _cells = cells;
        _header = header;
        _errors = errors;
    }

    /// <summary>
    /// A row typed into a form instead of read from a file: the same getters and the same parsers (<c>ServiceFiles.Parse…</c>)
    /// apply, so a form keeps exactly the import's rules. Values are by column key, money in 万元; errors name the column key.
    /// </summary>
    public static ListRow FromValues(IReadOnlyList<ListColumn> columns, IReadOnlyDictionary<string, string?> values, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        var cells = columns.Select(c => values.TryGetValue(c.Key, out var v) ? v ?? string.Empty : string.Empty).ToArray();
        return new ListRow("form", 1, cells, ListHeader.ForColumns(columns), errors);
    }

    /// <summary>1-based row number as a spreadsheet shows it.</summary>
    public int Row { get; }

    /// <summary>The trimmed text of a column, or empty when absent or blank; without the apostrophe an export puts before
    /// formula-like text (<see cref="FormulaText.Restore"/>).</summary>
    public string Text(string key) => _header.TryGet(key, out var i, out _, out _) && i < _cells.Length ? FormulaText.Restore(_cells[i].Trim()) : string.Empty;

    /// <summary>The text, recording an error when a required value is blank.</summary>
    public string? Required(string key, string zh)
    {
        var t = Text(key);
        if (t.Length == 0)
        {
            Error(key, new Bilingual($"“{zh}”不能为空", $"'{key}' must not be empty"));
            return null;
        }

        return t;
    }

    public void Error(string? key, Bilingual message)
    {
        string? column = null;
        if (key is not null)
        {
            _header.TryGet(key, out _, out var headerText, out _);
            column = headerText;
        }

        _errors.Add(new ImportError(_file, Row, column, message));
    }

    /// <summary>Unwraps a parse result, recording its error against <paramref name="key"/>.</summary>
    public T? Take<T>(string key, ParseResult<T> result)
        where T : struct
    {
        if (result.Error is { } e)
        {
            Error(key, e);
            return null;
        }

        return result.Value;
    }

    /// <summary>A date (2023-03-05, 2023/3/5, 2023年3月5日, or an XLSX date cell); blank → null without error.</summary>
    public DateOnly? Date(string key)
    {
        var t = Text(key);
        if (t.Length == 0)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日", "yyyy.M.d", "yyyy-MM-dd HH:mm:ss", "yyyyMMdd"];
        if (DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || (DateTime.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && (d = DateOnly.FromDateTime(dt)) != default))
        {
            return d;
        }

        if (t.Length == 7 && DateOnly.TryParseExact(t + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
        {
            return d;
        }

        Error(key, new Bilingual($"无法识别日期“{t}”(应为 2023-03-05)", $"cannot read date '{t}' (expected 2023-03-05)"));
        return null;
    }

    /// <summary>An amount in the header's unit converted to 万元; blank → null without error.</summary>
    public decimal? Money(string key)
    {
        var t = Text(key);
        if (t.Length == 0 || ImportText.IsNoData(t))
        {
            return null;
        }

        if (!ImportText.TryParseDecimal(t, out var v))
        {
            Error(key, new Bilingual($"无法识别金额“{t}”", $"cannot read amount '{t}'"));
            return null;
        }

        if (v < 0)
        {
            Error(key, new Bilingual($"金额不能为负数:{t}", $"the amount must not be negative: {t}"));
            return null;
        }

        if (ImportSession.Implausible(t, v, v) is { } rangeError)
        {
            Error(key, rangeError);
            return null;
        }

        _header.TryGet(key, out _, out _, out var unit);
        return Core.Projects.ProjectMoney.ToWanYuan(new Amount(v, unit ?? Unit.WanYuan));
    }

    /// <summary>A region code (6 digits, or 9 for a park); blank → null; bad → error.</summary>
    public RegionCode? Region(string key, bool required)
    {
        var t = Text(key);
        if (t.Length == 0)
        {
            if (required)
            {
                Error(key, new Bilingual("地区代码不能为空", "the region code must not be empty"));
            }

            return null;
        }

        return Take(key, RegionCode.TryParse(t.AsSpan()));
    }
}
