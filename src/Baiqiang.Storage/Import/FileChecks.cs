using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using Baiqiang.Core.Text;

namespace Baiqiang.Storage.Import;

/// <summary>Checks done before a file's content is parsed: format, size, XLSX package sanity, text encoding.</summary>
internal static class FileChecks
{
    /// <summary>An entry this large (bytes, uncompressed) must not be compressed more than <see cref="MaxRatio"/>:1.</summary>
    public const long RatioCheckedEntryBytes = 10L * 1024 * 1024;

    public const long MaxRatio = 100;

    public enum FileFormat
    {
        Unsupported = 0,
        Delimited,
        Xlsx,
    }

    public static FileFormat FormatOf(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".CSV" or ".TSV" or ".TXT" => FileFormat.Delimited,
        ".XLSX" => FileFormat.Xlsx,
        _ => FileFormat.Unsupported,
    };

    public static Bilingual UnsupportedFormat(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return new Bilingual(
            $"不支持的文件类型“{ext}”:请使用 .csv、.tsv、.txt 或 .xlsx(旧版 .xls 请在 Excel 中另存为 .xlsx)",
            $"unsupported file type '{ext}': use .csv, .tsv, .txt or .xlsx (save an old .xls as .xlsx in Excel)");
    }

    public static Bilingual TooLarge(long length, long max) => TextFiles.TooLarge(length, max);

    public static Bilingual Empty() => TextFiles.Empty();

    private static string Mb(long bytes) => TextFiles.Mb(bytes);

    /// <summary>
    /// Opens the package's central directory (nothing is decompressed) and rejects a zip bomb by the declared sizes:
    /// a total over <paramref name="maxUncompressed"/>, or one entry over 10 MiB compressed more than 100:1. Also
    /// rejects a file that is not a zip, or a zip without a workbook. Leaves <paramref name="stream"/> at position 0.
    /// </summary>
    public static Bilingual? CheckXlsxPackage(Stream stream, long maxUncompressed)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            var hasWorkbook = false;
            foreach (var e in zip.Entries)
            {
                hasWorkbook |= string.Equals(e.FullName, "xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
                total = e.Length > long.MaxValue - total ? long.MaxValue : total + e.Length;
                if (e.Length > RatioCheckedEntryBytes && e.Length > MaxRatio * Math.Max(1, e.CompressedLength))
                {
                    var ratio = e.Length / Math.Max(1, e.CompressedLength);
                    return new Bilingual(
                        $"XLSX 文件中的“{e.FullName}”压缩比异常({ratio}:1,解压后{Mb(e.Length)}),疑似压缩炸弹,已拒绝",
                        $"entry '{e.FullName}' of the XLSX file is compressed {ratio}:1 ({Mb(e.Length)} uncompressed), which looks like a zip bomb; rejected");
                }

                if (total > maxUncompressed)
                {
                    return new Bilingual(
                        $"XLSX 文件解压后超过{Mb(maxUncompressed)}上限,疑似压缩炸弹,已拒绝",
                        $"the XLSX file would uncompress to more than {Mb(maxUncompressed)}, which looks like a zip bomb; rejected");
                }
            }

            return hasWorkbook ? null : NotXlsx("缺少 xl/workbook.xml", "xl/workbook.xml is missing");
        }
        catch (InvalidDataException)
        {
            return NotXlsx("不是 zip 包", "it is not a zip package");
        }
        finally
        {
            stream.Position = 0;
        }
    }

    public static Bilingual NotXlsx(string zhWhy, string enWhy) => new(
        $"不是有效的 XLSX 文件({zhWhy});若为旧版 .xls 或其他格式,请在 Excel 中另存为 .xlsx 或 .csv",
        $"not a valid XLSX file ({enWhy}); if it is an old .xls or another format, save it as .xlsx or .csv in Excel");

    /// <inheritdoc cref="TextFiles.DetectEncodingAsync"/>
    public static Task<Encoding> DetectEncodingAsync(Stream stream, CancellationToken ct) => TextFiles.DetectEncodingAsync(stream, ct);

    /// <inheritdoc cref="TextFiles.DetectDelimiterAsync"/>
    public static Task<char> DetectDelimiterAsync(Stream stream, Encoding encoding, string fileName, CancellationToken ct)
        => TextFiles.DetectDelimiterAsync(stream, encoding, fileName, ct);

    /// <inheritdoc cref="TextFiles.BufferAsync"/>
    public static Task<MemoryStream?> BufferAsync(Stream stream, long maxBytes, CancellationToken ct) => TextFiles.BufferAsync(stream, maxBytes, ct);
}
