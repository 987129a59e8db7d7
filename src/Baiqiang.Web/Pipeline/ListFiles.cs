using Baiqiang.Storage.Lists;

namespace Baiqiang.Web.Pipeline;

/// <summary>List exports of the pipeline and service desk: CSV (UTF-8 with BOM, opens in Excel) or XLSX, import columns.</summary>
public static class ListFiles
{
    public static async Task<FileContentHttpResult> ExportAsync(string name, IReadOnlyList<string> header, IEnumerable<object?[]> rows, string? format, CancellationToken ct)
    {
        await using var buffer = new MemoryStream();
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (xlsx)
        {
            await ListExporter.WriteXlsxAsync(buffer, name, header, rows, ct);
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
