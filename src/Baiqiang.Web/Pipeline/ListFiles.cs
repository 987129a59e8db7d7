using Baiqiang.Storage.Export;
using Baiqiang.Storage.Lists;

namespace Baiqiang.Web.Pipeline;

/// <summary>List exports of the pipeline and service desk: CSV (UTF-8 with BOM, opens in Excel) or XLSX, import columns,
/// Chinese headers and sheet names unless the link says <c>?lang=en</c>.</summary>
public static class ListFiles
{
    /// <summary>The export language a request asks for: English for <c>?lang=en</c>, else Chinese.</summary>
    public static ExportLanguage Language(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(request.Query["lang"], "en", StringComparison.OrdinalIgnoreCase) ? ExportLanguage.English : ExportLanguage.Chinese;
    }

    public static Task<FileContentHttpResult> ExportAsync(
        string name, IReadOnlyList<ListColumn> columns, IEnumerable<object?[]> rows, string? format, HttpRequest request, CancellationToken ct)
    {
        var language = Language(request);
        return ExportAsync(name, ListHeaders.SheetName(name, language), ListHeaders.For(columns, language), rows, format, ct);
    }

    /// <summary>A report table (not an import list) as CSV or XLSX with the given header and sheet name.</summary>
    internal static async Task<FileContentHttpResult> ExportAsync(
        string name, string sheet, IReadOnlyList<string> header, IEnumerable<object?[]> rows, string? format, CancellationToken ct)
    {
        await using var buffer = new MemoryStream();
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (xlsx)
        {
            await ListExporter.WriteXlsxAsync(buffer, sheet, header, rows, ct);
        }
        else
        {
            await ListExporter.WriteCsvAsync(buffer, header, rows, ct);
        }

        return TypedResults.File(
            buffer.ToArray(),
            xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            name + (xlsx ? ".xlsx" : ".csv"));
    }
}
