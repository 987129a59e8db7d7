using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Baiqiang.Storage.Import;
using static Baiqiang.Storage.Tests.Import.ImportTestFiles;

namespace Baiqiang.Storage.Tests.Import;

public sealed partial class ObservationFileReaderTests
{
    private static Task<ImportResult> ReadPathAsync(string path, ImportOptions? options = null)
        => new ObservationFileReader().ReadAsync(path, TestLookups.Create(), options ?? ImportOptions.Default, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("data.xls")]
    [InlineData("data.json")]
    [InlineData("data")]
    public async Task ReadAsync_UnsupportedExtension_IsAnError(string fileName)
    {
        var result = await ReadTextAsync(fileName, SeedCsv);

        ImportAssert.HasError(result, null, null, "不支持的文件类型", "unsupported file type");
    }

    [Theory]
    [InlineData("empty.csv")]
    [InlineData("empty.xlsx")]
    public async Task ReadAsync_EmptyFile_IsAnError(string fileName)
    {
        var result = await ReadBytesAsync(fileName, []);

        ImportAssert.HasError(result, null, null, "文件为空", "empty");
    }

    [Fact]
    public async Task ReadAsync_OnlyBlankLines_SaysThereIsNoHeader()
    {
        var result = await ReadTextAsync("blank.csv", "\n \n,,\n");

        ImportAssert.HasError(result, null, null, "没有表头", "no header");
    }

    [Fact]
    public async Task ReadAsync_MissingFile_IsAnError()
    {
        using var dir = new TempDir();

        var result = await ReadPathAsync(dir.File("nope.csv"));

        ImportAssert.HasError(result, null, null, "找不到文件", "not found");
    }

    [Fact]
    public async Task ReadAsync_200MbFile_IsRejectedBySizeWithoutReading()
    {
        using var dir = new TempDir();
        var path = dir.File("huge.csv");
        await using (var fs = new FileStream(path, FileMode.CreateNew))
        {
            fs.SetLength(200L * 1024 * 1024); // sparse: nothing is written
        }

        var watch = Stopwatch.StartNew();
        var result = await ReadPathAsync(path);
        watch.Stop();

        var e = ImportAssert.HasError(result, null, null, "超过上限", "over the 100 MiB limit");
        Assert.Contains("200 MiB", e.Message.En, StringComparison.Ordinal);
        Assert.Equal(0, result.RowsRead);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task ReadAsync_StreamOverMaxBytes_IsRejected()
    {
        var result = await ReadTextAsync("seed.csv", SeedCsv, new ImportOptions(MaxBytes: 50));

        ImportAssert.HasError(result, null, null, "超过上限", "limit");
    }

    [Fact]
    public async Task ReadAsync_NonSeekableStreamOverMaxBytes_IsRejected()
    {
        using var inner = new MemoryStream(Encoding.UTF8.GetBytes(SeedCsv));
        using var stream = new ForwardOnlyStream(inner);

        var result = await new ObservationFileReader().ReadAsync(stream, "seed.csv", TestLookups.Create(), new ImportOptions(MaxBytes: 50), TestContext.Current.CancellationToken);

        ImportAssert.HasError(result, null, null, "超过上限", "limit");
    }

    [Fact]
    public async Task ReadAsync_NonSeekableStream_IsBufferedAndRead()
    {
        using var inner = new MemoryStream(Encoding.UTF8.GetBytes(SeedCsv));
        using var stream = new ForwardOnlyStream(inner);

        var result = await new ObservationFileReader().ReadAsync(stream, "seed.csv", TestLookups.Create(), ImportOptions.Default, TestContext.Current.CancellationToken);

        ImportAssert.Ok(result);
        Assert.Equal(3, result.Records.Count);
    }

    [Fact]
    public async Task ReadAsync_NonZipXlsx_IsNotAValidXlsx()
    {
        var result = await ReadTextAsync("fake.xlsx", SeedCsv);

        ImportAssert.HasError(result, null, null, "不是有效的 XLSX 文件", "not a valid XLSX file");
    }

    [Fact]
    public async Task ReadAsync_ZipWithoutWorkbook_IsNotAValidXlsx()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("readme.txt");
            await using var w = await entry.OpenAsync(TestContext.Current.CancellationToken);
            await w.WriteAsync("hello"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        var result = await ReadBytesAsync("zip.xlsx", ms.ToArray());

        ImportAssert.HasError(result, null, null, "workbook", "workbook.xml is missing");
    }

    [Fact]
    public async Task ReadAsync_XlsxOverUncompressedLimit_IsRejectedAsZipBomb()
    {
        // Three 8 MiB sheets of zeros (each under the 10 MiB ratio check) against a 20 MiB total limit
        // (the default limit is 500 MiB; lowering it keeps the test fast).
        var bomb = ZipOfZeros(8, sheets: 3);

        var result = await ReadBytesAsync("bomb.xlsx", bomb, new ImportOptions(MaxUncompressedXlsxBytes: 20L * 1024 * 1024));

        var e = ImportAssert.HasError(result, null, null, "解压后超过20 MiB", "zip bomb");
        Assert.Contains("more than 20 MiB", e.Message.En, StringComparison.Ordinal);
        Assert.True(bomb.Length < 1024 * 1024, "the bomb itself is small");
    }

    [Fact]
    public async Task ReadAsync_XlsxEntryWithExtremeCompressionRatio_IsRejected()
    {
        var result = await ReadBytesAsync("ratio.xlsx", ZipOfZeros(11));

        var e = ImportAssert.HasError(result, null, null, "压缩比异常", "compressed");
        Assert.Contains("xl/worksheets/sheet1.xml", e.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_XlsxFromPath_Reads()
    {
        using var dir = new TempDir();
        var path = dir.File("office.xlsx");
        await File.WriteAllBytesAsync(path, OfficeWorkbook(), TestContext.Current.CancellationToken);

        var result = await ReadPathAsync(path);

        ImportAssert.Ok(result);
        Assert.Equal(7, result.Records.Count);
    }

    /// <summary>An XLSX-looking zip whose sheet entry is <paramref name="mebibytes"/> MiB of zeros, written 1 MiB at a time.</summary>
    private static byte[] ZipOfZeros(int mebibytes, int sheets = 1)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("xl/workbook.xml").Open().Dispose();
            var chunk = new byte[1024 * 1024];
            for (var sheet = 1; sheet <= sheets; sheet++)
            {
                using var s = zip.CreateEntry($"xl/worksheets/sheet{sheet}.xml", CompressionLevel.Optimal).Open();
                for (var i = 0; i < mebibytes; i++)
                {
                    s.Write(chunk);
                }
            }
        }

        return ms.ToArray();
    }

    /// <summary>A stream that cannot seek, like a network or upload stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
