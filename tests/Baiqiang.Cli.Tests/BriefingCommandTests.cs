namespace Baiqiang.Cli.Tests;

public sealed class BriefingCommandTests
{
    [Fact]
    public async Task Briefing_TongzhouFirstHalfToDocxAndHtml_WritesBothFiles()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var docx = store.File("tz.docx");
        var html = store.File("tz.html");
        var said = await cli.OkAsync("briefing", "--region", "320612", "--period", "2023-01..06", "--out", docx);
        await cli.OkAsync("briefing", "--region", "通州区", "--period", "2023年上半年", "--out", html, "--no-charts");

        Assert.Contains("通州区2023年上半年经济运行简报", said, StringComparison.Ordinal);
        Assert.True(new FileInfo(docx).Length > 10_000);
        var text = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        Assert.Contains("地区生产总值880.5亿元，同比增长7.8%，对比组内其他地区暂无数据。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/png", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Briefing_BatchOverPrefectureGroup_WritesOneFilePerMember()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        var dir = store.File("out");

        var said = await cli.OkAsync("briefing", "--group", "pref:320600", "--period", "2023-01..06", "--out-dir", dir, "--format", "html", "--lang", "en");

        Assert.Equal(7, Directory.GetFiles(dir, "*.html").Length); // 南通市's seven county-level units in the sample
        Assert.Contains("7 briefings", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Briefing_UnsupportedExtension_ExitsTwoWithBilingualMessage()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var (exit, _, err) = await cli.RunAsync("briefing", "--region", "320612", "--period", "2023-01..06", "--out", store.File("x.txt"));

        Assert.Equal(2, exit);
        Assert.Contains("output must be .docx, .html or .pdf", err, StringComparison.Ordinal);
    }
}
