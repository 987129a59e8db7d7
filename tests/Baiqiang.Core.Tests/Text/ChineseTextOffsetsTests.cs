using Baiqiang.Core.Text;

namespace Baiqiang.Core.Tests.Text;

public sealed class ChineseTextOffsetsTests
{
    [Fact]
    public void NormalizeKeepingOffsets_TraditionalFullWidthAndPinyin_MapsBackToTheOriginal()
    {
        const string original = "通州區增長(zhǎng)１３．３％——全年";
        var normalized = ChineseText.NormalizeKeepingOffsets(original, out var map);

        Assert.Equal("通州区增长13.3%-全年", normalized);
        Assert.Equal(normalized.Length, map.Length);
        var at = normalized.IndexOf("13.3", StringComparison.Ordinal);
        Assert.Equal('１', original[map[at]]);
        Assert.Equal('年', original[map[^1]]);
    }

    [Fact]
    public void NormalizeKeepingOffsets_KeepsLineBreaksAndRefusedCodePoints()
    {
        var normalized = ChineseText.NormalizeKeepingOffsets("一\n二\uFFFF", out var map);
        Assert.Equal("一\n二\uFFFF", normalized);
        Assert.Equal([0, 1, 2, 3], map);
    }

    [Theory]
    [InlineData("通州區增長(zhǎng)１３．３％——全年")]
    [InlineData("——开头的破折号,末尾的拼音增(zeng)")]
    [InlineData("㎡和ＫＭ２:一个字符展开成几个,又回到原样")]
    [InlineData("plain ASCII 123 and 简体 only")]
    [InlineData("")]
    public void NormalizeKeepingOffsetRuns_AnyText_MapsAsThePerCharacterMap(string original)
    {
        var expected = ChineseText.NormalizeKeepingOffsets(original, out var perCharacter);
        var normalized = ChineseText.NormalizeKeepingOffsetRuns(original, out var runs);

        Assert.Equal(expected, normalized);
        Assert.Equal(perCharacter, runs);
        Assert.Equal(perCharacter, Enumerable.Range(0, runs.Count).Select(i => runs[i]));
    }

    [Fact]
    public void NormalizeKeepingOffsetRuns_TextNeedingNoChange_ReturnsTheSameString()
    {
        var original = new string('9', 10_000) + "亿元";
        Assert.Same(original, ChineseText.NormalizeKeepingOffsetRuns(original, out var map));
        Assert.Equal(10_001, map[10_001]);
    }

    [Fact]
    public void TraditionalTable_MapsTraditionalToSimplified()
        => Assert.Equal('区', ChineseText.TraditionalTable['區']);
}
