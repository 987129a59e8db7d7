using Baiqiang.Briefing.Model;

namespace Baiqiang.Briefing.Rendering;

/// <summary>Writes a briefing to a file whose extension picks the format: .docx, .html/.htm or .pdf.</summary>
public static class BriefingFiles
{
    /// <summary>True for the extensions <see cref="WriteAsync"/> understands.</summary>
    public static bool IsSupported(string path) => Path.GetExtension(path).ToUpperInvariant() is ".DOCX" or ".HTML" or ".HTM" or ".PDF";

    public static async Task WriteAsync(BriefingDocument doc, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(doc);
        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".DOCX":
                await File.WriteAllBytesAsync(path, DocxRenderer.Render(doc), ct);
                break;
            case ".HTML" or ".HTM":
                await File.WriteAllTextAsync(path, HtmlRenderer.Render(doc), ct);
                break;
            case ".PDF":
                await PdfRenderer.RenderAsync(HtmlRenderer.Render(doc), path, ct);
                break;
            default:
                throw new ArgumentException($"不支持的输出格式“{path}”(应为 .docx、.html 或 .pdf) / unsupported output '{path}' (use .docx, .html or .pdf)", nameof(path));
        }
    }
}
