using Baiqiang.Core.Geo;

namespace Baiqiang.Core.Tests.Geo;

public sealed class ChinaDatumTests
{
    // Published reference pairs (WGS-84 → GCJ-02): the test table of googollee/eviltransform (Shanghai, Shenzhen, Beijing;
    // MIT) and the README example of wandergis/coordtransform (Tiananmen, MIT). Only the figures are used.
    public static TheoryData<double, double, double, double> PublishedPairs => new()
    {
        { 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597 },
        { 113.912316, 22.543847, 113.9171764808363, 22.540796131694766 },
        { 116.377817, 39.911954, 116.38404722455657, 39.91334545536069 },
        { 116.404, 39.915, 116.41024449916938, 39.91640428150164 },
    };

    [Theory]
    [MemberData(nameof(PublishedPairs))]
    public void Wgs84ToGcj02_PublishedPair_MatchesWithinMicroDegree(double wgsLng, double wgsLat, double gcjLng, double gcjLat)
    {
        var gcj = ChinaDatum.Wgs84ToGcj02(new LngLat(wgsLng, wgsLat));

        Assert.Equal(gcjLng, gcj.Lng, 1e-7);
        Assert.Equal(gcjLat, gcj.Lat, 1e-7);
    }

    [Fact]
    public void Wgs84ToGcj02_JiangyangDistrict_MovesHundredsOfMetres()
    {
        // A point in 泸州市江阳区: the shift is what would misplace a GPS point on a GCJ-02 boundary.
        var wgs = new LngLat(105.4434, 28.8890);

        var shift = ChinaDatum.DistanceMetres(wgs, ChinaDatum.Wgs84ToGcj02(wgs));

        Assert.InRange(shift, 200, 800);
    }

    [Theory]
    [InlineData(-0.1276, 51.5072)] // London
    [InlineData(139.6917, 35.6895)] // Tokyo: east of the box
    [InlineData(-74.006, 40.7128)] // New York
    [InlineData(151.2093, -33.8688)] // Sydney
    public void Wgs84ToGcj02_OutsideChina_Unchanged(double lng, double lat)
    {
        var p = new LngLat(lng, lat);

        Assert.True(ChinaDatum.IsOutsideChina(p));
        Assert.Equal(p, ChinaDatum.Wgs84ToGcj02(p));
    }

    [Fact]
    public void ToDatum_Wgs84_Unchanged_Gcj02_Converted()
    {
        var p = new LngLat(116.404, 39.915);

        Assert.Equal(p, ChinaDatum.ToDatum(p, MapDatum.Wgs84));
        Assert.Equal(ChinaDatum.Wgs84ToGcj02(p), ChinaDatum.ToDatum(p, MapDatum.Gcj02));
    }

    [Fact]
    public void Wgs84ToGcj02_NotFinite_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinaDatum.Wgs84ToGcj02(new LngLat(double.NaN, 30)));
    }
}
