using Baiqiang.Storage.Projects;
using BenchmarkDotNet.Attributes;
using SkiaSharp;

namespace Baiqiang.Benchmarks;

/// <summary>
/// Issue 18's thumbnail target: under 200 ms for a 12-megapixel photo. The setup draws a 4000 × 3000 JPEG with detail in
/// every block (gradients, 2,000 circles and per-pixel noise, so the JPEG is as heavy to decode as a phone photo of about
/// 4–6 MB) and stamps a phone's EXIF on it (orientation 6, time, GPS), so the turn and the EXIF read are measured too.
/// </summary>
[MemoryDiagnoser]
public class PhotoBenchmarks
{
    private byte[] _photo = [];

    [GlobalSetup]
    public void Setup()
    {
        const int w = 4000, h = 3000;
        using var bitmap = new SKBitmap(w, h);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, h), [SKColors.SkyBlue, SKColors.SaddleBrown], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, w, h, sky);
            var random = new Random(18);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 2000; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 160);
                canvas.DrawCircle(random.Next(w), random.Next(h), random.Next(5, 120), paint);
            }
        }

        var pixels = bitmap.GetPixelSpan();
        var noise = new Random(7);
        var buffer = pixels.ToArray();
        for (var i = 0; i < buffer.Length; i += 4)
        {
            var n = noise.Next(-12, 13);
            buffer[i] = (byte)Math.Clamp(buffer[i] + n, 0, 255);
            buffer[i + 1] = (byte)Math.Clamp(buffer[i + 1] + n, 0, 255);
            buffer[i + 2] = (byte)Math.Clamp(buffer[i + 2] + n, 0, 255);
        }

        System.Runtime.InteropServices.Marshal.Copy(buffer, 0, bitmap.GetPixels(), buffer.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        _photo = TestPhotos.WithExif(data.ToArray(), new TestExif(Orientation: 6, Taken: new DateTime(2024, 6, 15, 10, 30, 0), Latitude: 28.87, Longitude: 105.44));
        Console.WriteLine($"// photo: {w}×{h}, {_photo.Length / 1024} KB");
    }

    [Benchmark(Description = "thumbnail (320 px, upright) of a 12-megapixel JPEG")]
    public byte[] Thumbnail() => Photos.Thumbnail(_photo) ?? throw new InvalidOperationException("not decoded");

    [Benchmark(Description = "EXIF time and GPS of a 12-megapixel JPEG")]
    public PhotoFacts Exif() => Photos.Facts(_photo);
}
