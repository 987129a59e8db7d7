using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Baiqiang.Testing;

/// <summary>What to write into a test photo's EXIF: orientation (1–8), DateTimeOriginal and GPS; null parts are left out.</summary>
public sealed record TestExif(ushort Orientation = 1, DateTime? Taken = null, string? Offset = null, double? Latitude = null, double? Longitude = null);

/// <summary>
/// Small photos and documents made by the tests themselves: a JPEG drawn with SkiaSharp (left half red, right half blue,
/// so a turned thumbnail can be checked) carrying an EXIF APP1 segment written byte by byte here, and minimal Office zips.
/// </summary>
public static class TestPhotos
{
    /// <summary>A JPEG of <paramref name="width"/>×<paramref name="height"/>, with <paramref name="exif"/> when given.</summary>
    public static byte[] Jpeg(int width, int height, TestExif? exif = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, blue);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        var jpeg = data.ToArray();
        return exif is null ? jpeg : WithExif(jpeg, exif);
    }

    /// <summary><paramref name="jpeg"/> with an EXIF APP1 segment right after its start-of-image marker.</summary>
    public static byte[] WithExif(byte[] jpeg, TestExif exif) => [.. jpeg.AsSpan(0, 2), .. App1(exif), .. jpeg.AsSpan(2)];

    /// <summary>A PNG of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Green);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A zip whose [Content_Types].xml names <paramref name="mainContentType"/> for its main part (docx, xlsx, pptx).</summary>
    public static byte[] OfficeZip(string mainContentType)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            w.Write($"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/main.xml\" ContentType=\"{mainContentType}\"/></Types>");
        }

        return buffer.ToArray();
    }

    public const string DocxMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    public const string XlsxMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private static byte[] App1(TestExif exif)
    {
        var tiff = Tiff(exif);
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return segment;
    }

    private const ushort Ascii = 2, Short = 3, Long = 4, Rational = 5;

    private static byte[] Tiff(TestExif exif)
    {
        var exifEntries = new List<(ushort, ushort, uint, byte[])>();
        if (exif.Taken is { } t)
        {
            exifEntries.Add((0x9003, Ascii, 20, AsciiZ(t.ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (exif.Offset is { } o)
        {
            exifEntries.Add((0x9011, Ascii, 7, AsciiZ(o)));
        }

        var gpsEntries = new List<(ushort, ushort, uint, byte[])>();
        if (exif.Latitude is { } lat && exif.Longitude is { } lon)
        {
            gpsEntries.Add((0x0001, Ascii, 2, AsciiZ(lat >= 0 ? "N" : "S")));
            gpsEntries.Add((0x0002, Rational, 3, Dms(Math.Abs(lat))));
            gpsEntries.Add((0x0003, Ascii, 2, AsciiZ(lon >= 0 ? "E" : "W")));
            gpsEntries.Add((0x0004, Rational, 3, Dms(Math.Abs(lon))));
        }

        // IFD0 holds only inline values, so its size is known before the pointers are.
        var ifd0Count = 1 + (exifEntries.Count > 0 ? 1 : 0) + (gpsEntries.Count > 0 ? 1 : 0);
        var exifStart = 8 + 2 + (12 * ifd0Count) + 4;
        var exifIfd = exifEntries.Count > 0 ? Ifd(exifStart, exifEntries) : [];
        var gpsStart = exifStart + exifIfd.Length;
        var ifd0Entries = new List<(ushort, ushort, uint, byte[])> { (0x0112, Short, 1, U16(exif.Orientation)) };
        if (exifEntries.Count > 0)
        {
            ifd0Entries.Add((0x8769, Long, 1, U32((uint)exifStart)));
        }

        if (gpsEntries.Count > 0)
        {
            ifd0Entries.Add((0x8825, Long, 1, U32((uint)gpsStart)));
        }

        var gpsIfd = gpsEntries.Count > 0 ? Ifd(gpsStart, gpsEntries) : [];
        return [.. "MM"u8, 0x00, 0x2A, .. U32(8), .. Ifd(8, ifd0Entries), .. exifIfd, .. gpsIfd];
    }

    private static byte[] Ifd(int start, List<(ushort Tag, ushort Type, uint Count, byte[] Data)> entries)
    {
        var head = new List<byte>();
        var data = new List<byte>();
        var dataStart = start + 2 + (12 * entries.Count) + 4;
        head.AddRange(U16((ushort)entries.Count));
        foreach (var (tag, type, count, value) in entries)
        {
            head.AddRange(U16(tag));
            head.AddRange(U16(type));
            head.AddRange(U32(count));
            if (value.Length <= 4)
            {
                head.AddRange(value);
                head.AddRange(new byte[4 - value.Length]);
            }
            else
            {
                head.AddRange(U32((uint)(dataStart + data.Count)));
                data.AddRange(value);
                if (data.Count % 2 == 1)
                {
                    data.Add(0);
                }
            }
        }

        head.AddRange(U32(0));
        return [.. head, .. data];
    }

    private static byte[] Dms(double degrees)
    {
        var d = Math.Floor(degrees);
        var m = Math.Floor((degrees - d) * 60);
        var s = ((degrees - d) * 60 - m) * 60;
        return [.. U32((uint)d), .. U32(1), .. U32((uint)m), .. U32(1), .. U32((uint)Math.Round(s * 10000)), .. U32(10000)];
    }

    private static byte[] AsciiZ(string s) => [.. Encoding.ASCII.GetBytes(s), 0];

    private static byte[] U16(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, v);
        return b;
    }

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        return b;
    }
}
