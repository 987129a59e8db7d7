namespace Baiqiang.Core.Geo;

/// <summary>The geodetic datum a set of longitudes and latitudes is given in.</summary>
public enum MapDatum
{
    /// <summary>WGS-84: what GPS receivers and a photo's EXIF GPS tags give. Baiqiang stores coordinates in this datum.</summary>
    Wgs84,

    /// <summary>
    /// GCJ-02 (国测局坐标, "Mars coordinates"): the obfuscated datum Chinese map services publish in (高德/AutoNavi, Tencent,
    /// DataV.GeoAtlas boundaries). Inside China a GCJ-02 point lies some hundreds of metres from the WGS-84 point of the same place.
    /// </summary>
    Gcj02,
}

/// <summary>A point in degrees: longitude east positive, latitude north positive.</summary>
public readonly record struct LngLat(double Lng, double Lat);

/// <summary>
/// Converts WGS-84 coordinates to GCJ-02 with the publicly documented formula (the Krasovsky-1940 ellipsoid and the two
/// trigonometric offset series in longitude and latitude), so points taken by GPS land where they belong on maps drawn in
/// GCJ-02. Outside China's bounding box (longitude 72.004–137.8347, latitude 0.8293–55.8271) GCJ-02 equals WGS-84 and the
/// point is returned unchanged. Pure and deterministic; the result agrees with the published reference conversions to
/// better than 1e-6 degrees (about 0.1 m).
/// </summary>
public static class ChinaDatum
{
    // Krasovsky 1940 ellipsoid, which the formula uses: semi-major axis (m) and first eccentricity squared.
    private const double SemiMajor = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;

    /// <summary>True when the point lies outside the box in which GCJ-02 differs from WGS-84.</summary>
    public static bool IsOutsideChina(LngLat p) => p.Lng < 72.004 || p.Lng > 137.8347 || p.Lat < 0.8293 || p.Lat > 55.8271;

    /// <summary>The GCJ-02 point of the WGS-84 point <paramref name="wgs"/> (unchanged outside China).</summary>
    public static LngLat Wgs84ToGcj02(LngLat wgs)
    {
        if (!double.IsFinite(wgs.Lng) || !double.IsFinite(wgs.Lat))
        {
            throw new ArgumentOutOfRangeException(nameof(wgs), wgs, "coordinates must be finite numbers");
        }

        if (IsOutsideChina(wgs))
        {
            return wgs;
        }

        var x = wgs.Lng - 105.0;
        var y = wgs.Lat - 35.0;
        var dLat = LatitudeOffset(x, y);
        var dLng = LongitudeOffset(x, y);
        var radLat = wgs.Lat / 180.0 * Math.PI;
        var sin = Math.Sin(radLat);
        var magic = 1 - (EccentricitySquared * sin * sin);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (SemiMajor * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLng = dLng * 180.0 / (SemiMajor / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return new LngLat(wgs.Lng + dLng, wgs.Lat + dLat);
    }

    /// <summary>
    /// <paramref name="wgs"/> (as stored) in <paramref name="datum"/>, the datum of the map it is drawn on.
    /// </summary>
    public static LngLat ToDatum(LngLat wgs, MapDatum datum) => datum switch
    {
        MapDatum.Wgs84 => wgs,
        MapDatum.Gcj02 => Wgs84ToGcj02(wgs),
        _ => throw new ArgumentOutOfRangeException(nameof(datum), datum, "unknown datum"),
    };

    /// <summary>The distance in metres between two points on a sphere of the WGS-84 mean radius (haversine).</summary>
    public static double DistanceMetres(LngLat a, LngLat b)
    {
        const double radius = 6371008.8;
        var p1 = a.Lat * Math.PI / 180.0;
        var p2 = b.Lat * Math.PI / 180.0;
        var dp = p2 - p1;
        var dl = (b.Lng - a.Lng) * Math.PI / 180.0;
        var h = (Math.Sin(dp / 2) * Math.Sin(dp / 2)) + (Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2));
        return 2 * radius * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }

    private static double LatitudeOffset(double x, double y)
    {
        var r = -100.0 + (2.0 * x) + (3.0 * y) + (0.2 * y * y) + (0.1 * x * y) + (0.2 * Math.Sqrt(Math.Abs(x)));
        r += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        r += ((20.0 * Math.Sin(y * Math.PI)) + (40.0 * Math.Sin(y / 3.0 * Math.PI))) * 2.0 / 3.0;
        r += ((160.0 * Math.Sin(y / 12.0 * Math.PI)) + (320.0 * Math.Sin(y * Math.PI / 30.0))) * 2.0 / 3.0;
        return r;
    }

    private static double LongitudeOffset(double x, double y)
    {
        var r = 300.0 + x + (2.0 * y) + (0.1 * x * x) + (0.1 * x * y) + (0.1 * Math.Sqrt(Math.Abs(x)));
        r += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        r += ((20.0 * Math.Sin(x * Math.PI)) + (40.0 * Math.Sin(x / 3.0 * Math.PI))) * 2.0 / 3.0;
        r += ((150.0 * Math.Sin(x / 12.0 * Math.PI)) + (300.0 * Math.Sin(x / 30.0 * Math.PI))) * 2.0 / 3.0;
        return r;
    }
}
