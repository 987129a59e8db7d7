using System.Globalization;
using System.Text;
using Baiqiang.Briefing.Model;
using static System.Net.WebUtility;

namespace Baiqiang.Briefing.Rendering;

/// <summary>
/// Renders a briefing as one self-contained HTML page (charts as data: URIs) in the layout of government briefings:
/// centred 黑体 title, 一、二、三 headings, 仿宋 body with two-character indents, A4 print margins.
/// </summary>
public static class HtmlRenderer
{
    public static string Render(BriefingDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var sb = new StringBuilder(64 * 1024);
        var lang = doc.Language == "en" ? "en" : "zh-CN";
        sb.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{HtmlEncode(doc.Title)}</title>\n<style>\n");
        sb.Append(CultureInfo.InvariantCulture, $"@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}\n");
        sb.Append(CultureInfo.InvariantCulture, $"body {{ font-family: {doc.Fonts.BodyCss}; font-size: 16pt; line-height: 1.75; max-width: 46em; margin: 2em auto; color: #000; }}\n");
        sb.Append(CultureInfo.InvariantCulture, $"h1 {{ font-family: {doc.Fonts.HeadingCss}; font-size: 22pt; text-align: center; font-weight: normal; margin-bottom: .2em; }}\n");
        sb.Append(CultureInfo.InvariantCulture, $"h2 {{ font-family: {doc.Fonts.HeadingCss}; font-size: 16pt; font-weight: normal; margin: 1em 0 .3em; }}\n");
        sb.Append("p.subtitle { text-align: center; margin-top: 0; }\np { text-indent: 2em; margin: 0 0 .4em; }\n");
        sb.Append("table { border-collapse: collapse; width: 100%; font-size: 11pt; margin: .5em 0; }\nth, td { border: 1px solid #000; padding: 2px 6px; text-align: center; }\n");
        sb.Append("caption { font-size: 12pt; margin-bottom: .2em; }\nfigure { margin: .6em 0; text-align: center; page-break-inside: avoid; }\nfigure img { max-width: 100%; }\nfigcaption { font-size: 12pt; }\n");
        sb.Append("ol.sources { font-size: 10.5pt; line-height: 1.4; }\n</style>\n</head>\n<body>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{HtmlEncode(doc.Title)}</h1>\n");
        if (doc.Subtitle.Length > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"subtitle\">{HtmlEncode(doc.Subtitle)}</p>\n");
        }

        foreach (var section in doc.Sections)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<section data-kind=\"{HtmlEncode(section.Kind)}\">\n<h2>{HtmlEncode(section.Heading)}</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ParagraphBlock p:
                        sb.Append("<p>");
                        foreach (var s in p.Sentences)
                        {
                            var title = string.Join("; ", s.Sources.Select(x => $"{x.Subject} {x.Period}: {x.Reference}"));
                            sb.Append(CultureInfo.InvariantCulture, $"<span data-key=\"{HtmlEncode(s.Key)}\" title=\"{HtmlEncode(title)}\">{HtmlEncode(s.Text)}</span>");
                        }

                        sb.Append("</p>\n");
                        break;
                    case TableBlock t:
                        sb.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{HtmlEncode(t.Caption)}</caption>\n<tr>");
                        foreach (var h in t.Header)
                        {
                            sb.Append(CultureInfo.InvariantCulture, $"<th>{HtmlEncode(h)}</th>");
                        }

                        sb.Append("</tr>\n");
                        foreach (var row in t.Rows)
                        {
                            sb.Append("<tr>");
                            foreach (var c in row)
                            {
                                sb.Append(CultureInfo.InvariantCulture, $"<td>{HtmlEncode(c)}</td>");
                            }

                            sb.Append("</tr>\n");
                        }

                        sb.Append("</table>\n");
                        break;
                    case FigureBlock f:
                        sb.Append(CultureInfo.InvariantCulture, $"<figure><img alt=\"{HtmlEncode(f.Caption)}\" width=\"{f.WidthPx}\" src=\"data:image/png;base64,{Convert.ToBase64String(f.Png)}\"><figcaption>{HtmlEncode(f.Caption)}</figcaption></figure>\n");
                        break;
                    default:
                        break;
                }
            }

            sb.Append("</section>\n");
        }

        var sources = doc.SourceLines;
        if (sources.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{HtmlEncode(doc.SourcesHeading)}</h2>\n<ol class=\"sources\">\n");
            foreach (var s in sources)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li>{HtmlEncode(s)}</li>\n");
            }

            sb.Append("</ol>\n");
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }
}
