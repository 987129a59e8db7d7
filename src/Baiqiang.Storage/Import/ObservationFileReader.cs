using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using Baiqiang.Core.Text;
using Sylvan.Data.Csv;

namespace Baiqiang.Storage.Import;

/// <summary>
/// Turns an observation file (CSV/TSV/TXT or XLSX; long or wide layout) into validated
/// <see cref="Baiqiang.Core.Observations.ObservationRecord"/>s, or into the list of everything wrong with it.
/// </summary>
/// <remarks>
/// <para>All or nothing: a file with any error yields no records (see <see cref="ImportResult"/>). Nothing touches a
/// database; storing the records is the caller's business. The reader never throws for bad content — only for a
/// cancelled token (<see cref="OperationCanceledException"/>) or null arguments.</para>
/// <para>Order of checks: file type by extension; size against <see cref="ImportOptions.MaxBytes"/> before reading;
/// for XLSX the package's declared sizes (zip bomb) before parsing; for text the encoding (BOM, else UTF-8 if valid,
/// else GB18030); then the layout from the header, then every row.</para>
/// <para>Long layout: columns region, indicator, period, value and optionally unit, growth, qualifier, source
/// (English or Chinese headers). Wide layout: one row per region, indicator columns (or column groups with
/// 本月 / 累计 / 同比增长% sub-columns); the period comes from <see cref="ImportOptions.Period"/> or a title row.</para>
/// <para>Values are converted to the indicator's unit exactly (8805000 万元 → 880.5 亿元). Rows repeating a
/// region × indicator × period are kept once when identical and are an error when they disagree.</para>
/// </remarks>
public sealed partial class ObservationFileReader
{
    private const int MaxTitleRows = 10;

    /// <summary>Reads the file at <paramref name="path"/>; its size is checked before it is opened for reading.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance API, so callers can hold and substitute a reader.")]
    public Task<ImportResult> ReadAsync(string path, IImportLookups lookups, ImportOptions options, CancellationToken ct)
        => ReadIntoAsync(path, lookups, options, null, ct);

