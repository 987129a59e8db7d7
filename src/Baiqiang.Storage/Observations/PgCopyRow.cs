using System.Buffers.Binary;
using System.Text;

namespace Baiqiang.Storage.Observations;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"),
/// written into one growing buffer: a 16-bit field count per row, then each field as a 32-bit byte length (−1 for NULL)
/// and its bytes in network order. Integers are <c>int4</c>, texts UTF-8 (<c>varchar</c>; Npgsql sets the
/// connection's client encoding to UTF-8), <c>bool</c> one byte, <c>timestamptz</c> microseconds since 2000-01-01 UTC,
/// and <c>numeric</c> base-10000 digits as <c>numeric_recv</c> reads them.
/// </summary>
internal struct PgCopyRow(int capacity)
{
    /// <summary>Send the buffer on once it holds this much (a row is far smaller, so one row never runs past it by much).</summary>
    public const int FlushAt = 60_000;

    /// <summary>"PGCOPY\n\xff\r\n\0".</summary>
    private static ReadOnlySpan<byte> Signature => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private byte[] _buffer = new byte[capacity];
    private int _length;

    /// <summary>Bytes written since the last <see cref="Clear"/>.</summary>
    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    /// <summary>The file header: signature, no flags, no header extension.</summary>
    public void Header()
    {
        Signature.CopyTo(Room(Signature.Length + 8));
        _length += Signature.Length;
        Int32(0);
        Int32(0);
    }

    /// <summary>The file trailer: a field count of −1.</summary>
    public void Trailer() => Int16(-1);

    public void StartRow(int fields) => Int16(checked((short)fields));

    public void Null() => Int32(-1);

    public void Int(int value)
    {
        Int32(4);
        Int32(value);
    }

    public void Int(int? value)
    {
        if (value is { } v)
        {
            Int(v);
        }
        else
        {
            Null();
        }
    }

    public void Bool(bool value)
    {
        Int32(1);
        Room(1)[0] = value ? (byte)1 : (byte)0;
        _length++;
    }

    /// <summary>A <c>timestamptz</c> already converted by <see cref="TimestampTz"/>.</summary>
    public void Int64(long value)
    {
        Int32(8);
        BinaryPrimitives.WriteInt64BigEndian(Room(8), value);
        _length += 8;
    }

    /// <summary>UTF-8 text; null writes NULL.</summary>
    public void Text(byte[]? utf8)
    {
        if (utf8 is null)
        {
            Null();
            return;
        }

        Int32(utf8.Length);
        utf8.CopyTo(Room(utf8.Length));
        _length += utf8.Length;
    }

    /// <summary>A decimal as <c>numeric</c>; null writes NULL.</summary>
    public void Numeric(decimal? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }

        // Length, then the header (ndigits, weight, sign, dscale) and at most 8 base-10000 digits (96 bits × 10³).
        var dest = Room(4 + 8 + (2 * 9));
        var n = WriteNumeric(dest[4..], v);
        BinaryPrimitives.WriteInt32BigEndian(dest, n);
        _length += 4 + n;
    }

    /// <summary>Microseconds since 2000-01-01 UTC, PostgreSQL's <c>timestamptz</c> (sub-microsecond ticks dropped, as Npgsql does).</summary>
    public static long TimestampTz(DateTimeOffset value) => (value.UtcTicks - PostgresEpochTicks) / 10;

    /// <summary>
    /// Writes <paramref name="value"/> as the body of a binary <c>numeric</c>: ndigits, weight (of the first digit, in
    /// powers of 10000), sign (0x0000 or 0x4000) and display scale (the decimal's own scale), then the digits, most
    /// significant first, without leading or trailing zero digits. Returns the bytes written (8 + 2 × ndigits).
    /// </summary>
    /// <remarks>The 96-bit magnitude is multiplied by 10^k (k ≤ 3) so that its scale becomes a multiple of 4; its
    /// base-10000 digits below that point are then the fraction's.</remarks>
    internal static int WriteNumeric(Span<byte> dest, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var pad = (4 - (scale % 4)) % 4;
        var fractionDigits = (scale + pad) / 4;
        Span<short> digits = stackalloc short[10];
        int count;
        var m = (((ulong)(uint)bits[1]) << 32) | (uint)bits[0];
        if (bits[2] == 0 && m <= ulong.MaxValue / 1000)
        {
            // Most figures fit 64 bits even after the padding: plain ulong arithmetic.
            for (var i = 0; i < pad; i++)
            {
                m *= 10;
            }

            count = 0;
            while (m != 0)
            {
                (m, var d) = Math.DivRem(m, 10_000UL);
                digits[count++] = (short)d;
            }
        }
        else
        {
            var wide = new UInt128((uint)bits[2], m);
            for (var i = 0; i < pad; i++)
            {
                wide *= 10;
            }

            count = 0;
            while (wide != UInt128.Zero)
            {
                (wide, var d) = UInt128.DivRem(wide, 10_000);
                digits[count++] = (short)(ulong)d;
            }
        }

        // digits[0] is the least significant; drop trailing zero digits (the weight is fixed by the most significant).
        var weight = count - fractionDigits - 1;
        var low = 0;
        while (low < count && digits[low] == 0)
        {
            low++;
        }

        var ndigits = count - low;
        if (ndigits == 0)
        {
            weight = 0;
        }

        BinaryPrimitives.WriteInt16BigEndian(dest, (short)ndigits);
        BinaryPrimitives.WriteInt16BigEndian(dest[2..], (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(dest[4..], ndigits != 0 && bits[3] < 0 ? (short)0x4000 : (short)0);
        BinaryPrimitives.WriteInt16BigEndian(dest[6..], (short)scale);
        var at = 8;
        for (var i = count - 1; i >= low; i--)
        {
            BinaryPrimitives.WriteInt16BigEndian(dest[at..], digits[i]);
            at += 2;
        }

        return at;
    }

    private void Int16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(Room(2), value);
        _length += 2;
    }

    private void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Room(4), value);
        _length += 4;
    }

    /// <summary>At least <paramref name="size"/> free bytes at the end of the buffer, growing it when needed.</summary>
    private Span<byte> Room(int size)
    {
        if (_buffer.Length - _length < size)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
        }

        return _buffer.AsSpan(_length);
    }
}
