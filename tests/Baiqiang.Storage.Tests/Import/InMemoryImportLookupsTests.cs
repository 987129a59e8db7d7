using Baiqiang.Core.Periods;
using Baiqiang.Storage.Import;

namespace Baiqiang.Storage.Tests.Import;

public sealed class InMemoryImportLookupsTests
{
    private readonly IImportLookups _lookups = TestLookups.Create();

    [Theory]
    [InlineData("510502")]
    [InlineData(" 510502 ")]
    [InlineData("５１０５０２")]
    [InlineData("江阳区")]
    [InlineData("泸州市江阳区")]
    public void ResolveRegion_CodeOrName_GivesTheCode(string text)
        => Assert.Equal(TestLookups.JiangYang, _lookups.ResolveRegion(text).Value);

    [Fact]
    public void ResolveRegion_ParentQualifiedName_Disambiguates()
        => Assert.Equal(TestLookups.NantongTongzhou, _lookups.ResolveRegion("南通市通州区").Value);

    [Fact]
    public void ResolveRegion_SharedName_FailsListingBothCodes()
    {
        var r = _lookups.ResolveRegion("通州区");

        Assert.False(r.Success);
        Assert.Contains("110112", r.Error!.Value.Zh, StringComparison.Ordinal);
        Assert.Contains("320612 南通市通州区", r.Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("51050", "6 digits")]
    [InlineData("990000", "out of range")]
    [InlineData("510599", "unknown region code")]
    public void ResolveRegion_BadCode_FailsQuotingIt(string text, string reason)
    {
        var r = _lookups.ResolveRegion(text);

        Assert.False(r.Success);
        Assert.Contains(reason, r.Error!.Value.En, StringComparison.Ordinal);
        Assert.Contains(text, r.Error!.Value.Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gdp")]
    [InlineData("GDP")]
    [InlineData("地区生产总值")]
    [InlineData(" 地区 生产总值 ")]
    [InlineData("Gross regional product")]
    public void FindIndicator_CodeNameOrAlias_Finds(string text)
        => Assert.Same(TestLookups.Gdp, _lookups.FindIndicator(text));

    [Fact]
    public void FindIndicator_Unknown_IsNull() => Assert.Null(_lookups.FindIndicator("火星产值"));

    [Fact]
    public void ParsePeriod_CanonicalThenChinese_BothWork()
    {
        Assert.Equal(StatPeriod.CumulativeTo(2023, 6), _lookups.ParsePeriod("2023-01..06").Value);
        Assert.Equal(StatPeriod.CumulativeTo(2023, 6), _lookups.ParsePeriod("2023年上半年").Value);
        Assert.False(_lookups.ParsePeriod("去年").Success);
    }
}
