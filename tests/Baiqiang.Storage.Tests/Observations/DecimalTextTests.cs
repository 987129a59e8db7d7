using System.Globalization;
using System.Text;
using Baiqiang.Storage.Observations;

namespace Baiqiang.Storage.Tests.Observations;

/// <summary>The SQLite bulk writer's decimal text is byte for byte what EF Core stores for a decimal.</summary>
public sealed class DecimalTextTests
{
    private const string EfFormat = "0.0###########################";

    private static string Fast(decimal value)
    {
        Span<byte> utf8 = stackalloc byte[64];
        return Encoding.UTF8.GetString(utf8[..ObservationWriter.FormatDecimal(value, utf8)]);
    }

    public static TheoryData<string> Literals() =>
    [
        "0", "0.00", "-0.00", "1", "-1", "80.19", "100", "10000.00", "1.10", "-7.50", "0.5", "0.05", "-0.00000001", "0.00000001",
        "99999999999999999999.99999999", "-12345678901234.5678", "4294967296.00000001", "1000000000000000", "123.456000",
        "79228162514264337593543950335", "-79228162514264337593543950335", "0.0000000000000000000000000001", "7.9228162514264337593543950335",
    ];

    [Theory]
    [MemberData(nameof(Literals))]
    public void FormatDecimal_Literal_SameTextAsEfCore(string literal)
    {
        var value = decimal.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);

        Assert.Equal(value.ToString(EfFormat, CultureInfo.InvariantCulture), Fast(value));
    }

    [Theory]
    [MemberData(nameof(Literals))]
    public void FormatDecimalText_Literal_SameTextAsEfCore(string literal)
    {
        var value = decimal.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);

        Assert.Equal(value.ToString(EfFormat, CultureInfo.InvariantCulture), ObservationWriter.FormatDecimalText(value));
        Assert.Equal(decimal.Negate(value).ToString(EfFormat, CultureInfo.InvariantCulture), ObservationWriter.FormatDecimalText(decimal.Negate(value)));
    }

    [Fact]
    public void FormatDecimal_NegativeZero_SameTextAsEfCore()
    {
        var negativeZero = decimal.Negate(0.000m);

        Assert.Equal(negativeZero.ToString(EfFormat, CultureInfo.InvariantCulture), Fast(negativeZero));
    }

    [Fact]
    public void FormatDecimal_ManyValuesOfEveryScale_SameTextAsEfCore()
    {
        var random = new Random(16);
        for (var i = 0; i < 20_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(), i % 7 == 0 ? 0 : random.Next(), i % 2 == 0, (byte)(i % 29));

            Assert.Equal(value.ToString(EfFormat, CultureInfo.InvariantCulture), Fast(value));
        }
    }
}
