using System.Globalization;
using Baiqiang.Core.Regions;

namespace Baiqiang.Core.Tests.Regions;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData(510000, RegionLevel.Province)]
    [InlineData(510500, RegionLevel.Prefecture)]
    [InlineData(510502, RegionLevel.County)]
    [InlineData(130171, RegionLevel.County)]
    [InlineData(360123401, RegionLevel.Zone)]
    public void Level_FromDigits(int value, RegionLevel expected)
        => Assert.Equal(expected, new RegionCode(value).Level);

    [Theory]
    [InlineData(510502, 510500)]
    [InlineData(510500, 510000)]
    [InlineData(360123401, 360123)]
    public void Parent_FromDigits(int value, int parent)
        => Assert.Equal(new RegionCode(parent), new RegionCode(value).Parent);

    [Fact]
    public void Parent_Province_IsNull()
        => Assert.Null(new RegionCode(510000).Parent);

    [Fact]
    public void ProvinceAndPrefecture_OfCounty()
    {
        var c = new RegionCode(510502);
        Assert.Equal(new RegionCode(510000), c.Province);
        Assert.Equal(new RegionCode(510500), c.Prefecture);
        Assert.Equal(51, c.ProvinceDigits);
        Assert.Equal(5, c.PrefectureDigits);
        Assert.Equal(2, c.CountyDigits);
    }

    [Fact]
    public void ProvinceAndPrefecture_OfProvinceAndZone()
    {
        Assert.Null(new RegionCode(510000).Prefecture);
        Assert.Equal(new RegionCode(510000), new RegionCode(510000).Province);
        var zone = new RegionCode(360123401);
        Assert.Equal(new RegionCode(360100), zone.Prefecture);
        Assert.Equal(new RegionCode(360000), zone.Province);
    }

    [Fact]
    public void Zone_NineDigits_Formatting()
    {
        var z = new RegionCode(360123).Zone(401);
        Assert.True(z.IsZone);
        Assert.Equal(360123401, z.Value);
        Assert.Equal("360123401", z.ToString());
        Assert.Equal("510502", new RegionCode(510502).ToString());
        Assert.Equal("360123401", string.Create(CultureInfo.InvariantCulture, $"{z}"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Zone_SerialOutOfRange_Throws(int serial)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RegionCode(360123).Zone(serial));

    [Fact]
    public void Zone_OfZone_Throws()
        => Assert.Throws<InvalidOperationException>(() => new RegionCode(360123401).Zone(1));

    [Theory]
    [InlineData(130171, true)]
    [InlineData(130179, true)]
    [InlineData(130170, false)]
    [InlineData(130180, false)]
    [InlineData(510502, false)]
    [InlineData(137100, false)]
    public void IsStatisticalDevelopmentZone_Digits71To79(int value, bool expected)
        => Assert.Equal(expected, new RegionCode(value).IsStatisticalDevelopmentZone);

    [Fact]
    public void Contains_Hierarchy()
    {
        Assert.True(new RegionCode(510000).Contains(new RegionCode(510502)));
        Assert.True(new RegionCode(510500).Contains(new RegionCode(510502)));
        Assert.True(new RegionCode(360123).Contains(new RegionCode(360123401)));
        Assert.False(new RegionCode(510500).Contains(new RegionCode(510500)));
        Assert.False(new RegionCode(510500).Contains(new RegionCode(510602)));
    }

    [Theory]
    [InlineData("51050")]
    [InlineData("5105021")]
    [InlineData("51050x")]
    [InlineData("")]
    [InlineData("999999")]
    [InlineData("100000")]
    [InlineData("360123000")]
    public void TryParse_Malformed_FailsBilingually(string text)
    {
        var r = RegionCode.TryParse(text.AsSpan());
        Assert.False(r.Success);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r.Error!.Value.Zh);
        Assert.Matches("[a-z]", r.Error!.Value.En);
        var ex = Assert.Throws<FormatException>(() => RegionCode.Parse(text));
        Assert.Contains(" / ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("510502", 510502)]
    [InlineData(" 510502 ", 510502)]
    [InlineData("５１０５０２", 510502)]
    [InlineData("360123401", 360123401)]
    public void TryParse_Valid(string text, int expected)
    {
        Assert.True(RegionCode.TryParse(text, out var code));
        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData(100000)]
    [InlineData(830000)]
    [InlineData(12345)]
    public void Constructor_OutOfRange_Throws(int value)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RegionCode(value));

    [Fact]
    public void Equality_OperatorsEqualsHashCodeCompareTo_Agree()
    {
        var a = new RegionCode(510502);
        var b = RegionCode.Parse("510502");
        var c = new RegionCode(510503);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a != c);
        Assert.False(a.Equals(c));
        Assert.True(a.CompareTo(c) < 0);
        Assert.True(c.CompareTo(a) > 0);
        Assert.True(a < c && c > a && a <= b && a >= b);
    }

    [Fact]
    public void Ordering_SortsNumerically()
    {
        var codes = new[] { new RegionCode(510502), new RegionCode(110112), new RegionCode(320612) };
        Assert.Equal([110112, 320612, 510502], codes.Order().Select(c => c.Value));
    }

    [Fact]
    public void TryFormat_WritesDigits()
    {
        Span<char> buf = stackalloc char[9];
        Assert.True(new RegionCode(510502).TryFormat(buf, out var n, default, CultureInfo.InvariantCulture));
        Assert.Equal("510502", buf[..n].ToString());
    }
}
