using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Baiqiang.Storage.Export;

/// <summary>One worksheet to write: rows of cells (text, numbers or null) and the ranges to merge.</summary>
public sealed class WorkbookSheet(string name)
{
    public string Name { get; } = name;

    /// <summary>Rows from the top; a null cell stays empty. Strings are text cells; decimal, int, long and double are number cells.</summary>
    public List<object?[]> Rows { get; } = [];

    /// <summary>Merged ranges, 0-based (row, column) of the top-left cell and the size.</summary>
    public List<(int Row, int Column, int Rows, int Columns)> Merges { get; } = [];

    /// <summary>Merges the range when it spans more than one cell.</summary>
    public void Merge(int row, int column, int rows, int columns)
    {
        if (rows > 1 || columns > 1)
        {
            Merges.Add((row, column, rows, columns));
        }
    }
}

/// <summary>Writes XLSX workbooks with several sheets and merged cells (what MiniExcel does not write), with the Open XML SDK.</summary>
public static class WorkbookWriter
{
    /// <summary>Excel's limit on a sheet name's length.</summary>
    public const int MaxSheetName = 31;

    public static void Write(Stream stream, IReadOnlyList<WorkbookSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new SharedStringTable();
        var sheetList = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                var cells = sheet.Rows[r];
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c] is not { } value)
                    {
                        continue;
                    }

                    var cell = new Cell { CellReference = Reference(r, c) };
                    switch (value)
                    {
                        case decimal m:
                            cell.DataType = CellValues.Number;
                            cell.CellValue = new CellValue(m);
                            break;
                        case int i:
                            cell.DataType = CellValues.Number;
                            cell.CellValue = new CellValue(i);
                            break;
                        case long l:
                            cell.DataType = CellValues.Number;
                            cell.CellValue = new CellValue((decimal)l);
                            break;
                        case double d:
                            cell.DataType = CellValues.Number;
                            cell.CellValue = new CellValue(d);
                            break;
                        default:
                            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                            if (!strings.TryGetValue(text, out var index))
                            {
                                index = strings.Count;
                                strings[text] = index;
                                table.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                            }

                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(index);
                            break;
                    }

                    row.AppendChild(cell);
                }

                data.AppendChild(row);
            }

            var worksheet = new Worksheet(data);
            if (sheet.Merges.Count > 0)
            {
                var merges = new MergeCells();
                foreach (var (row, column, rows, columns) in sheet.Merges)
                {
                    merges.AppendChild(new MergeCell { Reference = $"{Reference(row, column)}:{Reference(row + rows - 1, column + columns - 1)}" });
                }

                worksheet.AppendChild(merges);
            }

            part.Worksheet = worksheet;
            sheetList.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }

        workbookPart.Workbook.AppendChild(sheetList);
        var stringPart = workbookPart.AddNewPart<SharedStringTablePart>();
        stringPart.SharedStringTable = table;
    }

    /// <summary>A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique within <paramref name="taken"/> (which it joins).</summary>
    public static string SheetName(string wanted, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(taken);
        var clean = new string([.. wanted.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : c)]).Trim('\'');
        if (clean.Length == 0)
        {
            clean = "Sheet";
        }

        var name = clean.Length > MaxSheetName ? clean[..MaxSheetName] : clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"~{n}");
            name = (clean.Length + suffix.Length > MaxSheetName ? clean[..(MaxSheetName - suffix.Length)] : clean) + suffix;
        }

        return name;
    }

    private static string Reference(int row, int column)
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Import.WideLayoutReader.ColumnLetter(column)}{row + 1}");
}
