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

    [Fact]
    public void TraditionalTable_MapsTraditionalToSimplified()
        => Assert.Equal('区', ChineseText.TraditionalTable['區']);
}
