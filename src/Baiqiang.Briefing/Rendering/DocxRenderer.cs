using Baiqiang.Briefing.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Baiqiang.Briefing.Rendering;

/// <summary>
/// Writes a briefing as .docx in the government-document layout (GB/T 9704 style): A4, 二号黑体 title centred,
/// 三号黑体 一、二、三 headings, 三号仿宋 body with a two-character first-line indent, tables with borders, charts inline.
/// </summary>
public static class DocxRenderer
{
    private const int BodyHalfPoints = 32;   // 三号 16pt
    private const int TitleHalfPoints = 44;  // 二号 22pt
    private const int TableHalfPoints = 21;  // 五号 10.5pt
    private const long EmuPerPixel = 9525;

    public static byte[] Render(BriefingDocument doc)
    {
        using var ms = new MemoryStream();
        Render(doc, ms);
        return ms.ToArray();
    }

    public static void Render(BriefingDocument doc, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(doc);
        using var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        AddStyles(main, doc.Fonts);

        body.Append(Para(doc.Title, doc.Fonts.Heading, TitleHalfPoints, JustificationValues.Center, indent: false));
        if (doc.Subtitle.Length > 0)
        {
            body.Append(Para(doc.Subtitle, doc.Fonts.Body, BodyHalfPoints, JustificationValues.Center, indent: false));
        }

        uint pictureId = 1;
        foreach (var section in doc.Sections)
        {
            body.Append(Para(section.Heading, doc.Fonts.Heading, BodyHalfPoints, JustificationValues.Left, indent: true, styleId: "Heading1"));
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ParagraphBlock p:
                        body.Append(Para(p.Text, doc.Fonts.Body, BodyHalfPoints, JustificationValues.Both, indent: true));
                        break;
                    case TableBlock t:
                        body.Append(Para(t.Caption, doc.Fonts.Heading, 24, JustificationValues.Center, indent: false));
                        body.Append(Table(t, doc.Fonts.Body));
                        break;
                    case FigureBlock f:
                        body.Append(Figure(main, f, pictureId++));
                        body.Append(Para(f.Caption, doc.Fonts.Body, 24, JustificationValues.Center, indent: false));
                        break;
                    default:
                        break;
                }
            }
        }

        var sources = doc.SourceLines;
        if (sources.Count > 0)
        {
            body.Append(Para(doc.SourcesHeading, doc.Fonts.Heading, 24, JustificationValues.Left, indent: false));
            var n = 1;
            foreach (var s in sources)
            {
                body.Append(Para($"{n++}. {s}", doc.Fonts.Body, TableHalfPoints, JustificationValues.Left, indent: false));
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
        main.Document.Save();
    }

    private static void AddStyles(MainDocumentPart main, BriefingFonts fonts)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(fonts.Body), new FontSize { Val = BodyHalfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new Languages { EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault()),
            new Style(
                new StyleName { Val = "Normal" },
                new PrimaryStyle())
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "heading 1" },
                new BasedOn { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
                new StyleRunProperties(Fonts(fonts.Heading)))
            { Type = StyleValues.Paragraph, StyleId = "Heading1" });
        part.Styles.Save();
    }

    private static RunFonts Fonts(string family) => new() { Ascii = family, HighAnsi = family, EastAsia = family, ComplexScript = family };

    private static Paragraph Para(string text, string font, int halfPoints, JustificationValues justification, bool indent, string? styleId = null)
    {
        var pPr = new ParagraphProperties();
        if (styleId is not null)
        {
            pPr.Append(new ParagraphStyleId { Val = styleId });
        }

        pPr.Append(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        if (indent)
        {
            pPr.Append(new Indentation { FirstLineChars = 200 });
        }

        pPr.Append(new Justification { Val = justification });
        var run = new Run(
            new RunProperties(Fonts(font), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(pPr, run);
    }

    private static Table Table(TableBlock t, string font)
    {
        static BorderType Border<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" };

        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(), Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Autofit }));
        var columns = Math.Max(t.Header.Count, t.Rows.Count == 0 ? 0 : t.Rows.Max(r => r.Count));
        var width = (9000 / Math.Max(1, columns)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width })));
        table.Append(Row(t.Header, font, header: true));
        foreach (var r in t.Rows)
        {
            table.Append(Row(r, font, header: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, string font, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var c in cells)
        {
            var p = new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(new RunProperties(Fonts(font), new FontSize { Val = TableHalfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }), new Text(c) { Space = SpaceProcessingModeValues.Preserve }));
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto }), p));
        }

        return row;
    }

    private static Paragraph Figure(MainDocumentPart main, FigureBlock f, uint id)
    {
        var imagePart = main.AddImagePart(ImagePartType.Png);
        using (var ms = new MemoryStream(f.Png))
        {
            imagePart.FeedData(ms);
        }

        var relId = main.GetIdOfPart(imagePart);
        const long maxWidth = 5_760_000; // ~16 cm, the text width of an A4 government document
        var cx = Math.Min(f.WidthPx * EmuPerPixel, maxWidth);
        var cy = f.HeightPx * EmuPerPixel * cx / (f.WidthPx * EmuPerPixel);
        var name = "chart" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".png";
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = f.Caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(new Drawing(inline)));
    }
}
