using System.IO.Compression;
using System.Text;

namespace Baiqiang.Storage.Tests.Import;

/// <summary>
/// XLSX packages written part by part from hand-written XML, for what the repository's own writer never produces: inline
/// strings, rich-text runs, numbers stored as text, styled dates, cells left out of a row, references beyond column XFD.
/// </summary>
internal static class RawXlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A package of <paramref name="sheets"/> (name and the XML inside <c>&lt;sheetData&gt;</c>, plus anything after it
    /// such as <c>&lt;mergeCells&gt;</c>), with an optional shared-string table (the <c>&lt;si&gt;</c> items) and cell formats.</summary>
    public static byte[] Build(IReadOnlyList<(string Name, string SheetData, string After)> sheets, IReadOnlyList<string>? sharedStrings = null, string? styles = null)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .Append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
            var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            var list = new StringBuilder();
            for (var i = 1; i <= sheets.Count; i++)
            {
                var (name, data, after) = sheets[i - 1];
                types.Append(Invariant($"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
                rels.Append(Invariant($"<Relationship Id=\"rId{i}\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"));
                list.Append(Invariant($"<sheet name=\"{name}\" sheetId=\"{i}\" r:id=\"rId{i}\"/>"));
                Write(zip, Invariant($"xl/worksheets/sheet{i}.xml"), $"<worksheet xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheetData>{data}</sheetData>{after}</worksheet>");
            }

            if (sharedStrings is not null)
            {
                types.Append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                rels.Append(Invariant($"<Relationship Id=\"rIdS\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>"));
                Write(zip, "xl/sharedStrings.xml", Invariant($"<sst xmlns=\"{Main}\" count=\"{sharedStrings.Count}\" uniqueCount=\"{sharedStrings.Count}\">{string.Concat(sharedStrings)}</sst>"));
            }

            if (styles is not null)
            {
                types.Append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
                rels.Append(Invariant($"<Relationship Id=\"rIdT\" Type=\"{Rel}/styles\" Target=\"styles.xml\"/>"));
                Write(zip, "xl/styles.xml", $"<styleSheet xmlns=\"{Main}\">{styles}</styleSheet>");
            }

            Write(zip, "[Content_Types].xml", types.Append("</Types>").ToString());
            Write(zip, "_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Write(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets>{list}</sheets></workbook>");
            Write(zip, "xl/_rels/workbook.xml.rels", rels.Append("</Relationships>").ToString());
        }

        return ms.ToArray();
    }

    /// <summary>A shared-string item.</summary>
    public static string Si(string text) => $"<si><t xml:space=\"preserve\">{text}</t></si>";

    /// <summary>A cell holding shared string <paramref name="index"/>.</summary>
    public static string S(string reference, int index) => Invariant($"<c r=\"{reference}\" t=\"s\"><v>{index}</v></c>");

    /// <summary>A cell holding an inline string.</summary>
    public static string Inline(string reference, string text) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

    /// <summary>A number cell with the stored text <paramref name="raw"/> (and style <paramref name="style"/> when given).</summary>
    public static string N(string reference, string raw, int? style = null)
        => style is { } s ? Invariant($"<c r=\"{reference}\" s=\"{s}\"><v>{raw}</v></c>") : $"<c r=\"{reference}\"><v>{raw}</v></c>";

    /// <summary>A row.</summary>
    public static string Row(int number, params string[] cells) => Invariant($"<row r=\"{number}\">{string.Concat(cells)}</row>");

    /// <summary>A <c>&lt;mergeCells&gt;</c> list.</summary>
    public static string Merges(params string[] ranges)
        => Invariant($"<mergeCells count=\"{ranges.Length}\">{string.Concat(ranges.Select(r => $"<mergeCell ref=\"{r}\"/>"))}</mergeCells>");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Write(ZipArchive zip, string path, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
