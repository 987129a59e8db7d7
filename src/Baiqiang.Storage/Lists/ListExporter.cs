using System.Globalization;
using System.Text;
using Baiqiang.Core.Text;
using MiniExcelLibs;

namespace Baiqiang.Storage.Lists;

/// <summary>
/// Writes a list (a header and rows of cells) as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting) or XLSX (one sheet),
/// so every exported list can be imported back by <see cref="ListFileReader"/>.
/// </summary>
public static class ListExporter
{
    /// <summary>Writes to <paramref name="path"/>; the extension (.csv or .xlsx) picks the format.</summary>
    public static async Task WriteAsync(string path, string sheet, IReadOnlyList<string> header, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            if (string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                await WriteXlsxAsync(stream, sheet, header, rows, ct).ConfigureAwait(false);
            }
            else
            {
                await WriteCsvAsync(stream, header, rows, ct).ConfigureAwait(false);
            }
        }
    }

    public static async Task WriteCsvAsync(Stream stream, IReadOnlyList<string> header, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var line = new StringBuilder(256);
            AppendLine(line, header.Cast<object?>());
            await writer.WriteAsync(line, ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                line.Clear();
                AppendLine(line, row);
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
            }

            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    public static async Task WriteXlsxAsync(Stream stream, string sheet, IReadOnlyList<string> header, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var data = rows.Select(r =>
        {
            var d = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                d[header[i]] = i < r.Length ? XlsxCell(r[i]) : null;
            }

            return d;
        });
        await MiniExcel.SaveAsAsync(stream, data, printHeader: true, sheetName: sheet, excelType: ExcelType.XLSX, cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>Invariant text of a cell: dates as yyyy-MM-dd, decimals without trailing zeros.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => (m / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object? XlsxCell(object? value) => value switch
    {
        decimal m => m / 1.000000000000000000000000000000000m,
        int or long or double => value,
        null => null,
        _ => Text(value),
    };

    private static void AppendLine(StringBuilder sb, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var c in cells)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            // Text cells are neutralised against formulas; numbers and dates are written as they are (−8.7 stays a number).
            var v = c is string s ? FormulaText.Neutralize(s) : Text(c);
            var quote = v.Length > 0 && (v.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1]));
            sb.Append(quote ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v);
        }

        sb.Append("\r\n");
    }
}
