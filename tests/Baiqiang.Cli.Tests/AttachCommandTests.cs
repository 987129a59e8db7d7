namespace Baiqiang.Cli.Tests;

/// <summary><c>projects attach CODE --period YYYY-MM FILE…</c> over the sample (project JY-S01, problem JY-S08-Q1).</summary>
public sealed class AttachCommandTests
{
    [Fact]
    public async Task Attach_PhotoAndPdf_PrintsTimeAndPlaceThenRefusesDisguisedFileStoringNothing()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var photo = store.File("现场.jpg");
        await File.WriteAllBytesAsync(photo, TestPhotos.Jpeg(400, 300, new TestExif(Taken: new DateTime(2022, 6, 28, 9, 5, 0), Latitude: 28.88, Longitude: 105.44)), TestContext.Current.CancellationToken);
        var pdf = store.File("批复.pdf");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4\n"u8.ToArray(), TestContext.Current.CancellationToken);
        var fake = store.File("表格.xlsx");
        await File.WriteAllBytesAsync(fake, "%PDF-1.4\n"u8.ToArray(), TestContext.Current.CancellationToken);

        var ok = await cli.OkAsync("projects", "attach", "JY-S01", "--period", "2022-06", photo, pdf);
        var (exit, _, err) = await cli.RunAsync("projects", "attach", "JY-S01", "--period", "2022-06", photo, fake);
        var (badPeriod, _, periodErr) = await cli.RunAsync("projects", "attach", "JY-S01", "--period", "2022-6", photo);
        var toProblem = await cli.OkAsync("projects", "attach", "JY-S08", "--period", "2022-06", "--problem", "JY-S08-Q1", pdf);

        Assert.Contains("现场.jpg  Jpeg", ok, StringComparison.Ordinal);
        Assert.Contains("拍摄 taken 2022-06-28 09:05", ok, StringComparison.Ordinal);
        Assert.Contains("GPS 28.88,105.44", ok, StringComparison.Ordinal);
        Assert.Contains("已上传2个附件 / attached 2 file(s)", ok, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        Assert.Contains("与扩展名.xlsx不符", err, StringComparison.Ordinal);
        Assert.Contains("disagrees with its extension .xlsx", err, StringComparison.Ordinal);
        Assert.Equal(2, badPeriod);
        Assert.Contains("YYYY-MM", periodErr, StringComparison.Ordinal);
        Assert.Contains("attached 1 file(s)", toProblem, StringComparison.Ordinal);
    }
}
