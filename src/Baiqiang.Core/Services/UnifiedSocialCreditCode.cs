using Baiqiang.Core.Text;

namespace Baiqiang.Core.Services;

/// <summary>
/// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from the 31-character set
/// 0–9 A–H J–N P–R T U W–Y (no I, O, S, V, Z), the last being a check character.
/// </summary>
/// <remarks>
/// <para>Check character: with the first 17 characters' values c<sub>i</sub> (0–30, by position in the set) and weights
/// w<sub>i</sub> = 3<sup>i</sup> mod 31 (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28),
/// check = 31 − (Σ c<sub>i</sub>·w<sub>i</sub> mod 31), with 31 written as 0.</para>
/// <para>Input is trimmed and upper-cased; equality is ordinal on the canonical text. Characters 3–8 are the
/// registering authority's administrative division code (<see cref="DivisionCode"/>).</para>
/// </remarks>
public readonly record struct UnifiedSocialCreditCode : IComparable<UnifiedSocialCreditCode>
{
    public const int Length = 18;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private readonly string? _value;

    private UnifiedSocialCreditCode(string value) => _value = value;

    /// <summary>The 18-character canonical text.</summary>
    public string Value => _value ?? throw new InvalidOperationException("未初始化的统一社会信用代码 / uninitialised credit code");

    /// <summary>登记管理部门代码 (1 机构编制, 5 民政, 9 工商 …).</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>The six-digit division code in positions 3–8.</summary>
    public string DivisionCode => Value.Substring(2, 6);

    /// <summary>Parses without throwing; the error says which rule failed (length, character, check digit).</summary>
    public static ParseResult<UnifiedSocialCreditCode> TryParse(string? text)
    {
        var t = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (t.Length != Length)
        {
            return ParseResult<UnifiedSocialCreditCode>.Fail(
                $"统一社会信用代码“{t}”应为18位,实际{t.Length}位",
                $"unified social credit code '{t}' must have 18 characters, not {t.Length}");
        }

        for (var i = 0; i < Length; i++)
        {
            var v = Alphabet.IndexOf(t[i], StringComparison.Ordinal);
            if (v < 0 || (i >= 2 && i < 8 && !char.IsAsciiDigit(t[i])))
            {
                return ParseResult<UnifiedSocialCreditCode>.Fail(
                    $"统一社会信用代码“{t}”第{i + 1}位“{t[i]}”不是允许的字符",
                    $"unified social credit code '{t}' has a character not allowed at position {i + 1}: '{t[i]}'");
            }

        }

        var expected = CheckCharacter(t.AsSpan(0, Length - 1));
        if (t[^1] != expected)
        {
            return ParseResult<UnifiedSocialCreditCode>.Fail(
                $"统一社会信用代码“{t}”校验位错误:应为“{expected}”,而不是“{t[^1]}”",
                $"unified social credit code '{t}' fails its check digit: expected '{expected}', found '{t[^1]}'");
        }

        return ParseResult<UnifiedSocialCreditCode>.Ok(new UnifiedSocialCreditCode(t));
    }

    /// <summary>Parses, throwing <see cref="FormatException"/> with the bilingual reason.</summary>
    public static UnifiedSocialCreditCode Parse(string text) => TryParse(text).Value;

    /// <summary>The check character for the first 17 characters (which must be in the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("须为17位 / must be 17 characters", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var v = Alphabet.IndexOf(char.ToUpperInvariant(first17[i]), StringComparison.Ordinal);
            if (v < 0)
            {
                throw new ArgumentException($"字符“{first17[i]}”不在代码字符集中 / '{first17[i]}' is not a code character", nameof(first17));
            }

            sum += v * Weights[i];
        }

        var c = 31 - (sum % 31);
        return Alphabet[c == 31 ? 0 : c];
    }

    public int CompareTo(UnifiedSocialCreditCode other) => string.CompareOrdinal(_value, other._value);

    public static bool operator <(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => left.CompareTo(right) < 0;

    public static bool operator >(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => left.CompareTo(right) > 0;

    public static bool operator <=(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => left.CompareTo(right) <= 0;

    public static bool operator >=(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => left.CompareTo(right) >= 0;

    public override string ToString() => _value ?? string.Empty;
}
