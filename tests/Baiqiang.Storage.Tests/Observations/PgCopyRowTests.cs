using System.Buffers.Binary;
using System.Globalization;
using Baiqiang.Storage.Observations;

namespace Baiqiang.Storage.Tests.Observations;

/// <summary>The binary <c>numeric</c> encoding of the PostgreSQL bulk load, against hand-worked bytes and against an
/// independent encoding built from the decimal's text.</summary>
public sealed class PgCopyRowTests
{
    [Theory]
    [InlineData("80.19", "0002 0000 0000 0002 0050 076C")]
    [InlineData("0", "0000 0000 0000 0000")]
    [InlineData("0.00", "0000 0000 0000 0002")]
    [InlineData("-0.00000001", "0001 FFFE 4000 0008 0001")]
    [InlineData("10000", "0001 0001 0000 0000 0001")]
    [InlineData("12345678.9", "0003 0001 0000 0001 04D2 162E 2328")]
    [InlineData("-7.5", "0002 0000 4000 0001 0007 1388")]
    public void WriteNumeric_HandWorkedValues_GiveNumericRecvBytes(string text, string hex)
    {
        var value = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

        Assert.Equal(hex.Replace(" ", string.Empty, StringComparison.Ordinal), Convert.ToHexString(Encode(value)));
    }

    [Fact]
    public void WriteNumeric_AnyDecimal_MatchesTheEncodingOfItsText()
    {
        var random = new Random(20261207);
        var values = new List<decimal> { decimal.MaxValue, decimal.MinValue, 1m / 3m, -0.0000000000000000000000000001m, 18446744073709551615m, 18446744073709551.615m };
        for (var i = 0; i < 5_000; i++)
        {
            var hi = i % 3 == 0 ? random.Next() : 0;
            var mid = i % 2 == 0 ? random.Next() : random.Next(0, 4);
            values.Add(new decimal(random.Next(), mid, hi, random.Next(2) == 0, (byte)random.Next(0, 29)));
        }

        foreach (var value in values)
        {
            Assert.True(Oracle(value).AsSpan().SequenceEqual(Encode(value)), value.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Header_AndTrailer_FrameTheRowsAsCopyBinaryFormat()
    {
        var row = new PgCopyRow(8);
        row.Header();
        row.StartRow(3);
        row.Int(7);
        row.Text("单位"u8.ToArray());
        row.Null();
        row.Trailer();

        Assert.Equal(
            "5047434F50590AFF0D0A00" + "00000000" + "00000000" + "0003" + "00000004" + "00000007" + "00000006" + "E58D95E4BD8D" + "FFFFFFFF" + "FFFF",
            Convert.ToHexString(row.Written));
    }

    private static byte[] Encode(decimal value)
    {
        var buffer = new byte[64];
        var n = PgCopyRow.WriteNumeric(buffer, value);
        return buffer[..n];
    }

    /// <summary>numeric's binary form from the decimal's invariant text: digits grouped by four around the point.</summary>
    private static byte[] Oracle(decimal value)
    {
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        whole = whole.PadLeft((whole.Length + 3) / 4 * 4, '0');
        var paddedFraction = fraction.PadRight((fraction.Length + 3) / 4 * 4, '0');
        var groups = new List<short>();
        for (var i = 0; i < whole.Length; i += 4)
        {
            groups.Add(short.Parse(whole.AsSpan(i, 4), CultureInfo.InvariantCulture));
        }

        var weight = groups.Count - 1;
        for (var i = 0; i < paddedFraction.Length; i += 4)
        {
            groups.Add(short.Parse(paddedFraction.AsSpan(i, 4), CultureInfo.InvariantCulture));
        }

        while (groups.Count > 0 && groups[0] == 0)
        {
            groups.RemoveAt(0);
            weight--;
        }

        while (groups.Count > 0 && groups[^1] == 0)
        {
            groups.RemoveAt(groups.Count - 1);
        }

        if (groups.Count == 0)
        {
            weight = 0;
        }

        var bytes = new byte[8 + (2 * groups.Count)];
        BinaryPrimitives.WriteInt16BigEndian(bytes, (short)groups.Count);
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(2), (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(4), groups.Count > 0 && value < 0 ? (short)0x4000 : (short)0);
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(6), (short)fraction.Length);
        for (var i = 0; i < groups.Count; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(8 + (2 * i)), groups[i]);
        }

        return bytes;
    }
}
