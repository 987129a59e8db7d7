using System.Text;
using Sylvan.Data.Csv;

namespace Baiqiang.Storage.Infrastructure;

/// <summary>Reads small CSV/TSV reference tables (UTF-8, with or without BOM) into rows keyed by header name.</summary>
internal static class Tables
{
    public static async Task<List<Dictionary<string, string>>> ReadAsync(string path, char delimiter, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"找不到文件“{path}” / file not found: '{path}'", path);
        }

        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        await using var reader = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { Delimiter = delimiter, HasHeaders = true }, ct);
        var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim().TrimStart('\uFEFF')).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync(ct))
        {
            var row = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
            for (var i = 0; i < names.Length && i < reader.RowFieldCount; i++)
            {
                row[names[i]] = reader.GetString(i).Trim();
            }

            rows.Add(row);
        }

        return rows;
    }
}
