using Baiqiang.Core.Services;

namespace Baiqiang.Core.Tests.Services;

public sealed class UnifiedSocialCreditCodeTests
{
    // Codes as printed on business licences; their check characters were verified by computing GB 32100-2015's formula.
    [Theory]
    [InlineData("91110000600037341L")]
    [InlineData("91310000717854505W")]
    [InlineData("91440300708461136T")]
    [InlineData("91110108551385082Q")]
    [InlineData("  91110000600037341l ")]
    public void TryParse_PublishedCode_Succeeds(string text)
    {
        var r = UnifiedSocialCreditCode.TryParse(text);
        Assert.True(r.Success, r.Error?.ToString());
        Assert.Equal(text.Trim().ToUpperInvariant(), r.Value.Value);
    }

    [Theory]
    [InlineData("91110000600037341X", "校验位")]
    [InlineData("91110000600037341", "18位")]
    [InlineData("9111000060003734IL", "字符")]
    [InlineData("91A10000600037341L", "字符")]
    [InlineData("", "18位")]
    public void TryParse_BadCode_FailsWithReason(string text, string reason)
    {
        var r = UnifiedSocialCreditCode.TryParse(text);
        Assert.False(r.Success);
        Assert.Contains(reason, r.Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCharacter_WeightSumMultipleOf31_IsZero()
    {
        // All zeros: the weighted sum is 0, 31 − 0 = 31, written as 0.
        Assert.Equal('0', UnifiedSocialCreditCode.CheckCharacter("00000000000000000"));
    }

    [Fact]
    public void Equality_SameText_EqualAndSameHash()
    {
        var a = UnifiedSocialCreditCode.Parse("91110000600037341L");
        var b = UnifiedSocialCreditCode.Parse("91110000600037341l");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("110000", a.DivisionCode);
        Assert.NotEqual(a, UnifiedSocialCreditCode.Parse("91310000717854505W"));
    }
}
