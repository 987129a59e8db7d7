using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;

namespace Baiqiang.Storage.Projects;

/// <summary>What a photo's EXIF says about when and where it was taken; each part null when absent.</summary>
/// <param name="TakenAt">DateTimeOriginal with OffsetTimeOriginal, or China Standard Time (UTC+8) when the camera wrote no offset.</param>
/// <param name="Latitude">GPS latitude in degrees (north positive), 6 decimals.</param>
/// <param name="Longitude">GPS longitude in degrees (east positive), 6 decimals.</param>
public sealed record PhotoFacts(DateTimeOffset? TakenAt, decimal? Latitude, decimal? Longitude);

/// <summary>Thumbnails (SkiaSharp) and EXIF time and place (MetadataExtractor) of a JPEG or PNG.</summary>
/// <remarks>
/// The thumbnail's longest side is <see cref="ThumbnailSide"/> pixels (a smaller photo keeps its size), turned upright by the
/// EXIF orientation, encoded as JPEG. A JPEG is decoded at the smallest DCT scale that is still at least that size, so a
/// 12-megapixel photo is never decoded whole.
/// </remarks>
public static class Photos
{
    /// <summary>The longest side of a thumbnail, in pixels.</summary>
    public const int ThumbnailSide = 320;

    /// <summary>China Standard Time, assumed for an EXIF time without an offset.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>A JPEG thumbnail of <paramref name="image"/>, upright; null when SkiaSharp cannot decode it.</summary>
    public static byte[]? Thumbnail(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var full = codec.Info;
        var longest = Math.Max(full.Width, full.Height);
        var scale = Math.Min(1f, ThumbnailSide / (float)longest);
        var decodeSize = codec.GetScaledDimensions(scale);
        if (Math.Max(decodeSize.Width, decodeSize.Height) < Math.Min(ThumbnailSide, longest))
        {
            decodeSize = full.Size;
        }

        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        var w = Math.Max(1, (int)Math.Round(full.Width * scale));
        var h = Math.Max(1, (int)Math.Round(full.Height * scale));
        using var resized = decoded.Resize(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None))
            ?? throw new InvalidOperationException("SkiaSharp could not resize the photo");
        using var upright = Upright(resized, codec.EncodedOrigin);
        using var encoded = upright.Encode(SKEncodedImageFormat.Jpeg, 82);
        return encoded.ToArray();
    }

    /// <summary>EXIF time and GPS of <paramref name="image"/>; all null when it has none or cannot be read.</summary>
    public static PhotoFacts Facts(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        IReadOnlyList<MetadataExtractor.Directory> dirs;
        try
        {
            dirs = ImageMetadataReader.ReadMetadata(new MemoryStream(image, writable: false));
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or MetadataException)
        {
            return new PhotoFacts(null, null, null);
        }

        DateTimeOffset? taken = null;
        var sub = dirs.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        if (sub is not null && sub.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var local))
        {
            // 0x9011 OffsetTimeOriginal, "+08:00".
            var offset = ParseOffset(sub.GetString(0x9011)) ?? ChinaOffset;
            taken = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        }

        decimal? lat = null, lon = null;
        var gps = dirs.OfType<GpsDirectory>().FirstOrDefault();
        if (gps?.GetGeoLocation() is { } where && !where.IsZero && double.IsFinite(where.Latitude) && double.IsFinite(where.Longitude))
        {
            lat = Math.Round((decimal)where.Latitude, 6);
            lon = Math.Round((decimal)where.Longitude, 6);
        }

        return new PhotoFacts(taken, lat, lon);
    }

    private static TimeSpan? ParseOffset(string? text)
    {
        var t = text?.Trim() ?? string.Empty;
        if (t.Length != 6 || (t[0] != '+' && t[0] != '-'))
        {
            return null;
        }

        return TimeSpan.TryParseExact(t[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var span) && span <= TimeSpan.FromHours(14)
            ? (t[0] == '-' ? -span : span)
            : null;
    }

    /// <summary>A copy of <paramref name="source"/> turned as its EXIF orientation says (mirrored and/or rotated).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

        // Maps a stored pixel (x, y) to where it shows: X = scaleX·x + skewX·y + transX, Y = skewY·x + scaleY·y + transY.
        var m = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var result = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(m);
        canvas.DrawBitmap(source, 0, 0);
        canvas.Flush();
        return result;
    }
}