    /// <summary><see cref="ReadAsync(string, IImportLookups, ImportOptions, CancellationToken)"/>, also passing each
    /// accepted record to <paramref name="records"/> as it is read (flushed at the end; completed by the caller).</summary>
    internal static async Task<ImportResult> ReadIntoAsync(string path, IImportLookups lookups, ImportOptions options, RecordStream? records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(options);
        var fileName = Path.GetFileName(path);
        if (FileChecks.FormatOf(fileName) == FileChecks.FileFormat.Unsupported)
        {
            return Fail(fileName, FileChecks.UnsupportedFormat(fileName));
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Fail(fileName, new Bilingual($"找不到文件“{path}”", $"file not found: '{path}'"));
        }

        if (info.Length > options.MaxBytes)
        {
            return Fail(fileName, FileChecks.TooLarge(info.Length, options.MaxBytes));
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(fileName, new Bilingual($"无法打开文件:{ex.Message}", $"cannot open the file: {ex.Message}"));
        }

        await using (file.ConfigureAwait(false))
        {
            return await ReadSeekableAsync(file, fileName, lookups, options, records, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads from <paramref name="stream"/> (left open); <paramref name="fileName"/> gives the format and names the file in errors.
    /// A non-seekable stream is buffered in memory up to <see cref="ImportOptions.MaxBytes"/>.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance API, so callers can hold and substitute a reader.")]
    public async Task<ImportResult> ReadAsync(Stream stream, string fileName, IImportLookups lookups, ImportOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(options);
        fileName = Path.GetFileName(fileName);
        if (FileChecks.FormatOf(fileName) == FileChecks.FileFormat.Unsupported)
        {
            return Fail(fileName, FileChecks.UnsupportedFormat(fileName));
        }

        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > options.MaxBytes)
            {
                return Fail(fileName, FileChecks.TooLarge(remaining, options.MaxBytes));
            }

            if (stream.Position == 0)
            {
                return await ReadSeekableAsync(stream, fileName, lookups, options, null, ct).ConfigureAwait(false);
            }
        }

        var buffered = await FileChecks.BufferAsync(stream, options.MaxBytes, ct).ConfigureAwait(false);
        if (buffered is null)
        {
            return Fail(fileName, new Bilingual(
                FileChecks.TooLarge(options.MaxBytes + 1, options.MaxBytes).Zh, FileChecks.TooLarge(options.MaxBytes + 1, options.MaxBytes).En));
        }

        await using (buffered.ConfigureAwait(false))
        {
            return await ReadSeekableAsync(buffered, fileName, lookups, options, null, ct).ConfigureAwait(false);
        }
    }

    private static ImportResult Fail(string fileName, Bilingual message) => ImportResult.Failed(new ImportError(fileName, null, null, message));

    private static async Task<ImportResult> ReadSeekableAsync(
        Stream stream, string fileName, IImportLookups lookups, ImportOptions options, RecordStream? records, CancellationToken ct)
    {
        if (stream.Length == 0)
        {
            return Fail(fileName, FileChecks.Empty());
        }

        var session = new ImportSession(fileName, lookups, options) { Stream = records };
        RowSource? rows = null;
        IReadOnlyList<HeaderMapping>? mapping = null;
        try
        {
            if (FileChecks.FormatOf(fileName) == FileChecks.FileFormat.Xlsx)
            {
                if (FileChecks.CheckXlsxPackage(stream, options.MaxUncompressedXlsxBytes) is { } packageError)
                {
                    return Fail(fileName, packageError);
                }

                if (BulletinLayoutReader.Applies(stream, session, out var workbook, out var refusal))
                {
                    if (refusal is { } r)
                    {
                        return Fail(fileName, r);
                    }

                    using (workbook)
                    {
                        mapping = await BulletinLayoutReader.ReadAsync(workbook!, session, ct).ConfigureAwait(false);
                    }
                }
                else
                {
                    rows = new XlsxRowSource(stream);
                }
            }
            else
            {
                var encoding = await FileChecks.DetectEncodingAsync(stream, ct).ConfigureAwait(false);
                var delimiter = await FileChecks.DetectDelimiterAsync(stream, encoding, fileName, ct).ConfigureAwait(false);
                var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
                rows = await CsvRowSource.CreateAsync(reader, delimiter, ct).ConfigureAwait(false);
            }

            if (rows is not null)
            {
                await ReadRowsAsync(rows, session, ct).ConfigureAwait(false);
            }

            if (records is not null)
            {
                await records.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var row = ex is CsvTooManyColumnsException wide ? wide.Row : rows is null ? (int?)null : rows.RowNumber + 1;
            var why = ex switch
            {
                CsvTooManyColumnsException => CsvTooManyColumnsException.Why,
                DecoderFallbackException => new Bilingual("文件含有无法解码的字节(请另存为 UTF-8 或 GBK 编码的 CSV)", "the file contains bytes that cannot be decoded (save it as UTF-8 or GBK CSV)"),
                CsvRecordTooLargeException => new Bilingual("这一行过长(超过100万字符),可能是引号未闭合", "this row is too long (over a million characters); a quote may be left open"),
                CsvFormatException => new Bilingual($"CSV 格式错误(例如引号未闭合):{ex.Message}", $"malformed CSV (e.g. a quote left open): {ex.Message}"),
                _ => new Bilingual($"文件内容无法读取:{ex.Message}", $"the file's content could not be read: {ex.Message}"),
            };
            session.Error(row, null, why);
        }
        finally
        {
            rows?.Dispose();
        }

        var result = session.ToResult();
        return mapping is null ? result : result with { Mapping = mapping };
    }

    private static async Task ReadRowsAsync(RowSource rows, ImportSession session, CancellationToken ct)
    {
        var titles = new List<(int Row, string Text)>();
        string[]? header = null;
        var headerRow = 0;
        while (await rows.ReadAsync(ct).ConfigureAwait(false))
        {
            if (rows.IsBlank)
            {
                continue;
            }

            var cells = rows.Snapshot();
            if (titles.Count < MaxTitleRows && IsTitleRow(cells))
            {
                titles.Add((rows.RowNumber, string.Join(" ", cells.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))));
                continue;
            }

            header = cells;
            headerRow = rows.RowNumber;
            break;
        }

        if (header is null)
        {
            session.Error(titles.Count > 0 ? titles[^1].Row : null, null,
                "文件中没有表头和数据(长表需要 地区、指标、期别、数值 列;宽表需要 地区 列和指标列)",
                "the file has no header row and no data (a long file needs region, indicator, period and value columns; a wide one a region column and indicator columns)");
            return;
        }

        if (LongLayoutReader.Matches(header))
        {
            await LongLayoutReader.ReadAsync(rows, header, headerRow, titles, session, ct).ConfigureAwait(false);
            return;
        }

        if (WideLayoutReader.Matches(header, session))
        {
            await WideLayoutReader.ReadAsync(rows, header, headerRow, titles, session, ct).ConfigureAwait(false);
            return;
        }

        var (zh, en) = LongLayoutReader.Missing(header);
        session.Error(headerRow, null,
            $"无法识别表头,缺少必需的列:{string.Join("、", zh)}(或为宽表:一列地区,其余列为指标名称)",
            $"cannot recognise the header; missing required columns: {string.Join(", ", en)} (or, for a wide table, a region column and indicator-name columns)");
    }

    /// <summary>A title row above the header: one distinct text (possibly repeated by a merged cell), or only cells such as
    /// “2023年1-6月…” and “单位:亿元”.</summary>
    private static bool IsTitleRow(string[] cells)
    {
        var texts = cells.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count == 1)
        {
            return HeaderNames.ClassifyLong(texts[0]) == LongColumn.None && !HeaderNames.IsRegionHeader(texts[0]);
        }

        return texts.Count > 1 && texts.All(t => t.StartsWith("单位", StringComparison.Ordinal) || YearInText().IsMatch(t));
    }

    [GeneratedRegex(@"[0-9]{4}\s*年")]
    private static partial Regex YearInText();
}
