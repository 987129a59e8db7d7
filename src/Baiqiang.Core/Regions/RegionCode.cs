using System.Globalization;
using Baiqiang.Core.Text;

namespace Baiqiang.Core.Regions;

/// <summary>Administrative level implied by a six-digit division code.</summary>
public enum RegionLevel
{
    /// <summary>省级: code ends in 0000 (e.g. 510000).</summary>
    Province = 1,

    /// <summary>地级: code ends in 00 but not 0000 (e.g. 510500 泸州市).</summary>
    Prefecture = 2,

    /// <summary>县级: any other six-digit code (e.g. 510502 江阳区).</summary>
    County = 3,

    /// <summary>A user-defined zone or park: nine digits, its parent's six plus a serial (e.g. 360123401 安义高新园区).</summary>
    Zone = 4,
}

/// <summary>
/// A six-digit Chinese statistical / GB/T 2260 division code such as <c>510502</c> (江阳区), or a nine-digit
/// code for a user-defined park or zone under a region (<c>360123401</c>: 安义高新园区 under 安义县 360123).
/// </summary>
/// <remarks>
/// The level and parent are derived from the digits: <c>PPCCXX</c>. A county's parent is its prefecture
/// <c>PPCC00</c>; a prefecture's parent is its province <c>PP0000</c>; a province has none. A nine-digit zone
/// code's parent is its first six digits; its last three (001–999) are a serial, by convention 401–599 as NBS
/// numbers 开发区-type units at township level. The code does not say whether it is still in force — that is a
/// property of <see cref="Region"/> validity periods. Equality and ordering are those of the numeric value.
/// The canonical text form is the six (or nine) digits.
/// </remarks>
public readonly record struct RegionCode : IComparable<RegionCode>, ISpanFormattable
{
    private readonly int _value;

    /// <summary>Creates a code, throwing <see cref="ArgumentOutOfRangeException"/> unless it is six digits with a valid province part (11–82),
    /// or nine digits whose first six are such a code and whose last three are 001–999.</summary>
    public RegionCode(int value)
    {
        if (Validate(value) is { } error)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, error.ToString());
        }

        _value = value;
    }

    /// <summary>The numeric value, e.g. 510502 (or 360123401 for a zone).</summary>
    public int Value => _value;

    /// <summary>True for a nine-digit user-defined zone code.</summary>
    public bool IsZone => _value >= 100_000_000;

    /// <summary>The six-digit official part: the code itself, or a zone's parent.</summary>
    private int Official => IsZone ? _value / 1000 : _value;

    public int ProvinceDigits => Official / 10000;

    public int PrefectureDigits => Official / 100 % 100;

    public int CountyDigits => Official % 100;

    public RegionLevel Level => IsZone ? RegionLevel.Zone
        : _value % 10000 == 0 ? RegionLevel.Province
        : _value % 100 == 0 ? RegionLevel.Prefecture
        : RegionLevel.County;

    /// <summary>The enclosing division derived from the digits, or null for a province.</summary>
    public RegionCode? Parent => Level switch
    {
        RegionLevel.Zone => new RegionCode(_value / 1000),
        RegionLevel.County => new RegionCode(_value / 100 * 100),
        RegionLevel.Prefecture => new RegionCode(_value / 10000 * 10000),
        _ => null,
    };

    /// <summary>The province this code lies in (itself for a province).</summary>
    public RegionCode Province => new(Official / 10000 * 10000);

    /// <summary>The prefecture this code lies in (itself for a prefecture), or null for a province.</summary>
    public RegionCode? Prefecture => Level == RegionLevel.Province ? null : new RegionCode(Official / 100 * 100);

    /// <summary>County digits 71–79 mark statistical development zones (经济技术开发区, 高新区 …) in NBS tables.</summary>
    public bool IsStatisticalDevelopmentZone => Level == RegionLevel.County && CountyDigits is >= 71 and <= 79;

    /// <summary>A zone code under this region with the given serial (1–999).</summary>
    public RegionCode Zone(int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999);
        return IsZone ? throw new InvalidOperationException("zones cannot nest / 园区下不能再设园区") : new RegionCode((_value * 1000) + serial);
    }

    /// <summary>True when <paramref name="other"/> lies inside this code's area (strictly).</summary>
    public bool Contains(RegionCode other)
    {
        if (other == this)
        {
            return false;
        }

        var o = other.Official;
        return Level switch
        {
            RegionLevel.Province => o / 10000 == _value / 10000,
            RegionLevel.Prefecture => o / 100 == _value / 100,
            RegionLevel.County => other.IsZone && o == _value,
            _ => false,
        };
    }

    public static ParseResult<RegionCode> TryParse(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        if (t.Length is not (6 or 9))
        {
            return ParseResult<RegionCode>.Fail(
                $"行政区划代码必须是6位数字(园区为9位),而不是“{t}”",
                $"a region code must be 6 digits (9 for a park), not '{t}'");
        }

        var value = 0;
        foreach (var c in t)
        {
            // Full-width digits (０-９) are accepted as users paste them from documents.
            var d = c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;
            if (d < 0)
            {
                return ParseResult<RegionCode>.Fail(
                    $"行政区划代码必须是6位数字(园区为9位),而不是“{t}”",
                    $"a region code must be 6 digits (9 for a park), not '{t}'");
            }

            value = (value * 10) + d;
        }

        return Validate(value) is { } error ? ParseResult<RegionCode>.Fail(error) : ParseResult<RegionCode>.Ok(new RegionCode(value));
    }

    /// <summary>Parses six digits, throwing <see cref="FormatException"/> with a bilingual message otherwise.</summary>
    public static RegionCode Parse(string text) => TryParse(text).Value;

    public static bool TryParse(string? text, out RegionCode code)
    {
        var r = TryParse(text.AsSpan());
        code = r.Success ? r.Value : default;
        return r.Success;
    }

    private static Bilingual? Validate(int value)
    {
        if (value >= 100_000_000)
        {
            if (value % 1000 == 0)
            {
                return new Bilingual($"园区代码“{value}”的末三位不能为000", $"zone code '{value}' cannot end in 000");
            }

            value /= 1000;
        }

        if (value is < 110000 or > 829999)
        {
            return new Bilingual($"行政区划代码“{value}”超出范围(110000–829999)", $"region code '{value}' is out of range (110000–829999)");
        }

        var province = value / 10000;
        if (province is < 11 or > 82)
        {
            return new Bilingual($"行政区划代码“{value}”的省级部分“{province}”无效", $"region code '{value}' has an invalid province part '{province}'");
        }

        return null;
    }

    public int CompareTo(RegionCode other) => _value.CompareTo(other._value);

    public static bool operator <(RegionCode left, RegionCode right) => left._value < right._value;

    public static bool operator >(RegionCode left, RegionCode right) => left._value > right._value;

    public static bool operator <=(RegionCode left, RegionCode right) => left._value <= right._value;

    public static bool operator >=(RegionCode left, RegionCode right) => left._value >= right._value;

    public override string ToString() => _value.ToString(IsZone ? "D9" : "D6", CultureInfo.InvariantCulture);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => _value.TryFormat(destination, out charsWritten, IsZone ? "D9" : "D6", CultureInfo.InvariantCulture);
}
