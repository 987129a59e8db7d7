using System.Text;
using Baiqiang.Core.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Baiqiang.Extraction.Input;

/// <summary>
/// A PDF's text in reading order, through PdfPig: on each page the letters are grouped into lines by their baseline (top to
/// bottom), each line read left to right; a gap wider than one and a half characters between letters of a line becomes two
/// spaces, so that the columns of a table set in the PDF reach <c>Tables.TableReader</c> as an aligned text table; a smaller
/// gap in Latin text becomes one space. Pages are separated by a blank line.
/// </summary>
public static class PdfText
{
    /// <summary>Whether <paramref name="bytes"/> start like a PDF file (%PDF-).</summary>
    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    /// <summary>The text of the PDF in <paramref name="bytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a PDF PdfPig can read (the message is in Chinese and English).</exception>
    public static string Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var document = PdfDocument.Open(bytes);
            var sb = new StringBuilder();
            foreach (var page in document.GetPages())
            {
                if (sb.Length > 0)
                {
                    sb.Append("\n\n");
                }

                AppendPage(sb, page.Letters);
            }

            return sb.ToString();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException(new Bilingual($"无法读取 PDF 文件:{ex.Message}", $"cannot read the PDF file: {ex.Message}").ToString(), ex);
        }
    }

    private static void AppendPage(StringBuilder sb, IReadOnlyList<Letter> letters)
    {
        var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X).ToList();
        var line = new List<Letter>();
        double lineY = 0;
        foreach (var letter in visible)
        {
            var size = Size(letter);
            if (line.Count > 0 && Math.Abs(letter.StartBaseLine.Y - lineY) > size * 0.5)
            {
                AppendLine(sb, line);
                line.Clear();
            }

            if (line.Count == 0)
            {
                lineY = letter.StartBaseLine.Y;
            }

            line.Add(letter);
        }

        AppendLine(sb, line);
    }

    private static void AppendLine(StringBuilder sb, List<Letter> line)
    {
        if (line.Count == 0)
        {
            return;
        }

        line.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        Letter? previous = null;
        foreach (var letter in line)
        {
            if (previous is not null)
            {
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                var size = Size(previous);
                if (gap > size * 1.5)
                {
                    sb.Append("  "); // a column break
                }
                else if (gap > size * 0.2 && !IsCjk(previous.Value) && !IsCjk(letter.Value))
                {
                    sb.Append(' '); // a word space in Latin text
                }
            }

            foreach (var c in letter.Value)
            {
                sb.Append(Unradical(c));
            }

            previous = letter;
        }

        sb.Append('\n');
    }

    /// <summary>
    /// Fonts often map CJK glyphs to radical code points (⽉ U+2F49 for 月, ⻓ U+2ED3 for 长): Kangxi radicals fold by NFKC, the
    /// supplement forms that stand for simplified characters by a table; everything else is kept.
    /// </summary>
    internal static char Unradical(char c) => c switch
    {
        >= '\u2F00' and <= '\u2FDF' => c.ToString().Normalize(NormalizationForm.FormKC)[0],
        _ when RadicalSupplement.TryGetValue(c, out var s) => s,
        _ => c,
    };

    private static readonly Dictionary<char, char> RadicalSupplement = new()
    {
        ['\u2EC5'] = '见', ['\u2EC9'] = '贝', ['\u2ECB'] = '车', ['\u2ED3'] = '长', ['\u2ED4'] = '门', ['\u2ED8'] = '青',
        ['\u2ED9'] = '韦', ['\u2EDA'] = '页', ['\u2EDB'] = '风', ['\u2EDC'] = '飞', ['\u2EE2'] = '马', ['\u2EE5'] = '鱼', ['\u2EEC'] = '齐',
        ['\u2EF0'] = '龙',
    };

    private static double Size(Letter l) => Math.Max(1, l.PointSize > 0 ? l.PointSize : l.BoundingBox.Height);

    private static bool IsCjk(string s) => s.Length > 0 && s[0] >= '\u2E80';
}
