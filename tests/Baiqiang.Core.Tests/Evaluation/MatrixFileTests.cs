using Baiqiang.Core.Evaluation;

namespace Baiqiang.Core.Tests.Evaluation;

/// <summary>The matrix file's CSV splitting (shared by the CLI and its Native AOT front): quoting rules, line ends and BOMs.</summary>
public sealed class MatrixFileTests
{
    [Fact]
    public void Parse_QuotedFields_KeepDelimitersDoubledQuotesAndLineBreaks()
    {
        var m = MatrixFile.Parse("地区,\"价格,元\",质量\n\"丙县,北\",1,2\n\"说\"\"好\"\"\",3,4\n\"两\n行\",5,6\n");

        Assert.Equal(["价格,元", "质量"], m.Indicators);
        Assert.Equal(["丙县,北", "说\"好\"", "两\n行"], m.Units);
        Assert.Equal(6.0, m.Values[2, 1]);
    }

    [Fact]
    public void Parse_QuoteInsideUnquotedField_OpensAQuotedPart()
    {
        var m = MatrixFile.Parse("unit,a\nab\"c,d\"e,1\nz,2\n");

        Assert.Equal(["abc,de", "z"], m.Units);
        Assert.Equal(1.0, m.Values[0, 0]);
    }

    [Fact]
    public void Parse_CrLfLoneCrAndBomsOutsideQuotes_ReadAsPlainRows()
    {
        var m = MatrixFile.Parse("\uFEFFunit;a;b\r\n甲\uFEFF县;1;2\r乙县;3;\uFEFF4", ';');

        Assert.Equal(["a", "b"], m.Indicators);
        Assert.Equal(["甲县", "乙县"], m.Units);
        Assert.Equal(4.0, m.Values[1, 1]);
    }

    [Fact]
    public void Parse_BomInsideQuotes_IsKept()
    {
        var m = MatrixFile.Parse("unit,a\n\"x\uFEFFy\",1\nz,2");

        Assert.Equal("x\uFEFFy", m.Units[0]);
    }

    [Fact]
    public void Parse_QuotedLastField_EndsAtTheEndOfTheText()
    {
        var m = MatrixFile.Parse("unit,a\nx,1\ny,\"2");

        Assert.Equal(["x", "y"], m.Units);
        Assert.Equal(2.0, m.Values[1, 0]);
    }

    [Fact]
    public void Parse_UnterminatedQuote_SwallowsTheRowAndIsReportedByRow()
    {
        var e = Assert.Throws<EvaluationException>(() => MatrixFile.Parse("unit,a\nx,1\n\"y,2"));

        Assert.Contains("第3行", e.Message, StringComparison.Ordinal);
    }
}
