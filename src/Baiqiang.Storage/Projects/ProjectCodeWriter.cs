using System.Globalization;
using System.Text;
using Baiqiang.Core.Text;
using Baiqiang.Storage.Export;
using MiniExcelLibs;

namespace Baiqiang.Storage.Projects;

/// <summary>
/// Writes an office's ledger again carrying the codes an import matched or assigned (<c>projects import --write-codes</c>):
/// the same header and rows, with the 项目编号 column filled (inserted after 序号, or first, when the sheet had none).
/// </summary>
/// <remarks>
/// The copy goes beside the input as <c>NAME.coded.csv</c> / <c>NAME.coded.xlsx</c> (<see cref="CodedPath"/>); the
/// office's own file is never overwritten. Title rows above the header are not copied. CSV is UTF-8 with a BOM,
/// comma-separated; XLSX has one sheet “重点项目”.
/// </remarks>
public static class ProjectCodeWriter
{
    /// <summary>Where the coded copy of <paramref name="inputPath"/> goes: beside it, NAME.coded.EXT.</summary>
    public static string CodedPath(string inputPath)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var dir = Path.GetDirectoryName(Path.GetFullPath(inputPath)) ?? ".";
        return Path.Combine(dir, Path.GetFileNameWithoutExtension(inputPath) + ".coded" + Path.GetExtension(inputPath));
    }

    /// <summary>Writes the coded copy of <paramref name="inputPath"/> to <paramref name="outputPath"/>; an error when the input cannot be read again.</summary>
    public static async Task<Bilingual?> WriteAsync(string inputPath, IReadOnlyList<RowCode> codes, string outputPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(outputPath);
        ProjectFileImporter.Table table;
        await using (var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous))
        {
            table = await ProjectFileImporter.ReadTableAsync(input, Path.GetFileName(inputPath), new ProjectImportOptions(), ct);
        }

        if (table.Error is { } e)
        {
            return e.Message;
        }

        var byRow = codes.ToDictionary(c => c.Row, c => c.Code);
        var header = new List<string>(table.Header);
        var codeAt = header.FindIndex(h => ProjectSheet.Classify(0, h) is { Success: true, Value.Column: SheetColumn.Code });
        var insert = codeAt < 0;
        if (insert)
        {
            var seq = header.FindIndex(h => ProjectSheet.Classify(0, h) is { Success: true, Value.Column: SheetColumn.Seq });
            codeAt = seq + 1;
            header.Insert(codeAt, "项目编号");
        }

        var rows = new List<string[]>(table.Rows.Count);
        foreach (var (row, cells) in table.Rows)
        {
            var list = new List<string>(cells);
            while (list.Count < table.Header.Length)
            {
                list.Add(string.Empty);
            }

            var code = byRow.GetValueOrDefault(row, insert ? string.Empty : list[codeAt]);
            if (insert)
            {
                list.Insert(codeAt, code);
            }
            else
            {
                list[codeAt] = code;
            }

            rows.Add([.. list]);
        }

        await using var output = File.Create(outputPath);
        if (string.Equals(Path.GetExtension(outputPath), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var keys = UniqueKeys(header);
            var sheet = rows.Select(r => keys.Select((k, i) => (k, i < r.Length ? (object?)r[i] : null)).ToDictionary(x => x.k, x => x.Item2, StringComparer.Ordinal));
            await MiniExcel.SaveAsAsync(output, sheet, printHeader: true, sheetName: "重点项目", excelType: ExcelType.XLSX, cancellationToken: ct);
            return null;
        }

        var sb = new StringBuilder();
        foreach (var line in rows.Prepend([.. header]))
        {
            for (var i = 0; i < line.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                ObservationExporter.Field(sb, line[i]);
            }

            sb.Append("\r\n");
        }

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        await output.WriteAsync(utf8.GetPreamble(), ct);
        await output.WriteAsync(utf8.GetBytes(sb.ToString()), ct);
        return null;
    }

    private static List<string> UniqueKeys(List<string> header)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>(header.Count);
        foreach (var h in header)
        {
            var k = h.Length == 0 ? "列" : h;
            for (var n = 2; !seen.Add(k); n++)
            {
                k = string.Create(CultureInfo.InvariantCulture, $"{h}({n})");
            }

            keys.Add(k);
        }

        return keys;
    }
}
