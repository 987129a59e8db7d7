using DocumentFormat.OpenXml.Packaging;

namespace Baiqiang.Cli.Tests;

/// <summary><c>projects escalate</c>, <c>projects supervision-sheet</c> and <c>reminders run|list</c> over the sample (problem JY-S08-Q1).</summary>
public sealed class SupervisionCommandTests
{
    [Fact]
    public async Task EscalateThenSheet_LevelsUpRefusesLowerAndWritesDocx()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");

        var up = await cli.OkAsync("projects", "escalate", "JY-S08-Q1", "--level", "约谈", "--reason", "挂牌期满仍未落实用地指标", "--today", "2022-07-20");
        var (exit, _, err) = await cli.RunAsync("projects", "escalate", "JY-S08-Q1", "--level", "挂牌督办", "--reason", "再挂牌", "--today", "2022-07-21");
        var (badExit, _, badErr) = await cli.RunAsync("projects", "escalate", "JY-S08-Q1", "--level", "通报", "--reason", "x");
        var sheet = store.File("督办单.docx");
        await cli.OkAsync("projects", "supervision-sheet", "JY-S08-Q1", "--out", sheet, "--today", "2022-07-21");

        Assert.Contains("约谈，期限 2022-07-27", up, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        Assert.Contains("不能升级为挂牌督办", err, StringComparison.Ordinal);
        Assert.Contains("cannot be escalated", err, StringComparison.Ordinal);
        Assert.Equal(2, badExit);
        Assert.Contains("must be 督办, 挂牌督办 or 约谈", badErr, StringComparison.Ordinal);
        using var word = WordprocessingDocument.Open(sheet, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("约谈单", text, StringComparison.Ordinal);
        Assert.Contains("区自然资源和规划局", text, StringComparison.Ordinal);
        Assert.Contains("挂牌期满仍未落实用地指标", text, StringComparison.Ordinal);
        Assert.Contains("2022-07-27", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemindersRun_TwiceOnOneDay_CountsByCauseThenNothingNew()
    {
        using var store = new TempStore();
        var cli = new CliRunner(store.Path);
        await cli.OkAsync("sample");
        await cli.OkAsync("reminders", "recipient", "zhang", "--region", "510502");

        var first = await cli.OkAsync("reminders", "run", "--today", "2022-08-10");
        var second = await cli.OkAsync("reminders", "run", "--today", "2022-08-10");
        var list = await cli.OkAsync("reminders", "list", "--user", "zhang");

        Assert.Matches(@"催报 late-report: [1-9]\d*", first);
        Assert.Contains("问题逾期 problem-overdue: 0", first, StringComparison.Ordinal); // escalated to 约谈 first: due 2022-08-17
        Assert.Contains("督办升级 escalated: 1", first, StringComparison.Ordinal);
        Assert.Contains("新增0条", second, StringComparison.Ordinal);
        Assert.Contains("late-report: 0", second, StringComparison.Ordinal);
        Assert.Contains("JY-S01", list, StringComparison.Ordinal);
        Assert.Contains("2022-07", list, StringComparison.Ordinal);
    }
}
