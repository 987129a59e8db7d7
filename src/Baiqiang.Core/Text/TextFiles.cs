using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Baiqiang.Core.Text;

/// <summary>
/// Reading a user's text file before parsing it: size limit and emptiness messages, encoding (BOM, strict UTF-8 or
/// GB18030) and delimiter detection. Shared by the store's imports and the matrix file of <c>baiqiang rank --input</c>
/// / <c>weights</c> (which the Native AOT front runs without the store, so this lives in Core).
/// </summary>
public static class TextFiles
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>Strict UTF-8 (invalid bytes throw) so a mis-detected file is never silently garbled.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Bilingual TooLarge(long length, long max) => new(
        $"文件大小{Mb(length)}超过上限{Mb(max)},未读取",
        $"the file is {Mb(length)}, over the {Mb(max)} limit; nothing was read");

    public static Bilingual Empty() => new("文件为空", "the file is empty");

    /// <summary>A size in MiB (one decimal) from 1 MiB up, else in bytes.</summary>
    public static string Mb(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} B");

    /// <summary>
    /// Picks the text encoding of a seekable stream: a BOM if present; else UTF-8 when every byte sequence is valid
    /// UTF-8; else GB18030 (a superset of GBK, what Chinese Excel writes). Leaves the stream at position 0.
    /// </summary>
    public static async Task<Encoding> DetectEncodingAsync(Stream stream, CancellationToken ct)
    {
        stream.Position = 0;
        var buffer = new byte[1 << 16];
        var carry = 0;
        var first = true;
        try
        {
            while (true)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(carry), ct).ConfigureAwait(false);
                var length = carry + n;
                if (first)
                {
                    first = false;
                    if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        return StrictUtf8;
                    }

                    if (length >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
                    {
                        return buffer[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
                    }
                }

                if (n == 0)
                {
                    return Utf8.IsValid(buffer.AsSpan(0, length)) ? StrictUtf8 : Gb18030.Value;
                }

                // Validate up to the start of the last (possibly incomplete) character and carry the rest over.
                var cut = length;
                for (var back = 1; back <= 3 && length - back >= 0; back++)
                {
                    var b = buffer[length - back];
                    if ((b & 0xC0) != 0x80)
                    {
                        cut = b < 0x80 ? length : length - back;
                        break;
                    }
                }

                if (!Utf8.IsValid(buffer.AsSpan(0, cut)))
                {
                    return Gb18030.Value;
                }

                carry = length - cut;
                buffer.AsSpan(cut, carry).CopyTo(buffer);
            }
        }
        finally
        {
            stream.Position = 0;
        }
    }

    /// <summary>Picks the delimiter from the first lines: tab for .tsv; otherwise the most frequent of , \t ; | (comma on a tie or none).</summary>
    public static async Task<char> DetectDelimiterAsync(Stream stream, Encoding encoding, string fileName, CancellationToken ct)
    {
        if (string.Equals(Path.GetExtension(fileName), ".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return '\t';
        }

        stream.Position = 0;
        try
        {
            var buffer = new byte[8192];
            var n = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            var text = encoding.GetString(buffer, 0, FitToCharBoundary(buffer, n, encoding));
            char[] candidates = [',', '\t', ';', '|'];
            var best = ',';
            var bestCount = 0;
            foreach (var c in candidates)
            {
                var count = text.Count(x => x == c);
                if (count > bestCount)
                {
                    best = c;
                    bestCount = count;
                }
            }

            return best;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    /// <summary>Drops a trailing partial character so a strict decoder does not throw on the sample's cut.</summary>
    private static int FitToCharBoundary(byte[] buffer, int n, Encoding encoding)
    {
        if (encoding is not UTF8Encoding)
        {
            // GB18030 / UTF-16 samples are decoded leniently; a garbled last character does not change the counts.
            return n;
        }

        for (var back = 1; back <= 3 && n - back >= 0; back++)
        {
            var b = buffer[n - back];
            if ((b & 0xC0) != 0x80)
            {
                return b < 0x80 ? n : n - back;
            }
        }

        return n;
    }

    /// <summary>Copies a non-seekable stream into memory, or returns null when it exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<MemoryStream?> BufferAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        // A file's length is known: one allocation instead of doubling copies (the length is only a capacity hint).
        long hint = stream.CanSeek ? Math.Clamp(stream.Length - stream.Position, 0, Math.Clamp(maxBytes, 0, 1L << 30)) : 0;
        var ms = new MemoryStream((int)hint);
        var buffer = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (ms.Length + n > maxBytes)
            {
                await ms.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            await ms.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
        }

        ms.Position = 0;
        return ms;
    }
}
