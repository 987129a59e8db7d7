using System.Text;

namespace Baiqiang.Extraction.Input;

/// <summary>A document's bytes decoded: the text and the encoding it was read in.</summary>
/// <param name="Text">The text, without a byte-order mark.</param>
/// <param name="Encoding">utf-8, utf-16le, utf-16be, gb18030, or pdf (text read from a PDF by <see cref="PdfText"/>).</param>
public sealed record DecodedText(string Text, string Encoding);

/// <summary>
/// Bytes → text for extraction: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one, valid UTF-8 is UTF-8, text
/// whose bytes alternate with zeros (or that decodes to CJK and ASCII only as UTF-16) is UTF-16, and anything else is read as
/// GB18030 (a superset of GBK/GB2312, what Chinese Windows writes). A PDF (%PDF-) is read by <see cref="PdfText"/>. Linear; looks at most 64 KB to decide.
/// </summary>
public static class TextDecoder
{
    private const int Sample = 64 * 1024;

    /// <summary>Decodes <paramref name="bytes"/> as described on the type.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (PdfText.IsPdf(bytes))
        {
            return new DecodedText(PdfText.Read(bytes.ToArray()), "pdf"); // text in reading order, see PdfText
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        if (Utf16ByContent(bytes) is { } utf16)
        {
            return utf16;
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8");
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new DecodedText(Encoding.GetEncoding("GB18030").GetString(bytes), "gb18030");
    }

    /// <summary>UTF-16 without a mark: many zero bytes on one side (ASCII in UTF-16), or a sample that decodes to CJK, ASCII and CJK punctuation only.</summary>
    private static DecodedText? Utf16ByContent(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return null;
        }

        var sample = bytes[..Math.Min(bytes.Length, Sample)];
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        if (oddZeros > pairs / 4 && evenZeros < pairs / 20)
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes), "utf-16le");
        }

        if (evenZeros > pairs / 4 && oddZeros < pairs / 20)
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes), "utf-16be");
        }

        if (System.Text.Unicode.Utf8.IsValid(sample))
        {
            return null;
        }

        foreach (var (encoding, name) in new (Encoding, string)[] { (Encoding.Unicode, "utf-16le"), (Encoding.BigEndianUnicode, "utf-16be") })
        {
            var text = encoding.GetString(sample);
            if (LooksLikeChinese(text))
            {
                return new DecodedText(encoding.GetString(bytes), name);
            }
        }

        return null;
    }

    private static bool LooksLikeChinese(string text)
    {
        var good = 0;
        var cjk = 0;
        foreach (var c in text)
        {
            if (c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF'))
            {
                good++;
                cjk++;
            }
            else if (c is '\n' or '\r' or '\t' or (>= ' ' and <= '~'))
            {
                good++;
            }
        }

        return text.Length > 0 && good >= text.Length * 0.97 && cjk >= text.Length / 4;
    }
}
