using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Baiqiang.Core.Text;
using DocumentFormat.OpenXml.Packaging;

namespace Baiqiang.Storage.Import;

/// <summary>A sheet that cannot be read within the limits (a cell beyond column XFD, rows too sparse to hold, merged
/// ranges that overlap without end); <see cref="Why"/> says so in both languages.</summary>
internal sealed class XlsxSheetException(Bilingual why) : Exception(why.En)
{
    public Bilingual Why { get; } = why;
}

/// <summary>
/// An XLSX package opened with the Open XML SDK and read sheet by sheet with one forward <see cref="XmlReader"/> pass
/// over each worksheet part: no DOM, no dictionary per row, no boxed cells. The shared-string table is read once into
/// a <c>string[]</c>; the styles part only when a cell carries a style, for its date and time formats.
/// </summary>
/// <remarks>
/// <para>Cell texts are what the MiniExcel reader (still used for long and wide files) gives for the same cell, trimmed:
/// shared and inline strings (rich-text runs joined, phonetic runs left out, <c>_x000D_</c> escapes decoded), TRUE/FALSE,
/// error texts, dates in a date format as <c>yyyy-MM</c> (first of a month) or <c>yyyy-MM-dd HH:mm:ss</c>. A number is read
/// from its stored text as an exact decimal when it has at most 15 significant digits (every figure a person types),
/// printed without trailing zeros (<c>100.00</c> → <c>100</c>); a longer text is the binary artefact of a double
/// (<c>228.09000000000001</c>) and reads as Excel shows it (<c>228.09</c>).</para>
/// <para>Merged cells fill as MiniExcel fills them: each cell element present inside a merged range reads as the range's
/// top-left cell. Rows come with their spreadsheet numbers; blank rows are left out.</para>
/// <para>Limits: a cell beyond column XFD (<see cref="MaxColumns"/>) stops the read at that cell, so a 100,000-column
/// sheet is never held; so do rows too sparse to hold (a far cell on each of many rows) and merged ranges that overlap
/// again and again. Each throws <see cref="XlsxSheetException"/>.</para>
/// </remarks>
internal sealed partial class XlsxWorkbook : IDisposable
{
    /// <summary>Most columns a sheet may have (XFD, Excel's limit).</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Cells held for a sheet (present or not, up to each row's last cell) before sparseness is checked.</summary>
    private const long SlotAllowance = 16L * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
    };

    private static readonly string[] RelationshipNamespaces =
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"];

    private readonly SpreadsheetDocument _document;
    private readonly List<(string Name, string? PartId)> _sheets;
    private string[]? _sharedStrings;
    private StyleKind[]? _styles;

    private enum StyleKind : byte
    {
        None = 0,
        Date,
        Time,
    }

    private XlsxWorkbook(SpreadsheetDocument document, List<(string Name, string? PartId)> sheets)
    {
        _document = document;
        _sheets = sheets;
    }

    /// <summary>The sheets' names in workbook order.</summary>
    public IReadOnlyList<string> SheetNames => [.. _sheets.Select(s => s.Name)];

    /// <summary>Opens the package (read only; <paramref name="stream"/> stays open) and reads its sheet list.</summary>
    public static XlsxWorkbook Open(Stream stream)
    {
        var document = SpreadsheetDocument.Open(stream, isEditable: false);
        try
        {
            var sheets = new List<(string, string?)>();
            if (document.WorkbookPart is { } workbook)
            {
                using var xml = XmlReader.Create(workbook.GetStream(FileMode.Open, FileAccess.Read), Settings);
                while (xml.Read())
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                    {
                        var id = xml.GetAttribute("id", RelationshipNamespaces[0]) ?? xml.GetAttribute("id", RelationshipNamespaces[1]);
                        sheets.Add((xml.GetAttribute("name") ?? string.Empty, id));
                    }
                }
            }

            return new XlsxWorkbook(document, sheets);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The non-blank rows of sheet <paramref name="index"/> up to row <paramref name="lastRow"/>, each with its 1-based
    /// number and its trimmed cell texts (empty for a cell absent from the file), merged cells filled.
    /// </summary>
    /// <exception cref="XlsxSheetException">The sheet goes beyond the limits (see the remarks on the class).</exception>
    public List<(int Row, string[] Cells)> ReadSheet(int index, int lastRow, CancellationToken ct)
    {
        var (name, partId) = _sheets[index];
        if (partId is null || _document.WorkbookPart is not { } workbook || !workbook.TryGetPartById(partId, out var part) || part is not WorksheetPart)
        {
            return []; // a chart sheet, or a sheet whose part is missing: nothing to read
        }

        var sheet = new SheetPass(this, name, lastRow);
        using (var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings))
        {
            sheet.Read(xml, ct);
        }

        return sheet.Finish();
    }

    public void Dispose() => _document.Dispose();

    private string[] SharedStrings()
    {
        if (_sharedStrings is not null)
        {
            return _sharedStrings;
        }

        var strings = new List<string>();
        if (_document.WorkbookPart?.SharedStringTablePart is { } part)
        {
            using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings);
            var si = xml.NameTable.Add("si");
            xml.MoveToContent();
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, si))
                {
                    strings.Add(Decode(ReadStringItem(xml)));
                }
                else
                {
                    xml.Read();
                }
            }
        }

        return _sharedStrings = [.. strings];
    }

    /// <summary>The text of an <c>&lt;si&gt;</c> or <c>&lt;is&gt;</c> element: its <c>&lt;t&gt;</c> and its runs' <c>&lt;t&gt;</c>,
    /// joined; phonetic runs (<c>&lt;rPh&gt;</c>) left out. Leaves the reader after the element.</summary>
    private static string ReadStringItem(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return string.Empty;
        }

        string? single = null;
        StringBuilder? joined = null;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            switch (xml.LocalName)
            {
                case "t":
                    var text = xml.ReadElementContentAsString();
                    if (single is null)
                    {
                        single = text;
                    }
                    else
                    {
                        (joined ??= new StringBuilder(single)).Append(text);
                    }

                    break;
                case "r":
                    xml.Read(); // into the run: its <t> is read by this loop, its <rPr> skipped
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        xml.Read();
        return joined?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>Decodes the <c>_xHHHH_</c> escapes Excel writes for control characters.</summary>
    private static string Decode(string text) => text.Contains("_x", StringComparison.Ordinal)
        ? Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
        : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escape();

    private StyleKind[] Styles()
    {
        if (_styles is not null)
        {
            return _styles;
        }

        var formats = new Dictionary<int, string>();
        var xfs = new List<int>();
        if (_document.WorkbookPart?.WorkbookStylesPart is { } part)
        {
            using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings);
            var inCellXfs = false;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
                {
                    inCellXfs = false;
                }

                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id):
                        formats.TryAdd(id, xml.GetAttribute("formatCode") ?? string.Empty);
                        break;
                    case "cellXfs":
                        inCellXfs = !xml.IsEmptyElement;
                        break;
                    case "xf" when inCellXfs:
                        xfs.Add(int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) ? f : 0);
                        break;
                    default:
                        break;
                }
            }
        }

        return _styles = [.. xfs.Select(id => KindOf(id, formats))];
    }

    /// <summary>How MiniExcel reads a number in the format <paramref name="id"/>: the built-in date formats (14–16, 22, 58)
    /// and custom formats naming a date or time part as dates, the built-in time formats (18–21, 45–47) as durations.</summary>
    private static StyleKind KindOf(int id, Dictionary<int, string> custom) => id switch
    {
        14 or 15 or 16 or 22 or 58 => StyleKind.Date,
        18 or 19 or 20 or 21 or 45 or 46 or 47 => StyleKind.Time,
        (>= 0 and <= 13) or 17 or (>= 37 and <= 44) or 48 or 49 => StyleKind.None,
        _ => custom.TryGetValue(id, out var code) && IsDateFormat(code) ? StyleKind.Date : StyleKind.None,
    };

    /// <summary>True when a format code shows a date or time part (y, m, d, h, s, 上午/下午, AM/PM) outside quoted text,
    /// escaped characters and [colour] sections.</summary>
    private static bool IsDateFormat(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    var inside = end < 0 ? string.Empty : code[(i + 1)..end];
                    if (inside.Length > 0 && inside.All(x => x is 'h' or 'H' or 'm' or 'M' or 's' or 'S'))
                    {
                        return true; // [h]:mm elapsed time
                    }

                    i = end < 0 ? code.Length : end;
                    break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S' or '上' or '下':
                    return true;
                case 'A' or 'a' when code.AsSpan(i).StartsWith("AM/PM", StringComparison.OrdinalIgnoreCase):
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>The column of a reference (“AB12” → 27); <see cref="MaxColumns"/> or more for a column beyond XFD, -1
    /// when it starts with no letter.</summary>
    internal static int ColumnOf(ReadOnlySpan<char> reference, out int length)
    {
        var n = 0;
        length = 0;
        while (length < reference.Length && reference[length] is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'))
        {
            if (n <= MaxColumns)
            {
                n = (n * 26) + (char.ToUpperInvariant(reference[length]) - 'A' + 1);
            }

            length++;
        }

        return length == 0 ? -1 : n - 1;
    }

    /// <summary>Row and column (0-based column, 1-based row) of a reference such as “C3”; false when it is not one.</summary>
    private static bool TryParseReference(ReadOnlySpan<char> reference, out int row, out int column)
    {
        column = ColumnOf(reference, out var letters);
        row = 0;
        return column >= 0 && int.TryParse(reference[letters..], NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
    }

    /// <summary>The text of a number cell: exact decimal for up to 15 significant digits, else as the double it stores.</summary>
    internal static string NumberText(string raw)
    {
        var significant = SignificantDigits(raw, out var canonical);
        if (significant is >= 0 and <= 15)
        {
            if (canonical)
            {
                return raw;
            }

            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                var text = d.ToString(CultureInfo.InvariantCulture);
                return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
            }
        }

        return double.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : raw;
    }

    /// <summary>Significant digits of a plain number text (<c>-12.50</c>, <c>1.5E-3</c>), -1 when it is not one;
    /// <paramref name="canonical"/> when it is already in its shortest form (no exponent, no leading or trailing zero).</summary>
    private static int SignificantDigits(string raw, out bool canonical)
    {
        canonical = false;
        var i = raw.Length > 0 && raw[0] is '-' or '+' ? 1 : 0;
        var first = -1;
        var last = -1;
        var digits = 0;
        var dot = -1;
        var start = i;
        for (; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is >= '0' and <= '9')
            {
                if (c != '0')
                {
                    first = first < 0 ? digits : first;
                    last = digits;
                }

                digits++;
            }
            else if (c == '.' && dot < 0)
            {
                dot = i;
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return -1;
        }

        var end = i;
        if (i < raw.Length)
        {
            if (raw[i] is not ('E' or 'e'))
            {
                return -1;
            }

            i++;
            if (i < raw.Length && raw[i] is '-' or '+')
            {
                i++;
            }

            var exponentDigits = 0;
            for (; i < raw.Length && raw[i] is >= '0' and <= '9'; i++)
            {
                exponentDigits++;
            }

            if (exponentDigits == 0 || i < raw.Length)
            {
                return -1;
            }
        }

        canonical = end == raw.Length && raw[0] != '+' && raw[start] is >= '0' and <= '9'
            && (raw[start] != '0' || (end > start + 1 && raw[start + 1] == '.') || end == start + 1)
            && (dot < 0 || (raw[end - 1] is not ('0' or '.')));
        return first < 0 ? 0 : last - first + 1;
    }

    /// <summary>One pass over one worksheet part.</summary>
    private sealed class SheetPass(XlsxWorkbook workbook, string sheet, int lastRow)
    {
        /// <summary>Stands for a cell absent from the file until merged ranges are filled (compared by reference).</summary>
        private static readonly string Absent = new('\0', 1);

        private readonly List<(int Row, string[] Cells)> _rows = [];
        private readonly List<(int Row0, int Col0, int Row1, int Col1)> _merges = [];
        private string?[] _scratch = new string?[64];
        private long _slots;
        private long _present;

        public void Read(XmlReader xml, CancellationToken ct)
        {
            var names = new Names(xml.NameTable);
            xml.MoveToContent();
            if (xml.IsEmptyElement || !xml.Read())
            {
                return;
            }

            while (!xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                }
                else if (ReferenceEquals(xml.LocalName, names.SheetData))
                {
                    ReadSheetData(xml, names, ct);
                }
                else if (ReferenceEquals(xml.LocalName, names.MergeCells))
                {
                    xml.Read(); // into the list: each <mergeCell> is read below
                }
                else if (ReferenceEquals(xml.LocalName, names.MergeCell))
                {
                    if (xml.GetAttribute("ref") is { } range && range.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
                        && TryParseReference(range.AsSpan(0, colon), out var r0, out var c0) && TryParseReference(range.AsSpan(colon + 1), out var r1, out var c1))
                    {
                        _merges.Add((Math.Min(r0, r1), Math.Min(c0, c1), Math.Max(r0, r1), Math.Max(c0, c1)));
                    }

                    xml.Skip();
                }
                else
                {
                    xml.Skip();
                }
            }
        }

        private void ReadSheetData(XmlReader xml, Names names, CancellationToken ct)
        {
            if (xml.IsEmptyElement)
            {
                xml.Read();
                return;
            }

            var depth = xml.Depth;
            var rowNumber = 0;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, names.Row))
                {
                    if (xml.NodeType == XmlNodeType.Element)
                    {
                        xml.Skip();
                    }
                    else
                    {
                        xml.Read();
                    }

                    continue;
                }

                rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : rowNumber + 1;
                if (rowNumber > lastRow || xml.IsEmptyElement)
                {
                    xml.Skip();
                    continue;
                }

                ct.ThrowIfCancellationRequested();
                ReadRow(xml, names, rowNumber);
            }

            xml.Read();
        }

        private void ReadRow(XmlReader xml, Names names, int rowNumber)
        {
            var depth = xml.Depth;
            var width = 0;
            var column = -1;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }

                if (!ReferenceEquals(xml.LocalName, names.Cell))
                {
                    xml.Skip();
                    continue;
                }

                string? reference = null;
                string? type = null;
                string? style = null;
                while (xml.MoveToNextAttribute())
                {
                    var attribute = xml.LocalName;
                    if (ReferenceEquals(attribute, names.R))
                    {
                        reference = xml.Value;
                    }
                    else if (ReferenceEquals(attribute, names.T))
                    {
                        type = xml.Value;
                    }
                    else if (ReferenceEquals(attribute, names.S))
                    {
                        style = xml.Value;
                    }
                }

                xml.MoveToElement();
                column = reference is not null && ColumnOf(reference, out _) is >= 0 and var c ? c : column + 1;
                if (column >= MaxColumns)
                {
                    throw new XlsxSheetException(new Bilingual(
                        string.Create(CultureInfo.InvariantCulture, $"工作表“{sheet}”第{rowNumber}行的单元格{reference ?? "?"}超出第XFD列,超过上限{MaxColumns}列,已拒绝"),
                        string.Create(CultureInfo.InvariantCulture, $"sheet '{sheet}' row {rowNumber} has a cell ({reference ?? "?"}) beyond column XFD, over the limit of {MaxColumns} columns; rejected")));
                }

                var text = ReadCell(xml, names, type);
                if (style is not null && text.Length > 0)
                {
                    text = workbook.ApplyStyle(style, text);
                }

                if (column >= _scratch.Length)
                {
                    Array.Resize(ref _scratch, Math.Min(MaxColumns, Math.Max(column + 1, _scratch.Length * 2)));
                }

                _scratch[column] = text.Trim();
                width = Math.Max(width, column + 1);
                _present++;
            }

            xml.Read();
            if (width == 0)
            {
                return;
            }

            _slots += width;
            if (_slots > SlotAllowance && _slots > 64 * _present)
            {
                throw new XlsxSheetException(new Bilingual(
                    string.Create(CultureInfo.InvariantCulture, $"工作表“{sheet}”过于稀疏(至第{rowNumber}行,{_present}个单元格分布在{_slots}个位置),不是统计表,已拒绝"),
                    string.Create(CultureInfo.InvariantCulture, $"sheet '{sheet}' is too sparse ({_present} cells spread over {_slots} positions by row {rowNumber}); it is not a statistical table; rejected")));
            }

            var cells = new string[width];
            for (var i = 0; i < width; i++)
            {
                cells[i] = _scratch[i] ?? Absent;
            }

            _rows.Add((rowNumber, cells));
            Array.Clear(_scratch, 0, width);
        }

        /// <summary>The cell's text by its type; leaves the reader after the cell.</summary>
        private string ReadCell(XmlReader xml, Names names, string? type)
        {
            if (xml.IsEmptyElement)
            {
                xml.Read();
                return string.Empty;
            }

            string? raw = null;
            var depth = xml.Depth;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                }
                else if (ReferenceEquals(xml.LocalName, names.Value))
                {
                    raw = xml.ReadElementContentAsString();
                }
                else if (ReferenceEquals(xml.LocalName, names.InlineString))
                {
                    raw = ReadStringItem(xml);
                }
                else
                {
                    xml.Skip(); // <f>, <extLst>
                }
            }

            xml.Read();
            if (string.IsNullOrEmpty(raw))
            {
                return string.Empty;
            }

            switch (type)
            {
                case "s":
                    var strings = workbook.SharedStrings();
                    return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Length ? strings[i] : string.Empty;
                case "inlineStr" or "str":
                    return Decode(raw);
                case "b":
                    return raw == "1" ? "TRUE" : "FALSE";
                case "d":
                    return DateTime.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? XlsxRowSource.CellText(date) : raw;
                case "e":
                    return raw;
                default:
                    return NumberText(raw);
            }
        }

        /// <summary>The rows with merged ranges filled, blank rows left out.</summary>
        public List<(int Row, string[] Cells)> Finish()
        {
            FillMerges();
            var result = new List<(int Row, string[] Cells)>(_rows.Count);
            foreach (var (row, cells) in _rows)
            {
                var blank = true;
                for (var i = 0; i < cells.Length; i++)
                {
                    if (ReferenceEquals(cells[i], Absent))
                    {
                        cells[i] = string.Empty;
                    }

                    blank &= cells[i].Length == 0;
                }

                if (!blank)
                {
                    result.Add((row, cells));
                }
            }

            return result;
        }

        /// <summary>Gives each cell present inside a merged range its top-left cell's text (empty when that cell is absent).</summary>
        private void FillMerges()
        {
            if (_merges.Count == 0 || _rows.Count == 0)
            {
                return;
            }

            var order = Enumerable.Range(0, _rows.Count).ToArray();
            var rowNumbers = _rows.Select(r => r.Row).ToArray();
            Array.Sort(rowNumbers, order);
            var allowance = (2 * _slots) + 1_000_000;
            long work = 0;
            foreach (var (r0, c0, r1, c1) in _merges)
            {
                var at = Array.BinarySearch(rowNumbers, r0);
                if (at < 0)
                {
                    at = ~at;
                }
                else
                {
                    while (at > 0 && rowNumbers[at - 1] == r0)
                    {
                        at--;
                    }
                }

                var top = at < rowNumbers.Length && rowNumbers[at] == r0 && _rows[order[at]].Cells is var first && c0 < first.Length && !ReferenceEquals(first[c0], Absent)
                    ? first[c0] : string.Empty;
                for (var k = at; k < rowNumbers.Length && rowNumbers[k] <= r1; k++)
                {
                    var cells = _rows[order[k]].Cells;
                    var last = Math.Min(c1, cells.Length - 1);
                    for (var c = c0; c <= last; c++)
                    {
                        if (!ReferenceEquals(cells[c], Absent))
                        {
                            cells[c] = top;
                        }
                    }

                    work += Math.Max(1, last - c0 + 1); // a row visited counts even when the range lies beyond its cells
                }

                if (work > allowance)
                {
                    throw new XlsxSheetException(new Bilingual(
                        $"工作表“{sheet}”的合并单元格区域反复重叠,不是统计表,已拒绝",
                        $"sheet '{sheet}' has merged ranges that overlap again and again; it is not a statistical table; rejected"));
                }
            }
        }
    }

    /// <summary>Reads a number in a date or time format as MiniExcel does; other texts unchanged.</summary>
    private string ApplyStyle(string style, string text)
    {
        if (!int.TryParse(style, NumberStyles.Integer, CultureInfo.InvariantCulture, out var xf))
        {
            return text;
        }

        var styles = Styles();
        if (xf < 0 || xf >= styles.Length || styles[xf] == StyleKind.None
            || !double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n))
        {
            return text;
        }

        return styles[xf] switch
        {
            StyleKind.Date when n is > -657435.0 and < 2958466.0 => XlsxRowSource.CellText(DateTime.FromOADate(n)),
            StyleKind.Time when Math.Abs(n) < 10_000_000 => XlsxRowSource.CellText(TimeSpan.FromDays(n)),
            _ => text,
        };
    }

    /// <summary>The element and attribute names of a worksheet, atomised in the reader's name table so they compare by reference.</summary>
    private sealed class Names(XmlNameTable table)
    {
        public string SheetData { get; } = table.Add("sheetData");

        public string Row { get; } = table.Add("row");

        public string Cell { get; } = table.Add("c");

        public string Value { get; } = table.Add("v");

        public string InlineString { get; } = table.Add("is");

        public string MergeCells { get; } = table.Add("mergeCells");

        public string MergeCell { get; } = table.Add("mergeCell");

        public string R { get; } = table.Add("r");

        public string T { get; } = table.Add("t");

        public string S { get; } = table.Add("s");
    }
}
