using Baiqiang.Extraction.Clauses;
using Baiqiang.Extraction.Sections;

namespace Baiqiang.Extraction.Tests.Stages;

public sealed class SectionAndClauseTests
{
    [Theory]
    [InlineData("一、工业经济", 1)]
    [InlineData("十二、财政金融", 1)]
    [InlineData("(二)固定资产投资", 2)]
    [InlineData("-重大产业项目", 2)]
    [InlineData("3.消费市场", 3)]
    [InlineData("全县完成投资12亿元。", -1)]
    [InlineData("3.5亿元", -1)]
    public void Heading_NumberedLines_HaveTheirLevel(string line, int level)
        => Assert.Equal(level, SectionSplitter.Heading(line, 0, line.Length).Level);

    [Fact]
    public void Split_TitleBlockThenBody_MarksTheTitleAsLevelZero()
    {
        var text = DocumentText.Create("安宁县上半年经济运行简况\n——县统计局\n上半年,全县地区生产总值120亿元。\n一、工业\n规上工业增加值增长6%。");
        var paragraphs = SectionSplitter.Split(text);
        Assert.Equal([0, 0, -1, 1, -1], paragraphs.Select(p => p.HeadingLevel));
    }

    [Fact]
    public void Sentences_SplitAtFullStopsAndSemicolons()
    {
        const string t = "甲增长5%;乙下降2%。丙持平";
        Assert.Equal(["甲增长5%", "乙下降2%", "丙持平"], ClauseSplitter.Sentences(t, 0, t.Length).Select(s => t[s.Start..s.End]));
    }

    [Fact]
    public void Clauses_CommaBeforeANewPredicate_OpensASubjectlessClause()
    {
        const string t = "全县社会消费品零售总额52亿元,同比增长6.1%,其中餐饮收入8亿元";
        var clauses = ClauseSplitter.Clauses(t, 0, t.Length);
        Assert.Equal(3, clauses.Count);
        Assert.Equal([false, true, true], clauses.Select(c => c.SubjectLess));
    }
}
